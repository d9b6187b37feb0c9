//! The command line: `madoguchi` (window), `evaluate`, `check`, `summary`.

use crate::case::Case;
use crate::engine::{VisitNumber, evaluate};
use crate::guidance::Guidance;
use crate::model::DocumentId;
use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::printing::{PrintError, PrinterChoice, Spooler, SystemSpooler, print_pdf};
use crate::report;
use crate::sheet::Sheet;
use crate::signing::TrustedKey;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

pub use crate::exit::{EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK};

/// `print!` for people, through [`terminal::out`](crate::terminal::out).
macro_rules! out {
    ($($arg:tt)*) => { $crate::terminal::out(&format!($($arg)*)) };
}

/// The help's frame in Japanese (clap's own headings are English).
const HELP_TEMPLATE: &str = "{about}\n\n使い方: {usage}\n\n{all-args}{after-help}";

/// The document ids `--presented` takes (the shared case format's).
const PRESENTED_HELP: &str = "窓口で確認済みの書類の id（カンマ区切り）: card, principal_secondary_id, agent_photo_id, agent_secondary_id, parental_authority_proof, guardianship_certificate, sealed_inquiry_envelope, inquiry_reply_form, power_of_attorney, sealed_pin_envelope。3段階の手続きの2回目は --second-visit と";

