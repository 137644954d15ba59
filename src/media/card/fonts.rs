//! The fonts cards are set in, shipped with the default theme under the SIL Open Font
//! License (themes/default/fonts/OFL.txt) and built into the program, so a card looks
//! the same on every computer whatever fonts it has.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

pub(crate) const REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf"
));
pub(crate) const BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/themes/default/fonts/AtkinsonHyperlegibleNext-Bold.ttf"
));
/// The family name inside both font files, as the card's SVG asks for it.
pub(crate) const FAMILY: &str = "Atkinson Hyperlegible Next";

/// The fonts as resvg wants them, loaded once per run and shared by every card.
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DATABASE: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = fontdb::Database::new();
            database.load_font_data(REGULAR.to_vec());
            database.load_font_data(BOLD.to_vec());
            Arc::new(database)
        })
        .clone()
}
