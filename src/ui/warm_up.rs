//! Start-up: the first frame's text laid out while the window is being created.
//!
//! Most of the first frame's own time is egui rasterizing the few hundred glyphs of the form,
//! the checklist and the preview. eframe spends longer than that creating the window and its
//! GL context, on the main thread; meanwhile a thread of ours draws the same first frame of a
//! blank counter on the very context eframe is then given, so its glyph atlas and laid-out
//! text are ready when the window's first frame asks for them.
//!
//! The thread draws once eframe has told the context of the window (its size and scale),
//! which it does when the window, the GL display and the GL context exist, before the
//! surface, the painter (its shaders) and the app are made. So the frame is drawn for the
//! window as it is (at 125 % too), and not while the GL driver is being loaded: loading it
//! changes the protection of many pages (relocations), and each change has to flush the TLB
//! of every CPU where a thread of the process runs. In a VM that costs the main thread tens of
//! microseconds a change; drawn beside it, the warm-up made eframe's set-up ~4 ms slower
//! (measured under Xvfb on two vCPUs), drawn after it, ~1.5 ms.
//!
//! The atlas is egui's for every size and scale: drawn at the window's scale, the first frame
//! finds its glyphs there; at another scale (the window moved to another monitor before its
//! first frame), egui adds that scale's glyphs to it, as a cold window would have drawn them.
//! Nothing is lost but the thread's work.

use super::app::CounterApp;
use super::counter_state::ReaderLine;
use super::model_source::ModelSource;
use chrono::NaiveDate;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{ATLAS_SIDE, WINDOW_SIZE};

/// How often the warm-up looks whether eframe has told the context of the window.
const LOOK_AGAIN: Duration = Duration::from_micros(500);

/// The warm-up, started when eframe is about to create the window.
///
/// Not earlier: the display connection is opened first, and libX11 then reads the locale's
/// Compose file a character at a time with `getc`, which glibc locks once a process has a
/// second thread. A thread started before it made that read ~8 ms slower, as much as the
/// warm-up saves (measured with perf under Xvfb).
pub struct WarmUp {
    started: Arc<Mutex<Option<std::thread::JoinHandle<Option<Warmed>>>>>,
    /// [`WAITING`], [`APP_WANTED`] or [`ABANDONED`].
    state: Arc<AtomicU8>,
}

/// The window is being created: the warm-up waits until eframe tells the context of it.
const WAITING: u8 = 0;
/// The window's app is being made: a warm-up still waiting for the window only loads the
/// model.
const APP_WANTED: u8 = 1;
/// eframe gave up before making the app (no OpenGL, say): a warm-up still waiting stops, so
/// that nothing runs while the program says why and exits.
const ABANDONED: u8 = 2;

impl WarmUp {
    /// Arranges for `options`' window builder to start the warm-up of `ctx`: it loads the model
    /// with `source` and draws a blank counter's first frame once the window exists.
    pub fn install(
        options: &mut eframe::NativeOptions,
        ctx: &egui::Context,
        source: impl FnOnce() -> ModelSource + Send + 'static,
        today: NaiveDate,
    ) -> WarmUp {
        let started = Arc::new(Mutex::new(None));
        let state = Arc::new(AtomicU8::new(WAITING));
        let slot = Arc::clone(&started);
        let told = Arc::clone(&state);
        let ctx = ctx.clone();
        let earlier = options.window_builder.take();
        options.window_builder = Some(Box::new(move |builder| {
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = start(ctx, source, today, told);
            match earlier {
                Some(hook) => hook(builder),
                None => builder,
            }
        }));
        WarmUp { started, state }
    }

    /// Waits for the warm-up and gives the model back; `None` when it never started or
    /// failed (the window then starts as it would have without it).
    pub fn finish(self) -> Option<Warmed> {
        self.state.store(APP_WANTED, Ordering::Release);
        self.join()
    }

    fn join(&self) -> Option<Warmed> {
        let thread = self
            .started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        thread.join().ok().flatten()
    }
}

impl Drop for WarmUp {
    /// Without [`WarmUp::finish`] eframe gave up: the thread is stopped and waited for.
    fn drop(&mut self) {
        let _ =
            self.state
                .compare_exchange(WAITING, ABANDONED, Ordering::AcqRel, Ordering::Acquire);
        self.join();
    }
}

