//! Entry points shared by the fuzz targets under `fuzz/` (nightly, `cargo fuzz`) and by the
//! corpus replay in `tests/integration/fuzz_corpus.rs` (stable, `cargo test`): the same code runs on every
//! saved input, so CI keeps the guarantee without nightly. None of them may panic or hang on
//! any input.

use crate::Sheet;
use arbitrary::Arbitrary;
use chrono::NaiveDate;
use madoguchi_core::case::{Case, CaseDate};
use madoguchi_core::dates::{format_wareki, parse_date};
use madoguchi_core::engine::{VisitNumber, evaluate};
use madoguchi_core::guidance::Guidance;
use madoguchi_core::language::{Language, Languages};
use madoguchi_core::model::{ApplicantKind, DocumentId, ProcedureKind, ProcedureModel};
use std::sync::OnceLock;

fn embedded() -> &'static ProcedureModel {
    static MODEL: OnceLock<ProcedureModel> = OnceLock::new();
    MODEL.get_or_init(|| ProcedureModel::embedded().expect("the embedded model is valid"))
}

/// A case file from anywhere: read with and without the model's questions.
pub fn case_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Case::from_ron(text, "fuzz.ron");
    if let Ok(case) = Case::from_ron_for(text, "fuzz.ron", embedded()) {
        // A case that reads is a case the counter can work with.
        let evaluation = evaluate(embedded(), &case);
        let _ = Guidance::build(embedded(), &case, &evaluation, VisitNumber::First, &[]);
    }
}

/// A procedure model from anywhere: loaded and validated; a model that loads is used.
pub fn model_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(model) = ProcedureModel::from_ron(text, "fuzz.ron") else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    for applicant in ApplicantKind::ALL {
        let mut case = Case::new(today, ProcedureKind::ALL.to_vec(), applicant);
        case.birth_date = NaiveDate::from_ymd_opt(1990, 12, 10).map(CaseDate);
        case.cert_expiry = NaiveDate::from_ymd_opt(2026, 12, 10).map(CaseDate);
        let evaluation = evaluate(&model, &case);
        let source = madoguchi_core::language::Languages::source_only();
        for visit in [VisitNumber::First, VisitNumber::Second] {
            let guidance = Guidance::build(&model, &case, &evaluation, visit, &[]);
            let sheet = Sheet::from_guidance(&guidance, source.source());
            let _ = crate::pdf::layout(&sheet);
        }
    }
}

/// A language file from anywhere (they are read from the share beside the model): parsed,
/// checked against the embedded model with the built-in Japanese beside it, and a language
/// that passes writes a sheet; `lang update` lists what it lacks.
pub fn language_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let model = embedded();
    if let Ok(language) = madoguchi_core::language::parse_language(text, "fuzz.ron") {
        let _ = madoguchi_core::language::to_translate(&language, model);
    }
    let (ja_name, ja) = madoguchi_core::language::EMBEDDED_LANGUAGES[0];
    let files = [(ja_name, ja), ("fuzz.ron", text)];
    let Ok(languages) = Languages::from_files(&files, model) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let case = Case::new(today, ProcedureKind::ALL.to_vec(), ApplicantKind::Proxy);
    let evaluation = evaluate(model, &case);
    for language in languages
        .codes()
        .into_iter()
        .filter_map(|c| languages.get(c))
    {
        let guidance =
            Guidance::build_in(language, model, &case, &evaluation, VisitNumber::First, &[]);
        let sheet = Sheet::from_guidance(&guidance, language);
        let _ = crate::pdf::layout(&sheet);
    }
}

/// A typed date: parsed; a date that parses is written in 和暦 and read back the same.
pub fn date_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = parse_date(text) {
        let wareki = format_wareki(date);
        assert_eq!(parse_date(&wareki).ok(), Some(date), "{text:?} → {wareki}");
    }
}

