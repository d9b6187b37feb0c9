//! Where each box and arrow of a procedure's page goes: the procedure at the left, what stops
//! it below, then a row per applicant with, for each route in the order it is tried, its
//! condition and the route itself. Every text is wrapped with the sheet font's metrics, so a
//! box is as large as its lines.

use super::{A3_LANDSCAPE, Arrow, BoxKind, Label, Node, Page, SMALL, TEXT, TITLE};
use madoguchi_core::model::describe;
use madoguchi_core::model::{ApplicantInfo, Flow, ProcedureKind, ProcedureModel, Route, Visit};
use madoguchi_sheet::fonts::width_em;
use madoguchi_sheet::pdf::wrap;

/// Space inside a box around its lines (points).
const PAD: f32 = 6.0;
/// Space between columns of boxes.
const GAP: f32 = 28.0;
/// Space between rows of boxes.
const ROW_GAP: f32 = 10.0;
/// Space around the page's content.
const MARGIN: f32 = 24.0;

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

/// The lines of a visit's documents: each document (and when it is asked for), what
/// exempts from it, and its id.
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
        flow => {
            let steps = flow.steps(&route.id);
            lines.push((format!("即日不可・{}段階", steps.len()), TEXT, false));
            for (index, step) in steps.iter().enumerate() {
                lines.push((
                    format!("({}) {}", index + 1, step.says.quoted.text),
                    TEXT,
                    false,
                ));
                if let Some(visit) = step.visit {
                    if let Some(place) = &visit.place {
                        lines.push((format!("　場所: {place}"), SMALL, false));
                    }
                    visit_lines(model, visit, &mut lines);
                }
                for note in &step.notes {
                    lines.push((format!("　※{}", note.quoted.text), SMALL, false));
                }
            }
        }
    }
    lines
}

/// The title of a procedure's page, with the page of the rules it follows.
fn page_title(model: &ProcedureModel, procedure: ProcedureKind) -> String {
    let own_page = model
        .procedure(procedure)
        .and_then(|p| p.page.as_deref())
        .and_then(|id| model.page_ref(id));
    let (title, updated) = own_page.map_or((&model.page.title, &model.page.updated), |p| {
        (&p.title, &p.updated)
    });
    format!(
        "{} — 手続きの流れ（{}「{title}」{updated} 更新による）",
        model.procedure_title(procedure),
        model.page.publisher,
    )
}

/// The lines of the box of what stops a procedure: each blocker and its condition.
fn blocker_lines(model: &ProcedureModel, procedure: ProcedureKind) -> Lines {
    std::iter::once(("この手続きを止める場合".to_string(), TEXT, true))
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
        .collect()
}

/// One applicant's row: its box, and beside it a condition box and a route box for each of
/// its routes, one under the other.
struct ApplicantRow {
    applicant: Node,
    /// Condition and route boxes, route by route in the order they are tried.
    routes: Vec<Node>,
    /// Applicant → condition and condition → route, route by route.
    arrows: Vec<Arrow>,
    /// Below the last route (the row's top when it has none).
    routes_end: f32,
    /// The right edge of the widest route box (0 when there is none).
    right_edge: f32,
}

/// Lays out the row of `applicant` for `procedure`, its applicant box at (x, y).
fn applicant_row(
    model: &ProcedureModel,
    procedure: ProcedureKind,
    applicant: &ApplicantInfo,
    x: f32,
    y: f32,
) -> ApplicantRow {
    let applicant_node = node(
        BoxKind::Applicant,
        x,
        y,
        &vec![
            (applicant.label.clone(), TEXT, true),
            (format!("{:?}", applicant.kind), SMALL, false),
        ],
        14.0,
    );
    let condition_x = x + 15.0 * TEXT + 2.0 * PAD + GAP;
    let mut row = ApplicantRow {
        applicant: applicant_node,
        routes: Vec::new(),
        arrows: Vec::new(),
        routes_end: y,
        right_edge: 0.0,
    };
    let routes = model
        .routes
        .iter()
        .filter(|r| r.procedure == procedure && r.applicant == applicant.kind);
    for (order, route) in routes.enumerate() {
        let (condition_node, route_node) =
            route_boxes(model, route, order, condition_x, row.routes_end);
        row.arrows.push(Arrow {
            from: (row.applicant.x + row.applicant.w, row.applicant.y + 12.0),
            to: (condition_node.x, condition_node.y + 12.0),
        });
        row.arrows.push(Arrow {
            from: (condition_node.x + condition_node.w, condition_node.y + 12.0),
            to: (route_node.x, route_node.y + 12.0),
        });
        row.right_edge = row.right_edge.max(route_node.x + route_node.w);
        row.routes_end += route_node.h.max(condition_node.h) + ROW_GAP;
        row.routes.push(condition_node);
        row.routes.push(route_node);
    }
    row
}

/// The condition box of a route (the `order`-th tried, from 0) at (x, y) and the route's
/// own box to its right.
fn route_boxes(
    model: &ProcedureModel,
    route: &Route,
    order: usize,
    x: f32,
    y: f32,
) -> (Node, Node) {
    let condition_node = node(
        BoxKind::Condition,
        x,
        y,
        &vec![
            (format!("{}番目に見る条件", order + 1), SMALL, false),
            (describe::route_condition(model, route), TEXT, false),
        ],
        18.0,
    );
    let route_x = x + 18.0 * TEXT + 2.0 * PAD + GAP;
    let kind = if route.flow.is_same_day() {
        BoxKind::SameDayRoute
    } else {
        BoxKind::ThreeStepRoute
    };
    let route_node = node(kind, route_x, y, &route_lines(model, route), 46.0);
    (condition_node, route_node)
}

/// The page of one procedure: the procedure's box, what stops it below, and a row per
/// applicant to the right.
pub(super) fn page(model: &ProcedureModel, procedure: ProcedureKind) -> Page {
    let top = MARGIN + TITLE * 1.6;
    let procedure_node = node(
        BoxKind::Procedure,
        MARGIN,
        top,
        &vec![(model.procedure_title(procedure).to_string(), TEXT, true)],
        16.0,
    );
    let applicant_x = procedure_node.x + procedure_node.w + GAP;
    let mut nodes = Vec::new();
    let mut arrows = Vec::new();
    let mut applicant_nodes = Vec::new();
    let mut y = top;
    let mut right_edge: f32 = 0.0;
    for applicant in &model.applicants {
        let row = applicant_row(model, procedure, applicant, applicant_x, y);
        nodes.extend(row.routes);
        arrows.extend(row.arrows);
        arrows.push(Arrow {
            from: (procedure_node.x + procedure_node.w, procedure_node.y + 12.0),
            to: (row.applicant.x, row.applicant.y + 12.0),
        });
        right_edge = right_edge.max(row.right_edge);
        y = row
            .routes_end
            .max(row.applicant.y + row.applicant.h + ROW_GAP)
            + ROW_GAP;
        applicant_nodes.push(row.applicant);
    }
    let blockers = node(
        BoxKind::Blockers,
        MARGIN,
        procedure_node.y + procedure_node.h + 3.0 * ROW_GAP,
        &blocker_lines(model, procedure),
        (applicant_x - MARGIN - GAP) / TEXT - 1.0,
    );
    let bottom = y.max(blockers.y + blockers.h);
    nodes.push(procedure_node);
    nodes.extend(applicant_nodes);
    nodes.push(blockers);
    Page {
        procedure,
        title: page_title(model, procedure),
        width: right_edge.max(A3_LANDSCAPE.0 * 0.5) + MARGIN,
        height: bottom + MARGIN,
        nodes,
        arrows,
    }
}
