//! `carnet doctor`: what is where, what the store holds, what is wrong and how to fix it.

use super::*;

/// The `doctor` report: everything useful to understand an installation, in plain words;
/// `false` when the store exists but cannot be opened.
/// The report on the store and its surroundings; `held` when an open interface serves it.
pub fn doctor(
    config: &Config,
    overrides: &Overrides,
    env: &Env,
    i18n: &I18n,
    held: Option<&Store>,
) -> (String, bool) {
    use std::fmt::Write;
    let mut out = String::new();
    let data_dir = config::paths::data_dir(overrides, env);
    let line = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "{:<28} {value}", i18n.t(label));
    };
    let _ = writeln!(out, "Carnet {}", env!("CARGO_PKG_VERSION"));
    line(&mut out, "doctor-data-dir", data_dir.display().to_string());
    line(
        &mut out,
        "doctor-demo-dir",
        config::paths::demo_dir(overrides, env)
            .display()
            .to_string(),
    );
    line(
        &mut out,
        "doctor-config",
        config
            .file
            .as_ref()
            .map_or_else(|| i18n.t("doctor-config-none"), |p| p.display().to_string()),
    );
    line(&mut out, "doctor-lang", config.lang.code().to_string());
    let r = &config.referentiel;
    line(
        &mut out,
        "doctor-referentiel",
        format!(
            "{} — {} ({} CCP, {} compétences){}",
            r.id,
            r.title(config.lang),
            r.ccp.len(),
            r.competences().count(),
            config
                .referentiel_file
                .as_ref()
                .map(|p| format!(" [{}]", p.display()))
                .unwrap_or_default()
        ),
    );
    line(
        &mut out,
        "doctor-presentation",
        match &config.presentation {
            Some(text) => i18n.t_args(
                "doctor-presentation-given",
                &[arg("chars", text.chars().count())],
            ),
            None => i18n.t("doctor-presentation-missing"),
        },
    );
    line(
        &mut out,
        "doctor-term",
        env.get("TERM").unwrap_or("-").to_string(),
    );
    line(
        &mut out,
        "doctor-colorterm",
        env.get("COLORTERM").unwrap_or("-").to_string(),
    );
    line(
        &mut out,
        "doctor-theme",
        if config.mono(env) {
            i18n.t("doctor-theme-mono")
        } else {
            i18n.t("doctor-theme-color")
        },
    );
    line(
        &mut out,
        "doctor-no-color",
        if env.get("NO_COLOR").is_some() {
            i18n.t("yes")
        } else {
            i18n.t("no")
        },
    );

    let _ = writeln!(out);
    if !storage::store_dir(&data_dir).exists() {
        line(&mut out, "doctor-store", i18n.t("doctor-store-missing"));
        return (out, true);
    }
    let holder = StoreLock::holder(&data_dir);
    if let (Some(owner), Some(_)) = (&holder, held) {
        line(
            &mut out,
            "doctor-lock",
            i18n.t_args(
                "doctor-served-by",
                &[
                    arg("user", owner.user.clone()),
                    arg("host", owner.host.clone()),
                    arg("pid", owner.pid),
                ],
            ),
        );
    } else if let Some(owner) = holder {
        line(
            &mut out,
            "doctor-lock",
            i18n.t_args(
                "doctor-locked-by",
                &[
                    arg("user", owner.user),
                    arg("host", owner.host),
                    arg("pid", owner.pid),
                ],
            ),
        );
        return (out, true);
    } else {
        line(&mut out, "doctor-lock", i18n.t("doctor-unlocked"));
    }
    let foreign = storage::foreign_entries(&data_dir);
    if !foreign.is_empty() {
        line(
            &mut out,
            "doctor-foreign",
            i18n.t_args(
                "doctor-foreign-value",
                &[
                    arg("count", foreign.len()),
                    arg("names", foreign.join(", ")),
                ],
            ),
        );
    }
    let backups = storage::backup::list(&data_dir);
    let today = crate::clock::today();
    let backups_line = match backups.last() {
        None if config.backups.enabled() => i18n.t("doctor-backups-none"),
        None => i18n.t("doctor-backups-off"),
        Some(newest) => {
            let mut text = i18n.t_args(
                "doctor-backups-value",
                &[
                    arg("count", backups.len()),
                    arg("date", newest.taken.format("%d/%m/%Y %H:%M").to_string()),
                    arg("days", (today - newest.taken.date()).num_days().max(0)),
                    arg(
                        "path",
                        storage::backup::dir(&data_dir).display().to_string(),
                    ),
                ],
            );
            for b in backups.iter().rev() {
                // Under the value column (28 for the label, one space).
                text.push_str(&format!(
                    "\n{:<29}{} · {:.1} MiB",
                    "",
                    b.path
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    b.bytes as f64 / 1_048_576.0
                ));
            }
            text
        }
    };
    line(&mut out, "doctor-backups", backups_line);
    let audit = storage::audit::entries(&data_dir);
    let audit_line = match audit.last() {
        None => i18n.t("doctor-audit-none"),
        Some(last) => i18n.t_args(
            "doctor-audit-value",
            &[
                arg("count", audit.len()),
                arg("last", last.clone()),
                arg(
                    "path",
                    data_dir.join(storage::audit::FILE).display().to_string(),
                ),
            ],
        ),
    };
    line(&mut out, "doctor-audit", audit_line);
    if storage::rebuild_due(&data_dir) {
        line(&mut out, "doctor-rebuild", i18n.t("doctor-rebuild-due"));
    }
    let opened = match held {
        Some(store) => Ok(super::Opened::Held(store)),
        None => match Store::open(&data_dir) {
            Err(e) if storage::cannot_write(&e) => {
                line(&mut out, "doctor-read-only", i18n.t("warn-read-only"));
                Store::open_read_only(&data_dir)
            }
            other => other,
        }
        .map(|s| super::Opened::Own(Box::new(s))),
    };
    let store = match opened {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(out, "{}", store_failure(i18n, &e).message);
            let _ = writeln!(
                out,
                "{}",
                i18n.t_args(
                    "doctor-cannot-open",
                    &[arg("path", data_dir.display().to_string())]
                )
            );
            return (out, false);
        }
    };
    if !store.recovered().is_empty() {
        line(
            &mut out,
            "doctor-recovered",
            crate::i18n::recovered(i18n, store.recovered()),
        );
    }
    let (aside, count) = storage::set_aside(&data_dir);
    if count > 0 {
        line(
            &mut out,
            "doctor-set-aside",
            i18n.t_args(
                "doctor-set-aside-value",
                &[
                    arg("count", count),
                    arg("path", aside.display().to_string()),
                ],
            ),
        );
    }
    if let Ok(info) = store.info() {
        line(
            &mut out,
            "doctor-schema",
            i18n.t_args(
                "doctor-schema-value",
                &[
                    arg("version", info.schema_version),
                    arg("supported", storage::SCHEMA_VERSION),
                    arg("by", info.created_by),
                ],
            ),
        );
        line(
            &mut out,
            "doctor-encryption",
            i18n.t(if store.is_sealed() {
                "doctor-encrypted"
            } else {
                "doctor-plain"
            }),
        );
        line(
            &mut out,
            "doctor-size",
            format!("{:.1} MiB", info.size_on_disk as f64 / 1_048_576.0),
        );
        if let Some(seed) = info.demo_seed {
            line(
                &mut out,
                "doctor-demo",
                i18n.t_args("doctor-demo-seed", &[arg("seed", seed)]),
            );
        }
    }
    match store.load() {
        Ok((data, failures)) => {
            let cutoff = crate::domain::personne::retention_cutoff(today, config.retention_months);
            let plan = crate::domain::personne::retention_plan(&data, cutoff);
            line(
                &mut out,
                "doctor-retention",
                i18n.t_args(
                    "doctor-retention-value",
                    &[
                        arg("months", config.retention_months),
                        arg("due", plan.suivi_count() + plan.interaction_count()),
                    ],
                ),
            );
            let _ = writeln!(out, "\n{}", i18n.t("doctor-counts"));
            for &kind in RecordKind::ALL {
                let _ = writeln!(
                    out,
                    "  {:<26} {}",
                    i18n.t(&format!("kind-{}", kind.name())),
                    data.count(kind)
                );
            }
            let _ = writeln!(out);
            if failures.is_empty() {
                let _ = writeln!(out, "{}", i18n.t("doctor-no-decode-failures"));
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    i18n.t_args("doctor-decode-failures", &[arg("count", failures.len())])
                );
                for f in &failures {
                    let _ = writeln!(out, "  {} / {} : {}", f.tree, f.key, f.reason);
                }
            }
            let unknown = crate::app::unknown_ids(&data, config);
            if unknown.is_empty() {
                let _ = writeln!(out, "{}", i18n.t("doctor-no-unknown-ids"));
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    i18n.t_args("doctor-unknown-ids", &[arg("count", unknown.len())])
                );
                for (list, id, uses) in unknown {
                    let _ = writeln!(out, "  {list} : {id} ({uses})");
                }
            }
        }
        Err(e) => {
            let _ = writeln!(out, "{}", store_failure(i18n, &e).message);
            return (out, false);
        }
    }
    (out, true)
}
