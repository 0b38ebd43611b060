//! Share links: the whole scenario in a URL query string, with human-readable keys that match the
//! scenario JSON (`burn_share=0.6&fee_denomination=stablecoin&speculation_shock.year=4`), and only
//! the values that differ from the defaults, so a link says what is special about the design.
//!
//! Reading a link never fails: an unknown key, or a malformed or out-of-range value, is ignored
//! with a notice naming it, and that field alone falls back to its default.
//!
//! Nested objects are written by dotted key (`emission.schedule=halving`); the lists (allocation
//! buckets, changes) a row to a pair, in order (`link_rows.rs`).

use super::link_rows::{self, ALLOCATION, ALLOCATIONS, CHANGE};
use crate::scenario::fields::STAKER_SHARE;
use crate::scenario::number::trim;
use crate::scenario::parse::{defaults_value, written_version};
use crate::scenario::rules::{share_room, shares_rule};
use crate::scenario::supply_fields::numeric_field;
use crate::scenario::validate::field_errors;
use crate::scenario::{Scenario, VERSION};
use serde_json::{Map, Value};
use std::str::FromStr;

/// A scenario read from a link, with what had to be ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkRead {
    /// The scenario: valid, whatever the link said.
    pub scenario: Scenario,
    /// One sentence per thing ignored, naming the key and what was wrong.
    pub ignored: Vec<String>,
}

const SHOCK: &str = "speculation_shock";
const EMISSION: &str = "emission";
const VERSION_KEY: &str = "version";
/// The key of the pinned design A (`link_pin.rs`), which the design on screen's reading skips.
pub(super) const PIN: &str = "pin";
/// The key of the presentation mode's slide (`link_view.rs`): how the page shows the design, not
/// the design, so the design's reading skips it too.
pub(super) const PRESENT: &str = "present";
/// The nested objects, written by dotted key.
const NESTED: [&str; 2] = [SHOCK, EMISSION];

/// The query string (without `?`) for `scenario`: the format version first, then its fields that
/// differ from that version's defaults. A speculation shock, when set, is written in full; the
/// allocation table, when it differs, a row to a pair (`allocations=none` when it is empty).
pub fn to_query(scenario: &Scenario) -> String {
    let value = object(scenario);
    let current = Scenario::default();
    let defaults = object(&current);
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair(VERSION_KEY, &VERSION.to_string());
    for (key, v) in &value {
        match key.as_str() {
            VERSION_KEY => {}
            SHOCK | EMISSION => {
                let default = defaults.get(key).and_then(Value::as_object);
                for (inner, v) in v.as_object().into_iter().flatten() {
                    if key == SHOCK || default.and_then(|d| d.get(inner)) != Some(v) {
                        query.append_pair(&format!("{key}.{inner}"), &scalar(v));
                    }
                }
            }
            ALLOCATIONS if scenario.allocations != current.allocations => {
                if scenario.allocations.is_empty() {
                    query.append_pair(ALLOCATIONS, "none");
                }
                for a in &scenario.allocations {
                    query.append_pair(ALLOCATION, &link_rows::allocation_text(a));
                }
            }
            "changes" => {
                for c in &scenario.changes {
                    query.append_pair(CHANGE, &link_rows::change_text(c));
                }
            }
            _ if defaults.get(key) != Some(v) => {
                query.append_pair(key, &scalar(v));
            }
            _ => {}
        }
    }
    query.finish()
}

