//! The token price each month. The model takes price as an input path (fixed) or as a multiple of
//! fees (fee multiple); it does not model how burns or sell pressure move the price, on purpose:
//! see "Simplifications" in `docs/model.md`.

use super::Model;
use crate::scenario::PriceModel;

/// Price in USD for `month` with gross `fees`, given the fixed-model path price `path_price`
/// and the supply at the start of the month. A speculation shock lowers only the fixed price:
/// a price backed by fees does not care that traders left.
pub fn monthly(model: &Model, month: u32, path_price: f64, fees: f64, supply: f64) -> f64 {
    match model.price_model {
        PriceModel::Fixed if month >= model.shock_month => path_price * model.shocked_price_factor,
        PriceModel::Fixed => path_price,
        PriceModel::FeeMultiple => {
            let market_cap = model.price_to_fees * fees * 12.0; // USD, fully diluted
            if market_cap == 0.0 {
                0.0
            } else {
                market_cap / supply
            }
        }
    }
}
