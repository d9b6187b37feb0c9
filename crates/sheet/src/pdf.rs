//! Lays a [`Sheet`] out on one A4 portrait page and writes it as PDF with krilla, the
//! Japanese font embedded as a subset. Lines are wrapped here (krilla does not wrap); the text
//! shrinks until everything fits on one page, down to a legible minimum — a sheet that does
//! not fit even then is refused with a message, never printed cut off. `wrapping` breaks the
//! lines, `layout` places the marks, `drawing` puts them in the PDF.

mod drawing;
mod layout;
mod wrapping;

pub use layout::layout;
pub use wrapping::{RUBY_SCALE, text_width, wrap};

use crate::Sheet;
use crate::fonts::JAPANESE_FONT;
use drawing::draw_mark;
use krilla::Document;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla::text::Font;

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
