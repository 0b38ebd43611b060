//! What is made from the model's months: the projection with the essay's lenses, the Jevons
//! explorer, Monte Carlo bands, the sensitivity sweep and the allocation table's unlocks by bucket.

pub mod calibration;
pub mod jevons;
pub mod lenses;
pub mod montecarlo;
pub mod projection;
pub mod sweep;
pub mod unlocks;
pub mod warnings;
