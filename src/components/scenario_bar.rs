//! The scenario toolbar: presets, the share link, pinning a design for comparison, export and
//! import. Everything here runs in the browser; every export file is written by the compute
//! worker, whose module is fetched from the page's own origin the first time a file is asked for.

use super::preset_fit::PresetFit;
use super::small_button;
use crate::browser;
use crate::hooks::{use_compute, use_file_import, Pending};
use consumption_lab_engine::presets::{modified_from, presets, PresetKind};
use consumption_lab_engine::wire::{ExportFormat, Request, Response};
use consumption_lab_engine::{Projection, Scenario};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The current projection (its scenario is what gets linked, pinned and exported).
    pub projection: Rc<Projection>,
    /// Whether a design is pinned as A.
    pub pinned: bool,
    /// The share link's query: the design, and A when pinned.
    pub link: String,
    /// Load a design (a preset, an imported file).
    pub on_load: Callback<Scenario>,
    /// Pin the design on screen as A, with this label; `None` unpins.
    pub on_pin: Callback<Option<String>>,
    /// Tell the person something (a failed import or download).
    pub on_notify: Callback<String>,
    /// Read an imported file (`import_into`), shared with the drop on the page.
    pub import: Callback<(String, Result<String, String>)>,
}

/// A callback for `use_file_import` and `use_drop_import` that loads a good file and reports a
/// bad one. The page reads the file; why a bad one is not a design, in words (by the field's label,
/// in the units the page shows), comes from the compute worker through `send`, whose answer is
/// the sentence to show, so that the words' code lives in the worker's module.
pub fn import_into(
    on_load: Callback<Scenario>,
    on_notify: Callback<String>,
    send: Callback<Request>,
) -> Callback<(String, Result<String, String>)> {
    Callback::from(move |(name, text): (String, Result<String, String>)| match text {
        Ok(text) => match Scenario::from_import(&text) {
            Ok(scenario) => on_load.emit(scenario),
            Err(_) => send.emit(Request::Explain { id: 1, name, text }),
        },
        Err(why) => on_notify.emit(format!("\"{name}\" was not imported, and nothing changed: {why}")),
    })
}

/// The download name and media type of an export.
fn file_of(format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Csv => ("consumption-lab-projection.csv", "text/csv"),
        ExportFormat::Json => ("consumption-lab-projection.json", "application/json"),
        ExportFormat::Scenario => ("consumption-lab-scenario.json", "application/json"),
    }
}

/// The changed fields' labels as the page shows them ("Burn share, Horizon"), keys where a field
/// has no lever of its own.
fn changed_in_words(keys: &[String]) -> String {
    let label = |key: &String| {
        consumption_lab_engine::fields::NUMERIC_FIELDS
            .iter()
            .find(|f| f.key == key)
            .map_or_else(|| key.replace('_', " "), |f| f.label.to_owned())
    };
    keys.iter().map(label).collect::<Vec<_>>().join(", ")
}

