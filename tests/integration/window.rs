//! The counter window, driven as staff drive it: by label, click, key and typed text.

use crate::common;
use common::card_reader::{ScriptedReader, at_the_reader, card};

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use madoguchi::counter::CounterSession;
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};
use std::path::PathBuf;
use std::time::Duration;

fn today() -> chrono::NaiveDate {
    common::date("2026-11-25")
}

fn app() -> CounterApp {
    CounterApp::new(ModelSource::load(ModelOrigin::Embedded), today())
        .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false)
}

fn harness(app: CounterApp) -> Harness<'static, CounterApp> {
    Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 1000.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app)
}

fn has_label(harness: &Harness<'_, CounterApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

fn has_text_containing(harness: &Harness<'_, CounterApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn click(harness: &mut Harness<'_, CounterApp>, label: &str) {
    harness.get_by_label(label).click();
    common::settle(harness);
}

/// Types a date and leaves the field with Enter, as staff do: the date is read then.
fn type_into(harness: &mut Harness<'_, CounterApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The dates a renewal and a PIN reset are decided on: a certificate inside its renewal
/// window on 2026-11-25, a card valid for years.
fn type_the_card_dates(harness: &mut Harness<'_, CounterApp>) {
    type_into(harness, "電子証明書の有効期限", "2027-02-10");
    type_into(harness, "カードの有効期限", "2031-12-10");
}

/// Answers a yes/no question: from 未確認 the first click says はい, the next いいえ.
fn answer(harness: &mut Harness<'_, CounterApp>, label: &str, yes: bool) {
    click(harness, label);
    if !yes {
        click(harness, label);
    }
}

/// 本人 asks for the PIN reset; the dates are typed.
fn principal_pin_reset(harness: &mut Harness<'_, CounterApp>) {
    click(harness, "暗証番号再設定（ロック解除）");
    click(harness, "本人");
    type_the_card_dates(harness);
}

#[test]
fn choosing_procedure_and_applicant_by_label_shows_the_checklist() {
    let mut harness = harness(app());
    assert!(has_label(&harness, "手続きを選んでください"));
    click(&mut harness, "電子証明書の更新・新規発行");
    assert!(has_label(&harness, "手続きする人を選んでください"));
    click(&mut harness, "本人");
    assert!(has_label(&harness, "本人のマイナンバーカード"));
    // Nothing decided without its facts: the dates and the PIN questions.
    assert!(has_label(&harness, "確認が必要です"));
    assert!(!has_label(&harness, "受付可"));
    type_the_card_dates(&mut harness);
    answer(
        &mut harness,
        "本人が暗証番号（4種類）を確実に覚えている",
        true,
    );
    answer(&mut harness, "暗証番号にロックがかかっている", false);
    assert!(has_label(&harness, "0 / 1 確認済み"));
    assert!(!has_label(&harness, "受付可"));
}

#[test]
fn acceptable_appears_only_when_every_item_is_ticked() {
    let mut harness = harness(app());
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    assert!(has_label(&harness, "1 / 2 確認済み"));
    assert!(!has_label(&harness, "受付可"));
    click(&mut harness, "本人のもう1点の本人確認書類");
    assert!(has_label(&harness, "受付可"));
    // Un-ticking takes it away again.
    click(&mut harness, "本人のマイナンバーカード");
    assert!(!has_label(&harness, "受付可"));
}

/// A member of staff at the keyboard: every key event sent is counted, none is made up.
struct Staff {
    harness: Harness<'static, CounterApp>,
    keys: usize,
}

impl Staff {
    fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run();
        self.keys += 1;
    }

    /// Types into the field that has the focus: one key per character.
    fn type_text(&mut self, text: &str) {
        for ch in text.chars() {
            self.harness.event(egui::Event::Text(ch.to_string()));
            self.keys += 1;
        }
        self.harness.run();
    }
}

#[test]
fn the_common_case_is_decided_and_ticked_from_the_keyboard_alone() {
    // 本人 renews: the renewal, who came, the two dates from the card (eight keypad digits
    // each), Tab between fields, the two PIN questions, the card.
    let mut staff = Staff {
        harness: harness(app()),
        keys: 0,
    };
    staff.press(Key::F1);
    staff.press(Key::F5);
    staff.harness.get_by_label("電子証明書の有効期限").focus();
    staff.harness.run();
    staff.type_text("20270210");
    staff.press(Key::Tab);
    staff.type_text("20311210");
    staff.press(Key::Enter);
    assert!(has_label(&staff.harness, "確認が必要です"));
    assert!(!has_label(&staff.harness, "受付可"));
    staff
        .harness
        .get_by_label("本人が暗証番号（4種類）を確実に覚えている")
        .click();
    staff.harness.run();
    staff.keys += 1;
    for _ in 0..2 {
        staff
            .harness
            .get_by_label("暗証番号にロックがかかっている")
            .click();
        staff.harness.run();
        staff.keys += 1;
    }
    staff.press(Key::Space);
    assert!(has_label(&staff.harness, "受付可"));
    assert!(staff.harness.state().counter.session.is_ticked(
        madoguchi::engine::VisitNumber::First,
        &madoguchi::model::DocumentId("card".into())
    ));
    assert!(staff.keys <= 25, "{} keys and clicks", staff.keys);
}

#[test]
fn a_blocked_case_shows_its_banner_and_is_never_acceptable() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_into(&mut harness, "電子証明書の有効期限", "2027-02-10");
    type_into(&mut harness, "カードの有効期限", "2026-11-24");
    assert!(has_text_containing(
        &harness,
        "受付できません: マイナンバーカード本体の有効期限が切れています"
    ));
    assert!(has_text_containing(&harness, "再交付"));
    assert!(
        !has_label(&harness, "本人のマイナンバーカード"),
        "nothing to tick for a refused procedure"
    );
    assert!(!has_label(&harness, "受付可"));
    assert!(has_label(&harness, "本日は受付できません"));
}

