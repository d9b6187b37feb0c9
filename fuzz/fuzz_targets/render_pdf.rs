#![no_main]

libfuzzer_sys::fuzz_target!(|visit: madoguchi_sheet::fuzzing::FuzzVisit| {
    madoguchi_sheet::fuzzing::render_pdf(&visit)
});
