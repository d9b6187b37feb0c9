//! The procedure model as a flowchart for the officer who keeps it: for each procedure, who
//! comes, the conditions in the order they are tried, and each route with its documents, its
//! exemptions, its steps, and what stops the procedure. Laid out here with the sheet font's own
//! metrics, so every text fits its box; written as SVG (one A3-landscape page per procedure),
//! with Graphviz DOT and Mermaid beside it. The window draws the same layout.

use madoguchi_core::model::describe;
use madoguchi_core::model::{Flow, ProcedureKind, ProcedureModel, Route, Visit};
use madoguchi_sheet::fonts::width_em;
use madoguchi_sheet::pdf::wrap;
use std::fmt::Write as _;

/// Text sizes (points).
pub const TEXT: f32 = 9.0;
pub const SMALL: f32 = 6.5;
pub const TITLE: f32 = 14.0;
const PAD: f32 = 6.0;
const GAP: f32 = 28.0;
const ROW_GAP: f32 = 10.0;
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

/// The lines of a box before it is placed: text, size, strong.
type Lines = Vec<(String, f32, bool)>;

/// Wraps each line to `max_em` and places the lines in a box at (x, y).
fn node(kind: BoxKind, x: f32, y: f32, lines: &Lines, max_em: f32) -> Node {
    let mut labels = Vec::new();
    let mut cursor = y + PAD;
    let mut widest: f32 = 0.0;
    for (text, size, strong) in lines {
        for piece in wrap(text, *size, max_em * TEXT) {
            cursor += size * 1.35;
            widest = widest.max(width_em(&piece) * size);
            labels.push(Label {
                text: piece,
                x: x + PAD,
                y: cursor - size * 0.3,
                size: *size,
                strong: *strong,
            });
        }
    }
    Node {
        kind,
        x,
        y,
        w: widest + 2.0 * PAD,
        h: cursor - y + PAD,
        labels,
    }
}

fn visit_lines(model: &ProcedureModel, visit: &Visit, lines: &mut Lines) {
    for need in &visit.documents {
        let mut line = format!(
            "・{}",
            describe::need_label(model, need.label.as_ref(), &need.document)
        );
        if let Some(when) = &need.when {
            line.push_str(&format!("（{}のとき）", describe::condition(model, when)));
        }
        lines.push((line, TEXT, false));
        for exemption in need.exempt_if.iter().filter_map(|id| model.exemption(id)) {
            lines.push((format!("　免除: {}", exemption.reason), SMALL, false));
        }
        lines.push((format!("　{}", need.document), SMALL, false));
    }
}

/// The lines of a route's box: title, kind, documents of each visit, steps.
fn route_lines(model: &ProcedureModel, route: &Route) -> Lines {
    let mut lines: Lines = vec![(route.title.clone(), TEXT, true)];
    lines.push((route.id.clone(), SMALL, false));
    match &route.flow {
        Flow::SameDay { visit } => {
            lines.push(("即日で手続き。必要な書類:".to_string(), TEXT, false));
            visit_lines(model, visit, &mut lines);
        }
        Flow::ThreeStep {
            apply,
            first_visit,
            mailing,
            arrival,
            holder_task,
            come_back,
            second_visit,
        } => {
            lines.push(("即日不可・3段階".to_string(), TEXT, false));
            lines.push((format!("(1) {}", apply.text), TEXT, false));
            visit_lines(model, first_visit, &mut lines);
            lines.push((format!("　※{}", mailing.text), SMALL, false));
            lines.push((format!("(2) {}", arrival.text), TEXT, false));
            lines.push((format!("　※{}", holder_task.text), SMALL, false));
            lines.push((format!("(3) {}", come_back.text), TEXT, false));
            visit_lines(model, second_visit, &mut lines);
        }
    }
    lines
}

