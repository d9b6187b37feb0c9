//! The shipped model reads like the page, and a broken model is refused with file, line,
//! column and what was expected.

use crate::common;

use madoguchi::model::{EMBEDDED_MODEL, ProcedureModel, Source};

fn page() -> String {
    std::fs::read_to_string(common::repo_path("tests/data/seed-ibaraki-ecert-page.txt")).unwrap()
}

#[test]
fn every_page_quote_in_the_model_stands_word_for_word_on_the_page() {
    let model = common::model();
    let page = page();
    let quotes = model.page_quotes();
    assert!(quotes.len() > 60, "only {} quotes", quotes.len());
    for quote in quotes {
        assert!(page.contains(quote), "not on the page: {quote}");
    }
}

#[test]
fn every_document_line_of_the_page_is_used_by_some_route() {
    let model = common::model();
    let quoted: Vec<&str> = model
        .routes
        .iter()
        .flat_map(|r| {
            let mut visits = vec![r.flow.first_visit()];
            visits.extend(r.flow.second_visit());
            visits
        })
        .flat_map(|v| v.documents.iter().map(|n| n.source.text()))
        .collect();
    let page = page();
    // Every bullet of a "手続きの際に必要なもの" list, except the page's own examples of a
    // badly written PIN, which the model holds as pin_writing_rules.
    for line in page.lines().filter(|l| l.starts_with('・')) {
        let is_pin_example =
            line.contains("不備・判読") || line.contains("桁が足りない") || line.contains("英字");
        if is_pin_example {
            continue;
        }
        assert!(
            quoted
                .iter()
                .any(|q| q.starts_with(line) || line.starts_with(q)),
            "no route asks for: {line}"
        );
    }
}

#[test]
fn outside_sources_are_few_and_said_in_words() {
    let model = common::model();
    let outside: Vec<&Source> = model
        .sources()
        .into_iter()
        .filter(|s| matches!(s, Source::Outside(_)))
        .collect();
    // The renewal's validity, the two lock counts the page does not give, the four PIN
    // formats, the expired card for a PIN reset, the age check of the applicant kinds, the
    // age of an adult ward.
    assert_eq!(outside.len(), 10);
    assert!(outside.iter().all(|s| s.text().chars().count() > 20));
    assert!(matches!(
        model.certificate.renewal_validity_source,
        Source::Outside(_)
    ));
    assert!(
        model
            .pins
            .iter()
            .all(|p| matches!(p.format_source, Source::Outside(_)))
    );
}

#[test]
fn the_model_holds_the_pin_kinds_lock_counts_and_office() {
    let model = common::model();
    assert_eq!(model.pins.len(), 4);
    let locks: Vec<Option<u32>> = model
        .pins
        .iter()
        .map(|p| p.locks_after_wrong_entries)
        .collect();
    assert_eq!(locks, [Some(5), Some(3), None, None]);
    assert_eq!(model.office.counter_place, "茨木市役所南館9階");
    assert!(
        model
            .office
            .contact
            .iter()
            .any(|l| l.contains("072-620-1621"))
    );
    assert_eq!(model.pin_writing_rules.len(), 4);
    assert!(
        model
            .convenience_store
            .as_ref()
            .unwrap()
            .text
            .contains("コンビニエンスストア")
    );
}

fn broken(edit: impl Fn(&str) -> String) -> String {
    let text = edit(EMBEDDED_MODEL);
    assert_ne!(text, EMBEDDED_MODEL, "the edit must change something");
    ProcedureModel::from_ron(&text, "broken.ron")
        .expect_err("a broken model must be refused")
        .to_string()
}

fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let offset = text.match_indices(needle).nth(nth).unwrap().0;
    text[..offset].matches('\n').count() + 1
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let message = broken(|t| t.replacen("short_label: \"本人\",", "short_label: \"本人\"", 1));
    let line = line_of(EMBEDDED_MODEL, "short_label: \"本人\",", 0);
    assert!(
        message.starts_with(&format!("broken.ron:{}:", line + 1)),
        "{message}"
    );
    assert!(
        message.contains("カンマ") || message.contains("閉じかっこ"),
        "{message}"
    );
}

