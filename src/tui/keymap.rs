//! The one key table: it drives key handling and the help overlay, so they cannot disagree.
//!
//! Keys are named in a small notation (`j`, `G`, `C-d`, `S-Tab`, `PgDn`, `g g` for a sequence)
//! that is also what the help shows. Bindings belong to contexts (the list and detail panes,
//! the article, the help overlay, the search prompt), so the same key can mean different things
//! where that is the habit (`n` is next match in the list, next dated sentence in the article).

use super::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keyboard is: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The event list and the detail pane.
    Main,
    /// The article view.
    Article,
    /// The help overlay.
    Help,
    /// Typing a search.
    Search,
    /// Typing into the input line (note, corrected date, anchor).
    Prompt,
    /// The list of orphaned reviews.
    Orphans,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub contexts: &'static [Context],
    /// Its keys, in key notation; `g g` is `g` pressed twice.
    pub keys: &'static [&'static str],
    /// What it does.
    pub action: Action,
    /// The help overlay's section.
    pub section: &'static str,
    /// The help text.
    pub help: &'static str,
}

use Context::{Article as A, Help as H, Main as M, Orphans as O, Prompt as P, Search as S};

const MOVE: &str = "Move";
const VIEWS: &str = "Views";
const FIND: &str = "Search";
const REVIEW: &str = "Review (saved at once to ARTICLE.tarikh.json)";
const INPUT: &str = "Input line (note, date, anchor)";
const STORIES: &str = "Documents and export";

/// Every key the viewer knows, in the order the help shows them.
#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    Binding { contexts: &[M, A, H, O], keys: &["j", "Down"], action: Action::Down, section: MOVE, help: "next event / scroll down" },
    Binding { contexts: &[M, A, H, O], keys: &["k", "Up"], action: Action::Up, section: MOVE, help: "previous event / scroll up" },
    Binding { contexts: &[M, A, H], keys: &["g g", "Home"], action: Action::Top, section: MOVE, help: "first event / top" },
    Binding { contexts: &[M, A, H], keys: &["G", "End"], action: Action::Bottom, section: MOVE, help: "last event / bottom" },
    Binding { contexts: &[M, A, H], keys: &["PgDn", "Space"], action: Action::PageDown, section: MOVE, help: "page down" },
    Binding { contexts: &[M, A, H], keys: &["PgUp"], action: Action::PageUp, section: MOVE, help: "page up" },
    Binding { contexts: &[M, A, H], keys: &["C-d"], action: Action::HalfPageDown, section: MOVE, help: "half a page down" },
    Binding { contexts: &[M, A, H], keys: &["C-u"], action: Action::HalfPageUp, section: MOVE, help: "half a page up" },
    Binding { contexts: &[M], keys: &["Tab"], action: Action::FocusNext, section: VIEWS, help: "focus the other pane (list / detail)" },
    Binding { contexts: &[M], keys: &["S-Tab"], action: Action::FocusPrev, section: VIEWS, help: "focus the other pane, backwards" },
    Binding { contexts: &[M], keys: &["Enter"], action: Action::Open, section: VIEWS, help: "read the event in the article" },
    Binding { contexts: &[A], keys: &["n", "]"], action: Action::NextDated, section: VIEWS, help: "article: next dated sentence" },
    Binding { contexts: &[A], keys: &["N", "["], action: Action::PrevDated, section: VIEWS, help: "article: previous dated sentence" },
    Binding { contexts: &[M, A], keys: &["y"], action: Action::Copy, section: VIEWS, help: "copy the event's sentence (reading order, OSC 52)" },
    Binding { contexts: &[M, A, H], keys: &["?", "F1"], action: Action::Help, section: VIEWS, help: "this help (again to close)" },
    Binding { contexts: &[M, A, H, O], keys: &["Esc"], action: Action::Back, section: VIEWS, help: "back: close the view; in the list, clear the search" },
    Binding { contexts: &[M, A, H, O], keys: &["q"], action: Action::Quit, section: VIEWS, help: "close the view; quit from the list" },
    Binding { contexts: &[M, A, H, S, P, O], keys: &["C-c"], action: Action::ForceQuit, section: VIEWS, help: "quit at once, from anywhere (twice if reviews are unsaved)" },
    Binding { contexts: &[M], keys: &["/"], action: Action::SearchStart, section: FIND, help: "search labels and sentences (Arabic: harakat and hamza ignored)" },
    Binding { contexts: &[M], keys: &["n"], action: Action::NextMatch, section: FIND, help: "next match" },
    Binding { contexts: &[M], keys: &["N"], action: Action::PrevMatch, section: FIND, help: "previous match" },
    Binding { contexts: &[S], keys: &["Enter"], action: Action::SearchConfirm, section: FIND, help: "search prompt: keep the search" },
    Binding { contexts: &[S], keys: &["Esc"], action: Action::SearchCancel, section: FIND, help: "search prompt: cancel" },
    Binding { contexts: &[S], keys: &["Backspace"], action: Action::SearchBackspace, section: FIND, help: "search prompt: delete a character" },
    Binding { contexts: &[M, A], keys: &["v"], action: Action::Verify, section: REVIEW, help: "mark verified ✓ (again: unreviewed)" },
    Binding { contexts: &[M, A], keys: &["f"], action: Action::Flag, section: REVIEW, help: "flag ! (again: unreviewed)" },
    Binding { contexts: &[M, A], keys: &["e"], action: Action::EditNote, section: REVIEW, help: "edit the note ✎ (empty removes it)" },
    Binding { contexts: &[M, A], keys: &["c"], action: Action::Correct, section: REVIEW, help: "correct the date ± (YYYY-MM-DD or a range A/B; empty removes)" },
    Binding { contexts: &[M, A], keys: &["A"], action: Action::SetAnchor, section: REVIEW, help: "set the document's date: relative dates re-resolve" },
    Binding { contexts: &[M, A, O], keys: &["u"], action: Action::Undo, section: REVIEW, help: "undo the last review change" },
    Binding { contexts: &[M], keys: &["F"], action: Action::Filter, section: REVIEW, help: "filter the list: all / unreviewed / flagged" },
    Binding { contexts: &[M, A, O], keys: &["o"], action: Action::Orphans, section: REVIEW, help: "orphaned reviews (their event is gone): list / close" },
    Binding { contexts: &[O], keys: &["d", "Del"], action: Action::DeleteOrphan, section: REVIEW, help: "orphan list: delete the selected review (u undoes)" },
    Binding { contexts: &[M, A], keys: &["r"], action: Action::Reload, section: REVIEW, help: "reload the article from disk (also automatic)" },
    Binding { contexts: &[M, A], keys: &["W"], action: Action::SaveElsewhere, section: REVIEW, help: "after a failed save: save to the home directory instead" },
    Binding { contexts: &[P], keys: &["Enter"], action: Action::PromptConfirm, section: INPUT, help: "accept (an invalid date keeps the line open)" },
    Binding { contexts: &[P], keys: &["Esc"], action: Action::PromptCancel, section: INPUT, help: "cancel" },
    Binding { contexts: &[P], keys: &["Left"], action: Action::PromptLeft, section: INPUT, help: "cursor one character back (logical order)" },
    Binding { contexts: &[P], keys: &["Right"], action: Action::PromptRight, section: INPUT, help: "cursor one character on" },
    Binding { contexts: &[P], keys: &["Home"], action: Action::PromptHome, section: INPUT, help: "cursor to the start" },
    Binding { contexts: &[P], keys: &["End"], action: Action::PromptEnd, section: INPUT, help: "cursor to the end" },
    Binding { contexts: &[P], keys: &["Backspace"], action: Action::PromptBackspace, section: INPUT, help: "delete before the cursor" },
    Binding { contexts: &[P], keys: &["Del"], action: Action::PromptDelete, section: INPUT, help: "delete under the cursor" },
    Binding { contexts: &[M], keys: &["D"], action: Action::DocumentFilter, section: STORIES, help: "several articles: show one document at a time / all" },
    Binding { contexts: &[M], keys: &["z"], action: Action::ToggleSources, section: STORIES, help: "a story several articles report: unfold / fold its other sources" },
    Binding { contexts: &[M], keys: &["x"], action: Action::Export, section: STORIES, help: "export the timeline (json, jsonl, md, csv, html, timelinejs, timeml) to a file" },
];

