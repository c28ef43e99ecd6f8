//! Numbers, hedges and units: a sentence in, quantity mentions out, each an interval.
//!
//! Topic-free English grammar. Figures in digits ("2,500", "1.5bn", "$16.7 billion") or words
//! ("Seventy-one", "one hundred and nine", "half a dozen"), with units (percent, US dollars,
//! "per 100,000"), denominators ("109 of the 122") and ranges ("between 20 and 30",
//! "20 to 30", "20–30"). A hedge turns the figure as written (`point`) into an interval:
//!
//! | hedge (examples)                                   | interval for figure p |
//! |----------------------------------------------------|-----------------------|
//! | none                                               | [p, p]                |
//! | nearly, almost, close to, just under               | [0.9p, p)             |
//! | about, around, roughly, approximately, some        | [0.9p, 1.1p]          |
//! | more than, over, above, exceeded, passed           | (p, ∞)                |
//! | at least, no fewer than, a minimum of              | [p, ∞)                |
//! | fewer than, less than, under, below                | [0, p)                |
//! | up to, as much as, as many as, at most             | [0, p]                |
//! | between a and b, from a to b, a to b, a–b          | [a, b]                |
//! | the majority of, most of                           | (50, 100] percent     |
//! | billions (of dollars), millions, thousands         | [10^k, 10^(k+3))      |
//!
//! Bare four-digit figures from 1800 to 2100 are years, left to the date grammar.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Count,
    Percent,
    Usd,
    /// A rate per some population ("29 per 100,000").
    Rate,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Usd => "usd",
            Unit::Rate => "rate",
        }
    }
}

/// An interval of values with a unit. `None` ends are unbounded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub lo_open: bool,
    pub hi_open: bool,
    pub unit: Unit,
    /// The figure as written, when a hedge or range made the interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point: Option<f64>,
    /// The hedge as written ("nearly", "more than").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// The denominator of "X of Y".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<f64>,
    /// The population of a rate ("per 100,000").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<f64>,
}

impl Quantity {
    pub fn exact(value: f64, unit: Unit) -> Quantity {
        Quantity { lo: Some(value), hi: Some(value), lo_open: false, hi_open: false, unit, point: None, hedge: None, of: None, per: None }
    }

    /// Do the two intervals share at least one value?
    pub fn overlaps(&self, other: &Quantity) -> bool {
        fn below(hi: Option<f64>, hi_open: bool, lo: Option<f64>, lo_open: bool) -> bool {
            match (hi, lo) {
                (Some(h), Some(l)) => h < l || (h == l && (hi_open || lo_open)),
                _ => false,
            }
        }
        self.unit == other.unit
            && self.per == other.per
            && !below(self.hi, self.hi_open, other.lo, other.lo_open)
            && !below(other.hi, other.hi_open, self.lo, self.lo_open)
    }

