//! Words for an evaluation: the JSON of the shared contract and the Japanese text that staff
//! read on the command line. Also fills the `{window_start}` / `{age}` slots of model texts.

use crate::case::Case;
use crate::dates::{format_both, format_iso};
use crate::engine::{Evaluation, VisitNumber};
use crate::model::{Flow, ProcedureModel};
use std::fmt::Write as _;

/// The JSON that `madoguchi evaluate --json` prints.
pub fn to_json(evaluation: &Evaluation) -> String {
    serde_json::to_string_pretty(evaluation).expect("an evaluation always serialises")
}

/// Fills `{window_start}` and `{age}` in a text of the model.
pub fn fill_slots(template: &str, evaluation: &Evaluation) -> String {
    let window = evaluation
        .renewal_window_start
        .map_or_else(|| "（不明）".to_string(), format_both);
    let age = evaluation
        .holder_age
        .map_or_else(|| "（不明）".to_string(), |a| a.to_string());
    template
        .replace("{window_start}", &window)
        .replace("{age}", &age)
}

/// The readable Japanese answer of `madoguchi evaluate` without `--json`.
pub fn to_text(model: &ProcedureModel, case: &Case, evaluation: &Evaluation) -> String {
    let mut out = String::new();
    let titles: Vec<&str> = case
        .procedures
        .iter()
        .map(|p| model.procedure_title(*p))
        .collect();
    let _ = writeln!(out, "手続き: {}", titles.join("、"));
    let _ = writeln!(
        out,
        "手続きする人: {}",
        model.applicant_label(case.applicant)
    );
    let _ = writeln!(out, "来庁日: {}", format_both(case.today()));
    if let Some(age) = evaluation.holder_age {
        let _ = writeln!(out, "本人の年齢: {age}歳");
    }
    if !evaluation.is_unblocked() {
        let _ = writeln!(
            out,
            "受付: 本日はこの手続きを受け付けられません（理由は次のとおり）"
        );
    } else if evaluation.same_day {
        let _ = writeln!(out, "受付: 即日で手続きできます");
    } else {
        let _ = writeln!(out, "受付: 即日ではできません（3段階の手続き）");
    }
    for blocker in &evaluation.blockers {
        if let Some(info) = model.blocker(*blocker) {
            let _ = writeln!(out, "■ 受付できません: {}", info.title);
            let _ = writeln!(out, "  {}", fill_slots(&info.what_to_do, evaluation));
        }
    }
    for warning in &evaluation.warnings {
        if let Some(info) = model.warning(*warning) {
            let _ = writeln!(out, "▲ 要確認: {}", info.title);
            let _ = writeln!(out, "  {}", fill_slots(&info.what_to_do, evaluation));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "今回お持ちいただくもの:");
    write_requirements(&mut out, evaluation, VisitNumber::First);
    for exempted in &evaluation.exempted {
        let _ = writeln!(
            out,
            "  － {}（{}）",
            model.document_label(&exempted.document),
            exempted.reason
        );
    }
    for route in evaluation.routes.iter().filter_map(|id| model.route(id)) {
        if let Flow::ThreeStep {
            mailing,
            holder_task,
            second_visit,
            ..
        } = &route.flow
        {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "(2) 市から{}あてに{}で{}を送ります。",
                mailing.recipient,
                mailing.method,
                mailing.items.join("と")
            );
            let _ = writeln!(out, "    {}", holder_task.text);
            let place = second_visit.place.as_deref().unwrap_or("窓口");
            let _ = writeln!(out, "(3) 2回目の来庁（{place}）でお持ちいただくもの:");
            write_requirements(&mut out, evaluation, VisitNumber::Second);
            break;
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "署名用電子証明書: {}",
        if evaluation.signature_cert {
            "発行できます"
        } else {
            "原則として発行できません"
        }
    );
    if let Some(start) = evaluation.renewal_window_start {
        let _ = writeln!(out, "更新できる期間: {} から", format_both(start));
    }
    if let Some(expiry) = evaluation.new_cert_expiry {
        let _ = writeln!(
            out,
            "本日発行した場合の新しい電子証明書の有効期限: {}",
            format_both(expiry)
        );
    }
    let _ = writeln!(out, "経路: {}", evaluation.routes.join(", "));
    let _ = writeln!(
        out,
        "（来庁日 {} で判定。出典: {}「{}」更新日 {}）",
        format_iso(case.today()),
        model.page.publisher,
        model.page.title,
        model.page.updated
    );
    out
}

fn write_requirements(out: &mut String, evaluation: &Evaluation, visit: VisitNumber) {
    for requirement in evaluation.requirements_for(visit) {
        let examples = if requirement.examples.is_empty() {
            String::new()
        } else {
            format!("（例: {}）", requirement.examples.join("・"))
        };
        let note = requirement
            .note
            .as_deref()
            .map_or(String::new(), |n| format!("　※{n}"));
        let _ = writeln!(out, "  □ {}{examples}{note}", requirement.label);
        for reason in &requirement.reasons {
            let _ = writeln!(out, "      根拠: {}", reason.source.replace('\n', " "));
        }
    }
}
