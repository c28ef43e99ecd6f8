//! One error type for everything concord cannot read or write. Its `Display` is the one line
//! the user sees: the file, the place in it, what went wrong and what to do.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}; check that the file exists and is readable")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: cannot write: {source}; check that the folder exists and is writable")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}: {place}: {message}")]
    Invalid { path: PathBuf, place: String, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Bad content in a file: `place` is "line N", "byte N" or the name of an entry.
    pub fn invalid(path: &Path, place: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { path: path.to_path_buf(), place: place.into(), message: message.into() }
    }

    pub fn read(path: &Path, source: std::io::Error) -> Self {
        Error::Read { path: path.to_path_buf(), source }
    }

    pub fn write(path: &Path, source: std::io::Error) -> Self {
        Error::Write { path: path.to_path_buf(), source }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// The 1-based line of a byte offset in `text`, for error messages and annotations.
pub fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}
