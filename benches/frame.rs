//! CPU time of one full-window frame (layout + tessellation) with a 7-item checklist: the
//! proxy's second visit, at 1366×768.

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/window_frame.rs"]
mod window_frame;
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
    window_frame::bench_window_frame(c, "frame: full window, 7-item checklist", &ctx, &mut app);
}

criterion_group!(benches, bench_frame);
criterion_main!(benches);
