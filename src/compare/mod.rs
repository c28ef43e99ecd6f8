//! Compare: claims in, groups out. Claims with one key form one group; each group gets a
//! verdict (agreement, conflict, single-source) and notes with stable kebab-case codes.
//! Groups and their claims come out sorted, whatever order the claims came in.

pub mod triage;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::normalize::{Key, Value};

/// A claim with its provenance.
#[derive(Clone, Debug)]
pub struct Claim {
    pub key: Key,
    pub value: Value,
    pub as_written: String,
    pub source: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// The claim sheet as `check` was given it, and the line of the statement in it.
    pub sheet: String,
    pub line: usize,
    pub published: Option<String>,
    pub cites: Vec<String>,
    /// Read from a citation (endnote) rather than the body.
    pub note: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Conflict,
    Agreement,
    SingleSource,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Agreement => "agreement",
            Verdict::SingleSource => "single-source",
        }
    }
}

/// Why a group got its verdict, or what a reader should know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Note {
    /// The values are the same.
    SameValue,
    /// Every pair of intervals or dates overlaps.
    IntervalsOverlap,
    /// One value is stated more precisely than another (a year and a day in it).
    PrecisionDiffers,
    /// One place, agent or charge contains the other.
    Contained,
    /// Some pair of values cannot both hold.
    ValuesIncompatible,
    /// A source contradicts itself.
    SelfContradiction,
    /// One source cites another, so their agreement is not independent.
    NotIndependent,
    /// A source states the value more than once.
    Repeated,
    /// A source gives several values that cannot all hold at once: read as several
    /// occurrences or scopes, not as a contradiction.
    SeveralValues,
    /// A source dates the event more than once (captured in 1993, in 2014, in 2016), or the
    /// event recurs by nature and two sources date it in different years: their dates, places
    /// and agents may belong to different occurrences.
    SeveralOccurrences,
}

impl Note {
    pub const ALL: [Note; 10] = [
        Note::SameValue,
        Note::IntervalsOverlap,
        Note::PrecisionDiffers,
        Note::Contained,
        Note::ValuesIncompatible,
        Note::SelfContradiction,
        Note::NotIndependent,
        Note::Repeated,
        Note::SeveralValues,
        Note::SeveralOccurrences,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Note::SameValue => "same-value",
            Note::IntervalsOverlap => "intervals-overlap",
            Note::PrecisionDiffers => "precision-differs",
            Note::Contained => "contained",
            Note::ValuesIncompatible => "values-incompatible",
            Note::SelfContradiction => "self-contradiction",
            Note::NotIndependent => "not-independent",
            Note::Repeated => "repeated",
            Note::SeveralValues => "several-values",
            Note::SeveralOccurrences => "several-occurrences",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Note::SameValue => "the sources give the same value",
            Note::IntervalsOverlap => "the stated intervals overlap, so the figures are compatible",
            Note::PrecisionDiffers => "one value is stated more precisely than another, and lies within it",
            Note::Contained => "one place, agent or category lies within the other",
            Note::ValuesIncompatible => "at least two values cannot both hold",
            Note::SelfContradiction => "a source gives two incompatible values for this key",
            Note::NotIndependent => "one source cites another, so they are not independent",
            Note::Repeated => "a source states this more than once",
            Note::SeveralValues => "a source gives several values that cannot all hold: read as several occurrences or scopes",
            Note::SeveralOccurrences => "the sources may tell of different occurrences of this event (one dates it more than once, or it recurs and they date it in different years)",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Group {
    pub key: Key,
    pub verdict: Verdict,
    pub notes: Vec<Note>,
    pub claims: Vec<Claim>,
    /// Pairs of claims (indexes into `claims`) whose values cannot both hold.
    pub clashes: Vec<(usize, usize)>,
    /// Why a person judged this conflict not to be one (from the triage file).
    pub explained: Option<String>,
}

/// Parameters that say when a figure holds.
const SCOPES: &[&str] = &["year", "by", "since", "decade", "period", "span", "per", "within", "modality"];

/// A count or a rate that states no time ("10,000 troops", "a murder rate of 29 per 100,000")
/// could be any year's: two sources giving different ones need not disagree. Such a claim is
/// compared with its own source only, and its key says so (`stated-by`). (A sum is compared:
/// a reward or a programme's total is one figure, whenever it is stated.)
fn unscoped_count(c: &Claim) -> bool {
    use crate::normalize::Unit;
    matches!(&c.value, Value::Quantity(q) if matches!(q.unit, Unit::Count | Unit::Rate))
        && c.key.facet().is_none()
        && !c.key.subject.ends_with(".change")
        && !c.key.params.keys().any(|k| SCOPES.contains(&k))
}

/// A share that names no place ("40% of homicides go unreported", "10 percent of homicides are
/// solved") is of a predicate concord does not key: two such shares need not be of the same
/// thing. It too is compared with its own source only.
fn unplaced_share(c: &Claim) -> bool {
    let (name, value) = crate::normalize::keys::UNNAMED_PREDICATE;
    c.key.params.get(name).is_some_and(|v| v == value)
}

/// Groups claims by key and judges the groups on up to `jobs` threads; the same groups in the
/// same order for any number, since they are ordered by verdict and rendered key, which is unique.
pub fn compare(mut claims: Vec<Claim>, lexicon: &Lexicon, jobs: usize) -> Vec<Group> {
    for c in claims.iter_mut().filter(|c| unscoped_count(c) || unplaced_share(c)) {
        c.key = c.key.clone().with("stated-by", c.source.clone());
    }
    // Number the keys, then move every claim once into a group sized in advance: a million
    // claims are never moved twice nor reallocated. Keys are hashed on `jobs` threads, and
    // each thread numbers the keys of its own share of hashes. Groups are then ordered by
    // their rendered keys, so neither hash order nor shares reach the output.
    let (group_of, group_count) = number_keys(&claims, jobs);
    let mut sizes = vec![0; group_count];
    for &g in &group_of {
        sizes[g] += 1;
    }
    let mut grouped: Vec<Vec<Claim>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (c, g) in claims.into_iter().zip(group_of) {
        grouped[g].push(c);
    }
    let occurrences = occurrences(&grouped, lexicon);
    let mut keyed: Vec<(String, Group)> = crate::parallel::map_in_order(grouped, jobs, |claims| (claims[0].key.to_string(), judge(claims, lexicon, &occurrences)));
    keyed.sort_unstable_by(|(ka, a), (kb, b)| a.verdict.cmp(&b.verdict).then_with(|| ka.cmp(kb)));
    keyed.into_iter().map(|(_, g)| g).collect()
}

/// A key with its hash computed once, so a thread can pick its share of keys by hash and
/// look them up without hashing them again.
struct HashedKey<'a> {
    hash: u64,
    key: &'a Key,
}

impl std::hash::Hash for HashedKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for HashedKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.key == other.key
    }
}

