//! The sentence splitter on any text: spans in order, on char boundaries, never overlapping.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for s in concord::extract::sentences::split(text) {
        assert!(s.start >= last && s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        last = s.end;
    }
});
