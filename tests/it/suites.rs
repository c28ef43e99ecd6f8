//! Other projects' test suites for numbers, ranges, percentages, money and dates
//! (`../shared/peer-suites/`), scored by `../shared/eval/score_numbers.py` through
//! `concord scan --jsonl`. Skips, saying so, when `../shared/` is absent.

use std::process::Command;

use crate::support::shared;

/// The pass rate each suite must keep. The targets, except quantulum3, where the
/// rate is held as a floor: its suite reports a range's midpoint ("between 44 and 50 mg" is
/// 47) and reads units glued to figures ("10kg") that Recognizers-Text's number suite
/// rejects ("180ml"); concord keeps intervals and the number suite's reading (README).
const FLOORS: &[(&str, f64)] = &[("number", 0.95), ("range", 0.90), ("percent", 0.95), ("currency", 0.90), ("date", 0.75), ("quantulum3", 0.75)];

#[test]
fn peer_suites_pass_at_their_thresholds() {
    let Some(shared) = shared() else { return };
    let out = match Command::new("python3").arg(shared.join("eval/score_numbers.py")).arg(env!("CARGO_BIN_EXE_concord")).arg("--json").output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!("SKIP: python3 is not available to run the scorer: {e}");
            return;
        }
    };
    assert!(out.status.success(), "score_numbers failed: {}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the scorer prints JSON");
    for (suite, floor) in FLOORS {
        let rate = summary[suite]["rate"].as_f64().unwrap_or(0.0);
        assert!(rate >= *floor, "{suite}: pass rate {rate:.3} is below {floor}: {summary:#}");
    }
}
