//! Speed of the printed sheet: building and writing one A4 PDF, font subsetting included.

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::case::Case;
use madoguchi::engine::{VisitNumber, evaluate};
use madoguchi::guidance::Guidance;
use madoguchi::model::ProcedureModel;
use madoguchi::sheet::Sheet;
use madoguchi::sheet::pdf::render_pdf;
use std::hint::black_box;

const CASE: &str = include_str!("../tests/cases/shared/proxy-pin-reset.ron");

fn bench_sheet(c: &mut Criterion) {
    let model = ProcedureModel::embedded().unwrap();
    let case = Case::from_ron(CASE, "proxy").unwrap();
    let evaluation = evaluate(&model, &case);
    let presented: Vec<_> = evaluation.documents.clone();
    let guidance = Guidance::build(&model, &case, &evaluation, VisitNumber::First, &presented);
    let sheet = Sheet::from_guidance(
        &guidance,
        madoguchi::language::Languages::embedded().source(),
    );
    println!("sheet size: {} bytes", render_pdf(&sheet).unwrap().len());
    c.bench_function(
        "sheet: guidance + lay out + PDF with font subset (three-step)",
        |b| {
            b.iter(|| {
                let guidance = Guidance::build(
                    black_box(&model),
                    black_box(&case),
                    &evaluation,
                    VisitNumber::First,
                    &presented,
                );
                let sheet = Sheet::from_guidance(
                    &guidance,
                    madoguchi::language::Languages::embedded().source(),
                );
                render_pdf(&sheet).unwrap()
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench_sheet
}
criterion_main!(benches);
