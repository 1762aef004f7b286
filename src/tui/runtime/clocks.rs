//! The clocks of the event loop: the séance's timers, when typed text is written, and
//! when failed writes are tried again.

use super::super::app::{App, Screen};
use super::super::update::Effect;
use std::time::{Duration, Instant};

/// How long typing must pause before typed text is written.
const TYPING_PAUSE: Duration = Duration::from_millis(600);
/// The longest typed text waits to be written while typing goes on without a pause.
const TYPING_MAX_WAIT: Duration = Duration::from_millis(900);
/// How often the time counted by the séance's timers is written when nothing else is.
const TIMER_SAVE_EVERY: Duration = Duration::from_secs(10);

/// The clocks of the event loop: when the timers last counted, when a key came.
pub(super) struct Clocks {
    /// The instant up to which time was counted on the séance's current item.
    pub counted: Option<Instant>,
    pub last_key: Instant,
    /// Since when the séance holds typed text not written yet.
    pub typed_since: Option<Instant>,
    pub last_timer_save: Instant,
}

impl Clocks {
    /// How long to wait for an event: until the next whole second while the séance of a
    /// held meeting is shown, until typed text is due to be written, else forever (`None`).
    pub fn timeout(&mut self, app: &App, now: Instant) -> Option<Duration> {
        // The help or an export menu over the séance does not stop the clock.
        let ticking = app.screen == Screen::Seance
            && app
                .seance_meeting()
                .zip(app.seance.as_ref())
                .is_some_and(|(m, s)| s.ticking(m));
        let mut wait: Option<Duration> = None;
        if ticking {
            let counted = *self.counted.get_or_insert(now);
            let next = counted + Duration::from_secs(1);
            wait = Some(next.saturating_duration_since(now));
        } else {
            self.counted = None;
        }
        if let Some(st) = app.seance.as_ref().filter(|st| st.typed) {
            let since = *self.typed_since.get_or_insert(now);
            let paused = self.last_key + TYPING_PAUSE;
            // A refused save asks its question only once typing pauses (no max wait).
            let due = if st.conflict.is_some() {
                paused
            } else {
                paused.min(since + TYPING_MAX_WAIT)
            }
            .saturating_duration_since(now);
            wait = Some(wait.map_or(due, |w| w.min(due)));
        } else {
            self.typed_since = None;
        }
        wait
    }

    /// Counts the whole seconds elapsed on the séance and writes what is due.
    pub fn after(&mut self, app: &mut App, now: Instant) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(counted) = self.counted {
            let seconds = now.saturating_duration_since(counted).as_secs();
            if seconds > 0 {
                self.counted = Some(counted + Duration::from_secs(seconds));
                super::super::update::seance_tick(app, seconds);
            }
        }
        if let Some(st) = app.seance.as_mut() {
            let tz = app.data.department.time_zone();
            st.clock = Some(chrono::Utc::now().with_timezone(&tz).time());
            if st.typed && self.typed_since.is_none() {
                self.typed_since = Some(now);
            }
            // Written when typing pauses, and at the latest `TYPING_MAX_WAIT` after the
            // first key not yet written, even while typing goes on.
            // A refused save (`conflict`) waits for a pause: its question never comes up in
            // the middle of typing.
            let typed_due = st.typed
                && (now.saturating_duration_since(self.last_key) >= TYPING_PAUSE
                    || (st.conflict.is_none()
                        && self.typed_since.is_some_and(|since| {
                            now.saturating_duration_since(since) >= TYPING_MAX_WAIT
                        })));
            let timer_due =
                st.timed && now.saturating_duration_since(self.last_timer_save) >= TIMER_SAVE_EVERY;
            if typed_due || (timer_due && !st.typed) {
                self.last_timer_save = now;
                self.typed_since = None;
                effects = super::super::update::seance_flush(app);
            }
        }
        effects
    }
}

/// The first wait before a failed write is tried again; it doubles up to [`RETRY_MAX`].
pub const RETRY_FIRST: Duration = Duration::from_secs(1);
/// The longest wait between two tries of a failed write.
pub const RETRY_MAX: Duration = Duration::from_secs(30);

/// When the writes that failed are tried again: after 1 s, then 2, 4… up to 30 s between
/// tries, as long as one fails; back to 1 s once all are written.
#[derive(Debug)]
pub(super) struct Retry {
    pub at: Option<Instant>,
    pub backoff: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            at: None,
            backoff: RETRY_FIRST,
        }
    }
}

