//! The reader over PC/SC: read the card once ([`read_card`]), or watch the reader and say
//! what happens on it ([`watch`], for the window's worker thread).

use crate::jpki::{self, Transmit};
use crate::{CardError, CardReading};
use pcsc::{Context, Disposition, Protocols, ReaderState, Scope, ShareMode, State};
use std::ffi::{CStr, CString};
use std::time::{Duration, Instant};

/// A PC/SC error as the counter says it.
fn said(error: pcsc::Error) -> CardError {
    use pcsc::Error as E;
    match error {
        E::NoService | E::ServiceStopped => CardError::NoService,
        E::NoReadersAvailable | E::ReaderUnavailable => CardError::NoReader,
        E::NoSmartcard => CardError::NoCard,
        E::RemovedCard | E::ResetCard | E::NotTransacted | E::CommError | E::UnpoweredCard => {
            CardError::Removed
        }
        other => CardError::Reader(other.to_string()),
    }
}

/// A transaction on a card, as the JPKI commands need it.
struct Connected<'tx>(pcsc::Transaction<'tx>);

impl Transmit for Connected<'_> {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, CardError> {
        let mut buffer = [0u8; pcsc::MAX_BUFFER_SIZE];
        match self.0.transmit(apdu, &mut buffer) {
            Ok(response) => Ok(response.to_vec()),
            // The card left the field mid-read, whatever the reader calls it.
            Err(_) => Err(CardError::Removed),
        }
    }
}

/// The readers PC/SC knows, by name.
fn reader_names(context: &Context) -> Result<Vec<CString>, CardError> {
    let names = context.list_readers_owned().map_err(said)?;
    if names.is_empty() {
        return Err(CardError::NoReader);
    }
    Ok(names)
}

fn lossy(name: &CStr) -> String {
    name.to_string_lossy().into_owned()
}

/// The readers to look at: the one named, or all.
fn chosen(context: &Context, wanted: Option<&str>) -> Result<Vec<CString>, CardError> {
    let names = reader_names(context)?;
    let Some(wanted) = wanted else {
        return Ok(names);
    };
    match names.iter().find(|n| lossy(n) == wanted) {
        Some(name) => Ok(vec![name.clone()]),
        None => Err(CardError::UnknownReader(
            wanted.to_string(),
            names
                .iter()
                .map(|n| lossy(n))
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// The first of `names` with a card on it, waiting up to `wait` for one.
fn reader_with_card(
    context: &Context,
    names: &[CString],
    wait: Duration,
) -> Result<CString, CardError> {
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    let deadline = Instant::now() + wait;
    loop {
        match context.get_status_change(
            deadline.saturating_duration_since(Instant::now()),
            &mut states,
        ) {
            Ok(()) => {}
            Err(pcsc::Error::Timeout) => return Err(CardError::NoCard),
            Err(error) => return Err(said(error)),
        }
        if let Some(state) = states
            .iter()
            .find(|s| s.event_state().contains(State::PRESENT))
        {
            return Ok(state.name().to_owned());
        }
        if Instant::now() >= deadline {
            return Err(CardError::NoCard);
        }
        for state in &mut states {
            state.sync_current_state();
        }
    }
}

/// Reads the card on one reader, in one transaction.
fn read_on(context: &Context, name: &CStr) -> Result<CardReading, CardError> {
    let mut card = context
        .connect(name, ShareMode::Shared, Protocols::ANY)
        .map_err(|e| match said(e) {
            CardError::Removed => CardError::NoCard,
            other => other,
        })?;
    let transaction = card.transaction().map_err(said)?;
    let mut connected = Connected(transaction);
    let read = jpki::read(&mut connected);
    let _ = connected.0.end(Disposition::LeaveCard);
    let (cert_expiry, pins) = read?;
    Ok(CardReading {
        reader: lossy(name),
        cert_expiry,
        pins,
    })
}

/// Reads the card on `reader` (or on the first reader with a card), waiting up to `wait` for
/// one to be put down.
pub fn read_card(reader: Option<&str>, wait: Duration) -> Result<CardReading, CardError> {
    let context = Context::establish(Scope::User).map_err(said)?;
    let names = chosen(&context, reader)?;
    let name = reader_with_card(&context, &names, wait)?;
    read_on(&context, &name)
}

/// What happens at the reader, as the window says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderEvent {
    /// No reader (or no PC/SC service: Windows stops it when no reader is attached).
    NoReader,
    /// A reader, no card on it.
    Waiting,
    /// A card was put down: reading.
    Reading,
    Read(CardReading),
    Failed(CardError),
    /// The card was taken away.
    Removed,
}

/// How often the reader is looked at again when nothing tells us it changed.
const POLL: Duration = Duration::from_millis(500);

/// Watches the reader until `keep_going` says stop, telling `tell` what happens: a card put
/// down is read once; taken away, the next one is read afresh. Without a reader or a service
/// it says so and looks again every second (a reader may be plugged in later).
pub fn watch(
    reader: Option<&str>,
    mut tell: impl FnMut(ReaderEvent),
    keep_going: impl Fn() -> bool,
) {
    let mut last: Option<ReaderEvent> = None;
    let mut say = |event: ReaderEvent| {
        if last.as_ref() != Some(&event) {
            last = Some(event.clone());
            tell(event);
        }
    };
    while keep_going() {
        match watch_once(reader, &mut say, &keep_going) {
            Ok(()) => return,
            Err(_) => {
                say(ReaderEvent::NoReader);
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
}

/// One watch with one PC/SC context, until the reader or the service goes away (an error).
fn watch_once(
    reader: Option<&str>,
    say: &mut impl FnMut(ReaderEvent),
    keep_going: &impl Fn() -> bool,
) -> Result<(), CardError> {
    let context = Context::establish(Scope::User).map_err(said)?;
    let names = chosen(&context, reader)?;
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    let mut card_on: Option<CString> = None;
    while keep_going() {
        match context.get_status_change(POLL, &mut states) {
            Ok(()) | Err(pcsc::Error::Timeout) => {}
            Err(error) => return Err(said(error)),
        }
        if states.iter().any(|s| {
            s.event_state()
                .intersects(State::UNKNOWN | State::UNAVAILABLE)
        }) {
            return Err(CardError::NoReader);
        }
        let present = states
            .iter()
            .find(|s| s.event_state().contains(State::PRESENT))
            .map(|s| s.name().to_owned());
        match (&card_on, present) {
            (None, Some(name)) => {
                say(ReaderEvent::Reading);
                match read_on(&context, &name) {
                    Ok(reading) => say(ReaderEvent::Read(reading)),
                    Err(error) => say(ReaderEvent::Failed(error)),
                }
                card_on = Some(name);
            }
            (Some(_), None) => {
                say(ReaderEvent::Removed);
                say(ReaderEvent::Waiting);
                card_on = None;
            }
            (None, None) => say(ReaderEvent::Waiting),
            (Some(_), Some(_)) => {}
        }
        for state in &mut states {
            state.sync_current_state();
        }
    }
    Ok(())
}
