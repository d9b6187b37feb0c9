//! Printing the sheet: from the command line into a real CUPS queue (cups-pdf, set up by
//! scripts/setup.sh), and from the window through a spooler in memory — in four keys, with
//! every failure saying what to do.

use crate::common;

use common::{bin, settle};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use madoguchi::counter::DateField;
use madoguchi::engine::VisitNumber;
use madoguchi::model::DocumentId;
use madoguchi::model_file::ModelOrigin;
use madoguchi::printing::{PrintError, PrinterChoice, Spooler};
use madoguchi::ui::{CounterApp, ModelSource, Notice, SaveChoice, install_fonts};
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The cups-pdf queue scripts/setup.sh adds.
const QUEUE: &str = "madoguchi-pdf";

fn pdf_folder() -> PathBuf {
    PathBuf::from(std::env::var("HOME").expect("HOME is set")).join("PDF")
}

/// The PDFs cups-pdf wrote into `folder` since `since`. cups-pdf names a file by the job's
/// title and writes over a file of the same name, so a job of this run is found by when its
/// file was written, never by being a new name (a second run of the tests prints the same
/// title).
fn pdfs_written_since(folder: &std::path::Path, since: SystemTime) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .filter(|p| {
                    std::fs::metadata(p)
                        .and_then(|m| m.modified())
                        .is_ok_and(|written| written >= since)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn print_sends_one_a4_page_to_the_cups_pdf_queue() {
    let folder = pdf_folder();
    let sent = SystemTime::now();
    let output = Command::new(bin())
        .args([
            "print",
            "tests/cases/shared/proxy-pin-reset.ron",
            "--printer",
            QUEUE,
        ])
        .args(["--presented", "card,agent_photo_id"])
        .env_remove("MADOGUCHI_PROCEDURES")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{} (CUPS and the cups-pdf queues are set up by scripts/setup.sh)",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!("プリンター「{QUEUE}」に送りました（ジョブ ")),
        "{stdout}"
    );
    let started = Instant::now();
    let new = loop {
        if let [one] = pdfs_written_since(&folder, sent).as_slice() {
            // cups-pdf writes the file, then closes it: wait until it is whole.
            let size = std::fs::metadata(one).map(|m| m.len()).unwrap_or(0);
            std::thread::sleep(Duration::from_millis(500));
            if size > 0 && std::fs::metadata(one).map(|m| m.len()).unwrap_or(0) == size {
                break one.clone();
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no PDF written in {} within 60 s of the job",
            folder.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let info = Command::new("pdfinfo").arg(&new).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           1\n"), "{info}");
    assert!(info.contains("595 x 842 pts (A4)"), "{info}");
}

#[test]
fn with_queues_but_no_default_printer_print_says_so_and_names_them() {
    // scripts/setup.sh sets up two cups-pdf queues and no default, as IT sometimes leaves it.
    let output = Command::new(bin())
        .args(["print", "tests/cases/shared/ward-renewal.ron"])
        .env_remove("MADOGUCHI_PROCEDURES")
        .env_remove("MADOGUCHI_PRINTER")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("既定のプリンターが決まっていません"),
        "{stderr}"
    );
    assert!(
        stderr.contains(QUEUE) && stderr.contains("madoguchi-pdf-2"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("接続できません"),
        "CUPS is running: {stderr}"
    );
    assert!(
        stderr.is_char_boundary(0) && !stderr.contains("No such file"),
        "{stderr}"
    );
}

#[test]
fn with_queues_but_no_default_printer_the_window_saves_into_the_print_dir_and_says_why() {
    let queue = SharedQueue(Arc::new(Mutex::new(Queue {
        printers: vec!["counter-a".into(), "counter-b".into()],
        default: None,
        ..Queue::default()
    })));
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_path_buf();
    let mut harness = window(&queue, madoguchi::ui::save_into(folder));
    assert!(
        harness
            .query_by_label("プリンター: 既定なし（counter-a, counter-b）— PDF で保存")
            .is_some()
    );
    for key in [Key::F2, Key::F5, Key::Space] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    assert!(queue.0.lock().unwrap().jobs.is_empty());
    let saved: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(saved.len(), 1);
    let Some(Notice::Done(text)) = &harness.state().counter.notice else {
        panic!("{:?}", harness.state().counter.notice);
    };
    assert!(
        text.starts_with(
            "既定のプリンターが決まっていません（設定されているもの: counter-a, counter-b）"
        ) && text.contains("保存しました"),
        "{text}"
    );
}

#[test]
fn print_to_an_unknown_printer_exits_2_and_names_the_known_ones() {
    let output = Command::new(bin())
        .args([
            "print",
            "tests/cases/shared/ward-renewal.ron",
            "--printer",
            "no-such-printer",
        ])
        .env_remove("MADOGUCHI_PROCEDURES")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("プリンター「no-such-printer」が見つかりません") && stderr.contains(QUEUE),
        "{stderr}"
    );
}

#[test]
fn a_print_service_that_does_not_answer_is_said_so_by_name_or_by_default() {
    // libcups is loaded when the printer is looked up; CUPS_SERVER sends it nowhere.
    for printer in [None, Some(QUEUE)] {
        let mut command = Command::new(bin());
        command
            .args(["print", "tests/cases/shared/ward-renewal.ron"])
            .env("CUPS_SERVER", "/nonexistent/cups.sock")
            .env_remove("MADOGUCHI_PROCEDURES")
            .env_remove("MADOGUCHI_PRINTER");
        if let Some(name) = printer {
            command.args(["--printer", name]);
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{printer:?}: {stderr}");
        assert!(
            stderr.contains("印刷システムに接続できません"),
            "{printer:?}: {stderr}"
        );
    }
}

#[test]
fn the_printer_comes_from_the_environment_when_no_flag_names_one() {
    let output = Command::new(bin())
        .args(["print", "tests/cases/shared/ward-renewal.ron"])
        .env("MADOGUCHI_PRINTER", "printer-from-env")
        .env_remove("MADOGUCHI_PROCEDURES")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("printer-from-env"));
}

/// A print queue in memory: its printers, and the jobs it was handed (or a refusal).
#[derive(Default)]
struct Queue {
    printers: Vec<String>,
    default: Option<String>,
    jobs: Vec<(String, Vec<u8>)>,
    refuse: bool,
}

#[derive(Clone, Default)]
struct SharedQueue(Arc<Mutex<Queue>>);

impl Spooler for SharedQueue {
    fn printers(&self) -> Result<Vec<String>, PrintError> {
        Ok(self.0.lock().unwrap().printers.clone())
    }
    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        Ok(self.0.lock().unwrap().default.clone())
    }
    fn submit(&mut self, printer: &str, _title: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        let mut queue = self.0.lock().unwrap();
        if queue.refuse {
            return Err(PrintError::Refused {
                printer: printer.to_string(),
                detail: "not accepting jobs".into(),
            });
        }
        queue.jobs.push((printer.to_string(), pdf.to_vec()));
        Ok(100 + queue.jobs.len() as u64)
    }
}

fn counter_queue() -> SharedQueue {
    SharedQueue(Arc::new(Mutex::new(Queue {
        printers: vec!["counter-a4".into()],
        default: Some("counter-a4".into()),
        ..Queue::default()
    })))
}

fn window(
    queue: &SharedQueue,
    save: Box<dyn FnMut(&str) -> SaveChoice + Send>,
) -> Harness<'static, CounterApp> {
    window_printing_to(Box::new(queue.clone()), save)
}

/// The window on 2026-11-25 printing through `spooler` to its default printer, once the
/// printer has been looked up.
fn window_printing_to(
    spooler: Box<dyn Spooler + Send>,
    save: Box<dyn FnMut(&str) -> SaveChoice + Send>,
) -> Harness<'static, CounterApp> {
    window_of(counter_printing_to(spooler, save))
}

