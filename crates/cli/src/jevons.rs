//! `consumption-lab jevons`: the Jevons explorer on the command line, as JSON.

use crate::args::JevonsArgs;
use crate::Failure;
use consumption_lab_engine::jevons::{jevons, Given};

/// Solve for whichever of elasticity and spend multiple was not given.
pub fn run(args: &JevonsArgs) -> Result<String, Failure> {
    let given = match (args.elasticity, args.spend_multiple) {
        (Some(e), None) => Given::Elasticity(e),
        (None, Some(m)) => Given::SpendMultiple(m),
        _ => return Err(Failure("give exactly one of --elasticity and --spend-multiple".to_owned())),
    };
    let result = jevons(args.price_factor, args.years, given)?;
    Ok(serde_json::to_string_pretty(&result)? + "\n")
}
