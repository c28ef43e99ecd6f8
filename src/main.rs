//! The binary: parse arguments, call the library, map the outcome to an exit code.
//! The only place that prints.

mod cli;

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use concord::error::{Error, Result};
use concord::lexicon::Lexicon;
use concord::source::PartialDate;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("concord: {e}");
            ExitCode::from(2)
        }
    }
}

fn lexicon(path: Option<&Path>) -> Result<Lexicon> {
    match path {
        Some(p) => Lexicon::load(p),
        None => Ok(Lexicon::bundled()),
    }
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::write(Path::new("<stdout>"), e)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract { input, out, lexicon: lex, jobs } => {
            let lexicon = lexicon(lex.as_deref())?;
            let corpus = concord::load_corpus(&input)?;
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let sheets = concord::extract_corpus(&corpus, &lexicon, jobs);
            concord::write_sheets(&sheets, &out)?;
            let statements: usize = sheets.iter().map(|s| s.statements.len()).sum();
            eprintln!("concord: {} sources, {statements} statements -> {}", sheets.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { claims, out, lexicon: lex, check } => {
            let lexicon = lexicon(lex.as_deref())?;
            let sheets = concord::load_sheets(&claims)?;
            let groups = concord::check(&sheets, &lexicon);
            let report = concord::report::render(&groups);
            let json_path = out.join("report.json");
            let md_path = out.join("report.md");
            if check {
                let old_md = std::fs::read_to_string(&md_path).unwrap_or_default();
                let old_json = std::fs::read_to_string(&json_path).unwrap_or_default();
                if old_md == report.markdown && old_json == report.json {
                    return Ok(ExitCode::SUCCESS);
                }
                let diff = similar::TextDiff::from_lines(&old_md, &report.markdown);
                let mut stdout = std::io::stdout().lock();
                let text = diff.unified_diff().header(&md_path.display().to_string(), "regenerated").to_string();
                let written = writeln!(stdout, "{text}").and_then(|_| {
                    writeln!(stdout, "concord: {} is stale; run `concord check --claims {} --out {}` and commit the result", out.display(), claims.display(), out.display())
                });
                if let Err(e) = written {
                    return Err(stdout_error(e));
                }
                return Ok(ExitCode::from(1));
            }
            std::fs::create_dir_all(&out).map_err(|e| Error::write(&out, e))?;
            concord::report::write_atomic(&[(&json_path, &report.json), (&md_path, &report.markdown)])?;
            let conflicts = groups.iter().filter(|g| g.verdict == concord::compare::Verdict::Conflict).count();
            eprintln!("concord: {} groups, {conflicts} conflicts -> {}", groups.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Scan { file, published, json, jsonl } => {
            let published = match published {
                Some(p) => Some(PartialDate::parse(&p).ok_or_else(|| Error::Usage(format!("--published {p}: write YYYY, YYYY-MM or YYYY-MM-DD")))?),
                None => None,
            };
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            if jsonl {
                let stdin = std::io::stdin().lock();
                for (n, line) in stdin.lines().enumerate() {
                    let line = line.map_err(|e| Error::read(Path::new("<stdin>"), e))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let doc: serde_json::Value = serde_json::from_str(&line)
                        .map_err(|e| Error::invalid(Path::new("<stdin>"), format!("line {}", n + 1), format!("not JSON: {e}")))?;
                    let text = doc.get("text").and_then(|t| t.as_str()).ok_or_else(|| {
                        Error::invalid(Path::new("<stdin>"), format!("line {}", n + 1), "no string `text`; write {\"id\": ..., \"text\": ...}")
                    })?;
                    let published = doc.get("published").and_then(|p| p.as_str()).and_then(PartialDate::parse).or(published);
                    let mentions: Vec<serde_json::Value> = concord::scan::scan(text, published).iter().map(|m| m.to_json()).collect();
                    let out = serde_json::json!({"id": doc.get("id").cloned().unwrap_or(serde_json::Value::Null), "mentions": mentions});
                    writeln!(stdout, "{out}").map_err(stdout_error)?;
                }
            } else {
                let text = match &file {
                    Some(f) => concord::source::read_text(f)?,
                    None => std::io::read_to_string(std::io::stdin()).map_err(|e| Error::read(Path::new("<stdin>"), e))?,
                };
                let mentions = concord::scan::scan(&text, published);
                if json {
                    let all: Vec<serde_json::Value> = mentions.iter().map(|m| m.to_json()).collect();
                    writeln!(stdout, "{}", serde_json::to_string_pretty(&all).expect("json")).map_err(stdout_error)?;
                } else {
                    let width = mentions.iter().map(|m| m.text.chars().count()).max().unwrap_or(4).clamp(4, 40);
                    writeln!(stdout, "{:<9} {:>13}  {:<width$}  value", "kind", "span", "text").map_err(stdout_error)?;
                    for m in &mentions {
                        let span = format!("{}..{}", m.start, m.end);
                        let shown: String = m.text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(40).collect();
                        writeln!(stdout, "{:<9} {:>13}  {:<width$}  {}", m.kind, span, shown, m.value.render()).map_err(stdout_error)?;
                    }
                }
            }
            stdout.flush().map_err(stdout_error)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
