//! Both languages say everything: same message ids, and every id the code builds exists.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use carnet::action::{Action, Context};
use carnet::domain::{Lang, RecordKind};
use carnet::i18n::{self, I18n};

#[test]
fn french_and_english_define_the_same_message_ids() {
    let fr = i18n::message_ids(i18n::FR);
    let en = i18n::message_ids(i18n::EN);
    assert!(fr.len() > 100);
    let missing_en: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
    let missing_fr: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
    assert!(missing_en.is_empty(), "missing in en.ftl: {missing_en:?}");
    assert!(missing_fr.is_empty(), "missing in fr.ftl: {missing_fr:?}");
    assert!(i18n::parses(i18n::FR) && i18n::parses(i18n::EN));
}

#[test]
fn every_id_the_code_composes_exists_in_both_languages() {
    let mut ids: Vec<String> = Action::ALL
        .iter()
        .map(|a| format!("action-{}", a.name()))
        .collect();
    ids.extend(Context::ALL.iter().map(|c| format!("context-{}", c.name())));
    ids.extend(RecordKind::ALL.iter().map(|k| format!("kind-{}", k.name())));
    ids.extend((1..=7).map(|d| format!("weekday-{d}")));
    ids.extend(
        [
            "err-required",
            "err-duration-range",
            "err-persons-zero",
            "err-suivi-code",
        ]
        .map(String::from),
    );
    for lang in [Lang::Fr, Lang::En] {
        let i = I18n::new(lang);
        for id in &ids {
            assert!(i.has(id), "{id} missing in {}", lang.code());
        }
    }
}

#[test]
fn messages_carry_no_isolation_marks() {
    let i = I18n::new(Lang::En);
    let text = i.t_args("persons-suivi", &[i18n::arg("code", "P-2026-001")]);
    assert_eq!(text, "Follow-up P-2026-001");
}

/// Every message id written literally in the code (`t("…")`, `t_args("…"`, `"err-…"` ids
/// returned by parsers and validation) exists in both languages.
#[test]
fn every_literal_message_id_in_the_code_exists() {
    fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut ids = std::collections::BTreeSet::new();
    for text in &files {
        for marker in [
            ".t(\"",
            "t_args(\"",
            "Some(\"err-",
            "Err(\"err-",
            "(\"err-",
            "\"guard-",
            "\"status-",
            "\"undo-",
            "\"form-",
            "\"period-",
            "\"csv-",
        ] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(marker) {
                let start = at + marker.len()
                    - if marker.starts_with('"') || marker.contains("err-") {
                        marker.len() - marker.find('"').unwrap() - 1
                    } else {
                        0
                    };
                let tail = &rest[start..];
                let id: String = tail
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if id.len() > 2 && id.contains('-') && !id.ends_with('-') {
                    ids.insert(id);
                }
                rest = &rest[at + marker.len()..];
            }
        }
    }
    assert!(ids.len() > 50, "found only {} ids", ids.len());
    for lang in [Lang::Fr, Lang::En] {
        let i = I18n::new(lang);
        let missing: Vec<_> = ids.iter().filter(|id| !i.has(id)).collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            lang.code()
        );
    }
}

#[test]
fn the_command_line_help_is_complete_in_both_languages() {
    use carnet::domain::Lang;
    use carnet::i18n::I18n;
    fn walk(cmd: &clap::Command, path: &str, i18n: &I18n, missing: &mut Vec<String>) {
        let about = if path.is_empty() {
            "cli-about".to_string()
        } else {
            format!("cli-{path}")
        };
        if i18n.get(&about).is_none() {
            missing.push(about);
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let key = format!("cli-arg-{}", id.replace('_', "-"));
            if i18n.get(&key).is_none() && !missing.contains(&key) {
                missing.push(key);
            }
        }
        for sub in cmd.get_subcommands() {
            // Nested commands are named by their path: `cli-suivi-export`.
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, i18n, missing);
        }
    }
    for lang in [Lang::Fr, Lang::En] {
        let i18n = I18n::new(lang);
        let mut missing = Vec::new();
        walk(
            &carnet::cli::localized_command(&i18n),
            "",
            &i18n,
            &mut missing,
        );
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
