//! tarikh: find the dated events in a news article and lay them on one timeline.
//!
//! The pipeline runs in one direction (see `DESIGN.md`), and the modules are its stages:
//! sentences and tokens ([`text`]) → the language's expressions ([`lang`], through its
//! [`lang::Language`] seam) → anchor and resolved dates ([`resolve`]) → one orchestrator
//! ([`extract`](mod@extract)) → the review overlay ([`review`]) → the output formats ([`export`]) and the
//! viewer ([`tui`]). Extraction is pure: no I/O, no terminal. The serde types of the JSON
//! contract ([`model`]) import nothing of ours, so every stage can use them.

#![warn(missing_docs)]

pub mod export;
pub mod extract;
pub mod lang;
pub mod model;
pub mod resolve;
pub mod review;
pub mod text;
pub mod tui;

pub use extract::{Options, Source, extract, extract_sources};
pub use model::*;
pub use resolve::Prefer;
