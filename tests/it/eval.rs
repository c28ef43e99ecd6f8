//! The gold sets in `../shared/eval/`, scored from raw text with the shared scorer. Skips,
//! saying so, when `../shared/` is absent.

use std::process::Command;

use crate::support::{concord, scratch, shared};

fn score(manifest: &str, gold: &str, name: &str) -> Option<serde_json::Value> {
    let shared = shared()?;
    let dir = scratch(&format!("eval/{name}"));
    let claims = dir.join("claims");
    let reports = dir.join("reports");
    let out = concord(&["extract", &shared.join(manifest).to_string_lossy(), "--out", &claims.to_string_lossy()]);
    assert!(out.status.success(), "extract failed: {}", String::from_utf8_lossy(&out.stderr));
    let out = concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert!(out.status.success(), "check failed: {}", String::from_utf8_lossy(&out.stderr));
    let scored = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(shared.join(gold))
        .arg(reports.join("report.json"))
        .arg("--json")
        .output();
    let scored = match scored {
        Ok(o) => o,
        Err(e) => {
            eprintln!("SKIP: python3 is not available to run the scorer: {e}");
            return None;
        }
    };
    Some(serde_json::from_slice(&scored.stdout).expect("the scorer prints JSON"))
}

fn core(summary: &serde_json::Value) -> f64 {
    let got = summary["core"][0].as_f64().unwrap_or(0.0);
    let total = summary["core"][1].as_f64().unwrap_or(1.0);
    got / total
}

#[test]
fn seed_gold_from_raw_text() {
    let Some(summary) = score("seeds/sources.json", "eval/gold-seeds.json", "seeds") else { return };
    assert!(core(&summary) >= 0.85, "seed core below 85%: {summary:#}");
    assert!(summary["false_alarms"].as_u64().unwrap_or(99) <= 1, "too many false conflicts: {summary:#}");
    // Every core expectation of the cases users check first holds.
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("../shared/eval/gold-seeds.json").unwrap()).unwrap();
    let named: Vec<&str> = gold["named_cases"].as_object().unwrap().values().flat_map(|ids| ids.as_array().unwrap().iter().filter_map(|i| i.as_str())).collect();
    for failure in summary["failures"].as_array().unwrap() {
        let id = failure["id"].as_str().unwrap_or_default();
        assert!(failure["tier"] != "core" || !named.contains(&id), "a core expectation of a named case fails: {failure}");
    }
}

#[test]
fn dev_gold_from_raw_text() {
    let Some(summary) = score("eval/dev/sources.json", "eval/dev/gold.json", "dev") else { return };
    assert!(core(&summary) >= 0.85, "dev core below 85%: {summary:#}");
    assert!(summary["false_alarms"].as_u64().unwrap_or(99) <= 2, "too many false conflicts: {summary:#}");
}
