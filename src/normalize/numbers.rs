//! Numbers, hedges, units and ranges: a text in, quantity mentions out, each an interval.
//!
//! A topic-free English grammar. Figures in digits ("2,500", "1 234 567", "12,34,567.89",
//! ".25", "1.3e6", "1.3x10^6", "3/4", "2 1/2", "½") or words ("Seventy-one", "one hundred and
//! nine", "two thirds", "five and a half million", "nine point nought four", "half a dozen"),
//! with scales ("10k", "1.5bn", "3 lakh", "2mil"), signs ("-5", "minus five"), units
//! (percent, money in any currency, "per 100,000"), denominators ("109 of the 122") and shares
//! ("seven in ten", "the majority of"). A hedge or a comparison turns the figure as written
//! (`point`) into an interval:
//!
//! | words (examples)                                            | interval for figure p       |
//! |-------------------------------------------------------------|-----------------------------|
//! | none                                                        | [p, p]                      |
//! | nearly, almost, close to, just under                        | [0.9p, p)                   |
//! | about, around, roughly, approximately, some, ~              | [0.9p, 1.1p]                |
//! | more than, over, above, exceeded, greater than, > , p+      | (p, ∞)                      |
//! | at least, no fewer than, or more, or greater, -plus, >=     | [p, ∞)                      |
//! | fewer than, less than, under, below, <                      | (-∞, p)                     |
//! | up to, as much as, at most, no more than, or less, <=       | (-∞, p]                     |
//! | between a and b, from a to b, a to b, a–b, a~b, a through b  | [a, b] (closed: see below)  |
//! | more than a and less than b (any two opposite bounds)       | (a, b)                      |
//! | the majority of, most of                                    | (0.5, 1] as a ratio         |
//! | billions (of dollars), millions, thousands                  | [10^k, 10^(k+3))            |
//! | hundreds; dozens                                            | [200, 1000); [24, 100)      |
//! | tens of thousands (of millions, of billions)                | [10s, 100s) for the scale s |
//! | hundreds of thousands (of millions, …)                      | [200s, 1000s)               |
//! | a few hundred (thousand, million, …), a few dozen           | [2s, 10s) for the scale s   |
//! | several hundred (thousand, million, …), several dozen       | [3s, 10s) for the scale s   |
//!
//! Deliberate readings that differ from other parsers' suites: "between 20 and 30", "20 to
//! 30" and "20~30" include 30 (Recognizers-Text reads [20, 30)); a range is an interval, not
//! its midpoint (quantulum3 reports 47 for "between 44 and 50"); "X out of Y" is a count X
//! with the denominator Y (the count is what sources dispute), not the ratio X/Y; "X in Y"
//! ("seven in ten") is the ratio.

use serde::Serialize;

/// What a quantity counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Count,
    Percent,
    /// A proportion from 0 to 1 ("half of", "seven in ten", "two thirds").
    Ratio,
    /// Money, by ISO 4217 code where there is one ("USD", "EUR"; "XBT" for bitcoin).
    Money(&'static str),
    /// A rate per some population ("29 per 100,000").
    Rate,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Ratio => "ratio",
            Unit::Money(code) => code,
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
    /// The figure as written, when a hedge or comparison made the interval.
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

    /// The same quantity with a ratio expressed in percent, so shares compare across forms.
    pub fn as_percent(&self) -> Quantity {
        if self.unit != Unit::Ratio {
            return self.clone();
        }
        let scale = |v: Option<f64>| v.map(|x| round(x * 100.0));
        Quantity { lo: scale(self.lo), hi: scale(self.hi), point: scale(self.point), unit: Unit::Percent, ..self.clone() }
    }

    /// The bounds and unit with a ratio read as a percentage, without copying the quantity.
    fn comparable(&self) -> (Option<f64>, Option<f64>, Unit) {
        match self.unit {
            Unit::Ratio => (self.lo.map(|v| v * 100.0), self.hi.map(|v| v * 100.0), Unit::Percent),
            unit => (self.lo, self.hi, unit),
        }
    }

    /// Do the two intervals share at least one value?
    pub fn overlaps(&self, other: &Quantity) -> bool {
        let ((alo, ahi, au), (blo, bhi, bu)) = (self.comparable(), other.comparable());
        fn below(hi: Option<f64>, hi_open: bool, lo: Option<f64>, lo_open: bool) -> bool {
            match (hi, lo) {
                (Some(h), Some(l)) => h < l || (h == l && (hi_open || lo_open)),
                _ => false,
            }
        }
        au == bu && self.per == other.per && !below(ahi, self.hi_open, blo, other.lo_open) && !below(bhi, other.hi_open, alo, self.lo_open)
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

/// Rounds away binary noise (0.9 × 200000 = 180000.00000000003): twelve significant digits.
fn round(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() || v.fract() == 0.0 && v.abs() < 9e15 {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    /// A figure in digits; `plain` when it is a bare run of digits (a year can only be plain).
    Num { value: f64, plain: bool },
    Word(std::borrow::Cow<'a, str>),
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token<'a> {
    start: usize,
    end: usize,
    tok: Tok<'a>,
    /// A word written in capitals ("M", "USD"): single capitals can be scales.
    upper: bool,
    /// No space between this token and the previous one.
    glued: bool,
}

fn digits_at(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The length of a grouped figure at `i` ("1,234,567", "12,34,567", "1 234 567", "1.234,5"),
/// and its value, or None.
fn grouped_at(text: &str, i: usize) -> Option<(usize, f64)> {
    let bytes = text.as_bytes();
    let lead = digits_at(bytes, i);
    // Groups separated by a comma, a space or a narrow/no-break space, then an optional decimal.
    let separators: [&str; 4] = [",", " ", "\u{a0}", "\u{202f}"];
    for sep in separators {
        let mut j = i + lead;
        let mut groups = Vec::new();
        while text[j..].starts_with(sep) {
            let k = j + sep.len();
            let n = digits_at(bytes, k);
            if n == 0 {
                break;
            }
            groups.push(n);
            j = k + n;
        }
        if groups.is_empty() {
            continue;
        }
        let western = lead <= 3 && groups.iter().all(|&n| n == 3);
        let indian = sep == "," && lead <= 2 && groups.len() >= 2 && groups[..groups.len() - 1].iter().all(|&n| n == 2) && groups[groups.len() - 1] == 3;
        if !(western || indian) {
            continue;
        }
        if sep != "," && bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let mut end = j;
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1 + digits_at(bytes, end + 1);
        }
        let clean: String = text[i..end].chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        return clean.parse().ok().map(|v| (end - i, v));
    }
    // European: "1.111,11".
    let mut j = i + lead;
    let mut groups = 0;
    while bytes.get(j) == Some(&b'.') && digits_at(bytes, j + 1) == 3 {
        j += 4;
        groups += 1;
    }
    if lead <= 3 && groups > 0 && bytes.get(j) == Some(&b',') && digits_at(bytes, j + 1) > 0 {
        let end = j + 1 + digits_at(bytes, j + 1);
        let clean: String = text[i..end].chars().filter(|c| *c != '.').collect::<String>().replace(',', ".");
        return clean.parse().ok().map(|v| (end - i, v));
    }
    None
}

fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '\u{bd}' => 1.0 / 2.0,
        '\u{2153}' => 1.0 / 3.0,
        '\u{2154}' => 2.0 / 3.0,
        '\u{bc}' => 1.0 / 4.0,
        '\u{be}' => 3.0 / 4.0,
        '\u{2155}' => 1.0 / 5.0,
        '\u{2156}' => 2.0 / 5.0,
        '\u{2157}' => 3.0 / 5.0,
        '\u{2158}' => 4.0 / 5.0,
        '\u{2159}' => 1.0 / 6.0,
        '\u{215a}' => 5.0 / 6.0,
        '\u{215b}' => 1.0 / 8.0,
        '\u{215c}' => 3.0 / 8.0,
        '\u{215d}' => 5.0 / 8.0,
        '\u{215e}' => 7.0 / 8.0,
        _ => return None,
    })
}

/// `lower` is `text` with ASCII lowercased: words are borrowed from it.
fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    // About one token in five or six bytes of prose: one allocation, not a doubling series.
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < text.len() {
        // Spaces, a sixth of any text, separate tokens and are nothing more.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        let prev_alnum = || i > 0 && text[..i].chars().next_back().is_some_and(|p| p.is_alphanumeric());
        let tok = if c.is_ascii_digit() || c == '.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && !prev_alnum() {
            // Dotted sequences ("192.168.1.2", "1.2.3") are several integers.
            let n = digits_at(bytes, i);
            let dotted = n > 0 && {
                let mut j = i + n;
                let mut dots = 0;
                while bytes.get(j) == Some(&b'.') && digits_at(bytes, j + 1) > 0 {
                    j += 1 + digits_at(bytes, j + 1);
                    dots += 1;
                }
                dots >= 2
            };
            if dotted {
                // Emit every part: "192", ".", "168", ".", "1", ".", "2".
                let mut k = i;
                loop {
                    let len = digits_at(bytes, k);
                    out.push(Token { start: k, end: k + len, tok: Tok::Num { value: text[k..k + len].parse().unwrap_or(0.0), plain: true }, upper: false, glued: last_end == k });
                    last_end = k + len;
                    k += len;
                    if bytes.get(k) == Some(&b'.') && digits_at(bytes, k + 1) > 0 {
                        out.push(Token { start: k, end: k + 1, tok: Tok::Sym('.'), upper: false, glued: true });
                        last_end = k + 1;
                        k += 1;
                    } else {
                        break;
                    }
                }
                i = k;
                continue;
            } else if let Some((len, value)) = (n > 0 && !prev_alnum()).then(|| grouped_at(text, i)).flatten() {
                i += len;
                Tok::Num { value, plain: false }
            } else {
                let mut j = i + n;
                let mut plain = true;
                if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    j += 1 + digits_at(bytes, j + 1);
                    plain = false;
                } else if bytes.get(j) == Some(&b',') && !(i >= 2 && bytes[i - 1] == b',' && bytes[i - 2].is_ascii_digit()) && (1..=2).contains(&digits_at(bytes, j + 1)) && !bytes.get(j + 1 + digits_at(bytes, j + 1)).is_some_and(|b| b.is_ascii_digit() || *b == b',') && n <= 3 {
                    // A decimal comma: "5,00", "1,3".
                    let k = j + 1 + digits_at(bytes, j + 1);
                    let value: f64 = format!("{}.{}", &text[i..j], &text[j + 1..k]).parse().unwrap_or(0.0);
                    i = k;
                    out.push(Token { start, end: i, tok: Tok::Num { value, plain: false }, upper: false, glued: last_end == start });
                    last_end = i;
                    continue;
                }
                // An exponent: "1e10", "12.32e+14", "-127.32e13".
                if matches!(bytes.get(j), Some(b'e' | b'E')) {
                    let sign = usize::from(matches!(bytes.get(j + 1), Some(b'+' | b'-')));
                    let exp = digits_at(bytes, j + 1 + sign);
                    if exp > 0 && !bytes.get(j + 1 + sign + exp).is_some_and(u8::is_ascii_alphabetic) {
                        j += 1 + sign + exp;
                        plain = false;
                    }
                }
                // Parsed as written: ".5" reads as 0.5 too.
                let value = text[i..j].parse().unwrap_or(0.0);
                i = j;
                Tok::Num { value, plain }
            }
        } else if let Some(v) = vulgar_fraction(c) {
            i += c.len_utf8();
            Tok::Num { value: v, plain: false }
        } else if c.is_alphabetic() {
            let j = super::word_end(text, i);
            i = j;
            Tok::Word(super::lower_word(&text[start..j], &lower[start..j]))
        } else {
            i += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            Tok::Sym(match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                '\u{ff04}' => '$',
                c => c,
            })
        };
        let upper = matches!(tok, Tok::Word(_)) && text[start..i].chars().all(char::is_uppercase);
        out.push(Token { start, end: i, tok, upper, glued: last_end == start });
        last_end = i;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

