//! The card reader beside the window: watched on a thread of its own, never on the window's.
//! What happens at the reader comes to the window through a channel, and wakes it.

use crate::card::reader::{self, ReaderEvent};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Something that watches a reader and tells what happens there, until told to stop: the
/// PC/SC reader in the program ([`PcscWatch`]), a script of events in the tests.
pub trait CardWatch: Send {
    fn watch(self: Box<Self>, tell: &mut dyn FnMut(ReaderEvent), keep_going: &dyn Fn() -> bool);
}

/// The counter's PC/SC reader (the one named, or any).
pub struct PcscWatch {
    pub reader: Option<String>,
}

impl CardWatch for PcscWatch {
    fn watch(self: Box<Self>, tell: &mut dyn FnMut(ReaderEvent), keep_going: &dyn Fn() -> bool) {
        reader::watch(self.reader.as_deref(), tell, keep_going);
    }
}

/// The window's end of a watched reader. Dropping it stops the watch.
pub struct CardFeed {
    events: Receiver<ReaderEvent>,
    running: Arc<AtomicBool>,
}

impl CardFeed {
    /// Starts `watch` on its own thread; each event wakes the window.
    pub fn start(watch: Box<dyn CardWatch>, ctx: &egui::Context) -> CardFeed {
        let (sender, events): (Sender<ReaderEvent>, _) = channel();
        let running = Arc::new(AtomicBool::new(true));
        let still = Arc::clone(&running);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("card-reader".into())
            .spawn(move || {
                let mut tell = |event: ReaderEvent| {
                    if sender.send(event).is_ok() {
                        ctx.request_repaint();
                    }
                };
                watch.watch(&mut tell, &|| still.load(Ordering::Acquire));
            });
        if spawned.is_err() {
            running.store(false, Ordering::Release);
        }
        CardFeed { events, running }
    }

    /// What happened since the last frame.
    pub fn drain(&self) -> Vec<ReaderEvent> {
        self.events.try_iter().collect()
    }
}

impl Drop for CardFeed {
    fn drop(&mut self) {
        self.running.store(false, Ordering::Release);
    }
}
