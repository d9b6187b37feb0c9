//! Where each mark of the sheet goes on the page: the main part, its body size shrunk until it
//! fits above the cut line, then the counter copy below the line.

use super::{CUT_Y, MARGIN, MIN_BODY_SIZE, Mark, PAGE_WIDTH, PageLayout};
use super::{RUBY_SCALE, text_width, wrap};
use crate::fonts::width_em;
use crate::{Sheet, SheetLine};

/// The marks placed so far and how far down the page they reach.
struct Cursor {
    marks: Vec<Mark>,
    /// How far down the page: the last baseline, and any space added below it.
    y: f32,
    /// Lines carry readings: room above each for them.
    ruby: bool,
}

impl Cursor {
    /// A text wrapped to the right margin from `x`, each line `leading` times its size below
    /// the one before.
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

    /// A checklist item at `indent`: its tick box, its label, and its detail in smaller text
    /// after the label when it fits on that line, else on lines of its own below, indented.
    fn check(&mut self, indent: f32, body: f32, ticked: bool, label: &str, detail: &str) {
        let side = body * 0.95;
        self.marks.push(Mark::Box {
            x: indent,
            bottom: self.y + body * 1.55,
            side,
            ticked,
        });
        let label_x = indent + side + body * 0.5;
        let detail_size = body * 0.85;
        let label_end = label_x + text_width(label, body) + body;
        let fits_on_one_line = label_end + text_width(detail, detail_size) <= PAGE_WIDTH - MARGIN;
        self.text(label_x, body, label, false, false, 1.45);
        if detail.is_empty() {
        } else if fits_on_one_line {
            let baseline = self.y;
            self.line(label_end, baseline, detail_size, detail, false, false);
        } else {
            self.text(label_x + body, detail_size, detail, false, false, 1.35);
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
                } => cursor.check(indent, body, *ticked, label, detail),
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

/// The cut line, the counter copy below it, and the frame for the stamp beside the copy.
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