#[derive(Clone, Copy, Debug, PartialEq)]
enum Atom {
    Small(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    /// A denominator: "half" (2), "thirds" (3), "fifth" (5), "hundredths" (100).
    Ordinal(f64),
}

const SMALL_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS_WORDS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/// Denominators, by value ("second" is not read as one).
const ORDINAL_WORDS: &[&str] = &[
    "", "first", "", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
];
const TENS_ORDINAL_WORDS: &[&str] = &["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

fn atom(w: &str) -> Option<Atom> {
    if let Some(v) = SMALL_WORDS.iter().position(|s| *s == w) {
        return Some(Atom::Small(v as f64));
    }
    if matches!(w, "nought" | "naught") {
        return Some(Atom::Small(0.0));
    }
    if let Some(v) = TENS_WORDS.iter().position(|s| *s == w) {
        return Some(Atom::Tens(20.0 + 10.0 * v as f64));
    }
    let singular = w.strip_suffix('s').unwrap_or(w);
    if let Some(v) = ORDINAL_WORDS.iter().position(|s| !s.is_empty() && (*s == w || *s == singular)) {
        return Some(Atom::Ordinal(v as f64));
    }
    if let Some(v) = TENS_ORDINAL_WORDS.iter().position(|s| *s == w || *s == singular) {
        return Some(Atom::Ordinal(20.0 + 10.0 * v as f64));
    }
    Some(match w {
        "half" | "halves" => Atom::Ordinal(2.0),
        "quarter" | "quarters" => Atom::Ordinal(4.0),
        "hundredth" | "hundredths" => Atom::Ordinal(100.0),
        "thousandth" | "thousandths" => Atom::Ordinal(1e3),
        "millionth" | "millionths" => Atom::Ordinal(1e6),
        "billionth" | "billionths" => Atom::Ordinal(1e9),
        "trillionth" | "trillionths" => Atom::Ordinal(1e12),
        "hundred" | "hundreds" => Atom::Hundred,
        "thousand" | "thousands" => Atom::Scale(1e3),
        "million" | "millions" => Atom::Scale(1e6),
        "billion" | "billions" => Atom::Scale(1e9),
        "trillion" | "trillions" => Atom::Scale(1e12),
        "lakh" | "lakhs" | "lac" => Atom::Scale(1e5),
        "crore" | "crores" => Atom::Scale(1e7),
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Atom::Dozen,
        _ => return None,
    })
}

/// Scales written after a figure in digits: "10 thousand", "2.5 million", "1.5bn", "3 lakh".
fn digit_scale(w: &str, glued: bool, money: bool) -> Option<f64> {
    Some(match w {
        "hundred" | "hundreds" => 100.0,
        "thousand" => 1e3,
        "million" | "mn" | "mln" | "mil" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => 12.0,
        "k" => 1e3,
        "m" if money => 1e6,
        "b" if glued || money => 1e9,
        "t" if money => 1e12,
        _ => return None,
    })
}

/// Single capital letters that scale a figure glued to them: "10M", "10G", "$2.174T".
fn letter_scale(raw: &str) -> Option<f64> {
    match raw {
        "K" => Some(1e3),
        "M" | "MM" => Some(1e6),
        "G" | "B" => Some(1e9),
        "T" => Some(1e12),
        _ => None,
    }
}

/// Currency by symbol (before or after the figure), code, or name (after it).
fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '\u{a3}' => "GBP",
        '\u{20ac}' => "EUR",
        '\u{a5}' => "JPY",
        '\u{20b9}' => "INR",
        '\u{20bf}' => "XBT",
        '\u{20a1}' => "CRC",
        '\u{20be}' => "GEL",
        '\u{20ad}' => "LAK",
        '\u{20a9}' => "KRW",
        '\u{20bd}' => "RUB",
        '\u{20ba}' => "TRY",
        '\u{20aa}' => "ILS",
        '\u{20b1}' => "PHP",
        '\u{5143}' => "CNY",
        _ => return None,
    })
}

/// A currency code as a `&'static str`: the codes concord knows, and any other leaked once.
pub fn intern_code(code: &str) -> &'static str {
    static KNOWN: std::sync::Mutex<std::collections::BTreeSet<&'static str>> = std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut known = KNOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(k) = known.get(code) {
        return k;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    known.insert(leaked);
    leaked
}

/// "MUSD", "MEUR": a currency code in millions, as finance writes it.
fn million_code(w: &str) -> Option<&'static str> {
    w.strip_prefix('m').filter(|rest| rest.len() == 3).and_then(currency_code)
}

fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "inr" => "INR",
        "mxn" => "MXN",
        "cad" => "CAD",
        "aud" => "AUD",
        "chf" => "CHF",
        "sek" => "SEK",
        "btc" | "xbt" => "XBT",
        _ => return None,
    })
}

/// Currency names after a figure, and the share of the main unit one of them is worth.
fn currency_name(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "dollar" | "dollars" | "bucks" => ("USD", 1.0),
        "euro" | "euros" => ("EUR", 1.0),
        "pound" | "pounds" | "quid" => ("GBP", 1.0),
        "sterling" => ("GBP", 1.0),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" | "kuai" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "peso" | "pesos" => ("MXN", 1.0),
        "peseta" | "pesetas" => ("ESP", 1.0),
        "markka" | "markkaa" => ("FIM", 1.0),
        "\u{5143}" => ("CNY", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        "guilder" | "guilders" => ("NLG", 1.0),
        "mark" | "marks" | "deutschmark" | "deutschmarks" => ("DEM", 1.0),
        "lira" | "liras" | "lire" => ("TRY", 1.0),
        "ruble" | "rubles" | "rouble" | "roubles" => ("RUB", 1.0),
        "won" => ("KRW", 1.0),
        "rand" => ("ZAR", 1.0),
        "real" | "reais" => ("BRL", 1.0),
        "krona" | "kronor" | "krone" | "kroner" => ("SEK", 1.0),
        "dinar" | "dinars" => ("DIN", 1.0),
        "shekel" | "shekels" => ("ILS", 1.0),
        "baht" => ("THB", 1.0),
        "ringgit" => ("MYR", 1.0),
        "bitcoin" | "bitcoins" => ("XBT", 1.0),
        "satoshi" | "satoshis" => ("XBT", 1e-8),
        "cent" | "cents" => ("USD", 0.01),
        "pence" | "penny" | "pennies" => ("GBP", 0.01),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Hedges and comparisons

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    /// [0.9p, p)
    Nearly,
    /// [0.9p, 1.1p]
    About,
    /// (p, ∞)
    Above,
    /// [p, ∞)
    AtLeast,
    /// (-∞, p)
    Below,
    /// (-∞, p]
    AtMost,
    Between,
    From,
}

const HEDGES: &[(&str, Bound)] = &[
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("just under", Bound::Nearly),
    ("just shy of", Bound::Nearly),
    ("not quite", Bound::Nearly),
    ("approaching", Bound::Nearly),
    ("about", Bound::About),
    ("around", Bound::About),
    ("roughly", Bound::About),
    ("approximately", Bound::About),
    ("approx", Bound::About),
    ("some", Bound::About),
    ("an estimated", Bound::About),
    ("estimated", Bound::About),
    ("circa", Bound::About),
    ("somewhere around", Bound::About),
    ("~", Bound::About),
    ("more than", Bound::Above),
    ("just over", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("exceeded", Bound::Above),
    ("exceeding", Bound::Above),
    ("exceeds", Bound::Above),
    ("exceed", Bound::Above),
    ("passed", Bound::Above),
    ("surpassed", Bound::Above),
    ("surpass", Bound::Above),
    ("surpasses", Bound::Above),
    ("topped", Bound::Above),
    ("upwards of", Bound::Above),
    ("in excess of", Bound::Above),
    ("greater than", Bound::Above),
    ("larger than", Bound::Above),
    ("bigger than", Bound::Above),
    ("higher than", Bound::Above),
    ("north of", Bound::Above),
    (">", Bound::Above),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("not fewer than", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("greater than or equal to", Bound::AtLeast),
    ("more than or equal to", Bound::AtLeast),
    ("higher than or equal to", Bound::AtLeast),
    ("larger than or equal to", Bound::AtLeast),
    ("bigger than or equal to", Bound::AtLeast),
    ("greater or equal than", Bound::AtLeast),
    ("greater or equal to", Bound::AtLeast),
    ("bigger or equal than", Bound::AtLeast),
    ("higher or equal than", Bound::AtLeast),
    ("larger or equal than", Bound::AtLeast),
    ("more or equal than", Bound::AtLeast),
    ("equal to or more than", Bound::AtLeast),
    ("equal to or greater than", Bound::AtLeast),
    ("equal to or higher than", Bound::AtLeast),
    ("at least or equal to", Bound::AtLeast),
    (">=", Bound::AtLeast),
    ("> =", Bound::AtLeast),
    ("\u{2265}", Bound::AtLeast),
    ("fewer than", Bound::Below),
    ("less than", Bound::Below),
    ("under", Bound::Below),
    ("below", Bound::Below),
    ("lower than", Bound::Below),
    ("smaller than", Bound::Below),
    ("beneath", Bound::Below),
    ("<", Bound::Below),
    ("up to", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as high as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("less than or equal to", Bound::AtMost),
    ("fewer than or equal to", Bound::AtMost),
    ("smaller than or equal to", Bound::AtMost),
    ("lower than or equal to", Bound::AtMost),
    ("less or equal than", Bound::AtMost),
    ("less or equal to", Bound::AtMost),
    ("smaller or equal than", Bound::AtMost),
    ("smaller or equal to", Bound::AtMost),
    ("lower or equal than", Bound::AtMost),
    ("equal to or less than", Bound::AtMost),
    ("equal to or fewer than", Bound::AtMost),
    ("equal to or lower than", Bound::AtMost),
    ("equal to or smaller than", Bound::AtMost),
    ("<=", Bound::AtMost),
    ("< =", Bound::AtMost),
    ("\u{2264}", Bound::AtMost),
    ("between", Bound::Between),
    ("from", Bound::From),
];

/// Hedges after a figure: "500 or more", "200 or greater", "30 or less".
const POSTFIX: &[(&str, Bound)] = &[
    ("or more", Bound::AtLeast),
    ("and more", Bound::AtLeast),
    ("or greater", Bound::AtLeast),
    ("or above", Bound::AtLeast),
    ("or higher", Bound::AtLeast),
    ("and above", Bound::AtLeast),
    ("or over", Bound::AtLeast),
    ("or less", Bound::AtMost),
    ("and less", Bound::AtMost),
    ("or fewer", Bound::AtMost),
    ("or below", Bound::AtMost),
    ("or lower", Bound::AtMost),
    ("and below", Bound::AtMost),
    ("or under", Bound::AtMost),
    ("or so", Bound::About),
    ("+", Bound::AtLeast),
];

fn tok_matches(t: &Token, w: &str) -> bool {
    match &t.tok {
        Tok::Word(x) => x == w,
        Tok::Sym(c) => w.len() == c.len_utf8() && w.starts_with(*c),
        Tok::Num { .. } => false,
    }
}

/// The longest phrase of `table` starting at token `i`: its bound and how many tokens it spans.
fn phrase_at(toks: &[Token], i: usize, table: &'static [(&'static str, Bound)]) -> Option<(Bound, usize)> {
    let mut buf = [0; 4];
    let first = match &toks.get(i)?.tok {
        Tok::Word(w) => w.as_ref(),
        Tok::Sym(c) => c.encode_utf8(&mut buf),
        Tok::Num { .. } => return None,
    };
    let mut best: Option<(Bound, usize)> = None;
    for (words, bound) in phrases_by_first_word(table).get(first)? {
        let fits = words.iter().enumerate().skip(1).all(|(k, w)| toks.get(i + k).is_some_and(|t| tok_matches(t, w)));
        if fits && best.is_none_or(|(_, n)| words.len() > n) {
            best = Some((*bound, words.len()));
        }
    }
    best
}

type PhraseIndex = std::collections::HashMap<&'static str, Vec<(Vec<&'static str>, Bound)>, foldhash::fast::FixedState>;

/// A phrase table split into words once and indexed by its first word, since most tokens
/// start no phrase and a phrase is tried only where its first word is.
fn phrases_by_first_word(table: &'static [(&'static str, Bound)]) -> &'static PhraseIndex {
    static HEDGE_WORDS: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
    static POSTFIX_WORDS: std::sync::OnceLock<PhraseIndex> = std::sync::OnceLock::new();
    let cell = if std::ptr::eq(table, HEDGES) { &HEDGE_WORDS } else { &POSTFIX_WORDS };
    cell.get_or_init(|| {
        let mut index = PhraseIndex::default();
        for (phrase, bound) in table {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            index.entry(words[0]).or_default().push((words, *bound));
        }
        index
    })
}

