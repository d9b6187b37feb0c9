//! The printed sheet: one A4 page per example case with the font embedded, the key words of
//! each route, nothing off the page, and safe writing from the command line.

use crate::common;

use common::{bin, example_cases, model, pdf_text, repo_path};
use madoguchi::case::Case;
use madoguchi::engine::{VisitNumber, evaluate};
use madoguchi::fonts::width_em;
use madoguchi::guidance::Guidance;
use madoguchi::model::{DocumentId, ProcedureKind};
use madoguchi::sheet::Sheet;
use madoguchi::sheet::pdf::{Mark, default_file_name, layout, render_pdf};
use std::process::Command;

/// The guidance of a case with every document of the visit ticked but the last.
fn guidance_for(case: &Case, visit: VisitNumber) -> Guidance {
    let model = model();
    let evaluation = evaluate(&model, case);
    let mut presented: Vec<DocumentId> = evaluation
        .requirements_for(visit)
        .map(|r| r.document.clone())
        .collect();
    presented.pop();
    Guidance::build(&model, case, &evaluation, visit, &presented)
}

fn sheet_for(case: &Case, visit: VisitNumber) -> Sheet {
    Sheet::from_guidance(
        &guidance_for(case, visit),
        madoguchi::language::Languages::embedded().source(),
    )
}

