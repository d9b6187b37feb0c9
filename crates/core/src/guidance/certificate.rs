//! What is said about the certificate issued today: the 署名用 statement, the new expiry, the
//! convenience-store option and the routes' notes for the citizen.

use crate::engine::Outcome;
use crate::model::{ProcedureKind, TextKey};
use crate::phrases::Phrase;

use super::{Builder, ProcedureGuidance};

impl Builder<'_> {
    fn cert_issue_goes_ahead(&self) -> bool {
        self.evaluation
            .outcome(ProcedureKind::CertIssue)
            .is_some_and(Outcome::goes_ahead)
    }

    pub(super) fn signature(&self) -> Option<String> {
        let rules = &self.model.certificate;
        self.cert_issue_goes_ahead().then(|| {
            if self.evaluation.signature_cert {
                rules.signature_cert_issued.clone()
            } else {
                rules.signature_cert_refused.clone()
            }
        })
    }

    pub(super) fn new_cert_expiry(&self) -> Option<String> {
        let expiry = self
            .evaluation
            .new_cert_expiry
            .filter(|_| self.cert_issue_goes_ahead())?;
        // Never past the card's own expiry: while that date is not known, the line says so.
        let phrase = match self.case.card_expiry() {
            Some(_) => Phrase::NewExpiry,
            None => Phrase::NewExpiryUpToCard,
        };
        Some(
            self.wording
                .fill(phrase, &[("date", &self.wording.date(expiry))]),
        )
    }

    pub(super) fn certificate_lines(&self, procedures: &[ProcedureGuidance]) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.new_cert_expiry());
        if self.cert_issue_goes_ahead() && !self.evaluation.signature_cert {
            lines.push(self.wording.text(
                TextKey::SignatureCertRefused,
                &self.model.certificate.signature_cert_refused,
            ));
        }
        let store = self.model.convenience_store.as_ref();
        if let Some(store) = store.filter(|s| self.facts.holds(&s.when)) {
            lines.push(self.wording.text(TextKey::ConvenienceStore, &store.text));
        }
        for procedure in procedures {
            for note in &procedure.citizen_notes {
                if !lines.contains(note) {
                    lines.push(note.clone());
                }
            }
        }
        lines
    }
}
