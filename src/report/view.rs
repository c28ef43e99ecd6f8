//! A report read back from `report.json`: what `diff` and the annotations work from, so they
//! compare reports as users have them, written by any version of concord.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimView {
    pub source: String,
    pub quote: String,
    pub as_written: String,
    pub reading: String,
    pub sheet: String,
    pub line: usize,
    pub value: serde_json::Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    pub key: String,
    pub verdict: String,
    pub explained: Option<String>,
    pub claims: Vec<ClaimView>,
    pub clashes: Vec<(usize, usize)>,
}

impl GroupView {
    /// A conflict nobody has explained: what `--fail-on conflict` fails on.
    pub fn open_conflict(&self) -> bool {
        self.verdict == "conflict" && self.explained.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportView {
    /// Groups by key, in key order.
    pub groups: BTreeMap<String, GroupView>,
}

impl ReportView {
    pub fn load(path: &Path) -> Result<ReportView> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
        ReportView::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<ReportView> {
        let json: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| Error::invalid(path, format!("line {}", e.line()), format!("not JSON: {e}; give a report.json written by `concord check`")))?;
        let groups = json.get("groups").and_then(|g| g.as_array()).ok_or_else(|| Error::invalid(path, "groups", "no `groups` array; give a report.json written by `concord check`"))?;
        let mut out = BTreeMap::new();
        for (n, g) in groups.iter().enumerate() {
            let field = |name: &str| g.get(name).and_then(|v| v.as_str()).map(str::to_string);
            let key = field("key").ok_or_else(|| Error::invalid(path, format!("groups[{n}]"), "a group without `key`"))?;
            let claims = g
                .get("claims")
                .and_then(|c| c.as_array())
                .map(|claims| {
                    claims
                        .iter()
                        .map(|c| {
                            let s = |name: &str| c.get(name).and_then(|v| v.as_str()).unwrap_or_default().to_string();
                            ClaimView {
                                source: s("source"),
                                quote: s("quote"),
                                as_written: s("as_written"),
                                reading: s("reading"),
                                sheet: s("sheet"),
                                line: c.get("line").and_then(|v| v.as_u64()).unwrap_or(1) as usize,
                                value: c.get("value").cloned().unwrap_or(serde_json::Value::Null),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let clashes = g
                .get("clashes")
                .and_then(|c| c.as_array())
                .map(|pairs| pairs.iter().filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize))).collect())
                .unwrap_or_default();
            out.insert(key.clone(), GroupView { key, verdict: field("verdict").unwrap_or_default(), explained: field("explained"), claims, clashes });
        }
        Ok(ReportView { groups: out })
    }
}
