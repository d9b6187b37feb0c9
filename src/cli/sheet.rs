//! `madoguchi summary` and `madoguchi print`: the citizen's sheet, to a file or a printer.

use super::evaluate::load_model_and_case;
use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::engine::{VisitNumber, evaluate};
use crate::guidance::Guidance;
use crate::model::DocumentId;
use crate::model_file::ModelOrigin;
use crate::printing::{PrintError, PrinterChoice, Spooler, print_pdf};
use crate::sheet::Sheet;
use crate::signing::TrustedKey;
use std::path::Path;

/// What a sheet is made from on the command line.
pub struct SheetRequest<'a> {
    pub origin: &'a ModelOrigin,
    pub case_path: &'a Path,
    pub presented: &'a [String],
    pub second_visit: bool,
    /// The sheet's language code.
    pub lang: &'a str,
    /// The office's key, when the counter only takes signed rules.
    pub trust: Option<&'a TrustedKey>,
}

impl SheetRequest<'_> {
    /// The guidance and the sheet, or the message that says what is wrong.
    pub fn sheet(&self) -> Result<(Guidance, Sheet), String> {
        let (model, case) = load_model_and_case(self.origin, self.trust, self.case_path)?;
        let known: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
        if let Some(unknown) = self
            .presented
            .iter()
            .find(|id| !known.contains(&id.as_str()))
        {
            return Err(format!(
                "--presented の「{unknown}」は書類の id ではありません（使えるもの: {}）",
                known.join(", ")
            ));
        }
        let evaluation = evaluate(&model, &case);
        let three_step = crate::guidance::three_step_goes_ahead(&evaluation);
        if self.second_visit && !three_step {
            return Err(format!(
                "{}: --second-visit は即日で終わらない手続き（任意代理人など）の2回目の来庁のためのものです。この事例は即日の手続きか、受付できない手続きだけです",
                self.case_path.display()
            ));
        }
        let visit = if self.second_visit {
            VisitNumber::Second
        } else {
            VisitNumber::First
        };
        let presented: Vec<DocumentId> = self
            .presented
            .iter()
            .map(|id| DocumentId(id.clone()))
            .collect();
        let languages = self.origin.languages(&model).map_err(|e| e.to_string())?;
        let Some(language) = languages.get(self.lang) else {
            let why = if languages.all.len() == 1 {
                "。この手続きモデルには訳がありません（モデルの横の lang フォルダに置きます）"
            } else {
                ""
            };
            return Err(format!(
                "--lang の「{}」は使えません（使えるもの: {}）{why}",
                self.lang,
                languages.codes().join(", ")
            ));
        };
        let guidance = Guidance::build_in(language, &model, &case, &evaluation, visit, &presented);
        if !guidance.missing_texts.is_empty() {
            return Err(format!(
                "案内の言語「{}」に訳のない文があります（{}）。madoguchi check で言語ファイルを確かめてください",
                language.code,
                guidance.missing_texts.join(", ")
            ));
        }
        let sheet = Sheet::from_guidance(&guidance, language);
        Ok((guidance, sheet))
    }
}

/// Why the sheet may not be written to `out`: it is the case file or the model, or an
/// existing file that is not a sheet (a PDF), or a PDF without `--force`.
fn refuse_target(request: &SheetRequest, out: &Path, force: bool) -> Option<String> {
    let same = |other: &Path| match (out.canonicalize(), other.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(request.case_path) {
        return Some(format!(
            "{}: 事例ファイルそのものです。案内は別の名前（例: sheet.pdf）に書き出してください",
            out.display()
        ));
    }
    if let ModelOrigin::File(model) = request.origin
        && same(model)
    {
        return Some(format!(
            "{}: 手続きモデルそのものです。案内は別の名前（例: sheet.pdf）に書き出してください",
            out.display()
        ));
    }
    if out.is_file() {
        let is_pdf = std::fs::File::open(out)
            .and_then(|mut f| {
                let mut head = [0u8; 5];
                std::io::Read::read_exact(&mut f, &mut head).map(|()| head)
            })
            .is_ok_and(|head| &head == b"%PDF-");
        if !is_pdf {
            return Some(format!(
                "{}: PDF ではないファイルがすでにあります。上書きしません。別の名前を指定してください",
                out.display()
            ));
        }
        if !force {
            return Some(format!(
                "{}: すでにあります。上書きするには --force を付けてください",
                out.display()
            ));
        }
    }
    None
}

pub(super) fn run_summary(request: &SheetRequest, out: &Path, force: bool) -> i32 {
    if let Some(message) = refuse_target(request, out, force) {
        crate::errln!("{message}");
        return EXIT_BAD_INPUT;
    }
    let (_, sheet) = match request.sheet() {
        Ok(made) => made,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    match crate::sheet_file::write_pdf_file(&sheet, out) {
        Ok(()) => {
            crate::outln!("{} に書き出しました。", out.display());
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}

/// Prints the sheet; exit 0 once the spooler has accepted the job.
pub fn run_print(request: &SheetRequest, choice: &PrinterChoice, spooler: &mut dyn Spooler) -> i32 {
    let (guidance, sheet) = match request.sheet() {
        Ok(made) => made,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    let printed = crate::sheet::pdf::render_pdf(&sheet)
        .map_err(PrintError::from)
        .and_then(|pdf| print_pdf(spooler, choice, &guidance.title, &pdf));
    match printed {
        Ok(job) => {
            crate::outln!(
                "プリンター「{}」に送りました（ジョブ {}）。",
                job.printer,
                job.job
            );
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}