    /// Is the interval a single value?
    pub fn is_exact(&self) -> bool {
        self.lo.is_some() && self.lo == self.hi
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Number,
    Range,
    Percent,
    Money,
    Rate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMention {
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    pub value: Quantity,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Word(String),
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token {
    start: usize,
    end: usize,
    tok: Tok,
    /// No space between this token and the previous one.
    glued: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        let tok = if c.is_ascii_digit() {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            while j + 3 < bytes.len() + 0 && bytes[j] == b',' && bytes[j + 1..j + 4].iter().all(u8::is_ascii_digit) && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit) {
                j += 4;
            }
            if j + 1 < bytes.len() && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
            }
            i = j;
            Tok::Num(text[start..j].replace(',', "").parse().unwrap_or(0.0))
        } else if c.is_alphabetic() {
            let mut j = i;
            for (k, ch) in text[i..].char_indices() {
                let next_is_alpha = text[i + k + ch.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
                if ch.is_alphabetic() || ((ch == '\'' || ch == '\u{2019}') && next_is_alpha && k > 0) {
                    j = i + k + ch.len_utf8();
                } else {
                    break;
                }
            }
            i = j;
            Tok::Word(text[start..j].to_lowercase().replace('\u{2019}', "'"))
        } else {
            i += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            Tok::Sym(match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                c => c,
            })
        };
        out.push(Token { start, end: i, tok, glued: last_end == start });
        last_end = i;
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hedge {
    Nearly,
    About,
    Above,
    AtLeast,
    Below,
    AtMost,
    Between,
    From,
}

const HEDGES: &[(&str, Hedge)] = &[
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("just shy of", Hedge::Nearly),
    ("not quite", Hedge::Nearly),
    ("approaching", Hedge::Nearly),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("approx", Hedge::About),
    ("some", Hedge::About),
    ("an estimated", Hedge::About),
    ("estimated", Hedge::About),
    ("circa", Hedge::About),
    ("~", Hedge::About),
    ("more than", Hedge::Above),
    ("just over", Hedge::Above),
    ("over", Hedge::Above),
    ("above", Hedge::Above),
    ("exceeded", Hedge::Above),
    ("exceeding", Hedge::Above),
    ("exceeds", Hedge::Above),
    ("exceed", Hedge::Above),
    ("passed", Hedge::Above),
    ("surpassed", Hedge::Above),
    ("upwards of", Hedge::Above),
    ("in excess of", Hedge::Above),
    ("greater than", Hedge::Above),
    ("higher than", Hedge::Above),
    ("north of", Hedge::Above),
    ("at least", Hedge::AtLeast),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("a minimum of", Hedge::AtLeast),
    ("fewer than", Hedge::Below),
    ("less than", Hedge::Below),
    ("under", Hedge::Below),
    ("below", Hedge::Below),
    ("lower than", Hedge::Below),
    ("up to", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as high as", Hedge::AtMost),
    ("at most", Hedge::AtMost),
    ("no more than", Hedge::AtMost),
    ("not more than", Hedge::AtMost),
    ("a maximum of", Hedge::AtMost),
    ("between", Hedge::Between),
    ("from", Hedge::From),
];

fn word_at(toks: &[Token], i: usize) -> Option<&str> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn sym_at(toks: &[Token], i: usize) -> Option<char> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Sym(c)) => Some(*c),
        _ => None,
    }
}

/// The longest hedge starting at token `i`: its kind, its text and how many tokens it spans.
fn hedge_at(toks: &[Token], i: usize) -> Option<(Hedge, usize)> {
    let mut best: Option<(Hedge, usize)> = None;
    for (phrase, hedge) in HEDGES {
        let words: Vec<&str> = phrase.split(' ').collect();
        let fits = words.iter().enumerate().all(|(k, w)| match &toks.get(i + k).map(|t| &t.tok) {
            Some(Tok::Word(x)) => x == w,
            Some(Tok::Sym(c)) => w.len() == 1 && w.starts_with(*c),
            _ => false,
        });
        if fits && best.is_none_or(|(_, n)| words.len() > n) {
            best = Some((*hedge, words.len()));
        }
    }
    best
}

#[derive(Clone, Copy, PartialEq)]
enum NumWord {
    Small(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
}

fn number_word(w: &str) -> Option<NumWord> {
    const SMALL: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(v) = SMALL.iter().position(|s| *s == w) {
        return Some(NumWord::Small(v as f64));
    }
    if let Some(v) = TENS.iter().position(|s| *s == w) {
        return Some(NumWord::Tens(20.0 + 10.0 * v as f64));
    }
    Some(match w {
        "hundred" => NumWord::Hundred,
        "thousand" => NumWord::Scale(1e3),
        "million" => NumWord::Scale(1e6),
        "billion" => NumWord::Scale(1e9),
        "trillion" => NumWord::Scale(1e12),
        "dozen" => NumWord::Dozen,
        _ => return None,
    })
}

fn digit_scale(w: &str, money: bool) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "k" if money => Some(1e3),
        "m" if money => Some(1e6),
        "b" if money => Some(1e9),
        _ => None,
    }
}