/// Read a query string (with or without the leading `?`) into a valid scenario. A link that
/// names no version was made before versions existed, and its missing fields take version 1's
/// defaults; an empty query is the page's front door, the current defaults.
pub fn from_query(query: &str) -> LinkRead {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let mut ignored = Vec::new();
    let version = match pairs.iter().find(|(k, _)| k == VERSION_KEY) {
        // A link of nothing but how to show the design (`?present=supply`) is today's design.
        None if pairs.iter().all(|(k, _)| k == PRESENT) => VERSION,
        None => 1,
        Some((_, text)) => {
            let mut given = Map::new();
            given.insert(VERSION_KEY.to_owned(), u64::from_str(text).map_or(Value::from(text.clone()), Value::from));
            written_version(&given).unwrap_or_else(|e| {
                ignored.push(format!("{VERSION_KEY}={text} ignored: {e}; reading the link with the current defaults"));
                VERSION
            })
        }
    };
    let mut fields = defaults_value(version);
    fields.insert(VERSION_KEY.to_owned(), Value::from(VERSION));
    let (mut buckets, mut table_given, mut changes) = (Vec::new(), false, Vec::new());
    for (key, text) in pairs {
        match key.as_str() {
            VERSION_KEY | PIN | PRESENT => {}
            ALLOCATION => {
                table_given = true;
                match link_rows::allocation(&text, buckets.len()) {
                    Ok(bucket) => buckets.push(bucket),
                    Err(why) => ignored.push(why),
                }
            }
            ALLOCATIONS if text == "none" => table_given = true,
            CHANGE => changes.push(text),
            _ => {
                if let Err(why) = set(&mut fields, &key, &text) {
                    ignored.push(why);
                }
            }
        }
    }
    if table_given {
        let total: f64 = buckets.iter().map(|a| a.share).sum();
        if buckets.is_empty() || (total - 1.0).abs() <= 1e-9 {
            fields.insert(ALLOCATIONS.to_owned(), serde_json::to_value(&buckets).unwrap_or(Value::Null));
        } else {
            ignored.push(link_rows::unbalanced(total));
        }
    }
    // Rules across fields: fall back field by field, saying which.
    let mut scenario = read(&fields);
    if let Some(e) = shares_rule(&scenario, &STAKER_SHARE) {
        let room = share_room(&scenario, &STAKER_SHARE).unwrap_or(0.0);
        let fallback = Scenario::default().staker_share.min(room);
        ignored.push(format!(
            "staker_share={} ignored: {}; using {}",
            trim(scenario.staker_share),
            e.allowed,
            trim(fallback)
        ));
        scenario.staker_share = fallback;
    }
    if let Some(was) = scenario.clamp_shock_to_horizon() {
        ignored.push(format!(
            "the speculation shock in year {was} is beyond the {}-year horizon; moved to year {}",
            scenario.years, scenario.years
        ));
    }
    if scenario.max_supply.is_some_and(|cap| cap < scenario.initial_supply) {
        ignored.push(format!(
            "max_supply={} ignored: must be at least initial_supply = {}; no cap",
            trim(scenario.max_supply.unwrap_or(0.0)),
            trim(scenario.initial_supply)
        ));
        scenario.max_supply = None;
    }
    if !field_errors(&scenario).is_empty() {
        // A cliff beyond a shortened horizon: the table falls back to the version's defaults,
        // before the changes are read, so that each change is checked against the table it gets.
        ignored.push("the allocation table ignored: a cliff is beyond the horizon; using the default table".to_owned());
        scenario.allocations = Scenario::defaults_of(version).unwrap_or_default().allocations;
    }
    // Changes last, against the horizon and the rules as they now stand.
    for (row, text) in changes.iter().enumerate() {
        match link_rows::change(text, row, scenario.months()) {
            Ok(c) => {
                scenario.changes.push(c);
                if let Some(e) = field_errors(&scenario).into_iter().next() {
                    scenario.changes.pop();
                    ignored.push(format!("{CHANGE}={text} ignored (change {}): must be {}", row + 1, e.allowed));
                }
            }
            Err(why) => ignored.push(why),
        }
    }
    debug_assert!(field_errors(&scenario).is_empty(), "{:?}", field_errors(&scenario));
    LinkRead { scenario, ignored }
}

