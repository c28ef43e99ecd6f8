//! Normalize: a statement (verbatim quote, its source's publication date, and an optional
//! antecedent sentence for pronouns) in, zero or more claims out. A claim is a [`Key`] (what is
//! measured or what happened, about whom, over which time scope) and a typed [`Value`].
//! Pure and deterministic; driven by the lexicon and a topic-free English grammar.

pub mod dates;
pub mod keys;
pub mod numbers;
pub mod table;

use std::fmt;

use serde_json::json;

use crate::lexicon::Lexicon;
use crate::source::PartialDate;
pub use dates::{DateMention, DateValue, DayRange, Precision};
pub use numbers::{Quantity, QuantityKind, QuantityMention, Unit};

/// What a claim is about: a subject (measure or event, with its facet) and named parameters
/// (who, where, which time scope). Rendered as `subject{k=v,k=v}`; parameters sorted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub subject: String,
    pub params: Params,
}

/// A key's parameters, sorted by name: a map of two or three entries, kept in one small
/// vector (a `BTreeMap` allocates a node of eleven for them, for every key and every copy).
/// Compares, orders and hashes as that map would.
/// Names are mostly the rules' own words, borrowed; only keys read back from text own theirs.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Params(Vec<(std::borrow::Cow<'static, str>, String)>);

impl Params {
    fn position(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(name))
    }

    pub fn insert(&mut self, name: impl Into<std::borrow::Cow<'static, str>>, value: String) {
        let name = name.into();
        match self.position(&name) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (name, value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&String> {
        self.position(name).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.position(name).ok().map(|at| self.0.remove(at).1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    /// Name and value, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &String)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Key {
    pub fn new(subject: impl Into<String>) -> Key {
        Key { subject: subject.into(), params: Params::default() }
    }

    pub fn with(mut self, name: impl Into<std::borrow::Cow<'static, str>>, value: impl Into<String>) -> Key {
        self.params.insert(name, value.into());
        self
    }

    /// The facet (`agent`, `date`, …) of an event key, if any.
    pub fn facet(&self) -> Option<&str> {
        self.params.get(FACET).map(String::as_str)
    }

    pub fn with_facet(self, facet: &str) -> Key {
        self.with(FACET, facet)
    }

    /// The event's key itself: `arrest{person=x}` for `arrest{person=x}.place`.
    pub fn without_facet(&self) -> Key {
        let mut key = self.clone();
        key.params.remove(FACET);
        key
    }

    /// Reads a key as `Display` writes it: `subject{k=v,…}.facet`. Keys round-trip.
    pub fn parse(text: &str) -> Option<Key> {
        let Some(open) = text.find('{') else {
            return (!text.is_empty()).then(|| Key::new(text));
        };
        let close = text.rfind('}').filter(|c| *c > open)?;
        let mut key = Key::new(&text[..open]);
        for pair in text[open + 1..close].split(',').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=')?;
            key = key.with(k.to_string(), v);
        }
        match &text[close + 1..] {
            "" => Some(key),
            rest => Some(key.with_facet(rest.strip_prefix('.')?)),
        }
    }
}

/// Facets are kept as a parameter internally and rendered after the braces: `arrest{…}.agent`.
const FACET: &str = "\u{0}facet";

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.subject)?;
        let params: Vec<String> = self.params.iter().filter(|(k, _)| *k != FACET).map(|(k, v)| format!("{k}={v}")).collect();
        if !params.is_empty() {
            write!(f, "{{{}}}", params.join(","))?;
        }
        if let Some(facet) = self.facet() {
            write!(f, ".{facet}")?;
        }
        Ok(())
    }
}

/// A typed value. Quantities are intervals; dates ranges of days; categories lexicon ids.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Quantity(Quantity),
    Date(DateValue),
    /// A lexicon entity (a place, an agent's country, a charge); `root` is its outermost container.
    Category { id: String, root: String },
    /// That an event happened (or, negated, did not).
    Event { event: String, occurred: bool },
}

impl Value {
    /// Can both values hold at once?
    pub fn agrees(&self, other: &Value, lexicon: &Lexicon) -> bool {
        match (self, other) {
            (Value::Quantity(a), Value::Quantity(b)) => a.overlaps(b),
            (Value::Date(a), Value::Date(b)) => a.agrees(b),
            (Value::Category { id: a, .. }, Value::Category { id: b, .. }) => a == b || lexicon.contains(a, b) || lexicon.contains(b, a),
            (Value::Event { occurred: a, .. }, Value::Event { occurred: b, .. }) => a == b,
            _ => false,
        }
    }

