#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| madoguchi_sheet::fuzzing::language_file(data));
