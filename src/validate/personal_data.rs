//! Finds personal data in story and nomination bodies: e-mail addresses, UK telephone
//! numbers, UK postcodes, NHS numbers and National Insurance numbers.
//!
//! Promise 4 of the content conventions: contacts belong in `media_contact`, never in a
//! body that is published, fed and indexed. Validation reports each match unless the
//! file's `allow_personal_data` lists it (see [`allowed`]).
//!
//! Every finder leans towards catching a real value; the checks against false alarms
//! (check digits, case consistency, word boundaries) are the ones that keep years, dates,
//! money, times and reference numbers out.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What kind of personal data a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PersonalDataKind {
    /// An e-mail address such as `jo@example.org`.
    Email,
    /// A UK telephone number, written in any of the usual ways.
    Phone,
    /// A UK postcode such as `SW1A 1AA`.
    Postcode,
    /// An NHS number with a valid check digit.
    NhsNumber,
    /// A National Insurance number such as `AB 12 34 56 C`.
    NiNumber,
}

impl PersonalDataKind {
    /// The kind in words, for a sentence such as "the body contains an e-mail address".
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            PersonalDataKind::Email => "an e-mail address",
            PersonalDataKind::Phone => "a telephone number",
            PersonalDataKind::Postcode => "a postcode",
            PersonalDataKind::NhsNumber => "an NHS number",
            PersonalDataKind::NiNumber => "a National Insurance number",
        }
    }
}

/// One piece of personal data and where it is, as a byte range into the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonalDataMatch {
    /// What was found.
    pub(crate) kind: PersonalDataKind,
    /// Where: a byte range into the text given to [`find_personal_data`].
    pub(crate) range: Range<usize>,
}

/// Every piece of personal data in `text`, in order of position, never overlapping.
///
/// Where two finders claim the same characters the more specific one wins, in this
/// order: e-mail address, NHS number (its check digit is valid), National Insurance
/// number, telephone number, postcode.
pub(crate) fn find_personal_data(text: &str) -> Vec<PersonalDataMatch> {
    let finders: [(PersonalDataKind, FindFn); 5] = [
        (PersonalDataKind::Email, find_emails),
        (PersonalDataKind::NhsNumber, find_nhs_numbers),
        (PersonalDataKind::NiNumber, find_ni_numbers),
        (PersonalDataKind::Phone, find_phones),
        (PersonalDataKind::Postcode, find_postcodes),
    ];
    // Accepted matches by start. They never overlap, so the only one that can overlap a
    // new range is the last one starting before the new range ends.
    let mut accepted: BTreeMap<usize, PersonalDataMatch> = BTreeMap::new();
    for (kind, finder) in finders {
        for range in finder(text) {
            let clashes = accepted
                .range(..range.end)
                .next_back()
                .is_some_and(|(_, m)| m.range.end > range.start);
            if !clashes {
                accepted.insert(range.start, PersonalDataMatch { kind, range });
            }
        }
    }
    accepted.into_values().collect()
}

/// Whether `found` is listed in the file's `allow_personal_data`.
///
/// The match is exact, except that runs of white space (including line breaks and
/// no-break spaces) count as one space and white space at either end is ignored, so
/// `"01632  960000"` in the body is allowed by `"01632 960000"` in the list. Case
/// matters: the list is a record of exactly what was published.
pub(crate) fn allowed(found: &str, allow_list: &[String]) -> bool {
    let found = normalise_whitespace(found);
    allow_list
        .iter()
        .any(|entry| normalise_whitespace(entry) == found)
}

fn normalise_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One kind's search: the byte ranges of every match in a text.
type FindFn = fn(&str) -> Vec<Range<usize>>;

// ---------------------------------------------------------------------------------------
// Boundaries shared by the number finders.