    /// The value as `report.json` writes it (see `../shared/eval/FORMAT.md`).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Quantity(q) => {
                let mut v = json!({"type": "quantity", "lo": q.lo, "hi": q.hi, "lo_open": q.lo_open, "hi_open": q.hi_open, "unit": q.unit.as_str()});
                let map = v.as_object_mut().expect("object");
                if let Some(p) = q.point {
                    map.insert("point".into(), json!(p));
                }
                if let Some(h) = &q.hedge {
                    map.insert("hedge".into(), json!(h));
                }
                if let Some(of) = q.of {
                    map.insert("of".into(), json!(of));
                }
                if let Some(per) = q.per {
                    map.insert("per".into(), json!(per));
                }
                v
            }
            Value::Date(d) => {
                let mut v = json!({"type": "date", "from": d.from(), "to": d.to(), "precision": d.precision()});
                if let DateValue::Span(a, b) = d {
                    let map = v.as_object_mut().expect("object");
                    map.insert("type".into(), json!("span"));
                    map.insert("start".into(), json!({"from": a.iso_from(), "to": a.iso_to(), "precision": a.precision}));
                    map.insert("end".into(), json!({"from": b.iso_from(), "to": b.iso_to(), "precision": b.precision}));
                }
                v
            }
            Value::Category { id, root } => json!({"type": "category", "id": id, "root": root}),
            Value::Event { event, occurred } => json!({"type": "event", "event": event, "occurred": occurred}),
        }
    }

    /// Reads a value as [`Value::to_json`] writes it.
    pub fn from_json(v: &serde_json::Value) -> Option<Value> {
        let num = |name: &str| v.get(name).and_then(serde_json::Value::as_f64);
        let text = |name: &str| v.get(name).and_then(serde_json::Value::as_str);
        let flag = |name: &str| v.get(name).and_then(serde_json::Value::as_bool).unwrap_or(false);
        let range = |r: &serde_json::Value, precision: Precision| -> Option<DayRange> {
            let day = |s: &str| -> Option<(i32, u32, u32)> {
                let d = crate::source::PartialDate::parse(s)?;
                Some((d.year, d.month?, d.day?))
            };
            Some(DayRange { from: day(r.get("from")?.as_str()?)?, to: day(r.get("to")?.as_str()?)?, precision })
        };
        let precision: Precision = v.get("precision").and_then(|p| serde_json::from_value(p.clone()).ok()).unwrap_or(Precision::Range);
        match text("type")? {
            "quantity" => {
                let unit = match text("unit")? {
                    "count" => Unit::Count,
                    "percent" => Unit::Percent,
                    "ratio" => Unit::Ratio,
                    "rate" => Unit::Rate,
                    code => Unit::Money(numbers::intern_code(code)),
                };
                Some(Value::Quantity(Quantity {
                    lo: num("lo"),
                    hi: num("hi"),
                    lo_open: flag("lo_open"),
                    hi_open: flag("hi_open"),
                    unit,
                    point: num("point"),
                    hedge: text("hedge").map(str::to_string),
                    of: num("of"),
                    per: num("per"),
                }))
            }
            "date" => Some(Value::Date(DateValue::On(range(v, precision)?))),
            "span" => {
                let own = |r: &serde_json::Value| r.get("precision").and_then(|p| serde_json::from_value(p.clone()).ok()).unwrap_or(precision);
                let (s, e) = (v.get("start")?, v.get("end")?);
                let start = range(s, own(s))?;
                let end = range(e, own(e))?;
                Some(Value::Date(DateValue::Span(start, end)))
            }
            "category" => Some(Value::Category { id: text("id")?.to_string(), root: text("root")?.to_string() }),
            "event" => Some(Value::Event { event: text("event")?.to_string(), occurred: v.get("occurred")?.as_bool()? }),
            _ => None,
        }
    }

    /// A short human reading of the value: "[180,000, 200,000)", "2020", "united-states".
    pub fn render(&self) -> String {
        match self {
            Value::Quantity(q) => render_quantity(q),
            Value::Date(DateValue::On(r)) => render_range(r),
            Value::Date(DateValue::Span(a, b)) => format!("{} to {}", render_range(a), render_range(b)),
            Value::Category { id, .. } => id.clone(),
            Value::Event { event, occurred: true } => format!("{event}: happened"),
            Value::Event { event, occurred: false } => format!("{event}: did not happen"),
        }
    }
}

fn render_range(r: &DayRange) -> String {
    match r.precision {
        Precision::Day => r.iso_from(),
        Precision::Month => r.iso_from()[..7].to_string(),
        Precision::Year => r.iso_from()[..4].to_string(),
        Precision::Decade => format!("{}s", &r.iso_from()[..4]),
        _ => format!("{} to {}", r.iso_from(), r.iso_to()),
    }
}

pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn render_quantity(q: &Quantity) -> String {
    let unit = match q.unit {
        Unit::Count => String::new(),
        Unit::Percent => " %".to_string(),
        Unit::Money(code) => format!(" {code}"),
        Unit::Ratio => " (ratio)".to_string(),
        Unit::Rate => format!(" per {}", format_number(q.per.unwrap_or(1.0))),
    };
    let of = q.of.map(|d| format!(" of {}", format_number(d))).unwrap_or_default();
    if q.is_exact() {
        return format!("{}{of}{unit}", format_number(q.lo.unwrap_or(0.0)));
    }
    let lo = q.lo.map(format_number).unwrap_or_else(|| "-∞".into());
    let hi = q.hi.map(format_number).unwrap_or_else(|| "∞".into());
    let open = if q.lo_open || q.lo.is_none() { '(' } else { '[' };
    let close = if q.hi_open || q.hi.is_none() { ')' } else { ']' };
    format!("{open}{lo}, {hi}{close}{of}{unit}")
}

/// A fixed set of words the grammars look tokens up in. Most tokens asked about are no member:
/// a table of the members' shapes (length, first and last byte) turns most of those away
/// before any hashing. The hash is foldhash, since SipHash's resistance to crafted collisions
/// buys nothing for a set fixed at build time and costs a tenth of a scan.
pub(crate) struct WordSet<S = &'static str> {
    words: std::collections::HashSet<S, foldhash::fast::FixedState>,
    /// By length (longer words share the last row) and first byte's low five bits, a bit for
    /// each last byte's low five bits: set for every member's shape, so never clear for one.
    /// An ASCII letter's low five bits are the same in either case.
    shapes: [[u32; 32]; 32],
}

impl<S> Default for WordSet<S> {
    fn default() -> Self {
        WordSet { words: Default::default(), shapes: [[0; 32]; 32] }
    }
}

impl<S: std::borrow::Borrow<str> + std::hash::Hash + Eq> WordSet<S> {
    fn shape(bytes: &[u8]) -> (usize, usize, u32) {
        let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
        (bytes.len().min(31), usize::from(first & 31), 1 << (last & 31))
    }

    /// Can `bytes` be a member, by its shape alone? Never false for a member, nor for one
    /// written in other case.
    fn may_hold(&self, bytes: &[u8]) -> bool {
        let (len, first, last) = Self::shape(bytes);
        self.shapes[len][first] & last != 0
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.may_hold(word.as_bytes()) && self.words.contains(word)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &S> {
        self.words.iter()
    }
}

impl<S: std::borrow::Borrow<str> + std::hash::Hash + Eq> Extend<S> for WordSet<S> {
    fn extend<I: IntoIterator<Item = S>>(&mut self, words: I) {
        for word in words {
            let (len, first, last) = Self::shape(word.borrow().as_bytes());
            self.shapes[len][first] |= last;
            self.words.insert(word);
        }
    }
}

impl<S: std::borrow::Borrow<str> + std::hash::Hash + Eq> FromIterator<S> for WordSet<S> {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> WordSet<S> {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

/// Does `text` hold an ASCII digit, a run of ASCII letters that is one of `words`, or another
/// character (not an ASCII letter) that `counts` accepts? The number and date grammars' gate:
/// each reads figures in digits, and every phrase of theirs without one holds a word of a
/// small set. A word the tokenizers read is a run of letters here too (or holds one: "year's"
/// holds "year"), so the gate lets through at least what the grammars could read.
pub(crate) fn holds_figure_or_word(text: &str, words: &GateWords, counts: impl Fn(char) -> bool) -> bool {
    let bytes = text.as_bytes();
    // Sixteen bytes at a time, without an exit inside: the compiler makes that one vector test.
    if bytes.chunks(16).any(|chunk| chunk.iter().fold(false, |found, b| found | b.is_ascii_digit())) {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let start = i;
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            if words.holds(&bytes[start..i]) {
                return true;
            }
        } else if b.is_ascii_whitespace() {
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if counts(c) {
                return true;
            }
            i += c.len_utf8();
        }
    }
    false
}

/// Is one of `words` a whole run of ASCII letters in `text`, in any case?
pub(crate) fn holds_word(text: &str, words: &GateWords) -> bool {
    text.as_bytes().split(|b| !b.is_ascii_alphabetic()).any(|run| words.holds(run))
}

/// The words of a grammar's gate, lowercase ASCII letters, asked about runs of letters in a
/// text in any case: the set's shape table settles most runs without lowercasing them.
pub(crate) struct GateWords {
    words: WordSet<String>,
}

/// No word of a gate is longer ("deutschmarks", "thousandths").
pub(crate) const LONGEST_GATE_WORD: usize = 16;

impl GateWords {
    /// The words that are runs of letters: only those can be a run of letters in a text.
    pub(crate) fn new(words: impl IntoIterator<Item = String>) -> GateWords {
        let words = words.into_iter().filter(|word| {
            assert!(word.len() <= LONGEST_GATE_WORD, "gate word {word:?} is longer than {LONGEST_GATE_WORD} letters");
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
        });
        GateWords { words: words.collect() }
    }

