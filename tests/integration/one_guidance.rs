//! The window, the sheet and the command line say the same things for the same case: each
//! renders the one `Guidance`. And a yes/no question the page might add tomorrow is one RON
//! entry: asked in the window, used by a route, read from a case file, with no Rust change.

use crate::common;

use common::{bin, example_cases, model};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use madoguchi::engine::{VisitNumber, evaluate};
use madoguchi::guidance::Guidance;
use madoguchi::model::EMBEDDED_MODEL;
use madoguchi::model_file::ModelOrigin;
use madoguchi::sheet::Sheet;
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};
use std::process::Command;

fn harness(app: CounterApp) -> Harness<'static, CounterApp> {
    Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 2400.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app)
}

fn window_for(case: &madoguchi::case::Case) -> Harness<'static, CounterApp> {
    let mut app = CounterApp::new(
        ModelSource::load(ModelOrigin::Embedded),
        common::date("2026-11-25"),
    )
    .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    app.counter.prefill(case, &[]);
    let mut harness = harness(app);
    harness.run();
    harness
}

fn window_has(harness: &Harness<'_, CounterApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn checkbox_labelled(harness: &Harness<'_, CounterApp>, label: &str) -> bool {
    harness
        .query_all_by_label(label)
        .any(|node| node.accesskit_node().role() == egui::accesskit::Role::CheckBox)
}

#[test]
fn window_sheet_and_command_line_say_the_same_things_for_every_example_case() {
    let model = model();
    let dir = tempfile::tempdir().unwrap();
    for (name, case) in example_cases() {
        let evaluation = evaluate(&model, &case);
        let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[]);
        let sheet = Sheet::from_guidance(
            &guidance,
            madoguchi::language::Languages::embedded().source(),
        )
        .plain_lines()
        .join("\n");
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, case.to_ron()).unwrap();
        let output = Command::new(bin())
            .args(["evaluate", path.to_str().unwrap()])
            .env_remove("MADOGUCHI_PROCEDURES")
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}");
        let cli = String::from_utf8(output.stdout).unwrap();
        let window = window_for(&case);

        for document in &guidance.checklist {
            assert!(
                checkbox_labelled(&window, &document.label),
                "{name}: window lacks {}",
                document.label
            );
            assert!(
                sheet.contains(&document.label),
                "{name}: sheet lacks {}",
                document.label
            );
            assert!(
                cli.contains(&document.label),
                "{name}: CLI lacks {}",
                document.label
            );
        }
        for exempted in &guidance.exempted {
            for text in [&sheet, &cli] {
                assert!(
                    text.contains(&exempted.reason),
                    "{name}: {}",
                    exempted.reason
                );
            }
            assert!(window_has(&window, &exempted.reason), "{name}");
        }
        for procedure in &guidance.procedures {
            assert!(cli.contains(&procedure.title), "{name}");
            assert!(sheet.contains(&procedure.title), "{name}");
            assert!(
                window_has(&window, &procedure.state_text)
                    || window_has(&window, &procedure.to_settle.join("、"))
                    || procedure.status.accepted()
                    || !procedure.goes_ahead(),
                "{name}: window lacks the state of {}",
                procedure.title
            );
            for blocker in &procedure.blockers {
                assert!(
                    window_has(&window, &format!("受付できません: {}", blocker.title)),
                    "{name}"
                );
                assert!(window_has(&window, &blocker.for_staff), "{name}");
                assert!(
                    cli.contains(&blocker.title) && cli.contains(&blocker.for_staff),
                    "{name}"
                );
                assert!(
                    sheet.contains(&blocker.title),
                    "{name}: sheet lacks {}",
                    blocker.title
                );
                let citizen = blocker.for_citizen.as_deref().unwrap();
                assert!(sheet.contains(citizen), "{name}: sheet lacks {citizen}");
            }
            for warning in &procedure.warnings {
                assert!(
                    window_has(&window, &format!("要確認: {}", warning.title)),
                    "{name}"
                );
                assert!(cli.contains(&warning.title), "{name}");
            }
        }
        if let Some(expiry) = &guidance.new_cert_expiry {
            assert!(cli.contains(expiry) && sheet.contains(expiry), "{name}");
            assert!(window_has(&window, expiry), "{name}");
        }
        if let Some(signature) = &guidance.signature {
            assert!(cli.contains(signature), "{name}");
            assert!(window_has(&window, signature), "{name}");
        }
        if let Some(steps) = &guidance.steps {
            let lines = steps.steps.iter();
            for step in lines.flat_map(|s| std::iter::once(&s.text).chain(&s.notes)) {
                assert!(
                    cli.contains(step.as_str()) && sheet.contains(step.as_str()),
                    "{name}: {step}"
                );
            }
        }
        for line in &guidance.certificate {
            assert!(
                cli.contains(line.as_str()) && sheet.contains(line.as_str()),
                "{name}: {line}"
            );
        }
    }
}

