//! Keys: the rules that turn the mentions of one statement into claims.
//!
//! Every rule names grammar, never topic: a figure belongs to the nearest measure the lexicon
//! knows; its time scope is the nearest date, a named period, a term holder with a word of
//! office, or "annually"; an event trigger takes as patient the entity it governs (after it
//! in the active voice, before it in the passive, its possessor in "X's arrest"), as agent the
//! body before it or after "by", as place what follows "in"/"at", as destination what follows
//! "to", as date the nearest date after it. Pronouns and role nouns ("he", "the minister")
//! resolve to the person something last happened to, in the sentence or its antecedent.

use std::collections::BTreeMap;

use super::dates::{find_dates, DateMention, DateValue, Precision};
use super::numbers::{find_quantities, QuantityMention, Unit};
use super::{readable, ClaimDraft, Key, StatementInput, Value};
use crate::lexicon::{EntityKind, Facet, Lexicon, MeasureUnit, Mention, Target};

/// One sentence with everything found in it, and word positions for distances.
struct Parsed<'a> {
    text: &'a str,
    /// The term of office of a holder named in the antecedent sentence, for "his term".
    context_holder: Option<usize>,
    lower: String,
    word_starts: Vec<usize>,
    mentions: Vec<Mention>,
    dates: Vec<DateMention>,
    quantities: Vec<QuantityMention>,
    /// Every cue in `lower`, found on first use.
    cue_hits: std::cell::OnceCell<Vec<CueHit>>,
}

impl<'a> Parsed<'a> {
    fn new(text: &'a str, published: Option<crate::source::PartialDate>, lexicon: &Lexicon) -> Parsed<'a> {
        Parsed::from_parts(text, lexicon.mentions(text), find_dates(text, published), find_quantities(text))
    }

    /// The parse of a text whose mentions, dates and quantities (all of them, dates included
    /// among the figures) are already found.
    fn from_parts(text: &'a str, mentions: Vec<Mention>, dates: Vec<DateMention>, quantities: Vec<QuantityMention>) -> Parsed<'a> {
        let mut word_starts = Vec::with_capacity(text.len() / 5 + 1);
        let mut in_word = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, most of any text, is told from its byte; other characters are decoded.
            let (word, width) = match bytes[i] {
                b if b.is_ascii() => (!b.is_ascii_whitespace() && b != 0x0b, 1),
                _ => text[i..].chars().next().map_or((true, 1), |c| (!is_space(c), c.len_utf8())),
            };
            if word && !in_word {
                word_starts.push(i);
            }
            in_word = word;
            i += width;
        }
        let quantities = quantities
            .into_iter()
            .filter(|q| !dates.iter().any(|d| d.start < q.end && q.start < d.end))
            .filter(|q| !mentions.iter().any(|m| matches!(m.target, Target::Entity(_)) && m.start < q.end && q.start < m.end && !(q.start <= m.start && m.end <= q.end)))
            .collect();
        Parsed { text, context_holder: None, lower: text.to_ascii_lowercase(), word_starts, mentions, dates, quantities, cue_hits: std::cell::OnceCell::new() }
    }

    /// Index of the word that holds `byte` (or the next word).
    fn word(&self, byte: usize) -> usize {
        self.word_starts.partition_point(|&s| s <= byte).saturating_sub(1)
    }

    /// Words strictly between a span ending at `end` and one starting at `start`.
    fn gap(&self, end: usize, start: usize) -> usize {
        if start <= end {
            return 0;
        }
        // Word starts are sorted: those in `end..start`, counted by two binary searches.
        self.word_starts.partition_point(|&s| s < start) - self.word_starts.partition_point(|&s| s < end)
    }

    /// The `n` words before `byte`, lowercased, without punctuation, nearest last.
    fn words_before(&self, byte: usize, n: usize) -> Vec<std::borrow::Cow<'_, str>> {
        let mut out: Vec<std::borrow::Cow<'_, str>> = self.lower[..byte].split(is_space).filter(|w| !w.is_empty()).rev().take(n).map(clean).collect();
        out.reverse();
        out
    }

    /// Is the word at `byte` negated by one of the two words before it? "No" that ends a
    /// clause ("No: prosecutors cleared him", "No, he was released") answers a question and
    /// negates nothing after it.
    fn negated_before(&self, byte: usize) -> bool {
        self.lower[..byte].split(is_space).filter(|w| !w.is_empty()).rev().take(2).any(|raw| {
            let w = clean(raw);
            let interjection = w == "no" && raw.ends_with([',', ':', ';', '.', '!']);
            (one_of(NEGATION, &w) || w.ends_with("n't")) && !interjection
        })
    }

    fn words_after(&self, byte: usize, n: usize) -> Vec<std::borrow::Cow<'_, str>> {
        self.lower[byte..].split(is_space).filter(|w| !w.is_empty()).take(n).map(clean).collect()
    }

    /// The word before `byte`, as `words_before` gives it: the rules ask for one most often.
    fn word_before(&self, byte: usize) -> Option<std::borrow::Cow<'_, str>> {
        self.lower[..byte].split(is_space).rfind(|w| !w.is_empty()).map(clean)
    }

    /// The word after `byte`, as `words_after` gives it.
    fn word_after(&self, byte: usize) -> Option<std::borrow::Cow<'_, str>> {
        self.lower[byte..].split(is_space).find(|w| !w.is_empty()).map(clean)
    }

    fn cue_hits(&self) -> &[CueHit] {
        self.cue_hits.get_or_init(|| {
            let (matcher, cues) = cue_matcher();
            matcher.find_overlapping_iter(&self.lower).map(|m| CueHit { start: m.start(), end: m.end(), lists: cues[m.pattern().as_usize()].1, word: cues[m.pattern().as_usize()].0 }).collect()
        })
    }

    /// The cues of a list in `lower[range]`, where each starts in that text and which: as
    /// [`find_word`] would find them in the slice, whose ends count as word boundaries.
    fn cues_in(&self, cues: &'static Cues, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        let bit = cues.bit();
        let bytes = &self.lower.as_bytes()[range.clone()];
        let apart = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphanumeric());
        self.cue_hits()
            .iter()
            .filter(move |h| h.lists & bit != 0 && h.start >= range.start && h.end <= range.end)
            .map(move |h| (h.start - range.start, h.end - range.start, h.word))
            .filter(move |&(start, end, _)| apart(start.checked_sub(1).and_then(|b| bytes.get(b))) && apart(bytes.get(end)))
            .map(|(start, _, word)| (start, word))
    }

    fn has_cue(&self, cues: &'static Cues, range: std::ops::Range<usize>) -> bool {
        self.cues_in(cues, range).next().is_some()
    }

    fn has_word(&self, cues: &'static Cues) -> bool {
        self.has_cue(cues, 0..self.lower.len())
    }

    fn entity_mentions<'m>(&'m self, lexicon: &'m Lexicon, kinds: &'m [EntityKind]) -> impl Iterator<Item = (usize, &'m Mention)> + 'm {
        self.mentions.iter().filter_map(move |m| match m.target {
            Target::Entity(i) if kinds.contains(&lexicon.entities[i].kind) => Some((i, m)),
            _ => None,
        })
    }
}

/// Words are separated by spaces and by dashes that join clauses.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{2014}' | '\u{2013}')
}

/// Is `word` one of `words`? (Takes the words `words_before` and `clean` give, as they are.)
fn one_of(words: &[&str], word: &str) -> bool {
    words.contains(&word)
}

/// A word without the punctuation around it, its curly apostrophes straight: borrowed unless
/// it has one, as most words have none.
fn clean(w: &str) -> std::borrow::Cow<'_, str> {
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
    // 0xE2 leads the curly apostrophe's bytes: most words have no such byte to look further for.
    if bare.as_bytes().contains(&0xE2) && bare.contains('\u{2019}') {
        std::borrow::Cow::Owned(bare.replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(bare)
    }
}

/// What ends one clause and starts another within a sentence.
const CLAUSE_BREAKS: [&str; 5] = [", and", ", but", ", while", ", whereas", ";"];

/// Does "and" or "or" join what stands in `text` ("… drug labs and arrested …")?
fn coordinated(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w == "and" || w == "or")
}

/// Byte offset of `word` (a word or phrase) on word boundaries in ASCII-lowercased `text`.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let needle = word.as_bytes();
    let &first = needle.first()?;
    // The texts are a sentence or a few words and this runs for every cue word of every
    // sentence: a search for the first byte, then a comparison, costs no searcher set-up.
    memchr::memchr_iter(first, bytes).find(|&s| {
        let e = s + needle.len();
        // The words are short: compared in place, not through a call to memcmp.
        bytes.get(s..e).is_some_and(|found| found.iter().zip(needle).all(|(a, b)| a == b)) && (s == 0 || !bytes[s - 1].is_ascii_alphanumeric()) && (e == bytes.len() || !bytes[e].is_ascii_alphanumeric())
    })
}

/// A list of cue words or phrases, found in a sentence as [`find_word`] finds each one (on
/// word boundaries). Every list is registered in [`ALL_CUES`]: one automaton over all of them
/// reads a sentence once ([`Parsed::cue_hits`]), however many lists the rules ask about.
struct Cues {
    words: &'static [&'static str],
}

