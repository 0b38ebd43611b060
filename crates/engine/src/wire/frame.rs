//! The compute worker's answers as the worker posts them: one text and one column of numbers
//! ([`Frame`]), which the browser moves between threads as a string and a `Float64Array`.
//!
//! Requests go to the worker as JSON, but answers come back this way. An answer is mostly numbers
//! (4,096 sweep cells; 120 months of percentiles and a histogram), and reading it as JSON put a
//! serde reader for every answer type into the page's module: 7.7 KB of its gzipped download,
//! where [`decode`] is a few hundred bytes. It is also faster: no number is printed or parsed.
//! [`encode`] and [`decode`] are inverses (tested below on every kind of answer).
//!
//! Layout of `numbers`: `[kind, id, …]`, then per kind
//! - sweep: `nx, ny, xs…, ys…, values…` (`ny·nx` values, row-major, NaN where a cell has none);
//!   `text` is the two field keys and the measure, separated by spaces;
//! - Monte Carlo: `months, bins`, then per month `month` and the five percentiles of supply,
//!   cumulative burned, value capture and price (21 numbers), then final supply's five percentiles,
//!   min, max, mean, the probability of ending below the start, `bins + 1` edges and `bins` counts;
//! - export: `format` (0 CSV, 1 projection JSON, 2 scenario JSON); `text` is the file;
//! - error: nothing more; `text` is the message.

use super::messages::{ExportFormat, Heatmap, Measure, MonteCarloBands, Response};
use crate::analysis::montecarlo::{Band, Distribution, Histogram, Percentiles, BAND_QUANTITIES};

/// An answer as text and numbers (see the module doc for the layout).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Field keys, an export's file or an error message.
    pub text: String,
    /// Kind, request id, then the answer's numbers.
    pub numbers: Vec<f64>,
}

const SWEEP: f64 = 0.0;
const MONTE_CARLO: f64 = 1.0;
const EXPORT: f64 = 2.0;
const ERROR: f64 = 3.0;

/// The answer as a frame.
pub fn encode(response: &Response) -> Frame {
    let mut n = Vec::new();
    let text = match response {
        Response::Sweep { id, heatmap: h } => {
            n.extend([SWEEP, f64::from(*id), h.xs.len() as f64, h.ys.len() as f64]);
            n.extend(h.xs.iter().chain(&h.ys));
            n.extend(h.values.iter().map(|v| v.unwrap_or(f64::NAN)));
            let measure = match h.measure {
                Measure::NetSupplyChange => "net_supply_change",
                Measure::PriceChange => "price_change",
            };
            format!("{} {} {measure}", h.x_field, h.y_field)
        }
        Response::MonteCarlo { id, result: b } => {
            let h = &b.final_supply.histogram;
            n.extend([MONTE_CARLO, f64::from(*id), b.months.len() as f64, h.counts.len() as f64]);
            for m in &b.months {
                n.push(f64::from(m.month));
                for (_, pick) in BAND_QUANTITIES {
                    n.extend(pick(m).values());
                }
            }
            let d = &b.final_supply;
            n.extend(d.percentiles.values());
            n.extend([d.min, d.max, d.mean, b.probability_supply_below_start]);
            n.extend(&h.edges);
            n.extend(h.counts.iter().map(|c| f64::from(*c)));
            String::new()
        }
        Response::Export { id, format, text } => {
            let code = match format {
                ExportFormat::Csv => 0.0,
                ExportFormat::Json => 1.0,
                ExportFormat::Scenario => 2.0,
            };
            n.extend([EXPORT, f64::from(*id), code]);
            text.clone()
        }
        Response::Error { id, message } => {
            n.extend([ERROR, f64::from(*id)]);
            message.clone()
        }
    };
    Frame { text, numbers: n }
}

/// Reads a frame's numbers front to back; every read fails (`None`) past the end.
struct Reader<'a>(&'a [f64]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [f64]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn one(&mut self) -> Option<f64> {
        self.take(1).map(|s| s[0])
    }

    /// A whole number that fits a u32 (ids, months, counts).
    fn whole(&mut self) -> Option<u32> {
        let v = self.one()?;
        (v >= 0.0 && v <= f64::from(u32::MAX) && v.fract() == 0.0).then_some(v as u32)
    }

    fn percentiles(&mut self) -> Option<Percentiles> {
        let p = self.take(5)?;
        Some(Percentiles { p5: p[0], p25: p[1], p50: p[2], p75: p[3], p95: p[4] })
    }
}

