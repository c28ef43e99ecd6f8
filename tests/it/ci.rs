//! The CI workflow: `check --check`, `concord diff` in every format, `--fail-on` policies,
//! SARIF, annotations and triage. Report pairs are hand-written under `tests/fixtures/diff/`.

use std::path::Path;

use crate::support::{concord, conflict_claims, scratch};

fn cases() -> Vec<std::path::PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir("tests/fixtures/diff").expect("diff cases").map(|e| e.unwrap().path()).collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn diff_in_every_format() {
    for case in cases() {
        let (old, new) = (case.join("old.json"), case.join("new.json"));
        for format in ["text", "md", "github", "sarif"] {
            let out = concord(&["diff", &old.to_string_lossy(), &new.to_string_lossy(), "--format", format]);
            assert_eq!(out.status.code(), Some(0), "{}: {}", name(&case), String::from_utf8_lossy(&out.stderr));
            insta::assert_snapshot!(format!("diff-{}-{format}", name(&case)), String::from_utf8_lossy(&out.stdout));
        }
    }
}

#[test]
fn every_fail_on_policy_exit_code() {
    let mut table = String::from("case | conflict | new-conflict | single-source\n");
    for case in cases() {
        let (old, new) = (case.join("old.json"), case.join("new.json"));
        let codes: Vec<String> = ["conflict", "new-conflict", "single-source"]
            .iter()
            .map(|policy| {
                let out = concord(&["diff", &old.to_string_lossy(), &new.to_string_lossy(), "--format", "md", "--fail-on", policy]);
                out.status.code().map_or("signal".into(), |c| c.to_string())
            })
            .collect();
        table.push_str(&format!("{} | {}\n", name(&case), codes.join(" | ")));
    }
    insta::assert_snapshot!("fail-on-exit-codes", table);
}

#[test]
fn sarif_has_the_required_fields_and_locations() {
    let case = Path::new("tests/fixtures/diff/new-key");
    let out = concord(&["diff", &case.join("old.json").to_string_lossy(), &case.join("new.json").to_string_lossy(), "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    // The required properties of SARIF 2.1.0 (sarifLog, run, tool, toolComponent, result,
    // message, location) and concord's own promise: never a result without a location.
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().expect("runs");
    assert!(!runs.is_empty());
    for run in runs {
        assert!(run["tool"]["driver"]["name"].is_string());
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), 1);
        for r in results {
            assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
            assert!(r["ruleId"].is_string());
            let locations = r["locations"].as_array().expect("locations");
            assert!(!locations.is_empty(), "a result without a location");
            for l in locations.iter().chain(r["relatedLocations"].as_array().expect("related")) {
                assert!(l["physicalLocation"]["artifactLocation"]["uri"].as_str().is_some_and(|u| !u.is_empty()));
                assert!(l["physicalLocation"]["region"]["startLine"].as_u64().is_some_and(|n| n >= 1));
            }
            assert!(r["partialFingerprints"]["concordConflict/v1"].as_str().is_some_and(|f| f.len() == 16));
        }
    }
}

#[test]
fn editing_a_claim_sheet_shows_exactly_that_change() {
    let (dir, claims) = conflict_claims("edit-sheet");
    let (before, after) = (dir.join("before"), dir.join("after"));
    assert!(concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &before.to_string_lossy()]).status.success());
    // A reviewer's edit: the quote changes, so the sheet no longer points at the text.
    let sheet = claims.join("ledger.json");
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sheet).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("text");
    let text = serde_json::to_string_pretty(&json).unwrap();
    assert!(text.contains("about 105,000"));
    std::fs::write(&sheet, text.replace("about 105,000", "about 125,000")).unwrap();
    assert!(concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &after.to_string_lossy()]).status.success());
    let out = concord(&["diff", &before.join("report.json").to_string_lossy(), &after.join("report.json").to_string_lossy()]);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.starts_with("0 keys added, 0 removed, 0 verdicts changed, 1 claims changed"), "{diff}");
    assert!(diff.contains("changed statement in overdose-deaths{year=2023} (ledger)"), "{diff}");
    assert!(diff.contains("[-105,000-]{+125,000+}"), "{diff}");
    assert_eq!(diff.lines().count(), 2, "{diff}");
}

#[test]
fn check_check_output_when_stale() {
    let (dir, claims) = conflict_claims("check-check");
    let reports = dir.join("reports");
    assert!(concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]).status.success());
    let current = concord(&["check", "--check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert_eq!(current.status.code(), Some(0));
    insta::assert_snapshot!("check-check-current", String::from_utf8_lossy(&current.stdout));
    let md = std::fs::read_to_string(reports.join("report.md")).unwrap();
    std::fs::write(reports.join("report.md"), md.replace("1 groups", "2 groups")).unwrap();
    let stale = concord(&["check", "--check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert_eq!(stale.status.code(), Some(1));
    insta::assert_snapshot!("check-check-stale", String::from_utf8_lossy(&stale.stdout));
}

#[test]
fn triage_explains_a_conflict_and_reports_unused_entries() {
    let (dir, claims) = conflict_claims("triage");
    let reports = dir.join("reports");
    let args = ["check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy(), "--fail-on", "conflict"].map(String::from);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(concord(&args).status.code(), Some(1), "an open conflict fails --fail-on conflict");
    std::fs::write(
        claims.join("triage.toml"),
        "[[explained]]\nkey = \"overdose-deaths{year=2023}\"\nreason = \"the digest counts only fentanyl deaths\"\n\n[[explained]]\nkey = \"homicides{year=2020}\"\nreason = \"an old conflict, since fixed\"\n",
    )
    .unwrap();
    let out = concord(&args);
    assert_eq!(out.status.code(), Some(0), "an explained conflict passes: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unused explanation"), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(reports.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["groups"][0]["verdict"], "conflict");
    assert_eq!(report["groups"][0]["explained"], "the digest counts only fentanyl deaths");
    assert_eq!(report["unused_explanations"][0]["key"], "homicides{year=2020}");
    let github = concord(&["check", "--check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy(), "--format", "github"]);
    assert!(String::from_utf8_lossy(&github.stdout).starts_with("::notice file="), "{}", String::from_utf8_lossy(&github.stdout));
}

#[test]
fn github_annotations_stop_at_ten_per_kind_and_say_so() {
    // Twelve conflicts in one report: ten warnings, then a notice counting the rest.
    let mut groups = Vec::new();
    for n in 0..12 {
        groups.push(serde_json::json!({
            "key": format!("measure-{n:02}"), "verdict": "conflict", "clashes": [[0, 1]],
            "claims": [
                {"source": "a", "quote": "q", "as_written": "1", "reading": "1", "sheet": "claims/a.json", "line": n + 1, "value": {}},
                {"source": "b", "quote": "q", "as_written": "2", "reading": "2", "sheet": "claims/b.json", "line": n + 1, "value": {}}
            ]
        }));
    }
    let dir = scratch("annotation-limit");
    let (old, new) = (dir.join("old.json"), dir.join("new.json"));
    std::fs::write(&old, "{\"groups\": []}").unwrap();
    std::fs::write(&new, serde_json::json!({"groups": groups}).to_string()).unwrap();
    let out = concord(&["diff", &old.to_string_lossy(), &new.to_string_lossy(), "--format", "github"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("::warning")).count(), 10);
    assert!(text.lines().last().unwrap().contains("14 more conflict annotations not shown"), "{text}");
}
