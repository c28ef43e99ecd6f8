//! The claim-sheet loader on any text: an error or a sheet whose spans fit, never a panic;
//! and a sheet that loads normalizes without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((sheet, _)) = concord::parse_sheet(text, std::path::Path::new("fuzz.json")) {
        let lexicon = concord::lexicon::Lexicon::bundled();
        for st in &sheet.statements {
            assert_eq!(st.end - st.start, st.quote.len());
            let input = concord::normalize::StatementInput { quote: &st.quote, note: st.note, published: sheet.source.published, context: st.context.as_ref().map(|c| c.text.as_str()) };
            let _ = concord::normalize::normalize(&input, &lexicon);
        }
    }
});
