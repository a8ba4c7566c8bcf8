//! The core library's error type.
//!
//! Messages never contain input text or detected values: they name files, lines,
//! sizes and identifiers chosen by the operator (profile names), nothing else.

use std::path::PathBuf;

/// Errors returned by the core library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary override file could not be read.
    #[error("cannot read dictionary file {}: {source}", path.display())]
    DictionaryIo {
        /// The file that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A line of a dictionary file is malformed.
    #[error("dictionary {file} line {line}: {reason}")]
    DictionaryEntry {
        /// Dictionary file name (relative to the dictionary directory).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
    /// A profile file is malformed.
    #[error("profile {name}: {reason}")]
    Profile {
        /// Profile name.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The requested profile does not exist.
    #[error("unknown profile {name:?} (available: {available})")]
    UnknownProfile {
        /// The name that was asked for (an operator-chosen identifier, not document text).
        name: String,
        /// Comma-separated list of loaded profiles.
        available: String,
    },
    /// The profile asks for the `token` style but no secret is configured.
    #[error("profile {profile} uses the token style but no token secret is configured")]
    MissingTokenSecret {
        /// Profile name.
        profile: String,
    },
    /// The document is larger than the configured limit.
    #[error("document of {len} bytes exceeds the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// Configured limit in bytes.
        limit: usize,
    },
    /// An evaluation corpus line is malformed.
    #[error("corpus line {line}: {reason}")]
    Corpus {
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
}

/// Result type of the core library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
