//! The reviews of every open document, applied to a timeline, changed one step at a time,
//! saved after every step and undoable.
//!
//! The timeline stays the single thing views read: applying the reviews sets each event's
//! [`EventReview`], moves corrected events to their new date (keeping the extracted one so the
//! correction can be shown and undone) and re-sorts. A change to the document's anchor
//! re-extracts that document, since every relative date depends on it.

use super::store::{self, Loaded};
use super::{Entry, Key, ReviewFile, attach, event_keys, span_text};
use crate::extract::{
    Extraction, Given, Options, Source, extract_all, extract_document, replace_document,
    sort_and_group,
};
use crate::model::{DaySpan, Event, EventDate, EventReview, Precision, ReviewStatus, Timeline};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The reviews of one document and where they are saved.
#[derive(Debug, Clone)]
pub struct DocReview {
    /// The document's id in the timeline.
    pub id: String,
    /// The article file, when it came from one (reloaded when it changes).
    pub article: Option<PathBuf>,
    /// The review file; `None` when there is nowhere to save (standard input, the sample).
    pub path: Option<PathBuf>,
    /// The reviews as the editor sees them.
    pub file: ReviewFile,
    /// The reviews as last read from or written to disk: the base of a merge.
    base: ReviewFile,
    /// Whether a review file is in use (found on disk, or written): `extract` then reports
    /// every event's review.
    pub present: bool,
    /// Changes not on disk yet (a failed save).
    pub unsaved: bool,
    /// Why `path` must not be written (an unreadable file that could not be set aside).
    pub blocked: Option<String>,
    /// Entries whose event was not found: indices into `file.reviews`.
    pub orphans: Vec<usize>,
    /// The article's modification time and size when last read.
    stamp: Option<(SystemTime, u64)>,
    /// The review file's modification time and size when last read or written, to notice
    /// another tarikh's saves.
    review_stamp: Option<(SystemTime, u64)>,
}

/// One undoable review change, and what it was in words ("✓ verified “يوم الخميس”").
#[derive(Debug, Clone)]
struct Step {
    what: String,
    change: Undo,
}

/// What to put back to undo (or redo) a change.
#[derive(Debug, Clone)]
enum Undo {
    /// An entry changed, was added (`before` is `None`) or deleted.
    Entry {
        doc: usize,
        key: Key,
        before: Option<Entry>,
    },
    /// The document's anchor changed.
    Anchor {
        doc: usize,
        before: Option<NaiveDate>,
    },
}

/// What a change or a save did, for the status bar and the caller.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// One line for the status bar.
    pub message: String,
    /// The timeline changed (order, dates, reviews): views must be rebuilt.
    pub changed: bool,
}

/// Every open document's reviews.
#[derive(Debug, Clone)]
pub struct Session {
    /// Per document, in timeline order.
    pub docs: Vec<DocReview>,
    /// The extraction options; `anchor` is the `--anchor` given on the command line, which
    /// beats a review file's anchor.
    pub opts: Options,
    /// Per timeline event: its review entry (document, index into its `file.reviews`).
    pub attached: Vec<Option<(usize, usize)>>,
    /// Things to tell the user once, from loading (a review file set aside, …).
    pub notices: Vec<String>,
    undo: Vec<Step>,
    /// Steps undone, most recent last; a new change clears them (as in any editor).
    redo: Vec<Step>,
    /// Set by the viewer: a change only changes memory and asks for a save ([`Session::
    /// wants_save`]), which its event loop then carries out ([`Session::flush`]) before it
    /// draws or quits, so its `update` does no I/O. Everyone else saves at once.
    pub defer_saves: bool,
    /// Saves asked for and not yet done: the document and what changed in it.
    pending: Vec<(usize, String)>,
}

