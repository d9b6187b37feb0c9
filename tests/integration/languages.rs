//! The sheet in Japanese, English and やさしい日本語: one A4 page with the same sections for
//! every example case and visit, readings over every kanji in やさしい日本語, the counter copy
//! in Japanese, every translation complete (or `check` says where it is not), and the window's
//! F9.

use crate::common;

use common::{bin, example_cases, model, pdf_text};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi::engine::{VisitNumber, evaluate};
use madoguchi::fonts::width_em;
use madoguchi::guidance::{Guidance, Phrase};
use madoguchi::language::{Language, Languages};
use madoguchi::model::EMBEDDED_MODEL;
use madoguchi::model_file::ModelOrigin;
use madoguchi::sheet::Sheet;
use madoguchi::sheet::pdf::{Mark, layout, render_pdf};
use madoguchi::ui::{CounterApp, ModelSource, SaveChoice, install_fonts};
use std::process::Command;

fn languages() -> &'static Languages {
    Languages::embedded()
}

/// The headings a sheet of this guidance must have, in the language (readings left out).
fn expected_headings(language: &Language, guidance: &Guidance) -> Vec<String> {
    let mut phrases = vec![
        Phrase::HeadingVisit,
        Phrase::HeadingOutcome,
        Phrase::HeadingDocuments,
        Phrase::HeadingContact,
    ];
    if guidance.steps.is_some() {
        phrases.push(Phrase::HeadingSteps);
    }
    if !guidance.pin_writing.is_empty() {
        phrases.push(Phrase::HeadingPinWriting);
    }
    phrases
        .into_iter()
        .map(|p| madoguchi::ruby::plain(language.phrase(p)))
        .collect()
}

#[test]
fn every_example_case_and_visit_gives_one_a4_page_in_every_language() {
    let model = model();
    let dir = tempfile::tempdir().unwrap();
    for (name, case) in example_cases() {
        let evaluation = evaluate(&model, &case);
        for visit in [VisitNumber::First, VisitNumber::Second] {
            if visit == VisitNumber::Second && evaluation.going_ahead().all(|o| o.same_day) {
                continue;
            }
            for language in &languages().all {
                let presented = evaluation.documents.clone();
                let guidance =
                    Guidance::build_in(language, &model, &case, &evaluation, visit, &presented);
                let sheet = Sheet::from_guidance(&guidance, language);
                let page = layout(&sheet);
                assert!(page.fits(), "{name} {visit:?} {}: overflows", language.code);
                for mark in &page.marks {
                    if let Mark::Text { x, size, text, .. } = mark {
                        let right = x + width_em(text) * size;
                        assert!(
                            right <= 595.28 - 36.0 + 0.5,
                            "{name} {}: «{text}»",
                            language.code
                        );
                    }
                }
                let bytes = render_pdf(&sheet).unwrap();
                let path = dir
                    .path()
                    .join(format!("{name}-{visit:?}-{}.pdf", language.code));
                std::fs::write(&path, &bytes).unwrap();
                let info = Command::new("pdfinfo").arg(&path).output().unwrap();
                let info = String::from_utf8_lossy(&info.stdout);
                assert!(info.contains("Pages:           1\n"), "{name}: {info}");
                assert!(info.contains("595.28 x 841.89 pts (A4)"), "{name}: {info}");
                let text = pdf_text(&path);
                // pdftotext spaces a line as it sees fit: compare without spaces.
                let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                for heading in expected_headings(language, &guidance) {
                    let heading: String = heading.chars().filter(|c| !c.is_whitespace()).collect();
                    assert!(
                        squeezed.contains(&heading),
                        "{name} {visit:?} {}: no «{heading}»\n{text}",
                        language.code
                    );
                }
                // The counter copy below the cut line stays Japanese.
                assert!(
                    text.contains("窓口控え") && text.contains("担当者印"),
                    "{name}"
                );
                for line in &guidance.counter_copy.procedures {
                    let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
                    assert!(squeezed.contains(&line), "{name} {}: {line}", language.code);
                }
            }
        }
    }
}

