//! Bad input: one folder per case under `tests/fixtures/bad/`, with the arguments to run and
//! a piece of the expected message in `expect.json`. Every case must exit 2 with one line on
//! stderr that names the file, and write nothing.

use crate::support::{concord, conflict_claims, scratch};

#[test]
fn every_bad_input_is_one_clear_line_exit_2_and_nothing_written() {
    let mut cases: Vec<_> = std::fs::read_dir("tests/fixtures/bad").expect("cases").map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expect: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap()).unwrap();
        let out_dir = scratch(&format!("bad/{name}")).join("out");
        let args: Vec<String> = expect["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().replace("{dir}", &case.to_string_lossy()).replace("{out}", &out_dir.to_string_lossy()))
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = concord(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: exit code; stderr: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{name}: one line, got: {stderr}");
        let wanted = expect["stderr"].as_str().unwrap();
        assert!(stderr.contains(wanted), "{name}: expected `{wanted}` in: {stderr}");
        assert!(!out_dir.exists(), "{name}: wrote {}", out_dir.display());
    }
}

#[test]
fn stale_report_fails_check_and_current_passes() {
    let (dir, claims) = conflict_claims("stale");
    let reports = dir.join("reports");
    assert!(concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]).status.success());
    let current = concord(&["check", "--check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert_eq!(current.status.code(), Some(0));
    std::fs::write(reports.join("report.md"), "edited by hand\n").unwrap();
    let stale = concord(&["check", "--check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stdout).contains("+# concord report"));
    assert_eq!(std::fs::read_to_string(reports.join("report.md")).unwrap(), "edited by hand\n", "--check wrote");
}

#[test]
fn an_unwritable_output_is_exit_2_and_keeps_the_old_report() {
    let (dir, claims) = conflict_claims("unwritable");
    // A file where the output folder should be.
    let blocker = dir.join("reports");
    std::fs::write(&blocker, "not a folder").unwrap();
    let out = concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &blocker.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "not a folder");
}

#[test]
fn a_failed_write_leaves_the_previous_report_whole_and_no_temporary_files() {
    let (dir, claims) = conflict_claims("failed-write");
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    // The write fails when report.json cannot be replaced: a folder stands in its place.
    std::fs::create_dir(reports.join("report.json")).unwrap();
    std::fs::write(reports.join("report.md"), "the previous report\n").unwrap();
    let out = concord(&["check", "--claims", &claims.to_string_lossy(), "--out", &reports.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.json: cannot write"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(reports.join("report.md")).unwrap(), "the previous report\n");
    let leftovers: Vec<_> = std::fs::read_dir(&reports).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.contains(".tmp-")).collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_full_disk_is_exit_2() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("SKIP: this machine has no /dev/full");
        return;
    }
    let out = concord(&["check", "--claims", "claims", "--out", "/dev/full"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end().lines().count(), 1);
}
