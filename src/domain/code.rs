//! One-time codes: generation from the OS CSPRNG, forgiving parsing, and the
//! keyed hash that is all the database ever sees.
use hmac::{Hmac, Mac};
use rand::{Rng, TryRngCore, rngs::OsRng};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use uuid::Uuid;

use super::digits::to_ascii_digits;

/// A code of exactly `len` ASCII digits. Its `Debug` never shows the digits.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpCode(String);

impl std::fmt::Debug for OtpCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OtpCode(<{} digits>)", self.0.len())
    }
}

impl OtpCode {
    /// A uniformly random code of `len` digits (4–10), zero-padded.
    pub fn generate(len: u8) -> Self {
        assert!((4..=10).contains(&len), "OTP length out of range");
        let bound = 10u64.pow(u32::from(len));
        let value = OsRng.unwrap_err().random_range(0..bound);
        Self(format!("{value:0width$}", width = usize::from(len)))
    }

    /// What a person typed, read forgivingly: spaces and dashes are ignored and
    /// decimal digits of any script count as their ASCII digits. Anything that
    /// is not then exactly `len` digits is `None` (a wrong code, never an error).
    pub fn parse(input: &str, len: u8) -> Option<Self> {
        if input.len() > 200 {
            return None;
        }
        let ascii: String = to_ascii_digits(input)
            .chars()
            .filter(|c| !(c.is_whitespace() || is_dash(*c)))
            .collect();
        (ascii.len() == usize::from(len) && ascii.bytes().all(|b| b.is_ascii_digit()))
            .then_some(Self(ascii))
    }

    /// What a person put in the code field of a page: a code, read as
    /// [`OtpCode::parse`] does, or a whole text message pasted there. From a
    /// text (anything with a letter in it) the code is the WebOTP line's
    /// (`@host #123456` at its end) or else its one run of exactly `len`
    /// digits; two different runs of that length, or none, are `None`. So
    /// one post is always one candidate code at most, and spends at most one
    /// attempt, however many digits it holds.
    pub fn find(input: &str, len: u8) -> Option<Self> {
        if let Some(code) = Self::parse(input, len) {
            return Some(code);
        }
        if input.len() > MAX_PASTED_BYTES {
            return None;
        }
        let text = to_ascii_digits(input);
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        let want = usize::from(len);
        let is_code = |run: &str| run.len() == want && run.bytes().all(|b| b.is_ascii_digit());
        if let Some(code) = webotp_code(&text).filter(|c| is_code(c)) {
            return Some(Self(code.to_owned()));
        }
        let mut found: Option<&str> = None;
        for run in text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|r| is_code(r))
        {
            match found {
                Some(seen) if seen != run => return None,
                _ => found = Some(run),
            }
        }
        found.map(|run| Self(run.to_owned()))
    }

    /// A code fixed by configuration (test numbers), checked like any other.
    pub fn fixed(digits: &str) -> Option<Self> {
        let ok = (4..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Self(digits.to_owned()))
    }

    /// The digits, for the SMS body and nowhere else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The longest text [`OtpCode::find`] reads: a one-segment text message
/// (at most 160 characters) in any script, with room to spare.
pub const MAX_PASTED_BYTES: usize = 1024;

/// The code of a WebOTP line ending `text`: `@host #code`, the `#` after
/// a space and a word with `@` in it (a line break may have been taken out
/// by the field the text was pasted into).
fn webotp_code(text: &str) -> Option<&str> {
    let (before, code) = text.trim_end().rsplit_once('#')?;
    let host = before.strip_suffix(char::is_whitespace)?.trim_end();
    let word = host.rsplit(char::is_whitespace).next()?;
    word.contains('@').then_some(code)
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '.'
    )
}

/// A phone number as the send log and the wrong-code log keep it
/// ([`CodeHasher::number_key`]): enough to count the number's sends, not to
/// read it back, so `phone-verify forget` can remove the number and its
/// limits still hold.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberKey([u8; 32]);

impl NumberKey {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// A key as stored; `None` when it is not 32 bytes.
    pub fn from_stored(bytes: &[u8]) -> Option<Self> {
        bytes.try_into().ok().map(Self)
    }
}

