//! The Arabic temporal lexicon: every word the grammar reacts to, as data.
//!
//! Words are written here as news prints them; keys are built by normalising them and adding
//! every clitic chain they can carry (و ف ب ك ل and ال combinations), so the grammar looks each
//! token up once. A word that is not here is invisible to the grammar.

use std::sync::LazyLock;

use chrono::Weekday;
use rustc_hash::FxHashMap as HashMap;

use super::folding::normalize;
use crate::lang::expr::{
    CivilDay, Country, DayPart, MonthRef, Occasion, Part, Rel as R, Season, Unit,
};

/// The role a word plays in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A day of the week, with the article (الخميس).
    Weekday(Weekday),
    /// A weekday without the article (خميس), only read after an ordinal ("ثاني خميس").
    BareWeekday(Weekday),
    /// A Gregorian month (1–12); `ambiguous` words (آب, مارس, ماي, جوان) need a day, year or شهر.
    Month {
        /// 1–12.
        number: u8,
        /// Also an ordinary word; accept only with date context.
        ambiguous: bool,
    },
    /// A Hijri month (1–12); `ambiguous` ones (صفر zero, رجب and شعبان as names) need context.
    HijriMonth {
        /// 1–12.
        number: u8,
        /// Also an ordinary word; accept only with date context.
        ambiguous: bool,
    },
    /// The first word of a two-word month name, completed by an ordinal or a tail.
    MonthHead(MonthHead),
    /// القعدة / الحجة after ذو: Hijri months 11 and 12.
    HijriTail(u8),
    /// An ordinal adjective with the article (الأول, الثالثة, …): months, days, hours.
    Ordinal(u8),
    /// An ordinal without the article (ثاني, ثالث, …), before a weekday.
    BareOrdinal(u8),
    /// آخر: "last", before a weekday of a month.
    LastOf,
    /// A spelled cardinal (ثلاثة, خمس, …).
    Cardinal(u8),
    /// A spelled ten (عشرين, الثلاثين, …).
    Tens(u8),
    /// A singular unit noun other than يوم / شهر / عام (أسبوع, ساعة, يوما after a number, …).
    Unit(Unit),
    /// A plural unit noun (أيام, سنوات, …), only after a count.
    Plural(Unit),
    /// A dual that carries its own count of two (يومين, أسبوعين, …).
    Dual(Unit),
    /// يوم: "day", before a weekday or a date, and the unit.
    DayNoun,
    /// يومي: "the two days of", before "10 و11 أوت".
    TwoDays,
    /// ليل / ليلة: "night of", before a weekday.
    NightOf,
    /// الليلة: "tonight", or "the night" before an adjective.
    TheNight,
    /// A relative modifier (الماضي, المقبل, الجاري, …).
    Rel(R),
    /// A day named relative to today (اليوم 0, أمس -1, غدا 1).
    RelDay(i8),
    /// غد: "tomorrow" after بعد.
    Morrow,
    /// أول: "first", in أول أمس and before a weekday.
    First,
    /// بعد: "after".
    After,
    /// قبل: "before".
    Before,
    /// الأسبوع: "the week".
    Week,
    /// The early, middle or late part of a period (مطلع, منتصف, نهاية, …).
    PeriodPart(Part),
    /// عطلة: "holiday", in عطلة نهاية الأسبوع.
    Break,
    /// هذا / هذه: "this".
    This,
    /// ذلك: "that", in "من ذلك", "قبل ذلك".
    That,
    /// عام / سنة: "year", before a year number, and the unit.
    YearNoun,
    /// شهر: "month", before a month name, and the unit.
    MonthNoun,
    /// A decade noun (التسعينيات), by its tens (90).
    Decade(u8),
    /// القرن: "the century".
    Century,
    /// الربع / النصف: a quarter or half of a year, by how many make the year (4 or 2).
    Fraction(u8),
    /// A season noun.
    Season(Season),
    /// The first word of an occasion's name (عيد, رأس, المولد, كريسماس).
    OccasionHead(OccasionHead),
    /// الموافق: "corresponding to", joining a Hijri and a Gregorian date.
    Corresponding,
    /// الساعة: "the hour", before a clock time.
    Clock,
    /// A part of the day (صباح, مساء, فجرا, …).
    DayPart(DayPart),
    /// بتوقيت / بالتوقيت: "in the time of", before a time zone.
    TimeZone,
    /// كل: "every".
    Every,
    /// يوميا / سنويا: a recurrence by itself.
    Periodic(Unit),
    /// خلال / غضون / مدى / لمدة: introduces a duration.
    During,
    /// من: "from".
    From,
    /// إلى: "to".
    To,
    /// حتى: "until".
    Until,
    /// على: "onto", in ليلة الأربعاء على الخميس.
    Onto,
    /// بين: "between".
    Between,
    /// و: "and", standing alone before a number.
    And,
    /// منذ: "since".
    Since,
    /// في: "in".
    In,
    /// الآن / حاليا: "now".
    Now,
    /// م / ميلادي: the Gregorian era marker after a year.
    GregorianEra,
    /// هـ / هجري: the Hijri era marker after a year.
    HijriEra,
    /// عشر: "-teen", which turns الأحد into "the eleven".
    Teen,
    /// نفسه / ذاته: "itself", in "اليوم نفسه" (that same day).
    Same,
    /// A word that opens a national day only: يومها / عيدها ("its day", "its feast").
    CivilHead,
    /// A country's name or adjective (الإمارات, القطري): the article's country, and the one
    /// a national day written beside it belongs to.
    Country(Country),
    /// متأخرة / متأخر: "late", in "ساعات متأخرة من الليل", "وقت متأخر من الليل".
    Late,
    /// حينها / آنذاك / عندها: "at that time", the date the text gave last.
    Then,
    /// الوقت / الحين: "the time", in "ذلك الوقت", "منذ ذلك الحين", "الوقت نفسه".
    TimeNoun,
    /// نفس: "the same", before its noun ("نفس اليوم").
    SameBefore,
    /// المذكور: "the said", in "اليوم المذكور".
    Said,
    /// عمره: "his age", which turns a decade into an age ("في الثمانينيات من عمره").
    Age,
    /// غرة / مستهل: the first day of a month; `strict` (غرة) is the first day whatever
    /// follows, while مستهل is only the first day of a Hijri month and otherwise "early".
    FirstDayOf {
        /// Always the first day (غرة), not merely the start (مستهل).
        strict: bool,
    },
    /// الأخير / الأخيرة: "the last", after a weekday or a week ("الجمعة الأخيرة من آذار").
    Final,
    /// إلا: "less", in a clock time ("العاشرة إلا ربعا").
    Minus,
    /// A part of the day in the adverbial accusative (صباحا, ظهرا, ليلا): a time on its own.
    DayPartAdverb(DayPart),
    /// اللي: the dialect relative pronoun, in "الأسبوع اللي فات" / "اللي جاي".
    Which,
    /// فات / جاي after اللي: the dialect "last" and "next".
    WhichRel(R),
    /// الدراسي / الدراسية: "academic", in العام الدراسي 2017/2018.
    Academic,
    /// المبارك / الكريم / المعظم: an epithet after a holy month or a feast, part of its span.
    Epithet,
    /// أكثر / أقل / نحو / حوالي: a hedge before a count ("منذ أكثر من ستة أشهر").
    About,
    /// الأواخر / الأوائل / الأواسط after العشر: the last, first or middle ten days.
    TenDays(Part),
    /// عند: "at", before a part of the day ("عند الظهر") or a clock time.
    At,
    /// A word of a named day of the Hijri year (عرفة, عاشوراء): see [`HIJRI_DAYS`].
    HijriDayName,
}

