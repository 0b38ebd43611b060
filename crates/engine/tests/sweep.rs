//! Sensitivity sweep: every cell is the projection of its design, the grid has the promised
//! shape, invalid combinations are reported per cell, and axis specs are checked.

// Native tests only, never linked into the page: the size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod common;
use common::all_circulating;
use consumption_lab_engine::export::sweep_csv as csv;
use consumption_lab_engine::sweep::{sweep, Sweep, SweepAxis, SweepError, MAX_STEPS};
use consumption_lab_engine::{summarize, Scenario};

fn axis(spec: &str) -> SweepAxis {
    spec.parse().unwrap_or_else(|e| panic!("{spec}: {e}"))
}

fn grid(s: &Scenario, x: &str, y: &str) -> Sweep {
    sweep(s, &axis(x), &axis(y)).unwrap()
}

#[test]
fn every_cell_is_the_summary_of_its_design() {
    let base = Scenario::default();
    let g = grid(&base, "burn_share:0:1:11", "staker_share:0:0.6:3");
    // 0.5 and 0.3 are on the grid exactly: that cell is the current design.
    let here = g.cell(5, 1).unwrap();
    assert_eq!((here.x, here.y), (0.5, 0.3));
    let direct = summarize(&base).unwrap();
    let cell = here.summary.unwrap();
    assert_eq!(cell.net_supply_change.to_bits(), direct.net_supply_change.to_bits());
    assert_eq!(cell.final_supply.to_bits(), direct.final_supply.to_bits());
    assert_eq!(cell.cumulative_burned.to_bits(), direct.cumulative_burned.to_bits());
    assert_eq!(cell.value_capture_ratio.to_bits(), direct.value_capture_ratio.to_bits());
    assert_eq!(cell.leaked_usd.to_bits(), direct.leaked_usd.to_bits());
    // And every valid cell is its own design's summary.
    for c in &g.cells {
        let design = Scenario { burn_share: c.x, staker_share: c.y, ..base.clone() };
        match (summarize(&design), c.summary) {
            (Ok(s), Some(cell)) => assert_eq!(cell.final_supply.to_bits(), s.final_supply.to_bits()),
            (Err(e), None) => assert_eq!(c.error.as_deref(), Some(e.to_string().as_str())),
            (direct, cell) => panic!("cell ({}, {}): {cell:?} vs {direct:?}", c.x, c.y),
        }
    }
}

#[test]
fn a_64_by_64_sweep_has_4096_cells_row_major() {
    let g = grid(&Scenario::default(), "burn_share:0:0.7:64", "fee_growth:-0.5:1.0:64");
    assert_eq!(g.cells.len(), 4096);
    assert!(g.cells.iter().all(|c| c.summary.is_some() && c.error.is_none()));
    // y outer, x inner.
    assert_eq!((g.cells[0].x, g.cells[0].y), (0.0, -0.5));
    assert_eq!((g.cells[63].x, g.cells[63].y), (0.7, -0.5));
    assert_eq!((g.cells[64].x, g.cells[64].y), (0.0, g.cells[64].y));
    assert!(g.cells[64].y > -0.5);
    assert_eq!((g.cells[4095].x, g.cells[4095].y), (0.7, 1.0));
    assert_eq!(g.cell(63, 63), g.cells.last());
    assert_eq!(g.cell(64, 0), None);
    // More burn, less supply, at any growth.
    let row = &g.cells[..64];
    assert!(row.windows(2).all(|w| w[1].summary.unwrap().final_supply <= w[0].summary.unwrap().final_supply));
}

#[test]
fn invalid_combinations_are_reported_per_cell() {
    // burn_share + staker_share > 1 in the upper corner of the grid.
    let g = grid(&Scenario::default(), "burn_share:0:1:5", "staker_share:0:1:5");
    assert_eq!(g.cells.len(), 25);
    let invalid: Vec<_> = g.cells.iter().filter(|c| c.error.is_some()).collect();
    assert_eq!(invalid.len(), 10, "the cells above the diagonal");
    for c in &invalid {
        assert!(c.x + c.y > 1.0);
        assert!(c.summary.is_none());
        assert!(c.error.as_deref().unwrap().contains("staker_share"), "{:?}", c.error);
    }
    let text = csv(&g);
    let bad_row = text.lines().find(|l| l.starts_with("1.0,1.0,")).unwrap();
    assert!(bad_row.starts_with("1.0,1.0,,,,,,"), "{bad_row}");
    assert!(bad_row.contains("burn_share + staker_share"), "{bad_row}");
}

