//! Dates and periods: a sentence (and the source's publication date) in, date mentions out,
//! each an inclusive range of days with its precision.
//!
//! Absolute ("October 15, 2020", "15 October 2020", "July 2024", "2020", "the 2010s"), spans
//! ("2018–2024", "from 2018 until September of this year", "between 2007 and 2011"), and
//! relative dates resolved against the publication date: "this year", "last year", "last
//! month", "last July", "October of last year", and a month without a year ("in November",
//! "on October 1"), read as its latest occurrence not after publication.

use serde::Serialize;

use crate::source::{days_in_month, PartialDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Month,
    Year,
    Decade,
}

/// An inclusive range of calendar days, as ISO dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayRange {
    pub from: (i32, u32, u32),
    pub to: (i32, u32, u32),
    pub precision: Precision,
}

impl DayRange {
    pub fn of(date: PartialDate) -> DayRange {
        match (date.month, date.day) {
            (Some(m), Some(d)) => DayRange { from: (date.year, m, d), to: (date.year, m, d), precision: Precision::Day },
            (Some(m), None) => DayRange { from: (date.year, m, 1), to: (date.year, m, days_in_month(date.year, m)), precision: Precision::Month },
            _ => DayRange { from: (date.year, 1, 1), to: (date.year, 12, 31), precision: Precision::Year },
        }
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub fn iso_from(&self) -> String {
        iso(self.from)
    }

    pub fn iso_to(&self) -> String {
        iso(self.to)
    }

    /// The year, when the range lies within one.
    pub fn year(&self) -> Option<i32> {
        (self.from.0 == self.to.0).then_some(self.from.0)
    }
}

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A date, or a span between two dates (a term of office: "2018–2024").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    On(DayRange),
    Span(DayRange, DayRange),
}

impl DateValue {
    pub fn from(&self) -> String {
        match self {
            DateValue::On(r) | DateValue::Span(r, _) => r.iso_from(),
        }
    }

    pub fn to(&self) -> String {
        match self {
            DateValue::On(r) | DateValue::Span(_, r) => r.iso_to(),
        }
    }

    /// Two dates agree when they overlap (the finer lies in the coarser); two spans when
    /// both their starts and their ends do.
    pub fn agrees(&self, other: &DateValue) -> bool {
        match (self, other) {
            (DateValue::On(a), DateValue::On(b)) => a.overlaps(b),
            (DateValue::Span(a1, a2), DateValue::Span(b1, b2)) => a1.overlaps(b1) && a2.overlaps(b2),
            (DateValue::On(a), DateValue::Span(b1, b2)) | (DateValue::Span(b1, b2), DateValue::On(a)) => {
                a.from <= b2.to && b1.from <= a.to
            }
        }
    }

    pub fn precision(&self) -> Precision {
        match self {
            DateValue::On(r) => r.precision,
            DateValue::Span(a, b) => a.precision.max(b.precision),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// Written relative to the publication date ("last year").
    pub relative: bool,
}

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_of(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let full = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];
    if let Some(i) = full.iter().position(|m| *m == lower) {
        return Some(i as u32 + 1);
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| *m == lower && word.ends_with('.')).map(|i| i as u32 + 1)
}

fn atomic_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        regex::Regex::new(&format!(
            r"(?x)
            (?P<iso>\b[12][0-9]{{3}}-[01][0-9]-[0-3][0-9]\b)
            | (?P<mdy>\b{month}\s+(?P<mdy_d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy_y>[12][0-9]{{3}}))?\b)
            | (?P<dmy>\b(?P<dmy_d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+(?P<dmy_y>[12][0-9]{{3}})\b)
            | (?P<my>\b{month}(?:\s+of)?,?\s+(?P<my_y>[12][0-9]{{3}})\b)
            | (?P<mrel>\b{month}\s+of\s+(?P<mrel_w>last|this|next|the\s+previous|the\s+following)\s+year\b)
            | (?P<relm>\b(?P<relm_w>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+{month})
            | (?P<ryear>\b(?P<ryear_w>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Pp]ast)\s+year\b)
            | (?P<rmonth>\b(?P<rmonth_w>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Pp]ast)\s+month\b)
            | (?P<decade>\b(?:the\s+)?(?P<decade_y>[12][0-9]{{2}}0)['\u{{2019}}]?s\b)
            | (?P<year>\b(?P<year_y>1[89][0-9]{{2}}|20[0-9]{{2}}|2100)\b)
            | (?P<month>\b{month})
            "
        ))
        .expect("date regex")
    })
}

