#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| madoguchi_officer::approval::fuzz_signature_files(data));