impl Cues {
    const fn new(words: &'static [&'static str]) -> Cues {
        Cues { words }
    }

    /// This list's bit in a [`CueHit`]'s `lists`.
    fn bit(&'static self) -> u32 {
        let index = ALL_CUES.iter().position(|c| std::ptr::eq(*c, self)).expect("every list of cues is in ALL_CUES");
        1 << index
    }
}

/// Every list of cues the key rules use (at most 32: a bit each).
static ALL_CUES: [&Cues; 11] =
    [&CHANGE_UP, &CHANGE_DOWN, &COMPARATIVE_UP, &COMPARATIVE_DOWN, &FORECAST, &ANNUAL, &OFFICE_WORDS, &EARLIER, &HOLDER_PRONOUNS, &PRONOUNS, &ROLE_NOUNS];

/// One occurrence of a cue in a sentence's lowercased text, boundaries not yet checked.
#[derive(Clone, Copy)]
struct CueHit {
    start: usize,
    end: usize,
    /// The lists that hold the cue, a bit each.
    lists: u32,
    word: &'static str,
}

/// All the cues, each once, with the lists that hold it: overlapping search finds every
/// occurrence of every cue, so any list's occurrences are among them.
fn cue_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<(&'static str, u32)>) {
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<(&'static str, u32)>)> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut cues: Vec<(&'static str, u32)> = Vec::new();
        for (index, list) in ALL_CUES.iter().enumerate() {
            for &word in list.words {
                match cues.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, lists)) => *lists |= 1 << index,
                    None => cues.push((word, 1 << index)),
                }
            }
        }
        let matcher = aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(cues.iter().map(|(w, _)| w)).expect("cue words");
        (matcher, cues)
    })
}

/// A bare surname stands for the person last named in full who bears it, in the context (the
/// sentence that named them) or earlier in the quote ("Ovidio Guzmán … Guzmán, 33"); for the
/// lexicon's bearer when none is. The rule extract applies over a whole document.
fn read_namesakes(mut mentions: Vec<Mention>, context: Option<&str>, lexicon: &Lexicon) -> Vec<Mention> {
    if mentions.iter().all(|m| lexicon.namesakes(m).is_empty()) {
        return mentions;
    }
    let named_in_full = |m: &Mention| match m.target {
        Target::Entity(i) if lexicon.entities[i].kind == EntityKind::Person && lexicon.namesakes(m).is_empty() => Some(i),
        _ => None,
    };
    let mut named: Vec<usize> = context.map(|c| lexicon.mentions(c)).unwrap_or_default().iter().filter_map(named_in_full).collect();
    for m in &mut mentions {
        if let Some(person) = named_in_full(m) {
            named.push(person);
            continue;
        }
        let Target::Entity(bearer) = m.target else { continue };
        let namesakes = lexicon.namesakes(m);
        if let Some(&person) = named.iter().rev().find(|&&e| e == bearer || namesakes.contains(&e)) {
            m.target = Target::Entity(person);
        }
    }
    mentions
}

/// Can a context change what a quote with these mentions claims? It is read for the patient
/// of an event or the person charged (through a pronoun), for the person a bare surname
/// stands for, for the holder whose term scopes a measure ("by the time he left office"), and
/// as a table's header. A quote with none of those claims the same with any context or none.
/// `mentions` are the quote's as [`Lexicon::mentions`] finds them; a quote that `readable`
/// blanks is read anew, so it may. (A new use of `StatementInput::context` in this file must
/// be added here.)
pub fn reads_context(quote: &str, note: bool, mentions: &[Mention], lexicon: &Lexicon) -> bool {
    super::table::cells(quote).is_some()
        || matches!(readable(quote, note), std::borrow::Cow::Owned(_))
        || mentions.iter().any(|m| match m.target {
            Target::Trigger(_) | Target::Measure(_) => true,
            Target::Entity(i) => lexicon.entities[i].kind == EntityKind::Charge || !lexicon.namesakes(m).is_empty(),
            Target::Period(_) => false,
        })
}

/// The claims a statement makes; `known_mentions`, when given, are the quote's mentions as
/// [`Lexicon::mentions`] finds them, used where the quote is read as it stands.
pub fn claims_with(statement: &StatementInput<'_>, known_mentions: Option<&[Mention]>, lexicon: &Lexicon) -> Vec<ClaimDraft> {
    // A table row is read with its header, cell by cell.
    if let Some(header) = statement.context.filter(|c| super::table::cells(c).is_some() && super::table::cells(statement.quote).is_some()) {
        return super::table::labelled_lines(header, statement.quote)
            .iter()
            .flat_map(|line| claims_with(&StatementInput { quote: line, context: None, ..*statement }, None, lexicon))
            .collect();
    }
    let text = readable(statement.quote, statement.note);
    // A question asks rather than states ("Was he charged in Mexico?").
    if text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')' | '*')).ends_with('?') {
        return Vec::new();
    }
    // Borrowed while the early exits below may settle the sentence.
    let mentions: std::borrow::Cow<'_, [Mention]> = match (known_mentions, &text) {
        (Some(known), std::borrow::Cow::Borrowed(_)) => std::borrow::Cow::Borrowed(known),
        _ => std::borrow::Cow::Owned(read_namesakes(lexicon.mentions(&text), statement.context, lexicon)),
    };
    // Every claim is headed by something the lexicon knows (`Lexicon::heads_claims`): without
    // such a mention there is nothing to read, and the sentence costs one alias pass.
    if !mentions.iter().any(|m| lexicon.heads_claims(m.target)) {
        return Vec::new();
    }
    // What heads a claim here says what must be found for it: a charge, a policy or a
    // commodity stands on its own, and so does an event that may have a patient (an entity of
    // the kind it takes, or, through a pronoun, a person of the sentence before: the context);
    // an office holder (or a term named as theirs) heads only a term of office (a span of
    // dates) and a measure only a figure. Without them one grammar's pass settles the sentence.
    let has_patient = |event: usize| {
        let kind = lexicon.events[event].patient;
        statement.context.is_some() || mentions.iter().any(|p| matches!(p.target, Target::Entity(i) if lexicon.entities[i].kind == kind))
    };
    let stands_alone = mentions.iter().any(|m| match m.target {
        Target::Trigger(event) => has_patient(event),
        Target::Entity(i) => lexicon.entities[i].kind != EntityKind::Person && lexicon.heads_claims(m.target),
        _ => false,
    });
    // (Any other entity that heads claims stands alone.)
    let names_holder = mentions.iter().any(|m| matches!(m.target, Target::Entity(_) | Target::Period(_)) && lexicon.heads_claims(m.target));
    let names_measure = mentions.iter().any(|m| matches!(m.target, Target::Measure(_)));
    let quantities = if stands_alone || names_measure { find_quantities(&text) } else { Vec::new() };
    if !stands_alone && quantities.is_empty() && !names_holder {
        return Vec::new();
    }
    let dates = find_dates(&text, statement.published);
    if !stands_alone && quantities.is_empty() && !dates.iter().any(|d| matches!(d.value, DateValue::Span(..))) {
        return Vec::new();
    }
    let mut s = Parsed::from_parts(&text, mentions.into_owned(), dates, quantities);
    s.context_holder = statement.context.and_then(|c| {
        lexicon.mentions(c).iter().rev().find_map(|m| match m.target {
            Target::Entity(i) if lexicon.entities[i].kind == EntityKind::Person => lexicon.period_of_holder(i),
            _ => None,
        })
    });
    let mut out = Vec::new();
    let events = event_claims(&s, statement, lexicon, &mut out);
    // A date that dates an event ("launched in 2008") does not scope a figure beside it.
    let event_dates: Vec<usize> = events.iter().filter(|f| !f.patients.is_empty()).flat_map(|f| f.dated.iter().copied()).collect();
    quantity_claims(&s, lexicon, &event_dates, &mut out);
    term_claims(&s, lexicon, &mut out);
    attribute_claims(&s, statement, lexicon, &events, &mut out);
    let mut unique: Vec<ClaimDraft> = Vec::new();
    for c in out {
        if !unique.iter().any(|u| u.key == c.key && u.value == c.value) {
            unique.push(c);
        }
    }
    unique
}

// ---------------------------------------------------------------------------------------------
// Quantities

static CHANGE_UP: Cues = Cues::new(&[
    "increase", "increased", "increases", "rise", "rose", "risen", "rising", "jump", "jumped", "surge", "surged", "growth", "grew",
    "climb", "climbed", "climbing", "soared", "spiked", "higher than", "that of", "up",
]);
static CHANGE_DOWN: Cues = Cues::new(&[
    "decline", "declined", "declining", "drop", "dropped", "fell", "fall", "falling", "decrease", "decreased", "reduction", "plunged",
    "plummeted", "dipped", "slid", "shrank", "lower than", "down",
]);
/// Words that may follow a figure without being its noun.
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "to", "for", "and", "or", "the", "a", "an", "were", "was", "is", "are", "per", "by", "from", "on", "at",
    "during", "over", "under", "since", "between", "than", "as", "with", "that", "which", "who", "had", "have", "has",
    "will", "would", "this", "last", "each", "every", "annually", "people", "percent", "less", "more", "fewer", "only",
];
/// Nouns for people: "107,000 Americans" can be a count of what the sentence measures.
const PEOPLE_NOUNS: &[&str] = &[
    "people", "persons", "americans", "mexicans", "residents", "civilians", "citizens", "victims", "individuals", "men",
    "women", "children", "migrants", "users", "lives",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "your", "its", "his", "her", "their", "our", "my", "this", "that", "these", "those"];
