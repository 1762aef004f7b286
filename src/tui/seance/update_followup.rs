//! What follows a decision chosen in the séance: the check that it fits the case and the
//! body (`domain::fit`), then the questions that carry it into the case — « inscription
//! au suivi » on a first decision, the new référent of a « changement de référent », the
//! care measure of an « orientation ». Each answer is recorded on the decision
//! (`domain::live::followup`), from which the case's current state is read.

use super::*;
use crate::domain::fit::{Fit, fit, known_structures, offers_follow};
use crate::domain::meeting::Orientation;
use crate::domain::{
    CaseStatus, ClosureReason, Decision, Histories, MeasureType, Referent, ReferentType,
};
use crate::tui::seance::*;
use seance::applied;

/// The decision's list of the séance's body (the defaults of its kind when it lists none).
pub(super) fn body_decisions(app: &App) -> Vec<Decision> {
    let Some(meeting) = app.seance_meeting() else {
        return Vec::new();
    };
    app.data
        .department
        .body(&meeting.body)
        .map_or_else(|| Decision::CPRAF.to_vec(), |b| b.decision_list().to_vec())
}

/// The status of the current item's case before this meeting's decisions.
fn status_before(app: &App) -> Option<CaseStatus> {
    let st = app.seance.as_ref()?;
    let meeting = app.seance_meeting()?;
    let id = st.live.current_item(meeting)?.case.as_deref()?;
    let case = app.data.case(id)?;
    let others = app.data.meetings.iter().filter(|m| m.id != meeting.id);
    Some(Histories::of_meetings(others).current(case).status)
}

/// The decision chosen in the list: refused with the reason when it can never fit the
/// case, asked for confirmation when it may not (unless `confirmed`), else taken; then the
/// question that follows it, if any. Returns what to edit next (`None`: done).
pub(super) fn choose(
    app: &mut App,
    choice: Option<Decision>,
    confirmed: bool,
) -> (Option<Editing>, Vec<Effect>) {
    let lang = app.lang;
    let Some(decision) = choice else {
        let Some(st) = app.seance.as_mut() else {
            return (None, Vec::new());
        };
        let index = st.live.current();
        let r = st.live.apply(&mut app.data.meetings, |l, _| {
            l.set_decision(index, None, None)
        });
        return (None, applied(app, r));
    };
    if !confirmed
        && let Some(st) = app.seance.as_ref()
        && let Some(meeting) = app.seance_meeting()
    {
        let case = st
            .live
            .current_item(meeting)
            .and_then(|i| i.case.as_deref())
            .and_then(|id| app.data.case(id));
        let body = app.data.department.body(&meeting.body);
        match case.map(|c| fit(decision, c, body, meeting.date)) {
            Some(Fit::Refused(m)) => {
                app.error(crate::i18n::followup::misfit(m, lang));
                let selected = Editing::decision_choices(&body_decisions(app), None)
                    .iter()
                    .position(|c| *c == Some(decision))
                    .unwrap_or(0);
                let query = LineInput::default();
                return (Some(Editing::DecisionKind { selected, query }), Vec::new());
            }
            Some(Fit::Confirm(misfit)) => {
                let ask = Followup::Confirm { decision, misfit };
                return (Some(Editing::Followup(ask)), Vec::new());
            }
            _ => {}
        }
    }
    let Some(st) = app.seance.as_mut() else {
        return (None, Vec::new());
    };
    let index = st.live.current();
    if decision.closes() {
        let selected = st
            .meeting_in(&app.data.meetings)
            .and_then(|m| m.items.get(index))
            .and_then(|i| i.closure_reason)
            .and_then(|r| ClosureReason::ALL.iter().position(|x| *x == r))
            .unwrap_or(0);
        let next = Editing::ClosureReason {
            selected,
            decide: Some(decision),
            query: LineInput::default(),
        };
        return (Some(next), Vec::new());
    }
    let before = status_before(app);
    let Some(st) = app.seance.as_mut() else {
        return (None, Vec::new());
    };
    let r = st.live.apply(&mut app.data.meetings, |l, _| {
        l.set_decision(index, Some(decision), None)
    });
    let effects = applied(app, r);
    if before.is_some_and(|s| offers_follow(s, decision)) {
        return (
            Some(Editing::Followup(Followup::Follow { decision })),
            effects,
        );
    }
    (after_follow(app, decision), effects)
}

