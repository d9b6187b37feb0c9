//! The rules engine: `evaluate(&model, &case)` decides everything about one visit. Pure: the
//! visit date comes in the case, nothing is read from a clock or a file.

use crate::case::Case;
use crate::dates::{age_on, nth_birthday_after, renewal_window_start};
use crate::model::{
    BlockerId, Condition, DocumentId, ProcedureKind, ProcedureModel, Route, Visit, WarningId,
};
use chrono::NaiveDate;
use serde::Serialize;

/// Which visit a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitNumber {
    /// This visit (the only one when same day).
    First,
    /// The second visit of the three-step route.
    Second,
}

/// Why a document is asked for: the route and the passage of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub route: String,
    pub source: String,
}

/// A document to present, with every rule that asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub document: DocumentId,
    pub visit: VisitNumber,
    /// The label people read (route-specific one first).
    pub label: String,
    /// Examples for this document on the route that asked first (route-specific ones win).
    pub examples: Vec<String>,
    /// How the document must be (from the model's document entry).
    pub note: Option<String>,
    pub reasons: Vec<Reason>,
}

/// A document the route would ask for, but an exemption applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExemptedDocument {
    pub document: DocumentId,
    pub visit: VisitNumber,
    pub exemption: String,
    pub reason: String,
}

/// Everything decided for one visit. The first seven fields are the shared contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub same_day: bool,
    pub documents: Vec<DocumentId>,
    pub next_visit_documents: Vec<DocumentId>,
    pub signature_cert: bool,
    pub renewal_window_start: Option<NaiveDate>,
    pub blockers: Vec<BlockerId>,
    pub warnings: Vec<WarningId>,
    /// The holder's age on the visit date.
    pub holder_age: Option<u32>,
    /// The expiry a certificate issued on the visit date would get (CertIssue only).
    pub new_cert_expiry: Option<NaiveDate>,
    /// Ids of the routes that apply, one per procedure.
    pub routes: Vec<String>,
    /// Every document of both visits with why it is needed.
    pub requirements: Vec<Requirement>,
    pub exempted: Vec<ExemptedDocument>,
}

impl Evaluation {
    /// The requirements of one visit.
    pub fn requirements_for(&self, visit: VisitNumber) -> impl Iterator<Item = &Requirement> {
        self.requirements.iter().filter(move |r| r.visit == visit)
    }

    /// The procedure can go ahead today (documents aside).
    pub fn is_unblocked(&self) -> bool {
        self.blockers.is_empty()
    }
}

struct Facts<'a> {
    case: &'a Case,
    cert_valid: bool,
}

impl Facts<'_> {
    fn holds(&self, condition: &Condition) -> bool {
        let case = self.case;
        match condition {
            Condition::HasInquiryForm => case.has_inquiry_form,
            Condition::PinsKnown => case.pins_known,
            Condition::PinLocked => case.pin_locked,
            Condition::CertValid => self.cert_valid,
            Condition::DomicileInCity => case.domicile_in_city,
            Condition::SameHouseholdParent => case.same_household_parent,
            Condition::Requested(procedure) => case.requests(*procedure),
            Condition::Not(inner) => !self.holds(inner),
            Condition::AnyOf(all) => all.iter().any(|c| self.holds(c)),
            Condition::AllOf(all) => all.iter().all(|c| self.holds(c)),
        }
    }
}

/// The route that applies to `procedure` for this case: the first whose `when` holds.
fn route_for<'m>(
    model: &'m ProcedureModel,
    facts: &Facts,
    procedure: ProcedureKind,
) -> Option<&'m Route> {
    model.routes.iter().find(|route| {
        route.procedure == procedure
            && route.applicant == facts.case.applicant
            && route.when.as_ref().is_none_or(|c| facts.holds(c))
    })
}

