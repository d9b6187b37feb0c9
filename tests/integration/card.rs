//! `madoguchi card` against a real PC/SC stack: a private pcscd, a virtual reader (vpcd) and an
//! emulated JPKI card (`tests/card/`, set up by scripts/setup.sh). One card session at a time:
//! each starts its own pcscd.

use crate::common::bin;
use std::process::{Command, Output};
use std::sync::Mutex;

static ONE_READER_AT_A_TIME: Mutex<()> = Mutex::new(());

/// `madoguchi card ARGS` with a reader and a card made by `session` options.
fn card(session: &[&str], args: &[&str]) -> Output {
    let _one = ONE_READER_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let output = Command::new("/usr/bin/python3")
        .arg(crate::common::repo_path("tests/card/session.py"))
        .args(session)
        .arg("--")
        .arg(bin())
        .arg("card")
        .args(args)
        .output()
        .expect("python3 and the card emulator are installed by scripts/setup.sh");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(
        output.status.code(),
        Some(125),
        "the card harness failed (run scripts/setup.sh: pcscd, vsmartcard-vpcd, python3-virtualsmartcard): {stderr}"
    );
    assert!(
        !stderr.contains("PIN VERIFY RECEIVED"),
        "a PIN was sent: {stderr}"
    );
    output
}

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("card --json prints JSON")
}

fn pins(value: &serde_json::Value) -> (u64, u64, u64) {
    let pins = &value["pins"];
    let n = |key: &str| pins[key].as_u64().unwrap();
    (n("user_auth"), n("signature"), n("card_info"))
}

/// Exit status and the Japanese sentence on standard error.
fn refused(output: &Output, status: i32, words: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(status), "{stderr}");
    assert!(stderr.contains(words), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_fresh_card_gives_its_expiry_and_every_try() {
    let value = json(&card(&[], &["--json"]));
    assert_eq!(value["reader"], "Madoguchi Test Reader 00 00");
    assert_eq!(value["cert_expiry"], "2030-12-10");
    assert_eq!(pins(&value), (3, 5, 3));
}

#[test]
fn the_same_card_read_twice_shows_the_same_tries() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("apdu.log");
    let log = log.to_str().unwrap();
    let _one = ONE_READER_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let output = Command::new("/usr/bin/python3")
        .arg(crate::common::repo_path("tests/card/session.py"))
        .args(["--signature", "4", "--log", log, "--", "sh", "-c"])
        .arg("\"$0\" card --json && \"$0\" card --json")
        .arg(bin())
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0], lines[1]);
    assert!(lines[0].contains("\"signature\": 4"), "{text}");
    // Every VERIFY the card saw was without data: the counter asked, no try used.
    let sent = std::fs::read_to_string(log).unwrap();
    let verifies: Vec<&str> = sent.lines().filter(|l| l.starts_with("00 20")).collect();
    assert_eq!(verifies.len(), 6, "{sent}");
    assert!(verifies.iter().all(|l| *l == "00 20 00 80"), "{sent}");
}

#[test]
fn a_locked_signature_password_is_zero_tries() {
    let value = json(&card(&["--signature", "0"], &["--json"]));
    assert_eq!(pins(&value), (3, 0, 3));
}

#[test]
fn a_locked_user_auth_pin_is_zero_tries_however_the_card_says_it() {
    for answer in ["6983", "63c0"] {
        let value = json(&card(
            &["--user-auth", "0", "--blocked-answer", answer],
            &["--json"],
        ));
        assert_eq!(pins(&value).0, 0, "{answer}");
    }
}

#[test]
fn an_expired_certificate_gives_its_past_date() {
    let value = json(&card(&["--not-after", "20240630145959Z"], &["--json"]));
    assert_eq!(value["cert_expiry"], "2024-06-30");
}

#[test]
fn a_card_with_no_certificate_says_so() {
    let value = json(&card(&["--no-cert"], &["--json"]));
    assert_eq!(value["cert_expiry"], serde_json::Value::Null);
    let output = card(&["--no-cert"], &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("利用者証明用電子証明書が入っていません"),
        "{text}"
    );
}

#[test]
fn the_japanese_answer_names_the_date_in_both_calendars_and_the_locks() {
    let output = card(&["--user-auth", "0"], &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text.contains("2030年12月10日（令和12年12月10日）"),
        "{text}"
    );
    assert!(text.contains("利用者証明用 0回（ロック）"), "{text}");
}

#[test]
fn a_juki_card_is_refused_with_exit_5() {
    refused(
        &card(&["--token", "juki"], &["--json"]),
        5,
        "住民基本台帳カード",
    );
}

#[test]
fn a_card_that_is_not_jpki_is_refused_with_exit_5() {
    refused(
        &card(&["--not-jpki"], &[]),
        5,
        "マイナンバーカードではありません",
    );
}

#[test]
fn a_card_taken_away_mid_read_is_exit_5() {
    for after in ["3", "9"] {
        refused(
            &card(&["--vanish-after", after], &[]),
            5,
            "読み取り中にカードが離れました",
        );
    }
}

#[test]
fn a_reader_with_no_card_is_exit_4_and_wait_gives_up_in_time() {
    refused(
        &card(&["--no-card"], &[]),
        4,
        "カードを読み取り機に置いてください",
    );
    let started = std::time::Instant::now();
    refused(
        &card(&["--no-card"], &["--wait", "1"]),
        4,
        "カードを読み取り機に置いてください",
    );
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
}

#[test]
fn no_reader_is_exit_4() {
    refused(&card(&["--no-reader"], &[]), 4, "読み取り機");
}

#[test]
fn an_unknown_reader_name_lists_the_readers_and_exits_4() {
    refused(
        &card(&[], &["--reader", "no-such-reader"]),
        4,
        "Madoguchi Test Reader 00 00",
    );
}

#[test]
fn no_pcsc_service_is_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(bin())
        .arg("card")
        .env("PCSCLITE_CSOCK_NAME", dir.path().join("nothing.comm"))
        .output()
        .unwrap();
    refused(&output, 4, "サービス");
}
