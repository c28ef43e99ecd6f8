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
pub mod parallel;
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
    parallel::map_in_order(corpus.sources.iter().collect(), jobs, |source| extract::extract(source, lexicon))
}

/// The text of a claim sheet as written to disk: pretty JSON, one trailing newline.
pub fn sheet_text(sheet: &ClaimSheet) -> String {
    let mut text = serde_json::to_string_pretty(sheet).expect("a sheet serializes");
    text.push('\n');
    text
}

/// The path of `file` relative to the folder `dir`, when both exist.
fn relative_to(dir: &Path, file: &Path) -> Option<String> {
    let (dir, file) = (dir.canonicalize().ok()?, file.canonicalize().ok()?);
    let common = dir.components().zip(file.components()).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in dir.components().skip(common) {
        rel.push("..");
    }
    for part in file.components().skip(common) {
        rel.push(part);
    }
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// Extracts a corpus and records, in each sheet, where its source text lies from `out`.
pub fn extract_to(corpus: &Corpus, lexicon: &Lexicon, jobs: usize, out: &Path) -> Result<Vec<ClaimSheet>> {
    std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
    let mut sheets = extract_corpus(corpus, lexicon, jobs);
    for (sheet, source) in sheets.iter_mut().zip(&corpus.sources) {
        sheet.text = relative_to(out, &source.path);
    }
    Ok(sheets)
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

/// Reads one claim sheet's text: the sheet, and the line of each statement's `"quote"`.
pub fn parse_sheet(text: &str, path: &Path) -> Result<(ClaimSheet, Vec<usize>)> {
    let sheet: ClaimSheet = serde_json::from_str(text)
        .map_err(|e| Error::invalid(path, format!("line {}", e.line()), format!("not a claim sheet: {e}; fix it or run `concord extract` again")))?;
    let lines: Vec<usize> = text.lines().enumerate().filter(|(_, l)| l.trim_start().starts_with("\"quote\":")).map(|(i, _)| i + 1).collect();
    for (k, st) in sheet.statements.iter().enumerate() {
        let line = lines.get(k).copied().unwrap_or(1);
        if st.end < st.start || st.end - st.start != st.quote.len() {
            return Err(Error::invalid(path, format!("line {line}"), format!("span {}..{} does not fit the quote's {} bytes; fix `start`/`end`", st.start, st.end, st.quote.len())));
        }
    }
    Ok((sheet, lines))
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
        let (sheet, lines) = parse_sheet(&text, &path)?;
        // The source text, when the sheet says where it is and it is there.
        let text_path = sheet.text.as_ref().map(|t| path.parent().unwrap_or(Path::new(".")).join(t)).filter(|p| p.is_file());
        let text = match &text_path {
            Some(p) => Some(source::read_text(p)?),
            None => None,
        };
        for (k, st) in sheet.statements.iter().enumerate() {
            let line = lines.get(k).copied().unwrap_or(1);
            if let (Some(text), Some(tp)) = (&text, &text_path) {
                if text.get(st.start..st.end) != Some(st.quote.as_str()) {
                    let found = text.find(st.quote.as_str()).map(|at| format!(" (it is at bytes {}..{})", at, at + st.quote.len())).unwrap_or_default();
                    return Err(Error::invalid(
                        &path,
                        format!("line {line}"),
                        format!("the quote is not in {} at bytes {}..{}{found}; fix the span or run `concord extract` again", tp.display(), st.start, st.end),
                    ));
                }
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

/// Normalizes every statement of every sheet into claims with provenance, on up to `jobs`
/// threads; the claims come out in sheet order whatever the number.
pub fn claims_of_jobs(sheets: &[LoadedSheet], lexicon: &Lexicon, jobs: usize) -> Vec<Claim> {
    parallel::map_in_order(sheets.iter().collect(), jobs, |sheet| claims_of(std::slice::from_ref(sheet), lexicon)).concat()
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

/// One claim as a self-contained JSON line: sortable, shufflable, enough to judge it alone.
pub fn claim_line(meta: &source::SourceMeta, st: &extract::Statement, draft: &normalize::ClaimDraft) -> String {
    let mut line = serde_json::json!({
        "source": meta.id,
        "key": draft.key.to_string(),
        "quote": st.quote,
        "start": st.start,
        "end": st.end,
        "value": draft.value.to_json(),
        "as_written": draft.as_written,
        "published": meta.published.map(|p| p.to_string()),
        "cites": meta.cites,
    });
    if st.note {
        line.as_object_mut().expect("object").insert("note".into(), serde_json::json!(true));
    }
    line.to_string()
}

/// Extraction as a streaming mapper: documents as JSON Lines in (`{"id", "text",
/// "published"?, …}`), claims as JSON Lines out, in input order. Memory holds one batch of
/// documents, whatever the corpus size. Returns (documents, claims).
pub fn extract_jsonl(input: impl std::io::BufRead, mut output: impl std::io::Write, lexicon: &Lexicon, jobs: usize, name: &str) -> Result<(usize, usize)> {
    let batch = jobs.max(1) * 16;
    let mut lines = input.lines().enumerate().peekable();
    let (mut docs, mut claims) = (0, 0);
    let write_err = |e: std::io::Error| Error::write(Path::new("<stdout>"), e);
    while lines.peek().is_some() {
        let mut sources = Vec::new();
        for (n, line) in lines.by_ref().take(batch) {
            let line = line.map_err(|e| Error::read(Path::new(name), e))?;
            if line.trim().is_empty() {
                continue;
            }
            let place = format!("line {}", n + 1);
            let doc: serde_json::Value = serde_json::from_str(&line).map_err(|e| Error::invalid(Path::new(name), &place, format!("not JSON: {e}")))?;
            let text = doc.get("text").and_then(|t| t.as_str()).ok_or_else(|| Error::invalid(Path::new(name), &place, "no string `text`; write {\"id\": …, \"text\": …}"))?.to_string();
            if !doc.get("id").is_some_and(|i| i.is_string()) {
                return Err(Error::invalid(Path::new(name), &place, "no string `id`; every document needs an id"));
            }
            let meta: source::SourceMeta = serde_json::from_value(doc).map_err(|e| Error::invalid(Path::new(name), &place, format!("{e}")))?;
            sources.push(source::Source { meta, path: PathBuf::from(name), text });
        }
        let extracted = parallel::map_in_order(sources, jobs, |source| extract::extract_with_claims(&source, lexicon));
        for (sheet, drafts) in &extracted {
            docs += 1;
            for (st, drafts) in sheet.statements.iter().zip(drafts) {
                for draft in drafts {
                    writeln!(output, "{}", claim_line(&sheet.source, st, draft)).map_err(write_err)?;
                    claims += 1;
                }
            }
        }
    }
    output.flush().map_err(write_err)?;
    Ok((docs, claims))
}

/// Claims as JSON Lines in (the output of [`extract_jsonl`], in any order), claims out; each
/// claim's place is the input line.
pub fn claims_from_jsonl(input: impl std::io::BufRead, name: &str) -> Result<Vec<Claim>> {
    let mut claims = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Error::read(Path::new(name), e))?;
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("line {}", n + 1);
        let bad = |what: &str| Error::invalid(Path::new(name), &place, format!("{what}; each line must be a claim written by `concord extract --jsonl`"));
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| bad(&format!("not JSON: {e}")))?;
        let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let key = text("key").and_then(|k| normalize::Key::parse(&k)).ok_or_else(|| bad("no readable `key`"))?;
        let value = v.get("value").and_then(normalize::Value::from_json).ok_or_else(|| bad("no readable `value`"))?;
        claims.push(Claim {
            key,
            value,
            as_written: text("as_written").unwrap_or_default(),
            source: text("source").ok_or_else(|| bad("no `source`"))?,
            quote: text("quote").ok_or_else(|| bad("no `quote`"))?,
            start: v.get("start").and_then(|x| x.as_u64()).unwrap_or(0) as usize,
            end: v.get("end").and_then(|x| x.as_u64()).unwrap_or(0) as usize,
            sheet: name.to_string(),
            line: n + 1,
            published: text("published"),
            cites: v.get("cites").and_then(|c| c.as_array()).map(|c| c.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default(),
            note: v.get("note").and_then(|x| x.as_bool()).unwrap_or(false),
        });
    }
    Ok(claims)
}

/// Judges claims read from anywhere, with the triage applied.
pub fn check_claims(claims: Vec<Claim>, lexicon: &Lexicon, triage: &Triage, jobs: usize) -> Checked {
    let mut groups = compare(claims, lexicon, jobs);
    let unused = triage.apply(&mut groups);
    Checked { groups, unused }
}

/// The one call: claim sheets in, grouped and judged claims out, with the triage applied.
pub fn check(sheets: &[LoadedSheet], lexicon: &Lexicon, triage: &Triage) -> Checked {
    check_claims(claims_of(sheets, lexicon), lexicon, triage, 1)
}

/// [`check`] on up to `jobs` threads; the same bytes for any number.
pub fn check_jobs(sheets: &[LoadedSheet], lexicon: &Lexicon, triage: &Triage, jobs: usize) -> Checked {
    check_claims(claims_of_jobs(sheets, lexicon, jobs), lexicon, triage, jobs)
}
