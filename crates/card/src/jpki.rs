//! The commands of the JPKI application (公的個人認証AP) and the 券面事項入力補助AP, as OpenSC,
//! myna and jpki-rs agree (`../shared/spec/jpki-card.md`). Over any [`Transmit`]: a PC/SC
//! card in the program, a card in memory in the tests.

use crate::{CardError, PinTries};
use chrono::NaiveDate;
use x509_cert::der::Decode;

/// Sends one command APDU and gives the response: its data and the two status bytes.
pub trait Transmit {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError>;
}

/// SELECT the 公的個人認証AP.
pub const SELECT_JPKI_AP: [u8; 15] = [
    0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01,
];
/// SELECT the 券面事項入力補助AP.
pub const SELECT_CARD_INFO_AP: [u8; 15] = [
    0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08,
];
/// VERIFY with no data: the tries left, no try used.
pub const VERIFY_WITHOUT_DATA: [u8; 4] = [0x00, 0x20, 0x00, 0x80];

/// The token EF of the JPKI AP, and what it holds on a My Number Card and an old 住基カード.
const TOKEN_EF: [u8; 2] = [0x00, 0x06];
const TOKEN_MY_NUMBER_CARD: &[u8] = b"JPKIAPICCTOKEN2";
const TOKEN_JUKI_CARD: &[u8] = b"JPKIAPICCTOKEN";
/// The user-authentication certificate's EF.
const USER_AUTH_CERT_EF: [u8; 2] = [0x00, 0x0A];
/// The PIN EFs: 利用者証明用 and 署名用 in the JPKI AP, 券面事項入力補助用 in its own AP.
const USER_AUTH_PIN_EF: [u8; 2] = [0x00, 0x18];
const SIGNATURE_PIN_EF: [u8; 2] = [0x00, 0x1B];
const CARD_INFO_PIN_EF: [u8; 2] = [0x00, 0x11];

const OK: u16 = 0x9000;
const NOT_FOUND: u16 = 0x6A82;
const BLOCKED: u16 = 0x6983;

