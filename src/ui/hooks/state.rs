//! The page's shared state, one newtype context per concern: one writer (the session,
//! through its methods) and read-only memos over it.

use leptos::prelude::*;

use crate::model::economics::projection::Projection;
use crate::model::edit::draft::{Draft, Source};
use crate::model::edit::live::{Network, UtcMinute};
use crate::model::edit::session::Session;
use crate::model::presets::{AsicPreset, GpuPreset};
use crate::model::view::PowerUnit;
use crate::model::{Evaluation, InvalidKeys};
use crate::model::{Key, Link, Metrics, Scenario, Side};

/// The scenario under edit and the side pinned while comparing: read with `with`, changed
/// only through the methods below, each one of [`Session`] (its signal stays private, so
/// every change is one the model names and tests).
#[derive(Clone, Copy)]
pub struct SessionCtx(RwSignal<Session>);

impl SessionCtx {
    pub fn new(session: Session) -> Self {
        SessionCtx(RwSignal::new(session))
    }

    /// Reads the session, tracked.
    pub fn with<T>(self, read: impl FnOnce(&Session) -> T) -> T {
        self.0.with(read)
    }

    /// Reads the session, untracked.
    pub fn with_untracked<T>(self, read: impl FnOnce(&Session) -> T) -> T {
        self.0.with_untracked(read)
    }

    /// Every change goes through here: one copy of the signal's update in the Wasm.
    #[inline(never)]
    fn change(self, change: &mut dyn FnMut(&mut Session)) {
        self.0.update(|s| change(s));
    }

    fn edit(self, edit: &mut dyn FnMut(&mut Draft)) {
        self.change(&mut |s| s.edit(edit));
    }

    /// True while a valid value typed has not entered the link yet.
    fn typing(self) -> bool {
        self.0.with_untracked(|s| s.draft().settled() != s.draft().scenario())
    }

    /// A person typed `text` into `source` for `key`.
    pub fn type_text(self, key: Key, source: Source, text: &str) {
        self.edit(&mut |d| d.type_text(key, source, text));
    }

    /// The reader left a field or pressed Enter: what they typed enters the link.
    pub fn settle(self) {
        // Every field's `change` calls this: no change, no notification.
        if self.typing() {
            self.edit(&mut Draft::settle);
        }
    }

    /// The reader stopped typing into `key` for a moment.
    pub fn pause(self, key: Key) {
        if self.typing() {
            self.edit(&mut |d| d.pause(key));
        }
    }

    /// Shows and reads the power price in `unit`.
    pub fn set_power_unit(self, unit: PowerUnit) {
        self.edit(&mut |d| d.set_power_unit(unit));
    }

    /// Sets the power price's profile and mining's strike; false when refused (nothing changes).
    pub fn set_power(self, profile: crate::model::power::Profile, strike: Option<rust_decimal::Decimal>) -> bool {
        let mut ok = false;
        let mut profile = Some(profile);
        self.edit(&mut |d| {
            if let Some(p) = profile.take() {
                ok = d.set_power(p, strike).is_ok();
            }
        });
        ok
    }

    pub fn pick_asic(self, preset: &'static AsicPreset) {
        self.edit(&mut |d| d.pick_asic(preset));
    }

    pub fn pick_gpu(self, preset: &'static GpuPreset) {
        self.edit(&mut |d| d.pick_gpu(preset));
    }

    /// Sets `own`, `mix` or `aip` (chosen, not typed).
    pub fn set_site(self, set: impl Fn(&mut Scenario)) {
        self.edit(&mut |d| d.set_site(&set));
    }

    /// Values set from outside the inputs (today's network), for `keys`.
    pub fn accept(self, next: Scenario, keys: &[Key]) {
        let mut next = Some(next);
        self.edit(&mut |d| {
            if let Some(next) = next.take() {
                d.accept(next, keys);
            }
        });
    }

    /// A valid backtest month typed (`bt`; checked by the caller): into the link at once.
    pub fn set_bt(self, text: &str) {
        self.edit(&mut |d| {
            let _ = d.set_bt_text(text);
        });
    }

    /// A valid backtest ASIC price typed (`btcap`; checked by the caller).
    pub fn set_btcap(self, text: &str) {
        self.edit(&mut |d| {
            let _ = d.set_btcap_text(text);
        });
    }

    pub fn pin(self) {
        self.change(&mut Session::pin);
    }

    pub fn swap(self) {
        self.change(&mut Session::swap);
    }

    pub fn keep(self, side: Side) {
        self.change(&mut |s| s.keep(side));
    }

    /// Adds scenario C (then D) holding B as settled.
    pub fn add_side(self) {
        self.change(&mut |s| {
            s.add_side();
        });
    }

    /// Takes out scenario C or D.
    pub fn remove_side(self, side: Side) {
        self.change(&mut |s| {
            s.remove_side(side);
        });
    }

    pub fn reset(self) {
        self.change(&mut Session::reset);
    }

    pub fn undo(self) {
        self.change(&mut |s| {
            s.undo();
        });
    }

    /// Back to the link the page opened with (an embed's "Back to the article's figures").
    pub fn back_to(self, link: Link) {
        let mut link = Some(link);
        self.change(&mut |s| {
            if let Some(link) = link.take() {
                s.back_to(link);
            }
        });
    }

    /// A link from the browser's history (Back, Forward).
    pub fn restore(self, link: Link) {
        if self.0.with_untracked(|s| s.link() != link) {
            let mut link = Some(link);
            self.change(&mut |s| {
                if let Some(link) = link.take() {
                    s.restore(link);
                }
            });
        }
    }
}

/// The last valid scenario: what the URL holds and the model evaluates.
#[derive(Clone, Copy)]
pub struct ScenarioCtx(pub Memo<Scenario>);

/// Every metric of the scenario, with the invalid inputs' figures marked as such.
#[derive(Clone, Copy)]
pub struct MetricsCtx(pub Memo<Metrics>);

/// The scenario and its invalid inputs a frame after the last edit: what the sections below
/// the first screen follow (see `use_settled`).
#[derive(Clone, Copy)]
pub struct SettledCtx(pub ReadSignal<(Scenario, InvalidKeys)>);

/// The scenario month by month, each path over its own life.
#[derive(Clone, Copy)]
pub struct ProjectionCtx(pub Memo<Projection>);

/// [`crate::model::evaluate_over_time`], from the chunk that holds it.
pub type TimeModel = fn(&Scenario, InvalidKeys) -> Evaluation;

/// The time model once its chunk is loaded (src/ui/lazy.rs); until then the metrics are
/// today's figures and every figure over time is `NotProjected`.
#[derive(Clone, Copy)]
pub struct TimeModelCtx(pub RwSignal<Option<TimeModel>>);
/// True while comparing (side A pinned, the inputs edit B).
#[derive(Clone, Copy)]
pub struct ComparingCtx(pub Memo<bool>);

/// What the page shows as a link: what the reader settled on, the scenario or A and B. The
/// address bar, "Copy link", the embed snippet and "Save" all take it from here.
#[derive(Clone, Copy)]
pub struct LinkCtx(pub Memo<Link>);

/// The network last read with "Use today's network" in this visit, and when: the embed's
/// line says "today's network" while the scenario still holds it.
#[derive(Clone, Copy)]
pub struct LiveReadingCtx(pub RwSignal<Option<(Network, UtcMinute)>>);