    /// Is `run`, ASCII letters in any case, one of the words?
    fn holds(&self, run: &[u8]) -> bool {
        if run.is_empty() || run.len() > LONGEST_GATE_WORD || !self.words.may_hold(run) {
            return false;
        }
        let mut lowered = [0u8; LONGEST_GATE_WORD];
        let word = &mut lowered[..run.len()];
        word.copy_from_slice(run);
        word.make_ascii_lowercase();
        std::str::from_utf8(word).is_ok_and(|w| self.words.contains(w))
    }
}

/// The end of the word starting at byte `i`: letters, with apostrophes inside ("Mexico's").
/// Both the number and the date grammar tokenize words this way.
pub(crate) fn word_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    loop {
        // ASCII letters are most of any text: a byte test, not a Unicode table look-up.
        while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        let Some(ch) = text[j..].chars().next() else { return j };
        let after = j + ch.len_utf8();
        if ch.is_ascii() && ch != '\'' {
            return j;
        }
        if ch.is_alphabetic() || (ch == '\'' || ch == '\u{2019}') && j > i && text[after..].chars().next().is_some_and(char::is_alphabetic) {
            j = after;
        } else {
            return j;
        }
    }
}

/// A word lowercased, with a curly apostrophe made straight. `lowered` is the same word in a
/// copy of the text with ASCII lowercased (one copy per text, not one per capitalized word):
/// the word is borrowed from there unless a non-ASCII letter must change.
pub(crate) fn lower_word<'a>(word: &'a str, lowered: &'a str) -> std::borrow::Cow<'a, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(lowered);
    }
    if word.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
        std::borrow::Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// One claim a statement makes, before provenance is attached.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimDraft {
    pub key: Key,
    pub value: Value,
    /// The words the value was read from ("nearly 200,000", "U.S. authorities").
    pub as_written: String,
}

/// A statement as normalize sees it.
pub struct StatementInput<'a> {
    pub quote: &'a str,
    /// A citation: only its quoted title is read.
    pub note: bool,
    pub published: Option<PartialDate>,
    /// The sentence a pronoun in the quote most likely refers back to, or the header row of the
    /// table the quote is a row of.
    pub context: Option<&'a str>,
}

