//! Saved designs in the browser's localStorage, through web-sys rather than gloo-storage, whose
//! `LocalStorage::raw()` throws when storage is blocked (private modes, sandboxed frames): here a
//! blocked or full storage is a sentence for the person. The stored document carries a schema version;
//! whatever cannot be read (bad JSON, an unknown schema, a design whose scenario no longer
//! validates) is kept aside under its own key with a notice, never silently dropped, and a full or
//! blocked storage never panics the page. Parsing is pure and tested natively; only `load`/`save`
//! touch the browser.

use consumption_lab_engine::Scenario;
use serde::{Deserialize, Serialize};

/// localStorage key of the saved designs.
pub const KEY: &str = "consumption-lab.designs";
/// Prefix of keys under which unreadable data is kept aside.
pub const ASIDE: &str = "consumption-lab.unreadable.";
/// The schema this build writes and reads.
pub const SCHEMA: u32 = 1;

/// One saved design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Name the person gave it.
    pub name: String,
    /// When it was saved, as an ISO 8601 string from the browser's clock.
    pub saved: String,
    /// The design.
    pub scenario: Scenario,
}

#[derive(Serialize, Deserialize)]
struct Store {
    schema: u32,
    designs: Vec<serde_json::Value>,
}

/// What reading the stored text found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    /// Designs that could be read.
    pub designs: Vec<Saved>,
    /// Raw JSON of what could not be read, with the reason, to keep aside.
    pub unreadable: Vec<(String, String)>,
}

/// Read the stored document. Pure: the caller decides where unreadable parts go.
pub fn parse(raw: Option<&str>) -> Read {
    let Some(raw) = raw else { return Read::default() };
    let store: Store = match consumption_lab_engine::json::read(raw) {
        Ok(s) => s,
        Err(e) => {
            return Read {
                designs: vec![],
                unreadable: vec![(raw.to_owned(), format!("not a saved-designs document: {e}"))],
            }
        }
    };
    if store.schema != SCHEMA {
        return Read {
            designs: vec![],
            unreadable: vec![(
                raw.to_owned(),
                format!("written by another version (schema {}, this page reads {SCHEMA})", store.schema),
            )],
        };
    }
    let mut read = Read::default();
    for value in store.designs {
        let name = value.get("name").and_then(|n| n.as_str()).unwrap_or("(unnamed)").to_owned();
        let parsed = saved_design(&value);
        match parsed {
            // Names are keys in the list: a duplicate (another version, a hand edit) gets a suffix.
            Ok(mut saved) => {
                if read.designs.iter().any(|d| d.name == saved.name) {
                    saved.name = unique_name(&read.designs, &saved.name);
                }
                read.designs.push(saved)
            }
            Err(why) => read.unreadable.push((value.to_string(), format!("design \"{name}\": {why}"))),
        }
    }
    read
}

/// One stored design. Its scenario is read like a scenario file, by the version it was written in
/// (designs saved before versions existed keep the fixed price they were designed under).
fn saved_design(value: &serde_json::Value) -> Result<Saved, String> {
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned).ok_or(format!("no {key}"));
    let scenario = value.get("scenario").cloned().ok_or("no scenario")?;
    let scenario = Scenario::from_value_unchecked(scenario).map_err(|e| e.to_string())?;
    consumption_lab_engine::validate(&scenario).map_err(|e| e.to_string())?;
    Ok(Saved { name: text("name")?, saved: text("saved")?, scenario })
}

/// `base 1`, `base 2`, …: the first such name no design has.
pub fn unique_name(designs: &[Saved], base: &str) -> String {
    (1..).map(|n| format!("{base} {n}")).find(|name| designs.iter().all(|d| &d.name != name)).unwrap_or_default()
}

/// The stored document for `designs`.
pub fn serialise(designs: &[Saved]) -> String {
    let store =
        Store { schema: SCHEMA, designs: designs.iter().filter_map(|d| serde_json::to_value(d).ok()).collect() };
    consumption_lab_engine::json::write(&store).unwrap_or_default()
}

/// Load the saved designs; move anything unreadable aside and say so in the returned notices.
pub fn load() -> (Vec<Saved>, Vec<String>) {
    let Some(storage) = local_storage() else {
        return (vec![], vec!["This browser blocks storage here, so designs cannot be saved on this page.".to_owned()]);
    };
    let raw = storage.get_item(KEY).ok().flatten();
    let read = parse(raw.as_deref());
    let mut notices = Vec::new();
    for (i, (json, why)) in read.unreadable.iter().enumerate() {
        let aside = format!("{ASIDE}{}-{i}", js_sys::Date::now() as u64);
        match storage.set_item(&aside, json) {
            Ok(()) => notices.push(format!("A saved design could not be read ({why}). It was kept aside in this browser's storage under \"{aside}\".")),
            Err(_) => notices.push(format!("A saved design could not be read ({why}), and storage is full, so it stays where it was.")),
        }
    }
    if !read.unreadable.is_empty() && notices.iter().all(|n| n.contains("kept aside")) {
        // Everything unreadable is safe elsewhere: rewrite the document with what could be read.
        let _ = storage.set_item(KEY, &serialise(&read.designs));
    }
    (read.designs, notices)
}

