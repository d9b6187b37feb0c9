use super::jpki::{self, Transmit};
use super::*;

/// A certificate made once with openssl for these tests (`tests/card/make_cert.sh
/// 20301210145959Z`): notAfter 2030-12-10 14:59:59Z, 23:59:59 JST.
const CERTIFICATE_NOT_AFTER_2030_12_10: &[u8] = include_bytes!("../tests/user-auth-2030-12-10.der");

/// A card in memory that answers as the spec's table says: files by EF, PIN counters that
/// VERIFY without data reports, and a log of every command.
struct MemoryCard {
    applet: Option<&'static str>,
    selected: Option<[u8; 2]>,
    certificate: Vec<u8>,
    token: &'static [u8],
    tries: [u8; 3],
    jpki: bool,
    log: Vec<Vec<u8>>,
    /// Answers this many commands, then the card is gone.
    vanish_after: Option<usize>,
    /// Answer READ BINARY with `6C xx` first (a reader that wants the exact length).
    wrong_length_once: bool,
}

impl MemoryCard {
    fn new() -> MemoryCard {
        MemoryCard {
            applet: None,
            selected: None,
            certificate: CERTIFICATE_NOT_AFTER_2030_12_10.to_vec(),
            token: b"JPKIAPICCTOKEN2                 ",
            tries: [3, 5, 3],
            jpki: true,
            log: Vec::new(),
            vanish_after: None,
            wrong_length_once: false,
        }
    }

    fn answer(&mut self, apdu: &[u8]) -> Vec<u8> {
        let ok = |mut data: Vec<u8>| {
            data.extend([0x90, 0x00]);
            data
        };
        match apdu {
            a if a == jpki::SELECT_JPKI_AP => {
                if !self.jpki {
                    return vec![0x6A, 0x82];
                }
                self.applet = Some("jpki");
                ok(Vec::new())
            }
            a if a == jpki::SELECT_CARD_INFO_AP => {
                self.applet = Some("card_info");
                ok(Vec::new())
            }
            [0x00, 0xA4, 0x02, 0x0C, 0x02, hi, lo] => {
                self.selected = Some([*hi, *lo]);
                ok(Vec::new())
            }
            [0x00, 0xB0, hi, lo, le] => self.read(usize::from(u16::from_be_bytes([*hi, *lo])), *le),
            a if a == jpki::VERIFY_WITHOUT_DATA => {
                let index = match (self.applet, self.selected) {
                    (Some("jpki"), Some([0x00, 0x18])) => 0,
                    (Some("jpki"), Some([0x00, 0x1B])) => 1,
                    (Some("card_info"), Some([0x00, 0x11])) => 2,
                    _ => return vec![0x69, 0x86],
                };
                match self.tries[index] {
                    0 => vec![0x69, 0x83],
                    n => vec![0x63, 0xC0 | n],
                }
            }
            _ => vec![0x6D, 0x00],
        }
    }

    fn read(&mut self, offset: usize, le: u8) -> Vec<u8> {
        let file: Vec<u8> = match self.selected {
            Some([0x00, 0x0A]) => {
                let mut file = self.certificate.clone();
                file.resize(2048, 0);
                file
            }
            Some([0x00, 0x06]) => self.token.to_vec(),
            _ => return vec![0x69, 0x86],
        };
        let length = if le == 0 { 256 } else { usize::from(le) };
        if self.wrong_length_once && length > 7 {
            self.wrong_length_once = false;
            return vec![0x6C, 0x40];
        }
        let mut data = file[offset.min(file.len())..(offset + length).min(file.len())].to_vec();
        data.extend([0x90, 0x00]);
        data
    }
}

impl Transmit for MemoryCard {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        if self.vanish_after.is_some_and(|n| self.log.len() >= n) {
            return Err(CardError::Removed);
        }
        assert!(
            !(apdu.starts_with(&[0x00, 0x20]) && apdu.len() > 4),
            "a PIN was sent: {apdu:02X?}"
        );
        self.log.push(apdu.to_vec());
        Ok(self.answer(apdu))
    }
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_fresh_card_gives_its_expiry_as_the_jst_date_and_every_pin_untouched() {
    let mut card = MemoryCard::new();
    let (expiry, pins) = jpki::read(&mut card).unwrap();
    assert_eq!(expiry, Some(date(2030, 12, 10)));
    assert_eq!(
        pins,
        PinTries {
            user_auth: 3,
            signature: 5,
            card_info: 3
        }
    );
    assert!(!pins.certificate_pin_locked());
}

