use super::*;

#[test]
fn a_minimal_case_takes_the_format_defaults() {
    let case = Case::from_ron(
        r#"Case(today: "2026-11-25", procedures: [CertIssue], applicant: Principal)"#,
        "x.ron",
    )
    .unwrap();
    let model = ProcedureModel::embedded().unwrap();
    assert!(case.answers.get(&model, "pins_known"));
    for id in ["pin_locked", "has_inquiry_form", "cert_revoked"] {
        assert!(!case.answers.get(&model, id), "{id}");
    }
    assert_eq!(case.birth_date, None);
}

#[test]
fn dates_may_be_written_with_or_without_some() {
    for birth in [r#"Some("1980-06-15")"#, r#""1980-06-15""#, r#""S55.6.15""#] {
        let text = format!(
            r#"Case(today: "2026-11-25", procedures: [PinReset], applicant: Proxy, birth_date: {birth})"#
        );
        let case = Case::from_ron(&text, "x.ron").unwrap();
        assert_eq!(
            case.birth_date(),
            NaiveDate::from_ymd_opt(1980, 6, 15),
            "{birth}"
        );
    }
}

#[test]
fn a_bad_date_names_file_line_and_column() {
    let text = "Case(\n    today: \"2026-02-30\",\n    procedures: [CertIssue],\n    applicant: Principal,\n)";
    let err = Case::from_ron(text, "bad.ron").unwrap_err();
    assert_eq!((err.line, err.file.as_str()), (2, "bad.ron"));
    assert!(err.message.contains("存在しない"), "{err}");
}

#[test]
fn an_unknown_field_is_refused_not_ignored() {
    let text = "Case(today: \"2026-11-25\", procedures: [CertIssue], applicant: Principal, pin_lockd: true)";
    let err = Case::from_ron(text, "typo.ron").unwrap_err();
    assert!(err.message.contains("pin_lockd"), "{err}");
    assert!(err.message.contains("pin_locked"), "{err}");
}

#[test]
fn no_procedures_is_refused_at_the_procedures_line() {
    let text = "Case(\n  today: \"2026-11-25\",\n  procedures: [],\n  applicant: Principal,\n)";
    let err = Case::from_ron(text, "empty.ron").unwrap_err();
    assert_eq!((err.line, err.column), (3, 3));
    assert!(err.message.contains("手続きが1つもありません"));
}

#[test]
fn a_visit_before_the_birth_date_is_refused() {
    let text = "Case(today: \"2000-01-01\", procedures: [CertIssue], applicant: Principal, birth_date: Some(\"2001-01-01\"))";
    let err = Case::from_ron(text, "x.ron").unwrap_err();
    assert!(err.message.contains("生年月日"), "{err}");
}

#[test]
fn an_unknown_applicant_lists_the_kinds() {
    let text = "Case(today: \"2026-11-25\", procedures: [CertIssue], applicant: Parent)";
    let err = Case::from_ron(text, "x.ron").unwrap_err();
    assert!(err.message.contains("LegalRepMinor"), "{err}");
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_read() {
    let text = "\u{feff}Case(\r\n  today: \"2026-11-25\",\r\n  procedures: [PinReset],\r\n  applicant: Principal,\r\n)\r\n";
    assert!(Case::from_ron(text, "win.ron").is_ok());
}

#[test]
fn a_case_round_trips_through_ron() {
    let mut case = Case::new(
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        vec![ProcedureKind::CertIssue, ProcedureKind::PinReset],
        ApplicantKind::LegalRepMinor,
    );
    case.birth_date = Some(CaseDate(NaiveDate::from_ymd_opt(2015, 2, 28).unwrap()));
    case.answers.set("same_household_parent", true);
    case.answers.set("pins_known", false);
    assert_eq!(Case::from_ron(&case.to_ron(), "x.ron").unwrap(), case);
}
