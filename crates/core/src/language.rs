//! The sheet's languages. A language is one RON file (`assets/lang/CODE.ron`): its fixed
//! phrases (headings, verdicts) and, for every language but Japanese, the model's citizen
//! texts by key (document labels and examples, steps, notices, PIN rules, contact). Japanese
//! texts come from the model itself. `{漢字|かんじ}` writes a reading (ruby) over its base; a
//! language with `ruby: true` must give one over every kanji.

use crate::model::{ModelError, ModelProblem, ProcedureModel};
use crate::phrases::Phrase;
use crate::source_text::{LazyOutline, Step, ron_error_message};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The languages built into the binary: `(file name, text)`. A language added here is one
/// more file in `assets/lang/` and its name in this list.
pub const EMBEDDED_LANGUAGES: [(&str, &str); 3] = [
    (
        "assets/lang/ja.ron",
        include_str!("../../../assets/lang/ja.ron"),
    ),
    (
        "assets/lang/en.ron",
        include_str!("../../../assets/lang/en.ron"),
    ),
    (
        "assets/lang/yasashii.ron",
        include_str!("../../../assets/lang/yasashii.ron"),
    ),
];

/// The forms a phrase may write the number of steps in: `3`, the last number `3`, `(1)(2)(3)`.
const STEP_COUNT_SLOTS: [&str; 3] = ["steps", "last", "numbers"];
/// The phrases that say how many steps a flow has.
const COUNTED_PHRASES: [Phrase; 3] = [
    Phrase::StepsLead,
    Phrase::StateThreeStepFirst,
    Phrase::StateThreeStepSecond,
];

/// What the date phrase may use: `{year}`, `{month}`, `{day}`, `{month_name}` (from
/// `months`), `{wareki}` (the Japanese era date).
pub const DATE_SLOTS: [&str; 5] = ["year", "month", "day", "month_name", "wareki"];

/// The language whose texts are the model's own.
pub const SOURCE_LANGUAGE: &str = "ja";

/// One language file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// `ja`, `en`, `yasashii`: what `--lang` takes.
    pub code: String,
    /// The name staff see in the selector.
    pub name: String,
    /// Every kanji must carry a reading (`{漢字|かんじ}`).
    #[serde(default)]
    pub ruby: bool,
    /// Month names for the `{month_name}` slot of the date phrase.
    #[serde(default)]
    pub months: Vec<String>,
    pub phrases: BTreeMap<String, String>,
    /// The model's citizen texts by key, each with the Japanese it was translated from.
    #[serde(default)]
    pub texts: BTreeMap<String, Translation>,
}

/// A translation, and the Japanese it translates: `("本人のマイナンバーカード", "your My Number
/// Card")`. When the model's Japanese changes, `check` refuses the translation as stale until a
/// translator writes both again.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Translation(pub String, pub String);

impl Translation {
    /// The Japanese this was translated from.
    pub fn japanese(&self) -> &str {
        &self.0
    }

    /// The translation.
    pub fn text(&self) -> &str {
        &self.1
    }
}

impl Language {
    pub fn is_source(&self) -> bool {
        self.code == SOURCE_LANGUAGE
    }

    /// A phrase in this language (empty if the file lacks it; `check` refuses such a file).
    pub fn phrase(&self, phrase: Phrase) -> &str {
        self.phrases.get(phrase.key()).map_or("", String::as_str)
    }

    /// The translation of a citizen text, `None` in the source language (whose texts are
    /// the model's own) and where the file lacks it (`check` refuses such a file).
    pub fn translation(&self, key: &str) -> Option<&str> {
        if self.is_source() {
            None
        } else {
            self.texts.get(key).map(Translation::text)
        }
    }
}

/// The languages in use, the source language first.
#[derive(Debug, Clone)]
pub struct Languages {
    pub all: Vec<Language>,
}

