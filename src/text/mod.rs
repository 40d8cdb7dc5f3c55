//! The document model: the original text, its sentences, and tokens over a normalised view
//! (how a text is tokenised and folded is its language's: see [`crate::lang::Language`]).
//!
//! Everything keeps byte offsets into the original text, so a span found on the normalised
//! view slices the original exactly.

pub mod label;
pub mod likeness;
pub mod sentences;
pub mod token;

pub use label::{label, label_cut};
pub use sentences::split_sentences;
pub use token::{Token, TokenKind, Tokens};