#[test]
fn reading_uses_no_try_and_sends_no_pin() {
    let mut card = MemoryCard::new();
    let first = jpki::read(&mut card).unwrap();
    let second = jpki::read(&mut card).unwrap();
    assert_eq!(first, second);
    assert_eq!(card.tries, [3, 5, 3]);
    let verifies = card
        .log
        .iter()
        .filter(|a| a.starts_with(&[0x00, 0x20]))
        .count();
    assert_eq!(verifies, 6, "three counters, twice, all without data");
}

#[test]
fn a_locked_pin_is_zero_tries_whichever_way_the_card_says_it() {
    let mut card = MemoryCard::new();
    card.tries = [3, 0, 3];
    let (_, pins) = jpki::read(&mut card).unwrap();
    assert_eq!(pins.signature, 0);
    assert!(pins.certificate_pin_locked());
    card.tries = [0, 5, 1];
    let (_, pins) = jpki::read(&mut card).unwrap();
    assert_eq!((pins.user_auth, pins.card_info), (0, 1));
    assert!(pins.certificate_pin_locked());
}

#[test]
fn a_card_without_a_certificate_has_no_expiry() {
    let mut card = MemoryCard::new();
    card.certificate = Vec::new();
    let (expiry, pins) = jpki::read(&mut card).unwrap();
    assert_eq!(expiry, None);
    assert_eq!(pins.user_auth, 3);
}

#[test]
fn a_card_without_the_jpki_application_is_not_a_my_number_card() {
    let mut card = MemoryCard::new();
    card.jpki = false;
    let error = jpki::read(&mut card).unwrap_err();
    assert_eq!(error, CardError::NotMyNumberCard);
    assert_eq!(error.exit_status(), EXIT_WRONG_CARD);
}

#[test]
fn an_old_juki_card_is_refused_by_its_token() {
    let mut card = MemoryCard::new();
    card.token = b"JPKIAPICCTOKEN                  ";
    assert_eq!(jpki::read(&mut card).unwrap_err(), CardError::JukiCard);
}

#[test]
fn a_card_taken_away_mid_read_says_so() {
    for after in [1, 4, 8, 12] {
        let mut card = MemoryCard::new();
        card.vanish_after = Some(after);
        let error = jpki::read(&mut card).unwrap_err();
        assert_eq!(error, CardError::Removed, "after {after} commands");
        assert_eq!(error.exit_status(), EXIT_WRONG_CARD);
    }
}

#[test]
fn a_reader_that_wants_the_exact_length_is_answered() {
    let mut card = MemoryCard::new();
    card.wrong_length_once = true;
    let (expiry, _) = jpki::read(&mut card).unwrap();
    assert_eq!(expiry, Some(date(2030, 12, 10)));
}

#[test]
fn the_expiry_is_the_jst_date_of_the_utc_instant() {
    // 2030-12-10 14:59:59Z is 23:59:59 JST the same day; 15:00:00Z is the next day in JST.
    let end_of_day = chrono::NaiveDate::from_ymd_opt(2030, 12, 10)
        .unwrap()
        .and_hms_opt(14, 59, 59)
        .unwrap()
        .and_utc()
        .timestamp() as u64;
    assert_eq!(jpki::jst_date(end_of_day), date(2030, 12, 10));
    assert_eq!(jpki::jst_date(end_of_day + 1), date(2030, 12, 11));
}

#[test]
fn the_json_is_the_shape_the_issue_fixes() {
    let reading = CardReading {
        reader: "Reader \"A\" 00 00".into(),
        cert_expiry: Some(date(2030, 12, 10)),
        pins: PinTries {
            user_auth: 3,
            signature: 0,
            card_info: 2,
        },
    };
    assert_eq!(
        reading.to_json(),
        r#"{"reader": "Reader \"A\" 00 00", "cert_expiry": "2030-12-10", "pins": {"user_auth": 3, "signature": 0, "card_info": 2}}"#
    );
}
