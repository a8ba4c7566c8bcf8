//! Text handling shared by every detector: normalization with an offset map back to the
//! original, span units, and the number-group tokenizer with its digit guards.

mod normalize;
mod numbers;
mod offsets;

pub use normalize::Normalized;
pub(crate) use numbers::{Chunk, NumberGroup, number_groups};
pub use offsets::Span;
pub(crate) use offsets::SpanConverter;
