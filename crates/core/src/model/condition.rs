//! The facts a rule can depend on, as the model writes them.

use super::{ApplicantKind, ProcedureKind};
use serde::{Deserialize, Serialize};

/// A fact about the visit that a rule can depend on: an answer to a question of the model,
/// a fact the engine computes from the dates, or a combination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// The answer to a yes/no question declared in `questions` (its default when unanswered).
    Answer(String),
    /// The certificate is neither revoked (the answer `cert_revoked`) nor past its expiry on
    /// the visit date, and the card it sits on has not expired (a certificate does not
    /// outlive its card).
    CertValid,
    /// The certificate's expiry is known and lies before the visit date.
    CertExpired,
    /// The card's expiry is known and lies before the visit date.
    CardExpired,
    /// The certificate and the card expire on the same day (both known).
    CardExpiresWithCert,
    /// The visit date lies before the renewal window of the certificate (expiry known).
    BeforeRenewalWindow,
    /// The holder's age on the visit date fits the applicant kind (true when unknown).
    HolderAgeFitsApplicant,
    /// This procedure is asked for at the same visit.
    Requested(ProcedureKind),
    /// This kind of applicant is at the counter (a refusal for proxies only, say).
    Applicant(ApplicantKind),
    Not(Box<Condition>),
    AnyOf(Vec<Condition>),
    AllOf(Vec<Condition>),
}

impl Condition {
    /// The ids of the questions whose answers this condition reads.
    pub fn answers_read(&self, into: &mut Vec<String>) {
        let mut push = |id: &str| {
            if !into.iter().any(|known| known == id) {
                into.push(id.to_string());
            }
        };
        match self {
            Condition::Answer(id) => push(id),
            Condition::CertValid => push(CERT_REVOKED),
            Condition::Not(inner) => inner.answers_read(into),
            Condition::AnyOf(all) | Condition::AllOf(all) => {
                all.iter().for_each(|c| c.answers_read(into));
            }
            Condition::CertExpired
            | Condition::CardExpired
            | Condition::CardExpiresWithCert
            | Condition::BeforeRenewalWindow
            | Condition::HolderAgeFitsApplicant
            | Condition::Requested(_)
            | Condition::Applicant(_) => {}
        }
    }
}

impl Condition {
    /// Whether it can hold with this applicant at the counter: false only when it needs
    /// another kind of applicant (`AllOf([Applicant(Proxy), …])` for 本人).
    pub fn may_hold_for(&self, applicant: ApplicantKind) -> bool {
        match self {
            Condition::Applicant(kind) => *kind == applicant,
            Condition::AllOf(all) => all.iter().all(|c| c.may_hold_for(applicant)),
            Condition::AnyOf(any) => any.iter().any(|c| c.may_hold_for(applicant)),
            _ => true,
        }
    }
}

/// The answer the case format names `cert_revoked` (revoked by a name or address change);
/// [`Condition::CertValid`] reads it.
pub const CERT_REVOKED: &str = "cert_revoked";
