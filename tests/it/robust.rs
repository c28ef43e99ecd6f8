//! Robustness: Unicode oddities in real articles, broken pipes, and properties that must hold
//! for any input (proptest).

use std::io::Read;
use std::process::{Command, Stdio};

use concord::lexicon::Lexicon;
use concord::normalize::numbers::find_quantities;
use concord::normalize::{Quantity, Unit, Value};
use proptest::prelude::*;

use crate::support::{pipeline, scratch};

#[test]
fn quotes_and_spans_survive_unicode_oddities() {
    // A BOM, CRLF line ends, NFD "Peña" (n + combining tilde), no-break spaces, a zero-width
    // joiner, curly quotes.
    let text = "\u{feff}Title\r\n\r\nUnder Pen\u{0303}a Nieto, authorities captured 109\u{a0}of the 122 traffickers.\r\n\u{201c}The arrest of Gen.\u{a0}Salvador\u{200d} Cienfuegos by U.S. agents in October 2020,\u{201d} the paper said.\r\n";
    let dir = scratch("unicode");
    std::fs::write(dir.join("a.txt"), text).unwrap();
    std::fs::write(dir.join("sources.json"), r#"{"sources": [{"id": "a", "file": "a.txt", "published": "2021-01-01"}]}"#).unwrap();
    let corpus = concord::load_corpus(&dir.join("sources.json")).unwrap();
    let sheets = concord::extract_corpus(&corpus, &Lexicon::bundled(), 1);
    let statements = &sheets[0].statements;
    assert!(statements.len() >= 2, "{statements:#?}");
    for st in statements {
        assert_eq!(&text[st.start..st.end], st.quote, "a span that does not hold its quote");
    }
    let report = pipeline(&dir.join("sources.json"), &dir, 1);
    assert!(report.json.contains("traffickers-captured-or-killed{period=pena-nieto-term}"), "{}", report.markdown);
    assert!(report.json.contains("arrest{person=cienfuegos}.date"), "{}", report.markdown);
}

#[test]
fn a_broken_pipe_on_stdout_is_a_clean_exit() {
    let dir = scratch("broken-pipe");
    let big = "Nearly 200,000 homicides were recorded in 2020. ".repeat(20_000);
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord")).args(["scan", &dir.join("big.txt").to_string_lossy()]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "a closed pipe must not be an error");
}

/// An integer in English words, as a careful writer spells it.
fn words(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", SMALL[(n / 100) as usize]));
        }
        let rest = n % 100;
        if rest > 0 {
            let tail = if rest < 20 { SMALL[rest as usize].to_string() } else if rest.is_multiple_of(10) { TENS[(rest / 10) as usize].to_string() } else { format!("{}-{}", TENS[(rest / 10) as usize], SMALL[(rest % 10) as usize]) };
            if n >= 100 {
                parts.push("and".to_string());
            }
            parts.push(tail);
        }
        parts.join(" ")
    }
    if n == 0 {
        return "zero".into();
    }
    let scales = [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (1, "")];
    let mut parts = Vec::new();
    let mut rest = n;
    for (size, name) in scales {
        let chunk = rest / size;
        rest %= size;
        if chunk > 0 {
            parts.push(if name.is_empty() { below_thousand(chunk) } else { format!("{} {name}", below_thousand(chunk)) });
        }
    }
    parts.join(" ")
}

fn quantity() -> impl Strategy<Value = Quantity> {
    (0.0f64..1e6, 0.0f64..1e4, any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(lo, width, lo_open, hi_open, lo_none, hi_none)| Quantity {
        lo: (!lo_none).then_some(lo),
        hi: (!hi_none).then_some(lo + width),
        lo_open,
        hi_open,
        ..Quantity::exact(0.0, Unit::Count)
    })
}

