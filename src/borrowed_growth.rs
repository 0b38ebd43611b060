//! "Use as fee growth": the Jevons explorer's growth carried into the design for the explorer's
//! own period, not for the whole horizon. The AI figures (spend 4.2× in two years, about 105 % a
//! year) describe two years; sustained for ten they take fees up 1,300-fold and supply to nothing.
//! So the design grows at the explorer's rate for its period and then returns to its own fee
//! growth, through a dated change the person can see and edit in the changes list.

use consumption_lab_engine::fields::{NumericField, NUMERIC_FIELDS};
use consumption_lab_engine::{Change, Scenario};

/// `s` with fee growth `growth` for its first `years` (rounded to whole months), then its own
/// growth again from a dated change; the growth held to what the field allows. A period as long
/// as the horizon needs no change; any earlier change of fee growth in the period is replaced.
pub fn borrow_growth(s: &Scenario, growth: f64, years: f64) -> Scenario {
    let field = NUMERIC_FIELDS.iter().find(|f| f.key == "fee_growth").copied();
    let growth = field.map_or(growth, |f: &NumericField| growth.clamp(f.min, f.max));
    let months = (years * 12.0).round().max(1.0) as u32;
    let mut next = s.clone();
    let own = s.fee_growth;
    next.fee_growth = growth;
    next.changes.retain(|c| !(c.field == "fee_growth" && c.month <= months + 1));
    if months < s.years * 12 {
        // Before the first later change, so a list in month order stays so (no sort: the page's
        // module carries no sorting code for this).
        let at = next.changes.iter().position(|c| c.month > months + 1).unwrap_or(next.changes.len());
        next.changes.insert(at, Change { month: months + 1, field: "fee_growth".into(), value: own });
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use consumption_lab_engine::project;

    #[test]
    fn the_explorers_growth_lasts_its_period_then_the_designs_own_returns() {
        let s = Scenario::default();
        let borrowed = borrow_growth(&s, 1.05, 2.0);
        assert_eq!(borrowed.fee_growth, 1.05);
        assert_eq!(borrowed.changes, vec![Change { month: 25, field: "fee_growth".into(), value: s.fee_growth }]);
        // Fees grow at the explorer's rate for two years, at the design's own after.
        let p = project(&borrowed).unwrap();
        let yearly = |year: usize| p.months[12 * year + 11].fees_usd / p.months[12 * year - 1].fees_usd - 1.0;
        assert!((yearly(1) - 1.05).abs() < 0.05, "year 2: {}", yearly(1));
        assert!((yearly(4) - s.fee_growth).abs() < 0.05, "year 5: {}", yearly(4));
        // At a fixed price, where burns follow fees: less is burned than at 105 %/yr for ten years.
        let fixed = Scenario { price_model: consumption_lab_engine::PriceModel::Fixed, ..s.clone() };
        let supply = project(&borrow_growth(&fixed, 1.05, 2.0)).unwrap().summary.final_supply;
        let forever = project(&Scenario { fee_growth: 1.05, ..fixed }).unwrap().summary.final_supply;
        assert!(supply > 1.2 * forever, "{supply} against {forever}");
        // Again: the same one change, not two.
        assert_eq!(borrow_growth(&borrowed, 1.05, 2.0).changes.len(), 1);
        // A period as long as the horizon: growth for all of it, no change.
        assert!(borrow_growth(&s, 0.5, 10.0).changes.is_empty());
    }
}
