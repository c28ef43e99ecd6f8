//! Dates and periods: a text (and a reference date, the source's publication) in, date
//! mentions out, each an inclusive range of days with its precision.
//!
//! Absolute dates in words and digits ("October 15, 2020", "15 Oct 2020", "10/16/2020",
//! "2020-10-16", "July 2024", "2020", "the 2010s", "the 21st century", "2019 Q3", "week 10 of
//! 2018"), spans ("2018–2024", "from 2018 until September of this year", "between 2007 and
//! 2011", "Nov-Feb 2017"), and dates relative to the reference: "today", "last year", "next
//! month", "last July", "October of last year", "this past Wednesday", "three weeks from
//! tomorrow", "2 days ago", "the last 3 months", "later this year", holidays ("Easter 2018").
//!
//! A month (or month and day) without a year is its latest occurrence not after the
//! reference: news reports the past. A span is inclusive of both ends: "from 2014 to 2018"
//! runs to the last day of 2018 (Recognizers-Text ends it when 2018 begins).

use serde::Serialize;

use crate::source::{days_in_month, PartialDate};
use super::WordSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    /// Any other stretch of days ("the last 3 months", "later this year").
    Range,
}

pub type Ymd = (i32, u32, u32);

/// An inclusive range of calendar days, as ISO dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayRange {
    pub from: Ymd,
    pub to: Ymd,
    pub precision: Precision,
}

impl DayRange {
    pub fn of(date: PartialDate) -> DayRange {
        match (date.month, date.day) {
            (Some(m), Some(d)) => DayRange::day((date.year, m, d)),
            (Some(m), None) => DayRange::month(date.year, m),
            _ => DayRange::year(date.year),
        }
    }

    fn day(d: Ymd) -> DayRange {
        DayRange { from: d, to: d, precision: Precision::Day }
    }

    fn month(y: i32, m: u32) -> DayRange {
        DayRange { from: (y, m, 1), to: (y, m, days_in_month(y, m)), precision: Precision::Month }
    }

    fn year(y: i32) -> DayRange {
        DayRange { from: (y, 1, 1), to: (y, 12, 31), precision: Precision::Year }
    }

    fn span(from: Ymd, to: Ymd, precision: Precision) -> DayRange {
        DayRange { from, to, precision }
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
    pub fn year_of(&self) -> Option<i32> {
        (self.from.0 == self.to.0).then_some(self.from.0)
    }
}

fn iso((y, m, d): Ymd) -> String {
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
            (DateValue::On(a), DateValue::Span(b1, b2)) | (DateValue::Span(b1, b2), DateValue::On(a)) => a.from <= b2.to && b1.from <= a.to,
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
    /// Resolved against the reference date ("last year", "in November").
    pub relative: bool,
}

// ---------------------------------------------------------------------------------------------
// Calendar

/// Days since 1970-01-01 (proleptic Gregorian).
fn to_days((y, m, d): Ymd) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

fn add_days(d: Ymd, n: i64) -> Ymd {
    from_days(to_days(d) + n)
}

/// Monday is 0.
fn weekday(d: Ymd) -> i64 {
    (to_days(d) + 3).rem_euclid(7)
}

fn add_months((y, m, d): Ymd, n: i64) -> Ymd {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let (y, m) = (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32);
    (y, m, d.min(days_in_month(y, m)))
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The Monday of ISO week 1 of a year.
fn iso_week_one(y: i32) -> Ymd {
    let jan4 = (y, 1, 4);
    add_days(jan4, -weekday(jan4))
}

fn easter(y: i32) -> Ymd {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (y, month as u32, day as u32)
}

/// The n-th (1-based; 5 = last) given weekday of a month.
fn nth_weekday(y: i32, m: u32, wd: i64, n: i64) -> Ymd {
    if n >= 5 {
        let last = (y, m, days_in_month(y, m));
        return add_days(last, -((weekday(last) - wd).rem_euclid(7)));
    }
    let first = (y, m, 1);
    add_days(first, (wd - weekday(first)).rem_euclid(7) + 7 * (n - 1))
}

fn holiday(name: &str, y: i32) -> Option<Ymd> {
    Some(match name {
        "christmas" | "xmas" | "christmas day" => (y, 12, 25),
        "christmas eve" => (y, 12, 24),
        "new year" | "new year's" | "new year's day" | "new year day" | "new years day" => (y, 1, 1),
        "new year's eve" | "new years eve" => (y, 12, 31),
        "halloween" => (y, 10, 31),
        "valentine's day" | "valentine" | "valentine's" | "valentines day" => (y, 2, 14),
        "saint patrick" | "saint patrick's day" | "st patrick's day" | "st. patrick's day" | "st patrick" | "saint patrick's" => (y, 3, 17),
        "earth day" => (y, 4, 22),
        "independence day" => (y, 7, 4),
        "easter" | "easter sunday" | "easter day" => easter(y),
        "thanksgiving" | "thanksgiving day" => nth_weekday(y, 11, 3, 4),
        "memorial day" => nth_weekday(y, 5, 0, 5),
        "labor day" | "labour day" => nth_weekday(y, 9, 0, 1),
        "mother's day" | "mothers day" => nth_weekday(y, 5, 6, 2),
        "father's day" | "fathers day" => nth_weekday(y, 6, 6, 3),
        "martin luther king day" | "mlk day" => nth_weekday(y, 1, 0, 3),
        "columbus day" => nth_weekday(y, 10, 0, 2),
        "veterans day" => (y, 11, 11),
        "boxing day" => (y, 12, 26),
        "black friday" => add_days(nth_weekday(y, 11, 3, 4), 1),
        "cyber monday" => add_days(nth_weekday(y, 11, 3, 4), 4),
        _ => return None,
    })
}

/// Months and weekdays, in full and abbreviated.
const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "mon", "tuesday", "tue",
    "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
];

/// Words at least one of which every date written without a figure holds: a month, a weekday,
/// a unit of time, a day named relative to today, a holiday, or a year in words. The words
/// that only lead into a date ("in", "the", "last", "early", "first") make none alone, so a
/// sentence with neither a figure nor one of these holds no date.
fn date_core_words() -> &'static super::GateWords {
    static SET: std::sync::OnceLock<super::GateWords> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        const WORDS: &[&str] = &[
            "day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year",
            "years", "decade", "decades", "century", "weekend", "workweek", "today", "tonight", "tomorrow", "tmrw", "tmr",
            "yesterday", "now", "date", "eoy", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thousand",
        ];
        // The last word of every holiday's name, which every mention of it holds.
        let holidays = HOLIDAYS.iter().filter_map(|h| h.split(' ').next_back()).map(|w| w.trim_end_matches("'s"));
        super::GateWords::new(CALENDAR_WORDS.iter().chain(WORDS).copied().chain(holidays).map(String::from))
    })
}

/// Can `text` hold a date at all?
fn may_hold_date(text: &str) -> bool {
    super::holds_figure_or_word(text, date_core_words(), |_| false)
}

/// Every word a date may start with: months, weekdays, numbers, ordinals, holidays, and the
/// words of relative dates.
fn date_start_words() -> &'static WordSet {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        const WORDS: &[&str] = &[
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth", "thirtieth", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "a", "an", "couple", "the", "this", "next", "last",
            "past", "previous", "prior", "coming", "upcoming", "following", "current", "same", "today", "tonight", "now",
            "tomorrow", "tmrw", "tmr", "yesterday", "in", "within", "for", "week", "year", "calendar", "fiscal", "q", "h", "end",
            "close", "beginning", "start", "middle", "mid", "early", "earlier", "late", "later", "at", "eoy", "weekend",
            "fortnight", "day",
        ];
        let mut set: WordSet = CALENDAR_WORDS.iter().chain(WORDS).copied().collect();
        set.extend(holiday_first_words().iter().copied());
        set
    })
}

fn holiday_first_words() -> &'static WordSet {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    // As a token: "st." is read as "st", and "valentine's" may be written "valentine".
    SET.get_or_init(|| {
        let firsts = HOLIDAYS.iter().map(|h| h.split(' ').next().unwrap_or("").trim_end_matches('.'));
        firsts.flat_map(|w| [w, w.trim_end_matches("'s")]).collect()
    })
}

const HOLIDAYS: &[&str] = &[
    "christmas eve", "christmas day", "christmas", "xmas", "new year's eve", "new years eve", "new year's day", "new year day",
    "new years day", "new year's", "new year", "halloween", "valentine's day", "valentines day", "valentine's", "valentine",
    "saint patrick's day", "st patrick's day", "st. patrick's day", "saint patrick's", "saint patrick", "st patrick",
    "earth day", "independence day", "easter sunday", "easter day", "easter", "thanksgiving day", "thanksgiving", "memorial day",
    "labor day", "labour day", "mother's day", "mothers day", "father's day", "fathers day", "martin luther king day", "mlk day",
    "columbus day", "veterans day", "boxing day", "black friday", "cyber monday",
];

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq)]
enum K<'a> {
    /// A word, lowercased; borrowed from the text when it already was.
    Word(std::borrow::Cow<'a, str>),
    /// A run of digits; `ordinal` when "st", "nd", "rd" or "th" is glued to it.
    Num { v: u32, digits: usize, ordinal: bool },
    Sym(char),
}

#[derive(Clone, Debug)]
struct T<'a> {
    start: usize,
    end: usize,
    k: K<'a>,
    glued: bool,
    capital: bool,
}

