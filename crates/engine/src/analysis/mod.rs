//! What is made from the model's months: the projection with the essay's lenses, the Jevons
//! explorer, Monte Carlo bands and the sensitivity sweep.

pub mod jevons;
pub mod lenses;
pub mod montecarlo;
pub mod projection;
pub mod sweep;
