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
