//! The laid-out diagram as SVG: one page scaled to an A3-landscape sheet, or every page one
//! under the other.

use super::{A3_LANDSCAPE, BoxKind, Diagram, Page, TEXT, TITLE};
use std::fmt::Write as _;

/// A text made safe as SVG character data or an attribute value.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The fill of a kind of box.
fn fill(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Procedure => "#dbe8f6",
        BoxKind::Applicant => "#eef3e6",
        BoxKind::Condition => "#fff6d6",
        BoxKind::SameDayRoute => "#ffffff",
        BoxKind::ThreeStepRoute => "#f3eefa",
        BoxKind::Blockers => "#fde2e1",
    }
}

/// One page as SVG, scaled to an A3-landscape sheet.
pub fn page_svg(page: &Page) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="420mm" height="297mm" viewBox="0 0 {w:.1} {h:.1}" font-family="BIZ UDGothic, 'BIZ UDゴシック', monospace">"#,
        w = page
            .width
            .max(page.height * A3_LANDSCAPE.0 / A3_LANDSCAPE.1),
        h = page
            .height
            .max(page.width * A3_LANDSCAPE.1 / A3_LANDSCAPE.0),
    );
    write_page_body(&mut out, page, 0.0);
    out.push_str("</svg>\n");
    out
}

/// The arrow head, the title, and every arrow and box of a page, moved down by `dy`.
fn write_page_body(out: &mut String, page: &Page, dy: f32) {
    let _ = writeln!(
        out,
        r##"<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>"##
    );
    let _ = writeln!(
        out,
        r#"<text x="24" y="{:.1}" font-size="{TITLE}" font-weight="bold">{}</text>"#,
        dy + 24.0 + TITLE,
        escape(&page.title)
    );
    for arrow in &page.arrows {
        let _ = writeln!(
            out,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#555" stroke-width="1" marker-end="url(#arrow)"/>"##,
            arrow.from.0,
            arrow.from.1 + dy,
            arrow.to.0,
            arrow.to.1 + dy
        );
    }
    for node in &page.nodes {
        let _ = writeln!(
            out,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4" fill="{}" stroke="#333" stroke-width="0.8"/>"##,
            node.x,
            node.y + dy,
            node.w,
            node.h,
            fill(node.kind)
        );
        for label in &node.labels {
            let weight = if label.strong {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let colour = if label.size < TEXT {
                r##" fill="#666""##
            } else {
                ""
            };
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}"{weight}{colour}>{}</text>"#,
                label.x,
                label.y + dy,
                label.size,
                escape(&label.text)
            );
        }
    }
}

/// Every page in one SVG, one under the other.
pub fn svg(diagram: &Diagram) -> String {
    let width = diagram.pages.iter().map(|p| p.width).fold(0.0, f32::max);
    let height: f32 = diagram.pages.iter().map(|p| p.height).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1}" height="{height:.1}" viewBox="0 0 {width:.1} {height:.1}" font-family="BIZ UDGothic, 'BIZ UDゴシック', monospace">"#
    );
    let mut dy = 0.0;
    for page in &diagram.pages {
        write_page_body(&mut out, page, dy);
        dy += page.height;
    }
    out.push_str("</svg>\n");
    out
}
