#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| madoguchi_sheet::fuzzing::date_parser(data));
