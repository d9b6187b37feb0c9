//! Lays a [`Sheet`] out on one A4 portrait page and writes it as PDF with krilla, the
//! Japanese font embedded as a subset. Lines are wrapped here (krilla does not wrap); the text
//! shrinks until everything fits on one page, down to a legible minimum — a sheet that does
//! not fit even then is refused with a message, never printed cut off.

use crate::fonts::{JAPANESE_FONT, advance_em, width_em};
use crate::{Sheet, SheetLine};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 36.0;
/// The counter copy below the cut line takes this much of the page's foot.
const COUNTER_COPY_HEIGHT: f32 = 128.0;
const CUT_Y: f32 = PAGE_HEIGHT - MARGIN - COUNTER_COPY_HEIGHT;

/// One thing drawn on the page, in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        text: String,
        bold: bool,
        red: bool,
    },
    /// A tick box; `ticked` draws a check inside.
    Box {
        x: f32,
        bottom: f32,
        side: f32,
        ticked: bool,
    },
    Rule {
        y: f32,
        dashed: bool,
    },
    Frame {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
}

/// The smallest body size the sheet is set in (points).
pub const MIN_BODY_SIZE: f32 = 6.0;

/// The marks of a sheet on one page, and the body size that made it fit.
#[derive(Debug, Clone)]
pub struct PageLayout {
    pub marks: Vec<Mark>,
    pub body_size: f32,
    /// Where the main part ends (must stay above the cut line).
    pub bottom: f32,
}

impl PageLayout {
    /// The main part stays above the cut line.
    pub fn fits(&self) -> bool {
        self.bottom <= CUT_Y - 18.0
    }
}

