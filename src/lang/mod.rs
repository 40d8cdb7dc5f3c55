//! Language knowledge: lexicon tables and the grammar that reads them.
