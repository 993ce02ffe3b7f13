//! The Dossier Professionnel builder: examples per CCP (1 to 3), drafted from records and
//! edited in a form, with the warnings the ministry's rules call for.

use chrono::NaiveDate;

use super::form::{Field, Form, Purpose};
use super::picker::PickItem;
use crate::config::Config;
use crate::domain::*;
use crate::privacy::{Guard, GuardWarning};

/// The ministry's limit is three pages per example; about 3 000 characters fill a page.
pub const CHARS_PER_PAGE: usize = 3_000;
pub const MAX_EXAMPLES: usize = 3;
pub const MAX_PAGES: usize = 3;

/// One row of the dossier view: a CCP, then its examples by rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Ccp(usize),
    /// Index into `Dataset::exemples`.
    Exemple(usize),
}

pub use crate::domain::dossier::examples_of;

pub fn rows(data: &Dataset, config: &Config) -> Vec<Row> {
    let r = &config.referentiel;
    r.ccp
        .iter()
        .enumerate()
        .flat_map(|(ci, ccp)| {
            std::iter::once(Row::Ccp(ci)).chain(
                examples_of(data, &r.qualify(&ccp.id))
                    .into_iter()
                    .map(Row::Exemple),
            )
        })
        .collect()
}

/// The free-text guard, with the network's names (professionals may be named) excluded.
pub fn guard<'a>(data: &'a Dataset, config: &'a Config) -> Guard<'a> {
    let names = data
        .structures
        .iter()
        .map(|s| s.nom.as_str())
        .chain(data.contacts.iter().map(|c| c.nom.as_str()));
    Guard::new(&config.privacy, names)
}

/// What the jury must not read in an example: the guard's findings and the store's suivi
/// codes, each with whether the user accepted it.
pub fn sharing_warnings(data: &Dataset, config: &Config, x: &Exemple) -> Vec<(GuardWarning, bool)> {
    let guard = guard(data, config);
    let codes: Vec<&str> = data.suivis.iter().map(|s| s.code.as_str()).collect();
    [
        ("titre_exemple", &x.titre),
        ("taches", &x.taches),
        ("moyens", &x.moyens),
        ("avec_qui", &x.avec_qui),
        ("entreprise", &x.entreprise),
        ("service_exemple", &x.service),
        ("infos", &x.infos),
    ]
    .into_iter()
    .flat_map(|(field, text)| guard.check_for_sharing(field, text, &codes))
    .map(|w| {
        let accepted = x
            .accepted
            .iter()
            .any(|a| a.field == w.field && a.matched == w.matched.as_str());
        (w, accepted)
    })
    .collect()
}

/// What must not reach a funder or a partner in a fiche projet: the guard's findings and
/// the store's suivi codes in its free text and its séances'.
pub fn projet_warnings(data: &Dataset, config: &Config, p: &Projet) -> Vec<GuardWarning> {
    let guard = guard(data, config);
    let codes: Vec<&str> = data.suivis.iter().map(|s| s.code.as_str()).collect();
    let taches: String = p
        .taches
        .iter()
        .map(|t| format!("{} {}\n", t.action, t.qui))
        .collect();
    let mut texts: Vec<(&'static str, String)> = vec![
        ("titre", p.titre.to_string()),
        ("diagnostic", p.diagnostic.to_string()),
        ("objectifs", p.objectifs.to_string()),
        ("public_vise", p.public_vise.to_string()),
        ("moyens_projet", p.moyens.to_string()),
        ("taches_projet", taches),
        ("bilan_projet", p.bilan.to_string()),
    ];
    for s in p.seances(&data.seances) {
        texts.push(("lieu", s.lieu.to_string()));
        texts.push(("animateurs", s.animateurs.to_string()));
        texts.push(("deroule_seance", s.deroule.to_string()));
        texts.push(("reussites", s.reussites.to_string()));
        texts.push(("a_changer", s.a_changer.to_string()));
    }
    texts
        .iter()
        .flat_map(|(field, text)| guard.check_for_sharing(field, text, &codes))
        .collect()
}

/// The export gate: every warning not yet accepted, per example, in dossier order.
pub fn unaccepted_warnings<'d>(
    data: &'d Dataset,
    config: &Config,
) -> Vec<(&'d Exemple, GuardWarning)> {
    rows(data, config)
        .into_iter()
        .filter_map(|row| match row {
            Row::Exemple(i) => Some(&data.exemples[i]),
            Row::Ccp(_) => None,
        })
        .flat_map(|x| {
            sharing_warnings(data, config, x)
                .into_iter()
                .filter(|(_, accepted)| !accepted)
                .map(move |(w, _)| (x, w))
        })
        .collect()
}

/// Where to write the dossier and who is on its cover. Nothing here is stored.
pub fn export_form() -> Form {
    Form::new(
        Purpose::ExportDossier,
        "form-export-dossier",
        vec![
            Field::text("nom_naissance", ""),
            Field::text("nom_usage", ""),
            Field::text("prenom", ""),
            Field::text("adresse_candidat", ""),
            Field::text("fait_a", ""),
            Field::text("fichier", "~/dossier-professionnel.docx").required(),
        ],
    )
}

