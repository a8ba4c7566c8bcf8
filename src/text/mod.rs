//! Text handling shared by every detector: normalization with an offset map back to the
//! original, span units, and the number-group tokenizer with its digit guards.

mod normalize;
mod numbers;
mod offsets;

pub use normalize::Normalized;
pub(crate) use numbers::{Chunk, NumberGroup, number_groups};
pub use offsets::Span;
pub(crate) use offsets::SpanConverter;

/// Returns true for CJK ideographs, the characters names and places are written in.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}
