//! Extract: a source (metadata and text) in, a claim sheet out: the statements worth
//! comparing, each a verbatim quote with its byte span in the file as stored.
//!
//! A sentence is kept when normalizing it yields a claim: it mentions something the lexicon
//! knows together with a value. A sentence that leans on a pronoun ("He was returned…")
//! carries its antecedent as `context`, and a table row its header, so the sheet normalizes
//! the same way on its own.

pub mod sentences;

use serde::{Deserialize, Serialize};

use crate::lexicon::{EntityKind, Lexicon, Mention, SpanMentions, Target};
use crate::normalize::keys::reads_context;
use crate::normalize::{normalize, normalize_with_mentions, StatementInput};
use crate::source::{Source, SourceMeta};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSheet {
    pub source: SourceMeta,
    /// The source text, relative to the sheet's folder: `check` verifies every quote against
    /// it when it is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub statements: Vec<Statement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// A citation (endnote or reference), where only a quoted title states anything.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
    /// The earlier sentence a pronoun in the quote refers back to, or the header row of the
    /// table the quote is a row of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// How many body sentences back a pronoun may reach for its antecedent.
const ANTECEDENT_REACH: usize = 4;

pub fn extract(source: &Source, lexicon: &Lexicon) -> ClaimSheet {
    extract_with_claims(source, lexicon).0
}

/// The claim sheet and, for each statement, the claims it makes: what normalizing the sheet
/// would give, without normalizing it a second time.
pub fn extract_with_claims(source: &Source, lexicon: &Lexicon) -> (ClaimSheet, Vec<Vec<crate::normalize::ClaimDraft>>) {
    let text = &source.text;
    let published = source.meta.published;
    let sentences = sentences::split(text);
    // Each sentence normalized once on its own: its claims, whether it names a person, and
    // whether something happens to one in it (what a later pronoun may refer back to).
    // A table row is read with its header from the start: it states nothing without one.
    let mut headers: Vec<Option<Context>> = sentences.iter().map(|s| table_header(text, s)).collect();
    // One alias pass over the whole text gives each sentence its mentions; a sentence that
    // names nothing that heads a claim (most of any article) states nothing to compare.
    let spans: Vec<std::ops::Range<usize>> = sentences.iter().map(|s| s.start..s.end).collect();
    let mut mentions = lexicon.mentions_in_spans(text, &spans);
    let namesake_named_in = resolve_namesakes(&mut mentions, lexicon);
    let cued: Vec<bool> = mentions.iter().map(|m| m.is_none_or(|m| m.iter().any(|m| lexicon.heads_claims(m.target)))).collect();
    let is_person = |m: &Mention| matches!(m.target, Target::Entity(i) if lexicon.entities[i].kind == EntityKind::Person);
    // Whether a sentence names a person (an antecedent for a later pronoun), where the pass
    // over the whole text could tell; the others take a pass of their own if a pronoun asks.
    let mut names_person: Vec<Option<bool>> = mentions.iter().map(|m| m.map(|m| m.iter().any(is_person))).collect();
    let under_review = claims_under_review(text, &sentences);
    let mut alone: Vec<Vec<crate::normalize::ClaimDraft>> = sentences
        .iter()
        .zip(&headers)
        .zip(&cued)
        .enumerate()
        .map(|(index, ((s, header), &cued))| {
            // A table row's claims may start from its header's words.
            if !cued && header.is_none() || under_review[index] {
                return Vec::new();
            }
            let statement = StatementInput { quote: &text[s.start..s.end], note: s.note, published, context: header.as_ref().map(|h| h.text.as_str()) };
            match mentions.get(index) {
                Some(known) => normalize_with_mentions(&statement, known, lexicon),
                None => normalize(&statement, lexicon),
            }
        })
        .collect();
    // Whether something happens to a person in a sentence comes with its claims; whether it
    // names one costs an alias pass, so it is asked only of sentences a pronoun reaches back to.
    let patient: Vec<bool> = sentences
        .iter()
        .zip(&alone)
        .map(|(s, claims)| !s.note && claims.iter().any(|c| c.key.params.contains_key("person") && lexicon.events.iter().any(|e| c.key.subject == e.id)))
        .collect();
    let mut statements = Vec::new();
    let mut claims = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let quote = &text[sentence.start..sentence.end];
        // An earlier sentence as this one's context, and this one read with it.
        let context_from = |j: usize| Context { text: text[sentences[j].start..sentences[j].end].to_string(), start: sentences[j].start, end: sentences[j].end };
        let read_with = |c: &Context| normalize(&StatementInput { quote, note: sentence.note, published, context: Some(&c.text) }, lexicon);
        let mut claims_alone = std::mem::take(&mut alone[index]);
        let mut context = None;
        if let Some(header) = headers[index].take() {
            context = Some(header);
        } else if let Some(j) = namesake_named_in[index] {
            // The sentence that named the person a surname here stands for.
            let c = context_from(j);
            claims_alone = read_with(&c);
            context = Some(c);
        } else if cued[index] && mentions.get(index).is_none_or(|m| reads_context(quote, sentence.note, m, lexicon)) {
            // The antecedent: the nearest earlier body sentence where something happened to a
            // person or that names one ("Zambada, 76, co-founded the cartel. He was charged…"
            // is Zambada's, not that of the arrest two sentences back), for a sentence with a
            // pronoun or role noun (looked for last: it reads the whole sentence).
            let window: Vec<usize> = (index.saturating_sub(ANTECEDENT_REACH * 3)..index).rev().filter(|&j| !sentences[j].note).take(ANTECEDENT_REACH).collect();
            let antecedent = window.iter().copied().find(|&j| {
                patient[j]
                    || *names_person[j].get_or_insert_with(|| {
                        lexicon.mentions(&text[sentences[j].start..sentences[j].end]).iter().any(is_person)
                    })
            });
            if let Some(j) = antecedent.filter(|_| leans_on_antecedent(quote)) {
                let c = context_from(j);
                let with = read_with(&c);
                if with != claims_alone {
                    claims_alone = with;
                    context = Some(c);
                }
            }
        }
        if claims_alone.is_empty() {
            continue;
        }
        statements.push(Statement { quote: quote.to_string(), start: sentence.start, end: sentence.end, note: sentence.note, context });
        claims.push(claims_alone);
    }
    (ClaimSheet { source: source.meta.clone(), text: None, statements }, claims)
}

