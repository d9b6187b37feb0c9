#![no_main]

libfuzzer_sys::fuzz_target!(|visit: madoguchi::fuzzing::FuzzVisit| {
    madoguchi::fuzzing::render_pdf(&visit)
});
