//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use concord::lexicon::Lexicon;

/// A scratch folder under `target/`, given as a path relative to the crate root (the test's
/// working directory), so that paths printed in reports are the same on every machine.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// A scratch folder `name` holding, in `claims/`, the claim sheets of the conflict fixture.
pub fn conflict_claims(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let claims = dir.join("claims");
    assert!(concord(&["extract", "tests/fixtures/corpora/conflict/sources.json", "--out", &claims.to_string_lossy()]).status.success());
    (dir, claims)
}

pub fn concord(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord")).args(args).output().expect("run concord")
}

/// Runs the whole pipeline in-process: manifest → claim sheets in `dir/claims` → groups.
pub fn pipeline(manifest: &Path, dir: &Path, jobs: usize) -> concord::report::Report {
    let lexicon = Lexicon::bundled();
    let corpus = concord::load_corpus(manifest).expect("corpus loads");
    let sheets = concord::extract_corpus(&corpus, &lexicon, jobs);
    let claims = dir.join("claims");
    concord::write_sheets(&sheets, &claims).expect("sheets written");
    let loaded = concord::load_sheets(&claims).expect("sheets load");
    concord::report::render(&concord::check_jobs(&loaded, &lexicon, &Default::default(), jobs))
}

/// The shared folder beside the repository, when this machine has it.
pub fn shared() -> Option<PathBuf> {
    let path = PathBuf::from("../shared");
    if path.join("eval/score.py").is_file() {
        Some(path)
    } else {
        eprintln!("SKIP: ../shared/ is absent, so this test cannot read the seed articles or gold files");
        None
    }
}
