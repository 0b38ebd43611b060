//! "Turnover vs consumption": the chart and the four figures that make the essay's first point.

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

/// See the module doc.
#[component]
pub fn TurnoverLens(props: &Props) -> Html {
    let s = &props.projection.summary;
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
                { figure(None, "Traded per token consumed", ratio) }
                { figure(Some(("volume_reaching_holders", s.volume_reaching_holders)), "Trading volume reaching holders", pct(s.volume_reaching_holders, 2)) }
            </dl>
        </ChartCard>
    }
}
