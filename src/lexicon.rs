//! The lexicon: topic data (entities, periods, measures, events) in, a validated [`Lexicon`]
//! with one alias matcher out. Invariant: every alias, after folding, names exactly one thing.
//!
//! Folding makes "Peña", "Pena" and "PEÑA" one alias: Unicode NFD without combining marks,
//! lowercase, curly quotes to ASCII, every dash to `-`, every space to ` `, zero-width
//! characters dropped. [`Folded`] keeps a map back to the original bytes, so spans stay exact.

use std::collections::BTreeMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::error::{Error, Result};
use crate::source::PartialDate;

/// The lexicon bundled with concord, compiled into the binary.
pub const BUNDLED: &str = include_str!("../claims/lexicon.toml");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A named human being.
    Person,
    /// A sovereign country: the root of place and agent containment.
    Country,
    /// A city, state, region or site.
    Place,
    /// An acting body (authorities, forces, agencies), standing for the country it is `in`.
    Agent,
    /// A criminal group or class of groups.
    Group,
    /// A named program or initiative.
    Program,
    /// A named policy or strategy.
    Policy,
    /// A kind of criminal charge.
    Charge,
    /// A legal designation (e.g. terrorist organization).
    Designation,
    /// A traded or trafficked good.
    Commodity,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The entity that contains this one (Los Angeles is `in` the United States).
    #[serde(default, rename = "in")]
    pub within: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub from: PartialDate,
    pub to: PartialDate,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The person whose term this is: "his term" and "under X" resolve through the holder.
    #[serde(default)]
    pub holder: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureUnit {
    Count,
    Percent,
    Usd,
    Rate,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    #[serde(skip)]
    pub id: String,
    pub aliases: Vec<String>,
    pub unit: MeasureUnit,
    /// A broader measure this one is part of (gun homicides are within homicides): when both
    /// are named in one statement, its figures belong to the narrower one.
    #[serde(default)]
    pub within: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(skip)]
    pub id: String,
    pub triggers: Vec<String>,
    /// The kind of entity the event happens to (default: a person).
    #[serde(default = "default_patient")]
    pub patient: EntityKind,
    /// The patient is the subject of the trigger ("Sheinbaum took office"), not its object.
    #[serde(default)]
    pub intransitive: bool,
    /// The event happens to one patient again and again (a recapture follows each escape):
    /// dates in different years are different occurrences, not a conflict.
    #[serde(default)]
    pub recurring: bool,
    #[serde(default)]
    pub facets: Vec<Facet>,
}

fn default_patient() -> EntityKind {
    EntityKind::Person
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Facet {
    Agent,
    Place,
    Date,
    Destination,
    Count,
    Designation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    entity: BTreeMap<String, Entity>,
    #[serde(default)]
    period: BTreeMap<String, Period>,
    #[serde(default)]
    measure: BTreeMap<String, Measure>,
    #[serde(default)]
    event: BTreeMap<String, Event>,
}

/// What an alias names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Entity(usize),
    Period(usize),
    Measure(usize),
    Trigger(usize),
}

/// One alias found in a text: byte span in the original text and what it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    /// Which alias matched (an index into the lexicon's aliases).
    pub alias: usize,
}

pub struct Lexicon {
    pub entities: Vec<Entity>,
    pub periods: Vec<Period>,
    pub measures: Vec<Measure>,
    pub events: Vec<Event>,
    matcher: AhoCorasick,
    targets: Vec<Target>,
    /// For each entity, whether it heads claims ([`Lexicon::heads_claims`]).
    entity_heads_claims: Vec<bool>,
    /// For each alias of a person, the other people whose names hold it ("Guzmán": El Chapo's
    /// sons): see [`Lexicon::namesakes`].
    namesakes: Vec<Vec<usize>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("aliases", &self.targets.len()).finish()
    }
}

impl Lexicon {
    pub fn bundled() -> Lexicon {
        Lexicon::parse(BUNDLED, Path::new("claims/lexicon.toml")).expect("the bundled lexicon is valid (tested)")
    }

