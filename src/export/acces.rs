//! The right-of-access page: everything Carnet holds about a suivi code, as a readable
//! Markdown page the person can be given (`carnet suivi export`, the suivi's timeline).

use crate::config::Config;
use crate::domain::personne::AboutSuivi;
use crate::domain::text::{date, sanitize_document};
use crate::i18n::{I18n, arg};
use chrono::NaiveDate;

/// The page, in the UI language; every free text included, private notes too.
pub fn markdown(i18n: &I18n, config: &Config, about: &AboutSuivi, today: NaiveDate) -> String {
    let lang = config.lang;
    let v = &config.vocab;
    let clean = |s: &str| sanitize_document(s).into_owned();
    let mut out = String::new();
    let line = |out: &mut String, label: &str, value: String| {
        if !value.trim().is_empty() {
            let text = i18n.t_args(
                "access-line",
                &[arg("label", i18n.t(label)), arg("value", clean(&value))],
            );
            out.push_str(&text);
            out.push('\n');
        }
    };
    out.push_str(&format!(
        "# {}\n\n{}\n\n",
        i18n.t_args("access-title", &[arg("code", clean(&about.suivi.code))]),
        i18n.t_args("access-intro", &[arg("date", date(today))])
    ));
    out.push_str(&format!("## {}\n\n", i18n.t("access-suivi")));
    line(&mut out, "field-suivi", about.suivi.code.to_string());
    line(
        &mut out,
        "field-nombre",
        about.suivi.public.nombre.to_string(),
    );
    line(
        &mut out,
        "field-thematiques",
        v.thematiques.labels(&about.suivi.thematiques, lang),
    );
    out.push_str(&format!(
        "\n## {}\n\n",
        i18n.t_args(
            "access-interactions",
            &[arg("count", about.interactions.len())]
        )
    ));
    for it in &about.interactions {
        let heure = it
            .heure
            .map(|h| format!(" {}", h.format("%H:%M")))
            .unwrap_or_default();
        out.push_str(&format!("### {}{heure}\n\n", date(it.date)));
        line(
            &mut out,
            "field-types",
            v.types_interaction.labels(&it.types, lang),
        );
        line(
            &mut out,
            "field-thematiques",
            v.thematiques.labels(&it.thematiques, lang),
        );
        line(
            &mut out,
            "field-duree",
            crate::domain::text::duration(it.duree_min),
        );
        line(
            &mut out,
            "field-canal",
            v.canaux.label(&it.canal, lang).into_owned(),
        );
        line(&mut out, "field-lieu", it.lieu.to_string());
        line(&mut out, "field-quartier", it.quartier.to_string());
        line(&mut out, "field-demande", it.demande.to_string());
        line(&mut out, "field-besoin", it.besoin.to_string());
        line(
            &mut out,
            "field-reponses",
            v.reponses.labels(&it.reponses, lang),
        );
        if let Some(o) = &it.orientation {
            line(&mut out, "field-orientation", o.nom.to_string());
        }
        for s in it.suites.iter() {
            line(&mut out, "field-suite", s.action.to_string());
        }
        line(&mut out, "field-note-pro", it.note_pro.to_string());
        // The person has a right to the private note too.
        line(&mut out, "field-note-privee", it.note_privee.to_string());
        out.push('\n');
    }
    let mentions: Vec<(Option<chrono::NaiveDate>, String)> = about
        .analyses
        .iter()
        .map(|a| (Some(a.date), a.situation.to_string()))
        .chain(
            about
                .evenements
                .iter()
                .map(|e| (Some(e.date), e.deroule.to_string())),
        )
        .chain(about.exemples.iter().map(|x| (x.du, x.titre.to_string())))
        .collect();
    if !mentions.is_empty() {
        out.push_str(&format!("## {}\n\n", i18n.t("access-mentions")));
        for (when, text) in mentions {
            let when = when.map(date).unwrap_or_default();
            out.push_str(&format!("- {when} — {}\n", clean(&text)));
        }
    }
    out
}
