//! The procedure model as a flowchart for the officer who keeps it: for each procedure, who
//! comes, the conditions in the order they are tried, and each route with its documents, its
//! exemptions, its steps, and what stops the procedure. Laid out here with the sheet font's own
//! metrics, so every text fits its box (`layout`); written as SVG (one A3-landscape page per
//! procedure, `svg`), with Graphviz DOT (`graphviz`) and Mermaid (`mermaid`) beside it. The
//! window draws the same layout.

mod graphviz;
mod layout;
mod mermaid;
mod svg;

pub use graphviz::dot;
pub use mermaid::mermaid;
pub use svg::{page_svg, svg};

use madoguchi_core::model::{ProcedureKind, ProcedureModel};

/// Text sizes (points).
pub const TEXT: f32 = 9.0;
pub const SMALL: f32 = 6.5;
pub const TITLE: f32 = 14.0;
/// A3 landscape, in points.
pub const A3_LANDSCAPE: (f32, f32) = (1190.55, 841.89);

/// A line of text in a box.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub size: f32,
    pub strong: bool,
}

/// What a box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    Procedure,
    Applicant,
    Condition,
    SameDayRoute,
    ThreeStepRoute,
    Blockers,
}

/// A box and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: BoxKind,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub labels: Vec<Label>,
}

/// An arrow from one point to another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrow {
    pub from: (f32, f32),
    pub to: (f32, f32),
}

/// One procedure on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub procedure: ProcedureKind,
    pub title: String,
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<Node>,
    pub arrows: Vec<Arrow>,
}

/// The whole model, a page per procedure.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    pub pages: Vec<Page>,
}

impl Diagram {
    /// Lays the model out, a page per procedure.
    pub fn of(model: &ProcedureModel) -> Diagram {
        Diagram {
            pages: model
                .procedures
                .iter()
                .map(|p| layout::page(model, p.kind))
                .collect(),
        }
    }

    /// The same diagram `factor` times larger (a screen shows it larger than paper).
    pub fn scaled(mut self, factor: f32) -> Diagram {
        for page in &mut self.pages {
            page.width *= factor;
            page.height *= factor;
            for node in &mut page.nodes {
                (node.x, node.y, node.w, node.h) = (
                    node.x * factor,
                    node.y * factor,
                    node.w * factor,
                    node.h * factor,
                );
                for label in &mut node.labels {
                    (label.x, label.y, label.size) =
                        (label.x * factor, label.y * factor, label.size * factor);
                }
            }
            for arrow in &mut page.arrows {
                arrow.from = (arrow.from.0 * factor, arrow.from.1 * factor);
                arrow.to = (arrow.to.0 * factor, arrow.to.1 * factor);
            }
        }
        self
    }

    /// Every text of the diagram.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().flat_map(|p| {
            std::iter::once(p.title.as_str()).chain(
                p.nodes
                    .iter()
                    .flat_map(|n| n.labels.iter().map(|l| l.text.as_str())),
            )
        })
    }
}

#[cfg(test)]
mod tests;
