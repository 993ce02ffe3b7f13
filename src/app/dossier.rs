//! The Dossier Professionnel builder: examples per CCP (1 to 3), drafted from records and
//! edited in a form, with the warnings the ministry's rules call for.

use super::form::{Field, Form, Purpose};
use super::picker::PickItem;
use crate::config::Config;
use crate::domain::situation::{self, Situation, SituationKind};
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

/// The examples as the dossier lists them: by CCP, then rank.
fn in_dossier_order<'d>(data: &'d Dataset, config: &Config) -> impl Iterator<Item = &'d Exemple> {
    rows(data, config).into_iter().filter_map(|row| match row {
        Row::Exemple(i) => data.exemples.get(i),
        Row::Ccp(_) => None,
    })
}

/// The export gate: every warning not yet accepted, per example, in dossier order.
pub fn unaccepted_warnings<'d>(
    data: &'d Dataset,
    config: &Config,
) -> Vec<(&'d Exemple, GuardWarning)> {
    in_dossier_order(data, config)
        .flat_map(|x| {
            sharing_warnings(data, config, x)
                .into_iter()
                .filter(|(_, accepted)| !accepted)
                .map(move |(w, _)| (x, w))
        })
        .collect()
}

/// The questions a draft left (`[… ?]`) still in an example: (field, question). No
/// acceptance lets one through: it is answered or removed.
pub fn open_questions(x: &Exemple) -> Vec<(&'static str, String)> {
    [
        ("titre_exemple", &x.titre),
        ("taches", &x.taches),
        ("moyens", &x.moyens),
        ("avec_qui", &x.avec_qui),
        ("infos", &x.infos),
    ]
    .into_iter()
    .flat_map(|(field, text)| {
        crate::domain::dossier::questions(text)
            .into_iter()
            .map(move |q| (field, q.to_string()))
    })
    .collect()
}

/// The export gate's second half: every question left unanswered, per example, in
/// dossier order.
pub fn unanswered_questions<'d>(
    data: &'d Dataset,
    config: &Config,
) -> Vec<(&'d Exemple, &'static str, String)> {
    in_dossier_order(data, config)
        .flat_map(|x| {
            open_questions(x)
                .into_iter()
                .map(move |(field, q)| (x, field, q))
        })
        .collect()
}

/// The page estimate in tenths of a page, rounded up: 3 000 characters make 1.0, 3 001
/// make 1.1 — the same rounding as `pages`, which says a 9 001-character example is over.
pub fn page_tenths(chars: usize) -> usize {
    chars.div_ceil(CHARS_PER_PAGE / 10)
}

/// What the writing view shows beside an example being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WritingAid {
    /// The rubrique of the focused field, as the Fluent id of its one-line expectation.
    pub expectation: &'static str,
    pub chars: usize,
    /// Questions of the draft still in the text.
    pub questions: usize,
    /// Whether the result question is still open.
    pub result_open: bool,
    /// Passages the guard flags that the author has not accepted.
    pub warnings: usize,
    pub first_person: bool,
    /// Whether the dates the tâches name come in order (`None` with fewer than two).
    pub chronological: Option<bool>,
}

/// The writing view's figures for `x`, the field `focused` having the cursor.
pub fn writing_aid(data: &Dataset, config: &Config, x: &Exemple, focused: &str) -> WritingAid {
    let expectation = match focused {
        "titre_exemple" => "writing-expect-titre",
        "taches" => "writing-expect-taches",
        "moyens" => "writing-expect-moyens",
        "avec_qui" => "writing-expect-avec-qui",
        "infos" => "writing-expect-infos",
        _ => "writing-expect-contexte",
    };
    let questions = open_questions(x);
    let folded = text::fold(&x.taches);
    let first_person = folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| matches!(w, "je" | "j'" | "nous" | "moi") || w.starts_with("j'"));
    WritingAid {
        expectation,
        chars: chars(x),
        result_open: questions
            .iter()
            .any(|(_, q)| q == crate::domain::recit::question::RESULTAT),
        questions: questions.len(),
        warnings: sharing_warnings(data, config, x)
            .iter()
            .filter(|(_, accepted)| !accepted)
            .count(),
        first_person,
        chronological: chronological(&x.taches),
    }
}

