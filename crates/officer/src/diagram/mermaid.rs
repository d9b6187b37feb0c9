//! The model as a Mermaid flowchart: procedure → applicant → route, each route edge
//! labelled with its condition.

use madoguchi_core::model::ProcedureModel;
use madoguchi_core::model::describe;
use std::fmt::Write as _;

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
