//! What the window holds: the model, one citizen's session, what is shown of it, the printer,
//! the last notice, 元に戻す. Changed only by [`edits::apply`](super::edits::apply).

use super::model_source::ModelSource;
use super::output::{Notice, system_save_dialog};
use super::output_worker::{Output, OutputWorker};
use super::view::View;
use crate::counter::{CounterSession, NotReady};
use crate::guidance::Guidance;
use crate::printing::{PrinterChoice, SystemSpooler};
use crate::sheet::Sheet;
use chrono::NaiveDate;
use std::time::Instant;

/// The citizen before 次の方, kept for 「元に戻す」 for a few seconds.
pub struct Undo {
    pub session: CounterSession,
    pub handed_out: bool,
    pub until: Instant,
}

/// What the reader line of the form says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderLine {
    /// The window was started without a reader to watch.
    NotWatched,
    NoReader,
    Waiting,
    Reading,
    Read,
    /// The card could not be read, and what to do.
    Failed(String),
}

impl ReaderLine {
    pub fn words(&self) -> String {
        match self {
            ReaderLine::NotWatched => "読み取り機を使っていません".into(),
            ReaderLine::NoReader => "読み取り機なし".into(),
            ReaderLine::Waiting => "カードを置いてください".into(),
            ReaderLine::Reading => "読み取り中…".into(),
            ReaderLine::Read => "読み取りました".into(),
            ReaderLine::Failed(why) => why.clone(),
        }
    }
}

/// The window's state.
pub struct CounterState {
    pub source: ModelSource,
    pub session: CounterSession,
    pub notice: Option<Notice>,
    pub(super) view: View,
    /// The view no longer matches the session (a command or the model changed it).
    pub(super) stale: bool,
    /// Today's date for a new citizen: the system clock in the real window (a counter PC may
    /// run past midnight), a fixed day in tests.
    pub(super) clock: Box<dyn Fn() -> NaiveDate>,
    /// The printer and the save dialog, until the worker takes them at the first frame.
    pub(super) output: Option<Output>,
    pub(super) worker: Option<OutputWorker>,
    /// A job is with the worker (印刷中… / 保存中…).
    pub(super) busy: bool,
    /// Counts citizens: a job's result counts as handed out only for the citizen it was for.
    pub(super) citizen: u64,
    /// The printer in use, as the top bar names it.
    pub(super) printer_label: String,
    /// A sheet the spooler refused, kept for もう一度印刷.
    pub(super) refused_sheet: Option<(Vec<u8>, String)>,
    /// This citizen's sheet was printed or saved.
    pub(super) handed_out: bool,
    /// 次の方 was pressed for a citizen whose sheet was never handed out: asking first.
    pub(super) confirming_next: bool,
    pub(super) undo: Option<Undo>,
    /// The code of the sheet's language (the window itself stays Japanese).
    pub sheet_language: String,
    /// 規則の図 is open.
    pub show_diagram: bool,
    pub reader_line: ReaderLine,
    /// What the card of this visit said (the fields it filled are marked 「カードから」).
    pub from_card: Option<crate::card::CardReading>,
    /// A second card for the same visit whose dates differ: asked before they replace them.
    pub pending_card: Option<crate::card::CardReading>,
    /// A card was read and the card's own expiry (not on the chip without a PIN) is still to
    /// be typed: the form puts the cursor there once.
    pub card_expiry_wanted: bool,
}

impl CounterState {
    /// A blank citizen on `today`, printing through the system's spooler and saving through
    /// the system dialog.
    pub fn new(source: ModelSource, today: NaiveDate) -> CounterState {
        CounterState {
            source,
            session: CounterSession::new(today),
            notice: None,
            view: View::not_ready(NotReady::NoProcedure),
            stale: true,
            clock: Box::new(move || today),
            output: Some(Output {
                spooler: Box::new(SystemSpooler),
                printer: PrinterChoice::SystemDefault,
                save_dialog: Box::new(system_save_dialog),
                open_after_save: true,
            }),
            worker: None,
            busy: false,
            citizen: 0,
            printer_label: "プリンター: 確認中…".to_string(),
            refused_sheet: None,
            handed_out: false,
            confirming_next: false,
            undo: None,
            sheet_language: crate::language::SOURCE_LANGUAGE.to_string(),
            show_diagram: false,
            reader_line: ReaderLine::NotWatched,
            from_card: None,
            pending_card: None,
            card_expiry_wanted: false,
        }
    }

    /// What the window shows now.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// The printer in use, as the top bar names it.
    pub fn printer_label(&self) -> &str {
        &self.printer_label
    }

    /// A print or a save is with the worker.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// Whether 元に戻す is still offered.
    pub fn undo_offered(&self) -> bool {
        self.undo.as_ref().is_some_and(|u| Instant::now() < u.until)
    }

    /// The worker's end, started with the window's context at the first frame.
    pub(super) fn start_output(&mut self, ctx: &egui::Context) {
        if let Some(output) = self.output.take() {
            self.worker = Some(OutputWorker::start(output, ctx));
        }
    }

    /// The printer and save dialog the worker will use (before the first frame).
    pub(super) fn output_mut(&mut self) -> &mut Output {
        self.output
            .get_or_insert_with(|| unreachable!("set up before the first frame"))
    }

    /// Fills the form from a case file and ticks `presented` (training, screenshots). The
    /// questions the file leaves out take the model's defaults, as they do in the file.
    pub fn prefill(&mut self, case: &crate::case::Case, presented: &[String]) {
        self.session = CounterSession::from_case(case);
        let model = &self.source.model;
        for question in self.session.questions(model) {
            if self.session.given_answer(&question.id).is_none() {
                let answer = case.answers.get(model, &question.id);
                self.session.set_answer(model, &question.id, Some(answer));
            }
        }
        if let Ok(evaluation) = self.session.evaluation(model) {
            let visit = crate::guidance::shown_visit(&evaluation, self.session.visit);
            for id in presented {
                let document = crate::model::DocumentId(id.clone());
                self.session.tick(model, visit, &document, true);
            }
            self.session.keep_ticks_of(&evaluation);
        }
        self.stale = true;
    }

    /// The evaluation and guidance of the form as it stands; ticks of documents no longer
    /// asked for are dropped. Run only when something changed.
    pub(super) fn refresh_view(&mut self) {
        self.stale = false;
        let model = &self.source.model;
        let case = match self.session.case(model) {
            Ok(case) => case,
            Err(reason) => {
                self.view = View::not_ready(reason);
                return;
            }
        };
        let evaluation = crate::engine::evaluate(model, &case);
        self.session.keep_ticks_of(&evaluation);
        let visit = crate::guidance::shown_visit(&evaluation, self.session.visit);
        let presented = self.session.ticked_at(visit);
        let languages = &self.source.languages;
        let guidance = Guidance::build_in(
            languages.source(),
            model,
            &case,
            &evaluation,
            visit,
            &presented,
        );
        let language = languages
            .get(&self.sheet_language)
            .unwrap_or_else(|| languages.source());
        let sheet = if language.is_source() {
            Sheet::from_guidance(&guidance, language)
        } else {
            let translated =
                Guidance::build_in(language, model, &case, &evaluation, visit, &presented);
            Sheet::from_guidance(&translated, language)
        };
        let file_name = crate::sheet::pdf::default_file_name(&guidance, &language.code);
        self.view = View {
            evaluation: Ok(evaluation),
            guidance: Some(guidance),
            sheet: Some(sheet),
            file_name,
        };
    }
}
