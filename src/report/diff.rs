//! Diff: two reports in, what changed between them out, as a reviewer reads a pull request:
//! keys added and removed, verdicts changed, claims added, removed or changed, with the
//! sources named. A changed statement is shown as a word diff (`[-2019-]{+2020+}`) when the
//! two are similar enough (ratio ≥ 0.5), and as both quotes otherwise.

use similar::{Algorithm, ChangeTag, TextDiff};

use super::view::{ClaimView, GroupView, ReportView};

#[derive(Clone, Debug, PartialEq)]
pub enum ClaimChange {
    Added(ClaimView),
    Removed(ClaimView),
    /// The same statement of the same source now reads another value.
    Value { old: ClaimView, new: ClaimView },
    /// A source's statement was edited.
    Statement { old: ClaimView, new: ClaimView },
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupChange {
    pub key: String,
    pub verdict: Option<(String, String)>,
    pub claims: Vec<ClaimChange>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportDiff {
    pub added: Vec<GroupView>,
    pub removed: Vec<GroupView>,
    pub changed: Vec<GroupChange>,
}

impl ReportDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// Keys that are open conflicts in the new report but were not in the old one.
    pub fn new_conflicts<'a>(&self, old: &ReportView, new: &'a ReportView) -> Vec<&'a GroupView> {
        new.groups.values().filter(|g| g.open_conflict() && !old.groups.get(&g.key).is_some_and(GroupView::open_conflict)).collect()
    }
}

pub fn diff(old: &ReportView, new: &ReportView) -> ReportDiff {
    let mut out = ReportDiff::default();
    for (key, g) in &new.groups {
        match old.groups.get(key) {
            None => out.added.push(g.clone()),
            Some(o) => {
                let verdict = (o.verdict != g.verdict || o.explained != g.explained).then(|| (label(o), label(g)));
                let claims = claim_changes(&o.claims, &g.claims);
                if verdict.is_some() || !claims.is_empty() {
                    out.changed.push(GroupChange { key: key.clone(), verdict, claims });
                }
            }
        }
    }
    out.removed = old.groups.iter().filter(|(k, _)| !new.groups.contains_key(*k)).map(|(_, g)| g.clone()).collect();
    out
}

fn label(g: &GroupView) -> String {
    match &g.explained {
        Some(_) => format!("{} (explained)", g.verdict),
        None => g.verdict.clone(),
    }
}

fn claim_changes(old: &[ClaimView], new: &[ClaimView]) -> Vec<ClaimChange> {
    let same = |a: &ClaimView, b: &ClaimView| a.source == b.source && a.quote == b.quote;
    let mut removed: Vec<&ClaimView> = old.iter().filter(|o| !new.iter().any(|n| same(o, n))).collect();
    let mut added: Vec<&ClaimView> = new.iter().filter(|n| !old.iter().any(|o| same(o, n))).collect();
    let mut out = Vec::new();
    for o in old {
        if let Some(n) = new.iter().find(|n| same(o, n)) {
            if o.value != n.value {
                out.push(ClaimChange::Value { old: o.clone(), new: n.clone() });
            }
        }
    }
    // An edited statement: a removed and an added claim of one source, similar enough.
    let mut k = 0;
    while k < removed.len() {
        let o = removed[k];
        let best = added
            .iter()
            .enumerate()
            .filter(|(_, n)| n.source == o.source)
            .map(|(i, n)| (i, ratio(&o.quote, &n.quote)))
            .filter(|(_, r)| *r >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => {
                let n = added.remove(i);
                out.push(ClaimChange::Statement { old: o.clone(), new: n.clone() });
                removed.remove(k);
            }
            None => k += 1,
        }
    }
    out.extend(removed.into_iter().map(|c| ClaimChange::Removed(c.clone())));
    out.extend(added.into_iter().map(|c| ClaimChange::Added(c.clone())));
    out
}

pub fn ratio(a: &str, b: &str) -> f32 {
    TextDiff::configure().algorithm(Algorithm::Patience).diff_unicode_words(a, b).ratio()
}

/// `[-old-]{+new+}` word diff of two statements.
pub fn word_diff(a: &str, b: &str) -> String {
    let mut out = String::new();
    for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, a, b) {
        match tag {
            ChangeTag::Equal => out.push_str(text),
            ChangeTag::Delete => out.push_str(&format!("[-{text}-]")),
            ChangeTag::Insert => out.push_str(&format!("{{+{text}+}}")),
        }
    }
    out
}

