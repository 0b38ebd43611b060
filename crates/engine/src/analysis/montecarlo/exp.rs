//! `libm::exp` for several numbers at once: the same operations in the same order (FreeBSD's
//! `e_exp.c`, as `libm` 0.2 has it), each branch on the argument turned into a choice per lane,
//! so that the compiler can use vector instructions and every lane is `libm::exp`'s bits. Lanes
//! near the ends of the range (|x| > 700, infinities, NaN) go to `libm::exp` itself.

use crate::model::lanes::pick;

// libm's constants, by their bits (the hex its source gives beside each decimal).
const HALF: f64 = 0.5;
const TWO_52: f64 = (1u64 << 52) as f64;
const LN2HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const INVLN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
const P1: f64 = f64::from_bits(0x3fc5_5555_5555_553e);
const P2: f64 = f64::from_bits(0xbf66_c16c_16be_bd93);
const P3: f64 = f64::from_bits(0x3f11_566a_af25_de2c);
const P4: f64 = f64::from_bits(0xbebb_bd41_c5d2_6bf1);
const P5: f64 = f64::from_bits(0x3e66_3769_72be_a4d0);

/// `libm::exp` of each lane (see the module doc).
#[inline]
pub fn exp<const N: usize>(x: [f64; N]) -> [f64; N] {
    // Where scaling by 2^k could leave the normal range, or the argument is not finite.
    if !x.iter().all(|v| v.abs() <= 700.0) {
        return x.map(libm::exp);
    }
    std::array::from_fn(|i| in_range(x[i]))
}

/// The smallest `|x|` whose high word exceeds `high`: libm's tests of the high word of `|x|`
/// (`hx > high`) as comparisons of floats, which vector instructions make four lanes at a time.
const fn above(high: u64) -> f64 {
    f64::from_bits((high + 1) << 32)
}

/// `libm::exp(x)` for |x| ≤ 700, without branches, in floating-point operations alone, so that
/// a group's lanes stay in one vector register throughout (the integer form's high words and
/// `k` went lane by lane through general registers: 163 → 156 ms at 100,000 paths of the numpy
/// peer's design, with the draws in a loop of their own).
#[inline(always)]
fn in_range(x: f64) -> f64 {
    let ax = x.abs();
    // Argument reduction: x = k·ln2 + r, |r| ≤ ln2 / 2, r = hi − lo; k by rounding beyond
    // 1.5·ln2, ±1 between 0.5·ln2 and there, 0 below.
    let reduce = ax >= above(0x3fd6_2e42);
    // `(INVLN2·x ± ½) as i32` is its truncation, exact for |x| ≤ 700.
    let rounded = (INVLN2 * x + HALF.copysign(x)).trunc();
    let k = pick(ax >= above(0x3ff0_a2b1), rounded, pick(reduce, 1f64.copysign(x), 0.0));
    // With k = 0 these are x and +0 exactly, as libm has them without the reduction.
    let hi = x - k * LN2HI; // k·ln2hi is exact here
    let lo = k * LN2LO;
    let r = hi - lo;
    let rr = r * r;
    let c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
    let y = 1.0 + (r * c / (2.0 - c) - lo + hi);
    // scalbn(y, k): an exact product with 2^k, which is normal for |k| ≤ 1010 (and 1 for k = 0).
    // 2^52 + 1023 + k holds 1023 + k in its low mantissa bits; shifted up, they are 2^k's exponent.
    let two_to_k = f64::from_bits((k + (TWO_52 + 1023.0)).to_bits() << 52);
    // Below 2^-28, exp(x) = 1 + x.
    pick(ax >= above(0x3e30_0000), y * two_to_k, 1.0 + x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lane_is_libms_exp() {
        let mut bits = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            bits
        };
        let edges = [0x3fd6_2e42u64, 0x3ff0_a2b2, 0x3e30_0000, 0x4086_232b].map(|hi| f64::from_bits(hi << 32));
        let mut xs: Vec<f64> = vec![0.0, -0.0, 1e-300, -1e-20, 700.0, -700.0, 700.1, 710.0, -746.0, f64::NAN];
        xs.extend([f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE]);
        for e in edges {
            for d in -2i64..=2 {
                let v = f64::from_bits((e.to_bits() as i64 + d) as u64);
                xs.extend([v, -v]);
            }
        }
        for _ in 0..200_000 {
            let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [0.1, 1.0, 4.0, 40.0, 800.0][(next() % 5) as usize];
            xs.push((2.0 * u - 1.0) * scale);
        }
        for chunk in xs.chunks_exact(4) {
            let got = exp([chunk[0], chunk[1], chunk[2], chunk[3]]);
            for (x, y) in chunk.iter().zip(got) {
                assert_eq!(y.to_bits(), libm::exp(*x).to_bits(), "exp({x:e})");
            }
        }
    }
}
