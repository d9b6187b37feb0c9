//! Start-up: the first frame's text laid out while the window is being created.
//!
//! Most of the first frame's own time is egui rasterizing the few hundred glyphs of the form,
//! the checklist and the preview. eframe spends longer than that creating the window and its
//! GL context, on the main thread; meanwhile a thread of ours draws the same first frame of a
//! blank counter on the very context eframe is then given, so its glyph atlas and laid-out
//! text are ready when the window's first frame asks for them.
//!
//! The atlas is kept only when the guess of the window's set-up holds: the largest texture
//! side egui is told of ([`ATLAS_SIDE`]) and the scale (1.0). Otherwise egui starts a new
//! atlas, as it would have anyway: nothing is lost but the thread's work.

use super::app::CounterApp;
use super::counter_state::ReaderLine;
use super::model_source::ModelSource;
use chrono::NaiveDate;
use std::sync::{Arc, Mutex};

/// The largest texture side the window tells egui of, whatever more the GPU can hold
/// ([`CounterApp`]'s `raw_input_hook`): egui's glyph atlas is this wide.
///
/// Fixed, so that the warm-up's guess holds on every GPU that can hold it (every GPU made for
/// Direct3D 10 or later can); GPUs report 16384 or 32768 and egui would start its atlas anew
/// for each other value. 8192 is room for the glyphs of a whole day (the atlas grows
/// downwards), and a quarter of the memory of egui's own choice of 16384 × 32 at start.
pub const ATLAS_SIDE: usize = 8 * 1024;

use super::WINDOW_SIZE;

/// The warm-up, started when eframe is about to create the window.
///
/// Not earlier: the display connection is opened first, and libX11 then reads the locale's
/// Compose file a character at a time with `getc`, which glibc locks once a process has a
/// second thread. A thread started before it made that read ~8 ms slower, as much as the
/// warm-up saves (measured with perf under Xvfb).
pub struct WarmUp {
    started: Arc<Mutex<Option<std::thread::JoinHandle<ModelSource>>>>,
}

impl WarmUp {
    /// Arranges for `options`' window builder to start the warm-up of `ctx`: it loads the model
    /// with `source` and draws a blank counter's first frame.
    pub fn install(
        options: &mut eframe::NativeOptions,
        ctx: &egui::Context,
        source: impl FnOnce() -> ModelSource + Send + 'static,
        today: NaiveDate,
    ) -> WarmUp {
        let started = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&started);
        let ctx = ctx.clone();
        let earlier = options.window_builder.take();
        options.window_builder = Some(Box::new(move |builder| {
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = start(ctx, source, today);
            match earlier {
                Some(hook) => hook(builder),
                None => builder,
            }
        }));
        WarmUp { started }
    }

    /// Waits for the warm-up and gives the model back; `None` when it never started or
    /// failed (the window then starts as it would have without it).
    pub fn finish(self) -> Option<ModelSource> {
        let thread = self
            .started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        thread.join().ok()
    }
}

/// Loads the model and draws the first frame of a blank counter with it on `ctx`, on a thread
/// of its own that gives the model back (none when no thread could be started).
fn start(
    ctx: egui::Context,
    source: impl FnOnce() -> ModelSource + Send + 'static,
    today: NaiveDate,
) -> Option<std::thread::JoinHandle<ModelSource>> {
    std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(move || {
            yield_to_the_window();
            let mut app = CounterApp::new(source(), today);
            // No printer is looked up and no reader watched: the window's own app does that.
            app.counter.output = None;
            app.counter.reader_line = ReaderLine::Waiting;
            warm(&ctx, &mut app);
            app.counter.source
        })
        .ok()
}

/// What the window's first frame is expected to be given: its size, the scale 1.0 and
/// [`ATLAS_SIDE`].
pub fn window_input() -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::Vec2::from(WINDOW_SIZE),
        )),
        max_texture_side: Some(ATLAS_SIDE),
        ..Default::default()
    };
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(1.0);
    input
}

/// One frame of `app` on `ctx`, as the window's first will be: what it rasterized is handed
/// on to the window's first frame, and nothing else of it is kept.
pub fn warm(ctx: &egui::Context, app: &mut CounterApp) {
    super::install_fonts(ctx);
    let options = ctx.options(|o| o.clone());
    let mut output = ctx.run_ui(window_input(), |ui| app.show(ui));
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

/// The warm-up has the whole of the window's creation to finish in: it runs at a low
/// priority, so that the threads creating the window (and the display server) go first on
/// a busy machine (measured: 3 ms sooner on two cores with software OpenGL).
fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on this thread's own id changes only its nice value.
    unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, 19);
    }
    #[cfg(windows)]
    // SAFETY: GetCurrentThread is a pseudo-handle to this thread, valid for the call.
    unsafe {
        use windows_sys::Win32::System::Threading::{
            GetCurrentThread, SetThreadPriority, THREAD_PRIORITY_BELOW_NORMAL,
        };
        SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
    }
}
