//! What the engine knows of the visit, and how it decides a condition: the answers, the dates
//! and the holder's age, with the facts a decision read while nobody had given them.

use crate::case::Case;
use crate::dates::{age_on, renewal_window_start};
use crate::model::{CERT_REVOKED, Condition, ProcedureKind, ProcedureModel, Route};
use chrono::NaiveDate;
use serde::Serialize;

/// A date of the case that a rule read while it was unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownDate {
    CertExpiry,
    CardExpiry,
}

/// A fact a decision read while nobody had given it: a date not typed, a question the
/// counter asked and nobody answered.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownFact {
    Date(UnknownDate),
    /// The id of a question.
    Answer(String),
}

/// What the engine knows of the visit, to decide conditions.
pub struct Facts<'a> {
    pub(super) model: &'a ProcedureModel,
    pub(super) case: &'a Case,
    pub(super) holder_age: Option<u32>,
    pub(super) window_start: Option<NaiveDate>,
    /// Facts decisions read while they were unknown, in the order read (so staff can be told
    /// to give them, and each decision knows which it read).
    unknown_read: std::cell::RefCell<Vec<UnknownFact>>,
}

impl<'a> Facts<'a> {
    pub fn new(model: &'a ProcedureModel, case: &'a Case) -> Facts<'a> {
        let holder_age = case
            .birth_date()
            .and_then(|birth| age_on(birth, case.today()));
        let window_start = case.cert_expiry().and_then(|expiry| {
            renewal_window_start(
                expiry,
                model.certificate.renewal_window_months,
                model.certificate.renewal_window_from_next_day,
            )
        });
        Facts {
            model,
            case,
            holder_age,
            window_start,
            unknown_read: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Notes that a decision read `date`, if it is unknown.
    fn reads(&self, date: UnknownDate) {
        let known = match date {
            UnknownDate::CertExpiry => self.case.cert_expiry().is_some(),
            UnknownDate::CardExpiry => self.case.card_expiry().is_some(),
        };
        if !known {
            self.unknown_read.borrow_mut().push(UnknownFact::Date(date));
        }
    }

    /// The unknown dates decisions have read so far.
    pub fn unknown_dates(&self) -> Vec<UnknownDate> {
        let mut dates: Vec<UnknownDate> = self
            .unknown_read
            .borrow()
            .iter()
            .filter_map(|fact| match fact {
                UnknownFact::Date(date) => Some(*date),
                UnknownFact::Answer(_) => None,
            })
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// Whether the facts given decide `condition`, with Kleene's three values: an unknown fact
    /// leaves it open unless the rest decides it (`AnyOf` with a branch that holds, `AllOf` with
    /// one that does not).
    pub(super) fn decided(&self, condition: &Condition) -> Option<bool> {
        let case = self.case;
        let today = case.today();
        match condition {
            Condition::Answer(id) if self.is_open(id) => None,
            Condition::CertExpired => case.cert_expiry().map(|e| e < today),
            Condition::CardExpired => self.card_expired_decided(),
            Condition::CertValid => {
                let valid = Condition::AllOf(vec![
                    Condition::Not(Box::new(Condition::Answer(CERT_REVOKED.into()))),
                    Condition::Not(Box::new(Condition::CertExpired)),
                    Condition::Not(Box::new(Condition::CardExpired)),
                ]);
                self.decided(&valid)
            }
            Condition::CardExpiresWithCert | Condition::BeforeRenewalWindow
                if case.cert_expiry().is_none() =>
            {
                None
            }
            Condition::CardExpiresWithCert => self.card_expires_with_cert_decided(),
            Condition::Not(inner) => self.decided(inner).map(|v| !v),
            Condition::AnyOf(all) => kleene(all.iter().map(|c| self.decided(c)), true),
            Condition::AllOf(all) => kleene(all.iter().map(|c| self.decided(c)), false),
            other => Some(self.holds(other)),
        }
    }

    /// The facts nobody gave that leave `condition` undecided (none when it is decided).
    pub(super) fn open_facts(&self, condition: &Condition) -> Vec<UnknownFact> {
        if self.decided(condition).is_some() {
            return Vec::new();
        }
        let case = self.case;
        let mut facts = match condition {
            Condition::Answer(id) => vec![UnknownFact::Answer(id.clone())],
            Condition::Not(inner) => self.open_facts(inner),
            Condition::AnyOf(all) | Condition::AllOf(all) => {
                all.iter().flat_map(|c| self.open_facts(c)).collect()
            }
            Condition::CertValid => [
                Condition::Answer(CERT_REVOKED.into()),
                Condition::CertExpired,
                Condition::CardExpired,
            ]
            .iter()
            .flat_map(|c| self.open_facts(c))
            .collect(),
            _ => {
                let mut dates = Vec::new();
                if case.cert_expiry().is_none() && !matches!(condition, Condition::CardExpired) {
                    dates.push(UnknownFact::Date(UnknownDate::CertExpiry));
                }
                if case.card_expiry().is_none()
                    && matches!(
                        condition,
                        Condition::CardExpired | Condition::CardExpiresWithCert
                    )
                {
                    dates.push(UnknownFact::Date(UnknownDate::CardExpiry));
                }
                dates
            }
        };
        facts.sort();
        facts.dedup();
        facts
    }

    /// An answer the counter asked for and nobody gave.
    fn is_open(&self, id: &str) -> bool {
        self.case.answers.given(id).is_none() && self.case.open_questions.iter().any(|q| q == id)
    }

    fn answer(&self, id: &str) -> bool {
        self.case.answers.get(self.model, id)
    }

    fn cert_expired(&self) -> bool {
        self.reads(UnknownDate::CertExpiry);
        self.case
            .cert_expiry()
            .is_some_and(|expiry| expiry < self.case.today())
    }

    pub(super) fn card_expired(&self) -> bool {
        let decided = self.card_expired_decided();
        if decided.is_none() {
            self.reads(UnknownDate::CardExpiry);
        }
        decided.unwrap_or(false)
    }

    /// Whether the card has expired: by its date, or, when staff saw on its face that it
    /// outlives a certificate that has not expired, no.
    fn card_expired_decided(&self) -> Option<bool> {
        let case = self.case;
        let today = case.today();
        match case.card_expiry() {
            Some(card) => Some(card < today),
            None => (case.card_outlives_cert
                && case.cert_expiry().is_some_and(|cert| cert >= today))
            .then_some(false),
        }
    }

    /// Whether the card and the certificate expire on the same day: by both dates, or no when
    /// staff saw on the card's face that the card outlives the certificate.
    fn card_expires_with_cert_decided(&self) -> Option<bool> {
        let case = self.case;
        let cert = case.cert_expiry()?;
        match case.card_expiry() {
            Some(card) => Some(card == cert),
            None => case.card_outlives_cert.then_some(false),
        }
    }

    fn cert_valid(&self) -> bool {
        !self.answer(CERT_REVOKED) && !self.cert_expired() && !self.card_expired()
    }

    /// Renewing a valid certificate inside its window (the window has opened).
    pub(super) fn renewal_in_window(&self) -> bool {
        self.cert_valid() && self.window_start.is_some_and(|s| self.case.today() >= s)
    }

    pub fn holds(&self, condition: &Condition) -> bool {
        let case = self.case;
        let today = case.today();
        match condition {
            Condition::Answer(id) => self.answer(id),
            Condition::CertValid => self.cert_valid(),
            Condition::CertExpired => self.cert_expired(),
            Condition::CardExpired => self.card_expired(),
            Condition::CardExpiresWithCert => {
                let decided = self.card_expires_with_cert_decided();
                if decided.is_none() {
                    self.reads(UnknownDate::CertExpiry);
                    self.reads(UnknownDate::CardExpiry);
                }
                decided.unwrap_or(false)
            }
            Condition::BeforeRenewalWindow => {
                self.reads(UnknownDate::CertExpiry);
                self.window_start.is_some_and(|s| today < s)
            }
            Condition::HolderAgeFitsApplicant => self.holder_age.is_none_or(|age| {
                self.model
                    .applicant(case.applicant)
                    .is_none_or(|a| a.holder_age.contains(age))
            }),
            Condition::Requested(procedure) => case.requests(*procedure),
            Condition::Applicant(kind) => case.applicant == *kind,
            Condition::Not(inner) => !self.holds(inner),
            Condition::AnyOf(all) => all.iter().any(|c| self.holds(c)),
            Condition::AllOf(all) => all.iter().all(|c| self.holds(c)),
        }
    }

    /// The route that applies to `procedure`: the first whose `when` holds.
    pub(super) fn route_for(&self, procedure: ProcedureKind) -> Option<&'a Route> {
        self.model.routes.iter().find(|route| {
            route.procedure == procedure
                && route.applicant == self.case.applicant
                && route.when.as_ref().is_none_or(|c| self.holds(c))
        })
    }
}

/// Three-valued `any` (`decisive` true) or `all` (`decisive` false): one decisive value decides,
/// else an unknown leaves it open.
fn kleene(values: impl Iterator<Item = Option<bool>>, decisive: bool) -> Option<bool> {
    let mut open = false;
    for value in values {
        match value {
            Some(v) if v == decisive => return Some(decisive),
            None => open = true,
            Some(_) => {}
        }
    }
    (!open).then_some(!decisive)
}
