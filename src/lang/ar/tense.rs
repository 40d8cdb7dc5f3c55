//! Which way a clause points: the Arabic tense clues around a temporal expression.
//!
//! A bare weekday, a month or an occasion without a year can mean the last one or the next one;
//! a careful reader decides by the verb of its clause. The clues are data: future particles and
//! phrases (سـ / سوف + imperfect, لن, من المقرر, من المتوقع, على أن), imperfects that schedule an
//! event ("يعقد المجلس جلسته الثلاثاء"), perfect verbs and كان / قد / لقد / لم for the past, and
//! the reporting perfects (قال, أعلن, أكد …), which are weak: what is reported may lie ahead.
//! The clause runs back from the expression to a complementiser (أن, إن, أنه …) or the start of
//! the sentence, and forward to the next complementiser; the nearest clue before the expression
//! wins, then the nearest after it.
//!
//! Examples and traps: `src/lang/ar/corpus/tense.tsv` (run by `tests/corpus.rs`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::folding::normalize;
use crate::lang::expr::{Direction, Tense};
use crate::text::{TokenKind, Tokens};

/// How many words back and forward from the expression a clue may stand.
const REACH_BACK: usize = 12;
const REACH_FORWARD: usize = 8;

/// What one word says about its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A tense clue of this direction and weight.
    Clue(Direction, Weight),
    /// Opens an embedded clause (أن, إن, أنه): the clause with its own tense ends here.
    Complementiser,
    /// قد: "has" before a perfect (past), "may" before an imperfect (no direction).
    Qad,
    /// على, which with أن after it ("على أن يكون") speaks of what is to come.
    Ala,
}

/// How much a clue word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    /// A reporting or scheduling perfect: what it reports may lie either way.
    Weak,
    /// An event verb, or an imperfect that schedules (or tells of something still going on).
    Strong,
    /// A particle or phrase of the future (سـ, سوف, لن, من المقرر): nothing but what is to come.
    Marker,
}

use Direction::{Future, Past};
use Role::{Clue, Complementiser};
use Weight::{Marker, Strong, Weak};

/// Future particles and phrases: the clause speaks of what is to come, nothing else.
const FUTURE_MARKERS: &[&str] = &[
    "سوف",
    "لن",
    "المقرر",
    "المتوقع",
    "المنتظر",
    "المزمع",
    "المزمعة",
    "المرتقب",
    "المرتقبة",
    "يعتزم",
    "تعتزم",
    "يعتزمون",
    "يستعد",
    "تستعد",
    "يستعدون",
    "ينتظر",
    "تنتظر",
    "يتوقع",
    "تتوقع",
    "يتوقعون",
    "يرتقب",
];

/// Imperfects that schedule an event ("يعقد المجلس جلسته الثلاثاء"), or tell one still going on.
const FUTURE: &[&str] = &[
    "ينطلق",
    "تنطلق",
    "تنطلقان",
    "يعقد",
    "تعقد",
    "ينعقد",
    "تنعقد",
    "يبدأ",
    "تبدأ",
    "يبدا",
    "ينتهي",
    "تنتهي",
    "يستمر",
    "تستمر",
    "يتواصل",
    "تتواصل",
    "يختتم",
    "تختتم",
    "يقام",
    "تقام",
    "يجرى",
    "تجرى",
    "يصوت",
    "يصوتون",
    "يتوجه",
    "يتوجهون",
    "يختار",
    "يختارون",
    "يدلي",
    "يدلون",
    "يلتقي",
    "تلتقي",
    "يزور",
    "تزور",
    "يصل",
    "تصل",
    "يستأنف",
    "تستأنف",
    "يفتتح",
    "تفتتح",
    "يحتفل",
    "تحتفل",
    "يحتفلون",
    "يستضيف",
    "تستضيف",
    "يليه",
    "يليها",
    "تليه",
    "تليها",
    "يلي",
    "تشهد",
    "يشهد",
    "تهطل",
    "يهطل",
    "تتساقط",
    "يغادر",
    "تغادر",
    "يعود",
    "تعود",
    "تستقبل",
    "يستقبل",
    "يمتد",
    "تمتد",
    "تتنقل",
];

