//! 規則の図: the model in use as the same flowchart `madoguchi diagram` writes, drawn with
//! egui in a window of its own, enlarged so its text reads at 100 %. Esc closes it; while it is
//! open no key reaches the form behind it (`app.rs`).

use super::commands::AppCommand;
use crate::diagram::{BoxKind, Diagram, Node, Page};
use crate::model::ProcedureModel;
use egui::{Color32, FontId, Pos2, Rect, Stroke, StrokeKind, vec2};

fn fill(kind: BoxKind) -> Color32 {
    match kind {
        BoxKind::Procedure => Color32::from_rgb(0xdb, 0xe8, 0xf6),
        BoxKind::Applicant => Color32::from_rgb(0xee, 0xf3, 0xe6),
        BoxKind::Condition => Color32::from_rgb(0xff, 0xf6, 0xd6),
        BoxKind::SameDayRoute => Color32::WHITE,
        BoxKind::ThreeStepRoute => Color32::from_rgb(0xf3, 0xee, 0xfa),
        BoxKind::Blockers => Color32::from_rgb(0xfd, 0xe2, 0xe1),
    }
}

/// The diagram is laid out in points of paper; on screen it is this much larger, so that its
/// body text is 16 pixels at 100 %.
const SCALE: f32 = 16.0 / crate::diagram::TEXT;

/// Draws the diagram of `model` in a window; closing it is a command.
pub fn diagram_ui(ctx: &egui::Context, model: &ProcedureModel, commands: &mut Vec<AppCommand>) {
    let diagram = Diagram::of(model).scaled(SCALE);
    let mut open = true;
    egui::Window::new("規則の図（Esc で閉じる）")
        .open(&mut open)
        .default_size([1100.0, 660.0])
        .show(ctx, |ui| {
            egui::ScrollArea::both().show(ui, |ui| {
                for page in &diagram.pages {
                    page_ui(ui, page);
                    ui.add_space(16.0);
                }
            });
        });
    if !open {
        commands.push(AppCommand::CloseDiagram);
    }
}

/// One page of the diagram: its title, its arrows and its boxes.
fn page_ui(ui: &mut egui::Ui, page: &Page) {
    let (response, painter) =
        ui.allocate_painter(vec2(page.width, page.height), egui::Sense::hover());
    let origin = response.rect.min;
    let at = |x: f32, y: f32| Pos2::new(origin.x + x, origin.y + y);
    painter.text(
        at(24.0 * SCALE, 24.0 * SCALE),
        egui::Align2::LEFT_TOP,
        &page.title,
        FontId::proportional(crate::diagram::TITLE * SCALE),
        Color32::BLACK,
    );
    for arrow in &page.arrows {
        painter.arrow(
            at(arrow.from.0, arrow.from.1),
            at(arrow.to.0, arrow.to.1) - at(arrow.from.0, arrow.from.1),
            Stroke::new(1.0, Color32::DARK_GRAY),
        );
    }
    for node in &page.nodes {
        node_ui(&painter, node, origin);
    }
    // AccessKit sees the route titles as labels (screen readers, tests).
    for node in page
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, BoxKind::SameDayRoute | BoxKind::ThreeStepRoute))
    {
        if let Some(title) = node.labels.first() {
            let rect = Rect::from_min_size(at(node.x, node.y), vec2(node.w, node.h));
            ui.put(
                rect,
                egui::Label::new(egui::RichText::new(&title.text).color(Color32::TRANSPARENT)),
            );
        }
    }
}

/// One box of the diagram with its labels, the smaller ones in grey; `origin` is the page's
/// top left corner on screen.
fn node_ui(painter: &egui::Painter, node: &Node, origin: Pos2) {
    let at = |x: f32, y: f32| Pos2::new(origin.x + x, origin.y + y);
    let rect = Rect::from_min_size(at(node.x, node.y), vec2(node.w, node.h));
    painter.rect(
        rect,
        4.0,
        fill(node.kind),
        Stroke::new(0.8, Color32::DARK_GRAY),
        StrokeKind::Inside,
    );
    for label in &node.labels {
        painter.text(
            at(label.x, label.y),
            egui::Align2::LEFT_BOTTOM,
            &label.text,
            FontId::proportional(label.size),
            if label.size < crate::diagram::TEXT * SCALE {
                Color32::from_gray(0x55)
            } else {
                Color32::BLACK
            },
        );
    }
}
