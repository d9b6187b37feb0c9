//! A card reader in the test's hands, for the window's card path.

use super::date;
use egui_kittest::Harness;
use madoguchi::ui::CounterApp;
use std::time::Duration;

/// A reader in the test's hands: the events the test sends are what the window hears.
pub struct ScriptedReader(pub std::sync::mpsc::Receiver<madoguchi::card::reader::ReaderEvent>);

impl madoguchi::ui::CardWatch for ScriptedReader {
    fn watch(
        self: Box<Self>,
        tell: &mut dyn FnMut(madoguchi::card::reader::ReaderEvent),
        keep_going: &dyn Fn() -> bool,
    ) {
        while keep_going() {
            match self.0.recv_timeout(Duration::from_millis(20)) {
                Ok(event) => tell(event),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(_) => return,
            }
        }
    }
}

pub fn card(expiry: &str, user_auth: u8, signature: u8) -> madoguchi::card::reader::ReaderEvent {
    madoguchi::card::reader::ReaderEvent::Read(madoguchi::card::CardReading {
        reader: "Test Reader".into(),
        cert_expiry: Some(date(expiry)),
        pins: madoguchi::card::PinTries {
            user_auth,
            signature,
            card_info: 3,
        },
    })
}

/// Sends an event from the reader and lets the window take it (it arrives through the
/// reader's thread and wakes the window).
pub fn at_the_reader(
    harness: &mut Harness<'_, CounterApp>,
    reader: &std::sync::mpsc::Sender<madoguchi::card::reader::ReaderEvent>,
    event: madoguchi::card::reader::ReaderEvent,
) {
    use madoguchi::card::reader::ReaderEvent;
    use madoguchi::ui::ReaderLine;
    let expected = match &event {
        ReaderEvent::NoReader => ReaderLine::NoReader,
        ReaderEvent::Waiting | ReaderEvent::Removed => ReaderLine::Waiting,
        ReaderEvent::Reading => ReaderLine::Reading,
        ReaderEvent::Read(_) => ReaderLine::Read,
        ReaderEvent::Failed(e) => ReaderLine::Failed(e.to_string()),
    };
    // Each event is told once: a different line in between makes a repeat visible.
    harness.state_mut().counter.reader_line = ReaderLine::NotWatched;
    reader.send(event).unwrap();
    for _ in 0..250 {
        harness.run();
        if harness.state().counter.reader_line == expected {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the window never heard the reader");
}
