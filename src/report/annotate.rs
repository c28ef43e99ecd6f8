//! Annotations for CI: GitHub Actions workflow commands and SARIF 2.1.0, each pointing at the
//! line of the claim sheet that holds a conflicting statement and naming the other document.

use serde_json::json;

use super::view::{ClaimView, GroupView};

/// GitHub shows at most this many annotations of one kind per step.
pub const GITHUB_LIMIT: usize = 10;

/// One annotation: a statement, the claim it clashes with, and how serious it is.
struct Finding<'a> {
    group: &'a GroupView,
    here: &'a ClaimView,
    there: &'a ClaimView,
}

fn findings<'a>(groups: &[&'a GroupView]) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for g in groups {
        for &(i, j) in &g.clashes {
            if let (Some(a), Some(b)) = (g.claims.get(i), g.claims.get(j)) {
                out.push(Finding { group: g, here: a, there: b });
                out.push(Finding { group: g, here: b, there: a });
            }
        }
    }
    // Open conflicts before explained ones; then by file and line, for stable output.
    out.sort_by(|a, b| (a.group.explained.is_some(), &a.here.sheet, a.here.line, &a.group.key).cmp(&(b.group.explained.is_some(), &b.here.sheet, b.here.line, &b.group.key)));
    out.dedup_by(|a, b| a.group.key == b.group.key && a.here.sheet == b.here.sheet && a.here.line == b.here.line && a.there.source == b.there.source);
    out
}

fn message(f: &Finding<'_>) -> String {
    let mut m = format!(
        "conflict on {}: {} reads \"{}\" ({}), but {} reads \"{}\" ({}) at {}:{}",
        f.group.key, f.here.source, f.here.as_written, f.here.reading, f.there.source, f.there.as_written, f.there.reading, f.there.sheet, f.there.line
    );
    if let Some(reason) = &f.group.explained {
        m.push_str(&format!("; explained: {reason}"));
    }
    m
}

/// Escapes for workflow-command data and properties.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::warning file=…,line=…::…` for open conflicts, `::notice` for explained ones, at most
/// [`GITHUB_LIMIT`] of each kind, and a last notice saying how many were left out.
pub fn github(groups: &[&GroupView]) -> String {
    let all = findings(groups);
    let mut out = String::new();
    let mut shown = [0usize; 2];
    let mut hidden = 0;
    for f in &all {
        let kind = usize::from(f.group.explained.is_some());
        if shown[kind] >= GITHUB_LIMIT {
            hidden += 1;
            continue;
        }
        shown[kind] += 1;
        let level = if kind == 0 { "warning" } else { "notice" };
        out.push_str(&format!(
            "::{level} file={},line={},title={}::{}\n",
            escape_property(&f.here.sheet),
            f.here.line,
            escape_property(&format!("concord conflict: {}", f.group.key)),
            escape_data(&message(f))
        ));
    }
    if hidden > 0 {
        out.push_str(&format!("::notice title=concord::{hidden} more conflict annotations not shown (GitHub shows {GITHUB_LIMIT} of a kind per step); see the report\n"));
    }
    out
}

/// FNV-1a, 64 bits: a fingerprint that does not move when lines do.
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

fn location(c: &ClaimView) -> serde_json::Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": c.sheet}, "region": {"startLine": c.line.max(1)}}})
}

/// A SARIF 2.1.0 log: one result per conflict, located at its first statement, with the
/// other statements as related locations and a fingerprint of the key and the sources.
pub fn sarif(groups: &[&GroupView]) -> String {
    let mut results = Vec::new();
    for g in groups {
        let Some(&(i, j)) = g.clashes.first() else { continue };
        let (Some(first), Some(_)) = (g.claims.get(i), g.claims.get(j)) else { continue };
        if first.sheet.is_empty() {
            continue;
        }
        let mut sources: Vec<&str> = g.claims.iter().map(|c| c.source.as_str()).collect();
        sources.sort_unstable();
        sources.dedup();
        let related: Vec<serde_json::Value> = g
            .claims
            .iter()
            .enumerate()
            .filter(|(k, c)| *k != i && !c.sheet.is_empty())
            .map(|(k, c)| {
                let mut l = location(c);
                let map = l.as_object_mut().expect("object");
                map.insert("id".into(), json!(k));
                map.insert("message".into(), json!({"text": format!("{} reads \"{}\" ({})", c.source, c.as_written, c.reading)}));
                l
            })
            .collect();
        let level = if g.explained.is_some() { "note" } else { "warning" };
        let mut text = format!(
            "conflict on {}: {} reads \"{}\" ({}); {} other statement(s) disagree",
            g.key,
            first.source,
            first.as_written,
            first.reading,
            g.claims.len() - 1
        );
        if let Some(reason) = &g.explained {
            text.push_str(&format!("; explained: {reason}"));
        }
        results.push(json!({
            "ruleId": "conflict",
            "level": level,
            "message": {"text": text},
            "locations": [location(first)],
            "relatedLocations": related,
            "partialFingerprints": {"concordConflict/v1": fingerprint(&format!("{}|{}", g.key, sources.join(",")))},
        }));
    }
    let log = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "concord",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": [{
                    "id": "conflict",
                    "name": "SourcesConflict",
                    "shortDescription": {"text": "Two sources state values for one fact that cannot both hold"},
                    "defaultConfiguration": {"level": "warning"},
                }],
            }},
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).expect("a SARIF log serializes");
    text.push('\n');
    text
}
