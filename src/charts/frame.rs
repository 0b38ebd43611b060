//! Drawing at device pixels. plotters-canvas draws in canvas pixels, so a canvas sized in CSS
//! pixels is blurry on every HiDPI screen. We size the canvas backing store by
//! `devicePixelRatio` and scale every font, stroke and margin by the same factor here.

use plotters::style::{FontFamily, IntoFont, RGBColor, TextStyle};

/// Device pixels per CSS pixel for one drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// `window.devicePixelRatio`, at least 1.
    pub px: f64,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

impl Frame {
    /// A length in CSS pixels as device pixels.
    pub fn u(&self, css: f64) -> u32 {
        (css * self.px).round().max(0.0) as u32
    }

    /// A length in CSS pixels as signed device pixels.
    pub fn i(&self, css: f64) -> i32 {
        (css * self.px).round() as i32
    }

    /// A sans-serif font of `css` pixels in `color` (system font: nothing is fetched).
    pub fn font(&self, css: f64, color: &RGBColor) -> TextStyle<'static> {
        (FontFamily::SansSerif, css * self.px).into_font().color(color)
    }

    /// Whether the chart is narrow (a phone): fewer ticks, smaller type.
    pub fn narrow(&self) -> bool {
        self.width < 480.0
    }
}

/// Where the plotting area landed, in CSS pixels, so the pointer can be mapped back to a month.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Geometry {
    /// Left edge of the plotting area.
    pub left: f64,
    /// Right edge of the plotting area.
    pub right: f64,
    /// Top edge of the plotting area.
    pub top: f64,
    /// Bottom edge of the plotting area.
    pub bottom: f64,
    /// Months on the x axis (the axis runs from month 0 to this).
    pub months: u32,
}

impl Geometry {
    /// From plotters' pixel ranges (device pixels) to CSS pixels.
    pub fn from_ranges(x: std::ops::Range<i32>, y: std::ops::Range<i32>, frame: &Frame, months: u32) -> Self {
        Self {
            left: f64::from(x.start) / frame.px,
            right: f64::from(x.end) / frame.px,
            top: f64::from(y.start) / frame.px,
            bottom: f64::from(y.end) / frame.px,
            months,
        }
    }

    /// The month under a pointer at `x` CSS pixels from the canvas' left edge, if inside the plot.
    pub fn month_at(&self, x: f64) -> Option<u32> {
        if self.right <= self.left || x < self.left - 4.0 || x > self.right + 4.0 {
            return None;
        }
        let fraction = ((x - self.left) / (self.right - self.left)).clamp(0.0, 1.0);
        Some((fraction * f64::from(self.months)).round() as u32)
    }

    /// The x position in CSS pixels of a month.
    pub fn x_of(&self, month: u32) -> f64 {
        if self.months == 0 {
            return self.left;
        }
        self.left + (self.right - self.left) * f64::from(month) / f64::from(self.months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_maps_to_the_nearest_month_and_back() {
        let g = Geometry { left: 50.0, right: 650.0, top: 0.0, bottom: 100.0, months: 120 };
        assert_eq!(g.month_at(50.0), Some(0));
        assert_eq!(g.month_at(650.0), Some(120));
        assert_eq!(g.month_at(352.0), Some(60));
        assert_eq!(g.month_at(10.0), None);
        assert_eq!(g.x_of(60), 350.0);
    }
}