/// The counter on 2026-11-25 printing through `spooler` to its default printer.
fn counter_printing_to(
    spooler: Box<dyn Spooler + Send>,
    save: Box<dyn FnMut(&str) -> SaveChoice + Send>,
) -> CounterApp {
    CounterApp::new(
        ModelSource::load(ModelOrigin::Embedded),
        common::date("2026-11-25"),
    )
    .with_save_dialog(save, false)
    .with_printer(spooler, PrinterChoice::SystemDefault)
}

/// `app` in a window, once the printer has been looked up.
fn window_of(app: CounterApp) -> Harness<'static, CounterApp> {
    let mut harness = Harness::builder()
        .with_max_steps(common::SETTLE_STEPS)
        .with_size(Vec2::new(1366.0, 900.0))
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut CounterApp| app.show(ui), app);
    settle(&mut harness);
    harness
}

fn never_saves() -> Box<dyn FnMut(&str) -> SaveChoice + Send> {
    Box::new(|_| panic!("印刷 must not open the save dialog when a printer is set up"))
}

/// Sends one key press (with modifiers) and lets the window run; counts it.
fn press(harness: &mut Harness<'_, CounterApp>, keys: &mut usize, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
    *keys += 1;
}

/// The text of the PDF the queue received, as pdftotext reads it.
fn printed_text(queue: &SharedQueue) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("job.pdf");
    std::fs::write(&path, &queue.0.lock().unwrap().jobs.last().unwrap().1).unwrap();
    common::pdf_text(&path)
}

