//! Same inputs, same bytes: whatever the manifest order and the number of threads.

use crate::support::{pipeline, scratch};

#[test]
fn report_ignores_manifest_order_and_thread_count() {
    let dir = std::path::Path::new("tests/fixtures/corpora/traps");
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("sources.json")).unwrap()).unwrap();
    let mut reversed = manifest.clone();
    reversed["sources"].as_array_mut().unwrap().reverse();
    let work = scratch("determinism");
    for entry in manifest["sources"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        std::fs::copy(dir.join(file), work.join(file)).unwrap();
    }
    std::fs::write(work.join("forward.json"), manifest.to_string()).unwrap();
    std::fs::write(work.join("reversed.json"), reversed.to_string()).unwrap();
    let one = pipeline(&work.join("forward.json"), &work.join("one"), 1);
    let two = pipeline(&work.join("reversed.json"), &work.join("two"), 2);
    let strip = |s: &str| s.replace("/one/", "/x/").replace("/two/", "/x/");
    assert_eq!(strip(&one.json), strip(&two.json));
    assert_eq!(strip(&one.markdown), strip(&two.markdown));
}
