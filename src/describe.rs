//! A design in words: what it is called (the preset it is or was modified from, the defaults, or a
//! design of the person's own) and a line of its key levers. The pin label and an exported chart's
//! footer both use them, so a picture pasted elsewhere says what it shows without decoding a link.

use crate::choices::{Choice, FEE_DENOMINATION, PRICE_MODEL};
use crate::format::{count, pct, pct_change, price, tokens, usd};
use consumption_lab_engine::presets::{modified_from, Preset};
use consumption_lab_engine::Scenario;

/// The design's name: a preset's title, "Solana (modified)", "Default design" or "Custom design".
pub fn name(presets: &[Preset], s: &Scenario) -> String {
    if let Some(p) = presets.iter().find(|p| p.scenario == *s) {
        return p.title.clone();
    }
    match modified_from(presets, s) {
        Some((p, _)) => format!("{} (modified)", p.title),
        None if *s == Scenario::default() => "Default design".to_owned(),
        None => "Custom design".to_owned(),
    }
}

/// The text of the option a choice has in `s`.
fn option(c: &Choice, s: &Scenario) -> &'static str {
    let v = (c.get)(s);
    c.options.iter().find(|(k, _)| *k == v).map_or(v, |(_, text)| text)
}

/// The levers that decide most of a projection, in one line: "Native token fees $20M/yr,
/// +20.0 %/yr · burn 50 %, stakers 30 % · 1B tokens at $1.00, Market price · 10 years".
pub fn levers(s: &Scenario) -> String {
    let changes = match s.changes.len() {
        0 => String::new(),
        n => format!(" · {} over time", count(n as u32, "change")),
    };
    format!(
        "{} fees {}/yr, {}/yr · burn {}, stakers {} · {} at {}, {} price · {}{changes}",
        option(&FEE_DENOMINATION, s),
        usd(s.annual_fees_usd),
        pct_change(s.fee_growth),
        pct(s.burn_share, 0),
        pct(s.staker_share, 0),
        tokens(s.initial_supply),
        price(s.initial_price_usd),
        option(&PRICE_MODEL, s),
        count(s.years, "year"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use consumption_lab_engine::presets::presets;

    #[test]
    fn a_design_is_named_and_its_levers_said_in_words() {
        let all = presets();
        let d = Scenario::default();
        assert_eq!(name(&all, &d), "Default design");
        assert_eq!(
            name(&all, &Scenario { burn_share: 0.123, years: 3, seed: 9, turnover: 1.0, ..d.clone() }),
            "Custom design"
        );
        let solana = all.iter().find(|p| p.name == "solana").unwrap();
        assert_eq!(name(&all, &solana.scenario), solana.title);
        assert_eq!(
            name(&all, &Scenario { years: 3, ..solana.scenario.clone() }),
            format!("{} (modified)", solana.title)
        );
        assert_eq!(
            levers(&d),
            "Native token fees $20M/yr, +20.0 %/yr · burn 50 %, stakers 30 % · 1B tokens at $1.00, Market price · 10 years"
        );
        let one = Scenario { changes: vec![Default::default()], years: 1, ..d };
        assert!(levers(&one).ends_with("· 1 year · 1 change over time"), "{}", levers(&one));
    }
}
