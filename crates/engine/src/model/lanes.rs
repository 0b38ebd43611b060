//! The step's numbers: one `f64` (a projection) or the `f64`s of several Monte Carlo paths side by
//! side in lanes ([`Lanes`]), so that one step advances several paths with the processor's vector
//! instructions.
//!
//! [`Real`] is what the step needs of a number: IEEE arithmetic, `min`/`max`/`clamp`/`sqrt` with
//! `f64`'s own meaning, comparisons that give a mask, and `select` in place of a data-dependent
//! `if`. Each lane of a [`Lanes`] is computed by exactly the `f64` operation the projection runs
//! (IEEE add, subtract, multiply, divide and square root are exactly rounded, and nothing here is
//! fused or reordered), so a path stepped in a lane is the same bits as the path stepped alone.
//! A `select` computes both sides and keeps one: a side that would not have run gives a value, never
//! a panic or a side effect (the step's discarded sides divide by zero at worst). Conditions on the
//! model or the month stay ordinary branches.
//!
//! The lanes are plain arrays combined element by element; the compiler turns each operation into
//! vector instructions of the target (four lanes an instruction with AVX2, which native x86-64
//! builds use by `.cargo/config.toml`; two with the baseline SSE2), and into one scalar
//! instruction a lane in wasm32. No target feature in the code, no `unsafe`.

use std::fmt::Debug;
use std::ops::{Add, AddAssign, BitAnd, BitOr, Div, Mul, MulAssign, Neg, Not, Sub};

/// A number the monthly step computes with (see the module doc).
pub trait Real:
    Copy
    + Debug
    + PartialEq
    + Default
    + From<f64>
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + Add<f64, Output = Self>
    + Sub<f64, Output = Self>
    + Mul<f64, Output = Self>
    + Div<f64, Output = Self>
    + AddAssign
    + MulAssign<f64>
{
    /// The result of a comparison: one truth value per lane.
    type Mask: Copy + BitAnd<Output = Self::Mask> + BitOr<Output = Self::Mask> + Not<Output = Self::Mask>;

    /// `x` in every lane.
    #[inline(always)]
    fn splat(x: f64) -> Self {
        Self::from(x)
    }
    /// `f64::max` in each lane (a NaN gives the other operand).
    fn max<O: Into<Self>>(self, other: O) -> Self;
    /// `f64::min` in each lane.
    fn min<O: Into<Self>>(self, other: O) -> Self;
    /// `f64::clamp` in each lane (`lo ≤ hi` is the caller's to keep; lanes do not check it).
    fn clamp<L: Into<Self>, H: Into<Self>>(self, lo: L, hi: H) -> Self;
    /// `f64::sqrt` in each lane.
    fn sqrt(self) -> Self;
    /// `f64::abs` in each lane.
    fn abs(self) -> Self;
    /// `self < other` in each lane.
    fn lt<O: Into<Self>>(self, other: O) -> Self::Mask;
    /// `self <= other` in each lane.
    fn le<O: Into<Self>>(self, other: O) -> Self::Mask;
    /// `self > other` in each lane.
    fn gt<O: Into<Self>>(self, other: O) -> Self::Mask;
    /// `self >= other` in each lane.
    fn ge<O: Into<Self>>(self, other: O) -> Self::Mask;
    /// `self == other` in each lane.
    fn eq_to<O: Into<Self>>(self, other: O) -> Self::Mask;
    /// `f64::is_finite` in each lane.
    fn is_finite(self) -> Self::Mask;
    /// `if mask { yes } else { no }` in each lane.
    fn select(mask: Self::Mask, yes: Self, no: Self) -> Self;
    /// Whether the mask holds in every lane.
    fn all(mask: Self::Mask) -> bool;
}

impl Real for f64 {
    type Mask = bool;

