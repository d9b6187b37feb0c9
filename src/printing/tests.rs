use super::*;

/// A spooler in memory: its printers, its default, the jobs it took.
struct Fake {
    printers: Vec<String>,
    default: Option<String>,
    jobs: Vec<(String, usize)>,
}

impl Spooler for Fake {
    fn printers(&self) -> Result<Vec<String>, PrintError> {
        Ok(self.printers.clone())
    }
    fn default_printer(&self) -> Result<Option<String>, PrintError> {
        Ok(self.default.clone())
    }
    fn submit(&mut self, printer: &str, _: &str, pdf: &[u8]) -> Result<u64, PrintError> {
        self.jobs.push((printer.to_string(), pdf.len()));
        Ok(self.jobs.len() as u64)
    }
}

fn fake() -> Fake {
    Fake {
        printers: vec!["counter-1".into(), "counter-2".into()],
        default: Some("counter-1".into()),
        jobs: Vec::new(),
    }
}

#[test]
fn the_flag_wins_over_the_environment_and_blank_means_the_default() {
    assert_eq!(
        PrinterChoice::choose(Some("a"), Some("b")),
        PrinterChoice::Named("a".into())
    );
    assert_eq!(
        PrinterChoice::choose(None, Some(" b ")),
        PrinterChoice::Named("b".into())
    );
    assert_eq!(
        PrinterChoice::choose(None, Some("")),
        PrinterChoice::SystemDefault
    );
}

#[test]
fn a_named_printer_is_used_and_an_unknown_one_lists_the_known() {
    let mut spooler = fake();
    let job = print_pdf(
        &mut spooler,
        &PrinterChoice::Named("counter-2".into()),
        "t",
        b"%PDF",
    )
    .unwrap();
    assert_eq!(
        job,
        PrintedJob {
            printer: "counter-2".into(),
            job: 1
        }
    );
    let err = print_pdf(
        &mut spooler,
        &PrinterChoice::Named("x".into()),
        "t",
        b"%PDF",
    )
    .unwrap_err();
    assert!(err.to_string().contains("counter-1, counter-2"), "{err}");
    assert!(!err.no_printer());
}

#[test]
fn without_a_default_printer_the_error_says_so() {
    let mut spooler = Fake {
        printers: Vec::new(),
        default: None,
        jobs: Vec::new(),
    };
    let err = print_pdf(&mut spooler, &PrinterChoice::SystemDefault, "t", b"%PDF").unwrap_err();
    assert_eq!(err, PrintError::NoPrinter);
    assert!(err.no_printer());
    assert!(spooler.jobs.is_empty());
}

#[test]
fn printers_without_a_default_are_named_and_saving_is_the_way_out() {
    let mut spooler = Fake {
        printers: vec!["counter-1".into(), "counter-2".into()],
        default: None,
        jobs: Vec::new(),
    };
    let err = print_pdf(&mut spooler, &PrinterChoice::SystemDefault, "t", b"%PDF").unwrap_err();
    assert_eq!(
        err,
        PrintError::NoDefault {
            known: "counter-1, counter-2".into()
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("既定のプリンターが決まっていません"),
        "{message}"
    );
    assert!(message.contains("--printer") && message.contains("MADOGUCHI_PRINTER"));
    assert!(err.no_printer());
    assert!(spooler.jobs.is_empty());
}

#[test]
fn the_print_service_down_is_said_in_japanese_only() {
    let err = PrintError::SpoolerDown {
        detail: "No such file or directory".into(),
    };
    assert!(!err.to_string().contains("No such file"), "{err}");
    assert!(err.to_string().contains("印刷サービス"));
}

#[test]
fn the_temporary_pdf_is_private_and_removed() {
    let file = PrivateTempFile::new(b"%PDF-1.7").unwrap();
    let path = file.path.clone();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    drop(file);
    assert!(!path.exists());
}