/// A figure followed by one of these is a duration, not a measured quantity.
const TIME_UNITS: &[&str] = &["year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hours", "centuries", "times"];
static COMPARATIVE_UP: Cues = Cues::new(&["more than", "higher than", "above"]);
static COMPARATIVE_DOWN: Cues = Cues::new(&["less than", "fewer than", "lower than", "below"]);
static FORECAST: Cues = Cues::new(&["will", "would", "could", "might", "expected to", "projected", "projects", "forecast", "forecasts", "on pace", "on track"]);
static ANNUAL: Cues = Cues::new(&["annually", "every year", "each year", "a year", "per year", "per annum", "yearly", "annual"]);
static OFFICE_WORDS: Cues = Cues::new(&[
    "term", "tenure", "presidency", "administration", "government", "sexenio", "office", "presidential", "six years", "six-year",
]);

fn quantity_claims(s: &Parsed<'_>, lexicon: &Lexicon, event_dates: &[usize], out: &mut Vec<ClaimDraft>) {
    let measures: Vec<(usize, &Mention)> = s
        .mentions
        .iter()
        .filter_map(|m| match m.target {
            Target::Measure(i) => Some((i, m)),
            _ => None,
        })
        .collect();
    if measures.is_empty() {
        return;
    }
    for q in &s.quantities {
        if s.word_after(q.end).as_ref().is_some_and(|w| one_of(TIME_UNITS, w)) {
            continue;
        }
        // A lone "one" ("by one count, about 140,000 of the homicides…") is too often a
        // determiner to be the figure a measure is counted by.
        if s.text[q.start..q.end].eq_ignore_ascii_case("one") {
            continue;
        }
        let change = matches!(q.value.unit, Unit::Percent | Unit::Ratio) && change_direction(s, q).is_some();
        let Some(measure) = pick_measure(s, q, &measures, change) else { continue };
        let measure = narrowest(s, q, lexicon, measure, &measures);
        let m = &lexicon.measures[measure];
        let declared = match m.unit {
            MeasureUnit::Count => Unit::Count,
            MeasureUnit::Percent => Unit::Percent,
            MeasureUnit::Usd => Unit::Money("USD"),
            MeasureUnit::Rate => Unit::Rate,
        };
        // Shares compare in percent, however they were written ("half of", "seven in ten").
        let mut value = q.value.as_percent();
        // "down from 27,000 pounds": the word "pounds" of a counted measure weighs, it does not pay.
        let spelled_pounds = s.lower[q.start..q.end].ends_with("pounds") || s.lower[q.start..q.end].ends_with("pound");
        if declared == Unit::Count && value.unit == Unit::Money("GBP") && spelled_pounds {
            value.unit = Unit::Count;
        }
        let subject = if change {
            if change_direction(s, q) == Some(false) {
                let (lo, hi) = (value.hi.map(|v| -v), value.lo.map(|v| -v));
                (value.lo, value.hi, value.lo_open, value.hi_open) = (lo, hi, value.hi_open, value.lo_open);
            }
            format!("{}.change", m.id)
        } else if value.unit == declared {
            m.id.clone()
        } else {
            let suffix = match value.unit {
                Unit::Percent | Unit::Ratio => "share",
                Unit::Money(_) => "money",
                Unit::Count => "count",
                Unit::Rate => "rate",
            };
            format!("{}.{suffix}", m.id)
        };
        let mut key = Key::new(subject);
        for (k, v) in time_scope(s, q.start, q.end, lexicon, event_dates) {
            key = key.with(k, v);
        }
        if let Some(place) = local_place(s, q, lexicon) {
            key = key.with("in", place);
        }
        // "74 percent of the guns … come from the United States" says of what it is a share
        // by naming a place; "40% of homicides go unreported" names a predicate concord does
        // not key, and is compared with its own source only (see compare).
        if key.subject.ends_with(".share") && !share_names_a_place(s, q, lexicon) {
            key = key.with(UNNAMED_PREDICATE.0, UNNAMED_PREDICATE.1);
        }
        // "12 soldiers were killed": the figure counts soldiers, not all the killed; the noun
        // between the figure and the measure narrows the key.
        if let Some(of) = (!change && value.unit == Unit::Count).then(|| narrowing_noun(s, q, &measures)).flatten() {
            key = key.with("of", of);
        }
        out.push(ClaimDraft { key, value: Value::Quantity(value), as_written: s.text[q.start..q.end].to_string() });
    }
}

/// Some(true) for a rise, Some(false) for a fall, None when the figure is not a change.
/// Comparatives count only after the figure ("35% more than"), where they are not a hedge.
fn change_direction(s: &Parsed<'_>, q: &QuantityMention) -> Option<bool> {
    let before_start = s.word_starts.get(s.word(q.start).saturating_sub(4)).copied().unwrap_or(0);
    let after_end = s.word_starts.get(s.word(q.end) + 8).copied().unwrap_or(s.text.len());
    let before = before_start..q.start;
    let after = q.end.min(after_end)..after_end;
    // "made up about two thirds of all killings": a part of a whole, not a rise.
    let has = |text: &std::ops::Range<usize>, cues: &'static Cues| {
        s.cues_in(cues, text.clone()).any(|(at, w)| !(w == "up" && ["made", "make", "makes", "making"].iter().any(|v| s.lower[text.start..text.start + at].trim_end().ends_with(v))))
    };
    if has(&before, &CHANGE_DOWN) || has(&after, &CHANGE_DOWN) || has(&after, &COMPARATIVE_DOWN) {
        return Some(false);
    }
    if has(&before, &CHANGE_UP) || has(&after, &CHANGE_UP) || has(&after, &COMPARATIVE_UP) || q.value.hedge.as_deref().is_some_and(|h| h.starts_with("exceed")) {
        return Some(true);
    }
    None
}

fn pick_measure(s: &Parsed<'_>, q: &QuantityMention, measures: &[(usize, &Mention)], change: bool) -> Option<usize> {
    // The measure after a figure, in the same clause ("declined 24 percent in 2024, while
    // the murder rate…" is not the murder rate's); a rate's own noun ("29 per 100,000
    // inhabitants") is its denominator, not its measure.
    let same_clause = |m: &Mention| !CLAUSE_BREAKS.iter().any(|j| s.lower[q.end..m.start].contains(j));
    let denominator = |m: &Mention| q.value.unit == Unit::Rate && s.gap(q.end, m.start) == 0;
    let after = measures.iter().filter(|(_, m)| m.start >= q.end && s.gap(q.end, m.start) <= 6 && same_clause(m) && !denominator(m)).min_by_key(|(_, m)| m.start);
    if let Some((i, m)) = after {
        // "108,000 people lost their lives to overdoses": a cause right after a general
        // phrase of dying names the measure.
        let cause = measures.iter().filter(|(_, c)| c.start >= m.end && s.gap(m.end, c.start) <= 1).find(|(_, c)| s.word_before(c.start).as_ref().is_some_and(|w| matches!(&**w, "to" | "from" | "of")));
        return Some(cause.map_or(*i, |(c, _)| *c));
    }
    // "two million pills": a figure with a noun of its own does not take a measure from before.
    let own_noun = s.text[q.end..].starts_with(' ') && s.word_after(q.end).as_ref().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_alphabetic) && !one_of(FUNCTION_WORDS, w) && !one_of(PEOPLE_NOUNS, w)
    });
    // "1 percent of gross domestic product": the share is of what follows, which is no measure.
    let share_of_other = s.word_after(q.end).as_ref().is_some_and(|w| w == "of");
    // A share is followed by what the share does ("seven in ten come from …"), not by a noun.
    let share = matches!(q.value.unit, Unit::Ratio | Unit::Percent);
    if (own_noun && !share || share_of_other) && !change && q.value.unit != Unit::Rate {
        return None;
    }
    // "dismantled some 600 drug labs and arrested more than 10,000 people": a verb of another
    // event joined after the measure starts another predicate ("overdoses killed about
    // 107,000" is one).
    let event_between = |m: &Mention| {
        s.mentions.iter().any(|t| {
            let joined = || coordinated(&s.lower[m.end..t.start]) || s.text[m.end..t.start].contains(',');
            matches!(t.target, Target::Trigger(_)) && t.start >= m.end && t.end <= q.start && joined()
        })
    };
    let before = measures.iter().filter(|(_, m)| m.end <= q.start && s.gap(m.end, q.start) <= 5 && !event_between(m)).max_by_key(|(_, m)| m.end);
    if let Some((i, _)) = before {
        return Some(*i);
    }
    // "Overdose deaths fell 27 percent in 2024, to about 80,000": the subject rose or fell to it.
    // "…to a record 34,690": words that only qualify the figure may stand between.
    let qualifiers = ["a", "an", "the", "record", "new", "all-time", "some", "about"];
    let lead: Vec<_> = s.words_before(q.start, 5).into_iter().rev().filter(|w| !one_of(&qualifiers, w)).take(2).collect();
    // "30,057 homicides last year, officials said, down from 31,062": the earlier value of
    // what the figure before it measures.
    if matches!(lead.as_slice(), [from, change] if from == "from" && matches!(&**change, "down" | "up")) {
        if let Some(earlier) = s.quantities.iter().rev().find(|p| p.end <= q.start) {
            return pick_measure(s, earlier, measures, false);
        }
    }
    let led_in = lead.iter().any(|w| matches!(&**w, "to" | "at" | "reached" | "reaching" | "totaled" | "totalled" | "totaling" | "hit" | "topped"));
    if led_in {
        if let Some((i, _)) = measures.iter().filter(|(_, m)| m.end <= q.start).max_by_key(|(_, m)| m.end) {
            return Some(*i);
        }
    }
    // "Homicide victims in 2018: more than 33,000": the measure heads the line, before a colon.
    if let Some(colon) = s.text[..q.start].rfind(':') {
        if let Some((i, _)) = measures.iter().filter(|(_, m)| m.end <= colon).max_by_key(|(_, m)| m.end) {
            return Some(*i);
        }
    }
    if change {
        return measures.iter().min_by_key(|(_, m)| s.gap(m.end.min(q.end), m.start.max(q.start))).map(|(i, _)| *i);
    }
    None
}

