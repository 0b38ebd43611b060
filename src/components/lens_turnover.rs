//! "Turnover vs consumption": the chart and the figures that make the essay's first point, with
//! consumption split into what use burned, what staking locked (or released) and what slashing
//! destroyed.

use super::chart_card::ChartCard;
use super::figure;
use crate::charts::ChartKind;
use crate::format::{pct, pct_adaptive, significant};
use consumption_lab_engine::Projection;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`TurnoverLens`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The projection shown.
    pub projection: Rc<Projection>,
    /// The pinned design, drawn dashed.
    #[prop_or_default]
    pub compare: Option<Rc<Projection>>,
}

/// Mean annualised rates over the months: burned by use, locked into staking net of stake that
/// left, and slashed (the rest of `consumption_rate`, which is their sum).
fn parts(p: &Projection) -> (f64, f64, f64) {
    let n = p.months.len().max(1) as f64;
    let mean = |f: fn(&consumption_lab_engine::Month) -> f64| p.months.iter().map(f).sum::<f64>() / n;
    let (burn, staking) = (mean(|m| m.burn_rate), mean(|m| m.staking_consumption_rate));
    (burn, staking, (p.summary.mean_consumption_rate - burn - staking).max(0.0))
}

/// See the module doc.
#[component]
pub fn TurnoverLens(props: &Props) -> Html {
    let s = &props.projection.summary;
    let (burned, staking, slashed) = parts(&props.projection);
    let rate = |v: f64| format!("{}/yr", pct_adaptive(v));
    let ratio = if s.mean_consumption_rate > 0.0 {
        format!("{}×", significant(s.mean_turnover / s.mean_consumption_rate, 3))
    } else if s.mean_turnover > 0.0 {
        "no consumption".to_owned()
    } else {
        "—".to_owned()
    };
    html! {
        <ChartCard kind={ChartKind::Turnover} id="turnover" title="Turnover vs consumption"
            caption="Turnover is how often tokens change hands; consumption is how much of the supply use destroys or locks. Dashboards show the first; value needs the second."
            projection={props.projection.clone()} compare={props.compare.clone()}>
            <dl class="lens-figures">
                { figure(Some(("mean_turnover", s.mean_turnover)), "Turnover", format!("{}/yr", pct_adaptive(s.mean_turnover))) }
                { figure(Some(("mean_consumption_rate", s.mean_consumption_rate)), "Consumption", format!("{}/yr", pct_adaptive(s.mean_consumption_rate))) }
                { figure(Some(("mean_burn_rate", burned)), "of which burned by use", rate(burned)) }
                { figure(Some(("mean_staking_consumption_rate", staking)), if staking < 0.0 { "less stake that left" } else { "of which locked in staking" }, rate(staking.abs())) }
                if s.cumulative_slashed > 0.0 {
                    { figure(Some(("mean_slashed_rate", slashed)), "of which slashed", rate(slashed)) }
                }
                { figure(None, "Traded per token consumed", ratio) }
                { figure(Some(("volume_reaching_holders", s.volume_reaching_holders)), "Trading volume reaching holders", pct(s.volume_reaching_holders, 2)) }
            </dl>
        </ChartCard>
    }
}