/// A figure at token `i`: value, the index after it, and whether it was written in words.
fn figure_at(toks: &[Token], i: usize, money: bool) -> Option<(f64, usize, bool)> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Num(v)) => {
            let mut value = *v;
            let mut j = i + 1;
            if let Some(scale) = word_at(toks, j).and_then(|w| digit_scale(w, money)) {
                value *= scale;
                j += 1;
                // "1.2 million million" does not happen; "2 thousand million" is rare: stop at one.
            }
            Some((value, j, false))
        }
        Some(Tok::Word(w)) if w == "half" && word_at(toks, i + 1) == Some("a") && word_at(toks, i + 2) == Some("dozen") => {
            Some((6.0, i + 3, true))
        }
        Some(Tok::Word(_)) => words_at(toks, i).map(|(v, j)| (v, j, true)),
        _ => None,
    }
}

fn words_at(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut j = i;
    let mut last = None;
    loop {
        let Some(w) = word_at(toks, j) else {
            // A hyphen between tens and a unit: "seventy-one".
            if sym_at(toks, j) == Some('-') && matches!(last, Some(NumWord::Tens(_))) {
                if let Some(NumWord::Small(v)) = word_at(toks, j + 1).and_then(number_word) {
                    if v < 10.0 && toks[j].glued && toks[j + 1].glued {
                        current += v;
                        last = Some(NumWord::Small(v));
                        j += 2;
                        continue;
                    }
                }
            }
            break;
        };
        if w == "a" && !any && matches!(word_at(toks, j + 1).and_then(number_word), Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)) {
            current = 1.0;
            j += 1;
            continue;
        }
        if w == "and" && any && matches!(word_at(toks, j + 1).and_then(number_word), Some(NumWord::Small(_) | NumWord::Tens(_))) && matches!(last, Some(NumWord::Hundred | NumWord::Scale(_))) {
            j += 1;
            continue;
        }
        let Some(nw) = number_word(w) else { break };
        match nw {
            NumWord::Small(v) | NumWord::Tens(v) => {
                if matches!(last, Some(NumWord::Small(_))) || matches!((last, nw), (Some(NumWord::Tens(_)), NumWord::Tens(_))) {
                    break;
                }
                current += v;
            }
            NumWord::Hundred => current = if current == 0.0 { 100.0 } else { current * 100.0 },
            NumWord::Scale(s) => {
                total += if current == 0.0 { s } else { current * s };
                current = 0.0;
            }
            NumWord::Dozen => current = if current == 0.0 { 12.0 } else { current * 12.0 },
        }
        any = true;
        last = Some(nw);
        j += 1;
    }
    if !any {
        return None;
    }
    Some((total + current, j))
}

fn is_year(value: f64) -> bool {
    value.fract() == 0.0 && (1800.0..=2100.0).contains(&value)
}