#[derive(Debug, Parser)]
#[command(
    name = "madoguchi",
    version,
    about = "マイナンバーカード電子証明書の更新・暗証番号再設定の窓口支援（引数なしで画面を開きます）",
    help_template = HELP_TEMPLATE,
    override_usage = "madoguchi [オプション] [コマンド]",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "コマンド",
    subcommand_value_name = "コマンド",
    next_help_heading = "オプション",
    after_help = "終了コード: 0 正常、1 事例が期待と一致しない、2 入力の誤り（ファイル・引数・プリンター）、3 画面を開けない"
)]
pub struct Cli {
    /// 使い方を表示する
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 版を表示する
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    /// 共有の手続きモデル（RON）。省略時は環境変数 MADOGUCHI_PROCEDURES、それもなければ組み込みのもの
    #[arg(long, global = true, value_name = "PATH")]
    pub procedures: Option<PathBuf>,
    /// 画面を開くとき、この事例ファイルの内容を入力済みにする（研修・説明用）
    #[arg(long, value_name = "CASE.ron")]
    pub case: Option<PathBuf>,
    /// 画面を開くとき、これらの書類を確認済みにする（研修・説明用、--case と）: card,
    /// principal_secondary_id, agent_photo_id, agent_secondary_id, parental_authority_proof,
    /// guardianship_certificate, sealed_inquiry_envelope, inquiry_reply_form, power_of_attorney,
    /// sealed_pin_envelope
    #[arg(long, value_delimiter = ',', value_name = "ID,ID,…", requires = "case")]
    pub presented: Vec<String>,
    /// 画面の「保存（PDF）」で保存先を尋ねず、このフォルダに保存する（保存ダイアログのない端末向け）
    #[arg(long, value_name = "DIR")]
    pub print_dir: Option<PathBuf>,
    /// 印刷するプリンターの名前。省略時は環境変数 MADOGUCHI_PRINTER、それもなければ既定のプリンター
    #[arg(long, global = true, value_name = "NAME")]
    pub printer: Option<String>,
    /// 事務の公開鍵。指定すると、共有の手続きモデルはこの鍵の署名（MODEL.ron.minisig）が確かなときだけ使う。省略時は環境変数 MADOGUCHI_TRUSTED_KEY
    #[arg(long, global = true, value_name = "FILE.pub")]
    pub trusted_key: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
#[command(help_template = HELP_TEMPLATE, next_help_heading = "オプション")]
pub enum Command {
    /// 事例ファイル（RON）を判定して、必要書類・受付できない理由などを出力する
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi evaluate [オプション] <CASE.ron>"
    )]
    Evaluate {
        /// 判定する事例ファイル（RON、../shared/spec/case-format.md の形式）
        #[arg(value_name = "CASE.ron", help_heading = "引数")]
        case: PathBuf,
        /// 共有の形式（JSON）で出力する
        #[arg(long)]
        json: bool,
    },
    /// 手続きモデルを検査し、--cases のフォルダの事例（NAME.ron と NAME.json）と照合する
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi check [オプション] [MODEL.ron]"
    )]
    Check {
        /// 検査するモデル（省略時は --procedures などで選ばれたもの）。横に lang フォルダがあれば案内の言語も検査する
        #[arg(value_name = "MODEL.ron", help_heading = "引数")]
        model: Option<PathBuf>,
        /// 照合する事例のフォルダ（NAME.ron と期待する結果 NAME.json の組）
        #[arg(long, value_name = "DIR")]
        cases: Option<PathBuf>,
    },
    /// 手続きモデルを流れ図にする: FILE.svg（手続きごとに A3 横のページ）と、手続きごとの
    /// FILE-手続き.svg、Graphviz の FILE.dot、Mermaid の FILE.mmd
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi diagram [オプション] [MODEL.ron] --out <FILE.svg>"
    )]
    Diagram {
        /// 図にするモデル（省略時は --procedures などで選ばれたもの）
        #[arg(value_name = "MODEL.ron", help_heading = "引数")]
        model: Option<PathBuf>,
        /// 書き出す SVG（横に .dot と .mmd も書きます）
        #[arg(long, value_name = "FILE.svg")]
        out: PathBuf,
    },
    /// 事務の署名用の鍵を作る: NAME.key（パスワードで保護、環境変数 MADOGUCHI_KEY_PASSWORD か入力）と NAME.pub
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi keygen --out <NAME>"
    )]
    Keygen {
        /// 作る鍵の名前（NAME.key と NAME.pub を書きます。すでにあれば上書きしません）
        #[arg(long, value_name = "NAME")]
        out: PathBuf,
    },
    /// 手続きモデルを検査し、通れば事務の鍵で署名する（MODEL.ron.minisig を書く）
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi sign <MODEL.ron> --key <NAME.key>"
    )]
    Sign {
        /// 署名するモデル
        #[arg(value_name = "MODEL.ron", help_heading = "引数")]
        model: PathBuf,
        /// 事務の秘密鍵（パスワードは環境変数 MADOGUCHI_KEY_PASSWORD か入力）
        #[arg(long, value_name = "NAME.key")]
        key: PathBuf,
    },
    /// 二つの手続きモデルの違いを、ページを知る人に読める形で示す（--cases で事例の答えの変化も）
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi diff [オプション] <OLD.ron> <NEW.ron>"
    )]
    Diff {
        /// 元のモデル
        #[arg(value_name = "OLD.ron", help_heading = "引数")]
        old: PathBuf,
        /// 変えたモデル
        #[arg(value_name = "NEW.ron", help_heading = "引数")]
        new: PathBuf,
        /// このフォルダの事例（NAME.ron）を両方のモデルで判定し、答えが変わるものを示す
        #[arg(long, value_name = "DIR")]
        cases: Option<PathBuf>,
        /// 出力の形: text（省略時）か md（承認依頼に添える Markdown）
        #[arg(
            long,
            value_name = "text|md",
            default_value = "text",
            hide_default_value = true
        )]
        format: String,
    },
    /// 市民にお渡しする案内（A4 PDF）を書き出す
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi summary [オプション] --out <FILE.pdf> <CASE.ron>"
    )]
    Summary {
        /// 事例ファイル（RON）
        #[arg(value_name = "CASE.ron", help_heading = "引数")]
        case: PathBuf,
        /// 書き出す PDF（事例ファイルやモデルには書きません。すでにある PDF は --force のときだけ上書き）
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,…", help = PRESENTED_HELP)]
        presented: Vec<String>,
        /// 3段階の手続きの2回目の来庁として書く
        #[arg(long)]
        second_visit: bool,
        /// すでにある案内（PDF）を上書きする
        #[arg(long)]
        force: bool,
        /// 案内の言語: ja（日本語、省略時）、en（英語）、yasashii（やさしい日本語）。窓口控えは日本語のまま
        #[arg(
            long,
            value_name = "LANG",
            default_value = "ja",
            hide_default_value = true
        )]
        lang: String,
    },
    /// 市民にお渡しする案内を、プリンター（--printer、MADOGUCHI_PRINTER、既定のプリンター）で印刷する
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi print [オプション] <CASE.ron>"
    )]
    Print {
        /// 事例ファイル（RON）
        #[arg(value_name = "CASE.ron", help_heading = "引数")]
        case: PathBuf,
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,…", help = PRESENTED_HELP)]
        presented: Vec<String>,
        /// 3段階の手続きの2回目の来庁として印刷する
        #[arg(long)]
        second_visit: bool,
        /// 案内の言語: ja（日本語、省略時）、en（英語）、yasashii（やさしい日本語）。窓口控えは日本語のまま
        #[arg(
            long,
            value_name = "LANG",
            default_value = "ja",
            hide_default_value = true
        )]
        lang: String,
    },
}

