//! Whatever the counter is given, nothing is lost and the message says what to do: the sheet
//! never written over its own case file, the model or a file that is not a sheet; a flag that
//! does not fit refused; the operating system's errors in Japanese; no display explained; every
//! argument described in `--help`.

use crate::common;
use common::run;

use common::{bin, model, repo_path};
use std::process::{Command, Output};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn case_copy(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("case.ron");
    std::fs::copy(repo_path("tests/cases/shared/ward-renewal.ron"), &path).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn summary_never_writes_over_its_own_case_file() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_copy(&dir);
    let before = std::fs::read(&case).unwrap();
    for force in [false, true] {
        let mut args = vec!["summary", case.as_str(), "--out", case.as_str()];
        if force {
            args.push("--force");
        }
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "force={force}");
        assert!(
            stderr(&output).contains("事例ファイルそのもの"),
            "{}",
            stderr(&output)
        );
        assert_eq!(std::fs::read(&case).unwrap(), before);
    }
}

#[test]
fn summary_never_writes_over_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_copy(&dir);
    let model = dir.path().join("procedures.ron");
    std::fs::write(&model, madoguchi::model::EMBEDDED_MODEL).unwrap();
    let model = model.to_str().unwrap();
    let output = run(&[
        "--procedures",
        model,
        "summary",
        &case,
        "--out",
        model,
        "--force",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("手続きモデルそのもの"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(model).unwrap(),
        madoguchi::model::EMBEDDED_MODEL
    );
}

#[test]
fn summary_keeps_a_file_that_is_not_a_sheet_and_replaces_a_sheet_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_copy(&dir);
    let notes = dir.path().join("notes.pdf");
    std::fs::write(&notes, "大事なメモ").unwrap();
    let notes = notes.to_str().unwrap();
    let output = run(&["summary", &case, "--out", notes, "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("PDF ではないファイル"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(notes).unwrap(), "大事なメモ");

    let sheet = dir.path().join("sheet.pdf");
    let sheet = sheet.to_str().unwrap();
    assert!(run(&["summary", &case, "--out", sheet]).status.success());
    let first = std::fs::read(sheet).unwrap();
    let output = run(&["summary", &case, "--out", sheet, "--presented", "card"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read(sheet).unwrap(), first);
    let output = run(&[
        "summary",
        &case,
        "--out",
        sheet,
        "--presented",
        "card",
        "--force",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_ne!(std::fs::read(sheet).unwrap(), first);
}

#[test]
fn second_visit_on_a_same_day_case_is_refused_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let case = case_copy(&dir);
    let out = dir.path().join("sheet.pdf");
    let output = run(&[
        "summary",
        &case,
        "--out",
        out.to_str().unwrap(),
        "--second-visit",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--second-visit"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn the_operating_systems_errors_are_said_in_japanese_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let not_utf8 = dir.path().join("case.ron");
    std::fs::write(&not_utf8, [0x43, 0x61, 0xff, 0xfe]).unwrap();
    for (target, words) in [
        (
            "/no/such/case.ron".to_string(),
            "ファイルまたはフォルダがありません",
        ),
        (dir.path().to_str().unwrap().to_string(), "フォルダです"),
        (not_utf8.to_str().unwrap().to_string(), "UTF-8"),
    ] {
        let output = run(&["evaluate", &target]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{target}");
        assert!(message.contains(words), "{target}: {message}");
        assert!(!message.contains("os error"), "{target}: {message}");
        assert!(
            !message.contains("手続きモデルに誤りがあります"),
            "no line and column to point at: {message}"
        );
    }
}

#[test]
fn without_a_display_the_window_explains_in_japanese_and_exits_3() {
    let output = Command::new(bin())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(madoguchi::exit::EXIT_NO_WINDOW));
    let message = stderr(&output);
    for words in ["画面", "DISPLAY", "evaluate", "summary", "print"] {
        assert!(message.contains(words), "{message}");
    }
    assert!(!message.contains(".rs"), "no source path: {message}");
}

#[test]
fn every_argument_is_described_in_japanese_and_presented_lists_the_ids() {
    for command in [
        vec!["--help"],
        vec!["evaluate", "--help"],
        vec!["check", "--help"],
        vec!["summary", "--help"],
        vec!["print", "--help"],
    ] {
        let output = run(&command);
        assert!(output.status.success(), "{command:?}");
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(
            help.contains("使い方:") && !help.contains("Print help"),
            "{help}"
        );
        for line in help
            .lines()
            .filter(|l| l.trim_start().starts_with('-') || l.trim_start().starts_with('<'))
        {
            let described = line
                .split("  ")
                .filter(|part| !part.trim().is_empty())
                .nth(1)
                .is_some_and(|text| !text.is_ascii());
            assert!(described, "{command:?}: no Japanese description: {line}");
        }
        if command[0] == "summary" || command[0] == "print" {
            for document in &model().documents {
                assert!(
                    help.contains(document.id.as_str()),
                    "{command:?}: {}",
                    document.id
                );
            }
        }
    }
}

/// The program in a real X server (Xvfb) whose OpenGL is made to fail as `env` says; gives its
/// output, or fails the test if the window opened anyway (it is closed after 60 s).
/// `xvfb-run -a` picks a display number and then starts the server: two at once can pick the
/// same number, so these windows start one at a time.
static ONE_XVFB_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn window_under_xvfb(env: &[(&str, &str)], xvfb_args: &str) -> std::process::Output {
    let _turn = ONE_XVFB_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut command = Command::new("xvfb-run");
    command
        .args(["-a", "-s", &format!("-screen 0 1024x768x24 {xvfb_args}")])
        .args(["timeout", "60", bin()])
        .env_remove("MADOGUCHI_PROCEDURES");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command
        .output()
        .expect("xvfb-run is installed by scripts/setup.sh (package xvfb)");
    assert_ne!(
        output.status.code(),
        Some(124),
        "the window opened although OpenGL was made to fail"
    );
    output
}

fn says_opengl_2_is_needed(output: &std::process::Output) {
    assert_eq!(output.status.code(), Some(madoguchi::exit::EXIT_NO_WINDOW));
    let message = stderr(output);
    for words in [
        "OpenGL 2.0 以上",
        "リモートデスクトップ",
        "README.md",
        "evaluate",
    ] {
        assert!(message.contains(words), "{message}");
    }
    assert!(!message.contains(".rs"), "no source path: {message}");
}

#[test]
fn a_pc_whose_opengl_is_only_1_1_is_told_so_in_japanese_and_exit_3() {
    // What a remote desktop without a graphics card offers: OpenGL 1.1.
    let output = window_under_xvfb(
        &[
            ("MESA_GL_VERSION_OVERRIDE", "1.1"),
            ("MESA_GLES_VERSION_OVERRIDE", "1.1"),
        ],
        "",
    );
    says_opengl_2_is_needed(&output);
}

#[test]
fn a_pc_with_no_opengl_at_all_is_told_so_in_japanese_and_exit_3() {
    // No GLX on the X server and no EGL driver to be found.
    let output = window_under_xvfb(
        &[("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json")],
        "-extension GLX",
    );
    says_opengl_2_is_needed(&output);
}
