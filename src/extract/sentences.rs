//! Sentence splitting: a text in, sentence byte spans out, in text order, never overlapping.
//!
//! Hand-rolled and linear: lines are hard boundaries (articles keep paragraphs, bullets and
//! timeline entries on lines of their own); inside a line a `.`, `!` or `?` ends a sentence
//! when a capital, a quote or a digit follows, unless it closes an abbreviation (`U.S.`,
//! `Gen.`, `Oct.`, an initial). An endnote number glued to the stop ("2024.24Rafael",
//! "2020.[12]") ends the sentence too, and what follows it is marked as a note.

/// One sentence: `text[start..end]` is its verbatim quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Starts right after an endnote marker or holds a URL: a citation, not the body.
    pub note: bool,
}

/// Words that end with a dot without ending the sentence (a `match`: one comparison tree,
/// not a scan of the list, for every stop in a text).
fn is_listed_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Sgt" | "Capt" | "Adm" | "Gov" | "Sen" | "Rep" |
        "Pres" | "St" | "Jr" | "Sr" | "No" | "Nos" | "vs" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" |
        "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Inc" | "Corp" | "Co" | "Ltd" | "Vol" | "pp" | "approx" | "est" |
        "Ft" | "Mt" | "Ave" | "Blvd" | "Dept" | "Gral"
    )
}

/// No sentence of prose runs this long; a longer run (a table, a dump without stops) is cut
/// at spaces, so every later stage stays linear in the text.
pub const MAX_SENTENCE: usize = 4096;

pub fn split(text: &str) -> Vec<Sentence> {
    // Sentences of prose run about a hundred bytes, fewer in notes and lists: one
    // allocation, not a doubling series.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut line_start = 0;
    // Each line with its newline, as `split_inclusive('\n')` gives them.
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()) {
        split_line(text, line_start, newline + 1, &mut out);
        line_start = newline + 1;
    }
    if line_start < text.len() {
        split_line(text, line_start, text.len(), &mut out);
    }
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE) {
        out = out.into_iter().flat_map(|s| cut(text, s)).collect();
    }
    out
}

fn cut(text: &str, s: Sentence) -> Vec<Sentence> {
    let mut pieces = Vec::new();
    let mut start = s.start;
    while s.end - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let at = text[start..limit].rfind(char::is_whitespace).map_or(limit, |p| start + p);
        let at = if at <= start { limit } else { at };
        pieces.push(Sentence { start, end: at, note: s.note });
        start = at + text[at..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8);
    }
    pieces.push(Sentence { start, end: s.end, note: s.note });
    pieces
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    // A URL has a colon: most lines have none, and their sentences need no search for one.
    let colon = memchr::memchr(b':', &bytes[from..to]).is_some();
    let mut start = from;
    let mut note = false;
    let mut i = from;
    // Only a stop can end a sentence: jump from one to the next.
    while let Some(skip) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..to]) {
        i += skip;
        let b = bytes[i];
        if !(b == b'.' && is_abbreviation(text, from, i)) {
            let after = i + 1;
            // An endnote marker glued to the stop: digits, then a capital or a quote.
            let digits = bytes[after..to].iter().take_while(|c| c.is_ascii_digit()).count();
            if b == b'.' && (1..=3).contains(&digits) && starts_note(text, after + digits, to) {
                push(text, start, after, note, colon, out);
                start = after + digits;
                note = true;
                i = start;
                continue;
            }
            // An endnote marker glued to the stop, then the text goes on: "in Mexico.2 Around".
            let letter_before = text[from..i].chars().next_back().is_some_and(char::is_alphabetic);
            if b == b'.' && letter_before && (1..=3).contains(&digits) {
                let rest = &text[after + digits..to];
                let trimmed = rest.trim_start();
                if rest.len() != trimmed.len() && starts_sentence(trimmed) {
                    push(text, start, after, note, colon, out);
                    start = after + digits;
                    note = false;
                    i = start;
                    continue;
                }
            }
            // A bracketed endnote: "2020.[12] Next".
            if bytes.get(after) == Some(&b'[') {
                if let Some(close) = text[after..to].find(']') {
                    let inner = &text[after + 1..after + close];
                    if !inner.is_empty() && inner.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'-') {
                        push(text, start, after + close + 1, note, colon, out);
                        start = after + close + 1;
                        note = false;
                        i = start;
                        continue;
                    }
                }
            }
            // Closing quotes and brackets belong to the sentence they close.
            let mut end = after;
            while end < to {
                let rest = &text[end..to];
                let c = rest.chars().next().unwrap_or(' ');
                // Closing quotes, brackets and Markdown emphasis ("**Why?**") close the sentence.
                if matches!(c, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '*' | '_') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[end..to];
            // An endnote number after a closing quote: "…remains.”61David".
            let note_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if end > after && (1..=3).contains(&note_digits) && starts_note(text, end + note_digits, to) {
                push(text, start, end, note, colon, out);
                start = end + note_digits;
                note = true;
                i = start;
                continue;
            }
            let trimmed = rest.trim_start();
            if rest.len() != trimmed.len() && starts_sentence(trimmed) {
                push(text, start, end, note, colon, out);
                start = end;
                note = false;
                i = end;
                continue;
            }
            if rest.trim().is_empty() {
                break;
            }
        }
        i += 1;
    }
    push(text, start, to, note, colon, out);
}

