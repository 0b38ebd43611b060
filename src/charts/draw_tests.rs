//! Every chart's `draw` run natively on plotters' SVG backend, at a desktop and a phone width, for
//! the default design, a pinned one, Monte Carlo bands and a heatmap. A chart that errors, draws
//! nothing, loses a legend entry or writes text outside its canvas fails here, without a browser.

// Native tests only, never linked into the page: the size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use super::frame::Frame;
use super::heatmap::Axes;
use super::{fees, flows, heatmap, histogram, jevons, price, supply, turnover, unlocks, BoxResult, Extras};
use consumption_lab_engine::jevons::{jevons, Given};
use consumption_lab_engine::montecarlo::monte_carlo;
use consumption_lab_engine::sweep::SweepAxis;
use consumption_lab_engine::wire::{answer, MonteCarloBands, Request, Response};
use consumption_lab_engine::{project, Allocation, Change, Projection, Scenario};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// CSS sizes drawn: a desktop card and a phone card.
const SIZES: [(f64, f64); 2] = [(760.0, 420.0), (358.0, 300.0)];

/// Draw with `paint` on an SVG of `size` and return the SVG text.
fn svg(size: (f64, f64), paint: impl FnOnce(&DrawingArea<SVGBackend, Shift>, &Frame) -> BoxResult<()>) -> String {
    let frame = Frame { px: 1.0, width: size.0, height: size.1 };
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (size.0 as u32, size.1 as u32)).into_drawing_area();
        paint(&root, &frame).unwrap_or_else(|e| panic!("drawing failed at {size:?}: {e}"));
    }
    text
}

/// The texts an SVG draws, with their anchor positions.
fn texts(svg: &str) -> Vec<(String, f64, f64)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let attr = |name: &str| -> Option<f64> {
                let at = t.find(&format!(" {name}=\""))? + name.len() + 3;
                t[at..].split('"').next()?.parse().ok()
            };
            let body = t.split_once('>')?.1.split("</text>").next()?;
            Some((body.to_owned(), attr("x")?, attr("y")?))
        })
        .collect()
}

/// Every text is anchored inside the canvas, and `wanted` are all drawn.
fn check(svg: &str, size: (f64, f64), wanted: &[&str]) {
    let texts = texts(svg);
    assert!(!texts.is_empty(), "no text drawn at {size:?}");
    for (t, x, y) in &texts {
        assert!(
            *x >= -1.0 && *x <= size.0 + 1.0 && *y >= -1.0 && *y <= size.1 + 1.0,
            "{t:?} at ({x}, {y}) is off the {size:?} canvas"
        );
    }
    for w in wanted {
        assert!(texts.iter().any(|(t, _, _)| t.contains(w)), "{w:?} is not drawn at {size:?}");
    }
}

fn projection(s: Scenario) -> Projection {
    project(&s).unwrap()
}

fn bands(s: &Scenario) -> MonteCarloBands {
    monte_carlo(&Scenario { paths: 200, ..s.clone() }).unwrap().into()
}

#[test]
fn the_time_charts_draw_with_and_without_a_pinned_design_and_bands() {
    let b = projection(Scenario::default());
    let a = projection(Scenario {
        burn_share: 0.2,
        years: 15,
        speculation_shock: Some(Default::default()),
        ..Scenario::default()
    });
    let mc = bands(&b.scenario);
    for size in SIZES {
        for (compare, with_bands) in [(None, false), (Some(&a), true)] {
            let extras = Extras { compare, bands: with_bands.then_some(&mc) };
            let text = svg(size, |root, frame| supply::draw(root, &b, extras, frame).map(drop));
            check(&text, size, &["Total supply", "Cumulative burned", "Years", "Tokens"]);
            if compare.is_some() {
                check(&text, size, &["Monte Carlo"]);
            }
            let text = svg(size, |root, frame| fees::draw(root, &b, compare, frame).map(drop));
            check(&text, size, &["Burned", "Stakers", "Treasury", "Leaked"]);
            let text = svg(size, |root, frame| turnover::draw(root, &b, compare, frame).map(drop));
            check(&text, size, &["Turnover", "Consumption"]);
            let text = svg(size, |root, frame| price::draw(root, &b, extras, frame).map(drop));
            check(&text, size, &["Price", "Value it is pulled toward"]);
            let text = svg(size, |root, frame| flows::draw(root, &b, compare, frame).map(drop));
            check(&text, size, &["Users buying to pay fees", "Unlocked tokens sold", "Largest unlock sale: investors"]);
            let text = svg(size, |root, frame| unlocks::draw(root, &b, frame).map(drop));
            check(&text, size, &["team unlocked", "ecosystem unlocked", "Circulating", "Locked (vesting)"]);
        }
    }
}