/// How the diff is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text; with colour when `color` is set (a terminal).
    Text { color: bool },
    /// Markdown for a pull-request comment, under `limit` bytes.
    Markdown { limit: usize },
}

/// The largest pull-request comment GitHub accepts is 65,536 characters; stay under it.
pub const COMMENT_LIMIT: usize = 64 * 1000;

pub fn render(d: &ReportDiff, style: Style) -> String {
    let md = matches!(style, Style::Markdown { .. });
    let color = matches!(style, Style::Text { color: true });
    let paint = |code: &str, s: &str| if color { format!("\u{1b}[{code}m{s}\u{1b}[0m") } else { s.to_string() };
    let code = |s: &str| if md { format!("`{s}`") } else { s.to_string() };
    let verdict_changes = d.changed.iter().filter(|c| c.verdict.is_some()).count();
    let claim_changes: usize = d.changed.iter().map(|c| c.claims.len()).sum();
    let mut lines: Vec<String> = Vec::new();
    let head = format!(
        "{} keys added, {} removed, {verdict_changes} verdicts changed, {claim_changes} claims changed",
        d.added.len(),
        d.removed.len()
    );
    lines.push(if md { format!("### concord diff\n\n{head}\n") } else { head });
    if d.is_empty() {
        lines.push("No change.".to_string());
    }
    let claim_line = |c: &ClaimView| format!("{}: \"{}\" → {} ({}:{})", c.source, c.as_written, c.reading, c.sheet, c.line);
    let bullet = if md { "- " } else { "  " };
    for c in d.changed.iter().filter(|c| c.verdict.is_some()) {
        let (from, to) = c.verdict.as_ref().expect("filtered");
        lines.push(format!("{bullet}{} {}: {from} → {}", paint("33", "verdict"), code(&c.key), paint(if to.starts_with("conflict") && !to.contains("explained") { "31" } else { "32" }, to)));
    }
    for g in &d.added {
        lines.push(format!("{bullet}{} {} ({})", paint("32", "added key"), code(&g.key), g.verdict));
        for c in &g.claims {
            lines.push(format!("    {}", claim_line(c)));
        }
    }
    for g in &d.removed {
        lines.push(format!("{bullet}{} {} (was {})", paint("31", "removed key"), code(&g.key), g.verdict));
    }
    for c in &d.changed {
        for change in &c.claims {
            let text = match change {
                ClaimChange::Added(n) => format!("{} in {}: {}", paint("32", "added claim"), code(&c.key), claim_line(n)),
                ClaimChange::Removed(o) => format!("{} in {}: {}", paint("31", "removed claim"), code(&c.key), claim_line(o)),
                ClaimChange::Value { old, new } => format!("{} in {} ({}): {} → {}", paint("33", "changed value"), code(&c.key), new.source, old.reading, new.reading),
                ClaimChange::Statement { old, new } => {
                    let words = word_diff(&old.quote, &new.quote);
                    let words = if color { words.replace("[-", "\u{1b}[31m[-").replace("-]", "-]\u{1b}[0m").replace("{+", "\u{1b}[32m{+").replace("+}", "+}\u{1b}[0m") } else { words };
                    format!("{} in {} ({}): {} → {}: {}", paint("33", "changed statement"), code(&c.key), new.source, old.reading, new.reading, words)
                }
            };
            lines.push(format!("{bullet}{text}"));
        }
    }
    let mut out = String::new();
    match style {
        Style::Markdown { limit } => {
            let mut shown = 0;
            for line in &lines {
                if out.len() + line.len() + 200 > limit {
                    break;
                }
                out.push_str(line);
                out.push('\n');
                shown += 1;
            }
            if shown < lines.len() {
                out.push_str(&format!("\n… {} more lines not shown: this comment stays under {} bytes. Run `concord diff` locally for the whole diff.\n", lines.len() - shown, limit));
            }
        }
        Style::Text { .. } => {
            for line in &lines {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changed_words() {
        assert_eq!(word_diff("arrested in 2019 by agents", "arrested in 2020 by agents"), "arrested in [-2019-]{+2020+} by agents");
    }

    #[test]
    fn dissimilar_statements_are_not_paired() {
        assert!(ratio("arrested in 2019", "a wholly different sentence about tariffs and trade") < 0.5);
    }
}