impl std::fmt::Debug for NumberKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NumberKey(..)")
    }
}

/// HMAC-SHA256 keyed with the server secret over `verification id ‖ code`.
#[derive(Clone)]
pub struct CodeHasher {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for CodeHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeHasher(<redacted>)")
    }
}

impl CodeHasher {
    pub fn new(key: &[u8]) -> Self {
        Self {
            mac: Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length"),
        }
    }

    pub fn hash(&self, id: Uuid, code: &OtpCode) -> Vec<u8> {
        let mut mac = self.mac.clone();
        mac.update(id.as_bytes());
        mac.update(code.0.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// The key under which the logs kept only to count a number's sends and
    /// wrong codes know it: HMAC-SHA256(`SECRET_KEY`, `number:` ‖ E.164).
    /// (A code's input begins with a version-4 UUID, whose seventh byte is
    /// `0x4?`, never `:`; the two never meet.)
    pub fn number_key(&self, e164: &str) -> NumberKey {
        let mut mac = self.mac.clone();
        mac.update(b"number:");
        mac.update(e164.as_bytes());
        NumberKey(mac.finalize().into_bytes().into())
    }

    /// Constant-time comparison of a candidate against the stored hash.
    pub fn verify(&self, id: Uuid, candidate: &OtpCode, stored: &[u8]) -> bool {
        self.hash(id, candidate).ct_eq(stored).into()
    }

    /// Which of the stored hashes (the current code's, then the previous
    /// one's) the candidate matches, comparing with each in constant time.
    pub fn matching(&self, id: Uuid, candidate: &OtpCode, stored: &[&[u8]]) -> Option<usize> {
        let computed = self.hash(id, candidate);
        let mut found = None;
        for (i, hash) in stored.iter().enumerate() {
            if bool::from(computed.ct_eq(hash)) && found.is_none() {
                found = Some(i);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn generated_codes_have_the_length_and_only_digits() {
        for len in 4..=10 {
            for _ in 0..200 {
                let code = OtpCode::generate(len);
                assert_eq!(code.expose().len(), usize::from(len));
                assert!(code.expose().bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }

    #[test]
    fn generated_codes_cover_every_digit_in_every_position() {
        let mut seen = [[false; 10]; 6];
        for _ in 0..2000 {
            let code = OtpCode::generate(6);
            for (pos, b) in code.expose().bytes().enumerate() {
                seen[pos][usize::from(b - b'0')] = true;
            }
        }
        assert!(seen.iter().all(|p| p.iter().all(|&s| s)), "{seen:?}");
    }

    #[test]
    fn parse_is_forgiving_about_separators_and_scripts() {
        let want = OtpCode::fixed("123456").unwrap();
        for input in [
            "123456",
            " 123 456 ",
            "123-456",
            "12 34 56",
            "١٢٣٤٥٦",
            "۱۲۳-۴۵۶",
            "۱۲۳۴۵۶",
            "１２３４５６",
            "123\u{2013}456",
            "\u{200F}123\u{200B}456\u{200E}",
        ] {
            assert_eq!(OtpCode::parse(input, 6).as_ref(), Some(&want), "{input:?}");
        }
    }

    #[test]
    fn parse_refuses_what_is_not_a_code() {
        for input in [
            "", "12345", "1234567", "12345a", "abcdef", "12345²", "½23456", "+123456",
        ] {
            assert_eq!(OtpCode::parse(input, 6), None, "{input:?}");
        }
    }

    #[test]
    fn find_takes_the_code_out_of_a_pasted_text() {
        let want = OtpCode::fixed("123456").unwrap();
        for input in [
            "123456",
            "123 456",
            "Your Acme code is 123456. It expires in 10 minutes.\n@verify.example #123456",
            // A single-line field drops the line break.
            "Your Acme code is 123456. It expires in 10 minutes.@verify.example #123456",
            "Your Acme code is 123456. It expires in 10 minutes.",
            // Fluent's isolation marks around the placeables.
            "Your \u{2068}Acme\u{2069} code is \u{2068}123456\u{2069}.",
            "Acmeの認証コード: １２３４５６（10分間有効）",
            "\u{2068}١٢٣٤٥٦\u{2069} رمز Acme لـ10 دقائق",
            // Digits of the same length elsewhere: the WebOTP line decides.
            "Shop 777777 code 123456 (10 min)\n@a.example #123456",
            "code 123456 @verify246810.example #123456",
            // The same code twice is one candidate.
            "Your code is 123456, again: 123456",
        ] {
            assert_eq!(OtpCode::find(input, 6).as_ref(), Some(&want), "{input:?}");
        }
    }

    #[test]
    fn find_never_makes_one_post_more_than_one_guess() {
        for input in [
            "",
            "12345",
            "1234567",
            "12345a",
            "+123456",
            // Digits alone: the strict reading only.
            "123456 654321",
            "123456123456",
            "1234567890123456",
            // Text with two different codes, or none of the length.
            "code 123456 or 654321",
            "code 1234567",
            "codes: 12 34 56",
            "Your code is 12345. It expires in 10 minutes.",
            // A WebOTP line of the wrong length, and two other codes.
            "code 111111 or 222222 @a.example #1234567",
            // Not a WebOTP line: no host before the #.
            "code 111111 or 222222 #123456",
        ] {
            assert_eq!(OtpCode::find(input, 6), None, "{input:?}");
        }
        let long = format!("code 123456 {}", "x".repeat(MAX_PASTED_BYTES));
        assert_eq!(OtpCode::find(&long, 6), None, "too long to read");
    }

    #[test]
    fn a_number_key_depends_on_the_server_key_and_the_number_only() {
        let a = CodeHasher::new(&[1; 32]);
        let b = CodeHasher::new(&[2; 32]);
        assert_eq!(a.number_key("+14155552671"), a.number_key("+14155552671"));
        assert_ne!(a.number_key("+14155552671"), a.number_key("+14155552672"));
        assert_ne!(a.number_key("+14155552671"), b.number_key("+14155552671"));
        assert!(!format!("{:?}", a.number_key("+14155552671")).contains("4155"));
    }

    #[test]
    fn debug_hides_the_digits() {
        let code = OtpCode::fixed("987654").unwrap();
        assert!(!format!("{code:?}").contains("987654"));
    }

    #[test]
    fn hash_depends_on_key_id_and_code() {
        let a = CodeHasher::new(&[1; 32]);
        let b = CodeHasher::new(&[2; 32]);
        let id = Uuid::new_v4();
        let code = OtpCode::fixed("123456").unwrap();
        let other = OtpCode::fixed("123457").unwrap();
        let stored = a.hash(id, &code);
        assert_eq!(stored.len(), 32);
        assert!(a.verify(id, &code, &stored));
        assert!(!a.verify(id, &other, &stored));
        assert!(!a.verify(Uuid::new_v4(), &code, &stored));
        assert!(!b.verify(id, &code, &stored));
        let previous = a.hash(id, &other);
        assert_eq!(a.matching(id, &code, &[&stored, &previous]), Some(0));
        assert_eq!(a.matching(id, &other, &[&stored, &previous]), Some(1));
        let third = OtpCode::fixed("000000").unwrap();
        assert_eq!(a.matching(id, &third, &[&stored, &previous]), None);
    }

    proptest! {
        #[test]
        fn parse_never_panics(input in "\\PC{0,40}", len in 4u8..=10) {
            if let Some(code) = OtpCode::parse(&input, len) {
                prop_assert_eq!(code.expose().len(), usize::from(len));
            }
        }

        #[test]
        fn find_never_panics_and_finds_codes_only(input in "\\PC{0,80}", len in 4u8..=10) {
            if let Some(code) = OtpCode::find(&input, len) {
                prop_assert_eq!(code.expose().len(), usize::from(len));
                prop_assert!(code.expose().bytes().all(|b| b.is_ascii_digit()));
            }
        }

        #[test]
        fn generated_code_parses_back_with_any_separators(len in 4u8..=10, sep in "[ \\-]{0,2}") {
            let code = OtpCode::generate(len);
            let (head, tail) = code.expose().split_at(usize::from(len) / 2);
            let typed = format!("{head}{sep}{tail}");
            prop_assert_eq!(OtpCode::parse(&typed, len), Some(code));
        }
    }
}