/// A noun standing between a figure and the measure after it: "12 [soldiers] were killed".
fn narrowing_noun(s: &Parsed<'_>, q: &QuantityMention, measures: &[(usize, &Mention)]) -> Option<String> {
    let m = measures.iter().filter(|(_, m)| m.start >= q.end && s.gap(q.end, m.start) <= 3).min_by_key(|(_, m)| m.start)?.1;
    // A plural noun of its own ("soldiers", "officers", "journalists").
    s.lower[q.end..m.start]
        .split(is_space)
        .map(clean)
        .filter(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("'s") && w.chars().all(|c| c.is_ascii_alphabetic())).rfind(|w| !one_of(FUNCTION_WORDS, w) && !one_of(PEOPLE_NOUNS, w) && !one_of(NARROWING_EXEMPT, w)).map(std::borrow::Cow::into_owned)
}

/// Words that may stand between a figure and its measure without narrowing it.
const NARROWING_EXEMPT: &[&str] = &["year", "years", "month", "months", "week", "weeks", "day", "days", "annually", "decade", "recorded", "registered", "reported", "documented", "estimated", "total", "more", "additional", "new", "such", "u.s", "mexican", "american"];

/// When a statement names a measure and a narrower one (homicides, gun homicides), the
/// figure belongs to the narrower, unless another figure stands nearer to it ("107,000
/// overdose deaths, 71,000 of them from fentanyl": the 71,000 is fentanyl's).
fn narrowest(s: &Parsed<'_>, q: &QuantityMention, lexicon: &Lexicon, chosen: usize, measures: &[(usize, &Mention)]) -> usize {
    let id = &lexicon.measures[chosen].id;
    let distance = |a: (usize, usize), b: &Mention| if a.0 >= b.end { s.gap(b.end, a.0) } else { s.gap(a.1, b.start) };
    measures
        .iter()
        .filter(|(i, _)| lexicon.measures[*i].within.as_deref() == Some(id.as_str()))
        .find(|(_, narrower)| {
            let mine = distance((q.start, q.end), narrower);
            !s.quantities.iter().any(|other| other.start != q.start && distance((other.start, other.end), narrower) < mine)
        })
        .map_or(chosen, |(i, _)| *i)
}

/// The key parameter of a share whose clause names no place.
pub const UNNAMED_PREDICATE: (&str, &str) = ("predicate", "unnamed");

/// Does the clause of a share name a place ("74 percent of the illegal guns in Mexico come
/// from the United States")? The figure's own clause after it, or a label before a colon.
fn share_names_a_place(s: &Parsed<'_>, q: &QuantityMention, lexicon: &Lexicon) -> bool {
    let rest = &s.lower[q.end..];
    let clause_end = CLAUSE_BREAKS
        .iter()
        .chain(&["\u{2014}", "\u{2013}", " (", ", which", ", where"])
        .filter_map(|b| rest.find(b))
        .min()
        .map_or(s.text.len(), |at| q.end + at);
    // "Share of traced crime guns bought in the U.S.: about seven in ten": a label before a
    // colon states the clause the figure completes.
    let label_start = s.text[..q.start].trim_end().strip_suffix(':').map(|label| label.rfind(['\n', ';']).map_or(0, |at| at + 1));
    s.entity_mentions(lexicon, &[EntityKind::Country, EntityKind::Place])
        .any(|(_, m)| m.start >= q.end && m.end <= clause_end || label_start.is_some_and(|from| m.start >= from && m.end <= q.start))
}

/// A city or region the figure is about ("homicides in Culiacán"); countries are not a scope.
fn local_place(s: &Parsed<'_>, q: &QuantityMention, lexicon: &Lexicon) -> Option<String> {
    s.entity_mentions(lexicon, &[EntityKind::Place])
        .filter(|(_, m)| m.start >= q.end && s.gap(q.end, m.start) <= 5)
        .find(|(_, m)| s.word_before(m.start).as_ref().is_some_and(|w| w == "in"))
        .map(|(i, _)| lexicon.entities[i].id.clone())
}

static EARLIER: Cues = Cues::new(&["a year earlier", "a year before", "one year earlier", "the year before", "the previous year", "the prior year", "the preceding year"]);

/// The year of a figure followed by "a year earlier" ("the year before", "the previous
/// year"): one before the year the sentence states, if it states one.
fn year_before_the_stated_one(s: &Parsed<'_>, end: usize) -> Option<i32> {
    let near_end = s.word_starts.get(s.word(end) + 5).copied().unwrap_or(s.text.len()).max(end);
    if !s.has_cue(&EARLIER, end..near_end) {
        return None;
    }
    s.dates.iter().find_map(|d| match d.value {
        DateValue::On(r) if r.precision == Precision::Year && d.end <= end => Some(r.from.0 - 1),
        _ => None,
    })
}

/// The time scope of a figure: parameters for its key.
fn time_scope(s: &Parsed<'_>, start: usize, end: usize, lexicon: &Lexicon, event_dates: &[usize]) -> BTreeMap<&'static str, String> {
    let mut scope = BTreeMap::new();
    let window_start = s.word_starts.get(s.word(start).saturating_sub(4)).copied().unwrap_or(0);
    let window_end = s.word_starts.get(s.word(end) + 5).copied().unwrap_or(s.text.len());
    if s.has_cue(&FORECAST, window_start..window_end) {
        scope.insert("modality", "forecast".into());
    }
    if let Some(within) = first_stretch(&s.lower) {
        scope.insert("within", within);
    }
    // Within one clause, a date after the figure may stand farther off ("2.5 million guns
    // were smuggled from the United States into Mexico over the past decade").
    let same_clause = |d: &DateMention| {
        let (a, b) = if d.start >= end { (end, d.start) } else { (d.end, start) };
        !s.text[a..b].contains([',', ';', ':'])
    };
    // "…over the past decade, and roughly 70 percent…": a date that ends an earlier clause does
    // not scope a figure in the next; an opening "In 2023, …" does.
    // "compared with 2022", "than in 2019", "from 2018": the baseline, not the figure's scope.
    let baseline = |d: &DateMention| {
        let before = s.words_before(d.start, 3);
        let last = before.last().map(|w| &**w).unwrap_or("");
        matches!(last, "than" | "with" | "versus" | "vs") || last == "in" && before.len() >= 2 && before[before.len() - 2] == "than" || before.iter().any(|w| w == "compared")
    };
    let earlier_clause = |d: &DateMention| {
        d.end <= start && {
            let between = s.lower[d.end..start].to_string();
            CLAUSE_BREAKS.iter().any(|j| between.contains(j))
        }
    };
    // "(2022: 31,062)": a date before a colon labels the figure after it, not one before it.
    let labels_a_later_figure = |d: &DateMention| d.start >= end && s.text[d.end..].trim_start().starts_with(':');
    // "to 29,675, down from 31,062 in 2022": the date after a baseline figure is the baseline's.
    let dates_a_baseline = |d: &DateMention| d.start >= end && s.quantities.iter().any(|o| o.start >= end && o.end <= d.start && find_word(&s.lower[end..o.start], "from").is_some());
    // "29,675 in 2023, down from 31,062 a year earlier": the year before the sentence's year.
    if let Some(year) = year_before_the_stated_one(s, end) {
        scope.insert("year", year.to_string());
        return scope;
    }
    let nearest_date = s
        .dates
        .iter()
        .filter(|d| !event_dates.contains(&d.start) && !earlier_clause(d) && !baseline(d) && !labels_a_later_figure(d) && !dates_a_baseline(d))
        // A date after the figure ("more than 200 in 2020") binds tighter than one before it.
        .map(|d| (if d.start >= end { s.gap(end, d.start) } else { s.gap(d.end, start) + 2 }, d))
        .filter(|(gap, d)| *gap <= 8 || *gap <= 12 && d.start >= end && same_clause(d))
        .min_by_key(|(gap, d)| (*gap, d.start))
        // A sentence with a single date is scoped by it, however far from the figure.
        .or_else(|| {
            let d = s.dates.first().filter(|d| s.dates.len() == 1 && !event_dates.contains(&d.start) && same_clause(d))?;
            let distance = |a: usize, b: usize| if b >= d.end { s.gap(d.end, a) } else { s.gap(b, d.start) };
            let nearest = s.quantities.iter().min_by_key(|q| distance(q.start, q.end))?;
            (nearest.start == start).then_some((0, d))
        });
    if let Some((_, d)) = nearest_date {
        let lead = s.word_before(d.start).unwrap_or_default();
        // "Since Calderón sent the army in December 2006, …", "… before it was replaced in
        // 2021": the conjunction that opens the date's clause bounds the figure.
        let clause_start = s.word_starts.get(s.word(d.start).saturating_sub(12)).copied().unwrap_or(0).min(d.start);
        let clause = &s.lower[clause_start..d.start];
        let clause = clause.rfind([',', ';', ':']).map_or(clause, |at| &clause[at + 1..]);
        let bound = match &*lead {
            "by" | "until" | "through" | "till" => "by",
            "since" => "since",
            _ if find_word(clause, "since").is_some() => "since",
            _ if find_word(clause, "before").is_some() || find_word(clause, "until").is_some() => "by",
            _ => "year",
        };
        match d.value {
            DateValue::Span(a, b) => match lexicon.periods.iter().find(|p| p.from.year == a.from.0 && p.to.year == b.to.0) {
                Some(p) => {
                    scope.insert("period", p.id.clone());
                }
                None => {
                    scope.insert("span", format!("{}-{}", a.from.0, b.to.0));
                }
            },
            DateValue::On(r) if r.precision == Precision::Decade => {
                scope.insert("decade", format!("{}s", r.from.0));
            }
            DateValue::On(r) => {
                scope.insert(bound, r.from.0.to_string());
            }
        }
        return scope;
    }
    let period = period_in(s, lexicon).or_else(|| {
        // "in her first four months": the stretch is of the term of the holder named.
        scope.contains_key("within").then(|| holder_period(s, lexicon)).flatten()
    });
    if let Some(period) = period {
        let p = &lexicon.periods[period];
        if final_year_of_holder(s, lexicon, period) {
            scope.insert("year", p.to.year.to_string());
        } else {
            scope.insert("period", p.id.clone());
        }
        return scope;
    }
    if s.has_word(&ANNUAL) {
        scope.insert("per", "year".into());
    }
    scope
}

/// "first four months", "first full year", "first 100 days".
fn first_stretch(lower: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"\bfirst\s+(?:(full|[a-z]+|[0-9]+)\s+)?(year|years|months|month|days|weeks)\b").expect("regex")
    });
    // Most sentences have no "first": settled without setting up a search for groups.
    if !lower.contains("first") {
        return None;
    }
    let caps = re.captures(lower)?;
    Some(match caps.get(1) {
        Some(n) => format!("first-{}-{}", n.as_str(), &caps[2]),
        None => format!("first-{}", &caps[2]),
    })
}

