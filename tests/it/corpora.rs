//! Small corpora written for these tests, one folder per case under `tests/fixtures/corpora/`:
//! a manifest, texts, and `expected.json` (key → verdict). The whole report is snapshotted.

use std::collections::BTreeMap;

use crate::support::{pipeline, scratch};

#[test]
fn fixture_corpora() {
    insta::glob!("../fixtures/corpora", "*/sources.json", |manifest| {
        let case = manifest.parent().and_then(|p| p.file_name()).expect("case folder").to_string_lossy().into_owned();
        let report = pipeline(manifest, &scratch(&format!("corpora/{case}")), 1);
        let expected: BTreeMap<String, String> =
            serde_json::from_str(&std::fs::read_to_string(manifest.with_file_name("expected.json")).expect("expected.json")).expect("expected.json is JSON");
        let json: serde_json::Value = serde_json::from_str(&report.json).expect("report is JSON");
        let got: BTreeMap<String, String> = json["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| (g["key"].as_str().unwrap_or_default().to_string(), g["verdict"].as_str().unwrap_or_default().to_string()))
            .collect();
        for (key, verdict) in &expected {
            assert_eq!(got.get(key), Some(verdict), "{case}: {key} (all groups: {got:#?})");
        }
        // Every conflict must be one the case plants: any other is a false alarm.
        for (key, verdict) in &got {
            assert!(verdict != "conflict" || expected.get(key).is_some_and(|v| v == "conflict"), "{case}: a false conflict on {key}: {got:#?}");
        }
        insta::assert_snapshot!(format!("corpus-{case}-report-md"), report.markdown);
    });
}