#[test]
fn a_cliff_changes_and_a_cap_are_drawn_and_named() {
    let team =
        Allocation { name: "team".into(), share: 0.2, cliff_months: 12, sold_share: 0.5, ..Allocation::default() };
    let rest = Allocation { name: "community".into(), share: 0.8, unlocked_at_launch: 1.0, ..Allocation::default() };
    let changes = vec![
        Change { month: 25, field: "burn_share".into(), value: 0.6 },
        Change { month: 25, field: "staker_share".into(), value: 0.2 },
        Change { month: 61, field: "annual_fees_usd".into(), value: 4e6 },
    ];
    let s = Scenario { allocations: vec![team, rest], changes, max_supply: Some(1.2e9), ..Scenario::default() };
    let p = projection(s);
    for size in SIZES {
        let text = svg(size, |root, frame| unlocks::draw(root, &p, frame).map(drop));
        check(
            &text,
            size,
            &["team unlocked", "Maximum supply", "Burn share 60 %, Staker share 20 %", "Annual fees 4 M USD"],
        );
        let text = svg(size, |root, frame| flows::draw(root, &p, None, frame).map(drop));
        check(&text, size, &["Largest unlock sale: team, month 12 (year 1)", "Burn share 60 %"]);
        let text = svg(size, |root, frame| price::draw(root, &p, Extras::default(), frame).map(drop));
        check(&text, size, &["Annual fees 4 M USD"]);
    }
    let none = projection(Scenario { allocations: Vec::new(), ..Scenario::default() });
    let text = svg(SIZES[0], |root, frame| unlocks::draw(root, &none, frame).map(drop));
    check(&text, SIZES[0], &["No allocation table"]);
}

#[test]
fn the_uncertainty_and_jevons_charts_draw() {
    let s = Scenario::default();
    let mc = bands(&s);
    let j = jevons(300.0, 2.0, Given::SpendMultiple(4.2)).unwrap();
    for size in SIZES {
        let text = svg(size, |root, frame| histogram::draw(root, &mc, &s, frame).map(drop));
        check(&text, size, &["Supply after 10 years", "Share of paths"]);
        let text = svg(size, |root, frame| jevons::draw(root, &j, frame).map(drop));
        assert!(!texts(&text).is_empty());
    }
}

#[test]
fn the_sensitivity_map_draws_a_grid_with_invalid_cells() {
    let x = SweepAxis::new("burn_share", 0.0, 1.0, 16).unwrap();
    let y = SweepAxis::new("staker_share", 0.0, 1.0, 8).unwrap();
    let Response::Sweep { heatmap: map, .. } =
        answer(Request::Sweep { id: 1, scenario: Scenario::default(), x, y, measure: Default::default() })
    else {
        panic!("not a sweep")
    };
    assert!(map.values.iter().any(Option::is_none), "some cells are invalid combinations");
    let ax = Axes {
        x_title: "Burn share (%)".into(),
        y_title: "Staker share (%)".into(),
        x_show: &|v| format!("{:.0}", v * 100.0),
        y_show: &|v| format!("{:.0}", v * 100.0),
    };
    for size in SIZES {
        let text = svg(size, |root, frame| heatmap::draw(root, &map, &ax, frame).map(drop));
        check(&text, size, &["Burn share (%)", "Staker share (%)"]);
    }
}
