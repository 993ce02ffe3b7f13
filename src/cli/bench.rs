//! `carnet bench`: timings and memory on generated data, and the bytes written to disk.

use super::*;

pub(super) fn bench(
    config: &Config,
    i18n: &I18n,
    interactions: usize,
    seed: u64,
) -> Result<(), Failure> {
    let dir = std::env::temp_dir().join(format!("carnet-bench-{}", std::process::id()));
    let fail = |detail: String| {
        Failure::new(
            EXIT_OTHER,
            i18n.t_args("err-store", &[arg("detail", detail)]),
        )
    };
    let result = (|| {
        let started = Instant::now();
        let spec = DemoSpec {
            seed,
            interactions,
            now: crate::clock::now_local(),
        };
        let data = demo::generate(spec, &config.vocab);
        let generate_s = started.elapsed().as_secs_f64();
        let store = Store::open(&dir).map_err(|e| fail(e.to_string()))?;
        let write_start = Instant::now();
        store.insert_all(&data).map_err(|e| fail(e.to_string()))?;
        let write_s = write_start.elapsed().as_secs_f64();
        drop(store);
        let size = storage::Store::open(&dir)
            .and_then(|s| s.info())
            .map_err(|e| fail(e.to_string()))?
            .size_on_disk;
        let exe = std::env::current_exe().map_err(|e| fail(e.to_string()))?;
        let opened = open_in_fresh_process(&exe, &dir, config.lang).map_err(fail)?;
        let f = opened.figures;
        let written = disk_writes(&exe, &dir, config.lang).map_err(fail)?;
        let count = crate::ui::format::count(config.lang, interactions);
        let row = |label: &str, value: String| say!("  {:<52} {value}", i18n.t(label));
        say!(
            "{}",
            i18n.t_args(
                "bench-title",
                &[arg("count", count), arg("records", f.records)]
            )
        );
        row("bench-generate", format!("{generate_s:.2} s"));
        row("bench-write", format!("{write_s:.2} s"));
        row(
            "bench-size",
            format!("{:.1} MiB", size as f64 / 1_048_576.0),
        );
        // Issue 18's targets, for 100 000 interactions (300 000 from 200 000 up): each
        // figure says whether it meets its own.
        let big = interactions >= 200_000;
        let targeted = |label: &str, value: String, measured: f64, target: f64, unit: &str| {
            let met = if measured <= target { "✓" } else { "✗" };
            row(
                label,
                format!(
                    "{value:<44} {met} {}",
                    i18n.t_args(
                        "bench-target",
                        &[arg("target", format!("≤ {target} {unit}"))]
                    )
                ),
            );
        };
        row("bench-open", format!("{:.0} ms", f.open_ms));
        targeted(
            "bench-first-frame",
            format!("{:.0} ms", opened.rows_ms),
            opened.rows_ms,
            150.0,
            "ms",
        );
        targeted(
            "bench-load",
            format!("{:.0} ms", opened.loaded_ms),
            opened.loaded_ms,
            300.0,
            "ms",
        );
        // 120 MB and 350 MB in MiB as measured (rounded down to the tenth shown): once
        // loaded, and at the session's end.
        let memory_target = if big { 333.7 } else { 114.4 };
        for (label, mib) in [
            ("bench-rss", f.peak_rss_mib),
            ("bench-rss-session", f.session_peak_mib),
        ] {
            // Judged as shown: a figure never reads 114.4 beside a ✗.
            let shown = (mib * 10.0).round() / 10.0;
            targeted(
                label,
                format!("{shown:.1} MiB"),
                shown,
                memory_target,
                "MiB",
            );
        }
        targeted(
            "bench-search",
            format!(
                "p50 {:.1} ms · p95 {:.1} ms · max {:.1} ms",
                f.search_p50_ms, f.search_p95_ms, f.search_max_ms
            ),
            f.search_p95_ms,
            if big { 50.0 } else { 16.0 },
            "ms (p95)",
        );
        targeted(
            "bench-search-reseau",
            format!("p95 {:.1} ms", f.reseau_p95_ms),
            f.reseau_p95_ms,
            16.0,
            "ms (p95)",
        );
        targeted(
            "bench-move-bytes",
            format!(
                "{:.2} KiB · {} {:.2} KiB",
                f.move_bytes / 1024.0,
                i18n.t("bench-scrolling"),
                f.scroll_bytes / 1024.0
            ),
            f.move_bytes / 1024.0,
            1.0,
            "KiB",
        );
        row(
            "bench-action-bytes",
            i18n.t_args(
                "bench-action-bytes-value",
                &[
                    arg("tab", format!("{:.2}", f.tab_bytes / 1024.0)),
                    arg("search", format!("{:.2}", f.search_bytes / 1024.0)),
                ],
            ),
        );
        row(
            "bench-save-store",
            format!("p95 {:.2} ms", f.save_store_p95_ms),
        );
        row("bench-save-app", format!("p95 {:.2} ms", f.save_app_p95_ms));
        // The free-text guard on each interaction's texts, as a save checks them.
        let guard = crate::privacy::Guard::new(
            &config.privacy,
            data.structures
                .iter()
                .map(|s| s.nom.as_str())
                .chain(data.contacts.iter().map(|c| c.nom.as_str())),
        );
        let mut checks: Vec<f64> = data
            .interactions
            .iter()
            .take(2_000)
            .map(|i| {
                let started = Instant::now();
                for text in [&i.demande, &i.besoin, &i.note_pro] {
                    std::hint::black_box(guard.check("demande", text));
                }
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        checks.sort_by(f64::total_cmp);
        let p95 = checks.get(checks.len() * 95 / 100).copied().unwrap_or(0.0);
        row("bench-guard", format!("p95 {p95:.2} ms"));
        // A year's bilan, alone, then as the Bilan tab recounts it when the period moves
        // (the period's figures and the totals of the two it is compared with).
        let year = crate::domain::bilan::Period::containing(
            crate::domain::bilan::PeriodKind::Annee,
            crate::clock::today(),
        );
        let today = crate::clock::today();
        let in_year = data
            .interactions
            .iter()
            .filter(|i| year.contains(i.date))
            .count();
        let bilan = percentiles(20, || {
            std::hint::black_box(crate::domain::bilan::compute(
                &data,
                &config.vocab,
                year,
                today,
            ));
        });
        row(
            "bench-bilan",
            format!(
                "p50 {:.1} ms · p95 {:.1} ms ({} interactions)",
                bilan.0,
                bilan.1,
                crate::ui::format::count(config.lang, in_year)
            ),
        );
        let tab = percentiles(20, || {
            std::hint::black_box(crate::domain::bilan::compute(
                &data,
                &config.vocab,
                year,
                today,
            ));
            for other in [year.shifted(-1), year.year_before()] {
                std::hint::black_box(crate::domain::bilan::totals(
                    &data,
                    &config.vocab,
                    other,
                    today,
                ));
            }
        });
        row(
            "bench-bilan-tab",
            format!("p50 {:.1} ms · p95 {:.1} ms", tab.0, tab.1),
        );
        // The year's workbook, counted and written as `export --format xlsx` does.
        let mut size = 0;
        let xlsx = percentiles(5, || {
            let figures = crate::domain::bilan::compute(&data, &config.vocab, year, today);
            let written = crate::domain::bilan::written_for(&data, year);
            size =
                crate::export::bilan::xlsx(&figures, written, config, i18n).map_or(0, |b| b.len());
        });
        row(
            "bench-bilan-xlsx",
            format!(
                "p50 {:.0} ms · p95 {:.0} ms ({:.0} Kio)",
                xlsx.0,
                xlsx.1,
                size as f64 / 1024.0
            ),
        );
        let rebuild_start = Instant::now();
        let rebuilt = Store::rebuild(&dir, |_| {}).map_err(|e| fail(e.to_string()))?;
        row(
            "bench-rebuild",
            format!(
                "{:.1} s ({:.1} → {:.1} MiB)",
                rebuild_start.elapsed().as_secs_f64(),
                rebuilt.before as f64 / 1_048_576.0,
                rebuilt.after as f64 / 1_048_576.0
            ),
        );
        // Notes from another terminal while the interface is open on this store.
        let served = runtime::bench::serve_notes(&dir, config.clone(), 100, &super::remote::serve)
            .map_err(fail)?;
        row(
            "bench-served-trip",
            format!(
                "p50 {:.0} ms · p95 {:.0} ms",
                served.round_trip_p50_ms, served.round_trip_p95_ms
            ),
        );
        row(
            "bench-served-frame",
            format!(
                "p50 {:.1} ms · p95 {:.1} ms · max {:.1} ms",
                served.frame_p50_ms, served.frame_p95_ms, served.frame_max_ms
            ),
        );
        let kib = |b: u64| format!("{:.0} KiB", b as f64 / 1024.0);
        for (label, runs) in [
            ("bench-io-note", &written.note),
            ("bench-io-doctor", &written.doctor),
            ("bench-io-export", &written.export),
        ] {
            let mut sorted = runs.clone();
            sorted.sort_unstable();
            let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
            let max = sorted.last().copied().unwrap_or(0);
            row(label, format!("{} ({} max)", kib(median), kib(max)));
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Bytes written to disk by each run of a command on a closed store, in fresh processes.
pub(super) struct DiskWrites {
    note: Vec<u64>,
    doctor: Vec<u64>,
    export: Vec<u64>,
}

/// The median and 95th percentile, in milliseconds, of `runs` runs of `work`.
fn percentiles(runs: usize, mut work: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |i: usize| times.get(i).copied().unwrap_or(0.0);
    (at(times.len() / 2), at(times.len() * 95 / 100))
}

pub(super) fn disk_writes(exe: &Path, dir: &Path, lang: Lang) -> Result<DiskWrites, String> {
    let run = |args: &[&str]| -> Result<u64, String> {
        let out = std::process::Command::new(exe)
            .args(["--lang", lang.code(), "--data-dir"])
            .arg(dir)
            .args(args)
            .env(runtime::bench::REPORT_IO, "1")
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        match runtime::bench::parse_written(&stderr) {
            Some(bytes) if out.status.success() => Ok(bytes),
            _ => Err(stderr.into_owned()),
        }
    };
    let times = |n: usize, args: &[&str]| (0..n).map(|_| run(args)).collect::<Result<Vec<_>, _>>();
    // The first read after a bulk write consolidates sled's pages; measure the steady state.
    run(&["doctor"])?;
    Ok(DiskWrites {
        note: times(5, &["note", "--yes", "Question sur la prime d'activité"])?,
        doctor: times(3, &["doctor"])?,
        export: times(3, &["export", "-o", "/dev/null"])?,
    })
}

/// `bench-open` run as a user runs Carnet: a fresh process, timed from its start to the
/// frame holding the Journal's first rows and to everything loaded, as it says them.
struct Opened {
    rows_ms: f64,
    loaded_ms: f64,
    figures: runtime::bench::OpenFigures,
}

fn open_in_fresh_process(
    exe: &Path,
    dir: &Path,
    lang: crate::domain::Lang,
) -> Result<Opened, String> {
    use std::io::BufRead;
    let started = Instant::now();
    let mut child = std::process::Command::new(exe)
        .args(["--lang", lang.code(), "bench-open"])
        .arg(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut lines = std::io::BufReader::new(child.stdout.take().ok_or("stdout")?).lines();
    let (mut rows_ms, mut loaded_ms, mut figures) = (None, None, None);
    for line in lines.by_ref() {
        let line = line.map_err(|e| e.to_string())?;
        let at = started.elapsed().as_secs_f64() * 1000.0;
        match line.as_str() {
            runtime::bench::ROWS_LINE => rows_ms = Some(at),
            runtime::bench::LOADED_LINE => loaded_ms = Some(at),
            other => figures = runtime::bench::OpenFigures::from_line(other).or(figures),
        }
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    match (rows_ms, loaded_ms, figures) {
        (Some(rows_ms), Some(loaded_ms), Some(figures)) => Ok(Opened {
            rows_ms,
            loaded_ms,
            figures,
        }),
        _ => Err(String::from_utf8_lossy(&output.stderr).into_owned()),
    }
}
