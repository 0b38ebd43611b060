//! Rules that tie fields together, written once: validation rejects a design that breaks them,
//! the app's sliders stop where they would break, and share links fall back rather than break them.

use super::error::FieldError;
use super::fields::{NumericField, BURN_SHARE, STAKER_SHARE};
use super::number::trim;
use super::Scenario;

/// Shares of one whole: the burn and staker shares of the protocol take sum to at most 1 (the
/// treasury keeps the rest).
pub static SHARES_OF_TAKE: [&NumericField; 2] = [&BURN_SHARE, &STAKER_SHARE];

/// The most `field` may be with the other shares of its whole as they are (`1 −` their sum), or
/// `None` when `field` is not a share of a whole.
pub fn share_room(scenario: &Scenario, field: &NumericField) -> Option<f64> {
    SHARES_OF_TAKE
        .contains(&field)
        .then(|| 1.0 - SHARES_OF_TAKE.iter().filter(|f| **f != field).map(|f| (f.get)(scenario)).sum::<f64>())
}

/// [`share_room`] in every phase of the design's changes where `field` still has the launch
/// value: a slider at launch stops where a later phase would break the rule, unless a change has
/// set `field` itself by then (that phase does not use the launch value).
pub fn share_room_over_time(scenario: &Scenario, field: &NumericField) -> Option<f64> {
    let launch = share_room(scenario, field)?;
    let later = scenario
        .change_months()
        .into_iter()
        .filter(|&m| !scenario.changes.iter().any(|c| c.month <= m && c.field == field.key))
        .filter_map(|m| share_room(&scenario.at_month(m), field));
    Some(later.fold(launch, f64::min))
}

/// The rule that burn and staker shares sum to at most 1, reported against `blame` (whichever
/// the person just changed, so the message's "got" is what they typed). `None` when the shares
/// keep the rule, or when `blame` is not one of them.
pub fn shares_rule(scenario: &Scenario, blame: &NumericField) -> Option<FieldError> {
    let shares: f64 = SHARES_OF_TAKE.iter().map(|f| (f.get)(scenario)).sum();
    let room = share_room(scenario, blame)?;
    if !(shares.is_finite() && shares > 1.0 + 1e-12) {
        return None;
    }
    let value = (blame.get)(scenario);
    let other = SHARES_OF_TAKE.iter().find(|f| **f != blame).map_or("", |f| f.key);
    Some(FieldError::new(
        blame.key,
        value,
        &format!("at most 1 - {other} = {} so burn_share + staker_share stays at most 1", trim(room)),
        &format!("at most {} % so burn and staker shares sum to at most 100 %", trim(room * 100.0)),
        format!("{} %", trim(value * 100.0)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_rule_blames_the_field_that_moved() {
        let s = Scenario { burn_share: 0.8, ..Scenario::default() };
        assert_eq!(
            shares_rule(&s, &BURN_SHARE).unwrap().shown(),
            "Must be at most 70 % so burn and staker shares sum to at most 100 %; got 80 %."
        );
        assert_eq!(shares_rule(&s, &STAKER_SHARE).unwrap().field, "staker_share");
        assert!(shares_rule(&Scenario::default(), &BURN_SHARE).is_none());
        assert!(shares_rule(&s, &super::super::fields::TURNOVER).is_none());
    }

    #[test]
    fn room_counts_the_phases_that_keep_the_launch_value() {
        use crate::scenario::Change;
        let change = |month, field: &str, value| Change { month, field: field.into(), value };
        // From month 25 the staker share is 0.45: the burn share at launch may not pass 0.55.
        let s = Scenario { changes: vec![change(25, "staker_share", 0.45)], ..Scenario::default() };
        assert_eq!(share_room(&s, &BURN_SHARE), Some(0.7));
        assert_eq!(share_room_over_time(&s, &BURN_SHARE), Some(0.55));
        // A change that sets the burn share itself frees the launch value from that phase on.
        let own = Scenario { changes: vec![change(25, "staker_share", 0.45), change(25, "burn_share", 0.5)], ..s };
        assert_eq!(share_room_over_time(&own, &BURN_SHARE), Some(0.7));
        assert_eq!(share_room_over_time(&own, &super::super::fields::TURNOVER), None);
    }

    #[test]
    fn room_is_what_the_other_shares_leave() {
        let s = Scenario { burn_share: 0.6, staker_share: 0.3, ..Scenario::default() };
        assert_eq!(share_room(&s, &BURN_SHARE), Some(0.7));
        assert_eq!(share_room(&s, &STAKER_SHARE), Some(0.4));
        assert_eq!(share_room(&s, &super::super::fields::YEARS), None);
    }
}