static HOLDER_PRONOUNS: Cues = Cues::new(&["he", "his", "she", "her"]);

/// A named period, or the term of a holder named with a word of office.
fn period_in(s: &Parsed<'_>, lexicon: &Lexicon) -> Option<usize> {
    if let Some(m) = s.mentions.iter().find(|m| matches!(m.target, Target::Period(_))) {
        if let Target::Period(p) = m.target {
            return Some(p);
        }
    }
    let office = s.has_word(&OFFICE_WORDS);
    let holders: Vec<(usize, &Mention)> = s
        .entity_mentions(lexicon, &[EntityKind::Person])
        .filter_map(|(i, m)| lexicon.period_of_holder(i).map(|p| (p, m)))
        .collect();
    // "under X" names the period directly.
    for (p, m) in &holders {
        if s.word_before(m.start).as_ref().is_some_and(|w| w == "under" || w == "during") {
            return Some(*p);
        }
    }
    if office {
        // The holder nearest a word of office: "AMLO's six-year term", "Calderón left office".
        let named = holders
            .iter()
            .min_by_key(|(_, m)| s.cues_in(&OFFICE_WORDS, m.end..s.lower.len()).map(|(at, _)| at).min().unwrap_or(usize::MAX))
            .map(|(p, _)| *p);
        // "By the time he left office": the holder named in the antecedent sentence.
        return named.or_else(|| s.has_word(&HOLDER_PRONOUNS).then_some(s.context_holder).flatten());
    }
    None
}

fn holder_period(s: &Parsed<'_>, lexicon: &Lexicon) -> Option<usize> {
    s.entity_mentions(lexicon, &[EntityKind::Person]).find_map(|(i, _)| lexicon.period_of_holder(i))
}