#[test]
fn an_unknown_field_lists_the_fields_that_may_be_written() {
    let message =
        broken(|t| t.replacen("short_title: \"更新・新規発行\",", "short_titel: \"x\",", 1));
    let line = line_of(EMBEDDED_MODEL, "short_title: \"更新・新規発行\"", 0);
    assert!(
        message.starts_with(&format!("broken.ron:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("short_titel") && message.contains("short_title"),
        "{message}"
    );
}

#[test]
fn an_unknown_document_id_names_the_route_and_its_line() {
    let message = broken(|t| {
        t.replacen(
            "Need(document: \"card\", source: Page(\"・本人のマイナンバーカード\"))",
            "Need(document: \"crad\", source: Page(\"・本人のマイナンバーカード\"))",
            1,
        )
    });
    let line = line_of(
        EMBEDDED_MODEL,
        "Need(document: \"card\", source: Page(\"・本人のマイナンバーカード\"))",
        0,
    );
    assert!(
        message.starts_with(&format!("broken.ron:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("\"crad\"") && message.contains("cert_issue_legal_rep_minor"),
        "{message}"
    );
}

#[test]
fn a_duplicate_document_id_points_at_the_second_one() {
    let message = broken(|t| t.replacen("id: \"agent_secondary_id\"", "id: \"agent_photo_id\"", 1));
    let line = line_of(EMBEDDED_MODEL, "id: \"agent_secondary_id\"", 0);
    assert!(
        message.starts_with(&format!("broken.ron:{line}:")),
        "{message}"
    );
    assert!(message.contains("2回"), "{message}");
}

#[test]
fn an_unknown_exemption_is_refused() {
    let message = broken(|t| {
        t.replacen(
            "exempt_if: [\"domicile_in_city\", ",
            "exempt_if: [\"domicile\", ",
            1,
        )
    });
    assert!(
        message.contains("\"domicile\"") && message.contains("exemptions"),
        "{message}"
    );
}

#[test]
fn a_visit_without_documents_is_refused() {
    let message = broken(|t| {
        let start = t.find("flow: SameDay(visit: Visit(documents: [").unwrap();
        let list_start = start + "flow: SameDay(visit: Visit(documents: [".len();
        let end = list_start + t[list_start..].find("])),").unwrap();
        format!("{}{}", &t[..list_start], &t[end..])
    });
    assert!(
        message.contains("cert_issue_principal") && message.contains("1つもありません"),
        "{message}"
    );
}

#[test]
fn a_missing_fallback_route_is_refused() {
    let message = broken(|t| {
        t.replacen(
            "applicant: Principal,\n            title: \"本人が手続きする場合\",\n            source: Page(\"マイナンバーカード電子証明書",
            "applicant: Principal,\n            title: \"本人が手続きする場合\",\n            when: Answer(\"pin_locked\"),\n            source: Page(\"マイナンバーカード電子証明書",
            1,
        )
    });
    assert!(
        message.contains("PinReset × Principal") && message.contains("when"),
        "{message}"
    );
}

#[test]
fn an_unknown_condition_lists_the_conditions() {
    let message = broken(|t| {
        t.replacen(
            "when: Answer(\"domicile_in_city\"),",
            "when: HonsekiInCity,",
            1,
        )
    });
    assert!(
        message.contains("HonsekiInCity") && message.contains("Answer"),
        "{message}"
    );
}

#[test]
fn an_empty_file_is_refused_without_panic() {
    let err = ProcedureModel::from_ron("", "empty.ron").unwrap_err();
    assert!(err.to_string().starts_with("empty.ron:1:1:"), "{err}");
}

#[test]
fn a_missing_or_repeated_applicant_entry_is_refused() {
    let message = broken(|t| t.replacen("kind: Proxy,", "kind: Principal,", 1));
    assert!(
        message.contains("applicants に Proxy の項目がありません"),
        "{message}"
    );
    assert!(
        message.contains("applicants に Principal の項目が2個あります"),
        "{message}"
    );
    let line = line_of(EMBEDDED_MODEL, "    applicants: [", 0);
    assert!(
        message.starts_with(&format!("broken.ron:{line}:")),
        "{message}"
    );
}

#[test]
fn a_model_saved_by_a_windows_editor_is_read() {
    let text = format!("\u{feff}{}", EMBEDDED_MODEL.replace('\n', "\r\n"));
    assert!(ProcedureModel::from_ron(&text, "win.ron").is_ok());
}

#[test]
fn a_route_that_can_never_be_chosen_is_refused_at_its_line() {
    // An officer deletes the `when:` of the proxy's same-day route: every proxy would be sent
    // home with a same-day answer.
    let when = "            when: AllOf([Answer(\"has_inquiry_form\"), CertValid, Answer(\"pins_known\"), Not(Answer(\"pin_locked\")), Not(Requested(PinReset))]),\n";
    let text = EMBEDDED_MODEL.replacen(when, "", 1);
    assert_ne!(text, EMBEDDED_MODEL);
    let err = ProcedureModel::from_ron(&text, "broken.ron").unwrap_err();
    let line = line_of(&text, "id: \"cert_issue_proxy_three_step\"", 0);
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].line, line, "{err}");
    assert!(
        err.problems[0].message.contains("選ばれることがありません")
            && err.problems[0]
                .message
                .contains("cert_issue_proxy_with_inquiry_form"),
        "{err}"
    );
}

#[test]
fn check_refuses_an_unreachable_route_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("procedures.ron");
    let when = "            when: AllOf([Answer(\"has_inquiry_form\"), CertValid, Answer(\"pins_known\"), Not(Answer(\"pin_locked\")), Not(Requested(PinReset))]),\n";
    let text = EMBEDDED_MODEL.replacen(when, "", 1);
    std::fs::write(&path, &text).unwrap();
    let output = std::process::Command::new(common::bin())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = line_of(&text, "id: \"cert_issue_proxy_three_step\"", 0);
    assert!(
        stderr.starts_with(&format!("{}:{line}:", path.display())),
        "{stderr}"
    );
}

