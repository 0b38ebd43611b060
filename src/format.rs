//! Numbers as people read them: 1.2B tokens, $3.4M, 12.5 %. Pure functions, used by the
//! summary strip, chart axes and hover read-outs alike so the same number reads the same everywhere.

/// Compact SI-style form: 1234 → "1.23K", 2.5e9 → "2.5B". Three significant digits.
pub fn si(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let abs = value.abs();
    let (scaled, suffix) = match abs {
        a if a >= 1e15 => return format!("{value:.2e}"),
        a if a >= 1e12 => (value / 1e12, "T"),
        a if a >= 1e9 => (value / 1e9, "B"),
        a if a >= 1e6 => (value / 1e6, "M"),
        a if a >= 1e3 => (value / 1e3, "K"),
        0.0 => return "0".to_owned(),
        a if a < 0.01 => return format!("{value:.2e}"),
        _ => (value, ""),
    };
    format!("{}{suffix}", significant(scaled, 3))
}

/// `value` with `digits` significant digits, trailing zeros dropped: (1.230, 3) → "1.23", (12.0, 3) → "12".
pub fn significant(value: f64, digits: i32) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).clamp(0, 6) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" {
        "0".to_owned()
    } else {
        text
    }
}

/// US dollars, compact: "$1.23M", "−$450K".
pub fn usd(value: f64) -> String {
    if value < 0.0 {
        format!("−${}", si(-value))
    } else {
        format!("${}", si(value))
    }
}

/// Tokens, compact: "812M tokens".
pub fn tokens(value: f64) -> String {
    format!("{} tokens", si(value))
}

/// A fraction as a percentage with `decimals` decimals: 0.1234 → "12.3 %".
pub fn pct(fraction: f64, decimals: usize) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    format!("{:.decimals$} %", fraction * 100.0).replace("-", "−")
}

/// A signed percentage change: +12.3 % / −4.0 %.
pub fn pct_change(fraction: f64) -> String {
    if fraction > 0.0 {
        format!("+{}", pct(fraction, 1))
    } else {
        pct(fraction, 1)
    }
}

/// Month number as a point in time: "month 18 (year 2)".
pub fn month(month: u32) -> String {
    if month == 0 {
        "start".to_owned()
    } else {
        format!("month {month} (year {})", month.div_ceil(12))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_numbers_read_like_a_person_writes_them() {
        let cases = [
            (0.0, "0"),
            (12.0, "12"),
            (999.0, "999"),
            (1234.0, "1.23K"),
            (1.0e6, "1M"),
            (2.5e9, "2.5B"),
            (-3.21e6, "-3.21M"),
            (1.5e12, "1.5T"),
            (0.125, "0.125"),
            (f64::NAN, "—"),
        ];
        for (value, want) in cases {
            assert_eq!(si(value), want, "{value}");
        }
        assert_eq!(usd(-4.5e5), "−$450K");
        assert_eq!(pct(0.1234, 1), "12.3 %");
        assert_eq!(pct_change(-0.04), "−4.0 %");
        assert_eq!(pct_change(0.5), "+50.0 %");
        assert_eq!(tokens(8.12e8), "812M tokens");
    }
}