/// Perfect verbs of events and the past auxiliaries.
const PAST: &[&str] = &[
    "كان",
    "كانت",
    "كانوا",
    "كنا",
    "لقد",
    "لم",
    "شهد",
    "شهدت",
    "وقع",
    "وقعت",
    "جرى",
    "جرت",
    "عقدت",
    "عقدوا",
    "انعقد",
    "انعقدت",
    "انطلق",
    "انطلقت",
    "بدأ",
    "بدأت",
    "انتهى",
    "انتهت",
    "اختتم",
    "اختتمت",
    "احتفل",
    "احتفلت",
    "احتفلوا",
    "توفي",
    "توفيت",
    "قتل",
    "قتلت",
    "قتلوا",
    "أصيب",
    "أصيبت",
    "أصيبوا",
    "اعتقل",
    "اعتقلت",
    "سجلت",
    "حدثت",
    "تم",
    "أصدر",
    "أصدرت",
    "استقبل",
    "استقبلت",
    "التقى",
    "زار",
    "زارت",
    "وصل",
    "وصلت",
    "غادر",
    "غادرت",
    "شارك",
    "شاركت",
    "شاركوا",
    "أجرى",
    "أجرت",
    "اندلع",
    "اندلعت",
    "هطلت",
    "شن",
    "شنت",
    "أطلق",
    "أطلقت",
    "وافق",
    "وافقت",
    "صوت",
    "صوتوا",
    "فاز",
    "فازت",
    "خسر",
    "خسرت",
    "انسحب",
    "انسحبت",
    "رفض",
    "رفضت",
    "تظاهر",
    "تظاهروا",
    "خرجت",
    "خرجوا",
    "نظمت",
    "أقيم",
    "أقيمت",
    "افتتح",
    "افتتحت",
    "ألقى",
    "تعرض",
    "تعرضت",
    "أسفر",
    "أسفرت",
    "بلغت",
    "ارتفع",
    "ارتفعت",
    "انخفض",
    "انخفضت",
    "تراجع",
    "تراجعت",
    "سقط",
    "سقطت",
    "عاد",
    "عادت",
    "مرت",
    "مضى",
    "أغلق",
    "أغلقت",
    "هاجم",
    "هاجمت",
    "اقتحم",
    "اقتحمت",
    "صدر",
    "صدرت",
    "انتشر",
    "انتشرت",
    "تمكن",
    "تمكنت",
    "أنهى",
    "أنهت",
    "حضر",
    "حضرت",
    "دخل",
    "دخلت",
    "ولد",
    "استشهد",
    "اغتيل",
    "تأسس",
    "تأسست",
    "سيطر",
    "سيطرت",
    "أحيا",
    "أحيت",
    "صادق",
    "صادقت",
    "أقر",
    "أقرت",
    "انتخب",
    "انتخبت",
    "أفرج",
    "أفرجت",
    "فرضت",
    "اجتمع",
    "اجتمعت",
    "ناقش",
    "ناقشت",
    "توجه",
    "توجهت",
    "توجهوا",
    "أعيد",
    "أعيدت",
    "هزت",
    "ضربت",
    "نشرت",
    "أدى",
    "أدت",
    "توافدت",
    "توافدوا",
    "تجمعت",
    "تجمعوا",
    "تسلمت",
    "تعهدت",
    "تحولت",
    "تصاعدت",
    "تجددت",
    "توقفت",
    "امتلأت",
    "وزعت",
    "أقامت",
    "أغلقت",
];

/// Perfect verbs that fix a date for what is to come ("تأجلت المباراة للسبت"): weakly future.
const SCHEDULING: &[&str] = &[
    "تأجل",
    "تأجلت",
    "أجل",
    "أجلت",
    "أرجأ",
    "أرجأت",
    "تقرر",
    "قرر",
    "قررت",
    "حدد",
    "حددت",
    "تحدد",
    "حددوا",
];