#[test]
fn after_next_citizen_from_a_date_field_four_keys_print_a_sheet_with_the_card_ticked() {
    let queue = counter_queue();
    let mut harness = window(&queue, never_saves());
    // The last citizen's visit date still has the focus when 次の方 is pressed.
    harness.get_by_label("来庁日").focus();
    harness.run();
    let mut keys = 0;
    press(&mut harness, &mut keys, Modifiers::COMMAND, Key::N);
    press(&mut harness, &mut keys, Modifiers::NONE, Key::F1);
    press(&mut harness, &mut keys, Modifiers::NONE, Key::F5);
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Space);
    press(&mut harness, &mut keys, Modifiers::COMMAND, Key::P);
    settle(&mut harness);
    assert_eq!(keys, 5, "次の方 and the four keys");
    let session = &harness.state().counter.session;
    assert_eq!(
        session.text(DateField::Visit),
        "2026-11-25",
        "no space typed"
    );
    assert!(session.is_ticked(VisitNumber::First, &DocumentId("card".into())));
    let jobs = queue.0.lock().unwrap().jobs.len();
    assert_eq!(jobs, 1);
    let text = printed_text(&queue);
    assert!(
        text.contains("確認した書類: 本人のマイナンバーカード"),
        "{text}"
    );
    // No date and no PIN answer yet: the sheet says it is not decided, not 受付.
    assert!(text.contains("まだ受付していません"), "{text}");
    assert!(!text.contains("書類不足のため受付せず"), "{text}");
    assert_eq!(
        harness.state().counter.notice,
        Some(Notice::Done(
            "プリンター「counter-a4」に送りました（ジョブ 101）".into()
        ))
    );
    assert!(
        harness
            .query_by_label("プリンター: counter-a4（既定）")
            .is_some()
    );
}

#[test]
fn the_sheet_language_goes_back_to_japanese_for_the_next_citizen() {
    let queue = counter_queue();
    let mut harness = window(&queue, never_saves());
    harness.key_press(Key::F9);
    harness.run();
    assert_eq!(harness.state().counter.sheet_language, "en");
    for key in [Key::F1, Key::F5, Key::Space] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    for key in [Key::F1, Key::F5, Key::Space] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    assert_eq!(queue.0.lock().unwrap().jobs.len(), 2);
    let text = printed_text(&queue);
    assert!(text.contains("のご案内"), "{text}");
    assert!(!text.contains("Electronic certificate"), "{text}");
}

#[test]
fn ctrl_p_prints_while_a_text_field_has_the_focus() {
    let queue = counter_queue();
    let mut harness = window(&queue, never_saves());
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("本人の生年月日").focus();
    harness.run();
    harness.get_by_label("本人の生年月日").type_text("S55.6.15");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    assert_eq!(queue.0.lock().unwrap().jobs.len(), 1);
    assert_eq!(
        harness
            .state()
            .counter
            .session
            .text(madoguchi::counter::DateField::Birth),
        "S55.6.15",
        "no stray p typed"
    );
}

