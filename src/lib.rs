//! tarikh: find the dated events in a news article and lay them on one timeline.
//!
//! The pipeline runs in one direction (see `DESIGN.md`):
//! text → [`text::Document`] → mentions ([`lang`]) → anchor and resolved dates ([`resolve`])
//! → [`timeline::Timeline`]. Extraction is pure: no I/O, no terminal.

pub mod lang;
pub mod resolve;
pub mod review;
pub mod text;
pub mod timeline;
pub mod tui;

pub use resolve::Prefer;
pub use timeline::model::*;
pub use timeline::{Options, Source, extract, extract_sources};
