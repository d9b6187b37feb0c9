//! The model as Graphviz DOT: procedure → applicant → route, each route edge labelled with
//! its condition and each route box with its documents.

use madoguchi_core::model::ProcedureModel;
use madoguchi_core::model::describe;
use std::fmt::Write as _;

/// A DOT identifier in double quotes (a double quote inside becomes a single one).
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
