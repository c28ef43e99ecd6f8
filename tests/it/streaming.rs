//! Extraction as a streaming mapper and checking as a reducer: documents as JSON Lines
//! through `extract --jsonl`, sorted (as an engine's shuffle would), into `check --claims -`,
//! give the report the normal path gives, whatever the order of the claims.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{concord, scratch};

fn pipe(args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run concord");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// The report without the claims' places, which differ by design (a sheet line, an input line).
fn without_places(path: &std::path::Path) -> String {
    let mut report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for g in report["groups"].as_array_mut().unwrap() {
        for c in g["claims"].as_array_mut().unwrap() {
            let c = c.as_object_mut().unwrap();
            c.remove("sheet");
            c.remove("line");
        }
    }
    serde_json::to_string_pretty(&report).unwrap()
}

/// A fixture corpus as JSON Lines documents.
fn documents(case: &std::path::Path) -> String {
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(case.join("sources.json")).unwrap()).unwrap();
    let mut docs = String::new();
    for s in manifest["sources"].as_array().unwrap() {
        let mut doc = s.clone();
        doc["text"] = serde_json::Value::String(std::fs::read_to_string(case.join(s["file"].as_str().unwrap())).unwrap());
        docs.push_str(&doc.to_string());
        docs.push('\n');
    }
    docs
}

/// The normal path's report: claim sheets written, then read back and checked.
fn from_sheets(case: &std::path::Path, dir: &std::path::Path) -> String {
    let normal = dir.join("normal");
    assert!(concord(&["extract", &case.join("sources.json").to_string_lossy(), "--out", &dir.join("claims").to_string_lossy()]).status.success());
    assert!(concord(&["check", "--claims", &dir.join("claims").to_string_lossy(), "--out", &normal.to_string_lossy()]).status.success());
    without_places(&normal.join("report.json"))
}

#[test]
fn jsonl_mapper_sort_reducer_matches_the_normal_path() {
    let dir = scratch("streaming");
    let case = std::path::Path::new("tests/fixtures/corpora/mixed-formats");
    let docs = documents(case);
    let claims = pipe(&["extract", "--jsonl"], docs.as_bytes());
    let mut lines: Vec<&str> = std::str::from_utf8(&claims).unwrap().lines().collect();
    assert!(lines.len() > 10);
    lines.sort_unstable();
    let sorted = lines.join("\n") + "\n";
    lines.reverse();
    let reversed = lines.join("\n") + "\n";
    let (a, b) = (dir.join("sorted"), dir.join("reversed"));
    pipe(&["check", "--claims", "-", "--out", &a.to_string_lossy()], sorted.as_bytes());
    pipe(&["check", "--claims", "-", "--out", &b.to_string_lossy()], reversed.as_bytes());
    let expected = from_sheets(case, &dir);
    assert_eq!(without_places(&a.join("report.json")), expected);
    assert_eq!(without_places(&b.join("report.json")), expected);
}

/// Extract reads a whole document (pronouns, surnames, table headers); a claim sheet holds each
/// statement with the context it needs to read the same alone. Every fixture must agree.
#[test]
fn every_fixture_reads_the_same_streamed_and_from_sheets() {
    let mut cases: Vec<_> = std::fs::read_dir("tests/fixtures/corpora").unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let dir = scratch(&format!("streaming-every/{name}"));
        let claims = pipe(&["extract", "--jsonl"], documents(&case).as_bytes());
        let streamed = dir.join("streamed");
        pipe(&["check", "--claims", "-", "--out", &streamed.to_string_lossy()], &claims);
        assert_eq!(without_places(&streamed.join("report.json")), from_sheets(&case, &dir), "{name}");
    }
}

#[test]
fn bad_jsonl_is_a_clear_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord")).args(["extract", "--jsonl"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\"}\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>: line 2: no string `text`"), "{}", String::from_utf8_lossy(&out.stderr));
}
