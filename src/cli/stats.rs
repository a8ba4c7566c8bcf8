//! `noticeguard stats`: leak statistics from the store the service records into.

use std::collections::BTreeSet;
use std::io::Write;

use anyhow::Context;
use clap::{Args, ValueEnum};

use noticeguard::Scanner;
use noticeguard::store::{Filter, GroupBy, LeakStore, SqlStore, StatsRow};

use super::EXIT_CLEAN;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Group {
    Province,
    City,
    County,
    Region,
    Township,
    Unit,
    Kind,
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    /// Database: sqlite://FILE or postgres://… (the one `serve` records into).
    #[arg(
        long,
        env = "NOTICEGUARD_DATABASE_URL",
        default_value = "sqlite://noticeguard.db",
        value_name = "URL"
    )]
    database_url: String,

    /// Grouping (`region` = county, the 6-digit division code).
    #[arg(long, value_enum, default_value = "region")]
    group_by: Group,

    /// Only this division-code prefix.
    #[arg(long, value_name = "PREFIX")]
    region: Option<String>,

    /// Only this publishing unit.
    #[arg(long)]
    unit: Option<String>,

    /// Only this category.
    #[arg(long)]
    category: Option<String>,

    /// Only findings of this kind (id_card, mobile_phone, landline, bank_card …).
    #[arg(long)]
    kind: Option<String>,

    /// Only findings in this status (leaked, insufficiently_masked …).
    #[arg(long)]
    status: Option<String>,

    /// First day, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,

    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,

    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,

    /// Print CSV.
    #[arg(long)]
    csv: bool,
}

pub(crate) fn run(scanner: &Scanner, args: &StatsArgs) -> anyhow::Result<u8> {
    if let Some(file) = args.database_url.strip_prefix("sqlite://") {
        let file = file.split('?').next().unwrap_or(file);
        anyhow::ensure!(
            std::path::Path::new(file).exists(),
            "no database at {file} (start `noticeguard serve` and record scans, or pass --database-url)"
        );
    }
    let group_by = match args.group_by {
        Group::Province => GroupBy::Province,
        Group::City => GroupBy::City,
        Group::County | Group::Region => GroupBy::County,
        Group::Township => GroupBy::Township,
        Group::Unit => GroupBy::Unit,
        Group::Kind => GroupBy::Kind,
        Group::Month => GroupBy::Month,
        Group::Quarter => GroupBy::Quarter,
        Group::Year => GroupBy::Year,
    };
    let filter = Filter {
        region_prefix: args.region.clone().unwrap_or_default(),
        unit: args.unit.clone().unwrap_or_default(),
        category: args.category.clone().unwrap_or_default(),
        kind: args.kind.clone().unwrap_or_default(),
        status: args.status.clone().unwrap_or_default(),
        from: args.from.clone().unwrap_or_default(),
        to: args.to.clone().unwrap_or_default(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let rows = runtime.block_on(async {
        let store =
            SqlStore::connect(&args.database_url, scanner.deduction_rules().clone()).await?;
        store.stats(&filter, group_by).await
    });
    let rows = rows.context("cannot read statistics")?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"group_by": group_by, "groups": rows}),
        )?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &rows, args.csv)?;
    }
    Ok(EXIT_CLEAN)
}

fn write_table(out: &mut impl Write, rows: &[StatsRow], csv: bool) -> std::io::Result<()> {
    let kinds: BTreeSet<&String> = rows.iter().flat_map(|r| r.leaks_by_kind.keys()).collect();
    let mut header = vec!["key".to_owned(), "documents".into(), "with_leaks".into()];
    header.extend(kinds.iter().map(|k| format!("{k}_leaks")));
    header.extend(["distinct_persons".into(), "deduction".into()]);
    let mut lines = vec![header];
    for r in rows {
        let mut line =
            vec![r.key.clone(), r.documents.to_string(), r.documents_with_leaks.to_string()];
        line.extend(
            kinds.iter().map(|k| r.leaks_by_kind.get(*k).copied().unwrap_or(0).to_string()),
        );
        line.extend([r.distinct_persons.to_string(), format!("{:.2}", r.deduction)]);
        lines.push(line);
    }
    if csv {
        for line in lines {
            let cells: Vec<String> = line
                .into_iter()
                .map(|c| {
                    if c.contains([',', '"', '\n']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c
                    }
                })
                .collect();
            writeln!(out, "{}", cells.join(","))?;
        }
        return Ok(());
    }
    // Width in terminal columns: CJK characters take two.
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let columns = lines[0].len();
    let widths: Vec<usize> =
        (0..columns).map(|i| lines.iter().map(|l| width(&l[i])).max().unwrap_or(0)).collect();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = " ".repeat(widths[i] - width(c));
                if i == 0 { format!("{c}{pad}") } else { format!("{pad}{c}") }
            })
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}
