#![no_main]

libfuzzer_sys::fuzz_target!(|visit: madoguchi::fuzzing::FuzzVisit| {
    madoguchi::fuzzing::evaluate_and_lay_out(&visit)
});