/// The statement with what states nothing blanked out, byte for byte, so spans still hold:
/// URLs everywhere, and in a citation everything but its quoted titles (dates and numbers
/// there are the cited work's, not facts).
pub fn readable(quote: &str, note: bool) -> std::borrow::Cow<'_, str> {
    static URL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let url = URL.get_or_init(|| regex::Regex::new(r"(?:https?://|www\.)\S+").expect("regex"));
    static REF: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let reference = REF.get_or_init(|| regex::Regex::new(r"\[[0-9]{1,3}(?:[,\u{2013}-][0-9]{1,3})*\]").expect("regex"));
    // Without "http" and a colon, "www." or a bracket neither pattern can match: most
    // sentences skip both, and most have no colon to look for "http" after.
    static HTTP: std::sync::OnceLock<(memchr::memmem::Finder<'static>, memchr::memmem::Finder<'static>)> = std::sync::OnceLock::new();
    let (http, www) = HTTP.get_or_init(|| (memchr::memmem::Finder::new(b"http"), memchr::memmem::Finder::new(b"www.")));
    let bytes = quote.as_bytes();
    let may_blank = memchr::memchr(b'[', bytes).is_some() || memchr::memchr(b':', bytes).is_some() && http.find(bytes).is_some() || www.find(bytes).is_some();
    let blanked: Vec<regex::Match<'_>> = if may_blank { url.find_iter(quote).chain(reference.find_iter(quote)).collect() } else { Vec::new() };
    // Most sentences hold neither a URL nor a reference: they are read as they stand.
    if !note && blanked.is_empty() {
        return std::borrow::Cow::Borrowed(quote);
    }
    let mut keep = vec![!note; quote.len()];
    if note {
        let mut open: Option<usize> = None;
        for (i, c) in quote.char_indices() {
            match (c, open) {
                ('\u{201c}', None) | ('"', None) => open = Some(i + c.len_utf8()),
                ('\u{201d}', Some(o)) | ('"', Some(o)) => {
                    keep[o..i].iter_mut().for_each(|k| *k = true);
                    open = None;
                }
                _ => {}
            }
        }
    }
    for m in blanked {
        keep[m.start()..m.end()].iter_mut().for_each(|k| *k = false);
    }
    let mut out = String::with_capacity(quote.len());
    for (i, c) in quote.char_indices() {
        if keep[i] {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Normalize a statement whose mentions are already known: `mentions` must be what
/// [`Lexicon::mentions`] finds in the quote (as one pass over a whole document can tell, see
/// [`Lexicon::mentions_in_spans`]). Same claims as [`normalize`], without an alias pass of its
/// own; table rows and statements that [`readable`] blanks are read the long way.
pub fn normalize_with_mentions(statement: &StatementInput<'_>, mentions: &[crate::lexicon::Mention], lexicon: &Lexicon) -> Vec<ClaimDraft> {
    keys::claims_with(statement, Some(mentions), lexicon)
}

pub fn normalize(statement: &StatementInput<'_>, lexicon: &Lexicon) -> Vec<ClaimDraft> {
    keys::claims_with(statement, None, lexicon)
}

/// For the gates' tests: texts made only of words a grammar reads that hold nothing it finds.
#[cfg(test)]
pub(crate) mod gate_texts {
    /// Every two of `words`, a space between.
    pub(crate) fn pairs(words: &[String]) -> impl Iterator<Item = String> + '_ {
        words.iter().flat_map(move |a| words.iter().map(move |b| format!("{a} {b}")))
    }

    /// The words `picks` choose, a space between.
    pub(crate) fn sequence(picks: &[proptest::sample::Index], words: &[String]) -> String {
        picks.iter().map(|i| i.get(words).as_str()).collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_holds_its_words_and_no_other() {
        let members = ["a", "the", "mid-", "valentine's", "q", "", "st", "\u{e9}t\u{e9}", "twentieth", "a-very-long-word-beyond-thirty-one-bytes"];
        let set: WordSet = members.iter().copied().collect();
        for word in members {
            assert!(set.contains(word), "{word:?}");
        }
        for word in ["A", "th", "then", "mid", "valentines", "qq", "s", "\u{e9}t\u{e8}", "twentiet", "a-very-long-word-beyond-thirty-one-byte", " "] {
            assert!(!set.contains(word), "{word:?}");
        }
    }

    #[test]
    fn a_gate_finds_its_words_as_whole_runs_of_letters_in_any_case() {
        let gate = GateWords::new(["year", "dz", "march", "valentine's"].map(String::from));
        let holds = |text: &str| holds_figure_or_word(text, &gate, |c| c == '\u{bd}');
        for text in ["the Year before", "YEAR", "last year's total", "mid-March", "a dz eggs", "no figure but 7", "\u{bd} of it"] {
            assert!(holds(text), "{text:?}");
        }
        // Not a run of its own, a near miss, a word with an apostrophe (no run of letters).
        for text in ["yearly", "years", "marches", "dzs", "ayear", "valentine's", "", "no words of it here"] {
            assert!(!holds(text), "{text:?}");
        }
    }

    #[test]
    fn words_end_at_the_first_non_letter_and_keep_inner_apostrophes() {
        let ends = |text: &str| word_end(text, 0);
        assert_eq!(ends("Mexico's army"), 8);
        assert_eq!(ends("Mexico\u{2019}s army"), 10);
        assert_eq!(ends("Peña Nieto"), 5);
        assert_eq!(ends("cartels' leaders"), 7);
        assert_eq!(ends("rock'n'roll!"), 11);
        assert_eq!(ends("2019"), 0);
        assert_eq!(ends("ab12"), 2);
        assert_eq!(ends("über-fast"), 5);
    }

    #[test]
    fn words_are_lowercased_and_borrowed_unless_a_non_ascii_letter_changes() {
        let lower = |word: &str| lower_word(word, &word.to_ascii_lowercase()).into_owned();
        assert!(matches!(lower_word("Sinaloa", "sinaloa"), std::borrow::Cow::Borrowed("sinaloa")));
        assert!(matches!(lower_word("peña", "peña"), std::borrow::Cow::Borrowed("peña")));
        assert_eq!(lower("PEÑA"), "peña");
        assert_eq!(lower("Mexico\u{2019}s"), "mexico's");
    }
}