#[test]
fn a_condition_reading_an_undeclared_question_is_refused_at_its_line() {
    let text = EMBEDDED_MODEL.replacen(
        "when: AnyOf([Not(Answer(\"pins_known\")), Answer(\"pin_locked\")]),",
        "when: AnyOf([Not(Answer(\"pins_knwn\")), Answer(\"pin_locked\")]),",
        1,
    );
    let err = ProcedureModel::from_ron(&text, "broken.ron").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(
        err.problems[0].line,
        line_of(&text, "pins_knwn", 0),
        "{err}"
    );
    assert!(err.to_string().contains("\"pins_knwn\""), "{err}");
}

#[test]
fn each_second_visit_error_points_at_its_own_line() {
    // The same document, wrong in the second visits of both proxy routes.
    let text = EMBEDDED_MODEL.replace(
        "Need(document: \"inquiry_reply_form\", source: Page(\"・照会書兼回答書\")),",
        "Need(document: \"inquiry_form\", source: Page(\"・照会書兼回答書\")),",
    );
    let err = ProcedureModel::from_ron(&text, "broken.ron").unwrap_err();
    let lines: Vec<usize> = err.problems.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [
            line_of(&text, "document: \"inquiry_form\"", 0),
            line_of(&text, "document: \"inquiry_form\"", 1)
        ],
        "{err}"
    );
}

#[test]
fn a_typo_in_a_documents_own_id_is_one_message_at_that_line() {
    let text = EMBEDDED_MODEL.replacen("id: \"card\",", "id: \"crad\",", 1);
    let err = ProcedureModel::from_ron(&text, "broken.ron").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].line, line_of(&text, "id: \"crad\"", 0));
    assert!(err.to_string().contains("\"card\" の書き誤り"), "{err}");
}
