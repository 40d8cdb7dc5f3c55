//! The `tarikh` command: a thin shell over the library (read files, extract, print or view).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use tarikh::export::format::Format;
use tarikh::extract::MAX_DOCUMENT_BYTES;
use tarikh::review::session::Session;
use tarikh::tui::{BidiMode, TuiOptions};
use tarikh::{Options, Prefer, Source};

/// The sample article bundled with the binary, opened when no file is given.
const SAMPLE: &str = include_str!("../data/sample.txt");

#[derive(Parser)]
#[command(
    name = "tarikh",
    version,
    about = "Find the dated events in news articles (Arabic first) and review them on one timeline.",
    long_about = "Find the dated events in news articles (Arabic first), resolve them to calendar \
days against the article's own date, and browse and review the timeline in a terminal.\n\n\
With no FILE, opens the bundled sample article. '-' reads standard input; a directory \
stands for every .txt file in it.\n\n\
In the viewer, / searches sentences and dates, & filters the list (words, days, doc:NAME, \
flagged, doubtful), t goes to a date; ⚠ marks a warning, ? an uncertain date. Dates are typed \
as written (2022-01-05, 26 أغسطس, الثلاثاء المقبل, +7). Reviewing (v verified, f flagged, \
e note, c correct the date, A set the document date, V verify a whole story, u undo, Ctrl-R \
redo, F filter; ? lists every key) is saved at once, atomically, to ARTICLE.tarikh.json \
beside the article (or --review FILE); 'tarikh extract' includes the reviews in its JSON, \
Markdown, CSV, HTML and TimelineJS. The html format is a self-contained timeline page to open \
in a browser: 'tarikh extract --format html -o story.html ARTICLE'.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Print the timeline (JSON by default) instead of opening the viewer.
    Extract(ExtractArgs),
}

#[derive(Args)]
struct Common {
    /// The document date, overriding inference.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    anchor: Option<NaiveDate>,
    /// How a bare weekday, month or feast resolves when its sentence gives no tense: the most
    /// recent one (news) or the next one. A tense in the sentence (ستعقد, وقع) always wins.
    #[arg(long, value_enum, default_value_t = PreferArg::Past)]
    prefer: PreferArg,
    /// The review file (verified, flagged, notes, corrections, anchor) to read and, in the
    /// viewer, to save to after every change. Default: ARTICLE.tarikh.json beside each article.
    /// Takes one article.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
    /// Articles to read (UTF-8 text; '-' for standard input; a directory for its .txt files).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Args)]
struct ViewArgs {
    #[command(flatten)]
    common: Common,
    /// Who lays out right-to-left text: tarikh itself, or a terminal that does its own bidi
    /// (kitty, Konsole, mlterm). Also from TARIKH_BIDI.
    #[arg(long, value_enum, env = "TARIKH_BIDI")]
    bidi: Option<BidiArg>,
    /// Capture the mouse (wheel scrolls, click selects); this takes text selection away.
    #[arg(long)]
    mouse: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write to FILE instead of standard output. With --format timeml, an existing directory
    /// gets one standalone NAME.tml per document instead.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read documents from standard input, one JSON object per line ({"id", "text", "anchor"?}),
    /// and write events as JSON lines as each is done (needs --format jsonl; no FILE).
    #[arg(long)]
    input_jsonl: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum PreferArg {
    Past,
    Future,
}

#[derive(Clone, Copy, ValueEnum)]
enum BidiArg {
    App,
    Terminal,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected a calendar date like 2022-01-06, got '{s}'"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!("tarikh: {first} (see 'tarikh --help')");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.is::<Usage>() => {
            eprintln!("tarikh: {e} (see 'tarikh --help')");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("tarikh: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// A usage error found after parsing (exit status 2).
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Extract(args)) if args.input_jsonl && args.common.review.is_some() => {
            Err(Usage(
                "--review reads one article's review file; it does not apply to --input-jsonl"
                    .into(),
            )
            .into())
        }
        Some(Command::Extract(args)) if args.input_jsonl => stream(&args),
        Some(Command::Extract(args)) => {
            let (sources, opts) = load(&args.common)?;
            let mut session = Session::load(&sources, args.common.review.as_deref(), opts, false);
            for n in &session.notices {
                eprintln!("tarikh: {n}");
            }
            // JSON lines of one article with no review file in use: written straight from the
            // extraction, without building the timeline (the same lines; much less memory and
            // time).
            let output = if args.format == Format::Jsonl && session.is_plain() && sources.len() == 1
            {
                Output::Lines(session.extraction(sources))
            } else {
                let mut timeline = session.extract(sources);
                timeline.warnings.extend(session.orphan_warnings());
                Output::Timeline(timeline)
            };
            let written = match (&args.output, output) {
                (Some(dir), Output::Timeline(t))
                    if args.format == Format::Timeml && dir.is_dir() =>
                {
                    timeml_files(&t, dir)
                }
                (Some(path), output) => {
                    let file = std::fs::File::create(path).with_context(|| {
                        format!(
                            "cannot write '{}'; check the directory exists and is writable",
                            path.display()
                        )
                    })?;
                    let mut out = std::io::BufWriter::new(file);
                    output
                        .write(args.format, &mut out)
                        .and_then(|_| out.flush())
                        .with_context(|| format!("cannot write '{}'", path.display()))
                }
                (None, output) => {
                    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                    match output
                        .write(args.format, &mut out)
                        .and_then(|_| out.flush())
                    {
                        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                            Err(e).context("cannot write to standard output")
                        }
                        _ => Ok(()),
                    }
                }
            };
            written?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let (sources, opts) = load(&cli.view.common)?;
            let mut session =
                Session::load(&sources, cli.view.common.review.as_deref(), opts, true);
            // Large inputs take a second or two before the viewer can open: say so (Ctrl-C
            // cancels; the terminal is not touched yet).
            let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
            let notice =
                std::io::stderr().is_terminal() && (bytes > 4 << 20 || sources.len() > 200);
            if notice {
                eprint!(
                    "tarikh: finding the dates in {} article(s), {} MB… (Ctrl-C cancels)",
                    sources.len(),
                    bytes >> 20
                );
            }
            let timeline = session.extract(sources);
            if notice {
                eprint!("\r\x1b[K");
            }
            let tui = TuiOptions {
                bidi: match cli.view.bidi {
                    Some(BidiArg::Terminal) => BidiMode::Terminal,
                    _ => BidiMode::App,
                },
                mouse: cli.view.mouse,
            };
            let code = tarikh::tui::run(timeline, session, &tui)?;
            Ok(ExitCode::from(code))
        }
    }
}

