//! The card reader: one whole read (select, certificate, three PIN counters) against the
//! emulated card of `tests/card/` (a private pcscd and a vpcd reader: run scripts/setup.sh
//! first), and one full-window frame while a read is in flight on the reader's thread.

#[path = "common/window_frame.rs"]
mod window_frame;

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::card::reader::{self, ReaderEvent};
use madoguchi::model_file::ModelOrigin;
use madoguchi::ui::{CardWatch, CounterApp, ModelSource, install_fonts};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// The private pcscd of tests/card/session.py --serve, and a card on its reader.
struct EmulatedReader {
    session: Child,
    card: Child,
}

impl EmulatedReader {
    fn start(dir: &Path) -> EmulatedReader {
        let session = Command::new("/usr/bin/python3")
            .args(["tests/card/session.py", "--serve"])
            .arg(dir)
            .spawn()
            .expect("python3 and the card emulator: run scripts/setup.sh");
        let env = dir.join("env");
        let started = Instant::now();
        while !env.exists() {
            assert!(started.elapsed() < Duration::from_secs(20), "no reader");
            std::thread::sleep(Duration::from_millis(50));
        }
        let text = std::fs::read_to_string(&env).unwrap();
        let value = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap()
                .to_string()
        };
        // SAFETY: set before any thread of this process uses PC/SC.
        unsafe { std::env::set_var("PCSCLITE_CSOCK_NAME", value("PCSCLITE_CSOCK_NAME")) };
        let card = Command::new("/usr/bin/python3")
            .arg(value("JPKI_CARD"))
            .args(["--port", &value("VPCD_PORT"), "--cert", &value("CERT")])
            .spawn()
            .unwrap();
        // Wait until the card answers.
        let started = Instant::now();
        while reader::read_card(None, Duration::from_millis(200)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "no card");
        }
        EmulatedReader { session, card }
    }
}

impl Drop for EmulatedReader {
    fn drop(&mut self) {
        let _ = self.card.kill();
        let _ = self.session.kill();
        let _ = self.card.wait();
        let _ = self.session.wait();
    }
}

/// A reader whose read never ends while the benchmark runs: "読み取り中…".
struct ReadInFlight;

impl CardWatch for ReadInFlight {
    fn watch(self: Box<Self>, tell: &mut dyn FnMut(ReaderEvent), keep_going: &dyn Fn() -> bool) {
        tell(ReaderEvent::Reading);
        while keep_going() {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn bench_card(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let emulated = EmulatedReader::start(dir.path());
    c.bench_function("card: one read against the emulated card", |b| {
        b.iter(|| reader::read_card(None, Duration::ZERO).unwrap())
    });
    drop(emulated);

    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut app = CounterApp::new(ModelSource::load(ModelOrigin::Embedded), today)
        .with_card_watch(Box::new(ReadInFlight));
    window_frame::bench_window_frame(
        c,
        "frame: full window while a card read is in flight",
        &ctx,
        &mut app,
    );
}

criterion_group!(benches, bench_card);
criterion_main!(benches);
