//! Triage: conflicts a person has reviewed and explained, kept in a reviewed file beside the
//! claim sheets (`claims/triage.toml`). An explained conflict stays in the report with its
//! reason and no longer fails `--fail-on conflict`; an explanation whose conflict is gone is
//! reported as unused, so the file does not rot.
//!
//! ```toml
//! [[explained]]
//! key = "arrest{person=el-chapo}.place"
//! reason = "the two sources describe different raids"
//! ```

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use super::{Group, Verdict};
use crate::error::{line_of, Error, Result};

/// The file name `check` looks for in the claims folder.
pub const FILE: &str = "triage.toml";

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triage {
    #[serde(default)]
    pub explained: Vec<Explanation>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub key: String,
    pub reason: String,
}

impl Triage {
    /// Reads a triage file; a missing file is an empty triage.
    pub fn load(path: &Path) -> Result<Triage> {
        if !path.exists() {
            return Ok(Triage::default());
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
        let triage: Triage = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(|s| line_of(&text, s.start)).unwrap_or(1);
            Error::invalid(path, format!("line {line}"), format!("{}; each [[explained]] needs `key` and `reason`", e.message()))
        })?;
        let mut seen = BTreeSet::new();
        for e in &triage.explained {
            if e.reason.trim().is_empty() {
                return Err(Error::invalid(path, format!("key {}", e.key), "an explanation needs a reason; say why the conflict is not one"));
            }
            if !seen.insert(&e.key) {
                return Err(Error::invalid(path, format!("key {}", e.key), "explained twice; keep one explanation per key"));
            }
        }
        Ok(triage)
    }

    /// Marks explained conflicts; returns the explanations that match no conflict.
    pub fn apply(&self, groups: &mut [Group]) -> Vec<Explanation> {
        let mut unused = Vec::new();
        for e in &self.explained {
            match groups.iter_mut().find(|g| g.key.to_string() == e.key && g.verdict == Verdict::Conflict) {
                Some(g) => g.explained = Some(e.reason.clone()),
                None => unused.push(e.clone()),
            }
        }
        unused.sort();
        unused
    }
}
