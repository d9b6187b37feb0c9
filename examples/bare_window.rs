//! A bare eframe window with the same font and options as madoguchi, used only to compare
//! start-up times (scripts/startup.sh). It shows one label, reports its first frame and closes.
//! Like madoguchi's, it tells egui of textures no wider than `ATLAS_SIDE` (a narrower atlas).

struct Bare {
    reported: bool,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("窓口");
        });
        if !std::mem::replace(&mut self.reported, true) {
            madoguchi::ui::report_first_frame(ui.ctx());
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        madoguchi::ui::cap_texture_side(raw_input);
    }
}

fn main() -> eframe::Result {
    eframe::run_native(
        "bare",
        madoguchi::ui::native_options(madoguchi::ui::window_title(
            &madoguchi::model::ProcedureModel::embedded().expect("the embedded model is valid"),
        )),
        Box::new(|cc| {
            madoguchi::ui::install_fonts(&cc.egui_ctx);
            Ok(Box::new(Bare { reported: false }))
        }),
    )
}
