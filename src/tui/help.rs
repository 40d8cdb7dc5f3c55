//! The help overlay's text, generated from the key table (so keys and help cannot disagree),
//! with the legend of the list's marks and the notes on the display modes.

use super::keymap::{KEYMAP, shown};
use super::layout::help_rect;
use super::{BidiMode, Config};
use ratatui::layout::Rect;

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// A section title rather than an entry.
    pub heading: bool,
    /// The text.
    pub text: String,
}

/// The help overlay's lines, generated from [`KEYMAP`] plus the notes on layout modes.
pub fn help_lines(config: &Config) -> Vec<HelpLine> {
    let mut out = Vec::new();
    let mut section = "";
    for b in KEYMAP {
        if b.section != section {
            if !section.is_empty() {
                out.push(HelpLine {
                    heading: false,
                    text: String::new(),
                });
            }
            section = b.section;
            out.push(HelpLine {
                heading: true,
                text: section.to_string(),
            });
        }
        let keys: Vec<String> = b.keys.iter().map(|k| shown(k)).collect();
        out.push(HelpLine {
            heading: false,
            text: format!("  {:<14} {}", keys.join(", "), b.help),
        });
    }
    let mode = match config.bidi {
        BidiMode::App => "app",
        BidiMode::Terminal => "terminal",
    };
    let kitty = if config.kitty {
        " (kitty detected)"
    } else {
        ""
    };
    let notes = [
        "List marks: › search match · ⚠ warning · ? uncertain date · ✓ verified · ! flagged"
            .to_string(),
        "            ± date corrected · ✎ note · + a story other articles also report (z)".into(),
        format!("Arabic layout: --bidi {mode} now (or TARIKH_BIDI)"),
        "  app: tarikh reorders and joins Arabic itself: xterm, Alacritty,".into(),
        "       Windows Terminal, tmux, GNOME Terminal and other VTE ones".into(),
        "  terminal: plain logical text for terminals doing their own bidi:".into(),
        "       Konsole, mlterm".into(),
        format!("  kitty{kitty}: use --bidi terminal (or kitty's force_ltr yes)"),
        "Mouse: start with --mouse (wheel scrolls, click selects)".into(),
        "NO_COLOR: highlights use reverse, bold and underline".into(),
    ];
    out.push(HelpLine {
        heading: false,
        text: String::new(),
    });
    out.push(HelpLine {
        heading: true,
        text: "Display".into(),
    });
    out.extend(notes.into_iter().map(|text| HelpLine {
        heading: false,
        text,
    }));
    out
}

/// Where wrapped help entries continue: under the text, past the keys column.
const HELP_HANG: usize = 17;

/// The help lines wrapped to the help box on a screen of `size`: a line too long for the box
/// goes on under its text, so nothing is cut on a narrow window.
pub fn help_lines_at(config: &Config, size: (u16, u16)) -> Vec<HelpLine> {
    let width = usize::from(
        help_rect(Rect::new(0, 0, size.0, size.1))
            .width
            .saturating_sub(3),
    )
    .max(HELP_HANG + 10);
    let mut out = Vec::new();
    for l in help_lines(config) {
        if l.heading || l.text.chars().count() <= width {
            out.push(l);
            continue;
        }
        let body = l.text.trim_start_matches(' ');
        let mut line = " ".repeat(l.text.len() - body.len());
        for word in body.split(' ') {
            let len = line.chars().count();
            if len > HELP_HANG && len + 1 + word.chars().count() > width {
                out.push(HelpLine {
                    heading: false,
                    text: std::mem::take(&mut line),
                });
                line = " ".repeat(HELP_HANG);
            }
            if !line.trim_start().is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(HelpLine {
            heading: false,
            text: line,
        });
    }
    out
}
