//! The procedure model: every rule of the city's page as data (`assets/procedures.ron`),
//! loaded with serde + ron and then checked for what serde cannot see.

pub mod describe;

mod text_key;
mod validate;

pub use text_key::TextKey;

use crate::source_text::ron_error_message;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The model shipped inside the binary.
pub const EMBEDDED_MODEL: &str = include_str!("../../../../assets/procedures.ron");
/// The name under which the embedded model is reported in messages.
pub const EMBEDDED_MODEL_NAME: &str = "assets/procedures.ron（組み込み）";

/// 電子証明書の更新・新規発行 or 暗証番号再設定（ロック解除）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProcedureKind {
    CertIssue,
    PinReset,
}

impl ProcedureKind {
    pub const ALL: [ProcedureKind; 2] = [ProcedureKind::CertIssue, ProcedureKind::PinReset];

    /// `cert_issue`, `pin_reset`: the name the JSON and file names use.
    pub fn snake_name(self) -> &'static str {
        match self {
            ProcedureKind::CertIssue => "cert_issue",
            ProcedureKind::PinReset => "pin_reset",
        }
    }
}

/// Who stands at the counter for the card holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ApplicantKind {
    /// 本人
    Principal,
    /// 法定代理人（親権者） of a holder under 15
    LegalRepMinor,
    /// 法定代理人（成年後見人） of an adult ward
    LegalRepWard,
    /// 任意代理人
    Proxy,
}

impl ApplicantKind {
    pub const ALL: [ApplicantKind; 4] = [
        ApplicantKind::Principal,
        ApplicantKind::LegalRepMinor,
        ApplicantKind::LegalRepWard,
        ApplicantKind::Proxy,
    ];
}

/// The id of a document, as fixed by the shared case format (`card`, `agent_photo_id`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl DocumentId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What stops the procedure today (ids fixed by the shared case format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockerId {
    CardExpired,
    CardExpiresWithCert,
    BeforeRenewalWindow,
}

impl BlockerId {
    pub const ALL: [BlockerId; 3] = [
        BlockerId::CardExpired,
        BlockerId::CardExpiresWithCert,
        BlockerId::BeforeRenewalWindow,
    ];
}

/// What staff must look at (ids fixed by the shared case format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningId {
    ApplicantAgeMismatch,
}

impl WarningId {
    pub const ALL: [WarningId; 1] = [WarningId::ApplicantAgeMismatch];
}

/// Where an entry comes from: a passage of the city's page, word for word, or (rarely) a
/// rule from outside the page, said in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Page(String),
    Outside(String),
}

impl Source {
    pub fn text(&self) -> &str {
        match self {
            Source::Page(text) | Source::Outside(text) => text,
        }
    }
}

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
            | Condition::Requested(_) => {}
        }
    }
}

/// The answer the case format names `cert_revoked` (revoked by a name or address change);
/// [`Condition::CertValid`] reads it.
pub const CERT_REVOKED: &str = "cert_revoked";

/// The whole procedure model.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureModel {
    pub page: PageInfo,
    pub office: Office,
    pub procedures: Vec<ProcedureInfo>,
    pub applicants: Vec<ApplicantInfo>,
    pub questions: Vec<Question>,
    pub certificate: CertificateRules,
    pub documents: Vec<DocumentInfo>,
    pub exemptions: Vec<Exemption>,
    pub routes: Vec<Route>,
    pub blockers: Vec<BlockerInfo>,
    pub warnings: Vec<WarningInfo>,
    pub pins: Vec<PinKind>,
    pub pin_writing_rules: Vec<PinWritingRule>,
    pub convenience_store: Notice,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageInfo {
    pub title: String,
    pub updated: String,
    pub publisher: String,
    /// The model's own version, raised by the officer at each approved edit (it goes into
    /// the signature's trusted comment).
    #[serde(default)]
    pub model_version: String,
}