fn final_year_of_holder(s: &Parsed<'_>, lexicon: &Lexicon, period: usize) -> bool {
    let Some(holder) = lexicon.periods[period].holder.as_deref() else { return false };
    s.entity_mentions(lexicon, &[EntityKind::Person]).any(|(i, m)| {
        lexicon.entities[i].id == holder && {
            let next = s.words_after(m.end, 3).join(" ");
            next.contains("final year") || next.contains("last year")
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Events

const NEGATION: &[&str] = &["not", "never", "no", "didn't", "wasn't", "weren't", "hasn't", "haven't", "n't"];
const ATTEMPT: &[&str] = &["failed", "attempted", "botched", "foiled", "unsuccessful", "thwarted"];
const BRIEF: &[&str] = &["briefly", "temporarily"];
const PASSIVE: &[&str] = &["was", "were", "been", "being", "is", "are", "got", "be"];
const KINSHIP: &[&str] = &["son of", "sons of", "daughter of", "father of", "brother of", "wife of", "widow of", "nephew of", "friend of", "another of"];
static PRONOUNS: Cues = Cues::new(&["he", "she", "him", "his", "her"]);
static ROLE_NOUNS: Cues = Cues::new(&[
    "the general", "the minister", "the former", "the ex", "the kingpin", "the drug lord", "the capo", "the trafficker",
    "the secretary", "the official", "the suspect", "the defendant", "the fugitive",
]);

/// One event trigger as read in a statement.
#[derive(Debug)]
pub(crate) struct EventFrame {
    event: usize,
    start: usize,
    end: usize,
    patients: Vec<usize>,
    /// Did not happen or was only attempted: takes dates but makes no claim.
    void: bool,
    /// Intended, ordered or demanded ("to designate", "be returned"): no date of its own.
    intended: bool,
    brief: bool,
    /// An earlier occurrence, set apart ("had first been detained in 2019"): compared only
    /// with other sources' earlier occurrences, not with the one the story is about.
    earlier: bool,
    /// Where the next trigger starts: places and destinations after it belong to that one.
    reach: usize,
    /// Where the dates that date this event start (`assign_dates`).
    dated: Vec<usize>,
}

fn event_claims(s: &Parsed<'_>, statement: &StatementInput<'_>, lexicon: &Lexicon, out: &mut Vec<ClaimDraft>) -> Vec<EventFrame> {
    let mut frames: Vec<EventFrame> = Vec::new();
    for m in &s.mentions {
        let Target::Trigger(event) = m.target else { continue };
        let before4 = s.words_before(m.start, 4);
        let before3 = &before4[before4.len().saturating_sub(3)..];
        let before2 = &before4[before4.len().saturating_sub(2)..];
        let failed_after = s.words_after(m.end, 4).iter().any(|w| one_of(ATTEMPT, w) || w == "failed");
        let void = failed_after || s.negated_before(m.start) || before2.iter().any(|w| one_of(ATTEMPT, w));
        let brief = before2.iter().any(|w| one_of(BRIEF, w));
        let mut intended = before2.last().is_some_and(|w| w == "to" || w == "be") || before3.first().is_some_and(|w| w == "be") && before3.get(1).is_some_and(|w| w.ends_with("ly"));
        // "a reward for information leading to his capture": sought, not done.
        intended |= before4.windows(2).any(|w| w[0] == "leading" && w[1] == "to");
        let passive = before3.iter().any(|w| one_of(PASSIVE, w));
        let patient_kind = lexicon.events[event].patient;
        // "had first been detained in 2019, then released hours later": a verb that follows
        // "then" or "and" straight after another event's clause, with no object of its own,
        // shares that event's patients.
        let object_follows = s.words_after(m.end, 2).iter().any(|w| one_of(PRONOUNS.words, w))
            || s.mentions.iter().any(|o| matches!(o.target, Target::Entity(_)) && o.start >= m.end && s.gap(m.end, o.start) <= 1);
        let continues = frames.last().filter(|prev| {
            !prev.patients.is_empty()
                && lexicon.events[prev.event].patient == patient_kind
                && before2.last().is_some_and(|w| w == "then" || w == "and")
                && !object_follows
                && !s.mentions.iter().any(|o| matches!(o.target, Target::Entity(i) if lexicon.entities[i].kind == patient_kind) && o.start >= prev.end && o.end <= m.start)
                && s.gap(prev.end, m.start) <= 12
        });
        let mut patients = match continues {
            // "demanded that he be returned to custody and extradited": sought, like the first.
            Some(prev) => {
                intended |= prev.intended;
                prev.patients.clone()
            }
            None => find_patients(s, lexicon, m, patient_kind, passive || lexicon.events[event].intransitive),
        };
        if patients.is_empty() && patient_kind == EntityKind::Person && pronoun_patient(s, m, passive) {
            patients = frames.iter().rev().find(|f| !f.patients.is_empty()).map(|f| f.patients.clone()).unwrap_or_default();
            if patients.is_empty() {
                patients = statement.context.and_then(|c| salient_person(c, statement, lexicon)).into_iter().collect();
            }
        }
        // "El Chapo, whom marines seized", "Zambada, who was arrested": a relative pronoun
        // stands for the person just before it.
        let relative_pronoun = before4.iter().any(|w| w == "whom") || passive && before4.iter().any(|w| w == "who");
        if patients.is_empty() && patient_kind == EntityKind::Person && relative_pronoun {
            let relative = find_word(&s.lower[..m.start], "whom").into_iter().chain(find_word(&s.lower[..m.start], "who")).max().unwrap_or(m.start);
            if let Some((p, _)) = s.entity_mentions(lexicon, &[EntityKind::Person]).filter(|(_, pm)| pm.end <= relative && s.gap(pm.end, relative) <= 2).last() {
                patients = vec![p];
            }
        }
        // "was arrested in 1993 and captured again in 2014": a coordinated verb shares the
        // patients of the one before it.
        if patients.is_empty() && patient_kind == EntityKind::Person {
            if let Some(prev) = frames.last().filter(|p| !p.patients.is_empty() && lexicon.events[p.event].patient == patient_kind) {
                let between = &s.lower[prev.end..m.start];
                let no_person = !s.entity_mentions(lexicon, &[EntityKind::Person]).any(|(_, pm)| pm.start >= prev.end && pm.end <= m.start);
                let joined = coordinated(between);
                if joined && no_person && s.gap(prev.end, m.start) <= 12 {
                    patients = prev.patients.clone();
                    intended |= prev.intended;
                }
            }
        }
        let earlier = before4.iter().any(|w| matches!(&**w, "first" | "initially" | "originally" | "previously"));
        frames.push(EventFrame { event, start: m.start, end: m.end, patients, void, intended, brief, earlier, reach: s.text.len(), dated: Vec::new() });
    }
    for k in 1..frames.len() {
        frames[k - 1].reach = frames[k].start;
    }
    let dates = assign_dates(s, &frames);
    for &(index, d) in &dates {
        frames[index].dated.push(d.start);
    }
    for (index, f) in frames.iter().enumerate() {
        if f.void || f.patients.is_empty() {
            continue;
        }
        let event = &lexicon.events[f.event];
        let name = if f.brief { format!("brief-{}", event.id) } else { event.id.clone() };
        let patient_param = kind_name(event.patient);
        for &p in &f.patients {
            let mut base = Key::new(name.clone()).with(patient_param, lexicon.entities[p].id.clone());
            if f.earlier {
                base = base.with("occurrence", "earlier");
            }
            let mut made = 0;
            for facet in &event.facets {
                let found: Vec<(Value, String)> = match facet {
                    Facet::Agent => agent_of(s, lexicon, f).into_iter().collect(),
                    Facet::Place => place_of(s, lexicon, f).into_iter().collect(),
                    Facet::Destination => destination_of(s, lexicon, f).into_iter().collect(),
                    Facet::Date if !f.intended => dates
                        .iter()
                        .filter(|(i, _)| *i == index)
                        .map(|(_, d)| (Value::Date(d.value), s.text[d.start..d.end].to_string()))
                        .collect(),
                    Facet::Date => Vec::new(),
                    Facet::Count => count_of(s, lexicon, p).into_iter().collect(),
                    Facet::Designation => designation_in(s, lexicon).into_iter().collect(),
                };
                for (value, as_written) in found {
                    let facet_name = match facet {
                        Facet::Agent => "agent",
                        Facet::Place => "place",
                        Facet::Date => "date",
                        Facet::Destination => "destination",
                        Facet::Count => "count",
                        Facet::Designation => "designation",
                    };
                    out.push(ClaimDraft { key: base.clone().with_facet(facet_name), value, as_written });
                    made += 1;
                }
            }
            if made == 0 && !f.intended {
                out.push(ClaimDraft {
                    key: base,
                    value: Value::Event { event: event.id.clone(), occurred: true },
                    as_written: s.text[f.start..f.end].to_string(),
                });
            }
        }
    }
    frames
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Country => "country",
        EntityKind::Place => "place",
        EntityKind::Agent => "agent",
        EntityKind::Group => "group",
        EntityKind::Program => "program",
        EntityKind::Policy => "policy",
        EntityKind::Charge => "charge",
        EntityKind::Designation => "designation",
        EntityKind::Commodity => "commodity",
    }
}

fn is_kin_modifier(s: &Parsed<'_>, m: &Mention) -> bool {
    // Every kinship phrase ends in "of", which the words before most mentions lack.
    let from = s.word_starts.get(s.word(m.start).saturating_sub(7)).copied().unwrap_or(0).min(m.start);
    let kinship = s.lower[from..m.start].contains("of") && {
        let before = s.words_before(m.start, 6).join(" ");
        KINSHIP.iter().any(|k| before.contains(k))
    };
    let possessive = s.text[m.end..].starts_with("'s") || s.text[m.end..].starts_with("\u{2019}s");
    kinship
        || possessive && {
            let after = s.words_after(m.end, 2).join(" ");
            let next = after.trim_start_matches(['\'', 's']).trim_start();
            let kin = ["son", "sons", "daughter", "wife", "brother", "father", "nephew", "widow"];
            kin.iter().any(|k| next.split(' ').next() == Some(k))
        }
}

fn find_patients(s: &Parsed<'_>, lexicon: &Lexicon, trigger: &Mention, kind: EntityKind, passive: bool) -> Vec<usize> {
    let kinds = [kind];
    let candidates: Vec<(usize, &Mention)> = s.entity_mentions(lexicon, &kinds).filter(|(_, m)| !is_kin_modifier(s, m)).collect();
    // "X's capture": the possessor.
    let possessor = candidates.iter().find(|(_, m)| {
        m.end <= trigger.start && {
            let between = &s.text[m.end..trigger.start];
            (between.starts_with("'s") || between.starts_with("\u{2019}s")) && s.gap(m.end, trigger.start) <= 2
        }
    });
    if let Some((i, _)) = possessor {
        return vec![*i];
    }
    let before: Vec<&(usize, &Mention)> = candidates.iter().filter(|(_, m)| m.end <= trigger.start).collect();
    let after: Vec<&(usize, &Mention)> = candidates.iter().filter(|(_, m)| m.start >= trigger.end).collect();
    let colon_before = s.text[..trigger.start].contains(':') && before.last().is_some_and(|(_, m)| s.text[m.end..trigger.start].contains(':'));
    if passive || colon_before {
        // "Caro Quintero, wanted for the murder of Camarena, was arrested": a person inside an
        // aside set off by commas is not the subject; the person before the aside is.
        let aside_subject = before.last().filter(|(_, m)| s.text[m.end..trigger.start].contains(',')).and_then(|(_, inner)| {
            before.iter().rev().skip(1).find(|(_, outer)| s.text[outer.end..inner.start].trim_start().starts_with(',') && s.gap(outer.end, trigger.start) <= 25)
        });
        if let Some(&&(i, _)) = aside_subject {
            return vec![i];
        }
        if let Some(&&(i, m)) = before.last().filter(|(_, m)| s.gap(m.end, trigger.start) <= 15) {
            let mut found = vec![i];
            // "X and Y were taken": co-patients joined by "and".
            let mut at = m;
            for &&(j, prev) in before.iter().rev().skip(1) {
                if s.text[prev.end..at.start].contains(" and ") && s.gap(prev.end, at.start) <= 12 {
                    found.push(j);
                    at = prev;
                } else {
                    break;
                }
            }
            found.reverse();
            return found;
        }
    }
    let nominal = is_nominal(s, trigger);
    let linked = s.words_after(trigger.end, 2).iter().any(|w| one_of(LINKING, w));
    // "the killing of Osama bin Laden in 2011, Guzman became…": a date between the trigger and
    // a person closes the phrase; the person starts a new clause.
    let dated_between = |m: &Mention| s.dates.iter().any(|d| d.start >= trigger.end && d.end <= m.start);
    let governed = |m: &Mention| {
        !nominal || linked || s.words_before(m.start, 12).iter().rev().take(s.gap(trigger.end, m.start) + 1).any(|w| w == "of") && !dated_between(m)
    };
    if let Some(&&(i, first)) = after.first().filter(|(_, m)| s.gap(trigger.end, m.start) <= 12 && governed(m)) {
        let mut found = vec![i];
        let mut at = first;
        for &&(j, next) in after.iter().skip(1) {
            let between = &s.text[at.end..next.start];
            let another_trigger = s.mentions.iter().any(|t| matches!(t.target, Target::Trigger(_)) && t.start >= at.end && t.end <= next.start);
            if between.contains(" and ") && !another_trigger && s.gap(at.end, next.start) <= 12 {
                if !found.contains(&j) {
                    found.push(j);
                }
                at = next;
            } else {
                break;
            }
        }
        return found;
    }
    // Things, unlike people, are often named before the act in the active voice too:
    // "Mexico's Congress passed a law".
    if kind != EntityKind::Person {
        if let Some((i, _)) = before.last().filter(|(_, m)| s.gap(m.end, trigger.start) <= 6) {
            return vec![*i];
        }
    }
    Vec::new()
}

fn has_pronoun_or_role(s: &Parsed<'_>) -> bool {
    s.has_word(&PRONOUNS) || s.has_word(&ROLE_NOUNS)
}

/// Does a pronoun or role noun stand where the trigger's patient would: the subject of a
/// passive ("He was returned"), the object ("release him", "sent the minister back"), or the
/// possessor of a noun ("his arrest")? A pronoun that is the agent ("He continued to arrest
/// targets") does not count.
fn pronoun_patient(s: &Parsed<'_>, trigger: &Mention, passive: bool) -> bool {
    let before = s.words_before(trigger.start, 4);
    let after = s.words_after(trigger.end, 3);
    let subject = |w: &std::borrow::Cow<'_, str>| matches!(&**w, "he" | "she");
    if passive && before.iter().any(subject) {
        return true;
    }
    if before.last().is_some_and(|w| matches!(&**w, "his" | "her")) {
        return true;
    }
    if after.first().is_some_and(|w| matches!(&**w, "him" | "her")) {
        return true;
    }
    let following = after.join(" ");
    ROLE_NOUNS.words.iter().any(|r| following.starts_with(r)) || passive && ROLE_NOUNS.words.iter().any(|r| before.join(" ").contains(r))
}

/// A trigger used as a noun ("the arrest", "Mexico's high-profile arrests") takes its patient
/// after it only through "of" ("the arrest of X", "that of X") or a linking verb ("the
/// designations covered X").
fn is_nominal(s: &Parsed<'_>, trigger: &Mention) -> bool {
    let word = &s.lower[trigger.start..trigger.end];
    if word.ends_with("ed") || word.contains(' ') {
        return false;
    }
    // "the killing of", "his capturing": a gerund after a determiner is a noun.
    if word.ends_with("ing") {
        return s.word_before(trigger.start).as_ref().is_some_and(|w| one_of(DETERMINERS, w) || w.ends_with("'s"));
    }
    let raw_before = &s.lower[..trigger.start];
    let clause_start = raw_before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    for w in s.lower[clause_start..trigger.start].split(is_space).filter(|w| !w.is_empty()).rev().take(4).map(clean) {
        if one_of(DETERMINERS, &w) || w.ends_with("'s") {
            return true;
        }
        // Only figures, months and hyphenated words may stand between a determiner and its noun
        // here: "the 2020 arrest", "high-profile arrests". A plain word is likely the subject
        // of a verb: "the U.S. government flies".
        let modifier = w.chars().any(|c| c.is_ascii_digit()) || w.contains('-') || one_of(MONTH_NAMES, &w);
        if !modifier {
            return false;
        }
    }
    false
}

const MONTH_NAMES: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

const LINKING: &[&str] = &["covered", "covers", "included", "includes", "named", "names", "listed", "lists", "targeted", "targets"];

fn salient_person(context: &str, statement: &StatementInput<'_>, lexicon: &Lexicon) -> Option<usize> {
    let c = Parsed::new(context, statement.published, lexicon);
    // The context read as a statement of its own: the patient of its last event that has one.
    let own = StatementInput { quote: context, note: false, published: statement.published, context: None };
    let frames = event_claims(&c, &own, lexicon, &mut Vec::new());
    let patient = frames.iter().rev().find_map(|f| f.patients.last().copied().filter(|&p| lexicon.entities[p].kind == EntityKind::Person));
    patient.or_else(|| c.entity_mentions(lexicon, &[EntityKind::Person]).filter(|(_, m)| !is_kin_modifier(&c, m)).map(|(i, _)| i).last())
}

/// Dates go to the nearest trigger before them (a time adverbial follows its verb), else the
/// nearest after; a date that opens a timeline line ("October 15, 2020 — …") goes to all.
fn assign_dates<'d>(s: &'d Parsed<'_>, frames: &[EventFrame]) -> Vec<(usize, &'d DateMention)> {
    let mut out = Vec::new();
    for d in &s.dates {
        if !matches!(d.value, DateValue::On(_)) || d.value.precision() == Precision::Decade {
            continue;
        }
        if s.word_before(d.start).as_ref().is_some_and(|w| matches!(&**w, "since" | "until" | "by" | "before" | "after" | "through")) {
            continue;
        }
        let rest = s.text[d.end..].trim_start();
        if s.text[..d.start].trim().is_empty() && (rest.starts_with('\u{2014}') || rest.starts_with('\u{2013}') || rest.starts_with(':') || rest.starts_with("- ")) {
            out.extend((0..frames.len()).map(|i| (i, d)));
            continue;
        }
        // "Your March 3 explainer": a date right before a noun dates that noun, unless the noun is
        // the event itself ("the February 20 designations", "the 2020 arrest").
        let determiner = s.word_before(d.start).as_ref().is_some_and(|w| one_of(DETERMINERS, w));
        let modifies_noun = determiner && s.word_after(d.end).as_ref().is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic) && !one_of(FUNCTION_WORDS, w));
        let following_gap = if modifies_noun { 2 } else { 8 };
        let preceding = frames.iter().enumerate().filter(|(_, f)| f.end <= d.start && s.gap(f.end, d.start) <= 15).max_by_key(|(_, f)| f.end);
        let following = frames.iter().enumerate().filter(|(_, f)| f.start >= d.end && s.gap(d.end, f.start) <= following_gap).min_by_key(|(_, f)| f.start);
        let preceding = if modifies_noun { None } else { preceding };
        if let Some((i, _)) = following.filter(|_| modifies_noun).or(preceding).or(following) {
            out.push((i, d));
        }
    }
    // One date per trigger: the nearest wins, so a second, farther date cannot contradict it;
    // but a date inside another is the same one said more precisely ("2024 — sworn in on
    // Oct. 2"), and the more precise wins.
    let within = |inner: &DateMention, outer: &DateMention| match (inner.value, outer.value) {
        (DateValue::On(a), DateValue::On(b)) => b.from <= a.from && a.to <= b.to && a != b,
        _ => false,
    };
    let mut best: BTreeMap<usize, (usize, &DateMention)> = BTreeMap::new();
    for (i, d) in out {
        let f = &frames[i];
        let distance = if d.start >= f.end { s.gap(f.end, d.start) } else { s.gap(d.end, f.start) };
        if best.get(&i).is_none_or(|(gap, old)| within(d, old) || distance < *gap && !within(old, d)) {
            best.insert(i, (distance, d));
        }
    }
    best.into_iter().map(|(i, (_, d))| (i, d)).collect()
}