/// The question that comes after the inscription au suivi: the référent or the measure.
fn after_follow(app: &App, decision: Decision) -> Option<Editing> {
    let st = app.seance.as_ref()?;
    let item = st.live.current_item(app.seance_meeting()?)?;
    match decision {
        Decision::ChangeReferent => {
            let mut referents: Vec<&Referent> = Vec::new();
            for (i, case) in app.data.cases.iter().enumerate() {
                if let Some(r) = app.current(i).and_then(|c| c.referent.as_ref()) {
                    referents.push(r);
                } else if let Some(r) = &case.referent {
                    referents.push(r);
                }
            }
            referents.extend(
                app.data
                    .meetings
                    .iter()
                    .flat_map(|m| m.items.iter().filter_map(|i| i.referent.as_ref())),
            );
            let known = known_structures(referents);
            let now = item.referent.as_ref();
            let kind = now
                .and_then(|r| ReferentType::ALL.iter().position(|k| *k == r.kind))
                .unwrap_or(0);
            Some(Editing::Referent(ReferentForm {
                field: 0,
                structure: LineInput::new(now.map_or("", |r| r.structure.as_str())),
                picked: None,
                known,
                kind,
                person: LineInput::new(now.and_then(|r| r.person.as_deref()).unwrap_or("")),
                error: None,
            }))
        }
        Decision::Orient => {
            let selected = item
                .measure
                .as_ref()
                .and_then(|m| MeasureType::ALL.iter().position(|k| *k == m.kind))
                .map_or(0, |p| p + 1);
            Some(Editing::Measure {
                selected,
                query: LineInput::default(),
            })
        }
        _ => None,
    }
}

/// The next known value picked by `←`/`→` among `n` (from the last one with `←` when none is
/// picked yet, from the first with `→`), round; `None` when there is none to pick.
fn cycle(picked: Option<usize>, n: usize, action: Action) -> Option<usize> {
    let back = action == Action::ChoicePrev;
    (n > 0).then(|| match (picked, back) {
        (None, true) => n - 1,
        (None, false) => 0,
        (Some(p), true) => (p + n - 1) % n,
        (Some(p), false) => (p + 1) % n,
    })
}