/// A bare surname stands for the person last named in full who bears it ("Ovidio Guzmán was
/// extradited … Guzmán, 33, was taken into custody"), and for the lexicon's bearer when none
/// was. Returns, for each sentence where a surname was read so, the earlier sentence that
/// named that person: the statement's context, so that its sheet reads the same on its own
/// (normalize applies the same rule to a statement and its context).
fn resolve_namesakes(mentions: &mut SpanMentions, lexicon: &Lexicon) -> Vec<Option<usize>> {
    // Person -> (order of its last mention by a name no one else bears, sentence of it).
    let mut named_in_full: std::collections::BTreeMap<usize, (usize, usize)> = std::collections::BTreeMap::new();
    let mut named_in = vec![None; mentions.len()];
    let mut order = 0;
    for (sentence, named) in named_in.iter_mut().enumerate() {
        for m in mentions.get_mut(sentence).into_iter().flatten() {
            let Target::Entity(bearer) = m.target else { continue };
            if lexicon.entities[bearer].kind != EntityKind::Person {
                continue;
            }
            order += 1;
            let namesakes = lexicon.namesakes(m);
            if namesakes.is_empty() {
                named_in_full.insert(bearer, (order, sentence));
                continue;
            }
            let latest = std::iter::once(bearer).chain(namesakes.iter().copied()).filter_map(|e| named_in_full.get(&e).map(|&(at, j)| (at, e, j))).max();
            if let Some((_, person, j)) = latest.filter(|&(_, person, _)| person != bearer) {
                m.target = Target::Entity(person);
                if j != sentence {
                    *named = Some(j);
                }
            }
        }
    }
    named_in
}