impl Cli {
    /// What the window starts with.
    pub fn window_options(&self) -> crate::ui::WindowOptions {
        crate::ui::WindowOptions {
            procedures: self.procedures.clone(),
            case: self.case.clone(),
            presented: self.presented.clone(),
            print_dir: self.print_dir.clone(),
            printer: crate::printing::PrinterChoice::from_flag_or_env(self.printer.as_deref()),
            trusted_key: self.trusted_key.clone(),
        }
    }
}

/// The program: the window without a command, else the command; gives the exit status.
pub fn main() -> std::process::ExitCode {
    let status = match Cli::try_parse() {
        Ok(cli) => match &cli.command {
            Some(command) => {
                crate::terminal::attach_to_parent_console();
                run(&cli, command)
            }
            None => crate::ui::run(cli.window_options()),
        },
        // Help, the version or a wrong argument: said where the command was typed.
        Err(error) => {
            crate::terminal::attach_to_parent_console();
            let text = error.render().to_string();
            if error.use_stderr() {
                crate::terminal::err(&text);
            } else {
                crate::terminal::out(&text);
            }
            error.exit_code()
        }
    };
    std::process::ExitCode::from(u8::try_from(status).unwrap_or(2))
}

/// Runs a subcommand and gives the exit status. `None` command is the window: the caller
/// opens it.
pub fn run(cli: &Cli, command: &Command) -> i32 {
    let origin = ModelOrigin::from_flag_or_env(cli.procedures.as_deref());
    let trust = match TrustedKey::from_flag_or_env(cli.trusted_key.as_deref()) {
        Ok(trust) => trust,
        Err(err) => {
            crate::errln!("{err}");
            return EXIT_BAD_INPUT;
        }
    };
    let trust = trust.as_ref();
    match command {
        Command::Evaluate { case, json } => run_evaluate(&origin, trust, case, *json),
        Command::Check { model, cases } => {
            let origin = model.clone().map_or(origin, ModelOrigin::File);
            run_check(&origin, trust, cases.as_deref())
        }
        Command::Summary {
            case,
            out,
            presented,
            second_visit,
            force,
            lang,
        } => {
            let request = SheetRequest {
                origin: &origin,
                case_path: case,
                presented,
                second_visit: *second_visit,
                lang,
                trust,
            };
            run_summary(&request, out, *force)
        }
        Command::Diagram { model, out } => {
            let origin = model.clone().map_or(origin, ModelOrigin::File);
            run_diagram(&origin, trust, out)
        }
        Command::Diff {
            old,
            new,
            cases,
            format,
        } => run_diff(old, new, trust, cases.as_deref(), format),
        Command::Keygen { out } => run_keygen(out),
        Command::Sign { model, key } => run_sign(model, key),
        Command::Print {
            case,
            presented,
            second_visit,
            lang,
        } => {
            let request = SheetRequest {
                origin: &origin,
                case_path: case,
                presented,
                second_visit: *second_visit,
                lang,
                trust,
            };
            let choice = PrinterChoice::from_flag_or_env(cli.printer.as_deref());
            run_print(&request, &choice, &mut SystemSpooler)
        }
    }
}

/// Reads a case file against the model's questions, with the file named in every message.
pub fn read_case(path: &Path, model: &ProcedureModel) -> Result<Case, String> {
    crate::case_file::read(path, model).map_err(|e| e.to_string())
}

/// The model and a case file, or the message that says which of them is wrong and where.
fn load_model_and_case(
    origin: &ModelOrigin,
    trust: Option<&TrustedKey>,
    case_path: &Path,
) -> Result<(ProcedureModel, Case), String> {
    let model = origin.load_verified(trust).map_err(|e| e.to_string())?;
    let case = read_case(case_path, &model)?;
    Ok((model, case))
}