#[test]
fn before_the_window_the_banner_gives_the_opening_date() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_into(&mut harness, "電子証明書の有効期限", "R9.6.1");
    assert!(has_text_containing(&harness, "まだ更新期間ではありません"));
    assert!(has_text_containing(
        &harness,
        "2027年3月2日（令和9年3月2日）から申請できます"
    ));
}

#[test]
fn a_bad_date_gets_a_message_beside_its_field_and_nothing_is_evaluated() {
    let mut harness = harness(app());
    click(&mut harness, "暗証番号再設定（ロック解除）");
    click(&mut harness, "本人");
    type_into(&mut harness, "本人の生年月日", "2026-02-30");
    assert!(has_text_containing(&harness, "存在しない日付"));
    assert!(has_text_containing(
        &harness,
        "本人の生年月日を確認してください"
    ));
    assert!(!has_label(&harness, "本人のマイナンバーカード"));
}

#[test]
fn a_birth_date_in_wareki_is_echoed_with_the_age() {
    let mut harness = harness(app());
    type_into(&mut harness, "本人の生年月日", "S55.6.15");
    assert!(has_text_containing(
        &harness,
        "1980年6月15日（昭和55年6月15日）・46歳"
    ));
}

#[test]
fn only_the_questions_for_a_parent_are_asked() {
    let mut harness = harness(app());
    click(&mut harness, "暗証番号再設定（ロック解除）");
    assert!(!has_label(&harness, "本籍地が茨木市である"));
    click(&mut harness, "法定代理人（15歳未満）");
    assert!(has_label(&harness, "本籍地が茨木市である"));
    assert!(!has_text_containing(
        &harness,
        "照会書兼回答書」を封入封緘した封筒を持参"
    ));
    assert!(has_label(
        &harness,
        "法定代理人（親権者）であることを証する書類"
    ));
    click(&mut harness, "本籍地が茨木市である");
    assert!(!has_label(
        &harness,
        "法定代理人（親権者）であることを証する書類"
    ));
    assert!(has_text_containing(
        &harness,
        "不要: 本籍地が茨木市のため不要"
    ));
}

