//! Each id written once, and each procedure and applicant kind given exactly one entry.

use super::Validator;
use crate::model::{ApplicantKind, ProcedureKind};
use crate::source_text::Step;
use std::collections::HashSet;

impl Validator<'_> {
    /// A document, exemption, route or PIN kind id written twice.
    pub(super) fn ids_are_unique(&mut self) {
        let model = self.model;
        let sections: [(&str, &str, Vec<&str>); 7] = [
            (
                "questions",
                "質問",
                model.questions.iter().map(|q| q.id.as_str()).collect(),
            ),
            (
                "documents",
                "書類",
                model.documents.iter().map(|d| d.id.as_str()).collect(),
            ),
            (
                "exemptions",
                "免除",
                model.exemptions.iter().map(|e| e.id.as_str()).collect(),
            ),
            (
                "routes",
                "経路",
                model.routes.iter().map(|r| r.id.as_str()).collect(),
            ),
            (
                "pins",
                "暗証番号",
                model.pins.iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                "blockers",
                "受付できない理由",
                model.blockers.iter().map(|b| b.id.as_str()).collect(),
            ),
            (
                "warnings",
                "注意",
                model.warnings.iter().map(|w| w.id.as_str()).collect(),
            ),
        ];
        for (section, what, ids) in sections {
            let mut seen = HashSet::new();
            for (index, id) in ids.iter().enumerate() {
                if !seen.insert(*id) {
                    self.report(
                        &[Step::Key(section), Step::Index(index), Step::Key("id")],
                        format!(
                            "{section} に{what}の id \"{id}\" が2回あります。id は1つずつ別の名前にしてください"
                        ),
                    );
                }
            }
        }
    }

    /// Each procedure and applicant kind exactly once.
    pub(super) fn one_entry_each(&mut self) {
        let model = self.model;
        let sections: [(&str, Vec<(String, usize)>); 2] = [
            (
                "procedures",
                ProcedureKind::ALL
                    .iter()
                    .map(|k| {
                        let n = model.procedures.iter().filter(|p| p.kind == *k).count();
                        (format!("{k:?}"), n)
                    })
                    .collect(),
            ),
            (
                "applicants",
                ApplicantKind::ALL
                    .iter()
                    .map(|k| {
                        let n = model.applicants.iter().filter(|a| a.kind == *k).count();
                        (format!("{k:?}"), n)
                    })
                    .collect(),
            ),
        ];
        for (section, counts) in sections {
            for (name, count) in counts {
                match count {
                    1 => {}
                    0 => self.report(
                        &[Step::Key(section)],
                        format!("{section} に {name} の項目がありません"),
                    ),
                    n => self.report(
                        &[Step::Key(section)],
                        format!("{section} に {name} の項目が{n}個あります。1つにしてください"),
                    ),
                }
            }
        }
    }
}
