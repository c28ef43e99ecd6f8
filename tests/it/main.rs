//! concord's integration tests: one binary, one module per concern.

mod bad_input;
mod bundled;
mod ci;
mod corpora;
mod determinism;
mod eval;
mod robust;
mod streaming;
mod suites;
mod support;
