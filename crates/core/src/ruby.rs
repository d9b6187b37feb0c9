//! Readings written in a text: `{電子証明書|でんししょうめいしょ}` puts でんししょうめいしょ over
//! 電子証明書 (ruby). Readings are written by people in the language files, never guessed.

/// A run of text and, when it carries one, its reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub base: String,
    pub reading: Option<String>,
}

/// Why a text's markup cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkupError {
    #[error("「{{」が閉じていません（{{漢字|かんじ}} のように書いてください）")]
    Unclosed,
    #[error("「{{{0}}}」に「|」がありません（{{漢字|かんじ}} のように書いてください）")]
    NoReading(String),
    #[error("「{{」の外に「}}」があります")]
    StrayClose,
    #[error("「{{{0}}}」の漢字か読み方が空です")]
    Empty(String),
}

/// The spans of a text; `{name}` slots (no `|`) stay in the text as they are.
pub fn parse(text: &str) -> Result<Vec<Span>, MarkupError> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let (before, after) = rest.split_at(open);
        plain.push_str(before);
        if after.starts_with('}') {
            return Err(MarkupError::StrayClose);
        }
        let Some(close) = after.find('}') else {
            return Err(MarkupError::Unclosed);
        };
        let inner = &after[1..close];
        match inner.split_once('|') {
            Some((base, reading)) => {
                if base.is_empty() || reading.is_empty() {
                    return Err(MarkupError::Empty(inner.to_string()));
                }
                if !plain.is_empty() {
                    spans.push(Span {
                        base: std::mem::take(&mut plain),
                        reading: None,
                    });
                }
                spans.push(Span {
                    base: base.to_string(),
                    reading: Some(reading.to_string()),
                });
            }
            // A slot such as {date}: ASCII letters and underscores only.
            None if !inner.is_empty()
                && inner.chars().all(|c| c.is_ascii_alphabetic() || c == '_') =>
            {
                plain.push_str(&after[..=close]);
            }
            None => return Err(MarkupError::NoReading(inner.to_string())),
        }
        rest = &after[close + 1..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        spans.push(Span {
            base: plain,
            reading: None,
        });
    }
    Ok(spans)
}

/// The text without readings (`{漢字|かんじ}` → `漢字`), for places that cannot show ruby.
pub fn plain(text: &str) -> String {
    match parse(text) {
        Ok(spans) => spans.into_iter().map(|s| s.base).collect(),
        Err(_) => text.to_string(),
    }
}

/// A CJK ideograph (or 々), which in やさしい日本語 needs a reading.
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// The `{slot}` names of a text, sorted, each once.
pub fn slots(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
        })
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_and_slots_are_read_apart() {
        let spans = parse("{本人|ほんにん}の{date}まで").unwrap();
        assert_eq!(
            spans,
            [
                Span {
                    base: "本人".into(),
                    reading: Some("ほんにん".into())
                },
                Span {
                    base: "の{date}まで".into(),
                    reading: None
                },
            ]
        );
        assert_eq!(
            plain("{電子|でんし}{証明書|しょうめいしょ}です"),
            "電子証明書です"
        );
        assert_eq!(
            slots("{a}と{本|ほん}と{window_start}"),
            ["a", "window_start"]
        );
    }

    #[test]
    fn broken_markup_is_named() {
        assert_eq!(parse("{本"), Err(MarkupError::Unclosed));
        assert_eq!(parse("本}"), Err(MarkupError::StrayClose));
        assert!(matches!(parse("{本人}"), Err(MarkupError::NoReading(_))));
        assert!(matches!(parse("{|ほん}"), Err(MarkupError::Empty(_))));
    }

    #[test]
    fn kanji_are_told_from_kana() {
        assert!(is_kanji('証') && is_kanji('々'));
        assert!(!is_kanji('か') && !is_kanji('カ') && !is_kanji('A'));
    }
}