fn word_at<'t>(toks: &'t [Token<'_>], i: usize) -> Option<&'t str> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_ref()),
        _ => None,
    }
}

fn sym_at(toks: &[Token], i: usize) -> Option<char> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Sym(c)) => Some(*c),
        _ => None,
    }
}

fn num_at(toks: &[Token], i: usize) -> Option<(f64, bool)> {
    match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Num { value, plain }) => Some((*value, *plain)),
        _ => None,
    }
}

/// Is the "one" at `i` a pronoun or part of an idiom rather than a count? "one of the sons",
/// "the one you mentioned", "which one", "no one", "by one count", "one another", "one cartel
/// leader after another", "one by one", "one must ask"; but "one soldier was killed" counts one.
fn one_is_pronoun(toks: &[Token], i: usize) -> bool {
    const BEFORE: &[&str] = &["the", "this", "that", "which", "what", "each", "every", "any", "no", "some", "another", "such", "a", "by", "last", "first", "next", "other", "big", "new", "old"];
    const AFTER: &[&str] = &[
        "of", "another", "by", "who", "whom", "whose", "that", "which", "you", "i", "we", "they", "he", "she", "it", "can", "could", "would",
        "should", "must", "might", "may", "will", "shall", "does", "do", "did", "has", "had", "or", "and", "way", "day", "time", "thing",
    ];
    if i > 0 && word_at(toks, i - 1).is_some_and(|w| BEFORE.contains(&w)) {
        return true;
    }
    match toks.get(i + 1).map(|t| &t.tok) {
        Some(Tok::Word(w)) => AFTER.contains(&w.as_ref()) || currency_name(w).is_some() || (i + 2..i + 6).any(|k| word_at(toks, k) == Some("another")),
        // "the only one.", "one, two": nothing after it to count.
        _ => true,
    }
}

/// Is token `i` part of a catalogue code, a run without spaces where digits follow letters
/// directly ("J1149.5+6663", "LGA1156-2")?
fn in_code(toks: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && glued(toks, k) {
        if matches!(toks[k].tok, Tok::Num { .. }) && matches!(toks[k - 1].tok, Tok::Word(_)) {
            return true;
        }
        k -= 1;
    }
    false
}

fn glued(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.glued)
}

// ---------------------------------------------------------------------------------------------
// Figures

/// A figure read at some token: its value, the token after it, and how it was written.
#[derive(Clone, Copy, Debug)]
struct Figure {
    value: f64,
    next: usize,
    words: bool,
    /// A bare run of four digits or fewer, unscaled: possibly a year.
    plain: bool,
    /// Written as a fraction ("two thirds", "3/4", "half"): a ratio, not a count.
    fraction: bool,
    /// The currency met inside the figure ("75 USD million").
    currency: Option<&'static str>,
}

/// A figure at token `i`, with its sign and scale, in digits or in words.
fn figure_at(toks: &[Token], i: usize, money: bool) -> Option<Figure> {
    let mut j = i;
    let mut sign = 1.0;
    match (word_at(toks, j), sym_at(toks, j)) {
        (Some("minus" | "negative"), _) if figure_start(toks, j + 1) => {
            sign = -1.0;
            j += 1;
        }
        (_, Some('-' | '+')) if num_at(toks, j + 1).is_some() && !(j > 0 && glued(toks, j) && matches!(toks[j - 1].tok, Tok::Num { .. } | Tok::Word(_))) => {
            if sym_at(toks, j) == Some('-') {
                sign = -1.0;
            }
            j += 1;
        }
        _ => {}
    }
    let mut f = match &toks.get(j)?.tok {
        Tok::Num { .. } => digits_figure(toks, j, money)?,
        Tok::Word(_) => words_figure(toks, j)?,
        Tok::Sym(_) => return None,
    };
    f.value *= sign;
    if sign < 0.0 {
        f.plain = false;
    }
    Some(f)
}

fn figure_start(toks: &[Token], i: usize) -> bool {
    let signed = matches!(word_at(toks, i), Some("minus" | "negative")) || matches!(sym_at(toks, i), Some('-' | '+')) && glued(toks, i + 1);
    let i = if signed { i + 1 } else { i };
    num_at(toks, i).is_some() || word_at(toks, i).and_then(atom).is_some() || word_at(toks, i) == Some("a")
}

fn digits_figure(toks: &[Token], i: usize, money: bool) -> Option<Figure> {
    let (mut value, plain) = num_at(toks, i)?;
    let mut j = i + 1;
    let mut fraction = false;
    let mut currency = None;
    let mut scaled = false;
    let mut last_scale = 1.0;
    // A power: "1.1^23", "2.5^-1"; a mantissa: "1.3x10^6", "2.48×10−5", "8x2^10".
    if sym_at(toks, j) == Some('^') && glued(toks, j) {
        let (exp, next) = exponent_at(toks, j + 1)?;
        value = value.powf(exp);
        j = next;
        scaled = true;
    } else if (word_at(toks, j) == Some("x") || sym_at(toks, j) == Some('\u{d7}')) && glued(toks, j) && glued(toks, j + 1) {
        if let Some((base, _)) = num_at(toks, j + 1) {
            if sym_at(toks, j + 2) == Some('^') {
                if let Some((exp, next)) = exponent_at(toks, j + 3) {
                    value *= base.powf(exp);
                    j = next;
                    scaled = true;
                }
            } else if base == 10.0 && sym_at(toks, j + 2) == Some('-') && glued(toks, j + 2) {
                if let Some((exp, _)) = num_at(toks, j + 3) {
                    value *= 10f64.powf(-exp);
                    j += 4;
                    scaled = true;
                }
            }
        }
    }
    // A fraction: "3/4", "1/40"; a mixed number: "2 1/2", "101 1/4"; "2½".
    if !scaled && sym_at(toks, j) == Some('/') && glued(toks, j) && glued(toks, j + 1) {
        if let Some((den, _)) = num_at(toks, j + 1) {
            let more = sym_at(toks, j + 2) == Some('/') && glued(toks, j + 2);
            if !more && den != 0.0 && den <= 1000.0 && value < 10000.0 && value.fract() == 0.0 && den.fract() == 0.0 {
                value /= den;
                j += 2;
                fraction = true;
            } else if !more && den == 0.0 {
                return None;
            }
        }
    } else if !scaled && plain && value.fract() == 0.0 {
        if let (Some((a, _)), Some('/'), Some((b, _))) = (num_at(toks, j), sym_at(toks, j + 1), num_at(toks, j + 2)) {
            if glued(toks, j + 1) && glued(toks, j + 2) && b != 0.0 && a < b && b <= 100.0 && sym_at(toks, j + 3) != Some('/') {
                value += a / b;
                j += 3;
            }
        } else if let Some((frac, _)) = num_at(toks, j).filter(|(v, _)| *v < 1.0 && glued(toks, j)) {
            value += frac;
            j += 1;
        }
    }
    // Scales: "10k", "2.5 million", "3 lakh crore", "1,674.5 G", "75 USD million".
    loop {
        let scale = match toks.get(j) {
            Some(t @ Token { tok: Tok::Word(w), .. }) => {
                digit_scale(w, t.glued, money || currency.is_some()).or_else(|| {
                    let alone = !matches!(toks.get(j + 1).map(|n| &n.tok), Some(Tok::Word(_) | Tok::Num { .. }));
                    t.upper.then(|| letter_scale(&w.to_uppercase())).flatten().filter(|_| t.glued || money || alone)
                })
            }
            _ => None,
        };
        if let Some(s) = scale {
            // "a dozen eggs" is twelve; "3 hundred and 21" goes on past "and".
            value *= s;
            last_scale = s;
            j += 1;
            scaled = true;
            if s == 100.0 || s == 1e3 || s == 1e5 || s == 1e7 {
                if let Some(rest) = continuation(toks, j, s) {
                    value += rest.0;
                    j = rest.1;
                }
            }
            continue;
        }
        if currency.is_none() {
            if let Some(code) = word_at(toks, j).and_then(currency_code) {
                if word_at(toks, j + 1).and_then(|w| digit_scale(w, false, true)).is_some() {
                    currency = Some(code);
                    j += 1;
                    continue;
                }
            }
        }
        break;
    }
    // "3 million and a half": the fraction is of the last scale.
    if word_at(toks, j) == Some("and") {
        let (more, after) = atom_run(toks, j + 1);
        if more.iter().any(|a| matches!(a.atom, Atom::Ordinal(_))) {
            if let Some(part) = evaluate(&more).filter(|p| *p < 1.0) {
                value += part * last_scale;
                j = after;
                scaled = true;
            }
        }
    }
    Some(Figure { value: round(value), next: j, words: false, plain: plain && !scaled && !fraction, fraction, currency })
}

/// "3 hundred and 21", "4 thousand 3 hundred and 21", "6 crore and two hundred": smaller
/// parts after a scale.
fn continuation(toks: &[Token], j: usize, scale: f64) -> Option<(f64, usize)> {
    let with_and = word_at(toks, j) == Some("and");
    let k = if with_and { j + 1 } else { j };
    if num_at(toks, k).is_none() {
        if !with_and {
            return None;
        }
        let f = words_figure(toks, k)?;
        return (f.value > 0.0 && f.value < scale && f.value.fract() == 0.0).then_some((f.value, f.next));
    }
    let (v, plain) = num_at(toks, k)?;
    if !plain || v >= scale || v.fract() != 0.0 || v == 0.0 {
        return None;
    }
    let mut next = k + 1;
    let mut value = v;
    let following = word_at(toks, next).and_then(|w| digit_scale(w, false, false));
    if following.is_some_and(|s| s >= scale) {
        // "3 hundred and 2 hundred" are two numbers.
        return None;
    }
    if let Some(s) = following.filter(|s| *s >= 100.0) {
        value *= s;
        next += 1;
        if let Some((rest, after)) = continuation(toks, next, s) {
            value += rest;
            next = after;
        }
    } else if !with_and {
        // Without "and", a bare figure after a scale is a new number ("4000 3 hundred").
        return None;
    }
    Some((value, next))
}

fn exponent_at(toks: &[Token], mut i: usize) -> Option<(f64, usize)> {
    let mut sign = 1.0;
    while let Some(c) = sym_at(toks, i).filter(|c| *c == '-' || *c == '+') {
        if c == '-' {
            sign = -sign;
        }
        i += 1;
    }
    let (v, _) = num_at(toks, i)?;
    Some((sign * v, i + 1))
}

