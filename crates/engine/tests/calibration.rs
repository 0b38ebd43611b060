//! Real protocols against their public numbers: every fitted checkpoint of every real preset lies
//! within its tolerance, and `docs/calibration.md` prints exactly the tables the code computes
//! (so the held-out errors it reports are the ones the presets give).

use consumption_lab_engine::link::{from_query, to_query};
use consumption_lab_engine::presets::{presets, PresetKind};

fn real() -> Vec<consumption_lab_engine::presets::Preset> {
    presets().into_iter().filter(|p| p.kind == PresetKind::Real).collect()
}

#[test]
fn at_least_five_real_protocols_each_with_fitted_and_held_out_checkpoints() {
    let real = real();
    assert!(real.len() >= 5, "{} real presets", real.len());
    for p in &real {
        let ids: Vec<&str> = p.sources.iter().map(|s| s.id.as_str()).collect();
        assert!(p.checkpoints.iter().any(|c| c.fitted) && p.checkpoints.iter().any(|c| !c.fitted), "{}", p.name);
        for c in &p.checkpoints {
            assert!(ids.contains(&c.source.as_str()), "{}: checkpoint source {} is not listed", p.name, c.source);
            assert!(Some(c.date) <= p.as_of, "{}: a checkpoint after the preset's as-of date", p.name);
        }
    }
}

#[test]
fn every_fitted_checkpoint_is_met_within_its_tolerance() {
    for p in real() {
        for fit in p.fits() {
            assert!(fit.model.is_some(), "{}: {:?} lies outside the horizon", p.name, fit.checkpoint);
            assert!(fit.within_tolerance(), "{}: {:?} gives {:?} ({:?})", p.name, fit.checkpoint, fit.model, fit.error);
        }
    }
}

#[test]
fn the_calibration_document_prints_the_tables_the_presets_give() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/calibration.md")).unwrap();
    for p in real() {
        let table = p.marked_table();
        assert!(
            doc.contains(&table),
            "docs/calibration.md's table for {} differs from the code; `consumption-lab calibration --preset {}` prints:\n{table}",
            p.name,
            p.name
        );
    }
}

#[test]
fn a_calendar_start_travels_in_the_link_and_a_bad_one_is_ignored() {
    let dated = consumption_lab_engine::Scenario {
        start: Some(std::str::FromStr::from_str("2022-09").unwrap()),
        ..consumption_lab_engine::Scenario::default()
    };
    let q = to_query(&dated);
    assert!(q.contains("start=2022-09"), "{q}");
    assert_eq!(from_query(&q).scenario, dated);
    assert!(!to_query(&consumption_lab_engine::Scenario::default()).contains("start"), "no start, no key");
    let bad = from_query("version=4&start=2022-13");
    assert_eq!(bad.scenario.start, None);
    assert!(
        bad.ignored[0].contains("start=2022-13 ignored") && bad.ignored[0].contains("YYYY-MM"),
        "{:?}",
        bad.ignored
    );
    // Every real protocol opens from its link as itself.
    for p in presets() {
        assert_eq!(from_query(&to_query(&p.scenario)).scenario, p.scenario, "{}", p.name);
    }
}