#[test]
fn changing_an_answer_keeps_the_ticks_still_required() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_the_card_dates(&mut harness);
    answer(&mut harness, "暗証番号にロックがかかっている", false);
    answer(
        &mut harness,
        "本人が暗証番号（4種類）を確実に覚えている",
        false,
    );
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "本人のもう1点の本人確認書類");
    assert!(has_label(&harness, "受付可"));
    answer(
        &mut harness,
        "本人が暗証番号（4種類）を確実に覚えている",
        true,
    );
    assert!(has_label(&harness, "受付可"), "the card's tick stays");
    assert!(!has_label(&harness, "本人のもう1点の本人確認書類"));
}

#[test]
fn the_proxy_three_step_route_asks_which_visit_this_is() {
    let mut harness = harness(app());
    click(&mut harness, "暗証番号再設定（ロック解除）");
    click(&mut harness, "任意代理人");
    type_the_card_dates(&mut harness);
    assert!(has_label(&harness, "0 / 2 確認済み"));
    click(&mut harness, "2回目の来庁：書類の持参");
    assert!(has_label(&harness, "0 / 7 確認済み"));
    assert!(has_label(&harness, "暗証番号記入用紙を封入封緘した封筒"));
    // F4 turns it back to the first visit.
    harness.key_press(Key::F4);
    harness.run();
    assert!(has_label(&harness, "0 / 2 確認済み"));
}

#[test]
fn next_citizen_clears_the_whole_case() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_into(&mut harness, "本人の生年月日", "S55.6.15");
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "次の方");
    // Never printed: asked first.
    assert!(has_label(&harness, "次の方に進みますか"));
    click(&mut harness, "次の方へ（Enter）");
    assert_eq!(
        harness.state().counter.session,
        CounterSession::new(today())
    );
    assert!(has_label(&harness, "手続きを選んでください"));
}

#[test]
fn ctrl_n_is_next_citizen_too() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().counter.session,
        CounterSession::new(today())
    );
}

/// A window on a shared model file that reloads it as soon as it changes (no settle delay).
fn watching(path: &std::path::Path) -> Harness<'static, CounterApp> {
    let source =
        ModelSource::load(ModelOrigin::File(path.to_path_buf())).with_settle(Duration::ZERO);
    harness(
        CounterApp::new(source, today())
            .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false),
    )
}

fn temp_model(dir: &std::path::Path, text: &str) -> PathBuf {
    let path = dir.join("procedures.ron");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_broken_shared_model_shows_a_banner_and_the_window_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let broken = madoguchi::model::EMBEDDED_MODEL.replacen("id: \"card\",", "id: \"card\"", 1);
    let path = temp_model(dir.path(), &broken);
    let mut harness = watching(&path);
    assert!(has_text_containing(
        &harness,
        "共有の手続きモデルを使えません（組み込みのモデルで動作中）"
    ));
    assert!(has_text_containing(
        &harness,
        &format!("{}:", path.display())
    ));
    assert!(
        has_text_containing(&harness, "（共有: "),
        "the top bar names the shared file"
    );
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "本人のもう1点の本人確認書類");
    assert!(has_label(&harness, "受付可"));
}

#[test]
fn a_changed_shared_model_is_reloaded_keeping_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_model(dir.path(), madoguchi::model::EMBEDDED_MODEL);
    let mut harness = watching(&path);
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    let edited = madoguchi::model::EMBEDDED_MODEL.replacen(
        "label: \"本人のもう1点の本人確認書類\"",
        "label: \"本人の別の本人確認書類\"",
        1,
    );
    std::fs::write(&path, edited).unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(has_label(&harness, "本人の別の本人確認書類"));
    assert!(
        has_label(&harness, "1 / 2 確認済み"),
        "the tick on the card stays"
    );
    // A broken edit keeps the last good model and says why.
    std::fs::write(&path, "ProcedureModel(").unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(has_label(&harness, "本人の別の本人確認書類"));
    assert!(has_text_containing(
        &harness,
        "共有の手続きモデルを使えません（前回読み込めた内容で動作中）"
    ));
}

/// The officer's edit of the urgent crash report: a comment inside a comment, with wide
/// characters, and a mistyped document id.
fn nested_comment_and_typo_model() -> String {
    madoguchi::model::EMBEDDED_MODEL
        .replacen(
            "    office: Office(",
            "    /* 2026年4月の改訂で消した項目 /* 旧: 窓口 */ ここまで */\n    office: Office(",
            1,
        )
        .replacen("id: \"agent_secondary_id\"", "id: \"agent_secondry_id\"", 1)
}

