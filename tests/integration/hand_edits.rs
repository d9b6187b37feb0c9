//! The model and case files as officers and colleagues really edit them: comments inside
//! comments, invisible characters pasted from a web page, numbers out of bounds. A valid file
//! loads; a wrong one is named at its line with exit 2; nothing panics.

use crate::common;
use common::{run, write_temp};

use common::repo_path;
use madoguchi::model::{EMBEDDED_MODEL, ProcedureModel};

fn line_of(text: &str, needle: &str) -> usize {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("not in the text: {needle}"));
    text[..offset].matches('\n').count() + 1
}

/// `text` with `insertion` placed before the first `anchor` found after `after`.
fn insert_before(text: &str, after: &str, anchor: &str, insertion: &str) -> String {
    let start = text.find(after).unwrap_or_else(|| panic!("no {after}"));
    let at = start
        + text[start..]
            .find(anchor)
            .unwrap_or_else(|| panic!("no {anchor}"));
    format!("{}{insertion}{}", &text[..at], &text[at..])
}

/// The three depths of the model: before a top-level key, inside a route, inside a visit.
const DEPTHS: [(&str, &str); 3] = [
    ("ProcedureModel(", "office:"),
    ("id: \"cert_issue_legal_rep_ward\"", "title:"),
    (
        "id: \"cert_issue_legal_rep_ward\"",
        "Need(\n                    document: \"agent_photo_id\"",
    ),
];

const INSERTIONS: [&str; 6] = [
    "/* 旧 /* 古い */ 健康保険証 */ ",
    "/* 2026年4月の改訂で消した項目 /* 旧: 窓口 */ ここまで */\n",
    "\u{200E}",
    "\u{2028}",
    "\u{85}",
    "// 注: /* ここは一行のコメント\n",
];

#[test]
fn comments_and_invisible_characters_at_every_depth_leave_a_valid_model_valid() {
    for (after, anchor) in DEPTHS {
        for insertion in INSERTIONS {
            let text = insert_before(EMBEDDED_MODEL, after, anchor, insertion);
            let loaded = ProcedureModel::from_ron(&text, "edited.ron");
            assert!(
                loaded.is_ok(),
                "{insertion:?} before {anchor:?}: {}",
                loaded.unwrap_err()
            );
        }
    }
}

#[test]
fn comments_and_invisible_characters_before_a_typo_leave_its_line_right() {
    for (after, anchor) in DEPTHS {
        for insertion in INSERTIONS {
            let text = insert_before(EMBEDDED_MODEL, after, anchor, insertion);
            // A route of PIN reset, further down, asks for a document that does not exist.
            let typo_at = text.find("id: \"pin_reset_legal_rep_ward\"").unwrap();
            let text = format!(
                "{}{}",
                &text[..typo_at],
                text[typo_at..].replacen("document: \"card\"", "document: \"crad\"", 1)
            );
            let err = ProcedureModel::from_ron(&text, "edited.ron").unwrap_err();
            assert_eq!(err.problems.len(), 1, "{err}");
            let problem = &err.problems[0];
            assert_eq!(
                problem.line,
                line_of(&text, "document: \"crad\""),
                "{insertion:?} before {anchor:?}: {err}"
            );
            assert!(problem.message.contains("\"crad\""), "{err}");
        }
    }
}

#[test]
fn the_officers_edit_a_nested_comment_and_a_mistyped_document_id_is_reported_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let text = EMBEDDED_MODEL
        .replacen(
            "examples: [\"運転免許証\", \"旅券\", \"健康保険証\", \"介護保険証\"],",
            "examples: [\"運転免許証\", \"旅券\", /* 旧 /* 古い */ 健康保険証 */ \"介護保険証\"],",
            1,
        )
        .replacen("id: \"agent_secondary_id\"", "id: \"agent_secondry_id\"", 1);
    let path = write_temp(dir.path(), "procedures.ron", &text);
    let output = run(&["check", &path]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let line = line_of(&text, "id: \"agent_secondry_id\"");
    assert!(
        stderr.starts_with(&format!("{path}:{line}:")),
        "one message at the document's own line: {stderr}"
    );
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with(&path)).count(),
        1,
        "no cascade at the routes: {stderr}"
    );
    assert!(
        stderr.contains("\"agent_secondary_id\" の書き誤り"),
        "{stderr}"
    );
}

#[test]
fn a_valid_model_with_a_nested_comment_before_office_is_checked_good() {
    let dir = tempfile::tempdir().unwrap();
    let text = EMBEDDED_MODEL.replacen(
        "    office: Office(",
        "    /* 2026年4月の改訂で消した項目 /* 旧: 窓口 */ ここまで */\n    office: Office(",
        1,
    );
    let path = write_temp(dir.path(), "procedures.ron", &text);
    let output = run(&["check", &path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_fuzzed_case_file_gets_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    for wide in ["é", "健", "😀", "\u{2028}"] {
        let text = format!("/*/**/({wide}*/(today:\"2027-1-5\",procedures:[],applicant:Principal)");
        let path = write_temp(dir.path(), "case.ron", &text);
        let output = run(&["evaluate", &path, "--json"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{wide}: {stderr}");
        assert!(
            stderr.starts_with(&format!("{path}:1:")) && stderr.contains("手続きが1つもありません"),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_case_with_invisible_characters_before_its_keys_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo_path("tests/cases/shared/principal-renewal.ron"))
        .unwrap()
        .replace("    ", "  \u{200E}\u{2028}/* 注 /* 内 */ */");
    let path = write_temp(dir.path(), "case.ron", &text);
    let output = run(&["evaluate", &path, "--json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn certificate_numbers_out_of_bounds_are_refused_at_their_line() {
    for (key, bad) in [
        (
            "valid_until_birthday: 5,",
            "valid_until_birthday: 2147483647,",
        ),
        ("renewal_window_months: 3,", "renewal_window_months: 400,"),
        ("valid_until_birthday: 5,", "valid_until_birthday: 0,"),
    ] {
        let text = EMBEDDED_MODEL.replacen(key, bad, 1);
        assert_ne!(text, EMBEDDED_MODEL, "{key}");
        let err = ProcedureModel::from_ron(&text, "bounds.ron").unwrap_err();
        assert_eq!(err.problems[0].line, line_of(&text, bad), "{bad}: {err}");
        assert!(err.to_string().contains("の範囲にしてください"), "{err}");
    }
}

#[test]
fn huge_birthday_counts_never_overflow_the_date_arithmetic() {
    let birth = common::date("1990-12-10");
    let after = common::date("2026-10-01");
    assert_eq!(
        madoguchi::dates::nth_birthday_after(birth, after, u32::MAX),
        None
    );
    assert_eq!(madoguchi::dates::nth_birthday_after(birth, after, 0), None);
}
