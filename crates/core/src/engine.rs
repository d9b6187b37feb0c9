//! The rules engine: `evaluate(&model, &case)` decides everything about one visit, one
//! outcome per asked procedure. Pure: the visit date comes in the case, nothing is read from
//! a clock or a file.

use crate::case::Case;
use crate::dates::{age_on, nth_birthday_after, renewal_window_start};
use crate::model::{
    BlockerId, CERT_REVOKED, Condition, DocumentId, ProcedureKind, ProcedureModel, Route, Visit,
    WarningId,
};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

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
    /// The route whose own label for the document is used, if one is.
    #[serde(skip)]
    pub label_of_route: Option<String>,
    /// Examples for this document on the route that asked first (route-specific ones win).
    pub examples: Vec<String>,
    /// How the document must be (from the model's document entry).
    pub note: Option<String>,
    pub reasons: Vec<Reason>,
}

impl Requirement {
    /// The key a language file translates the label under.
    pub fn label_key(&self) -> crate::model::TextKey<'_> {
        match &self.label_of_route {
            Some(route) => crate::model::TextKey::NeedLabel {
                route,
                document: &self.document,
            },
            None => crate::model::TextKey::DocumentLabel(&self.document),
        }
    }
}

/// A document the route would ask for, but an exemption applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExemptedDocument {
    pub document: DocumentId,
    pub visit: VisitNumber,
    pub exemption: String,
    pub reason: String,
}

fn snake_case<S: Serializer>(procedure: &ProcedureKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(procedure.snake_name())
}

/// What one asked procedure comes to: its route, documents, blockers and warnings. A blocker
/// on one procedure does not refuse the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    #[serde(serialize_with = "snake_case")]
    pub procedure: ProcedureKind,
    pub same_day: bool,
    pub documents: Vec<DocumentId>,
    pub next_visit_documents: Vec<DocumentId>,
    pub blockers: Vec<BlockerId>,
    pub warnings: Vec<WarningId>,
    /// The id of the route that applies.
    pub route: String,
    /// The documents it asks for, by visit (their words are in [`Evaluation::requirements`]).
    #[serde(skip)]
    pub needs: Vec<(VisitNumber, DocumentId)>,
    /// The documents an exemption spared it.
    #[serde(skip)]
    pub exempted: Vec<(VisitNumber, DocumentId)>,
    /// Facts its route or its blockers read that nobody has given yet: until they are, the
    /// procedure is not decided (never 受付可).
    #[serde(skip)]
    pub undecided: Vec<UnknownFact>,
    /// Documents whose need (or exemption) read a fact nobody has given yet, with those facts:
    /// asked for or not, staff must settle them first.
    #[serde(skip)]
    pub to_confirm: Vec<(VisitNumber, DocumentId, Vec<UnknownFact>)>,
}

impl Outcome {
    /// Nothing blocks this procedure today (documents aside).
    pub fn goes_ahead(&self) -> bool {
        self.blockers.is_empty()
    }

    /// It asks for this document at this visit.
    pub fn asks_for(&self, visit: VisitNumber, document: &DocumentId) -> bool {
        self.needs.iter().any(|(v, d)| *v == visit && d == document)
    }
}

/// Everything decided for one visit. The first eight fields and `outcomes` are the shared
/// contract; the top-level lists are the union over the outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub same_day: bool,
    pub documents: Vec<DocumentId>,
    pub next_visit_documents: Vec<DocumentId>,
    pub signature_cert: bool,
    pub renewal_window_start: Option<NaiveDate>,
    pub blockers: Vec<BlockerId>,
    pub warnings: Vec<WarningId>,
    /// The expiry a certificate issued on the visit date gets (CertIssue only).
    pub new_cert_expiry: Option<NaiveDate>,
    pub outcomes: Vec<Outcome>,
    /// The holder's age on the visit date.
    pub holder_age: Option<u32>,
    /// Dates the decisions needed but the case does not give (staff should ask for them).
    pub unknown_dates: Vec<UnknownDate>,
    /// Ids of the routes that apply, one per procedure.
    pub routes: Vec<String>,
    /// Every document of both visits, over all procedures, with why it is needed.
    pub requirements: Vec<Requirement>,
    pub exempted: Vec<ExemptedDocument>,
}

