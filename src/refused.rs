//! What a number box says when the field refuses what was typed: the allowed range and the typed
//! number in the box's own units. A fee typed as 1e12 in "M USD" is "got 1e12 M USD", not the
//! 1e18 USD it would be stored as, which no one typed.

use crate::levers::Lever;
use consumption_lab_engine::number;

/// "Must be between 0 % and 100 %; got 150 %." for `typed` (the text, trimmed, read as `shown`)
/// in `l`'s box; a number too large to hold (1e309) must be "a finite number".
pub fn refused(l: &Lever, typed: &str, shown: f64) -> String {
    let unit = |n: &str| match l.unit {
        "×" => format!("{n}×"),
        "years" if n == "1" => "1 year".to_owned(),
        unit => format!("{n} {unit}"),
    };
    let range = l.field.range_with(|v| unit(&number::trim(l.shown(v))));
    let finite = if shown.is_finite() { "" } else { "a finite number " };
    // "NaN %" would read as a percentage of something: a text that is no number has no unit.
    let got = if shown.is_nan() { typed.to_owned() } else { unit(typed) };
    format!("Must be {finite}{range}; got {got}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::{ANNUAL_FEES_USD, BURN_SHARE, YEARS};

    #[test]
    fn the_message_speaks_in_the_units_typed() {
        assert_eq!(refused(&BURN_SHARE, "150", 150.0), "Must be between 0 % and 100 %; got 150 %.");
        let fees = refused(&ANNUAL_FEES_USD, "1e12", 1e12);
        assert!(fees.ends_with("; got 1e12 M USD."), "{fees}");
        assert!(fees.contains("M USD and "), "the range in M USD too: {fees}");
        assert_eq!(
            refused(&BURN_SHARE, "1e309", f64::INFINITY),
            "Must be a finite number between 0 % and 100 %; got 1e309 %."
        );
        assert!(!fees.contains("e18"), "{fees}");
        assert!(refused(&YEARS, "60", 60.0).contains("and 50 years; got 60 years."), "{}", refused(&YEARS, "60", 60.0));
    }
}
