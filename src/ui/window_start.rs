//! Opening the window: what is read before it opens (so that its errors are said first), the
//! model loaded and the first frame laid out while eframe sets up the window, and the counter
//! the window starts with.

use super::model_source::ModelSource;
use super::warm_up::WarmUp;
use super::{CounterApp, PcscWatch, READER_ENV, REPORT_FIRST_FRAME_ENV, WindowOptions};
use super::{install_fonts, native_options, no_display, window_failure, window_title};
use crate::case::Case;
use crate::exit::{EXIT_BAD_INPUT, EXIT_NO_WINDOW, EXIT_OK};
use crate::model_file::ModelOrigin;
use crate::signing::TrustedKey;

/// Where the window's model comes from, read before the window opens.
#[derive(Clone)]
struct ModelPlace {
    origin: ModelOrigin,
    trust: Option<TrustedKey>,
}

impl ModelPlace {
    fn load(self) -> ModelSource {
        ModelSource::load_trusted(self.origin, self.trust)
    }
}

/// Opens the window; returns the exit status.
pub fn run(options: WindowOptions) -> i32 {
    if let Some(message) = no_display() {
        crate::terminal::alert(&message);
        return EXIT_NO_WINDOW;
    }
    if cfg!(windows) {
        crate::printing::sweep_stale();
    }
    let (place, loaded, prefill) = match before_opening(&options) {
        Ok(read) => read,
        Err(message) => {
            crate::terminal::alert(&message);
            return EXIT_BAD_INPUT;
        }
    };
    let mut native = native_options(super::WINDOW_NAME.to_string());
    let today = chrono::Local::now().date_naive();
    // The model is loaded and the first frame's text laid out while eframe finishes setting
    // up the window, once it exists (warm_up.rs); the model comes back with it.
    let ctx = eframe_context();
    let again = place.clone();
    let warm_up = WarmUp::install(
        &mut native,
        &ctx,
        move || loaded.unwrap_or_else(|| again.load()),
        today,
    );
    let result = eframe::run_native_ext(
        "madoguchi",
        native,
        Some(ctx),
        Box::new(move |cc| {
            let (source, drew) = match warm_up.finish() {
                Some(warmed) => (warmed.source, warmed.drew),
                // The warm-up did not run: the window starts as it did without it.
                None => (place.load(), false),
            };
            if !drew {
                install_fonts(&cc.egui_ctx);
            }
            let title = window_title(&source.model);
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(title));
            let app = counter_app(cc, source, today, prefill.as_ref(), &options);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => EXIT_OK,
        Err(err) => {
            crate::terminal::alert(&window_failure(&err));
            EXIT_NO_WINDOW
        }
    }
}

/// A context set up as eframe sets up its own (it leaves a context it is given as it is):
/// two passes a frame when a widget asks for one, other viewports as windows.
fn eframe_context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.set_embed_viewports(false);
    ctx.options_mut(|options| {
        options.max_passes = std::num::NonZeroUsize::MIN.saturating_add(1);
    });
    ctx
}

/// What is read before the window opens, so that a mistake is said instead of a window: the
/// trusted key and, with `--case`, the model and the case file. Without a case the model is
/// loaded later, off the window's thread.
fn before_opening(
    options: &WindowOptions,
) -> Result<(ModelPlace, Option<ModelSource>, Option<Case>), String> {
    let origin = ModelOrigin::from_flag_or_env(options.procedures.as_deref());
    let trust = TrustedKey::from_flag_or_env(options.trusted_key.as_deref())
        .map_err(|err| err.to_string())?;
    let place = ModelPlace { origin, trust };
    let Some(path) = options.case.as_deref() else {
        return Ok((place, None, None));
    };
    let source = place.clone().load();
    let case = crate::case_file::read(path, &source.model).map_err(|err| err.to_string())?;
    Ok((place, Some(source), Some(case)))
}

/// The counter as the window opens on `today` (its fonts installed): the clock, the printer,
/// the folder to save into, the case and ticks to start with, the model and the card reader
/// watched.
fn counter_app(
    cc: &eframe::CreationContext<'_>,
    source: ModelSource,
    today: chrono::NaiveDate,
    prefill: Option<&Case>,
    options: &WindowOptions,
) -> CounterApp {
    let mut app = CounterApp::new(source, today)
        .with_clock(Box::new(|| chrono::Local::now().date_naive()))
        .with_printer(
            Box::new(crate::printing::SystemSpooler),
            options.printer.clone(),
        );
    if let Some(dir) = &options.print_dir {
        app = app.with_save_dialog(super::app::save_into(dir.clone()), true);
    }
    app.report_first_frame = std::env::var_os(REPORT_FIRST_FRAME_ENV).is_some();
    if let Some(case) = prefill {
        app.counter.prefill(case, &options.presented);
    }
    app.watch_model(&cc.egui_ctx);
    let reader = std::env::var(READER_ENV)
        .ok()
        .filter(|r| !r.trim().is_empty());
    app.with_card_watch(Box::new(PcscWatch { reader }))
}
