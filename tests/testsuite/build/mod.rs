//! Integration tests for `build`: the files a user publishes, read back from disk.

mod cli;
mod output;
mod pages;
mod pagination;
mod privacy;
mod publishing;
mod stats;
mod theme;
