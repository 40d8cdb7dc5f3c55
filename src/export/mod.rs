//! Exports: the [`format::FORMATS`] table and one writer per format, each reading a finished
//! [`crate::model::Timeline`].

pub mod csv;
pub mod escape;
pub mod format;
pub mod html;
pub mod jsonl;
pub mod md;
pub mod stream;
pub mod timelinejs;
pub mod timeml;
pub mod words;
