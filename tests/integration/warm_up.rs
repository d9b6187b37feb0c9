//! The start-up warm-up: it draws once eframe has told the context of the window; the
//! window's first frame on a warmed context rasterizes nothing new, and the atlas it uploads
//! is the one a cold first frame would have made.

use crate::common;

use egui::TextureId;
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::warm_up::{self, WarmUp, warm, window_input};
use madoguchi::ui::{ATLAS_SIDE, CounterApp, ModelSource, WINDOW_SIZE, install_fonts};
use std::time::{Duration, Instant};

/// The blank counter the warm-up draws (no printer looked up: a lookup's answer, coming
/// back at any frame, would change the glyphs between frames).
fn blank_counter() -> CounterApp {
    warm_up::blank_counter(
        ModelSource::load(ModelOrigin::Embedded),
        common::date("2026-11-25"),
    )
}

/// The font texture's deltas of one frame of `app` on `ctx`.
fn font_deltas(
    ctx: &egui::Context,
    app: &mut CounterApp,
    input: egui::RawInput,
) -> Vec<egui::epaint::ImageDelta> {
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    let deltas = output
        .textures_delta
        .set
        .remove(&TextureId::default())
        .map(|d| d.into_vec())
        .unwrap_or_default();
    output.textures_delta.clear();
    deltas
}

/// What eframe tells egui of the counter's window at `scale` (1.25 for Windows at 125 %).
fn window_at(scale: f32) -> egui::ViewportInfo {
    egui::ViewportInfo {
        native_pixels_per_point: Some(scale),
        inner_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::Vec2::from(WINDOW_SIZE) / scale,
        )),
        ..Default::default()
    }
}

/// A blank counter drawn once on a new context, for the window at `scale`.
fn warmed_at(scale: f32) -> egui::Context {
    let ctx = egui::Context::default();
    warm(&ctx, &mut blank_counter(), window_input(&window_at(scale)));
    ctx
}

/// A new context with the counter's fonts, as a window without the warm-up has.
fn cold() -> egui::Context {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    ctx
}

/// After a warm-up at `scale`, the window's first frame at `scale` only uploads the atlas the
/// warm-up drew, which is a cold first frame's, and the next frame needs nothing more.
fn the_first_frame_is_warm_at(scale: f32) {
    let warmed = warmed_at(scale);
    let mut app = blank_counter();
    let input = || window_input(&window_at(scale));
    let first = font_deltas(&warmed, &mut app, input());
    assert_eq!(
        first.len(),
        1,
        "{scale}: one upload of the whole atlas, and no glyph rasterized anew"
    );
    assert!(first[0].is_whole());
    let cold_first = font_deltas(&cold(), &mut blank_counter(), input());
    assert_eq!(cold_first.len(), 1);
    assert!(
        first[0].image == cold_first[0].image,
        "{scale}: the same glyphs, in the same places, as a cold first frame"
    );
    assert!(font_deltas(&warmed, &mut app, input()).is_empty());
}

#[test]
fn after_the_warm_up_the_first_frame_only_uploads_the_atlas_it_drew() {
    the_first_frame_is_warm_at(1.0);
}

#[test]
fn at_125_percent_the_warm_up_draws_for_the_window_as_it_is() {
    // Windows at 125 %: the warm-up is told the scale, and the first frame is as warm.
    the_first_frame_is_warm_at(1.25);
}

#[test]
fn nothing_of_the_warm_up_frame_stays_in_the_window_but_its_style() {
    let warmed = warmed_at(1.0);
    assert!(warmed.memory(|m| m.focused().is_none()));
    assert_eq!(
        warmed.global_style().text_styles,
        cold().global_style().text_styles,
        "the counter's text sizes are kept"
    );
}

/// The font texture's deltas of two frames of one blank counter on `ctx` at 150 %.
fn two_frames_at_150_percent(ctx: &egui::Context) -> [Vec<egui::epaint::ImageDelta>; 2] {
    let mut app = blank_counter();
    let first = font_deltas(ctx, &mut app, window_input(&window_at(1.5)));
    [
        first,
        font_deltas(ctx, &mut app, window_input(&window_at(1.5))),
    ]
}

#[test]
fn a_window_at_another_scale_than_the_warm_up_s_draws_its_own_glyphs_into_the_warm_atlas() {
    // The scale changed after the warm-up: its work is only wasted.
    let [first, second] = two_frames_at_150_percent(&warmed_at(1.0));
    assert!(
        first.first().is_some_and(|d| d.is_whole()),
        "the whole atlas is uploaded first (without it, only the new glyphs would be)"
    );
    // From then on as a cold window at that scale.
    let [_, cold_second] = two_frames_at_150_percent(&cold());
    assert_eq!(second.len(), cold_second.len());
}

