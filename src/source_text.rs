//! Finding places in a RON text, so every message about a file can name its line and column,
//! and saying ron's parse errors in Japanese.

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Byte offset of `key:` standing at bracket depth `depth` (1 = the fields of the outer
/// struct), outside strings and comments.
pub fn key_offset(text: &str, key: &str, depth: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut level = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => level += 1,
            b')' | b']' | b'}' => level = level.saturating_sub(1),
            _ if level == depth && text[i..].starts_with(key) => {
                let boundary_before = i == 0 || !is_ident_byte(bytes[i - 1]);
                let after = text[i + key.len()..].trim_start();
                if boundary_before && after.starts_with(':') {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Line and column of a top-level (or deeper) key; the file's start when it is absent.
pub fn locate_key(text: &str, key: &str, depth: usize) -> (usize, usize) {
    position(text, key_offset(text, key, depth).unwrap_or(0))
}

/// Finds each anchor after the previous one and gives the place of the last one found:
/// `["\"route_id\"", "\"card\""]` is the first `"card"` after that route's id.
pub fn locate_sequence(text: &str, anchors: &[&str]) -> (usize, usize) {
    let mut from = 0;
    let mut last = 0;
    for anchor in anchors {
        let Some(found) = text[from..].find(anchor) else {
            break;
        };
        last = from + found;
        from = last + anchor.len();
    }
    position(text, last)
}

/// The `n`-th occurrence (1-based) of `needle` after `start`.
pub fn locate_nth_after(
    text: &str,
    start: Option<usize>,
    needle: &str,
    n: usize,
) -> (usize, usize) {
    let start = start.unwrap_or(0);
    let found = text[start..]
        .match_indices(needle)
        .nth(n.saturating_sub(1))
        .map_or(start, |(i, _)| start + i);
    position(text, found)
}

/// Line, column and a Japanese explanation of a ron parse error.
pub fn ron_error_message(err: &ron::error::SpannedError) -> (usize, usize, String) {
    use ron::Error as E;
    let one_of = |names: &[&str]| names.join(", ");
    let message = match &err.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{}に「{found}」という項目はありません（書けるのは: {}）",
            outer.as_deref().map_or(String::new(), |o| format!("{o} ")),
            one_of(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "{}に必要な項目「{field}」がありません",
            outer
                .as_deref()
                .map_or("ここ".to_string(), |o| o.to_string())
        ),
        E::DuplicateStructField { field, outer } => format!(
            "{}の項目「{field}」が2回書かれています",
            outer
                .as_deref()
                .map_or("ここ".to_string(), |o| o.to_string())
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "「{found}」は使えません（書けるのは: {}）",
            one_of(expected)
        ),
        E::ExpectedString => "文字列（\"…\" で囲んだもの）が必要です".to_string(),
        E::ExpectedBoolean => "true か false が必要です".to_string(),
        E::ExpectedInteger => "整数が必要です".to_string(),
        E::ExpectedArray => "一覧（[ … ]）が必要です".to_string(),
        E::ExpectedArrayEnd => "一覧の終わり（]）かカンマが必要です".to_string(),
        E::ExpectedComma => "カンマ（,）が必要です".to_string(),
        E::ExpectedStructLikeEnd => "閉じかっこ「)」かカンマが必要です".to_string(),
        E::ExpectedStringEnd => "文字列の終わりの「\"」がありません".to_string(),
        E::ExpectedOption => "Some(…) か None が必要です".to_string(),
        E::Eof => {
            "ファイルが途中で終わっています（閉じかっこが足りない可能性があります）".to_string()
        }
        E::TrailingCharacters => "最後の閉じかっこの後に余分な文字があります".to_string(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("「{found}(」ではなく「{expected}(」で始めてください")
        }
        E::Message(text) => text.clone(),
        other => format!("書き方の誤りです（{other}）"),
    };
    (err.span.start.line, err.span.start.col, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nあいう\"x\"";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (2, 1));
        assert_eq!(position(text, text.find('"').unwrap()), (2, 4));
    }

    #[test]
    fn keys_are_found_at_their_depth_only() {
        let text = "M(\n  a: X(documents: []),\n  // documents: no\n  documents: [],\n)";
        assert_eq!(locate_key(text, "documents", 1), (4, 3));
        assert_eq!(locate_key(text, "documents", 2), (2, 8));
        assert_eq!(key_offset(text, "missing", 1), None);
    }

    #[test]
    fn sequences_find_an_anchor_after_the_previous() {
        let text = "r(\"one\", [\"card\"]), r(\"two\", [\"card\"])";
        assert_eq!(locate_sequence(text, &["\"two\"", "\"card\""]), (1, 31));
        assert_eq!(locate_nth_after(text, Some(0), "\"card\"", 2), (1, 31));
    }
}