impl Retry {
    /// After the answers of the writes: armed while a write waits to be tried again.
    pub fn arm(&mut self, app: &App, now: Instant) {
        if app.unsaved.to_retry().is_empty() {
            *self = Retry::default();
        } else if self.at.is_none() {
            self.at = Some(now + self.backoff);
        }
    }

    /// How long until the next try (`None`: nothing to try).
    pub fn timeout(&self, now: Instant) -> Option<Duration> {
        self.at.map(|at| at.saturating_duration_since(now))
    }

    /// Whether the tries are due now (nothing else being written): the next wait doubles.
    pub fn due(&mut self, now: Instant, writing: bool) -> bool {
        if writing || self.at.is_none_or(|at| now < at) {
            return false;
        }
        self.at = None;
        self.backoff = (self.backoff * 2).min(RETRY_MAX);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::{body, day, meeting, paris};
    use crate::domain::{Item, MeetingStatus};
    use crate::i18n::Lang;
    use crate::workspace::LockOutcome;

    fn app(status: MeetingStatus) -> App {
        let mut m = meeting("2026-11-30-cpraf", "cpraf", "2026-11-30", status);
        m.items = vec![Item::topic("Ouverture", Some(5))];
        let mut data = paris(vec![body("cpraf", 28, &[])]);
        data.department.code = "49".into();
        data.department.name = "Maine-et-Loire".into();
        data.meetings = vec![m];
        App::new(data, Vec::new(), Lang::Fr, day("2026-11-30"))
    }

    fn clocks(now: Instant) -> Clocks {
        Clocks {
            counted: None,
            last_key: now,
            typed_since: None,
            last_timer_save: now,
        }
    }

    fn open(app: &mut App) {
        let mut effects = crate::tui::update::open_seance(app, "2026-11-30-cpraf");
        if effects.is_empty() {
            // A held meeting opens to be read: resumed deliberately.
            effects = crate::tui::update::resume_seance(app);
        }
        assert!(effects.contains(&Effect::LockMeeting("2026-11-30-cpraf".into())));
        let _ = crate::tui::update::seance_locked(app, Ok(LockOutcome::Acquired));
    }

    #[test]
    fn the_loop_blocks_unless_a_held_seance_is_shown() {
        let now = Instant::now();
        let mut app = app(MeetingStatus::Held);
        let mut c = clocks(now);
        assert_eq!(c.timeout(&app, now), None, "dashboard: blocking read");
        open(&mut app);
        // Past the roll call (its time is counted apart): on the first item.
        let meeting = app.seance_meeting().unwrap().clone();
        assert!(app.seance.as_mut().unwrap().live.next_item(&meeting));
        let wait = c.timeout(&app, now).expect("a held séance wakes up");
        assert!(wait <= Duration::from_secs(1));
        // Two and a half seconds later: two whole seconds counted, the rest kept.
        let effects = c.after(&mut app, now + Duration::from_millis(2500));
        assert!(
            effects.is_empty(),
            "time alone is written every few seconds"
        );
        let spent = |app: &App| app.seance_meeting().unwrap().items[0].spent_seconds;
        assert_eq!(spent(&app), Some(2));
        assert_eq!(
            c.timeout(&app, now + Duration::from_millis(2500)),
            Some(Duration::from_millis(500))
        );
        // Written once the interval has passed.
        let effects = c.after(
            &mut app,
            now + TIMER_SAVE_EVERY + Duration::from_millis(100),
        );
        assert!(
            matches!(&effects[..], [Effect::SaveMeeting(m)] if m.items[0].spent_seconds.is_some())
        );
        // Another screen: blocking again.
        app.screen = Screen::Meetings;
        assert_eq!(c.timeout(&app, now), None);
    }

    #[test]
    fn a_convened_or_closed_meeting_does_not_tick() {
        for status in [MeetingStatus::Convened, MeetingStatus::Closed] {
            let now = Instant::now();
            let mut app = app(status);
            let _ = crate::tui::update::open_seance(&mut app, "2026-11-30-cpraf");
            let _ = crate::tui::update::seance_locked(&mut app, Ok(LockOutcome::Acquired));
            assert_eq!(clocks(now).timeout(&app, now), None, "{status:?}");
        }
    }

    #[test]
    fn typed_text_is_written_after_a_pause_or_at_the_latest_after_the_max_wait() {
        let t0 = Instant::now();
        let mut app = app(MeetingStatus::Convened);
        open(&mut app);
        let mut c = clocks(t0);
        // A pause: written 0.6 s after the last key.
        app.seance.as_mut().unwrap().typed = true;
        c.last_key = t0;
        assert!(c.after(&mut app, t0).is_empty());
        assert!(c.timeout(&app, t0).is_some_and(|w| w <= TYPING_PAUSE));
        assert!(
            c.after(&mut app, t0 + Duration::from_millis(300))
                .is_empty()
        );
        let effects = c.after(&mut app, t0 + TYPING_PAUSE);
        assert!(matches!(&effects[..], [Effect::SaveMeeting(_)]));
        assert!(!app.seance.as_ref().unwrap().typed);
        // Typing without a pause: written anyway after the max wait.
        let t1 = t0 + Duration::from_secs(5);
        app.seance.as_mut().unwrap().typed = true;
        let mut written = None;
        for n in 0..20u64 {
            let at = t1 + Duration::from_millis(100 * n);
            c.last_key = at;
            let _ = c.timeout(&app, at);
            if !c.after(&mut app, at).is_empty() {
                written = Some(n);
                break;
            }
        }
        assert_eq!(
            written,
            Some(9),
            "written 0.9 s after the first key not written"
        );
    }

    #[test]
    fn a_refused_save_asks_only_once_typing_pauses() {
        use crate::tui::seance::Ask;
        let t0 = Instant::now();
        let mut app = app(MeetingStatus::Held);
        open(&mut app);
        let id = "2026-11-30-cpraf".to_string();
        {
            let st = app.seance.as_mut().unwrap();
            st.ask = None;
            st.editing = Some(crate::tui::seance::Editing::Date {
                field: crate::tui::seance::Field::NextMeeting,
                input: crate::tui::input::LineInput::default(),
                error: None,
            });
        }
        crate::tui::update::save_conflict(&mut app, &id);
        let mut c = clocks(t0);
        // Two seconds of typing without a pause: no question, nothing written.
        for n in 0..20u64 {
            let at = t0 + Duration::from_millis(100 * n);
            c.last_key = at;
            let _ = c.timeout(&app, at);
            assert!(c.after(&mut app, at).is_empty());
            assert_eq!(app.seance.as_ref().unwrap().ask, None, "at {n}");
        }
        // The pause: the question comes up, nothing is written.
        let at = t0 + Duration::from_millis(1900) + TYPING_PAUSE;
        assert!(c.after(&mut app, at).is_empty());
        assert_eq!(app.seance.as_ref().unwrap().ask, Some(Ask::Conflict { id }));
    }

    #[test]
    fn a_failed_write_is_tried_again_with_a_growing_wait() {
        use crate::tui::unsaved::Write;
        let t0 = Instant::now();
        let mut app = app(MeetingStatus::Held);
        let mut r = Retry::default();
        r.arm(&app, t0);
        assert_eq!(r.timeout(t0), None, "nothing failed: no wake-up");
        let m = app.data.meetings[0].clone();
        let full = crate::workspace::WorkError::Io {
            path: "49/meetings/m.yaml".into(),
            op: crate::workspace::IoOp::Write,
            kind: std::io::ErrorKind::StorageFull,
            detail: "No space left on device".into(),
        };
        let write = Write::Meeting {
            meeting: m,
            overwrite: false,
        };
        app.unsaved.failed(write.clone(), full, true);
        let mut waits = Vec::new();
        let mut now = t0;
        for _ in 0..7 {
            r.arm(&app, now);
            let wait = r.timeout(now).expect("armed");
            assert!(!r.due(now, false), "not before its time");
            now += wait;
            assert!(!r.due(now, true), "not while a write is under way");
            assert!(r.due(now, false));
            waits.push(wait.as_secs());
        }
        assert_eq!(waits, [1, 2, 4, 8, 16, 30, 30]);
        // Written: the wait starts from 1 s again.
        app.unsaved.saved(&write.key());
        r.arm(&app, now);
        assert_eq!(r.timeout(now), None);
        assert_eq!(r.backoff, RETRY_FIRST);
    }
}