/// The first word of a two-word month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthHead {
    /// كانون الأول (December) / كانون الثاني (January).
    Kanun,
    /// تشرين الأول (October) / تشرين الثاني (November).
    Tishrin,
    /// ربيع الأول / الآخر (Hijri 3 and 4).
    Rabi,
    /// جمادى الأولى / الآخرة (Hijri 5 and 6).
    Jumada,
    /// ذو القعدة / الحجة (Hijri 11 and 12), completed by a tail, not an ordinal.
    Dhu,
}

impl MonthHead {
    /// The month named by this head and an ordinal, if they go together.
    pub fn month(self, ordinal: u8) -> Option<MonthRef> {
        match (self, ordinal) {
            (MonthHead::Kanun, 1) => Some(MonthRef::Gregorian(12)),
            (MonthHead::Kanun, 2) => Some(MonthRef::Gregorian(1)),
            (MonthHead::Tishrin, 1) => Some(MonthRef::Gregorian(10)),
            (MonthHead::Tishrin, 2) => Some(MonthRef::Gregorian(11)),
            (MonthHead::Rabi, 1) => Some(MonthRef::Hijri(3)),
            (MonthHead::Rabi, 2) => Some(MonthRef::Hijri(4)),
            (MonthHead::Jumada, 1) => Some(MonthRef::Hijri(5)),
            (MonthHead::Jumada, 2) => Some(MonthRef::Hijri(6)),
            _ => None,
        }
    }
}

/// The first word of an occasion; the grammar completes it from [`OCCASIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OccasionHead {
    /// عيد: "feast".
    Eid,
    /// رأس: "head", in رأس السنة.
    Head,
    /// المولد: "birth", in المولد النبوي.
    Mawlid,
    /// كريسماس: a one-word occasion.
    Christmas,
    /// الأضحى: Eid al-Adha by its own name, without عيد.
    Adha,
    /// وقفة: "the standing", in وقفة عرفات; يوم is read through [`Word::DayNoun`].
    Standing,
    /// العيد: "the feast", the Eid the text named last.
    TheFeast,
}

/// Words of praise that may stand between an occasion's name and its year, normalised
/// ("عيد الأضحى المبارك 1431", "رأس السنة الهجرية الجديدة 1445").
pub const OCCASION_EPITHETS: &[&str] = &[
    "المبارك",
    "المباركه",
    "الجديده",
    "الجديد",
    "السعيد",
    "السعيده",
    "المجيد",
    "الشريف",
];

/// Occasions: head, the words after it (normalised), optional trailing words, and meaning.
pub const OCCASIONS: &[(OccasionHead, &[&str], Occasion)] = &[
    (OccasionHead::Eid, &["الفطر"], Occasion::EidAlFitr),
    (OccasionHead::Eid, &["الاضحي"], Occasion::EidAlAdha),
    (
        OccasionHead::Eid,
        &["الميلاد", "المجيد"],
        Occasion::Christmas,
    ),
    (OccasionHead::Eid, &["الميلاد"], Occasion::Christmas),
    (OccasionHead::Eid, &["الفصح"], Occasion::Easter),
    (OccasionHead::Eid, &["العمال"], Occasion::LabourDay),
    (
        OccasionHead::Head,
        &["السنه", "الهجريه"],
        Occasion::HijriNewYear,
    ),
    (
        OccasionHead::Head,
        &["العام", "الهجري"],
        Occasion::HijriNewYear,
    ),
    (
        OccasionHead::Head,
        &["السنه", "الميلاديه"],
        Occasion::NewYear,
    ),
    (OccasionHead::Head, &["السنه"], Occasion::NewYear),
    (
        OccasionHead::Mawlid,
        &["النبوي", "الشريف"],
        Occasion::Mawlid,
    ),
    (OccasionHead::Mawlid, &["النبوي"], Occasion::Mawlid),
    (OccasionHead::Christmas, &[], Occasion::Christmas),
    (OccasionHead::Adha, &[], Occasion::EidAlAdha),
    (OccasionHead::TheFeast, &[], Occasion::TheFeast),
    (OccasionHead::Standing, &["عرفات"], Occasion::Arafat),
    (OccasionHead::Standing, &["عرفه"], Occasion::Arafat),
];

/// Pronouns that restate the date just written ("…، وهو آخر يوم في الإجازة"), normalised.
pub const APPOSITION_PRONOUNS: &[&str] = &["وهو", "وهي", "هو", "هي"];

/// Nouns before "late" in "ساعات متأخرة من الليل", "وقت متأخر من الليل", normalised.
pub const LATE_NOUNS: &[&str] = &["ساعات", "ساعه", "وقت"];

