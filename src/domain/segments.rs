//! How a text travels: GSM-7 when every character is in the GSM 03.38
//! alphabet, UCS-2 otherwise; and how many segments it takes. With the
//! WebOTP line every text ends with. (Plain text rules, here so that the
//! locale checks in `i18n` need nothing of the SMS senders.)

/// A text's sentence and its last line, `@<host> #<code>` (the WebOTP,
/// origin-bound format browsers read the code from).
pub fn with_webotp_line(text: &str, host: &str, code: &str) -> String {
    format!("{text}\n@{host} #{code}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }
}

/// The GSM 03.38 basic character set (one septet each).
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
                     ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table (an escape plus one septet: two each).
const EXTENSION: &str = "^{}\\[~]|€\u{000C}";

/// The encoding of `text`, its length in that encoding's units (septets or
/// UTF-16 code units) and the number of segments it is sent in.
pub fn measure(text: &str) -> (Encoding, usize, usize) {
    let mut septets = 0;
    for c in text.chars() {
        if BASIC.contains(c) {
            septets += 1;
        } else if EXTENSION.contains(c) {
            septets += 2;
        } else {
            let units = text.encode_utf16().count();
            return (Encoding::Ucs2, units, segments(units, 70, 67));
        }
    }
    (Encoding::Gsm7, septets, segments(septets, 160, 153))
}

fn segments(units: usize, single: usize, per_part: usize) -> usize {
    match units {
        0 => 1,
        n if n <= single => 1,
        n => n.div_ceil(per_part),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm7_counts_septets_and_extension_characters_twice() {
        assert_eq!(measure("Your code is 123456"), (Encoding::Gsm7, 19, 1));
        assert_eq!(measure("a€"), (Encoding::Gsm7, 3, 1));
        assert_eq!(
            measure("Ça coûte"),
            (Encoding::Ucs2, 8, 1),
            "û is not GSM-7"
        );
        assert_eq!(measure(&"a".repeat(160)).2, 1);
        assert_eq!(measure(&"a".repeat(161)).2, 2);
        assert_eq!(measure(&"a".repeat(306)).2, 2);
        assert_eq!(measure(&"a".repeat(307)).2, 3);
    }

    #[test]
    fn ucs2_counts_utf16_units() {
        assert_eq!(measure("código").0, Encoding::Ucs2);
        assert_eq!(measure(&"й".repeat(70)).2, 1);
        assert_eq!(measure(&"й".repeat(71)).2, 2);
        assert_eq!(measure(&"й".repeat(134)).2, 2);
        assert_eq!(measure(&"й".repeat(135)).2, 3);
        assert_eq!(measure("😀").1, 2, "outside the BMP: a surrogate pair");
    }
}
