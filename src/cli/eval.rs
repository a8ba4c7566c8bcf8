//! `noticeguard eval`: precision, recall, F1 and residual leaks on a labeled corpus.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use noticeguard::Scanner;
use noticeguard::eval::{evaluate, parse_corpus};

use super::EXIT_CLEAN;

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// Labeled corpus in JSON Lines (see docs/evaluation.md).
    #[arg(long, value_name = "FILE", required = true)]
    corpus: Vec<PathBuf>,

    /// Masking profile.
    #[arg(long, default_value = "default")]
    profile: String,

    /// Print the report as JSON, with the location of every miss and false positive.
    #[arg(long)]
    json: bool,

    /// Also list misses, names and addresses found only in part, false positives and residual
    /// leaks (document id, class, offsets).
    #[arg(long)]
    details: bool,
}

pub(crate) fn run(scanner: &Scanner, args: &EvalArgs) -> anyhow::Result<u8> {
    let profile = scanner.profile(&args.profile)?;
    let mut out = std::io::stdout().lock();
    for path in &args.corpus {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let docs = parse_corpus(&text).with_context(|| format!("{}", path.display()))?;
        let report = evaluate(scanner, &profile, &docs)?;
        if args.json {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({"corpus": path, "report": report}),
            )?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "corpus: {}", path.display())?;
        writeln!(out, "{report}")?;
        if args.details {
            for (what, list) in [
                ("missed", &report.missed),
                ("found in part", &report.partial),
                ("false positive", &report.false_positives),
                ("residual", &report.residual),
            ] {
                for l in list {
                    writeln!(out, "  {what}: {} {} {}..{}", l.id, l.class, l.start, l.end)?;
                }
            }
        }
    }
    Ok(EXIT_CLEAN)
}