/// Pieces of text that make aliases, near-aliases and the edges between them: accents,
/// curly quotes, a zero-width space, glued endnote digits, stops and line breaks.
const ALIAS_TEXT_PARTS: &[&str] = &[
    "Mexico", " City", "Mexico City", "El", " Chapo", "Peña", " Nieto", "Pen\u{0303}a", "Guzmán", " López", "U.S.", "US", "arrested", "arrest",
    "homicides", " in ", "2019", ".", ". ", "2 ", "\n\n", " ", "\u{200b}", "\u{2019}s", "é", "\u{201c}", "\u{201d}", ",", "the", "Sinaloa", " cartel",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn integers_in_words_parse_back(n in 2u64..1_000_000_000_000_000) {
        let text = words(n);
        let found = find_quantities(&text);
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        prop_assert_eq!(found[0].value.lo, Some(n as f64), "{}", text);
    }

    #[test]
    fn hedged_intervals_hold_the_figure_as_the_table_says(p in 1u32..10_000_000) {
        let p = f64::from(p);
        let figure = format!("{p}");
        let read = |hedge: &str| find_quantities(&format!("{hedge} {figure} people")).remove(0).value;
        let contains = |q: &Quantity, x: f64| q.lo.is_none_or(|l| x > l || x == l && !q.lo_open) && q.hi.is_none_or(|h| x < h || x == h && !q.hi_open);
        for hedge in ["about", "roughly", "approximately", "at least", "up to", "as many as"] {
            prop_assert!(contains(&read(hedge), p), "{} {}", hedge, p);
        }
        for hedge in ["more than", "over", "nearly", "fewer than", "less than", "almost"] {
            let q = read(hedge);
            prop_assert!(!contains(&q, p), "{} {} holds the figure", hedge, p);
            prop_assert!(q.lo == Some(p) || q.hi == Some(p), "{} {} is bounded by the figure", hedge, p);
        }
    }

    #[test]
    fn comparing_is_symmetric(a in quantity(), b in quantity()) {
        let lexicon = Lexicon::bundled();
        let (a, b) = (Value::Quantity(a), Value::Quantity(b));
        prop_assert_eq!(a.agrees(&b, &lexicon), b.agrees(&a, &lexicon));
    }

    #[test]
    fn one_alias_pass_over_a_text_finds_what_each_sentence_alone_holds(parts in proptest::collection::vec(prop::sample::select(ALIAS_TEXT_PARTS), 0..40)) {
        let lexicon = Lexicon::bundled();
        let text: String = parts.concat();
        let spans: Vec<std::ops::Range<usize>> = concord::extract::sentences::split(&text).iter().map(|s| s.start..s.end).collect();
        let whole = lexicon.mentions_in_spans(&text, &spans);
        for (index, span) in spans.iter().enumerate() {
            if let Some(found) = whole.get(index) {
                let alone = lexicon.mentions(&text[span.clone()]);
                prop_assert_eq!(found, alone.as_slice(), "{:?} in {:?}", &text[span.clone()], text);
            }
        }
    }

    #[test]
    fn scanning_never_panics_and_spans_hold(text in "\\PC{0,200}") {
        for m in concord::scan::scan(&text, None) {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start <= m.end);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn the_report_ignores_source_order_and_threads(seed in any::<u64>(), threads in 1usize..3) {
        let case = std::path::Path::new("tests/fixtures/corpora/mixed-formats");
        let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(case.join("sources.json")).unwrap()).unwrap();
        let mut sources = manifest["sources"].as_array().unwrap().clone();
        // A permutation drawn from the seed.
        let mut state = seed | 1;
        for i in (1..sources.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            sources.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let dir = scratch(&format!("permute-{seed}-{threads}"));
        for s in &sources {
            let f = s["file"].as_str().unwrap();
            std::fs::copy(case.join(f), dir.join(f)).unwrap();
        }
        std::fs::write(dir.join("sources.json"), serde_json::json!({"sources": sources}).to_string()).unwrap();
        let permuted = pipeline(&dir.join("sources.json"), &dir.join("out"), threads);
        let base_dir = scratch(&format!("permute-base-{seed}-{threads}"));
        for s in manifest["sources"].as_array().unwrap() {
            let f = s["file"].as_str().unwrap();
            std::fs::copy(case.join(f), base_dir.join(f)).unwrap();
        }
        std::fs::write(base_dir.join("sources.json"), manifest.to_string()).unwrap();
        let base = pipeline(&base_dir.join("sources.json"), &base_dir.join("out"), 1);
        let strip = |s: &str, d: &std::path::Path| s.replace(&d.to_string_lossy().to_string(), "DIR");
        prop_assert_eq!(strip(&permuted.json, &dir), strip(&base.json, &base_dir));
        prop_assert_eq!(strip(&permuted.markdown, &dir), strip(&base.markdown, &base_dir));
    }
}

/// `reads_context` lets extract skip reading a statement with the sentence before it: every
/// sentence of the fixtures (and of the seeds and the dev corpus, where ../shared is here) it
/// says reads no context must claim the same with each of the five sentences before it as
/// with none.
#[test]
fn a_quote_that_reads_no_context_claims_the_same_with_one() {
    use concord::normalize::keys::reads_context;
    use concord::normalize::{normalize, StatementInput};
    let lexicon = Lexicon::bundled();
    let mut manifests: Vec<std::path::PathBuf> = std::fs::read_dir("tests/fixtures/corpora").unwrap().map(|e| e.unwrap().path().join("sources.json")).collect();
    manifests.extend(crate::support::shared().map(|s| [s.join("seeds/sources.json"), s.join("eval/dev/sources.json")]).into_iter().flatten());
    let mut checked = 0;
    for manifest in manifests {
        let corpus = concord::load_corpus(&manifest).unwrap();
        for source in &corpus.sources {
            let text = &source.text;
            let sentences = concord::extract::sentences::split(text);
            for (i, s) in sentences.iter().enumerate() {
                let quote = &text[s.start..s.end];
                if reads_context(quote, s.note, &lexicon.mentions(quote), &lexicon) {
                    continue;
                }
                let read = |context: Option<&str>| normalize(&StatementInput { quote, note: s.note, published: source.meta.published, context }, &lexicon);
                let alone = read(None);
                for before in &sentences[i.saturating_sub(5)..i] {
                    assert_eq!(read(Some(&text[before.start..before.end])), alone, "{quote:?} after {:?}", &text[before.start..before.end]);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} pairs checked");
}