/// What a change says about its save until the save is done ([`Session::flush`]).
pub const SAVING: &str = "saving…";

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl Session {
    /// Reviews kept in memory only (no files), for a timeline built elsewhere (tests, stdin).
    pub fn memory(timeline: &Timeline) -> Session {
        let docs = timeline
            .documents
            .iter()
            .map(|d| DocReview {
                id: d.id.clone(),
                article: None,
                path: None,
                file: ReviewFile::default(),
                base: ReviewFile::default(),
                present: false,
                unsaved: false,
                blocked: None,
                orphans: Vec::new(),
                stamp: None,
                review_stamp: None,
            })
            .collect();
        Session {
            docs,
            opts: Options::default(),
            attached: vec![None; timeline.events.len()],
            notices: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            defer_saves: false,
            pending: Vec::new(),
        }
    }

    /// Reads the review file of every source: `review` when given (one article only), else
    /// `ARTICLE.tarikh.json` beside each article file. Unreadable files are reported in
    /// [`Session::notices`] and, when `writable` (the viewer, which saves there), set aside.
    pub fn load(
        sources: &[Source],
        review: Option<&Path>,
        opts: Options,
        writable: bool,
    ) -> Session {
        let mut notices = Vec::new();
        let docs = sources
            .iter()
            .map(|s| {
                let article = s.path.as_ref().map(PathBuf::from);
                let path = match review {
                    Some(r) => Some(r.to_path_buf()),
                    None => article.as_deref().map(store::path_for),
                };
                let mut d = DocReview {
                    id: s.id.clone(),
                    stamp: article.as_deref().and_then(stamp),
                    article,
                    path,
                    file: ReviewFile::default(),
                    base: ReviewFile::default(),
                    present: false,
                    unsaved: false,
                    blocked: None,
                    orphans: Vec::new(),
                    review_stamp: None,
                };
                if let Some(p) = d.path.clone() {
                    d.review_stamp = stamp(&p);
                    match store::load(&p, writable) {
                        Ok(Loaded::Missing) => {}
                        Ok(Loaded::Read(f)) => {
                            d.present = true;
                            d.base = f.clone();
                            d.file = f;
                        }
                        Ok(Loaded::SetAside { backup, error }) => notices.push(format!(
                            "unreadable review file kept as {}; starting fresh ({error})",
                            backup.display()
                        )),
                        Err(e) => {
                            let why = format!(
                                "the review file {} cannot be read ({}); it is left untouched{}",
                                p.display(),
                                store::describe(&e),
                                if writable {
                                    " and nothing will be saved there"
                                } else {
                                    ""
                                }
                            );
                            notices.push(why.clone());
                            d.blocked = Some(why);
                        }
                    }
                }
                if let Some(name) = d.article.as_ref().and_then(|a| a.file_name()) {
                    d.file.article = Some(name.to_string_lossy().into_owned());
                }
                d
            })
            .collect();
        Session {
            docs,
            opts,
            attached: Vec::new(),
            notices,
            undo: Vec::new(),
            redo: Vec::new(),
            defer_saves: false,
            pending: Vec::new(),
        }
    }

    /// The anchor extraction should use for document `doc` when it comes from the review
    /// file (`--anchor` wins).
    fn file_anchor(&self, doc: usize) -> Option<Given> {
        if self.opts.anchor.is_some() {
            return None;
        }
        let d = self.docs.get(doc)?;
        let date = d.file.anchor?;
        let file = d
            .path
            .as_ref()
            .map_or_else(|| "the review".into(), |p| p.display().to_string());
        Some(Given {
            date,
            reason: format!("set by the editor in the review file {file}"),
        })
    }

    /// Whether no review file is in use (none found, none given an anchor): extraction then
    /// is the plain timeline, and `extract` can write it without building one.
    pub fn is_plain(&self) -> bool {
        self.docs
            .iter()
            .all(|d| !d.present && d.file.reviews.is_empty() && d.file.anchor.is_none())
    }

    /// Extracts the sources, each with its anchor (the command line's, else the review
    /// file's), ordered once for all of them; the reviews are not applied yet.
    pub fn extraction(&self, sources: Vec<Source>) -> Extraction {
        let given: Vec<Option<Given>> = (0..sources.len()).map(|i| self.file_anchor(i)).collect();
        extract_all(sources.into_iter().zip(given), &self.opts)
    }

    /// Extracts the sources (each with its anchor) and applies the reviews.
    pub fn extract(&mut self, sources: Vec<Source>) -> Timeline {
        let mut timeline = self.extraction(sources).into_timeline();
        self.apply(&mut timeline);
        timeline
    }

    /// Extracts document `doc` again (from `text`, or its current text) and puts it in place
    /// of the old one; the reviews are applied again.
    pub fn reextract(&mut self, timeline: &mut Timeline, doc: usize, text: Option<String>) {
        let Some(info) = timeline.documents.get(doc) else {
            return;
        };
        let source = Source {
            id: info.id.clone(),
            path: info.path.clone(),
            text: text.unwrap_or_else(|| info.text.clone()),
        };
        let fresh = extract_document(source, self.file_anchor(doc), &self.opts);
        replace_document(timeline, doc, fresh);
        self.apply(timeline);
    }

    /// Applies the reviews to the timeline: each event's review and corrected date, the order,
    /// the orphans, and [`Session::attached`].
    pub fn apply(&mut self, timeline: &mut Timeline) {
        for e in &mut timeline.events {
            if let Some(r) = e.review.take()
                && let Some(x) = r.extracted
            {
                e.date = x;
            }
        }
        // By id through a map: a linear search per event was 10^9 comparisons for 10,000 files.
        let ids: rustc_hash::FxHashMap<String, usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(k, d)| (d.id.clone(), k))
            .collect();
        let doc_of = |id: &str| ids.get(id).copied();
        let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); self.docs.len()];
        for (i, e) in timeline.events.iter().enumerate() {
            if let Some(d) = doc_of(&e.document) {
                by_doc[d].push(i);
            }
        }
        let mut owner: rustc_hash::FxHashMap<String, (usize, usize)> = Default::default();
        for (d, evs) in by_doc.iter().enumerate() {
            let doc = &mut self.docs[d];
            doc.orphans.clear();
            // No review to attach (no file, or an empty one): no event keys to compute.
            if doc.file.reviews.is_empty() {
                continue;
            }
            let refs: Vec<&Event> = evs.iter().map(|&i| &timeline.events[i]).collect();
            let found = attach(&doc.file.reviews, &refs);
            let keys = event_keys(&refs);
            for (k, at) in found.into_iter().enumerate() {
                match at {
                    Some(j) => {
                        // Follow the event: the entry now carries its current key data.
                        let e = refs[j];
                        let entry = &mut doc.file.reviews[k];
                        entry.expression.clone_from(&e.expression.text);
                        entry.sentence.clone_from(&e.sentence.text);
                        entry.occurrence = keys[j].occurrence;
                        entry.offset = e.expression.start;
                        owner.insert(e.id.clone(), (d, k));
                    }
                    None => doc.orphans.push(k),
                }
            }
        }
        for e in &mut timeline.events {
            let Some(d) = doc_of(&e.document) else {
                continue;
            };
            let doc = &self.docs[d];
            let entry = owner.get(&e.id).map(|&(_, k)| &doc.file.reviews[k]);
            if entry.is_none() && !doc.present {
                continue;
            }
            let (status, note, corrected) = entry
                .map_or((ReviewStatus::Unreviewed, "", None), |x| {
                    (x.status, x.note.as_str(), x.corrected)
                });
            let extracted = corrected.map(|span| {
                let original = e.date.clone();
                e.date = corrected_date(&original, span);
                original
            });
            e.review = Some(EventReview {
                status,
                note: note.to_string(),
                corrected,
                extracted,
            });
        }
        sort_and_group(timeline);
        self.attached = timeline
            .events
            .iter()
            .map(|e| owner.get(&e.id).copied())
            .collect();
    }

    /// The review entry of event `i`, creating a blank one (with the event's key) if needed.
    fn entry_for(&mut self, timeline: &Timeline, i: usize) -> Option<(usize, usize, bool)> {
        if let Some(Some((d, k))) = self.attached.get(i) {
            return Some((*d, *k, false));
        }
        let e = timeline.events.get(i)?;
        let d = self.docs.iter().position(|d| d.id == e.document)?;
        let evs: Vec<&Event> = timeline
            .events
            .iter()
            .filter(|x| x.document == e.document)
            .collect();
        let keys = event_keys(&evs);
        let j = evs.iter().position(|x| x.id == e.id)?;
        let entry = Entry::for_event(e, keys[j].occurrence);
        let reviews = &mut self.docs[d].file.reviews;
        reviews.push(entry);
        Some((d, reviews.len() - 1, true))
    }

    /// Changes event `i`'s review with `f`, records it for undo, applies and saves.
    pub fn change(
        &mut self,
        timeline: &mut Timeline,
        i: usize,
        what: &str,
        f: impl FnOnce(&mut Entry),
    ) -> Outcome {
        let Some((d, k, created)) = self.entry_for(timeline, i) else {
            return Outcome {
                message: "no event selected".into(),
                changed: false,
            };
        };
        let reviews = &mut self.docs[d].file.reviews;
        let before = (!created).then(|| reviews[k].clone());
        let key = reviews[k].key();
        let quoted = format!("{what} “{}”", reviews[k].expression);
        f(&mut reviews[k]);
        if reviews[k].is_empty() {
            reviews.remove(k);
        }
        self.record(
            quoted,
            Undo::Entry {
                doc: d,
                key,
                before,
            },
        );
        self.apply(timeline);
        self.save_or_defer(timeline, d, what)
    }

    /// Deletes orphaned review `k` of document `d` (undoable).
    pub fn delete_orphan(&mut self, timeline: &mut Timeline, d: usize, k: usize) -> Outcome {
        let Some(entry) = self
            .docs
            .get_mut(d)
            .and_then(|doc| doc.orphans.contains(&k).then(|| doc.file.reviews.remove(k)))
        else {
            return Outcome {
                message: "no orphaned review there".into(),
                changed: false,
            };
        };
        self.record(
            format!("deleted the orphaned review of “{}”", entry.expression),
            Undo::Entry {
                doc: d,
                key: entry.key(),
                before: Some(entry),
            },
        );
        self.apply(timeline);
        self.save_or_defer(timeline, d, "deleted the orphaned review")
    }

    /// Sets document `d`'s anchor (undoable): the document is extracted again around it.
    pub fn set_anchor(&mut self, timeline: &mut Timeline, d: usize, date: NaiveDate) -> Outcome {
        let Some(doc) = self.docs.get_mut(d) else {
            return Outcome::default();
        };
        let before = doc.file.anchor;
        doc.file.anchor = Some(date);
        self.record(
            format!("anchor set to {date}"),
            Undo::Anchor { doc: d, before },
        );
        let mut what = format!("anchor set to {date}");
        if self.opts.anchor.is_some() {
            what.push_str(" (--anchor on the command line still wins this session)");
        }
        let mut out = self.save_or_defer(timeline, d, &what);
        self.reextract(timeline, d, None);
        out.changed = true;
        out
    }

    /// Records a change for undo; a new change ends what could be redone.
    fn record(&mut self, what: String, change: Undo) {
        self.undo.push(Step { what, change });
        self.redo.clear();
    }

    /// Undoes the last review change, saying which ("undone: ✓ verified “يوم الخميس”");
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, timeline: &mut Timeline) -> Option<Outcome> {
        let step = self.undo.pop()?;
        let (out, back) = self.put_back(timeline, step, "undone");
        self.redo.push(back);
        Some(out)
    }

    /// Does again the last change undone; `None` when there is none.
    pub fn redo(&mut self, timeline: &mut Timeline) -> Option<Outcome> {
        let step = self.redo.pop()?;
        let (out, back) = self.put_back(timeline, step, "redone");
        self.undo.push(back);
        Some(out)
    }

    /// Puts back what `step` recorded, saves, and returns the step that reverses it again.
    fn put_back(&mut self, timeline: &mut Timeline, step: Step, done: &str) -> (Outcome, Step) {
        let message = format!("{done}: {}", step.what);
        match step.change {
            Undo::Entry { doc, key, before } => {
                let reviews = &mut self.docs[doc].file.reviews;
                let at = reviews.iter().position(|e| e.key() == key);
                let now = at.map(|k| reviews[k].clone());
                match (at, before) {
                    (Some(k), Some(b)) => reviews[k] = b,
                    (Some(k), None) => {
                        reviews.remove(k);
                    }
                    (None, Some(b)) => reviews.push(b),
                    (None, None) => {}
                }
                self.apply(timeline);
                let out = self.save_or_defer(timeline, doc, &message);
                let back = Undo::Entry {
                    doc,
                    key,
                    before: now,
                };
                (
                    out,
                    Step {
                        what: step.what,
                        change: back,
                    },
                )
            }
            Undo::Anchor { doc, before } => {
                let now = std::mem::replace(&mut self.docs[doc].file.anchor, before);
                let out = self.save_or_defer(timeline, doc, &message);
                self.reextract(timeline, doc, None);
                let back = Undo::Anchor { doc, before: now };
                (
                    Outcome {
                        changed: true,
                        ..out
                    },
                    Step {
                        what: step.what,
                        change: back,
                    },
                )
            }
        }
    }

    /// Saves document `d` now, or, when saves are deferred, asks for it ([`Session::flush`]).
    fn save_or_defer(&mut self, timeline: &mut Timeline, d: usize, what: &str) -> Outcome {
        if !self.defer_saves {
            return self.save_and_report(timeline, d, what);
        }
        self.pending.push((d, what.to_string()));
        Outcome {
            message: format!("{what}; {SAVING}"),
            changed: true,
        }
    }

    /// Whether a deferred save waits to be carried out.
    pub fn wants_save(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Carries out the deferred saves, oldest first, and says how each went: the outcome, and
    /// its words after the change's own ("saved → a.txt.tarikh.json", "NOT SAVED, …"), which
    /// take the place of "saving…" in what the change said.
    pub fn flush(&mut self, timeline: &mut Timeline) -> Vec<(Outcome, String)> {
        let pending = std::mem::take(&mut self.pending);
        pending
            .into_iter()
            .map(|(d, what)| {
                let out = self.save_and_report(timeline, d, &what);
                let result = out
                    .message
                    .strip_prefix(&format!("{what}; "))
                    .unwrap_or(&out.message)
                    .to_string();
                (out, result)
            })
            .collect()
    }

    /// Saves document `d`'s reviews and says how it went; merges in another process's changes
    /// (applying them to the timeline).
    fn save_and_report(&mut self, timeline: &mut Timeline, d: usize, what: &str) -> Outcome {
        let doc = &mut self.docs[d];
        let mut message;
        let mut reapply = false;
        let mut reanchor = false;
        match (&doc.path, &doc.blocked) {
            (path, Some(why)) => {
                doc.unsaved = true;
                let fallback = store::fallback_path(
                    path.as_deref().unwrap_or(Path::new("article.tarikh.json")),
                );
                message = format!(
                    "{what}; NOT SAVED, kept in memory: W saves to {} ({why})",
                    fallback.display()
                );
            }
            (None, None) => {
                doc.unsaved = true;
                message = format!(
                    "{what}; not saved: this text has no file beside it (start with --review FILE, or W saves to your home directory)"
                );
            }
            (Some(path), None) => match store::save(path, &doc.base, &doc.file) {
                Ok(saved) => {
                    doc.present = true;
                    doc.unsaved = false;
                    message = format!("{what}; saved");
                    if saved.merged > 0 {
                        message.push_str(&format!(
                            ", merged {} change(s) saved by another tarikh",
                            saved.merged
                        ));
                        reanchor = saved.file.anchor != doc.file.anchor;
                        reapply = true;
                        doc.file = saved.file.clone();
                    }
                    if let Some(b) = &saved.set_aside {
                        message.push_str(&format!(
                            ", an unreadable file there kept as {}",
                            b.display()
                        ));
                    }
                    message.push_str(&format!(" → {}", path.display()));
                    doc.base = saved.file;
                }
                Err(e) => {
                    doc.unsaved = true;
                    message = format!(
                        "{what}; NOT SAVED, kept in memory: W saves to {} ({}: {})",
                        store::fallback_path(path).display(),
                        store::describe(&e),
                        path.display()
                    );
                }
            },
        }
        if reanchor {
            self.reextract(timeline, d, None);
        } else if reapply {
            self.apply(timeline);
        }
        Outcome {
            message,
            changed: true,
        }
    }

    /// Saves document `d`'s reviews to the fallback place (home directory) from now on.
    pub fn save_elsewhere(&mut self, timeline: &mut Timeline, d: usize) -> Outcome {
        let Some(doc) = self.docs.get_mut(d) else {
            return Outcome::default();
        };
        let current = doc.path.clone().unwrap_or_else(|| {
            let name = format!("{}.tarikh.json", doc.id);
            PathBuf::from(name)
        });
        let target = store::fallback_path(&current);
        doc.path = Some(target);
        doc.blocked = None;
        doc.base = ReviewFile::default();
        self.save_or_defer(timeline, d, "saving to a new place")
    }

    /// Whether any document has changes that are not on disk.
    pub fn unsaved(&self) -> bool {
        self.docs.iter().any(|d| d.unsaved)
    }

    /// The first document with unsaved changes.
    pub fn first_unsaved(&self) -> Option<usize> {
        self.docs.iter().position(|d| d.unsaved)
    }

    /// Takes in what another tarikh saved to a review file since we last looked (three-way
    /// merge: our unsaved changes win); says so when anything came in.
    pub fn merge_outside_changes(&mut self, timeline: &mut Timeline) -> Option<Outcome> {
        let mut merged = 0;
        let mut reanchor = Vec::new();
        for (i, d) in self.docs.iter_mut().enumerate() {
            let (Some(path), None) = (&d.path, &d.blocked) else {
                continue;
            };
            let now = stamp(path);
            if now.is_none() || now == d.review_stamp {
                continue;
            }
            d.review_stamp = now;
            // An unreadable file is left for the next save, which sets it aside.
            let Ok(theirs) = std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|b| store::parse(&b))
            else {
                continue;
            };
            let (file, n) = super::merge(&d.base, &d.file, &theirs);
            if file.anchor != d.file.anchor {
                reanchor.push(i);
            }
            d.file = file;
            d.base = theirs;
            d.present = true;
            merged += n;
        }
        if merged == 0 {
            return None;
        }
        self.apply(timeline);
        for d in reanchor {
            self.reextract(timeline, d, None);
        }
        Some(Outcome {
            message: format!("merged {merged} review change(s) saved by another tarikh"),
            changed: true,
        })
    }

    /// Documents whose article changed on disk since it was read (modification time or size).
    pub fn changed_articles(&mut self) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, d) in self.docs.iter_mut().enumerate() {
            let Some(a) = &d.article else { continue };
            let now = stamp(a);
            if now.is_some() && now != d.stamp {
                d.stamp = now;
                out.push(i);
            }
        }
        out
    }

    /// Reads document `d`'s article again and re-extracts it, keeping every review.
    pub fn reload(&mut self, timeline: &mut Timeline, d: usize) -> Outcome {
        let Some(path) = self.docs.get(d).and_then(|x| x.article.clone()) else {
            return Outcome {
                message: "this text has no file to reload from".into(),
                changed: false,
            };
        };
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    return Outcome {
                        message: format!(
                            "{} is no longer UTF-8 text; kept the version already open",
                            path.display()
                        ),
                        changed: false,
                    };
                }
            },
            Err(e) => {
                return Outcome {
                    message: format!(
                        "cannot reload {} ({}); kept the version already open",
                        path.display(),
                        store::describe(&e)
                    ),
                    changed: false,
                };
            }
        };
        self.docs[d].stamp = stamp(&path);
        self.reextract(timeline, d, Some(text));
        let orphans = self.docs[d].orphans.len();
        let mut message = format!("reloaded {}", path.display());
        if orphans > 0 {
            message.push_str(&format!("; {orphans} orphaned review(s): o lists them"));
        }
        Outcome {
            message,
            changed: true,
        }
    }

    /// One warning per orphaned review, for `extract` (so a pasted chronology does not hide
    /// that a review lost its event).
    pub fn orphan_warnings(&self) -> Vec<String> {
        self.orphans()
            .into_iter()
            .map(|(d, k)| {
                let doc = &self.docs[d];
                let e = &doc.file.reviews[k];
                format!(
                    "{}: orphaned review ({}{}): '{}' in \"{}\" is no longer found",
                    doc.id,
                    e.status.name(),
                    if e.note.is_empty() {
                        String::new()
                    } else {
                        format!(", note: {}", e.note)
                    },
                    e.expression,
                    e.sentence
                )
            })
            .collect()
    }

    /// Counts of verified, flagged and unreviewed events.
    pub fn counts(timeline: &Timeline) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for e in &timeline.events {
            match e
                .review
                .as_ref()
                .map_or(ReviewStatus::Unreviewed, |r| r.status)
            {
                ReviewStatus::Verified => c.0 += 1,
                ReviewStatus::Flagged => c.1 += 1,
                ReviewStatus::Unreviewed => c.2 += 1,
            }
        }
        c
    }

    /// Every orphaned review: (document, entry index).
    pub fn orphans(&self) -> Vec<(usize, usize)> {
        self.docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| doc.orphans.iter().map(move |&k| (d, k)))
            .collect()
    }
}

/// The date an editor's correction gives an event: the span, at day precision, with the
/// extracted reading kept in the reason.
pub fn corrected_date(original: &EventDate, span: DaySpan) -> EventDate {
    EventDate {
        value: span_text(&span),
        start: Some(span.start),
        end: Some(span.end),
        precision: Precision::Day,
        part_of_day: None,
        approximate: false,
        uncertain: false,
        modifier: None,
        reason: format!(
            "corrected by the editor; extracted as {} ({})",
            original.value, original.reason
        ),
    }
}