#[test]
fn space_right_after_a_date_ticks_the_next_document_and_types_no_space() {
    let queue = counter_queue();
    let mut harness = window(&queue, never_saves());
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("カードの有効期限").focus();
    harness.run();
    harness
        .get_by_label("カードの有効期限")
        .type_text("20311210");
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    let session = &harness.state().counter.session;
    assert_eq!(session.text(DateField::CardExpiry), "20311210");
    assert!(session.is_ticked(VisitNumber::First, &DocumentId("card".into())));
    assert!(
        harness
            .query_by_label("＝ 2031年12月10日（令和13年12月10日）")
            .is_some(),
        "the date was read when Space left the field"
    );
}

#[test]
fn space_on_a_question_ticks_a_document_and_never_changes_the_answer() {
    let queue = counter_queue();
    let mut harness = window(&queue, never_saves());
    harness.key_press(Key::F1);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness
        .get_by_label("暗証番号にロックがかかっている")
        .focus();
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    let session = &harness.state().counter.session;
    assert_eq!(session.given_answer("pin_locked"), None, "still 未確認");
    assert!(session.is_ticked(VisitNumber::First, &DocumentId("card".into())));
}

#[test]
fn with_no_printer_print_falls_back_to_saving_and_says_why() {
    let queue = SharedQueue::default();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("sheet.pdf");
    let chosen = target.clone();
    let mut harness = window(&queue, Box::new(move |_| SaveChoice::Path(chosen.clone())));
    harness.key_press(Key::F1);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    assert!(
        harness
            .query_by_label("プリンター: なし（PDF で保存）")
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    assert!(target.exists());
    let Some(Notice::Done(text)) = &harness.state().counter.notice else {
        panic!("{:?}", harness.state().counter.notice);
    };
    assert!(
        text.starts_with("プリンターが設定されていません") && text.contains("保存しました"),
        "{text}"
    );
}

#[test]
fn with_no_save_dialog_the_notice_says_how_to_set_print_dir_and_never_cancel() {
    let queue = SharedQueue::default();
    let mut harness = window(
        &queue,
        Box::new(|_| SaveChoice::Unavailable("保存ダイアログが開きませんでした".into())),
    );
    harness.key_press(Key::F1);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label("保存（PDF）").click();
    harness.run();
    settle(&mut harness);
    let Some(Notice::Failed(text)) = &harness.state().counter.notice else {
        panic!("{:?}", harness.state().counter.notice);
    };
    assert!(text.contains("--print-dir"), "{text}");
    assert!(!text.contains("取り消"), "nobody cancelled: {text}");
}

#[test]
fn a_refused_job_shows_the_printer_and_keeps_the_sheet_for_another_try() {
    let queue = counter_queue();
    queue.0.lock().unwrap().refuse = true;
    let mut harness = window(&queue, never_saves());
    harness.key_press(Key::F1);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("プリンター「counter-a4」が印刷を受け付けませんでした")
            .next()
            .is_some()
    );
    queue.0.lock().unwrap().refuse = false;
    harness.get_by_label("もう一度印刷").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(queue.0.lock().unwrap().jobs.len(), 1);
    assert!(harness.query_by_label("もう一度印刷").is_none());
}

#[test]
fn the_save_button_writes_the_pdf_where_the_dialog_says() {
    let queue = counter_queue();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("案内.pdf");
    let chosen = target.clone();
    let mut harness = window(&queue, Box::new(move |_| SaveChoice::Path(chosen.clone())));
    harness.key_press(Key::F2);
    harness.run();
    harness.key_press(Key::F8);
    harness.run();
    harness.get_by_label("保存（PDF）").click();
    harness.run();
    settle(&mut harness);
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    assert!(
        queue.0.lock().unwrap().jobs.is_empty(),
        "saving prints nothing"
    );
}

/// A print service that takes its time: each job waits until the test lets it go (30 s at
/// most, as a slow CUPS or a sleeping network printer would).
struct SlowSpooler(Arc<Mutex<std::sync::mpsc::Receiver<()>>>);