/// The shipped model with one more question — 本人が入院中である — that makes the principal
/// bring a second identity document for a renewal.
fn model_with_a_new_question() -> String {
    let text = EMBEDDED_MODEL
        .replacen(
            "    questions: [\n",
            "    questions: [\n        Question(\n            id: \"holder_in_hospital\",\n            label: \"本人が入院中である\",\n            default: false,\n            source: Outside(\"試験のための質問です。ページが将来このような条件を足した場合を想定しています。\"),\n        ),\n",
            1,
        )
        .replacen(
            "when: AnyOf([Not(Answer(\"pins_known\")), Answer(\"pin_locked\")]),",
            "when: AnyOf([Not(Answer(\"pins_known\")), Answer(\"pin_locked\"), Answer(\"holder_in_hospital\")]),",
            1,
        );
    assert_ne!(text, EMBEDDED_MODEL);
    text
}

#[test]
fn a_new_yes_no_question_in_the_model_is_asked_in_the_window_and_used_by_its_route() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("procedures.ron");
    std::fs::write(&path, model_with_a_new_question()).unwrap();
    let source = ModelSource::load(ModelOrigin::File(path));
    assert!(source.problem.is_none(), "{:?}", source.problem);
    let app = CounterApp::new(source, common::date("2026-11-25"))
        .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    let mut harness = harness(app);
    harness.get_by_label("暗証番号再設定（ロック解除）").click();
    harness.run();
    harness.get_by_label("本人").click();
    harness.run();
    assert!(
        harness.query_by_label("本人が入院中である").is_none(),
        "not asked where no route reads it"
    );
    harness.get_by_label("暗証番号再設定（ロック解除）").click();
    harness.run();
    harness.get_by_label("電子証明書の更新・新規発行").click();
    harness.run();
    // Not answered yet: the document it decides is listed, to be confirmed.
    assert!(
        harness
            .query_by_label("本人のもう1点の本人確認書類")
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("要否を確認してください: 「本人が入院中である」")
            .next()
            .is_some()
    );
    harness.get_by_label("本人が入院中である").click();
    harness.run();
    assert!(
        harness
            .query_by_label("本人のもう1点の本人確認書類")
            .is_some()
    );
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .given_answer("holder_in_hospital"),
        Some(true)
    );
}

#[test]
fn a_case_file_answers_the_new_question_and_the_embedded_model_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let model_path = dir.path().join("procedures.ron");
    std::fs::write(&model_path, model_with_a_new_question()).unwrap();
    let case_path = dir.path().join("case.ron");
    std::fs::write(
        &case_path,
        "Case(today: \"2026-10-01\", procedures: [CertIssue], applicant: Principal,\n     holder_in_hospital: true)",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        Command::new(bin())
            .args(extra)
            .args(["evaluate", case_path.to_str().unwrap(), "--json"])
            .env_remove("MADOGUCHI_PROCEDURES")
            .output()
            .unwrap()
    };
    let output = run(&["--procedures", model_path.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(documents, ["card", "principal_secondary_id"]);
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(":2:6:") && stderr.contains("holder_in_hospital"),
        "{stderr}"
    );
}
