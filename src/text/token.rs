//! Tokens over one sentence: words (with their normalised form), numbers (with their value)
//! and single punctuation marks, each with its original byte span.
//!
//! These are the language-neutral data the grammar, the clues and anchor inference read; how a
//! text is cut into them and folded is the language's (see [`crate::lang::Language::tokenize`]),
//! which fills them through [`Tokens::clear`], [`Tokens::push`] and [`Tokens::push_word`].
//! Buffers are reused from sentence to sentence.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters; the normalised text is in [`Tokens::norm`].
    Word,
    /// A run of digits with its value (saturating) and digit count.
    Number {
        /// The value, saturating at `u32::MAX`.
        value: u32,
        /// How many digits were written (a year has four).
        digits: u8,
    },
    /// One punctuation mark, with dashes, slashes and the Arabic comma folded to ASCII.
    Punct(char),
}

/// One token and where it lies in the original text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte in the document.
    pub end: usize,
    /// Whether white space separates it from the previous token.
    pub space_before: bool,
    norm: (u32, u32),
}

/// The tokens of one sentence plus the arena holding their normalised forms.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in text order.
    pub list: Vec<Token>,
    arena: String,
}

impl Tokens {
    /// The normalised form of token `i` (empty for numbers and punctuation).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.list[i].norm;
        &self.arena[a as usize..b as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Empties the tokens and the arena, keeping both buffers for the next sentence.
    #[inline]
    pub fn clear(&mut self) {
        self.list.clear();
        self.arena.clear();
    }

    /// Appends a number or a punctuation mark (they have no normalised form).
    #[inline]
    pub fn push(&mut self, kind: TokenKind, start: usize, end: usize, space_before: bool) {
        self.list.push(Token {
            kind,
            start,
            end,
            space_before,
            norm: (0, 0),
        });
    }

    /// Appends a word starting at byte `start`: `fold` writes its normalised form onto the
    /// arena it is given and returns where the word ends, which is also returned. Generic, so
    /// the language's folding loop is inlined here rather than called per character.
    #[inline]
    pub fn push_word(
        &mut self,
        start: usize,
        space_before: bool,
        fold: impl FnOnce(&mut String) -> usize,
    ) -> usize {
        let a = self.arena.len() as u32;
        let end = fold(&mut self.arena);
        let b = self.arena.len() as u32;
        self.list.push(Token {
            kind: TokenKind::Word,
            start,
            end,
            space_before,
            norm: (a, b),
        });
        end
    }
}