fn poppler(tool: &str, path: &std::path::Path) -> String {
    let output = Command::new(tool).arg(path).output().unwrap();
    assert!(output.status.success(), "{tool} failed");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_example_case_gives_one_a4_page_with_the_font_embedded_and_its_key_words() {
    let dir = tempfile::tempdir().unwrap();
    let model = model();
    for (name, case) in example_cases() {
        let evaluation = evaluate(&model, &case);
        for visit in [VisitNumber::First, VisitNumber::Second] {
            if visit == VisitNumber::Second && evaluation.same_day {
                continue;
            }
            let guidance = guidance_for(&case, visit);
            let sheet = Sheet::from_guidance(
                &guidance,
                madoguchi::language::Languages::embedded().source(),
            );
            let bytes = render_pdf(&sheet).unwrap();
            assert!(bytes.len() <= 150 * 1024, "{name}: {} bytes", bytes.len());
            let path = dir.path().join(format!("{name}-{visit:?}.pdf"));
            std::fs::write(&path, &bytes).unwrap();
            let info = poppler("pdfinfo", &path);
            assert!(info.contains("Pages:           1\n"), "{name}: {info}");
            assert!(info.contains("595.28 x 841.89 pts (A4)"), "{name}: {info}");
            let fonts = poppler("pdffonts", &path);
            let font_line = fonts
                .lines()
                .find(|l| l.contains("BIZUDGothic"))
                .unwrap_or_default();
            let parts: Vec<&str> = font_line.split_whitespace().collect();
            assert!(
                parts
                    .first()
                    .is_some_and(|f| f.len() > 7 && f.as_bytes()[6] == b'+'),
                "{name}: font not subset: {fonts}"
            );
            assert!(
                font_line.contains("yes yes yes"),
                "{name}: font not embedded: {fonts}"
            );
            let text = pdf_text(&path);
            for must in ["072-620-1621", "窓口控え", "担当者印", "切り取り線"] {
                assert!(text.contains(must), "{name}: no {must}\n{text}");
            }
            for document in &guidance.checklist {
                assert!(
                    text.contains(&document.label),
                    "{name}: no {}",
                    document.label
                );
            }
            for procedure in &guidance.procedures {
                assert!(
                    text.contains(&procedure.title),
                    "{name}: no {}",
                    procedure.title
                );
            }
            if visit == VisitNumber::First {
                assert!(text.contains("受付場所: 茨木市役所南館9階"), "{name}");
            }
            let three_step = evaluation.going_ahead().find(|o| !o.same_day);
            if three_step.is_none() {
                assert!(!text.contains("今後の流れ"), "{name}");
            } else {
                if visit == VisitNumber::First {
                    for must in ["今後の流れ", "転送不要の普通郵便", "本人の住民票の住所"]
                    {
                        assert!(text.contains(must), "{name}: no {must}\n{text}");
                    }
                }
                // 市民課4番窓口 is the renewal flow's place only.
                let renewal = three_step.is_some_and(|o| o.procedure == ProcedureKind::CertIssue);
                assert_eq!(text.contains("市民課4番窓口"), renewal, "{name}\n{text}");
                for must in [
                    "暗証番号記入用紙の書き方",
                    "英数字6〜16文字",
                    "0（ゼロ）とO（オー）、1（イチ）とI（アイ）",
                    "英字の小文字や記号は使えません",
                ] {
                    assert!(text.contains(must), "{name}: no {must}\n{text}");
                }
            }
            if !evaluation.blockers.is_empty() {
                assert!(text.contains("本日は受付できません"), "{name}");
            }
            if evaluation.going_ahead().next().is_none() {
                assert!(
                    !text.contains("不足している書類"),
                    "{name}: nothing is missing when everything is blocked"
                );
            }
            if evaluation
                .outcome(ProcedureKind::CertIssue)
                .is_some_and(|o| !o.goes_ahead())
            {
                assert!(
                    !text.contains("本日発行した場合"),
                    "{name}: no expiry for a refused renewal"
                );
            }
            let pin_reset = evaluation.outcome(ProcedureKind::PinReset);
            if pin_reset.is_some_and(|o| o.goes_ahead()) {
                assert!(text.contains("コンビニエンスストア"), "{name}");
            }
            if evaluation
                .blockers
                .iter()
                .any(|b| madoguchi::json_name(b) == "card_expired")
            {
                assert!(
                    !text.contains("コンビニエンスストア"),
                    "{name}: not on an expired card"
                );
            }
        }
    }
}

#[test]
fn nothing_runs_off_the_page_or_below_the_cut_line() {
    for (name, case) in example_cases() {
        for visit in [VisitNumber::First, VisitNumber::Second] {
            let page = layout(&sheet_for(&case, visit));
            assert!(
                page.bottom < 841.89 - 36.0 - 128.0 - 14.0,
                "{name}: main part reaches {}",
                page.bottom
            );
            assert!(
                page.body_size >= 8.0,
                "{name}: text shrunk to {}",
                page.body_size
            );
            for mark in &page.marks {
                if let Mark::Text {
                    x,
                    size,
                    text,
                    baseline,
                    ..
                } = mark
                {
                    let right = x + width_em(text) * size;
                    assert!(
                        right <= 595.28 - 36.0 + 0.5,
                        "{name}: «{text}» ends at {right}"
                    );
                    assert!(*baseline < 841.89 - 20.0, "{name}: «{text}» below the page");
                }
            }
        }
    }
}

#[test]
fn the_second_visit_sheet_ticks_the_second_visit_documents() {
    let case = Case::from_ron(
        &std::fs::read_to_string(repo_path("tests/cases/shared/proxy-pin-reset.ron")).unwrap(),
        "proxy",
    )
    .unwrap();
    let sheet = sheet_for(&case, VisitNumber::Second);
    let lines = sheet.plain_lines().join("\n");
    assert!(lines.contains("（2回目の来庁：書類の持参）"), "{lines}");
    assert!(!lines.contains("今後の流れ"), "{lines}");
    assert!(lines.contains("暗証番号記入用紙の書き方"), "{lines}");
    assert!(lines.contains("✓ 委任状"), "{lines}");
    assert!(
        lines.contains("□ 暗証番号記入用紙を封入封緘した封筒"),
        "{lines}"
    );
}

#[test]
fn the_default_file_name_has_the_date_and_procedure_and_no_personal_data() {
    let case = Case::from_ron(
        &std::fs::read_to_string(repo_path("tests/cases/routes/proxy-both-procedures.ron"))
            .unwrap(),
        "x",
    )
    .unwrap();
    let model = model();
    let evaluation = evaluate(&model, &case);
    let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[]);
    assert_eq!(
        default_file_name(&guidance, "ja"),
        "案内_2026-11-25_更新・新規発行_暗証番号再設定.pdf"
    );
}

#[test]
fn summary_command_writes_the_sheet_with_the_presented_ticks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    let status = Command::new(bin())
        .args(["summary", "tests/cases/shared/ward-renewal.ron", "--out"])
        .arg(&out)
        .args(["--presented", "card,agent_photo_id"])
        .env_remove("MADOGUCHI_PROCEDURES")
        .status()
        .unwrap();
    assert!(status.success());
    let text = pdf_text(&out);
    assert!(text.contains("確認した書類: 本人のマイナンバーカード、法定代理人（成年後見人）の顔写真付き本人確認書類"), "{text}");
    assert!(text.contains("不足している書類"), "{text}");
    assert!(text.contains("登記事項証明書"), "{text}");
    assert!(text.contains("署名用電子証明書は発行できません"), "{text}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn summary_into_a_folder_that_cannot_be_written_exits_2_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("sheet.pdf");
    let output = Command::new(bin())
        .args(["summary", "tests/cases/shared/ward-renewal.ron", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("書き込めません"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn summary_refuses_an_unknown_document_id() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    let output = Command::new(bin())
        .args(["summary", "tests/cases/shared/ward-renewal.ron", "--out"])
        .arg(&out)
        .args(["--presented", "card,passport"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("passport"));
    assert!(!out.exists());
}
