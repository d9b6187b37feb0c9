//! CPU time of one full-window frame (layout + tessellation) with a 7-item checklist: the
//! proxy's second visit, at 1366×768.

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::case::Case;
use madoguchi::engine::VisitNumber;
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::{CounterApp, ModelSource, install_fonts};

const CASE: &str = include_str!("../tests/cases/shared/proxy-pin-reset.ron");

fn bench_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let case = Case::from_ron(CASE, "proxy").unwrap();
    let mut app = CounterApp::new(ModelSource::load(ModelOrigin::Embedded), case.today());
    app.counter.prefill(
        &case,
        &[
            "card".into(),
            "agent_photo_id".into(),
            "power_of_attorney".into(),
        ],
    );
    app.counter.session.visit = VisitNumber::Second;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    };
    // Warm up: fonts, galleys, panel sizes.
    for _ in 0..3 {
        let mut output = ctx.run_ui(input(), |ui| app.show(ui));
        output.textures_delta.clear();
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    c.bench_function("frame: full window, 7-item checklist", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(input(), |ui| app.show(ui));
            output.textures_delta.clear();
            ctx.tessellate(output.shapes, output.pixels_per_point)
        })
    });
}

criterion_group!(benches, bench_frame);
criterion_main!(benches);