fn category(lexicon: &Lexicon, entity: usize) -> Value {
    let root = lexicon.root(entity);
    Value::Category { id: lexicon.entities[entity].id.clone(), root: lexicon.entities[root].id.clone() }
}

/// The acting body, standing for its country: before the trigger, or after "by".
fn agent_of(s: &Parsed<'_>, lexicon: &Lexicon, f: &EventFrame) -> Option<(Value, String)> {
    let agents: Vec<(usize, &Mention)> = s.entity_mentions(lexicon, &[EntityKind::Agent, EntityKind::Country]).collect();
    let by = agents.iter().find(|(_, m)| m.start >= f.end && s.gap(f.end, m.start) <= 10 && s.words_before(m.start, 2).iter().any(|w| w == "by"));
    // "his arrest" has no agent before it; "returned to Mexico … after his arrest" neither.
    let possessed = s.word_before(f.start).as_ref().is_some_and(|w| matches!(&**w, "his" | "her" | "their" | "its"));
    let before = agents
        .iter()
        .filter(|(_, m)| m.end <= f.start && s.gap(m.end, f.start) <= 3 && !possessed)
        .filter(|(_, m)| {
            let before = s.words_before(m.start, 2);
            let object_of = |w: &str| matches!(w, "to" | "from" | "in" | "into" | "at" | "of" | "with" | "against");
            !(before.last().is_some_and(|w| object_of(w)) || before.len() == 2 && before[1] == "the" && object_of(&before[0]))
        })
        .max_by_key(|(_, m)| m.end);
    // "taken into U.S. custody": the body right after a trigger that ends in a preposition.
    let trigger_text = s.lower[f.start..f.end].to_string();
    let right_after = agents
        .iter()
        .find(|(_, m)| (trigger_text.ends_with(" into") || trigger_text.ends_with(" to")) && m.start >= f.end && s.gap(f.end, m.start) == 0);
    let (i, m) = by.or(right_after).or(before)?;
    let root = lexicon.root(*i);
    Some((category(lexicon, root), s.text[m.start..m.end].to_string()))
}

fn place_of(s: &Parsed<'_>, lexicon: &Lexicon, f: &EventFrame) -> Option<(Value, String)> {
    s.entity_mentions(lexicon, &[EntityKind::Place, EntityKind::Country])
        .filter(|(_, m)| m.start >= f.end && m.end <= f.reach && s.gap(f.end, m.start) <= 14)
        .find(|(_, m)| {
            let before = s.words_before(m.start, 4);
            let last = before.last().map(|w| &**w).unwrap_or("");
            let second = before.len().checked_sub(2).and_then(|k| before.get(k)).map(|w| &**w).unwrap_or("");
            !matches!(last, "to" | "from" | "into" | "of")
                && (last != "the" || !matches!(second, "to" | "from" | "into"))
                && before.iter().any(|w| matches!(&**w, "in" | "at" | "near" | "outside"))
        })
        .map(|(i, m)| (category(lexicon, i), s.text[m.start..m.end].to_string()))
}