/// Where the counter is and whom to ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub counter_place: String,
    pub counter_place_source: Source,
    pub contact: Vec<String>,
    pub contact_source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureInfo {
    pub kind: ProcedureKind,
    pub title: String,
    pub short_title: String,
    pub description: String,
    pub source: Source,
}

/// Ages as whole years on the visit date; `below` is exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    #[serde(default)]
    pub at_least: Option<u32>,
    #[serde(default)]
    pub below: Option<u32>,
}

impl AgeRange {
    pub fn contains(&self, age: u32) -> bool {
        self.at_least.is_none_or(|min| age >= min) && self.below.is_none_or(|max| age < max)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantInfo {
    pub kind: ApplicantKind,
    pub label: String,
    pub short_label: String,
    /// The holder's age this applicant kind fits; outside it a warning is raised.
    pub holder_age: AgeRange,
    #[serde(default)]
    pub holder_age_source: Option<Source>,
    pub source: Source,
}

/// A yes/no question the counter answers about the visit. The form asks it only when a
/// route, blocker or warning of the chosen procedures reads it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The field name in a case file (`pins_known: false`).
    pub id: String,
    /// What the form shows beside the tick box.
    pub label: String,
    /// A longer explanation shown on hover.
    #[serde(default)]
    pub help: Option<String>,
    /// The answer until someone says otherwise (case files; the counter asks before it
    /// decides on a question that decides a document).
    pub default: bool,
    /// A document this question stands for: answering yes is having seen it at the counter,
    /// so staff confirm it once (the sealed 照会書兼回答書).
    #[serde(default)]
    pub confirms: Option<DocumentId>,
    pub source: Source,
}

/// Dates and limits of the electronic certificates.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRules {
    /// A certificate is valid until this birthday after the day it is issued ...
    pub valid_until_birthday: u32,
    pub validity_source: Source,
    /// ... except the renewal of a valid certificate inside its window, which runs to this
    /// birthday after the old certificate's expiry.
    pub renewal_valid_until_birthday_after_old_expiry: u32,
    pub renewal_validity_source: Source,
    pub renewal_window_months: u32,
    pub renewal_window_source: Source,
    /// No 署名用電子証明書 for a holder younger than this (an unknown age is presumed to be in
    /// the applicant kind's `holder_age`) ...
    pub signature_cert_min_age: u32,
    /// ... nor for a holder these applicant kinds act for (an adult ward).
    pub signature_cert_not_for: Vec<ApplicantKind>,
    pub signature_cert_source: Source,
    /// What staff and the citizen read when a 署名用電子証明書 can / cannot be issued.
    pub signature_cert_issued: String,
    pub signature_cert_refused: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    pub id: DocumentId,
    pub label: String,
    /// Acceptable examples (運転免許証, 旅券, ...).
    #[serde(default)]
    pub examples: Vec<String>,
    /// How the document must be (sealed, signed, ...).
    #[serde(default)]
    pub note: Option<String>,
}

/// A reason a document is not needed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    pub id: String,
    pub when: Condition,
    pub reason: String,
    pub source: Source,
}

/// One document a visit asks for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub document: DocumentId,
    /// A label that replaces the document's own on this route.
    #[serde(default)]
    pub label: Option<String>,
    /// Asked for only when this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Not needed when any of these exemptions applies.
    #[serde(default)]
    pub exempt_if: Vec<String>,
    /// Examples that replace the document's own for this route.
    #[serde(default)]
    pub examples: Option<Vec<String>>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// Where this visit takes place, when the page names a place of its own (otherwise the
    /// office's counter place).
    #[serde(default)]
    pub place: Option<String>,
    pub documents: Vec<Need>,
}

/// A text people read, with the passage it comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quoted {
    pub text: String,
    pub source: Source,
}

/// A text shown only when its condition holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub text: String,
    pub when: Condition,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // a handful of routes, read once