impl Diagram {
    /// Lays the model out, a page per procedure.
    pub fn of(model: &ProcedureModel) -> Diagram {
        Diagram {
            pages: model
                .procedures
                .iter()
                .map(|p| page(model, p.kind))
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

fn page(model: &ProcedureModel, procedure: ProcedureKind) -> Page {
    let margin = 24.0;
    let title = format!(
        "{} — 手続きの流れ（{}「{}」{} 更新による）",
        model.procedure_title(procedure),
        model.page.publisher,
        model.page.title,
        model.page.updated
    );
    let mut nodes = Vec::new();
    let mut arrows = Vec::new();
    let top = margin + TITLE * 1.6;
    let procedure_node = node(
        BoxKind::Procedure,
        margin,
        top,
        &vec![(model.procedure_title(procedure).to_string(), TEXT, true)],
        16.0,
    );
    let applicant_x = procedure_node.x + procedure_node.w + GAP;
    let blocker_lines: Lines = std::iter::once(("この手続きを止める場合".to_string(), TEXT, true))
        .chain(
            model
                .blockers
                .iter()
                .filter(|b| b.procedures.contains(&procedure))
                .flat_map(|b| {
                    [
                        (format!("■ {}", b.title), TEXT, false),
                        (
                            format!("　条件: {}", describe::condition(model, &b.when)),
                            SMALL,
                            false,
                        ),
                    ]
                }),
        )
        .collect();
    let mut y = top;
    let mut applicant_nodes = Vec::new();
    let mut right_edge: f32 = 0.0;
    for applicant in &model.applicants {
        let routes: Vec<&Route> = model
            .routes
            .iter()
            .filter(|r| r.procedure == procedure && r.applicant == applicant.kind)
            .collect();
        let applicant_node = node(
            BoxKind::Applicant,
            applicant_x,
            y,
            &vec![
                (applicant.label.clone(), TEXT, true),
                (format!("{:?}", applicant.kind), SMALL, false),
            ],
            14.0,
        );
        let condition_x = applicant_x + 15.0 * TEXT + 2.0 * PAD + GAP;
        let mut row_y = y;
        for (order, route) in routes.iter().enumerate() {
            let condition_node = node(
                BoxKind::Condition,
                condition_x,
                row_y,
                &vec![
                    (format!("{}番目に見る条件", order + 1), SMALL, false),
                    (describe::route_condition(model, route), TEXT, false),
                ],
                18.0,
            );
            let route_x = condition_x + 18.0 * TEXT + 2.0 * PAD + GAP;
            let kind = if route.flow.is_same_day() {
                BoxKind::SameDayRoute
            } else {
                BoxKind::ThreeStepRoute
            };
            let route_node = node(kind, route_x, row_y, &route_lines(model, route), 46.0);
            arrows.push(Arrow {
                from: (applicant_node.x + applicant_node.w, applicant_node.y + 12.0),
                to: (condition_node.x, condition_node.y + 12.0),
            });
            arrows.push(Arrow {
                from: (condition_node.x + condition_node.w, condition_node.y + 12.0),
                to: (route_node.x, route_node.y + 12.0),
            });
            right_edge = right_edge.max(route_node.x + route_node.w);
            row_y += route_node.h.max(condition_node.h) + ROW_GAP;
            nodes.push(condition_node);
            nodes.push(route_node);
        }
        arrows.push(Arrow {
            from: (procedure_node.x + procedure_node.w, procedure_node.y + 12.0),
            to: (applicant_node.x, applicant_node.y + 12.0),
        });
        y = row_y.max(applicant_node.y + applicant_node.h + ROW_GAP) + ROW_GAP;
        applicant_nodes.push(applicant_node);
    }
    let blockers = node(
        BoxKind::Blockers,
        margin,
        procedure_node.y + procedure_node.h + 3.0 * ROW_GAP,
        &blocker_lines,
        (applicant_x - margin - GAP) / TEXT - 1.0,
    );
    let bottom = y.max(blockers.y + blockers.h);
    nodes.push(procedure_node);
    nodes.extend(applicant_nodes);
    nodes.push(blockers);
    Page {
        procedure,
        title,
        width: right_edge.max(A3_LANDSCAPE.0 * 0.5) + margin,
        height: bottom + margin,
        nodes,
        arrows,
    }
}

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

fn dot_id(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "'"))
}

/// The same model as Graphviz DOT.
pub fn dot(model: &ProcedureModel) -> String {
    let mut out = String::from(
        "digraph procedures {\n  rankdir=LR;\n  node [shape=box, fontname=\"BIZ UDGothic\"];\n",
    );
    for procedure in &model.procedures {
        let p = format!("{:?}", procedure.kind);
        let _ = writeln!(
            out,
            "  {} [label={}];",
            dot_id(&p),
            dot_id(&procedure.title)
        );
        for applicant in &model.applicants {
            let a = format!("{p}.{:?}", applicant.kind);
            let _ = writeln!(
                out,
                "  {} [label={}];",
                dot_id(&a),
                dot_id(&applicant.label)
            );
            let _ = writeln!(out, "  {} -> {};", dot_id(&p), dot_id(&a));
            for route in model
                .routes
                .iter()
                .filter(|r| r.procedure == procedure.kind && r.applicant == applicant.kind)
            {
                let documents: Vec<String> = route
                    .flow
                    .visits()
                    .flat_map(|v| &v.documents)
                    .map(|n| describe::need_label(model, n.label.as_ref(), &n.document))
                    .collect();
                let label = format!("{}\\n{}", route.title, documents.join("\\n"));
                let _ = writeln!(out, "  {} [label={}];", dot_id(&route.id), dot_id(&label));
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}];",
                    dot_id(&a),
                    dot_id(&route.id),
                    dot_id(&describe::route_condition(model, route))
                );
            }
        }
    }
    out.push_str("}\n");
    out
}

/// The same model as a Mermaid flowchart.
pub fn mermaid(model: &ProcedureModel) -> String {
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "#quot;"));
    let mut out = String::from("flowchart LR\n");
    for procedure in &model.procedures {
        let p = format!("{:?}", procedure.kind);
        let _ = writeln!(out, "  {p}[{}]", quote(&procedure.title));
        for applicant in &model.applicants {
            let a = format!("{p}_{:?}", applicant.kind);
            let _ = writeln!(out, "  {a}[{}]", quote(&applicant.label));
            let _ = writeln!(out, "  {p} --> {a}");
            for route in model
                .routes
                .iter()
                .filter(|r| r.procedure == procedure.kind && r.applicant == applicant.kind)
            {
                let _ = writeln!(out, "  {}[{}]", route.id, quote(&route.title));
                let _ = writeln!(
                    out,
                    "  {a} -->|{}| {}",
                    quote(&describe::route_condition(model, route)),
                    route.id
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