/// What `extract` writes: JSON lines straight from the extraction, or a timeline.
enum Output {
    Lines(tarikh::extract::Extraction),
    Timeline(tarikh::Timeline),
}

impl Output {
    fn write(self, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Output::Lines(x) => {
                let written = tarikh::export::jsonl::write_extraction(&x, out);
                // The process ends right after: freeing a large document's hundreds of
                // thousands of strings one by one costs more than the system taking back
                // its pages.
                std::mem::forget(x);
                written
            }
            Output::Timeline(t) => format.write(&t, out),
        }
    }
}

/// `extract --format timeml -o DIR`: one standalone TimeML file per document, `DIR/ID.tml`.
fn timeml_files(timeline: &tarikh::Timeline, dir: &Path) -> Result<()> {
    for (id, xml) in tarikh::export::timeml::render_documents(timeline) {
        // An id is a file stem (`stdin`, `a-2` for a repeated name), so it names a file in DIR;
        // path separators are replaced all the same, so nothing lands outside it.
        let name: String = id
            .chars()
            .map(|c| if c == '/' || c == '\\' { '_' } else { c })
            .collect();
        let path = dir.join(format!("{name}.tml"));
        std::fs::write(&path, xml).with_context(|| {
            format!(
                "cannot write '{}'; check the directory is writable",
                path.display()
            )
        })?;
    }
    Ok(())
}

/// `extract --input-jsonl`: documents in on standard input, events out as they are done.
fn stream(args: &ExtractArgs) -> Result<ExitCode> {
    if args.format != Format::Jsonl || !args.common.files.is_empty() {
        eprintln!(
            "tarikh: --input-jsonl reads documents from standard input and needs --format jsonl and no FILE (see 'tarikh --help')"
        );
        return Ok(ExitCode::from(2));
    }
    let opts = options(&args.common);
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| {
                format!(
                    "cannot write '{}'; check the directory exists and is writable",
                    path.display()
                )
            })?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let show_progress = std::io::stderr().is_terminal();
    let mut last = std::time::Instant::now();
    let stats = tarikh::export::stream::run(
        std::io::stdin().lock(),
        out,
        &opts,
        |line, why| eprintln!("tarikh: standard input line {line}: {why}; skipped"),
        |s| {
            if show_progress && last.elapsed().as_millis() >= 500 {
                last = std::time::Instant::now();
                eprint!("\rtarikh: {} documents, {} events", s.documents, s.events);
            }
        },
    );
    if show_progress {
        eprintln!();
    }
    match stats {
        Ok(s) if s.bad_lines > 0 => Ok(ExitCode::from(1)),
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot stream the timeline"),
    }
}