#[test]
fn a_shared_model_with_a_nested_comment_swapped_in_keeps_the_window_and_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_model(dir.path(), madoguchi::model::EMBEDDED_MODEL);
    let mut harness = watching(&path);
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    for text in [
        nested_comment_and_typo_model(),
        madoguchi::model::EMBEDDED_MODEL.replacen(
            "    office:",
            "\u{200E}\u{2028}\u{85}office:",
            1,
        ) + "/*/**/(健*/ 余分",
    ] {
        std::fs::write(&path, text).unwrap();
        harness.state().counter.source.mark_changed();
        harness.run();
        assert!(has_text_containing(
            &harness,
            "共有の手続きモデルを使えません（前回読み込めた内容で動作中）"
        ));
        assert!(has_text_containing(
            &harness,
            &format!("{}:", path.display())
        ));
        assert!(has_label(&harness, "1 / 2 確認済み"), "the case is kept");
    }
}

#[test]
fn a_window_started_on_a_shared_model_with_a_nested_comment_runs_on_the_embedded_model() {
    let dir = tempfile::tempdir().unwrap();
    let text = nested_comment_and_typo_model();
    let path = temp_model(dir.path(), &text);
    let mut harness = watching(&path);
    let line = text[..text.find("agent_secondry_id").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(has_text_containing(
        &harness,
        &format!(
            "共有の手続きモデルを使えません（組み込みのモデルで動作中）: {}:{line}:",
            path.display()
        )
    ));
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "本人のもう1点の本人確認書類");
    assert!(has_label(&harness, "受付可"));
}

#[test]
fn save_writes_the_sheet_with_the_ticks_made_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("sheet.pdf");
    let chosen = target.clone();
    let app = CounterApp::new(ModelSource::load(ModelOrigin::Embedded), today())
        .with_save_dialog(Box::new(move |_| SaveChoice::Path(chosen.clone())), false);
    let mut harness = harness(app);
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "保存（PDF）");
    assert!(has_text_containing(&harness, "保存しました"));
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = common::pdf_text(&target);
    assert!(
        text.contains("確認した書類: 本人のマイナンバーカード"),
        "{text}"
    );
    assert!(text.contains("不足している書類"), "{text}");
}