/// Set one key from the link in the JSON object of fields, if it is known and its value allowed.
fn set(fields: &mut Map<String, Value>, key: &str, text: &str) -> Result<(), String> {
    let ignore = |why: String| Err(format!("{key}={text} ignored: {why}; using the default"));
    // Numeric fields (shock fields included) are checked against their documented range.
    if let Some(spec) = numeric_field(key) {
        let Some(v) = crate::scenario::number::parse(text) else { return ignore("not a number".to_owned()) };
        if let Err(e) = spec.check(v) {
            return ignore(format!("must be {}", e.allowed));
        }
        let number = if spec.integer { Value::from(v as u64) } else { Value::from(v) };
        match key.split_once('.') {
            Some((outer, inner)) => nested(fields, outer).insert(inner.to_owned(), number),
            None => fields.insert(key.to_owned(), number),
        };
        return Ok(());
    }
    // A nested choice (`emission.schedule`): tried in place.
    if let Some((outer, inner)) = key.split_once('.').filter(|(outer, _)| NESTED.contains(outer)) {
        let mut trial = fields.clone();
        if nested(&mut trial, outer).get(inner).is_none() {
            return Err(format!("unknown key `{key}` ignored"));
        }
        nested(&mut trial, outer).insert(inner.to_owned(), Value::String(text.to_owned()));
        return match serde_json::from_value::<Scenario>(Value::Object(trial.clone())) {
            Ok(_) => {
                *fields = trial;
                Ok(())
            }
            Err(e) => ignore(e.to_string()),
        };
    }
    // Everything else must be a known top-level key whose value deserialises (enums, the seed).
    let Some(default) = fields.get(key).cloned() else {
        return Err(format!("unknown key `{key}` ignored"));
    };
    let candidate = match default {
        Value::Number(_) => match u64::from_str(text) {
            Ok(n) => Value::from(n),
            Err(_) => return ignore("not a whole number".to_owned()),
        },
        _ => Value::String(text.to_owned()),
    };
    let mut trial = fields.clone();
    trial.insert(key.to_owned(), candidate.clone());
    match serde_json::from_value::<Scenario>(Value::Object(trial)) {
        Ok(_) => {
            fields.insert(key.to_owned(), candidate);
            Ok(())
        }
        Err(e) => ignore(e.to_string()),
    }
}

/// The nested object `outer` of `fields`, made (at its defaults) when it is absent (no shock).
fn nested<'a>(fields: &'a mut Map<String, Value>, outer: &str) -> &'a mut Map<String, Value> {
    let slot = fields.entry(outer).or_insert(Value::Null);
    if !slot.is_object() {
        let made = match outer {
            SHOCK => serde_json::to_value(crate::scenario::SpeculationShock::default()),
            _ => serde_json::to_value(crate::scenario::Emission::default()),
        };
        *slot = made.unwrap_or_else(|_| Value::Object(Map::new()));
    }
    match slot {
        Value::Object(map) => map,
        _ => unreachable!("made an object above"),
    }
}

