//! The command line as outside checks and city officers use it.

use crate::common;
use common::{run, write_temp};

use common::{bin, repo_path};
use std::process::Command;

fn case_folders() -> Vec<std::path::PathBuf> {
    let mut folders = vec![
        repo_path("tests/cases/shared"),
        repo_path("tests/cases/routes"),
    ];
    let shared = repo_path("../shared/cases");
    if shared.is_dir() {
        folders.push(shared);
    }
    folders
}

/// Runs `evaluate --json` on every NAME.ron with NAME.json and compares the named fields.
#[test]
fn evaluate_agrees_with_every_example_case() {
    let mut checked = 0;
    for folder in case_folders() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let expected_path = path.with_extension("json");
            let want: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
            let output = run(&["evaluate", path.to_str().unwrap(), "--json"]);
            assert!(
                output.status.success(),
                "{}: {}",
                path.display(),
                String::from_utf8_lossy(&output.stderr)
            );
            let got: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            let name = path.file_stem().unwrap().to_string_lossy();
            let disagreements = madoguchi::cli::compare_expected(&name, &got, &want);
            assert!(disagreements.is_empty(), "{disagreements:#?}");
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} cases");
}

#[test]
fn evaluate_json_has_every_contract_field() {
    let output = run(&[
        "evaluate",
        "tests/cases/shared/principal-renewal.ron",
        "--json",
    ]);
    let got: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for field in [
        "same_day",
        "documents",
        "next_visit_documents",
        "signature_cert",
        "renewal_window_start",
        "blockers",
        "warnings",
    ] {
        assert!(got.get(field).is_some(), "missing {field}");
    }
    assert_eq!(got["renewal_window_start"], "2026-09-11");
    assert_eq!(got["new_cert_expiry"], "2031-12-10");
    assert_eq!(got["holder_age"], 35);
}

#[test]
fn evaluate_exits_zero_with_blockers() {
    let output = run(&[
        "evaluate",
        "tests/cases/shared/principal-renewal-too-early.ron",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0));
}

/// `madoguchi evaluate … | head -1`: the reader goes away before the answer is written. The
/// command must neither panic nor complain; the exit code still says what the case is.
#[test]
fn a_reader_that_goes_away_is_no_crash() {
    for args in [
        &[
            "evaluate",
            "tests/cases/shared/principal-renewal-too-early.ron",
            "--json",
        ][..],
        &[
            "evaluate",
            "tests/cases/shared/principal-renewal-too-early.ron",
        ][..],
        &[
            "check",
            "assets/procedures.ron",
            "--cases",
            "tests/cases/shared",
        ][..],
    ] {
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(repo_path("."))
            .env_remove("MADOGUCHI_PROCEDURES")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once: every write the program makes meets a closed pipe.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("書けませんでした"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn evaluate_without_json_answers_in_japanese() {
    let output = run(&[
        "evaluate",
        "tests/cases/shared/principal-renewal-too-early.ron",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("まだ更新期間ではありません"), "{text}");
    assert!(
        text.contains("2026年9月11日（令和8年9月11日）から申請できます"),
        "{text}"
    );
    assert!(text.contains("本人のマイナンバーカード"), "{text}");
}

#[test]
fn a_broken_case_file_exits_2_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(
        dir.path(),
        "bad.ron",
        "Case(\n    today: \"2026-11-25\",\n    procedures: [CertIssue]\n    applicant: Principal,\n)\n",
    );
    let output = run(&["evaluate", &path, "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!("{path}:4:")), "{stderr}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn a_case_breaking_a_rule_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, says) in [
        (
            "none.ron",
            "Case(today: \"2026-11-25\", procedures: [], applicant: Principal)",
            "手続きが1つもありません",
        ),
        (
            "unborn.ron",
            "Case(today: \"2026-11-25\", procedures: [PinReset], applicant: Principal, birth_date: Some(\"2027-01-01\"))",
            "生年月日",
        ),
        (
            "feb30.ron",
            "Case(today: \"2026-02-30\", procedures: [PinReset], applicant: Principal)",
            "存在しない",
        ),
        (
            "era.ron",
            "Case(today: \"2026-11-25\", procedures: [PinReset], applicant: Principal, birth_date: Some(\"平成31年5月1日\"))",
            "平成は平成31年4月30日まで",
        ),
    ] {
        let path = write_temp(dir.path(), name, text);
        let output = run(&["evaluate", &path, "--json"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&path) && stderr.contains(says),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn a_missing_case_file_exits_2() {
    let output = run(&["evaluate", "no/such/case.ron", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/case.ron"));
}

#[test]
fn check_passes_on_the_shipped_model_and_cases() {
    let output = run(&[
        "check",
        "assets/procedures.ron",
        "--cases",
        "tests/cases/shared",
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("7/7 件の事例が一致しました"), "{stdout}");
}

#[test]
fn check_reports_a_changed_rule_as_a_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let model = madoguchi::model::EMBEDDED_MODEL.replacen(
        "Need(document: \"card\", source: Page(\"・マイナンバーカード\")),",
        "Need(document: \"card\", source: Page(\"・マイナンバーカード\")),\n                Need(document: \"agent_photo_id\", source: Page(\"・マイナンバーカード\")),",
        1,
    );
    let path = write_temp(dir.path(), "edited.ron", &model);
    let output = run(&["check", &path, "--cases", "tests/cases/shared"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("不一致 principal-renewal: documents"),
        "{stdout}"
    );
}

#[test]
fn check_refuses_a_broken_model_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let model = madoguchi::model::EMBEDDED_MODEL.replacen("id: \"card\",", "id: \"card\"", 1);
    let path = write_temp(dir.path(), "broken.ron", &model);
    let output = run(&["check", &path]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!("{path}:")), "{stderr}");
}

#[test]
fn the_environment_variable_selects_a_shared_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "shared.ron", "ProcedureModel(");
    let output = Command::new(bin())
        .args([
            "evaluate",
            "tests/cases/shared/principal-renewal.ron",
            "--json",
        ])
        .env("MADOGUCHI_PROCEDURES", &path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(&path));
    // --procedures wins over the environment.
    let output = Command::new(bin())
        .args([
            "--procedures",
            "assets/procedures.ron",
            "evaluate",
            "tests/cases/shared/principal-renewal.ron",
            "--json",
        ])
        .env("MADOGUCHI_PROCEDURES", &path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}