#[test]
fn saving_into_a_folder_that_cannot_be_written_says_so_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder").join("sheet.pdf");
    let chosen = target.clone();
    let app = CounterApp::new(ModelSource::load(ModelOrigin::Embedded), today())
        .with_save_dialog(Box::new(move |_| SaveChoice::Path(chosen.clone())), false);
    let mut harness = harness(app);
    principal_pin_reset(&mut harness);
    click(&mut harness, "保存（PDF）");
    assert!(has_text_containing(&harness, "書き込めません"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn print_is_disabled_until_the_case_is_known() {
    let mut harness = harness(app());
    click(&mut harness, "印刷");
    assert_eq!(harness.state().counter.notice, None);
}

#[test]
fn an_idle_window_asks_for_no_repaint() {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let mut app = app();
    app.counter
        .session
        .toggle_procedure(madoguchi::model::ProcedureKind::PinReset);
    app.counter.session.applicant = Some(madoguchi::model::ApplicantKind::Proxy);
    // Time moves on between frames as in a real window (scroll bars fade in over time).
    let input = |frame: u32| egui::RawInput {
        time: Some(f64::from(frame) * 0.5),
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            Vec2::new(1366.0, 768.0),
        )),
        ..Default::default()
    };
    // The printer is looked up off the window's thread when the window opens, and its answer
    // wakes the window once: the window is idle after that.
    let asked = std::time::Instant::now();
    let mut frame = 0;
    while app.counter.printer_label() == "プリンター: 確認中…" {
        assert!(asked.elapsed() < std::time::Duration::from_secs(30));
        ctx.run_ui(input(frame), |ui| app.show(ui))
            .textures_delta
            .clear();
        frame += 1;
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut delay = std::time::Duration::ZERO;
    for frame in frame..frame + 6 {
        let mut output = ctx.run_ui(input(frame), |ui| app.show(ui));
        output.textures_delta.clear();
        delay = output.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    }
    assert_eq!(
        delay,
        std::time::Duration::MAX,
        "an idle window must not repaint"
    );
}

/// Types into a date field, replacing what is there.
fn replace_text(harness: &mut Harness<'_, CounterApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn every_example_case_can_be_taken_through_the_window() {
    use madoguchi::counter::DateField;
    let model = common::model();
    let mut taken = 0;
    for (name, case) in common::example_cases() {
        let mut harness = harness(app());
        for procedure in &case.procedures {
            click(&mut harness, model.procedure_title(*procedure));
        }
        click(
            &mut harness,
            &model.applicant(case.applicant).unwrap().short_label,
        );
        let target = CounterSession::from_case(&case);
        for field in DateField::ALL {
            if !target.text(field).is_empty() {
                replace_text(&mut harness, field.label(), target.text(field));
            }
        }
        let questions: Vec<(String, String)> = harness
            .state()
            .counter
            .session
            .questions(&model)
            .iter()
            .map(|q| (q.id.clone(), q.label.clone()))
            .collect();
        for (id, label) in questions {
            let session = &harness.state().counter.session;
            let wanted = target.answer(&model, &id);
            if session.given_answer(&id).is_none() {
                answer(&mut harness, &label, wanted);
            } else if session.answer(&model, &id) != wanted {
                click(&mut harness, &label);
            }
        }
        // Answers the window does not ask for do not change the outcome.
        let evaluation = madoguchi::engine::evaluate(&model, &case);
        let on_screen = harness.state().counter.session.case(&model).unwrap();
        assert_eq!(
            madoguchi::engine::evaluate(&model, &on_screen),
            evaluation,
            "{name}"
        );
        let labels: Vec<String> = harness
            .state()
            .counter
            .view()
            .guidance
            .as_ref()
            .map(|g| g.checklist.iter().map(|d| d.label.clone()).collect())
            .unwrap_or_default();
        for label in &labels {
            click(&mut harness, label);
        }
        for blocker in &evaluation.blockers {
            let title = &model.blocker(blocker).unwrap().title;
            assert!(
                has_text_containing(&harness, &format!("受付できません: {title}")),
                "{name}"
            );
        }
        // As the guidance decides it for the case file with every document seen: a case
        // file without a date the decision needs is not 受付可 in the window either.
        let visit =
            madoguchi::guidance::shown_visit(&evaluation, madoguchi::engine::VisitNumber::First);
        let all: Vec<_> = evaluation
            .requirements_for(visit)
            .map(|r| r.document.clone())
            .collect();
        let decided = madoguchi::guidance::Guidance::build(&model, &case, &evaluation, visit, &all);
        assert_eq!(
            harness.query_all_by_label("受付可").count(),
            decided
                .procedures
                .iter()
                .filter(|p| p.status.accepted())
                .count(),
            "{name}: 受付可 once for each procedure accepted"
        );
        taken += 1;
    }
    assert!(taken >= 15);
}

#[test]
fn ctrl_plus_and_minus_zoom_the_window() {
    let mut harness = harness(app());
    let before = harness.ctx.zoom_factor();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    let zoomed_in = harness.ctx.zoom_factor();
    assert!(zoomed_in > before, "{before} → {zoomed_in}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!(harness.ctx.zoom_factor() < zoomed_in);
}

#[test]
fn every_text_field_is_labelled_for_screen_readers() {
    let harness = harness(app());
    for field in madoguchi::counter::DateField::ALL {
        // Panics unless exactly one text input carries the field's label.
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, field.label());
    }
}

#[test]
fn next_citizen_starts_on_the_clocks_new_day() {
    let tomorrow = today().succ_opt().unwrap();
    let app = app().with_clock(Box::new(move || tomorrow));
    let mut harness = harness(app);
    click(&mut harness, "次の方");
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .text(madoguchi::counter::DateField::Visit),
        "2026-11-26"
    );
}