impl Languages {
    /// The built-in languages, checked against the embedded model.
    pub fn embedded() -> &'static Languages {
        static LANGUAGES: std::sync::OnceLock<Languages> = std::sync::OnceLock::new();
        LANGUAGES.get_or_init(|| {
            let model = ProcedureModel::embedded().expect("the embedded model is valid");
            Languages::from_files(&EMBEDDED_LANGUAGES, &model)
                .expect("the embedded languages are complete (tests check them)")
        })
    }

    /// Reads and checks language files against a model.
    pub fn from_files(
        files: &[(&str, &str)],
        model: &ProcedureModel,
    ) -> Result<Languages, ModelError> {
        let mut read: Vec<(&str, &str, Language)> = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in files {
            match read_language(text, name, model) {
                Ok(language) => read.push((name, text, language)),
                Err(mut found) => problems.append(&mut found),
            }
        }
        if let Some((_, _, source)) = read.iter().find(|(_, _, l)| l.is_source()) {
            for (name, text, language) in read.iter().filter(|(_, _, l)| !l.is_source()) {
                problems.extend(slot_problems(source, language, model, name, text));
            }
        }
        let mut all: Vec<Language> = read.into_iter().map(|(_, _, l)| l).collect();
        all.sort_by_key(|l| !l.is_source());
        if !all.iter().any(Language::is_source) && problems.is_empty() {
            problems.push(ModelProblem {
                file: files.first().map_or(String::new(), |f| f.0.to_string()),
                line: 1,
                column: 1,
                message: format!("言語 \"{SOURCE_LANGUAGE}\" のファイルがありません"),
            });
        }
        if problems.is_empty() {
            Ok(Languages { all })
        } else {
            Err(ModelError { problems })
        }
    }

    /// Japanese alone, as built in: what the counter falls back on when a language file is
    /// wrong.
    pub fn source_only() -> Languages {
        let (name, text) = EMBEDDED_LANGUAGES[0];
        let language: Language = crate::ron_options()
            .from_str(text)
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        Languages {
            all: vec![language],
        }
    }

    /// The language with this code.
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.all.iter().find(|l| l.code == code)
    }

    /// The source language (Japanese).
    pub fn source(&self) -> &Language {
        &self.all[0]
    }

    pub fn codes(&self) -> Vec<&str> {
        self.all.iter().map(|l| l.code.as_str()).collect()
    }

    /// The language after `code` in the list (F9 cycles through them).
    pub fn next_after(&self, code: &str) -> &Language {
        let at = self.all.iter().position(|l| l.code == code).unwrap_or(0);
        &self.all[(at + 1) % self.all.len()]
    }
}

/// A language file as it is written, not checked against any model (`lang update` lists what
/// it lacks).
pub fn parse_language(text: &str, file: &str) -> Result<Language, ModelError> {
    parse(text, file).map_err(|problems| ModelError { problems })
}

fn parse(text: &str, file: &str) -> Result<Language, Vec<ModelProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::ron_options().from_str(text).map_err(|err| {
        let (line, column, message) = ron_error_message(&err);
        vec![ModelProblem {
            file: file.to_string(),
            line,
            column,
            message,
        }]
    })
}

fn read_language(
    text: &str,
    file: &str,
    model: &ProcedureModel,
) -> Result<Language, Vec<ModelProblem>> {
    let language = parse(text, file)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let outline = LazyOutline::new(text);
    let mut problems = Vec::new();
    let mut report = |path: &[Step], message: String| {
        let (line, column) = outline.locate(path);
        problems.push(ModelProblem {
            file: file.to_string(),
            line,
            column,
            message,
        });
    };
    check_phrases(&language, &mut report);
    check_texts(&language, model, &mut report);
    if problems.is_empty() {
        Ok(language)
    } else {
        Err(problems)
    }
}

/// The phrases a language's file must have: every one for the source language, those printed
/// for the citizen for the others.
fn wanted_phrases(language: &Language) -> Vec<Phrase> {
    Phrase::ALL
        .iter()
        .copied()
        .filter(|p| language.is_source() || p.for_citizen())
        .collect()
}

/// The phrases a language's file lacks (a newer program may print more), each with the
/// program's own Japanese for it.
pub fn phrases_to_add(language: &Language) -> Vec<(&'static str, String)> {
    let japanese = parse(EMBEDDED_LANGUAGES[0].1, EMBEDDED_LANGUAGES[0].0).ok();
    wanted_phrases(language)
        .into_iter()
        .filter(|p| !language.phrases.contains_key(p.key()))
        .map(|p| {
            let words = japanese
                .as_ref()
                .and_then(|ja| ja.phrases.get(p.key()).cloned())
                .unwrap_or_default();
            (p.key(), words)
        })
        .collect()
}

/// The source language has every phrase; the others every phrase printed for the citizen,
/// each with the same `{slots}` as Japanese, and nothing else.
fn check_phrases(language: &Language, report: &mut impl FnMut(&[Step], String)) {
    let wanted = wanted_phrases(language);
    for phrase in &wanted {
        if !language.phrases.contains_key(phrase.key()) {
            report(
                &[Step::Key("phrases")],
                format!(
                    "言語 \"{}\" に決まった言葉 \"{}\" がありません",
                    language.code,
                    phrase.key()
                ),
            );
        }
    }
    for key in language.phrases.keys() {
        if !wanted.iter().any(|p| p.key() == key) {
            let quoted = quoted(key);
            report(
                &[Step::Key("phrases"), Step::Key(&quoted)],
                format!(
                    "\"{key}\" という決まった言葉はありません（この言語で使うもの以外は書けません）"
                ),
            );
        }
    }
    check_markup(language, "phrases", &language.phrases, report);
}

