//! The procedure model the window runs on: embedded, or an office's shared file that is
//! watched and reloaded when it changes. A broken shared file never stops the window.

use crate::language::Languages;
use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::signing::TrustedKey;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// The model in use and, when the shared file could not be used, why.
pub struct ModelSource {
    pub origin: ModelOrigin,
    pub model: ProcedureModel,
    /// `file:line:col: what` when the shared file is broken (the embedded model runs).
    pub problem: Option<String>,
    /// While `problem` is set: true when the last good shared model runs, false when the
    /// embedded one does.
    pub on_last_good: bool,
    changed: Arc<AtomicBool>,
    /// Why the shared file is not watched, when it cannot be.
    watch_problem: Option<String>,
    /// The sheet's languages that go with the model (Japanese alone when they are wrong).
    pub languages: Languages,
    /// Why the language files cannot be used, when they cannot.
    pub language_problem: Option<String>,
    /// How long a file must stay unchanged before a failure to read it counts: editors and
    /// file shares truncate, then write, and the half-written moment is not an error.
    settle: Duration,
    /// When to read a file again that failed while it was still being written.
    retry_at: Option<Instant>,
    /// The office's key: a shared file is used only when signed by it.
    pub trust: Option<TrustedKey>,
}

/// The default settling time of a shared file.
pub const SETTLE: Duration = Duration::from_millis(1500);

/// The languages of a model, or Japanese alone and why.
fn languages_of(origin: &ModelOrigin, model: &ProcedureModel) -> (Languages, Option<String>) {
    match origin.languages(model) {
        Ok(languages) => (languages, None),
        Err(err) => (Languages::source_only(), Some(err.to_string())),
    }
}

impl ModelSource {
    /// Loads the model of `origin`; a broken file falls back to the embedded model.
    pub fn load(origin: ModelOrigin) -> ModelSource {
        ModelSource::load_trusted(origin, None)
    }

    /// The same, taking a shared file only when `trust` verifies its signature; an unsigned
    /// or wrongly signed file falls back to the embedded model with the banner.
    pub fn load_trusted(origin: ModelOrigin, trust: Option<TrustedKey>) -> ModelSource {
        let (model, problem) = match origin.load_verified(trust.as_ref()) {
            Ok(model) => (model, None),
            Err(err) => (
                ProcedureModel::embedded().expect("the embedded model is checked by tests"),
                Some(err.to_string()),
            ),
        };
        let (languages, language_problem) = languages_of(&origin, &model);
        ModelSource {
            origin,
            model,
            problem,
            on_last_good: false,
            changed: Arc::new(AtomicBool::new(false)),
            watch_problem: None,
            languages,
            language_problem,
            settle: SETTLE,
            retry_at: None,
            trust,
        }
    }

    /// Waits this long for a file to settle (tests make it short).
    pub fn with_settle(mut self, settle: Duration) -> ModelSource {
        self.settle = settle;
        self
    }

    /// Reads the shared file again; keeps the last good model if the file is now broken. A
    /// file changed less than the settling time ago that does not read is read again once it
    /// has settled: the banner is for a file that stays broken, not for a half-written one.
    pub fn reload(&mut self) {
        match self.origin.load_verified(self.trust.as_ref()) {
            Ok(model) => {
                (self.languages, self.language_problem) = languages_of(&self.origin, &model);
                self.model = model;
                self.problem = None;
                self.on_last_good = false;
                self.retry_at = None;
            }
            Err(_) if self.still_being_written() => {
                self.retry_at = Some(Instant::now() + self.settle);
            }
            Err(err) => {
                self.on_last_good = self.on_last_good || self.problem.is_none();
                self.problem = Some(err.to_string());
                self.retry_at = None;
            }
        }
    }

    /// The shared file, or its signature, changed within the settling time (the two are
    /// replaced one after the other on the share).
    fn still_being_written(&self) -> bool {
        let ModelOrigin::File(path) = &self.origin else {
            return false;
        };
        let recent = |p: &std::path::Path| {
            std::fs::metadata(p)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| SystemTime::now().duration_since(modified).ok())
                .is_some_and(|age| age < self.settle)
        };
        recent(path) || recent(&crate::signing::signature_path(path))
    }

    /// What the top bar says of the rules' approval: none needed (embedded), verified, or
    /// 「署名なし」.
    pub fn approval(&self) -> &'static str {
        match (&self.origin, &self.trust) {
            (ModelOrigin::Embedded, _) => "",
            (ModelOrigin::File(_), Some(_)) if self.problem.is_none() => "・署名確認済み",
            (ModelOrigin::File(_), Some(_)) => "・署名を確認できません",
            (ModelOrigin::File(_), None) => "・署名なし",
        }
    }

    /// How long until a file that was being written is read again, if one was.
    pub fn retry_in(&self) -> Option<Duration> {
        self.retry_at
            .map(|at| at.saturating_duration_since(Instant::now()))
    }

    /// Reloads if the watcher saw the file change; true when it did.
    pub fn reload_if_changed(&mut self) -> bool {
        let retry_due = self.retry_at.is_some_and(|at| Instant::now() >= at);
        if self.changed.swap(false, Ordering::AcqRel) || retry_due {
            self.reload();
            true
        } else {
            false
        }
    }

    /// Watches the shared file (not the embedded model) from a background thread that
    /// wakes the window only when the file's modification time changes.
    pub fn watch(&mut self, ctx: &egui::Context) {
        let ModelOrigin::File(path) = &self.origin else {
            return;
        };
        let path: PathBuf = path.clone();
        let changed = Arc::clone(&self.changed);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("model-watch".into())
            .spawn(move || {
                let stamp = |p: &PathBuf| -> Option<SystemTime> {
                    std::fs::metadata(p).and_then(|m| m.modified()).ok()
                };
                let mut last = stamp(&path);
                loop {
                    std::thread::sleep(Duration::from_millis(700));
                    let now = stamp(&path);
                    if now != last {
                        last = now;
                        changed.store(true, Ordering::Release);
                        ctx.request_repaint();
                    }
                }
            });
        if let Err(err) = spawned {
            self.watch_problem = Some(format!(
                "共有の手続きモデルの変更を見張れません（{err}）。変更を反映するには画面を開き直してください"
            ));
        }
    }

    /// The lines of the red banner: the shared file's problem and the watcher's.
    pub fn problems(&self) -> Vec<String> {
        let model = self.problem.as_ref().map(|problem| {
            format!(
                "共有の手続きモデルを使えません（{}）: {}",
                self.fallback_words(),
                problem.lines().next().unwrap_or_default()
            )
        });
        let languages = self.language_problem.as_ref().map(|problem| {
            format!(
                "案内の言語ファイルを使えません（日本語の案内だけで動作中）: {}",
                problem.lines().next().unwrap_or_default()
            )
        });
        model
            .into_iter()
            .chain(languages)
            .chain(self.watch_problem.clone())
            .collect()
    }

    /// What the window runs on while the shared file cannot be used.
    pub fn fallback_words(&self) -> &'static str {
        if self.on_last_good {
            "前回読み込めた内容で動作中"
        } else {
            "組み込みのモデルで動作中"
        }
    }

    /// Marks the file as changed, as the watcher does (for tests and a manual reload).
    pub fn mark_changed(&self) {
        self.changed.store(true, Ordering::Release);
    }
}
