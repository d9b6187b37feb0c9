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

/// ron's whitespace (`ron::parse::is_whitespace_char`, which ron does not export).
pub const fn is_ron_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// What a token of RON is, as far as finding places needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Ident,
    /// A string, raw string, byte string or char literal.
    Literal,
    Number,
    Open(char),
    Close(char),
    Colon,
    Comma,
    /// Anything else (ron would refuse it; kept so nothing is lost).
    Other,
}

/// A token and its byte span `start..end` in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// A cursor over the characters of the text.
struct Chars<'a> {
    text: &'a str,
    at: usize,
}

impl Chars<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..)?.chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text.get(self.at..)?.chars();
        chars.next();
        chars.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn starts_with(&self, prefix: &str) -> bool {
        self.text
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    fn bump_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
    }

    /// Skips a `//` or (nested) `/* */` comment at the cursor; false when there is none.
    fn skip_comment(&mut self) -> bool {
        if self.starts_with("//") {
            self.bump_while(|c| c != '\n');
            return true;
        }
        if !self.starts_with("/*") {
            return false;
        }
        self.at += 2;
        let mut level = 1usize;
        while level > 0 {
            if self.starts_with("/*") {
                self.at += 2;
                level += 1;
            } else if self.starts_with("*/") {
                self.at += 2;
                level -= 1;
            } else if self.bump().is_none() {
                break;
            }
        }
        true
    }

    /// A `"…"` string with escapes (the opening quote at the cursor).
    fn skip_string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    /// `r"…"`, `r#"…"#`, … (the cursor after the `r`); false when it is no raw string.
    fn skip_raw_string(&mut self) -> bool {
        let rest = self.text.get(self.at..).unwrap_or_default();
        let hashes = rest.chars().take_while(|c| *c == '#').count();
        if rest.get(hashes..).is_none_or(|r| !r.starts_with('"')) {
            return false;
        }
        self.at += hashes + 1;
        let closing = format!("\"{}", "#".repeat(hashes));
        match self.text.get(self.at..).and_then(|r| r.find(&closing)) {
            Some(found) => self.at += found + closing.len(),
            None => self.at = self.text.len(),
        }
        true
    }

    /// A `'x'` char literal (the quote at the cursor).
    fn skip_char_literal(&mut self) {
        self.bump();
        if self.bump() == Some('\\') {
            self.bump_while(|c| c != '\'' && c != '\n');
        }
        if self.peek() == Some('\'') {
            self.bump();
        }
    }
    /// Reads the token that starts with `c` at the cursor and says what it is.
    fn token(&mut self, c: char) -> TokenKind {
        match c {
            '(' | '[' | '{' => {
                self.bump();
                TokenKind::Open(c)
            }
            ')' | ']' | '}' => {
                self.bump();
                TokenKind::Close(c)
            }
            ':' => {
                self.bump();
                TokenKind::Colon
            }
            ',' => {
                self.bump();
                TokenKind::Comma
            }
            '"' => {
                self.skip_string();
                TokenKind::Literal
            }
            '\'' => {
                self.skip_char_literal();
                TokenKind::Literal
            }
            'b' if self.peek_second() == Some('"') => {
                self.bump();
                self.skip_string();
                TokenKind::Literal
            }
            'b' if self.peek_second() == Some('\'') => {
                self.bump();
                self.skip_char_literal();
                TokenKind::Literal
            }
            'b' if self.starts_with("br") => {
                self.at += 2;
                if self.skip_raw_string() {
                    TokenKind::Literal
                } else {
                    self.bump_while(is_ident_continue);
                    TokenKind::Ident
                }
            }
            'r' => {
                self.bump();
                if self.skip_raw_string() {
                    TokenKind::Literal
                } else {
                    if self.peek() == Some('#') {
                        // A raw identifier: r#name (ron also allows . + - in it).
                        self.bump();
                        self.bump_while(|c| is_ident_continue(c) || matches!(c, '.' | '+' | '-'));
                    } else {
                        self.bump_while(is_ident_continue);
                    }
                    TokenKind::Ident
                }
            }
            c if is_ident_start(c) => {
                self.bump_while(is_ident_continue);
                TokenKind::Ident
            }
            c if c.is_ascii_digit()
                || (matches!(c, '+' | '-' | '.')
                    && self
                        .peek_second()
                        .is_some_and(|d| d.is_ascii_digit() || d == 'i' || d == 'N')) =>
            {
                self.bump();
                self.bump_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-'));
                TokenKind::Number
            }
            _ => {
                self.bump();
                TokenKind::Other
            }
        }
    }
}

/// The tokens of a RON text, whitespace and comments left out.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut chars = Chars { text, at: 0 };
    let mut out = Vec::new();
    loop {
        chars.bump_while(is_ron_whitespace);
        if chars.skip_comment() {
            continue;
        }
        let start = chars.at;
        let Some(c) = chars.peek() else { break };
        let kind = chars.token(c);
        if chars.at == start {
            // Never stand still (cannot happen, but a loop must not hang on it).
            chars.bump();
        }
        out.push(Token {
            kind,
            start,
            end: chars.at,
        });
    }
    out
}

/// One step of a path into a RON value: a field by name, or an item of a list or tuple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A field of a struct (or an entry of a map) in the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub key_start: usize,
    pub value: usize,
}

/// A value in the outline: where it starts, its fields and its items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Node {
    pub start: usize,
    pub fields: Vec<Field>,
    pub items: Vec<usize>,
}

/// Deeper than this, values are skipped whole (ron itself refuses more than 128 levels).
const MAX_DEPTH: usize = 256;

/// A RON text read as a tree of places: enough to say where a field or an item stands.
#[derive(Debug, Clone)]
pub struct Outline<'t> {
    text: &'t str,
    nodes: Vec<Node>,
}