impl Eq for HashedKey<'_> {}

/// Each claim's group number, and how many groups: equal keys, equal numbers.
fn number_keys(claims: &[Claim], jobs: usize) -> (Vec<usize>, usize) {
    use std::hash::BuildHasher;
    const CHUNK: usize = 1 << 14;
    let state = foldhash::fast::RandomState::default();
    let hashes: Vec<u64> = crate::parallel::map_in_order(claims.chunks(CHUNK).collect(), jobs, |chunk| chunk.iter().map(|c| state.hash_one(&c.key)).collect::<Vec<u64>>()).concat();
    let shares = jobs.max(1) as u64;
    let local: Vec<(Vec<usize>, usize)> = crate::parallel::map_in_order((0..shares).collect(), jobs, |share| {
        let mut numbering: std::collections::HashMap<HashedKey, usize, foldhash::fast::FixedState> = Default::default();
        let mut numbers = Vec::new();
        for (c, &hash) in claims.iter().zip(&hashes).filter(|(_, h)| *h % shares == share) {
            let next = numbering.len();
            numbers.push(*numbering.entry(HashedKey { hash, key: &c.key }).or_insert(next));
        }
        (numbers, numbering.len())
    });
    let offsets: Vec<usize> = local.iter().scan(0, |total, (_, count)| Some(std::mem::replace(total, *total + count))).collect();
    let mut cursors = vec![0; local.len()];
    let group_of = hashes
        .iter()
        .map(|h| {
            let share = (h % shares) as usize;
            cursors[share] += 1;
            offsets[share] + local[share].0[cursors[share] - 1]
        })
        .collect();
    (group_of, local.iter().map(|(_, count)| count).sum())
}

/// How each source dates each event, from the groups of `.date` facets: the events a source
/// dates more than once (dates that cannot all hold), and the years it puts each event in.
#[derive(Default)]
struct Occurrences {
    several: BTreeSet<(String, String)>,
    years: std::collections::BTreeMap<(String, String), BTreeSet<String>>,
}

fn occurrences(groups: &[Vec<Claim>], lexicon: &Lexicon) -> Occurrences {
    let mut out = Occurrences::default();
    for claims in groups.iter().filter(|g| g[0].key.facet() == Some("date")) {
        let event = claims[0].key.without_facet().to_string();
        for (i, a) in claims.iter().enumerate() {
            if claims[i + 1..].iter().any(|b| b.source == a.source && !a.value.agrees(&b.value, lexicon)) {
                out.several.insert((event.clone(), a.source.clone()));
            }
            if let Value::Date(d) = &a.value {
                out.years.entry((event.clone(), a.source.clone())).or_default().insert(d.from()[..4].to_string());
            }
        }
    }
    out
}

