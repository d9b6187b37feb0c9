//! Changes of the dates and limits of the certificates (validity, the renewal window and its
//! 翌日, who gets a 署名用 certificate), of the holder's ages that fit each kind of applicant,
//! and of the office's counter, hours, fees, reservation and branches.

use super::changed;
use madoguchi_core::model::{AgeRange, ProcedureModel};

/// The certificate rules, the applicants' ages and the office, each line `what: before → after`.
pub(super) fn rule_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = certificate_changes(old, new);
    for applicant in &new.applicants {
        if let Some(before) = old.applicant(applicant.kind) {
            changed(
                &mut lines,
                &format!("「{}」に合う本人の年齢", applicant.label),
                &before.holder_age,
                &applicant.holder_age,
                ages,
            );
        }
    }
    lines.extend(office_changes(old, new));
    lines
}

/// Validity, the renewal window and the 署名用 certificate's limits.
fn certificate_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    let (was, now) = (&old.certificate, &new.certificate);
    let birthdays = |n: &u32| format!("{n}回目の誕生日");
    changed(
        &mut lines,
        "電子証明書の有効期限（発行から）",
        &was.valid_until_birthday,
        &now.valid_until_birthday,
        birthdays,
    );
    changed(
        &mut lines,
        "更新期間内の更新の有効期限（旧証明書の有効期限の後）",
        &was.renewal_valid_until_birthday_after_old_expiry,
        &now.renewal_valid_until_birthday_after_old_expiry,
        birthdays,
    );
    changed(
        &mut lines,
        "更新期間",
        &window(was.renewal_window_months, was.renewal_window_from_next_day),
        &window(now.renewal_window_months, now.renewal_window_from_next_day),
        |s: &String| s.clone(),
    );
    changed(
        &mut lines,
        "署名用電子証明書を発行できる年齢",
        &was.signature_cert_min_age,
        &now.signature_cert_min_age,
        |n| format!("{n}歳以上"),
    );
    let kinds = |m: &ProcedureModel, list: &[madoguchi_core::model::ApplicantKind]| {
        list.iter()
            .map(|k| m.applicant_label(*k).to_string())
            .collect::<Vec<_>>()
    };
    changed(
        &mut lines,
        "署名用電子証明書を発行しない手続きする人",
        &kinds(old, &was.signature_cert_not_for),
        &kinds(new, &now.signature_cert_not_for),
        |l: &Vec<String>| {
            if l.is_empty() {
                "なし".to_string()
            } else {
                l.join("・")
            }
        },
    );
    lines
}

/// 「有効期限の3か月前の翌日から」 or 「有効期限の2か月前から」.
fn window(months: u32, next_day: bool) -> String {
    let next = if next_day { "の翌日" } else { "" };
    format!("有効期限の{months}か月前{next}から")
}

fn ages(range: &AgeRange) -> String {
    match (range.at_least, range.below) {
        (None, None) => "年齢を問わない".to_string(),
        (Some(min), None) => format!("{min}歳以上"),
        (None, Some(max)) => format!("{max}歳未満"),
        (Some(min), Some(max)) => format!("{min}歳以上{max}歳未満"),
    }
}

/// The counter, hours, fees, reservation and branches (their words are also under 市民が読む文;
/// here what a branch does).
fn office_changes(old: &ProcedureModel, new: &ProcedureModel) -> Vec<String> {
    let mut lines = Vec::new();
    let branches = |m: &ProcedureModel| -> Vec<String> {
        m.office
            .branches
            .iter()
            .map(|b| {
                let procedures: Vec<&str> =
                    b.procedures.iter().map(|k| m.procedure_title(*k)).collect();
                format!("{}（{}）: {}", b.name, b.place, procedures.join("・"))
            })
            .collect()
    };
    let (was, now) = (branches(old), branches(new));
    for added in now.iter().filter(|b| !was.contains(b)) {
        lines.push(format!("受付場所を加えました: {added}"));
    }
    for removed in was.iter().filter(|b| !now.contains(b)) {
        lines.push(format!("受付場所をなくしました: {removed}"));
    }
    lines
}