/// Whether the paragraphs of `text` come in time order: the first date (dd/mm/yyyy) of
/// each never goes back.
fn chronological(text: &str) -> Option<bool> {
    let dates: Vec<chrono::NaiveDate> = text
        .lines()
        .filter_map(|line| {
            line.split(|c: char| !(c.is_ascii_digit() || c == '/'))
                .filter(|w| w.len() == 10)
                .find_map(|w| chrono::NaiveDate::parse_from_str(w, "%d/%m/%Y").ok())
        })
        .collect();
    (dates.len() >= 2).then(|| dates.windows(2).all(|w| w[0] <= w[1]))
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

/// The situations that show something of the CCP, the strongest first: the suggested
/// ones marked ★, each with the competences of the CCP it covers and how many records it
/// gathers. `kind_label` names a situation's kind in the interface language.
pub fn situation_items(
    ctx: &super::kinds::Ctx,
    kind_label: &dyn Fn(SituationKind) -> String,
    ccp: &str,
) -> Vec<PickItem> {
    let data = ctx.data;
    // What the CCP's examples already tell, for variety.
    let already: Vec<Text> = examples_of(data, ccp)
        .iter()
        .flat_map(|&i| &data.exemples[i].sources)
        .filter_map(situation_of)
        .filter_map(|s| {
            let g = situation::gather(data, s)?;
            Some(situation::covered(data, s, &g, ccp))
        })
        .flatten()
        .collect();
    let ranked = situation::rank(data, ccp, &already);
    let short = |c: &Text| c.rsplit('.').next().unwrap_or(c).to_string();
    let covers: Vec<String> = ranked
        .iter()
        .map(|r| r.covers.iter().map(short).collect::<Vec<_>>().join(" "))
        .collect();
    // The competences first, in a column: they are what the choice is about.
    let width = covers.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    ranked
        .into_iter()
        .zip(covers)
        .filter_map(|(r, covers)| {
            let s = r.situation;
            let (_, title) = super::kinds::summary(ctx, s.kind.record_kind(), s.id)?;
            Some(PickItem::plain(
                s.key(),
                format!(
                    "{}{covers:<width$}  {} · {} ({})",
                    if r.suggested { "★ " } else { "  " },
                    kind_label(s.kind),
                    text::one_line(&title),
                    r.records
                ),
            ))
        })
        .collect()
}

/// The competences of its CCP (ids within the référentiel) that the situation an example
/// tells shows, as they stand today.
pub fn shown_by_example(data: &Dataset, x: &Exemple) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for s in x.sources.iter().filter_map(situation_of) {
        if let Some(g) = situation::gather(data, s) {
            for c in situation::covered(data, s, &g, &x.ccp) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The situation an example was drafted from, when its source names one.
fn situation_of(src: &SourceRef) -> Option<Situation> {
    let kind = RecordKind::from_name(&src.kind)?;
    let kind = SituationKind::ALL
        .into_iter()
        .find(|k| k.record_kind() == kind)?;
    Some(Situation { kind, id: src.id })
}

/// A new example of the CCP told from the chosen situation (`kind:id`), ranked last;
/// `None` when the situation is gone.
pub fn drafted(
    data: &Dataset,
    config: &Config,
    ccp: &str,
    key: &str,
    now: Timestamp,
    today: chrono::NaiveDate,
) -> Option<Exemple> {
    let s = Situation::parse(key)?;
    let d = crate::domain::recit::draft(s, data, &config.vocab, data.profil(), today)?;
    let rang = examples_of(data, ccp)
        .iter()
        .map(|&i| data.exemples[i].rang)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let sources = vec![SourceRef {
        kind: s.kind.record_kind().name().into(),
        id: s.id,
    }];
    Some(d.into_exemple(RecordMeta::new(Id(0), now), ccp.into(), rang, sources))
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