/// Two sources conflict when none of the values one gives can hold with any the other gives;
/// a source that gives several values (a capture in 2014 and a recapture in 2016) describes
/// several occurrences. A source contradicts itself only where its text and its own endnote
/// disagree.
fn judge(mut claims: Vec<Claim>, lexicon: &Lexicon, occurrences: &Occurrences) -> Group {
    if claims.len() == 1 {
        let key = claims[0].key.clone();
        return Group { key, verdict: Verdict::SingleSource, notes: Vec::new(), claims, clashes: Vec::new(), explained: None };
    }
    // Sort by position, then by the value's rendering: total, so the order never depends on
    // the order claims arrived in.
    claims.sort_by(|a, b| {
        (&a.source, a.start, a.end).cmp(&(&b.source, b.start, b.end)).then_with(|| a.value.to_json().to_string().cmp(&b.value.to_json().to_string()))
    });
    claims.dedup_by(|a, b| a.source == b.source && a.start == b.start && a.value == b.value);
    let key = claims[0].key.clone();
    let mut notes = BTreeSet::new();
    let mut clashes = Vec::new();
    let mut incompatible = Vec::new();
    // Sources as small numbers (claims are sorted by source), and which pairs of sources
    // have at least one compatible pair of values.
    let mut source_of = Vec::with_capacity(claims.len());
    for (k, c) in claims.iter().enumerate() {
        let id = if k > 0 && claims[k - 1].source == c.source { source_of[k - 1] } else { source_of.last().map_or(0, |s| s + 1) };
        source_of.push(id);
    }
    let distinct = source_of.last().map_or(0, |s| s + 1);
    let mut compatible_sources = vec![false; distinct * distinct];
    // Places and agents of an event a source dates more than once may be another occurrence's.
    let event = key.facet().filter(|f| *f != "date").map(|_| key.without_facet().to_string());
    let occurs_often = |c: &Claim| event.as_ref().is_some_and(|e| occurrences.several.contains(&(e.clone(), c.source.clone())));
    // An event that recurs by nature (a recapture follows each escape) dated in two different
    // years is two occurrences, and so are their places and agents.
    let recurs_by_nature = key.facet().is_some() && lexicon.events.iter().any(|e| e.recurring && e.id == key.subject);
    let years_of = |c: &Claim| occurrences.years.get(&(key.without_facet().to_string(), c.source.clone()));
    let other_occurrence = |a: &Claim, b: &Claim| match (&a.value, &b.value) {
        (Value::Date(x), Value::Date(y)) => x.from()[..4] != y.from()[..4],
        _ => years_of(a).zip(years_of(b)).is_some_and(|(ya, yb)| ya.is_disjoint(yb)),
    };
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            let (a, b) = (&claims[i], &claims[j]);
            let agree = a.value.agrees(&b.value, lexicon);
            if a.source == b.source {
                match (agree, a.note != b.note) {
                    (true, _) => {
                        notes.insert(Note::Repeated);
                    }
                    (false, true) => {
                        notes.insert(Note::SelfContradiction);
                        clashes.push((i, j));
                    }
                    (false, false) => {
                        notes.insert(Note::SeveralValues);
                    }
                }
                continue;
            }
            if !agree && (occurs_often(a) || occurs_often(b) || recurs_by_nature && other_occurrence(a, b)) {
                compatible_sources[source_of[i] * distinct + source_of[j]] = true;
                notes.insert(Note::SeveralOccurrences);
                continue;
            }
            if agree {
                compatible_sources[source_of[i] * distinct + source_of[j]] = true;
                notes.insert(pair_note(&a.value, &b.value));
                if a.cites.contains(&b.source) || b.cites.contains(&a.source) {
                    notes.insert(Note::NotIndependent);
                }
            } else {
                incompatible.push((i, j));
            }
        }
    }
    for (i, j) in incompatible {
        if !compatible_sources[source_of[i] * distinct + source_of[j]] {
            clashes.push((i, j));
        }
    }
    clashes.sort_unstable();
    let sources: BTreeSet<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    let verdict = if !clashes.is_empty() {
        notes.insert(Note::ValuesIncompatible);
        Verdict::Conflict
    } else if sources.len() >= 2 {
        Verdict::Agreement
    } else {
        Verdict::SingleSource
    };
    Group { key, verdict, notes: notes.into_iter().collect(), claims, clashes, explained: None }
}

fn pair_note(a: &Value, b: &Value) -> Note {
    match (a, b) {
        _ if a == b => Note::SameValue,
        (Value::Quantity(x), Value::Quantity(y)) if x.lo == y.lo && x.hi == y.hi => Note::SameValue,
        (Value::Quantity(_), Value::Quantity(_)) => Note::IntervalsOverlap,
        (Value::Date(x), Value::Date(y)) if x.precision() != y.precision() => Note::PrecisionDiffers,
        (Value::Date(x), Value::Date(y)) if x.from() == y.from() && x.to() == y.to() => Note::SameValue,
        (Value::Date(_), Value::Date(_)) => Note::IntervalsOverlap,
        (Value::Category { .. }, Value::Category { .. }) => Note::Contained,
        _ => Note::SameValue,
    }
}
