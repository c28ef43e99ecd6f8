//! Extract: a source (metadata and text) in, a claim sheet out: the statements worth
//! comparing, each a verbatim quote with its byte span in the file as stored.
//!
//! A sentence is kept when normalizing it yields a claim: it mentions something the lexicon
//! knows together with a value. A sentence that leans on a pronoun ("He was returned…")
//! carries its antecedent as `context`, so the sheet normalizes the same way on its own.

pub mod sentences;

use serde::{Deserialize, Serialize};

use crate::lexicon::{EntityKind, Lexicon, Target};
use crate::normalize::{normalize, StatementInput};
use crate::source::{Source, SourceMeta};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSheet {
    pub source: SourceMeta,
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
    /// The earlier sentence a pronoun in the quote refers back to.
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
    let text = &source.text;
    let sentences = sentences::split(text);
    // For each body sentence: does it name a person, and is one the patient of an event?
    let persons: Vec<(bool, bool)> = sentences
        .iter()
        .map(|s| {
            if s.note {
                return (false, false);
            }
            let quote = &text[s.start..s.end];
            let named = lexicon.mentions(quote).iter().any(|m| matches!(m.target, Target::Entity(i) if lexicon.entities[i].kind == EntityKind::Person));
            let input = StatementInput { quote, note: false, published: source.meta.published, context: None };
            let patient = named && normalize(&input, lexicon).iter().any(|c| c.key.params.contains_key("person") && lexicon.events.iter().any(|e| c.key.subject == e.id));
            (named, patient)
        })
        .collect();
    let mut statements = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let quote = &text[sentence.start..sentence.end];
        // The antecedent: the nearest earlier body sentence where something happened to a person,
        // else the nearest that names one.
        let window: Vec<usize> = (index.saturating_sub(ANTECEDENT_REACH * 3)..index).rev().filter(|&j| !sentences[j].note).take(ANTECEDENT_REACH).collect();
        let antecedent = window
            .iter()
            .find(|&&j| persons[j].1)
            .or_else(|| window.iter().find(|&&j| persons[j].0))
            .map(|&j| j)
            .map(|j| Context { text: text[sentences[j].start..sentences[j].end].to_string(), start: sentences[j].start, end: sentences[j].end });
        let input = StatementInput { quote, note: sentence.note, published: source.meta.published, context: antecedent.as_ref().map(|c| c.text.as_str()) };
        let claims = normalize(&input, lexicon);
        if claims.is_empty() {
            continue;
        }
        let without_context = StatementInput { context: None, ..input };
        let needs_context = antecedent.is_some() && normalize(&without_context, lexicon) != claims;
        statements.push(Statement {
            quote: quote.to_string(),
            start: sentence.start,
            end: sentence.end,
            note: sentence.note,
            context: if needs_context { antecedent } else { None },
        });
    }
    ClaimSheet { source: source.meta.clone(), statements }
}