/// A warm-up installed as the window installs it, its thread started as eframe does when it
/// is about to create the window.
fn warm_up_started(ctx: &egui::Context) -> WarmUp {
    let mut options = eframe::NativeOptions::default();
    let source = || ModelSource::load(ModelOrigin::Embedded);
    let warm_up = WarmUp::install(&mut options, ctx, source, common::date("2026-11-25"));
    let hook = options.window_builder.take().expect("the warm-up's hook");
    let _ = hook(egui::ViewportBuilder::default());
    warm_up
}

/// Whether the counter's fonts and text sizes are on `ctx`.
fn has_the_counters_style(ctx: &egui::Context) -> bool {
    let heading = &ctx.global_style().text_styles[&egui::TextStyle::Heading];
    heading.size == madoguchi::ui::theme::HEADING_SIZE
}

#[test]
fn the_warm_up_draws_once_eframe_tells_the_context_of_the_window() {
    let ctx = egui::Context::default();
    let warm_up = warm_up_started(&ctx);
    std::thread::sleep(Duration::from_millis(30));
    assert!(
        !has_the_counters_style(&ctx),
        "nothing drawn before the window exists"
    );
    // What eframe does once the window and the GL display exist.
    ctx.input_mut(|i| {
        i.raw
            .viewports
            .insert(egui::ViewportId::ROOT, window_at(1.25));
    });
    let warmed = warm_up.finish().expect("the model comes back");
    assert!(warmed.source.problems().is_empty());
    assert!(warmed.drew && has_the_counters_style(&ctx));
    let mut app = blank_counter();
    let first = font_deltas(&ctx, &mut app, window_input(&window_at(1.25)));
    assert_eq!(
        first.len(),
        1,
        "the warm atlas, and nothing rasterized anew"
    );
    assert!(first[0].is_whole());
}

#[test]
fn an_app_wanted_before_the_window_is_known_gets_the_model_without_a_warm_up() {
    let ctx = egui::Context::default();
    let warm_up = warm_up_started(&ctx);
    let asked = Instant::now();
    let warmed = warm_up.finish().expect("the model comes back");
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "no waiting for a window"
    );
    assert!(warmed.source.problems().is_empty());
    assert!(!warmed.drew, "the window installs its fonts itself");
    assert!(!has_the_counters_style(&ctx), "no frame was drawn");
}

/// What the window gives egui on a GPU that can hold textures `side` pixels wide.
fn input_from_a_gpu_of(app: &mut CounterApp, ctx: &egui::Context, side: usize) -> egui::RawInput {
    let mut input = window_input(&window_at(1.0));
    input.max_texture_side = Some(side);
    eframe::App::raw_input_hook(app, ctx, &mut input);
    input
}

#[test]
fn the_warm_atlas_is_kept_on_a_gpu_that_holds_larger_textures() {
    // NVIDIA and AMD report 32768, Intel and llvmpipe 16384: the window tells egui the same.
    for side in [16 * 1024, 32 * 1024] {
        let warmed = warmed_at(1.0);
        let mut app = blank_counter();
        let input = input_from_a_gpu_of(&mut app, &warmed, side);
        assert_eq!(input.max_texture_side, Some(ATLAS_SIDE));
        let deltas = font_deltas(&warmed, &mut app, input);
        assert_eq!(
            deltas.len(),
            1,
            "{side}: the warm atlas, and nothing rasterized anew"
        );
        assert_eq!(deltas[0].image.width(), ATLAS_SIDE);
    }
}

#[test]
fn a_gpu_with_smaller_textures_keeps_its_own_limit() {
    let mut app = blank_counter();
    let input = input_from_a_gpu_of(&mut app, &egui::Context::default(), 4096);
    assert_eq!(input.max_texture_side, Some(4096));
}

#[test]
fn a_warm_up_dropped_without_an_app_stops_and_is_waited_for() {
    // eframe could not open a window (no OpenGL): the creator is never called, and the
    // program says why and exits; nothing of the warm-up may still run then.
    let ctx = egui::Context::default();
    let mut options = eframe::NativeOptions::default();
    let (loaded, was_loaded) = std::sync::mpsc::channel();
    let source = move || {
        loaded.send(()).ok();
        ModelSource::load(ModelOrigin::Embedded)
    };
    let warm_up = WarmUp::install(&mut options, &ctx, source, common::date("2026-11-25"));
    let hook = options.window_builder.take().expect("the warm-up's hook");
    let _ = hook(egui::ViewportBuilder::default());
    std::thread::sleep(Duration::from_millis(20));
    let (dropped, was_dropped) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(warm_up);
        dropped.send(()).ok();
    });
    assert!(
        was_dropped.recv_timeout(Duration::from_secs(2)).is_ok(),
        "dropping it stops the thread and waits for it"
    );
    assert!(
        was_loaded.try_recv().is_err(),
        "no model loaded for nothing"
    );
    assert!(!has_the_counters_style(&ctx));
}
