//! Running the real binary, shared by the command-line test files.
#![allow(dead_code, missing_docs)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Run `consumption-lab` with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_consumption-lab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A process that fails on its arguments may exit before reading: a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A successful run's standard output.
pub fn ok(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// Invalid input: status 2, the message on stderr, nothing on stdout.
pub fn check_rejected(args: &[&str], stdin: &str, message: &str) {
    let out = run(args, stdin);
    assert_eq!(out.status.code(), Some(2), "{args:?} {stdin}");
    assert!(out.stdout.is_empty(), "stdout not empty: {}", text(&out.stdout));
    assert!(text(&out.stderr).contains(message), "stderr {:?} lacks {message:?}", text(&out.stderr));
}