#[test]
fn the_english_sheet_keeps_the_official_names_the_citizen_must_point_at() {
    let model = model();
    let case = madoguchi::case::Case::from_ron(
        &std::fs::read_to_string(common::repo_path("tests/cases/shared/proxy-pin-reset.ron"))
            .unwrap(),
        "proxy",
    )
    .unwrap();
    let evaluation = evaluate(&model, &case);
    let english = languages().get("en").unwrap();
    let guidance = Guidance::build_in(english, &model, &case, &evaluation, VisitNumber::First, &[]);
    let text = Sheet::from_guidance(&guidance, english)
        .plain_lines()
        .join("\n");
    for must in [
        "What happens next",
        "inquiry and reply form (照会書兼回答書)",
        "PIN form (暗証番号記入用紙)",
        "letter of attorney (委任状)",
        "signature certificate (署名用電子証明書)",
        "Phone: 072-620-1621",
    ] {
        assert!(text.contains(must), "no «{must}»\n{text}");
    }
}

#[test]
fn every_kanji_of_the_yasashii_sheet_carries_a_reading() {
    let model = model();
    let yasashii = languages().get("yasashii").unwrap();
    for (name, case) in example_cases() {
        let evaluation = evaluate(&model, &case);
        let guidance = Guidance::build_in(
            yasashii,
            &model,
            &case,
            &evaluation,
            VisitNumber::First,
            &[],
        );
        let sheet = Sheet::from_guidance(&guidance, yasashii);
        let main_part: Vec<String> = sheet
            .marked_lines()
            .into_iter()
            .take_while(|line| line != &sheet.counter_copy.heading)
            .collect();
        for line in main_part {
            for span in madoguchi::ruby::parse(&line).unwrap() {
                if span.reading.is_none() {
                    assert!(
                        !span.base.chars().any(madoguchi::ruby::is_kanji),
                        "{name}: kanji without a reading in «{line}»"
                    );
                }
            }
        }
    }
}

/// A folder with the shipped model and its language files, for editing.
fn model_folder_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("procedures.ron"), EMBEDDED_MODEL).unwrap();
    std::fs::create_dir(dir.path().join("lang")).unwrap();
    for (name, text) in madoguchi::language::EMBEDDED_LANGUAGES {
        let file = std::path::Path::new(name).file_name().unwrap();
        std::fs::write(dir.path().join("lang").join(file), text).unwrap();
    }
    dir
}

fn check(dir: &tempfile::TempDir) -> std::process::Output {
    Command::new(bin())
        .arg("check")
        .arg(dir.path().join("procedures.ron"))
        .env_remove("MADOGUCHI_PROCEDURES")
        .output()
        .unwrap()
}

#[test]
fn check_accepts_the_model_folder_with_its_languages() {
    let dir = model_folder_copy();
    let output = check(&dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("案内の言語 ja・en・yasashii"), "{stdout}");
}