/// Every quantity in `text`, in text order, not overlapping.
pub fn find_quantities(text: &str) -> Vec<QuantityMention> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_at(text, &toks, i) {
            Some((m, next)) => {
                out.push(m);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn parse_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMention, usize)> {
    let start_tok = i;
    let mut j = i;
    let mut hedge = None;
    let mut hedge_text = None;
    if let Some((h, n)) = hedge_at(toks, j) {
        hedge = Some(h);
        hedge_text = Some(text[toks[j].start..toks[j + n - 1].end].to_string());
        j += n;
    }
    // Shares without a figure: "the majority of", "most of", "half of".
    if let Some((q, next)) = share_at(toks, j, hedge) {
        let value = Quantity { hedge: hedge_text.or_else(|| Some(text[toks[j].start..toks[next - 1].end].to_string())), ..q };
        return Some((QuantityMention { start: toks[start_tok].start, end: toks[next - 1].end, kind: QuantityKind::Percent, value }, next));
    }
    // Magnitudes without a figure: "billions of dollars", "thousands of".
    if let Some((q, next)) = magnitude_at(text, toks, j) {
        let kind = if q.unit == Unit::Usd { QuantityKind::Money } else { QuantityKind::Number };
        return Some((QuantityMention { start: toks[start_tok].start, end: toks[next - 1].end, kind, value: q }, next));
    }
    let mut money = false;
    if sym_at(toks, j) == Some('$') {
        money = true;
        j += 1;
    } else if word_at(toks, j).is_some_and(|w| w == "us" || w == "usd") && sym_at(toks, j + 1) == Some('$') {
        money = true;
        j += 2;
    } else if word_at(toks, j) == Some("usd") {
        money = true;
        j += 1;
    }
    let fig_tok = j;
    let (value, mut j, in_words) = figure_at(toks, j, money)?;
    let first = &toks[fig_tok];
    // Figures glued to words ("G20", "F-16", "1st") are names or ordinals, not quantities.
    if first.glued && fig_tok > 0 && matches!(toks[fig_tok - 1].tok, Tok::Word(_) | Tok::Sym('-')) && !money {
        return None;
    }
    if !in_words && word_at(toks, fig_tok + 1).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) && toks[fig_tok + 1].glued {
        return None;
    }
    // "seven in ten", "one in four": a share.
    if !money && word_at(toks, j) == Some("in") {
        if let Some((whole, after, _)) = figure_at(toks, j + 1, false) {
            if whole > value && (2.0..=1000.0).contains(&whole) && !is_year(whole) && value > 0.0 {
                let share = round(value / whole * 100.0);
                let q = Quantity::exact(share, Unit::Percent);
                return finish(text, toks, start_tok, after, q, QuantityKind::Percent, hedge, hedge_text);
            }
        }
    }
    if in_words && value == 1.0 && hedge.is_none() && !money {
        return None;
    }
    let mut unit = if money { Unit::Usd } else { Unit::Count };
    let mut per = None;
    match (word_at(toks, j), sym_at(toks, j)) {
        (_, Some('%')) => {
            unit = Unit::Percent;
            j += 1;
        }
        (Some("percent" | "pct"), _) => {
            unit = Unit::Percent;
            j += 1;
        }
        (Some("per"), _) if word_at(toks, j + 1) == Some("cent") => {
            unit = Unit::Percent;
            j += 2;
        }
        (Some("percentage"), _) if word_at(toks, j + 1).is_some_and(|w| w.starts_with("point")) => {
            unit = Unit::Percent;
            j += 2;
        }
        (Some("dollars" | "usd"), _) if !money => {
            unit = Unit::Usd;
            j += 1;
        }
        (Some("per"), _) => {
            if let Some((p, after, _)) = figure_at(toks, j + 1, false) {
                unit = Unit::Rate;
                per = Some(p);
                j = after;
            }
        }
        _ => {}
    }
    if unit == Unit::Count && !money && !in_words && hedge.is_none() && is_year(value) && j == fig_tok + 1 {
        return None;
    }
    let mut q = Quantity::exact(value, unit);
    q.per = per;
    let mut kind = match unit {
        Unit::Percent => QuantityKind::Percent,
        Unit::Usd => QuantityKind::Money,
        Unit::Rate => QuantityKind::Rate,
        Unit::Count => QuantityKind::Number,
    };
    // A second figure: "between 20 and 30", "from 20 to 30", "20 to 30", "20-30".
    let joiner = match (hedge, word_at(toks, j), sym_at(toks, j)) {
        (Some(Hedge::Between), Some("and"), _) => true,
        (Some(Hedge::From) | None, Some("to"), _) => true,
        (Some(Hedge::From) | None, _, Some('-')) => true,
        _ => false,
    };
    if joiner {
        let mut k = j + 1;
        if unit == Unit::Usd && sym_at(toks, k) == Some('$') {
            k += 1;
        }
        if let Some((mut upper, after, _)) = figure_at(toks, k, money) {
            let mut after = after;
            let upper_unit = match (word_at(toks, after), sym_at(toks, after)) {
                (_, Some('%')) | (Some("percent"), _) => {
                    after += 1;
                    Unit::Percent
                }
                _ => unit,
            };
            // "2 to 3 million": the scale written once applies to both ends.
            if upper > value && value < 1000.0 && upper >= 1000.0 && !is_year(upper) {
                let scale = (upper / toks_figure(toks, k)).max(1.0);
                q.lo = Some(value * scale);
            }
            if upper_unit == Unit::Percent {
                unit = Unit::Percent;
                q.unit = unit;
                kind = QuantityKind::Percent;
            }
            let lower = q.lo.unwrap_or(value);
            if upper == lower && upper_unit == unit {
                upper = lower;
            }
            if upper >= lower && !(is_year(lower) && is_year(upper) && unit == Unit::Count) {
                q.lo = Some(lower);
                q.hi = Some(upper);
                q.point = None;
                q.hedge = hedge_text.clone();
                let end = toks[after - 1].end;
                let kind = if kind == QuantityKind::Number { QuantityKind::Range } else { kind };
                return Some((QuantityMention { start: toks[start_tok].start, end, kind, value: q }, after));
            }
        }
    }
    if matches!(hedge, Some(Hedge::Between | Hedge::From)) {
        // "from 70 in 2010" is not a range: the word was not a hedge.
        hedge = None;
        hedge_text = None;
        return finish(text, toks, fig_tok, j, q, kind, hedge, hedge_text);
    }
    finish(text, toks, start_tok, j, q, kind, hedge, hedge_text)
}

