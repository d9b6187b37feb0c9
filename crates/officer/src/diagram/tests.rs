use super::*;
use madoguchi_sheet::fonts::width_em;

#[test]
fn every_text_stays_inside_its_box() {
    let diagram = Diagram::of(&ProcedureModel::embedded().unwrap());
    for page in &diagram.pages {
        for node in &page.nodes {
            for label in &node.labels {
                let right = label.x + width_em(&label.text) * label.size;
                assert!(right <= node.x + node.w + 0.01, "{}", label.text);
                assert!(label.y <= node.y + node.h && label.y - label.size >= node.y - 0.01);
            }
        }
    }
}
