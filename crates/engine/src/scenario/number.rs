//! Numbers as text. [`trim`] writes one as a person would; [`parse`] reads one the way Rust's
//! `f64::from_str` does (`12`, `-0.5`, `.5`, `5.`,
//! `+3`, `1e-7`, `inf`, `NaN`), but through serde_json's exact number parser.
//!
//! Why not `str::parse`: the app already carries serde_json's parser for its JSON, and `f64`'s own
//! parser brings a second one with 11 KB of tables that hardly compress: measured, 12 KB of the
//! page's gzipped download. [`parse`] rewrites what people type into JSON's stricter number
//! grammar (no `+`, no leading zeros, digits on both sides of a point) and lets serde_json read it.
//! A differential fuzz test (`tests/fuzz.rs`) checks it against `f64::from_str` bit for bit.

/// Shortest readable decimal for a value (no `0.30000000000000004`).
pub fn trim(value: f64) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    if value != 0.0 && (value.abs() >= 1e16 || value.abs() < 1e-6) {
        return format!("{value:e}");
    }
    let s = format!("{:.6}", value);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// The number in `text`, exactly as `text.parse::<f64>()` would read it; `None` where that fails.
/// Infinity and NaN are read from their words (`inf`, `infinity`, `nan`, any case), and a
/// number too large for `f64` is infinite, as with `str::parse`.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |v: f64| if negative { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(signed(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    // JSON allows one leading zero only, and needs digits before and after a point.
    let int = int.trim_start_matches('0');
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(exponent) = exponent {
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if unsigned.is_empty() || !digits(unsigned) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    // The grammar is right by now, so the only failure left is a number beyond f64's range.
    #[allow(clippy::disallowed_methods)] // the rule's own mechanism: serde_json's number parser
    let number = serde_json::from_str::<f64>(&json);
    Some(number.unwrap_or(signed(f64::INFINITY)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_reads_like_a_person_writes() {
        for (v, want) in [(0.3, "0.3"), (0.1 + 0.2, "0.3"), (25.0, "25"), (-0.0, "0"), (1e20, "1e20")] {
            assert_eq!(trim(v), want);
        }
    }

    #[allow(clippy::disallowed_methods)] // the reference that `parse` must equal
    fn same(text: &str) {
        let (got, want) = (parse(text), text.parse::<f64>().ok());
        let bits = |v: Option<f64>| v.map(|v| if v.is_nan() { f64::NAN.to_bits() } else { v.to_bits() });
        assert_eq!(bits(got), bits(want), "{text:?}: {got:?} vs {want:?}");
    }

    #[test]
    fn reads_what_str_parse_reads() {
        for text in [
            "0",
            "-0",
            "+0",
            "12",
            "-0.5",
            ".5",
            "5.",
            "+3",
            "007",
            "00.5",
            "1e-7",
            "1E5",
            "1e+5",
            "1.e5",
            ".5e-3",
            "1e309",
            "-1e309",
            "1e-400",
            "1e0005",
            "99999999999999999999",
            "0.1",
            "2.2250738585072014e-308",
            "5e-324",
            "inf",
            "-Infinity",
            "INF",
            "NaN",
            "nan",
            "-nan",
            "0e99999",
            "-0e999999999999999999999",
            "1e-99999999999999999999",
            "1e99999999999999999999",
            "0.000000000000000000000000000001e330",
        ] {
            same(text);
        }
        for text in
            ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1 ", " 1", "0x10", "1_000", "abc", "infinit", "١"]
        {
            same(text);
        }
    }
}
