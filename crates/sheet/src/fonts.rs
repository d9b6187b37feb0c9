//! The Japanese font shipped in `assets/` (BIZ UDGothic, SIL OFL 1.1; licence beside it).

/// BIZ UDGothic Regular: a fixed-pitch universal-design face (full-width 1 em, half-width ½ em).
pub const JAPANESE_FONT: &[u8] = include_bytes!("../../../assets/BIZUDGothic-Regular.ttf");

/// Advance width of a character in em for BIZ UDGothic: ASCII and half-width katakana ½ em,
/// everything else (kana, kanji, ※ ■ □ ・ × …) 1 em, as the font's own metrics say.
pub fn advance_em(ch: char) -> f32 {
    let code = ch as u32;
    if code < 0x80 || (0xFF61..=0xFF9F).contains(&code) {
        0.5
    } else {
        1.0
    }
}

/// Width of a text in em.
pub fn width_em(text: &str) -> f32 {
    text.chars().map(advance_em).sum()
}