#[test]
fn every_kind_of_control_is_reached_with_tab() {
    let mut harness = harness(app());
    harness.key_press(Key::F1);
    harness.key_press(Key::F5);
    harness.run();
    let mut reached = std::collections::BTreeSet::new();
    for _ in 0..40 {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(node) =
            harness.query_by(|n: &egui_kittest::kittest::AccessKitNode<'_>| n.is_focused())
        {
            use egui_kittest::kittest::NodeT;
            reached.insert(node.accesskit_node().label().unwrap_or_default());
        }
    }
    for label in [
        "次の方",
        "電子証明書の更新・新規発行",
        "本人",
        "任意代理人",
        "来庁日",
        "カードの有効期限",
        "暗証番号にロックがかかっている",
        "本人のマイナンバーカード",
        "印刷",
    ] {
        assert!(
            reached.contains(label),
            "Tab never reaches {label}: {reached:?}"
        );
    }
}

#[test]
fn at_1024_by_768_the_checklist_keeps_its_width_and_the_preview_fits_the_screen() {
    let app = CounterApp::new(ModelSource::load(ModelOrigin::Embedded), today())
        .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    let mut harness = Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1024.0, 768.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app);
    click(&mut harness, "暗証番号再設定（ロック解除）");
    click(&mut harness, "任意代理人");
    let checklist = harness.get_by_label("確認する書類").rect();
    let preview = harness.get_by_label("お渡しする案内").rect();
    assert!(
        preview.left() - checklist.left() >= 400.0,
        "checklist {checklist:?} preview {preview:?}"
    );
    let mut seen = 0;
    for node in harness.query_all_by_label_contains("") {
        let rect = node.rect();
        if rect.is_positive() && rect.top() < 768.0 {
            seen += 1;
            assert!(
                rect.right() <= 1024.0 + 0.5,
                "{:?} runs off the screen at {rect:?}",
                node.accesskit_node().label()
            );
        }
    }
    assert!(seen > 30, "only {seen} labelled nodes on screen");
}

/// The shared model rewritten in place hundreds of times — truncated, then written in pieces,
/// as editors and file shares do — while the window watches it.
#[test]
fn a_shared_model_rewritten_in_place_never_shows_a_half_written_moment_nor_drops_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_model(dir.path(), madoguchi::model::EMBEDDED_MODEL);
    let settle = Duration::from_millis(400);
    let source = ModelSource::load(ModelOrigin::File(path.clone())).with_settle(settle);
    let mut harness = harness(
        CounterApp::new(source, today())
            .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false),
    );
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    let edited = madoguchi::model::EMBEDDED_MODEL.replacen(
        "label: \"本人のもう1点の本人確認書類\"",
        "label: \"本人の別の本人確認書類\"",
        1,
    );
    let bytes = edited.as_bytes();
    for round in 0..300 {
        // Truncate, then write a prefix cut at any byte (even inside a character).
        let cut = (round * 7919) % bytes.len();
        std::fs::write(&path, &bytes[..cut]).unwrap();
        harness.state().counter.source.mark_changed();
        harness.run();
        assert!(
            !has_text_containing(&harness, "共有の手続きモデルを使えません"),
            "round {round}: a half-written file is not an error"
        );
        assert!(
            has_label(&harness, "1 / 2 確認済み"),
            "round {round}: the case is kept"
        );
    }
    std::fs::write(&path, &edited).unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(has_label(&harness, "本人の別の本人確認書類"));
    assert!(has_label(&harness, "1 / 2 確認済み"));
    // A file that stays broken is reported once it has settled.
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    harness.state().counter.source.mark_changed();
    harness.run();
    assert!(!has_text_containing(
        &harness,
        "共有の手続きモデルを使えません"
    ));
    std::thread::sleep(settle + Duration::from_millis(100));
    harness.run();
    assert!(has_text_containing(
        &harness,
        "共有の手続きモデルを使えません（前回読み込めた内容で動作中）"
    ));
    assert!(
        has_label(&harness, "本人の別の本人確認書類"),
        "the last good rules run"
    );
}

