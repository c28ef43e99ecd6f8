//! Scan: any text in, every mention the grammar reads out (numbers, ranges, percentages,
//! money, dates and periods), with byte spans and the values the report would use.

use serde_json::json;

use crate::normalize::{dates::find_dates, numbers::find_quantities, DateValue, Value};
use crate::source::PartialDate;

#[derive(Clone, Debug)]
pub struct ScanMention {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Value,
}

impl ScanMention {
    pub fn to_json(&self) -> serde_json::Value {
        json!({"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "value": self.value.to_json()})
    }
}

/// Every mention in `text`; URLs and bracketed references are not read.
pub fn scan(original: &str, published: Option<PartialDate>) -> Vec<ScanMention> {
    let text = &crate::normalize::readable(original, false);
    let dates = find_dates(text, published);
    let mut out: Vec<ScanMention> = dates
        .iter()
        .map(|d| ScanMention {
            kind: if matches!(d.value, DateValue::Span(..)) { "daterange" } else { "date" },
            start: d.start,
            end: d.end,
            text: original[d.start..d.end].to_string(),
            value: Value::Date(d.value),
        })
        .collect();
    // Numbers inside dates (the day, the year) are read as numbers too.
    for q in find_quantities(text) {
        let kind = match q.kind {
            crate::normalize::QuantityKind::Number => "number",
            crate::normalize::QuantityKind::Range => "range",
            crate::normalize::QuantityKind::Percent => "percent",
            crate::normalize::QuantityKind::Money => "money",
            crate::normalize::QuantityKind::Rate => "rate",
        };
        out.push(ScanMention { kind, start: q.start, end: q.end, text: original[q.start..q.end].to_string(), value: Value::Quantity(q.value) });
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}