/// Splits a text into lines no wider than `width` points at `size`. Japanese breaks between
/// any two characters, a run of ASCII (a phone number, an address in Latin letters) only at
/// a space; closing punctuation never starts a line.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    // Tokens as byte ranges of the text: no allocation per character.
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
    let tokens = tokens.into_iter().map(|(start, stop)| &text[start..stop]);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for token in tokens {
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

struct Cursor {
    marks: Vec<Mark>,
    y: f32,
    /// Lines carry readings: room above each for them.
    ruby: bool,
}

impl Cursor {
    fn text(&mut self, x: f32, size: f32, text: &str, bold: bool, red: bool, leading: f32) {
        for line in wrap(text, size, PAGE_WIDTH - MARGIN - x) {
            self.y += size * leading;
            if self.ruby {
                self.y += size * RUBY_SCALE * 0.9;
            }
            self.line(x, self.y, size, &line, bold, red);
        }
    }

    /// One line at a baseline: plain runs as they are, each word with a reading centred
    /// under it.
    fn line(&mut self, x: f32, baseline: f32, size: f32, line: &str, bold: bool, red: bool) {
        let spans = madoguchi_core::ruby::parse(line).unwrap_or_else(|_| {
            vec![madoguchi_core::ruby::Span {
                base: line.to_string(),
                reading: None,
            }]
        });
        let mut at = x;
        for span in spans {
            let base_width = width_em(&span.base) * size;
            let Some(reading) = span.reading else {
                self.marks.push(Mark::Text {
                    x: at,
                    baseline,
                    size,
                    text: span.base,
                    bold,
                    red,
                });
                at += base_width;
                continue;
            };
            let reading_size = size * RUBY_SCALE;
            let reading_width = width_em(&reading) * reading_size;
            let advance = base_width.max(reading_width);
            self.marks.push(Mark::Text {
                x: at + (advance - base_width) / 2.0,
                baseline,
                size,
                text: span.base,
                bold,
                red,
            });
            self.marks.push(Mark::Text {
                x: at + (advance - reading_width) / 2.0,
                baseline: baseline - size * 0.92,
                size: reading_size,
                text: reading,
                bold: false,
                red,
            });
            at += advance;
        }
    }
}

/// Lays out the main part at a body size; gives the marks and where they end.
fn layout_main(sheet: &Sheet, body: f32) -> Cursor {
    let mut cursor = Cursor {
        marks: Vec::new(),
        y: MARGIN,
        ruby: sheet.ruby,
    };
    cursor.text(MARGIN, body * 1.7, &sheet.title, true, false, 1.2);
    cursor.text(MARGIN, body * 0.8, &sheet.subtitle, false, false, 1.5);
    cursor.y += body * 0.3;
    let indent = MARGIN + body;
    for section in &sheet.sections {
        cursor.y += body * 0.6;
        cursor.text(
            MARGIN,
            body * 1.15,
            &format!("■ {}", section.heading),
            true,
            false,
            1.35,
        );
        cursor.y += body * 0.15;
        for line in &section.lines {
            match line {
                SheetLine::Text(text) => cursor.text(indent, body, text, false, false, 1.45),
                SheetLine::Alert(text) => cursor.text(indent, body * 1.1, text, true, true, 1.45),
                SheetLine::Bullet(text) => {
                    cursor.text(indent, body, &format!("・{text}"), false, false, 1.45)
                }
                SheetLine::Check {
                    ticked,
                    label,
                    detail,
                } => {
                    let side = body * 0.95;
                    cursor.marks.push(Mark::Box {
                        x: indent,
                        bottom: cursor.y + body * 1.55,
                        side,
                        ticked: *ticked,
                    });
                    let label_x = indent + side + body * 0.5;
                    let detail_size = body * 0.85;
                    let label_end = label_x + text_width(label, body) + body;
                    let fits_on_one_line =
                        label_end + text_width(detail, detail_size) <= PAGE_WIDTH - MARGIN;
                    cursor.text(label_x, body, label, false, false, 1.45);
                    if detail.is_empty() {
                    } else if fits_on_one_line {
                        let baseline = cursor.y;
                        cursor.line(label_end, baseline, detail_size, detail, false, false);
                    } else {
                        cursor.text(label_x + body, detail_size, detail, false, false, 1.35);
                    }
                }
            }
        }
    }
    cursor
}

/// Lays the sheet out on one page, shrinking the text until the main part fits above the
/// cut line.
pub fn layout(sheet: &Sheet) -> PageLayout {
    const LARGEST: f32 = 10.0;
    const STEP: f32 = 0.25;
    let fits = |cursor: &Cursor| cursor.y <= CUT_Y - 18.0;
    let mut body = LARGEST;
    let mut cursor = layout_main(sheet, body);
    if !fits(&cursor) {
        // The largest size in quarter points that fits, found by halving the range: the
        // text only shrinks as the size does.
        let steps = ((LARGEST - MIN_BODY_SIZE) / STEP).round() as u32;
        let (mut fitting, mut too_big) = (0u32, steps);
        let size_at = |step: u32| MIN_BODY_SIZE + step as f32 * STEP;
        let smallest = layout_main(sheet, MIN_BODY_SIZE);
        if fits(&smallest) {
            while too_big - fitting > 1 {
                let middle = (fitting + too_big) / 2;
                if fits(&layout_main(sheet, size_at(middle))) {
                    fitting = middle;
                } else {
                    too_big = middle;
                }
            }
            body = size_at(fitting);
            cursor = layout_main(sheet, body);
        } else {
            body = MIN_BODY_SIZE;
            cursor = smallest;
        }
    }
    let bottom = cursor.y;
    let mut marks = cursor.marks;
    counter_copy(sheet, &mut marks);
    PageLayout {
        marks,
        body_size: body,
        bottom,
    }
}

fn counter_copy(sheet: &Sheet, marks: &mut Vec<Mark>) {
    marks.push(Mark::Rule {
        y: CUT_Y,
        dashed: true,
    });
    let small = 8.0;
    let copy = &sheet.counter_copy;
    marks.push(Mark::Text {
        x: PAGE_WIDTH / 2.0 - width_em(&copy.cut_line) * small / 2.0,
        baseline: CUT_Y - 3.0,
        size: small,
        text: copy.cut_line.clone(),
        bold: false,
        red: false,
    });
    let stamp = 64.0;
    let copy_width = PAGE_WIDTH - 2.0 * MARGIN - stamp - 16.0;
    let mut cursor = Cursor {
        marks: Vec::new(),
        y: CUT_Y + 8.0,
        ruby: false,
    };
    cursor.text(MARGIN, 10.0, &copy.heading, true, false, 1.3);
    for line in &copy.lines {
        for wrapped in wrap(line, small, copy_width) {
            cursor.y += small * 1.4;
            cursor.marks.push(Mark::Text {
                x: MARGIN,
                baseline: cursor.y,
                size: small,
                text: wrapped,
                bold: false,
                red: false,
            });
        }
    }
    marks.extend(cursor.marks);
    let stamp_x = PAGE_WIDTH - MARGIN - stamp;
    let stamp_top = CUT_Y + 14.0;
    marks.push(Mark::Frame {
        x: stamp_x,
        top: stamp_top,
        width: stamp,
        height: stamp,
    });
    marks.push(Mark::Text {
        x: stamp_x + (stamp - width_em(&copy.stamp) * small) / 2.0,
        baseline: stamp_top + stamp + small * 1.4,
        size: small,
        text: copy.stamp.clone(),
        bold: false,
        red: false,
    });
}

/// Why a sheet could not be made into a PDF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error(
        "案内が A4 1ページに収まりません（文字を{MIN_BODY_SIZE}ポイントまで小さくしても入りません）。手続きモデルの文を短くしてください"
    )]
    DoesNotFit,
    #[error("PDF を作れませんでした: {0}")]
    Render(String),
}

