//! Breaking a text into lines of a width: where a line may break (Japanese between any two
//! characters, a run of ASCII only at a space, never before closing punctuation nor inside a
//! word with its reading) and how wide a text is.

use crate::fonts::{advance_em, width_em};

/// Where a text may break: its tokens, each a character, a run of ASCII or a word with its
/// reading (`{漢字|かんじ}`), with the closing punctuation that follows it. Found as byte
/// ranges of the text: no allocation per character.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut in_ruby = false;
    for (at, ch) in text.char_indices() {
        let end = at + ch.len_utf8();
        // `{漢字|かんじ}` stays whole: a word with its reading is never split.
        if in_ruby {
            if let Some(last) = tokens.last_mut() {
                last.1 = end;
            }
            in_ruby = ch != '}';
            continue;
        }
        if ch == '{' {
            tokens.push((at, end));
            in_ruby = true;
            continue;
        }
        let joins_previous = ch.is_ascii_graphic()
            && tokens.last().is_some_and(|&(start, stop)| {
                text[start..stop]
                    .chars()
                    .next_back()
                    .is_some_and(|last| last.is_ascii_graphic())
            });
        let closing = "、。，．）」』】・ー：".contains(ch);
        match tokens.last_mut() {
            Some(last) if joins_previous || closing => last.1 = end,
            _ => tokens.push((at, end)),
        }
    }
    tokens.into_iter().map(|(start, stop)| &text[start..stop])
}

/// Splits a text into lines no wider than `width` points at `size`. Japanese breaks between
/// any two characters, a run of ASCII (a phone number, an address in Latin letters) only at
/// a space; closing punctuation never starts a line.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for token in tokens(text) {
        let token_width = text_width(token, size);
        if line_width + token_width > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line_width = 0.0;
            if token == " " {
                continue;
            }
        }
        if token_width > width && !token.starts_with('{') {
            // A token longer than the line: break it by characters.
            for ch in token.chars() {
                let advance = advance_em(ch) * size;
                if line_width + advance > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(ch);
                line_width += advance;
            }
            continue;
        }
        line.push_str(token);
        line_width += token_width;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Readings (ruby) are set at this fraction of their base's size.
pub const RUBY_SCALE: f32 = 0.5;

/// The width of a text in points, a word with a reading as wide as the wider of the two.
pub fn text_width(text: &str, size: f32) -> f32 {
    if !text.contains('{') {
        return width_em(text) * size;
    }
    match madoguchi_core::ruby::parse(text) {
        Ok(spans) => spans
            .iter()
            .map(|span| {
                let base = width_em(&span.base) * size;
                span.reading
                    .as_ref()
                    .map_or(base, |r| base.max(width_em(r) * size * RUBY_SCALE))
            })
            .sum(),
        Err(_) => width_em(text) * size,
    }
}

#[cfg(test)]
mod tests;