fn is_abbreviation(text: &str, line_start: usize, dot: usize) -> bool {
    // Most words before a stop are plain ASCII letters or digits after a space: settled from
    // their bytes, as below. No abbreviation holds a digit.
    let bytes = &text.as_bytes()[line_start..dot];
    // Seven letters or digits right before the stop end no abbreviation, whatever precedes
    // them (the longest listed has six, and a dotted one ends in a part of two at most).
    let run = bytes.iter().rev().take(7).take_while(|b| b.is_ascii_alphanumeric()).count();
    if run == 7 {
        return false;
    }
    if run > 0 && bytes.len().checked_sub(run + 1).is_none_or(|k| bytes[k] == b' ') {
        let word = &text[dot - run..dot];
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return false;
        }
        return run == 1 && word.as_bytes()[0].is_ascii_uppercase() || is_listed_abbreviation(word);
    }
    let word_start = text[line_start..dot]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}' | '\u{2014}'))
        .map_or(line_start, |(p, c)| line_start + p + c.len_utf8());
    let word = &text[word_start..dot];
    if word.is_empty() {
        return false;
    }
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most words before a stop are no abbreviation: a long one has no dot inside it and is in
    // no list, so it is settled without scanning either.
    if bare.len() > 6 && !bare.contains('.') {
        return false;
    }
    // Initials and dotted abbreviations: "W.", "U.S.", "D.C.", "e.g."
    if bare.chars().count() == 1 && bare.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    is_listed_abbreviation(bare)
}

fn starts_sentence(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['*', '_']);
    let c = rest.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{2022}' | '$')
}

fn starts_note(text: &str, at: usize, to: usize) -> bool {
    let c = text[at..to].chars().next().unwrap_or(' ');
    c.is_uppercase() || matches!(c, '"' | '\u{201c}' | '\u{2018}')
}

fn push(text: &str, start: usize, end: usize, note: bool, line_has_colon: bool, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c)).len();
    let trail = piece.len() - piece.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s < e && text[s..e].chars().any(|c| c.is_alphanumeric()) {
        // One searcher for every sentence: building one costs more than most searches.
        static HTTP: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        let http = HTTP.get_or_init(|| memchr::memmem::Finder::new(b"http"));
        let bytes = &text.as_bytes()[s..e];
        let note = note || line_has_colon && memchr::memchr(b':', bytes).is_some() && http.find_iter(bytes).any(|at| text[s + at + 4..e].starts_with("://") || text[s + at + 4..e].starts_with("s://"));
        out.push(Sentence { start: s, end: e, note });
    }
}

fn is_bullet(c: char) -> bool {
    matches!(c, '\u{2022}' | '\u{25aa}' | '\u{25cf}' | '\u{00b7}' | '*' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            quotes("U.S. agents held Gen. Ruiz in Oct. 2020 at No. 5 Main St. in L.A. He left. Then W. Bush spoke."),
            ["U.S. agents held Gen. Ruiz in Oct. 2020 at No. 5 Main St. in L.A. He left.", "Then W. Bush spoke."]
        );
    }

    #[test]
    fn glued_endnotes_end_the_sentence_and_start_a_note() {
        let text = "Deaths rose 25 percent.24Maria Lopez, \u{201c}A title,\u{201d} Paper. Next fact here.";
        let parts = split(text);
        assert_eq!(&text[parts[0].start..parts[0].end], "Deaths rose 25 percent.");
        assert!(!parts[0].note);
        assert_eq!(&text[parts[1].start..parts[1].end], "Maria Lopez, \u{201c}A title,\u{201d} Paper.");
        assert!(parts[1].note);
        assert_eq!(&text[parts[2].start..parts[2].end], "Next fact here.");
    }

    #[test]
    fn an_endnote_marker_before_a_space_ends_the_sentence_and_the_text_goes_on() {
        let text = "More than 450,000 people were killed in Mexico.2 Around 300,000 died later. Version 2.2 Beta stays.";
        assert_eq!(quotes(text), ["More than 450,000 people were killed in Mexico.", "Around 300,000 died later.", "Version 2.2 Beta stays."]);
        assert!(split(text).iter().all(|s| !s.note));
    }

    #[test]
    fn endnotes_after_a_closing_quote() {
        let text = "It \u{201c}failed.\u{201d}61David Mansfield, Paper.";
        let parts = split(text);
        assert_eq!(&text[parts[0].start..parts[0].end], "It \u{201c}failed.\u{201d}");
        assert!(parts[1].note);
    }

    #[test]
    fn bracketed_endnotes_and_decimals() {
        assert_eq!(quotes("It cost $1.5 billion in 2020.[12] It rose 34.7% later."), ["It cost $1.5 billion in 2020.[12]", "It rose 34.7% later."]);
    }

    #[test]
    fn lines_and_bullets_are_boundaries() {
        let text = "\u{feff}Title line\r\n\u{2022} First point: 109 of 122.\r\n\u{2022} Second point\r\n";
        assert_eq!(quotes(text), ["Title line", "First point: 109 of 122.", "Second point"]);
    }

    #[test]
    fn a_run_without_stops_is_cut_into_pieces_that_cover_it() {
        let text = "word ".repeat(3000);
        let parts = split(&text);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.end - p.start <= MAX_SENTENCE));
        assert_eq!(parts[0].start, 0);
        assert!(parts.windows(2).all(|w| w[0].end < w[1].start));
    }

    #[test]
    fn markdown_emphasis_closes_and_opens_sentences() {
        assert_eq!(quotes("**How many?** Roughly 199,000. **Who?** Agents."), ["How many?**", "Roughly 199,000.", "Who?**", "Agents."]);
    }

    #[test]
    fn curly_quotes_close_their_sentence() {
        assert_eq!(quotes("He said \u{201c}no.\u{201d} She left."), ["He said \u{201c}no.\u{201d}", "She left."]);
    }
}