    pub fn load(path: &Path) -> Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
        Lexicon::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Lexicon> {
        let raw: RawLexicon = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| crate::error::line_of(text, s.start)).unwrap_or(1);
            Error::invalid(path, format!("line {line}"), format!("{}; fix the lexicon", e.message()))
        })?;
        let entities: Vec<Entity> = raw.entity.into_iter().map(|(id, e)| Entity { id, ..e }).collect();
        let periods: Vec<Period> = raw.period.into_iter().map(|(id, p)| Period { id, ..p }).collect();
        let measures: Vec<Measure> = raw.measure.into_iter().map(|(id, m)| Measure { id, ..m }).collect();
        let events: Vec<Event> = raw.event.into_iter().map(|(id, e)| Event { id, ..e }).collect();

        for p in &periods {
            if p.to < p.from {
                return Err(Error::invalid(path, format!("period.{}", p.id), format!("ends ({}) before it starts ({}); swap `from` and `to`", p.to, p.from)));
            }
            if let Some(h) = &p.holder {
                if !entities.iter().any(|e| &e.id == h) {
                    return Err(Error::invalid(path, format!("period.{}", p.id), format!("holder `{h}` is not an entity; add [entity.{h}]")));
                }
            }
        }
        for e in &entities {
            if let Some(w) = &e.within {
                if !entities.iter().any(|o| &o.id == w) {
                    return Err(Error::invalid(path, format!("entity.{}", e.id), format!("`in = \"{w}\"` names no entity; add [entity.{w}]")));
                }
            }
        }
        for m in &measures {
            if let Some(w) = &m.within {
                if !measures.iter().any(|o| &o.id == w) {
                    return Err(Error::invalid(path, format!("measure.{}", m.id), format!("`within = \"{w}\"` names no measure")));
                }
            }
        }

        let mut owners: BTreeMap<String, (Target, String)> = BTreeMap::new();
        let mut add = |alias: &str, target: Target, owner: String| -> Result<()> {
            let folded = fold(alias).text;
            let folded = folded.trim().to_string();
            if folded.is_empty() {
                return Err(Error::invalid(path, owner, "has an empty alias; remove it"));
            }
            if let Some((_, first)) = owners.get(&folded) {
                if first != &owner {
                    return Err(Error::invalid(path, owner, format!("alias \"{alias}\" is already claimed by {first}; an alias must name one thing")));
                }
                return Ok(());
            }
            owners.insert(folded, (target, owner));
            Ok(())
        };
        for (i, e) in entities.iter().enumerate() {
            add(&e.name, Target::Entity(i), format!("entity.{}", e.id))?;
            for a in &e.aliases {
                add(a, Target::Entity(i), format!("entity.{}", e.id))?;
            }
        }
        for (i, p) in periods.iter().enumerate() {
            for a in &p.aliases {
                add(a, Target::Period(i), format!("period.{}", p.id))?;
            }
        }
        for (i, m) in measures.iter().enumerate() {
            for a in &m.aliases {
                add(a, Target::Measure(i), format!("measure.{}", m.id))?;
            }
        }
        for (i, e) in events.iter().enumerate() {
            for a in &e.triggers {
                add(a, Target::Trigger(i), format!("event.{}", e.id))?;
            }
        }
        let (patterns, targets): (Vec<String>, Vec<Target>) = owners.into_iter().map(|(alias, (t, _))| (alias, t)).unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| Error::invalid(path, "aliases", format!("cannot build the matcher: {e}")))?;
        let entity_heads_claims = entities
            .iter()
            .map(|e| match e.kind {
                EntityKind::Charge | EntityKind::Policy | EntityKind::Commodity => true,
                EntityKind::Person => periods.iter().any(|p| p.holder.as_deref() == Some(e.id.as_str())),
                _ => false,
            })
            .collect();
        let namesakes = namesakes_of(&patterns, &targets, &entities);
        Ok(Lexicon { entities, periods, measures, events, matcher, targets, entity_heads_claims, namesakes })
    }

    /// Every alias in `text`, leftmost-longest, on word boundaries, in text order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = fold(text);
        let bytes = folded.text.as_bytes();
        let mut out = Vec::new();
        let mut origins = folded.origins();
        for m in self.matcher.find_iter(&folded.text) {
            let (s, e) = (m.start(), m.end());
            if word_bounded(bytes, s, e, 0, bytes.len()) {
                out.push(Mention { start: origins.at(s), end: origins.at(e), target: self.targets[m.pattern().as_usize()], alias: m.pattern().as_usize() });
            }
        }
        out
    }

    /// For each span of `text` (sorted, not overlapping: sentences), its mentions as
    /// [`Lexicon::mentions`] finds them in the span alone, offsets relative to the span, from
    /// one pass over the whole text. `None` where an alias match crosses the span's edge: what
    /// the span holds alone then takes a pass of its own.
    pub fn mentions_in_spans(&self, text: &str, spans: &[std::ops::Range<usize>]) -> SpanMentions {
        let folded = fold(text);
        let bytes = folded.text.as_bytes();
        // Folding is character by character, so a span's folded text is the slice of the whole
        // folded text between these bounds: the folded bytes whose origin is in the span.
        let bounds: Vec<(usize, usize)> = spans.iter().map(|r| (folded.folded_at(r.start), folded.folded_at(r.end))).collect();
        let mut out = SpanMentions { all: Vec::new(), parts: vec![Some(0..0); spans.len()] };
        let mut first = 0;
        let mut origins = folded.origins();
        for m in self.matcher.find_iter(&folded.text) {
            let (s, e) = (m.start(), m.end());
            // The first span that ends after the match starts (matches come in text order).
            while bounds.get(first).is_some_and(|&(_, end)| end <= s) {
                first += 1;
            }
            let Some(&(from, to)) = bounds.get(first) else { continue };
            if e > to || (s < from && e > from) {
                // Crosses the span's end or start: leftmost-longest may match otherwise there.
                for (&(start, _), part) in bounds[first..].iter().zip(&mut out.parts[first..]) {
                    if start >= e {
                        break;
                    }
                    *part = None;
                }
                continue;
            }
            if s < from {
                continue;
            }
            if let Some(part) = &mut out.parts[first] {
                if word_bounded(bytes, s, e, from, to) {
                    let origin = spans[first].start;
                    let start = origins.at(s);
                    let end = if e == to { spans[first].end } else { origins.at(e) };
                    // A span's mentions come one after another: its part of the list grows.
                    if part.start == part.end {
                        *part = out.all.len()..out.all.len();
                    }
                    out.all.push(Mention { start: start - origin, end: end - origin, target: self.targets[m.pattern().as_usize()], alias: m.pattern().as_usize() });
                    part.end = out.all.len();
                }
            }
        }
        out
    }

    /// Can a mention of `target` head a claim? Normalize's passes each start from one: an
    /// event's trigger, a measure, a charge, policy or commodity, or a person who held an
    /// office the lexicon names as a period, or that period named as someone's term (a term
    /// of office). Places, agents, other periods and other people only qualify what one of
    /// those starts.
    pub fn heads_claims(&self, target: Target) -> bool {
        match target {
            Target::Trigger(_) | Target::Measure(_) => true,
            Target::Entity(i) => self.entity_heads_claims[i],
            Target::Period(p) => self.periods[p].holder.is_some(),
        }
    }

    /// The other people a mention of a person by a bare surname may stand for: those whose
    /// names or aliases hold it ("Guzmán" in "Ovidio Guzmán López"). Empty for most.
    pub fn namesakes(&self, mention: &Mention) -> &[usize] {
        self.namesakes.get(mention.alias).map_or(&[], Vec::as_slice)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The outermost container of an entity (a city's country, an agency's country).
    pub fn root(&self, index: usize) -> usize {
        let mut at = index;
        for _ in 0..16 {
            match self.entities[at].within.as_deref().and_then(|w| self.entities.iter().position(|e| e.id == w)) {
                Some(up) => at = up,
                None => break,
            }
        }
        at
    }

    /// Is entity `inner` the same as or inside entity `outer`?
    pub fn contains(&self, outer: &str, inner: &str) -> bool {
        let mut at = Some(inner.to_string());
        for _ in 0..16 {
            match at {
                Some(ref id) if id == outer => return true,
                Some(ref id) => at = self.entity(id).and_then(|e| e.within.clone()),
                None => return false,
            }
        }
        false
    }

    /// The period a person held (their presidency), if the lexicon names one.
    pub fn period_of_holder(&self, entity: usize) -> Option<usize> {
        let id = &self.entities[entity].id;
        self.periods.iter().position(|p| p.holder.as_deref() == Some(id.as_str()))
    }
}