fn run_evaluate(
    origin: &ModelOrigin,
    trust: Option<&TrustedKey>,
    case_path: &Path,
    json: bool,
) -> i32 {
    let (model, case) = match load_model_and_case(origin, trust, case_path) {
        Ok(loaded) => loaded,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    let evaluation = evaluate(&model, &case);
    if json {
        crate::terminal::json(&format!("{}\n", report::to_json(&evaluation)));
    } else {
        let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &[]);
        out!("{}", report::to_text(&guidance));
    }
    EXIT_OK
}

/// One example case that does not agree with its expected JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub case: String,
    pub field: String,
    pub got: serde_json::Value,
    pub want: serde_json::Value,
}

/// What a folder of regression cases says about a model.
#[derive(Debug, Default)]
pub struct CaseRun {
    pub total: usize,
    pub agreed: usize,
    pub disagreements: Vec<Disagreement>,
    /// Case files (or expected JSON) that could not be read.
    pub unreadable: Vec<String>,
}

/// Compares the fields an expected JSON names; lists compare as sets.
pub fn compare_expected(
    case_name: &str,
    got: &serde_json::Value,
    want: &serde_json::Value,
) -> Vec<Disagreement> {
    let disagreement =
        |field: &str, got: &serde_json::Value, want: &serde_json::Value| Disagreement {
            case: case_name.to_string(),
            field: field.to_string(),
            got: got.clone(),
            want: want.clone(),
        };
    let Some(want_fields) = want.as_object() else {
        return vec![disagreement("(全体)", got, want)];
    };
    want_fields
        .iter()
        .filter_map(|(field, want_value)| {
            let got_value = got.get(field).cloned().unwrap_or(serde_json::Value::Null);
            let same = if field == "outcomes" {
                same_outcomes(&got_value, want_value)
            } else {
                same_value(&got_value, want_value)
            };
            (!same).then(|| disagreement(field, &got_value, want_value))
        })
        .collect()
}

/// Lists compare as sets; everything else as it is.
fn same_value(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    let normalise = |v: &serde_json::Value| match v {
        serde_json::Value::Array(items) => {
            let mut texts: Vec<String> = items.iter().map(|i| i.to_string()).collect();
            texts.sort();
            texts.dedup();
            serde_json::Value::from(texts)
        }
        other => other.clone(),
    };
    normalise(got) == normalise(want)
}

/// `outcomes` compare per procedure, on the fields the expectation names (as the shared
/// `check_cases.py` does).
fn same_outcomes(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    let (Some(got), Some(want)) = (got.as_array(), want.as_array()) else {
        return false;
    };
    let procedure = |o: &serde_json::Value| o.get("procedure").cloned();
    let mut got_procedures: Vec<String> = got
        .iter()
        .filter_map(procedure)
        .map(|p| p.to_string())
        .collect();
    let mut want_procedures: Vec<String> = want
        .iter()
        .filter_map(procedure)
        .map(|p| p.to_string())
        .collect();
    got_procedures.sort();
    want_procedures.sort();
    got_procedures == want_procedures
        && want.iter().all(|w| {
            let Some(g) = got.iter().find(|g| procedure(g) == procedure(w)) else {
                return false;
            };
            w.as_object().is_some_and(|fields| {
                fields
                    .iter()
                    .all(|(k, v)| same_value(g.get(k).unwrap_or(&serde_json::Value::Null), v))
            })
        })
}

