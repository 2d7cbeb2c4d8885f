//! What the evaluator's integration tests share.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `kwhich ARGS` with `input` on its standard input and returns what it printed.
pub fn kwhich_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kwhich"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the evaluator runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    let input = input.to_vec();
    // Written from another thread: the evaluator answers while it reads.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("the evaluator ends");
    writer.join().expect("the writer ends").expect("standard input is written");
    out
}