/// The mentions of a text's spans from one alias pass ([`Lexicon::mentions_in_spans`]): one
/// list in text order, and each span's part of it (`None` for a span read on its own).
pub struct SpanMentions {
    all: Vec<Mention>,
    parts: Vec<Option<std::ops::Range<usize>>>,
}

impl SpanMentions {
    /// Span `index`'s mentions, or `None` if an alias match crossed its edge.
    pub fn get(&self, index: usize) -> Option<&[Mention]> {
        self.parts[index].clone().map(|part| &self.all[part])
    }

    /// Each span's mentions, in order, as `get` gives them.
    pub fn iter(&self) -> impl Iterator<Item = Option<&[Mention]>> {
        (0..self.len()).map(|index| self.get(index))
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut [Mention]> {
        self.parts[index].clone().map(|part| &mut self.all[part])
    }

    /// How many spans.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

/// For each one-word alias of a person (a surname), the other people whose folded names or
/// aliases hold it as a whole word.
fn namesakes_of(patterns: &[String], targets: &[Target], entities: &[Entity]) -> Vec<Vec<usize>> {
    let names: Vec<(usize, Vec<String>)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(i, e)| (i, std::iter::once(&e.name).chain(&e.aliases).map(|n| format!(" {} ", fold(n).text.replace('"', " "))).collect()))
        .collect();
    patterns
        .iter()
        .zip(targets)
        .map(|(alias, target)| match *target {
            // A bare surname: a full name stays its bearer's ("Joaquín Guzmán" is El Chapo's).
            Target::Entity(owner) if entities[owner].kind == EntityKind::Person && !alias.contains(' ') => {
                let words = format!(" {alias} ");
                names.iter().filter(|(i, ns)| *i != owner && ns.iter().any(|n| n.contains(&words))).map(|(i, _)| *i).collect()
            }
            _ => Vec::new(),
        })
        .collect()
}

/// Does the match `start..end` of folded `bytes` stand on word boundaries within `from..to`
/// (the edges of the text it is read in count as boundaries)? A boundary is needed only
/// between two word characters, so "U.S.-backed" still names the U.S.
fn word_bounded(bytes: &[u8], start: usize, end: usize, from: usize, to: usize) -> bool {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let left = start == from || !is_word(bytes[start - 1]) || !is_word(bytes[start]);
    let right = end == to || !is_word(bytes[end]) || !is_word(bytes[end - 1]);
    left && right
}

/// A folded copy of a text that knows, for each of its bytes, the byte of the original it
/// came from.
pub struct Folded {
    pub text: String,
    /// Where the folded text starts to come from the original otherwise than byte for byte,
    /// in order: an ASCII run maps one to one from `origin` on, a folded character's bytes all
    /// map to `origin`. Most text is ASCII, so a map of every byte would mostly repeat this.
    segments: Vec<Segment>,
    /// The original's length: where the end of the folded text maps to.
    origin_len: usize,
}

#[derive(Clone, Copy)]
struct Segment {
    folded: usize,
    origin: usize,
    one_to_one: bool,
}

impl Folded {
    fn segment_end(&self, k: usize) -> usize {
        self.segments.get(k + 1).map_or(self.text.len(), |next| next.folded)
    }