impl Evaluation {
    /// The requirements of one visit (all procedures).
    pub fn requirements_for(&self, visit: VisitNumber) -> impl Iterator<Item = &Requirement> {
        self.requirements.iter().filter(move |r| r.visit == visit)
    }

    /// Nothing blocks any asked procedure.
    pub fn is_unblocked(&self) -> bool {
        self.blockers.is_empty()
    }

    /// The outcome of one procedure, if it was asked for.
    pub fn outcome(&self, procedure: ProcedureKind) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.procedure == procedure)
    }

    /// The outcomes that can go ahead today.
    pub fn going_ahead(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.goes_ahead())
    }

    /// The requirements of one outcome at one visit.
    pub fn requirements_of<'e>(
        &'e self,
        outcome: &'e Outcome,
        visit: VisitNumber,
    ) -> impl Iterator<Item = &'e Requirement> {
        self.requirements_for(visit)
            .filter(move |r| outcome.asks_for(visit, &r.document))
    }
}

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
    model: &'a ProcedureModel,
    case: &'a Case,
    holder_age: Option<u32>,
    window_start: Option<NaiveDate>,
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
            renewal_window_start(expiry, model.certificate.renewal_window_months)
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
    fn decided(&self, condition: &Condition) -> Option<bool> {
        let case = self.case;
        let today = case.today();
        match condition {
            Condition::Answer(id) if self.is_open(id) => None,
            Condition::CertExpired => case.cert_expiry().map(|e| e < today),
            Condition::CardExpired => case.card_expiry().map(|e| e < today),
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
            Condition::CardExpiresWithCert if case.card_expiry().is_none() => None,
            Condition::Not(inner) => self.decided(inner).map(|v| !v),
            Condition::AnyOf(all) => kleene(all.iter().map(|c| self.decided(c)), true),
            Condition::AllOf(all) => kleene(all.iter().map(|c| self.decided(c)), false),
            other => Some(self.holds(other)),
        }
    }

    /// The facts nobody gave that leave `condition` undecided (none when it is decided).
    fn open_facts(&self, condition: &Condition) -> Vec<UnknownFact> {
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

    fn card_expired(&self) -> bool {
        self.reads(UnknownDate::CardExpiry);
        self.case
            .card_expiry()
            .is_some_and(|card| card < self.case.today())
    }

    fn cert_valid(&self) -> bool {
        !self.answer(CERT_REVOKED) && !self.cert_expired() && !self.card_expired()
    }

    /// Renewing a valid certificate inside its window (the window has opened).
    fn renewal_in_window(&self) -> bool {
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
                self.reads(UnknownDate::CertExpiry);
                self.reads(UnknownDate::CardExpiry);
                case.card_expiry().is_some() && case.card_expiry() == case.cert_expiry()
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
            Condition::Not(inner) => !self.holds(inner),
            Condition::AnyOf(all) => all.iter().any(|c| self.holds(c)),
            Condition::AllOf(all) => all.iter().all(|c| self.holds(c)),
        }
    }

    /// The route that applies to `procedure`: the first whose `when` holds.
    fn route_for(&self, procedure: ProcedureKind) -> Option<&'a Route> {
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

/// Decides one visit.
pub fn evaluate(model: &ProcedureModel, case: &Case) -> Evaluation {
    let facts = Facts::new(model, case);
    let mut outcomes = Vec::new();
    let mut all_requirements = Vec::new();
    let mut all_exempted = Vec::new();
    for procedure in &case.procedures {
        if let Some((outcome, requirements, exempted)) = outcome_of(&facts, *procedure) {
            outcomes.push(outcome);
            all_requirements.extend(requirements);
            all_exempted.extend(exempted);
        }
    }
    let (requirements, exempted) = merged_documents(
        model,
        all_requirements.into_iter(),
        all_exempted.into_iter(),
    );
    let ids_of = |visit: VisitNumber| -> Vec<DocumentId> {
        requirements
            .iter()
            .filter(|r| r.visit == visit)
            .map(|r| r.document.clone())
            .collect()
    };
    let mut blockers: Vec<BlockerId> = outcomes.iter().flat_map(|o| o.blockers.clone()).collect();
    blockers.sort();
    blockers.dedup();
    let mut warnings: Vec<WarningId> = outcomes.iter().flat_map(|o| o.warnings.clone()).collect();
    warnings.sort();
    warnings.dedup();

    Evaluation {
        same_day: outcomes.iter().all(|o| o.same_day),
        documents: ids_of(VisitNumber::First),
        next_visit_documents: ids_of(VisitNumber::Second),
        signature_cert: signature_cert(model, case, facts.holder_age),
        renewal_window_start: facts.window_start,
        blockers,
        warnings,
        new_cert_expiry: case
            .requests(ProcedureKind::CertIssue)
            .then(|| new_certificate_expiry(model, &facts))
            .flatten(),
        holder_age: facts.holder_age,
        unknown_dates: facts.unknown_dates(),
        routes: outcomes.iter().map(|o| o.route.clone()).collect(),
        outcomes,
        requirements,
        exempted,
    }
}

