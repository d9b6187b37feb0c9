//! The report of a diff for a reader: plain text for the console, Markdown for a review.

use super::ModelDiff;
use std::fmt::Write as _;

/// The report as text (`■` headings) or Markdown (`##` headings).
pub fn render(diff: &ModelDiff, old_name: &str, new_name: &str, markdown: bool) -> String {
    let mut out = String::new();
    let (h1, h2, item) = if markdown {
        ("# ", "## ", "- ")
    } else {
        ("", "■ ", "  ・")
    };
    let _ = writeln!(out, "{h1}手続きモデルの変更: {old_name} → {new_name}");
    if diff.sections.is_empty() {
        let _ = writeln!(out, "\n規則と文の変更はありません。");
    }
    for section in &diff.sections {
        let _ = writeln!(out, "\n{h2}{}", section.heading);
        if markdown {
            let _ = writeln!(out);
        }
        for line in &section.lines {
            let _ = writeln!(out, "{item}{line}");
        }
    }
    if diff.cases_run > 0 {
        let _ = writeln!(
            out,
            "\n{h2}事例の答えの変化（{} 件中 {} 件）",
            diff.cases_run,
            diff.cases.len()
        );
        if markdown {
            let _ = writeln!(out);
        }
        for change in &diff.cases {
            let _ = writeln!(out, "{item}{}", change.case);
            for (field, was, now) in &change.fields {
                let indent = if markdown { "  - " } else { "      " };
                let _ = writeln!(out, "{indent}{field}: {was} → {now}");
            }
        }
    }
    out
}
