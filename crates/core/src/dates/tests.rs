use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn iso_and_slashes_parse() {
    assert_eq!(parse_date("2026-11-25").unwrap(), d(2026, 11, 25));
    assert_eq!(parse_date(" 2026/1/5 ").unwrap(), d(2026, 1, 5));
    assert_eq!(parse_date("2026年11月25日").unwrap(), d(2026, 11, 25));
    assert_eq!(parse_date("２０２６－１１－２５").unwrap(), d(2026, 11, 25));
}

#[test]
fn a_year_beyond_the_counters_range_is_refused_not_written_wrong() {
    // Found by fuzzing: 5883 was read, then written as 令和3865年, which no one reads back.
    assert!(
        parse_date("5883年11月25日")
            .unwrap_err()
            .reason
            .contains("1868〜2199")
    );
    assert!(parse_date("1867-12-31").is_err());
    // Found by fuzzing too: the keypad's eight digits went around the range.
    assert!(parse_date("23101120").is_err());
    let last = d(2199, 12, 31);
    assert_eq!(parse_date(&format_wareki(last)).unwrap(), last);
}

#[test]
fn numeric_keypad_forms_parse() {
    assert_eq!(parse_date("20311210").unwrap(), d(2031, 12, 10));
    assert_eq!(parse_date("3550615").unwrap(), d(1980, 6, 15));
    assert_eq!(parse_date("5010501").unwrap(), d(2019, 5, 1));
    assert_eq!(parse_date("4310430").unwrap(), d(2019, 4, 30));
    assert_eq!(parse_date("１９８００６１５").unwrap(), d(1980, 6, 15));
    assert!(parse_date("4310501").unwrap_err().reason.contains("平成は"));
    assert!(
        parse_date("6550615")
            .unwrap_err()
            .reason
            .contains("元号の番号")
    );
    assert!(
        parse_date("20310231")
            .unwrap_err()
            .reason
            .contains("存在しない")
    );
    assert!(parse_date("551215").unwrap_err().reason.contains("8桁"));
}

#[test]
fn full_width_letters_and_punctuation_parse() {
    assert_eq!(parse_date("Ｒ１３．１２．１０").unwrap(), d(2031, 12, 10));
    assert_eq!(parse_date("ｓ５５／６／１５").unwrap(), d(1980, 6, 15));
    assert_eq!(parse_date("　2026－11－25　").unwrap(), d(2026, 11, 25));
}

#[test]
fn short_era_forms_parse() {
    assert_eq!(parse_date("R8.11.25").unwrap(), d(2026, 11, 25));
    assert_eq!(parse_date("H2.1.8").unwrap(), d(1990, 1, 8));
    assert_eq!(parse_date("S55.6.15").unwrap(), d(1980, 6, 15));
    assert_eq!(parse_date("s55.6.15").unwrap(), d(1980, 6, 15));
    assert_eq!(parse_date("T15.1.1").unwrap(), d(1926, 1, 1));
}

#[test]
fn kanji_era_forms_parse_including_gannen() {
    assert_eq!(parse_date("昭和55年6月15日").unwrap(), d(1980, 6, 15));
    assert_eq!(parse_date("令和元年5月1日").unwrap(), d(2019, 5, 1));
    assert_eq!(parse_date("平成元年1月8日").unwrap(), d(1989, 1, 8));
    assert_eq!(parse_date("昭和６４年１月７日").unwrap(), d(1989, 1, 7));
    assert_eq!(parse_date("令和8.11.25").unwrap(), d(2026, 11, 25));
}

#[test]
fn date_after_its_era_ended_is_refused() {
    let err = parse_date("平成31年5月1日").unwrap_err();
    assert!(err.reason.contains("平成は平成31年4月30日まで"), "{err}");
    assert!(parse_date("平成31年4月30日").is_ok());
    assert!(parse_date("昭和64年1月8日").is_err());
}

#[test]
fn date_before_its_era_began_is_refused() {
    let err = parse_date("令和元年4月30日").unwrap_err();
    assert!(
        err.reason.contains("令和は令和元年5月1日から始まります"),
        "{err}"
    );
    assert!(parse_date("平成元年1月7日").is_err());
}

#[test]
fn era_year_zero_is_refused() {
    let err = parse_date("令和0年1月1日").unwrap_err();
    assert!(err.reason.contains("令和0年はありません"), "{err}");
    assert!(parse_date("R0.1.1").is_err());
}

