//! Integration tests: the library as a caller uses it, and the `noticeguard` binary.

mod integration {
    mod cli;
    mod corpus;
    mod properties;
}
