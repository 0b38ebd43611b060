//! One colour per meaning, the same in every chart (burn is always vermillion), from the
//! Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies.

use plotters::style::RGBColor;

/// Text, axes and total supply.
pub const INK: RGBColor = RGBColor(0x1d, 0x27, 0x33);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xec);
/// Secondary text.
pub const MUTED: RGBColor = RGBColor(0x5b, 0x67, 0x75);
/// Tokens destroyed and the value burned.
pub const BURN: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Stakers: staked supply and staker revenue.
pub const STAKERS: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Circulating supply.
pub const CIRCULATING: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// Treasury.
pub const TREASURY: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// Leaked to third parties.
pub const LEAKED: RGBColor = RGBColor(0x9a, 0x9a, 0x9a);
/// Tokens minted (dilution).
pub const MINTED: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// Users buying the token to pay fees in it (the essay's "architectural necessity").
pub const USERS: RGBColor = RGBColor(0xF0, 0xE4, 0x42);

/// Turnover (trading), and traders moving the price: loud on purpose, it is what dashboards show.
pub const TURNOVER: RGBColor = RGBColor(0xE6, 0x9F, 0x00);

/// Tokens not yet vested, and what their holders sell when they unlock.
pub const LOCKED: RGBColor = RGBColor(0x6f, 0x52, 0x9c);

/// The allocation table's buckets in the Unlocks chart, in table order (cycled beyond ten): the
/// Okabe–Ito colours that no line of that chart uses (circulating is sky blue, locked violet,
/// totals ink), then Paul Tol's muted teal, olive, rose and sand.
pub const BUCKETS: [RGBColor; 10] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x44, 0xAA, 0x99),
    RGBColor(0x99, 0x99, 0x33),
    RGBColor(0xCC, 0x66, 0x77),
    RGBColor(0xDD, 0xCC, 0x77),
];

thread_local! {
    /// Whether the page is in dark mode: set before each drawing from the system's setting
    /// (`canvas.rs`); never natively, so the tests and the first view drawn at build time are light.
    static DARK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Draw the next charts for a dark page (`true`) or a light one.
pub fn set_dark(dark: bool) {
    DARK.with(|d| d.set(dark));
}

/// Whether charts are drawn for a dark page.
pub fn dark() -> bool {
    DARK.with(std::cell::Cell::get)
}

/// A colour as plotters' backends carry it.
pub type Rgb = (u8, u8, u8);

/// The light colours that change on a dark card, and what they become: the paper, ink, grid and
/// muted text, the locked violet (2.6:1 on the dark card, lightened to 5:1 in the same hue), the
/// map's invalid cells and the bands' legend swatch (light ink at the inner band's opacity over
/// the dark card). Every other colour, the Okabe–Ito hues of the quantities, is at least 3:1 on
/// the dark card and is kept: a quantity has one colour in both modes.
const DARK_PAIRS: [(Rgb, Rgb); 7] = [
    ((0xff, 0xff, 0xff), (0x1b, 0x20, 0x27)),
    ((0x1d, 0x27, 0x33), (0xe6, 0xe9, 0xee)),
    ((0xe3, 0xe7, 0xec), (0x33, 0x3a, 0x44)),
    ((0x5b, 0x67, 0x75), (0xa9, 0xb3, 0xbf)),
    ((0x6f, 0x52, 0x9c), (0x9d, 0x82, 0xd0)),
    ((0xd0, 0xd3, 0xd8), (0x4a, 0x52, 0x5d)),
    ((0xc9, 0xcb, 0xce), (0x48, 0x4c, 0x53)),
];

/// The colour drawn for `rgb` on the page (see [`DARK_PAIRS`]); light mode draws every colour as it is.
pub fn themed(rgb: Rgb) -> Rgb {
    if !dark() {
        return rgb;
    }
    DARK_PAIRS.iter().find(|(light, _)| *light == rgb).map_or(rgb, |(_, d)| *d)
}

/// CSS form of a colour, for the HTML legend swatches and read-outs.
pub fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}
