//! The officer's commands: `diff`, `diagram`, `keygen`, `sign`.

use super::check::run_check;
use super::{EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK};
use crate::model::ProcedureModel;
use crate::model_file::ModelOrigin;
use crate::signing::TrustedKey;
use std::path::{Path, PathBuf};

/// Loads a model file for `check`-like commands: the message and the trailer as `check` says
/// them.
fn load_for_officer(path: &Path, trust: Option<&TrustedKey>) -> Result<ProcedureModel, i32> {
    super::load_model(&ModelOrigin::File(path.to_path_buf()), trust)
}

/// `diff OLD NEW`: exit 0 when equal, 1 when they differ, 2 on bad input.
pub(super) fn run_diff(
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
pub(super) fn run_diagram(origin: &ModelOrigin, trust: Option<&TrustedKey>, out: &Path) -> i32 {
    let model = match super::load_model(origin, trust) {
        Ok(model) => model,
        Err(status) => return status,
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
pub(super) fn run_keygen(name: &Path) -> i32 {
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
pub(super) fn run_sign(model_path: &Path, key: &Path) -> i32 {
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
