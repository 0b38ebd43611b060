//! Random draws for Monte Carlo paths: uniforms from one 64-bit word and standard normals by the
//! ziggurat method, with `libm` only, so that the same seed gives the same bits on every platform.

use rand_xoshiro::rand_core::RngCore;
use rand_xoshiro::Xoshiro256PlusPlus;

/// A uniform number strictly inside (0, 1) from one 64-bit word: `(⌊w / 2¹²⌋ + ½) / 2⁵²`,
/// exact in binary floating point, symmetric about ½.
#[inline]
fn uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 52) as f64;
    ((rng.next_u64() >> 12) as f64 + 0.5) * SCALE
}

/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005
/// form as in `rand_distr`): 256 layers of equal area under `f(x) = exp(−x²/2)`. Almost every draw
/// is one 64-bit word, a table look-up and a multiplication; the few that land in a layer's
/// wedge or in the tail beyond `R` call `libm::exp` / `libm::log`. The tables are built with
/// `libm` too, so the draws are the same bits on every platform.
#[derive(Debug, Clone)]
pub struct Ziggurat {
    /// Layer edges: `x[0] = V / f(R)` (the base layer's width with its tail), `x[1] = R`,
    /// decreasing to `x[256] = 0`.
    x: [f64; 257],
    /// `f(x[i])`.
    f: [f64; 257],
}

impl Ziggurat {
    /// Where the tail starts.
    const R: f64 = 3.654_152_885_361_009;
    /// Area of each layer.
    const V: f64 = 0.00492867323399;

    /// `exp(−x²/2)`.
    #[inline]
    fn density(x: f64) -> f64 {
        libm::exp(-0.5 * x * x)
    }

    /// Build the tables: each layer `i ≥ 1` is the rectangle of width `x[i]` between `f(x[i])`
    /// and `f(x[i + 1])`, with area `V`.
    pub fn new() -> Self {
        let mut x = [0.0; 257];
        x[0] = Self::V / Self::density(Self::R);
        x[1] = Self::R;
        for i in 2..256 {
            x[i] = libm::sqrt(-2.0 * libm::log(Self::V / x[i - 1] + Self::density(x[i - 1])));
        }
        x[256] = 0.0;
        let f = x.map(Self::density);
        Self { x, f }
    }

    /// One standard normal draw.
    #[inline]
    pub fn sample(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        let bits = rng.next_u64();
        match self.inside(bits) {
            Some(x) => x,
            None => self.sample_after(bits, rng),
        }
    }

    /// The draw whose first word is `bits` when that word lands inside its layer's rectangle,
    /// which lies wholly under the curve (almost always: 98.8 % of words); then no other word is
    /// needed.
    #[inline(always)]
    pub fn inside(&self, bits: u64) -> Option<f64> {
        let (x, inside) = self.candidate(bits);
        inside.then_some(x)
    }

    /// The candidate of one word and whether it is accepted at once.
    #[inline(always)]
    fn candidate(&self, bits: u64) -> (f64, bool) {
        let i = (bits & 0xff) as usize;
        // The top 52 bits as a uniform on [−1, 1): a number in [2, 4) minus 3, exactly.
        let u = f64::from_bits(0x4000_0000_0000_0000 | (bits >> 12)) - 3.0;
        let x = u * self.x[i];
        (x, x.abs() < self.x[i + 1])
    }

    /// The draw whose first word was `bits`, and was not [`inside`](Self::inside): in the
    /// wedge or the tail, or another word.
    #[cold]
    pub fn sample_after(&self, mut bits: u64, rng: &mut Xoshiro256PlusPlus) -> f64 {
        loop {
            let i = (bits & 0xff) as usize;
            let (x, inside) = self.candidate(bits);
            let u = f64::from_bits(0x4000_0000_0000_0000 | (bits >> 12)) - 3.0;
            if inside {
                return x; // inside the layer's rectangle that lies wholly under the curve
            }
            if i == 0 {
                return Self::tail(rng, u);
            }
            // In the wedge: accept if a uniform height in the layer falls under the curve.
            if self.f[i + 1] + (self.f[i] - self.f[i + 1]) * uniform(rng) < Self::density(x) {
                return x;
            }
            bits = rng.next_u64();
        }
    }