/// What a key press means in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Do this.
    Act(Action),
    /// The first key of a sequence (`g` of `g g`): wait for the next.
    Pending(String),
    /// Not bound here.
    Unbound,
}

/// Finds what `key` does in `ctx`, after an optional pending first key of a sequence.
pub fn lookup(ctx: Context, pending: Option<&str>, key: &str) -> Lookup {
    let here = || KEYMAP.iter().filter(|b| b.contexts.contains(&ctx));
    if let Some(p) = pending {
        let seq = format!("{p} {key}");
        if let Some(b) = here().find(|b| b.keys.contains(&seq.as_str())) {
            return Lookup::Act(b.action);
        }
    }
    if let Some(b) = here().find(|b| b.keys.contains(&key)) {
        return Lookup::Act(b.action);
    }
    let prefix = format!("{key} ");
    if here().any(|b| b.keys.iter().any(|k| k.starts_with(&prefix))) {
        return Lookup::Pending(key.to_string());
    }
    Lookup::Unbound
}

/// Names a key press in key notation; `None` for keys the viewer never binds.
pub fn key_name(ev: &KeyEvent) -> Option<String> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) if ctrl => format!("C-{}", c.to_ascii_lowercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => "S-Tab".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => return None,
    })
}

/// How a key is written in the help: `g g` as `gg`, `C-d` as `Ctrl-d`, `S-Tab` as `Shift-Tab`.
pub fn shown(key: &str) -> String {
    let key = key.replace(' ', "");
    if let Some(k) = key.strip_prefix("C-") {
        format!("Ctrl-{k}")
    } else if let Some(k) = key.strip_prefix("S-") {
        format!("Shift-{k}")
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in [
            Context::Main,
            Context::Article,
            Context::Help,
            Context::Search,
            Context::Prompt,
            Context::Orphans,
        ] {
            let mut seen = std::collections::HashSet::new();
            for b in KEYMAP.iter().filter(|b| b.contexts.contains(&ctx)) {
                for k in b.keys {
                    assert!(seen.insert(*k), "{k} bound twice in {ctx:?}");
                }
            }
        }
    }

    #[test]
    fn gg_is_a_sequence() {
        assert_eq!(
            lookup(Context::Main, None, "g"),
            Lookup::Pending("g".into())
        );
        assert_eq!(
            lookup(Context::Main, Some("g"), "g"),
            Lookup::Act(Action::Top)
        );
        assert_eq!(
            lookup(Context::Main, Some("g"), "j"),
            Lookup::Act(Action::Down)
        );
    }

    #[test]
    fn n_means_what_the_context_says() {
        assert_eq!(
            lookup(Context::Main, None, "n"),
            Lookup::Act(Action::NextMatch)
        );
        assert_eq!(
            lookup(Context::Article, None, "n"),
            Lookup::Act(Action::NextDated)
        );
    }
}