/// The extraction options the flags ask for.
fn options(common: &Common) -> Options {
    Options {
        anchor: common.anchor,
        prefer: match common.prefer {
            PreferArg::Past => Prefer::Past,
            PreferArg::Future => Prefer::Future,
        },
        ..Options::default()
    }
}

/// Reads every input and builds the extraction options.
fn load(common: &Common) -> Result<(Vec<Source>, Options)> {
    let opts = options(common);
    let mut sources = Vec::new();
    if common.files.is_empty() {
        sources.push(Source {
            id: "sample".into(),
            path: None,
            text: SAMPLE.to_string(),
        });
    }
    let progress = std::io::stderr().is_terminal();
    let mut last = std::time::Instant::now();
    let mut shown = false;
    for path in &common.files {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            sources.push(Source {
                id: "stdin".into(),
                path: None,
                text: decode(bytes, "standard input", false)?,
            });
        } else if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot list '{}'", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect();
            if files.is_empty() {
                anyhow::bail!(
                    "'{}' is a directory with no .txt files; give a text file or a folder of .txt articles",
                    path.display()
                );
            }
            files.sort();
            let total = files.len();
            for (k, f) in files.into_iter().enumerate() {
                if progress && last.elapsed().as_millis() >= 250 {
                    last = std::time::Instant::now();
                    eprint!("\rtarikh: reading {}: {k}/{total} files", path.display());
                    shown = true;
                }
                sources.push(read_file(&f)?);
            }
        } else {
            sources.push(read_file(path)?);
        }
    }
    if shown {
        eprint!("\r\x1b[K");
    }
    unique_ids(&mut sources);
    if common.review.is_some() && sources.len() > 1 {
        return Err(Usage(format!(
            "--review names the review file of one article, but {} articles were given; \
             leave it out to use ARTICLE.tarikh.json beside each",
            sources.len()
        ))
        .into());
    }
    Ok((sources, opts))
}

fn read_file(path: &Path) -> Result<Source> {
    let shown = path.display();
    // Refused before a byte is read: one document's places are 32-bit.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_DOCUMENT_BYTES as u64
    {
        return Err(too_large(&format!("'{shown}'"), meta.len()));
    }
    if let Some((bytes, known_utf8)) = read_in_halves(path) {
        return source_of(path, bytes, known_utf8);
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            anyhow::anyhow!("cannot read '{shown}': no such file; check the path")
        }
        std::io::ErrorKind::PermissionDenied => {
            anyhow::anyhow!("cannot read '{shown}': permission denied")
        }
        _ => anyhow::anyhow!("cannot read '{shown}': {e}"),
    })?;
    source_of(path, bytes, false)
}

/// The error for an article longer than one document may be.
fn too_large(name: &str, bytes: u64) -> anyhow::Error {
    anyhow::anyhow!(
        "{name} is {bytes} bytes; an article can be at most 4 GiB: split it into several files"
    )
}

/// The source read from `path`: its id (the file stem) and its bytes as text.
fn source_of(path: &Path, bytes: Vec<u8>, known_utf8: bool) -> Result<Source> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    Ok(Source {
        id,
        path: Some(path.display().to_string()),
        text: decode(bytes, &format!("'{}'", path.display()), known_utf8)?,
    })
}

