//! Speed of the core: evaluating one case, loading and validating the embedded model.

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::case::Case;
use madoguchi::engine::evaluate;
use madoguchi::model::{EMBEDDED_MODEL, EMBEDDED_MODEL_NAME, ProcedureModel};
use std::hint::black_box;

const PROXY_CASE: &str = include_str!("../tests/cases/routes/proxy-both-procedures.ron");
const PRINCIPAL_CASE: &str = include_str!("../tests/cases/shared/principal-renewal.ron");

fn bench_engine(c: &mut Criterion) {
    let model = ProcedureModel::embedded().unwrap();
    let proxy = Case::from_ron(PROXY_CASE, "proxy").unwrap();
    let principal = Case::from_ron(PRINCIPAL_CASE, "principal").unwrap();
    c.bench_function("evaluate principal renewal", |b| {
        b.iter(|| evaluate(black_box(&model), black_box(&principal)))
    });
    c.bench_function("evaluate proxy three-step, both procedures", |b| {
        b.iter(|| evaluate(black_box(&model), black_box(&proxy)))
    });
    c.bench_function("load and validate embedded model", |b| {
        b.iter(|| ProcedureModel::from_ron(black_box(EMBEDDED_MODEL), EMBEDDED_MODEL_NAME).unwrap())
    });
}

criterion_group!(benches, bench_engine);
criterion_main!(benches);
