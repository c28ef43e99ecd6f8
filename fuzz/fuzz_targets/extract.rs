//! Extract on any text: never a panic, every quote where its span says; and the one alias pass
//! over the whole text gives each sentence the mentions a pass over the sentence alone gives.
#![no_main]
use libfuzzer_sys::fuzz_target;

use concord::lexicon::Lexicon;
use concord::source::{PartialDate, Source, SourceMeta};

static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();

fuzz_target!(|text: &str| {
    // Built once: parsing the lexicon and building its matcher is most of a small input's cost.
    let lexicon = LEXICON.get_or_init(Lexicon::bundled);
    let spans: Vec<std::ops::Range<usize>> = concord::extract::sentences::split(text).iter().map(|s| s.start..s.end).collect();
    let whole = lexicon.mentions_in_spans(text, &spans);
    for (index, span) in spans.iter().enumerate() {
        if let Some(found) = whole.get(index) {
            assert_eq!(found, lexicon.mentions(&text[span.clone()]).as_slice());
        }
    }
    let source = Source { meta: SourceMeta { id: "fuzz".into(), file: "fuzz.txt".into(), published: PartialDate::parse("2025-01-01"), ..Default::default() }, path: std::path::PathBuf::new(), text: text.to_string() };
    for st in concord::extract::extract(&source, lexicon).statements {
        assert_eq!(&text[st.start..st.end], st.quote);
    }
});
