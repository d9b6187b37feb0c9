//! The paper handed to the citizen: what was checked today, what is missing, what happens
//! next. `Sheet::build` decides the words (used by the window's preview and the PDF);
//! `pdf` lays them out on A4.

pub mod pdf;

use crate::case::Case;
use crate::dates::{format_both, format_iso};
use crate::engine::{Evaluation, VisitNumber};
use crate::model::{DocumentId, Flow, ProcedureKind, ProcedureModel};
use crate::report::fill_slots;

/// One line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetLine {
    /// Plain text.
    Text(String),
    /// A checklist item: ticked at the counter or not, with what it is and why.
    Check {
        ticked: bool,
        label: String,
        detail: String,
    },
    /// A bullet point.
    Bullet(String),
    /// Something the citizen must not miss (printed bold / framed).
    Alert(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetSection {
    pub heading: String,
    pub lines: Vec<SheetLine>,
}

/// The small copy below the cut line that the counter keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCopy {
    pub date: String,
    pub procedures: String,
    pub applicant: String,
    pub seen: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<SheetSection>,
    pub counter_copy: CounterCopy,
}

impl Sheet {
    /// The sheet for a visit; `visit` is the visit being checked and `presented` the
    /// documents ticked at the counter.
    pub fn build(
        model: &ProcedureModel,
        case: &Case,
        evaluation: &Evaluation,
        visit: VisitNumber,
        presented: &[DocumentId],
    ) -> Sheet {
        let procedure_titles: Vec<&str> = case
            .procedures
            .iter()
            .map(|p| model.procedure_title(*p))
            .collect();
        let procedures = procedure_titles.join("・");
        let applicant = model
            .applicant(case.applicant)
            .map_or("", |a| a.label.as_str())
            .to_string();
        let mut sections = Vec::new();

        let visit_words = match (evaluation.same_day, visit) {
            (true, _) => "",
            (false, VisitNumber::First) => "（1回目の来庁：申請）",
            (false, VisitNumber::Second) => "（2回目の来庁：書類の持参）",
        };
        sections.push(SheetSection {
            heading: "本日のご来庁".to_string(),
            lines: vec![
                SheetLine::Text(format!(
                    "来庁日: {}{visit_words}",
                    format_both(case.today())
                )),
                SheetLine::Text(format!("手続き: {procedures}")),
                SheetLine::Text(format!("手続きされた方: {applicant}")),
                SheetLine::Text(format!(
                    "受付場所: {}",
                    visit_place(model, evaluation, visit)
                )),
            ],
        });

        let mut outcome = Vec::new();
        for blocker in &evaluation.blockers {
            if let Some(info) = model.blocker(*blocker) {
                outcome.push(SheetLine::Alert(format!(
                    "本日は受付できません: {}",
                    info.title
                )));
                outcome.push(SheetLine::Text(
                    fill_slots(&info.what_to_do, evaluation)
                        .replace("ご案内してください", "お願いします"),
                ));
            }
        }
        let checklist: Vec<_> = evaluation.requirements_for(visit).collect();
        let missing: Vec<_> = checklist
            .iter()
            .filter(|r| !presented.contains(&r.document))
            .collect();
        if evaluation.blockers.is_empty() {
            let line = match (evaluation.same_day, visit, missing.is_empty()) {
                (true, _, true) => "必要な書類をすべて確認しました。本日手続きできます。",
                (true, _, false) => {
                    "不足している書類があります。下の「不足している書類」をそろえて、もう一度お越しください。"
                }
                (false, VisitNumber::First, true) => {
                    "申請を受け付けました。本日は手続きが完了しません（下の流れのとおり、もう一度お越しください）。"
                }
                (false, VisitNumber::First, false) => {
                    "不足している書類があるため、申請を受け付けられませんでした。"
                }
                (false, VisitNumber::Second, true) => "必要な書類をすべて確認しました。",
                (false, VisitNumber::Second, false) => {
                    "不足している書類があります。そろえて、もう一度お越しください。"
                }
            };
            outcome.push(SheetLine::Text(line.to_string()));
        }
        sections.push(SheetSection {
            heading: "結果".to_string(),
            lines: outcome,
        });

        sections.push(SheetSection {
            heading: "窓口で確認した書類（✓ 確認済み　□ 未確認）".to_string(),
            lines: checklist
                .iter()
                .map(|r| SheetLine::Check {
                    ticked: presented.contains(&r.document),
                    label: r.label.clone(),
                    detail: document_reason(r),
                })
                .chain(
                    evaluation
                        .exempted
                        .iter()
                        .filter(|e| e.visit == visit)
                        .map(|e| {
                            SheetLine::Text(format!(
                                "－ {}: {}",
                                model.document_label(&e.document),
                                e.reason
                            ))
                        }),
                )
                .collect(),
        });
        // Nothing is "missing" for a procedure that cannot be done today.
        if !missing.is_empty() && evaluation.is_unblocked() {
            sections.push(SheetSection {
                heading: "不足している書類".to_string(),
                lines: missing
                    .iter()
                    .map(|r| SheetLine::Bullet(format!("{}{}", r.label, examples_of(r))))
                    .collect(),
            });
        }

        let three_step = evaluation
            .routes
            .iter()
            .filter_map(|id| model.route(id))
            .find_map(|route| match &route.flow {
                Flow::ThreeStep {
                    mailing,
                    holder_task,
                    second_visit,
                    ..
                } => Some((mailing, holder_task, second_visit)),
                Flow::SameDay { .. } => None,
            });
        if let Some((mailing, holder_task, second_visit)) =
            three_step.filter(|_| visit == VisitNumber::First)
        {
            let place = second_visit.place.as_deref().unwrap_or("窓口");
            let mut lines = vec![
                SheetLine::Text(
                    "この手続きは即日では完了しません。次の(1)〜(3)の順に進みます。".to_string(),
                ),
                SheetLine::Bullet("(1) 代理人が窓口で申請する（本日）".to_string()),
                SheetLine::Bullet(format!(
                    "(2) 市から{}を、{}あてに{}でお送りします。",
                    mailing.items.join("と"),
                    mailing.recipient,
                    mailing.method
                )),
                SheetLine::Text(format!("　　{}", holder_task.text)),
                SheetLine::Bullet(format!(
                    "(3) 代理人が次の書類を持って{place}にお越しください。"
                )),
            ];
            lines.extend(evaluation.requirements_for(VisitNumber::Second).map(|r| {
                SheetLine::Check {
                    ticked: false,
                    label: r.label.clone(),
                    detail: document_detail(r),
                }
            }));
            sections.push(SheetSection {
                heading: "今後の流れ".to_string(),
                lines,
            });
        }
        if !evaluation.same_day {
            sections.push(pin_section(model));
        }

        let mut certificate = Vec::new();
        if let Some(expiry) = evaluation
            .new_cert_expiry
            .filter(|_| evaluation.is_unblocked())
        {
            certificate.push(SheetLine::Text(format!(
                "本日発行した場合の新しい電子証明書の有効期限: {}",
                format_both(expiry)
            )));
        }
        if case.requests(ProcedureKind::CertIssue) && !evaluation.signature_cert {
            certificate.push(SheetLine::Text(
                "本人が15歳未満又は成年被後見人のため、原則として署名用電子証明書は発行できません（利用者証明用電子証明書のみ）。".to_string(),
            ));
        }
        if let Some(start) = evaluation.renewal_window_start
            && case.requests(ProcedureKind::CertIssue)
        {
            certificate.push(SheetLine::Text(format!(
                "更新の申請ができるのは {} からです。",
                format_both(start)
            )));
        }
        if case.requests(ProcedureKind::PinReset) || case.pin_locked || !case.pins_known {
            certificate.push(SheetLine::Text(model.convenience_store.text.clone()));
        }
        for note in evaluation
            .routes
            .iter()
            .filter_map(|id| model.route(id))
            .flat_map(|r| r.notes.iter())
            .filter(|n| n.contains("完了しません"))
        {
            certificate.push(SheetLine::Text(note.clone()));
        }
        if !certificate.is_empty() {
            sections.push(SheetSection {
                heading: "電子証明書について".to_string(),
                lines: certificate,
            });
        }

        sections.push(SheetSection {
            heading: "お問い合わせ先".to_string(),
            lines: model
                .office
                .contact
                .chunks(3)
                .map(|group| SheetLine::Text(group.join("　")))
                .collect(),
        });

        let seen = checklist
            .iter()
            .filter(|r| presented.contains(&r.document))
            .map(|r| r.label.clone())
            .collect();
        Sheet {
            title: format!("{}のご案内", procedures),
            subtitle: format!(
                "{}「{}」（{}更新）に基づく",
                model.page.publisher, model.page.title, model.page.updated
            ),
            sections,
            counter_copy: CounterCopy {
                date: format_iso(case.today()),
                procedures,
                applicant,
                seen,
            },
        }
    }

