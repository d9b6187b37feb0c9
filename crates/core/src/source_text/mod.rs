//! Finding places in a RON text, so every message about a file can name its line and column,
//! and saying ron's parse errors in Japanese.
//!
//! ron reports where a syntax error is, but not where a well-formed value stands. For the
//! rules serde cannot see (an unknown document id, a route that can never be chosen), the
//! text is read a second time here into an [`Outline`]: every field and list item with the
//! byte offset where it starts. The lexer follows ron's own syntax — nested block comments,
//! strings with escapes, raw strings, char literals, ron's whitespace set (U+0085, U+200E,
//! U+200F, U+2028, U+2029 included) — and walks `char_indices`, so it never slices inside
//! a character. It never panics, whatever the text: a test compares it with ron's parser.
//!
//! The lexer is in `lexer` ([`tokens`]), the outline in `outline` ([`Outline`]).

mod lexer;
mod outline;

pub use lexer::{Token, TokenKind, is_ron_whitespace, tokens};
pub use outline::{Field, LazyOutline, Node, Outline, Step};

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
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
        E::UnclosedBlockComment => "コメント「/* … */」が閉じていません".to_string(),
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
mod tests;
