//! `madoguchi lang update [MODEL.ron]`: what each language of a model still needs translated.

use super::{EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK};
use crate::language::{parse_language, phrases_to_add, to_remove, to_translate};
use crate::model_file::ModelOrigin;
use crate::signing::TrustedKey;

/// Lists, language by language, every text that has no translation or whose Japanese changed
/// since it was translated, with the Japanese it says now. Exit 0 when there is none, 1 when
/// there is some, 2 when a file cannot be read.
pub(super) fn run_lang_update(origin: &ModelOrigin, trust: Option<&TrustedKey>) -> i32 {
    let model = match super::load_model(origin, trust) {
        Ok(model) => model,
        Err(status) => return status,
    };
    let files = match origin.language_files() {
        Ok(files) => files,
        Err(err) => {
            crate::errln!("{err}");
            return EXIT_BAD_INPUT;
        }
    };
    if files.is_empty() {
        crate::outln!(
            "{}: 横に lang フォルダがありません。案内は日本語だけです（訳はモデルの横の lang フォルダに置きます）。",
            origin.name()
        );
        return EXIT_OK;
    }
    let mut waiting = 0;
    for (file, text) in &files {
        let language = match parse_language(text, file) {
            Ok(language) => language,
            Err(err) => {
                crate::errln!("{err}");
                return EXIT_BAD_INPUT;
            }
        };
        waiting += say_what_to_do(&language, &model, file);
    }
    if waiting == 0 {
        crate::outln!("訳し直す文はありません。");
        EXIT_OK
    } else {
        EXIT_DISAGREE
    }
}

/// Says what one language file lacks or has too much of; gives how many entries that is.
fn say_what_to_do(
    language: &crate::language::Language,
    model: &crate::model::ProcedureModel,
    file: &str,
) -> usize {
    let wanted = to_translate(language, model);
    let unknown = to_remove(language, model);
    let phrases = phrases_to_add(language);
    let count = wanted.len() + unknown.len() + phrases.len();
    if !phrases.is_empty() {
        crate::outln!(
            "{}（{file}）: 決まった言葉が {} 件足りません（プログラムの更新で増えたもの）。phrases に足してください:",
            language.code,
            phrases.len()
        );
        for (key, japanese) in &phrases {
            crate::outln!("  \"{key}\": 日本語は「{japanese}」");
        }
    }
    if !wanted.is_empty() {
        crate::outln!(
            "{}（{file}）: {} 件を訳してください",
            language.code,
            wanted.len()
        );
    }
    if !unknown.is_empty() {
        crate::outln!(
            "{}（{file}）: 手続きモデルにない文が {} 件あります。消してください: {}",
            language.code,
            unknown.len(),
            unknown.join(", ")
        );
    }
    for (key, japanese) in wanted {
        match language.texts.get(&key) {
            Some(old) => crate::outln!(
                "  {key}: 日本語はいま「{japanese}」（訳したときは「{}」）",
                old.japanese()
            ),
            None => crate::outln!("  {key}: 訳がありません: 「{japanese}」"),
        }
    }
    count
}
