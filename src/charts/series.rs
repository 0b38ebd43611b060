//! What each chart plots, as data: label, colour, how to read the value from a month, and how to
//! mark it. Drawing, legends, hover read-outs and the text tables all read these lists, so a
//! series cannot appear in the picture and be missing from the read-out.

use super::palette::*;
use consumption_lab_engine::{Month, Projection};
use plotters::style::RGBColor;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A solid line of this width in CSS pixels.
    Line(f64),
    /// A dashed line (reference levels, ratios on the secondary axis).
    Dashed,
    /// A band in a stacked area.
    Area,
    /// A dotted line (a second reference level).
    Dotted,
    /// A band in a stacked area, lighter (the same source on the other side of zero).
    Hatched,
}

/// What the value is, for formatting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    /// Token amounts.
    Tokens,
    /// US dollars.
    Usd,
    /// A fraction shown as a percentage.
    Ratio,
    /// A rate per year shown as a percentage.
    RatePerYear,
    /// A token price in USD, with the digits a small price needs.
    Price,
}

/// One plotted series.
#[derive(Debug, Clone, Copy)]
pub struct Series {
    /// Legend and read-out label.
    pub label: &'static str,
    /// Colour (see `palette`).
    pub color: RGBColor,
    /// The value for a month.
    pub value: fn(&Month) -> f64,
    /// How it is drawn.
    pub mark: Mark,
    /// How it is formatted.
    pub quantity: Quantity,
}

impl Series {
    /// The value formatted for a read-out.
    pub fn show(&self, m: &Month) -> String {
        show(self.quantity, (self.value)(m))
    }
}

/// A value formatted by what it measures.
pub fn show(quantity: Quantity, v: f64) -> String {
    use crate::format;
    match quantity {
        Quantity::Tokens => format::tokens(v),
        Quantity::Usd => format::usd(v),
        Quantity::Ratio => format::pct(v, 1),
        Quantity::RatePerYear => format!("{}/yr", format::pct_adaptive(v)),
        Quantity::Price => format::price(v),
    }
}

/// "Projected supply": stocks in tokens, from month 0 (the pinned design is drawn with total
/// supply, burned and minted: `supply::COMPARED` holds their places).
pub const SUPPLY: &[Series] = &[
    Series {
        label: "Total supply",
        color: INK,
        value: |m| m.supply,
        mark: Mark::Line(2.5),
        quantity: Quantity::Tokens,
    },
    Series {
        label: "Circulating",
        color: CIRCULATING,
        value: |m| m.circulating,
        mark: Mark::Line(1.75),
        quantity: Quantity::Tokens,
    },
    Series { label: "Staked", color: STAKERS, value: |m| m.staked, mark: Mark::Line(1.75), quantity: Quantity::Tokens },
    Series {
        label: "Locked (vesting)",
        color: LOCKED,
        value: |m| m.locked,
        mark: Mark::Line(1.75),
        quantity: Quantity::Tokens,
    },
    Series {
        label: "Cumulative burned",
        color: BURN,
        value: |m| m.cumulative_burned,
        mark: Mark::Line(2.0),
        quantity: Quantity::Tokens,
    },
    Series {
        label: "Cumulative minted",
        color: MINTED,
        value: |m| m.cumulative_minted,
        mark: Mark::Line(2.0),
        quantity: Quantity::Tokens,
    },
];

/// The staked share of the stakeable tokens, drawn on the supply chart's secondary axis.
pub const STAKED_SHARE: Series = Series {
    label: "Staked share (right axis)",
    color: STAKERS,
    value: |m| m.staked_share,
    mark: Mark::Dashed,
    quantity: Quantity::Ratio,
};

/// Burn and mint's equilibrium usage, drawn on the fee chart under burn and mint.
pub const EQUILIBRIUM_FEES: Series = Series {
    label: "Usage where burn = mint",
    color: MINTED,
    value: |m| m.equilibrium_fees_usd,
    mark: Mark::Dashed,
    quantity: Quantity::Usd,
};

/// "Unlocks": the lines over the stacked buckets.
pub const UNLOCK_LINES: &[Series] = &[
    Series {
        label: "Total supply",
        color: INK,
        value: |m| m.supply,
        mark: Mark::Line(2.5),
        quantity: Quantity::Tokens,
    },
    Series {
        label: "Circulating",
        color: CIRCULATING,
        value: |m| m.circulating,
        mark: Mark::Line(2.0),
        quantity: Quantity::Tokens,
    },
    Series {
        label: "Locked (vesting)",
        color: LOCKED,
        value: |m| m.locked,
        mark: Mark::Line(1.5),
        quantity: Quantity::Tokens,
    },
];

/// "Where the fees go": each month's gross fees stacked by destination, bottom first.
pub const FEES: &[Series] = &[
    Series { label: "Burned", color: BURN, value: |m| m.burned_usd, mark: Mark::Area, quantity: Quantity::Usd },
    Series { label: "Stakers", color: STAKERS, value: |m| m.staker_usd, mark: Mark::Area, quantity: Quantity::Usd },
    Series { label: "Treasury", color: TREASURY, value: |m| m.treasury_usd, mark: Mark::Area, quantity: Quantity::Usd },
    Series { label: "Leaked", color: LEAKED, value: |m| m.leaked_usd, mark: Mark::Area, quantity: Quantity::Usd },
];

