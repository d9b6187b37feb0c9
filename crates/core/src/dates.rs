//! Calendar rules the counter needs: ISO and 和暦 (Japanese era) dates, ages, the
//! three-month renewal window and certificate birthdays. Pure functions; no clock.

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// The years a date at the counter can have: from 明治 (the first era the counter reads) to
/// well past any card's expiry.
pub const WESTERN_YEARS: std::ops::RangeInclusive<i32> = 1868..=2199;

/// The highest era year read (令和181年 is 2199).
const MAX_ERA_YEAR: u32 = 200;

/// A Japanese era with the first day it applies from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era {
    pub name: &'static str,
    pub letter: char,
    pub first_day: (i32, u32, u32),
}

/// Eras from newest to oldest. The last day of an era is the day before the next one starts.
pub const ERAS: [Era; 5] = [
    Era {
        name: "令和",
        letter: 'R',
        first_day: (2019, 5, 1),
    },
    Era {
        name: "平成",
        letter: 'H',
        first_day: (1989, 1, 8),
    },
    Era {
        name: "昭和",
        letter: 'S',
        first_day: (1926, 12, 25),
    },
    Era {
        name: "大正",
        letter: 'T',
        first_day: (1912, 7, 30),
    },
    Era {
        name: "明治",
        letter: 'M',
        first_day: (1868, 1, 25),
    },
];

impl Era {
    fn start(&self) -> NaiveDate {
        let (y, m, d) = self.first_day;
        NaiveDate::from_ymd_opt(y, m, d).expect("era table holds real dates")
    }

    /// The last day of this era, `None` for the current one.
    fn end(&self) -> Option<NaiveDate> {
        let index = ERAS.iter().position(|e| e.name == self.name)?;
        let newer = ERAS.get(index.checked_sub(1)?)?;
        newer.start().pred_opt()
    }

    fn gregorian_year(&self, era_year: u32) -> i32 {
        self.first_day.0 + era_year as i32 - 1
    }
}

/// Why a typed date was refused. The text is Japanese: staff read it beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
    pub reason: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "「{}」は日付として読めません: {}",
            self.input, self.reason
        )
    }
}

impl std::error::Error for DateError {}

fn refuse(input: &str, reason: impl Into<String>) -> DateError {
    DateError {
        input: input.to_string(),
        reason: reason.into(),
    }
}

/// Parses `2026-11-25`, `2026/11/25`, `2026年11月25日`, `R8.11.25`, `H2.1.8`, `S55.6.15`,
/// `昭和55年6月15日`, `令和元年5月1日`, and what the numeric keypad gives: `20311210` (8 digits)
/// and the 7-digit era code of resident-record systems (`3550615` = 昭和55年6月15日: 1 明治,
/// 2 大正, 3 昭和, 4 平成, 5 令和). Full-width digits, letters and punctuation are read as their
/// half-width forms (`Ｒ１３．１２．１０`). A date outside its era (平成31年5月1日, 令和0年) or
/// a day that does not exist (2月30日) is refused.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let text: String = input
        .trim()
        .chars()
        .map(half_width)
        .map(|c| match c {
            '/' | '.' | '－' | 'ー' | '−' => '-',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(refuse(input, "空です（例: 2026-11-25 または S55.6.15）"));
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        return parse_digits_only(input, &text);
    }
    let (era, rest) = split_era(&text);
    let numbers = split_numbers(rest).ok_or_else(|| {
        refuse(
            input,
            "年・月・日の3つの数が必要です（例: 2026-11-25、S55.6.15、昭和55年6月15日）",
        )
    })?;
    let [year, month, day] = numbers;
    match era {
        None => western_date(input, year, month, day),
        Some(era) => {
            if year == 0 {
                return Err(refuse(
                    input,
                    format!("{}0年はありません（最初の年は{}元年）", era.name, era.name),
                ));
            }
            if year > MAX_ERA_YEAR {
                return Err(refuse(input, format!("{}{}年は範囲外です", era.name, year)));
            }
            let date = real_date(input, era.gregorian_year(year), month, day)?;
            if date < era.start() {
                return Err(refuse(
                    input,
                    format!("{}は{}から始まります", era.name, format_wareki(era.start())),
                ));
            }
            if let Some(end) = era.end().filter(|end| date > *end) {
                return Err(refuse(
                    input,
                    format!("{}は{}までです", era.name, format_wareki(end)),
                ));
            }
            Ok(date)
        }
    }
}

/// A full-width ASCII character (`Ｒ`, `１`, `．`) as its half-width form; others unchanged.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The era codes of resident-record systems: 1 明治 … 5 令和.
const ERA_CODES: [(char, char); 5] = [('1', 'M'), ('2', 'T'), ('3', 'S'), ('4', 'H'), ('5', 'R')];

