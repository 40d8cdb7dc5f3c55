//! The words of a document's resolutions, held compactly: each date's value (`2022-01-05`)
//! and its reason ("the Wednesday before the anchor, Thursday 2022-01-06"). A long document
//! has one pair per expression, and as strings they were a third of what it held beside its
//! text. But the words come from a few dozen sentence shapes that differ in their numbers:
//! so each string is kept as its shape with the digits taken out (stored once per document)
//! and its digits, two to a byte. A pair costs about fourteen bytes, not a hundred and sixty,
//! and how much it costs does not depend on strings repeating.

use rustc_hash::FxHashMap;

/// Stands, in a shape's key, where a run of ASCII digits was: never a byte of UTF-8.
const DIGITS: u8 = 0xFF;

/// Ends a run of digits among the half-bytes.
const RUN_END: u8 = 0xF;

/// About what the words of one resolution take (22 on the dev articles, warnings included).
const BYTES_PER_EXPRESSION: usize = 24;

/// The values and reasons of one document's resolutions.
#[derive(Debug, Clone, Default)]
pub struct Wording {
    /// Each shape: the text between its digit runs (one more piece than runs).
    shapes: Vec<Box<[Box<str>]>>,
    /// A shape's number, by its key (the pieces joined by [`DIGITS`]).
    numbers: FxHashMap<Box<[u8]>, u32>,
    /// The strings kept last: each its shape's number (four bytes) and its digit runs.
    bytes: Vec<u8>,
    /// Earlier stretches of strings, taken in whole by [`Wording::append`] (never copied,
    /// so joining a long document's halves does not hold the second half's words twice).
    earlier: Vec<Vec<u8>>,
    /// Where `bytes` starts among all the strings: the length of `earlier`.
    base: usize,
}

impl Wording {
    /// Room for the words of about `expressions` resolutions, so the store is made once at
    /// its size rather than grown by copies (each of which left the old room behind).
    pub fn for_expressions(expressions: usize) -> Wording {
        Wording {
            bytes: Vec::with_capacity(expressions.saturating_mul(BYTES_PER_EXPRESSION)),
            ..Wording::default()
        }
    }

    /// Keeps a value and a reason; returns where they are, for [`Wording::get`].
    pub fn push(&mut self, value: &str, reason: &str) -> usize {
        let at = self.base + self.bytes.len();
        self.push_one(value);
        self.push_one(reason);
        at
    }

    /// The value and the reason kept at `at`, appended to `value` and `reason`; false (and
    /// nothing appended) when nothing was kept there.
    pub fn get(&self, at: usize, value: &mut String, reason: &mut String) -> bool {
        let (v, r) = (value.len(), reason.len());
        let read = self
            .read_one(at, value)
            .and_then(|next| self.read_one(next, reason));
        if read.is_none() {
            value.truncate(v);
            reason.truncate(r);
        }
        read.is_some()
    }

    /// Keeps one string (a warning); returns where, for [`Wording::get_text`].
    pub fn push_text(&mut self, text: &str) -> usize {
        let at = self.base + self.bytes.len();
        self.push_one(text);
        at
    }

    /// The first string kept at `at` (the one [`Wording::push_text`] kept, or the value of
    /// a pair), appended to `text`; false (and nothing appended) when nothing was kept there.
    pub fn get_text(&self, at: usize, text: &mut String) -> bool {
        let before = text.len();
        let read = self.read_one(at, text).is_some();
        if !read {
            text.truncate(before);
        }
        read
    }