#[test]
fn check_refuses_a_missing_english_text_and_names_it() {
    let dir = model_folder_copy();
    let path = dir.path().join("lang").join("en.ron");
    let english = std::fs::read_to_string(&path).unwrap();
    let removed = "        \"document.card.label\": (\"本人のマイナンバーカード\", \"the holder's My Number Card (マイナンバーカード)\"),\n";
    assert!(english.contains(removed));
    std::fs::write(&path, english.replacen(removed, "", 1)).unwrap();
    let output = check(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let texts_line = english[..english.find("    texts: {").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        stderr.contains(&format!("{}:{texts_line}:", path.display()))
            && stderr.contains("\"document.card.label\"")
            && stderr.contains("本人のマイナンバーカード"),
        "{stderr}"
    );
}

#[test]
fn check_refuses_an_unknown_key_and_a_bare_kanji_at_their_lines() {
    let dir = model_folder_copy();
    let path = dir.path().join("lang").join("yasashii.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text
        .replacen("\"convenience_store\":", "\"convenience_shop\":", 1)
        .replacen("\"{結果|けっか}\"", "\"結果\"", 1);
    std::fs::write(&path, &edited).unwrap();
    let output = check(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line_of = |needle: &str| edited[..edited.find(needle).unwrap()].matches('\n').count() + 1;
    for (needle, words) in [
        ("\"convenience_shop\"", "手続きモデルにない"),
        ("\"heading_outcome\"", "漢字「結」に読み方がありません"),
    ] {
        assert!(
            stderr.contains(&format!("{}:{}:", path.display(), line_of(needle)))
                && stderr.contains(words),
            "{needle}: {stderr}"
        );
    }
}

#[test]
fn summary_takes_a_language_and_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    let run = |lang: &str| {
        Command::new(bin())
            .args([
                "summary",
                "tests/cases/shared/proxy-pin-reset.ron",
                "--force",
                "--out",
            ])
            .arg(&out)
            .args(["--lang", lang])
            .env_remove("MADOGUCHI_PROCEDURES")
            .output()
            .unwrap()
    };
    let output = run("fr");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("使えるもの: ja, en, yasashii"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(run("en").status.success());
    assert!(pdf_text(&out).contains("What happens next"));
}

#[test]
fn f9_cycles_the_sheet_language_and_the_preview_follows() {
    let app = CounterApp::new(
        ModelSource::load(ModelOrigin::Embedded),
        common::date("2026-11-25"),
    )
    .with_save_dialog(Box::new(|_| SaveChoice::Cancelled), false);
    let mut harness = Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 1200.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app);
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press(Key::F8);
    harness.run();
    let has = |h: &Harness<'_, CounterApp>, text: &str| {
        h.query_all_by_label_contains(text).next().is_some()
    };
    assert!(has(&harness, "【今後の流れ】"));
    harness.key_press(Key::F9);
    harness.run();
    assert_eq!(harness.state().counter.sheet_language, "en");
    assert!(has(&harness, "【What happens next】"));
    assert!(
        has(&harness, "確認する書類"),
        "the window itself stays Japanese"
    );
    assert!(has(&harness, "窓口控え"), "the counter copy stays Japanese");
    harness.key_press(Key::F9);
    harness.run();
    assert_eq!(harness.state().counter.sheet_language, "yasashii");
    assert!(has(&harness, "【これから すること】"));
    harness.get_by_label("日本語").click();
    harness.run();
    assert_eq!(harness.state().counter.sheet_language, "ja");
}

#[test]
fn a_shared_model_without_a_lang_folder_gets_no_one_elses_translations() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("procedures.ron");
    std::fs::write(&model, EMBEDDED_MODEL).unwrap();
    let case = common::repo_path("tests/cases/shared/principal-renewal.ron");
    let out = dir.path().join("sheet.pdf");
    let run = |lang: &str| {
        common::run(&[
            "summary",
            case.to_str().unwrap(),
            "--procedures",
            model.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--lang",
            lang,
            "--force",
        ])
    };
    let english = run("en");
    assert_eq!(english.status.code(), Some(2));
    let message = String::from_utf8_lossy(&english.stderr);
    assert!(
        message.contains("使えるもの: ja") && message.contains("lang フォルダ"),
        "{message}"
    );
    assert!(run("ja").status.success());
}

#[test]
fn a_changed_japanese_text_makes_its_translations_stale_until_they_are_redone() {
    let dir = model_folder_copy();
    let model = dir.path().join("procedures.ron");
    let was = "label: \"本人のマイナンバーカード\"";
    let now = "label: \"本人のマイナンバーカード（本体）\"";
    let text = std::fs::read_to_string(&model).unwrap();
    assert!(text.contains(was));
    std::fs::write(&model, text.replacen(was, now, 1)).unwrap();
    let output = check(&dir);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for file in ["en.ron", "yasashii.ron"] {
        let path = dir.path().join("lang").join(file);
        let language = std::fs::read_to_string(&path).unwrap();
        let line = language[..language.find("\"document.card.label\"").unwrap()]
            .matches('\n')
            .count()
            + 1;
        assert!(
            stderr.contains(&format!("{}:{line}:", path.display())),
            "{file} at line {line}: {stderr}"
        );
    }
    assert!(
        stderr.contains("古くなっています")
            && stderr.contains("日本語はいま「本人のマイナンバーカード（本体）」"),
        "{stderr}"
    );
    // lang update lists what to translate again, language by language.
    let update = Command::new(bin())
        .args(["lang", "update"])
        .arg(&model)
        .env_remove("MADOGUCHI_PROCEDURES")
        .output()
        .unwrap();
    assert_eq!(update.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&update.stdout);
    assert!(
        listed.contains("en（")
            && listed.contains("yasashii（")
            && listed.contains("document.card.label"),
        "{listed}"
    );
    // Translated again: both parts of each entry written anew, and check passes.
    for (file, translation) in [
        ("en.ron", "the holder's My Number Card itself"),
        (
            "yasashii.ron",
            "{本人|ほんにん}の マイナンバーカード（カード）",
        ),
    ] {
        let path = dir.path().join("lang").join(file);
        let language = std::fs::read_to_string(&path).unwrap();
        let start = language.find("        \"document.card.label\"").unwrap();
        let end = start + language[start..].find('\n').unwrap();
        let entry = format!(
            "        \"document.card.label\": (\"本人のマイナンバーカード（本体）\", \"{translation}\"),"
        );
        std::fs::write(
            &path,
            format!("{}{entry}{}", &language[..start], &language[end..]),
        )
        .unwrap();
    }
    let output = check(&dir);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