/// The length of an example's text, for the three-page rule.
pub fn chars(x: &Exemple) -> usize {
    [&x.titre, &x.taches, &x.moyens, &x.avec_qui, &x.infos]
        .iter()
        .map(|t| t.chars().count())
        .sum::<usize>()
        + x.entreprise.chars().count()
        + x.service.chars().count()
}

/// Estimated pages, at least one.
pub fn pages(x: &Exemple) -> usize {
    chars(x).div_ceil(CHARS_PER_PAGE).max(1)
}

/// A CCP's warning, as a Fluent id: no example, or more than three.
pub fn ccp_warning(count: usize) -> Option<&'static str> {
    match count {
        0 => Some("dp-no-example"),
        n if n > MAX_EXAMPLES => Some("dp-too-many"),
        _ => None,
    }
}

/// Records that evidence one of the CCP's competences (interactions, meetings, bilans,
/// projets, cas de médiation), newest
/// first: what an example is drafted from.
pub fn source_items(ctx: &super::kinds::Ctx, ccp: &str) -> Vec<PickItem> {
    let data = ctx.data;
    let prefix = format!("{ccp}.");
    let evidences = |m: &RecordMeta| m.evidence.iter().any(|e| e.competence.starts_with(&prefix));
    let mut rows: Vec<(NaiveDate, RecordKind, Id)> = data
        .interactions
        .iter()
        .filter(|i| evidences(&i.meta))
        .map(|i| (i.date, RecordKind::Interaction, i.meta.id))
        .chain(
            data.rencontres
                .iter()
                .filter(|r| evidences(&r.meta))
                .map(|r| (r.date, RecordKind::Rencontre, r.meta.id)),
        )
        .chain(
            data.bilans
                .iter()
                .filter(|b| evidences(&b.meta))
                .map(|b| (b.remis_le.unwrap_or(b.au), RecordKind::Bilan, b.meta.id)),
        )
        .chain(
            data.projets
                .iter()
                .filter(|p| evidences(&p.meta))
                .map(|p| (p.debut, RecordKind::Projet, p.meta.id)),
        )
        .chain(
            data.cas_mediation
                .iter()
                .filter(|c| evidences(&c.meta))
                .map(|c| (c.date, RecordKind::CasMediation, c.meta.id)),
        )
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.2.cmp(&a.2)));
    rows.truncate(500);
    rows.into_iter()
        .filter_map(|(_, kind, id)| {
            let (date, text) = super::kinds::summary(ctx, kind, id)?;
            Some(PickItem::plain(
                format!("{}:{id}", kind.name()),
                format!("{} {}", text::date(date), text::one_line(&text)),
            ))
        })
        .collect()
}

/// A new example of the CCP drafted from the chosen records (`kind:id`), ranked last.
pub fn drafted(
    data: &Dataset,
    config: &Config,
    ccp: &str,
    chosen: &[Text],
    now: Timestamp,
) -> Exemple {
    let mut src = crate::domain::dossier::Sources::default();
    let mut sources = Vec::new();
    for item in chosen {
        let Some((kind, id)) = super::evidence::parse_candidate(item) else {
            continue;
        };
        match kind {
            RecordKind::Interaction => {
                if let Ok(i) = data.interactions.binary_search_by_key(&id, |x| x.meta.id) {
                    src.interactions.push(&data.interactions[i]);
                }
            }
            RecordKind::Rencontre => {
                if let Ok(i) = data.rencontres.binary_search_by_key(&id, |x| x.meta.id) {
                    src.rencontres.push(&data.rencontres[i]);
                }
            }
            RecordKind::Bilan => match data.find::<Bilan>(id) {
                Some(b) => src.bilans.push(b),
                None => continue,
            },
            RecordKind::Projet => match data.find::<Projet>(id) {
                Some(p) => src.projets.push(p),
                None => continue,
            },
            RecordKind::CasMediation => match data.find::<CasMediation>(id) {
                Some(c) => src.cas.push(c),
                None => continue,
            },
            _ => continue,
        }
        sources.push(SourceRef {
            kind: kind.name().into(),
            id,
        });
    }
    let d = crate::domain::dossier::draft(&src, &config.vocab, data, data.profil());
    let rang = examples_of(data, ccp)
        .iter()
        .map(|&i| data.exemples[i].rang)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    d.into_exemple(RecordMeta::new(Id(0), now), ccp.into(), rang, sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_follow_the_ministry_s_rules() {
        assert_eq!(ccp_warning(0), Some("dp-no-example"));
        assert_eq!(ccp_warning(1), None);
        assert_eq!(ccp_warning(3), None);
        assert_eq!(ccp_warning(4), Some("dp-too-many"));
    }
}