#[test]
fn whole_number_fields_are_rounded_and_endpoints_exact() {
    let g = grid(&Scenario::default(), "years:1:50:4", "fee_growth:-0.9:3:7");
    let years: Vec<f64> = g.cells[..4].iter().map(|c| c.x).collect();
    assert_eq!(years, [1.0, 17.0, 34.0, 50.0]);
    assert_eq!(g.cells.last().unwrap().y, 3.0);
    for c in &g.cells[..4] {
        let months = (c.x * 12.0) as u32;
        let direct = summarize(&Scenario { years: c.x as u32, fee_growth: c.y, ..Scenario::default() }).unwrap();
        assert_eq!(direct.months, months);
        assert_eq!(c.summary.unwrap().final_supply, direct.final_supply);
    }
    // A downward axis runs from min to max as written.
    let down = axis("burn_share:0.7:0:3").values();
    assert_eq!(down, [0.7, 0.35, 0.0]);
    // Values between the ends read as a person writes them.
    assert_eq!(axis("burn_share:0:0.7:8").values(), [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    assert_eq!(axis("fee_growth:-0.5:1:4").values(), [-0.5, 0.0, 0.5, 1.0]);
}

#[test]
fn csv_names_the_swept_fields_and_repeats_them_on_every_row() {
    let g = grid(&Scenario::default(), "burn_share:0:0.7:4", "fee_growth:-0.5:1:3");
    let text = csv(&g);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "burn_share,fee_growth,net_supply_change,final_supply,cumulative_burned,value_capture_ratio,leaked_usd,error,final_price_usd,price_change"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 12);
    for (row, cell) in rows.iter().zip(&g.cells) {
        assert_eq!(row.len(), 10);
        assert_eq!(row[0].parse::<f64>().unwrap(), cell.x);
        assert_eq!(row[1].parse::<f64>().unwrap(), cell.y);
        assert_eq!(row[3].parse::<f64>().unwrap(), cell.summary.unwrap().final_supply);
        assert_eq!(row[7], "");
    }
}

#[test]
fn axis_specs_are_checked_with_clear_messages() {
    let message = |spec: &str| spec.parse::<SweepAxis>().unwrap_err().to_string();
    assert!(message("burn_share:0:1").contains("FIELD:MIN:MAX:N"));
    assert!(message("burn_share:0:1:4:5").contains("FIELD:MIN:MAX:N"));
    let unknown = message("burn:0:1:4");
    assert!(unknown.contains("unknown field \"burn\""), "{unknown}");
    assert!(unknown.contains("burn_share") && unknown.contains("fee_growth") && unknown.contains("years"), "{unknown}");
    assert!(message("burn_share:zero:1:4").contains("MIN of the burn_share axis is not a number"));
    assert!(message("burn_share:0:x:4").contains("MAX of the burn_share axis is not a number"));
    for steps in ["1", "513", "4.5", "-2", "many"] {
        let m = message(&format!("burn_share:0:1:{steps}"));
        assert!(m.contains(&format!("between 2 and {MAX_STEPS}")), "{m}");
    }
    let range = message("burn_share:0:1.5:4");
    assert!(range.contains("MAX of the burn_share axis is out of range"), "{range}");
    assert!(range.contains("burn_share must be between 0 and 1 (got 1.5)"), "{range}");
    assert!(message("fee_growth:-1:1:4").contains("greater than -1"));
    assert!(message("years:0.5:10:4").contains("whole number"));
    assert!(message("burn_share:NaN:1:4").contains("finite"));
    // Spaces around the parts are forgiven; the spec reads back from its display.
    let a = axis(" fee_growth : -0.5 : 1 : 64 ");
    assert_eq!(a, SweepAxis::new("fee_growth", -0.5, 1.0, 64).unwrap());
    assert_eq!(axis(&a.to_string()), a);
}

#[test]
fn the_same_field_twice_and_an_invalid_base_are_errors() {
    let x = axis("burn_share:0:0.5:4");
    assert_eq!(sweep(&Scenario::default(), &x, &x).unwrap_err(), SweepError::SameField("burn_share".into()));
    let bad = Scenario { turnover: -1.0, ..all_circulating() };
    let e = sweep(&bad, &x, &axis("fee_growth:0:1:2")).unwrap_err();
    assert!(matches!(e, SweepError::Scenario(_)), "{e:?}");
    assert!(e.to_string().contains("turnover"));
    // An axis built by hand is checked too.
    let hand = SweepAxis { field: "burn_share".into(), min: 0.0, max: 2.0, steps: 3 };
    assert!(sweep(&Scenario::default(), &hand, &axis("fee_growth:0:1:2")).is_err());
    assert!(hand.values().is_empty());
}

#[test]
fn overflowing_cells_are_reported_not_fatal() {
    let base = Scenario {
        price_model: consumption_lab_engine::PriceModel::FeeMultiple,
        price_to_fees: 0.1,
        staker_share: 0.0,
        staked_fraction: 0.0,
        staking_yield_source: consumption_lab_engine::YieldSource::Revenue,
        ..all_circulating()
    };
    let g = grid(&base, "burn_share:0:1:3", "years:1:50:2");
    let last = g.cells.last().unwrap();
    assert_eq!((last.x, last.y), (1.0, 50.0));
    assert!(last.error.as_deref().unwrap().contains("overflowed at month"), "{:?}", last.error);
    assert!(g.cells[0].summary.is_some());
}

#[test]
fn a_shorter_horizon_moves_the_shock_into_it_instead_of_failing() {
    use consumption_lab_engine::SpeculationShock;
    let s =
        Scenario { speculation_shock: Some(SpeculationShock { year: 8, ..Default::default() }), ..all_circulating() };
    let x = SweepAxis::new("years", 2.0, 10.0, 3).unwrap();
    let y = SweepAxis::new("burn_share", 0.1, 0.5, 2).unwrap();
    let sweep = consumption_lab_engine::sweep::sweep(&s, &x, &y).unwrap();
    assert!(sweep.cells.iter().all(|c| c.error.is_none()), "{:?}", sweep.cells);
    let short = Scenario {
        years: 2,
        burn_share: 0.1,
        speculation_shock: Some(SpeculationShock { year: 2, ..Default::default() }),
        ..s.clone()
    };
    let direct = consumption_lab_engine::summarize(&short).unwrap();
    assert_eq!(sweep.cells[0].summary.unwrap().final_supply, direct.final_supply);
}
