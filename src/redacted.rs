//! `Redacted<T>`: a value that never prints.
//!
//! Detected values travel inside the core only to compute tokens and keyed hashes. Wrapping
//! them makes a stray `{:?}` in a log line print `[redacted]` instead of the value.

use std::fmt;

/// A value whose `Debug` and `Display` never show it.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Redacted(value)
    }

    /// Returns the value, for code that must use it (hashing, masking).
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T> fmt::Display for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_value() {
        let r = Redacted::new(String::from("11010519491231002X"));
        assert_eq!(format!("{r:?} {r}"), "[redacted] [redacted]");
        assert_eq!(r.expose(), "11010519491231002X");
    }
}
