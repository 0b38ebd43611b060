//! The Jevons explorer: its own inputs (unit price decline, period, elasticity or observed spend),
//! log-axis curves of price, volume and spend, and a button that carries the implied annual growth
//! into the projection as fee growth, so the Jevons curve drives the supply chart.

use super::figure;
use crate::charts::{canvas, jevons as chart};
use crate::format::{multiple, pct_change, significant};
use crate::hooks::use_size;
use consumption_lab_engine::fields::numeric_field;
use consumption_lab_engine::jevons::{jevons, Given, Jevons, AI_TOKENS_2023_2025};
use consumption_lab_engine::number;
use web_sys::{HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`JevonsPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// "Use as fee growth": the annual growth to set and the period it was observed over, years.
    pub on_use_growth: Callback<(f64, f64)>,
}

/// The explorer's inputs as typed.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    price_factor: String,
    years: String,
    /// `true`: elasticity is given, spend is solved; `false`: spend is given, elasticity solved.
    from_elasticity: bool,
    elasticity: String,
    spend_multiple: String,
}

impl Form {
    fn ai_preset() -> Self {
        let (f, y, given) = AI_TOKENS_2023_2025;
        let m = match given {
            Given::SpendMultiple(m) => m,
            Given::Elasticity(_) => 4.2,
        };
        Self {
            price_factor: f.to_string(),
            years: y.to_string(),
            from_elasticity: false,
            elasticity: "1.25".into(),
            spend_multiple: m.to_string(),
        }
    }

    fn solve(&self) -> Result<Jevons, String> {
        let number = |label: &str, text: &str| -> Result<f64, String> {
            number::parse(text.trim()).ok_or_else(|| format!("{label}: \"{}\" is not a number.", text.trim()))
        };
        let f = number("Unit price decline", &self.price_factor)?;
        let y = number("Period", &self.years)?;
        let given = if self.from_elasticity {
            Given::Elasticity(number("Demand elasticity", &self.elasticity)?)
        } else {
            Given::SpendMultiple(number("Spend multiple", &self.spend_multiple)?)
        };
        jevons(f, y, given).map_err(|e| e.to_string())
    }
}

/// See the module doc.
#[component]
pub fn JevonsPanel(props: &Props) -> Html {
    let form = use_state(Form::ai_preset);
    let result = form.solve();
    let wrap = use_node_ref();
    let canvas_ref = use_node_ref();
    let size = use_size(wrap.clone());

    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with((result.clone().ok(), size), move |(j, size)| {
            if let (Some(j), Some(c), true) = (j, canvas_ref.cast::<HtmlCanvasElement>(), size.0 > 0.0) {
                if let Err(e) = canvas::draw_with(&c, *size, |root, frame| chart::draw(root, j, frame)) {
                    gloo::console::error!(format!("Jevons chart could not be drawn: {e}"));
                }
            }
        });
    }

    let edit = |apply: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            apply(&mut next, input.value());
            form.set(next);
        })
    };
    let on_mode = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            next.from_elasticity = select.value() == "from_elasticity";
            // What was solved becomes what is given, to six digits: switching must not move the
            // answer (the AI figures' 1.2516 kept as 1.25 gave 4.16× instead of the essay's 4.2×).
            if let (Ok(j), true) = (form.solve(), next.from_elasticity != form.from_elasticity) {
                if next.from_elasticity {
                    next.elasticity = crate::format::significant(j.elasticity, 6);
                } else {
                    next.spend_multiple = crate::format::significant(j.spend_multiple, 6);
                }
            }
            form.set(next);
        })
    };
    let on_preset = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(Form::ai_preset()))
    };
    let growth = result.as_ref().ok().map(|j| (j.annual_spend_growth, j.years));
    let growth_ok = growth.is_some_and(|(g, _)| numeric_field("fee_growth").is_some_and(|f| f.check(g).is_ok()));
    let on_use = {
        let cb = props.on_use_growth.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(g) = growth {
                cb.emit(g);
            }
        })
    };

    let field = |id: &str, label: &str, unit: &str, value: &str, help: &str, oninput: Callback<InputEvent>| {
        html! {
            <div class="lever">
                <label for={id.to_owned()}>{ label.to_owned() }</label>
                <span class="number-box">
                    <input type="text" inputmode="decimal" id={id.to_owned()} autocomplete="off" value={value.to_owned()}
                        aria-describedby={format!("{id}-help")} {oninput} />
                    <span class="unit" aria-hidden="true">{ unit.to_owned() }</span>
                </span>
                <p class="help" id={format!("{id}-help")}>{ help.to_owned() }</p>
            </div>
        }
    };

    html! {
        <section class="card jevons" id="jevons" aria-labelledby="jevons-title">
            <h2 id="jevons-title">{ "Jevons explorer" }</h2>
            <p class="caption">{ "When the unit price of a service falls, does total spend fall with it? With demand elasticity above 1, spend rises: the Jevons paradox. AI tokens got 300× cheaper in two years while enterprise spend rose 320 %." }</p>
            <div class="jevons-grid">
                <div class="jevons-inputs">
                    { field("jevons-price-factor", "Unit price decline", "× cheaper", &form.price_factor, "Total factor by which the price per unit fell over the period (300 = to 1/300th).", edit(|f, v| f.price_factor = v)) }
                    { field("jevons-years", "Period", "years", &form.years, "How long the fall took.", edit(|f, v| f.years = v)) }
                    <div class="lever choice">
                        <label for="jevons-mode">{ "Solve for" }</label>
                        <select id="jevons-mode" onchange={on_mode}>
                            <option value="from_elasticity" selected={form.from_elasticity}>{ "Spend, from an elasticity" }</option>
                            <option value="from_spend" selected={!form.from_elasticity}>{ "Elasticity, from observed spend" }</option>
                        </select>
                    </div>
                    if form.from_elasticity {
                        { field("jevons-elasticity", "Demand elasticity", "", &form.elasticity, "How strongly volume answers price: volume grows by (price factor) to this power.", edit(|f, v| f.elasticity = v)) }
                    } else {
                        { field("jevons-spend", "Spend multiple", "× start", &form.spend_multiple, "Total spend at the end over spend at the start (4.2 = +320 %).", edit(|f, v| f.spend_multiple = v)) }
                    }
                    <div class="button-row">
                        <button type="button" onclick={on_preset}>{ "AI tokens 2023–2025" }</button>
                        <button type="button" class="primary" onclick={on_use} disabled={!growth_ok}>{ "Use as fee growth" }</button>
                    </div>
                </div>
                <div class="jevons-results">
                    { match &result {
                        Ok(j) => html! {
                            <>
                                <dl class="lens-figures">
                                    { figure(Some(("jevons_spend_multiple", j.spend_multiple)), "Spend multiple", format!("{} ({})", multiple(j.spend_multiple), pct_change(j.spend_multiple - 1.0))) }
                                    { figure(Some(("jevons_elasticity", j.elasticity)), if form.from_elasticity { "Demand elasticity" } else { "Implied elasticity" }, significant(j.elasticity, 4)) }
                                    { figure(Some(("jevons_volume_multiple", j.volume_multiple)), "Volume multiple", multiple(j.volume_multiple)) }
                                    { figure(Some(("jevons_growth", j.annual_spend_growth)), "Annual spend growth", format!("{}/yr", pct_change(j.annual_spend_growth))) }
                                </dl>
                                <p class="rule">{ format!("spend multiple = (price factor)^(elasticity − 1) = {}^({} − 1) = {}", significant(j.price_factor, 4), significant(j.elasticity, 4), significant(j.spend_multiple, 4)) }</p>
                            </>
                        },
                        Err(e) => html! { <p class="lever-error" role="alert">{ e.clone() }</p> },
                    } }
                    <div class="chart-wrap jevons-chart" ref={wrap}>
                        <canvas ref={canvas_ref} role="img" aria-label="Jevons curves: unit price, volume consumed and total spend over the period, log scale"></canvas>
                    </div>
                    if !growth_ok && result.is_ok() {
                        <p class="help">{ "This growth is outside what fee growth allows (greater than −100 %, at most 10,000 % a year)." }</p>
                    }
                </div>
            </div>
        </section>
    }
}