/// What a route asks for at its visits: the documents, the exemptions, and the documents
/// whose decision read a fact nobody has given.
#[derive(Default)]
struct Asked {
    requirements: Vec<Requirement>,
    exempted: Vec<ExemptedDocument>,
    to_confirm: Vec<(VisitNumber, DocumentId, Vec<UnknownFact>)>,
}

/// The outcome of one procedure (its route, documents, blockers, warnings), with the
/// requirements and exemptions its route gives.
fn outcome_of(
    facts: &Facts,
    procedure: ProcedureKind,
) -> Option<(Outcome, Vec<Requirement>, Vec<ExemptedDocument>)> {
    let model = facts.model;
    let route = facts.route_for(procedure)?;
    // The choice waits on any fact that leaves open a route tried before it, or its own.
    let mut undecided: Vec<UnknownFact> = model
        .routes
        .iter()
        .filter(|r| r.procedure == procedure && r.applicant == facts.case.applicant)
        .take_while(|r| r.id != route.id)
        .chain(std::iter::once(route))
        .filter_map(|r| r.when.as_ref())
        .flat_map(|when| facts.open_facts(when))
        .collect();
    let mut asked = Asked::default();
    for (number, visit) in [
        (VisitNumber::First, Some(route.flow.first_visit())),
        (VisitNumber::Second, route.flow.second_visit()),
    ] {
        if let Some(visit) = visit {
            collect_visit(facts, route, number, visit, &mut asked);
        }
    }
    let needs = needs_of(model, &asked.requirements);
    let ids_of = |visit: VisitNumber| -> Vec<DocumentId> {
        needs
            .iter()
            .filter(|(v, _)| *v == visit)
            .map(|(_, d)| d.clone())
            .collect()
    };
    let stopping = model
        .blockers
        .iter()
        .filter(|b| b.procedures.contains(&procedure));
    let blockers: Vec<BlockerId> = stopping
        .clone()
        .filter(|b| facts.holds(&b.when))
        .map(|b| b.id)
        .collect();
    undecided.extend(stopping.flat_map(|b| facts.open_facts(&b.when)));
    undecided.sort();
    undecided.dedup();
    let outcome = Outcome {
        procedure,
        same_day: route.flow.is_same_day(),
        documents: ids_of(VisitNumber::First),
        next_visit_documents: ids_of(VisitNumber::Second),
        blockers,
        warnings: model
            .warnings
            .iter()
            .filter(|w| w.procedures.contains(&procedure) && facts.holds(&w.when))
            .map(|w| w.id)
            .collect(),
        route: route.id.clone(),
        exempted: asked
            .exempted
            .iter()
            .map(|e: &ExemptedDocument| (e.visit, e.document.clone()))
            .filter(|(visit, id)| !needs.iter().any(|(v, d)| v == visit && d == id))
            .collect(),
        needs,
        undecided,
        to_confirm: asked.to_confirm,
    };
    Some((outcome, asked.requirements, asked.exempted))
}

/// The documents of requirements by visit, in the model's document order, each once.
fn needs_of(
    model: &ProcedureModel,
    requirements: &[Requirement],
) -> Vec<(VisitNumber, DocumentId)> {
    let mut needs: Vec<(VisitNumber, DocumentId)> = requirements
        .iter()
        .map(|r| (r.visit, r.document.clone()))
        .collect();
    let order = |id: &DocumentId| model.documents.iter().position(|d| &d.id == id);
    needs.sort_by_key(|(visit, id)| (*visit, order(id)));
    needs.dedup();
    needs
}

