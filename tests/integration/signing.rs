//! Only approved rules reach the counter: a shared model signed with the office's key
//! (minisign) is used; one changed after signing, signed for another file, signed by another
//! key or not signed at all is refused — by every command and by the window, which keeps
//! working on the last good rules. Keys and signatures interoperate with the Debian `minisign`
//! tool.

use crate::common;

use common::bin;
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi::model::EMBEDDED_MODEL;
use madoguchi::model_file::ModelOrigin;
use madoguchi::signing::TrustedKey;
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

const PASSWORD: &str = "窓口の鍵 2026";

fn madoguchi(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env_remove("MADOGUCHI_PROCEDURES")
        .env_remove("MADOGUCHI_TRUSTED_KEY")
        .env("MADOGUCHI_KEY_PASSWORD", PASSWORD)
        .output()
        .unwrap()
}

fn minisign(args: &[&str]) -> Output {
    Command::new("minisign")
        .args(args)
        .output()
        .expect("minisign is installed by scripts/setup.sh")
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// An office key made with `madoguchi keygen`, and the shipped model signed with it.
fn signed_folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("office");
    let output = madoguchi(&["keygen", "--out", s(&key)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let model = dir.path().join("procedures.ron");
    std::fs::write(&model, EMBEDDED_MODEL).unwrap();
    let output = madoguchi(&["sign", s(&model), "--key", &format!("{}.key", s(&key))]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (dir, model, PathBuf::from(format!("{}.pub", s(&key))))
}

#[test]
fn a_model_signed_by_madoguchi_verifies_with_the_minisign_tool() {
    let (_dir, model, public) = signed_folder();
    let output = minisign(&["-V", "-p", s(&public), "-m", s(&model)]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("file:procedures.ron")
            && stdout.contains("page:2024-03-22")
            && stdout.contains("version:2026.11.1"),
        "the trusted comment names file, page date and version: {stdout}"
    );
}

#[test]
fn a_model_signed_by_the_minisign_tool_verifies_in_madoguchi() {
    let dir = tempfile::tempdir().unwrap();
    let (public, secret) = (dir.path().join("tool.pub"), dir.path().join("tool.key"));
    let output = minisign(&["-G", "-W", "-p", s(&public), "-s", s(&secret)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let model = dir.path().join("procedures.ron");
    std::fs::write(&model, EMBEDDED_MODEL).unwrap();
    let output = minisign(&["-S", "-s", s(&secret), "-m", s(&model)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = madoguchi(&["--trusted-key", s(&public), "check", s(&model)]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn sign_refuses_a_model_that_fails_check() {
    let (dir, _, _) = signed_folder();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        EMBEDDED_MODEL.replacen("id: \"card\",", "id: \"crad\",", 1),
    )
    .unwrap();
    let output = madoguchi(&[
        "sign",
        s(&broken),
        "--key",
        s(&dir.path().join("office.key")),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("署名しません"));
    assert!(!madoguchi::signing::signature_path(&broken).exists());
}

/// Every command that reads the rules, with the trusted key.
fn every_command_refuses(public: &Path, model: &Path, words: &str) {
    let case = common::repo_path("tests/cases/shared/principal-renewal.ron");
    let out = model.with_file_name("sheet.pdf");
    for args in [
        vec!["evaluate", s(&case), "--json"],
        vec!["check"],
        vec!["summary", s(&case), "--out", s(&out)],
        vec!["print", s(&case), "--printer", "madoguchi-pdf"],
    ] {
        let mut all = vec!["--trusted-key", s(public), "--procedures", s(model)];
        all.extend(args.iter().copied());
        let output = madoguchi(&all);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(words), "{args:?}: {stderr}");
        assert!(!out.exists(), "{args:?} wrote a sheet");
    }
}

#[test]
fn a_signed_model_is_used_by_every_command() {
    let (dir, model, public) = signed_folder();
    let case = common::repo_path("tests/cases/shared/principal-renewal.ron");
    let output = madoguchi(&[
        "--trusted-key",
        s(&public),
        "--procedures",
        s(&model),
        "evaluate",
        s(&case),
        "--json",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = dir;
}

#[test]
fn one_byte_changed_after_signing_is_refused() {
    let (_dir, model, public) = signed_folder();
    let edited = EMBEDDED_MODEL.replacen("本人のマイナンバーカード", "本人のマイナンバーカーF", 1);
    std::fs::write(&model, edited).unwrap();
    every_command_refuses(&public, &model, "署名の後でファイルが変更されています");
}

#[test]
fn the_signature_of_another_file_is_refused() {
    let (dir, model, public) = signed_folder();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, EMBEDDED_MODEL.replacen("2026.11.1", "2026.11.2", 1)).unwrap();
    let output = madoguchi(&[
        "sign",
        s(&other),
        "--key",
        s(&dir.path().join("office.key")),
    ]);
    assert!(output.status.success());
    std::fs::copy(
        madoguchi::signing::signature_path(&other),
        madoguchi::signing::signature_path(&model),
    )
    .unwrap();
    every_command_refuses(&public, &model, "署名は別のファイル（other.ron）のもの");
}

#[test]
fn another_keys_signature_is_refused() {
    let (dir, model, public) = signed_folder();
    let output = madoguchi(&["keygen", "--out", s(&dir.path().join("stranger"))]);
    assert!(output.status.success());
    let output = madoguchi(&[
        "sign",
        s(&model),
        "--key",
        s(&dir.path().join("stranger.key")),
    ]);
    assert!(output.status.success());
    every_command_refuses(&public, &model, "事務の鍵とは別の鍵で署名されています");
}

#[test]
fn a_missing_signature_is_refused() {
    let (_dir, model, public) = signed_folder();
    std::fs::remove_file(madoguchi::signing::signature_path(&model)).unwrap();
    every_command_refuses(&public, &model, "署名ファイル");
}

#[test]
fn keygen_never_writes_over_an_existing_key() {
    let (dir, _, _) = signed_folder();
    let before = std::fs::read(dir.path().join("office.key")).unwrap();
    let output = madoguchi(&["keygen", "--out", s(&dir.path().join("office"))]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read(dir.path().join("office.key")).unwrap(),
        before
    );
}

fn window(source: ModelSource) -> Harness<'static, CounterApp> {
    let app = CounterApp::new(source, common::date("2026-11-25"))
        .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 900.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app)
}

fn has(harness: &Harness<'_, CounterApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_window_uses_a_signed_model_and_refuses_an_unsigned_replacement_keeping_the_case() {
    let (_dir, model, public) = signed_folder();
    let edited = EMBEDDED_MODEL.replacen(
        "label: \"本人のもう1点の本人確認書類\"",
        "label: \"本人の別の本人確認書類\"",
        1,
    );
    std::fs::write(&model, &edited).unwrap();
    // Sign the edited model so the window starts on it.
    let key = model.with_file_name("office.key");
    assert!(
        madoguchi(&["sign", s(&model), "--key", s(&key)])
            .status
            .success()
    );
    let trust = TrustedKey::from_file(&public).unwrap();
    let source = ModelSource::load_trusted(ModelOrigin::File(model.clone()), Some(trust))
        .with_settle(Duration::ZERO);
    let mut harness = window(source);
    assert!(
        has(&harness, "署名確認済み"),
        "the top bar says the rules are approved"
    );
    harness.get_by_label("暗証番号再設定（ロック解除）").click();
    harness.run();
    harness.get_by_label("本人").click();
    harness.run();
    harness.get_by_label("カードの有効期限").focus();
    harness.run();
    harness
        .get_by_label("カードの有効期限")
        .type_text("2031-12-10");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("本人のマイナンバーカード").click();
    harness.run();
    assert!(
        has(&harness, "本人の別の本人確認書類"),
        "the signed rules run"
    );
    // Someone changes one label on the share without signing again.
    std::fs::write(
        &model,
        edited.replacen("本人の別の本人確認書類", "不正な書類", 1),
    )
    .unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(has(&harness, "署名の後でファイルが変更されています"));
    assert!(
        has(&harness, "本人の別の本人確認書類"),
        "the last good rules still run"
    );
    assert!(!has(&harness, "不正な書類"));
    assert!(has(&harness, "1 / 2 確認済み"), "the case is kept");
}

#[test]
fn without_a_trusted_key_the_top_bar_says_unsigned() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("procedures.ron");
    std::fs::write(&model, EMBEDDED_MODEL).unwrap();
    let harness = window(ModelSource::load(ModelOrigin::File(model)));
    assert!(has(&harness, "署名なし"));
}

#[test]
fn a_model_and_its_signature_replaced_one_after_the_other_never_flap_to_an_error() {
    let (dir, model, public) = signed_folder();
    let trust = TrustedKey::from_file(&public).unwrap();
    let source = ModelSource::load_trusted(ModelOrigin::File(model.clone()), Some(trust))
        .with_settle(Duration::from_millis(400));
    let mut harness = window(source);
    // The approved new version, signed elsewhere, then copied: first the model …
    let staged = dir.path().join("staging");
    std::fs::create_dir(&staged).unwrap();
    let new_model = staged.join("procedures.ron");
    std::fs::write(
        &new_model,
        EMBEDDED_MODEL.replacen(
            "label: \"本人のもう1点の本人確認書類\"",
            "label: \"本人の別の本人確認書類\"",
            1,
        ),
    )
    .unwrap();
    assert!(
        madoguchi(&[
            "sign",
            s(&new_model),
            "--key",
            s(&dir.path().join("office.key"))
        ])
        .status
        .success()
    );
    std::fs::copy(&new_model, &model).unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(
        !has(&harness, "共有の手続きモデルを使えません"),
        "no banner between the two copies"
    );
    // … then its signature.
    std::fs::copy(
        madoguchi::signing::signature_path(&new_model),
        madoguchi::signing::signature_path(&model),
    )
    .unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(!has(&harness, "共有の手続きモデルを使えません"));
    harness.get_by_label("暗証番号再設定（ロック解除）").click();
    harness.run();
    harness.get_by_label("本人").click();
    harness.run();
    assert!(
        has(&harness, "本人の別の本人確認書類"),
        "the new approved rules run"
    );
}