#[test]
fn a_card_on_the_reader_fills_the_expiry_and_the_pin_question_marked_from_the_card() {
    use madoguchi::card::reader::ReaderEvent;
    let (reader, heard) = std::sync::mpsc::channel();
    let app = app().with_card_watch(Box::new(ScriptedReader(heard)));
    let mut harness = harness(app);
    at_the_reader(&mut harness, &reader, ReaderEvent::Waiting);
    assert!(has_label(&harness, "読み取り機: カードを置いてください"));
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    at_the_reader(&mut harness, &reader, ReaderEvent::Reading);
    assert!(has_label(&harness, "読み取り機: 読み取り中…"));
    at_the_reader(&mut harness, &reader, card("2027-02-10", 3, 0));
    assert!(has_label(&harness, "読み取り機: 読み取りました"));
    let session = &harness.state().counter.session;
    assert_eq!(
        session.text(madoguchi::counter::DateField::CertExpiry),
        "2027-02-10"
    );
    assert_eq!(
        session.given_answer("pin_locked"),
        Some(true),
        "署名用 has 0 tries"
    );
    assert!(has_label(&harness, "カードから"));
    assert!(has_label(
        &harness,
        "カードから（残り: 利用者証明用 3回・署名用 0回）"
    ));
    // The card's own expiry is not on the chip without a PIN: the cursor waits on what staff
    // see on the card's face, so the common case is one Enter.
    let hint = "カード本体の有効期限はICチップから読めません。カード表面のカード本体の有効期限（電子証明書の欄ではなく）を見て、下の日付より後なら Enter でチェック、同じ日か前なら Shift+Tab で日付を入力してください";
    assert!(has_label(&harness, hint));
    let seen = "カード表面の有効期限は 2027年2月10日（電子証明書の有効期限）より後";
    harness.run();
    assert!(
        harness.get_by_label(seen).is_focused(),
        "the cursor is on what is seen"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        !harness.get_by_label(seen).is_focused(),
        "taken once, not again"
    );
    assert!(!harness.state().counter.session.card_outlives_cert());
    // Staff may still change what the card said.
    click(&mut harness, "暗証番号にロックがかかっている");
    assert_eq!(
        harness.state().counter.session.given_answer("pin_locked"),
        Some(false)
    );
    assert!(!has_label(
        &harness,
        "カードから（残り: 利用者証明用 3回・署名用 0回）"
    ));
    // Taken away: what was read stays.
    at_the_reader(&mut harness, &reader, ReaderEvent::Removed);
    assert!(has_label(&harness, "読み取り機: カードを置いてください"));
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .text(madoguchi::counter::DateField::CertExpiry),
        "2027-02-10"
    );
    // A second card with another expiry, same visit: asked before it replaces the date.
    at_the_reader(&mut harness, &reader, card("2029-05-01", 3, 5));
    assert!(has_label(&harness, "別のカードが置かれました"));
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .text(madoguchi::counter::DateField::CertExpiry),
        "2027-02-10"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .text(madoguchi::counter::DateField::CertExpiry),
        "2029-05-01"
    );
    assert_eq!(
        harness.state().counter.session.given_answer("pin_locked"),
        Some(false)
    );
}

#[test]
fn without_a_reader_the_window_says_so_and_works_as_before() {
    use madoguchi::card::reader::ReaderEvent;
    let (reader, heard) = std::sync::mpsc::channel();
    let mut harness = harness(app().with_card_watch(Box::new(ScriptedReader(heard))));
    at_the_reader(&mut harness, &reader, ReaderEvent::NoReader);
    assert!(has_label(&harness, "読み取り機: 読み取り機なし"));
    principal_pin_reset(&mut harness);
    click(&mut harness, "本人のマイナンバーカード");
    click(&mut harness, "本人のもう1点の本人確認書類");
    assert!(has_label(&harness, "受付可"));
}

