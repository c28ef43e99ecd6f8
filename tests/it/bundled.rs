//! The bundled corpus: `claims/` (claim sheets of the five seeds, and the lexicon) and the
//! committed report in `reports/`.

use std::path::Path;

use concord::lexicon::Lexicon;

fn bundled_report() -> concord::report::Report {
    let sheets = concord::load_sheets(Path::new("claims")).expect("claims/ loads");
    concord::report::render(&concord::check(&sheets, &Lexicon::bundled(), &concord::compare::triage::Triage::load(Path::new("claims/triage.toml")).expect("triage")))
}

#[test]
fn committed_report_is_current() {
    let report = bundled_report();
    let json = std::fs::read_to_string("reports/report.json").expect("reports/report.json");
    let md = std::fs::read_to_string("reports/report.md").expect("reports/report.md");
    assert!(
        json == report.json && md == report.markdown,
        "reports/ is stale: run `cargo run --release -- check` and commit reports/"
    );
}

#[test]
fn bundled_report_snapshots() {
    let report = bundled_report();
    insta::assert_snapshot!("bundled-report-md", report.markdown);
    insta::assert_snapshot!("bundled-report-json", report.json);
}

#[test]
fn rerun_is_byte_identical() {
    let a = bundled_report();
    let b = bundled_report();
    assert_eq!(a.json, b.json);
    assert_eq!(a.markdown, b.markdown);
}

#[test]
fn lexicon_is_canonical() {
    // Sections are tables keyed by id, so order cannot matter; aliases must be unique after
    // folding (checked by parsing) and no alias may be listed twice for one entry.
    let text = std::fs::read_to_string("claims/lexicon.toml").expect("lexicon");
    let raw: toml::Table = toml::from_str(&text).expect("lexicon is TOML");
    for (section, entries) in &raw {
        for (id, entry) in entries.as_table().expect("a table of entries") {
            for field in ["aliases", "triggers"] {
                if let Some(list) = entry.get(field).and_then(|v| v.as_array()) {
                    let folded: Vec<String> = list.iter().map(|a| concord::lexicon::fold(a.as_str().unwrap_or_default()).text).collect();
                    let mut unique = folded.clone();
                    unique.sort();
                    unique.dedup();
                    assert_eq!(unique.len(), folded.len(), "[{section}.{id}] lists an alias twice");
                }
            }
        }
    }
    Lexicon::parse(&text, Path::new("claims/lexicon.toml")).expect("lexicon is valid");
}