    /// The byte of the original that folded byte `at` came from (the original's end for the
    /// folded text's end).
    pub fn origin(&self, at: usize) -> usize {
        self.origins().at(at)
    }

    /// Origins asked for in text order, each found from the last one's segment.
    pub fn origins(&self) -> Origins<'_> {
        Origins { folded: self, segment: 0 }
    }

    /// The first folded byte that comes from `origin` or after it.
    pub fn folded_at(&self, origin: usize) -> usize {
        let k = self.segments.partition_point(|s| s.origin < origin);
        // The segment that starts before `origin` may run over it, byte for byte.
        if let Some(before) = k.checked_sub(1).map(|p| (p, self.segments[p])) {
            let (p, s) = before;
            if s.one_to_one && s.origin + (self.segment_end(p) - s.folded) > origin {
                return s.folded + (origin - s.origin);
            }
        }
        self.segments.get(k).map_or(self.text.len(), |s| s.folded)
    }
}

/// A cursor over a folded text's map back to the original: each lookup starts from the
/// segment of the one before, so lookups in text order cost what walking the map once does.
pub struct Origins<'f> {
    folded: &'f Folded,
    segment: usize,
}

impl Origins<'_> {
    pub fn at(&mut self, at: usize) -> usize {
        let f = self.folded;
        if at >= f.text.len() {
            return f.origin_len;
        }
        if f.segments.get(self.segment).is_none_or(|s| s.folded > at) {
            self.segment = 0;
        }
        while f.segments.get(self.segment + 1).is_some_and(|next| next.folded <= at) {
            self.segment += 1;
        }
        let s = f.segments[self.segment];
        if s.one_to_one {
            s.origin + (at - s.folded)
        } else {
            s.origin
        }
    }
}

