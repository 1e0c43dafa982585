//! The default theme is embedded with `include_dir!`, which does not notice new files: ask cargo
//! to rebuild whenever anything under `themes/default` changes.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
