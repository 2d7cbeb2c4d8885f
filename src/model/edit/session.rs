//! What the page edits as a whole: the draft (the scenario under edit, B while comparing),
//! side A while comparing and sides C and D when added, changed only through the methods here (pin, swap, keep,
//! reset, undo, a link from history), so that every rule about them is one place and
//! tested natively. The page holds one value of this type behind a context of methods.

use super::draft::Draft;
use crate::model::link::comparison::{Comparison, Link, Side};
use crate::model::scenario::Scenario;

/// An action that replaces what the reader had, and so offers to undo it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undoable {
    /// Back to the snapshot.
    Reset,
    /// A and B changed places.
    Swap,
    /// Stopped comparing, keeping one side.
    Keep(Side),
    /// A side (C or D) taken out.
    Remove(Side),
}

/// What an undoable action replaced: the draft, A and the sides after B.
type Replaced = (Box<Draft>, Option<Scenario>, Vec<Scenario>);

/// The draft and the pinned side, with what the last undoable action replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    draft: Draft,
    pinned: Option<Scenario>,
    /// C and D while comparing, as added (each shown against A; not edited here).
    more: Vec<Scenario>,
    undo: Option<(Undoable, Replaced)>,
}

impl Session {
    /// The session a link opens: a single scenario, or a comparison whose B is edited.
    pub fn new(link: Link) -> Self {
        let (pinned, b, more) = match link {
            Link::Single(scenario) => (None, scenario, Vec::new()),
            Link::Compare(comparison) => {
                let more = comparison.sides().into_iter().skip(2).map(|(_, s)| s.clone()).collect();
                (Some(comparison.a().clone()), comparison.into_side(Side::B), more)
            }
        };
        Session { draft: Draft::new(b), pinned, more, undo: None }
    }

    /// The scenario under edit (B while comparing).
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// Side A while comparing.
    pub fn pinned(&self) -> Option<&Scenario> {
        self.pinned.as_ref()
    }

    /// How many sides are compared: 2 to 4, or 0 when not comparing.
    pub fn sides(&self) -> usize {
        if self.pinned.is_some() {
            2 + self.more.len()
        } else {
            0
        }
    }

    /// What the link holds: the settled scenario, or A, the settled B, then C and D.
    pub fn link(&self) -> Link {
        let b = self.draft.settled().clone();
        match &self.pinned {
            Some(a) => {
                let mut comparison = Comparison::new(a.clone(), b);
                for side in &self.more {
                    comparison.push(side.clone());
                }
                Link::Compare(comparison)
            }
            None => Link::Single(b),
        }
    }

    /// The action the reader may undo now, if any: only until their next change.
    pub fn undo_offer(&self) -> Option<Undoable> {
        self.undo.as_ref().map(|(what, _)| *what)
    }

    /// An edit of the draft (typing, a preset, today's network): once it reaches the link,
    /// it ends any offer to undo. (Not generic: one copy in the Wasm for every edit.)
    #[inline(never)]
    pub fn edit(&mut self, edit: &mut dyn FnMut(&mut Draft)) {
        let before = self.draft.settled().clone();
        edit(&mut self.draft);
        if *self.draft.settled() != before {
            self.undo = None;
        }
    }

    fn replace(&mut self, what: Undoable, draft: Draft, pinned: Option<Scenario>, more: Vec<Scenario>) {
        let draft = std::mem::replace(&mut self.draft, draft);
        let pinned = std::mem::replace(&mut self.pinned, pinned);
        let more = std::mem::replace(&mut self.more, more);
        self.undo = Some((what, (Box::new(draft), pinned, more)));
    }

    /// Starts comparing: what the reader settled on becomes A, and the inputs edit B, equal
    /// to A until changed.
    pub fn pin(&mut self) {
        self.draft.settle();
        self.pinned = Some(self.draft.settled().clone());
        self.more.clear();
        self.undo = None;
    }

    /// Adds a side after the last (C, then D) holding B as the reader settled on it; the
    /// inputs go on editing B. False, changing nothing, when not comparing or when four
    /// sides are shown.
    pub fn add_side(&mut self) -> bool {
        if self.pinned.is_none() || self.more.len() >= 2 {
            return false;
        }
        self.draft.settle();
        self.more.push(self.draft.settled().clone());
        self.undo = None;
        true
    }