/// The answer in a frame; `None` if the frame is not one [`encode`] could have made.
pub fn decode(frame: &Frame) -> Option<Response> {
    let mut r = Reader(&frame.numbers);
    let kind = r.one()?;
    let id = r.whole()?;
    let response = if kind == SWEEP {
        let (nx, ny) = (r.whole()? as usize, r.whole()? as usize);
        let mut words = frame.text.split(' ');
        let (x_field, y_field) = (words.next()?, words.next()?);
        let measure = match words.next()? {
            "net_supply_change" => Measure::NetSupplyChange,
            "price_change" => Measure::PriceChange,
            _ => return None,
        };
        let xs = r.take(nx)?.to_vec();
        let ys = r.take(ny)?.to_vec();
        let values = r.take(nx.checked_mul(ny)?)?.iter().map(|v| (!v.is_nan()).then_some(*v)).collect();
        let heatmap = Heatmap { x_field: x_field.into(), y_field: y_field.into(), measure, xs, ys, values };
        Response::Sweep { id, heatmap }
    } else if kind == MONTE_CARLO {
        let (months, bins) = (r.whole()? as usize, r.whole()? as usize);
        let months = (0..months)
            .map(|_| {
                Some(Band {
                    month: r.whole()?,
                    supply: r.percentiles()?,
                    cumulative_burned: r.percentiles()?,
                    value_capture_ratio: r.percentiles()?,
                    price_usd: r.percentiles()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let percentiles = r.percentiles()?;
        let (min, max, mean, probability) = (r.one()?, r.one()?, r.one()?, r.one()?);
        let edges = r.take(bins.checked_add(1)?)?.to_vec();
        let counts = (0..bins).map(|_| r.whole()).collect::<Option<Vec<_>>>()?;
        let final_supply = Distribution { percentiles, min, max, mean, histogram: Histogram { edges, counts } };
        Response::MonteCarlo {
            id,
            result: Box::new(MonteCarloBands { months, final_supply, probability_supply_below_start: probability }),
        }
    } else if kind == EXPORT {
        let format = match r.one()? {
            0.0 => ExportFormat::Csv,
            1.0 => ExportFormat::Json,
            2.0 => ExportFormat::Scenario,
            _ => return None,
        };
        Response::Export { id, format, text: frame.text.clone() }
    } else if kind == ERROR {
        Response::Error { id, message: frame.text.clone() }
    } else {
        return None;
    };
    // Numbers left over mean the frame was not made by `encode`.
    r.0.is_empty().then_some(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sweep::SweepAxis;
    use crate::scenario::Scenario;
    use crate::wire::messages::Request;
    use crate::wire::respond::answer;

    fn round_trip(response: Response) {
        assert_eq!(decode(&encode(&response)), Some(response));
    }

    #[test]
    fn every_kind_of_answer_survives_the_frame_exactly() {
        let scenario = Scenario { paths: 300, ..Scenario::default() };
        let x = SweepAxis::new("burn_share", 0.0, 1.0, 5).unwrap();
        let y = SweepAxis::new("staker_share", 0.0, 1.0, 3).unwrap();
        let sweep = answer(Request::Sweep { id: 4, scenario: scenario.clone(), x, y, measure: Measure::PriceChange });
        // Some cells (burn and staker shares over 1) have no value: they must come back as None.
        let Response::Sweep { heatmap, .. } = &sweep else { panic!("{sweep:?}") };
        assert!(heatmap.values.iter().any(Option::is_none) && heatmap.values.iter().any(Option::is_some));
        round_trip(sweep);
        let mc = answer(Request::MonteCarlo { id: u32::MAX, scenario: scenario.clone() });
        assert!(matches!(mc, Response::MonteCarlo { .. }));
        round_trip(mc);
        for format in [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Scenario] {
            round_trip(answer(Request::Export { id: 9, scenario: scenario.clone(), format }));
        }
        round_trip(Response::Error { id: 0, message: "years must be a whole number".into() });
    }

    #[test]
    fn frames_not_made_by_encode_are_refused_not_misread() {
        let good = encode(&Response::Error { id: 2, message: "m".into() });
        assert!(decode(&Frame { numbers: vec![], ..good.clone() }).is_none());
        assert!(decode(&Frame { numbers: vec![7.0, 1.0], ..good.clone() }).is_none());
        assert!(decode(&Frame { numbers: vec![ERROR, 1.5], ..good.clone() }).is_none());
        assert!(decode(&Frame { numbers: vec![ERROR, 1.0, 0.0], ..good }).is_none());
        assert!(decode(&Frame { text: "x".into(), numbers: vec![EXPORT, 1.0, 3.0] }).is_none());
        // A sweep whose grid is longer than its numbers, or whose text lacks the two keys.
        let keys = "a b net_supply_change";
        assert!(decode(&Frame { text: keys.into(), numbers: vec![SWEEP, 1.0, 2.0, 2.0, 0.0, 1.0] }).is_none());
        assert!(decode(&Frame { text: "ab".into(), numbers: vec![SWEEP, 1.0, 0.0, 0.0] }).is_none());
        assert!(decode(&Frame { text: "a b c".into(), numbers: vec![SWEEP, 1.0, 0.0, 0.0] }).is_none());
        assert!(decode(&Frame { text: keys.into(), numbers: vec![SWEEP, 1.0, 1e300, 1e300] }).is_none());
    }
}