impl Spooler for SlowSpooler {
    fn printers(&self) -> Result<Vec<String>, PrintError> {
        Ok(vec!["slow".into()])
    }
    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        Ok(Some("slow".into()))
    }
    fn submit(&mut self, _: &str, _: &str, _: &[u8]) -> Result<u64, PrintError> {
        let _ = self.0.lock().unwrap().recv_timeout(Duration::from_secs(30));
        Ok(7)
    }
}

#[test]
fn a_print_service_that_takes_30_seconds_leaves_the_window_responsive() {
    let (release, held) = std::sync::mpsc::channel();
    let mut harness = window_printing_to(
        Box::new(SlowSpooler(Arc::new(Mutex::new(held)))),
        never_saves(),
    );
    for key in [Key::F1, Key::F5, Key::Space] {
        harness.key_press(key);
        harness.run();
    }
    let started = Instant::now();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    assert_eq!(
        harness.state().counter.notice,
        Some(Notice::Working("印刷中…".into()))
    );
    // The window goes on: a key acts at once while the job waits.
    harness.key_press(Key::F2);
    harness.run();
    assert!(
        harness
            .state()
            .counter
            .session
            .requests(madoguchi::model::ProcedureKind::PinReset)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    let Some(Notice::Refused(why)) = &harness.state().counter.notice else {
        panic!("{:?}", harness.state().counter.notice);
    };
    assert!(
        why.contains("前の印刷・保存がまだ終わっていません"),
        "{why}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the window waited"
    );
    release.send(()).unwrap();
    settle(&mut harness);
    assert_eq!(
        harness.state().counter.notice,
        Some(Notice::Done(
            "プリンター「slow」に送りました（ジョブ 7）".into()
        ))
    );
}

#[test]
fn with_the_card_on_the_reader_the_common_renewal_prints_accepted_with_no_date_typed() {
    use common::card_reader::{ScriptedReader, at_the_reader, card};
    let queue = counter_queue();
    let (reader, heard) = std::sync::mpsc::channel();
    let app = counter_printing_to(Box::new(queue.clone()), never_saves())
        .with_card_watch(Box::new(ScriptedReader(heard)));
    let mut harness = window_of(app);
    let mut keys = 0;
    press(&mut harness, &mut keys, Modifiers::NONE, Key::F1);
    press(&mut harness, &mut keys, Modifiers::NONE, Key::F5);
    // The card: its certificate runs to 2027-02-10 (inside the window), no PIN locked.
    at_the_reader(&mut harness, &reader, card("2027-02-10", 3, 5));
    harness.run();
    // The cursor is on 「カード表面の有効期限は … より後」: staff look at the card, Enter.
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Enter);
    assert!(harness.state().counter.session.card_outlives_cert());
    // Then 「本人が暗証番号（4種類）を確実に覚えている」: Tab, Tab, Enter says はい.
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Tab);
    // (「氏名・住所変更で…失効している」 comes first and stays いいえ.)
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Tab);
    assert!(
        harness
            .get_by_label("本人が暗証番号（4種類）を確実に覚えている")
            .is_focused()
    );
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().counter.session.given_answer("pins_known"),
        Some(true)
    );
    press(&mut harness, &mut keys, Modifiers::NONE, Key::Space);
    assert!(harness.query_by_label("受付可").is_some());
    press(&mut harness, &mut keys, Modifiers::COMMAND, Key::P);
    settle(&mut harness);
    assert_eq!(keys, 8, "F1 F5 Enter Tab Tab Enter Space Ctrl+P: no digit");
    let session = &harness.state().counter.session;
    for field in [DateField::Birth, DateField::CardExpiry] {
        assert_eq!(session.text(field), "", "nothing typed into {field:?}");
    }
    assert_eq!(queue.0.lock().unwrap().jobs.len(), 1);
    let text = printed_text(&queue);
    assert!(
        text.contains("必要な書類をすべて確認しました。本日手続きできます。"),
        "{text}"
    );
    assert!(!text.contains("まだ受付していません"), "{text}");
    assert!(!text.contains("カードの有効期限が未入力です"), "{text}");
}