/// `20311210` (YYYYMMDD) or `3550615` (era code, YYMMDD).
fn parse_digits_only(input: &str, digits: &str) -> Result<NaiveDate, DateError> {
    let number = |range: std::ops::Range<usize>| {
        digits
            .get(range)
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(0)
    };
    match digits.len() {
        8 => western_date(input, number(0..4), number(4..6), number(6..8)),
        7 => {
            let code = digits.chars().next().unwrap_or('0');
            let Some((_, letter)) = ERA_CODES.iter().find(|(c, _)| *c == code) else {
                return Err(refuse(
                    input,
                    "7桁の先頭は元号の番号です（1 明治、2 大正、3 昭和、4 平成、5 令和）",
                ));
            };
            let rewritten = format!("{letter}{}.{}.{}", number(1..3), number(3..5), number(5..7));
            parse_date(&rewritten).map_err(|err| refuse(input, err.reason))
        }
        _ => Err(refuse(
            input,
            "数字だけなら8桁（20311210）か、元号の番号つき7桁（3550615 = 昭和55年6月15日）で書いてください",
        )),
    }
}

/// A date in the Western calendar, its year within [`WESTERN_YEARS`].
fn western_date(input: &str, year: u32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    let year = i32::try_from(year)
        .ok()
        .filter(|y| WESTERN_YEARS.contains(y))
        .ok_or_else(|| {
            refuse(
                input,
                format!(
                    "西暦の年は{}〜{}年で書いてください",
                    WESTERN_YEARS.start(),
                    WESTERN_YEARS.end()
                ),
            )
        })?;
    real_date(input, year, month, day)
}

fn real_date(input: &str, year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=12).contains(&month) {
        return Err(refuse(input, format!("{month}月はありません")));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        refuse(
            input,
            format!("{year}年{month}月{day}日は存在しない日付です"),
        )
    })
}

fn split_era(text: &str) -> (Option<Era>, &str) {
    for era in ERAS {
        if let Some(rest) = text.strip_prefix(era.name) {
            return (Some(era), rest);
        }
        let mut chars = text.chars();
        if let Some(first) = chars.next()
            && first.to_ascii_uppercase() == era.letter
        {
            return (Some(era), chars.as_str());
        }
    }
    (None, text)
}

/// Splits `55年6月15日`, `55.6.15`, `2026-11-25`, `元年5月1日` into three numbers.
fn split_numbers(rest: &str) -> Option<[u32; 3]> {
    let rest = rest.strip_suffix('日').unwrap_or(rest);
    let rest = rest.replacen('元', "1", 1);
    let parts: Vec<&str> = rest.split(['年', '月', '.', '-', '/']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| {
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            None
        } else {
            s.parse::<u32>().ok()
        }
    };
    Some([number(y)?, number(m)?, number(d)?])
}

/// The era a date belongs to, `None` before 明治.
pub fn era_of(date: NaiveDate) -> Option<Era> {
    ERAS.into_iter().find(|era| date >= era.start())
}

fn era_year(date: NaiveDate) -> Option<(Era, i32)> {
    let era = era_of(date)?;
    Some((era, date.year() - era.first_day.0 + 1))
}

/// `令和8年11月25日`; the first year of an era is 元年.
pub fn format_wareki(date: NaiveDate) -> String {
    match era_year(date) {
        Some((era, 1)) => format!("{}元年{}月{}日", era.name, date.month(), date.day()),
        Some((era, year)) => format!("{}{}年{}月{}日", era.name, year, date.month(), date.day()),
        None => format_iso(date),
    }
}

/// `R8.11.25`.
pub fn format_wareki_short(date: NaiveDate) -> String {
    match era_year(date) {
        Some((era, year)) => format!("{}{}.{}.{}", era.letter, year, date.month(), date.day()),
        None => format_iso(date),
    }
}

/// `2026-11-25`.
pub fn format_iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `2026年11月25日（令和8年11月25日）`: the form printed for citizens.
pub fn format_both(date: NaiveDate) -> String {
    format!(
        "{}年{}月{}日（{}）",
        date.year(),
        date.month(),
        date.day(),
        format_wareki(date)
    )
}

/// Age in whole years on `on`. Someone born on 29 February gains a year on 1 March in a
/// common year (the age is reached at the end of 28 February).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// The same day `months` earlier; a day the earlier month lacks becomes its last day.
pub fn months_before(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// The first day a renewal may be applied for: the day after the date `months` before the
/// expiry (expiry 2023-11-20, 3 months: 2023-08-21), or that date itself when the city's
/// window does not start on the next day (「3か月前から」: 2023-08-20).
pub fn renewal_window_start(expiry: NaiveDate, months: u32, next_day: bool) -> Option<NaiveDate> {
    let before = months_before(expiry, months)?;
    if next_day {
        before.succ_opt()
    } else {
        Some(before)
    }
}

/// The holder's birthday in `year`; 29 February falls on 28 February in a common year.
pub fn birthday_in(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, birth.month(), 28))
}

/// The `n`-th birthday strictly after `after` (n starts at 1).
pub fn nth_birthday_after(birth: NaiveDate, after: NaiveDate, n: u32) -> Option<NaiveDate> {
    let this_year = birthday_in(birth, after.year())?;
    let first_year = if this_year > after {
        after.year()
    } else {
        after.year() + 1
    };
    let offset = i32::try_from(n.checked_sub(1)?).ok()?;
    birthday_in(birth, first_year.checked_add(offset)?)
}

#[cfg(test)]
mod tests;
