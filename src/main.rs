//! The `practice-press` command. Everything it does lives in the library's `cli` module,
//! so the library's public surface is what tests, examples and fuzz targets use.

// A build makes and frees millions of small strings on every core at once; glibc's
// allocator spent about an eighth of a build's CPU time in malloc and free (perf, 10,000
// stories), and jemalloc's per-thread caches cut that. Only the program sets it: the
// library leaves the choice to whoever links it.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    practice_press::cli::main()
}
