//! The city officer's tools: [`approval`] (whether a model carries the office's signature),
//! [`diagram`] (the model as a flowchart: SVG laid out with the
//! sheet's font metrics, DOT and Mermaid) and [`model_diff`] (what an edit of the rules
//! changes, in words for a reader of the page, and which cases answer differently). Text in,
//! text out: the files are read and written by the application.

pub mod approval;
pub mod diagram;
pub mod model_diff;