/// Decides one visit.
pub fn evaluate(model: &ProcedureModel, case: &Case) -> Evaluation {
    let today = case.today();
    let cert_rules = &model.certificate;
    let cert_valid = !case.cert_revoked && case.cert_expiry().is_none_or(|expiry| today <= expiry);
    let facts = Facts { case, cert_valid };

    let routes: Vec<&Route> = case
        .procedures
        .iter()
        .filter_map(|procedure| route_for(model, &facts, *procedure))
        .collect();
    let same_day = routes.iter().all(|r| r.flow.is_same_day());

    let mut requirements: Vec<Requirement> = Vec::new();
    let mut exempted: Vec<ExemptedDocument> = Vec::new();
    for route in &routes {
        let visits = [
            (VisitNumber::First, Some(route.flow.first_visit())),
            (VisitNumber::Second, route.flow.second_visit()),
        ];
        for (number, visit) in visits {
            if let Some(visit) = visit {
                collect_visit(
                    model,
                    &facts,
                    route,
                    number,
                    visit,
                    &mut requirements,
                    &mut exempted,
                );
            }
        }
    }
    exempted.retain(|e| {
        !requirements
            .iter()
            .any(|r| r.document == e.document && r.visit == e.visit)
    });
    let order = |id: &DocumentId| model.documents.iter().position(|d| &d.id == id);
    requirements.sort_by_key(|r| (r.visit, order(&r.document)));
    exempted.sort_by_key(|e| (e.visit, order(&e.document)));
    let ids_of = |visit: VisitNumber| -> Vec<DocumentId> {
        requirements
            .iter()
            .filter(|r| r.visit == visit)
            .map(|r| r.document.clone())
            .collect()
    };
    let documents = ids_of(VisitNumber::First);
    let next_visit_documents = ids_of(VisitNumber::Second);

    let holder_age = case.birth_date().and_then(|birth| age_on(birth, today));
    let signature_cert = !cert_rules.signature_cert_not_for.contains(&case.applicant)
        && holder_age.is_none_or(|age| age >= cert_rules.signature_cert_min_age);
    let window_months = cert_rules.renewal_window_months;
    let window_start = case
        .cert_expiry()
        .and_then(|expiry| renewal_window_start(expiry, window_months));

    let issuing = case.requests(ProcedureKind::CertIssue);
    let mut blockers = Vec::new();
    if case.card_expiry().is_some_and(|card| card < today) {
        blockers.push(BlockerId::CardExpired);
    }
    if issuing && case.card_expiry().is_some() && case.card_expiry() == case.cert_expiry() {
        blockers.push(BlockerId::CardExpiresWithCert);
    }
    if issuing && cert_valid && window_start.is_some_and(|start| today < start) {
        blockers.push(BlockerId::BeforeRenewalWindow);
    }

    let mut warnings = Vec::new();
    let fits_age = |age: u32| {
        model
            .applicant(case.applicant)
            .is_none_or(|a| a.holder_age.contains(age))
    };
    if holder_age.is_some_and(|age| !fits_age(age)) {
        warnings.push(WarningId::ApplicantAgeMismatch);
    }

    let new_cert_expiry = if issuing {
        new_certificate_expiry(model, case)
    } else {
        None
    };

    Evaluation {
        same_day,
        documents,
        next_visit_documents,
        signature_cert,
        renewal_window_start: window_start,
        blockers,
        warnings,
        holder_age,
        new_cert_expiry,
        routes: routes.iter().map(|r| r.id.clone()).collect(),
        requirements,
        exempted,
    }
}

fn collect_visit(
    model: &ProcedureModel,
    facts: &Facts,
    route: &Route,
    number: VisitNumber,
    visit: &Visit,
    requirements: &mut Vec<Requirement>,
    exempted: &mut Vec<ExemptedDocument>,
) {
    for need in &visit.documents {
        if need.when.as_ref().is_some_and(|c| !facts.holds(c)) {
            continue;
        }
        let exemption = need
            .exempt_if
            .iter()
            .filter_map(|id| model.exemption(id))
            .find(|e| facts.holds(&e.when));
        if let Some(exemption) = exemption {
            exempted.push(ExemptedDocument {
                document: need.document.clone(),
                visit: number,
                exemption: exemption.id.clone(),
                reason: exemption.reason.clone(),
            });
            continue;
        }
        let reason = Reason {
            route: route.id.clone(),
            source: need.source.text().to_string(),
        };
        match requirements
            .iter_mut()
            .find(|r| r.document == need.document && r.visit == number)
        {
            Some(existing) => existing.reasons.push(reason),
            None => requirements.push(Requirement {
                document: need.document.clone(),
                visit: number,
                label: need
                    .label
                    .clone()
                    .unwrap_or_else(|| model.document_label(&need.document).to_string()),
                examples: need.examples.clone().unwrap_or_else(|| {
                    model
                        .document(&need.document)
                        .map(|d| d.examples.clone())
                        .unwrap_or_default()
                }),
                note: model.document(&need.document).and_then(|d| d.note.clone()),
                reasons: vec![reason],
            }),
        }
    }
}

/// The expiry of a certificate issued on the visit date: the 5th birthday after issue (the
/// 6th when issued within the renewal window before a birthday), never past the card's own.
pub fn new_certificate_expiry(model: &ProcedureModel, case: &Case) -> Option<NaiveDate> {
    let rules = &model.certificate;
    let issued = case.today();
    let birth = case.birth_date()?;
    let next_birthday = nth_birthday_after(birth, issued, 1)?;
    let in_window = renewal_window_start(next_birthday, rules.renewal_window_months)
        .is_some_and(|start| issued >= start);
    let count = if in_window {
        rules.valid_until_birthday_when_issued_in_window
    } else {
        rules.valid_until_birthday
    };
    let by_birthday = nth_birthday_after(birth, issued, count)?;
    Some(match case.card_expiry() {
        Some(card) => by_birthday.min(card),
        None => by_birthday,
    })
}