    /// A draw beyond `R` (Marsaglia 1964), on the side of `u`'s sign.
    #[cold]
    fn tail(rng: &mut Xoshiro256PlusPlus, u: f64) -> f64 {
        loop {
            let x = libm::log(uniform(rng)) / Self::R; // negative
            let y = libm::log(uniform(rng));
            if -2.0 * y >= x * x {
                return if u < 0.0 { x - Self::R } else { Self::R - x };
            }
        }
    }
}

impl Default for Ziggurat {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::SeedableRng;

    /// `Φ(x)` from `libm::erfc`.
    fn normal_cdf(x: f64) -> f64 {
        0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the published table, digit for digit
    fn ziggurat_tables_match_the_published_ones() {
        // rand_distr's ZIG_NORM_X, generated independently.
        let z = Ziggurat::new();
        for (i, want) in [
            (0, 3.910757959537090045),
            (1, 3.654152885361008796),
            (2, 3.449278298560964462),
            (254, 0.286174591747260509),
            (255, 0.215241895913273806),
        ] {
            assert!((z.x[i] - want).abs() <= 1e-14, "x[{i}] = {}", z.x[i]);
        }
        assert_eq!(z.x[256], 0.0);
        assert_eq!(z.f[256], 1.0);
        assert!(z.x.windows(2).all(|w| w[0] > w[1]), "layers shrink upwards");
    }

    #[test]
    fn uniforms_are_strictly_inside_the_unit_interval() {
        const SCALE: f64 = 1.0 / (1u64 << 52) as f64;
        assert_eq!(0.5 * SCALE, 1.0 / (1u64 << 53) as f64);
        assert!((((u64::MAX >> 12) as f64 + 0.5) * SCALE) < 1.0);
    }

    /// A million draws against the normal distribution: moments, tails beyond the ziggurat's
    /// base, and the largest gap between the empirical and the true distribution function
    /// (Kolmogorov–Smirnov: 1.95 / √n is the 0.1 % critical value).
    #[test]
    fn ziggurat_draws_are_standard_normal() {
        let z = Ziggurat::new();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let n = 1_000_000;
        let mut draws: Vec<f64> = (0..n).map(|_| z.sample(&mut rng)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let variance = draws.iter().map(|d| (d - mean) * (d - mean)).sum::<f64>() / n as f64;
        let kurtosis = draws.iter().map(|d| (d - mean).powi(4)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.005, "mean {mean}");
        assert!((variance - 1.0).abs() < 0.005, "variance {variance}");
        assert!((kurtosis - 3.0).abs() < 0.05, "kurtosis {kurtosis}");
        let beyond_r = draws.iter().filter(|d| d.abs() > Ziggurat::R).count() as f64 / n as f64;
        let want = 2.0 * normal_cdf(-Ziggurat::R); // 2.6e-4
        assert!((beyond_r / want - 1.0).abs() < 0.15, "tail share {beyond_r} vs {want}");
        let below_zero = draws.iter().filter(|&&d| d < 0.0).count() as f64 / n as f64;
        assert!((below_zero - 0.5).abs() < 0.002, "{below_zero}");
        draws.sort_by(f64::total_cmp);
        let ks = draws
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                let cdf = normal_cdf(d);
                (cdf - i as f64 / n as f64).abs().max((cdf - (i + 1) as f64 / n as f64).abs())
            })
            .fold(0.0, f64::max);
        assert!(ks < 1.95 / (n as f64).sqrt(), "Kolmogorov–Smirnov distance {ks}");
    }
}