/// The name of the Day of Arafat after يوم ("يوم عرفة", "يوم عرفات"), normalised.
pub const ARAFAT: &[&str] = &["عرفه", "عرفات"];

/// "State" before a country's name in a national day ("اليوم الوطني لدولة الإمارات"),
/// normalised, with its prepositions.
pub const STATE_NOUNS: &[&str] = &["دوله", "لدوله", "بدوله"];

/// Words that "complete" a Hijri month (its 29th or 30th day), normalised: before ل + a month
/// name they make an ambiguous one (شعبان, رجب) the month ("غدا المتمم لشعبان").
pub const HIJRI_COMPLETING: &[&str] = &["المتمم", "المكمل", "متمم", "مكمل"];

/// National and civil days: the word after their head (اليوم, يوم, عيد, يومها, ذكرى),
/// normalised, and which day it names; its date depends on the country.
pub const CIVIL_DAYS: &[(&str, CivilDay)] = &[
    ("الوطني", CivilDay::National),
    ("الشهيد", CivilDay::Martyrs),
    ("العرش", CivilDay::Throne),
    ("الاستقلال", CivilDay::Independence),
    ("استقلالها", CivilDay::Independence),
    ("استقلاله", CivilDay::Independence),
    ("استقلال", CivilDay::Independence),
    ("التحرير", CivilDay::Liberation),
    ("الجلاء", CivilDay::Evacuation),
    ("الوحده", CivilDay::Unity),
    ("التاسيس", CivilDay::Founding),
    ("الارض", CivilDay::LandDay),
    ("النكبه", CivilDay::Nakba),
];

/// Countries by their names and adjectives, as the press writes them.
const COUNTRIES: &[(&str, Country)] = &[
    ("الإمارات", Country::Uae),
    ("الإماراتي", Country::Uae),
    ("الإماراتية", Country::Uae),
    ("السعودية", Country::Saudi),
    ("السعودي", Country::Saudi),
    ("الكويت", Country::Kuwait),
    ("الكويتي", Country::Kuwait),
    ("الكويتية", Country::Kuwait),
    ("قطر", Country::Qatar),
    ("القطري", Country::Qatar),
    ("القطرية", Country::Qatar),
    ("البحرين", Country::Bahrain),
    ("البحريني", Country::Bahrain),
    ("البحرينية", Country::Bahrain),
    ("العماني", Country::Oman),
    ("العمانية", Country::Oman),
    ("اليمن", Country::Yemen),
    ("اليمني", Country::Yemen),
    ("اليمنية", Country::Yemen),
    ("الأردن", Country::Jordan),
    ("الأردني", Country::Jordan),
    ("الأردنية", Country::Jordan),
    ("لبنان", Country::Lebanon),
    ("اللبناني", Country::Lebanon),
    ("اللبنانية", Country::Lebanon),
    ("سوريا", Country::Syria),
    ("سورية", Country::Syria),
    ("السوري", Country::Syria),
    ("السورية", Country::Syria),
    ("العراق", Country::Iraq),
    ("العراقي", Country::Iraq),
    ("العراقية", Country::Iraq),
    ("مصر", Country::Egypt),
    ("المصري", Country::Egypt),
    ("المصرية", Country::Egypt),
    ("السودان", Country::Sudan),
    ("السوداني", Country::Sudan),
    ("السودانية", Country::Sudan),
    ("ليبيا", Country::Libya),
    ("الليبي", Country::Libya),
    ("الليبية", Country::Libya),
    ("تونس", Country::Tunisia),
    ("التونسي", Country::Tunisia),
    ("التونسية", Country::Tunisia),
    ("الجزائر", Country::Algeria),
    ("الجزائري", Country::Algeria),
    ("الجزائرية", Country::Algeria),
    ("المغرب", Country::Morocco),
    ("المغربي", Country::Morocco),
    ("المغربية", Country::Morocco),
    ("موريتانيا", Country::Mauritania),
    ("الموريتاني", Country::Mauritania),
    ("الموريتانية", Country::Mauritania),
    ("فلسطين", Country::Palestine),
    ("الفلسطيني", Country::Palestine),
    ("الفلسطينية", Country::Palestine),
];

/// Days of the Hijri year known by name: their words, and (day, month). The first word may
/// carry a clitic ("وليلة القدر"). The Day of Arafat is an occasion ([`OccasionHead::Standing`]).
pub const HIJRI_DAYS: &[(&[&str], u32, u32)] = &[
    (&["يوم", "التروية"], 8, 12),
    (&["يوم", "عاشوراء"], 10, 1),
    (&["ليلة", "القدر"], 27, 9),
    (&["ليلة", "الإسراء", "والمعراج"], 27, 7),
    (&["ليلة", "النصف", "من", "شعبان"], 15, 8),
];

/// The named Hijri day whose words start `words` (normalised): (word count, day, month).
pub fn hijri_day(words: &[&str]) -> Option<(usize, u32, u32)> {
    type Phrase = (Vec<String>, u32, u32);
    // The phrases by every form of their first word (bare and behind a clitic), so a token
    // that opens none costs one lookup.
    static PHRASES: LazyLock<HashMap<String, Vec<Phrase>>> = LazyLock::new(|| {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::default();
        for (p, d, m) in HIJRI_DAYS {
            let words: Vec<String> = p.iter().map(|w| normalize(w)).collect();
            for form in hijri_day_openers(&words[0]) {
                by_first
                    .entry(form)
                    .or_default()
                    .push((words.clone(), *d, *m));
            }
        }
        by_first
    });
    PHRASES
        .get(*words.first()?)?
        .iter()
        .filter(|(p, ..)| p.len() <= words.len())
        .filter(|(p, ..)| p[1..].iter().zip(&words[1..]).all(|(a, b)| a == b))
        .max_by_key(|(p, ..)| p.len())
        .map(|(p, d, m)| (p.len(), *d, *m))
}

/// Every form of a named Hijri day's first word (normalised): bare and behind a clitic.
fn hijri_day_openers(first: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(first.to_string())
        .chain(PLAIN_PREFIXES.iter().map(move |c| format!("{c}{first}")))
}