    #[inline(always)]
    fn max<O: Into<Self>>(self, other: O) -> Self {
        f64::max(self, other.into())
    }
    #[inline(always)]
    fn min<O: Into<Self>>(self, other: O) -> Self {
        f64::min(self, other.into())
    }
    #[inline(always)]
    fn clamp<L: Into<Self>, H: Into<Self>>(self, lo: L, hi: H) -> Self {
        f64::clamp(self, lo.into(), hi.into())
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        f64::sqrt(self)
    }
    #[inline(always)]
    fn abs(self) -> Self {
        f64::abs(self)
    }
    #[inline(always)]
    fn lt<O: Into<Self>>(self, other: O) -> bool {
        self < other.into()
    }
    #[inline(always)]
    fn le<O: Into<Self>>(self, other: O) -> bool {
        self <= other.into()
    }
    #[inline(always)]
    fn gt<O: Into<Self>>(self, other: O) -> bool {
        self > other.into()
    }
    #[inline(always)]
    fn ge<O: Into<Self>>(self, other: O) -> bool {
        self >= other.into()
    }
    #[inline(always)]
    fn eq_to<O: Into<Self>>(self, other: O) -> bool {
        self == other.into()
    }
    #[inline(always)]
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    #[inline(always)]
    fn select(mask: bool, yes: Self, no: Self) -> Self {
        if mask {
            yes
        } else {
            no
        }
    }
    #[inline(always)]
    fn all(mask: bool) -> bool {
        mask
    }
}

/// `N` paths' numbers side by side; every operation is the `f64` one in each lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes<const N: usize>(pub [f64; N]);

/// One truth value per lane: all ones for true, zero for false, as vector comparisons give
/// them. Lanes of `bool` made the compiler pack each comparison's result into bytes and unpack
/// it again for every choice and test (the surely-finite test of each row, shuffles and masks
/// moves, was about a third of the step's samples in a profile): the step's samples fell by a
/// tenth, and 100,000 paths of the numpy peer's design, 2 threads, 84.6 → 82.8 ms (the default
/// design 184 → 180).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mask<const N: usize>(pub [u64; N]);

/// A lane of a [`Mask`].
#[inline(always)]
fn lane(truth: bool) -> u64 {
    u64::from(truth).wrapping_neg()
}

/// The bits of `yes` where `mask` is all ones, of `no` where it is zero: a choice without a
/// branch, so that a group's lanes stay in one vector register.
#[inline(always)]
fn blend(mask: u64, yes: f64, no: f64) -> f64 {
    f64::from_bits((yes.to_bits() & mask) | (no.to_bits() & !mask))
}

/// `if yes { a } else { b }` for one lane, by [`blend`].
#[inline(always)]
pub(crate) fn pick(yes: bool, a: f64, b: f64) -> f64 {
    blend(lane(yes), a, b)
}

impl<const N: usize> Lanes<N> {
    /// `f(self[i], other[i])` in each lane.
    #[inline(always)]
    fn zip(self, other: Self, f: impl Fn(f64, f64) -> f64) -> Self {
        Self(std::array::from_fn(|i| f(self.0[i], other.0[i])))
    }
    /// `f(self[i])` in each lane.
    #[inline(always)]
    fn map(self, f: impl Fn(f64) -> f64) -> Self {
        Self(self.0.map(f))
    }
    /// `f(self[i], other[i])` in each lane, as a mask.
    #[inline(always)]
    fn test(self, other: Self, f: impl Fn(f64, f64) -> bool) -> Mask<N> {
        Mask(std::array::from_fn(|i| lane(f(self.0[i], other.0[i]))))
    }
}

impl<const N: usize> Default for Lanes<N> {
    #[inline(always)]
    fn default() -> Self {
        Self([0.0; N])
    }
}

impl<const N: usize> From<f64> for Lanes<N> {
    #[inline(always)]
    fn from(x: f64) -> Self {
        Self([x; N])
    }
}

/// The four arithmetic operators, lane by lane, with lanes or one `f64` on the right.
macro_rules! lane_operator {
    ($trait:ident, $method:ident, $op:tt) => {
        impl<const N: usize> $trait for Lanes<N> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, other: Self) -> Self {
                self.zip(other, |a, b| a $op b)
            }
        }
        impl<const N: usize> $trait<f64> for Lanes<N> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, other: f64) -> Self {
                self.map(|a| a $op other)
            }
        }
    };
}

lane_operator!(Add, add, +);
lane_operator!(Sub, sub, -);
lane_operator!(Mul, mul, *);
lane_operator!(Div, div, /);

impl<const N: usize> Neg for Lanes<N> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        self.map(|a| -a)
    }
}

impl<const N: usize> AddAssign for Lanes<N> {
    #[inline(always)]
    fn add_assign(&mut self, other: Self) {
        *self = *self + other;
    }
}

