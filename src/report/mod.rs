//! Report: groups in, `report.json` and `report.md` out, byte-identical for the same claims.
//! Conflicts first, then agreements, then single-source groups; inside each, keys sorted.
//! Files are written whole or not at all: a temporary file in the same folder, then rename.

use std::io::Write;
use std::path::Path;

use serde_json::json;

pub mod annotate;
pub mod diff;
pub mod gate;
pub mod view;

use crate::compare::triage::Explanation;
use crate::compare::{Group, Note, Verdict};
use crate::error::{Error, Result};

pub struct Report {
    pub json: String,
    pub markdown: String,
}

/// Groups judged, and the triage explanations that matched no conflict.
pub struct Checked {
    pub groups: Vec<Group>,
    pub unused: Vec<Explanation>,
}

pub fn render(checked: &Checked) -> Report {
    Report { json: to_json(&checked.groups, &checked.unused), markdown: to_markdown(&checked.groups, &checked.unused) }
}

fn count(groups: &[Group], verdict: Verdict) -> usize {
    groups.iter().filter(|g| g.verdict == verdict).count()
}

fn to_json(groups: &[Group], unused: &[Explanation]) -> String {
    let mut sources: Vec<&str> = groups.iter().flat_map(|g| g.claims.iter().map(|c| c.source.as_str())).collect();
    sources.sort_unstable();
    sources.dedup();
    let legend: serde_json::Map<String, serde_json::Value> = Note::ALL.iter().map(|n| (n.code().to_string(), json!(n.description()))).collect();
    let groups_json: Vec<serde_json::Value> = groups
        .iter()
        .map(|g| {
            let mut group_sources: Vec<&str> = g.claims.iter().map(|c| c.source.as_str()).collect();
            group_sources.dedup();
            let mut group = json!({
                "key": g.key.to_string(),
                "verdict": g.verdict.as_str(),
                "notes": g.notes.iter().map(|n| n.code()).collect::<Vec<_>>(),
                "sources": group_sources,
                "claims": g.claims.iter().map(|c| json!({
                    "source": c.source,
                    "quote": c.quote,
                    "span": [c.start, c.end],
                    "as_written": c.as_written,
                    "reading": c.value.render(),
                    "value": c.value.to_json(),
                    "sheet": c.sheet,
                    "line": c.line,
                    "published": c.published,
                })).collect::<Vec<_>>(),
                "clashes": g.clashes,
            });
            if let Some(reason) = &g.explained {
                group.as_object_mut().expect("object").insert("explained".into(), json!(reason));
            }
            group
        })
        .collect();
    let report = json!({
        "concord": env!("CARGO_PKG_VERSION"),
        "summary": {
            "sources": sources.len(),
            "groups": groups.len(),
            "conflict": count(groups, Verdict::Conflict),
            "agreement": count(groups, Verdict::Agreement),
            "single-source": count(groups, Verdict::SingleSource),
            "claims": groups.iter().map(|g| g.claims.len()).sum::<usize>(),
        },
        "notes": legend,
        "groups": groups_json,
        "unused_explanations": unused.iter().map(|e| json!({"key": e.key, "reason": e.reason})).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&report).expect("a report serializes");
    text.push('\n');
    text
}

fn to_markdown(groups: &[Group], unused: &[Explanation]) -> String {
    let mut md = String::new();
    md.push_str("# concord report\n\n");
    md.push_str(&format!(
        "{} groups: **{} conflict**, {} agreement, {} single-source.\n",
        groups.len(),
        count(groups, Verdict::Conflict),
        count(groups, Verdict::Agreement),
        count(groups, Verdict::SingleSource)
    ));
    for (verdict, title) in [(Verdict::Conflict, "Conflicts"), (Verdict::Agreement, "Agreements"), (Verdict::SingleSource, "Single-source")] {
        let chosen: Vec<&Group> = groups.iter().filter(|g| g.verdict == verdict).collect();
        md.push_str(&format!("\n## {title} ({})\n", chosen.len()));
        for g in chosen {
            md.push_str(&format!("\n### `{}`\n\n", g.key));
            let notes: Vec<String> = g.notes.iter().map(|n| format!("`{}`", n.code())).collect();
            md.push_str(&format!("**{}**", g.verdict.as_str()));
            if !notes.is_empty() {
                md.push_str(&format!(" ({})", notes.join(", ")));
            }
            if let Some(reason) = &g.explained {
                md.push_str(&format!(" explained: {reason}"));
            }
            md.push('\n');
            md.push('\n');
            for c in &g.claims {
                md.push_str(&format!(
                    "- **{}**: \"{}\" → {}, in \"{}\" ({}:{})\n",
                    c.source,
                    c.as_written,
                    c.value.render(),
                    one_line(&c.quote),
                    c.sheet,
                    c.line
                ));
            }
        }
    }
    if !unused.is_empty() {
        md.push_str(&format!("\n## Unused explanations ({})\n\nThese triage entries match no conflict any more; remove them.\n\n", unused.len()));
        for e in unused {
            md.push_str(&format!("- `{}`: {}\n", e.key, e.reason));
        }
    }
    md
}

fn one_line(quote: &str) -> String {
    quote.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes each file to a temporary sibling, then renames them all into place.
pub fn write_atomic(files: &[(&Path, &str)]) -> Result<()> {
    let mut temps = Vec::new();
    for (path, content) in files {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let written = std::fs::File::create(&temp).and_then(|mut f| {
            f.write_all(content.as_bytes())?;
            f.sync_all()
        });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            for (t, _) in &temps {
                let _ = std::fs::remove_file(t);
            }
            return Err(Error::write(path, e));
        }
        temps.push((temp, *path));
    }
    for (k, (temp, path)) in temps.iter().enumerate() {
        if let Err(e) = std::fs::rename(temp, path) {
            for (t, _) in &temps[k..] {
                let _ = std::fs::remove_file(t);
            }
            return Err(Error::write(path, e));
        }
    }
    Ok(())
}