/// Whether a number may start right after `before`: not inside a word, a longer number,
/// a decimal, an amount of money or an international number. Underscores count as
/// outside the number, because markdown uses them for emphasis (`_01632 960000_`).
fn number_may_start_after(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric()
                || matches!(c, '+' | '-' | '.' | ',' | '/' | '£' | '$' | '€' | '@'))
        }
    }
}

/// Whether a number may end right before `rest`: not inside a word, and not continued as
/// a decimal, a list of digits or a hyphenated reference (`0123-456-789-012`).
fn number_may_end_before(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',' | '-' | '/') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

fn char_before(text: &str, index: usize) -> Option<char> {
    text.get(..index).and_then(|head| head.chars().next_back())
}

/// Whether a word may start right after `before`. Underscores count as outside the word
/// because markdown uses them for emphasis (`_SW1A 1AA_`).
fn word_may_start_after(before: Option<char>) -> bool {
    !before.is_some_and(char::is_alphanumeric)
}

fn word_may_end_before(rest: &str) -> bool {
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// The boundaries a match must have on either side.
struct Boundaries {
    start: fn(Option<char>) -> bool,
    end: fn(&str) -> bool,
}

const NUMBER: Boundaries = Boundaries {
    start: number_may_start_after,
    end: number_may_end_before,
};

const WORD: Boundaries = Boundaries {
    start: word_may_start_after,
    end: word_may_end_before,
};

/// Finds `pattern` everywhere it matches with `boundaries` around it and `accept` says
/// yes. After a rejected match the search goes on from the next place a match could
/// start, so a bad candidate does not hide a good one that overlaps it.
///
/// Boundaries are checked here rather than with `\b` in the patterns: `\b` counts `_` as
/// a letter, and a Unicode `\b` makes the regex engine fall back to a slower search
/// whenever the text holds a curly quote.
fn find_bounded(
    text: &str,
    pattern: &Regex,
    boundaries: &Boundaries,
    accept: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(m) = pattern.find_at(text, from) {
        if (boundaries.start)(char_before(text, m.start()))
            && (boundaries.end)(&text[m.end()..])
            && accept(m.as_str())
        {
            found.push(m.range());
            from = m.end();
        } else {
            from = after_word(text, m.start());
        }
        if from >= text.len() {
            break;
        }
    }
    found
}

/// The first place after `start` that does not follow a letter or digit. No match can
/// start between the two (every boundary forbids it), and skipping them keeps a long
/// run of digits or letters linear.
fn after_word(text: &str, start: usize) -> usize {
    let mut end = start;
    for c in text[start..].chars() {
        end += c.len_utf8();
        if !c.is_alphanumeric() {
            break;
        }
    }
    end
}

// ---------------------------------------------------------------------------------------
// E-mail addresses.

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    // Local part, then a domain of one or more labels and an alphabetic top-level domain.
    // The final `\b` stops before a full stop that ends the sentence.
    Regex::new(
        r"(?x)
        [\w.%+'-]*\w            # local part, ending in a word character
        @
        (?:[\w](?:[\w-]*\w)?\.)+ # domain labels
        \p{Alphabetic}{2,}      # top-level domain
        ",
    )
    .expect("constant pattern")
});