/// Every word (normalised) that can open a phrase read by [`hijri_day`] or [`not_temporal`],
/// so the grammar asks them only at such a word.
pub fn phrase_openers() -> Vec<String> {
    let mut all: Vec<String> = HIJRI_DAYS
        .iter()
        .flat_map(|(p, ..)| hijri_day_openers(&normalize(p[0])).collect::<Vec<_>>())
        .collect();
    all.extend(NOT_TEMPORAL.iter().map(|p| normalize(p[0])));
    all
}

/// Word sequences (normalised) that contain a temporal word but are not temporal: greetings
/// and idioms. The grammar skips them whole.
pub const NOT_TEMPORAL: &[&[&str]] = &[
    &["صباح", "الخير"],
    &["صباح", "النور"],
    &["مساء", "الخير"],
    &["مساء", "النور"],
    &["ليلا", "ونهارا"],
    &["ليل", "نهار"],
    &["صباحا", "ومساء"],
    &["صباح", "مساء"],
    &["بكره", "ابيهم"],
    &["بكره", "ابيه"],
    &["بكره", "ابيها"],
];

/// Which clitics a word can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clitics {
    /// Conjunctions, prepositions and the article chains.
    All,
    /// Only the conjunctions و and ف (function words).
    Conj,
    /// None (one-letter markers).
    None,
}

use Clitics::{All, Conj};
use Word as W;

/// Weekdays; both spellings of Monday.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الأحد", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الإثنين", Weekday::Mon),
    ("الأثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الأربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعة", Weekday::Fri),
    ("السبت", Weekday::Sat),
];

/// Weekdays without the article, read only after an ordinal ("ثاني أربعاء").
const BARE_WEEKDAYS: &[(&str, Weekday)] = &[
    ("أحد", Weekday::Sun),
    ("اثنين", Weekday::Mon),
    ("إثنين", Weekday::Mon),
    ("ثلاثاء", Weekday::Tue),
    ("أربعاء", Weekday::Wed),
    ("خميس", Weekday::Thu),
    ("جمعة", Weekday::Fri),
    ("سبت", Weekday::Sat),
];

