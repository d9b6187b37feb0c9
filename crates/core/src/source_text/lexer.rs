//! The tokens of a RON text, as ron's own syntax has them: nested block comments, strings
//! with escapes, raw strings, char literals, ron's whitespace set. It moves from character to
//! character, so it never slices inside one.

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
            'b' if matches!(self.peek_second(), Some('"' | '\'' | 'r')) => self.byte_literal(),
            'r' => {
                self.bump();
                self.raw_string_or_ident()
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

    /// `b"…"`, `b'x'`, `br"…"` (the `b` at the cursor); `br` not followed by a raw string is
    /// an identifier.
    fn byte_literal(&mut self) -> TokenKind {
        match self.peek_second() {
            Some('"') => {
                self.bump();
                self.skip_string();
                TokenKind::Literal
            }
            Some('\'') => {
                self.bump();
                self.skip_char_literal();
                TokenKind::Literal
            }
            _ => {
                self.at += 2;
                if self.skip_raw_string() {
                    TokenKind::Literal
                } else {
                    self.bump_while(is_ident_continue);
                    TokenKind::Ident
                }
            }
        }
    }

    /// A raw string, a raw identifier `r#name` or an identifier (the cursor after the `r`).
    fn raw_string_or_ident(&mut self) -> TokenKind {
        if self.skip_raw_string() {
            return TokenKind::Literal;
        }
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