/// The header of the Markdown table a row belongs to: the line above the table's separator
/// (`|---|---|`), when every line between is a row too.
fn table_header(text: &str, row: &sentences::Sentence) -> Option<Context> {
    use crate::normalize::table;
    table::cells(&text[row.start..row.end])?;
    let line_above = |line_start: usize| -> Option<(usize, &str)> {
        let end = line_start.checked_sub(1)?;
        let start = text[..end].rfind('\n').map_or(0, |at| at + 1);
        Some((start, text[start..end].trim_end_matches('\r')))
    };
    let mut at = text[..row.start].rfind('\n').map_or(0, |i| i + 1);
    loop {
        let (start, line) = line_above(at)?;
        if table::is_separator(line) {
            let (header_start, header) = line_above(start)?;
            table::cells(header)?;
            let lead = header.len() - header.trim_start().len();
            let trimmed = header.trim();
            return Some(Context { text: trimmed.to_string(), start: header_start + lead, end: header_start + lead + trimmed.len() });
        }
        table::cells(line)?;
        at = start;
    }
}

/// Which sentences are on a line a fact-check labels as the claim it checks ("CLAIM: \"The US
/// designated …\"")? The source reports that claim; it does not make it.
fn claims_under_review(text: &str, sentences: &[sentences::Sentence]) -> Vec<bool> {
    let mut line_start = 0;
    let mut scanned = 0;
    let mut labelled = line_is_labelled_claim(text, 0);
    sentences
        .iter()
        .map(|s| {
            // Sentences come in order: each newline is looked at once, each line read once.
            if let Some(at) = memchr::memrchr(b'\n', &text.as_bytes()[scanned..s.start]) {
                line_start = scanned + at + 1;
                labelled = line_is_labelled_claim(text, line_start);
            }
            scanned = s.start;
            labelled
        })
        .collect()
}

/// Does the line at `line_start` open with a fact-check's label for the claim it checks?
fn line_is_labelled_claim(text: &str, line_start: usize) -> bool {
    // A label is a word or three at the start of the line: its first bytes settle it, and
    // without a colon or a dash (its first byte, 0xE2, for the long ones) there is none.
    let head = &text[line_start..text.floor_char_boundary((line_start + 48).min(text.len()))];
    if memchr::memchr2(b':', 0xE2, head.as_bytes()).is_none() {
        return false;
    }
    let head = head.split('\n').next().unwrap_or_default();
    let head = head.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '-'));
    head.split_once([':', '\u{2014}', '\u{2013}']).is_some_and(|(label, _)| {
        let label = label.trim().trim_end_matches(['*', '_']).to_lowercase();
        matches!(label.as_str(), "claim" | "the claim" | "what was claimed" | "claimed" | "the statement")
    })
}

/// Does the sentence hold a pronoun or a role noun that may stand for an earlier person? Each
/// is a whole run of letters.
fn leans_on_antecedent(quote: &str) -> bool {
    static CUES: std::sync::OnceLock<crate::normalize::GateWords> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| {
        const WORDS: [&str; 19] = ["he", "she", "him", "his", "her", "whom", "general", "minister", "former", "ex", "kingpin", "lord", "capo", "trafficker", "secretary", "official", "suspect", "defendant", "fugitive"];
        crate::normalize::GateWords::new(WORDS.map(String::from))
    });
    crate::normalize::holds_word(quote, cues)
}

#[cfg(test)]
mod tests {
    use super::leans_on_antecedent;

    #[test]
    fn pronouns_and_role_nouns_lean_on_an_antecedent_as_whole_words() {
        for quote in ["He was arrested.", "Police held HIS brother", "The ex-president spoke", "a former general", "Zambada \u{2014} whom prosecutors named", "Éhe said", "he2 left", "(Her)"] {
            assert!(leans_on_antecedent(quote), "{quote}");
        }
        for quote in ["The heist failed.", "Sheriff's deputies", "Others wrote", "Officials executed the plan", "Zambada was arrested", "hers", "ahead", "the exports"] {
            assert!(!leans_on_antecedent(quote), "{quote}");
        }
    }
}