impl<const N: usize> MulAssign<f64> for Lanes<N> {
    #[inline(always)]
    fn mul_assign(&mut self, other: f64) {
        *self = *self * other;
    }
}

impl<const N: usize> BitAnd for Mask<N> {
    type Output = Self;
    #[inline(always)]
    fn bitand(self, other: Self) -> Self {
        Self(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }
}

impl<const N: usize> BitOr for Mask<N> {
    type Output = Self;
    #[inline(always)]
    fn bitor(self, other: Self) -> Self {
        Self(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }
}

impl<const N: usize> Not for Mask<N> {
    type Output = Self;
    #[inline(always)]
    fn not(self) -> Self {
        Self(self.0.map(|m| !m))
    }
}

impl<const N: usize> Real for Lanes<N> {
    type Mask = Mask<N>;

    #[inline(always)]
    fn max<O: Into<Self>>(self, other: O) -> Self {
        self.zip(other.into(), f64::max)
    }
    #[inline(always)]
    fn min<O: Into<Self>>(self, other: O) -> Self {
        self.zip(other.into(), f64::min)
    }
    #[inline(always)]
    fn clamp<L: Into<Self>, H: Into<Self>>(self, lo: L, hi: H) -> Self {
        let (lo, hi) = (lo.into(), hi.into());
        // f64::clamp's own two comparisons, without its assertion (a lane a select discards may
        // hold any bounds).
        Self(std::array::from_fn(|i| {
            let x = self.0[i];
            let x = if x < lo.0[i] { lo.0[i] } else { x };
            if x > hi.0[i] {
                hi.0[i]
            } else {
                x
            }
        }))
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        self.map(f64::sqrt)
    }
    #[inline(always)]
    fn abs(self) -> Self {
        self.map(f64::abs)
    }
    #[inline(always)]
    fn lt<O: Into<Self>>(self, other: O) -> Mask<N> {
        self.test(other.into(), |a, b| a < b)
    }
    #[inline(always)]
    fn le<O: Into<Self>>(self, other: O) -> Mask<N> {
        self.test(other.into(), |a, b| a <= b)
    }
    #[inline(always)]
    fn gt<O: Into<Self>>(self, other: O) -> Mask<N> {
        self.test(other.into(), |a, b| a > b)
    }
    #[inline(always)]
    fn ge<O: Into<Self>>(self, other: O) -> Mask<N> {
        self.test(other.into(), |a, b| a >= b)
    }
    #[inline(always)]
    fn eq_to<O: Into<Self>>(self, other: O) -> Mask<N> {
        self.test(other.into(), |a, b| a == b)
    }
    #[inline(always)]
    fn is_finite(self) -> Mask<N> {
        Mask(self.0.map(|x| lane(x.is_finite())))
    }
    #[inline(always)]
    fn select(mask: Mask<N>, yes: Self, no: Self) -> Self {
        Self(std::array::from_fn(|i| blend(mask.0[i], yes.0[i], no.0[i])))
    }
    #[inline(always)]
    fn all(mask: Mask<N>) -> bool {
        mask.0.iter().fold(!0, |all, &m| all & m) == !0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lane_is_the_f64_operation() {
        let xs = [0.0, -0.0, 1.5, -2.25, f64::INFINITY, f64::NAN, 1e-310, 3.0];
        let ys = [-0.0, 0.0, f64::NAN, 7.0, 1.0, 2.0, -1e-310, 3.0];
        let (a, b) = (Lanes(xs), Lanes(ys));
        let same = |got: Lanes<8>, want: fn(f64, f64) -> f64| {
            for i in 0..8 {
                assert_eq!(got.0[i].to_bits(), want(xs[i], ys[i]).to_bits(), "lane {i}");
            }
        };
        same(a + b, |x, y| x + y);
        same(a - b, |x, y| x - y);
        same(a * b, |x, y| x * y);
        same(a / b, |x, y| x / y);
        same(Real::max(a, b), f64::max);
        same(Real::min(a, b), f64::min);
        same(Real::sqrt(a), |x, _| x.sqrt());
        same(Lanes::select(a.lt(b), a, b), |x, y| if x < y { x } else { y });
        same(Real::clamp(a, -1.0, 2.0), |x, _| x.clamp(-1.0, 2.0));
    }
}
