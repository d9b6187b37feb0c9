//! The marks of a layout drawn on a krilla page: text (bold as a thin outline of the same
//! glyphs), tick boxes, the cut line and the stamp's frame.

use super::{MARGIN, Mark, PAGE_WIDTH};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

/// Draws one mark of the layout.
pub(super) fn draw_mark(surface: &mut krilla::surface::Surface<'_>, font: &Font, mark: &Mark) {
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