fn object(scenario: &Scenario) -> Map<String, Value> {
    match serde_json::to_value(scenario) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn read(fields: &Map<String, Value>) -> Scenario {
    serde_json::from_value(Value::Object(fields.clone())).unwrap_or_default()
}

/// A JSON scalar as link text: numbers in their shortest exact form, strings as they are.
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u.to_string(),
            (None, Some(f)) => format!("{f}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{FeeDenomination, SpeculationShock};

    #[test]
    fn the_defaults_make_a_link_of_the_version_alone() {
        assert_eq!(to_query(&Scenario::default()), "version=4");
        assert_eq!(from_query("version=4"), LinkRead { scenario: Scenario::default(), ignored: vec![] });
        // The bare page is the current defaults.
        assert_eq!(from_query(""), LinkRead { scenario: Scenario::default(), ignored: vec![] });
    }

    #[test]
    fn a_link_without_a_version_keeps_the_meaning_it_was_made_with() {
        // Made by the main before versions: its design was on the fixed price model.
        let old = from_query("burn_share=0.6&fee_denomination=stablecoin&speculation_shock.year=4");
        assert_eq!(old.ignored, Vec::<String>::new());
        let v1 = Scenario::defaults_of(1).unwrap();
        assert_eq!(old.scenario.price_model, crate::scenario::PriceModel::Fixed);
        assert_eq!(old.scenario.fee_speculation_share, 0.0);
        assert_eq!(
            old.scenario,
            Scenario {
                burn_share: 0.6,
                fee_denomination: FeeDenomination::Stablecoin,
                speculation_shock: Some(SpeculationShock { year: 4, ..Default::default() }),
                ..v1
            }
        );
        assert_eq!(old.scenario.version, crate::scenario::VERSION, "read into the current version");
        // Written again, it says so: the fields that differ from today's defaults, and the version.
        let again = to_query(&old.scenario);
        assert!(again.starts_with("version=4&") && again.contains("price_model=fixed"), "{again}");
        assert_eq!(from_query(&again).scenario, old.scenario);
        let new = from_query("version=4&burn_share=0.6");
        assert_eq!(new.scenario.price_model, crate::scenario::PriceModel::Market);
    }

    #[test]
    fn an_unknown_version_is_said_and_read_with_the_current_defaults() {
        let future = from_query("version=9&burn_share=0.6");
        assert!(
            future.ignored[0].contains("version=9 ignored: version: 9 is newer than this build reads"),
            "{:?}",
            future.ignored
        );
        assert_eq!(future.scenario, Scenario { burn_share: 0.6, ..Scenario::default() });
        assert!(from_query("version=two").ignored[0].contains("version=two ignored"));
    }

    #[test]
    fn only_differences_are_written_and_read_back_exactly() {
        let s = Scenario {
            burn_share: 0.1 + 0.2,
            fee_denomination: FeeDenomination::Stablecoin,
            annual_fees_usd: 123_456_789.125,
            years: 25,
            seed: u64::MAX,
            speculation_shock: Some(SpeculationShock { year: 4, ..Default::default() }),
            ..Scenario::default()
        };
        let q = to_query(&s);
        assert!(q.contains("burn_share=0.30000000000000004"), "{q}");
        assert!(q.contains("fee_denomination=stablecoin"));
        assert!(q.contains("speculation_shock.year=4"));
        assert!(!q.contains("turnover="), "defaults are left out: {q}");
        let back = from_query(&format!("?{q}"));
        assert_eq!(back.ignored, Vec::<String>::new());
        assert_eq!(back.scenario, s);
    }

    /// Reads `query`, a link of the first version (no `version` key), into its design.
    fn check(query: &str, want_ignored: &[&str], edit: impl FnOnce(&mut Scenario)) {
        let read = from_query(query);
        let mut want = Scenario::defaults_of(1).unwrap();
        edit(&mut want);
        assert_eq!(read.scenario, want, "{query}");
        assert_eq!(read.ignored.len(), want_ignored.len(), "{query}: {:?}", read.ignored);
        for (got, want) in read.ignored.iter().zip(want_ignored) {
            assert!(got.contains(want), "{query}: {got:?} lacks {want:?}");
        }
    }

    #[test]
    fn tampered_links_fall_back_field_by_field() {
        check("burn_share=0.7&bogus=1", &["unknown key `bogus`"], |s| s.burn_share = 0.7);
        check("burn_share=7&turnover=20", &["burn_share=7 ignored: must be between 0 and 1"], |s| s.turnover = 20.0);
        check("years=ten", &["years=ten ignored: not a number"], |_| {});
        check("years=2.5", &["must be a whole number between 1 and 50"], |_| {});
        check("fee_growth=NaN&price_growth=inf", &["fee_growth=NaN", "price_growth=inf"], |_| {});
        check("fee_denomination=euro", &["fee_denomination=euro ignored: unknown variant"], |_| {});
        check("seed=-3", &["seed=-3 ignored: not a whole number"], |_| {});
        check("burn_share=0.9", &["staker_share=0.3 ignored"], |s| {
            s.burn_share = 0.9;
            s.staker_share = 1.0 - 0.9;
        });
        check(
            "years=5&speculation_shock.year=9",
            &["shock in year 9 is beyond the 5-year horizon; moved to year 5"],
            |s| {
                s.years = 5;
                s.speculation_shock = Some(SpeculationShock { year: 5, ..Default::default() });
            },
        );
        check("speculation_shock.price_drop=0.3", &[], |s| {
            s.speculation_shock = Some(SpeculationShock { price_drop: 0.3, ..Default::default() });
        });
        check("%ZZ=%%&=&&==", &["unknown key"], |_| {});
    }
}