#[test]
fn impossible_days_are_refused() {
    assert!(
        parse_date("2026-02-30")
            .unwrap_err()
            .reason
            .contains("存在しない")
    );
    assert!(
        parse_date("2026-13-01")
            .unwrap_err()
            .reason
            .contains("13月")
    );
    assert!(parse_date("2025-02-29").is_err());
    assert_eq!(parse_date("2024-02-29").unwrap(), d(2024, 2, 29));
}

#[test]
fn garbage_is_refused_with_a_hint() {
    for bad in [
        "",
        "abc",
        "2026-11",
        "S55.6.15.1",
        "12345-1-1",
        "昭和五十五年",
    ] {
        let err = parse_date(bad).unwrap_err();
        assert!(!err.reason.is_empty(), "{bad}");
    }
}

#[test]
fn wareki_formats_with_gannen() {
    assert_eq!(format_wareki(d(2026, 11, 25)), "令和8年11月25日");
    assert_eq!(format_wareki(d(2019, 5, 1)), "令和元年5月1日");
    assert_eq!(format_wareki(d(2019, 4, 30)), "平成31年4月30日");
    assert_eq!(format_wareki(d(1989, 1, 7)), "昭和64年1月7日");
    assert_eq!(format_wareki_short(d(1980, 6, 15)), "S55.6.15");
    assert_eq!(
        format_both(d(2026, 11, 25)),
        "2026年11月25日（令和8年11月25日）"
    );
}

#[test]
fn wareki_round_trips_every_day_of_two_centuries() {
    let mut day = d(1900, 1, 1);
    while day <= d(2100, 12, 31) {
        assert_eq!(parse_date(&format_wareki(day)).unwrap(), day);
        assert_eq!(parse_date(&format_wareki_short(day)).unwrap(), day);
        day = day + chrono::Days::new(13);
    }
}

#[test]
fn age_turns_on_the_birthday() {
    let birth = d(2011, 11, 25);
    assert_eq!(age_on(birth, d(2026, 11, 24)), Some(14));
    assert_eq!(age_on(birth, d(2026, 11, 25)), Some(15));
    assert_eq!(age_on(birth, d(2011, 11, 24)), None);
}

#[test]
fn leap_day_births_gain_a_year_on_first_of_march() {
    let birth = d(2008, 2, 29);
    assert_eq!(age_on(birth, d(2023, 2, 28)), Some(14));
    assert_eq!(age_on(birth, d(2023, 3, 1)), Some(15));
    assert_eq!(age_on(birth, d(2024, 2, 29)), Some(16));
}

#[test]
fn renewal_window_opens_day_after_three_months_before() {
    // The page's own example.
    assert_eq!(
        renewal_window_start(d(2023, 11, 20), 3, true),
        Some(d(2023, 8, 21))
    );
    // Month ends: 31 May → 29 Feb (leap) → 1 March.
    assert_eq!(
        renewal_window_start(d(2024, 5, 31), 3, true),
        Some(d(2024, 3, 1))
    );
    assert_eq!(
        renewal_window_start(d(2025, 5, 31), 3, true),
        Some(d(2025, 3, 1))
    );
    assert_eq!(
        renewal_window_start(d(2026, 3, 1), 3, true),
        Some(d(2025, 12, 2))
    );
    assert_eq!(
        renewal_window_start(d(2026, 1, 15), 3, true),
        Some(d(2025, 10, 16))
    );
}

#[test]
fn birthdays_after_a_date() {
    let birth = d(1990, 12, 10);
    assert_eq!(
        nth_birthday_after(birth, d(2026, 10, 1), 1),
        Some(d(2026, 12, 10))
    );
    assert_eq!(
        nth_birthday_after(birth, d(2026, 12, 10), 1),
        Some(d(2027, 12, 10))
    );
    assert_eq!(
        nth_birthday_after(birth, d(2026, 10, 1), 5),
        Some(d(2030, 12, 10))
    );
    let leap = d(2000, 2, 29);
    assert_eq!(
        nth_birthday_after(leap, d(2026, 1, 1), 1),
        Some(d(2026, 2, 28))
    );
    assert_eq!(
        nth_birthday_after(leap, d(2026, 1, 1), 3),
        Some(d(2028, 2, 29))
    );
}

#[test]
fn renewal_window_without_the_next_day_opens_on_the_date_itself() {
    // 「3か月前から」 (no 翌日): the date three months before is the first day.
    assert_eq!(
        renewal_window_start(d(2023, 11, 20), 3, false),
        Some(d(2023, 8, 20))
    );
    assert_eq!(
        renewal_window_start(d(2024, 5, 31), 3, false),
        Some(d(2024, 2, 29))
    );
    assert_eq!(
        renewal_window_start(d(2026, 1, 15), 2, false),
        Some(d(2025, 11, 15))
    );
}