/// See the module doc.
#[component]
pub fn ScenarioBar(props: &Props) -> Html {
    let presets = use_memo((), |_| presets());
    let copied = use_state(|| None::<Result<(), String>>);
    let file_input = use_node_ref();
    let import = use_file_import(props.import.clone());
    let scenario = &props.projection.scenario;

    // The menu shows the preset the design on screen is, if it is one: after any edit it is a
    // design of the person's own, and the menu and the pin label say so.
    let chosen = presets.iter().find(|p| p.scenario == *scenario).cloned();
    let on_preset = {
        let (presets, on_load) = (presets.clone(), props.on_load.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = presets.iter().find(|p| p.name == name) {
                on_load.emit(p.scenario.clone());
            }
        })
    };
    let chosen_name = chosen.as_ref().map_or(String::new(), |p| p.name.clone());
    // A preset with a few levers moved is still named, as modified, with its note.
    let modified = {
        let presets = presets.clone();
        use_memo(scenario.clone(), move |s| {
            modified_from(&presets, s).map(|(p, changed)| (p.title.clone(), p.note.clone(), changed_in_words(&changed)))
        })
    };
    let note = match (&chosen, &*modified) {
        (Some(p), _) => Some(p.note.clone()),
        (None, Some((title, note, changed))) => Some(format!("Modified from {title} ({changed}). {note}")),
        (None, None) => None,
    };
    let blank = match &*modified {
        Some((title, ..)) if chosen.is_none() => format!("{title} (modified)"),
        _ => "Choose a preset…".to_owned(),
    };

    let on_copy = {
        let (copied, query) = (copied.clone(), props.link.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, url) = (copied.clone(), browser::link_to(&query));
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(browser::copy(url).await));
            });
        })
    };
    let on_pin = {
        let (on_pin, pinned, presets, scenario) =
            (props.on_pin.clone(), props.pinned, presets.clone(), scenario.clone());
        Callback::from(move |_: MouseEvent| {
            on_pin.emit((!pinned).then(|| format!("A: {}", crate::describe::name(&presets, &scenario))));
        })
    };
    // Every file is written by the compute worker: the code that writes them (the CSV writer,
    // pretty JSON) lives in its module, not the page's. Every click is a file: requests made
    // while one is being written wait their turn.
    let jobs = use_compute(Pending::Every);
    let jobs_answer = jobs.result.clone();
    let next_id = use_mut_ref(|| 0u32);
    {
        let notify = props.on_notify.clone();
        // Once per answer (two identical answers in a row are still two files).
        use_effect_with(jobs.answers, move |_| match jobs_answer.as_deref() {
            Some(Response::Export { format, text, .. }) => {
                let (name, mime) = file_of(*format);
                if let Err(e) = browser::download_text(name, mime, text) {
                    notify.emit(format!("The download could not start: {e}"));
                }
            }
            Some(Response::Error { message, .. }) => notify.emit(format!("The file could not be made: {message}")),
            _ => {}
        });
    }
    let export = |format: ExportFormat| {
        let (send, scenario, next_id) = (jobs.send.clone(), scenario.clone(), next_id.clone());
        Callback::from(move |_: MouseEvent| {
            let mut id = next_id.borrow_mut();
            *id += 1;
            send.emit(Request::Export { id: *id, scenario: scenario.clone(), format });
        })
    };
    let on_file = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import.emit(file);
            }
            input.set_value(""); // picking the same file again must fire again
        })
    };
    let open_picker = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlElement>() {
                input.click();
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            input.select();
        }
    });

    html! {
        <section class="scenario-bar" aria-label="Scenario">
            <div class="lever choice">
                <label for="preset">{ "Preset" }</label>
                <select id="preset" onchange={on_preset} aria-describedby="preset-note">
                    <option value="" selected={chosen_name.is_empty()}>{ blank }</option>
                    <optgroup label="Illustrative archetypes">
                        for p in presets.iter().filter(|p| p.kind == PresetKind::Illustrative) {
                            <option value={p.name.clone()} selected={chosen_name == p.name}>{ p.title.clone() }</option>
                        }
                    </optgroup>
                    <optgroup label="Real protocols, fitted to public numbers">
                        for p in presets.iter().filter(|p| p.kind == PresetKind::Real) {
                            <option value={p.name.clone()} selected={chosen_name == p.name}>
                                { format!("{} (as of {})", p.title, p.as_of.map(|d| d.to_string()).unwrap_or_default()) }
                            </option>
                        }
                    </optgroup>
                </select>
                <p class="help" id="preset-note">if let Some(note) = note { { note } } else { { "Illustrative archetypes to start from, and real protocols fitted to their " }<a href="calibration.html">{ "public numbers" }</a>{ "." } }</p>
                if let Some(p) = chosen.as_ref().filter(|p| p.kind == PresetKind::Real) {
                    <PresetFit key={p.name.clone()} preset={p.clone()} />
                }
            </div>
            <div class="button-row">
                <button type="button" onclick={on_copy}>{ "Copy link" }</button>
                <button type="button" onclick={on_pin} aria-pressed={props.pinned.to_string()}>
                    { if props.pinned { "Unpin A" } else { "Pin as A to compare" } }
                </button>
            </div>
            { match &*copied {
                Some(Ok(())) => html! { <p class="status" role="status">{ "Link copied: it opens this exact design." }</p> },
                // The clipboard was refused: show the link to copy by hand.
                Some(Err(e)) => html! {
                    <>
                        <p class="status" role="status">{ e.clone() }</p>
                        <label class="link-field">
                            <span>{ "Share link" }</span>
                            <input type="text" readonly=true value={browser::link_to(&props.link)} onfocus={select_all} />
                        </label>
                    </>
                },
                None => html! {},
            } }
            <div class="button-row exports" role="group" aria-label="Export and import" aria-busy={jobs.busy.to_string()}>
                <span class="row-label" aria-hidden="true">{ "Files:" }</span>
                { small_button(export(ExportFormat::Csv), Some("Download CSV".into()), Some("The monthly projection as CSV"), "CSV") }
                { small_button(export(ExportFormat::Json), Some("Download JSON".into()), Some("Scenario, months, summary and lenses as JSON"), "JSON") }
                { small_button(export(ExportFormat::Scenario), Some("Scenario JSON".into()), Some("The design alone, to import later"), "Scenario") }
                { small_button(open_picker, None, Some("Load a design from a JSON file"), "Import…") }
                <input type="file" ref={file_input} class="visually-hidden" accept=".json,application/json" aria-label="Import scenario JSON file" onchange={on_file} tabindex="-1" />
            </div>
            if jobs.busy { <p class="status" role="status">{ "Preparing the file…" }</p> }
            <p class="help">{ "Or drop a design's JSON file anywhere on the page." }</p>
        </section>
    }
}
