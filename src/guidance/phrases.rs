//! The fixed words of the sheet and the command line (headings, verdicts, labels) — the
//! chrome the renderers share, kept in one place. Every sentence that states a rule comes from
//! the model instead.

/// A fixed phrase. `{…}` slots are filled in by the guidance builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phrase {
    Title,
    Basis,
    HeadingVisit,
    HeadingOutcome,
    HeadingDocuments,
    HeadingMissing,
    HeadingSteps,
    HeadingPinWriting,
    HeadingCertificate,
    HeadingContact,
    VisitDate,
    VisitFirst,
    VisitSecond,
    Procedures,
    Applicant,
    Place,
    ProcedureList,
    VerdictSameDayDone,
    VerdictSameDayMissing,
    VerdictFirstVisitDone,
    VerdictFirstVisitMissing,
    VerdictSecondVisitDone,
    VerdictSecondVisitMissing,
    VerdictBlocked,
    StateSameDay,
    StateThreeStepFirst,
    StateThreeStepSecond,
    BringNextTime,
    Examples,
    NotNeeded,
    StepsLead,
    StepToday,
    Why,
    NewExpiry,
    HolderAge,
    CounterCopy,
    CounterProcedureDone,
    CounterProcedureRefused,
    CounterProcedureIncomplete,
    CounterSeen,
    CounterSeenNone,
    CutLine,
    Stamp,
    Ticked,
    Unticked,
    StepDocuments,
    ListSeparator,
    UnknownCertExpiry,
    UnknownCardExpiry,
    TitleSeparator,
}

/// The Japanese words of each phrase.
pub fn ja(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::Title => "{procedures}のご案内",
        Phrase::Basis => "{publisher}「{page}」（{updated}更新）に基づく",
        Phrase::HeadingVisit => "本日のご来庁",
        Phrase::HeadingOutcome => "結果",
        Phrase::HeadingDocuments => "窓口で確認した書類（✓ 確認済み　□ 未確認）",
        Phrase::HeadingMissing => "不足している書類",
        Phrase::HeadingSteps => "今後の流れ",
        Phrase::HeadingPinWriting => "暗証番号記入用紙の書き方",
        Phrase::HeadingCertificate => "電子証明書について",
        Phrase::HeadingContact => "お問い合わせ先",
        Phrase::VisitDate => "来庁日",
        Phrase::VisitFirst => "1回目の来庁：申請",
        Phrase::VisitSecond => "2回目の来庁：書類の持参",
        Phrase::Procedures => "手続き",
        Phrase::Applicant => "手続きされた方",
        Phrase::Place => "受付場所",
        Phrase::ProcedureList => "・",
        Phrase::VerdictSameDayDone => "必要な書類をすべて確認しました。本日手続きできます。",
        Phrase::VerdictSameDayMissing => {
            "不足している書類があります。「不足している書類」をそろえて、もう一度お越しください。"
        }
        Phrase::VerdictFirstVisitDone => {
            "申請を受け付けました。本日は手続きが完了しません（「今後の流れ」のとおり、もう一度お越しください）。"
        }
        Phrase::VerdictFirstVisitMissing => {
            "不足している書類があるため、申請を受け付けられませんでした。"
        }
        Phrase::VerdictSecondVisitDone => "必要な書類をすべて確認しました。",
        Phrase::VerdictSecondVisitMissing => {
            "不足している書類があります。そろえて、もう一度お越しください。"
        }
        Phrase::VerdictBlocked => "本日は受付できません。",
        Phrase::StateSameDay => "即日で手続きできます",
        Phrase::StateThreeStepFirst => "即日不可（3段階）: 今回は1回目の申請です",
        Phrase::StateThreeStepSecond => "即日不可（3段階）: 今回は2回目、書類の持参です",
        Phrase::BringNextTime => "次回お持ちいただくもの",
        Phrase::Examples => "例: {examples}",
        Phrase::NotNeeded => "不要",
        Phrase::StepsLead => "この手続きは即日では完了しません。次の(1)〜(3)の順に進みます。",
        Phrase::StepToday => "（本日）",
        Phrase::Why => "根拠",
        Phrase::NewExpiry => "本日発行した場合の新しい電子証明書の有効期限: {date}",
        Phrase::HolderAge => "本人の年齢（来庁日）: {age}歳",
        Phrase::CounterCopy => "窓口控え",
        Phrase::CounterProcedureDone => "受付",
        Phrase::CounterProcedureRefused => "受付せず（{reason}）",
        Phrase::CounterProcedureIncomplete => "書類不足のため受付せず",
        Phrase::CounterSeen => "確認した書類",
        Phrase::CounterSeenNone => "なし",
        Phrase::CutLine => "切り取り線",
        Phrase::Stamp => "担当者印",
        Phrase::Ticked => "✓",
        Phrase::Unticked => "□",
        Phrase::StepDocuments => "お持ちいただくもの",
        Phrase::ListSeparator => "、",
        Phrase::UnknownCertExpiry => {
            "電子証明書の有効期限が未入力です。有効期限内か、更新期間に入っているかを確かめていません。"
        }
        Phrase::UnknownCardExpiry => {
            "カードの有効期限が未入力です。カードが有効期限内かを確かめていません。"
        }
        Phrase::TitleSeparator => "・",
    }
}
