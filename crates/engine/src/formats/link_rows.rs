//! The list fields of a share link, a row to a pair: an allocation bucket as
//! `allocation=team:0.2:0:12:36:0.25` (name, share, unlocked at launch, cliff and vesting months,
//! sold share, and `:treasury` for the treasury's bucket) and a change as
//! `change=13:burn_share:0.7` (month, field, value). The name comes first and may hold colons:
//! the numbers are read from the right.
//!
//! Reading a row never fails the link: a malformed or out-of-range row is left out with a notice
//! naming it; an allocation table that does not sum to 100 % falls back to the defaults' table.

use crate::scenario::number::{parse, trim};
use crate::scenario::supply_fields::{changeable, ALLOCATION_FIELDS, MAX_ALLOCATIONS, MAX_CHANGES};
use crate::scenario::{Allocation, Change};

/// The link key of one allocation row.
pub const ALLOCATION: &str = "allocation";
/// The link key of an empty allocation table (`allocations=none`).
pub const ALLOCATIONS: &str = "allocations";
/// The link key of one change.
pub const CHANGE: &str = "change";
/// What marks the treasury's bucket.
const TREASURY: &str = "treasury";

/// One bucket as link text.
pub fn allocation_text(a: &Allocation) -> String {
    let mut text = format!(
        "{}:{}:{}:{}:{}:{}",
        a.name,
        trim_exact(a.share),
        trim_exact(a.unlocked_at_launch),
        a.cliff_months,
        a.vesting_months,
        trim_exact(a.sold_share)
    );
    if a.treasury {
        text.push(':');
        text.push_str(TREASURY);
    }
    text
}

/// One change as link text.
pub fn change_text(c: &Change) -> String {
    format!("{}:{}:{}", c.month, c.field, trim_exact(c.value))
}

/// A number in its shortest form that reads back to the same bits.
fn trim_exact(v: f64) -> String {
    format!("{v}")
}

/// Read one bucket, or say why not (`row` is its place among the link's buckets, from 0).
pub fn allocation(text: &str, row: usize) -> Result<Allocation, String> {
    let ignore = |why: String| Err(format!("{ALLOCATION}={text} ignored (row {}): {why}", row + 1));
    if row >= MAX_ALLOCATIONS {
        return ignore(format!("at most {MAX_ALLOCATIONS} buckets"));
    }
    let (rest, treasury) = match text.strip_suffix(TREASURY).and_then(|r| r.strip_suffix(':')) {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let mut parts: Vec<&str> = rest.rsplitn(6, ':').collect();
    if parts.len() != 6 {
        return ignore("expected name:share:unlocked_at_launch:cliff_months:vesting_months:sold_share".to_owned());
    }
    parts.reverse();
    let name = parts[0].trim();
    if name.is_empty() || name.chars().count() > 40 {
        return ignore("the name must be 1 to 40 characters".to_owned());
    }
    let mut bucket = Allocation { name: name.to_owned(), treasury, ..Allocation::default() };
    for (spec, part) in ALLOCATION_FIELDS.iter().zip(&parts[1..]) {
        let Some(v) = parse(part) else { return ignore(format!("{}: not a number", spec.key)) };
        if let Err(e) = spec.check(v) {
            return ignore(format!("{} must be {}", spec.key, e.allowed));
        }
        (spec.set)(&mut bucket, v);
    }
    Ok(bucket)
}

/// Read one change, or say why not (`row` is its place among the link's changes, from 0;
/// `months` the horizon).
pub fn change(text: &str, row: usize, months: u32) -> Result<Change, String> {
    let ignore = |why: String| Err(format!("{CHANGE}={text} ignored (change {}): {why}", row + 1));
    if row >= MAX_CHANGES {
        return ignore(format!("at most {MAX_CHANGES} changes"));
    }
    let parts: Vec<&str> = text.splitn(3, ':').collect();
    let [month, field, value] = parts[..] else { return ignore("expected month:field:value".to_owned()) };
    let month = match parse(month) {
        Some(m) if m >= 1.0 && m <= f64::from(months) && m.fract() == 0.0 => m as u32,
        _ => return ignore(format!("the month must be a whole number from 1 to {months}")),
    };
    let Some(spec) = changeable(field) else { return ignore(format!("`{field}` is not a field a change may set")) };
    let Some(v) = parse(value) else { return ignore("the value is not a number".to_owned()) };
    if let Err(e) = spec.check(v) {
        return ignore(format!("{field} must be {}", e.allowed));
    }
    Ok(Change { month, field: field.to_owned(), value: v })
}

/// The notice for a table whose shares do not sum to 100 %.
pub fn unbalanced(total: f64) -> String {
    format!(
        "the allocation table ignored: its shares sum to {} %, not 100 %; using the default table",
        trim(total * 100.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::supply::default_allocations;

    #[test]
    fn rows_read_back_exactly_and_names_may_hold_colons() {
        for a in default_allocations() {
            assert_eq!(allocation(&allocation_text(&a), 0), Ok(a));
        }
        let odd = Allocation { name: "seed: round 1".into(), share: 0.1 + 0.2, ..Allocation::default() };
        assert_eq!(allocation(&allocation_text(&odd), 0), Ok(odd));
        let c = Change { month: 27, field: "emission.initial_rate".into(), value: 0.045 };
        assert_eq!(change(&change_text(&c), 0, 120), Ok(c));
    }

    #[test]
    fn bad_rows_are_named() {
        assert!(allocation("team:1.5:0:12:36:0.25", 2).unwrap_err().contains("(row 3): share must be between 0 and 1"));
        assert!(allocation("team:0.2:0:12", 0).unwrap_err().contains("expected name:share"));
        assert!(allocation(":0.2:0:12:36:0.25", 0).unwrap_err().contains("name must be 1 to 40"));
        assert!(change("0:burn_share:0.5", 0, 120).unwrap_err().contains("month must be a whole number from 1 to 120"));
        assert!(change("13:years:5", 1, 120).unwrap_err().contains("(change 2): `years` is not a field"));
        assert!(change("13:burn_share:2", 0, 120).unwrap_err().contains("burn_share must be between 0 and 1"));
    }
}