/// Evaluates every `NAME.ron` of a folder that has a `NAME.json` beside it.
pub fn run_cases(model: &ProcedureModel, folder: &Path) -> Result<CaseRun, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        crate::file_error::FileError::from_io(folder, "事例フォルダを読み込めません", &e)
            .to_string()
    })?;
    let mut names: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    names.sort();
    let mut run = CaseRun::default();
    for case_path in names {
        let expected_path = case_path.with_extension("json");
        if !expected_path.exists() {
            continue;
        }
        run.total += 1;
        let case_name = case_path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let case = match read_case(&case_path, model) {
            Ok(case) => case,
            Err(message) => {
                run.unreadable.push(message);
                continue;
            }
        };
        let want: serde_json::Value = match crate::file_error::read_text(&expected_path)
            .map_err(|e| e.what)
            .and_then(|text| {
                serde_json::from_str(&text)
                    .map_err(|e| format!("JSON の {} 行 {} 列が読めません", e.line(), e.column()))
            }) {
            Ok(value) => value,
            Err(message) => {
                run.unreadable.push(format!(
                    "{}: 期待する結果（JSON）を読めません: {message}",
                    expected_path.display()
                ));
                continue;
            }
        };
        let got = serde_json::to_value(evaluate(model, &case)).unwrap_or_default();
        let disagreements = compare_expected(&case_name, &got, &want);
        if disagreements.is_empty() {
            run.agreed += 1;
        }
        run.disagreements.extend(disagreements);
    }
    Ok(run)
}

fn run_check(origin: &ModelOrigin, trust: Option<&TrustedKey>, cases: Option<&Path>) -> i32 {
    let model = match origin.load_verified(trust) {
        Ok(model) => model,
        Err(err) => {
            crate::errln!("{err}");
            if err.has_positions() {
                crate::errln!("手続きモデルに誤りがあります（上の行: ファイル:行:列: 内容）。");
            }
            return EXIT_BAD_INPUT;
        }
    };
    let languages = match origin.languages(&model) {
        Ok(languages) => languages,
        Err(err) => {
            crate::errln!("{err}");
            crate::errln!("案内の言語ファイルに誤りがあります（上の行: ファイル:行:列: 内容）。");
            return EXIT_BAD_INPUT;
        }
    };
    crate::outln!(
        "手続きモデル {} は正しく読み込めました（経路 {} 件、書類 {} 種類、案内の言語 {}）。",
        origin.name(),
        model.routes.len(),
        model.documents.len(),
        languages.codes().join("・")
    );
    let Some(folder) = cases else {
        return EXIT_OK;
    };
    let run = match run_cases(&model, folder) {
        Ok(run) => run,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    for message in &run.unreadable {
        crate::errln!("{message}");
    }
    for d in &run.disagreements {
        crate::outln!(
            "不一致 {}: {} が {} になりました（期待: {}）",
            d.case,
            d.field,
            d.got,
            d.want
        );
    }
    crate::outln!("{}/{} 件の事例が一致しました。", run.agreed, run.total);
    if !run.unreadable.is_empty() || run.total == 0 {
        if run.total == 0 {
            crate::errln!(
                "{}: NAME.ron と NAME.json の組が1つもありません",
                folder.display()
            );
        }
        EXIT_BAD_INPUT
    } else if run.disagreements.is_empty() {
        EXIT_OK
    } else {
        EXIT_DISAGREE
    }
}

/// What a sheet is made from on the command line.
pub struct SheetRequest<'a> {
    pub origin: &'a ModelOrigin,
    pub case_path: &'a Path,
    pub presented: &'a [String],
    pub second_visit: bool,
    /// The sheet's language code.
    pub lang: &'a str,
    /// The office's key, when the counter only takes signed rules.
    pub trust: Option<&'a TrustedKey>,
}

impl SheetRequest<'_> {
    /// The guidance and the sheet, or the message that says what is wrong.
    pub fn sheet(&self) -> Result<(Guidance, Sheet), String> {
        let (model, case) = load_model_and_case(self.origin, self.trust, self.case_path)?;
        let known: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
        if let Some(unknown) = self
            .presented
            .iter()
            .find(|id| !known.contains(&id.as_str()))
        {
            return Err(format!(
                "--presented の「{unknown}」は書類の id ではありません（使えるもの: {}）",
                known.join(", ")
            ));
        }
        let evaluation = evaluate(&model, &case);
        let three_step = evaluation.going_ahead().any(|o| !o.same_day);
        if self.second_visit && !three_step {
            return Err(format!(
                "{}: --second-visit は3段階の手続き（任意代理人など）の2回目のためのものです。この事例は即日の手続きか、受付できない手続きだけです",
                self.case_path.display()
            ));
        }
        let visit = if self.second_visit {
            VisitNumber::Second
        } else {
            VisitNumber::First
        };
        let presented: Vec<DocumentId> = self
            .presented
            .iter()
            .map(|id| DocumentId(id.clone()))
            .collect();
        let languages = self.origin.languages(&model).map_err(|e| e.to_string())?;
        let Some(language) = languages.get(self.lang) else {
            return Err(format!(
                "--lang の「{}」は使えません（使えるもの: {}）",
                self.lang,
                languages.codes().join(", ")
            ));
        };
        let guidance = Guidance::build_in(language, &model, &case, &evaluation, visit, &presented);
        let sheet = Sheet::from_guidance(&guidance, language);
        Ok((guidance, sheet))
    }
}