/// A large regular file read in two halves side by side, each half checked for UTF-8 as soon
/// as it is in (reading and checking were a fifth of a 20 MB article's time on one thread):
/// the bytes, and whether all of them are UTF-8. `None` when the file is small, the machine
/// has one core, or the file cannot be read so; the caller then reads it whole.
#[cfg(unix)]
fn read_in_halves(path: &Path) -> Option<(Vec<u8>, bool)> {
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let len = usize::try_from(meta.len()).ok()?;
    let cores = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !meta.is_file() || len < 1 << 20 || !cores {
        return None;
    }
    let continues = |b: u8| b & 0xC0 == 0x80;
    let mut bytes = vec![0u8; len];
    let mid = len / 2;
    let (first, second) = bytes.split_at_mut(mid);
    let halves = std::thread::scope(|scope| {
        // The second half is checked from its first character start.
        let later = scope.spawn(|| {
            file.read_exact_at(second, mid as u64).ok()?;
            let lead = second.iter().take(3).take_while(|&&b| continues(b)).count();
            Some((lead, std::str::from_utf8(&second[lead..]).is_ok()))
        });
        // The first up to the start of its last character, which may run into the second.
        let here = file.read_exact_at(first, 0).ok().map(|_| {
            let tail = (first.len().saturating_sub(4)..first.len())
                .rev()
                .find(|&k| !continues(first[k]))
                .unwrap_or(first.len());
            (tail, std::str::from_utf8(&first[..tail]).is_ok())
        });
        Some((here?, later.join().ok()??))
    });
    let ((tail, first_ok), (lead, second_ok)) = halves?;
    // The character across the cut, if any, checked on its own.
    let across_ok = std::str::from_utf8(&bytes[tail..mid + lead]).is_ok();
    Some((bytes, first_ok && second_ok && across_ok))
}

/// Elsewhere a file is read whole.
#[cfg(not(unix))]
fn read_in_halves(_path: &Path) -> Option<(Vec<u8>, bool)> {
    None
}

/// Accepts UTF-8 text only, with a clear word for the usual wrong inputs. The bytes become
/// the text as they are (no copy of a large article); `known_utf8` when they were checked as
/// they were read.
fn decode(bytes: Vec<u8>, name: &str, known_utf8: bool) -> Result<String> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    if let Some(kind) = binary_kind(&bytes) {
        anyhow::bail!("{name} is {kind}, not a text article; save the article as UTF-8 text first");
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        anyhow::bail!(
            "{name} is UTF-16 text; convert it to UTF-8, e.g. 'iconv -f UTF-16 -t UTF-8'"
        );
    }
    match utf8(bytes, known_utf8) {
        Ok(s) if mostly_controls(&s) => anyhow::bail!(
            "{name} looks like binary data (mostly control bytes such as NUL), not a text article; \
             save the article as UTF-8 text first"
        ),
        Ok(s) => Ok(s),
        Err(e) => anyhow::bail!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it, e.g. 'iconv -f CP1256 -t UTF-8'",
            e.utf8_error().valid_up_to()
        ),
    }
}

/// The bytes as text, when they are UTF-8. Bytes not checked yet are checked, a large input
/// in two halves side by side; the error, with its offset, always comes from one check of the
/// whole.
fn utf8(bytes: Vec<u8>, known_utf8: bool) -> Result<String, std::string::FromUtf8Error> {
    if known_utf8 {
        // SAFETY: `read_in_halves` checked every byte: its pieces are valid UTF-8, one after
        // the other.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    let two =
        bytes.len() >= 1 << 20 && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if two {
        // Cut where a character starts (a byte that does not continue one).
        let mut cut = bytes.len() / 2;
        while cut < bytes.len() && bytes[cut] & 0xC0 == 0x80 {
            cut += 1;
        }
        let (first, second) = bytes.split_at(cut);
        let both = std::thread::scope(|scope| {
            let later = scope.spawn(|| std::str::from_utf8(second).is_ok());
            std::str::from_utf8(first).is_ok() && later.join().unwrap_or(false)
        });
        if both {
            // SAFETY: both halves are valid UTF-8, and two valid UTF-8 strings one after the
            // other are valid UTF-8.
            return Ok(unsafe { String::from_utf8_unchecked(bytes) });
        }
    }
    String::from_utf8(bytes)
}

fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"\x7FELF", "an executable program"),
        (b"\x1F\x8B", "a compressed (gzip) file"),
        (b"\xFD7zXZ\x00", "a compressed (xz) file"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"RIFF", "a RIFF file (a WebP image or WAV sound)"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
}

/// True when the head of a valid UTF-8 file is mostly C0 control characters (a file of NULs, a
/// binary format without a known signature). A few stray controls in an article are fine.
fn mostly_controls(s: &str) -> bool {
    // The head only, cut at a character boundary (a cut inside a letter would read it all).
    let mut cut = s.len().min(64 * 1024);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let (mut controls, mut total) = (0usize, 0usize);
    for c in head.chars() {
        total += 1;
        if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    total > 0 && controls * 10 >= total * 3
}

/// Makes document ids unique by suffixing repeats (`a`, `a-2`, …).
fn unique_ids(sources: &mut [Source]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for s in sources.iter_mut() {
        let n = seen.entry(s.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.id = format!("{}-{}", s.id, n);
        }
    }
}