/// Perfect verbs that report: what they report may lie ahead ("أعلن أن الاجتماع الخميس").
const REPORTING: &[&str] = &[
    "قال",
    "قالت",
    "قالوا",
    "أعلن",
    "أعلنت",
    "أعلنوا",
    "أكد",
    "أكدت",
    "أكدوا",
    "أوضح",
    "أوضحت",
    "ذكر",
    "ذكرت",
    "أفاد",
    "أفادت",
    "أشار",
    "أشارت",
    "أضاف",
    "أضافت",
    "كشف",
    "كشفت",
    "نقل",
    "نقلت",
    "صرح",
    "صرحت",
    "بينت",
    "لفت",
    "لفتت",
    "نوه",
    "نوهت",
    "أبلغ",
    "أبلغت",
    "أعرب",
    "أعربت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
];

/// Words that open an embedded clause.
const COMPLEMENTISERS: &[&str] = &[
    "أن",
    "إن",
    "أنه",
    "إنه",
    "أنها",
    "إنها",
    "بأن",
    "بأنه",
    "بأنها",
    "لأن",
    "أنهم",
    "إنهم",
];

/// Nouns that look like سـ + imperfect (سيارة "car", سنة "year", ستة "six").
const NOT_FUTURE_VERBS: &[&str] = &[
    "سيد",
    "سيدة",
    "سيدات",
    "سيدي",
    "سيف",
    "سيول",
    "سيرة",
    "سينما",
    "سيناء",
    "ستة",
    "ستين",
    "ستون",
    "ستار",
    "ستاد",
    "سنة",
    "سنه",
    "سنين",
    "سنتين",
    "سنتان",
    "سند",
    "سندات",
    "سنوات",
];

/// Stems that start nouns which look like سـ + imperfect.
const NOT_FUTURE_STEMS: &[&str] = &[
    "سيار",
    "سياس",
    "سياح",
    "سيطر",
    "سيناري",
    "سياد",
    "سيول",
    "ستوديو",
    "سنوي",
    "سنغاف",
    "سنتيم",
];

static ROLES: LazyLock<HashMap<String, Role>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    let mut add = |words: &[&str], role: Role| {
        for w in words {
            map.entry(normalize(w)).or_insert(role);
        }
    };
    add(COMPLEMENTISERS, Complementiser);
    add(FUTURE_MARKERS, Clue(Future, Marker));
    add(FUTURE, Clue(Future, Strong));
    add(PAST, Clue(Past, Strong));
    add(REPORTING, Clue(Past, Weak));
    add(SCHEDULING, Clue(Future, Weak));
    add(&["قد"], Role::Qad);
    add(&["على"], Role::Ala);
    map
});

/// The conjunctions a clue word can carry ("وتنتهي", "فقد", "وسيتم").
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// The tense role the tables give a folded word, also behind the conjunctions و and ف
/// ("وتنتهي", "فقد"); the shape of سـ + imperfect is read apart, in [`Clues::read`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed(Option<Role>);

/// Every folded spelling the tables give a role, bare and behind و / ف, so the scan finds a
/// word's tense role in the same lookup as its lexicon role; any other word is
/// [`Listed::default`].
pub fn listed() -> Vec<(String, Listed)> {
    let mut all = Vec::new();
    for (w, role) in ROLES.iter() {
        all.push((w.clone(), Listed(Some(*role))));
    }
    for w in ROLES.keys() {
        for c in CONJUNCTIONS {
            let clitic = format!("{c}{w}");
            if !ROLES.contains_key(&clitic) {
                all.push((clitic, Listed(ROLES.get(w).copied())));
            }
        }
    }
    all
}

static NOT_FUTURE: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let fold = |words: &[&str]| words.iter().map(|w| normalize(w)).collect();
    (fold(NOT_FUTURE_VERBS), fold(NOT_FUTURE_STEMS))
});