    /// Every text of the sheet, one string a line (for previews and tests).
    pub fn plain_lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone(), self.subtitle.clone()];
        for section in &self.sections {
            lines.push(format!("【{}】", section.heading));
            for line in &section.lines {
                lines.push(match line {
                    SheetLine::Text(text) | SheetLine::Alert(text) => text.clone(),
                    SheetLine::Bullet(text) => format!("・{text}"),
                    SheetLine::Check {
                        ticked,
                        label,
                        detail,
                    } => format!("{} {label}　{detail}", if *ticked { "✓" } else { "□" }),
                });
            }
        }
        lines
    }
}

/// Where this visit takes place: the counter, or the second visit's window.
fn visit_place(model: &ProcedureModel, evaluation: &Evaluation, visit: VisitNumber) -> String {
    let second_place = evaluation
        .routes
        .iter()
        .filter_map(|id| model.route(id))
        .find_map(|r| r.flow.second_visit().and_then(|v| v.place.clone()));
    match (visit, second_place) {
        (VisitNumber::Second, Some(place)) => place,
        _ => model.office.counter_place.clone(),
    }
}

fn examples_of(requirement: &crate::engine::Requirement) -> String {
    if requirement.examples.is_empty() {
        String::new()
    } else {
        format!("（例: {}）", requirement.examples.join("・"))
    }
}

/// Why a document is asked for, in the page's words, and how it must be.
fn document_reason(requirement: &crate::engine::Requirement) -> String {
    let mut reason = requirement
        .reasons
        .first()
        .map(|r| {
            format!(
                "根拠: {}",
                r.source.trim_start_matches('・').replace('\n', " ")
            )
        })
        .unwrap_or_default();
    if let Some(note) = &requirement.note {
        reason.push_str(&format!("　※{note}"));
    }
    reason
}

fn document_detail(requirement: &crate::engine::Requirement) -> String {
    let mut detail = examples_of(requirement);
    if let Some(note) = &requirement.note {
        detail.push_str(&format!("※{note}"));
    }
    detail
}

/// How to write the PINs on the 暗証番号記入用紙.
fn pin_section(model: &ProcedureModel) -> SheetSection {
    let mut lines: Vec<SheetLine> = model
        .pins
        .iter()
        .map(|pin| SheetLine::Bullet(format!("{}: {}", pin.label, pin.format)))
        .collect();
    lines.extend(
        model
            .pin_writing_rules
            .iter()
            .map(|rule| SheetLine::Bullet(rule.text.clone())),
    );
    SheetSection {
        heading: "暗証番号記入用紙の書き方".to_string(),
        lines,
    }
}
