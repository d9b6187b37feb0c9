//! One full-window frame of the counter, layout and tessellation, at 1366×768: shared by the
//! frame and card benchmarks.

use criterion::Criterion;
use madoguchi::ui::CounterApp;

/// Warms the window up (fonts, galleys, panel sizes), then measures one frame of `app`.
pub fn bench_window_frame(
    c: &mut Criterion,
    name: &str,
    ctx: &egui::Context,
    app: &mut CounterApp,
) {
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    };
    let mut frame = || {
        let mut output = ctx.run_ui(input(), |ui| app.show(ui));
        output.textures_delta.clear();
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    for _ in 0..3 {
        let _ = frame();
    }
    c.bench_function(name, |b| b.iter(&mut frame));
}