/// سـ + an imperfect ("ستعقد", "سيتم", "سنواصل"): the future.
fn future_verb(norm: &str) -> Option<Role> {
    let rest = norm.strip_prefix('س')?;
    let imperfect = rest.starts_with(['ي', 'ت', 'ن']) && rest.chars().count() >= 3;
    let noun = || {
        let (words, stems) = &*NOT_FUTURE;
        words.iter().any(|w| w == norm) || stems.iter().any(|s| norm.starts_with(s))
    };
    (imperfect && !noun()).then_some(Clue(Future, Marker))
}

/// The tense roles of one sentence's words, settled once for all the clauses read in it
/// (a clause reads up to twenty words around each expression). Reused across sentences.
#[derive(Debug, Default)]
pub struct Clues(Vec<Option<Role>>);

impl Clues {
    /// Settles the role of every word of `tokens` from what the tables gave it (`listed`, one
    /// per token) and, for the rest, the shape of سـ + imperfect, also behind و / ف.
    pub fn read(&mut self, tokens: &Tokens, listed: impl Iterator<Item = Listed>) {
        self.0.clear();
        self.0.extend(
            tokens
                .list
                .iter()
                .zip(listed)
                .enumerate()
                .map(|(i, (t, l))| {
                    if t.kind != TokenKind::Word {
                        return None;
                    }
                    let n = tokens.norm(i);
                    l.0.or_else(|| n.strip_prefix(CONJUNCTIONS).and_then(future_verb))
                        .or_else(|| future_verb(n))
                }),
        );
    }
}

fn word_role(clues: &Clues, i: usize) -> Option<Role> {
    clues.0.get(i).copied().flatten()
}

/// The clue at token `i` as a tense, reading the word after it for قد and على أن.
fn clue_at(tokens: &Tokens, clues: &Clues, i: usize) -> Option<Tense> {
    let (dir, weight) = match word_role(clues, i)? {
        Clue(d, w) => (d, w),
        Role::Qad => {
            // "قد أعلن": past; "قد يعقد": "may", no direction.
            let perfect = tokens
                .list
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && !tokens.norm(i + 1).starts_with(['ي', 'ت', 'ن']);
            if !perfect {
                return None;
            }
            (Past, Strong)
        }
        Role::Ala => {
            if word_role(clues, i + 1)? != Complementiser || tokens.norm(i + 1) != "ان" {
                return None;
            }
            (Future, Marker)
        }
        Complementiser => return None,
    };
    let t = &tokens.list[i];
    Some(Tense::new(
        dir,
        weight != Weak,
        weight == Marker,
        t.start..t.end,
    ))
}

/// The tense of the clause around tokens `first..=last`: the nearest clue before the
/// expression, else the nearest after it, never across a complementiser; else the shape of
/// the verb that opens the sentence. `clues` are the roles [`Clues::read`] from `tokens`.
pub fn clause(tokens: &Tokens, clues: &Clues, first: usize, last: usize) -> Option<Tense> {
    let back = (first.saturating_sub(REACH_BACK)..first).rev();
    for i in back {
        if let Some(t) = clue_at(tokens, clues, i) {
            return Some(t);
        }
        if word_role(clues, i) == Some(Complementiser) {
            // "على أن يكون": the complementiser closes the clause, but the على before it
            // points forward.
            return (i > 0).then(|| clue_at(tokens, clues, i - 1)).flatten();
        }
    }
    let end = (last + 1 + REACH_FORWARD).min(tokens.len());
    for i in last + 1..end {
        if word_role(clues, i) == Some(Complementiser) {
            break;
        }
        if let Some(t) = clue_at(tokens, clues, i) {
            return Some(t);
        }
    }
    // "وفي أول جمعة من رمضان، امتلأت المساجد": an adverbial opening, then the verb.
    let comma = tokens
        .list
        .get(last + 1)
        .is_some_and(|t| matches!(t.kind, TokenKind::Punct('،' | ',')));
    if comma && let Some(t) = verb_shape(tokens, last + 2) {
        return Some(t);
    }
    (first > 0 && first <= REACH_BACK)
        .then(|| verb_shape(tokens, 0))
        .flatten()
}