struct OutlineParser<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    at: usize,
    nodes: Vec<Node>,
}

impl OutlineParser<'_> {
    fn peek(&self, ahead: usize) -> Option<Token> {
        self.tokens.get(self.at + ahead).copied()
    }

    fn new_node(&mut self, start: usize) -> usize {
        self.nodes.push(Node {
            start,
            ..Node::default()
        });
        self.nodes.len() - 1
    }

    /// One value: `Name(…)`, `(…)`, `[…]`, `{…}`, or a single token.
    fn value(&mut self, depth: usize) -> usize {
        let start = self.peek(0).map_or(self.text.len(), |t| t.start);
        let node = self.new_node(start);
        match self.peek(0).map(|t| t.kind) {
            Some(TokenKind::Ident) => {
                self.at += 1;
                if let Some(TokenKind::Open(_)) = self.peek(0).map(|t| t.kind) {
                    self.at += 1;
                    self.contents(node, depth + 1);
                }
            }
            Some(TokenKind::Open(_)) => {
                self.at += 1;
                self.contents(node, depth + 1);
            }
            Some(TokenKind::Close(_) | TokenKind::Comma) | None => {}
            Some(_) => self.at += 1,
        }
        node
    }

    /// The fields and items inside brackets, up to and including the closing one.
    fn contents(&mut self, node: usize, depth: usize) {
        if depth > MAX_DEPTH {
            self.skip_to_close();
            return;
        }
        while let Some(token) = self.peek(0) {
            let before = self.at;
            match token.kind {
                TokenKind::Close(_) => {
                    self.at += 1;
                    return;
                }
                TokenKind::Comma | TokenKind::Colon => self.at += 1,
                TokenKind::Ident | TokenKind::Literal | TokenKind::Number
                    if self.peek(1).map(|t| t.kind) == Some(TokenKind::Colon) =>
                {
                    let key = self
                        .text
                        .get(token.start..token.end)
                        .unwrap_or_default()
                        .to_string();
                    self.at += 2;
                    let value = self.value(depth);
                    self.nodes[node].fields.push(Field {
                        key,
                        key_start: token.start,
                        value,
                    });
                }
                _ => {
                    let value = self.value(depth);
                    self.nodes[node].items.push(value);
                }
            }
            if self.at == before {
                self.at += 1;
            }
        }
    }

    /// Skips to just after the bracket that closes the current one.
    fn skip_to_close(&mut self) {
        let mut level = 1usize;
        while let Some(token) = self.peek(0) {
            self.at += 1;
            match token.kind {
                TokenKind::Open(_) => level += 1,
                TokenKind::Close(_) => {
                    level -= 1;
                    if level == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'t> Outline<'t> {
    /// Reads `text`; the root is the first value of the file.
    pub fn parse(text: &'t str) -> Outline<'t> {
        let mut parser = OutlineParser {
            text,
            tokens: tokens(text),
            at: 0,
            nodes: Vec::new(),
        };
        // ron allows `#![enable(...)]` attributes before the value.
        while parser.peek(0).is_some_and(|t| t.kind == TokenKind::Other)
            && parser
                .text
                .get(parser.peek(0).map_or(0, |t| t.start)..)
                .is_some_and(|r| r.starts_with('#'))
        {
            parser.at += 1;
            if parser.peek(0).is_some_and(|t| t.kind == TokenKind::Other) {
                parser.at += 1; // the `!`
            }
            if parser
                .peek(0)
                .is_some_and(|t| t.kind == TokenKind::Open('['))
            {
                parser.at += 1;
                parser.skip_to_close();
            }
        }
        parser.value(0);
        Outline {
            text,
            nodes: parser.nodes,
        }
    }

    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn node(&self, id: usize) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Every key of the file in the order it is written, with its byte offset.
    pub fn keys(&self) -> Vec<(&str, usize)> {
        let mut keys: Vec<(&str, usize)> = self
            .nodes
            .iter()
            .flat_map(|n| n.fields.iter().map(|f| (f.key.as_str(), f.key_start)))
            .collect();
        keys.sort_by_key(|(_, offset)| *offset);
        keys
    }

    /// A step from one node: a field, or an item; `Some(x)`-like wrappers with one item
    /// and no fields are looked through.
    fn step(&self, node: usize, step: Step) -> Option<(usize, usize)> {
        let here = self.nodes.get(node)?;
        let found = match step {
            Step::Key(key) => here
                .fields
                .iter()
                .find(|f| f.key == key)
                .map(|f| (f.value, f.key_start)),
            Step::Index(index) => here.items.get(index).map(|&item| {
                let start = self.nodes.get(item).map_or(here.start, |n| n.start);
                (item, start)
            }),
        };
        found.or_else(|| match here.items.as_slice() {
            [only] if here.fields.is_empty() => self.step(*only, step),
            _ => None,
        })
    }

    /// The byte offset of what `path` names (a key where the last step is a key), or of the
    /// deepest part of it that exists.
    pub fn offset(&self, path: &[Step]) -> usize {
        let mut node = 0;
        let mut offset = self.nodes.first().map_or(0, |n| n.start);
        for step in path {
            match self.step(node, *step) {
                Some((next, at)) => {
                    node = next;
                    offset = at;
                }
                None => break,
            }
        }
        offset
    }

    /// True when the whole of `path` exists.
    pub fn has(&self, path: &[Step]) -> bool {
        let mut node = 0;
        path.iter().all(|step| match self.step(node, *step) {
            Some((next, _)) => {
                node = next;
                true
            }
            None => false,
        })
    }

    /// Line and column of what `path` names (see [`Outline::offset`]).
    pub fn locate(&self, path: &[Step]) -> (usize, usize) {
        position(self.text, self.offset(path))
    }
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