/// Every citizen text of the model, translated, and no key the model does not have.
fn check_texts(
    language: &Language,
    model: &ProcedureModel,
    report: &mut impl FnMut(&[Step], String),
) {
    if language.is_source() {
        if !language.texts.is_empty() {
            report(
                &[Step::Key("texts")],
                "日本語の文は procedures.ron にあります。texts は空にしてください".to_string(),
            );
        }
        return;
    }
    let wanted = model.citizen_texts();
    for (key, japanese) in &wanted {
        if !language.texts.contains_key(key) {
            report(
                &[Step::Key("texts")],
                format!(
                    "言語 \"{}\" に \"{key}\"（{japanese}）の訳がありません",
                    language.code
                ),
            );
        }
    }
    for key in language.texts.keys() {
        if !wanted.iter().any(|(k, _)| k == key) {
            let quoted = quoted(key);
            report(
                &[Step::Key("texts"), Step::Key(&quoted)],
                format!("\"{key}\" は手続きモデルにない文の id です"),
            );
        }
    }
    for (key, translation) in &language.texts {
        let Some((_, japanese)) = wanted.iter().find(|(k, _)| k == key) else {
            continue;
        };
        if translation.japanese() != japanese {
            let quoted = quoted(key);
            report(
                &[Step::Key("texts"), Step::Key(&quoted)],
                format!(
                    "言語 \"{}\" の \"{key}\" の訳は古くなっています。日本語はいま「{japanese}」です（訳したときは「{}」）。訳し直して、左の日本語も書き換えてください",
                    language.code,
                    translation.japanese()
                ),
            );
        }
    }
    let translated: BTreeMap<String, String> = language
        .texts
        .iter()
        .map(|(key, t)| (key.clone(), t.text().to_string()))
        .collect();
    check_markup(language, "texts", &translated, report);
}

/// What a language still needs translated against `model`: a text it lacks, or one whose
/// Japanese has changed since it was translated — `(key, the Japanese now)`. For
/// `madoguchi lang update`.
pub fn to_translate(language: &Language, model: &ProcedureModel) -> Vec<(String, String)> {
    if language.is_source() {
        return Vec::new();
    }
    model
        .citizen_texts()
        .into_iter()
        .filter(|(key, japanese)| {
            language
                .texts
                .get(key)
                .is_none_or(|t| t.japanese() != japanese)
        })
        .collect()
}

/// The texts of a language file the model no longer has (another city's words, a removed
/// entry): `check` refuses them, so they are to be deleted.
pub fn to_remove(language: &Language, model: &ProcedureModel) -> Vec<String> {
    let wanted: Vec<String> = model
        .citizen_texts()
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    language
        .texts
        .keys()
        .filter(|key| !wanted.contains(key))
        .cloned()
        .collect()
}

/// `{base|reading}` well formed; with `ruby: true`, no kanji without a reading.
fn check_markup(
    language: &Language,
    section: &'static str,
    entries: &BTreeMap<String, String>,
    report: &mut impl FnMut(&[Step], String),
) {
    for (key, text) in entries {
        let quoted = quoted(key);
        let path = [Step::Key(section), Step::Key(&quoted)];
        match crate::ruby::parse(text) {
            Err(problem) => report(&path, format!("\"{key}\": {problem}")),
            Ok(spans) if language.ruby => {
                if let Some(bare) = spans
                    .iter()
                    .filter(|s| s.reading.is_none())
                    .flat_map(|s| s.base.chars())
                    .find(|c| crate::ruby::is_kanji(*c))
                {
                    report(
                        &path,
                        format!(
                            "\"{key}\": 漢字「{bare}」に読み方がありません（{{漢字|かんじ}} のように書いてください）"
                        ),
                    );
                }
            }
            Ok(_) => {}
        }
    }
}

/// The outline keeps a map's string keys with their quotes.
fn quoted(key: &str) -> String {
    format!("\"{key}\"")
}

/// A translation keeps the `{slots}` of the Japanese it translates.
fn slot_problems(
    source: &Language,
    language: &Language,
    model: &ProcedureModel,
    file: &str,
    text: &str,
) -> Vec<ModelProblem> {
    let outline = LazyOutline::new(text);
    let mut problems = Vec::new();
    let mut compare = |section: &str, key: &str, japanese: &str, translated: &str| {
        let (want, got) = (crate::ruby::slots(japanese), crate::ruby::slots(translated));
        // A date is written with any of its parts, in any order.
        let fits = if section == "phrases" && key == Phrase::Date.key() {
            got.iter().all(|slot| DATE_SLOTS.contains(&slot.as_str()))
        } else if section == "phrases" && COUNTED_PHRASES.iter().any(|p| p.key() == key) {
            // The number of steps is written in any of its forms, or not at all.
            got.iter()
                .all(|slot| STEP_COUNT_SLOTS.contains(&slot.as_str()))
        } else {
            want == got
        };
        if !fits {
            let quoted = quoted(key);
            let (line, column) = outline.locate(&[Step::Key(section), Step::Key(&quoted)]);
            problems.push(ModelProblem {
                file: file.to_string(),
                line,
                column,
                message: format!(
                    "\"{key}\" の差し込み {{…}} が日本語と違います（日本語: {}、この言語: {}）",
                    want.join(", "),
                    got.join(", ")
                ),
            });
        }
    };
    for (key, translated) in &language.phrases {
        compare(
            "phrases",
            key,
            source.phrases.get(key).map_or("", String::as_str),
            translated,
        );
    }
    for (key, japanese) in model.citizen_texts() {
        if let Some(translated) = language.texts.get(&key) {
            compare("texts", &key, &japanese, translated.text());
        }
    }
    problems
}
