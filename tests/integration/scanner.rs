//! The scanner that finds keys for messages (`source_text::Outline`) against ron's own parser:
//! every key where ron finds it, whatever comments and invisible characters the officer's
//! editor or a web page put in between.

use crate::common;

use madoguchi::model::EMBEDDED_MODEL;
use madoguchi::source_text::{Outline, position, tokens};
use proptest::prelude::*;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Walks any RON value and fails on the `target`-th key it meets, so that ron's error span
/// says where ron itself found that key.
#[derive(Clone, Copy)]
struct Walk<'a> {
    seen: &'a Cell<usize>,
    target: usize,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

struct Key<'a>(Walk<'a>);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        let n = self.0.seen.get();
        self.0.seen.set(n + 1);
        if n == self.0.target {
            Err(E::custom("probe"))
        } else {
            Ok(())
        }
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Key(self))?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
}

/// How many keys ron meets in the text.
fn ron_key_count(text: &str) -> usize {
    let seen = Cell::new(0);
    madoguchi::ron_options()
        .from_str_seed(
            text,
            Walk {
                seen: &seen,
                target: usize::MAX,
            },
        )
        .expect("the text is valid RON");
    seen.get()
}

/// Line and column where ron finds its `target`-th key.
fn ron_key_position(text: &str, target: usize) -> (usize, usize) {
    let seen = Cell::new(0);
    let err = madoguchi::ron_options()
        .from_str_seed(
            text,
            Walk {
                seen: &seen,
                target,
            },
        )
        .expect_err("the probe fails on purpose");
    assert_eq!(err.code, ron::Error::Message("probe".into()), "{err}");
    (err.span.start.line, err.span.start.col)
}

fn scanner_keys(text: &str) -> Vec<(usize, usize)> {
    Outline::parse(text)
        .keys()
        .iter()
        .map(|(_, offset)| position(text, *offset))
        .collect()
}

/// Asserts the scanner and ron agree on the keys `which` (all when `None`).
fn agree(text: &str, which: Option<&[usize]>) {
    let ours = scanner_keys(text);
    assert_eq!(ours.len(), ron_key_count(text), "number of keys");
    let all: Vec<usize> = (0..ours.len()).collect();
    for &k in which.unwrap_or(&all) {
        let k = k % ours.len();
        assert_eq!(ours[k], ron_key_position(text, k), "key #{k}");
    }
}

#[test]
fn every_key_of_the_shipped_model_is_where_ron_finds_it() {
    agree(EMBEDDED_MODEL, None);
}

#[test]
fn every_key_of_the_example_cases_is_where_ron_finds_it() {
    for folder in ["tests/cases/shared", "tests/cases/routes"] {
        for entry in std::fs::read_dir(common::repo_path(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                agree(&std::fs::read_to_string(&path).unwrap(), None);
            }
        }
    }
}

/// What an officer's editor, a web page or a careful commenter may put between two tokens.
const INSERTIONS: [&str; 10] = [
    "/* 旧 /* 古い */ 健康保険証 */",
    "/* 2026年4月の改訂で消した項目 /* 旧: 窓口 */ ここまで */",
    "// 備考: documents: [\"x\"]\n",
    "\u{200E}",
    "\u{200F}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "/* \" ( [ */",
    "\n\t /**/ ",
];

/// The model with `insertions[i]` before the token number `at[i]`.
fn with_insertions(text: &str, at: &[usize], insertions: &[usize]) -> String {
    let starts: Vec<usize> = tokens(text).iter().map(|t| t.start).collect();
    let mut places: Vec<(usize, &str)> = at
        .iter()
        .zip(insertions)
        .map(|(a, i)| (starts[a % starts.len()], INSERTIONS[i % INSERTIONS.len()]))
        .collect();
    places.sort_by_key(|p| std::cmp::Reverse(p.0));
    let mut out = text.to_string();
    for (offset, insertion) in places {
        out.insert_str(offset, insertion);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_scanner_finds_every_key_where_ron_does_with_comments_and_invisible_characters(
        at in prop::collection::vec(any::<usize>(), 1..12),
        insertions in prop::collection::vec(any::<usize>(), 12),
        probes in prop::collection::vec(any::<usize>(), 16),
    ) {
        let text = with_insertions(EMBEDDED_MODEL, &at, &insertions);
        // The keys right after each insertion, and some anywhere.
        let keys = Outline::parse(&text).keys().iter().map(|k| k.1).collect::<Vec<_>>();
        let starts: Vec<usize> = tokens(EMBEDDED_MODEL).iter().map(|t| t.start).collect();
        let mut which: Vec<usize> = probes;
        for a in &at {
            let original = starts[a % starts.len()];
            let shifted = keys.iter().position(|k| *k >= original).unwrap_or(0);
            which.push(shifted);
        }
        agree(&text, Some(&which));
        // And the model still loads.
        prop_assert!(madoguchi::model::ProcedureModel::from_ron(&text, "x.ron").is_ok());
    }
}
