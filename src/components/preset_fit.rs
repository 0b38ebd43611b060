//! A real protocol's sources and fit, under the preset menu: each public checkpoint beside the
//! preset's projection, and where the figures come from (`docs/calibration.md` has the same
//! table, printed from the same code).

use consumption_lab_engine::calibration::{figure, percent};
use consumption_lab_engine::presets::Preset;
use yew::prelude::*;

/// Props: the real preset on screen.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The preset.
    pub preset: Preset,
}

/// See the module doc.
#[component]
pub fn PresetFit(props: &Props) -> Html {
    let preset = &props.preset;
    let rows = use_memo(preset.name.clone(), {
        let preset = preset.clone();
        move |_| preset.fits()
    });
    html! {
        <details class="preset-fit">
            <summary>{ format!("Sources and fit (as of {})", preset.as_of.map(|d| d.to_string()).unwrap_or_default()) }</summary>
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
        </details>
    }
}