#[test]
fn undo_brings_the_citizen_back_after_next_citizen() {
    let mut harness = harness(app());
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_the_card_dates(&mut harness);
    let before = harness.state().counter.session.clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(
        has_label(&harness, "次の方に進みますか"),
        "never printed: asked"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().counter.session,
        CounterSession::new(today())
    );
    assert!(has_label(&harness, "元に戻す"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().counter.session, before);
    assert!(has_text_containing(
        &harness,
        "前の方の入力を元に戻しました"
    ));
    // Only once, and only right after 次の方.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(has_text_containing(&harness, "元に戻せる入力はありません"));
    assert_eq!(harness.state().counter.session, before);
}

#[test]
fn escape_at_the_question_keeps_the_citizen() {
    let mut harness = harness(app());
    click(&mut harness, "暗証番号再設定（ロック解除）");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!has_label(&harness, "次の方に進みますか"));
    assert!(
        harness
            .state()
            .counter
            .session
            .requests(madoguchi::model::ProcedureKind::PinReset)
    );
}

#[test]
fn a_half_typed_date_keeps_the_panels_as_they_were() {
    let mut harness = harness(app());
    principal_pin_reset(&mut harness);
    assert!(has_label(&harness, "0 / 2 確認済み"));
    harness.get_by_label("電子証明書の有効期限").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("電子証明書の有効期限")
        .type_text("2027-0");
    harness.run();
    assert!(
        has_label(&harness, "本人のマイナンバーカード"),
        "the checklist stays"
    );
    assert!(has_label(&harness, "0 / 2 確認済み"));
    assert!(
        !has_text_containing(&harness, "F1・F2 で手続き"),
        "no 'choose a procedure'"
    );
    assert!(!has_text_containing(&harness, "日付として読めません"));
}

#[test]
fn escape_closes_the_diagram_and_keys_there_never_reach_the_form() {
    let mut harness = harness(app());
    click(&mut harness, "規則の図");
    assert!(harness.state().counter.show_diagram);
    for key in [Key::F1, Key::F5, Key::Space, Key::F9] {
        harness.key_press(key);
        harness.run();
    }
    let session = &harness.state().counter.session;
    assert!(session.procedures().is_empty(), "F1 did not reach the form");
    assert_eq!(session.applicant, None, "F5 did not reach the form");
    assert_eq!(harness.state().counter.sheet_language, "ja");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().counter.show_diagram);
    harness.key_press(Key::F1);
    harness.run();
    assert!(!harness.state().counter.session.procedures().is_empty());
}

#[test]
fn a_key_that_cannot_act_says_why() {
    let mut harness = harness(app());
    harness.key_press(Key::F4);
    harness.run();
    assert!(has_text_containing(
        &harness,
        "F4: 来庁の回数は即日で終わらない手続きのときだけ選べます"
    ));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    assert!(has_text_containing(
        &harness,
        "印刷できません: 手続きを選んでください"
    ));
    click(&mut harness, "電子証明書の更新・新規発行");
    click(&mut harness, "本人");
    type_into(&mut harness, "電子証明書の有効期限", "2027-02-30");
    harness.key_press(Key::Space);
    harness.run();
    assert!(
        has_text_containing(
            &harness,
            "Space: 書類を確認できません: 電子証明書の有効期限を確認してください"
        ),
        "an invalid date is named"
    );
}

#[test]
fn a_model_with_its_procedures_in_another_order_shows_them_in_that_order() {
    let model = madoguchi::model::EMBEDDED_MODEL;
    let start = model.find("        ProcedureInfo(").unwrap();
    let second = start + 1 + model[start + 1..].find("        ProcedureInfo(").unwrap();
    let end = second + model[second..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    let swapped = format!(
        "{}{}{}{}",
        &model[..start],
        &model[second..end],
        &model[start..second],
        &model[end..]
    );
    let dir = tempfile::tempdir().unwrap();
    let path = temp_model(dir.path(), &swapped);
    let mut harness = watching(&path);
    assert!(!has_text_containing(
        &harness,
        "共有の手続きモデルを使えません"
    ));
    let pin = harness.get_by_label("暗証番号再設定（ロック解除）").rect();
    let renewal = harness.get_by_label("電子証明書の更新・新規発行").rect();
    assert!(pin.top() < renewal.top(), "{pin:?} above {renewal:?}");
    harness.key_press(Key::F1);
    harness.run();
    let session = &harness.state().counter.session;
    assert!(session.requests(madoguchi::model::ProcedureKind::PinReset));
    assert!(!session.requests(madoguchi::model::ProcedureKind::CertIssue));
}