    /// Gives back the room kept for more words, once there will be no more.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        for stretch in &mut self.earlier {
            stretch.shrink_to_fit();
        }
    }

    /// Takes in another document part's words (the second half of a long document); returns
    /// what to add to the places [`Wording::push`] gave for them.
    pub fn append(&mut self, other: Wording) -> usize {
        let base = self.base + self.bytes.len();
        let renumber: Vec<u32> = other
            .shapes
            .iter()
            .map(|pieces| self.number_of(&key_of(pieces), pieces.clone()))
            .collect();
        let mut stretches = other.earlier;
        stretches.push(other.bytes);
        for mut bytes in stretches {
            let mut at = 0;
            while let Some(number) = read_number(&bytes, at) {
                let (Some(pieces), Some(&new)) = (
                    other.shapes.get(number as usize),
                    renumber.get(number as usize),
                ) else {
                    break;
                };
                bytes[at..at + 4].copy_from_slice(&new.to_le_bytes());
                let mut digits = HalfBytesRead::new(&bytes, at + 4);
                for _ in 1..pieces.len() {
                    while digits.next().is_some_and(|d| d != RUN_END) {}
                }
                at = digits.end();
            }
            let done = std::mem::replace(&mut self.bytes, bytes);
            if !done.is_empty() {
                self.base += done.len();
                self.earlier.push(done);
            }
        }
        base
    }

    fn push_one(&mut self, s: &str) {
        let mut key = Vec::with_capacity(s.len());
        let number_at = self.bytes.len();
        self.bytes.extend_from_slice(&[0; 4]);
        let mut digits = HalfBytes::new(&mut self.bytes);
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                key.push(DIGITS);
                while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                    digits.push(d - b'0');
                    i += 1;
                }
                digits.push(RUN_END);
            } else {
                let run = b[i..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .unwrap_or(b.len() - i);
                key.extend_from_slice(&b[i..i + run]);
                i += run;
            }
        }
        digits.finish();
        let number = match self.numbers.get(key.as_slice()) {
            Some(&n) => n,
            None => {
                let pieces = key
                    .split(|&b| b == DIGITS)
                    // Cut only beside ASCII digits, so every piece is whole UTF-8.
                    .map(|p| String::from_utf8_lossy(p).into())
                    .collect();
                self.number_of(&key, pieces)
            }
        };
        self.bytes[number_at..number_at + 4].copy_from_slice(&number.to_le_bytes());
    }

    /// The number of the shape with `key` (made of `pieces`), numbered now if it is new.
    fn number_of(&mut self, key: &[u8], pieces: Box<[Box<str>]>) -> u32 {
        if let Some(&n) = self.numbers.get(key) {
            return n;
        }
        // More shapes than a u32 counts would take more resolutions than memory holds.
        let n = u32::try_from(self.shapes.len()).unwrap_or(u32::MAX);
        self.shapes.push(pieces);
        self.numbers.insert(key.into(), n);
        n
    }

    /// Appends the string kept at `at` to `out`; returns where the next one starts.
    fn read_one(&self, at: usize, out: &mut String) -> Option<usize> {
        // The stretch holding `at`, and where it starts (a string never spans two).
        let mut from = 0;
        let mut bytes = &self.bytes;
        if at < self.base {
            for stretch in &self.earlier {
                if at < from + stretch.len() {
                    bytes = stretch;
                    break;
                }
                from += stretch.len();
            }
        } else {
            from = self.base;
        }
        let at = at - from;
        let pieces = self.shapes.get(read_number(bytes, at)? as usize)?;
        let mut digits = HalfBytesRead::new(bytes, at + 4);
        for (k, piece) in pieces.iter().enumerate() {
            if k > 0 {
                loop {
                    match digits.next()? {
                        RUN_END => break,
                        d => out.push(char::from(b'0' + d)),
                    }
                }
            }
            out.push_str(piece);
        }
        Some(from + digits.end())
    }
}

/// A shape's key: its pieces joined by [`DIGITS`].
fn key_of(pieces: &[Box<str>]) -> Vec<u8> {
    let mut key = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            key.push(DIGITS);
        }
        key.extend_from_slice(piece.as_bytes());
    }
    key
}

/// The shape number written at `at`.
fn read_number(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

/// Writes half-bytes, the first of each pair in the high half.
struct HalfBytes<'a> {
    bytes: &'a mut Vec<u8>,
    high: bool,
}

impl<'a> HalfBytes<'a> {
    fn new(bytes: &'a mut Vec<u8>) -> Self {
        HalfBytes { bytes, high: true }
    }

    fn push(&mut self, h: u8) {
        if self.high {
            self.bytes.push(h << 4);
        } else if let Some(last) = self.bytes.last_mut() {
            *last |= h;
        }
        self.high = !self.high;
    }

    /// Fills the last byte's low half, so the next string starts on a byte.
    fn finish(mut self) {
        if !self.high {
            self.push(RUN_END);
        }
    }
}

/// Reads half-bytes written by [`HalfBytes`].
struct HalfBytesRead<'a> {
    bytes: &'a [u8],
    at: usize,
    high: bool,
}