pub enum Flow {
    /// Done at this visit.
    SameDay { visit: Visit },
    /// (1) apply, (2) the office mails the forms to the holder, (3) come back with them. Each
    /// step is said in the page's own words.
    ThreeStep {
        apply: Quoted,
        first_visit: Visit,
        mailing: Quoted,
        arrival: Quoted,
        holder_task: Quoted,
        come_back: Quoted,
        second_visit: Visit,
    },
}

impl Flow {
    pub fn is_same_day(&self) -> bool {
        matches!(self, Flow::SameDay { .. })
    }

    pub fn first_visit(&self) -> &Visit {
        match self {
            Flow::SameDay { visit } => visit,
            Flow::ThreeStep { first_visit, .. } => first_visit,
        }
    }

    pub fn second_visit(&self) -> Option<&Visit> {
        match self {
            Flow::SameDay { .. } => None,
            Flow::ThreeStep { second_visit, .. } => Some(second_visit),
        }
    }

    pub fn visits(&self) -> impl Iterator<Item = &Visit> {
        std::iter::once(self.first_visit()).chain(self.second_visit())
    }

    /// The names of the three-step flow's steps, in order.
    pub fn step_names(&self) -> [&'static str; 5] {
        ["apply", "mailing", "arrival", "holder_task", "come_back"]
    }

    /// One step's text by name.
    pub fn step(&self, name: &str) -> Option<&Quoted> {
        let Flow::ThreeStep {
            apply,
            mailing,
            arrival,
            holder_task,
            come_back,
            ..
        } = self
        else {
            return None;
        };
        match name {
            "apply" => Some(apply),
            "mailing" => Some(mailing),
            "arrival" => Some(arrival),
            "holder_task" => Some(holder_task),
            "come_back" => Some(come_back),
            _ => None,
        }
    }

    /// The step texts of the three-step flow, in order.
    pub fn step_texts(&self) -> Vec<&Quoted> {
        match self {
            Flow::SameDay { .. } => Vec::new(),
            Flow::ThreeStep {
                apply,
                mailing,
                arrival,
                holder_task,
                come_back,
                ..
            } => vec![apply, mailing, arrival, holder_task, come_back],
        }
    }
}

/// How one applicant kind does one procedure. For a procedure and applicant the first route
/// whose `when` holds applies; the last one for each pair has no `when`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub procedure: ProcedureKind,
    pub applicant: ApplicantKind,
    pub title: String,
    #[serde(default)]
    pub when: Option<Condition>,
    pub flow: Flow,
    /// What staff read about this route.
    #[serde(default)]
    pub staff_notes: Vec<Quoted>,
    /// What the citizen reads on the sheet about this route.
    #[serde(default)]
    pub citizen_notes: Vec<Quoted>,
    /// What staff are prompted to do when its condition holds (an amber banner).
    #[serde(default)]
    pub staff_prompts: Vec<Notice>,
    pub source: Source,
}

/// What stops a procedure today, when, and what to say.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockerInfo {
    pub id: BlockerId,
    /// The procedures it stops.
    pub procedures: Vec<ProcedureKind>,
    pub when: Condition,
    pub title: String,
    /// For staff (the window, the command line); `{window_start}` and `{age}` are filled in.
    pub staff_text: String,
    /// For the citizen (the sheet).
    pub citizen_text: String,
    /// The same documents will do when the citizen comes back (the sheet lists them).
    pub come_back_with_documents: bool,
    pub source: Source,
}

/// What staff must look at, when, and what to say.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningInfo {
    pub id: WarningId,
    pub procedures: Vec<ProcedureKind>,
    pub when: Condition,
    pub title: String,
    pub staff_text: String,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinKind {
    pub id: String,
    pub label: String,
    pub format: String,
    pub format_source: Source,
    #[serde(default)]
    pub locks_after_wrong_entries: Option<u32>,
    pub source: Source,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinWritingRule {
    pub text: String,
    pub source: Source,
}

/// One thing wrong with a model file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelProblem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Everything wrong with a model file (at least one problem).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ModelError {
    pub problems: Vec<ModelProblem>,
}

