//! Arabic: the lexicon tables and the grammar over them.

pub mod clues;
pub mod conventions;
pub mod folding;
pub mod grammar;
pub mod lexicon;
pub mod tense;
pub mod tokenize;

use std::ops::Range;

use crate::lang::expr::{Country, Expr, Found, Occasion};
use crate::lang::{Language, Part};
use crate::model::TextSpan;
use crate::text::Tokens;
use tokenize::tokenize;

/// Arabic, as the pipeline sees it through the language seam.
pub static ARABIC: Language = Language {
    code: "ar",
    scan_part,
    finish,
    sentence_ends: conventions::SENTENCE_ENDS,
    pauses: conventions::PAUSES,
    conventions: conventions::CONVENTIONS,
    clues: clues::CLUES,
    tokenize,
    normalize: folding::normalize,
    push_folded: folding::push_folded,
    only_clitics: clues::only_clitics,
};

/// Scans the sentences `range` of `sentences` (indices into the whole document's list, kept in
/// the result). Buffers are reused, so memory follows the output, not the input.
pub fn scan_part(text: &str, sentences: &[TextSpan], range: Range<usize>) -> Part {
    let mut tokens = Tokens::default();
    let mut roles = grammar::Roles::default();
    let mut found = Vec::new();
    let mut part = Part::default();
    for index in range {
        let s = &sentences[index];
        tokenize(text, s.start, s.end, &mut tokens);
        if !roles.classify(&tokens) {
            continue;
        }
        for c in roles.countries() {
            count(&mut part.countries, c, 1);
        }
        grammar::find(&tokens, &mut roles, &mut found);
        part.found.extend(found.drain(..).map(|f| (index, f)));
    }
    part
}

/// Joins the parts of one document, given in text order, and settles what needs the whole
/// document: a national day written without its country is the article's country's (the one
/// named most, first named on a tie), and "العيد" is the Eid named last before it.
pub fn finish(parts: Vec<Part>) -> Vec<(usize, Found)> {
    let mut countries: Vec<(Country, usize)> = Vec::new();
    let mut out = Vec::new();
    for part in parts {
        if out.is_empty() {
            // The first part's array becomes the whole's, not a copy of it.
            out = part.found;
            for (c, n) in part.countries {
                count(&mut countries, c, n);
            }
            continue;
        }
        for (c, n) in part.countries {
            count(&mut countries, c, n);
        }
        // Exactly the room the parts need: a long document's array is its largest.
        crate::lang::append_giving_back(&mut out, part.found);
    }
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

/// Adds `n` mentions of `c`, keeping the order of first mention.
fn count(countries: &mut Vec<(Country, usize)>, c: Country, n: usize) {
    match countries.iter_mut().find(|(k, _)| *k == c) {
        Some((_, m)) => *m += n,
        None => countries.push((c, n)),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::expr::CivilDay;
    use crate::text::split_sentences;

    #[test]
    fn two_parts_finished_equal_one_scan() {
        // The country is named in the first half, the national day without it and the bare
        // "العيد" in the second: only the finishing pass can settle them.
        let text = "أعلنت الكويت عطلة عيد الفطر من 2 مايو. وقال مسؤول كويتي إن الدوام يعود \
                    بعدها. وتحتفل البلاد باليوم الوطني في 25 فبراير. وتغلق المدارس خلال العيد.";
        let sentences = split_sentences(text, &conventions::SENTENCE_ENDS);
        assert_eq!(sentences.len(), 4);
        let whole = finish(vec![scan_part(text, &sentences, 0..sentences.len())]);
        let halves = finish(vec![
            scan_part(text, &sentences, 0..2),
            scan_part(text, &sentences, 2..4),
        ]);
        assert_eq!(halves, whole);
        let exprs: Vec<&Expr> = whole.iter().map(|(_, f)| &f.expr).collect();
        assert!(exprs.iter().any(|e| matches!(
            e,
            Expr::Occasion {
                occasion: Occasion::Civil(CivilDay::National, Some(Country::Kuwait)),
                ..
            }
        )));
        let feasts = exprs
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Expr::Occasion {
                        occasion: Occasion::EidAlFitr,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(feasts, 2, "{exprs:?}");
    }
}
