//! Output formats of `tarikh extract` and the viewer's export: one table ([`FORMATS`]) gives
//! each format's name, file extension and writer, and the command line, its help and the
//! viewer all read it. The words the human-readable formats share are in [`super::words`].

use crate::model::Timeline;

/// An output format (see [`FORMATS`] for what each one is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole timeline as one JSON document (schema 1).
    Json,
    /// One event per line, for pipelines.
    Jsonl,
    /// An editor's chronology in Markdown.
    Md,
    /// One row per event, for spreadsheets.
    Csv,
    /// A self-contained timeline page.
    Html,
    /// Knight Lab TimelineJS JSON.
    Timelinejs,
    /// TIMEX3-tagged article text.
    Timeml,
}

/// Writes a whole timeline in one format.
type Writer = fn(&Timeline, &mut dyn std::io::Write) -> std::io::Result<()>;

/// One row of the format table.
pub struct FormatSpec {
    /// The format.
    pub format: Format,
    /// Its name on the command line (`--format NAME`) and in the viewer's export prompt.
    pub name: &'static str,
    /// The file extension an export in it gets.
    pub extension: &'static str,
    /// One line for `--help`.
    pub help: &'static str,
    /// Renders it.
    write: Writer,
}

/// Every output format, in the order `--help` lists them. Row `i` is the format whose
/// discriminant is `i` (checked at compile time below).
pub const FORMATS: [FormatSpec; 7] = [
    FormatSpec {
        format: Format::Json,
        name: "json",
        extension: "json",
        help: "The whole timeline as one JSON document (schema 1)",
        write: |t, out| {
            serde_json::to_writer_pretty(&mut *out, t)?;
            out.write_all(b"\n")
        },
    },
    FormatSpec {
        format: Format::Jsonl,
        name: "jsonl",
        extension: "jsonl",
        help: "One event per line, for pipelines",
        write: super::jsonl::write_timeline,
    },
    FormatSpec {
        format: Format::Md,
        name: "md",
        extension: "md",
        help: "An editor's chronology in Markdown (article text escaped, Arabic blocks right to left)",
        write: |t, out| out.write_all(super::md::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Csv,
        name: "csv",
        extension: "csv",
        help: "One row per event for spreadsheets (UTF-8 with BOM; formula cells defused)",
        write: |t, out| out.write_all(super::csv::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Html,
        name: "html",
        extension: "html",
        help: "A self-contained timeline page: one file, no network, right to left, filters, printable",
        write: |t, out| out.write_all(super::html::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Timelinejs,
        name: "timelinejs",
        extension: "json",
        help: "Knight Lab TimelineJS JSON (HTML escaped, safe to embed inline, long spans as eras)",
        write: |t, out| out.write_all(super::timelinejs::render(t).as_bytes()),
    },
    FormatSpec {
        format: Format::Timeml,
        name: "timeml",
        extension: "tml",
        help: "The article text with TIMEX3 tags (TimeML 1.2.1), for NLP evaluation tools",
        write: |t, out| out.write_all(super::timeml::render(t).as_bytes()),
    },
];

/// Every format, in table order (what `clap` offers).
const ALL: [Format; FORMATS.len()] = {
    let mut all = [Format::Json; FORMATS.len()];
    let mut i = 0;
    while i < FORMATS.len() {
        assert!(FORMATS[i].format as usize == i, "FORMATS is in enum order");
        all[i] = FORMATS[i].format;
        i += 1;
    }
    all
};

impl Format {
    /// This format's row of [`FORMATS`].
    pub fn spec(self) -> &'static FormatSpec {
        &FORMATS[self as usize]
    }

    /// The format called `name` (`"md"`), if there is one.
    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS.iter().find(|s| s.name == name).map(|s| s.format)
    }

    /// Renders the timeline in this format.
    pub fn render(self, timeline: &Timeline) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail, and every format writes UTF-8.
        let _ = self.write(timeline, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the timeline in this format as it is rendered, so a large JSON timeline is never
    /// held twice in memory.
    pub fn write(self, timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        (self.spec().write)(timeline, out)
    }

    /// The usual file extension for this format.
    pub fn extension(self) -> &'static str {
        self.spec().extension
    }
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let spec = self.spec();
        Some(clap::builder::PossibleValue::new(spec.name).help(spec.help))
    }
}
