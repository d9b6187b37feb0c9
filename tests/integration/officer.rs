//! For the officer who keeps the rules: the model as a diagram (SVG, DOT, Mermaid, and the
//! window's 規則の図) and `diff`, which says what an edit changes — in the rules and in the
//! answers of the example cases.

use crate::common;
use common::{run, write_temp};

use common::model;
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi::model::EMBEDDED_MODEL;
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};

/// The text of an SVG's `<text>` elements.
fn svg_texts(svg: &str) -> String {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| part.split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| rest.split_once("</text>").map(|(text, _)| text))
        .map(|t| {
            t.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
        })
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn the_diagram_shows_every_route_and_document_and_the_three_steps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diagram.svg");
    let output = run(&["diagram", "--out", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    // Lines are wrapped to fit their boxes: compare without the breaks.
    let texts = svg_texts(&svg);
    let model = model();
    assert_eq!(model.routes.len(), 9);
    for route in &model.routes {
        assert!(texts.contains(&route.title), "no route «{}»", route.title);
        for step in route.flow.step_texts() {
            assert!(texts.contains(&step.text), "no step «{}»", step.text);
        }
        for need in route.flow.visits().flat_map(|v| &v.documents) {
            let label = need
                .label
                .clone()
                .unwrap_or_else(|| model.document_label(&need.document).to_string());
            assert!(texts.contains(&label), "no document «{label}»");
        }
    }
    for document in &model.documents {
        assert!(
            texts.contains(&document.label)
                || model.routes.iter().any(|r| r
                    .flow
                    .visits()
                    .flat_map(|v| &v.documents)
                    .any(|n| n.document == document.id && n.label.is_some())),
            "no document «{}»",
            document.label
        );
    }
    for (name, start) in [("diagram.dot", "digraph"), ("diagram.mmd", "flowchart")] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with(start), "{name}");
        for route in &model.routes {
            assert!(text.contains(&route.title), "{name}: {}", route.title);
        }
    }
    for page in ["diagram-cert_issue.svg", "diagram-pin_reset.svg"] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(
            text.contains(r#"width="420mm" height="297mm""#),
            "{page}: A3 landscape"
        );
    }
}

#[test]
fn diff_of_one_replaced_example_names_exactly_that_document_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let old = write_temp(dir.path(), "old.ron", EMBEDDED_MODEL);
    let edited = EMBEDDED_MODEL.replacen(
        "examples: [\"運転免許証\", \"旅券\", \"健康保険証\", \"介護保険証\"],",
        "examples: [\"運転免許証\", \"旅券\", \"資格確認書\", \"介護保険証\"],",
        1,
    );
    assert_ne!(edited, EMBEDDED_MODEL);
    let new = write_temp(dir.path(), "new.ron", &edited);
    let output = run(&["diff", &old, &new]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    let changes: Vec<&str> = report.lines().filter(|l| l.starts_with("  ・")).collect();
    assert_eq!(
        changes,
        [
            "  ・書類「本人のもう1点の本人確認書類」の例: 「運転免許証・旅券・健康保険証・介護保険証」 → 「運転免許証・旅券・資格確認書・介護保険証」"
        ],
        "{report}"
    );
    assert_eq!(run(&["diff", &old, &old]).status.code(), Some(0));
    let markdown = String::from_utf8(run(&["diff", &old, &new, "--format", "md"]).stdout).unwrap();
    assert!(
        markdown.starts_with("# ") && markdown.contains("\n## 書類\n"),
        "{markdown}"
    );
}

#[test]
fn diff_with_cases_lists_exactly_the_cases_whose_answer_changes() {
    let dir = tempfile::tempdir().unwrap();
    let old = write_temp(dir.path(), "old.ron", EMBEDDED_MODEL);
    // The principal's second identity document only when the PINs are not known, no longer
    // when a PIN is locked.
    let edited = EMBEDDED_MODEL.replacen(
        "when: AnyOf([Not(Answer(\"pins_known\")), Answer(\"pin_locked\")]),",
        "when: Not(Answer(\"pins_known\")),",
        1,
    );
    let new = write_temp(dir.path(), "new.ron", &edited);
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    let mut expected = Vec::new();
    let model = model();
    let new_model = madoguchi::model::ProcedureModel::from_ron(&edited, "new.ron").unwrap();
    for (name, case) in common::example_cases() {
        std::fs::write(cases.join(format!("{name}.ron")), case.to_ron()).unwrap();
        let answer = |m| serde_json::to_value(madoguchi::engine::evaluate(m, &case)).unwrap();
        let (a, b) = (answer(&model), answer(&new_model));
        let fields = ["documents", "same_day", "blockers", "outcomes"];
        if fields.iter().any(|f| a.get(f) != b.get(f)) {
            expected.push(name);
        }
    }
    assert!(!expected.is_empty());
    let output = run(&["diff", &old, &new, "--cases", cases.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    let listed: Vec<String> = report
        .split("事例の答えの変化")
        .nth(1)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("  ・"))
        .map(str::to_string)
        .collect();
    assert_eq!(listed, expected, "{report}");
    assert!(report.contains("cert_issue の documents"), "{report}");
}

#[test]
fn diagram_and_diff_refuse_a_broken_model_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write_temp(
        dir.path(),
        "broken.ron",
        &EMBEDDED_MODEL.replacen("id: \"card\",", "id: \"crad\",", 1),
    );
    let good = write_temp(dir.path(), "good.ron", EMBEDDED_MODEL);
    let check = run(&["check", &broken]);
    let expected = String::from_utf8_lossy(&check.stderr).to_string();
    assert_eq!(check.status.code(), Some(2));
    for args in [
        vec!["diagram", broken.as_str(), "--out", "/tmp/never.svg"],
        vec!["diff", good.as_str(), broken.as_str()],
        vec!["diff", broken.as_str(), good.as_str()],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            expected,
            "{args:?}"
        );
    }
}

#[test]
fn the_window_draws_the_rules_of_the_model_in_use() {
    let app = CounterApp::new(
        ModelSource::load(ModelOrigin::Embedded),
        common::date("2026-11-25"),
    )
    .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    let mut harness = Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 900.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app);
    harness.get_by_label("規則の図").click();
    harness.run();
    assert!(harness.state().counter.show_diagram);
    let model = model();
    for route in model.routes.iter().take(3) {
        assert!(
            harness.query_all_by_label(&route.title).next().is_some(),
            "no «{}» in 規則の図",
            route.title
        );
    }
}
