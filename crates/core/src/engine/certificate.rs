//! The dates of a certificate issued today: whether a 署名用電子証明書 can be issued at all,
//! and until when the new certificate is valid.

use super::Facts;
use crate::case::Case;
use crate::dates::nth_birthday_after;
use crate::model::ProcedureModel;
use chrono::NaiveDate;

/// Whether a 署名用電子証明書 can be issued to this holder: decided by the holder, not by who
/// applies. Under the minimum age, or an adult ward (a holder the model's
/// `signature_cert_not_for` applicant kinds act for), no. An unknown age is presumed to lie in
/// the applicant kind's own `holder_age` range (a parent of a minor: under 15).
pub(super) fn signature_cert(model: &ProcedureModel, case: &Case, holder_age: Option<u32>) -> bool {
    let rules = &model.certificate;
    if rules.signature_cert_not_for.contains(&case.applicant) {
        return false;
    }
    match holder_age {
        Some(age) => age >= rules.signature_cert_min_age,
        None => model.applicant(case.applicant).is_none_or(|a| {
            a.holder_age
                .below
                .is_none_or(|below| below > rules.signature_cert_min_age)
        }),
    }
}

/// The expiry of a certificate issued on the visit date. Renewing a valid certificate inside
/// its window: the model's birthday after the old expiry. Every other issuance (new, after
/// expiry or revocation, before the window): the model's birthday after the visit date.
/// Never past the card's own expiry; none on an expired card.
pub(super) fn new_certificate_expiry(model: &ProcedureModel, facts: &Facts) -> Option<NaiveDate> {
    let rules = &model.certificate;
    let case = facts.case;
    if facts.card_expired() {
        // No certificate can be issued on an expired card.
        return None;
    }
    let birth = case.birth_date()?;
    let by_birthday = match case.cert_expiry() {
        Some(old_expiry) if facts.renewal_in_window() => nth_birthday_after(
            birth,
            old_expiry,
            rules.renewal_valid_until_birthday_after_old_expiry,
        )?,
        _ => nth_birthday_after(birth, case.today(), rules.valid_until_birthday)?,
    };
    Some(match case.card_expiry() {
        Some(card) => by_birthday.min(card),
        None => by_birthday,
    })
}