/// Where the run of ASCII bytes that starts at `from` ends.
fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    // Eight bytes at a time: every byte outside ASCII has its high bit set.
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| at + n)
}

pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut segments = Vec::new();
    let push = |out: &mut String, segments: &mut Vec<Segment>, c: char, at: usize| {
        match segments.last() {
            // The bytes of one character folded into several (a ligature) share its segment.
            Some(&Segment { origin, one_to_one: false, .. }) if origin == at => {}
            _ => segments.push(Segment { folded: out.len(), origin: at, one_to_one: false }),
        }
        out.push(c);
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Runs of ASCII, most of any text, fold byte for byte.
        let run = ascii_run_end(bytes, at);
        if run > at {
            segments.push(Segment { folded: out.len(), origin: at, one_to_one: true });
            let from = out.len();
            out.push_str(&text[at..run]);
            out[from..].make_ascii_lowercase();
        }
        at = run;
        let Some(c) = text[at..].chars().next() else { break };
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{b4}' => push(&mut out, &mut segments, '\'', at),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => push(&mut out, &mut segments, '"', at),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => push(&mut out, &mut segments, '-', at),
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() => push(&mut out, &mut segments, ' ', at),
            c => {
                let mut parts = Vec::new();
                decompose_canonical(c, |d| parts.push(d));
                for d in parts.into_iter().filter(|d| !is_combining_mark(*d)) {
                    for l in d.to_lowercase() {
                        push(&mut out, &mut segments, l, at);
                    }
                }
            }
        }
        at += c.len_utf8();
    }
    Folded { text: out, segments, origin_len: text.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_accents_quotes_and_case() {
        assert_eq!(fold("Peña Nieto’s “term”").text, "pena nieto's \"term\"");
        assert_eq!(fold("Pen\u{0303}a").text, "pena");
        assert_eq!(fold("2018\u{2013}2024").text, "2018-2024");
    }

    #[test]
    fn folded_offsets_point_into_the_original() {
        let text = "Gen. Peña’s";
        let f = fold(text);
        let s = f.text.find("pena").unwrap();
        assert_eq!(&text[f.origin(s)..f.origin(s + 4)], "Peña");
    }

    #[test]
    fn folded_offsets_agree_with_a_map_of_every_byte() {
        for text in ["", "plain ascii", "Peña Nieto’s “term”", "Pen\u{0303}a", "a\u{200b}b", "ﬁnal ﬂow", "Ⅻ İstanbul", "é", "x\u{2013}y\u{00a0}z"] {
            let f = fold(text);
            // Folding is character by character: each folded byte comes from one character.
            let mut map: Vec<usize> = text.char_indices().flat_map(|(at, c)| std::iter::repeat_n(at, fold(c.encode_utf8(&mut [0; 4])).text.len())).collect();
            map.push(text.len());
            assert_eq!(map.len(), f.text.len() + 1, "{text:?}");
            for (at, &origin) in map.iter().enumerate() {
                assert_eq!(f.origin(at), origin, "{text:?} folded byte {at}");
            }
            // A cursor answers the same in text order and, starting over, out of it.
            let mut cursor = f.origins();
            for (at, &origin) in map.iter().enumerate().chain(map.iter().enumerate().rev()) {
                assert_eq!(cursor.at(at), origin, "{text:?} folded byte {at} through a cursor");
            }
            for origin in 0..=text.len() {
                assert_eq!(f.folded_at(origin), map.partition_point(|&o| o < origin).min(f.text.len()), "{text:?} origin {origin}");
            }
        }
    }

    #[test]
    fn aliases_match_without_diacritics_on_word_boundaries() {
        let lex = Lexicon::parse(
            "[entity.a]\nname = \"Andrés López\"\nkind = \"person\"\naliases = [\"AMLO\"]\n",
            Path::new("t.toml"),
        )
        .unwrap();
        let text = "Andres Lopez met AMLO, not AMLOS.";
        let found: Vec<&str> = lex.mentions(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Andres Lopez", "AMLO"]);
    }

    #[test]
    fn one_pass_over_a_text_finds_what_a_pass_over_each_span_finds() {
        let lex = Lexicon::bundled();
        // Accents, a zero-width space, a curly apostrophe, an endnote glued to a sentence's end,
        // an alias ("Mexico City") across a span's end, one at each edge, gaps between spans.
        let text = "Peña Nieto\u{200b} left office. El Chapo was arrested in Mexico.2 Around 300 people fled Mexico City in 2019.\n\nThe DEA\u{2019}s agents arrested Ovidio Guzmán  in Culiacán";
        let span = |part: &str| text.find(part).map(|at| at..at + part.len()).unwrap();
        let spans = [
            span("Peña Nieto\u{200b} left office."),
            span("El Chapo was arrested in Mexico."),
            span("2 Around 300 people fled Mexico"),
            span(" City in 2019."),
            span("The DEA\u{2019}s agents "),
            span("arrested Ovidio Guzmán  in Culiacán"),
        ];
        let whole = lex.mentions_in_spans(text, &spans);
        assert_eq!(whole.len(), spans.len());
        let mut crossed = 0;
        for (index, span) in spans.iter().enumerate() {
            match whole.get(index) {
                Some(found) => assert_eq!(found, lex.mentions(&text[span.clone()]), "{:?}", &text[span.clone()]),
                None => crossed += 1,
            }
        }
        // Only "Mexico City", cut by the end of "…fled Mexico", leaves two spans to a pass of their own.
        assert_eq!(crossed, 2);
        assert!(whole.iter().flatten().map(<[Mention]>::len).sum::<usize>() >= 6);
    }

    #[test]
    fn an_alias_claimed_twice_is_an_error() {
        let err = Lexicon::parse(
            "[entity.a]\nname = \"A\"\nkind = \"person\"\naliases = [\"the boss\"]\n[entity.b]\nname = \"B\"\nkind = \"person\"\naliases = [\"The Boss\"]\n",
            Path::new("t.toml"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("already claimed by entity.a"), "{err}");
    }

    #[test]
    fn a_period_ending_before_it_starts_is_an_error() {
        let err = Lexicon::parse("[period.p]\nname = \"P\"\nfrom = \"2020\"\nto = \"2019\"\n", Path::new("t.toml")).unwrap_err();
        assert!(err.to_string().contains("before it starts"), "{err}");
    }

    #[test]
    fn the_bundled_lexicon_is_valid() {
        Lexicon::bundled();
    }
}
