//! The `practice-press` command. Everything it does lives in the library's `cli` module,
//! so the library's public surface is what tests, examples and fuzz targets use.

fn main() -> std::process::ExitCode {
    practice_press::cli::main()
}
