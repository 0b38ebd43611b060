//! One row of the projection: the stocks at the end of a month and the flows during it.
//! The columns are listed once, in `columns.rs`; field names are the CSV header and the JSON keys,
//! so they are part of the public contract.

use super::columns::columns;
use super::lanes::{Lanes, Real};
use serde::{Deserialize, Serialize};

macro_rules! month {
    ($( $(#[$doc:meta])* $name:ident : $kind:ident $(($summary:literal))? ),* $(,)?) => {
        /// What happened in one month. Stocks (supply, staked, circulating, market cap) are at the
        /// end of the month; flows (minted, burned, fees and their split) are during it; rates are
        /// annualised. (`R` is one path's `f64`, or several paths' side by side in a Monte Carlo
        /// run: see [`lanes`](super::lanes).)
        #[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
        pub struct Month<R = f64> {
            /// 1-based month number; month 12 ends year 1.
            pub month: u32,
            $( $(#[$doc])* pub $name: R, )*
        }

        impl Month {
            /// The CSV column names, in order: `month`, then every quantity.
            pub const COLUMNS: &'static [&'static str] = &["month", $(stringify!($name)),*];

            /// Name of the first quantity that is NaN or infinite, if any: how an overflow is found.
            pub fn first_non_finite(&self) -> Option<&'static str> {
                $( if !self.$name.is_finite() { return Some(stringify!($name)); } )*
                None
            }
        }

        impl<R: Real> Month<R> {
            /// Whether every quantity is finite in every lane (debug builds check the Monte
            /// Carlo's cheap test against it).
            pub fn all_finite(&self) -> bool {
                true $( && R::all(self.$name.is_finite()) )*
            }
        }

        impl<const N: usize> Month<Lanes<N>> {
            /// The row of lane `i`'s path.
            pub fn lane(&self, i: usize) -> Month {
                Month { month: self.month, $( $name: self.$name.0[i], )* }
            }
        }
    };
}

columns!(month);

impl Month {
    /// 1-based year this month belongs to.
    pub fn year(&self) -> u32 {
        self.month.div_ceil(12)
    }
}