/// The keys of the questions that follow a decision.
pub(super) fn followup_key(app: &mut App, key: Key, action: Option<Action>) -> Vec<Effect> {
    let page = app.page;
    let lang = app.lang;
    let Some(st) = app.seance.as_mut() else {
        return Vec::new();
    };
    let Some(mut editing) = st.editing.take() else {
        return Vec::new();
    };
    let index = st.live.current();
    let mut effects = Vec::new();
    let mut next: Option<Editing> = None;
    let action = match &editing {
        Editing::Referent(form) if form.field != 1 => text_action(key, action),
        Editing::Provider(_) => text_action(key, action),
        _ => action,
    };
    match &mut editing {
        Editing::Followup(Followup::Confirm { decision, .. }) => match action {
            Some(Action::Yes) => {
                let (n, fx) = choose(app, Some(*decision), true);
                next = n;
                effects = fx;
            }
            Some(Action::No | Action::Cancel) => {}
            _ => next = Some(editing),
        },
        Editing::Followup(Followup::Follow { decision }) => {
            let decision = *decision;
            match action {
                Some(Action::Yes) => {
                    let r = st
                        .live
                        .apply(&mut app.data.meetings, |l, _| l.set_follow(index, true));
                    effects = applied(app, r);
                    next = after_follow(app, decision);
                }
                Some(Action::No | Action::Cancel) => next = after_follow(app, decision),
                _ => next = Some(editing),
            }
        }
        Editing::Approval { selected, query } => {
            let labels = Editing::approval_labels(lang);
            match filtered_key(query, selected, &labels, key, action, page) {
                Chosen::Accept(None) => next = Some(editing),
                Chosen::Accept(Some(chosen)) => {
                    let approval = chosen
                        .checked_sub(1)
                        .and_then(|i| crate::domain::Approval::ALL.get(i))
                        .copied();
                    let r = st.live.apply(&mut app.data.meetings, |l, _| {
                        l.set_approval(index, approval)
                    });
                    effects = applied(app, r);
                }
                Chosen::Cancel => {}
                Chosen::Other(_) | Chosen::Stay => next = Some(editing),
            }
        }
        Editing::Measure { selected, query } => {
            let labels = Editing::measure_labels(lang);
            match filtered_key(query, selected, &labels, key, action, page) {
                Chosen::Accept(None) => next = Some(editing),
                Chosen::Accept(Some(chosen)) => {
                    match chosen.checked_sub(1).and_then(|i| MeasureType::ALL.get(i)) {
                        // Then its provider, typed or picked among the known ones.
                        Some(kind) => {
                            let now = st
                                .meeting_in(&app.data.meetings)
                                .into_iter()
                                .flat_map(|m| &m.items)
                                .nth(index)
                                .and_then(|i| i.measure.as_ref())
                                .and_then(|m| m.provider.as_deref())
                                .unwrap_or("");
                            next = Some(Editing::Provider(ProviderForm {
                                kind: *kind,
                                input: LineInput::new(now),
                                // Looked up once the type is chosen, not at every key.
                                known: crate::domain::fit::providers_in(&app.data),
                                picked: None,
                            }));
                        }
                        None => {
                            let r = st
                                .live
                                .apply(&mut app.data.meetings, |l, _| l.set_measure(index, None));
                            effects = applied(app, r);
                        }
                    }
                }
                Chosen::Cancel => {}
                Chosen::Other(_) | Chosen::Stay => next = Some(editing),
            }
        }
        Editing::Provider(form) => match action {
            Some(Action::Cancel) => {}
            Some(Action::Accept) => {
                let provider = Some(form.input.text().to_string());
                let measure = Orientation {
                    kind: form.kind,
                    provider,
                };
                let r = st.live.apply(&mut app.data.meetings, |l, _| {
                    l.set_measure(index, Some(measure))
                });
                effects = applied(app, r);
            }
            Some(a @ (Action::ChoicePrev | Action::ChoiceNext)) => {
                if let Some(p) = cycle(form.picked, form.known.len(), a) {
                    form.picked = Some(p);
                    if let Some(name) = form.known.get(p) {
                        form.input = LineInput::new(name);
                    }
                }
                next = Some(editing);
            }
            _ => {
                if edit_line(&mut form.input, key) {
                    form.picked = None;
                }
                next = Some(editing);
            }
        },
        Editing::Referent(form) => {
            match action {
                Some(Action::Cancel) => {}
                Some(Action::NextField) => form.field = (form.field + 1) % 3,
                Some(Action::PrevField) => form.field = (form.field + 2) % 3,
                Some(a @ (Action::ChoicePrev | Action::ChoiceNext)) if form.field == 0 => {
                    if let Some(p) = cycle(form.picked, form.known.len(), a) {
                        form.picked = Some(p);
                        if let Some((name, kind)) = form.known.get(p) {
                            form.structure = LineInput::new(name);
                            form.kind = ReferentType::ALL
                                .iter()
                                .position(|k| k == kind)
                                .unwrap_or(0);
                        }
                    }
                }
                Some(Action::ChoicePrev) if form.field == 1 => {
                    let n = ReferentType::ALL.len();
                    form.kind = (form.kind + n - 1) % n;
                }
                Some(Action::ChoiceNext) if form.field == 1 => {
                    form.kind = (form.kind + 1) % ReferentType::ALL.len();
                }
                Some(Action::Accept) => {
                    let referent = Referent {
                        structure: form.structure.text().to_string(),
                        kind: ReferentType::ALL
                            .get(form.kind)
                            .copied()
                            .unwrap_or(ReferentType::Association),
                        person: Some(form.person.text().to_string()),
                    };
                    match st.live.apply(&mut app.data.meetings, |l, _| {
                        l.set_referent(index, Some(referent))
                    }) {
                        Ok(change) => {
                            effects = applied(app, Ok(change));
                            return effects;
                        }
                        Err(e) => form.error = Some(e.text(lang)),
                    }
                }
                _ => {
                    let input = match form.field {
                        0 => Some(&mut form.structure),
                        2 => Some(&mut form.person),
                        _ => None,
                    };
                    if input.is_some_and(|input| edit_line(input, key)) {
                        form.error = None;
                        if form.field == 0 {
                            form.picked = None;
                        }
                    }
                }
            }
            if !matches!(action, Some(Action::Cancel)) {
                next = Some(editing);
            }
        }
        _ => next = Some(editing),
    }
    if let Some(st) = app.seance.as_mut() {
        st.editing = next;
    }
    effects
}

/// After the séance is closed: the later drafts and convened agendas of the body lose the
/// cases closed in it (each meeting written, undoable), and the cases reviewed with a next
/// review after them are named (the agenda screen flags them). One notice says both.
pub(super) fn after_close(app: &mut App, closed: &Meeting) -> Vec<Effect> {
    use crate::domain::agenda_check::{LaterAgenda, later_agendas, take_off};
    let lang = app.lang;
    let found = later_agendas(&app.data, closed);
    let mut effects = Vec::new();
    let mut taken = Vec::new();
    let mut flagged = Vec::new();
    for f in &found {
        match f {
            LaterAgenda::Closed {
                meeting,
                date,
                case,
            } => {
                let Some(before) = app.data.meeting(meeting).cloned() else {
                    continue;
                };
                let mut after = before.clone();
                if take_off(&mut after, case) {
                    effects.extend(change_meeting(app, Some(before), after));
                    taken.push((case.clone(), *date));
                }
            }
            LaterAgenda::ReviewLater {
                case, next_review, ..
            } => flagged.push((case.clone(), *next_review)),
        }
    }
    if let Some(text) = crate::tui::followup_words::later_agendas_notice(&taken, &flagged, lang) {
        app.info(text);
    }
    effects
}
