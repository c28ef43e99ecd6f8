//! The date grammar on any text, against a day-precise reference: no panic, valid ranges.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = concord::source::PartialDate::parse("2024-11-05");
    for d in concord::normalize::dates::find_dates(text, reference) {
        assert!(d.start <= d.end && text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
        assert!(d.value.from() <= d.value.to());
    }
});