/// A response: data and status word.
struct Response {
    data: Vec<u8>,
    status: u16,
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sends a command; `61 xx` fetches the rest with GET RESPONSE, `6C xx` resends with Le = xx.
fn command(card: &mut impl Transmit, apdu: &[u8]) -> Result<Response, CardError> {
    let mut raw = card.transmit(apdu)?;
    let mut data = Vec::new();
    loop {
        let Some(split) = raw.len().checked_sub(2) else {
            return Err(CardError::Unexpected(format!(
                "{}: 応答が短すぎます",
                hex(apdu)
            )));
        };
        let status = u16::from_be_bytes([raw[split], raw[split + 1]]);
        data.extend_from_slice(&raw[..split]);
        match status >> 8 {
            0x61 => raw = card.transmit(&[0x00, 0xC0, 0x00, 0x00, raw[split + 1]])?,
            0x6C if apdu.len() == 5 => {
                let mut again = apdu.to_vec();
                again[4] = raw[split + 1];
                raw = card.transmit(&again)?;
            }
            _ => return Ok(Response { data, status }),
        }
    }
}

fn select_ef(card: &mut impl Transmit, id: [u8; 2]) -> Result<u16, CardError> {
    Ok(command(card, &[0x00, 0xA4, 0x02, 0x0C, 0x02, id[0], id[1]])?.status)
}

/// READ BINARY of `length` bytes at `offset` (up to 256 a command; Le 00 is 256).
fn read_binary(
    card: &mut impl Transmit,
    offset: usize,
    length: usize,
) -> Result<Vec<u8>, CardError> {
    let mut bytes = Vec::with_capacity(length);
    while bytes.len() < length {
        let at = u16::try_from(offset + bytes.len())
            .map_err(|_| CardError::Unexpected("証明書が長すぎます".into()))?;
        let chunk = (length - bytes.len()).min(256);
        let le = if chunk == 256 { 0 } else { chunk as u8 };
        let [hi, lo] = at.to_be_bytes();
        let response = command(card, &[0x00, 0xB0, hi, lo, le])?;
        if response.status != OK || response.data.is_empty() {
            return Err(CardError::Unexpected(format!(
                "READ BINARY {offset}+{}: {:04X}",
                bytes.len(),
                response.status
            )));
        }
        bytes.extend_from_slice(&response.data);
    }
    bytes.truncate(length);
    Ok(bytes)
}

/// The tries a VERIFY without data reports: `63 Cx` is x left; `69 83` (or `63 C0`) blocked.
fn tries_left(card: &mut impl Transmit, what: &str) -> Result<u8, CardError> {
    let status = command(card, &VERIFY_WITHOUT_DATA)?.status;
    match status {
        BLOCKED => Ok(0),
        s if s & 0xFFF0 == 0x63C0 => Ok((s & 0x000F) as u8),
        s => Err(CardError::Unexpected(format!("{what}の残り回数: {s:04X}"))),
    }
}

/// Selects the JPKI AP; a card without it is not a My Number Card.
fn select_jpki(card: &mut impl Transmit) -> Result<(), CardError> {
    match command(card, &SELECT_JPKI_AP)?.status {
        OK => Ok(()),
        NOT_FOUND => Err(CardError::NotMyNumberCard),
        s => Err(CardError::Unexpected(format!("公的個人認証AP: {s:04X}"))),
    }
}

/// An old 住基カード has the JPKI AP too: its token says so. An unknown token is let be (newer
/// cards may change it).
fn refuse_juki_card(card: &mut impl Transmit) -> Result<(), CardError> {
    if select_ef(card, TOKEN_EF)? != OK {
        return Ok(());
    }
    let response = command(card, &[0x00, 0xB0, 0x00, 0x00, 0x20])?;
    let token = &response.data;
    if !token.starts_with(TOKEN_MY_NUMBER_CARD) && token.starts_with(TOKEN_JUKI_CARD) {
        return Err(CardError::JukiCard);
    }
    Ok(())
}

/// The user-authentication certificate's expiry, `None` when the card holds none. The
/// certificate's bytes are dropped once its date is read.
fn certificate_expiry(card: &mut impl Transmit) -> Result<Option<NaiveDate>, CardError> {
    if select_ef(card, USER_AUTH_CERT_EF)? != OK {
        return Ok(None);
    }
    let header = read_binary(card, 0, 7)?;
    // A DER SEQUENCE with a two-byte length: 30 82 HH LL. Anything else: no certificate.
    if header[0] != 0x30 || header[1] != 0x82 {
        return Ok(None);
    }
    let total = 4 + usize::from(u16::from_be_bytes([header[2], header[3]]));
    let mut der = header;
    der.extend(read_binary(card, 7, total - 7)?);
    let certificate = x509_cert::Certificate::from_der(&der)
        .map_err(|e| CardError::Unexpected(format!("証明書を読めません: {e}")))?;
    let not_after = certificate
        .tbs_certificate
        .validity
        .not_after
        .to_unix_duration();
    Ok(Some(jst_date(not_after.as_secs())))
}

/// The JST date of a UTC instant: JPKI certificates end at 23:59:59 JST, 14:59:59Z.
pub fn jst_date(unix_seconds: u64) -> NaiveDate {
    let jst = i64::try_from(unix_seconds).unwrap_or(i64::MAX / 2) + 9 * 3600;
    chrono::DateTime::from_timestamp(jst, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// Reads, in this order: the JPKI AP, the token, the user-authentication certificate's
/// expiry, the 利用者証明用 PIN's and the 署名用 password's tries, then the 券面事項入力補助用
/// PIN's. No PIN is ever sent.
pub fn read(card: &mut impl Transmit) -> Result<(Option<NaiveDate>, PinTries), CardError> {
    select_jpki(card)?;
    refuse_juki_card(card)?;
    let cert_expiry = certificate_expiry(card)?;
    let pin = |card: &mut _, ef, what| -> Result<u8, CardError> {
        match select_ef(card, ef)? {
            OK => tries_left(card, what),
            s => Err(CardError::Unexpected(format!("{what}の EF: {s:04X}"))),
        }
    };
    let user_auth = pin(card, USER_AUTH_PIN_EF, "利用者証明用暗証番号")?;
    let signature = pin(card, SIGNATURE_PIN_EF, "署名用パスワード")?;
    let card_info = match command(card, &SELECT_CARD_INFO_AP)?.status {
        OK => pin(card, CARD_INFO_PIN_EF, "券面事項入力補助用暗証番号")?,
        NOT_FOUND => return Err(CardError::JukiCard),
        s => {
            return Err(CardError::Unexpected(format!(
                "券面事項入力補助AP: {s:04X}"
            )));
        }
    };
    Ok((
        cert_expiry,
        PinTries {
            user_auth,
            signature,
            card_info,
        },
    ))
}
