//! Command-line arguments. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// concord: find where sources agree, where they conflict, and which facts rest on one source.
///
/// Exit codes: 0 clean; 1 a stale report under `check --check`, or a finding named by
/// `--fail-on`; 2 bad input, bad usage or a failed write (the message names the file, the
/// place and what to do).
#[derive(Debug, Parser)]
#[command(name = "concord", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract statements from a corpus into one claim sheet per source.
    Extract {
        /// A manifest (`{"sources": [{"id", "file", ...}]}`) or a folder of .txt/.md files.
        /// With --jsonl: a JSON Lines file of documents, or nothing for standard input.
        input: Option<PathBuf>,
        /// Read documents as JSON Lines (`{"id", "text", "published"?, ...}`) and write claims
        /// as JSON Lines to standard output, one document at a time: a streaming mapper.
        #[arg(long)]
        jsonl: bool,
        /// Folder for the claim sheets (`<source-id>.json`).
        #[arg(long, default_value = "claims")]
        out: PathBuf,
        /// A lexicon to use instead of the bundled one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Threads to use (default: all cores); output is the same for any number.
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Normalize and compare claim sheets; write report.json and report.md.
    Check {
        /// Folder of claim sheets, or `-` for claims as JSON Lines on standard input.
        #[arg(long, default_value = "claims")]
        claims: PathBuf,
        /// Folder for report.json and report.md.
        #[arg(long, default_value = "reports")]
        out: PathBuf,
        /// A lexicon to use instead of the bundled one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Write nothing; exit 1 with a diff when the reports in --out are stale.
        #[arg(long)]
        check: bool,
        /// Also print findings to standard output: GitHub annotations or a SARIF log.
        #[arg(long, value_enum)]
        format: Option<Annotations>,
        /// Exit 1 when this finding occurs (repeatable). `new-conflict` compares with the
        /// report already in --out.
        #[arg(long, value_enum)]
        fail_on: Vec<FailOn>,
        /// Threads to use (default: all cores); output is the same for any number.
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Compare two reports: keys, verdicts, values and statements that changed.
    Diff {
        /// The report before (a report.json).
        old: PathBuf,
        /// The report after (a report.json).
        new: PathBuf,
        /// Output: text (colour on a terminal), md (a pull-request comment under 64 KB),
        /// github (annotations for new conflicts), sarif (a SARIF 2.1.0 log of new conflicts).
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Exit 1 when this finding occurs in NEW (repeatable); `new-conflict` compares with OLD.
        #[arg(long, value_enum)]
        fail_on: Vec<FailOn>,
    },
    /// Print every number, range, percentage, amount of money and date read in a text.
    Scan {
        /// The text to read (default: standard input).
        file: Option<PathBuf>,
        /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for relative dates.
        #[arg(long)]
        published: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read JSON Lines `{"id", "text", "published"?}` and write `{"id", "mentions"}` per line.
        #[arg(long)]
        jsonl: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Annotations {
    /// GitHub Actions workflow commands (`::warning file=…,line=…::…`).
    Github,
    /// A SARIF 2.1.0 log, for code scanning.
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Md,
    Github,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any conflict nobody has explained in the triage file.
    Conflict,
    /// A conflict the previous report did not have.
    NewConflict,
    /// Any fact that rests on a single source.
    SingleSource,
}

impl From<FailOn> for concord::report::gate::FailOn {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Conflict => Self::Conflict,
            FailOn::NewConflict => Self::NewConflict,
            FailOn::SingleSource => Self::SingleSource,
        }
    }
}
