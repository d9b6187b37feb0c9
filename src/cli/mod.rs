//! The command line: `madoguchi` (the window) and its commands, one file each.

use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::printing::{PrinterChoice, SystemSpooler};
use crate::signing::TrustedKey;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::{Path, PathBuf};

pub use crate::exit::{EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK};

/// `print!` for people, through [`terminal::out`](crate::terminal::out).
macro_rules! out {
    ($($arg:tt)*) => { $crate::terminal::out(&format!($($arg)*)) };
}

mod card;
mod check;
mod evaluate;
mod lang;
mod officer;
mod sheet;

use check::run_check;
pub use check::{CaseRun, Disagreement, compare_expected, run_cases};
pub use evaluate::read_case;
use evaluate::run_evaluate;
use officer::{run_diagram, run_diff, run_keygen, run_sign};
use sheet::run_summary;
pub use sheet::{SheetRequest, run_print};

/// The help's frame in Japanese (clap's own headings are English).
const HELP_TEMPLATE: &str = "{about}\n\n使い方: {usage}\n\n{all-args}{after-help}";

/// The help of `--presented`: the document ids are filled in from the model by
/// [`with_document_ids`].
const PRESENTED_HELP: &str = "窓口で確認済みの書類の id（カンマ区切り）";

/// The command line with `--presented`'s help listing the documents of the model (the
/// embedded one: the help is the same on every counter).
fn with_document_ids(command: clap::Command) -> clap::Command {
    let ids = ProcedureModel::embedded()
        .map(|model| {
            let ids: Vec<&str> = model.documents.iter().map(|d| d.id.as_str()).collect();
            ids.join(", ")
        })
        .unwrap_or_default();
    let window =
        format!("画面を開くとき、これらの書類を確認済みにする（研修・説明用、--case と）: {ids}");
    let sheet =
        format!("{PRESENTED_HELP}: {ids}。即日で終わらない手続きの2回目の来庁は --second-visit と");
    let sheet_help = |c: clap::Command| c.mut_arg("presented", |a| a.help(sheet.clone()));
    command
        .mut_arg("presented", |a| a.help(window))
        .mut_subcommand("summary", sheet_help)
        .mut_subcommand("print", sheet_help)
}

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
    after_help = "終了コード: 0 正常、1 事例が期待と一致しない、2 入力の誤り（ファイル・引数・プリンター）、3 画面を開けない、4 読み取り機・カードがない、5 マイナンバーカードでない・読み取り中に離れた"
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
    /// 画面を開くとき、これらの書類を確認済みにする（研修・説明用、--case と; 書類の id はモデルから）
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
        /// 即日で終わらない手続きの2回目の来庁として書く
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
    /// 案内の言語ファイルのうち、訳し直す文（ない訳、日本語が変わった訳）を並べる: lang update [MODEL.ron]
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi lang update [MODEL.ron]"
    )]
    Lang {
        /// update: 訳し直す文を言語ごとに並べる（終了コード 0 なし、1 あり、2 ファイルの誤り）
        #[arg(value_name = "update", help_heading = "引数", value_parser = ["update"], hide_possible_values = true)]
        action: String,
        /// 手続きモデル（省略時は --procedures などで選ばれたもの）。横の lang フォルダの言語を見る
        #[arg(value_name = "MODEL.ron", help_heading = "引数")]
        model: Option<PathBuf>,
    },
    /// 読み取り機のマイナンバーカードを読む: 利用者証明用電子証明書の有効期限と、暗証番号の残り回数（暗証番号は入力しません）
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "オプション",
        override_usage = "madoguchi card [オプション]"
    )]
    Card {
        /// 読む読み取り機の名前（省略時はカードが置かれている最初の読み取り機）
        #[arg(long, value_name = "NAME")]
        reader: Option<String>,
        /// カードが置かれるまで、最長この秒数だけ待つ（省略時は待たない）
        #[arg(
            long,
            value_name = "SECONDS",
            default_value_t = 0.0,
            hide_default_value = true
        )]
        wait: f64,
        /// JSON で出力する: {"reader", "cert_expiry", "pins": {"user_auth", "signature", "card_info"}}
        #[arg(long)]
        json: bool,
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
        /// 即日で終わらない手続きの2回目の来庁として印刷する
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
    // The document ids come from the embedded model: parsed only when help is asked for,
    // not on the window's way to its first frame.
    let asks_help = std::env::args_os().any(|arg| arg == "-h" || arg == "--help");
    let command = if asks_help {
        with_document_ids(Cli::command())
    } else {
        Cli::command()
    };
    let parsed = command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let status = match parsed {
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

/// The model of `origin`, or the exit status after its problems were said (with a line that
/// explains `file:line:col` when they name places).
fn load_model(origin: &ModelOrigin, trust: Option<&TrustedKey>) -> Result<ProcedureModel, i32> {
    origin.load_verified(trust).map_err(|err| {
        crate::errln!("{err}");
        if err.has_positions() {
            crate::errln!("手続きモデルに誤りがあります（上の行: ファイル:行:列: 内容）。");
        }
        EXIT_BAD_INPUT
    })
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
            let request = sheet_request(&origin, trust, case, presented, *second_visit, lang);
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
        Command::Lang { model, .. } => {
            let origin = model.clone().map_or(origin, ModelOrigin::File);
            lang::run_lang_update(&origin, trust)
        }
        Command::Card { reader, wait, json } => card::run_card(reader.as_deref(), *wait, *json),
        Command::Sign { model, key } => run_sign(model, key),
        Command::Print {
            case,
            presented,
            second_visit,
            lang,
        } => {
            let request = sheet_request(&origin, trust, case, presented, *second_visit, lang);
            let choice = PrinterChoice::from_flag_or_env(cli.printer.as_deref());
            run_print(&request, &choice, &mut SystemSpooler)
        }
    }
}

/// What `summary` and `print` make their sheet from.
fn sheet_request<'a>(
    origin: &'a ModelOrigin,
    trust: Option<&'a TrustedKey>,
    case: &'a Path,
    presented: &'a [String],
    second_visit: bool,
    lang: &'a str,
) -> SheetRequest<'a> {
    SheetRequest {
        origin,
        case_path: case,
        presented,
        second_visit,
        lang,
        trust,
    }
}