/// Why the sheet may not be written to `out`: it is the case file or the model, or an
/// existing file that is not a sheet (a PDF), or a PDF without `--force`.
fn refuse_target(request: &SheetRequest, out: &Path, force: bool) -> Option<String> {
    let same = |other: &Path| match (out.canonicalize(), other.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(request.case_path) {
        return Some(format!(
            "{}: 事例ファイルそのものです。案内は別の名前（例: sheet.pdf）に書き出してください",
            out.display()
        ));
    }
    if let ModelOrigin::File(model) = request.origin
        && same(model)
    {
        return Some(format!(
            "{}: 手続きモデルそのものです。案内は別の名前（例: sheet.pdf）に書き出してください",
            out.display()
        ));
    }
    if out.is_file() {
        let is_pdf = std::fs::File::open(out)
            .and_then(|mut f| {
                let mut head = [0u8; 5];
                std::io::Read::read_exact(&mut f, &mut head).map(|()| head)
            })
            .is_ok_and(|head| &head == b"%PDF-");
        if !is_pdf {
            return Some(format!(
                "{}: PDF ではないファイルがすでにあります。上書きしません。別の名前を指定してください",
                out.display()
            ));
        }
        if !force {
            return Some(format!(
                "{}: すでにあります。上書きするには --force を付けてください",
                out.display()
            ));
        }
    }
    None
}

fn run_summary(request: &SheetRequest, out: &Path, force: bool) -> i32 {
    if let Some(message) = refuse_target(request, out, force) {
        crate::errln!("{message}");
        return EXIT_BAD_INPUT;
    }
    let (_, sheet) = match request.sheet() {
        Ok(made) => made,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    match crate::sheet_file::write_pdf_file(&sheet, out) {
        Ok(()) => {
            crate::outln!("{} に書き出しました。", out.display());
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}

/// Prints the sheet; exit 0 once the spooler has accepted the job.
pub fn run_print(request: &SheetRequest, choice: &PrinterChoice, spooler: &mut dyn Spooler) -> i32 {
    let (guidance, sheet) = match request.sheet() {
        Ok(made) => made,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    let printed = crate::sheet::pdf::render_pdf(&sheet)
        .map_err(PrintError::from)
        .and_then(|pdf| print_pdf(spooler, choice, &guidance.title, &pdf));
    match printed {
        Ok(job) => {
            crate::outln!(
                "プリンター「{}」に送りました（ジョブ {}）。",
                job.printer,
                job.job
            );
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}

/// Loads a model file for `check`-like commands: the message and the trailer as `check` says
/// them.
fn load_for_officer(path: &Path, trust: Option<&TrustedKey>) -> Result<ProcedureModel, i32> {
    ModelOrigin::File(path.to_path_buf())
        .load_verified(trust)
        .map_err(|err| {
            crate::errln!("{err}");
            if err.has_positions() {
                crate::errln!("手続きモデルに誤りがあります（上の行: ファイル:行:列: 内容）。");
            }
            EXIT_BAD_INPUT
        })
}

/// `diff OLD NEW`: exit 0 when equal, 1 when they differ, 2 on bad input.
fn run_diff(
    old_path: &Path,
    new_path: &Path,
    trust: Option<&TrustedKey>,
    cases: Option<&Path>,
    format: &str,
) -> i32 {
    let markdown = match format {
        "text" => false,
        "md" => true,
        other => {
            crate::errln!("--format の「{other}」は使えません（使えるもの: text, md）");
            return EXIT_BAD_INPUT;
        }
    };
    let (old, new) = match (
        load_for_officer(old_path, trust),
        load_for_officer(new_path, trust),
    ) {
        (Ok(old), Ok(new)) => (old, new),
        _ => return EXIT_BAD_INPUT,
    };
    let mut diff = crate::model_diff::diff(&old, &new);
    if let Some(folder) = cases {
        let compared = crate::case_file::read_folder(folder).and_then(|cases| {
            let changes = crate::model_diff::diff_cases(&old, &new, &cases)?;
            Ok((changes, cases.len()))
        });
        match compared {
            Ok((changes, run)) => {
                diff.cases = changes;
                diff.cases_run = run;
            }
            Err(message) => {
                crate::errln!("{message}");
                return EXIT_BAD_INPUT;
            }
        }
    }
    out!(
        "{}",
        crate::model_diff::render(
            &diff,
            &old_path.display().to_string(),
            &new_path.display().to_string(),
            markdown
        )
    );
    if diff.is_empty() {
        EXIT_OK
    } else {
        EXIT_DISAGREE
    }
}

/// `diagram`: the model as SVG pages, DOT and Mermaid.
fn run_diagram(origin: &ModelOrigin, trust: Option<&TrustedKey>, out: &Path) -> i32 {
    let model = match origin.load_verified(trust) {
        Ok(model) => model,
        Err(err) => {
            crate::errln!("{err}");
            if err.has_positions() {
                crate::errln!("手続きモデルに誤りがあります（上の行: ファイル:行:列: 内容）。");
            }
            return EXIT_BAD_INPUT;
        }
    };
    if let ModelOrigin::File(path) = origin
        && out.canonicalize().ok() == path.canonicalize().ok()
        && out.exists()
    {
        crate::errln!(
            "{}: 手続きモデルそのものです。図は別の名前（例: diagram.svg）に書き出してください",
            out.display()
        );
        return EXIT_BAD_INPUT;
    }
    let diagram = crate::diagram::Diagram::of(&model);
    let stem = out.with_extension("");
    let mut files: Vec<(PathBuf, String)> = vec![
        (out.to_path_buf(), crate::diagram::svg(&diagram)),
        (stem.with_extension("dot"), crate::diagram::dot(&model)),
        (stem.with_extension("mmd"), crate::diagram::mermaid(&model)),
    ];
    for page in &diagram.pages {
        let name = format!(
            "{}-{}.svg",
            stem.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            page.procedure.snake_name()
        );
        files.push((stem.with_file_name(name), crate::diagram::page_svg(page)));
    }
    for (path, text) in &files {
        if let Err(err) = crate::safe_write::write_atomically(path, text.as_bytes()) {
            crate::errln!("{err}");
            return EXIT_BAD_INPUT;
        }
    }
    for (path, _) in &files {
        crate::outln!("{} に書き出しました。", path.display());
    }
    EXIT_OK
}

/// `keygen --out NAME`: the office's key pair.
fn run_keygen(name: &Path) -> i32 {
    match crate::signing::keygen(name) {
        Ok((secret, public)) => {
            crate::outln!(
                "{} （秘密鍵: 事務で保管）と {} （公開鍵: 各窓口の --trusted-key に）を作りました。",
                secret.display(),
                public.display()
            );
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}

/// `sign MODEL --key NAME.key`: check, then sign.
fn run_sign(model_path: &Path, key: &Path) -> i32 {
    let origin = ModelOrigin::File(model_path.to_path_buf());
    let status = run_check(&origin, None, None);
    if status != EXIT_OK {
        crate::errln!("検査に通らないモデルには署名しません。");
        return status;
    }
    let (text, model) = match crate::file_error::read_text(model_path)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            ProcedureModel::from_ron(&text, &model_path.display().to_string())
                .map(|model| (text, model))
                .map_err(|e| e.to_string())
        }) {
        Ok(read) => read,
        Err(message) => {
            crate::errln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    match crate::signing::sign(
        model_path,
        text.as_bytes(),
        key,
        &model.page.updated,
        &model.page.model_version,
    ) {
        Ok(signature) => {
            crate::outln!(
                "{} に署名しました（ページ更新日 {}、版 {}）。モデルと一緒に共有フォルダへ置いてください。",
                signature.display(),
                model.page.updated,
                model.page.model_version
            );
            EXIT_OK
        }
        Err(err) => {
            crate::errln!("{err}");
            EXIT_BAD_INPUT
        }
    }
}
