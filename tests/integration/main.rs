//! The integration tests, linked into one test binary: each file is a module (one subject of
//! the program), `common` holds the helpers they share. One binary instead of sixteen keeps a
//! fresh build small and quick to link.

mod common;

mod bad_input;
mod card;
mod cli;
mod date_boundaries;
mod fuzz_corpus;
mod hand_edits;
mod languages;
mod model_files;
mod officer;
mod one_guidance;
mod other_city;
mod printing;
mod properties;
mod routes;
mod scanner;
mod sheet;
mod signing;
mod warm_up;
mod window;