/// Particles and other function words that open sentences but are no verb.
const NOT_VERBS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "حتى",
    "لا",
    "ما",
    "هذا",
    "هذه",
    "كما",
    "كذلك",
    "وفق",
    "وفقا",
    "حسب",
    "بحسب",
    "نحو",
    "عند",
    "لدى",
    "بين",
    "ضمن",
    "أمام",
    "رغم",
    "إثر",
    "عقب",
    "تحت",
    "فوق",
    "هو",
    "هي",
    "هم",
    "نحن",
    "أنا",
    "لكن",
    "بل",
    "أو",
    "أي",
    "كل",
    "بعض",
    "غير",
    "إذ",
    "إذا",
    "لو",
    "ثم",
    "يوم",
    "يوما",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "يناير",
    "يوليوز",
    "ذلك",
    "تلك",
    "هناك",
    "هنا",
    "حيث",
    "بينما",
    "نظرا",
];

/// The perfect of a derived verb that starts with alef: أفعل (أعلن), افتعل / انفعل (ارتفع,
/// انطلق), استفعل (استقبل); not the plurals and verbal nouns spelled alike (أسعار, ارتفاع).
fn hamzated_perfect(stem: &str) -> bool {
    let c: Vec<char> = stem.chars().collect();
    if c.first() != Some(&'ا') || matches!(c.last(), Some('ه' | 'ي')) {
        return false;
    }
    match c.len() {
        4 => true,
        5 => c[3] != 'ا',
        6 => stem.starts_with("است") && c[4] != 'ا',
        _ => false,
    }
}

static NOT_VERB_SET: LazyLock<Vec<String>> =
    LazyLock::new(|| NOT_VERBS.iter().map(|w| normalize(w)).collect());

/// The verb that opens a verb-first sentence or clause ("وزعت الجمعيات …", "يعقد المجلس …"), read by
/// its shape when no listed word gives the tense: a perfect (a suffix -ت or -وا, a hamzated or
/// three-letter stem) points back; an imperfect (prefix يـ) schedules what is to come. It is
/// weak: a headline noun ("مجلس الوزراء يعلن") can look like a verb.
fn verb_shape(tokens: &Tokens, i: usize) -> Option<Tense> {
    let t = tokens.list.get(i).filter(|t| t.kind == TokenKind::Word)?;
    let n = tokens.norm(i);
    let stem = n
        .strip_prefix(CONJUNCTIONS)
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(n);
    if stem.starts_with("ال") || NOT_VERB_SET.iter().any(|w| w == stem) {
        return None;
    }
    // A temporal word is no verb, except a unit noun before a definite subject ("عقد المجلس").
    let subject_next = tokens
        .list
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && tokens.norm(i + 1).starts_with("ال");
    match crate::lang::ar::lexicon::lookup(n) {
        None => {}
        Some(crate::lang::ar::lexicon::Word::Unit(_)) if subject_next => {}
        Some(_) => return None,
    }
    let len = stem.chars().count();
    let dir = if stem.starts_with('ي') && len >= 4 {
        Future
    } else if (stem.ends_with('ت') && !stem.ends_with("ات"))
        || stem.ends_with("وا")
        || hamzated_perfect(stem)
        || len == 3
    {
        Past
    } else {
        return None;
    };
    Some(Tense::new(dir, false, false, t.start..t.end))
}

/// The first strong clue anywhere in the sentence: the direction the sentence as a whole
/// leans when the expression's own clause says nothing. `clues` as for [`clause`].
pub fn sentence(tokens: &Tokens, clues: &Clues) -> Option<Tense> {
    (0..tokens.len())
        .filter_map(|i| clue_at(tokens, clues, i))
        .find(|t| t.strong)
}
