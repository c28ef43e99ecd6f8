//! Gates: the findings a user asks CI to fail on (`--fail-on`), judged on a report and, for
//! new conflicts, the report it replaces.

use super::view::{GroupView, ReportView};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FailOn {
    /// Any conflict nobody has explained.
    Conflict,
    /// A conflict that the previous report did not have.
    NewConflict,
    /// Any fact that rests on one source.
    SingleSource,
}

/// What each policy found, one line per finding kind; empty when the gate passes.
pub fn failures(policies: &[FailOn], old: Option<&ReportView>, new: &ReportView) -> Vec<String> {
    let empty = ReportView::default();
    let old = old.unwrap_or(&empty);
    let mut out = Vec::new();
    for p in policies {
        let hits: Vec<&GroupView> = match p {
            FailOn::Conflict => new.groups.values().filter(|g| g.open_conflict()).collect(),
            FailOn::NewConflict => new.groups.values().filter(|g| g.open_conflict() && !old.groups.get(&g.key).is_some_and(GroupView::open_conflict)).collect(),
            FailOn::SingleSource => new.groups.values().filter(|g| g.verdict == "single-source").collect(),
        };
        if hits.is_empty() {
            continue;
        }
        let name = match p {
            FailOn::Conflict => "conflict",
            FailOn::NewConflict => "new-conflict",
            FailOn::SingleSource => "single-source",
        };
        let keys: Vec<&str> = hits.iter().take(5).map(|g| g.key.as_str()).collect();
        let more = if hits.len() > keys.len() { format!(" and {} more", hits.len() - keys.len()) } else { String::new() };
        out.push(format!("--fail-on {name}: {} found: {}{more}", hits.len(), keys.join(", ")));
    }
    out
}
