//! Dates as readers write them, in the interface's language ("7 December 2026",
//! "7 Rhagfyr 2026"): the month names and the order come from the translation files.

use fluent_bundle::{FluentArgs, FluentValue};

use super::{MissingString, Strings};

/// A calendar date in words, for pages and listings.
pub(crate) fn long_date(
    strings: &Strings,
    date: jiff::civil::Date,
) -> Result<String, MissingString> {
    let month = strings.text(&format!("month-{}", date.month()))?;
    let mut args = FluentArgs::new();
    // Strings, not numbers: a day or a year is a label here, not a quantity to format.
    args.set("day", FluentValue::from(date.day().to_string()));
    args.set("month", FluentValue::from(month));
    args.set("year", FluentValue::from(date.year().to_string()));
    strings.format("date-long", &args)
}
