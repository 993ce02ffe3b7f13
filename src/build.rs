//! Build script: tells the end-to-end tests whether tmux is here. Where it is missing they
//! are listed as ignored, with the reason, so `cargo test` passes on a machine with only a
//! Rust toolchain and says what it did not run; where it is here they run.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(tmux_missing)");
    println!("cargo::rerun-if-changed=src/build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    let found = std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("cargo::rustc-cfg=tmux_missing");
        println!(
            "cargo::warning=tmux is not installed: the end-to-end tests will be listed as ignored"
        );
    }
}
