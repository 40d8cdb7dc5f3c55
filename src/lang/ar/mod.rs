//! Arabic: the lexicon tables and the grammar over them.

pub mod grammar;
pub mod lexicon;
pub mod tense;

use crate::lang::expr::{Country, Expr, Found, Occasion};
use crate::model::TextSpan;
use crate::text::{Tokens, tokenize};

/// Finds the temporal expressions of every sentence, in text order, each with the index of
/// its sentence. Buffers are reused, so memory follows the output, not the input.
pub fn scan(text: &str, sentences: &[TextSpan]) -> Vec<(usize, Found)> {
    let mut tokens = Tokens::default();
    let mut roles = grammar::Roles::default();
    let mut found = Vec::new();
    let mut out = Vec::new();
    // How often each country is named, in order of first mention: the article's country.
    let mut countries: Vec<(Country, usize)> = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        tokenize(text, s.start, s.end, &mut tokens);
        if !roles.classify(&tokens) {
            continue;
        }
        for c in roles.countries() {
            match countries.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => countries.push((c, 1)),
            }
        }
        grammar::find(&tokens, &mut roles, &mut found);
        out.extend(found.drain(..).map(|f| (index, f)));
    }
    // A national day written without its country is the article's country's.
    let mut top: Option<(Country, usize)> = None;
    for &(c, n) in &countries {
        if top.is_none_or(|(_, m)| n > m) {
            top = Some((c, n));
        }
    }
    if let Some((country, _)) = top {
        for (_, f) in &mut out {
            give_country(&mut f.expr, country);
        }
    }
    name_the_feast(&mut out);
    out
}

/// "العيد" is the Eid the text named last before it; with none named, it is no date.
fn name_the_feast(out: &mut Vec<(usize, Found)>) {
    let mut last: Option<Expr> = None;
    out.retain_mut(|(_, f)| match &f.expr {
        Expr::Occasion {
            occasion: Occasion::EidAlFitr | Occasion::EidAlAdha,
            ..
        } => {
            last = Some(f.expr.clone());
            true
        }
        Expr::Occasion {
            occasion: Occasion::TheFeast,
            ..
        } => match &last {
            Some(eid) => {
                f.expr = eid.clone();
                true
            }
            None => false,
        },
        _ => true,
    });
}

/// Fills in the country of a national day that was written without one.
fn give_country(e: &mut Expr, country: Country) {
    match e {
        Expr::Occasion {
            occasion: Occasion::Civil(_, c @ None),
            ..
        } => *c = Some(country),
        Expr::DayPart(_, inner) | Expr::Part(_, inner) => give_country(inner, country),
        Expr::Range(a, b) => {
            give_country(a, country);
            give_country(b, country);
        }
        _ => {}
    }
}
