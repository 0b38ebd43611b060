//! Arbitrary command lines: the binary answers every one with status 0, or status 2 and a message
//! on stderr with nothing on stdout. It never panics (status 101) and never hangs.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::io::Write;
use std::process::{Command, Stdio};

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "project",
            "defaults",
            "presets",
            "jevons",
            "montecarlo",
            "sweep",
            "--scenario",
            "-",
            "--format",
            "csv",
            "json",
            "xml",
            "--preset",
            "consumption_loop",
            "nope",
            "--paths",
            "--seed",
            "--x",
            "--y",
            "burn_share:0:1:4",
            "fee_growth:-0.5:1:3",
            "years:1:50:2",
            "bogus:0:1:2",
            "burn_share:1:0:2",
            "--price-factor",
            "300",
            "--years",
            "2",
            "--elasticity",
            "1.25",
            "--spend-multiple",
            "4.2",
            "-1",
            "NaN",
            "1e309",
            "0",
            "--help",
            "--version",
        ])
        .prop_map(String::from),
        "[ -~]{0,12}",
    ]
}

#[test]
fn fuzz_cli_flags() {
    let count = std::cell::Cell::new(0);
    let argv = (
        proptest::collection::vec(word(), 0..7),
        prop_oneof![Just(String::from("{}")), Just(String::from("{\"years\": 2}")), "[ -~]{0,30}"],
    );
    let mut runner = TestRunner::new(Config { cases: 300, failure_persistence: None, ..Config::default() });
    runner
        .run(&argv, |(args, stdin)| {
            count.set(count.get() + 1);
            let mut child = Command::new(env!("CARGO_BIN_EXE_consumption-lab"))
                .args(&args)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
            let out = child.wait_with_output().unwrap();
            let code = out.status.code();
            prop_assert!(
                code == Some(0) || code == Some(2),
                "{args:?} < {stdin:?}: status {code:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            if code == Some(2) {
                let help = args.iter().any(|a| a == "--help" || a == "--version");
                prop_assert!(out.stdout.is_empty() || help, "{args:?}: stdout on failure");
                prop_assert!(!out.stderr.is_empty(), "{args:?}: no message");
            }
            Ok(())
        })
        .unwrap();
    eprintln!("fuzz CLI flags: {} command lines, no panic", count.get());
}