fn destination_of(s: &Parsed<'_>, lexicon: &Lexicon, f: &EventFrame) -> Option<(Value, String)> {
    s.entity_mentions(lexicon, &[EntityKind::Place, EntityKind::Country])
        .filter(|(_, m)| m.start >= f.end && m.end <= f.reach && s.gap(f.end, m.start) <= 12)
        .find(|(_, m)| {
            let before = s.words_before(m.start, 2);
            before.last().is_some_and(|w| w == "to" || w == "into") || before.first().is_some_and(|w| w == "to") && before.last().is_some_and(|w| w == "the")
        })
        .map(|(i, m)| (category(lexicon, i), s.text[m.start..m.end].to_string()))
}

/// "six Mexican cartels": the figure right before the patient.
fn count_of(s: &Parsed<'_>, lexicon: &Lexicon, patient: usize) -> Option<(Value, String)> {
    let kinds = [lexicon.entities[patient].kind];
    let m = s.entity_mentions(lexicon, &kinds).find(|(i, _)| *i == patient)?.1;
    let q = s.quantities.iter().find(|q| q.end <= m.start && s.gap(q.end, m.start) <= 1 && q.value.unit == Unit::Count)?;
    // "eight criminal organizations, six of them Mexican": the figure counts a wider set than
    // the entity; the part named after "of them" is the entity's only when its name says so.
    let after: Vec<_> = s.words_after(m.end, 5).into_iter().filter(|w| !w.is_empty()).collect();
    if s.lower[m.end..].starts_with(',') && after.len() >= 3 && after[1] == "of" && matches!(&*after[2], "them" | "which" | "whom") {
        let name = lexicon.entities[patient].name.to_lowercase();
        let names_the_part = after.get(3).is_some_and(|w| name.split(' ').any(|n| n == w));
        let part = s.quantities.iter().find(|p| p.start > m.end && s.gap(m.end, p.start) == 0 && p.value.unit == Unit::Count);
        return part.filter(|_| names_the_part).map(|p| (Value::Quantity(p.value.clone()), s.text[p.start..p.end].to_string()));
    }
    Some((Value::Quantity(q.value.clone()), s.text[q.start..q.end].to_string()))
}

fn designation_in(s: &Parsed<'_>, lexicon: &Lexicon) -> Option<(Value, String)> {
    s.entity_mentions(lexicon, &[EntityKind::Designation]).next().map(|(i, m)| (category(lexicon, i), s.text[m.start..m.end].to_string()))
}

// ---------------------------------------------------------------------------------------------
// Terms of office, charges, policies, origins

/// "Enrique Peña Nieto (2012–2018)", "López Obrador, president from 2018 until September".
fn term_claims(s: &Parsed<'_>, lexicon: &Lexicon, out: &mut Vec<ClaimDraft>) {
    for d in &s.dates {
        let DateValue::Span(a, b) = d.value else { continue };
        if b.to.0 - a.from.0 < 1 {
            continue;
        }
        // The span must be the term itself: right after the name in parentheses, or joined to
        // it by a word of office ("president from", "governed from", "'s presidency, from").
        let of_office = |m: &Mention| {
            let between = &s.lower[m.end..d.start];
            between.trim().trim_end_matches('(').trim().is_empty() && s.text[..d.start].trim_end().ends_with('(')
                || ["president", "presidency", "governed", "ruled", "office", "term", "tenure", "administration", "served", "sexenio", "in power"]
                    .iter()
                    .any(|w| find_word(between, w).is_some())
        };
        // The holder, named ("López Obrador, president from 2018 to 2024") or through the
        // term itself ("López Obrador's term (Dec. 1, 2018 – Sept. 30, 2024)").
        let terms = s.mentions.iter().filter_map(|m| match m.target {
            Target::Period(p) => lexicon.periods[p].holder.as_deref().and_then(|h| lexicon.entities.iter().position(|e| e.id == h)).map(|i| (i, m)),
            _ => None,
        });
        let person = s
            .entity_mentions(lexicon, &[EntityKind::Person])
            .filter(|(i, _)| lexicon.period_of_holder(*i).is_some())
            .chain(terms)
            .filter(|(_, m)| m.end <= d.start && s.gap(m.end, d.start) <= 8 && of_office(m))
            .max_by_key(|(_, m)| m.end);
        if let Some((i, _)) = person {
            out.push(ClaimDraft {
                key: Key::new("term").with("person", lexicon.entities[i].id.clone()),
                value: Value::Date(d.value),
                as_written: s.text[d.start..d.end].to_string(),
            });
        }
    }
}

fn attribute_claims(s: &Parsed<'_>, statement: &StatementInput<'_>, lexicon: &Lexicon, frames: &[EventFrame], out: &mut Vec<ClaimDraft>) {
    let persons: Vec<(usize, &Mention)> = s.entity_mentions(lexicon, &[EntityKind::Person]).filter(|(_, m)| !is_kin_modifier(s, m)).collect();
    for (i, m) in s.entity_mentions(lexicon, &[EntityKind::Charge, EntityKind::Policy, EntityKind::Commodity]) {
        let entity = &lexicon.entities[i];
        let written = s.text[m.start..m.end].to_string();
        match entity.kind {
            EntityKind::Charge => {
                // The charged person: the patient of the nearest event, else the nearest person before.
                let nearest = frames
                    .iter()
                    .filter(|f| !f.patients.is_empty() && !f.void)
                    .min_by_key(|f| if f.end <= m.start { s.gap(f.end, m.start) } else { s.gap(m.end, f.start) });
                let who: Vec<usize> = match nearest {
                    Some(f) => f.patients.clone(),
                    None => persons.iter().filter(|(_, p)| p.end <= m.start && s.gap(p.end, m.start) <= 12).map(|(p, _)| *p).next_back().into_iter().collect(),
                };
                let who = if who.is_empty() && has_pronoun_or_role(s) {
                    statement.context.and_then(|c| salient_person(c, statement, lexicon)).into_iter().collect()
                } else {
                    who
                };
                let root = lexicon.root(i);
                for p in who {
                    out.push(ClaimDraft {
                        key: Key::new("charges").with("person", lexicon.entities[p].id.clone()).with("kind", lexicon.entities[root].id.clone()),
                        value: category(lexicon, i),
                        as_written: written.clone(),
                    });
                }
            }
            EntityKind::Policy => {
                if let Some((p, _)) = persons.iter().filter(|(_, p)| p.end <= m.start).max_by_key(|(_, p)| p.end) {
                    out.push(ClaimDraft {
                        key: Key::new("policy").with("person", lexicon.entities[*p].id.clone()).with("policy", entity.id.clone()),
                        value: Value::Event { event: "policy".into(), occurred: true },
                        as_written: written,
                    });
                }
            }
            EntityKind::Commodity => {
                let from = s
                    .entity_mentions(lexicon, &[EntityKind::Country, EntityKind::Place])
                    .filter(|(_, o)| o.start >= m.end && s.gap(m.end, o.start) <= 10)
                    .find(|(_, o)| s.words_before(o.start, 2).iter().any(|w| w == "from"));
                if let Some((o, _)) = from {
                    let root = lexicon.root(o);
                    out.push(ClaimDraft {
                        key: Key::new("origin").with("commodity", entity.id.clone()).with("from", lexicon.entities[root].id.clone()),
                        value: category(lexicon, o),
                        as_written: written,
                    });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every start of `word` on word boundaries in `text`, as `find_word` tells them.
    fn occurrences(text: &str, word: &str) -> Vec<usize> {
        (0..text.len()).filter(|&at| text.is_char_boundary(at) && find_word(&text[at..], word) == Some(0) && (at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric())).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// One pass over a sentence for all lists finds, in any stretch of it, what a search
        /// for each word of one list in that stretch finds.
        #[test]
        fn one_pass_for_all_lists_finds_what_each_word_finds(
            picks in proptest::collection::vec((any::<prop::sample::Index>(), 0..4usize), 1..12),
            cut in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
        ) {
            let mut words: Vec<&str> = ALL_CUES.iter().flat_map(|c| c.words.iter().copied()).collect();
            words.extend(["made", "up", "x", "year", "the", "ahead", "2024", "heir", "shell", "termination"]);
            let separators = [" ", "", "-", ", "];
            let text: String = picks.iter().map(|(w, sep)| format!("{}{}", w.get(&words), separators[*sep])).collect();
            let s = Parsed::from_parts(&text, Vec::new(), Vec::new(), Vec::new());
            let (a, b) = (cut.0.index(text.len() + 1), cut.1.index(text.len() + 1));
            let range = a.min(b)..a.max(b);
            for cues in ALL_CUES {
                let mut found: Vec<(usize, &str)> = s.cues_in(cues, range.clone()).collect();
                found.sort();
                let slice = &text[range.clone()];
                let mut expected: Vec<(usize, &str)> = cues.words.iter().flat_map(|w| occurrences(slice, w).into_iter().map(move |at| (at, *w))).collect();
                expected.sort();
                prop_assert_eq!(found, expected, "{:?} in {:?}", cues.words, slice);
            }
        }
    }
}