/// The PDF bytes of a sheet: one A4 page.
pub fn render_pdf(sheet: &Sheet) -> Result<Vec<u8>, SheetError> {
    let font = Font::new(JAPANESE_FONT.into(), 0)
        .ok_or_else(|| SheetError::Render("フォントを読み込めません".into()))?;
    let page_layout = layout(sheet);
    if !page_layout.fits() {
        return Err(SheetError::DoesNotFit);
    }
    let mut document = Document::new();
    let size = Size::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| SheetError::Render("用紙の大きさが不正です".into()))?;
    let mut page = document.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    for mark in &page_layout.marks {
        draw_mark(&mut surface, &font, mark);
    }
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| SheetError::Render(format!("{e:?}")))
}

/// Draws one mark of the layout.
fn draw_mark(surface: &mut krilla::surface::Surface<'_>, font: &Font, mark: &Mark) {
    match mark {
        Mark::Text {
            x,
            baseline,
            size,
            text,
            bold,
            red,
        } => draw_text(
            surface,
            font,
            Point::from_xy(*x, *baseline),
            *size,
            text,
            *bold,
            *red,
        ),
        Mark::Box {
            x,
            bottom,
            side,
            ticked,
        } => stroke_path(surface, 0.8, None, |path| {
            if let Some(rect) = Rect::from_xywh(*x, *bottom - side, *side, *side) {
                path.push_rect(rect);
            }
            if *ticked {
                path.move_to(x + side * 0.18, bottom - side * 0.5);
                path.line_to(x + side * 0.42, bottom - side * 0.2);
                path.line_to(x + side * 0.85, bottom - side * 0.85);
            }
        }),
        Mark::Rule { y, dashed } => {
            let dash = dashed.then(|| StrokeDash {
                array: vec![4.0, 3.0],
                offset: 0.0,
            });
            stroke_path(surface, 0.6, dash, |path| {
                path.move_to(MARGIN / 2.0, *y);
                path.line_to(PAGE_WIDTH - MARGIN / 2.0, *y);
            });
        }
        Mark::Frame {
            x,
            top,
            width,
            height,
        } => stroke_path(surface, 0.8, None, |path| {
            if let Some(rect) = Rect::from_xywh(*x, *top, *width, *height) {
                path.push_rect(rect);
            }
        }),
    }
}

/// A line of text in black or red; bold is the same glyphs once more as a thin outline.
fn draw_text(
    surface: &mut krilla::surface::Surface<'_>,
    font: &Font,
    at: Point,
    size: f32,
    text: &str,
    bold: bool,
    red: bool,
) {
    let fill = if red {
        Fill {
            paint: rgb::Color::new(0xb0, 0x1e, 0x1e).into(),
            ..Fill::default()
        }
    } else {
        Fill::default()
    };
    surface.set_fill(Some(fill.clone()));
    surface.set_stroke(None);
    surface.draw_text(at, font.clone(), size, text, false, TextDirection::Auto);
    if bold {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: fill.paint.clone(),
            width: size * 0.04,
            ..Stroke::default()
        }));
        surface.draw_text(at, font.clone(), size, text, true, TextDirection::Auto);
    }
}

/// Strokes (never fills) the path that `build` draws, in black.
fn stroke_path(
    surface: &mut krilla::surface::Surface<'_>,
    width: f32,
    dash: Option<StrokeDash>,
    build: impl FnOnce(&mut PathBuilder),
) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        width,
        dash,
        ..Stroke::default()
    }));
    let mut path = PathBuilder::new();
    build(&mut path);
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}

/// A file name with the date, the procedures and the language when not Japanese, never
/// personal data: `案内_2026-11-25_更新・新規発行.pdf`, `案内_2026-11-25_暗証番号再設定_en.pdf`.
pub fn default_file_name(guidance: &madoguchi_core::guidance::Guidance, language: &str) -> String {
    let procedures: Vec<&str> = guidance
        .procedures
        .iter()
        .map(|p| p.short_title.as_str())
        .collect();
    let language = if language == madoguchi_core::language::SOURCE_LANGUAGE {
        String::new()
    } else {
        format!("_{language}")
    };
    format!(
        "案内_{}_{}{language}.pdf",
        guidance.counter_copy.date,
        procedures.join("_")
    )
}

#[cfg(test)]
mod tests;
