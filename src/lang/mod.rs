//! Language knowledge: lexicon tables and the grammar that reads them, producing [`expr::Found`]
//! expressions whose meaning is language-neutral.

pub mod ar;
pub mod expr;