/// A date the fuzzer picks, kept within four-digit years.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct FuzzDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl FuzzDate {
    fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            1800 + i32::from(self.year % 400),
            u32::from(self.month % 13),
            u32::from(self.day % 32),
        )
    }
}

/// One visit the fuzzer makes up: any procedures, applicant, dates, answers, ticks.
#[derive(Debug, Clone, Arbitrary)]
pub struct FuzzVisit {
    pub today: FuzzDate,
    pub cert_issue: bool,
    pub pin_reset: bool,
    pub applicant: u8,
    pub birth: Option<FuzzDate>,
    pub cert_expiry: Option<FuzzDate>,
    pub card_expiry: Option<FuzzDate>,
    pub answers: [Option<bool>; 6],
    pub second_visit: bool,
    pub ticks: u16,
}

impl FuzzVisit {
    /// The case, when its dates are real and it asks for something.
    pub fn case(&self) -> Option<Case> {
        let mut procedures = Vec::new();
        if self.cert_issue {
            procedures.push(ProcedureKind::CertIssue);
        }
        if self.pin_reset {
            procedures.push(ProcedureKind::PinReset);
        }
        if procedures.is_empty() {
            return None;
        }
        let applicant = ApplicantKind::ALL[usize::from(self.applicant) % ApplicantKind::ALL.len()];
        let mut case = Case::new(self.today.date()?, procedures, applicant);
        case.birth_date = self.birth.and_then(FuzzDate::date).map(CaseDate);
        case.cert_expiry = self.cert_expiry.and_then(FuzzDate::date).map(CaseDate);
        case.card_expiry = self.card_expiry.and_then(FuzzDate::date).map(CaseDate);
        for (id, answer) in madoguchi_core::case::CASE_FORMAT_ANSWERS
            .iter()
            .zip(self.answers)
        {
            if let Some(value) = answer {
                case.answers.set(id, value);
            }
        }
        Some(case)
    }

    fn guidance(&self, language: &Language) -> Option<Guidance> {
        let case = self.case()?;
        let model = embedded();
        let evaluation = evaluate(model, &case);
        let presented: Vec<DocumentId> = model
            .documents
            .iter()
            .enumerate()
            .filter(|(i, _)| self.ticks & (1 << (i % 16)) != 0)
            .map(|(_, d)| d.id.clone())
            .collect();
        let visit = if self.second_visit {
            VisitNumber::Second
        } else {
            VisitNumber::First
        };
        Some(Guidance::build_in(
            language,
            model,
            &case,
            &evaluation,
            visit,
            &presented,
        ))
    }
}

impl FuzzVisit {
    /// The sheet's language, picked by the input.
    fn language(&self) -> &'static Language {
        let languages = &Languages::embedded().all;
        &languages[usize::from(self.applicant / 4) % languages.len()]
    }
}

/// Evaluate, guidance and the sheet's layout, in the language the input picks (no PDF: fast
/// enough for millions of runs).
pub fn evaluate_and_lay_out(visit: &FuzzVisit) {
    let language = visit.language();
    if let Some(guidance) = visit.guidance(language) {
        let sheet = Sheet::from_guidance(&guidance, language);
        let layout = crate::pdf::layout(&sheet);
        assert!(
            layout.fits(),
            "{visit:?} in {}: the sheet does not fit one page",
            language.code
        );
    }
}

/// The whole way to PDF bytes, in the language the input picks (slow: its own target).
pub fn render_pdf(visit: &FuzzVisit) {
    let language = visit.language();
    if let Some(guidance) = visit.guidance(language) {
        let pdf = crate::pdf::render_pdf(&Sheet::from_guidance(&guidance, language));
        assert!(pdf.is_ok(), "{visit:?}: {pdf:?}");
    }
}

/// Decodes fuzzer bytes into a visit, as `fuzz_target!(|visit: FuzzVisit| …)` does.
pub fn visit_from_bytes(data: &[u8]) -> Option<FuzzVisit> {
    FuzzVisit::arbitrary_take_rest(arbitrary::Unstructured::new(data)).ok()
}