/// Gregorian month names in the Egyptian/Gulf, Levantine, Algerian/Tunisian and Moroccan
/// systems; `true` marks words that are also ordinary words.
const MONTHS: &[(&str, u8, bool)] = &[
    // Egypt, Gulf (and Morocco where shared)
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, true),
    ("أبريل", 4, false),
    ("إبريل", 4, false),
    ("ابريل", 4, false),
    ("مايو", 5, false),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("أغسطس", 8, false),
    ("سبتمبر", 9, false),
    ("أكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    // Levant, Iraq (كانون and تشرين are heads, below)
    ("شباط", 2, false),
    ("آذار", 3, false),
    ("نيسان", 4, false),
    ("أيار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, false),
    ("آب", 8, true),
    ("أيلول", 9, false),
    // Algeria, Tunisia
    ("جانفي", 1, false),
    ("فيفري", 2, false),
    ("أفريل", 4, false),
    ("ماي", 5, true),
    ("جوان", 6, true),
    ("جويلية", 7, false),
    ("أوت", 8, false),
    // Morocco
    ("يوليوز", 7, false),
    ("غشت", 8, false),
    ("شتنبر", 9, false),
    ("نونبر", 11, false),
    ("دجنبر", 12, false),
];

/// One-word Hijri months; `true` marks words that are also ordinary words or names.
const HIJRI_MONTHS: &[(&str, u8, bool)] = &[
    ("محرم", 1, true),
    ("صفر", 2, true),
    ("رجب", 7, true),
    ("شعبان", 8, true),
    ("رمضان", 9, false),
    ("شوال", 10, false),
];

/// Spelled numbers: cardinals (both genders), tens, ordinals with and without the article.
const NUMBERS: &[(&str, Word)] = &[
    ("واحد", W::Cardinal(1)),
    ("واحدة", W::Cardinal(1)),
    ("اثنان", W::Cardinal(2)),
    ("اثنتان", W::Cardinal(2)),
    ("ثلاثة", W::Cardinal(3)),
    ("ثلاث", W::Cardinal(3)),
    ("أربعة", W::Cardinal(4)),
    ("أربع", W::Cardinal(4)),
    ("خمسة", W::Cardinal(5)),
    ("خمس", W::Cardinal(5)),
    ("ستة", W::Cardinal(6)),
    ("ست", W::Cardinal(6)),
    ("سبعة", W::Cardinal(7)),
    ("سبع", W::Cardinal(7)),
    ("ثمانية", W::Cardinal(8)),
    ("ثماني", W::Cardinal(8)),
    ("ثمان", W::Cardinal(8)),
    ("تسعة", W::Cardinal(9)),
    ("تسع", W::Cardinal(9)),
    ("عشرة", W::Cardinal(10)),
    ("عشر", W::Teen),
    ("عشرين", W::Tens(20)),
    ("عشرون", W::Tens(20)),
    ("العشرين", W::Tens(20)),
    ("ثلاثين", W::Tens(30)),
    ("ثلاثون", W::Tens(30)),
    ("الثلاثين", W::Tens(30)),
    ("أربعين", W::Tens(40)),
    ("خمسين", W::Tens(50)),
    ("ستين", W::Tens(60)),
    ("سبعين", W::Tens(70)),
    ("ثمانين", W::Tens(80)),
    ("تسعين", W::Tens(90)),
    ("مائة", W::Tens(100)),
    ("مئة", W::Tens(100)),
    ("الأول", W::Ordinal(1)),
    ("الأولى", W::Ordinal(1)),
    ("الحادي", W::Ordinal(1)),
    ("الفاتح", W::Ordinal(1)),
    ("الحادية", W::Ordinal(1)),
    ("الواحدة", W::Ordinal(1)),
    ("الثاني", W::Ordinal(2)),
    ("الثانية", W::Ordinal(2)),
    ("الآخر", W::Ordinal(2)),
    ("الآخرة", W::Ordinal(2)),
    ("الثالث", W::Ordinal(3)),
    ("الثالثة", W::Ordinal(3)),
    ("الرابع", W::Ordinal(4)),
    ("الرابعة", W::Ordinal(4)),
    ("الخامس", W::Ordinal(5)),
    ("الخامسة", W::Ordinal(5)),
    ("السادس", W::Ordinal(6)),
    ("السادسة", W::Ordinal(6)),
    ("السابع", W::Ordinal(7)),
    ("السابعة", W::Ordinal(7)),
    ("الثامن", W::Ordinal(8)),
    ("الثامنة", W::Ordinal(8)),
    ("التاسع", W::Ordinal(9)),
    ("التاسعة", W::Ordinal(9)),
    ("العاشر", W::Ordinal(10)),
    ("العاشرة", W::Ordinal(10)),
    ("ثاني", W::BareOrdinal(2)),
    ("ثالث", W::BareOrdinal(3)),
    ("رابع", W::BareOrdinal(4)),
    ("خامس", W::BareOrdinal(5)),
    ("سادس", W::BareOrdinal(6)),
    ("سابع", W::BareOrdinal(7)),
    ("ثامن", W::BareOrdinal(8)),
    ("تاسع", W::BareOrdinal(9)),
    ("عاشر", W::BareOrdinal(10)),
    ("آخر", W::LastOf),
];

/// Units of time and their duals.
const UNITS: &[(&str, Word)] = &[
    ("أيام", W::Plural(Unit::Day)),
    ("يوما", W::Unit(Unit::Day)),
    ("أسبوع", W::Unit(Unit::Week)),
    ("أسبوعا", W::Unit(Unit::Week)),
    ("أسابيع", W::Plural(Unit::Week)),
    ("أشهر", W::Plural(Unit::Month)),
    ("شهور", W::Plural(Unit::Month)),
    ("شهرا", W::Unit(Unit::Month)),
    ("أعوام", W::Plural(Unit::Year)),
    ("عاما", W::Unit(Unit::Year)),
    ("سنوات", W::Plural(Unit::Year)),
    ("سنين", W::Plural(Unit::Year)),
    ("ساعة", W::Unit(Unit::Hour)),
    ("ساعات", W::Plural(Unit::Hour)),
    ("دقيقة", W::Unit(Unit::Minute)),
    ("دقائق", W::Plural(Unit::Minute)),
    ("عقد", W::Unit(Unit::Decade)),
    ("عقود", W::Plural(Unit::Decade)),
    ("قرون", W::Plural(Unit::Century)),
    ("يومين", W::Dual(Unit::Day)),
    ("يومان", W::Dual(Unit::Day)),
    ("أسبوعين", W::Dual(Unit::Week)),
    ("شهرين", W::Dual(Unit::Month)),
    ("عامين", W::Dual(Unit::Year)),
    ("سنتين", W::Dual(Unit::Year)),
    ("ساعتين", W::Dual(Unit::Hour)),
    ("دقيقتين", W::Dual(Unit::Minute)),
    ("عقدين", W::Dual(Unit::Decade)),
    ("قرنين", W::Dual(Unit::Century)),
];

/// Decade nouns are built from these stems by their tens: with or without the article, in
/// the -يات and -ات spellings (التسعينيات, التسعينات, تسعينيات, أربعينات).
const DECADE_STEMS: &[(&str, u8)] = &[
    ("عشرين", 20),
    ("ثلاثين", 30),
    ("أربعين", 40),
    ("خمسين", 50),
    ("ستين", 60),
    ("سبعين", 70),
    ("ثمانين", 80),
    ("تسعين", 90),
];

/// Every spelling of a decade noun from its stem.
fn decade_forms(stem: &str) -> [String; 4] {
    [
        format!("ال{stem}يات"),
        format!("ال{stem}ات"),
        format!("{stem}يات"),
        format!("{stem}ات"),
    ]
}

/// Every other word the grammar reads, with its role and clitics.
const WORDS: &[(&str, Word, Clitics)] = &[
    ("كانون", W::MonthHead(MonthHead::Kanun), All),
    ("تشرين", W::MonthHead(MonthHead::Tishrin), All),
    ("ربيع", W::MonthHead(MonthHead::Rabi), All),
    ("جمادى", W::MonthHead(MonthHead::Jumada), All),
    ("ذو", W::MonthHead(MonthHead::Dhu), Conj),
    ("ذي", W::MonthHead(MonthHead::Dhu), Conj),
    ("القعدة", W::HijriTail(11), Clitics::None),
    ("الحجة", W::HijriTail(12), Clitics::None),
    ("يوم", W::DayNoun, All),
    ("يومي", W::TwoDays, All),
    ("ليل", W::NightOf, All),
    ("ليلة", W::NightOf, All),
    ("الليلة", W::TheNight, All),
    ("الماضي", W::Rel(R::Last), Conj),
    ("الماضية", W::Rel(R::Last), Conj),
    ("المنصرم", W::Rel(R::Last), Conj),
    ("المنصرمة", W::Rel(R::Last), Conj),
    ("السابق", W::Rel(R::Last), Conj),
    ("الفائت", W::Rel(R::Last), Conj),
    ("الفائتة", W::Rel(R::Last), Conj),
    ("الفارط", W::Rel(R::Last), Conj),
    ("الفارطة", W::Rel(R::Last), Conj),
    ("المنقضي", W::Rel(R::Last), Conj),
    ("المنقضية", W::Rel(R::Last), Conj),
    ("المقبل", W::Rel(R::Next), Conj),
    ("المقبلة", W::Rel(R::Next), Conj),
    ("القادم", W::Rel(R::Next), Conj),
    ("القادمة", W::Rel(R::Next), Conj),
    ("التالي", W::Rel(R::Next), Conj),
    ("المقبلين", W::Rel(R::Next), Conj),
    ("القادمين", W::Rel(R::Next), Conj),
    ("الماضيين", W::Rel(R::Last), Conj),
    ("الحالي", W::Rel(R::This), Conj),
    ("الحالية", W::Rel(R::This), Conj),
    ("الجاري", W::Rel(R::This), Conj),
    ("الجارية", W::Rel(R::This), Conj),
    ("اليوم", W::RelDay(0), All),
    ("أمس", W::RelDay(-1), All),
    ("الأمس", W::RelDay(-1), All),
    ("البارحة", W::RelDay(-1), All),
    ("غدا", W::RelDay(1), All),
    ("الغد", W::RelDay(1), All),
    ("غد", W::Morrow, All),
    ("أول", W::First, All),
    ("بعد", W::After, Conj),
    ("قبل", W::Before, Conj),
    ("الأسبوع", W::Week, All),
    ("مطلع", W::PeriodPart(Part::Early), All),
    ("أوائل", W::PeriodPart(Part::Early), All),
    ("بداية", W::PeriodPart(Part::Early), All),
    ("بدايات", W::PeriodPart(Part::Early), All),
    ("منتصف", W::PeriodPart(Part::Mid), All),
    ("أواسط", W::PeriodPart(Part::Mid), All),
    ("أواخر", W::PeriodPart(Part::Late), All),
    ("نهاية", W::PeriodPart(Part::Late), All),
    ("ختام", W::PeriodPart(Part::Late), All),
    ("عطلة", W::Break, All),
    ("إجازة", W::Break, All),
    ("المبارك", W::Epithet, Conj),
    ("المباركة", W::Epithet, Conj),
    ("الكريم", W::Epithet, Conj),
    ("المعظم", W::Epithet, Conj),
    ("الفضيل", W::Epithet, Conj),
    ("هذا", W::This, All),
    ("هذه", W::This, All),
    ("ذلك", W::That, Conj),
    ("ذاك", W::That, Conj),
    ("عام", W::YearNoun, All),
    ("العام", W::YearNoun, All),
    ("سنة", W::YearNoun, All),
    ("السنة", W::YearNoun, All),
    ("عامي", W::YearNoun, All),
    ("شهر", W::MonthNoun, All),
    ("الشهر", W::MonthNoun, All),
    ("القرن", W::Century, All),
    ("الربع", W::Fraction(4), All),
    ("النصف", W::Fraction(2), All),
    ("الصيف", W::Season(Season::Summer), All),
    ("صيف", W::Season(Season::Summer), All),
    ("الشتاء", W::Season(Season::Winter), All),
    ("شتاء", W::Season(Season::Winter), All),
    ("الربيع", W::Season(Season::Spring), All),
    ("الخريف", W::Season(Season::Autumn), All),
    ("خريف", W::Season(Season::Autumn), All),
    ("عيد", W::OccasionHead(OccasionHead::Eid), All),
    ("رأس", W::OccasionHead(OccasionHead::Head), All),
    ("المولد", W::OccasionHead(OccasionHead::Mawlid), All),
    ("كريسماس", W::OccasionHead(OccasionHead::Christmas), All),
    ("الكريسماس", W::OccasionHead(OccasionHead::Christmas), All),
    ("الأضحى", W::OccasionHead(OccasionHead::Adha), All),
    ("وقفة", W::OccasionHead(OccasionHead::Standing), All),
    ("العيد", W::OccasionHead(OccasionHead::TheFeast), All),
    ("الموافق", W::Corresponding, All),
    ("الموافقة", W::Corresponding, All),
    ("الساعة", W::Clock, All),
    ("صباح", W::DayPart(DayPart::Morning), All),
    ("صباحا", W::DayPartAdverb(DayPart::Morning), All),
    ("الصباح", W::DayPart(DayPart::Morning), All),
    ("فجر", W::DayPart(DayPart::Dawn), All),
    ("فجرا", W::DayPartAdverb(DayPart::Dawn), All),
    ("الفجر", W::DayPart(DayPart::Dawn), All),
    ("ظهر", W::DayPart(DayPart::Noon), All),
    ("ظهرا", W::DayPartAdverb(DayPart::Noon), All),
    ("الظهر", W::DayPart(DayPart::Noon), All),
    ("عصر", W::DayPart(DayPart::Afternoon), All),
    ("عصرا", W::DayPartAdverb(DayPart::Afternoon), All),
    ("العصر", W::DayPart(DayPart::Afternoon), All),
    ("مساء", W::DayPart(DayPart::Evening), All),
    ("مساءا", W::DayPartAdverb(DayPart::Evening), All),
    ("المساء", W::DayPart(DayPart::Evening), All),
    ("ليلا", W::DayPartAdverb(DayPart::Night), All),
    ("توقيت", W::TimeZone, All),
    ("التوقيت", W::TimeZone, All),
    ("كل", W::Every, Conj),
    ("يوميا", W::Periodic(Unit::Day), Conj),
    ("أسبوعيا", W::Periodic(Unit::Week), Conj),
    ("شهريا", W::Periodic(Unit::Month), Conj),
    ("سنويا", W::Periodic(Unit::Year), Conj),
    ("خلال", W::During, Conj),
    ("غضون", W::During, Conj),
    ("مدى", W::During, Conj),
    ("مدة", W::During, All),
    ("من", W::From, Conj),
    ("إلى", W::To, Conj),
    ("حتى", W::Until, Conj),
    ("على", W::Onto, Conj),
    ("بين", W::Between, Conj),
    ("و", W::And, Clitics::None),
    ("منذ", W::Since, Conj),
    ("في", W::In, Conj),
    ("الآن", W::Now, All),
    ("حاليا", W::Now, Conj),
    ("م", W::GregorianEra, Clitics::None),
    ("ميلادي", W::GregorianEra, Clitics::None),
    ("ميلادية", W::GregorianEra, Clitics::None),
    ("للميلاد", W::GregorianEra, Clitics::None),
    ("نفسه", W::Same, Clitics::None),
    ("نفسها", W::Same, Clitics::None),
    ("ذاتها", W::Same, Clitics::None),
    ("يومها", W::CivilHead, All),
    ("يومه", W::CivilHead, All),
    ("عيدها", W::CivilHead, All),
    ("عيده", W::CivilHead, All),
    ("متأخرة", W::Late, Clitics::None),
    ("متأخر", W::Late, Clitics::None),
    ("حينها", W::Then, Conj),
    ("حينذاك", W::Then, Conj),
    ("آنذاك", W::Then, Conj),
    ("وقتها", W::Then, Conj),
    ("وقتذاك", W::Then, Conj),
    ("عندها", W::Then, Conj),
    ("عندئذ", W::Then, Conj),
    ("الوقت", W::TimeNoun, All),
    ("الحين", W::TimeNoun, All),
    ("نفس", W::SameBefore, All),
    ("المذكور", W::Said, Clitics::None),
    ("المذكورة", W::Said, Clitics::None),
    ("ذاته", W::Same, Clitics::None),
    ("عمر", W::Age, Clitics::None),
    ("عمره", W::Age, Clitics::None),
    ("عمرها", W::Age, Clitics::None),
    ("عمرهم", W::Age, Clitics::None),
    ("العمر", W::Age, Clitics::None),
    ("غرة", W::FirstDayOf { strict: true }, All),
    ("مستهل", W::FirstDayOf { strict: false }, All),
    ("الأخير", W::Final, Conj),
    ("الأخيرة", W::Final, Conj),
    ("إلا", W::Minus, Conj),
    ("ربع", W::Fraction(4), All),
    ("ربعا", W::Fraction(4), All),
    ("ثلث", W::Fraction(3), All),
    ("ثلثا", W::Fraction(3), All),
    ("الثلث", W::Fraction(3), All),
    ("نصف", W::Fraction(2), All),
    ("صبيحة", W::DayPart(DayPart::Morning), All),
    ("الصبيحة", W::DayPart(DayPart::Morning), All),
    ("ظهيرة", W::DayPart(DayPart::Noon), All),
    ("الظهيرة", W::DayPart(DayPart::Noon), All),
    ("عشية", W::DayPart(DayPart::Evening), All),
    ("الليل", W::DayPart(DayPart::Night), All),
    ("الصائفة", W::Season(Season::Summer), All),
    ("صائفة", W::Season(Season::Summer), All),
    ("الدراسي", W::Academic, Conj),
    ("الدراسية", W::Academic, Conj),
    // Dialect forms common in quotes.
    ("بكرة", W::RelDay(1), Conj),
    ("بكرا", W::RelDay(1), Conj),
    ("امبارح", W::RelDay(-1), Conj),
    ("إمبارح", W::RelDay(-1), Conj),
    ("مبارح", W::RelDay(-1), Conj),
    ("المبارح", W::RelDay(-1), Conj),
    ("الجاي", W::Rel(R::Next), Conj),
    ("الجاية", W::Rel(R::Next), Conj),
    ("اللي", W::Which, Conj),
    ("إللي", W::Which, Conj),
    ("فات", W::WhichRel(R::Last), Clitics::None),
    ("فاتت", W::WhichRel(R::Last), Clitics::None),
    ("جاي", W::WhichRel(R::Next), Clitics::None),
    ("جاية", W::WhichRel(R::Next), Clitics::None),
    ("عند", W::At, Conj),
    ("الأواخر", W::TenDays(Part::Late), Conj),
    ("الأوائل", W::TenDays(Part::Early), Conj),
    ("الأواسط", W::TenDays(Part::Mid), Conj),
    ("التروية", W::HijriDayName, Clitics::None),
    ("عاشوراء", W::HijriDayName, All),
    ("القدر", W::HijriDayName, Clitics::None),
    ("والمعراج", W::HijriDayName, Clitics::None),
    ("النهارده", W::RelDay(0), Conj),
    ("النهاردة", W::RelDay(0), Conj),
    ("غدوة", W::RelDay(1), Conj),
    ("البارح", W::RelDay(-1), Conj),
    ("أكثر", W::About, Conj),
    ("أقل", W::About, Conj),
    ("نحو", W::About, Conj),
    ("حوالي", W::About, Conj),
    ("حوالى", W::About, Conj),
    ("قرابة", W::About, Conj),
    ("زهاء", W::About, Conj),
    ("هـ", W::HijriEra, Clitics::None),
    ("هجري", W::HijriEra, Clitics::None),
    ("هجرية", W::HijriEra, Clitics::None),
    ("للهجرة", W::HijriEra, Clitics::None),
];

/// Prefixes a word without the article can carry.
const PLAIN_PREFIXES: &[&str] = &["و", "ف", "ب", "ك", "ل", "وب", "فب", "ول", "فل", "وك", "فك"];
/// Prefixes a word with the article can carry (ل+ال is written لل, handled apart).
const ARTICLE_PREFIXES: &[&str] = &["و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"];
/// Prefixes that, with a following ل, absorb the article's alef (لل, ولل, فلل).
const LAM_PREFIXES: &[&str] = &["ل", "ول", "فل"];
/// Conjunctions only.
const CONJ_PREFIXES: &[&str] = &["و", "ف"];

/// The lexicon: normalised word (with any clitic chain) → its role.
pub static LEXICON: LazyLock<HashMap<String, Word>> = LazyLock::new(build);

fn entries() -> Vec<(&'static str, Word, Clitics)> {
    let mut all: Vec<(&str, Word, Clitics)> = Vec::new();
    for &(w, d) in WEEKDAYS {
        all.push((w, W::Weekday(d), All));
    }
    for &(w, d) in BARE_WEEKDAYS {
        all.push((w, W::BareWeekday(d), All));
    }
    for &(w, number, ambiguous) in MONTHS {
        all.push((w, W::Month { number, ambiguous }, All));
    }
    for &(w, number, ambiguous) in HIJRI_MONTHS {
        all.push((w, W::HijriMonth { number, ambiguous }, All));
    }
    for &(w, word) in NUMBERS.iter().chain(UNITS) {
        all.push((w, word, All));
    }
    for &(w, c) in COUNTRIES {
        all.push((w, W::Country(c), All));
        // The plural of an adjective names the people: المصريون, الليبيين.
        if let Some(stem) = w.strip_suffix('ي') {
            for plural in ["يون", "يين"] {
                let p: &'static str = Box::leak(format!("{stem}{plural}").into_boxed_str());
                all.push((p, W::Country(c), All));
            }
        }
    }
    all.push(("المغاربة", W::Country(Country::Morocco), All));
    all.extend_from_slice(WORDS);
    all
}

fn build() -> HashMap<String, Word> {
    let mut entries: Vec<(String, Word, Clitics)> = entries()
        .into_iter()
        .map(|(w, word, c)| (w.to_string(), word, c))
        .collect();
    for &(stem, tens) in DECADE_STEMS {
        for form in decade_forms(stem) {
            entries.push((form, W::Decade(tens), All));
        }
    }
    let mut map = HashMap::default();
    // Bare words first, so a clitic variant never shadows a real word ("فبراير").
    // Counts and plural or dual units also take the article ("الأيام الثلاثة الماضية",
    // "الأسبوعين الماضيين"), with its own clitic chains.
    for &(w, word) in NUMBERS.iter().chain(UNITS) {
        let counts = matches!(word, W::Cardinal(_) | W::Teen | W::Plural(_) | W::Dual(_));
        if counts && !w.starts_with("ال") {
            entries.push((format!("ال{w}"), word, All));
        }
    }
    for (w, word, _) in &entries {
        map.entry(normalize(w)).or_insert(*word);
    }
    for (w, word, clitics) in &entries {
        let (word, clitics) = (*word, *clitics);
        let base = normalize(w);
        for variant in clitic_variants(&base, clitics) {
            map.entry(variant).or_insert(word);
        }
    }
    map
}

fn clitic_variants(base: &str, clitics: Clitics) -> Vec<String> {
    match clitics {
        Clitics::None => Vec::new(),
        Clitics::Conj => CONJ_PREFIXES.iter().map(|p| format!("{p}{base}")).collect(),
        Clitics::All => match base.strip_prefix("ال") {
            Some(rest) => ARTICLE_PREFIXES
                .iter()
                .map(|p| format!("{p}{base}"))
                .chain(LAM_PREFIXES.iter().map(|p| format!("{p}ل{rest}")))
                .collect(),
            None => PLAIN_PREFIXES
                .iter()
                .map(|p| format!("{p}{base}"))
                .collect(),
        },
    }
}

/// True when a normalised word carries the article, alone or after any clitic chain the
/// lexicon builds ("العام", "فبالعام", "وللعام"): the one list of clitics, used by the grammar.
pub fn has_article(norm: &str) -> bool {
    norm.starts_with("ال")
        || ARTICLE_PREFIXES
            .iter()
            .any(|p| norm.strip_prefix(p).is_some_and(|r| r.starts_with("ال")))
        || LAM_PREFIXES
            .iter()
            .any(|p| norm.strip_prefix(p).is_some_and(|r| r.starts_with('ل')))
}

/// True when a normalised word starts one of the [`NOT_TEMPORAL`] phrases, given the words
/// after it; returns the phrase's length in words.
pub fn not_temporal(words: &[&str]) -> Option<usize> {
    // The phrases by their first word, in list order, so a word that opens none costs one
    // lookup.
    static PHRASES: LazyLock<HashMap<String, Vec<Vec<String>>>> = LazyLock::new(|| {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for p in NOT_TEMPORAL {
            let words: Vec<String> = p.iter().map(|w| normalize(w)).collect();
            by_first.entry(words[0].clone()).or_default().push(words);
        }
        by_first
    });
    PHRASES
        .get(*words.first()?)?
        .iter()
        .find(|p| p.len() <= words.len() && p[1..].iter().zip(&words[1..]).all(|(a, b)| a == b))
        .map(|p| p.len())
}

/// Looks up a normalised token.
#[inline]
pub fn lookup(norm: &str) -> Option<Word> {
    LEXICON.get(norm).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_with_clitic_chains() {
        for w in [
            "الخميس",
            "والخميس",
            "بالخميس",
            "للخميس",
            "وللخميس",
            "فالخميس",
            "وبالخميس",
        ] {
            assert_eq!(lookup(&normalize(w)), Some(W::Weekday(Weekday::Thu)), "{w}");
        }
        assert_eq!(
            lookup(&normalize("والإثنين")),
            Some(W::Weekday(Weekday::Mon))
        );
    }

    #[test]
    fn traps_are_not_weekdays() {
        for w in ["أحد", "جمعة", "الخمس", "خميس", "سبت"] {
            assert!(!matches!(lookup(&normalize(w)), Some(W::Weekday(_))), "{w}");
        }
    }

    #[test]
    fn months_in_every_system_and_with_clitics() {
        for (w, n) in [
            ("يناير", 1),
            ("وفبراير", 2),
            ("بآذار", 3),
            ("لنيسان", 4),
            ("جوان", 6),
            ("وجويلية", 7),
            ("غشت", 8),
            ("شتنبر", 9),
            ("دجنبر", 12),
            ("إبريل", 4),
        ] {
            assert!(
                matches!(lookup(&normalize(w)), Some(W::Month { number, .. }) if number == n),
                "{w}"
            );
        }
        assert_eq!(
            lookup(&normalize("أب")),
            Some(W::Month {
                number: 8,
                ambiguous: true
            })
        );
    }

    #[test]
    fn the_article_is_read_through_every_clitic_chain() {
        for w in [
            "العام",
            "فبالعام",
            "وبالعام",
            "وكالعام",
            "للعام",
            "وللعام",
            "فللعام",
        ] {
            assert!(has_article(&normalize(w)), "{w}");
        }
        for w in ["عام", "فبعام", "لعام", "وعام"] {
            assert!(!has_article(&normalize(w)), "{w}");
        }
    }

    #[test]
    fn decades_in_every_spelling() {
        for w in ["أربعينات", "الأربعينيات", "والتسعينات", "خمسينيات"]
        {
            assert!(matches!(lookup(&normalize(w)), Some(W::Decade(_))), "{w}");
        }
    }

    #[test]
    fn idioms_are_listed_whole() {
        let n = |s: &str| normalize(s);
        let (a, b) = (n("صباح"), n("الخير"));
        assert_eq!(not_temporal(&[&a, &b]), Some(2));
        let c = n("الأحد");
        assert_eq!(not_temporal(&[&a, &c]), None);
    }

    #[test]
    fn bare_words_win_over_clitic_readings() {
        // "فبراير" is February, not ف + an unknown word.
        assert!(matches!(lookup("فبراير"), Some(W::Month { number: 2, .. })));
        // "بين" is "between", not ب + something.
        assert_eq!(lookup("بين"), Some(W::Between));
    }
}
