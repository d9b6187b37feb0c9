use super::*;

#[test]
fn phone_numbers_are_not_broken() {
    let lines = wrap("お問い合わせ 電話:072-620-1621", 10.0, 120.0);
    assert!(
        lines.iter().any(|l| l.contains("072-620-1621")),
        "{lines:?}"
    );
}

#[test]
fn closing_punctuation_stays_on_its_line() {
    let lines = wrap("あいうえおかきくけこ。さしすせそ", 10.0, 100.0);
    assert_eq!(lines, ["あいうえおかきくけ", "こ。さしすせそ"]);
}

#[test]
fn every_line_fits_the_width() {
    let text = "市から照会書兼回答書と暗証番号記入用紙を、本人の住民票の住所あてに転送不要の普通郵便でお送りします。E-mail shimin@city.ibaraki.lg.jp";
    for line in wrap(text, 10.0, 150.0) {
        assert!(width_em(&line) * 10.0 <= 150.0, "{line}");
    }
}