impl ModelError {
    /// One problem with no line to name (a folder that cannot be read, …).
    pub fn single(file: &str, message: impl Into<String>) -> ModelError {
        ModelError {
            problems: vec![ModelProblem {
                file: file.to_string(),
                line: 1,
                column: 1,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl ProcedureModel {
    /// Parses and validates a model; `file` names it in every message.
    pub fn from_ron(text: &str, file: &str) -> Result<ProcedureModel, ModelError> {
        // Windows editors may save UTF-8 with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let model: ProcedureModel = crate::ron_options().from_str(text).map_err(|err| {
            let (line, column, message) = ron_error_message(&err);
            ModelError {
                problems: vec![ModelProblem {
                    file: file.to_string(),
                    line,
                    column,
                    message,
                }],
            }
        })?;
        let problems = validate::problems(&model, text, file);
        if problems.is_empty() {
            Ok(model)
        } else {
            Err(ModelError { problems })
        }
    }

    /// The model built into the binary.
    pub fn embedded() -> Result<ProcedureModel, ModelError> {
        ProcedureModel::from_ron(EMBEDDED_MODEL, EMBEDDED_MODEL_NAME)
    }

    pub fn document(&self, id: &DocumentId) -> Option<&DocumentInfo> {
        self.documents.iter().find(|d| &d.id == id)
    }

    pub fn exemption(&self, id: &str) -> Option<&Exemption> {
        self.exemptions.iter().find(|e| e.id == id)
    }

    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }

    pub fn procedure(&self, kind: ProcedureKind) -> Option<&ProcedureInfo> {
        self.procedures.iter().find(|p| p.kind == kind)
    }

    pub fn applicant(&self, kind: ApplicantKind) -> Option<&ApplicantInfo> {
        self.applicants.iter().find(|a| a.kind == kind)
    }

    pub fn blocker(&self, id: BlockerId) -> Option<&BlockerInfo> {
        self.blockers.iter().find(|b| b.id == id)
    }

    pub fn warning(&self, id: WarningId) -> Option<&WarningInfo> {
        self.warnings.iter().find(|w| w.id == id)
    }

    /// Label of a document, its id if the model lacks it.
    pub fn document_label<'a>(&'a self, id: &'a DocumentId) -> &'a str {
        self.document(id).map_or(id.as_str(), |d| d.label.as_str())
    }

    pub fn procedure_title(&self, kind: ProcedureKind) -> &str {
        self.procedure(kind).map_or("", |p| p.title.as_str())
    }

    pub fn applicant_label(&self, kind: ApplicantKind) -> &str {
        self.applicant(kind).map_or("", |a| a.label.as_str())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Every source of the model.
    pub fn sources(&self) -> Vec<&Source> {
        let mut sources: Vec<&Source> = vec![
            &self.office.counter_place_source,
            &self.office.contact_source,
            &self.certificate.validity_source,
            &self.certificate.renewal_validity_source,
            &self.certificate.renewal_window_source,
            &self.certificate.signature_cert_source,
            &self.convenience_store.source,
        ];
        sources.extend(self.procedures.iter().map(|p| &p.source));
        for applicant in &self.applicants {
            sources.push(&applicant.source);
            sources.extend(&applicant.holder_age_source);
        }
        sources.extend(self.questions.iter().map(|q| &q.source));
        sources.extend(self.exemptions.iter().map(|e| &e.source));
        sources.extend(self.blockers.iter().map(|b| &b.source));
        sources.extend(self.warnings.iter().map(|w| &w.source));
        for pin in &self.pins {
            sources.push(&pin.source);
            sources.push(&pin.format_source);
        }
        sources.extend(self.pin_writing_rules.iter().map(|p| &p.source));
        for route in &self.routes {
            sources.push(&route.source);
            for visit in route.flow.visits() {
                sources.extend(visit.documents.iter().map(|n| &n.source));
            }
            sources.extend(route.flow.step_texts().into_iter().map(|q| &q.source));
            sources.extend(route.staff_notes.iter().map(|q| &q.source));
            sources.extend(route.citizen_notes.iter().map(|q| &q.source));
            sources.extend(route.staff_prompts.iter().map(|n| &n.source));
        }
        sources
    }

    /// Every passage of the page the model quotes.
    pub fn page_quotes(&self) -> Vec<&str> {
        self.sources()
            .into_iter()
            .filter_map(|s| match s {
                Source::Page(text) => Some(text.as_str()),
                Source::Outside(_) => None,
            })
            .collect()
    }

    /// Every text the citizen reads on the sheet, by the key a language file translates it
    /// under, with the model's Japanese. The examples are keyed by their own words
    /// (`example.運転免許証`), so a word used by several documents is translated once.
    pub fn citizen_texts(&self) -> Vec<(String, String)> {
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut add = |key: TextKey, text: &str| {
            let key = key.to_string();
            if !texts.iter().any(|(k, _)| *k == key) {
                texts.push((key, text.to_string()));
            }
        };
        add(TextKey::PageTitle, &self.page.title);
        add(TextKey::PagePublisher, &self.page.publisher);
        add(TextKey::CounterPlace, &self.office.counter_place);
        for (i, line) in self.office.contact.iter().enumerate() {
            add(TextKey::Contact(i), line);
        }
        for procedure in &self.procedures {
            add(TextKey::ProcedureTitle(procedure.kind), &procedure.title);
        }
        for applicant in &self.applicants {
            add(TextKey::ApplicantLabel(applicant.kind), &applicant.label);
        }
        for document in &self.documents {
            add(TextKey::DocumentLabel(&document.id), &document.label);
            if let Some(note) = &document.note {
                add(TextKey::DocumentNote(&document.id), note);
            }
            for example in &document.examples {
                add(TextKey::Example(example), example);
            }
        }
        for exemption in &self.exemptions {
            add(TextKey::ExemptionReason(&exemption.id), &exemption.reason);
        }
        for route in &self.routes {
            route_texts(route, &mut add);
        }
        for blocker in &self.blockers {
            add(TextKey::BlockerTitle(blocker.id), &blocker.title);
            add(
                TextKey::BlockerCitizenText(blocker.id),
                &blocker.citizen_text,
            );
        }
        add(
            TextKey::SignatureCertRefused,
            &self.certificate.signature_cert_refused,
        );
        for pin in &self.pins {
            add(TextKey::PinLabel(&pin.id), &pin.label);
            add(TextKey::PinFormat(&pin.id), &pin.format);
        }
        for (i, rule) in self.pin_writing_rules.iter().enumerate() {
            add(TextKey::PinWritingRule(i), &rule.text);
        }
        add(TextKey::ConvenienceStore, &self.convenience_store.text);
        texts
    }
}

/// The citizen texts of one route: its labels and examples, its steps, its places and notes.
fn route_texts(route: &Route, add: &mut impl FnMut(TextKey, &str)) {
    let id = route.id.as_str();
    for need in route.flow.visits().flat_map(|v| &v.documents) {
        if let Some(label) = &need.label {
            add(
                TextKey::NeedLabel {
                    route: id,
                    document: &need.document,
                },
                label,
            );
        }
        for example in need.examples.iter().flatten() {
            add(TextKey::Example(example), example);
        }
    }
    for step in route.flow.step_names() {
        if let Some(text) = route.flow.step(step) {
            add(TextKey::RouteStep { route: id, step }, &text.text);
        }
    }
    if let Some(place) = route.flow.second_visit().and_then(|v| v.place.as_ref()) {
        add(TextKey::SecondVisitPlace(id), place);
    }
    for (index, note) in route.citizen_notes.iter().enumerate() {
        add(TextKey::CitizenNote { route: id, index }, &note.text);
    }
}
