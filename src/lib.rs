//! concord: where sources agree, where they conflict, and which facts rest on one source.
//!
//! ```text
//! sources ──extract──▶ statements ──normalize──▶ claims ──compare──▶ groups + verdicts ──▶ report
//! (manifest + text)    (quote + span)            (key + value)       (per key)               (json, md)
//! ```
//! The library never prints, exits or reads arguments; `main.rs` does.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod compare;
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod normalize;
pub mod report;
pub mod scan;
pub mod source;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use compare::triage::Triage;
use compare::{compare, Claim};
use report::Checked;
use error::{Error, Result};
use extract::ClaimSheet;
use lexicon::Lexicon;
use normalize::{normalize, StatementInput};
use source::{Corpus, PartialDate};

/// Reads a corpus: a manifest file, or a folder of `.txt`/`.md` files.
pub fn load_corpus(path: &Path) -> Result<Corpus> {
    if path.is_dir() {
        source::load_folder(path)
    } else {
        source::load_manifest(path)
    }
}

/// Extracts one claim sheet per source, in manifest order, on up to `jobs` threads.
pub fn extract_corpus(corpus: &Corpus, lexicon: &Lexicon, jobs: usize) -> Vec<ClaimSheet> {
    let jobs = jobs.max(1).min(corpus.sources.len().max(1));
    if jobs == 1 {
        return corpus.sources.iter().map(|s| extract::extract(s, lexicon)).collect();
    }
    let mut sheets: Vec<Option<ClaimSheet>> = vec![None; corpus.sources.len()];
    std::thread::scope(|scope| {
        let chunks: Vec<_> = sheets.chunks_mut(corpus.sources.len().div_ceil(jobs)).collect();
        let mut offset = 0;
        for chunk in chunks {
            let start = offset;
            offset += chunk.len();
            scope.spawn(move || {
                for (k, slot) in chunk.iter_mut().enumerate() {
                    *slot = Some(extract::extract(&corpus.sources[start + k], lexicon));
                }
            });
        }
    });
    sheets.into_iter().map(|s| s.expect("every sheet extracted")).collect()
}

/// The text of a claim sheet as written to disk: pretty JSON, one trailing newline.
pub fn sheet_text(sheet: &ClaimSheet) -> String {
    let mut text = serde_json::to_string_pretty(sheet).expect("a sheet serializes");
    text.push('\n');
    text
}

/// Writes `<dir>/<source-id>.json` for every sheet, each whole or not at all.
pub fn write_sheets(sheets: &[ClaimSheet], dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let texts: Vec<(PathBuf, String)> = sheets.iter().map(|s| (dir.join(format!("{}.json", s.source.id)), sheet_text(s))).collect();
    let files: Vec<(&Path, &str)> = texts.iter().map(|(p, t)| (p.as_path(), t.as_str())).collect();
    report::write_atomic(&files)
}

/// A claim sheet as read from disk, with where each statement stands in it.
pub struct LoadedSheet {
    pub path: String,
    pub sheet: ClaimSheet,
    /// The 1-based line of each statement's `"quote"` in the file.
    pub lines: Vec<usize>,
}

/// Reads every `*.json` claim sheet in a folder, sorted by file name.
pub fn load_sheets(dir: &Path) -> Result<Vec<LoadedSheet>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let mut out: Vec<LoadedSheet> = Vec::new();
    let mut ids = BTreeSet::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
        let sheet: ClaimSheet = serde_json::from_str(&text)
            .map_err(|e| Error::invalid(&path, format!("line {}", e.line()), format!("not a claim sheet: {e}; fix it or run `concord extract` again")))?;
        let lines: Vec<usize> = text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("\"quote\":")).map(|(i, _)| i + 1).collect();
        for (k, st) in sheet.statements.iter().enumerate() {
            let line = lines.get(k).copied().unwrap_or(1);
            if st.end < st.start || st.end - st.start != st.quote.len() {
                return Err(Error::invalid(&path, format!("line {line}"), format!("span {}..{} does not fit the quote's {} bytes; fix `start`/`end`", st.start, st.end, st.quote.len())));
            }
        }
        if !ids.insert(sheet.source.id.clone()) {
            return Err(Error::invalid(&path, "source.id", format!("duplicate source id `{}`; another sheet already has it", sheet.source.id)));
        }
        out.push(LoadedSheet { path: path.display().to_string(), sheet, lines });
    }
    if out.is_empty() {
        return Err(Error::invalid(dir, "folder", "holds no claim sheets (*.json); run `concord extract` first"));
    }
    Ok(out)
}

/// Normalizes every statement of every sheet into claims with provenance.
pub fn claims_of(sheets: &[LoadedSheet], lexicon: &Lexicon) -> Vec<Claim> {
    let mut claims = Vec::new();
    for loaded in sheets {
        let meta = &loaded.sheet.source;
        for (k, st) in loaded.sheet.statements.iter().enumerate() {
            let input = StatementInput { quote: &st.quote, note: st.note, published: meta.published, context: st.context.as_ref().map(|c| c.text.as_str()) };
            for draft in normalize(&input, lexicon) {
                claims.push(Claim {
                    key: draft.key,
                    value: draft.value,
                    as_written: draft.as_written,
                    source: meta.id.clone(),
                    quote: st.quote.clone(),
                    start: st.start,
                    end: st.end,
                    sheet: loaded.path.clone(),
                    line: loaded.lines.get(k).copied().unwrap_or(1),
                    published: meta.published.map(|p: PartialDate| p.to_string()),
                    cites: meta.cites.clone(),
                    note: st.note,
                });
            }
        }
    }
    claims
}

/// The one call: claim sheets in, grouped and judged claims out, with the triage applied.
pub fn check(sheets: &[LoadedSheet], lexicon: &Lexicon, triage: &Triage) -> Checked {
    let mut groups = compare(claims_of(sheets, lexicon), lexicon);
    let unused = triage.apply(&mut groups);
    Checked { groups, unused }
}