/// `lower` is `text` with ASCII lowercased: words are borrowed from it.
fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<T<'a>> {
    // About one token in five or six bytes of prose: one allocation, not a doubling series.
    let mut out: Vec<T<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut last_end = usize::MAX;
    let bytes = text.as_bytes();
    while i < text.len() {
        // Spaces, a sixth of any text, separate tokens and are nothing more.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        let k = if c.is_ascii_digit() {
            let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            i += n;
            let mut ordinal = false;
            let rest = &text[i..];
            for suffix in ["st", "nd", "rd", "th"] {
                let boundary = !rest.get(suffix.len()..).unwrap_or("").starts_with(|ch: char| ch.is_alphanumeric());
                if rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(suffix)) && boundary {
                    ordinal = true;
                    i += 2;
                }
            }
            let v = text[start..start + n].parse::<u64>().unwrap_or(u64::MAX).min(u64::from(u32::MAX)) as u32;
            K::Num { v, digits: n, ordinal }
        } else if c.is_alphabetic() {
            let j = super::word_end(text, i);
            i = j;
            K::Word(super::lower_word(&text[start..j], &lower[start..j]))
        } else {
            i += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            K::Sym(match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                c => c,
            })
        };
        let capital = c.is_uppercase();
        out.push(T { start, end: i, k, glued: last_end == start, capital });
        last_end = i;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

