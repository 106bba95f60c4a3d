//! Unicode decimal digits (general category Nd) → ASCII.
//!
//! Every Nd block in Unicode is a run of ten consecutive code points from
//! zero to nine, so knowing where each block's zero sits is enough.

/// Code points of the digit zero of every Unicode decimal-digit block that a
/// person might type a phone number or a code with.
const ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of `c` if it is a decimal digit in any script.
pub fn decimal_value(c: char) -> Option<u8> {
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|&&zero| cp >= zero && cp < zero + 10)
        .map(|&zero| (cp - zero) as u8)
}

/// Invisible formatting characters that copy-and-paste carries along
/// (zero-width spaces and joiners, bidirectional marks, the BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Replaces every decimal digit of any script with its ASCII digit and the
/// full-width plus sign with `+`, drops invisible formatting characters, and
/// leaves every other character as it is.
pub fn to_ascii_digits(input: &str) -> String {
    input
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match decimal_value(c) {
            Some(d) => char::from(b'0' + d),
            None if c == '\u{FF0B}' => '+',
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_digits_of_several_scripts() {
        assert_eq!(to_ascii_digits("١٢٣٤٥٦"), "123456"); // Arabic-Indic
        assert_eq!(to_ascii_digits("۰۹"), "09"); // Extended Arabic-Indic (Persian)
        assert_eq!(to_ascii_digits("१२३"), "123"); // Devanagari
        assert_eq!(to_ascii_digits("１２３"), "123"); // full-width
        assert_eq!(to_ascii_digits("＋44"), "+44");
        assert_eq!(to_ascii_digits("a-b 7"), "a-b 7");
        assert_eq!(
            to_ascii_digits("\u{200E}12\u{200B}3\u{FEFF}"),
            "123",
            "invisible marks dropped"
        );
    }

    #[test]
    fn persian_and_urdu_digits_map_one_to_one() {
        // U+06F0–U+06F9, which Persian and Urdu keyboards type (U+06F4–U+06F6
        // differ in shape from the Arabic-Indic ones, not in value).
        assert_eq!(to_ascii_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        for (i, c) in ('\u{06F0}'..='\u{06F9}').enumerate() {
            assert_eq!(decimal_value(c), Some(i as u8), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_block_maps_zero_to_nine() {
        for &zero in ZEROS {
            for d in 0..10u32 {
                let c = char::from_u32(zero + d).expect("valid code point");
                assert_eq!(decimal_value(c), Some(d as u8), "U+{:04X}", zero + d);
                // The standard library agrees that it is numeric.
                assert!(c.is_numeric(), "U+{:04X} is not numeric", zero + d);
            }
        }
    }

    #[test]
    fn non_digits_have_no_value() {
        for c in ['a', 'Ⅳ', '½', '²', ' ', '-', '٫'] {
            assert_eq!(decimal_value(c), None, "{c}");
        }
    }
}
