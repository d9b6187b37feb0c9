//! A RON text read as a tree of places: every field and list item with the byte offset where
//! it starts, to say where a path into the value stands.

use super::{Token, TokenKind, position, tokens};

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

    /// The text it outlines.
    pub fn text(&self) -> &'t str {
        self.text
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

/// An [`Outline`] read only when a place is first asked for: a file without problems is
/// never read a second time (most of the time of loading a model that is fine).
#[derive(Debug)]
pub struct LazyOutline<'t> {
    text: &'t str,
    outline: std::cell::OnceCell<Outline<'t>>,
}

impl<'t> LazyOutline<'t> {
    pub fn new(text: &'t str) -> LazyOutline<'t> {
        LazyOutline {
            text,
            outline: std::cell::OnceCell::new(),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Line and column of what `path` names (see [`Outline::offset`]).
    pub fn locate(&self, path: &[Step]) -> (usize, usize) {
        self.outline
            .get_or_init(|| Outline::parse(self.text))
            .locate(path)
    }

    #[cfg(test)]
    fn is_read(&self) -> bool {
        self.outline.get().is_some()
    }
}

#[cfg(test)]
mod lazy_tests {
    use super::*;

    #[test]
    fn a_lazy_outline_is_read_at_the_first_place_asked_for_and_says_the_same() {
        let text = "Model(\n  procedures: [\n    (id: \"a\"),\n    (id: \"b\"),\n  ],\n)";
        let lazy = LazyOutline::new(text);
        assert!(!lazy.is_read());
        let path = [Step::Key("procedures"), Step::Index(1), Step::Key("id")];
        assert_eq!(lazy.locate(&path), (4, 6));
        assert!(lazy.is_read());
        assert_eq!(lazy.locate(&path), Outline::parse(text).locate(&path));
        assert_eq!(lazy.text(), text);
    }
}