fn month_of(w: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];
    if let Some(i) = FULL.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    Some(match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<i64> {
    Some(match w {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<i64> {
    const WORDS: [&str; 21] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as i64);
    }
    Some(match w {
        "a" | "an" => 1,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "couple" => 2,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    const ORD: [&str; 20] = [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];
    if let Some(i) = ORD.iter().position(|x| !x.is_empty() && *x == w) {
        return Some(i as u32);
    }
    Some(match w {
        "twentieth" => 20,
        "thirtieth" => 30,
        "last" => 99,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

fn unit_of(w: &str) -> Option<Unit> {
    let w = w.strip_suffix("'s").unwrap_or(w);
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "fortnight" | "fortnights" => Unit::Week,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

fn shift(d: Ymd, unit: Unit, n: i64) -> Ymd {
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, 7 * n),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
        Unit::Decade => add_months(d, 120 * n),
    }
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Cx<'a> {
    text: &'a str,
    t: Vec<T<'a>>,
    /// The reference: the source's publication date, as precise as it is known.
    reference: Option<PartialDate>,
    /// `date_at` per token, computed once: spans and offsets ask for the same positions again.
    memo: std::cell::RefCell<Vec<Option<Option<Hit>>>>,
}

/// A date read at some token: the days, the token after it, whether it leaned on the
/// reference, and, when no year was written, its month and day so a span can lend it one.
#[derive(Clone, Copy, Debug)]
struct Hit {
    range: DayRange,
    next: usize,
    relative: bool,
    yearless: Option<(u32, Option<u32>)>,
}

impl<'a> Cx<'a> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.t.get(i).map(|t| &t.k) {
            Some(K::Word(w)) => Some(w.as_ref()),
            _ => None,
        }
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.t.get(i).map(|t| &t.k) {
            Some(K::Sym(c)) => Some(*c),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.t.get(i).map(|t| &t.k) {
            Some(K::Num { v, digits, ordinal }) => Some((*v, *digits, *ordinal)),
            _ => None,
        }
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    /// The reference as a day, when it is known to the day.
    fn today(&self) -> Option<Ymd> {
        let r = self.reference?;
        Some((r.year, r.month?, r.day?))
    }

    /// The reference's day, or the first day of its month or year when less is known.
    fn anchor(&self) -> Option<Ymd> {
        let r = self.reference?;
        Some((r.year, r.month.unwrap_or(1), r.day.unwrap_or(1)))
    }

    fn month_at(&self, i: usize) -> Option<u32> {
        let w = self.word(i)?;
        let m = month_of(w)?;
        // "may", "mar", "sun", "dec" are words too: a short or ambiguous name needs a capital
        // or a figure beside it.
        let ambiguous = matches!(w, "may" | "mar" | "jan" | "jun" | "aug" | "sep" | "oct" | "nov" | "dec" | "feb" | "apr" | "jul" | "march");
        let near_figure = self.num(i + 1).is_some() || i > 0 && self.num(i - 1).is_some() || self.sym(i + 1) == Some('.') || self.sym(i + 1) == Some('/') || self.sym(i + 1) == Some('-');
        if ambiguous && !self.t[i].capital && !near_figure && !matches!(self.word(i + 1), Some("of")) {
            return None;
        }
        Some(m)
    }

    /// A year at `i`: "2020", "'87", "nineteen ninety six", "two thousand and fifteen".
    fn year_at(&self, i: usize, allow_short: bool) -> Option<(i32, usize)> {
        if let Some((v, digits, false)) = self.num(i) {
            if digits == 4 && (1000..=2999).contains(&v) {
                return Some((v as i32, i + 1));
            }
            if digits == 2 && allow_short {
                return Some((self.century_for(v), i + 1));
            }
            return None;
        }
        if self.sym(i) == Some('\'') {
            if let Some((v, 2, false)) = self.num(i + 1) {
                return Some((self.century_for(v), i + 2));
            }
        }
        self.word_year(i)
    }

    fn century_for(&self, yy: u32) -> i32 {
        let base = self.reference.map_or(2000, |r| r.year);
        let candidate = 2000 + yy as i32;
        if candidate > base + 20 {
            1900 + yy as i32
        } else {
            candidate
        }
    }

    /// Years in words: "nineteen ninety six", "two thousand and five", "twenty twenty".
    fn word_year(&self, i: usize) -> Option<(i32, usize)> {
        let a = small_number(self.word(i)?)?;
        if self.is(i + 1, "thousand") && a == 2 {
            let mut j = i + 2;
            if self.is(j, "and") {
                j += 1;
            }
            let (rest, next) = self.two_digit_words(j).unwrap_or((0, j));
            return Some((2000 + rest as i32, next));
        }
        if (10..=20).contains(&a) {
            if let Some((b, next)) = self.two_digit_words(i + 1) {
                return Some((a as i32 * 100 + b as i32, next));
            }
            if self.is(i + 1, "hundred") {
                let mut j = i + 2;
                if self.is(j, "and") {
                    j += 1;
                }
                let (rest, next) = self.two_digit_words(j).or_else(|| {
                    let b = small_number(self.word(j)?).filter(|b| (1..10).contains(b))?;
                    Some((b, j + 1))
                }).unwrap_or((0, i + 2));
                return Some((a as i32 * 100 + rest as i32, next));
            }
        }
        None
    }

    /// "ninety six", "seventy-two", "fifteen", "oh five".
    fn two_digit_words(&self, i: usize) -> Option<(i64, usize)> {
        if self.is(i, "oh") {
            let b = small_number(self.word(i + 1)?)?;
            return (b < 10).then_some((b, i + 2));
        }
        let a = small_number(self.word(i)?)?;
        if !(1..=99).contains(&a) || self.is(i, "a") || self.is(i, "an") {
            return None;
        }
        if a >= 20 && a % 10 == 0 {
            let j = if self.sym(i + 1) == Some('-') { i + 2 } else { i + 1 };
            if let Some(b) = self.word(j).and_then(small_number).filter(|b| (1..10).contains(b)) {
                return Some((a + b, j + 1));
            }
        }
        (a >= 10).then_some((a, i + 1))
    }

    /// A day of the month: "15", "15th", "fifteenth", "twenty five", "thirty-first".
    fn day_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        if let Some((v, digits, ordinal)) = self.num(i) {
            return (digits <= 2 && (1..=31).contains(&v)).then_some((v, i + 1, ordinal));
        }
        let w = self.word(i)?;
        if let Some(o) = ordinal_word(w).filter(|o| *o <= 31) {
            return Some((o, i + 1, true));
        }
        let a = small_number(w).filter(|a| (1..=31).contains(a) && !matches!(w, "a" | "an"))?;
        if a == 20 || a == 30 {
            let j = if self.sym(i + 1) == Some('-') { i + 2 } else { i + 1 };
            if let Some(b) = self.word(j).and_then(ordinal_word).filter(|b| *b < 10) {
                return Some((a as u32 + b, j + 1, true));
            }
            if let Some(b) = self.word(j).and_then(small_number).filter(|b| (1..10).contains(b)) {
                return Some((a as u32 + b as u32, j + 1, false));
            }
        }
        Some((a as u32, i + 1, false))
    }

    /// The latest (month, day) not after the reference.
    fn latest(&self, m: u32, d: Option<u32>) -> Option<DayRange> {
        let r = self.reference?;
        let year = match r.month {
            Some(rm) if m < rm => r.year,
            Some(rm) if m == rm => match (d, r.day) {
                (Some(d), Some(rd)) if d > rd => r.year - 1,
                _ => r.year,
            },
            Some(_) => r.year - 1,
            None => r.year,
        };
        self.dated(year, m, d)
    }

    fn dated(&self, y: i32, m: u32, d: Option<u32>) -> Option<DayRange> {
        match d {
            Some(d) if valid(y, m, d) => Some(DayRange::day((y, m, d))),
            Some(_) => None,
            None => Some(DayRange::month(y, m)),
        }
    }

    fn hit(&self, range: DayRange, next: usize, relative: bool) -> Option<Hit> {
        // A range that ends before it starts ("the coming 0 weeks") is no date, nor one past
        // the years an ISO date can write ("the next 838 decades").
        let writable = (1..=9999).contains(&range.from.0) && (1..=9999).contains(&range.to.0);
        (range.from <= range.to && writable).then_some(Hit { range, next, relative, yearless: None })
    }

    /// Can a date start at this token? Most words cannot; one lookup keeps the scan fast.
    fn may_start(&self, i: usize) -> bool {
        match self.t.get(i).map(|t| &t.k) {
            Some(K::Num { .. } | K::Sym('\'')) => true,
            Some(K::Word(w)) => date_start_words().contains(w.as_ref()),
            _ => false,
        }
    }

    /// The longest date at `i`.
    fn date_at(&self, i: usize) -> Option<Hit> {
        if !self.may_start(i) {
            return None;
        }
        if let Some(Some(known)) = self.memo.borrow().get(i) {
            return *known;
        }
        let found = self.longest_at(i);
        if let Some(slot) = self.memo.borrow_mut().get_mut(i) {
            *slot = Some(found);
        }
        found
    }

    fn longest_at(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.numeric(i),
            self.named(i),
            self.year_expr(i),
            self.decade(i),
            self.quarter(i),
            self.week(i),
            self.relative_day(i),
            self.weekday_expr(i),
            self.relative_period(i),
            self.offset(i).map(|h| {
                let trailing = (self.is(h.next, "on")).then(|| self.word(h.next + 1).and_then(weekday_of)).flatten();
                match trailing {
                    Some(wd) => Hit { next: h.next + 2, ..self.snap(h, Some(wd)) },
                    None => h,
                }
            }),
            self.part_of(i),
            self.holiday_at(i),
        ];
        candidates.into_iter().flatten().max_by_key(|h| (h.next, std::cmp::Reverse(h.range.precision)))
    }

    /// Dates in digits: "2020-10-16", "2015-12", "10/16/2020", "16/10/2020", "10/1", "03/18/40",
    /// "20161016", "22/Jan/2019", "2019/aug/01", "Sep-23-2020", "05-Aug-2016", "Dec/2018", "12-2015".
    fn numeric(&self, i: usize) -> Option<Hit> {
        let sep = |k: usize| self.sym(k).filter(|c| matches!(c, '-' | '/' | '.')).filter(|_| self.glued(k) && self.glued(k + 1));
        // Month names between separators.
        if let Some(m) = self.word(i).and_then(month_of) {
            if let (Some(s), Some((y, 4, false))) = (sep(i + 1), self.num(i + 2)) {
                if s == '/' && sep(i + 3).is_none() {
                    return self.hit(DayRange::month(y as i32, m), i + 3, false);
                }
            }
            if let (Some(_), Some((d, _, _)), Some(_), Some((y, 4, _))) = (sep(i + 1), self.num(i + 2), sep(i + 3), self.num(i + 4)) {
                return self.dated(y as i32, m, Some(d)).and_then(|r| self.hit(r, i + 5, false));
            }
        }
        let (a, ad, _) = self.num(i)?;
        if self.glued(i) && i > 0 && matches!(self.t[i - 1].k, K::Word(_) | K::Num { .. }) {
            return None;
        }
        if ad == 8 && (19000101..=21001231).contains(&a) {
            let (y, m, d) = ((a / 10000) as i32, a / 100 % 100, a % 100);
            return valid(y, m, d).then(|| self.hit(DayRange::day((y, m, d)), i + 1, false)).flatten();
        }
        let s1 = sep(i + 1)?;
        // Second part: a number or a month name.
        let (b, b_month) = match (self.num(i + 2), self.word(i + 2).and_then(month_of)) {
            (Some((b, bd, _)), _) if bd <= 4 => (b, false),
            (_, Some(m)) => (m, true),
            _ => return None,
        };
        let third = sep(i + 3).and_then(|_| match (self.num(i + 4), self.word(i + 4).and_then(month_of)) {
            (Some((c, cd, _)), _) => Some((c, cd, false)),
            (_, Some(m)) => Some((m, 2, true)),
            _ => None,
        });
        // No further figure glued on ("192.168.1.2" is no date); a dash may start a span.
        let no_more = |k: usize| sep(k).is_none_or(|c| c == '-') || !matches!(self.t.get(k + 1).map(|t| &t.k), Some(K::Num { .. }));
        match (ad, third) {
            (4, Some((c, _, c_month))) if no_more(i + 5) => {
                // Y-M-D, Y/Mon/D, Y/D/Mon
                let y = a as i32;
                let (m, d) = if c_month { (c, b) } else { (b, c) };
                self.dated(y, m, Some(d)).and_then(|r| self.hit(r, i + 5, false))
            }
            (4, None) if !b_month && (1..=12).contains(&b) && s1 != '.' && no_more(i + 3) => self.hit(DayRange::month(a as i32, b), i + 3, false),
            (4, None) if !b_month && s1 == '-' && (10..=99).contains(&b) && (a % 100) < b && no_more(i + 3) => {
                // "2013-14": two years.
                let y2 = (a / 100 * 100 + b) as i32;
                self.hit(DayRange::span((a as i32, 1, 1), (y2, 12, 31), Precision::Range), i + 3, false)
            }
            (1 | 2, Some((c, cd, false))) if (cd == 4 || cd == 2) && no_more(i + 5) => {
                let y = if cd == 4 { c as i32 } else { self.century_for(c) };
                let (m, d) = if b_month {
                    (b, a)
                } else if a <= 12 {
                    (a, b)
                } else {
                    (b, a)
                };
                self.dated(y, m, Some(d)).and_then(|r| self.hit(r, i + 5, false))
            }
            (1 | 2, None) if !b_month && s1 != '.' && (1..=12).contains(&a) && b >= 1000 && no_more(i + 3) => self.hit(DayRange::month(b as i32, a), i + 3, false),
            (1 | 2, None) if s1 == '/' && !b_month && (1..=12).contains(&a) && (1..=31).contains(&b) && no_more(i + 3) => {
                // "10/1": a month and day in the reference's year.
                let y = self.reference?.year;
                self.dated(y, a, Some(b)).map(|r| Hit { range: r, next: i + 3, relative: true, yearless: Some((a, Some(b))) })
            }
            _ => None,
        }
    }

    /// Dates with a month name: "October 15, 2020", "15 October 2020", "the 26th of June of
    /// 2020", "July 2024", "June of 1992", "January first 12", "fourth of July 1995",
    /// "October of last year", "last July", "November".
    fn named(&self, i: usize) -> Option<Hit> {
        // "2017 april": a year, then its month.
        if let (Some((y, 4, false)), Some(m)) = (self.num(i), self.word(i + 1).and_then(month_of)) {
            if (1000..=2999).contains(&y) && !matches!(self.t.get(i + 2).map(|t| &t.k), Some(K::Num { .. })) {
                return self.hit(DayRange::month(y as i32, m), i + 2, false);
            }
        }
        // "the third month of 2021", "the 9th month of next year"
        {
            let j = if self.is(i, "the") { i + 1 } else { i };
            let nth = match (self.num(j), self.word(j).and_then(ordinal_word)) {
                (Some((n, _, true)), _) => Some(n),
                (None, Some(n)) => Some(n),
                _ => None,
            };
            if let Some(n) = nth.filter(|n| (1..=12).contains(n)) {
                if self.is(j + 1, "month") && self.is(j + 2, "of") {
                    if let Some((y, next)) = self.year_at(j + 3, false) {
                        return self.hit(DayRange::month(y, n), next, false);
                    }
                    if let Some(h) = self.relative_period(j + 3).filter(|h| h.range.precision == Precision::Year) {
                        return self.hit(DayRange::month(h.range.from.0, n), h.next, true);
                    }
                }
            }
        }
        let mut j = i;
        // Day first: "[the] 15th [day] of June", "15 June 2020".
        if self.is(j, "the") {
            j += 1;
        }
        if let Some((d, after_day, ordinal)) = self.day_at(j) {
            let mut k = after_day;
            if self.is(k, "day") && ordinal {
                k += 1;
            }
            if self.is(k, "of") {
                k += 1;
            }
            let cardinal_word = self.num(j).is_none() && !ordinal && k == after_day;
            if let Some(m) = self.month_at(k).filter(|_| ordinal || self.num(j).is_some() || cardinal_word) {
                return self.with_year(m, Some(d), k + 1, i);
            }
            // "the 15th day of next month", "the 21st this month"
            if ordinal && (self.is(k, "next") || self.is(k, "this") || self.is(k, "last")) && self.is(k + 1, "month") {
                let today = self.anchor()?;
                let base = add_months(today, if self.is(k, "next") { 1 } else if self.is(k, "last") { -1 } else { 0 });
                return self.dated(base.0, base.1, Some(d)).and_then(|r| self.hit(r, k + 2, true));
            }
        }
        // "next 5/12", "next 6th of April": the first occurrence after the reference.
        if self.is(i, "next") || self.is(i, "this") {
            if let Some(h) = self.numeric(i + 1).or_else(|| self.named_day_first(i + 1)) {
                if let Some((m, Some(d))) = h.yearless {
                    let today = self.today()?;
                    let mut y = today.0;
                    if self.is(i, "next") && (m, d) <= (today.1, today.2) {
                        y += 1;
                    }
                    return self.dated(y, m, Some(d)).and_then(|r| self.hit(r, h.next, true));
                }
            }
        }
        // "last July", "this May", "next March"
        if let Some(w) = self.word(i).filter(|w| matches!(*w, "last" | "this" | "next" | "past")) {
            if let Some(m) = self.month_at(i + 1) {
                let r = self.reference?;
                let y = match (w, r.month) {
                    ("this", _) => r.year,
                    ("next", Some(rm)) if m > rm => r.year,
                    ("next", _) => r.year + 1,
                    (_, Some(rm)) if m < rm => r.year,
                    _ => r.year - 1,
                };
                return self.hit(DayRange::month(y, m), i + 2, true);
            }
        }
        let m = self.month_at(i)?;
        let mut k = i + 1;
        if self.sym(k) == Some('.') && self.glued(k) {
            k += 1;
        }
        // Month then day: "October 15, 2020", "May 2nd 2018", "January twenty five".
        let mut probe = k;
        if self.is(probe, "the") {
            probe += 1;
        }
        if let Some((y, next)) = self.word_year(probe) {
            return self.hit(DayRange::month(y, m), next, false);
        }
        if let Some((d, after, ordinal)) = self.day_at(probe) {
            // "June 2020" is not June the 20th: a four-digit figure is a year.
            let is_year = self.num(probe).is_some_and(|(_, digits, _)| digits == 4);
            let clock = self.sym(after) == Some(':');
            if !is_year && !clock && (self.num(probe).is_some() || ordinal || self.word(probe).and_then(small_number).is_some()) {
                let mut after = after;
                if self.sym(after) == Some(',') {
                    after += 1;
                }
                return self.with_year(m, Some(d), after, i);
            }
        }
        if (self.is(k, "of") || self.sym(k) == Some(','))
            && (self.year_at(k + 1, false).is_some() || matches!(self.word(k + 1), Some("this" | "last" | "next" | "the"))) {
                let at = if self.is(k, "of") { k } else { k + 1 };
                return self.with_year(m, None, at, i);
            }
        self.with_year(m, None, k, i)
    }

    /// A day-first date ("6th of April") as `named` reads it, when it starts at `i`.
    fn named_day_first(&self, i: usize) -> Option<Hit> {
        (self.day_at(i).is_some() || self.is(i, "the")).then(|| self.named(i)).flatten()
    }

    /// A month (and day) followed by a year, a relative year, or none.
    fn with_year(&self, m: u32, d: Option<u32>, mut k: usize, start: usize) -> Option<Hit> {
        if self.sym(k) == Some(',') {
            k += 1;
        }
        if (self.is(k, "of") || self.is(k, "in")) && self.year_at(k + 1, self.is(k, "of")).is_some() {
            k += 1;
        }
        let short_ok = self.num(k).is_some_and(|(_, digits, _)| digits == 2) && (d.is_some() || k > 0 && self.is(k - 1, "of"));
        if let Some((y, next)) = self.year_at(k, short_ok) {
            return self.dated(y, m, d).and_then(|r| self.hit(r, next, false));
        }
        // "October of last year", "September of this year"
        let of = if self.is(k, "of") { k + 1 } else { k };
        if let (Some(w), true) = (self.word(of), self.is(of + 1, "year")) {
            if matches!(w, "this" | "last" | "next" | "previous" | "following") && (of > k || self.is(k, "of")) {
                let base = self.reference?.year;
                let y = base + match w {
                    "last" | "previous" => -1,
                    "next" | "following" => 1,
                    _ => 0,
                };
                return self.dated(y, m, d).and_then(|r| self.hit(r, of + 2, true));
            }
        }
        // No year: a bare month counts only after a preposition that introduces a date, or
        // with a day.
        if d.is_none() {
            let prev = start.checked_sub(1).and_then(|p| self.word(p));
            let introduced = matches!(prev, Some("in" | "since" | "until" | "by" | "through" | "during" | "early" | "late" | "mid" | "before" | "after" | "from" | "to" | "till" | "last" | "of" | "between" | "and" | "next" | "this"));
            // "Nov-Feb 2017", "May to September": the first end of a span.
            let spans_on = matches!(self.sym(k), Some('-' | '~')) || matches!(self.word(k), Some("to" | "through" | "until" | "till"));
            if !introduced && !spans_on {
                return None;
            }
        }
        self.latest(m, d).map(|r| Hit { range: r, next: k, relative: true, yearless: Some((m, d)) })
    }

    /// "2020", "the year 2008", "calendar year 2008", "in nineteen ninety six".
    fn year_expr(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let lead = j;
        if self.is(j, "calendar") || self.is(j, "fiscal") {
            j += 1;
        }
        if self.is(j, "year") {
            j += 1;
            if self.is(j, "of") {
                j += 1;
            }
        }
        let named = j > lead;
        if let Some((v, 4, false)) = self.num(j) {
            let before = self.t[j].start;
            let after_tok = self.t.get(j + 1);
            let prev_char = self.text[..before].chars().next_back();
            let money_or_figure = prev_char.is_some_and(|c| c == '$' || c == '.' || c.is_ascii_digit()) || prev_char == Some(',') && self.text[..before.saturating_sub(1)].ends_with(|c: char| c.is_ascii_digit());
            let figure_after = matches!(after_tok.map(|t| &t.k), Some(K::Sym('%'))) || after_tok.is_some_and(|t| t.glued && matches!(t.k, K::Sym(',') | K::Sym('.')) && matches!(self.t.get(j + 2).map(|n| (&n.k, n.glued)), Some((K::Num { .. }, true))));
            let unit_after = matches!(self.word(j + 1), Some("percent" | "people" | "troops" | "dollars" | "million" | "billion" | "thousand" | "per" | "km" | "kg" | "mg" | "units"));
            let glued_word = after_tok.is_some_and(|t| t.glued && matches!(t.k, K::Word(_))) || self.glued(j) && j > 0 && matches!(self.t[j - 1].k, K::Word(_));
            let plausible = named || (1500..=2100).contains(&v);
            if !money_or_figure && !figure_after && !unit_after && !glued_word && plausible {
                return self.hit(DayRange::year(v as i32), j + 1, false);
            }
            return None;
        }
        // Years in words only where a date is expected.
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        if named || matches!(prev, Some("in" | "since" | "of" | "until" | "by")) {
            if let Some((y, next)) = self.word_year(j) {
                return self.hit(DayRange::year(y), next, false);
            }
        }
        None
    }

    /// "the 2010s", "the '90s", "the 21st century".
    fn decade(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if let Some((v, 4, false)) = self.num(j) {
            if v % 10 == 0 && self.is(j + 1, "s") && self.glued(j + 1) {
                return self.hit(DayRange::span((v as i32, 1, 1), (v as i32 + 9, 12, 31), Precision::Decade), j + 2, false);
            }
            if v % 10 == 0 && self.sym(j + 1) == Some('\'') && self.is(j + 2, "s") {
                return self.hit(DayRange::span((v as i32, 1, 1), (v as i32 + 9, 12, 31), Precision::Decade), j + 3, false);
            }
        }
        let (c, after) = match (self.num(j), self.word(j)) {
            (Some((v, _, true)), _) if (1..=30).contains(&v) => (v, j + 1),
            (None, Some(w)) => (ordinal_word(w).filter(|o| *o <= 21)?, j + 1),
            _ => return None,
        };
        if self.is(after, "century") {
            let start = (c as i32 - 1) * 100;
            return self.hit(DayRange::span((start, 1, 1), (start + 99, 12, 31), Precision::Century), after + 1, false);
        }
        None
    }

    /// Quarters and halves: "2019 Q1", "Q3 2019", "2019-Q1", "the first quarter of 2019",
    /// "2019 H2", "the second half of 2019", "this/next/last quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        // "q3", "H2": a letter and a glued figure; returns (n, months per part, tokens).
        let q_of = |k: usize| -> Option<(u32, u32)> {
            let (n, _, _) = self.num(k + 1).filter(|_| self.glued(k + 1))?;
            match self.word(k)? {
                "q" if (1..=4).contains(&n) => Some((n, 3)),
                "h" if (1..=2).contains(&n) => Some((n, 6)),
                _ => None,
            }
        };
        let make = |y: i32, n: u32, months: u32| {
            let from = (y, (n - 1) * months + 1, 1);
            let to_month = n * months;
            DayRange::span(from, (y, to_month, days_in_month(y, to_month)), if months == 3 { Precision::Quarter } else { Precision::Range })
        };
        // "2019 q1", "2019-Q1"
        if let Some((y, 4, false)) = self.num(i) {
            let k = if self.sym(i + 1) == Some('-') { i + 2 } else { i + 1 };
            if let Some((n, months)) = q_of(k) {
                return self.hit(make(y as i32, n, months), k + 2, false);
            }
        }
        // "Q3 2019", "q1 of 2019", "q1-2019"
        if let Some((n, months)) = q_of(i) {
            let k = if self.is(i + 2, "of") || self.sym(i + 2) == Some('-') { i + 3 } else { i + 2 };
            if let Some((y, next)) = self.year_at(k, false) {
                return self.hit(make(y, n, months), next, false);
            }
        }
        // "the first quarter of 2019", "the second half of the year"
        let j = if self.is(i, "the") { i + 1 } else { i };
        if let Some(n) = self.word(j).and_then(ordinal_word).filter(|n| (1..=4).contains(n)) {
            let months = match self.word(j + 1) {
                Some("quarter") => 3,
                Some("half") if n <= 2 => 6,
                _ => return None,
            };
            if self.is(j + 2, "of") {
                if let Some((y, next)) = self.year_at(j + 3, false) {
                    return self.hit(make(y, n, months), next, false);
                }
                // "the first quarter of this year", "the second half of the year"
                if matches!(self.word(j + 3), Some("this" | "the")) && self.is(j + 4, "year") {
                    let y = self.reference?.year;
                    return self.hit(make(y, n, months), j + 5, true);
                }
            }
        }
        None
    }

    /// Weeks: "week 10", "the first week of 2021", "the last week of 2016", "3rd week of 2018",
    /// "the last week of this month", "the week after next".
    fn week(&self, i: usize) -> Option<Hit> {
        let week_range = |monday: Ymd| DayRange::span(monday, add_days(monday, 6), Precision::Week);
        if self.is(i, "week") {
            if let Some((n, _, false)) = self.num(i + 1).filter(|(n, d, _)| *d <= 2 && (1..=53).contains(n)) {
                let (y, next) = if self.is(i + 2, "of") {
                    self.year_at(i + 3, false)
                        .or_else(|| self.relative_period(i + 3).filter(|h| h.range.precision == Precision::Year).map(|h| (h.range.from.0, h.next)))
                        .unwrap_or((self.reference?.year, i + 2))
                } else {
                    (self.reference?.year, i + 2)
                };
                let monday = add_days(iso_week_one(y), 7 * (i64::from(n) - 1));
                return self.hit(week_range(monday), next, next == i + 2);
            }
        }
        let j = if self.is(i, "the") { i + 1 } else { i };
        let n = match (self.num(j), self.word(j).and_then(ordinal_word)) {
            (Some((n, _, true)), _) if (1..=5).contains(&n) => n,
            (None, Some(n)) if n <= 5 || n == 99 => n,
            _ => 0,
        };
        if n > 0 && self.is(j + 1, "week") && self.is(j + 2, "of") {
            if let Some((y, next)) = self.year_at(j + 3, false) {
                let monday = if n == 99 {
                    add_days(iso_week_one(y + 1), -7)
                } else {
                    add_days(iso_week_one(y), 7 * (i64::from(n) - 1))
                };
                return self.hit(week_range(monday), next, false);
            }
            if let Some(hit) = self.relative_period(j + 3).or_else(|| self.named(j + 3)).filter(|h| h.range.precision == Precision::Month) {
                let (y, m, _) = hit.range.from;
                // The weeks of a month are the weeks that hold its days, Monday first.
                let monday = if n == 99 {
                    let last = (y, m, days_in_month(y, m));
                    add_days(last, -weekday(last))
                } else {
                    let first = (y, m, 1);
                    add_days(first, -weekday(first) + 7 * (i64::from(n) - 1))
                };
                return self.hit(week_range(monday), hit.next, true);
            }
        }
        // "the week after next"
        if self.is(j, "week") && self.is(j + 1, "after") && self.is(j + 2, "next") {
            let today = self.today()?;
            let monday = add_days(today, -weekday(today) + 14);
            return self.hit(week_range(monday), j + 3, true);
        }
        None
    }

    /// "today", "tomorrow", "yesterday", "the day after tomorrow", "now".
    fn relative_day(&self, i: usize) -> Option<Hit> {
        let today = self.today()?;
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (offset, next) = match self.word(j)? {
            "today" | "tonight" => (0, j + 1),
            "now" if j == i => (0, j + 1),
            "tomorrow" | "tmrw" | "tmr" => (1, j + 1),
            "yesterday" => (-1, j + 1),
            "day" if self.is(j + 1, "after") && self.is(j + 2, "tomorrow") => (2, j + 3),
            "day" if self.is(j + 1, "before") && self.is(j + 2, "yesterday") => (-2, j + 3),
            "day" if j > i && self.is(j + 1, "after") && !matches!(self.t.get(j + 2).map(|t| &t.k), Some(K::Word(_) | K::Num { .. })) => (1, j + 2),
            "day" if j > i && self.is(j + 1, "before") && !matches!(self.t.get(j + 2).map(|t| &t.k), Some(K::Word(_) | K::Num { .. })) => (-1, j + 2),
            "current" if self.is(j + 1, "date") => (0, j + 2),
            _ => return None,
        };
        self.hit(DayRange::day(add_days(today, offset)), next, true)
    }

    /// "this Friday", "next Friday", "last Wednesday", "this past Wednesday", "this coming
    /// Friday", "next week Wednesday".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let today = self.today()?;
        let this_monday = add_days(today, -weekday(today));
        let (modifier, k) = match (self.word(i), self.word(i + 1)) {
            (Some("this"), Some("past")) => ("past", i + 2),
            (Some("this"), Some("coming" | "upcoming")) => ("coming", i + 2),
            (Some("this" | "next" | "last" | "previous" | "coming" | "upcoming" | "past" | "following"), _) => (self.word(i)?, i + 1),
            _ => ("", i),
        };
        // "next week Wednesday", "previous week - Monday"
        if matches!(modifier, "next" | "last" | "previous" | "this") && self.is(k, "week") {
            let mut w = k + 1;
            if self.sym(w) == Some('-') {
                w += 1;
            }
            if let Some(wd) = self.word(w).and_then(weekday_of) {
                let base = add_days(this_monday, match modifier {
                    "next" => 7,
                    "last" | "previous" => -7,
                    _ => 0,
                });
                return self.hit(DayRange::day(add_days(base, wd)), w + 1, true);
            }
        }
        let wd = self.word(k).and_then(weekday_of)?;
        let day = match modifier {
            "this" => add_days(this_monday, wd),
            "next" => add_days(this_monday, wd + 7),
            "last" | "previous" => add_days(this_monday, wd - 7),
            "past" => add_days(today, -((weekday(today) - wd - 1).rem_euclid(7) + 1)),
            "following" => add_days(this_monday, wd + 7),
            "coming" | "upcoming" => add_days(today, (wd - weekday(today) - 1).rem_euclid(7) + 1),
            _ => {
                // "Tuesday the eleventh", "Monday 21": a day of the month, named with its weekday.
                let at = if self.is(k + 1, "the") { k + 2 } else { k + 1 };
                if let Some((d, next, _)) = self.day_at(at) {
                    let in_month = if d >= today.2 { (today.0, today.1) } else { let (y, m, _) = add_months(today, 1); (y, m) };
                    return self.dated(in_month.0, in_month.1, Some(d)).and_then(|r| self.hit(r, next, true));
                }
                // "Monday two weeks from now", "Thursday, two years from now"
                let at = if self.sym(k + 1) == Some(',') { k + 2 } else { k + 1 };
                if let Some(h) = self.offset(at) {
                    return Some(self.snap(h, Some(wd)));
                }
                // "Tuesday of next week", "monday of the following week"
                if self.is(k + 1, "of") {
                    if let Some(h) = self.relative_period(k + 2).filter(|h| h.range.precision == Precision::Week) {
                        return self.hit(DayRange::day(add_days(h.range.from, wd)), h.next, true);
                    }
                }
                // "agents on Thursday arrested…": news tells of the past week, so the latest such
                // day not after publication; "will meet on Monday", the next one.
                if i > 0 && self.is(i - 1, "on") {
                    // "on Thursday, Jan. 5, 2023": the date that follows says which Thursday.
                    let after = if self.sym(k + 1) == Some(',') { k + 2 } else { k + 1 };
                    if let Some(h) = self.date_at(after) {
                        return Some(h);
                    }
                    let ahead = (i.saturating_sub(5)..i).any(|j| matches!(self.word(j), Some("will" | "would" | "plans" | "planned" | "scheduled" | "expected" | "due")));
                    let day = if ahead { add_days(today, (wd - weekday(today)).rem_euclid(7)) } else { add_days(today, -(weekday(today) - wd).rem_euclid(7)) };
                    return self.hit(DayRange::day(day), k + 1, true);
                }
                return None;
            }
        };
        let mut next = k + 1;
        // "this friday 5/12": the explicit date wins when one follows.
        if let Some(h) = self.numeric(next) {
            next = h.next;
            return self.hit(h.range, next, true);
        }
        self.hit(DayRange::day(day), next, true)
    }

    /// "this year", "last month", "next week", "the previous quarter", "the following week",
    /// "this weekend", "the same year", "next workweek", "the next decade".
    fn relative_period(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        // "the weekend", "the fortnight": the current one.
        if self.is(j, "weekend") || self.is(j, "fortnight") && j > i {
            let today = self.today()?;
            let monday = add_days(today, -weekday(today));
            let range = if self.is(j, "weekend") {
                DayRange::span(add_days(monday, 5), add_days(monday, 6), Precision::Range)
            } else {
                DayRange::span(monday, add_days(monday, 13), Precision::Range)
            };
            return self.hit(range, j + 1, true);
        }
        // "the following month", "the next day", "the same year" count from the story's own
        // time, not from publication: they are no date this grammar can place.
        let after_the = j > i || i > 0 && self.is(i - 1, "the");
        if after_the && matches!(self.word(j), Some("following" | "next" | "previous" | "prior" | "same")) && matches!(self.word(j + 1), Some("day" | "month" | "year" | "week")) {
            return None;
        }
        let shift_by = match self.word(j)? {
            "this" | "current" | "same" => 0,
            "next" | "following" | "coming" | "upcoming" => 1,
            "last" | "previous" | "past" | "prior" => -1,
            _ => return None,
        };
        let mut k = j + 1;
        if self.is(k, "calendar") || self.is(k, "working") && self.is(k + 1, "week") {
            k += 1;
        }
        let word = self.word(k)?;
        let word = if self.is(k - 1, "working") { "workweek" } else { word };
        // "Peña Nieto's last year" is the last year of a term, not the year before publication.
        if i > 0 && (self.text[..self.t[i].start].trim_end().ends_with("'s") || self.text[..self.t[i].start].trim_end().ends_with("\u{2019}s")) {
            return None;
        }
        let anchor = self.anchor()?;
        let r = self.reference?;
        let range = match word {
            "year" => DayRange::year(r.year + shift_by as i32),
            "month" => {
                r.month?;
                let (y, m, _) = add_months(anchor, shift_by);
                DayRange::month(y, m)
            }
            "week" | "workweek" => {
                let today = self.today()?;
                let monday = add_days(today, -weekday(today) + 7 * shift_by);
                let end = if word == "workweek" { add_days(monday, 4) } else { add_days(monday, 6) };
                DayRange::span(monday, end, Precision::Week)
            }
            "fortnight" => {
                let today = self.today()?;
                let start = if shift_by >= 0 { add_days(today, 14 * shift_by) } else { add_days(today, -14) };
                DayRange::span(start, add_days(start, 14), Precision::Range)
            }
            "weekend" => {
                let today = self.today()?;
                let saturday = add_days(today, -weekday(today) + 5 + 7 * shift_by);
                DayRange::span(saturday, add_days(saturday, 1), Precision::Range)
            }
            "quarter" => {
                r.month?;
                let (y, m, _) = add_months(anchor, 3 * shift_by);
                let start = (m - 1) / 3 * 3 + 1;
                DayRange::span((y, start, 1), (y, start + 2, days_in_month(y, start + 2)), Precision::Quarter)
            }
            "decade" => {
                let start = r.year / 10 * 10 + 10 * shift_by as i32;
                DayRange::span((start, 1, 1), (start + 9, 12, 31), Precision::Decade)
            }
            _ => return None,
        };
        self.hit(range, k + 1, true)
    }

    /// "in two years", "3 days ago", "three weeks from tomorrow", "2 weeks before May 13
    /// 1999", "the next 3 days", "the last 3 months", "within 9 months", "2 weeks starting May 20".
    fn offset(&self, i: usize) -> Option<Hit> {
        let count = |k: usize| -> Option<(i64, usize)> {
            if let Some((v, digits, false)) = self.num(k) {
                return (digits <= 3).then_some((i64::from(v), k + 1));
            }
            let w = self.word(k)?;
            let a = small_number(w)?;
            if a >= 20 && a % 10 == 0 {
                let j = if self.sym(k + 1) == Some('-') { k + 2 } else { k + 1 };
                if let Some(b) = self.word(j).and_then(small_number).filter(|b| (1..10).contains(b)) {
                    return Some((a + b, j + 1));
                }
            }
            Some((a, k + 1))
        };
        let units = |k: usize| -> Option<(i64, Unit, usize)> {
            let (n, k) = count(k).filter(|(n, _)| *n >= 1)?;
            let unit = unit_of(self.word(k)?)?;
            let n = if self.word(k).is_some_and(|w| w.starts_with("fortnight")) { n * 2 } else { n };
            Some((n, unit, k + 1))
        };
        let today = self.today();
        // "in two years", "within 9 months", "within next 10 months"; but "the lowest in six
        // years", "for the first time in 20 years" look back over a stretch, they date nothing.
        let looks_back = |w: &str| {
            const NOUNS_IN_EST: &[&str] = &["interest", "west", "rest", "test", "protest", "request", "arrest", "contest", "harvest", "forest", "quest", "chest", "guest", "unrest"];
            matches!(w, "first" | "most" | "least" | "time" | "low" | "high") || w.len() > 4 && w.ends_with("est") && !NOUNS_IN_EST.contains(&w)
        };
        if self.is(i, "in") && i > 0 && self.word(i - 1).is_some_and(looks_back) {
            return None;
        }
        if self.is(i, "in") || self.is(i, "within") {
            let mut k = i + 1;
            if self.is(i, "within") && self.is(k, "next") {
                k += 1;
            }
            let (n, unit, next) = units(k)?;
            let today = today?;
            let target = shift(today, unit, n);
            if self.is(i, "within") {
                return self.hit(DayRange::span(today, target, Precision::Range), next, true);
            }
            return self.hit(DayRange::day(target), next, true);
        }
        // "the next 3 days", "the last 3 months", "the past five years", "previous eleven quarters"
        let j = if self.is(i, "the") { i + 1 } else { i };
        if let Some(dir) = self.word(j).and_then(|w| match w {
            "next" | "coming" | "following" | "upcoming" => Some(1),
            "last" | "past" | "previous" | "prior" => Some(-1),
            _ => None,
        }) {
            if let Some((n, unit, next)) = units(j + 1) {
                let today = today?;
                if unit == Unit::Quarter {
                    let start_month = (today.1 - 1) / 3 * 3 + 1;
                    let this_q = (today.0, start_month, 1);
                    let (from, to) = if dir > 0 { (add_months(this_q, 3), add_months(this_q, 3 + 3 * n)) } else { (add_months(this_q, -3 * n), this_q) };
                    return self.hit(DayRange::span(from, add_days(to, -1), Precision::Range), next, true);
                }
                let (from, to) = if dir > 0 { (add_days(today, 1), shift(today, unit, n)) } else { (shift(today, unit, -n), today) };
                return self.hit(DayRange::span(from, to, Precision::Range), next, true);
            }
        }
        // "the last four months of 2021", "the first 2 weeks of 2021", "first ten days of last year"
        if let Some(edge) = self.word(j).filter(|w| matches!(*w, "first" | "last")) {
            if let Some((n, unit, k)) = units(j + 1) {
                if self.is(k, "of") {
                    if let Some(p) = self.date_at(k + 1).filter(|h| matches!(h.range.precision, Precision::Year | Precision::Month)) {
                        let (pf, pt) = (p.range.from, p.range.to);
                        let (from, to) = match (edge, unit) {
                            ("first", Unit::Week) => {
                                let monday = if p.range.precision == Precision::Year { iso_week_one(pf.0) } else { add_days(pf, (7 - weekday(pf)) % 7) };
                                (monday, add_days(monday, 7 * n - 1))
                            }
                            ("last", Unit::Week) => {
                                let last_monday = add_days(pt, -weekday(pt));
                                (add_days(last_monday, -7 * n), add_days(last_monday, -1))
                            }
                            ("first", _) => (pf, add_days(shift(pf, unit, n), -1)),
                            _ => (shift(add_days(pt, 1), unit, -n), pt),
                        };
                        return self.hit(DayRange::span(from, to, Precision::Range), p.next, p.relative);
                    }
                }
            }
        }
        // "the 2 next days", "the 5 upcoming years"
        if let Some((n, k)) = count(j) {
            if let (Some(dir), Some(unit)) = (self.word(k).and_then(|w| match w {
                "next" | "coming" => Some(1),
                "upcoming" => Some(2),
                "last" | "past" | "previous" => Some(-1),
                _ => None,
            }), self.word(k + 1).and_then(unit_of)) {
                let today = today?;
                let (from, to) = match dir {
                    1 => (add_days(today, 1), shift(today, unit, n)),
                    2 => (today, shift(today, unit, n)),
                    _ => (shift(today, unit, -n), today),
                };
                return self.hit(DayRange::span(from, to, Precision::Range), k + 2, true);
            }
        }
        // "3 days ago", "two years from now", "3 days from Tuesday", "2 weeks before May 13 1999",
        // "2 weeks starting May 20th", "for 3 days from today"
        let lead = if self.is(i, "for") { i + 1 } else { i };
        let (n, unit, k) = units(lead)?;
        let k = if self.sym(k) == Some(',') && self.is(k + 1, "from") { k + 1 } else { k };
        match self.word(k)? {
            "ago" | "earlier" => {
                let today = today?;
                self.hit(DayRange::day(shift(today, unit, -n)), k + 1, true)
            }
            // "a month later" counts from the story's own time: no date to place.
            "later" => None,
            "from" | "after" | "before" | "starting" => {
                let w = self.word(k)?;
                let at = if w == "starting" && self.is(k + 1, "from") { k + 2 } else { k + 1 };
                let (base, next, relative) = match self.word(at) {
                    Some("now") | Some("today") if w != "starting" => (today?, at + 1, true),
                    _ => {
                        let h = self.date_at(at).or_else(|| self.bare_anchor(at))?;
                        (h.range.from, h.next, h.relative)
                    }
                };
                if w == "starting" || lead > i {
                    return self.hit(DayRange::span(base, shift(base, unit, n), Precision::Range), next, relative);
                }
                let sign = if w == "before" { -1 } else { 1 };
                self.hit(DayRange::day(shift(base, unit, sign * n)), next, relative)
            }
            _ => None,
        }
    }

    /// "in 3 days on Friday", "Monday two weeks from now": the named weekday of the week the
    /// offset lands in.
    fn snap(&self, h: Hit, weekday_name: Option<i64>) -> Hit {
        let (Some(wd), Precision::Day) = (weekday_name, h.range.precision) else { return h };
        let d = h.range.from;
        let monday = add_days(d, -weekday(d));
        Hit { range: DayRange::day(add_days(monday, wd)), ..h }
    }

    /// A weekday or holiday named alone, as an anchor for an offset ("3 days from Tuesday",
    /// "2 weeks before Christmas"): this week's weekday, this year's holiday.
    fn bare_anchor(&self, i: usize) -> Option<Hit> {
        let today = self.today()?;
        if let Some(wd) = self.word(i).and_then(weekday_of) {
            return self.hit(DayRange::day(add_days(today, wd - weekday(today))), i + 1, true);
        }
        for name in HOLIDAYS {
            let words: Vec<&str> = name.split(' ').collect();
            if words.iter().enumerate().all(|(n, w)| self.word(i + n) == Some(w)) {
                return self.hit(DayRange::day(holiday(name, today.0)?), i + words.len(), true);
            }
        }
        None
    }

    /// "the end of 1989", "mid 1989", "the middle of 2000", "early 2020", "later this year",
    /// "earlier this month", "later this week", "the end of the week", "end of month".
    fn part_of(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") || self.is(i, "at") { i + 1 } else { i };
        let j = if self.is(j, "the") { j + 1 } else { j };
        let (part, mut k) = match self.word(j)? {
            "end" | "close" if self.is(j + 1, "of") => ("end", j + 2),
            "end" => ("end", j + 1),
            "beginning" | "start" if self.is(j + 1, "of") => ("start", j + 2),
            "middle" if self.is(j + 1, "of") => ("mid", j + 2),
            "mid" => ("mid", j + 1),
            "early" | "earlier" => ("start", j + 1),
            "late" | "later" => ("end", j + 1),
            "eoy" => {
                let y = self.reference?.year;
                return self.hit(DayRange::span((y, 7, 1), (y, 12, 31), Precision::Range), j + 1, true);
            }
            _ => return None,
        };
        if self.sym(k) == Some('-') {
            k += 1;
        }
        // "earlier in the week", "later this week"
        if self.is(k, "in") {
            k += 1;
        }
        let target = if self.is(k, "the") && matches!(self.word(k + 1), Some("week" | "month" | "year")) {
            self.relative_period(k + 1).map(|h| Hit { next: k + 2, ..h })
        } else if matches!(self.word(k), Some("week" | "month" | "year")) {
            None
        } else {
            self.date_at(k)
        };
        let target = match target {
            Some(t) => t,
            None => {
                // "end of month", "the week" as this one
                let w = if self.is(k, "the") { k + 1 } else { k };
                let unit = self.word(w)?;
                let today = self.today()?;
                let range = match unit {
                    "week" => {
                        let monday = add_days(today, -weekday(today));
                        DayRange::span(monday, add_days(monday, 6), Precision::Week)
                    }
                    "month" => DayRange::month(today.0, today.1),
                    "year" => DayRange::year(today.0),
                    _ => return None,
                };
                Hit { range, next: w + 1, relative: true, yearless: None }
            }
        };
        let r = target.range;
        let relative_to_now = target.relative && self.word(k).is_some_and(|w| matches!(w, "this" | "the" | "year" | "month" | "week"));
        let range = match r.precision {
            Precision::Year => {
                let y = r.from.0;
                match (part, relative_to_now || self.is(j, "later") || self.is(j, "earlier")) {
                    ("end", true) => DayRange::span((y, 7, 1), (y, 12, 31), Precision::Range),
                    ("start", true) => DayRange::span((y, 1, 1), (y, 6, 30), Precision::Range),
                    ("end", false) => DayRange::span((y, 9, 1), (y, 12, 31), Precision::Range),
                    ("start", false) => DayRange::span((y, 1, 1), (y, 4, 30), Precision::Range),
                    _ => DayRange::span((y, 5, 1), (y, 8, 31), Precision::Range),
                }
            }
            Precision::Month => {
                let (y, m, _) = r.from;
                let last = days_in_month(y, m);
                let today = self.today();
                match part {
                    "end" if self.is(j, "later") => DayRange::span(today.filter(|t| t.1 == m).unwrap_or((y, m, 16)), (y, m, last), Precision::Range),
                    "start" if self.is(j, "earlier") => DayRange::span((y, m, 1), today.filter(|t| t.1 == m).unwrap_or((y, m, 15)), Precision::Range),
                    "end" => DayRange::span((y, m, 16), (y, m, last), Precision::Range),
                    "start" => DayRange::span((y, m, 1), (y, m, 10), Precision::Range),
                    _ => DayRange::span((y, m, 11), (y, m, 20), Precision::Range),
                }
            }
            Precision::Week => {
                let monday = r.from;
                let today = self.today();
                match part {
                    "end" => {
                        let thursday = add_days(monday, 3);
                        let from = today.filter(|t| *t > thursday && *t <= add_days(monday, 6)).unwrap_or(thursday);
                        DayRange::span(from, add_days(monday, 6), Precision::Range)
                    }
                    "start" => {
                        let to = today.filter(|t| *t >= monday && *t <= add_days(monday, 6) && self.is(j, "earlier")).unwrap_or(add_days(monday, 2));
                        DayRange::span(monday, to, Precision::Range)
                    }
                    _ => DayRange::span(add_days(monday, 2), add_days(monday, 4), Precision::Range),
                }
            }
            _ => return None,
        };
        self.hit(range, target.next, target.relative)
    }

    /// "Easter 2018", "Christmas", "next Easter", "the previous Easter", "Halloween weekend 2021".
    fn holiday_at(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (dir, k) = match self.word(j)? {
            "next" | "following" | "coming" => (1, j + 1),
            "previous" | "last" | "past" => (-1, j + 1),
            "this" => (0, j + 1),
            _ => (0, j),
        };
        let first = self.word(k)?;
        // Most words start no holiday: one lookup skips matching every name word by word.
        if !holiday_first_words().contains(first) {
            return None;
        }
        for name in HOLIDAYS.iter().filter(|name| name.starts_with(first)) {
            let words = name.split(' ');
            let fits = words.clone().enumerate().all(|(n, w)| self.word(k + n) == Some(w) || (w.ends_with("'s") && self.word(k + n) == Some(w.trim_end_matches("'s"))));
            if !fits {
                continue;
            }
            let mut next = k + words.count();
            let weekend = self.is(next, "weekend");
            if weekend {
                next += 1;
            }
            let day = if let Some((y, after)) = self.year_at(next, false) {
                next = after;
                holiday(name, y)?
            } else {
                let today = self.today()?;
                let this = holiday(name, today.0)?;
                match dir {
                    1 => {
                        if this > today {
                            this
                        } else {
                            holiday(name, today.0 + 1)?
                        }
                    }
                    -1 => {
                        if this < today {
                            this
                        } else {
                            holiday(name, today.0 - 1)?
                        }
                    }
                    _ if j == k && i == j => return None,
                    _ => this,
                }
            };
            if weekend {
                let saturday = add_days(day, 5 - weekday(day));
                return self.hit(DayRange::span(saturday, add_days(saturday, 1), Precision::Range), next, dir != 0);
            }
            return self.hit(DayRange::day(day), next, dir != 0);
        }
        None
    }

    /// A span: "from A to B", "between A and B", "A–B", "A through B", "from A to date",
    /// "Nov-Feb 2017", "5/1-5/7/2020".
    fn span_at(&self, i: usize) -> Option<(DateValue, usize, bool)> {
        if !self.may_start(i) && !self.is(i, "from") && !self.is(i, "between") {
            return None;
        }
        let (lead, j) = match self.word(i) {
            Some("from") => ("from", i + 1),
            Some("between") => ("between", i + 1),
            _ => ("", i),
        };
        let a = self.date_at(j)?;
        let k = a.next;
        let sep_word = self.word(k);
        let sep_sym = self.sym(k);
        let joined = match (sep_word, sep_sym) {
            (Some("to" | "until" | "till" | "through" | "thru" | "into"), _) => true,
            (Some("and"), _) => lead == "between",
            (_, Some('-' | '~')) => true,
            _ => false,
        };
        if !joined {
            return None;
        }
        // "from March to date", "between now and November 15th"
        let b = if matches!(self.word(k + 1), Some("date" | "now" | "today")) {
            let today = self.today()?;
            Hit { range: DayRange::day(today), next: k + 2, relative: true, yearless: None }
        } else {
            self.date_at(k + 1)?
        };
        // A dash between bare figures ("4-23") is no span of dates.
        if sep_sym == Some('-') && lead.is_empty() && a.range.precision == Precision::Year && b.range.precision == Precision::Year && b.next == k + 2 && self.num(k + 1).is_some_and(|(_, d, _)| d != 4) {
            return None;
        }
        let mut a_range = a.range;
        // A year written once serves both ends: "Nov-Feb 2017", "5/1-5/7/2020", "26 june to 28 june in 2020".
        if let (Some((m, d)), None) = (a.yearless, b.yearless) {
            let y = b.range.to.0;
            let y = if (m, d.unwrap_or(1)) > (b.range.from.1, b.range.from.2) && b.range.precision != Precision::Year { y - 1 } else { y };
            a_range = self.dated(y, m, d)?;
        }
        let mut b_range = b.range;
        if let (None, Some((m, d))) = (a.yearless, b.yearless) {
            let y = a_range.from.0;
            let y = if (m, d.unwrap_or(31)) < (a_range.from.1, a_range.from.2) { y + 1 } else { y };
            b_range = self.dated(y, m, d)?;
        }
        if a_range.from > b_range.to {
            return None;
        }
        Some((DateValue::Span(a_range, b_range), b.next, a.relative || b.relative))
    }
}

/// Every date or span in `text`, in text order, not overlapping.
pub fn find_dates(text: &str, published: Option<PartialDate>) -> Vec<DateMention> {
    // Most sentences hold no date: they are settled without reading them word by word.
    if !may_hold_date(text) {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    dates_in(text, tokenize(text, &lower), published)
}

/// Every date in `text`, from its tokens.
fn dates_in<'a>(text: &'a str, t: Vec<T<'a>>, published: Option<PartialDate>) -> Vec<DateMention> {
    let memo = std::cell::RefCell::new(vec![None; t.len()]);
    let cx = Cx { text, t, reference: published, memo };
    let mut out = Vec::new();
    let mut yearless = Vec::new();
    let mut i = 0;
    while i < cx.t.len() {
        if let Some((value, next, relative)) = cx.span_at(i) {
            let start = cx.t[i].start;
            out.push(DateMention { start, end: cx.t[next - 1].end, value, relative });
            i = next;
            continue;
        }
        if let Some(h) = cx.date_at(i) {
            if let Some(month_day) = h.yearless {
                yearless.push((out.len(), month_day));
            }
            out.push(DateMention { start: cx.t[i].start, end: cx.t[h.next - 1].end, value: DateValue::On(h.range), relative: h.relative });
            i = h.next;
            continue;
        }
        i += 1;
    }
    anchor_yearless(text, &mut out, &yearless);
    out
}

/// "2021 — The framework is unveiled on October 8": a month and day without a year take the
/// one year stated before them on the same line (a chronology's, a sentence's), not the
/// publication's.
fn anchor_yearless(text: &str, out: &mut [DateMention], yearless: &[(usize, (u32, Option<u32>))]) {
    for &(k, (month, day)) in yearless {
        let at = out[k].start;
        let mut years = out[..k].iter().filter(|d| !d.relative && !text[d.end..at].contains('\n')).filter_map(|d| match d.value {
            DateValue::On(r) if r.from.0 == r.to.0 => Some(r.from.0),
            _ => None,
        });
        let Some(year) = years.next() else { continue };
        if years.any(|y| y != year) {
            continue;
        }
        let anchored = match day {
            Some(d) if valid(year, month, d) => DayRange::day((year, month, d)),
            Some(_) => continue,
            None => DayRange::month(year, month),
        };
        out[k] = DateMention { value: DateValue::On(anchored), relative: false, ..out[k] };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words the grammars read that hold no date alone: every word in a string literal of this
    /// file (the grammars compare tokens with literals), less those of `date_core_words`.
    fn leading_words() -> Vec<String> {
        let source = include_str!("dates.rs");
        let literals = source.split('"').skip(1).step_by(2);
        let words = literals.flat_map(|l| l.split(' ')).filter(|w| !w.is_empty() && w.len() < 20 && w.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '\'' | '-' | '.')));
        let mut words: Vec<String> = words.filter(|w| !may_hold_date(w)).map(str::to_string).chain([",", "/", "'"].map(String::from)).collect();
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn no_date_in_two_words_without_a_figure_or_a_core_word() {
        for text in super::super::gate_texts::pairs(&leading_words()) {
            let found = dates_in(&text, tokenize(&text, &text.to_ascii_lowercase()), PartialDate::parse("2025-03-14"));
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn no_date_without_a_figure_or_a_core_word(picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..9), published in prop::sample::select(vec![None, Some("2025-03-14"), Some("2019-11")])) {
            let text = super::super::gate_texts::sequence(&picks, &leading_words());
            let lower = text.to_ascii_lowercase();
            let found = dates_in(&text, tokenize(&text, &lower), published.and_then(PartialDate::parse));
            prop_assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

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
    fn calendar_arithmetic() {
        assert_eq!(from_days(to_days((2024, 2, 29))), (2024, 2, 29));
        assert_eq!(weekday((2025, 3, 3)), 0);
        assert_eq!(easter(2018), (2018, 4, 1));
        assert_eq!(add_months((2024, 1, 31), 1), (2024, 2, 29));
    }

    #[test]
    fn absolute_dates_with_precision() {
        assert_eq!(ranges("on October 15, 2020", "2025"), [r("2020-10-15", "2020-10-15")]);
        assert_eq!(ranges("on 15 October 2020", "2025"), [r("2020-10-15", "2020-10-15")]);
        assert_eq!(ranges("in July 2024", "2025"), [r("2024-07-01", "2024-07-31")]);
        assert_eq!(ranges("in 2020", "2025"), [r("2020-01-01", "2020-12-31")]);
        assert_eq!(ranges("during the 2010s", "2025"), [r("2010-01-01", "2019-12-31")]);
        assert_eq!(ranges("Feb. 22, 2014", "2025"), [r("2014-02-22", "2014-02-22")]);
        assert_eq!(ranges("on 10/16/2020", "2025"), [r("2020-10-16", "2020-10-16")]);
        assert_eq!(ranges("on 2020-10-16", "2025"), [r("2020-10-16", "2020-10-16")]);
        assert_eq!(ranges("the 26th of June of 2020", "2025"), [r("2020-06-26", "2020-06-26")]);
        assert_eq!(ranges("in the 21st century", "2025"), [r("2000-01-01", "2099-12-31")]);
        assert_eq!(ranges("2019 Q3", "2025"), [r("2019-07-01", "2019-09-30")]);
        assert_eq!(ranges("in nineteen ninety six", "2025"), [r("1996-01-01", "1996-12-31")]);
    }

    #[test]
    fn a_month_and_day_take_the_year_stated_before_them_on_the_line() {
        assert_eq!(ranges("2021 \u{2014} The framework is unveiled on October 8.", "2025-01-12"), [r("2021-01-01", "2021-12-31"), r("2021-10-08", "2021-10-08")]);
        assert_eq!(ranges("In 2019 he was arrested on March 3.", "2025-01-12"), [r("2019-01-01", "2019-12-31"), r("2019-03-03", "2019-03-03")]);
        // Two years before it, or a year on another line: the publication decides.
        assert_eq!(ranges("From 2018 to 2019, and on March 3", "2025-01-12").last(), Some(&r("2024-03-03", "2024-03-03")));
        assert_eq!(ranges("2021\nOn October 8", "2025-01-12").last(), Some(&r("2024-10-08", "2024-10-08")));
    }

    #[test]
    fn a_weekday_after_on_is_the_latest_one_in_a_news_story() {
        // 2024-07-26 is a Friday.
        assert_eq!(ranges("agents on Thursday arrested him", "2024-07-26"), [r("2024-07-25", "2024-07-25")]);
        assert_eq!(ranges("he was arrested on Friday", "2024-07-26"), [r("2024-07-26", "2024-07-26")]);
        assert_eq!(ranges("the court will rule on Monday", "2024-07-26"), [r("2024-07-29", "2024-07-29")]);
        assert!(ranges("Thursday is a weekday", "2024-07-26").is_empty());
        assert_eq!(ranges("detained on Thursday, Jan. 5, 2023.", "2024-07-26"), [r("2023-01-05", "2023-01-05")]);
    }

    #[test]
    fn spans_join_two_dates() {
        assert_eq!(ranges("Enrique Pe\u{f1}a Nieto (2012\u{2013}2018)", "2024"), [r("2012-01-01", "2018-12-31")]);
        assert_eq!(ranges("in office from December 2018 to September 2024", "2024"), [r("2018-12-01", "2024-09-30")]);
        assert_eq!(ranges("between 2007 and 2011", "2024"), [r("2007-01-01", "2011-12-31")]);
        assert_eq!(ranges("Nov-Feb 2017", "2024"), [r("2016-11-01", "2017-02-28")]);
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(ranges("president from 2018 until September of this year", "2024-11-05"), [r("2018-01-01", "2024-09-30")]);
        assert_eq!(ranges("in October of last year", "2021-01-16"), [r("2020-10-01", "2020-10-31")]);
        assert_eq!(ranges("arrested last July", "2025-03-03"), [r("2024-07-01", "2024-07-31")]);
        assert_eq!(ranges("flown back in November", "2021-01-16"), [r("2020-11-01", "2020-11-30")]);
        assert_eq!(ranges("sworn in on October 1, before we went to press", "2024-10-15"), [r("2024-10-01", "2024-10-01")]);
        assert_eq!(ranges("Last month, Congress", "2021-01-16"), [r("2020-12-01", "2020-12-31")]);
        assert_eq!(ranges("who governed from 2018 until last year", "2025-03-20"), [r("2018-01-01", "2024-12-31")]);
        assert_eq!(ranges("I'll go back tomorrow", "2016-11-07"), [r("2016-11-08", "2016-11-08")]);
        assert_eq!(ranges("next Friday", "2019-01-31"), [r("2019-02-08", "2019-02-08")]);
        assert_eq!(ranges("this past Wednesday", "2019-01-31"), [r("2019-01-30", "2019-01-30")]);
        assert_eq!(ranges("three weeks from tomorrow", "2018-05-31"), [r("2018-06-22", "2018-06-22")]);
        assert_eq!(ranges("2 days ago", "2016-11-07"), [r("2016-11-05", "2016-11-05")]);
        assert!(ranges("in November", "").is_empty());
    }

    #[test]
    fn fuzz_regression_no_date_past_year_9999() {
        // fuzz/artifacts/dates/crash-22c311e8: "next 838 decades" ended in the year 10404.
        assert!(ranges("next 838 decades", "2024-11-05").is_empty());
        assert!(find_dates("next838decade", pub_date("2024-11-05")).iter().all(|d| d.value.from() <= d.value.to()));
    }

    #[test]
    fn fuzz_regression_zero_units_make_no_range() {
        // fuzz/artifacts/dates/crash-1257d28e: "the coming 00 weeks" ended before it began.
        for d in find_dates("\u{0}coming00week22~\u{fffd}s16tnomth the coming 00 weeks", pub_date("2024-11-05")) {
            assert!(d.value.from() <= d.value.to(), "{d:?}");
        }
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