/// What the warm-up gives the window.
pub struct Warmed {
    pub source: ModelSource,
    /// The counter's fonts and style are on the context (a frame was drawn); when not, the
    /// window installs them itself.
    pub drew: bool,
}

/// On a thread of its own that gives the model back (none when no thread could be started):
/// waits for the window, loads the model and draws the first frame of a blank counter with
/// it on `ctx`; only loads the model when the app is wanted before the window is known.
fn start(
    ctx: egui::Context,
    source: impl FnOnce() -> ModelSource + Send + 'static,
    today: NaiveDate,
    state: Arc<AtomicU8>,
) -> Option<std::thread::JoinHandle<Option<Warmed>>> {
    std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(move || {
            let window = match the_window(&ctx, &state) {
                Next::Draw(window) => Some(window),
                Next::OnlyLoad => None,
                Next::Stop => return None,
            };
            let mut app = blank_counter(source(), today);
            // A panic in this frame leaves `ctx` in the middle of a pass; the window's own
            // first frame, the same code, would have panicked as well.
            if let Some(window) = &window {
                warm(&ctx, &mut app, window_input(window));
            }
            Some(Warmed {
                source: app.counter.source,
                drew: window.is_some(),
            })
        })
        .ok()
}

/// The counter the warm-up draws: blank, as the window opens on `today`, with the card reader
/// waited for. No printer is looked up and no reader watched: the window's own app does that.
pub fn blank_counter(source: ModelSource, today: NaiveDate) -> CounterApp {
    let mut app = CounterApp::new(source, today);
    app.counter.output = None;
    app.counter.reader_line = ReaderLine::Waiting;
    app
}

/// What the warm-up does once it stops waiting.
enum Next {
    /// Draw for the window eframe has told the context of (its size and scale).
    Draw(egui::ViewportInfo),
    /// The app is wanted before the window was told: only load the model.
    OnlyLoad,
    /// eframe gave up: nothing.
    Stop,
}

/// Waits until eframe tells `ctx` of the window, or the app is wanted, or eframe gives up.
fn the_window(ctx: &egui::Context, state: &AtomicU8) -> Next {
    loop {
        // The state first: eframe tells the context of the window before it makes the app, so
        // a window not told after the app is wanted will not be told before it.
        let now = state.load(Ordering::Acquire);
        if now == ABANDONED {
            return Next::Stop;
        }
        if let Some(window) = told_window(ctx) {
            return Next::Draw(window);
        }
        if now == APP_WANTED {
            return Next::OnlyLoad;
        }
        std::thread::sleep(LOOK_AGAIN);
    }
}

/// The window eframe has told `ctx` of: the root viewport, once its scale is known.
fn told_window(ctx: &egui::Context) -> Option<egui::ViewportInfo> {
    ctx.input(|input| {
        input
            .raw
            .viewports
            .get(&egui::ViewportId::ROOT)
            .filter(|root| root.native_pixels_per_point.is_some())
            .cloned()
    })
}

/// What the window's first frame is given: the window's size in points and its scale (from
/// what eframe said of `window`), and [`ATLAS_SIDE`].
pub fn window_input(window: &egui::ViewportInfo) -> egui::RawInput {
    let size = window
        .inner_rect
        .map_or(egui::Vec2::from(WINDOW_SIZE), |rect| rect.size());
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        max_texture_side: Some(ATLAS_SIDE),
        ..Default::default()
    };
    input
        .viewports
        .insert(egui::ViewportId::ROOT, window.clone());
    input
}

/// One frame of `app` on `ctx`, as the window's first will be: what it rasterized is handed
/// on to the window's first frame, and nothing else of it is kept.
pub fn warm(ctx: &egui::Context, app: &mut CounterApp, input: egui::RawInput) {
    super::install_fonts(ctx);
    let options = ctx.options(|o| o.clone());
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    // The glyphs are in the atlas; the window's first frame must still upload them.
    let textures = ctx.tex_manager();
    let mut textures = textures.write();
    output.textures_delta.free.clear();
    for (id, deltas) in output.textures_delta.set.drain() {
        for delta in deltas {
            textures.set(id, delta);
        }
    }
    drop(textures);
    // No widget state, focus or request of this frame carries over; the style does.
    ctx.memory_mut(|memory| *memory = Default::default());
    ctx.options_mut(|o| *o = options);
}
