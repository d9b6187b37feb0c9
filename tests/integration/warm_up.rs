//! The start-up warm-up: the window's first frame on a warmed context rasterizes nothing new,
//! and the atlas it uploads is the one a cold first frame would have made.

use crate::common;

use egui::TextureId;
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::warm_up::{ATLAS_SIDE, warm, window_input};
use madoguchi::ui::{CounterApp, ModelSource, install_fonts};

fn blank_counter() -> CounterApp {
    CounterApp::new(
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

/// The font texture's deltas of one frame of a blank counter on `ctx`.
fn first_frame_font_deltas(ctx: &egui::Context) -> Vec<egui::epaint::ImageDelta> {
    font_deltas(ctx, &mut blank_counter(), window_input())
}

#[test]
fn after_the_warm_up_the_first_frame_only_uploads_the_atlas_it_drew() {
    let warmed = egui::Context::default();
    warm(&warmed, &mut blank_counter());
    let after_warm_up = first_frame_font_deltas(&warmed);
    assert_eq!(
        after_warm_up.len(),
        1,
        "one upload of the whole atlas, and no glyph rasterized anew"
    );
    assert!(after_warm_up[0].is_whole());

    let cold = egui::Context::default();
    install_fonts(&cold);
    let cold_deltas = first_frame_font_deltas(&cold);
    assert_eq!(cold_deltas.len(), 1);
    assert!(
        after_warm_up[0].image == cold_deltas[0].image,
        "the same glyphs, in the same places, as a cold first frame"
    );
    // The next frame needs nothing more.
    assert!(first_frame_font_deltas(&warmed).is_empty());
}

#[test]
fn nothing_of_the_warm_up_frame_stays_in_the_window_but_its_style() {
    let warmed = egui::Context::default();
    warm(&warmed, &mut blank_counter());
    assert!(warmed.memory(|m| m.focused().is_none()));
    let cold = egui::Context::default();
    install_fonts(&cold);
    assert_eq!(
        warmed.global_style().text_styles,
        cold.global_style().text_styles,
        "the counter's text sizes are kept"
    );
}

/// The font texture's deltas of two frames of one blank counter on `ctx` at the scale 1.25.
fn two_frames_at_125_percent(ctx: &egui::Context) -> [Vec<egui::epaint::ImageDelta>; 2] {
    let mut app = blank_counter();
    let at_125 = || {
        let mut input = window_input();
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(1.25);
        input
    };
    let first = font_deltas(ctx, &mut app, at_125());
    [first, font_deltas(ctx, &mut app, at_125())]
}

#[test]
fn at_another_scale_the_window_draws_its_own_glyphs_into_the_warm_atlas() {
    // Windows at 125 %: the guess of the scale was wrong; the warm-up's work is only wasted.
    let warmed = egui::Context::default();
    warm(&warmed, &mut blank_counter());
    let [first, second] = two_frames_at_125_percent(&warmed);
    assert!(
        first.first().is_some_and(|d| d.is_whole()),
        "the whole atlas is uploaded first (without it, only the new glyphs would be)"
    );
    // From then on as a cold window at that scale.
    let cold = egui::Context::default();
    install_fonts(&cold);
    let [_, cold_second] = two_frames_at_125_percent(&cold);
    assert_eq!(second.len(), cold_second.len());
}

/// What the window gives egui on a GPU that can hold textures `side` pixels wide.
fn input_from_a_gpu_of(app: &mut CounterApp, ctx: &egui::Context, side: usize) -> egui::RawInput {
    let mut input = window_input();
    input.max_texture_side = Some(side);
    eframe::App::raw_input_hook(app, ctx, &mut input);
    input
}

#[test]
fn the_warm_atlas_is_kept_on_a_gpu_that_holds_larger_textures() {
    // NVIDIA and AMD report 32768, Intel and llvmpipe 16384: the window tells egui the same.
    for side in [16 * 1024, 32 * 1024] {
        let warmed = egui::Context::default();
        warm(&warmed, &mut blank_counter());
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