/// A figure in words, integer or fraction: "one hundred and nine", "two thirds",
/// "five and a half million", "nine point nought four", "half a dozen", "a quarter million".
fn words_figure(toks: &[Token], i: usize) -> Option<Figure> {
    // "half a dozen"
    if word_at(toks, i) == Some("half") && word_at(toks, i + 1) == Some("a") && word_at(toks, i + 2) == Some("dozen") {
        return Some(Figure { value: 6.0, next: i + 3, words: true, plain: false, fraction: false, currency: None });
    }
    // A plural scale standing first ("millions", "thousands of") is a magnitude, not a figure.
    if word_at(toks, i).is_some_and(|w| matches!(w, "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "dozens")) {
        return None;
    }
    let (atoms, mut j) = atom_run(toks, i);
    if atoms.is_empty() {
        return None;
    }
    // Decimals in words: "two hundred point zero three", "nine point nought four".
    if word_at(toks, j) == Some("point") {
        let int = integer(&atoms)?;
        let (digits, next) = decimal_words(toks, j + 1)?;
        let value: f64 = format!("{}.{}", int as u64, digits).parse().ok()?;
        return Some(Figure { value, next, words: true, plain: false, fraction: false, currency: None });
    }
    let mut value = evaluate(&atoms)?;
    let fraction = atoms.iter().any(|a| matches!(a.atom, Atom::Ordinal(_))) && value < 1.0;
    // A fraction after a whole: "and a half", "and three quarters", "five and a half million",
    // "one billion and a half million".
    if word_at(toks, j) == Some("and") && !atoms.iter().any(|a| matches!(a.atom, Atom::Ordinal(_))) {
        let (more, after) = atom_run(toks, j + 1);
        if let Some(k) = more.iter().position(|a| matches!(a.atom, Atom::Ordinal(_))) {
            let tail: Vec<f64> = more[k + 1..].iter().filter_map(|a| match a.atom {
                Atom::Scale(s) => Some(s),
                _ => None,
            }).collect();
            if let Some(part) = evaluate(&more[..=k]).filter(|p| *p < 1.0) {
                let whole_scale = atoms.iter().filter_map(|a| match a.atom {
                    Atom::Scale(s) => Some(s),
                    _ => None,
                }).fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
                let ends_in_scale = matches!(atoms.last().map(|a| a.atom), Some(Atom::Scale(_)));
                value = match (tail.first(), whole_scale) {
                    (Some(&t), Some(w)) if w > t => value + part * t,
                    (Some(&t), _) => (value + part) * t,
                    (None, Some(w)) if ends_in_scale => value + part * w,
                    (None, _) => value + part,
                };
                j = after;
            }
        }
    }
    if atoms.len() == 1 && atoms[0].implicit_one && matches!(atoms[0].atom, Atom::Ordinal(o) if o < 2.0) {
        // "a first class seat"
        return None;
    }
    let lone = atoms.len() == 1 && matches!(atoms[0].atom, Atom::Ordinal(_)) && !atoms[0].implicit_one;
    if lone {
        // A bare ordinal ("the fifth", "third") is no figure; only "half" stands alone.
        if !matches!(atoms[0].word.as_str(), "half") {
            return None;
        }
    }
    // "two thirds of a million"
    if fraction && word_at(toks, j) == Some("of") && word_at(toks, j + 1) == Some("a") {
        if let Some(Atom::Scale(s)) = word_at(toks, j + 2).and_then(atom) {
            value *= s;
            j += 3;
            return Some(Figure { value: round(value), next: j, words: true, plain: false, fraction: false, currency: None });
        }
    }
    Some(Figure { value: round(value), next: j, words: true, plain: false, fraction, currency: None })
}

#[derive(Clone, Debug)]
struct WordAtom {
    atom: Atom,
    word: String,
    /// Preceded by "and" inside the run.
    after_and: bool,
    /// "a" standing for one ("a hundred", "a third").
    implicit_one: bool,
}

/// The run of number words from `i`: atoms, and the token after the run.
fn atom_run(toks: &[Token], i: usize) -> (Vec<WordAtom>, usize) {
    let mut atoms: Vec<WordAtom> = Vec::new();
    let mut j = i;
    let mut after_and = false;
    let mut implicit = false;
    loop {
        if let Some(w) = word_at(toks, j) {
            if (w == "a" || w == "an") && (atoms.is_empty() || after_and) {
                if let Some(next) = word_at(toks, j + 1).and_then(atom) {
                    let tens_to_ordinal = matches!(next, Atom::Tens(_)) && (matches!(word_at(toks, j + 2).and_then(atom), Some(Atom::Ordinal(_))) || sym_at(toks, j + 2) == Some('-') && matches!(word_at(toks, j + 3).and_then(atom), Some(Atom::Ordinal(_))));
                    if matches!(next, Atom::Hundred | Atom::Scale(_) | Atom::Dozen | Atom::Ordinal(_)) || tens_to_ordinal {
                        implicit = true;
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            if w == "and" && !atoms.is_empty() && !after_and {
                let next = word_at(toks, j + 1).and_then(atom);
                let last = atoms.last().map(|a| a.atom);
                let ok = matches!((last, next), (Some(Atom::Hundred | Atom::Scale(_)), Some(Atom::Small(_) | Atom::Tens(_) | Atom::Ordinal(_))));
                if ok {
                    after_and = true;
                    j += 1;
                    continue;
                }
                break;
            }
            let Some(a) = atom(w) else { break };
            if let Some(prev) = atoms.last() {
                // Two units in a row are two numbers ("three four"), except before an ordinal
                // ("three fifths") or a scale.
                let joins = match (prev.atom, a) {
                    (Atom::Small(_), Atom::Small(_)) | (Atom::Tens(_), Atom::Tens(_)) | (Atom::Small(_), Atom::Tens(_)) => false,
                    (Atom::Ordinal(_), Atom::Scale(_)) => true,
                    (Atom::Ordinal(_), _) => false,
                    (Atom::Tens(t), Atom::Small(s)) => s < 10.0 && t > 0.0,
                    _ => true,
                };
                let ordinal_next = matches!(word_at(toks, j + 1).and_then(atom), Some(Atom::Ordinal(_)))
                    || sym_at(toks, j + 1) == Some('-') && matches!(word_at(toks, j + 2).and_then(atom), Some(Atom::Ordinal(_)));
                let tens_ordinal = matches!((prev.atom, a), (Atom::Small(_) | Atom::Tens(_), Atom::Tens(_))) && ordinal_next;
                if !joins && !tens_ordinal {
                    break;
                }
            }
            atoms.push(WordAtom { atom: a, word: w.to_string(), after_and, implicit_one: implicit });
            after_and = false;
            implicit = false;
            j += 1;
            continue;
        }
        // "two hundred & forty": an ampersand joins as "and" does.
        if sym_at(toks, j) == Some('&') && !atoms.is_empty() && !after_and {
            let next = word_at(toks, j + 1).and_then(atom);
            if matches!((atoms.last().map(|a| a.atom), next), (Some(Atom::Hundred | Atom::Scale(_)), Some(Atom::Small(_) | Atom::Tens(_)))) {
                after_and = true;
                j += 1;
                continue;
            }
        }
        // "three million, two hundred": a comma after a scale goes on to the hundreds or a
        // smaller scale, never to a bare unit ("one million, two years later").
        if sym_at(toks, j) == Some(',') && !after_and {
            if let Some(Atom::Scale(scale)) = atoms.last().map(|a| a.atom) {
                let unit = matches!(word_at(toks, j + 1).and_then(atom), Some(Atom::Small(_) | Atom::Tens(_)));
                let then = match word_at(toks, j + 2).and_then(atom) {
                    Some(Atom::Hundred) => true,
                    Some(Atom::Scale(s)) => s < scale,
                    _ => false,
                };
                if unit && then {
                    j += 1;
                    continue;
                }
            }
        }
        // A hyphen inside a number: "seventy-one", "fifty - two", "twenty-first", "one-half".
        if sym_at(toks, j) == Some('-') && !atoms.is_empty() {
            let next = word_at(toks, j + 1).and_then(atom);
            let last = atoms.last().map(|a| a.atom);
            let ok = matches!((last, next), (Some(Atom::Tens(_)), Some(Atom::Small(_) | Atom::Ordinal(_))) | (Some(Atom::Small(_)), Some(Atom::Ordinal(_))) | (Some(Atom::Small(_) | Atom::Tens(_)), Some(Atom::Hundred)));
            let ok = ok && !matches!(next, Some(Atom::Small(v)) if v >= 10.0);
            if ok {
                j += 1;
                continue;
            }
        }
        break;
    }
    if after_and {
        j -= 1;
    }
    if implicit && atoms.is_empty() {
        j -= 1;
    }
    (atoms, j)
}

/// The value of a whole number in words (no ordinals).
fn integer(atoms: &[WordAtom]) -> Option<f64> {
    let mut total = 0.0;
    // The part below the current scale: hundreds, and the units after them.
    let mut hundreds = 0.0;
    let mut units = 0.0;
    let mut any = false;
    for a in atoms {
        match a.atom {
            Atom::Small(v) | Atom::Tens(v) => units += v,
            Atom::Hundred => {
                hundreds += if units == 0.0 { 100.0 } else { units * 100.0 };
                units = 0.0;
            }
            Atom::Scale(s) => {
                let part = hundreds + units;
                if part == 0.0 && total > 0.0 && !a.implicit_one {
                    // "three lakh crore": a scale of a scale.
                    total *= s;
                } else {
                    total += if part == 0.0 { 1.0 } else { part } * s;
                }
                hundreds = 0.0;
                units = 0.0;
            }
            Atom::Dozen => units = if units == 0.0 { 12.0 } else { units * 12.0 },
            Atom::Ordinal(_) => return None,
        }
        any = true;
    }
    any.then_some(total + hundreds + units)
}

/// The value of a run that may end in a fraction: "two thirds", "one hundred thirty fifths",
/// "three twenty-firsts", "a quarter million", "five billion and three quarters".
fn evaluate(atoms: &[WordAtom]) -> Option<f64> {
    let Some(k) = atoms.iter().position(|a| matches!(a.atom, Atom::Ordinal(_))) else {
        return integer(atoms);
    };
    let Atom::Ordinal(ord) = atoms[k].atom else { return None };
    // "X and Y Zths" is X + Y/Z when Y/Z is a proper fraction ("one hundred and three
    // quarters" = 100.75), and (X + Y)/Z otherwise ("one hundred and thirty fifths" = 26).
    let mut split = atoms[..=k].iter().rposition(|a| a.after_and).unwrap_or(0);
    if split > 0 {
        let proper = integer(&atoms[split..k]).is_some_and(|y| y < ord);
        if !proper {
            split = 0;
        }
    }
    let whole = if split > 0 { integer(&atoms[..split])? } else { 0.0 };
    let whole_scale = if split > 0 {
        match atoms[split - 1].atom {
            Atom::Scale(s) => Some(s),
            _ => None,
        }
    } else {
        None
    };
    let head = &atoms[split..k];
    let tail = &atoms[k + 1..];
    // A tens word right before a unit ordinal joins it ("thirty fifths" = 35ths) when a
    // numerator is left in front of it.
    let (numerator, denominator) = match head.split_last() {
        Some((last, rest)) if matches!(last.atom, Atom::Tens(_)) && ord < 10.0 && !rest.is_empty() && !last.after_and => {
            let Atom::Tens(t) = last.atom else { return None };
            (integer(rest), t + ord)
        }
        Some((last, rest)) if matches!(last.atom, Atom::Tens(_)) && ord < 10.0 && rest.is_empty() && last.implicit_one => {
            let Atom::Tens(t) = last.atom else { return None };
            (Some(1.0), t + ord)
        }
        _ if head.is_empty() => (Some(1.0), ord),
        _ => (integer(head), ord),
    };
    let mut fraction = numerator? / denominator;
    let mut scaled = false;
    // "a quarter million", "three quarters billion".
    for a in tail {
        match a.atom {
            Atom::Scale(s) => {
                fraction *= s;
                scaled = true;
            }
            _ => return None,
        }
    }
    if !scaled {
        if let Some(s) = whole_scale {
            fraction *= s;
        }
    }
    Some(whole + fraction)
}

/// Digits after "point": "zero three" → "03", "seventy-one" → "71", "nought four" → "04".
fn decimal_words(toks: &[Token], mut j: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    while let Some(w) = word_at(toks, j) {
        match atom(w) {
            Some(Atom::Small(v)) => {
                digits.push_str(&(v as u64).to_string());
                j += 1;
            }
            Some(Atom::Tens(t)) => {
                let mut v = t;
                j += 1;
                if sym_at(toks, j) == Some('-') {
                    if let Some(Atom::Small(u)) = word_at(toks, j + 1).and_then(atom) {
                        v += u;
                        j += 2;
                    }
                } else if let Some(Atom::Small(u)) = word_at(toks, j).and_then(atom).filter(|a| matches!(a, Atom::Small(u) if *u < 10.0)) {
                    v += u;
                    j += 1;
                }
                digits.push_str(&(v as u64).to_string());
            }
            _ => break,
        }
    }
    (!digits.is_empty()).then_some((digits, j))
}

fn is_year(value: f64) -> bool {
    value.fract() == 0.0 && (1000.0..=2100.0).contains(&value)
}

// ---------------------------------------------------------------------------------------------
// Mentions

/// Every quantity in `text`, in text order, not overlapping. Years are included as plain
/// numbers; the date grammar reads them as dates too, and callers choose.
pub fn find_quantities(text: &str) -> Vec<QuantityMention> {
    // Most sentences hold no quantity: they are settled without reading them word by word.
    if !may_hold_quantity(text) {
        return Vec::new();
    }
    quantities_in(text)
}

/// Every quantity in `text`, read word by word.
fn quantities_in(text: &str) -> Vec<QuantityMention> {
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(text, &lower);
    let mut out: Vec<QuantityMention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match mention_at(text, &toks, i) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    join_bounds(text, &toks, out)
}

/// Can `text` hold a quantity at all? Every quantity has a figure: digits, a vulgar fraction,
/// a number word, or a share ("the majority of") or currency ("a dollar") read as one.
fn may_hold_quantity(text: &str) -> bool {
    super::holds_figure_or_word(text, figure_words(), |c| vulgar_fraction(c).is_some() || currency_symbol(c).is_some())
}

/// The words of `may_hold_quantity`: those `atom` reads, shares, and currencies by name or code.
fn figure_words() -> &'static super::GateWords {
    static SET: std::sync::OnceLock<super::GateWords> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        const WORDS: &[&str] = &[
            "nought", "naught", "half", "halves", "quarter", "quarters", "hundredth", "hundredths", "thousandth", "thousandths",
            "millionth", "millionths", "billionth", "billionths", "trillionth", "trillionths", "hundred", "hundreds", "thousand",
            "thousands", "million", "millions", "billion", "billions", "trillion", "trillions", "lakh", "lakhs", "lac", "crore",
            "crores", "dozen", "dozens", "dz", "dzs", "doz", "dozs", "majority", "most", "dollar", "dollars", "bucks", "euro",
            "euros", "pound", "pounds", "quid", "sterling", "yen", "yuan", "renminbi", "kuai", "rupee", "rupees", "peso", "pesos",
            "peseta", "pesetas", "markka", "markkaa", "franc", "francs", "guilder", "guilders", "mark", "marks", "deutschmark",
            "deutschmarks", "lira", "liras", "lire", "ruble", "rubles", "rouble", "roubles", "won", "rand", "real", "reais",
            "krona", "kronor", "krone", "kroner", "dinar", "dinars", "shekel", "shekels", "baht", "ringgit", "bitcoin", "bitcoins",
            "satoshi", "satoshis", "cent", "cents", "pence", "penny", "pennies",
        ];
        const CODES: &[&str] = &["usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "mxn", "cad", "aud", "chf", "sek", "btc", "xbt"];
        let ordinals = ORDINAL_WORDS.iter().chain(TENS_ORDINAL_WORDS).filter(|w| !w.is_empty());
        let words = SMALL_WORDS.iter().chain(TENS_WORDS).chain(WORDS).chain(CODES).map(|w| w.to_string());
        // Plural denominators ("thirds") and codes in millions ("MUSD") are read too.
        let ordinals = ordinals.flat_map(|w| [w.to_string(), format!("{w}s")]);
        let millions = CODES.iter().map(|c| format!("m{c}"));
        super::GateWords::new(words.chain(ordinals).chain(millions))
    })
}

/// A one-sided bound waiting for its opposite: "more than 10 and less than 20".
fn join_bounds(text: &str, _toks: &[Token], mentions: Vec<QuantityMention>) -> Vec<QuantityMention> {
    let mut out: Vec<QuantityMention> = Vec::new();
    for m in mentions {
        if let Some(prev) = out.last() {
            let between = text[prev.end..m.start].trim().to_ascii_lowercase();
            let joiner = matches!(between.as_str(), "and" | "but" | "," | ", and" | "and also" | "but also" | "") || between.ends_with(" and") && between.len() < 16 && !between.contains(char::is_numeric);
            let lower_upper = |a: &Quantity, b: &Quantity| a.hi.is_none() && a.lo.is_some() && b.lo.is_none() && b.hi.is_some() && a.lo < b.hi && a.unit == b.unit;
            if joiner && (lower_upper(&prev.value, &m.value) || lower_upper(&m.value, &prev.value)) {
                let (low, high) = if prev.value.hi.is_none() { (&prev.value, &m.value) } else { (&m.value, &prev.value) };
                let joined = Quantity {
                    lo: low.lo,
                    hi: high.hi,
                    lo_open: low.lo_open,
                    hi_open: high.hi_open,
                    unit: low.unit,
                    point: None,
                    hedge: Some(text[prev.start..m.end].to_string()),
                    of: None,
                    per: None,
                };
                let start = prev.start;
                out.pop();
                out.push(QuantityMention { start, end: m.end, kind: QuantityKind::Range, value: joined });
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Can a quantity start at this token? Most words cannot; one lookup keeps the scan fast.
fn may_start(t: &Token) -> bool {
    match &t.tok {
        Tok::Num { .. } => true,
        Tok::Sym(c) => matches!(c, '$' | '<' | '>' | '~' | '-' | '+' | '\u{2264}' | '\u{2265}') || currency_symbol(*c).is_some(),
        Tok::Word(w) => start_words().contains(w.as_ref()),
    }
}

/// Every word a quantity may start with: number words, hedges, currencies, shares.
fn start_words() -> &'static super::WordSet {
    static SET: std::sync::OnceLock<super::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        const WORDS: &[&str] = &[
            "zero", "nought", "naught", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
            "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "tens", "thousand", "thousands", "million",
            "millions", "billion", "billions", "trillion", "trillions", "lakh", "lakhs", "lac", "crore", "crores", "dozen",
            "dozens", "dz", "dzs", "doz", "dozs", "half", "halves", "quarter", "quarters", "third", "thirds", "fourth", "fourths",
            "fifth", "fifths", "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths",
            "a", "an", "the", "several", "minus", "negative", "percent", "percents", "per", "majority", "most", "us", "c", "ca", "au", "nz",
            "hk", "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "mxn", "cad", "aud", "chf", "sek", "btc", "xbt",
        ];
        let mut set: super::WordSet = WORDS.iter().copied().collect();
        set.extend(HEDGES.iter().map(|(p, _)| p.split(' ').next().unwrap_or("")));
        set
    })
}

fn mention_at(text: &str, toks: &[Token], i: usize) -> Option<(QuantityMention, usize)> {
    if !may_start(&toks[i]) {
        return None;
    }
    let start = toks[i].start;
    let mut j = i;
    let mut bound = None;
    let mut hedge_text = None;
    // "<>30", "=<30": comparison signs run together are no comparison this grammar reads.
    let tangled = sym_at(toks, j).is_some_and(|c| matches!(c, '<' | '>')) && j > 0 && glued(toks, j) && matches!(sym_at(toks, j - 1), Some('<' | '>' | '='));
    if let Some((b, n)) = phrase_at(toks, j, HEDGES).filter(|_| !tangled) {
        // "over" and "under" hedge only a figure: "over the previous period" is no hedge.
        if figure_start(toks, j + n) || money_prefix(toks, j + n).is_some() || share_start(toks, j + n) {
            bound = Some(b);
            hedge_text = Some(text[toks[j].start..toks[j + n - 1].end].to_string());
            j += n;
        }
    }
    // "percent of 10", "per cent of twenty-two": the unit first.
    if let Some(n) = percent_prefix(toks, j) {
        let f = figure_at(toks, j + n, false)?;
        let q = shape(Quantity::exact(f.value, Unit::Percent), bound, hedge_text.clone(), f.value);
        return Some((QuantityMention { start, end: toks[f.next - 1].end, kind: QuantityKind::Percent, value: q }, f.next));
    }
    // Shares without a figure: "the majority of", "most of".
    if let Some((q, next)) = share_at(toks, j) {
        let point = q.lo.unwrap_or(0.5);
        let q = if q.is_exact() { shape(q, bound, hedge_text, point) } else { Quantity { hedge: hedge_text.or_else(|| Some(text[toks[j].start..toks[next - 1].end].to_string())), ..q } };
        return Some((QuantityMention { start, end: toks[next - 1].end, kind: QuantityKind::Number, value: q }, next));
    }
    // Magnitudes without a figure: "billions of dollars", "thousands of", "several hundred".
    if let Some((q, next)) = magnitude_at(toks, j).or_else(|| vague_multiple_at(toks, j)) {
        let kind = if matches!(q.unit, Unit::Money(_)) { QuantityKind::Money } else { QuantityKind::Number };
        return Some((QuantityMention { start, end: toks[next - 1].end, kind, value: q }, next));
    }
    let mut currency = None;
    if let Some((code, n)) = money_prefix(toks, j) {
        currency = Some(code);
        j += n;
    }
    let fig_tok = j;
    // "m^2", "J/m^2": an exponent of a unit is no figure.
    if j > 0 && sym_at(toks, j - 1) == Some('^') && glued(toks, j) {
        return None;
    }
    // "COVID-19", "AK-47", "F-16": digits hyphenated to a capitalized code are part of a name.
    // "1/0": a division by zero is no fraction, and its zero no quantity of its own.
    if j > 1 && glued(toks, j) && glued(toks, j - 1) && num_at(toks, j).is_some() {
        let before = &toks[j - 2];
        let named = sym_at(toks, j - 1) == Some('-') && before.upper;
        // "s-1", "fb−1", "km-2": a small power of a short unit, as in "4e14 s-1".
        let unit_power = sym_at(toks, j - 1) == Some('-') && word_at(toks, j - 2).is_some_and(|w| w.len() <= 3 && !before.upper) && matches!(toks[j].tok, Tok::Num { .. }) && toks[j].end - toks[j].start == 1 && !(glued(toks, j + 1) && matches!(toks[j + 1].tok, Tok::Num { .. } | Tok::Word(_)));
        let divisor = sym_at(toks, j - 1) == Some('/') && matches!(before.tok, Tok::Num { .. }) && num_at(toks, j).is_some_and(|(d, _)| d == 0.0) && sym_at(toks, j + 1) != Some('/');
        if named || unit_power || divisor || in_code(toks, j) {
            return None;
        }
    }
    // "a penny", "a dollar": one of the currency.
    if matches!(word_at(toks, j), Some("a" | "one")) && currency.is_none() {
        if let Some((code, worth, n)) = money_suffix(toks, j + 1) {
            let q = Quantity::exact(if worth < 1.0 { 1.0 } else { worth }, Unit::Money(code));
            return Some((QuantityMention { start, end: toks[j + n].end, kind: QuantityKind::Money, value: q }, j + 1 + n));
        }
    }
    let f = figure_at(toks, j, currency.is_some())?;
    let mut j = f.next;
    // "9.83e-3 +/- 1e-5", "12 ± 2": the uncertainty belongs to the figure.
    if matches!(sym_at(toks, j), Some('\u{b1}')) || sym_at(toks, j) == Some('+') && sym_at(toks, j + 1) == Some('/') && sym_at(toks, j + 2) == Some('-') {
        let k = if sym_at(toks, j) == Some('+') { j + 3 } else { j + 1 };
        if let Some(u) = figure_at(toks, k, false) {
            j = u.next;
        }
    }
    // Figures glued to letters ("G20", "1st", "11a") are names or ordinals, not quantities.
    if glued(toks, fig_tok) && fig_tok > 0 && matches!(toks[fig_tok - 1].tok, Tok::Word(_)) && currency.is_none() {
        return None;
    }
    if let Some(w) = word_at(toks, j).filter(|_| glued(toks, j) && !f.words) {
        // "1st" is an ordinal; "180ml", "29km" carry a unit of measure this grammar does
        // not read, so they are not plain figures.
        let known = percent_suffix(toks, j).is_some() || money_suffix(toks, j).is_some() || matches!(w, "s" | "x");
        if !known {
            return None;
        }
    }
    // Clock times: "at 2 pm", "at 2.13 am", "7:00"; "a size of 2.1 pm" is picometres.
    let at_time = fig_tok == 0 || matches!(word_at(toks, fig_tok - 1), Some("at" | "by" | "until" | "till" | "from" | "to" | "before" | "after" | "around")) || num_at(toks, fig_tok).is_some_and(|(_, plain)| plain);
    if !f.words && at_time && (matches!(word_at(toks, j), Some("am" | "pm" | "a" | "p")) && (word_at(toks, j) != Some("a") || sym_at(toks, j + 1) == Some('.')) && (word_at(toks, j).is_some_and(|w| w.len() == 2) || sym_at(toks, j + 1) == Some('.')) || sym_at(toks, j) == Some(':') && glued(toks, j) && num_at(toks, j + 1).is_some()) {
        return None;
    }
    let mut unit = if f.fraction { Unit::Ratio } else { Unit::Count };
    let mut value = f.value;
    // "one over three", "2000 over 3": a quotient, when nothing follows the divisor.
    if word_at(toks, j) == Some("over") && currency.is_none() && bound.is_none() {
        if let Some(d) = figure_at(toks, j + 1, false) {
            if d.value != 0.0 && !matches!(toks.get(d.next).map(|t| &t.tok), Some(Tok::Word(w)) if w != "is" && w != "equals") {
                value = round(value / d.value);
                unit = Unit::Ratio;
                j = d.next;
            }
        }
    }
    if unit == Unit::Count && f.words && f.value == 1.0 && bound.is_none() && currency.is_none() && word_at(toks, fig_tok) == Some("one") && one_is_pronoun(toks, fig_tok) {
        return None;
    }

    let mut per = None;
    if let Some(code) = currency.or(f.currency) {
        unit = Unit::Money(code);
    }
    // Units after the figure: "%", "percent", "dollars", "per 100,000", "in ten".
    if let Some(n) = percent_suffix(toks, j) {
        unit = Unit::Percent;
        j += n;
    } else if let Some((code, worth, n)) = money_suffix(toks, j).filter(|_| !matches!(unit, Unit::Money(_))).or_else(|| {
        // "a one-yen bid", "a 12-cent-a-share dividend"
        (sym_at(toks, j) == Some('-') && glued(toks, j) && glued(toks, j + 1)).then(|| money_suffix(toks, j + 1).map(|(c, w, n)| (c, w, n + 1))).flatten()
    }).filter(|_| !matches!(unit, Unit::Money(_))) {
        unit = Unit::Money(code);
        value = round(value * if worth < 1.0 { 1.0 } else { worth });
        j += n;
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50".
        if worth == 1.0 {
            if let Some((cents, next)) = cents_after(toks, j) {
                value = round(value + cents / 100.0);
                j = next;
            }
        }
        // "75 USD million"
        if let Some(s) = word_at(toks, j).and_then(|w| digit_scale(w, false, true)) {
            value *= s;
            j += 1;
        }
    } else if matches!(unit, Unit::Money(_)) {
        if let Some((cents, next)) = cents_after(toks, j) {
            value = round(value + cents / 100.0);
            j = next;
        }
    } else if word_at(toks, j) == Some("per") {
        if let Some(p) = figure_at(toks, j + 1, false).filter(|p| !p.words || p.value > 1.0) {
            if word_at(toks, j + 1) != Some("cent") {
                unit = Unit::Rate;
                per = Some(p.value);
                j = p.next;
            }
        }
    } else if word_at(toks, j) == Some("in") && currency.is_none() && !f.fraction {
        // "seven in ten", "one in four": a ratio.
        if let Some(whole) = figure_at(toks, j + 1, false) {
            if whole.value > value && (2.0..=1000.0).contains(&whole.value) && !(whole.plain && is_year(whole.value)) && value > 0.0 {
                value = round(value / whole.value);
                unit = Unit::Ratio;
                j = whole.next;
            }
        }
    }
    let kind = match unit {
        Unit::Percent => QuantityKind::Percent,
        Unit::Money(_) => QuantityKind::Money,
        Unit::Rate => QuantityKind::Rate,
        Unit::Count | Unit::Ratio => QuantityKind::Number,
    };
    let mut q = Quantity::exact(value, unit);
    q.per = per;
    // A second figure: "between 20 and 30", "from 20 to 30", "20 to 30", "20-30", "20~30".
    if let Some((upper, next)) = range_end(toks, j, bound, unit, (f.value, f.plain), currency.is_some(), f.words) {
        let lower = value;
        if upper.0 >= lower {
            let (lo, hi) = (lower * upper.1, upper.0);
            let unit = upper.2;
            let mut q = Quantity::exact(lo, unit);
            q.hi = Some(hi);
            q.hedge = hedge_text.filter(|_| matches!(bound, Some(Bound::Between | Bound::From)));
            let kind = match unit {
                Unit::Percent => QuantityKind::Percent,
                Unit::Money(_) => QuantityKind::Money,
                _ => QuantityKind::Range,
            };
            // "about 20~100", "about 500 or more": a range or a postfix overrides "about".
            return Some((QuantityMention { start, end: toks[next - 1].end, kind, value: q }, next));
        }
    }
    let (bound, hedge_text, start) = match bound {
        Some(Bound::Between | Bound::From) => (None, None, toks[fig_tok].start),
        b => (b, hedge_text, start),
    };
    // "X of (the) Y" and "X out of (the) Y": a count with a denominator.
    if q.unit == Unit::Count && bound.is_none() {
        let mut k = j;
        if word_at(toks, k) == Some("out") {
            k += 1;
        }
        if word_at(toks, k) == Some("of") {
            k += 1;
            if word_at(toks, k) == Some("the") {
                k += 1;
            }
            if let Some(d) = figure_at(toks, k, false) {
                if d.value >= value && !(d.plain && is_year(d.value)) && !d.fraction {
                    q.of = Some(d.value);
                    j = d.next;
                }
            }
        }
    }
    let mut bound = bound;
    let mut hedge_text = hedge_text;
    if let Some((b, n)) = phrase_at(toks, j, POSTFIX) {
        // "10 and less than 20" is two bounds, not "10 and less"; "200 or greater than" is one.
        let after = j + n;
        let continues = word_at(toks, after) == Some("or") && word_at(toks, after + 1) == Some("equal")
            || word_at(toks, after) == Some("than") && figure_start(toks, after + 1)
            || figure_start(toks, after);
        if (n > 1 || glued(toks, j)) && !continues {
            bound = Some(b);
            hedge_text = Some(text[toks[j].start..toks[j + n - 1].end].to_string());
            j += n;
            if word_at(toks, j) == Some("than") {
                j += 1;
            }
        }
    } else if sym_at(toks, j) == Some('-') && glued(toks, j) && word_at(toks, j + 1) == Some("plus") && glued(toks, j + 1) {
        // "4,000-plus units", "$3bn-plus": at least the figure.
        bound = Some(Bound::AtLeast);
        hedge_text = Some(text[toks[j].start..toks[j + 1].end].to_string());
        j += 2;
    } else if word_at(toks, j) == Some("or") && word_at(toks, j + 1) == Some("equal") && bound.is_some_and(|b| matches!(b, Bound::Above | Bound::Below)) {
        // "less than 5000 or equal"
        bound = bound.map(|b| if b == Bound::Above { Bound::AtLeast } else { Bound::AtMost });
        j += 2;
    }
    if let Some(b) = bound {
        q = shape(q, Some(b), hedge_text, value);
    }
    let end = toks[j - 1].end;
    Some((QuantityMention { start, end, kind, value: q }, j))
}

/// Applies a hedge or comparison to an exact quantity.
fn shape(mut q: Quantity, bound: Option<Bound>, hedge: Option<String>, p: f64) -> Quantity {
    let Some(b) = bound else { return q };
    let (lo, hi, lo_open, hi_open) = match b {
        Bound::Nearly => (Some(p * 0.9), Some(p), false, true),
        Bound::About => (Some(p * 0.9), Some(p * 1.1), false, false),
        Bound::Above => (Some(p), None, true, false),
        Bound::AtLeast => (Some(p), None, false, false),
        Bound::Below => (None, Some(p), false, true),
        Bound::AtMost => (None, Some(p), false, false),
        Bound::Between | Bound::From => return q,
    };
    let (lo, hi) = if p < 0.0 && matches!(b, Bound::Nearly | Bound::About) { (hi, lo) } else { (lo, hi) };
    q.lo = lo.map(round);
    q.hi = hi.map(round);
    q.lo_open = lo_open;
    q.hi_open = hi_open;
    q.point = Some(p);
    q.hedge = hedge;
    q
}

/// The upper end of a range after its lower figure: (value, scale for the lower, unit), next.
fn range_end(toks: &[Token], j: usize, bound: Option<Bound>, unit: Unit, (lower, lower_plain): (f64, bool), money: bool, lower_words: bool) -> Option<((f64, f64, Unit), usize)> {
    let joiner = matches!(
        (bound, word_at(toks, j), sym_at(toks, j)),
        (Some(Bound::Between), Some("and" | "through" | "to"), _)
            | (Some(Bound::From) | None | Some(Bound::About), Some("to" | "through" | "thru"), _)
            | (Some(Bound::From) | None | Some(Bound::About) | Some(Bound::Between), _, Some('-' | '~' | '\u{2013}'))
    );
    if !joiner {
        return None;
    }
    // A hyphen between digits is a range only with spaces on neither or both sides and no
    // further hyphen (phone numbers: "1-222-2222").
    if sym_at(toks, j) == Some('-') && (sym_at(toks, j + 2) == Some('-') || sym_at(toks, j + 2) == Some('/')) {
        return None;
    }
    let mut k = j + 1;
    if let Some((_, n)) = money_prefix(toks, k).filter(|_| money) {
        k += n;
    }
    let upper = figure_at(toks, k, money)?;
    if upper.value < 0.0 && sym_at(toks, j) == Some('-') {
        return None;
    }
    // "three-nought-four" is three figures, not a range.
    if sym_at(toks, j) == Some('-') && (upper.words || lower_words) {
        return None;
    }
    // "from 70,000 in 2019 to 107,000": a year written bare is no lower end of a figure
    // written with separators.
    if lower_plain && is_year(lower) && !upper.plain {
        return None;
    }
    // "fell 5 percent to 29,675": a bare figure past 100 after a percentage is the level the
    // change reached, not the top of a range of percentages.
    if unit == Unit::Percent && percent_suffix(toks, upper.next).is_none() && upper.value > 100.0 {
        return None;
    }
    let mut next = upper.next;
    let mut upper_unit = if upper.fraction { Unit::Ratio } else { unit };
    if let Some(n) = percent_suffix(toks, next) {
        upper_unit = Unit::Percent;
        next += n;
    } else if let Some((code, _, n)) = money_suffix(toks, next) {
        upper_unit = Unit::Money(code);
        next += n;
    }
    let unit = if unit == Unit::Count { upper_unit } else { unit };
    if upper_unit != unit {
        return None;
    }
    // Two years ("2014 to 2018") are a span of dates, left to the date grammar.
    if upper.plain && is_year(upper.value) && is_year(lower) && unit == Unit::Count {
        return None;
    }
    // "2 to 3 million": the scale written once applies to both ends.
    let mut scale = 1.0;
    if !upper.words && lower < 1000.0 && upper.value >= 1000.0 {
        if let Some((raw, _)) = num_at(toks, k) {
            if raw > 0.0 && raw < upper.value && lower <= raw {
                scale = upper.value / raw;
            }
        }
    } else if upper.words && lower < upper.value {
        if let Some(s) = word_at(toks, upper.next - 1).and_then(atom).and_then(|a| match a {
            Atom::Scale(s) => Some(s),
            _ => None,
        }) {
            if lower * s <= upper.value {
                scale = s;
            }
        }
    }
    Some(((upper.value, scale, unit), next))
}

fn percent_suffix(toks: &[Token], j: usize) -> Option<usize> {
    match (word_at(toks, j), sym_at(toks, j)) {
        (_, Some('%')) => Some(1),
        (Some("percent" | "percents" | "percentage" | "pct" | "pc"), _) => {
            if word_at(toks, j) == Some("percentage") && word_at(toks, j + 1).is_some_and(|w| w.starts_with("point")) {
                Some(2)
            } else if word_at(toks, j) == Some("pc") && !glued(toks, j) {
                None
            } else {
                Some(1)
            }
        }
        (Some("per"), _) if word_at(toks, j + 1) == Some("cent") => Some(2),
        _ => None,
    }
}

fn percent_prefix(toks: &[Token], j: usize) -> Option<usize> {
    let n = match word_at(toks, j) {
        Some("percent" | "percents") => 1,
        Some("per") if word_at(toks, j + 1) == Some("cent") => 2,
        _ => return None,
    };
    (word_at(toks, j + n) == Some("of") && figure_start(toks, j + n + 1)).then_some(n + 1)
}

/// A currency before the figure: "$", "US$", "C $", "£", "EUR", "USD".
fn money_prefix(toks: &[Token], j: usize) -> Option<(&'static str, usize)> {
    match (&toks.get(j)?.tok, toks.get(j + 1).map(|t| &t.tok)) {
        (Tok::Sym(c), _) => currency_symbol(*c).map(|code| (code, 1)),
        (Tok::Word(w), Some(Tok::Sym('$'))) if matches!(w.as_ref(), "us" | "c" | "a" | "nz" | "hk" | "ca" | "au") && (glued(toks, j + 1) || w != "a") => {
            let code = match w.as_ref() {
                "us" => "USD",
                "c" | "ca" => "CAD",
                "a" | "au" => "AUD",
                "nz" => "NZD",
                _ => "HKD",
            };
            Some((code, 2))
        }
        (Tok::Word(w), _) => currency_code(w).filter(|_| figure_start(toks, j + 1)).map(|code| (code, 1)),
        _ => None,
    }
}

/// A currency after the figure: "dollars", "US dollars", "USD", "€", "pence", "yen".
fn money_suffix(toks: &[Token], j: usize) -> Option<(&'static str, f64, usize)> {
    // "1 $10 bill", "3 USD50 cards": a currency glued to the next figure is that one's.
    if num_at(toks, j + 1).is_some() && glued(toks, j + 1) {
        return None;
    }
    if let Some(code) = word_at(toks, j).and_then(million_code) {
        return Some((code, 1e6, 1));
    }
    match &toks.get(j)?.tok {
        Tok::Sym(c) => currency_symbol(*c).map(|code| (code, 1.0, 1)),
        Tok::Word(w) => {
            if let Some(code) = currency_code(w) {
                return Some((code, 1.0, 1));
            }
            if matches!(w.as_ref(), "us" | "american" | "canadian" | "chinese" | "mexican" | "hong" | "new" | "australian" | "swiss" | "finnish" | "singapore" | "taiwan") {
                let (n, name) = match word_at(toks, j + 1) {
                    Some("kong") => (2, word_at(toks, j + 2)),
                    Some("zealand") => (2, word_at(toks, j + 2)),
                    other => (1, other),
                };
                if let Some((code, worth)) = name.and_then(currency_name) {
                    let code = match w.as_ref() {
                        "canadian" => "CAD",
                        "australian" => "AUD",
                        "swiss" => "CHF",
                        "finnish" => "FIM",
                        "singapore" => "SGD",
                        "taiwan" => "TWD",
                        "mexican" => "MXN",
                        "chinese" => "CNY",
                        "hong" => "HKD",
                        "new" => "NZD",
                        _ => code,
                    };
                    return Some((code, worth, n + 1));
                }
            }
            if w == "turkish" && matches!(word_at(toks, j + 1), Some("lira" | "liras")) {
                return Some(("TRY", 1.0, 2));
            }
            if w == "dutch" && matches!(word_at(toks, j + 1), Some("guilders" | "guilder")) {
                return Some(("NLG", 1.0, 2));
            }
            if matches!(w.as_ref(), "pound" | "pounds") && word_at(toks, j + 1) == Some("sterling") {
                return Some(("GBP", 1.0, 2));
            }
            // "21,900 pounds of fentanyl", "a pound of cocaine": a weight, not money.
            if matches!(w.as_ref(), "pound" | "pounds") && word_at(toks, j + 1) == Some("of") {
                return None;
            }
            currency_name(w).map(|(code, worth)| (code, worth, 1))
        }
        Tok::Num { .. } => None,
    }
}

/// Cents after a main amount: "50 cents", "and forty-five cents", "50" (alone, under 100).
fn cents_after(toks: &[Token], j: usize) -> Option<(f64, usize)> {
    let k = if word_at(toks, j) == Some("and") { j + 1 } else { j };
    let f = figure_at(toks, k, false)?;
    if f.value >= 100.0 || f.value < 0.0 || f.fraction {
        return None;
    }
    match money_suffix(toks, f.next) {
        Some((_, worth, n)) if worth < 1.0 => Some((f.value, f.next + n)),
        Some(_) => None,
        None => {
            // A bare figure after the amount ("15 dollars 50") must end the phrase.
            let ends = toks.get(f.next).is_none_or(|t| matches!(t.tok, Tok::Sym('.' | ',' | ';' | '!' | '?')) || matches!(word_at(toks, f.next), Some("m" | "million" | "billion")));
            ends.then_some((f.value, f.next))
        }
    }
}

fn share_start(toks: &[Token], j: usize) -> bool {
    share_at(toks, j).is_some()
}

/// "the majority of", "most of": a ratio above one half.
fn share_at(toks: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let n = match (word_at(toks, i), word_at(toks, i + 1), word_at(toks, i + 2)) {
        (Some("the" | "a"), Some("majority"), Some("of")) => 3,
        (Some("majority"), Some("of"), _) => 2,
        (Some("most"), Some("of"), _) => 2,
        _ => return None,
    };
    let q = Quantity { lo: Some(0.5), hi: Some(1.0), lo_open: true, hi_open: false, ..Quantity::exact(0.0, Unit::Ratio) };
    Some((q, i + n))
}

/// "billions of dollars", "thousands of": an order of magnitude.
fn magnitude_at(toks: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let w = word_at(toks, i)?;
    // "tens of thousands of": ten to a hundred of the scale that follows.
    if w == "tens" && word_at(toks, i + 1) == Some("of") {
        let next = match word_at(toks, i + 2)? {
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return None,
        };
        let of = word_at(toks, i + 3) == Some("of");
        let end = if of { i + 4 } else { i + 3 };
        return Some(vague_amount(toks, end, end, 10.0 * next, 100.0 * next, w));
    }
    let scale = match w {
        "dozens" => 12.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    };
    // "millions of dollars"; "it cost millions" stands alone.
    let of = word_at(toks, i + 1) == Some("of");
    if !of && matches!(toks.get(i + 1).map(|t| &t.tok), Some(Tok::Word(_) | Tok::Num { .. })) {
        return None;
    }
    let mut j = if of { i + 2 } else { i + 1 };
    // Dozens: 24 to 100; hundreds: 200 to 1,000; thousands and up: a factor of a thousand.
    let mut lo = if scale >= 1e3 { scale } else { scale * 2.0 };
    let mut hi = if scale == 12.0 { 100.0 } else if scale < 1e3 { scale * 10.0 } else { scale * 1000.0 };
    // "hundreds of thousands of": the scales multiply.
    if let Some(next) = word_at(toks, j).and_then(|w| match w {
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }) {
        if word_at(toks, j + 1) == Some("of") {
            lo *= next;
            hi *= next;
            j += 2;
        }
    }
    Some(vague_amount(toks, j, j, lo, hi, w))
}

/// [lo, hi) counted, or in the currency named at `j` ("millions of dollars"): a vague amount
/// ending at `end` unless a currency follows.
fn vague_amount(toks: &[Token], j: usize, end: usize, lo: f64, hi: f64, hedge: &str) -> (Quantity, usize) {
    let (unit, end) = match money_suffix(toks, j).filter(|(_, worth, _)| *worth == 1.0) {
        Some((code, _, n)) => (Unit::Money(code), j + n),
        None => (Unit::Count, end),
    };
    let q = Quantity { lo: Some(lo), hi: Some(hi), lo_open: false, hi_open: true, unit, point: None, hedge: Some(hedge.to_string()), of: None, per: None };
    (q, end)
}

/// "a few hundred", "several thousand", "several hundred thousand": a vague multiple of a
/// scale, from "a few" (2) or "several" (3) up to, not including, ten of it.
fn vague_multiple_at(toks: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let (least, mut j) = match (word_at(toks, i), word_at(toks, i + 1)) {
        (Some("a"), Some("few")) => (2.0, i + 2),
        (Some("several"), _) => (3.0, i + 1),
        _ => return None,
    };
    let scale_of = |w: &str| match w {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    };
    let mut scale = word_at(toks, j).and_then(scale_of)?;
    j += 1;
    while let Some(more) = word_at(toks, j).and_then(scale_of).filter(|s| *s > scale) {
        scale *= more;
        j += 1;
    }
    let hedge = if least == 2.0 { "a few" } else { "several" };
    Some(vague_amount(toks, j, j, least * scale, 10.0 * scale, hedge))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words the grammar reads that make no figure: every word and symbol in a string or
    /// character literal of this file (the grammar compares tokens with literals), plurals too,
    /// less those `may_hold_quantity` lets through.
    fn words_without_figures() -> Vec<String> {
        let source = include_str!("numbers.rs");
        let strings = source.split('"').skip(1).step_by(2).flat_map(|l| l.split(' '));
        let chars = source.split('\'').skip(1).step_by(2).filter(|l| l.chars().count() == 1);
        let words = strings.chain(chars).filter(|w| !w.is_empty() && w.len() < 20 && !w.contains(['\\', '{', '"']));
        let mut words: Vec<String> = words.flat_map(|w| [w.to_string(), format!("{w}s")]).filter(|w| !may_hold_quantity(w)).collect();
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn no_quantity_in_two_words_without_a_figure() {
        for text in super::super::gate_texts::pairs(&words_without_figures()) {
            assert!(quantities_in(&text).is_empty(), "{text:?}: {:?}", quantities_in(&text));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn no_quantity_without_a_figure(picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..9)) {
            let text = super::super::gate_texts::sequence(&picks, &words_without_figures());
            let found = quantities_in(&text);
            prop_assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    fn one(text: &str) -> Quantity {
        let found = find_quantities(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap().value
    }

    fn bounds(text: &str) -> (Option<f64>, Option<f64>, bool, bool, Unit) {
        let q = one(text);
        (q.lo, q.hi, q.lo_open, q.hi_open, q.unit)
    }

    const USD: Unit = Unit::Money("USD");

    #[test]
    fn every_hedge_in_the_table() {
        use Unit::*;
        assert_eq!(bounds("nearly 200,000 homicides"), (Some(180000.0), Some(200000.0), false, true, Count));
        assert_eq!(bounds("almost 50 people"), (Some(45.0), Some(50.0), false, true, Count));
        assert_eq!(bounds("close to 200 thousand"), (Some(180000.0), Some(200000.0), false, true, Count));
        assert_eq!(bounds("about 120,000 people"), (Some(108000.0), Some(132000.0), false, false, Count));
        assert_eq!(bounds("approximately 644 labs"), (Some(579.6), Some(708.4), false, false, Count));
        assert_eq!(bounds("roughly $17 billion"), (Some(15.3e9), Some(18.7e9), false, false, USD));
        assert_eq!(bounds("some 2.5 million guns"), (Some(2.25e6), Some(2.75e6), false, false, Count));
        assert_eq!(bounds("more than 25 percent"), (Some(25.0), None, true, false, Percent));
        assert_eq!(bounds("over $1.5 billion"), (Some(1.5e9), None, true, false, USD));
        assert_eq!(bounds("exceeded 34.7%"), (Some(34.7), None, true, false, Percent));
        assert_eq!(bounds("at least 12 agents"), (Some(12.0), None, false, false, Count));
        assert_eq!(bounds("fewer than 70 groups"), (None, Some(70.0), false, true, Count));
        assert_eq!(bounds("less than $1 billion"), (None, Some(1e9), false, true, USD));
        assert_eq!(bounds("as much as 40 percent"), (None, Some(40.0), false, false, Percent));
        assert_eq!(bounds("up to 300 troops"), (None, Some(300.0), false, false, Count));
        assert_eq!(bounds("between 20 and 30 deaths"), (Some(20.0), Some(30.0), false, false, Count));
        assert_eq!(bounds("from 20 to 30"), (Some(20.0), Some(30.0), false, false, Count));
        assert_eq!(bounds("20\u{2013}30 percent"), (Some(20.0), Some(30.0), false, false, Percent));
        assert_eq!(bounds("2 to 3 million"), (Some(2e6), Some(3e6), false, false, Count));
        assert_eq!(bounds("the majority of the weapons"), (Some(0.5), Some(1.0), true, false, Ratio));
        assert_eq!(bounds("fewer than half of the guns"), (None, Some(0.5), false, true, Ratio));
        assert_eq!(bounds("billions of dollars"), (Some(1e9), Some(1e12), false, true, USD));
        assert_eq!(bounds("5,000 or so"), (Some(4500.0), Some(5500.0), false, false, Count));
        assert_eq!(bounds("500 or more"), (Some(500.0), None, false, false, Count));
        assert_eq!(bounds("4,000-plus units"), (Some(4000.0), None, false, false, Count));
        assert_eq!(bounds("tens of thousands of troops"), (Some(1e4), Some(1e5), false, true, Count));
        assert_eq!(bounds("hundreds of thousands of people"), (Some(2e5), Some(1e6), false, true, Count));
        assert_eq!(bounds("hundreds of people"), (Some(200.0), Some(1000.0), false, true, Count));
        assert_eq!(bounds("$3bn-plus"), (Some(3e9), None, false, false, USD));
        assert_eq!(bounds("30 or less"), (None, Some(30.0), false, false, Count));
        assert_eq!(bounds("more than 10 and less than 20"), (Some(10.0), Some(20.0), true, true, Count));
        assert_eq!(bounds("at most 100 and at least 20"), (Some(20.0), Some(100.0), false, false, Count));
        assert_eq!(bounds("less than or equal to 40"), (None, Some(40.0), false, false, Count));
        assert_eq!(bounds(">= 30"), (Some(30.0), None, false, false, Count));
    }

    #[test]
    fn a_change_and_the_level_it_reached_are_no_range() {
        let found: Vec<String> = find_quantities("fell 5 percent to 29,675").iter().map(|q| crate::normalize::render_quantity(&q.value)).collect();
        assert_eq!(found, ["5 %", "29,675"]);
        let found: Vec<String> = find_quantities("from 70,000 in 2019 to 107,000").iter().map(|q| crate::normalize::render_quantity(&q.value)).collect();
        assert_eq!(found, ["70,000", "2,019", "107,000"]);
        assert_eq!(bounds("5 to 10 percent"), (Some(5.0), Some(10.0), false, false, Unit::Percent));
        assert_eq!(bounds("from 1,500 to 2,000"), (Some(1500.0), Some(2000.0), false, false, Unit::Count));
    }

    #[test]
    fn pounds_of_something_are_a_weight() {
        assert_eq!(bounds("21,900 pounds of fentanyl"), (Some(21900.0), Some(21900.0), false, false, Unit::Count));
        assert_eq!(bounds("50 pounds"), (Some(50.0), Some(50.0), false, false, Unit::Money("GBP")));
    }

    #[test]
    fn opposite_bounds_that_cannot_meet_stay_apart() {
        assert_eq!(find_quantities("more than 40 and less than 10").len(), 2);
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
        assert_eq!(one("fifty - two").lo, Some(52.0));
        assert_eq!(one("three million, two hundred & forty").lo, Some(3_000_240.0));
        assert_eq!(one("two thousand, five hundred soldiers").lo, Some(2500.0));
        assert_eq!(find_quantities("one million, two years later").len(), 2);
    }

    #[test]
    fn one_counts_unless_it_is_a_pronoun_or_an_idiom() {
        assert_eq!(one("one soldier was killed").lo, Some(1.0));
        assert_eq!(one("only one survived").lo, Some(1.0));
        for phrase in ["one of the sons", "by one count", "the one you mentioned", "Which one do you prefer?", "no one was hurt", "one cartel leader after another", "one by one", "one must ask"] {
            assert!(find_quantities(phrase).is_empty(), "{phrase}");
        }
    }

    #[test]
    fn fractions_in_words_and_digits() {
        assert_eq!(one("two thirds").lo, Some(round(2.0 / 3.0)));
        assert_eq!(one("one and a half").lo, Some(1.5));
        assert_eq!(one("five and a half million fish").lo, Some(5.5e6));
        assert_eq!(one("3 million and a half").lo, Some(3.5e6));
        assert_eq!(one("a quarter million").lo, Some(250000.0));
        assert_eq!(one("one hundred thirty fifths").lo, Some(round(100.0 / 35.0)));
        assert_eq!(one("one hundred and thirty fifths").lo, Some(26.0));
        assert_eq!(one("three twenty-firsts").lo, Some(round(3.0 / 21.0)));
        assert_eq!(one("3/4").lo, Some(0.75));
        assert_eq!(one("2 1/2 inches").lo, Some(2.5));
        assert_eq!(one("\u{2154}").lo, Some(round(2.0 / 3.0)));
        assert_eq!(one("nine point nought four").lo, Some(9.04));
        assert_eq!(one("two hundred point seventy-one").lo, Some(200.71));
    }

    #[test]
    fn signs_scales_and_notation() {
        assert_eq!(one("-9.25").lo, Some(-9.25));
        assert_eq!(one("minus five").lo, Some(-5.0));
        assert_eq!(one("10k").lo, Some(10000.0));
        assert_eq!(one("1.2b").lo, Some(1.2e9));
        assert_eq!(one("1.3e6").lo, Some(1.3e6));
        assert_eq!(one("1.3x10^6").lo, Some(1.3e6));
        assert_eq!(one(".08").lo, Some(0.08));
        assert_eq!(one("1 234 567").lo, Some(1234567.0));
        assert_eq!(one("12,34,567.89").lo, Some(1234567.89));
        assert_eq!(one("3 lakh").lo, Some(300000.0));
        assert_eq!(one("3 hundred and 21").lo, Some(321.0));
        assert_eq!(one("3 dozens").lo, Some(36.0));
    }

    #[test]
    fn vague_multiples_of_a_scale() {
        assert_eq!(bounds("a few hundred gunmen"), (Some(200.0), Some(1000.0), false, true, Unit::Count));
        assert_eq!(bounds("several thousand troops"), (Some(3000.0), Some(10000.0), false, true, Unit::Count));
        assert_eq!(bounds("several hundred thousand people"), (Some(300000.0), Some(1e6), false, true, Unit::Count));
        assert_eq!(bounds("a few dozen"), (Some(24.0), Some(120.0), false, true, Unit::Count));
        assert!(find_quantities("several witnesses and a few officers").is_empty());
    }

    #[test]
    fn codes_and_divisions_by_zero_are_no_quantities() {
        assert!(find_quantities("the COVID-19 pandemic").is_empty());
        assert!(find_quantities("an AK-47 and an F-16").is_empty());
        assert!(find_quantities("1/0 is undefined").is_empty());
        assert_eq!(one("in mid-2019").lo, Some(2019.0));
        assert_eq!(find_quantities("a 5-2 vote").len(), 2);
        assert!(find_quantities("cluster MACS J1149.5+6663").is_empty());
        assert_eq!(find_quantities("oscillates at 4e14 s-1, or 1 fb\u{2212}1").len(), 2);
        assert_eq!(one("a top-10 list").lo, Some(10.0));
    }

    #[test]
    fn money_in_any_currency() {
        assert_eq!(one("$16.7 billion").value_unit(), (Some(16.7e9), USD));
        assert_eq!(one("$5m bounty").value_unit(), (Some(5e6), USD));
        assert_eq!(one("\u{a3}2,000").value_unit(), (Some(2000.0), Unit::Money("GBP")));
        assert_eq!(one("10 \u{20ac}").value_unit(), (Some(10.0), Unit::Money("EUR")));
        assert_eq!(one("500 dollars").value_unit(), (Some(500.0), USD));
        assert_eq!(one("3 dollars 50 cents").value_unit(), (Some(3.5), USD));
        assert_eq!(one("thirteen dollars and forty-five cents").value_unit(), (Some(13.45), USD));
        assert_eq!(one("75 USD million").value_unit(), (Some(75e6), USD));
        assert_eq!(one("EUR 125").value_unit(), (Some(125.0), Unit::Money("EUR")));
        assert_eq!(one("34 cents").lo, Some(34.0));
    }

    #[test]
    fn x_of_y_is_a_count_with_a_denominator() {
        let q = one("109 of the 122 traffickers");
        assert_eq!((q.lo, q.hi, q.of), (Some(109.0), Some(109.0), Some(122.0)));
        assert_eq!(one("one hundred and nine of the 122").of, Some(122.0));
        assert_eq!(one("109 out of the 122").lo, Some(109.0));
    }

    #[test]
    fn x_in_y_is_a_ratio() {
        assert_eq!(bounds("seven in ten guns"), (Some(0.7), Some(0.7), false, false, Unit::Ratio));
        assert_eq!(bounds("roughly one in four"), (Some(0.225), Some(0.275), false, false, Unit::Ratio));
        assert_eq!(find_quantities("seven in 2020")[0].value.unit, Unit::Count);
    }

    #[test]
    fn ratios_compare_with_percentages() {
        assert!(one("the majority of").overlaps(&one("74 percent")));
        assert!(!one("fewer than half of").overlaps(&one("74 percent")));
    }

    #[test]
    fn rates_carry_their_population() {
        let q = one("about 29 per 100,000 residents");
        assert_eq!((q.unit, q.per, q.point), (Unit::Rate, Some(100000.0), Some(29.0)));
    }

    #[test]
    fn ordinals_times_and_names_are_not_quantities() {
        assert!(find_quantities("the 1st of May, a G20 summit, at 2 pm, 7:00").iter().all(|m| m.value.lo != Some(1.0) && m.value.lo != Some(20.0) && m.value.lo != Some(2.0)));
        assert!(find_quantities("one of the sons").is_empty());
        assert_eq!(find_quantities("from fewer than 70 in 2010 to more than 200 in 2020").len(), 4);
    }

    impl Quantity {
        fn value_unit(&self) -> (Option<f64>, Unit) {
            (self.lo, self.unit)
        }
    }
}
