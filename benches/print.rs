//! From the print command to the job handed to the spooler, the printer excluded: the
//! guidance, the sheet, the PDF with its font subset, and the hand-over to a spooler that
//! accepts at once.

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::case::Case;
use madoguchi::engine::{VisitNumber, evaluate};
use madoguchi::guidance::Guidance;
use madoguchi::model::ProcedureModel;
use madoguchi::printing::{PrintError, PrinterChoice, Spooler, print_pdf};
use madoguchi::sheet::Sheet;
use madoguchi::sheet::pdf::render_pdf;
use std::hint::black_box;

const CASE: &str = include_str!("../tests/cases/routes/principal-renewal-window-first-day.ron");

/// A spooler that takes the job without printing it.
struct Accepting;

impl Spooler for Accepting {
    fn printers(&self) -> Result<Vec<String>, PrintError> {
        Ok(vec!["counter".into()])
    }
    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        Ok(Some("counter".into()))
    }
    fn submit(&mut self, _: &str, _: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        Ok(pdf.len() as u64)
    }
}

fn bench_print(c: &mut Criterion) {
    let model = ProcedureModel::embedded().unwrap();
    let case = Case::from_ron(CASE, "case").unwrap();
    let presented: Vec<_> = evaluate(&model, &case).documents;
    let mut spooler = Accepting;
    c.bench_function("print: Ctrl+P to the spooler, principal renewal", |b| {
        b.iter(|| {
            let evaluation = evaluate(black_box(&model), black_box(&case));
            let guidance =
                Guidance::build(&model, &case, &evaluation, VisitNumber::First, &presented);
            let pdf = render_pdf(&Sheet::from_guidance(
                &guidance,
                madoguchi::language::Languages::embedded().source(),
            ))
            .unwrap();
            print_pdf(
                &mut spooler,
                &PrinterChoice::SystemDefault,
                &guidance.title,
                &pdf,
            )
            .unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench_print
}
criterion_main!(benches);
