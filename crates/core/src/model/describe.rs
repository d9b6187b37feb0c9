//! The model in words for the officer who keeps it: a condition as a sentence, a route's
//! documents as labels. Used by the diagram and by `diff`.

use super::{Condition, DocumentId, ProcedureModel, Route};

/// A condition in Japanese, with the model's own question labels.
pub fn condition(model: &ProcedureModel, condition: &Condition) -> String {
    match condition {
        Condition::Answer(id) => model
            .question(id)
            .map_or_else(|| format!("「{id}」"), |q| q.label.clone()),
        Condition::CertValid => "電子証明書が有効（失効・期限切れでない）".to_string(),
        Condition::CertExpired => "電子証明書の有効期限が切れている".to_string(),
        Condition::CardExpired => "カードの有効期限が切れている".to_string(),
        Condition::CardExpiresWithCert => "電子証明書とカードの有効期限が同じ日".to_string(),
        Condition::BeforeRenewalWindow => "更新期間の前".to_string(),
        Condition::HolderAgeFitsApplicant => "本人の年齢が手続きする人の種別に合う".to_string(),
        Condition::Requested(kind) => format!("{}も申請", model.procedure_title(*kind)),
        Condition::Applicant(kind) => format!("手続きする人が{}", model.applicant_label(*kind)),
        Condition::Not(inner) => format!("「{}」でない", self::condition(model, inner)),
        Condition::AnyOf(all) => joined(model, all, " または "),
        Condition::AllOf(all) => joined(model, all, " かつ "),
    }
}

fn joined(model: &ProcedureModel, all: &[Condition], with: &str) -> String {
    let parts: Vec<String> = all
        .iter()
        .map(|c| match c {
            Condition::AnyOf(_) | Condition::AllOf(_) => format!("（{}）", condition(model, c)),
            _ => condition(model, c),
        })
        .collect();
    parts.join(with)
}

/// When a route applies, in words: its condition, or 「それ以外のとき」 for the last one.
pub fn route_condition(model: &ProcedureModel, route: &Route) -> String {
    route
        .when
        .as_ref()
        .map_or_else(|| "それ以外のとき".to_string(), |c| condition(model, c))
}

/// A document's label for the officer: the route's own label when it has one.
pub fn need_label(model: &ProcedureModel, label: Option<&String>, id: &DocumentId) -> String {
    label
        .cloned()
        .unwrap_or_else(|| model.document_label(id).to_string())
}