/// One list per visit, in the model's document order: a document asked twice is listed once
/// with both reasons; an exemption does not hide a document another rule still asks for.
fn merged_documents(
    model: &ProcedureModel,
    requirements: impl Iterator<Item = Requirement>,
    exempted: impl Iterator<Item = ExemptedDocument>,
) -> (Vec<Requirement>, Vec<ExemptedDocument>) {
    let mut merged: Vec<Requirement> = Vec::new();
    for requirement in requirements {
        match merged
            .iter_mut()
            .find(|r| r.document == requirement.document && r.visit == requirement.visit)
        {
            Some(existing) => {
                for reason in requirement.reasons {
                    if !existing.reasons.contains(&reason) {
                        existing.reasons.push(reason);
                    }
                }
                // Each route's examples are acceptable: list them all.
                for example in requirement.examples {
                    if !existing.examples.contains(&example) {
                        existing.examples.push(example);
                    }
                }
            }
            None => merged.push(requirement),
        }
    }
    let mut exempted: Vec<ExemptedDocument> = exempted
        .filter(|e| {
            !merged
                .iter()
                .any(|r| r.document == e.document && r.visit == e.visit)
        })
        .collect();
    exempted.dedup_by(|a, b| a.document == b.document && a.visit == b.visit);
    let order = |id: &DocumentId| model.documents.iter().position(|d| &d.id == id);
    merged.sort_by_key(|r| (r.visit, order(&r.document)));
    exempted.sort_by_key(|e| (e.visit, order(&e.document)));
    exempted.dedup_by(|a, b| a.document == b.document && a.visit == b.visit);
    (merged, exempted)
}

fn collect_visit(
    facts: &Facts,
    route: &Route,
    number: VisitNumber,
    visit: &Visit,
    asked: &mut Asked,
) {
    let model = facts.model;
    for need in &visit.documents {
        let wanted = need.when.as_ref().is_none_or(|c| facts.holds(c));
        let exemptions: Vec<_> = need
            .exempt_if
            .iter()
            .filter_map(|id| model.exemption(id))
            .collect();
        let exemption = exemptions.iter().find(|e| wanted && facts.holds(&e.when));
        let mut read: Vec<UnknownFact> = need
            .when
            .as_ref()
            .map(|c| facts.open_facts(c))
            .unwrap_or_default();
        // Spared by any exemption: one that surely holds settles it, whatever the others say.
        let surely_spared = exemptions
            .iter()
            .any(|e| facts.decided(&e.when) == Some(true));
        if wanted && !surely_spared {
            read.extend(exemptions.iter().flat_map(|e| facts.open_facts(&e.when)));
        }
        read.sort();
        read.dedup();
        if !read.is_empty() {
            asked.to_confirm.push((number, need.document.clone(), read));
        }
        if !wanted {
            continue;
        }
        if let Some(exemption) = exemption {
            asked.exempted.push(ExemptedDocument {
                document: need.document.clone(),
                visit: number,
                exemption: exemption.id.clone(),
                reason: exemption.reason.clone(),
            });
            continue;
        }
        asked
            .requirements
            .push(requirement(model, route, number, need));
    }
}

/// A document a route's need asks for, in the words people read.
fn requirement(
    model: &ProcedureModel,
    route: &Route,
    number: VisitNumber,
    need: &crate::model::Need,
) -> Requirement {
    let document = model.document(&need.document);
    let (label, label_of_route) = match &need.label {
        Some(label) => (label.clone(), Some(route.id.clone())),
        None => (model.document_label(&need.document).to_string(), None),
    };
    Requirement {
        document: need.document.clone(),
        visit: number,
        label,
        label_of_route,
        examples: need
            .examples
            .clone()
            .unwrap_or_else(|| document.map(|d| d.examples.clone()).unwrap_or_default()),
        note: document.and_then(|d| d.note.clone()),
        reasons: vec![Reason {
            route: route.id.clone(),
            source: need.source.text().to_string(),
        }],
    }
}

/// Whether a 署名用電子証明書 can be issued to this holder: decided by the holder, not by who
/// applies. Under the minimum age, or an adult ward (a holder the model's
/// `signature_cert_not_for` applicant kinds act for), no. An unknown age is presumed to lie in
/// the applicant kind's own `holder_age` range (a parent of a minor: under 15).
fn signature_cert(model: &ProcedureModel, case: &Case, holder_age: Option<u32>) -> bool {
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
fn new_certificate_expiry(model: &ProcedureModel, facts: &Facts) -> Option<NaiveDate> {
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
