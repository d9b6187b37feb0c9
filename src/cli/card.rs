//! `madoguchi card [--reader NAME] [--wait SECONDS] [--json]`: what the card on the reader says.

use super::EXIT_OK;
use crate::card::{CardReading, reader};
use std::time::Duration;

/// Reads the card; exit 0 with what it says, 4 with no reader / card / service, 5 with a card
/// that is not a My Number Card or that left mid-read.
pub(super) fn run_card(name: Option<&str>, wait: f64, json: bool) -> i32 {
    let wait = Duration::try_from_secs_f64(wait.max(0.0)).unwrap_or(Duration::ZERO);
    match reader::read_card(name, wait) {
        Ok(reading) if json => {
            crate::terminal::json(&format!("{}\n", reading.to_json()));
            EXIT_OK
        }
        Ok(reading) => {
            crate::terminal::out(&in_words(&reading));
            EXIT_OK
        }
        Err(error) => {
            crate::errln!("{error}");
            error.exit_status()
        }
    }
}

/// What the card says, in Japanese.
fn in_words(reading: &CardReading) -> String {
    let expiry = match reading.cert_expiry {
        Some(date) => crate::dates::format_both(date),
        None => "なし（カードに利用者証明用電子証明書が入っていません）".to_string(),
    };
    let tries = |n: u8| {
        if n == 0 {
            "0回（ロック）".to_string()
        } else {
            format!("{n}回")
        }
    };
    format!(
        "読み取り機: {}\n利用者証明用電子証明書の有効期限: {expiry}\n暗証番号の残り回数: 利用者証明用 {}、署名用 {}、券面事項入力補助用 {}\n",
        reading.reader,
        tries(reading.pins.user_auth),
        tries(reading.pins.signature),
        tries(reading.pins.card_info)
    )
}