fn find_emails(text: &str) -> Vec<Range<usize>> {
    if !text.contains('@') {
        return Vec::new();
    }
    EMAIL
        .find_iter(text)
        .map(|m| {
            // Real addresses do not start with these, but text around them does: a
            // quotation mark ('jo@example.org'), markdown emphasis (_jo@…_) or the end
            // of a sentence ("…report.jo@example.org").
            let local = m.as_str();
            let trimmed = local.trim_start_matches(['.', '_', '\'', '-', '+', '%']);
            m.start() + (local.len() - trimmed.len())..m.end()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// UK telephone numbers.

/// Separators people put between the groups of a telephone number.
const PHONE_SEPARATORS: [&str; 3] = [" ", "-", "\u{a0}"];

/// Finds UK telephone numbers by reading groups of digits from each possible start.
///
/// A hand scanner rather than a regex, because the validity of a number depends on all
/// its digits together (0 then 9 or 10 more, and which ranges exist), while the groups
/// can be written many ways: `01632 960000`, `(020) 7946 0000`, `+44 (0)20 7946 0000`.
fn find_phones(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let end = if matches!(bytes[i], b'0' | b'+' | b'(')
            && number_may_start_after(char_before(text, i))
        {
            phone_at(text, i)
        } else {
            None
        };
        match end {
            Some(end) => {
                found.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The end of a UK telephone number starting at byte `start`, if there is one.
fn phone_at(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // The national form of the number, always starting with 0.
    let mut national = String::with_capacity(12);
    let mut pos = start;
    // Groups have three digits or more, except the first after a country code, where the
    // area code may have two (`+44 20 …`, `+44 (0)20 …`).
    let mut short_group_allowed = false;

    if let Some(after) = strip_country_code(text, start) {
        national.push('0');
        pos = after;
        short_group_allowed = true;
        if bytes.get(pos) == Some(&b'0') {
            return None; // "+44 0…" is not how the trunk 0 is written; "(0)" is.
        }
    } else if bytes[start] == b'(' {
        let digits = digit_run(bytes, start + 1);
        if !(3..=6).contains(&digits) || bytes[start + 1] != b'0' {
            return None;
        }
        national.push_str(&text[start + 1..start + 1 + digits]);
        pos = start + 1 + digits;
        if bytes.get(pos) != Some(&b')') {
            return None;
        }
        pos += 1;
        pos = skip_separator(text, pos).unwrap_or(pos);
    } else if bytes[start] != b'0' {
        return None;
    }

    let mut best = None;
    loop {
        let digits = digit_run(bytes, pos);
        let long_enough = digits >= 3 || (short_group_allowed && digits >= 2);
        if digits == 0 || !long_enough || national.len() + digits > 11 {
            break;
        }
        national.push_str(&text[pos..pos + digits]);
        pos += digits;
        short_group_allowed = false;
        if is_uk_number(&national) && number_may_end_before(&text[pos..]) {
            best = Some(pos);
        }
        match skip_separator(text, pos) {
            Some(next) if bytes.get(next).is_some_and(u8::is_ascii_digit) => pos = next,
            _ => break,
        }
    }
    best
}

/// After `+44` or `0044`, an optional separator, and an optional `(0)`: where the digits
/// of the number proper start.
fn strip_country_code(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let prefix = ["+44", "0044"].into_iter().find(|p| rest.starts_with(p))?;
    let mut pos = start + prefix.len();
    pos = skip_separator(text, pos).unwrap_or(pos);
    if text[pos..].starts_with("(0)") {
        pos += 3;
        pos = skip_separator(text, pos).unwrap_or(pos);
    }
    text.as_bytes()
        .get(pos)
        .is_some_and(u8::is_ascii_digit)
        .then_some(pos)
}

fn skip_separator(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    PHONE_SEPARATORS
        .iter()
        .find(|sep| rest.starts_with(**sep))
        .map(|sep| pos + sep.len())
}

fn digit_run(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// Whether a national-form number (leading 0) has the shape of a UK number in use:
/// 11 digits, or 10 for the few old area codes and 0800 numbers that have them. Ranges
/// 00 (international), 04 and 06 (unused) are not numbers.
fn is_uk_number(national: &str) -> bool {
    let b = national.as_bytes();
    if b.len() < 2 || b[0] != b'0' {
        return false;
    }
    match b[1] {
        b'1' | b'8' => matches!(b.len(), 10 | 11),
        b'2' | b'3' | b'5' | b'7' | b'9' => b.len() == 11,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Postcodes.

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    // The Royal Mail formats A9, A99, AA9, AA99, A9A and AA9A, with the letters each
    // position allows, then the inward code 9AA, plus the one special case GIR 0AA.
    Regex::new(
        r"(?xi)
            GIR[\x20\xA0]?0AA
          | (?:
                [A-PR-UWYZ][0-9][0-9]?
              | [A-PR-UWYZ][A-HK-Y][0-9][0-9]?
              | [A-PR-UWYZ][0-9][A-HJKPSTUW]
              | [A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]
            )
            [\x20\xA0]?
            [0-9][ABD-HJLNP-UW-Z]{2}
        ",
    )
    .expect("constant pattern")
});

fn find_postcodes(text: &str) -> Vec<Range<usize>> {
    find_bounded(text, &POSTCODE, &WORD, one_case)
}

/// Whether the letters are all capitals or all small letters. People write postcodes
/// one way or the other; mixed case is ordinary prose such as "Y6 1st term".
fn one_case(text: &str) -> bool {
    let letters = || text.chars().filter(char::is_ascii_alphabetic);
    letters().all(|c| c.is_ascii_uppercase()) || letters().all(|c| c.is_ascii_lowercase())
}

// ---------------------------------------------------------------------------------------
// NHS numbers.

static NHS_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4}|[0-9]{3}-[0-9]{3}-[0-9]{4}")
        .expect("constant pattern")
});

fn find_nhs_numbers(text: &str) -> Vec<Range<usize>> {
    find_bounded(text, &NHS_NUMBER, &NUMBER, nhs_check_digit_is_valid)
}

/// The NHS number modulus 11 check: weights 10 down to 2 on the first nine digits; the
/// check digit is 11 minus the remainder, 11 becomes 0, and 10 means no valid number.
fn nhs_check_digit_is_valid(candidate: &str) -> bool {
    let digits: Vec<u32> = candidate.chars().filter_map(|c| c.to_digit(10)).collect();
    let [first_nine @ .., check] = digits.as_slice() else {
        return false;
    };
    if first_nine.len() != 9 {
        return false;
    }
    let sum: u32 = first_nine
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - sum % 11 {
        11 => *check == 0,
        10 => false,
        expected => *check == expected,
    }
}

// ---------------------------------------------------------------------------------------
// National Insurance numbers.

static NI_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // First letter: not D, F, I, Q, U or V. Second letter: not those, nor O.
    Regex::new(
        r"(?xi)
        [A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]
        \x20?[0-9]{2}\x20?[0-9]{2}\x20?[0-9]{2}\x20?
        [A-D]
        ",
    )
    .expect("constant pattern")
});

/// Prefixes that are never issued.
const NI_NEVER_ISSUED: [&str; 7] = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

fn find_ni_numbers(text: &str) -> Vec<Range<usize>> {
    find_bounded(text, &NI_NUMBER, &WORD, |candidate| {
        let prefix = candidate.get(..2).unwrap_or_default().to_ascii_uppercase();
        !NI_NEVER_ISSUED.contains(&prefix.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds and texts found, for compact assertions.
    fn found(text: &str) -> Vec<(PersonalDataKind, &str)> {
        find_personal_data(text)
            .into_iter()
            .map(|m| (m.kind, &text[m.range]))
            .collect()
    }

    fn only(kind: PersonalDataKind, text: &str) -> Vec<&str> {
        find_personal_data(text)
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| &text[m.range])
            .collect()
    }

    use PersonalDataKind::*;

    // --- e-mail addresses -------------------------------------------------------------

    #[test]
    fn email_in_a_sentence_has_exact_range() {
        let text = "Write to jo.bloggs@anytown.gov.uk for details.";
        assert_eq!(
            find_personal_data(text),
            vec![PersonalDataMatch {
                kind: Email,
                range: 9..33
            }]
        );
    }

    #[test]
    fn email_with_plus_and_apostrophe() {
        assert_eq!(
            found("(mary.o'neill+cases@example.org)"),
            vec![(Email, "mary.o'neill+cases@example.org")]
        );
    }

    #[test]
    fn email_at_end_of_sentence_leaves_the_full_stop() {
        assert_eq!(
            found("It is sam@example.org."),
            vec![(Email, "sam@example.org")]
        );
    }

    #[test]
    fn email_in_quotes_or_emphasis_leaves_them_out() {
        assert_eq!(
            found("'jo@example.org' or _sam@example.org_ or *al@example.org*"),
            vec![
                (Email, "jo@example.org"),
                (Email, "sam@example.org"),
                (Email, "al@example.org")
            ]
        );
    }

    #[test]
    fn email_with_non_ascii_local_part() {
        assert_eq!(found("zoë@example.org"), vec![(Email, "zoë@example.org")]);
    }

    #[test]
    fn not_an_email() {
        assert!(found("Follow @anytowncouncil and email us").is_empty());
        assert!(found("user@localhost").is_empty());
        assert!(found("a @ b.com").is_empty());
    }

    // --- telephone numbers ------------------------------------------------------------

    #[test]
    fn phones_in_their_usual_written_forms() {
        for number in [
            "01632 960000",
            "01632 960 000",
            "(01632) 960000",
            "020 7946 0000",
            "0207 946 0000",
            "07700 900123",
            "07700900123",
            "+44 7700 900123",
            "+44 (0)20 7946 0000",
            "+44(0)20 7946 0000",
            "+44 20 7946 0000",
            "+447700900123",
            "0044 7700 900123",
            "0800 123 4567",
            "0800 123456",
            "0114 496 0000",
            "01632-960000",
            "07700-900-123",
            "(020) 7946 0000",
            "0300 123 1234",
            "01632\u{a0}960000",
        ] {
            let text = format!("Call {number} today.");
            assert_eq!(found(&text), vec![(Phone, number)], "{number}");
        }
    }

    #[test]
    fn phone_range_is_exact() {
        assert_eq!(
            find_personal_data("Tel: 0114 496 0000."),
            vec![PersonalDataMatch {
                kind: Phone,
                range: 5..18
            }]
        );
    }

    #[test]
    fn phone_in_markdown_emphasis() {
        assert_eq!(
            found("_01632 960000_ and **07700 900123**"),
            vec![(Phone, "01632 960000"), (Phone, "07700 900123")]
        );
    }

    #[test]
    fn phone_at_start_and_end_of_text() {
        assert_eq!(found("07700 900123"), vec![(Phone, "07700 900123")]);
    }

    #[test]
    fn phone_followed_by_a_year_stops_at_the_number() {
        assert_eq!(
            found("Ring 01632 960000 2024 was busy"),
            vec![(Phone, "01632 960000")]
        );
    }

    #[test]
    fn two_phones_in_a_list() {
        assert_eq!(
            found("01632 960000, 07700 900123"),
            vec![(Phone, "01632 960000"), (Phone, "07700 900123")]
        );
    }

    #[test]
    fn not_a_phone() {
        for text in [
            "In 2024 we met 12 families.",
            "On 01/02/2024 and 2024-01-15.",
            "Dated 01-02-2024.",
            "We raised £1,234,567 and £0.50.",
            "At 09:30 or 14.45 or 0930.",
            "Call 999 or 111 or NHS 111.",
            "Case REF0163296000012 and ABC07700900123.",
            "Ref 0123-456-789-012 is closed.",
            "0 1 6 3 2 9 6 0 0 0 0",
            "A 06123 456789 number and 04123 456789.",
            "+1 415 555 0100",
            "Code 07700 90012.",
            "version 2.07700900123",
        ] {
            assert_eq!(only(Phone, text), Vec::<&str>::new(), "{text}");
        }
    }

    // --- postcodes --------------------------------------------------------------------

    #[test]
    fn postcodes_in_all_formats() {
        for postcode in [
            "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX",
            "GIR 0AA", "sw1a 1aa", "m1 1ae", "SW1A1AA", "B338TH", "gir0aa",
        ] {
            let text = format!("They live at {postcode}, near the park.");
            assert_eq!(found(&text), vec![(Postcode, postcode)], "{postcode}");
        }
    }

    #[test]
    fn postcode_range_is_exact() {
        assert_eq!(
            find_personal_data("Address: 12 High St, Anytown AB1 2DE"),
            vec![PersonalDataMatch {
                kind: Postcode,
                range: 29..36
            }]
        );
    }

    #[test]
    fn not_a_postcode() {
        for text in [
            "We met at 3pm on the A1 road.",
            "NHS 111 and the M25 motorway.",
            "Y6 1st term, Year 10 2nd half.",
            "She scored A1 in maths.",
            "QA1 1AA has Q first",
            "AB1 2DEF is too long",
            "AB1 2CD has C in the inward code",
            "SW1A 1AI ends in I",
            "Covid19 and mp3 files",
        ] {
            assert_eq!(only(Postcode, text), Vec::<&str>::new(), "{text}");
        }
    }

    // --- NHS numbers ------------------------------------------------------------------

    #[test]
    fn nhs_numbers_with_valid_check_digits() {
        for number in ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"] {
            let text = format!("NHS no. {number}.");
            assert_eq!(found(&text), vec![(NhsNumber, number)], "{number}");
        }
    }

    #[test]
    fn nhs_number_check_digit_rules() {
        assert!(nhs_check_digit_is_valid("9434765919"));
        assert!(!nhs_check_digit_is_valid("9434765918"));
        // 11 - remainder = 11 means a check digit of 0.
        assert!(nhs_check_digit_is_valid("0000000000"));
        // 11 - remainder = 10 is never valid: "100000001" weighs 10 + 2 = 12, remainder 1.
        for check in 0..=9 {
            assert!(!nhs_check_digit_is_valid(&format!("100000001{check}")));
        }
        assert!(!nhs_check_digit_is_valid("943476591"));
    }

    #[test]
    fn nhs_numbers_with_invalid_check_digits_are_not_flagged() {
        assert_eq!(only(NhsNumber, "NHS no. 943 476 5918."), Vec::<&str>::new());
        assert_eq!(only(NhsNumber, "Case 1234567890."), Vec::<&str>::new());
    }

    #[test]
    fn nhs_number_inside_a_longer_number_is_not_flagged() {
        assert_eq!(
            only(NhsNumber, "ID 19434765919 and A9434765919"),
            Vec::<&str>::new()
        );
        assert_eq!(
            only(NhsNumber, "1.9434765919 or 9434765919-2"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn mixed_separators_are_not_an_nhs_number() {
        assert_eq!(only(NhsNumber, "943 476-5919"), Vec::<&str>::new());
    }

    // --- National Insurance numbers ---------------------------------------------------

    #[test]
    fn ni_numbers_in_any_case_and_spacing() {
        for number in [
            "AB123456C",
            "AB 12 34 56 C",
            "ab 12 34 56 c",
            "JG103759A",
            "ce 123456 d",
            "ZY123456A",
        ] {
            let text = format!("NI: {number}.");
            assert_eq!(found(&text), vec![(NiNumber, number)], "{number}");
        }
    }

    #[test]
    fn ni_range_is_exact() {
        assert_eq!(
            find_personal_data("Her NI number is QQ123456C? No: AB123456D."),
            vec![PersonalDataMatch {
                kind: NiNumber,
                range: 32..41
            }]
        );
    }

    #[test]
    fn not_an_ni_number() {
        for text in [
            "DA123456A has D first",
            "AD123456A has D second",
            "FA123456A IA123456A QA123456A UA123456A VA123456A",
            "AO123456A has O second",
            "BG123456A GB123456A KN123456A NK123456A NT123456A TN123456A ZZ123456A",
            "AB123456E has suffix E",
            "AB12345C has five digits",
            "XAB123456C is inside a word",
        ] {
            assert_eq!(only(NiNumber, text), Vec::<&str>::new(), "{text}");
        }
    }

    // --- everything together ----------------------------------------------------------

    #[test]
    fn several_kinds_in_order() {
        let text = "Jo (jo@example.org, 07700 900123) lives at M1 1AE; NHS 943 476 5919.";
        assert_eq!(
            found(text),
            vec![
                (Email, "jo@example.org"),
                (Phone, "07700 900123"),
                (Postcode, "M1 1AE"),
                (NhsNumber, "943 476 5919"),
            ]
        );
    }

    #[test]
    fn ordinary_prose_has_no_personal_data() {
        let text = "In March 2024 Sam, a team manager at Anytown Council, supervised 12 \
                    social workers. Visits rose by 15% to 1,250 and we spent £3,400.50 by \
                    31/03/2024 at 5:30pm. See section 4.2 of the A-Z guide (ISBN \
                    978-0-00-000000-2) and https://example.org/page?id=12345.";
        assert_eq!(found(text), vec![]);
    }

    #[test]
    fn describes_each_kind() {
        assert_eq!(Email.describe(), "an e-mail address");
        assert_eq!(Phone.describe(), "a telephone number");
        assert_eq!(Postcode.describe(), "a postcode");
        assert_eq!(NhsNumber.describe(), "an NHS number");
        assert_eq!(NiNumber.describe(), "a National Insurance number");
    }

    // --- allow list -------------------------------------------------------------------

    #[test]
    fn allow_list_matches_exact_text() {
        let list = vec![
            "01632 960000".to_string(),
            "press@anytown.gov.uk".to_string(),
        ];
        assert!(allowed("01632 960000", &list));
        assert!(allowed("press@anytown.gov.uk", &list));
    }

    #[test]
    fn allow_list_ignores_whitespace_differences() {
        let list = vec![" 01632   960000 ".to_string()];
        assert!(allowed("01632\u{a0}960000", &list));
        assert!(allowed("01632\n960000", &list));
    }

    #[test]
    fn allow_list_needs_the_same_text() {
        let list = vec![
            "01632 960000".to_string(),
            "press@anytown.gov.uk".to_string(),
        ];
        assert!(!allowed("01632960000", &list));
        assert!(!allowed("Press@Anytown.gov.uk", &list));
        assert!(!allowed("01632 960001", &list));
        assert!(!allowed("01632 960000", &[]));
    }

    // --- robustness -------------------------------------------------------------------

    #[test]
    fn large_text_is_scanned_in_one_pass() {
        // Digits and separators everywhere are the worst case for the scanners.
        let text = "0 01 012 0123 (0 +44 ".repeat(50_000);
        assert!(text.len() > 1_000_000);
        assert_eq!(find_personal_data(&text), vec![]);
    }

    #[test]
    fn many_matches_are_each_found_once() {
        let text = "a.b@c.de 07700 900123 M1 1AE ".repeat(20_000);
        let found = find_personal_data(&text);
        assert_eq!(found.len(), 60_000);
        assert_eq!(&text[found[59_999].range.clone()], "M1 1AE");
    }

    #[test]
    fn long_runs_of_digits_or_letters_have_nothing() {
        assert_eq!(find_personal_data(&"1".repeat(1_000_000)), vec![]);
        assert_eq!(find_personal_data(&"AB12".repeat(250_000)), vec![]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_ranges_are_valid(text in "\\PC*") {
            for m in find_personal_data(&text) {
                proptest::prop_assert!(text.get(m.range.clone()).is_some());
            }
        }

        #[test]
        fn never_panics_on_digit_heavy_text(text in "[0-9 ()+\\-a-zA-Z@.\u{a0}]*") {
            for m in find_personal_data(&text) {
                proptest::prop_assert!(text.get(m.range.clone()).is_some());
            }
        }
    }
}