fn toks_figure(toks: &[Token], k: usize) -> f64 {
    match toks.get(k).map(|t| &t.tok) {
        Some(Tok::Num(v)) => *v,
        _ => 1.0,
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    text: &str,
    toks: &[Token],
    start_tok: usize,
    mut j: usize,
    mut q: Quantity,
    kind: QuantityKind,
    hedge: Option<Hedge>,
    hedge_text: Option<String>,
) -> Option<(QuantityMention, usize)> {
    let _ = text;
    let p = q.lo.unwrap_or(0.0);
    // "X of (the) Y" and "X out of (the) Y": a count with a denominator.
    if q.unit == Unit::Count {
        let mut k = j;
        if word_at(toks, k) == Some("out") {
            k += 1;
        }
        if word_at(toks, k) == Some("of") {
            k += 1;
            if word_at(toks, k) == Some("the") {
                k += 1;
            }
            if let Some((denominator, after, _)) = figure_at(toks, k, false) {
                if denominator >= p && !is_year(denominator) {
                    q.of = Some(denominator);
                    j = after;
                }
            }
        }
    }
    // "or so" and "or more" after the figure hedge it too.
    let mut hedge = hedge;
    let mut hedge_text = hedge_text;
    if word_at(toks, j) == Some("or") {
        match word_at(toks, j + 1) {
            Some("so") if hedge.is_none() => {
                hedge = Some(Hedge::About);
                hedge_text = Some("or so".into());
                j += 2;
            }
            Some("more") if hedge.is_none() => {
                hedge = Some(Hedge::AtLeast);
                hedge_text = Some("or more".into());
                j += 2;
            }
            _ => {}
        }
    }
    if let Some(h) = hedge {
        apply_hedge(&mut q, h, p);
        q.hedge = hedge_text;
    }
    Some((QuantityMention { start: toks[start_tok].start, end: toks[j - 1].end, kind, value: q }, j))
}

fn apply_hedge(q: &mut Quantity, hedge: Hedge, p: f64) {
    let floor = Some(0.0);
    let (lo, hi, lo_open, hi_open) = match hedge {
        Hedge::Nearly => (Some(p * 0.9), Some(p), false, true),
        Hedge::About => (Some(p * 0.9), Some(p * 1.1), false, false),
        Hedge::Above => (Some(p), None, true, false),
        Hedge::AtLeast => (Some(p), None, false, false),
        Hedge::Below => (floor, Some(p), false, true),
        Hedge::AtMost => (floor, Some(p), false, false),
        Hedge::Between | Hedge::From => (Some(p), Some(p), false, false),
    };
    q.lo = lo.map(round);
    q.hi = hi.map(round);
    q.lo_open = lo_open;
    q.hi_open = hi_open;
    q.point = Some(p);
}

/// Rounds away binary noise (0.9 × 200000 = 180000.00000000003).
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn share_at(toks: &[Token], i: usize, hedge: Option<Hedge>) -> Option<(Quantity, usize)> {
    let w0 = word_at(toks, i)?;
    let (value, n) = match (w0, word_at(toks, i + 1), word_at(toks, i + 2)) {
        ("the" | "a", Some("majority"), Some("of")) => (None, 3),
        ("majority", Some("of"), _) => (None, 2),
        ("most", Some("of"), _) => (None, 2),
        ("half", Some("of"), _) => (Some(50.0), 2),
        ("half", _, _) if hedge.is_some() => (Some(50.0), 1),
        ("a", Some("third"), Some("of")) | ("one", Some("third"), Some("of")) => (Some(100.0 / 3.0), 3),
        ("a", Some("quarter"), Some("of")) | ("one", Some("quarter"), Some("of")) => (Some(25.0), 3),
        ("two", Some("thirds"), Some("of")) => (Some(200.0 / 3.0), 3),
        ("three", Some("quarters"), Some("of")) => (Some(75.0), 3),
        _ => return None,
    };
    let mut q = match value {
        None => Quantity { lo: Some(50.0), hi: Some(100.0), lo_open: true, hi_open: false, ..Quantity::exact(0.0, Unit::Percent) },
        Some(v) => Quantity::exact(round(v), Unit::Percent),
    };
    if let (Some(h), Some(v)) = (hedge, value) {
        apply_hedge(&mut q, h, round(v));
    }
    Some((q, i + n))
}

fn magnitude_at(text: &str, toks: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let w = word_at(toks, i)?;
    let scale = match w {
        "dozens" => 12.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    };
    if word_at(toks, i + 1) != Some("of") {
        return None;
    }
    let mut j = i + 2;
    let mut lo = scale * 2.0;
    // "hundreds of thousands of": the scales multiply.
    if let Some(next) = word_at(toks, j).and_then(|w| match w {
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }) {
        if word_at(toks, j + 1) == Some("of") {
            lo *= next;
            j += 2;
        }
    }
    let _ = lo;
    let lo = if scale >= 1e3 { scale } else { scale * 2.0 };
    let hi = if scale == 12.0 { 100.0 } else { scale * 1000.0 };
    let mut unit = Unit::Count;
    if word_at(toks, j) == Some("dollars") {
        unit = Unit::Usd;
        j += 1;
    }
    if unit == Unit::Count {
        // Without a unit, "thousands of" still counts; end the mention at "of".
        j = i + 2;
        let _ = text;
    }
    let q = Quantity { lo: Some(lo), hi: Some(hi), lo_open: false, hi_open: true, unit, point: None, hedge: Some(w.to_string()), of: None, per: None };
    Some((q, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let found = find_quantities(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap().value
    }

    fn bounds(text: &str) -> (Option<f64>, Option<f64>, bool, bool, Unit) {
        let q = one(text);
        (q.lo, q.hi, q.lo_open, q.hi_open, q.unit)
    }

    #[test]
    fn every_hedge_in_the_table() {
        use Unit::*;
        assert_eq!(bounds("nearly 200,000 homicides"), (Some(180000.0), Some(200000.0), false, true, Count));
        assert_eq!(bounds("almost 50 people"), (Some(45.0), Some(50.0), false, true, Count));
        assert_eq!(bounds("close to 200 thousand"), (Some(180000.0), Some(200000.0), false, true, Count));
        assert_eq!(bounds("about 120,000 people"), (Some(108000.0), Some(132000.0), false, false, Count));
        assert_eq!(bounds("approximately 644 labs"), (Some(579.6), Some(708.4), false, false, Count));
        assert_eq!(bounds("roughly $17 billion"), (Some(15.3e9), Some(18.7e9), false, false, Usd));
        assert_eq!(bounds("some 2.5 million guns"), (Some(2.25e6), Some(2.75e6), false, false, Count));
        assert_eq!(bounds("more than 25 percent"), (Some(25.0), None, true, false, Percent));
        assert_eq!(bounds("over $1.5 billion"), (Some(1.5e9), None, true, false, Usd));
        assert_eq!(bounds("exceeded 34.7%"), (Some(34.7), None, true, false, Percent));
        assert_eq!(bounds("at least 12 agents"), (Some(12.0), None, false, false, Count));
        assert_eq!(bounds("fewer than 70 groups"), (Some(0.0), Some(70.0), false, true, Count));
        assert_eq!(bounds("less than $1 billion"), (Some(0.0), Some(1e9), false, true, Usd));
        assert_eq!(bounds("as much as 40 percent"), (Some(0.0), Some(40.0), false, false, Percent));
        assert_eq!(bounds("up to 300 troops"), (Some(0.0), Some(300.0), false, false, Count));
        assert_eq!(bounds("between 20 and 30 deaths"), (Some(20.0), Some(30.0), false, false, Count));
        assert_eq!(bounds("from 20 to 30"), (Some(20.0), Some(30.0), false, false, Count));
        assert_eq!(bounds("20\u{2013}30 percent"), (Some(20.0), Some(30.0), false, false, Percent));
        assert_eq!(bounds("2 to 3 million"), (Some(2e6), Some(3e6), false, false, Count));
        assert_eq!(bounds("the majority of the weapons"), (Some(50.0), Some(100.0), true, false, Percent));
        assert_eq!(bounds("fewer than half of the guns"), (Some(0.0), Some(50.0), false, true, Percent));
        assert_eq!(bounds("billions of dollars"), (Some(1e9), Some(1e12), false, true, Usd));
        assert_eq!(bounds("5,000 or so"), (Some(4500.0), Some(5500.0), false, false, Count));
    }

    #[test]
    fn hedged_figures_keep_the_point_as_written() {
        let q = one("nearly 200,000");
        assert_eq!((q.point, q.hedge.as_deref()), (Some(200000.0), Some("nearly")));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(one("Seventy-one members").lo, Some(71.0));
        assert_eq!(one("one hundred thousand").lo, Some(100000.0));
        assert_eq!(one("half a dozen").lo, Some(6.0));
        assert_eq!(one("a dozen raids").lo, Some(12.0));
        assert_eq!(one("two hundred thousand people").lo, Some(200000.0));
        assert_eq!(one("over one hundred thousand deaths").lo, Some(100000.0));
        assert_eq!(one("six cartels").lo, Some(6.0));
    }

    #[test]
    fn scales_and_money() {
        assert_eq!(one("1.5bn").lo, Some(1.5e9));
        assert_eq!(one("$16.7 billion").lo, Some(16.7e9));
        assert_eq!(one("$5 million bounty").lo, Some(5e6));
        assert_eq!(one("$5m bounty").lo, Some(5e6));
        assert_eq!(one("2.5 million guns").lo, Some(2.5e6));
        assert_eq!(one("370 thousand troops").lo, Some(370000.0));
        assert_eq!(one("500 dollars").unit, Unit::Usd);
    }

    #[test]
    fn x_of_y_is_a_count_with_a_denominator() {
        let q = one("109 of the 122 traffickers");
        assert_eq!((q.lo, q.hi, q.of), (Some(109.0), Some(109.0), Some(122.0)));
        assert_eq!(one("one hundred and nine of the 122").of, Some(122.0));
        assert_eq!(one("109 out of the 122").lo, Some(109.0));
    }

    #[test]
    fn x_in_y_is_a_share() {
        assert_eq!(bounds("seven in ten guns"), (Some(70.0), Some(70.0), false, false, Unit::Percent));
        assert_eq!(bounds("roughly one in four"), (Some(22.5), Some(27.5), false, false, Unit::Percent));
        assert_eq!(one("seven in 2020").unit, Unit::Count);
    }

    #[test]
    fn rates_carry_their_population() {
        let q = one("about 29 per 100,000 residents");
        assert_eq!((q.unit, q.per, q.point), (Unit::Rate, Some(100000.0), Some(29.0)));
    }

    #[test]
    fn years_ordinals_and_names_are_not_quantities() {
        assert!(find_quantities("in 2020 and 2021").is_empty());
        assert!(find_quantities("the 1st of May, a G20 summit, F-16 jets").is_empty());
        assert!(find_quantities("one of the sons").is_empty());
        assert_eq!(find_quantities("from fewer than 70 in 2010 to more than 200 in 2020").len(), 2);
    }
}
