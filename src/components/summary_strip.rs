//! The headline figures: what a design does to supply and to the value of its fees.

use crate::format::{pct, pct_change, price, tokens, usd};
use consumption_lab_engine::warnings::warnings;
use consumption_lab_engine::Projection;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SummaryStrip`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projection summarised.
    pub projection: Rc<Projection>,
}

/// One figure: a stable id (for tests and styling), label, value, a line of context, and the raw number.
struct Figure {
    id: &'static str,
    label: String,
    value: String,
    note: String,
    raw: f64,
}

/// The treasury's runway: the month it ran dry, or the months of budget it holds at the end.
fn runway(p: &Projection) -> Figure {
    let s = &p.summary;
    let budget = |m: &consumption_lab_engine::Month| m.treasury_spent_usd + m.treasury_shortfall_usd;
    let last_budget = p.months.last().map_or(0.0, budget);
    let income = p.months.last().map_or(0.0, |m| m.treasury_usd);
    let (value, note, raw) = match (s.treasury_dry_month, s.final_treasury_runway_months) {
        (0, None) => ("no budget".to_owned(), "the treasury spends nothing".to_owned(), 0.0),
        (0, Some(months)) if income >= last_budget => (
            "income covers it".to_owned(),
            format!(
                "{}/mo of fees against {}/mo of budget; holdings {} months of it",
                usd(income),
                usd(last_budget),
                crate::format::significant(months, 3)
            ),
            months,
        ),
        (0, Some(months)) => (
            if months < 24.0 {
                format!("{} months", crate::format::significant(months, 2))
            } else {
                format!("{} years", crate::format::significant(months / 12.0, 2))
            },
            format!("of {}/mo left at the end; {} spent", usd(last_budget), usd(s.treasury_spent_usd)),
            months,
        ),
        (dry, _) => (
            format!("dry in year {}", dry.div_ceil(12)),
            format!("month {dry}: {} of budget unpaid over the horizon", usd(s.treasury_shortfall_usd)),
            0.0,
        ),
    };
    Figure { id: "treasury_runway", label: "Treasury runway".into(), value, note, raw }
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    let s = &props.projection.summary;
    let years = props.projection.scenario.years;
    let last = props.projection.months.last().copied().unwrap_or_default();
    let peak = if s.peak_supply_month == 0 {
        "never above its start".to_owned()
    } else {
        format!("peak {} in year {}", crate::format::si(s.peak_supply), s.peak_supply_month.div_ceil(12))
    };
    let figures = [
        Figure {
            id: "final_supply",
            label: format!("Supply after {}", crate::format::count(years, "year")),
            value: tokens(s.final_supply),
            note: format!("from {}", tokens(s.initial_supply)),
            raw: s.final_supply,
        },
        Figure {
            id: "net_supply_change",
            label: "Net supply change".into(),
            value: pct_change(s.net_supply_change),
            note: peak,
            raw: s.net_supply_change,
        },
        Figure {
            id: "final_price_usd",
            label: format!("Price after {}", crate::format::count(years, "year")),
            value: price(s.final_price_usd),
            note: format!("from {} at launch", price(props.projection.scenario.initial_price_usd)),
            raw: s.final_price_usd,
        },
        Figure {
            id: "final_market_cap_usd",
            label: "Market cap at the end".into(),
            value: usd(s.final_market_cap_usd),
            // One figure for the three caps, so the headline stays three rows on a laptop.
            note: if props.projection.scenario.max_supply.is_some() {
                format!(
                    "circulating {}, fully diluted {}",
                    usd(last.circulating_market_cap_usd),
                    usd(last.fully_diluted_usd)
                )
            } else {
                format!("price × all tokens, locked ones too; circulating {}", usd(last.circulating_market_cap_usd))
            },
            raw: s.final_market_cap_usd,
        },
        Figure {
            id: "value_capture_ratio",
            label: "Value capture ratio".into(),
            value: pct(s.value_capture_ratio, 1),
            note: "of gross fees burned or paid to stakers".into(),
            raw: s.value_capture_ratio,
        },
        Figure {
            id: "leaked_usd",
            label: "Leaked to third parties".into(),
            value: usd(s.leaked_usd),
            note: format!("{} of {} gross fees", pct(s.leaked_ratio, 1), usd(s.fees_usd)),
            raw: s.leaked_usd,
        },
        Figure {
            id: "final_circulating",
            label: "Circulating at the end".into(),
            value: tokens(last.circulating),
            note: if last.treasury_tokens > 0.0 {
                format!("the treasury holds {}, {} are staked", tokens(last.treasury_tokens), tokens(last.staked))
            } else {
                format!("{} are staked", tokens(last.staked))
            },
            raw: last.circulating,
        },
        Figure {
            id: "final_staked_share",
            label: "Staked at the end".into(),
            value: pct(s.final_staked_share, 1),
            note: format!(
                "of the stakeable tokens, from {}; real yield {}",
                pct(props.projection.scenario.staked_fraction, 0),
                if last.staked > 0.0 {
                    format!("{}/yr", crate::format::pct_adaptive(last.staking_yield))
                } else {
                    "—".into()
                }
            ),
            raw: s.final_staked_share,
        },
        runway(&props.projection),
        Figure {
            id: "cumulative_burned",
            label: "Cumulative burned".into(),
            value: tokens(s.cumulative_burned),
            note: format!("worth {} when burned", usd(s.burned_usd)),
            raw: s.cumulative_burned,
        },
        Figure {
            id: "cumulative_minted",
            label: "Cumulative minted".into(),
            value: tokens(s.cumulative_minted),
            note: format!("{} of dilution, {} sold", usd(s.minted_usd), usd(s.minted_sold_usd)),
            raw: s.cumulative_minted,
        },
    ];
    // Results outside the range where the model means anything, said beside their figure.
    let warned = warnings(&props.projection);
    html! {
        <>
        <dl class="summary-strip" aria-label="Headline figures">
            for f in figures {
                <div class={classes!("figure", format!("figure-{}", f.id), warned.iter().any(|w| w.figure() == f.id).then_some("warned"))} data-figure={f.id} data-value={f.raw.to_string()}>
                    <dt>{ f.label }</dt>
                    <dd>
                        <span class="figure-value">{ f.value }</span>
                        <span class="figure-note">{ f.note }</span>
                        for w in warned.iter().filter(|w| w.figure() == f.id) {
                            <span class="figure-warning" role="note">{ w.message() }</span>
                        }
                    </dd>
                </div>
            }
        </dl>
        <p class="assumes" id="assumes">
            <strong>{ "What this assumes: " }</strong>{ crate::assumptions::assumptions(&props.projection.scenario) }
            { " " }{ super::notes_link("simplifications") }
        </p>
        </>
    }
}
