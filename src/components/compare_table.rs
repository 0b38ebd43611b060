//! A against B: the headline figures of the pinned design and the current one, with the difference.

use crate::format::{pct, pct_adaptive, price, tokens, usd};
use consumption_lab_engine::Projection;
use yew::prelude::*;

/// Props of [`CompareTable`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Name of the pinned design.
    pub label: String,
    /// The pinned design "A".
    pub a: std::rc::Rc<Projection>,
    /// The current design "B".
    pub b: std::rc::Rc<Projection>,
    /// Stop comparing.
    pub on_unpin: Callback<MouseEvent>,
}

type Row = (&'static str, fn(&Projection) -> f64, fn(f64) -> String, fn(f64) -> String);

const ROWS: &[Row] = &[
    ("Supply at the horizon", |p| p.summary.final_supply, tokens, |d| signed(tokens(d.abs()), d)),
    (
        "Net supply change",
        |p| p.summary.net_supply_change,
        |v| pct(v, 1),
        |d| signed(format!("{:.1} pp", d.abs() * 100.0), d),
    ),
    (
        "Value capture ratio",
        |p| p.summary.value_capture_ratio,
        |v| pct(v, 1),
        |d| signed(format!("{:.1} pp", d.abs() * 100.0), d),
    ),
    ("Price at the horizon", |p| p.summary.final_price_usd, price, |d| signed(price(d.abs()), d)),
    ("Market cap at the horizon", |p| p.summary.final_market_cap_usd, usd, |d| signed(usd(d.abs()), d)),
    ("Leaked to third parties", |p| p.summary.leaked_usd, usd, |d| signed(usd(d.abs()), d)),
    ("Cumulative burned", |p| p.summary.cumulative_burned, tokens, |d| signed(tokens(d.abs()), d)),
    ("Cumulative minted", |p| p.summary.cumulative_minted, tokens, |d| signed(tokens(d.abs()), d)),
    (
        "Consumption",
        |p| p.summary.mean_consumption_rate,
        |v| format!("{}/yr", pct_adaptive(v)),
        |d| signed(format!("{:.2} pp", d.abs() * 100.0), d),
    ),
    (
        "Present value per token",
        |p| p.lenses.valuation.present_value_per_token_usd,
        price,
        |d| signed(price(d.abs()), d),
    ),
];

fn signed(text: String, d: f64) -> String {
    if d > 0.0 {
        format!("+{text}")
    } else if d < 0.0 {
        format!("−{text}")
    } else {
        "same".to_owned()
    }
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    html! {
        <section class="card compare-card" id="compare" aria-labelledby="compare-title">
            <div class="card-head">
                <h2 id="compare-title">{ "A against B" }</h2>
                { super::small_button(props.on_unpin.clone(), None, None, "Unpin A") }
            </div>
            <p class="caption">{ format!("{} is drawn dashed on the charts; B is the design on screen. Differences are B − A.", props.label) }</p>
            <table class="compare">
                <thead><tr><th scope="col">{ "" }</th><th scope="col">{ props.label.clone() }</th><th scope="col">{ "B: on screen" }</th><th scope="col">{ "B − A" }</th></tr></thead>
                <tbody>
                    for (label, get, show, diff) in ROWS.iter() {
                        <tr>
                            <th scope="row">{ *label }</th>
                            <td>{ show(get(&props.a)) }</td>
                            <td>{ show(get(&props.b)) }</td>
                            <td>{ diff(get(&props.b) - get(&props.a)) }</td>
                        </tr>
                    }
                </tbody>
            </table>
        </section>
    }
}
