//! The binary: parse arguments, call the library, map the outcome to an exit code.
//! The only place that prints.

mod cli;

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use concord::error::{Error, Result};
use concord::compare::triage::Triage;
use concord::lexicon::Lexicon;
use concord::report::view::{GroupView, ReportView};
use concord::report::{annotate, diff, gate};
use concord::source::PartialDate;

use cli::{Annotations, Cli, Command, DiffFormat};

/// mimalloc rather than the system's allocator: extract and check allocate many small values
/// per sentence and per claim (BENCHMARKS.md, session 5: extract about 5% faster, check of a
/// million claims 15 to 30% faster, with a lower peak).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// A progress bar on stderr, only when stderr is a terminal and the work lasts over a second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn start(total: u64, what: &str) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = indicatif::ProgressBar::hidden();
        bar.set_length(total);
        bar.set_message(what.to_string());
        let shown = bar.clone();
        // Shown only after a second, so short runs stay quiet.
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if !shown.is_finished() {
                shown.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                shown.enable_steady_tick(std::time::Duration::from_millis(200));
            }
        });
        Progress { bar: Some(bar) }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
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
        Command::Extract { input, jsonl, out, lexicon: lex, jobs } => {
            let lexicon = lexicon(lex.as_deref())?;
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            if jsonl {
                let stdout = std::io::BufWriter::new(std::io::stdout().lock());
                let (docs, claims) = match input.as_deref().filter(|p| *p != Path::new("-")) {
                    Some(path) => {
                        let file = std::fs::File::open(path).map_err(|e| Error::read(path, e))?;
                        concord::extract_jsonl(std::io::BufReader::new(file), stdout, &lexicon, jobs, &path.display().to_string())?
                    }
                    None => concord::extract_jsonl(std::io::stdin().lock(), stdout, &lexicon, jobs, "<stdin>")?,
                };
                eprintln!("concord: {docs} documents, {claims} claims");
                return Ok(ExitCode::SUCCESS);
            }
            let input = input.ok_or_else(|| Error::Usage("extract needs a manifest or a folder (or --jsonl); see `concord extract --help`".into()))?;
            let corpus = concord::load_corpus(&input)?;
            let progress = Progress::start(corpus.sources.len() as u64, "extract");
            let sheets = concord::extract_to(&corpus, &lexicon, jobs, &out)?;
            progress.finish();
            concord::write_sheets(&sheets, &out)?;
            let statements: usize = sheets.iter().map(|s| s.statements.len()).sum();
            eprintln!("concord: {} sources, {statements} statements -> {}", sheets.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { claims, out, lexicon: lex, check, format, fail_on, jobs } => {
            let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let lexicon = lexicon(lex.as_deref())?;
            let checked = if claims == Path::new("-") {
                let read = concord::claims_from_jsonl(std::io::stdin().lock(), "<stdin>")?;
                concord::check_claims(read, &lexicon, &Triage::default(), jobs)
            } else {
                let sheets = concord::load_sheets(&claims)?;
                let triage = Triage::load(&claims.join(concord::compare::triage::FILE))?;
                concord::check_jobs(&sheets, &lexicon, &triage, jobs)
            };
            let report = concord::report::render(&checked);
            let json_path = out.join("report.json");
            let md_path = out.join("report.md");
            let fresh = ReportView::parse(&report.json, &json_path)?;
            // The committed report matters only as the baseline of new conflicts.
            let wants_baseline = fail_on.contains(&cli::FailOn::NewConflict);
            let committed = if wants_baseline && json_path.exists() { Some(ReportView::load(&json_path)?) } else { None };
            let mut stdout = std::io::stdout().lock();
            let mut code = 0;
            if check {
                let old_md = std::fs::read_to_string(&md_path).unwrap_or_default();
                let old_json = std::fs::read_to_string(&json_path).unwrap_or_default();
                if old_md != report.markdown || old_json != report.json {
                    let diff = similar::TextDiff::from_lines(&old_md, &report.markdown);
                    let text = diff.unified_diff().header(&md_path.display().to_string(), "regenerated").to_string();
                    writeln!(stdout, "{text}").map_err(stdout_error)?;
                    eprintln!("concord: {} is stale; run `concord check --claims {} --out {}` and commit the result", out.display(), claims.display(), out.display());
                    code = 1;
                }
            } else {
                std::fs::create_dir_all(&out).map_err(|e| Error::write(&out, e))?;
                concord::report::write_atomic(&[(&json_path, &report.json), (&md_path, &report.markdown)])?;
                let conflicts = checked.groups.iter().filter(|g| g.verdict == concord::compare::Verdict::Conflict).count();
                eprintln!("concord: {} groups, {conflicts} conflicts -> {}", checked.groups.len(), out.display());
            }
            for e in &checked.unused {
                eprintln!("concord: unused explanation in {}: `{}` matches no conflict; remove it", claims.join(concord::compare::triage::FILE).display(), e.key);
            }
            let conflicts: Vec<&GroupView> = fresh.groups.values().filter(|g| g.verdict == "conflict").collect();
            match format {
                Some(Annotations::Github) => write!(stdout, "{}", annotate::github(&conflicts)).map_err(stdout_error)?,
                Some(Annotations::Sarif) => write!(stdout, "{}", annotate::sarif(&conflicts)).map_err(stdout_error)?,
                None => {}
            }
            let policies: Vec<gate::FailOn> = fail_on.into_iter().map(Into::into).collect();
            for failure in gate::failures(&policies, committed.as_ref(), &fresh) {
                eprintln!("concord: {failure}");
                code = 1;
            }
            Ok(ExitCode::from(code))
        }
        Command::Diff { old, new, format, fail_on } => {
            let old_view = ReportView::load(&old)?;
            let new_view = ReportView::load(&new)?;
            let d = diff::diff(&old_view, &new_view);
            let fresh = d.new_conflicts(&old_view, &new_view);
            let text = match format {
                DiffFormat::Text => diff::render(&d, diff::Style::Text { color: std::io::stdout().is_terminal() }),
                DiffFormat::Md => diff::render(&d, diff::Style::Markdown { limit: diff::COMMENT_LIMIT }),
                DiffFormat::Github => annotate::github(&fresh),
                DiffFormat::Sarif => annotate::sarif(&fresh),
            };
            let mut stdout = std::io::stdout().lock();
            write!(stdout, "{text}").map_err(stdout_error)?;
            let policies: Vec<gate::FailOn> = fail_on.into_iter().map(Into::into).collect();
            let failures = gate::failures(&policies, Some(&old_view), &new_view);
            for failure in &failures {
                eprintln!("concord: {failure}");
            }
            Ok(ExitCode::from(u8::from(!failures.is_empty())))
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
