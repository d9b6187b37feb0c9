//! Every saved fuzz input — the minimised corpus and every input that once found a defect —
//! replayed through the entry points the fuzz targets use (`madoguchi::fuzzing`), on stable,
//! in `cargo test`. None may panic.

use crate::common;

use madoguchi::fuzzing;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["fuzz/corpus", "fuzz/regressions"] {
        let dir = common::repo_path(folder).join(target);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    files.sort();
    files
}

fn replay(target: &str, run: impl Fn(&[u8])) -> usize {
    let files = inputs(target);
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&data)));
        assert!(outcome.is_ok(), "{target}: {} panics", file.display());
    }
    files.len()
}

#[test]
fn the_case_parser_corpus_replays_without_a_panic() {
    assert!(replay("case_parser", fuzzing::case_parser) >= 10);
}

#[test]
fn the_model_parser_corpus_replays_without_a_panic() {
    assert!(replay("model_parser", fuzzing::model_parser) >= 5);
}

#[test]
fn the_date_parser_corpus_replays_without_a_panic() {
    assert!(replay("date_parser", fuzzing::date_parser) >= 10);
}

#[test]
fn the_evaluate_and_layout_corpus_replays_without_a_panic() {
    let run = |data: &[u8]| {
        if let Some(visit) = fuzzing::visit_from_bytes(data) {
            fuzzing::evaluate_and_lay_out(&visit);
        }
    };
    assert!(replay("evaluate_and_lay_out", run) >= 10);
}

#[test]
fn the_render_pdf_corpus_replays_without_a_panic() {
    let run = |data: &[u8]| {
        if let Some(visit) = fuzzing::visit_from_bytes(data) {
            fuzzing::render_pdf(&visit);
        }
    };
    assert!(replay("render_pdf", run) >= 3);
}

#[test]
fn the_language_file_corpus_replays_without_a_panic() {
    assert!(replay("language_file", fuzzing::language_file) >= 10);
}

#[test]
fn the_signature_files_corpus_replays_without_a_panic() {
    assert!(replay("signature_files", madoguchi::approval::fuzz_signature_files) >= 5);
}
