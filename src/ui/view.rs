//! What the window shows of the citizen at the counter, computed when it changes.

use crate::counter::NotReady;
use crate::engine::Evaluation;
use crate::guidance::Guidance;
use crate::sheet::Sheet;

/// The evaluation, its guidance for staff, and the sheet in the chosen language, computed when
/// a command or the model changed something (not every frame).
pub struct View {
    pub evaluation: Result<Evaluation, NotReady>,
    pub guidance: Option<Guidance>,
    pub sheet: Option<Sheet>,
    /// The default file name of the sheet.
    pub file_name: String,
}

impl View {
    /// Nothing to show yet, and why.
    pub fn not_ready(reason: NotReady) -> View {
        View {
            evaluation: Err(reason),
            guidance: None,
            sheet: None,
            file_name: String::new(),
        }
    }
}