    /// Takes out C or D (D moves up to C); false, changing nothing, for a side not shown.
    pub fn remove_side(&mut self, side: Side) -> bool {
        let at = match side {
            Side::C | Side::D => side.index() - 2,
            Side::A | Side::B => return false,
        };
        if at >= self.more.len() {
            return false;
        }
        let mut more = self.more.clone();
        more.remove(at);
        self.replace(Undoable::Remove(side), self.draft.clone(), self.pinned.clone(), more);
        true
    }

    /// A becomes the side edited and B is pinned, as the reader settled on it.
    pub fn swap(&mut self) {
        let Some(a) = self.pinned.clone() else { return };
        let mut b = self.draft.clone();
        b.settle();
        self.replace(Undoable::Swap, Draft::new(a), Some(b.settled().clone()), self.more.clone());
    }

    /// Stops comparing and keeps `side`.
    pub fn keep(&mut self, side: Side) {
        let Some(a) = self.pinned.clone() else { return };
        let draft = match side {
            Side::A => Draft::new(a),
            Side::B => self.draft.clone(),
            Side::C | Side::D => match self.more.get(side.index() - 2) {
                Some(kept) => Draft::new(kept.clone()),
                None => return,
            },
        };
        self.replace(Undoable::Keep(side), draft, None, Vec::new());
    }

    /// Back to the snapshot (a single scenario), keeping how it is shown.
    pub fn reset(&mut self) {
        let mut draft = self.draft.clone();
        draft.reset();
        self.replace(Undoable::Reset, draft, None, Vec::new());
    }

    /// Undoes the last reset, swap or stop, typed text and errors included; false if none
    /// is on offer.
    pub fn undo(&mut self) -> bool {
        let Some((_, (draft, pinned, more))) = self.undo.take() else { return false };
        self.draft = *draft;
        self.pinned = pinned;
        self.more = more;
        true
    }

    /// Back to `link` as it was opened, whatever was typed or settled since (an embed's
    /// "Back to the article's figures"): no undo, and no text waiting to be valid.
    pub fn back_to(&mut self, link: Link) {
        *self = Session::new(link);
    }