/// The value capture ratio, drawn on the fee chart's secondary axis.
pub const VALUE_CAPTURE: Series = Series {
    label: "Value capture",
    color: INK,
    value: |m| m.value_capture_ratio,
    mark: Mark::Dashed,
    quantity: Quantity::Ratio,
};

/// "Turnover vs consumption": both as shares of supply per year.
pub const TURNOVER_VS_CONSUMPTION: &[Series] = &[
    Series {
        label: "Turnover (traded)",
        color: TURNOVER,
        value: |m| m.turnover,
        mark: Mark::Line(2.5),
        quantity: Quantity::RatePerYear,
    },
    Series {
        label: "Consumption (burned or locked)",
        color: BURN,
        value: |m| m.consumption_rate,
        mark: Mark::Line(2.5),
        quantity: Quantity::RatePerYear,
    },
    Series {
        label: "of which burned by use",
        color: BURN,
        value: |m| m.burn_rate,
        mark: Mark::Dotted,
        quantity: Quantity::RatePerYear,
    },
    Series {
        label: "of which locked in staking",
        color: STAKERS,
        value: |m| m.staking_consumption_rate.max(0.0),
        mark: Mark::Line(1.5),
        quantity: Quantity::RatePerYear,
    },
    Series {
        label: "stake leaving (consumption's opposite)",
        color: STAKERS,
        value: |m| (-m.staking_consumption_rate).max(0.0),
        mark: Mark::Dashed,
        quantity: Quantity::RatePerYear,
    },
    Series {
        label: "of which slashed",
        color: LOCKED,
        value: |m| if m.supply > 0.0 { 12.0 * m.slashed / (m.supply + m.slashed + m.burned - m.minted) } else { 0.0 },
        mark: Mark::Dotted,
        quantity: Quantity::RatePerYear,
    },
];

/// "Price": the month's price and the values the market pulls it toward.
pub const PRICE: &[Series] = &[
    Series { label: "Price", color: INK, value: |m| m.price_usd, mark: Mark::Line(2.5), quantity: Quantity::Price },
    Series {
        label: "Value it is pulled toward",
        color: MUTED,
        value: |m| m.anchor_usd,
        mark: Mark::Dashed,
        quantity: Quantity::Price,
    },
    Series {
        label: "Fundamental (multiple of holder value)",
        color: LEAKED,
        value: |m| m.fundamental_usd,
        mark: Mark::Dotted,
        quantity: Quantity::Price,
    },
];

/// "Who buys, who sells": buys stacked above zero, bottom first.
pub const BUYS: &[Series] = &[
    Series {
        label: "Users buying to pay fees",
        color: USERS,
        value: |m| m.fee_buys_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Buybacks to burn",
        color: BURN,
        value: |m| m.buyback_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "New stakers buying",
        color: STAKERS,
        value: |m| m.stake_buys_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Traders buying",
        color: TURNOVER,
        value: |m| m.trader_buys_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
];

/// "Who buys, who sells": sells stacked below zero, nearest zero first.
pub const SELLS: &[Series] = &[
    Series {
        label: "Stakers selling fee revenue",
        color: STAKERS,
        value: |m| m.staker_sells_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Reward holders selling minted tokens",
        color: MINTED,
        value: |m| m.minted_sold_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Unlocked tokens sold",
        color: LOCKED,
        value: |m| m.unlock_sells_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Treasury selling for its budget",
        color: TREASURY,
        value: |m| m.treasury_sells_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Stakers leaving, selling",
        color: STAKERS,
        value: |m| m.unstake_sells_usd,
        mark: Mark::Hatched,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Third parties selling fees paid in the token",
        color: LEAKED,
        value: |m| m.third_party_sells_usd,
        mark: Mark::Area,
        quantity: Quantity::Usd,
    },
    Series {
        label: "Traders selling",
        color: TURNOVER,
        value: |m| m.trader_sells_usd,
        mark: Mark::Hatched,
        quantity: Quantity::Usd,
    },
];

/// Month 0 as a row: the initial supply split into what the allocation table keeps locked, the
/// treasury's launch share, and the staked fraction of the rest; nothing minted or burned.
pub fn start_row(p: &Projection) -> Month {
    let s = &p.scenario;
    let supply = s.initial_supply;
    let bucket = |a: &consumption_lab_engine::Allocation| a.share * supply;
    let locked: f64 = s.allocations.iter().map(|a| bucket(a) * (1.0 - a.unlocked_by(0))).sum();
    let treasury: f64 = s.allocations.iter().filter(|a| a.treasury).map(|a| bucket(a) * a.unlocked_by(0)).sum();
    let held = if s.staking_basis == consumption_lab_engine::StakeBasis::Held { treasury } else { 0.0 };
    let staked = (supply - locked - held) * s.staked_fraction;
    let circulating = (supply - locked - staked - treasury).max(0.0);
    let staked_share = s.staked_fraction;
    Month { month: 0, supply, locked, staked, staked_share, treasury_tokens: treasury, circulating, ..Month::default() }
}

/// The row for `month` (0 = the start).
pub fn row(p: &Projection, month: u32) -> Option<Month> {
    if month == 0 {
        Some(start_row(p))
    } else {
        p.months.get(month as usize - 1).copied()
    }
}
