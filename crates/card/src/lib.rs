//! The My Number Card on the counter's reader: what the counter needs from it, read without a
//! PIN and without using a try (`../shared/spec/jpki-card.md`):
//!
//! - the expiry of the 利用者証明用電子証明書 (the JPKI user-authentication certificate's
//!   notAfter, as the JST date the card's holder knows),
//! - the tries left of the 利用者証明用 PIN, the 署名用 password and the 券面事項入力補助用 PIN
//!   (VERIFY with no data: it reports the counter and uses no try).
//!
//! Nothing else is kept: no serial number, no certificate bytes after parsing, nothing on disk.
//! [`jpki`] holds the commands, over any [`jpki::Transmit`] (a PC/SC card, or a card in memory
//! in tests); [`reader`] finds the reader and the card over PC/SC (libpcsclite on Linux,
//! WinSCard.dll on Windows).

pub mod jpki;
pub mod reader;

use chrono::NaiveDate;

/// The tries left of each PIN; 0 is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinTries {
    /// 利用者証明用電子証明書の暗証番号 (4 digits, 3 tries).
    pub user_auth: u8,
    /// 署名用電子証明書の暗証番号 (6–16 characters, 5 tries).
    pub signature: u8,
    /// 券面事項入力補助用の暗証番号 (4 digits, 3 tries).
    pub card_info: u8,
}

impl PinTries {
    /// A PIN the electronic certificates need is locked: the 利用者証明用 PIN or the 署名用
    /// password has no try left (the page's 「暗証番号にロックがかかっている」).
    pub fn certificate_pin_locked(&self) -> bool {
        self.user_auth == 0 || self.signature == 0
    }
}

/// What the card says, read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardReading {
    /// The reader it was read on.
    pub reader: String,
    /// The user-authentication certificate's expiry (JST date); `None` when the card holds no
    /// certificate (never issued, or revoked and removed).
    pub cert_expiry: Option<NaiveDate>,
    pub pins: PinTries,
}

impl CardReading {
    /// The shared JSON of `madoguchi card --json`.
    pub fn to_json(&self) -> String {
        let expiry = match self.cert_expiry {
            Some(date) => format!("\"{}\"", date.format("%Y-%m-%d")),
            None => "null".to_string(),
        };
        format!(
            "{{\"reader\": {}, \"cert_expiry\": {expiry}, \"pins\": {{\"user_auth\": {}, \"signature\": {}, \"card_info\": {}}}}}",
            json_string(&self.reader),
            self.pins.user_auth,
            self.pins.signature,
            self.pins.card_info
        )
    }
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Why the card could not be read, each with what staff should do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error(
        "カードの読み取りサービス（PC/SC: Linux は pcscd、Windows は Smart Card サービス）が動いていないか、読み取り機がつながっていません。読み取り機をつないでください"
    )]
    NoService,
    #[error("カードの読み取り機が見つかりません。読み取り機をつないでください")]
    NoReader,
    #[error("読み取り機「{0}」が見つかりません（つながっているもの: {1}）")]
    UnknownReader(String, String),
    #[error("読み取り機にカードがありません。マイナンバーカードを読み取り機に置いてください")]
    NoCard,
    #[error(
        "マイナンバーカードではありません（公的個人認証のアプリがありません）。マイナンバーカードを置いてください"
    )]
    NotMyNumberCard,
    #[error(
        "住民基本台帳カードです。電子証明書の更新・暗証番号の再設定はマイナンバーカードで行います"
    )]
    JukiCard,
    #[error(
        "読み取り中にカードが離れました。カードを読み取り機に置いたまま、もう一度読み取ってください"
    )]
    Removed,
    #[error(
        "カードが思わぬ答えを返しました（{0}）。カードを置き直して、もう一度読み取ってください"
    )]
    Unexpected(String),
    /// The reader or the PC/SC service failed; the detail (PC/SC's own English words) is kept
    /// for a log, never shown.
    #[error(
        "読み取り機が正しく答えません。読み取り機をつなぎ直してから、もう一度読み取ってください"
    )]
    Reader(String),
}

/// Exit status of `madoguchi card`: no reader, no card, no service.
pub const EXIT_NO_CARD: i32 = 4;
/// Exit status of `madoguchi card`: not a My Number Card, or taken away mid-read.
pub const EXIT_WRONG_CARD: i32 = 5;

impl CardError {
    /// The exit status of `madoguchi card` for this failure.
    pub fn exit_status(&self) -> i32 {
        match self {
            CardError::NoService
            | CardError::NoReader
            | CardError::UnknownReader(..)
            | CardError::NoCard
            | CardError::Reader(_) => EXIT_NO_CARD,
            CardError::NotMyNumberCard
            | CardError::JukiCard
            | CardError::Removed
            | CardError::Unexpected(_) => EXIT_WRONG_CARD,
        }
    }
}

#[cfg(test)]
mod tests;
