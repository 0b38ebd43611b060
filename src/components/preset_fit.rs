//! A real protocol's sources and fit, under the preset menu: each public checkpoint beside the
//! preset's projection, and where the figures come from (`docs/calibration.md` has the same
//! table, printed from the same code). The page's module does not carry the evidence: it is
//! fetched from the preset's evidence file the first time the section is opened.

use consumption_lab_engine::calibration::{figure, percent};
use consumption_lab_engine::presets::{Evidence, Preset};
use yew::prelude::*;

/// The preset with its evidence, read from its file.
async fn with_evidence(preset: Preset) -> Result<Preset, String> {
    let text = crate::browser::fetch_text(&preset.evidence_path()).await?;
    let evidence: Evidence = consumption_lab_engine::json::read(&text).map_err(|e| e.to_string())?;
    Ok(preset.with_evidence(evidence))
}

/// Props: the real preset on screen.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The preset.
    pub preset: Preset,
}

/// See the module doc.
#[component]
pub fn PresetFit(props: &Props) -> Html {
    let loaded = use_state(|| props.preset.has_evidence().then(|| Ok(props.preset.clone())));
    // One fetch at a time; after a failure (offline on a first visit) the next opening tries again.
    let fetching = use_mut_ref(|| false);
    let ontoggle = {
        let (loaded, preset) = (loaded.clone(), props.preset.clone());
        Callback::from(move |_: Event| {
            if !matches!(*loaded, Some(Ok(_))) && !fetching.replace(true) {
                let (loaded, preset, fetching) = (loaded.clone(), preset.clone(), fetching.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(Some(with_evidence(preset).await));
                    *fetching.borrow_mut() = false;
                });
            }
        })
    };
    let summary = format!("Sources and fit (as of {})", props.preset.as_of.map(|d| d.to_string()).unwrap_or_default());
    let body = match &*loaded {
        // Keyed by the preset's name where it is used, so another preset starts afresh.
        Some(Ok(preset)) => evidence(preset),
        Some(Err(e)) => {
            html! { <p class="help" role="status">{ format!("{e}: the same table is in the ") }<a href="calibration.html">{ "calibration notes" }</a>{ "." }</p> }
        }
        _ => html! { <p class="help" role="status">{ "Loading the sources…" }</p> },
    };
    html! {
        <details class="preset-fit" {ontoggle}>
            <summary>{ summary }</summary>
            { body }
        </details>
    }
}

/// The fit table and the sources of a preset whose evidence is here.
fn evidence(preset: &Preset) -> Html {
    let rows = preset.fits();
    html! {
        <>
            <p class="help">{ format!("Leaves out: {}", preset.leaves_out) }</p>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{ "Public figures beside this preset's projection" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Date" }</th><th scope="col">{ "Quantity" }</th>
                        <th scope="col">{ "Public" }</th><th scope="col">{ "Model" }</th>
                        <th scope="col">{ "Error" }</th><th scope="col">{ "Role" }</th>
                    </tr></thead>
                    <tbody>
                        for fit in rows.iter() {
                            <tr>
                                <td>{ match fit.checkpoint.from {
                                    Some(from) if from != fit.checkpoint.date => format!("{from} to {}", fit.checkpoint.date),
                                    _ => fit.checkpoint.date.to_string(),
                                } }</td>
                                <td>{ fit.checkpoint.quantity.label() }</td>
                                <td>{ figure(fit.checkpoint.quantity, fit.checkpoint.value) }</td>
                                <td>{ fit.model.map_or("—".to_owned(), |m| figure(fit.checkpoint.quantity, m)) }</td>
                                <td>{ fit.error.map_or("—".to_owned(), percent) }</td>
                                <td>{ if fit.checkpoint.fitted { "fitted" } else { "held out" } }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <ul class="sources">
                for s in preset.sources.iter() {
                    <li>
                        <a href={s.url.clone()} rel="noopener noreferrer" target="_blank">{ s.title.clone() }</a>
                        { format!(", {}, {} ({})", s.publisher, s.date, if s.primary { "primary" } else { "secondary" }) }
                    </li>
                }
            </ul>
        </>
    }
}
