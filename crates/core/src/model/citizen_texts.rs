//! Every text of the model the citizen reads on the sheet, under the key a language file
//! translates it by.

use super::{ProcedureModel, Route, TextKey};

impl ProcedureModel {
    /// Every text the citizen reads on the sheet, by the key a language file translates it
    /// under, with the model's Japanese. The examples are keyed by their own words
    /// (`example.運転免許証`), so a word used by several documents is translated once.
    pub fn citizen_texts(&self) -> Vec<(String, String)> {
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut add = |key: TextKey, text: &str| {
            let key = key.to_string();
            if !texts.iter().any(|(k, _)| *k == key) {
                texts.push((key, text.to_string()));
            }
        };
        add(TextKey::PageTitle, &self.page.title);
        add(TextKey::PagePublisher, &self.page.publisher);
        add(TextKey::CounterPlace, &self.office.counter_place);
        for (i, line) in self.office.contact.iter().enumerate() {
            add(TextKey::Contact(i), line);
        }
        self.office_texts(&mut add);
        for page in &self.pages {
            add(TextKey::PageTitleOf(&page.id), &page.title);
        }
        for procedure in &self.procedures {
            add(TextKey::ProcedureTitle(procedure.kind), &procedure.title);
            if let Some(place) = &procedure.place {
                add(TextKey::ProcedurePlace(procedure.kind), &place.text);
            }
        }
        for applicant in &self.applicants {
            add(TextKey::ApplicantLabel(applicant.kind), &applicant.label);
        }
        self.document_texts(&mut add);
        for exemption in &self.exemptions {
            add(TextKey::ExemptionReason(&exemption.id), &exemption.reason);
        }
        for route in &self.routes {
            route_texts(route, &mut add);
        }
        for blocker in &self.blockers {
            add(TextKey::BlockerTitle(&blocker.id), &blocker.title);
            add(
                TextKey::BlockerCitizenText(&blocker.id),
                &blocker.citizen_text,
            );
        }
        add(
            TextKey::SignatureCertRefused,
            &self.certificate.signature_cert_refused,
        );
        for pin in &self.pins {
            add(TextKey::PinLabel(&pin.id), &pin.label);
            add(TextKey::PinFormat(&pin.id), &pin.format);
        }
        for (i, rule) in self.pin_writing_rules.iter().enumerate() {
            add(TextKey::PinWritingRule(i), &rule.text);
        }
        if let Some(store) = &self.convenience_store {
            add(TextKey::ConvenienceStore, &store.text);
        }
        texts
    }
}

impl ProcedureModel {
    /// Each document's label, note and examples.
    fn document_texts(&self, add: &mut impl FnMut(TextKey, &str)) {
        for document in &self.documents {
            add(TextKey::DocumentLabel(&document.id), &document.label);
            if let Some(note) = &document.note {
                add(TextKey::DocumentNote(&document.id), note);
            }
            for example in &document.examples {
                add(TextKey::Example(example), example);
            }
        }
    }

    /// The office's hours, fees, reservation line and branches.
    fn office_texts(&self, add: &mut impl FnMut(TextKey, &str)) {
        let office = &self.office;
        let office_lines = [
            (TextKey::OfficeHours, &office.hours),
            (TextKey::OfficeFees, &office.fees),
            (TextKey::OfficeReservation, &office.reservation),
        ];
        for (key, line) in office_lines {
            if let Some(line) = line {
                add(key, &line.text);
            }
        }
        for (i, branch) in office.branches.iter().enumerate() {
            add(TextKey::BranchName(i), &branch.name);
            add(TextKey::BranchPlace(i), &branch.place);
            if let Some(hours) = &branch.hours {
                add(TextKey::BranchHours(i), hours);
            }
        }
    }
}

/// The citizen texts of one route: its labels and examples, its steps, its places and notes.
fn route_texts(route: &Route, add: &mut impl FnMut(TextKey, &str)) {
    let id = route.id.as_str();
    for need in route.flow.visits().flat_map(|v| &v.documents) {
        if let Some(label) = &need.label {
            add(
                TextKey::NeedLabel {
                    route: id,
                    document: &need.document,
                },
                label,
            );
        }
        for example in need.examples.iter().flatten() {
            add(TextKey::Example(example), example);
        }
    }
    for step in route.flow.steps(id) {
        for text in std::iter::once(step.says).chain(step.notes) {
            add(text.key, &text.quoted.text);
        }
    }
    if let Some(place) = route.flow.first_visit().place.as_ref() {
        add(TextKey::FirstVisitPlace(id), place);
    }
    if let Some(place) = route.flow.second_visit().and_then(|v| v.place.as_ref()) {
        add(TextKey::SecondVisitPlace(id), place);
    }
    for (index, note) in route.citizen_notes.iter().enumerate() {
        add(TextKey::CitizenNote { route: id, index }, &note.text);
    }
}
