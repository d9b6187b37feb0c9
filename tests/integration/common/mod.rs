//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod card_reader;

use chrono::NaiveDate;
use madoguchi::case::{Case, CaseDate};
use madoguchi::model::{ApplicantKind, ProcedureKind, ProcedureModel};

pub fn model() -> ProcedureModel {
    ProcedureModel::embedded().expect("the embedded model is valid")
}

pub fn date(text: &str) -> NaiveDate {
    madoguchi::dates::parse_date(text).expect("test dates are real")
}

pub fn some_date(text: &str) -> Option<CaseDate> {
    Some(CaseDate(date(text)))
}

/// An adult holder (born 1990-12-10) with a certificate expiring 2026-12-10 and a card valid
/// until 2031-12-10, visiting on 2026-10-01 (inside the renewal window).
pub fn case(procedures: &[ProcedureKind], applicant: ApplicantKind) -> Case {
    let mut case = Case::new(date("2026-10-01"), procedures.to_vec(), applicant);
    case.birth_date = some_date("1990-12-10");
    case.cert_expiry = some_date("2026-12-10");
    case.card_expiry = some_date("2031-12-10");
    case
}

pub fn ids(list: &[madoguchi::model::DocumentId]) -> Vec<&str> {
    let mut ids: Vec<&str> = list.iter().map(|d| d.as_str()).collect();
    ids.sort();
    ids
}

pub fn sorted<'a>(list: &[&'a str]) -> Vec<&'a str> {
    let mut list = list.to_vec();
    list.sort();
    list
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_madoguchi")
}

/// The program run as a person runs it, with none of its environment variables set by whoever
/// runs the tests.
pub fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(bin())
        .args(args)
        .env_remove("MADOGUCHI_PROCEDURES")
        .env_remove("MADOGUCHI_PRINTER")
        .env_remove("MADOGUCHI_TRUSTED_KEY")
        .output()
        .unwrap()
}

/// Writes `text` to `dir/name` and gives the path as the command line takes it.
pub fn write_temp(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

pub fn repo_path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The text of a PDF as `pdftotext -layout` reads it (poppler-utils, installed by
/// scripts/test.sh).
pub fn pdf_text(path: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed by scripts/test.sh (poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The example case files shipped in `tests/cases` (`shared` from ../shared, `routes` ours),
/// with their names.
pub fn example_cases() -> Vec<(String, madoguchi::case::Case)> {
    let mut cases = Vec::new();
    for folder in ["tests/cases/shared", "tests/cases/routes"] {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(repo_path(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            cases.push((name, Case::from_ron(&text, "case").unwrap()));
        }
    }
    assert!(cases.len() >= 15, "only {} example cases", cases.len());
    cases
}

/// The answer a case gives, or the case format's default (`pins_known` true, the rest false),
/// read straight from ../shared/spec/case-format.md, not from the model.
pub fn said(case: &Case, id: &str) -> bool {
    case.answers.given(id).unwrap_or(id == "pins_known")
}

/// The frames a window test lets `Harness::run` take before it fails: a worker that finishes
/// in the middle of a run (the printer lookup at start) asks for a few more than
/// egui_kittest's default of 4 on a busy machine. Still small enough to catch a window that
/// never stops repainting.
pub const SETTLE_STEPS: u64 = 16;

/// Lets the window's output worker finish what it was given (the printer lookup, a print, a
/// save), as staff wait for the notice; fails if it never does.
pub fn settle(harness: &mut egui_kittest::Harness<'_, madoguchi::ui::CounterApp>) {
    for _ in 0..500 {
        // A job that finishes between two frames asks for more frames than `run` allows on a
        // busy machine: that is not settled yet, so look again rather than fail.
        let _ = harness.try_run();
        let counter = &harness.state().counter;
        if !counter.is_busy() && counter.printer_label() != "プリンター: 確認中…" {
            // Then the frames the finished job asked for, until the window is still.
            if (0..10).any(|_| harness.try_run().is_ok()) {
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the print and save worker never finished, or the window never kept still");
}
