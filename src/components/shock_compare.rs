//! "When speculation fades": value capture, consumption and turnover before and after the shock.

use super::figure;
use crate::format::{pct, pct_adaptive, pct_change, price, usd};
use consumption_lab_engine::lenses::Window;
use consumption_lab_engine::Projection;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ShockCompare`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projection compared.
    pub projection: Rc<Projection>,
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    let intro = "The essay's claim: designs driven by consumption keep capturing value when speculation fades.";
    let body = match props.projection.lenses.shock {
        None => html! {
            <p class="empty">{ "No shock in this design. Turn on \"Speculation shock\" in the levers: from a year you choose, speculators leave. Turnover falls, their premium leaves the price, and the share of fees that was speculation goes with them; fees that come from use do not." }</p>
        },
        Some(cmp) => {
            let year = cmp.month.div_ceil(12);
            type Row = (&'static str, fn(&Window) -> f64, fn(f64) -> String);
            let rows: [Row; 6] = [
                ("Price (mean)", |w| w.price_usd, price),
                ("Turnover", |w| w.turnover, |v| format!("{}/yr", pct_adaptive(v))),
                ("Consumption", |w| w.consumption_rate, |v| format!("{}/yr", pct_adaptive(v))),
                ("Value capture ratio", |w| w.value_capture_ratio, |v| pct(v, 1)),
                ("Net holder value a month", |w| w.net_holder_value_usd_per_month, usd),
                ("Trading volume a month", |w| w.trading_volume_usd_per_month, usd),
            ];
            let before_head = if year > 1 { format!("Before (years 1–{})", year - 1) } else { "Before".to_owned() };
            let kept = html! {
                <dl class="lens-figures">
                    { figure(Some(("price_kept", cmp.price_kept)), "Price kept in the shock's first year", pct(cmp.price_kept, 0)) }
                    { figure(None, "Price just before", price(cmp.price_before)) }
                </dl>
            };
            html! {
                <>
                { kept }
                <table class="compare">
                    <thead><tr><th scope="col">{ "" }</th><th scope="col">{ before_head }</th><th scope="col">{ format!("From year {year}") }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>
                        for (label, get, show) in rows {
                            <tr>
                                <th scope="row">{ label }</th>
                                <td>{ cmp.before.as_ref().map_or("—".to_owned(), |b| show(get(b))) }</td>
                                <td>{ show(get(&cmp.after)) }</td>
                                <td>{ cmp.before.as_ref().map_or("—".to_owned(), |b| change(get(b), get(&cmp.after))) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
                </>
            }
        }
    };
    html! {
        <section class="card shock-compare" id="shock" aria-labelledby="shock-title">
            <h2 id="shock-title">{ "When speculation fades" }</h2>
            <p class="caption">{ intro }</p>
            { body }
        </section>
    }
}

fn change(before: f64, after: f64) -> String {
    if before == 0.0 {
        if after == 0.0 {
            "no change".to_owned()
        } else {
            "—".to_owned()
        }
    } else if ((after - before) / before).abs() < 5e-4 {
        "unchanged".to_owned()
    } else {
        pct_change(after / before - 1.0)
    }
}