/// Store `designs`; the error is a sentence for the person (storage full or blocked).
pub fn save(designs: &[Saved]) -> Result<(), String> {
    let storage = local_storage().ok_or("This browser blocks storage here, so the design was not saved.")?;
    storage
        .set_item(KEY, &serialise(designs))
        .map_err(|_| "The browser's storage is full, so the design was not saved.".to_owned())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Now, as an ISO 8601 string (the browser's clock; the engine never reads one).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(name: &str) -> Saved {
        Saved {
            name: name.into(),
            saved: "2026-11-26T00:00:00Z".into(),
            scenario: Scenario { burn_share: 0.7, ..Scenario::default() },
        }
    }

    #[test]
    fn names_stay_unique() {
        let designs = vec![saved("Design 1"), saved("Design 3")];
        assert_eq!(unique_name(&designs, "Design"), "Design 2");
        let read = parse(Some(&serialise(&[saved("a"), saved("a")])));
        let names: Vec<&str> = read.designs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a", "a 1"]);
    }

    #[test]
    fn round_trips() {
        let designs = vec![saved("a"), saved("b")];
        assert_eq!(parse(Some(&serialise(&designs))), Read { designs, unreadable: vec![] });
        assert_eq!(parse(None), Read::default());
    }

    /// Whatever is in storage (another version, another site's junk, a truncated write), reading it
    /// never panics, and everything is either a valid design or kept aside with a reason.
    #[test]
    fn fuzz_stored_designs() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let count = std::cell::Cell::new(0);
        let docs = prop_oneof![
            any::<String>(),
            (any::<u32>(), proptest::collection::vec(any::<String>(), 0..4)).prop_map(|(schema, names)| format!(
                r#"{{"schema": {}, "designs": [{}]}}"#,
                schema % 3,
                names
                    .iter()
                    .map(|n| format!(r#"{{"name": {n:?}, "saved": "x", "scenario": {{"years": {}}}}}"#, n.len()))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
        ];
        let mut runner = TestRunner::new(Config { cases: 5_000, failure_persistence: None, ..Config::default() });
        runner
            .run(&docs, |raw| {
                count.set(count.get() + 1);
                let read = parse(Some(&raw));
                for d in &read.designs {
                    assert!(consumption_lab_engine::validate(&d.scenario).is_ok());
                }
                assert!(read.designs.len() + read.unreadable.len() <= raw.len() + 1);
                Ok(())
            })
            .unwrap();
        eprintln!("fuzz stored designs: {} cases, no panic", count.get());
    }

    #[test]
    fn designs_saved_before_versions_keep_their_meaning() {
        // Written by the main before versions existed (crates/engine/tests/fixtures/v1/).
        let old = include_str!("../crates/engine/tests/fixtures/v1/saved-designs.json");
        let read = parse(Some(old));
        assert!(read.unreadable.is_empty(), "{:?}", read.unreadable);
        let v1 = Scenario::defaults_of(1).unwrap();
        assert_eq!(read.designs[0].name, "Stablecoin 60");
        assert_eq!(
            read.designs[0].scenario,
            Scenario { fee_denomination: consumption_lab_engine::FeeDenomination::Stablecoin, burn_share: 0.6, ..v1 }
        );
        assert_eq!(read.designs[1].scenario.price_model, consumption_lab_engine::PriceModel::Fixed);
        // Saved again, they say their version and read back the same.
        let again = parse(Some(&serialise(&read.designs)));
        assert_eq!(again.designs, read.designs);
        assert!(serialise(&read.designs).contains("\"version\":4"));
    }

    #[test]
    fn unreadable_data_is_reported_not_dropped() {
        let garbage = parse(Some("{not json"));
        assert!(garbage.designs.is_empty());
        assert_eq!(garbage.unreadable[0].0, "{not json");

        let future = parse(Some(r#"{"schema": 2, "designs": []}"#));
        assert!(future.unreadable[0].1.contains("schema 2"));

        let mixed = format!(
            r#"{{"schema": 1, "designs": [{}, {{"name": "broken", "saved": "x", "scenario": {{"burn_share": 5}}}}, {{"oops": 1}}]}}"#,
            serde_json::to_string(&saved("good")).unwrap()
        );
        let read = parse(Some(&mixed));
        assert_eq!(read.designs, vec![saved("good")]);
        assert_eq!(read.unreadable.len(), 2);
        assert!(read.unreadable[0].1.contains("design \"broken\": burn_share must be between 0 and 1"));
        assert!(read.unreadable[1].1.contains("(unnamed)"));
    }
}
