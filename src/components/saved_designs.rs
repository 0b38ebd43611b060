//! Saved designs: name the current design and keep it in this browser; load, rename or delete it
//! later. Saving under a name already taken asks first, within the page (a question with Replace
//! and Cancel, not `window.confirm`). Stored through `storage`, which keeps anything unreadable
//! aside with a notice.

use super::small_button;
use crate::storage::{self, Saved};
use consumption_lab_engine::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`SavedDesigns`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The design on screen, saved by "Save".
    pub scenario: Scenario,
    /// Load a saved design.
    pub on_load: Callback<Scenario>,
    /// Tell the person something (storage trouble).
    pub on_notify: Callback<String>,
}

/// See the module doc.
#[component]
pub fn SavedDesigns(props: &Props) -> Html {
    let designs = use_state(Vec::<Saved>::new);
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(usize, String)>);
    let status = use_state(|| None::<String>);
    // The taken name a save is waiting on the person's answer for.
    let confirm = use_state(|| None::<String>);
    {
        let (designs, notify) = (designs.clone(), props.on_notify.clone());
        use_effect_with((), move |_| {
            let (loaded, notices) = storage::load();
            designs.set(loaded);
            for n in notices {
                notify.emit(n);
            }
        });
    }
    let store = {
        let (designs, status) = (designs.clone(), status.clone());
        move |next: Vec<Saved>, done: String| match storage::save(&next) {
            Ok(()) => {
                designs.set(next);
                status.set(Some(done));
            }
            Err(e) => status.set(Some(e)),
        }
    };

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let save_as = {
        let (designs, name, scenario, store, confirm) =
            (designs.clone(), name.clone(), props.scenario.clone(), store.clone(), confirm.clone());
        move |label: String| {
            let replaced = designs.iter().any(|d| d.name == label);
            let mut next: Vec<Saved> = designs.iter().filter(|d| d.name != label).cloned().collect();
            next.push(Saved { name: label.clone(), saved: storage::now(), scenario: scenario.clone() });
            let verb = if replaced { "Replaced" } else { "Saved" };
            store(next, format!("{verb} \"{label}\" in this browser."));
            name.set(String::new());
            confirm.set(None);
        }
    };
    let on_save = {
        let (designs, name, confirm, status, save_as) =
            (designs.clone(), name.clone(), confirm.clone(), status.clone(), save_as.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = name.trim().to_owned();
            // An unnamed design gets a fresh name; a typed name that exists is replaced only if the person says so.
            let label = if typed.is_empty() { storage::unique_name(&designs, "Design") } else { typed };
            if designs.iter().any(|d| d.name == label) {
                status.set(None);
                confirm.set(Some(label));
            } else {
                save_as(label);
            }
        })
    };
    let on_replace = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(label) = (*confirm).clone() {
                save_as(label);
            }
        })
    };
    let on_keep = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(None))
    };

    html! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{ "Saved designs" }</h2>
            <form class="save-row" onsubmit={on_save}>
                <label for="design-name" class="visually-hidden">{ "Design name" }</label>
                <input id="design-name" type="text" placeholder="Name this design" value={(*name).clone()} oninput={on_name} maxlength="80" />
                <button type="submit">{ "Save" }</button>
            </form>
            if let Some(taken) = &*confirm {
                <p class="confirm" role="alert">
                    { format!("A design called \"{taken}\" is already saved. Replace it with the design on screen? ") }
                    { small_button(on_replace, None, None, "Replace") }
                    { small_button(on_keep, None, None, "Cancel") }
                </p>
            }
            if let Some(s) = &*status {
                <p class="status" role="status">{ s.clone() }</p>
            }
            if designs.is_empty() {
                <p class="help">{ "Nothing saved yet. Saved designs stay in this browser." }</p>
            }
            <ul class="saved-list">
                for (i, d) in designs.iter().enumerate() {
                    <li key={d.name.clone()}>
                        if renaming.as_ref().is_some_and(|(j, _)| *j == i) {
                            { rename_form(i, &renaming, &designs, &store) }
                        } else {
                            <span class="saved-name">{ d.name.clone() }</span>
                            <span class="saved-when">{ d.saved.get(..10).unwrap_or("").to_owned() }</span>
                            <span class="button-row">
                                { small_button(props.on_load.reform({ let s = d.scenario.clone(); move |_: MouseEvent| s.clone() }),
                                    Some(format!("Load {}", d.name)), None, "Load") }
                                { small_button({ let (r, n) = (renaming.clone(), d.name.clone()); Callback::from(move |_: MouseEvent| r.set(Some((i, n.clone())))) },
                                    Some(format!("Rename {}", d.name)), None, "Rename") }
                                { small_button({
                                    let (designs, store, n) = (designs.clone(), store.clone(), d.name.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        let next: Vec<Saved> = designs.iter().filter(|x| x.name != n).cloned().collect();
                                        store(next, format!("Deleted \"{n}\"."));
                                    })
                                }, Some(format!("Delete {}", d.name)), None, "Delete") }
                            </span>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

fn rename_form(
    i: usize,
    renaming: &UseStateHandle<Option<(usize, String)>>,
    designs: &UseStateHandle<Vec<Saved>>,
    store: &(impl Fn(Vec<Saved>, String) + Clone + 'static),
) -> Html {
    let text = renaming.as_ref().map(|(_, t)| t.clone()).unwrap_or_default();
    let on_input = {
        let renaming = renaming.clone();
        Callback::from(move |e: InputEvent| {
            renaming.set(Some((i, e.target_unchecked_into::<HtmlInputElement>().value())))
        })
    };
    let on_submit = {
        let (renaming, designs, store) = (renaming.clone(), designs.clone(), store.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((i, text)) = (*renaming).clone() else { return };
            let text = text.trim().to_owned();
            let taken = designs.iter().enumerate().any(|(j, d)| j != i && d.name == text);
            if taken {
                store((*designs).clone(), format!("A design called \"{text}\" already exists; choose another name."));
                return;
            }
            if !text.is_empty() {
                let mut next = (*designs).clone();
                if let Some(d) = next.get_mut(i) {
                    d.name = text.clone();
                }
                store(next, format!("Renamed to \"{text}\"."));
            }
            renaming.set(None);
        })
    };
    html! {
        <form class="save-row" onsubmit={on_submit}>
            <label for="rename" class="visually-hidden">{ "New name" }</label>
            <input id="rename" type="text" value={text} oninput={on_input} maxlength="80" />
            <button type="submit" class="small">{ "Rename" }</button>
        </form>
    }
}
