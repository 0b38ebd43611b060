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
    let text = significant(scaled, 3);
    // 999.96M rounds to "1000M": say "1B", as a person would (and 999.96T, past the last suffix,
    // in the exponent form used from 1e15).
    if text.trim_start_matches('-') == "1000" {
        let sign = if value < 0.0 { "-" } else { "" };
        return match suffix {
            "" => format!("{sign}1K"),
            "K" => format!("{sign}1M"),
            "M" => format!("{sign}1B"),
            "B" => format!("{sign}1T"),
            _ => format!("{value:.2e}"),
        };
    }
    format!("{text}{suffix}")
}

/// `value` with `digits` significant digits, trailing zeros dropped: (1.230, 3) → "1.23", (12.0, 3) → "12".
pub fn significant(value: f64, digits: i32) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).clamp(0, 12) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text };
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

/// A per-token price: "$1.00", "$0.0417", "$0.000167", "$12,300".
pub fn price(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    let v = value.abs();
    let text = if v == 0.0 {
        "0.00".to_owned()
    } else if v >= 1000.0 {
        thousands(v.round())
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else if v >= 1e-6 {
        significant(v, 3)
    } else {
        format!("{v:.2e}")
    };
    format!("{sign}${text}")
}

/// Tokens, compact: "812M tokens", "1 token".
pub fn tokens(value: f64) -> String {
    let n = si(value);
    if n == "1" {
        "1 token".to_owned()
    } else {
        format!("{n} tokens")
    }
}

/// A whole count with its unit, singular for one: "1 year", "10 years".
pub fn count(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
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

/// A rate as a percentage with as many decimals as it needs: 12 → "1,200 %", 0.0123 → "1.23 %",
/// 0.00012 → "0.012 %".
pub fn pct_adaptive(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let v = fraction * 100.0;
    if v == 0.0 {
        return "0 %".to_owned();
    }
    if v.abs() >= 10.0 {
        return format!("{} %", thousands(v.round()));
    }
    format!("{} %", significant(v, 2))
}

/// A whole number with thousands separators: 12000 → "12,000".
pub fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        format!("−{out}")
    } else {
        out
    }
}

/// A multiple of a starting value: 300 → "300×", 0.0033 → "1/300×".
pub fn multiple(v: f64) -> String {
    if v >= 1.0 || v <= 0.0 {
        format!("{}×", si(v))
    } else {
        format!("1/{}×", si(1.0 / v))
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

/// [`month`], with its calendar month when the design has a start: "month 18 (2024-02)".
pub fn dated_month(month: u32, start: Option<consumption_lab_engine::CalendarMonth>) -> String {
    match start {
        Some(s) if month > 0 => format!("month {month} ({})", s.of_month(month)),
        Some(s) => format!("start ({})", s.of_month(1)),
        None => self::month(month),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular() {
        assert_eq!(super::tokens(1.0), "1 token");
        assert_eq!(super::tokens(2.0), "2 tokens");
        assert_eq!(super::count(1, "year"), "1 year");
        assert_eq!(super::count(10, "year"), "10 years");
    }

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
        // Rounding up to the next suffix takes it ("1000M tokens" read as a thousand millions).
        assert_eq!(tokens(999_960_000.0), "1B tokens");
        assert_eq!(si(999.7), "1K");
        assert_eq!(si(-999_990.0), "-1M");
        assert_eq!(si(999.96e12), "1.00e15");
        assert_eq!(si(999.4e6), "999M");
        assert_eq!(pct_adaptive(12.0), "1,200 %");
        assert_eq!(pct_adaptive(0.0123), "1.2 %");
        assert_eq!(pct_adaptive(0.00012), "0.012 %");
        assert_eq!(pct_adaptive(0.0), "0 %");
        assert_eq!(multiple(300.0), "300×");
        assert_eq!(multiple(1.0 / 300.0), "1/300×");
        assert_eq!(thousands(-1234567.0), "−1,234,567");
        assert_eq!(price(1.0), "$1.00");
        assert_eq!(price(0.0416666), "$0.0417");
        assert_eq!(price(-0.5), "−$0.5");
        assert_eq!(price(12345.6), "$12,346");
        assert_eq!(price(4.17e-6), "$0.00000417");
        assert_eq!(significant(1e-8, 6), "0.00000001");
    }
}
