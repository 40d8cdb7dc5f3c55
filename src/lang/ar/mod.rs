//! Arabic: the lexicon tables and the grammar over them.

pub mod grammar;
pub mod lexicon;
pub mod tense;

use crate::lang::expr::Found;
use crate::text::{Tokens, tokenize};
use crate::timeline::model::TextSpan;

/// Finds the temporal expressions of every sentence, in text order, each with the index of
/// its sentence. Buffers are reused, so memory follows the output, not the input.
pub fn scan(text: &str, sentences: &[TextSpan]) -> Vec<(usize, Found)> {
    let mut tokens = Tokens::default();
    let mut roles = grammar::Roles::default();
    let mut found = Vec::new();
    let mut out = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        tokenize(text, s.start, s.end, &mut tokens);
        if !roles.classify(&tokens) {
            continue;
        }
        grammar::find(&tokens, &roles, &mut found);
        out.extend(found.drain(..).map(|f| (index, f)));
    }
    out
}
