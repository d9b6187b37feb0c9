//! Another city (`tests/data/other-city`, the invented さくら野市) written in the model format
//! with no line of Rust: two pages, a counter per procedure, a branch office, hours, fees and
//! reservation, a refusal of its own, a two-step and a four-step flow, a renewal window with
//! no 翌日, no same-day proxy route, no convenience-store line. Its sheets say only its own
//! words, in every language it has.

use crate::common;
use common::{pdf_text, repo_path, run};

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi::model::{Flow, ProcedureModel, Source};
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};

/// Ibaraki's words, which no sheet of another city may carry.
const IBARAKI_WORDS: [&str; 5] = ["茨木", "南館", "4番窓口", "072-620-1621", "ibaraki"];

fn model_path() -> String {
    repo_path("tests/data/other-city/procedures.ron")
        .to_str()
        .unwrap()
        .to_string()
}

fn case_path(name: &str) -> String {
    repo_path(&format!("tests/data/other-city/cases/{name}.ron"))
        .to_str()
        .unwrap()
        .to_string()
}

fn other_city() -> ProcedureModel {
    let text = std::fs::read_to_string(model_path()).unwrap();
    ProcedureModel::from_ron(&text, "other-city").unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// The sheet of `case` in `lang` (both visits when `second`), as pdftotext reads it.
fn sheet(case: &str, lang: &str, second: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    let model = model_path();
    let case = case_path(case);
    let mut args = vec!["--procedures", &model, "summary", &case, "--lang", lang];
    if second {
        args.push("--second-visit");
    }
    args.extend(["--out", out.to_str().unwrap()]);
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    pdf_text(&out)
}

#[test]
fn check_passes_with_its_own_languages_and_cases() {
    let model = model_path();
    let cases = repo_path("tests/data/other-city/cases");
    let output = run(&["check", &model, "--cases", cases.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("案内の言語 ja・en"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("8/8 件の事例が一致しました"),
        "{}",
        stdout(&output)
    );
    let update = run(&["lang", "update", &model]);
    assert_eq!(update.status.code(), Some(0), "{}", stdout(&update));
}

#[test]
fn every_page_quote_is_on_the_page_it_names() {
    let model = other_city();
    let page = |id: &str| {
        std::fs::read_to_string(repo_path(&format!("tests/data/other-city/pages/{id}.txt")))
            .unwrap()
    };
    let mut quoted = 0;
    for source in model.sources() {
        match source {
            Source::PageOf(id, text) => {
                assert!(page(id).contains(text.as_str()), "not on page {id}: {text}");
                quoted += 1;
            }
            Source::Page(text) => panic!("a quote that names no page: {text}"),
            Source::Outside(_) => {}
        }
    }
    assert!(quoted > 40, "only {quoted} quotes");
    for procedure in &model.procedures {
        let id = procedure.page.as_deref().unwrap();
        assert!(model.page_ref(id).is_some(), "{id}");
    }
}

#[test]
fn its_sheets_carry_none_of_ibarakis_words_in_any_language() {
    let cases = [
        "proxy-renewal-four-steps",
        "proxy-pin-reset-two-steps",
        "proxy-without-photo-id",
        "principal-pin-reset-branch",
        "principal-day-before-window",
    ];
    for case in cases {
        for lang in ["ja", "en"] {
            for second in [false, true] {
                if second && !case.starts_with("proxy-renewal") && !case.starts_with("proxy-pin") {
                    continue;
                }
                let text = sheet(case, lang, second);
                let lower = text.to_lowercase();
                for word in IBARAKI_WORDS {
                    assert!(!lower.contains(word), "{case} {lang}: {word}\n{text}");
                }
                assert!(
                    text.contains("0999-11-2233"),
                    "{case} {lang}: its own phone\n{text}"
                );
            }
        }
    }
}

#[test]
fn its_sheets_show_its_places_hours_fees_and_reservation() {
    let ja = sheet("proxy-renewal-four-steps", "ja", false);
    for words in [
        "受付場所: さくら野市役所本庁舎1階 市民課1番窓口",
        "受付時間: 平日午前8時30分から午後5時まで（木曜日は午後7時まで）",
        "手数料: 無料",
        "木曜日の午後5時以降は予約制です",
        "「マイナンバーカードの電子証明書の更新について」（2025-04-01更新）",
    ] {
        assert!(ja.contains(words), "{words}\n{ja}");
    }
    let en = sheet("proxy-renewal-four-steps", "en", false);
    for words in [
        "Place: Sakurano City Hall, Main Building, 1st floor, Civic Affairs Division, counter 1",
        "Opening hours: weekdays 8:30 a.m. to 5:00 p.m.",
        "Fee: free of charge",
    ] {
        assert!(en.contains(words), "{words}\n{en}");
    }
    // The PIN reset has its own counter and page, and a branch office that does it.
    let pin = sheet("principal-pin-reset-branch", "ja", false);
    assert!(
        pin.contains("受付場所: さくら野市役所本庁舎1階 市民課3番窓口"),
        "{pin}"
    );
    assert!(pin.contains("次の場所でも手続きできます"), "{pin}");
    assert!(
        pin.contains("北出張所（北コミュニティセンター1階）"),
        "{pin}"
    );
    assert!(
        pin.contains("「暗証番号の再設定（ロック解除）について」（2025-06-15更新）"),
        "{pin}"
    );
    // The branch does no renewal: the renewal's sheet does not send the citizen there.
    assert!(!ja.contains("北出張所"), "{ja}");
    // A same-day visit with a place of its own (the guardian's consulting room).
    let guardian = sheet("guardian-pin-reset-consulting-room", "en", false);
    assert!(
        guardian.contains("Place: Civic Affairs Division, consulting room (市民課相談室)"),
        "{guardian}"
    );
}

#[test]
fn its_own_refusal_stops_a_proxy_without_official_photo_id_in_its_own_words() {
    let model = model_path();
    let output = run(&[
        "--procedures",
        &model,
        "evaluate",
        &case_path("proxy-without-photo-id"),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["blockers"],
        serde_json::json!(["agent_without_official_photo_id"])
    );
    for outcome in json["outcomes"].as_array().unwrap() {
        assert_eq!(
            outcome["blockers"],
            serde_json::json!(["agent_without_official_photo_id"])
        );
    }
    let staff = stdout(&run(&[
        "--procedures",
        &model,
        "evaluate",
        &case_path("proxy-without-photo-id"),
    ]));
    assert!(staff.contains("代理人として手続きできません"), "{staff}");
    for (lang, words) in [
        (
            "ja",
            "官公署発行の顔写真付き本人確認書類をお持ちでない方は、代理人として手続きすることはできません。",
        ),
        (
            "en",
            "A person without a photo ID issued by a public office cannot act as a proxy.",
        ),
    ] {
        let text = sheet("proxy-without-photo-id", lang, false).replace('\n', " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(words), "{lang}: {text}");
    }
    // The same answer does not stop 本人: the refusal is the proxy's.
    let principal = run(&[
        "--procedures",
        &model,
        "evaluate",
        &case_path("principal-is-no-proxy"),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&principal.stdout).unwrap();
    assert_eq!(json["blockers"], serde_json::json!([]));
}

#[test]
fn a_four_step_and_a_two_step_flow_are_printed_step_by_step() {
    let four = sheet("proxy-renewal-four-steps", "ja", false);
    assert!(four.contains("次の(1)〜(4)の順に進みます"), "{four}");
    for step in [
        "(1) 代理人が本人のマイナンバーカードと代理人の顔写真付き本人確認書類を持って来庁し、申請します。",
        "(2) 市から本人の住所あてに回答書を転送不要郵便で送ります。",
        "(3) 本人が回答書に必要事項と暗証番号を記入し、封をします。",
        "(4) 代理人が書類を持って、もう一度来庁します。",
        "受付場所: 市民課1番窓口",
        "回答書（市から本人あてに郵送したもの）",
    ] {
        assert!(four.contains(step), "{step}\n{four}");
    }
    let two = sheet("proxy-pin-reset-two-steps", "en", false);
    assert!(
        two.contains("(2) The proxy comes again with the documents."),
        "{two}"
    );
    assert!(!two.contains("(3)"), "{two}");
    assert!(
        two.contains("※The city then mails an inquiry form to the holder."),
        "{two}"
    );
    let staff = stdout(&run(&[
        "--procedures",
        &model_path(),
        "evaluate",
        &case_path("proxy-renewal-four-steps"),
    ]));
    assert!(
        staff.contains("即日不可（4段階）: 今回は1回目の申請です"),
        "{staff}"
    );
    // The second visit checks the documents the fourth step names.
    let second = sheet("proxy-renewal-four-steps", "ja", true);
    assert!(second.contains("2回目の来庁"), "{second}");
    assert!(second.contains("受付場所: 市民課1番窓口"), "{second}");
}

#[test]
fn its_renewal_window_opens_on_the_date_three_months_before_not_the_next_day() {
    let model = model_path();
    let json = |case: &str| -> serde_json::Value {
        let output = run(&[
            "--procedures",
            &model,
            "evaluate",
            &case_path(case),
            "--json",
        ]);
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let opening = json("principal-window-opens-without-next-day");
    assert_eq!(opening["renewal_window_start"], "2026-10-20");
    assert_eq!(opening["blockers"], serde_json::json!([]));
    let before = json("principal-day-before-window");
    assert_eq!(
        before["blockers"],
        serde_json::json!(["before_renewal_window"])
    );
    // The same dates under Ibaraki's 「翌日から」 open a day later.
    let ibaraki = run(&[
        "evaluate",
        &case_path("principal-window-opens-without-next-day"),
        "--json",
    ]);
    let ibaraki: serde_json::Value = serde_json::from_slice(&ibaraki.stdout).unwrap();
    assert_eq!(ibaraki["renewal_window_start"], "2026-10-21");
}

/// `diff` from Ibaraki's built-in model (written into `dir`) to the other city's.
fn diff_from_ibaraki(dir: &std::path::Path) -> String {
    let ibaraki = dir.join("ibaraki.ron");
    std::fs::write(&ibaraki, madoguchi::model::EMBEDDED_MODEL).unwrap();
    stdout(&run(&["diff", ibaraki.to_str().unwrap(), &model_path()]))
}

#[test]
fn diff_and_diagram_show_its_constructs() {
    let dir = tempfile::tempdir().unwrap();
    let text = diff_from_ibaraki(dir.path());
    for words in [
        "受付できない理由を加えました: 「代理人の官公署発行の顔写真付き本人確認書類がありません」（agent_without_official_photo_id）",
        "手続きする人が任意代理人",
        "4段階",
        "office.hours",
        "office.branch.0.name",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    let svg = dir.path().join("diagram.svg");
    let output = run(&[
        "--procedures",
        &model_path(),
        "diagram",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let drawn = std::fs::read_to_string(&svg).unwrap();
    for words in [
        "即日不可・4段階",
        "即日不可・2段階",
        "(4) 代理人が書類を持って",
        "場所: 市民課1番窓口",
    ] {
        assert!(drawn.contains(words), "{words}");
    }
}

#[test]
fn the_flows_are_the_models_not_rust() {
    let model = other_city();
    let steps = |id: &str| match &model.route(id).unwrap().flow {
        Flow::Steps { steps } => steps.len(),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(steps("renewal_proxy_four_steps"), 4);
    assert_eq!(steps("pin_proxy_two_steps"), 2);
    assert!(model.convenience_store.is_none());
    assert!(!model.certificate.renewal_window_from_next_day);
    assert!(
        model
            .routes
            .iter()
            .filter(|r| r.applicant == madoguchi::model::ApplicantKind::Proxy)
            .all(|r| !r.flow.is_same_day()),
        "no same-day proxy route"
    );
}

#[test]
fn the_window_asks_the_proxy_about_the_photo_id_and_refuses_in_the_citys_words() {
    let source = ModelSource::load(ModelOrigin::File(repo_path(
        "tests/data/other-city/procedures.ron",
    )));
    let app = CounterApp::new(source, common::date("2026-11-25"))
        .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    let mut harness = Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 1000.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app);
    harness.run();
    // The city's own procedure names, from its model.
    harness.get_by_label("電子証明書の更新").click();
    common::settle(&mut harness);
    harness.get_by_label("本人").click();
    common::settle(&mut harness);
    let question = "代理人が官公署発行の顔写真付き本人確認書類を持っている";
    assert!(
        harness.query_by_label(question).is_none(),
        "not asked of 本人"
    );
    harness.get_by_label("任意代理人").click();
    common::settle(&mut harness);
    assert!(
        harness.query_by_label(question).is_some(),
        "asked of a proxy"
    );
    // The question decides no document: it starts at the model's default (はい); one click
    // says いいえ.
    harness.get_by_label(question).click();
    common::settle(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("代理人の官公署発行の顔写真付き本人確認書類がありません")
            .next()
            .is_some(),
        "the city's own refusal is shown"
    );
}

/// The other city's model with one edit, refused: its problems as `check` prints them.
fn refused(edit: impl Fn(&str) -> String) -> String {
    let text = std::fs::read_to_string(model_path()).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit must change something");
    ProcedureModel::from_ron(&edited, "city.ron")
        .expect_err("a broken model must be refused")
        .to_string()
}

fn line_of(needle: &str) -> usize {
    let text = std::fs::read_to_string(model_path()).unwrap();
    let offset = text.find(needle).unwrap();
    text[..offset].matches('\n').count() + 1
}

#[test]
fn a_bad_edit_of_the_new_constructs_is_named_at_its_line() {
    // A quote naming a page the model does not have.
    let message = refused(|t| t.replacen("PageOf(\"pin\", \"◎本人", "PageOf(\"pins\", \"◎本人", 1));
    assert!(
        message.contains(
            "PageOf(\"pins\", …) のページが pages にありません（あるもの: pin, renewal）"
        ),
        "{message}"
    );
    assert!(
        message.contains(&format!("city.ron:{}:", line_of("PageOf(\"pin\", \"◎本人"))),
        "{message}"
    );
    // A procedure naming an unknown page.
    let message = refused(|t| t.replacen("page: \"pin\",", "page: \"pim\",", 1));
    assert!(
        message.contains("手続きのページ \"pim\" が pages にありません"),
        "{message}"
    );
    assert!(
        message.contains(&format!("city.ron:{}:", line_of("page: \"pin\","))),
        "{message}"
    );
    // A flow of steps with a third visit.
    let message = refused(|t| {
        t.replacen(
            "Step(says: Quoted(text: \"市から本人の住所あてに回答書を転送不要郵便で送ります。\", source: PageOf(\"renewal\", \"(2)市から本人の住所あてに回答書を転送不要郵便で送ります。\"))),",
            "Step(says: Quoted(text: \"市から本人の住所あてに回答書を転送不要郵便で送ります。\", source: PageOf(\"renewal\", \"(2)市から本人の住所あてに回答書を転送不要郵便で送ります。\")), visit: Visit(documents: [Need(document: \"card\", source: Outside(\"x\"))])),",
            1,
        )
    });
    assert!(
        message.contains(
            "経路 \"renewal_proxy_four_steps\" の流れ: 来庁（visit）のある手順が3つあります"
        ),
        "{message}"
    );
    // A slot in a title (printed as written), an unknown slot in a citizen text.
    let message = refused(|t| {
        t.replacen(
            "title: \"まだ更新の期間ではありません\",",
            "title: \"{window_start}まではできません\",",
            1,
        )
        .replacen(
            "その日以降にお越しください。",
            "{today}以降にお越しください。",
            1,
        )
    });
    assert!(
        message.contains(
            "blockers の title に差し込み {window_start} がありますが、ここには差し込みを書けません"
        ),
        "{message}"
    );
    assert!(message.contains("blockers の citizen_text に差し込み {today} がありますが、書けるのは {window_start}、{age} です"), "{message}");
    // A blocker id written twice.
    let message = refused(|t| {
        t.replacen(
            "id: \"card_expires_with_cert\",",
            "id: \"card_expired\",",
            1,
        )
    });
    assert!(
        message.contains("blockers に受付できない理由の id \"card_expired\" が2回あります"),
        "{message}"
    );
}

/// The city's model in a folder of its own, with `lang/ja.ron` and `lang/en.ron` written by
/// `language` (given the file's name); the folder lives as long as the guard.
fn city_with_languages(
    language: impl Fn(&str) -> String,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("procedures.ron");
    std::fs::copy(model_path(), &model).unwrap();
    std::fs::create_dir(dir.path().join("lang")).unwrap();
    for file in ["ja.ron", "en.ron"] {
        std::fs::write(dir.path().join("lang").join(file), language(file)).unwrap();
    }
    (dir, model)
}

#[test]
fn lang_update_lists_another_citys_leftover_texts_to_delete() {
    // An office that starts from Ibaraki's English file: its Ibaraki-only texts are listed to
    // be deleted (check refuses them), the shared ones to translate again.
    let (_dir, model) = city_with_languages(|file| {
        std::fs::read_to_string(repo_path(&format!("assets/lang/{file}"))).unwrap()
    });
    let update = run(&["lang", "update", model.to_str().unwrap()]);
    assert_eq!(update.status.code(), Some(1));
    let listed = stdout(&update);
    assert!(listed.contains("手続きモデルにない文が"), "{listed}");
    assert!(
        listed.contains("office.contact.3"),
        "Ibaraki's phone line: {listed}"
    );
    assert!(listed.contains("convenience_store"), "{listed}");
    assert!(
        listed.contains("page.publisher: 日本語はいま「さくら野市 市民生活部 市民課」（訳したときは「茨木市 市民文化部 市民課」）"),
        "{listed}"
    );
}

#[test]
fn a_phrase_a_newer_program_prints_is_named_by_check_and_listed_by_lang_update() {
    // The city's files written before the program printed 「…その日まで」 with a new expiry.
    let (_dir, model) = city_with_languages(|file| {
        let text =
            std::fs::read_to_string(repo_path(&format!("tests/data/other-city/lang/{file}")))
                .unwrap();
        text.lines()
            .filter(|line| !line.contains("\"new_expiry_up_to_card\""))
            .map(|line| format!("{line}\n"))
            .collect()
    });
    let model = model.to_str().unwrap();
    let check = run(&["check", "--procedures", model]);
    assert_eq!(check.status.code(), Some(2));
    let refused = String::from_utf8_lossy(&check.stderr).into_owned();
    assert!(
        refused.contains(
            "en.ron:10:5: 言語 \"en\" に決まった言葉 \"new_expiry_up_to_card\" がありません"
        ),
        "{refused}"
    );
    let update = run(&["lang", "update", model]);
    assert_eq!(update.status.code(), Some(1));
    let listed = stdout(&update);
    for code in ["ja", "en"] {
        assert!(
            listed.contains(&format!("{code}（"))
                && listed.contains("決まった言葉が 1 件足りません"),
            "{listed}"
        );
    }
    assert!(
        listed.contains("\"new_expiry_up_to_card\": 日本語は「本日発行した場合の新しい電子証明書の有効期限: {date}（カード本体の有効期限がそれより前のときは、その日まで）」"),
        "{listed}"
    );
}

#[test]
fn diff_names_the_certificate_rules_and_the_branches_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let text = diff_from_ibaraki(dir.path());
    for words in [
        "更新期間: 有効期限の3か月前の翌日から → 有効期限の3か月前から",
        "受付場所を加えました: 北出張所（北コミュニティセンター1階）: 暗証番号の再設定（ロック解除）",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    // A window of two months, and a 署名用 age of 18, in the city's own model.
    let edited = dir.path().join("edited.ron");
    let city = std::fs::read_to_string(model_path()).unwrap();
    let city_edit = city
        .replacen("renewal_window_months: 3,", "renewal_window_months: 2,", 1)
        .replacen(
            "signature_cert_min_age: 15,",
            "signature_cert_min_age: 18,",
            1,
        );
    std::fs::write(&edited, city_edit).unwrap();
    let output = run(&["diff", &model_path(), edited.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for words in [
        "更新期間: 有効期限の3か月前から → 有効期限の2か月前から",
        "署名用電子証明書を発行できる年齢: 15歳以上 → 18歳以上",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
}
