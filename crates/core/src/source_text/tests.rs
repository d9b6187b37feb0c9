use super::*;

fn key_line(text: &str, path: &[Step]) -> (usize, usize) {
    Outline::parse(text).locate(path)
}

#[test]
fn positions_count_lines_and_characters() {
    let text = "ab\nあいう\"x\"";
    assert_eq!(position(text, 0), (1, 1));
    assert_eq!(position(text, 3), (2, 1));
    assert_eq!(position(text, text.find('"').unwrap()), (2, 4));
    // Inside a character: the character's own place, never a panic.
    assert_eq!(position(text, 4), (2, 1));
    assert_eq!(position(text, 999), (2, 7));
}

#[test]
fn keys_are_found_by_path_not_in_comments() {
    let text = "M(\n  a: X(documents: []),\n  // documents: no\n  documents: [],\n)";
    assert_eq!(key_line(text, &[Step::Key("documents")]), (4, 3));
    assert_eq!(
        key_line(text, &[Step::Key("a"), Step::Key("documents")]),
        (2, 8)
    );
    assert!(!Outline::parse(text).has(&[Step::Key("missing")]));
}

#[test]
fn nested_block_comments_with_wide_characters_are_skipped() {
    let text = "M(\n /* 旧 /* 古い */ 健康保険証 */\n  b: 1,\n)";
    assert_eq!(key_line(text, &[Step::Key("b")]), (3, 3));
    let keys: Vec<String> = Outline::parse(text)
        .keys()
        .iter()
        .map(|k| k.0.to_string())
        .collect();
    assert_eq!(keys, ["b"]);
}

#[test]
fn invisible_whitespace_stands_between_tokens() {
    for space in ['\u{200E}', '\u{200F}', '\u{2028}', '\u{2029}', '\u{85}'] {
        let text = format!("M({space}a{space}:{space}1,{space}b: [2, 3])");
        let outline = Outline::parse(&text);
        let keys: Vec<String> = outline.keys().iter().map(|k| k.0.to_string()).collect();
        assert_eq!(keys, ["a", "b"], "{space:?}");
        assert!(outline.has(&[Step::Key("b"), Step::Index(1)]));
    }
}

#[test]
fn strings_with_escapes_and_raw_strings_hide_their_contents() {
    let text = r####"M(a: "x\"y: (", b: r#"z: ")" "#, c: 'a', d: '\'', e: b"q:", f: br##"w: "# "##, g: 1)"####;
    let keys: Vec<String> = Outline::parse(text)
        .keys()
        .iter()
        .map(|k| k.0.to_string())
        .collect();
    assert_eq!(keys, ["a", "b", "c", "d", "e", "f", "g"]);
}

#[test]
fn items_of_lists_and_wrappers_are_reached_by_index() {
    let text = "M(routes: [R(id: \"a\"), R(id: \"b\", when: Some(AllOf([X, Y])))])";
    let outline = Outline::parse(text);
    let b = outline.offset(&[Step::Key("routes"), Step::Index(1)]);
    assert_eq!(&text[b..b + 2], "R(");
    let y = outline.offset(&[
        Step::Key("routes"),
        Step::Index(1),
        Step::Key("when"),
        Step::Index(0),
        Step::Index(1),
    ]);
    assert_eq!(&text[y..y + 1], "Y");
}

#[test]
fn a_missing_path_points_at_the_deepest_part_found() {
    let text = "M(\n routes: [\n  R(id: \"a\"),\n ],\n)";
    assert_eq!(
        key_line(
            text,
            &[Step::Key("routes"), Step::Index(0), Step::Key("when")]
        ),
        (3, 3)
    );
}

#[test]
fn no_text_makes_it_panic_or_hang() {
    for text in [
        "",
        "(",
        ")))",
        "/*",
        "/* /* */",
        "\"",
        "r#\"",
        "'",
        "'\\",
        "b",
        "br#",
        "r#",
        "#![",
        "/*/**/(é*/(today:\"2027-1-5\",procedures:[],applicant:Principal)",
        &"[".repeat(10_000),
        &"(a:".repeat(5_000),
    ] {
        let outline = Outline::parse(text);
        let _ = outline.keys();
        let _ = outline.locate(&[Step::Key("a"), Step::Index(3)]);
    }
}