/// Every date or span in `text`, in text order.
pub fn find_dates(text: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    let mut atoms: Vec<DateMention> = Vec::new();
    for caps in atomic_regex().captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        let before = &text[..start];
        let after = &text[end..];
        let month_in = |s: &str| s.split_whitespace().next().and_then(month_of);
        let value = if let Some(m) = caps.name("iso") {
            PartialDate::parse(m.as_str()).map(|d| (DayRange::of(d), false))
        } else if caps.name("mdy").is_some() {
            let month = month_in(whole.as_str());
            let day: u32 = caps["mdy_d"].parse().unwrap_or(0);
            match caps.name("mdy_y") {
                Some(y) => day_range(y.as_str().parse().ok(), month, Some(day)).map(|r| (r, false)),
                None => latest(published, month, Some(day)).map(|r| (r, true)),
            }
        } else if caps.name("dmy").is_some() {
            let month = whole.as_str().split_whitespace().find_map(|w| month_of(w.trim_end_matches(',')));
            day_range(caps["dmy_y"].parse().ok(), month, caps["dmy_d"].parse().ok()).map(|r| (r, false))
        } else if caps.name("my").is_some() {
            day_range(caps["my_y"].parse().ok(), month_in(whole.as_str()), None).map(|r| (r, false))
        } else if caps.name("mrel").is_some() {
            let shift = match caps["mrel_w"].split_whitespace().last().unwrap_or("") {
                "last" | "previous" => -1,
                "next" | "following" => 1,
                _ => 0,
            };
            published.and_then(|p| day_range(Some(p.year + shift), month_in(whole.as_str()), None)).map(|r| (r, true))
        } else if caps.name("relm").is_some() {
            let month = whole.as_str().split_whitespace().nth(1).and_then(month_of);
            let word = caps["relm_w"].to_ascii_lowercase();
            match (published, month) {
                (Some(p), Some(m)) if word == "this" => day_range(Some(p.year), Some(m), None),
                (Some(p), Some(m)) if word == "next" => {
                    let y = if p.month.is_some_and(|pm| m > pm) { p.year } else { p.year + 1 };
                    day_range(Some(y), Some(m), None)
                }
                (Some(p), Some(m)) => {
                    let y = if p.month.is_some_and(|pm| m < pm) { p.year } else { p.year - 1 };
                    day_range(Some(y), Some(m), None)
                }
                _ => None,
            }
            .map(|r| (r, true))
        } else if caps.name("ryear").is_some() {
            // "Peña Nieto's last year" is the last year of a term, not the year before publication.
            if before.trim_end().ends_with("'s") || before.trim_end().ends_with("\u{2019}s") || before.trim_end().ends_with("the") {
                None
            } else {
                let shift = match caps["ryear_w"].to_ascii_lowercase().as_str() {
                    "last" | "previous" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                published.and_then(|p| day_range(Some(p.year + shift), None, None)).map(|r| (r, true))
            }
        } else if caps.name("rmonth").is_some() {
            if before.trim_end().ends_with("'s") || before.trim_end().ends_with("\u{2019}s") {
                None
            } else {
                let shift: i32 = match caps["rmonth_w"].to_ascii_lowercase().as_str() {
                    "last" | "previous" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                published.and_then(|p| {
                    let m = p.month? as i32 - 1 + shift;
                    let (y, m) = (p.year + m.div_euclid(12), m.rem_euclid(12) as u32 + 1);
                    day_range(Some(y), Some(m), None)
                })
                .map(|r| (r, true))
            }
        } else if caps.name("decade").is_some() {
            caps["decade_y"].parse::<i32>().ok().map(|y| (DayRange { from: (y, 1, 1), to: (y + 9, 12, 31), precision: Precision::Decade }, false))
        } else if caps.name("year").is_some() {
            let y: i32 = caps["year_y"].parse().unwrap_or(0);
            let prev = before.chars().next_back();
            let next = after.chars().next();
            let money_or_figure = prev.is_some_and(|c| c == '$' || c == ',' || c == '.' || c.is_ascii_digit())
                || next.is_some_and(|c| c == '%' || c == ',' && after[1..].starts_with(|d: char| d.is_ascii_digit()) || c == '.' && after[1..].starts_with(|d: char| d.is_ascii_digit()));
            let unit_after = after.trim_start().split(|c: char| !c.is_alphabetic()).next().is_some_and(|w| {
                matches!(w.to_ascii_lowercase().as_str(), "percent" | "people" | "troops" | "dollars" | "million" | "billion" | "thousand" | "per")
            });
            (!money_or_figure && !unit_after).then(|| day_range(Some(y), None, None).map(|r| (r, false))).flatten()
        } else if caps.name("month").is_some() {
            // A bare month is a date only after a preposition that introduces one.
            let prev_word = before.split_whitespace().next_back().unwrap_or("").to_ascii_lowercase();
            if matches!(prev_word.as_str(), "in" | "since" | "until" | "by" | "through" | "during" | "early" | "late" | "mid" | "before" | "after" | "from") {
                latest(published, month_in(whole.as_str()), None).map(|r| (r, true))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((range, relative)) = value {
            atoms.push(DateMention { start, end, value: DateValue::On(range), relative });
        }
    }
    join_spans(text, atoms)
}

fn day_range(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<DayRange> {
    let year = year?;
    let date = PartialDate { year, month, day };
    if let (Some(m), Some(d)) = (month, day) {
        if d == 0 || d > days_in_month(year, m) {
            return None;
        }
    }
    Some(DayRange::of(date))
}

/// The latest occurrence of a month (and day) not after the publication date.
fn latest(published: Option<PartialDate>, month: Option<u32>, day: Option<u32>) -> Option<DayRange> {
    let p = published?;
    let m = month?;
    let year = match p.month {
        Some(pm) if m < pm => p.year,
        Some(pm) if m == pm => match (day, p.day) {
            (Some(d), Some(pd)) if d > pd => p.year - 1,
            _ => p.year,
        },
        Some(_) => p.year - 1,
        None => p.year,
    };
    day_range(Some(year), Some(m), day)
}

/// Joins "A–B", "(A–B)", "from A to/until B", "between A and B" into spans.
fn join_spans(text: &str, atoms: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some(b) = atoms.get(i + 1) {
            let between = text[a.end..b.start].trim();
            let lead = text[..a.start].trim_end();
            let lead_word = lead.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
            let dash = matches!(between, "-" | "\u{2013}" | "\u{2014}" | "to" | "through");
            let joined = dash && !between.is_empty() && (between.len() <= 3 || lead_word == "from")
                || matches!(between, "to" | "until" | "till" | "through" | "into") && lead_word == "from"
                || between == "and" && lead_word == "between";
            if let (true, DateValue::On(ra), DateValue::On(rb)) = (joined, a.value, b.value) {
                if ra.from <= rb.to {
                    let start = if lead_word == "from" || lead_word == "between" { a.start } else { a.start };
                    out.push(DateMention { start, end: b.end, value: DateValue::Span(ra, rb), relative: a.relative || b.relative });
                    i += 2;
                    continue;
                }
            }
        }
        out.push(a.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pub_date(s: &str) -> Option<PartialDate> {
        PartialDate::parse(s)
    }

    fn ranges(text: &str, published: &str) -> Vec<(String, String)> {
        find_dates(text, pub_date(published)).iter().map(|d| (d.value.from(), d.value.to())).collect()
    }

    fn r(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn absolute_dates_with_precision() {
        assert_eq!(ranges("on October 15, 2020", "2025"), [r("2020-10-15", "2020-10-15")]);
        assert_eq!(ranges("on 15 October 2020", "2025"), [r("2020-10-15", "2020-10-15")]);
        assert_eq!(ranges("in July 2024", "2025"), [r("2024-07-01", "2024-07-31")]);
        assert_eq!(ranges("in 2020", "2025"), [r("2020-01-01", "2020-12-31")]);
        assert_eq!(ranges("during the 2010s", "2025"), [r("2010-01-01", "2019-12-31")]);
        assert_eq!(ranges("Feb. 22, 2014", "2025"), [r("2014-02-22", "2014-02-22")]);
    }

    #[test]
    fn spans_join_two_dates() {
        assert_eq!(ranges("Enrique Pe\u{f1}a Nieto (2012\u{2013}2018)", "2024"), [r("2012-01-01", "2018-12-31")]);
        assert_eq!(ranges("in office from December 2018 to September 2024", "2024"), [r("2018-12-01", "2024-09-30")]);
        assert_eq!(ranges("between 2007 and 2011", "2024"), [r("2007-01-01", "2011-12-31")]);
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(ranges("president from 2018 until September of this year", "2024-11-05"), [r("2018-01-01", "2024-09-30")]);
        assert_eq!(ranges("in October of last year", "2021-01-16"), [r("2020-10-01", "2020-10-31")]);
        assert_eq!(ranges("arrested last July", "2025-03-03"), [r("2024-07-01", "2024-07-31")]);
        assert_eq!(ranges("flown back in November", "2021-01-16"), [r("2020-11-01", "2020-11-30")]);
        assert_eq!(ranges("sworn in on October 1, two weeks ago", "2024-10-15"), [r("2024-10-01", "2024-10-01")]);
        assert_eq!(ranges("Last month, Congress", "2021-01-16"), [r("2020-12-01", "2020-12-31")]);
        assert_eq!(ranges("who governed from 2018 until last year", "2025-03-20"), [r("2018-01-01", "2024-12-31")]);
        assert!(ranges("in November", "").is_empty());
    }

    #[test]
    fn a_terms_last_year_is_not_relative() {
        assert!(ranges("in Pe\u{f1}a Nieto's last year", "2024").is_empty());
    }

    #[test]
    fn figures_are_not_years() {
        assert!(ranges("$2000 and 2,000 people and 1999 troops", "2024").is_empty());
    }

    #[test]
    fn spans_agree_when_starts_and_ends_overlap() {
        let a = find_dates("(2018\u{2013}2024)", None)[0].value;
        let b = find_dates("from 2018 until September of this year", pub_date("2024-11-05"))[0].value;
        let c = find_dates("from 2019 to 2024", None)[0].value;
        assert!(a.agrees(&b));
        assert!(!a.agrees(&c));
    }
}
