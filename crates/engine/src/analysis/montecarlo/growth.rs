//! The month's fee growth factors of a group of paths, `g · exp(σ_m · z)` with `z` drawn from
//! each path's own stream: the same draws and the same bits as one path at a time
//! (`Ziggurat::sample`, `libm::exp`), computed side by side. Each stream gives its first word, the
//! ziggurat's common case is taken in every lane at once, and the rare lane that needs more
//! (1.2 % of draws) finishes alone; the exponentials are [`exp`](super::exp::exp)'s lanes.

use super::exp::exp;
use super::sampling::Ziggurat;
use crate::model::lanes::Lanes;
use rand_xoshiro::rand_core::RngCore;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The growth factors of `N` paths this month: `growth · exp(sigma · z)`, one draw from each
/// stream.
#[inline]
pub fn factors_of<const N: usize>(
    normal: &Ziggurat,
    growth: f64,
    sigma: f64,
    streams: &mut [Xoshiro256PlusPlus; N],
) -> [f64; N] {
    let words: [u64; N] = std::array::from_fn(|i| streams[i].next_u64());
    let mut z = [0.0; N];
    let mut all_inside = true;
    for (z, &bits) in z.iter_mut().zip(&words) {
        let x = normal.inside(bits);
        all_inside &= x.is_some();
        *z = x.unwrap_or(0.0);
    }
    if !all_inside {
        for ((z, &bits), stream) in z.iter_mut().zip(&words).zip(streams.iter_mut()) {
            if normal.inside(bits).is_none() {
                *z = normal.sample_after(bits, stream);
            }
        }
    }
    exp(z.map(|z| sigma * z)).map(|e| growth * e)
}

/// The month's growth factors of each group of `N` paths whose streams are `streams` (`paths` of
/// them hold paths: the last group's other lanes pad, copies of its first), before any group is
/// stepped. Each group's factors are a long chain of dependent operations (an exponential and its
/// division), and in a loop of their own the groups' chains overlap, where drawn inside the step
/// each waited for the last (100,000 paths of the numpy peer's design, 2 threads: 174 → 159 ms,
/// with `exp` in floating point alone). They are drawn `W` paths at a time (a multiple of `N`):
/// the chains of `W / N` groups then sit side by side in one function, which the processor
/// overlaps better than consecutive calls (`W` = 16, four groups: 91 → 86 ms; 8: 88; 32: 87).
/// Month 1 is the first-month fees whatever the factor: nothing is drawn for it.
#[inline(always)]
pub fn of_groups<const N: usize, const G: usize, const W: usize>(
    normal: &Ziggurat,
    growth: f64,
    sigma: f64,
    month: u32,
    paths: usize,
    streams: &mut [[Xoshiro256PlusPlus; N]],
) -> [Lanes<N>; G] {
    const { assert!(W.is_multiple_of(N), "whole groups at a time") };
    let mut drawn = [Lanes([growth; N]); G];
    if month == 1 {
        return drawn;
    }
    // The full runs of `W` paths, then the groups left one at a time.
    let wide = paths / W * W;
    let flat = streams.as_flattened_mut();
    for (k, streams) in flat[..wide].chunks_exact_mut(W).enumerate() {
        let factors = factors_of::<W>(normal, growth, sigma, streams.try_into().expect("W streams"));
        for (i, f) in factors.into_iter().enumerate() {
            let path = k * W + i;
            drawn[path / N].0[path % N] = f;
        }
    }
    for (g, (streams, factors)) in streams.iter_mut().zip(&mut drawn).enumerate().skip(wide / N) {
        let real = (paths - g * N).min(N); // lanes holding paths
        if real == N {
            factors.0 = factors_of(normal, growth, sigma, streams);
        } else {
            // The last group, not full: its paths one by one, the rest copies of the first.
            for (factor, stream) in factors.0.iter_mut().zip(&mut streams[..real]) {
                *factor = growth * libm::exp(sigma * normal.sample(stream));
            }
            for i in real..N {
                factors.0[i] = factors.0[0];
            }
        }
    }
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::SeedableRng;

    #[test]
    fn a_group_draws_what_its_paths_draw_alone() {
        let normal = Ziggurat::new();
        let streams = |k: u64| std::array::from_fn(|i| Xoshiro256PlusPlus::seed_from_u64(k * 4 + i as u64));
        for (k, sigma) in [(0, 0.0), (1, 0.3 / 12f64.sqrt()), (2, 2.0 / 12f64.sqrt())] {
            let (mut group, mut alone): ([Xoshiro256PlusPlus; 4], [Xoshiro256PlusPlus; 4]) = (streams(k), streams(k));
            for _ in 0..20_000 {
                let got = factors_of(&normal, 1.015, sigma, &mut group);
                for (f, stream) in got.iter().zip(&mut alone) {
                    let want = 1.015 * libm::exp(sigma * normal.sample(stream));
                    assert_eq!(f.to_bits(), want.to_bits());
                }
            }
        }
    }
}