    /// Takes the scenario of a link from the browser's history (Back, Forward): unless it
    /// is what the link already holds, the session becomes that link's.
    pub fn restore(&mut self, link: Link) {
        if self.link() != link {
            *self = Session::new(link);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::draft::Source;
    use crate::model::{from_link, Key};
    use rust_decimal_macros::dec;

    fn session(link: &str) -> Session {
        Session::new(from_link(link).0)
    }

    fn query(s: &Session) -> String {
        s.link().to_query()
    }

    #[test]
    fn it_goes_back_to_the_link_it_opened_with_typing_and_all() {
        let opened = from_link("?kwh=0.04&b.kwh=0.03").0;
        let mut s = Session::new(opened.clone());
        s.edit(&mut |d| d.type_text(Key::Btc, Source::Field, "91000"));
        s.edit(&mut Draft::settle);
        s.edit(&mut |d| d.type_text(Key::Kwh, Source::Field, "abc"));
        assert_ne!(s.link(), opened);
        s.back_to(opened.clone());
        assert_eq!(s.link(), opened);
        assert!(s.draft().held_instead().is_empty(), "no text left waiting");
        assert_eq!(s.draft().scenario().kwh().get(), dec!(0.03));
        assert!(s.pinned().is_some(), "a comparison stays one");
    }

    #[test]
    fn it_links_only_what_was_settled() {
        let mut s = session("?kwh=0.04");
        s.edit(&mut |d| d.type_text(Key::Kwh, Source::Field, "0.0"));
        assert_eq!(query(&s), "v=1&kwh=0.04");
        s.edit(&mut Draft::settle);
        assert_eq!(query(&s), "v=1&kwh=0");
    }

    #[test]
    fn it_pins_swaps_and_keeps_each_side_and_undoes_each() {
        let mut s = session("?kwh=0.04");
        s.pin();
        s.edit(&mut |d| d.type_text(Key::Kwh, Source::Field, "0.03"));
        assert_eq!(query(&s), "v=1&kwh=0.04&cmp=1", "B's typing is not settled yet");
        s.swap();
        assert_eq!(query(&s), "v=1&kwh=0.03&b.kwh=0.04", "swap takes B as typed");
        assert_eq!(s.undo_offer(), Some(Undoable::Swap));
        assert!(s.undo());
        assert_eq!(s.draft().scenario().kwh().get(), dec!(0.03), "the typing is back");
        assert_eq!(query(&s), "v=1&kwh=0.04&cmp=1");
        assert!(!s.undo(), "one step of undo");

        s.edit(&mut Draft::settle);
        for (side, want) in [(Side::A, "v=1&kwh=0.04"), (Side::B, "v=1&kwh=0.03")] {
            let before = s.clone();
            s.keep(side);
            assert_eq!(query(&s), want, "keep {side:?}");
            assert_eq!(s.pinned(), None);
            assert_eq!(s.undo_offer(), Some(Undoable::Keep(side)));
            assert!(s.undo());
            assert_eq!(s, before, "undo keep {side:?}");
        }
    }

    #[test]
    fn it_resets_with_an_undo_that_an_edit_withdraws() {
        let mut s = session("?kwh=0.04&b.btc=90000&theme=dark");
        s.edit(&mut |d| d.type_text(Key::Pool, Source::Field, "x"));
        let before = s.clone();
        s.reset();
        assert_eq!(query(&s), "v=1&theme=dark");
        assert!(s.undo());
        assert_eq!(s, before, "the comparison and the invalid pool are back");
        s.reset();
        s.edit(&mut |d| {
            d.type_text(Key::Kwh, Source::Field, "0.03");
            d.settle();
        });
        assert_eq!(s.undo_offer(), None, "a settled edit withdraws the offer");
        assert!(!s.undo());
    }

    #[test]
    fn it_restores_a_link_from_history_unless_it_is_already_shown() {
        let mut s = session("?kwh=0.04");
        s.edit(&mut |d| d.type_text(Key::Btc, Source::Field, "9"));
        let typing = s.clone();
        s.restore(from_link("?v=1&kwh=0.04").0);
        assert_eq!(s, typing, "the same link keeps what is being typed");
        s.restore(from_link("?v=1&kwh=0.03&b.kwh=0.02").0);
        assert_eq!(query(&s), "v=1&kwh=0.03&b.kwh=0.02");
        assert_eq!(s.draft().scenario().kwh().get(), dec!(0.02), "the inputs edit B");
    }

    #[test]
    fn it_adds_and_removes_sides_c_and_d_and_keeps_them_through_a_swap() {
        let mut s = session("?kwh=0.04");
        assert!(!s.add_side(), "only while comparing");
        assert_eq!(s.sides(), 0);
        s.pin();
        s.edit(&mut |d| d.type_text(Key::Kwh, Source::Field, "0.03"));
        assert!(s.add_side());
        assert_eq!(query(&s), "v=1&kwh=0.04&b.kwh=0.03&c.kwh=0.03", "C holds B as typed");
        s.edit(&mut |d| {
            d.type_text(Key::Kwh, Source::Field, "0.02");
            d.settle();
        });
        assert!(s.add_side());
        assert!(!s.add_side(), "four sides at most");
        assert_eq!(s.sides(), 4);
        assert_eq!(query(&s), "v=1&kwh=0.04&b.kwh=0.02&c.kwh=0.03&d.kwh=0.02");
        // A link of four sides opens as four.
        assert_eq!(session(&query(&s)).link(), s.link());
        s.swap();
        assert_eq!(query(&s), "v=1&kwh=0.02&b.kwh=0.04&c.kwh=0.03&d.cmp=1", "C and D stay as they were");
        assert!(s.undo());
        let before = s.clone();
        assert!(!s.remove_side(Side::B), "B is removed by keeping a side");
        assert!(s.remove_side(Side::C));
        assert_eq!(query(&s), "v=1&kwh=0.04&b.kwh=0.02&c.kwh=0.02", "D moves up to C");
        assert_eq!(s.undo_offer(), Some(Undoable::Remove(Side::C)));
        assert!(s.undo());
        assert_eq!(s, before);
        assert!(!session("?kwh=0.04&b.kwh=0.03").remove_side(Side::C), "no C to remove");
        s.keep(Side::D);
        assert_eq!(query(&s), "v=1&kwh=0.02", "keeping D stops comparing");
        assert!(s.undo());
        assert_eq!(s, before);
    }
}