impl<'a> HalfBytesRead<'a> {
    fn new(bytes: &'a [u8], at: usize) -> Self {
        HalfBytesRead {
            bytes,
            at,
            high: true,
        }
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        let h = if self.high {
            b >> 4
        } else {
            self.at += 1;
            b & 0xF
        };
        self.high = !self.high;
        Some(h)
    }

    /// Where the bytes after the ones read start.
    fn end(&self) -> usize {
        self.at + usize::from(!self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(pairs: &[(&str, &str)]) {
        let mut w = Wording::default();
        let places: Vec<usize> = pairs.iter().map(|(v, r)| w.push(v, r)).collect();
        for (&(v, r), &at) in pairs.iter().zip(&places) {
            let (mut value, mut reason) = (String::new(), String::new());
            assert!(w.get(at, &mut value, &mut reason));
            assert_eq!((value.as_str(), reason.as_str()), (v, r));
        }
    }

    #[test]
    fn every_string_comes_back_as_it_was_kept() {
        round_trip(&[
            (
                "2022-01-05",
                "the Wednesday before the anchor, Thursday 2022-01-06",
            ),
            ("", ""),
            ("P3D", ""),
            (
                "2022-01-05TNI",
                "the night from Wednesday into Thursday; 12:30",
            ),
            ("0", "0"),
            ("12", "1"),
            ("1989/2019", "from 1989 up to 2019 (1 ٢ 3)"),
            ("x", "007 and 0070 and 00 — 'سيما' 9"),
            ("PRESENT_REF", "\"quoted\" \\ and \u{1} control"),
            (
                "2022-01-05",
                "the Wednesday before the anchor, Thursday 2022-01-06",
            ),
            ("99999999999999999999999999", "1234567890"),
        ]);
    }

    #[test]
    fn a_shape_is_kept_once_whatever_its_numbers() {
        let mut w = Wording::default();
        for day in 1..=28 {
            w.push(
                &format!("2022-01-{day:02}"),
                &format!("day {day} of January 2022"),
            );
        }
        assert_eq!(w.shapes.len(), 2);
        // Per string, four bytes of shape and its digits two to a byte, each run ended by a
        // half-byte: the value's 8 digits in 3 runs take 6 bytes, the reason's 6 in 2 take 4.
        assert_eq!(w.bytes.len(), 28 * (4 + 6 + 4 + 4));
    }

    fn read(w: &Wording, at: usize) -> Option<(String, String)> {
        let (mut v, mut r) = (String::new(), String::new());
        w.get(at, &mut v, &mut r).then_some((v, r))
    }

    fn pair(v: &str, r: &str) -> Option<(String, String)> {
        Some((v.into(), r.into()))
    }

    #[test]
    fn appended_words_are_found_at_their_place_plus_the_base() {
        let mut first = Wording::default();
        let a = first.push("2021", "the year 2021");
        let mut second = Wording::default();
        let b = second.push("2021-W05", "week 5 of 2021");
        let c = second.push("2021", "the year 2021");
        let base = first.append(second);
        assert_eq!(read(&first, a), pair("2021", "the year 2021"));
        assert_eq!(read(&first, base + b), pair("2021-W05", "week 5 of 2021"));
        assert_eq!(read(&first, base + c), pair("2021", "the year 2021"));
        assert_eq!(first.shapes.len(), 4);
        // Words kept after the append follow the appended ones; a wording that was itself
        // appended to comes in whole.
        let d = first.push("2022", "the year 2022");
        assert!(d > base + c);
        let mut third = Wording::default();
        let e = third.push("x", "y 1");
        let mut fourth = Wording::default();
        let f = fourth.push("5", "z");
        let base_fourth = third.append(fourth);
        let base_third = first.append(third);
        assert_eq!(read(&first, d), pair("2022", "the year 2022"));
        assert_eq!(read(&first, base + b), pair("2021-W05", "week 5 of 2021"));
        assert_eq!(read(&first, base_third + e), pair("x", "y 1"));
        assert_eq!(read(&first, base_third + base_fourth + f), pair("5", "z"));
        first.shrink_to_fit();
        assert_eq!(read(&first, a), pair("2021", "the year 2021"));
    }

    #[test]
    fn a_place_where_nothing_was_kept_reads_as_nothing() {
        let mut w = Wording::default();
        let at = w.push("2021", "x");
        let (mut v, mut r) = (String::from("kept "), String::new());
        assert!(!w.get(at + 1000, &mut v, &mut r));
        assert_eq!(v, "kept ");
    }
}
