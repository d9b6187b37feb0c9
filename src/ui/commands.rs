//! What staff can do in the window, as commands: the panels and the keys give them, and every
//! change of state goes through [`apply`](super::edits::apply), once per frame, after drawing.

use crate::counter::DateField;
use crate::engine::VisitNumber;
use crate::model::{ApplicantKind, DocumentId, ProcedureKind};

/// What staff asked for this frame; applied once, after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCommand {
    /// 次の方: asks first when this citizen's sheet was never printed or saved.
    NextCitizen,
    /// 次の方へ, in that question.
    ConfirmNextCitizen,
    /// 戻る (Esc), in that question.
    CancelNextCitizen,
    /// 元に戻す (Ctrl+Z): the citizen before 次の方, for a few seconds.
    UndoNextCitizen,
    ToggleProcedure(ProcedureKind),
    SetApplicant(ApplicantKind),
    /// A key typed into a date field (not read until the field is left).
    SetDateText(DateField, String),
    /// The date field was left: its date is read now.
    CommitDate(DateField),
    /// 「カード表面の有効期限は電子証明書より後」 ticked or not.
    SetCardOutlivesCert(bool),
    /// はい / いいえ / 未確認.
    SetAnswer(String, Option<bool>),
    SetVisit(VisitNumber),
    /// F4: the other visit of the three-step route.
    NextVisit,
    Tick(VisitNumber, DocumentId, bool),
    /// Space: tick the first document not yet seen.
    TickNext,
    /// 印刷 / Ctrl+P: the sheet to the printer.
    Print,
    /// もう一度印刷: the same sheet again after the spooler refused it.
    RetryPrint,
    /// 保存（PDF）: the sheet to a file.
    SavePdf,
    /// The selector in the preview: the sheet's language.
    SetSheetLanguage(String),
    /// F9: the next language (ja → en → やさしい日本語 → ja).
    NextSheetLanguage,
    /// A second card for this visit: its dates replace those in the form.
    TakeSecondCard,
    /// A second card for this visit: the form keeps its dates.
    KeepFormDates,
    /// The cursor went to the card's expiry (its date or what was seen on it) after a card
    /// was read.
    CardExpiryFocused,
    ToggleDiagram,
    /// Esc or the window's ✕ on 規則の図.
    CloseDiagram,
}
