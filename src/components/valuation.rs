//! Valuation lenses: what the holders' cash flows and the token-denominated demand would support
//! per token, beside the market price, each with what it assumes.

use super::explained_figure;
use crate::format::{pct, price};
use consumption_lab_engine::Projection;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Valuation`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projection valued.
    pub projection: Rc<Projection>,
}

/// See the module doc. A function, not a component: it keeps no state, and it is drawn afresh with every projection
/// anyway, so a component's machinery would only add to the page's download.
pub fn view(props: &Props) -> Html {
    let p = &props.projection;
    let v = p.lenses.valuation;
    let utility = v.utility_value_per_token_usd.map_or("undefined (no trading)".to_owned(), price);
    html! {
        <section class="card valuation" id="valuation" aria-labelledby="valuation-title">
            <h2 id="valuation-title">{ "Valuation lenses" }</h2>
            <p class="caption">{ "Two ways to value a token from its use, beside the price the model assumes." }</p>
            <dl class="valuation-figures">
                { explained_figure(Some(("market_price", v.market_price_usd)), "Market price", price(v.market_price_usd),
                    Some("The price the price model sets in month 1: an assumption, not a result.".to_owned())) }
                { explained_figure(Some(("present_value_per_token", v.present_value_per_token_usd)), "Present value of holder cash flows", price(v.present_value_per_token_usd),
                    Some(format!("Burned value plus staker revenue minus sold dilution, month by month, discounted at {}/yr over {}, per token today. Assumes nothing after the horizon and that a burn is worth its price to the remaining holders.", pct(v.discount_rate, 1), crate::format::count(p.scenario.years, "year")))) }
                { explained_figure(Some(("utility_value_per_token", v.utility_value_per_token_usd.unwrap_or(f64::NAN))), "Utility value (equation of exchange)", utility,
                    Some(format!("The market cap that first-year fees paid in the token support when each token trades {}× a year (fees ÷ turnover), per token. Assumes tokens are held only to pay fees; non-native fees support none.", crate::format::significant(p.scenario.turnover, 3)))) }
            </dl>
        </section>
    }
}
