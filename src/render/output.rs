//! One rendered file: where it goes below the output folder and its bytes.

/// One file produced by a job.
#[derive(Debug, Clone)]
pub(crate) struct Output {
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

impl Output {
    pub(crate) fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Output {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}
