//! The number and hedge grammar on any text: no panic, spans on char boundaries, in order.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for m in concord::normalize::numbers::find_quantities(text) {
        assert!(m.start >= last && m.start <= m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        last = m.end;
    }
});
