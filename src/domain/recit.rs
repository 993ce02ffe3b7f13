//! Drafting one example of the Dossier Professionnel from one situation: the five rubriques
//! told in the first person and the past tense, in the order things happened, from what
//! the records hold — and nothing they do not. Where the records cannot say why, or what
//! it taught, the draft leaves a visible question (`[… ?]`) that the export refuses to ship
//! until the author answers or removes it.
//!
//! The dossier is a French ministry document: drafts are French whatever the interface
//! language, and the verbs come from the vocabularies' `recit`. No suivi code, no private
//! or professional note, no name of a person helped ever enters a draft.

use chrono::NaiveDate;

use super::dossier::Draft;
use super::situation::{Gathered, Situation, SituationKind, gather};
use super::*;

/// The questions a draft leaves for its author, each shown between brackets.
pub mod question {
    pub const CONTEXTE: &str = "[Dans quel contexte cette situation s'est-elle présentée ? Pourquoi vous a-t-elle été confiée ?]";
    pub const POURQUOI: &str = "[Pourquoi ce choix ? Qu'avez-vous observé ?]";
    pub const BESOIN: &str = "[Quel besoin avez-vous observé, et qu'est-ce qui le montrait ?]";
    pub const PARTENAIRE: &str = "[Pourquoi ce partenaire comptait-il pour votre activité ?]";
    pub const OUTILS: &str = "[Quels outils, documents ou sites avez-vous utilisés ?]";
    pub const AVEC_QUI: &str = "[Avec quels collègues ou partenaires avez-vous échangé ?]";
    pub const RESULTAT: &str =
        "[Quel a été le résultat ? Qu'est-ce qui a changé pour les personnes ?]";
    pub const APPRIS: &str =
        "[Qu'avez-vous appris de cette situation ? Que feriez-vous autrement ?]";
}

/// More interactions than this and the middle of a timeline is told in one sentence: an
/// example holds in three pages.
const MAX_TOLD: usize = 10;

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Être accompagné" → "être accompagné", to continue a sentence; an acronym (« UDAF »,
/// « CAF de… ») keeps its capitals.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(_), Some(second)) if second.is_uppercase() => s.to_string(),
        (Some(c), _) => c.to_lowercase().chain(s.chars().skip(1)).collect(),
        (None, _) => String::new(),
    }
}

/// A typed text as the end of a sentence: one line, a final full stop when it has none.
fn sentence(s: &str) -> String {
    let s = text::one_line(s);
    let s = s.trim_end();
    match s.chars().last() {
        Some('.' | '!' | '?' | '…' | '»') | None => s.to_string(),
        Some(_) => format!("{s}."),
    }
}

/// « a », « a et b », « a, b et c ».
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

/// Distinct non-empty values, in first-seen order.
fn distinct(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    values
        .into_iter()
        .map(|v| text::one_line(&v))
        .filter(|v| !v.is_empty() && seen.insert(v.clone()))
        .collect()
}

/// A label without its parenthesised detail, to list it among others: « Aide technique
/// (formulaire, courrier…) » → « aide technique ».
fn short_label(label: &str) -> String {
    lower_first(label.split(" (").next().unwrap_or(label).trim())
}

/// Fiches by their title, quoted.
fn titles(fiches: &[&Fiche]) -> Vec<String> {
    fiches
        .iter()
        .map(|f| format!("« {} »", text::one_line(&f.titre)))
        .collect()
}

fn persons(n: u16) -> String {
    match n {
        0 | 1 => "une personne".to_string(),
        n => format!("un groupe de {n} personnes"),
    }
}

/// The five rubriques being written, one paragraph per entry.
#[derive(Default)]
struct Story {
    taches: Vec<String>,
    moyens: Vec<String>,
    avec_qui: Vec<String>,
    infos: Vec<String>,
    dates: Vec<NaiveDate>,
}

struct Writer<'a> {
    data: &'a Dataset,
    vocab: &'a Vocabularies,
    /// What is after today is planned, not done.
    today: NaiveDate,
}

/// « de conception », « d'évaluation ».
fn de(word: &str) -> String {
    let elides = word
        .chars()
        .next()
        .is_some_and(|c| "aeiouyhéèêàâîôûAEIOUYHÉÈÊÀÂÎÔÛ".contains(c));
    if elides {
        format!("d'{word}")
    } else {
        format!("de {word}")
    }
}

impl Writer<'_> {
    /// One interaction as a sentence: when, how, what I did for whom, the demande, the
    /// need analysed, the answer and where it led. `qui` names the person(s) the first
    /// time (« une personne »), `again` the times after (« la personne »).
    /// Returns whether the record says why (a need analysed).
    fn interaction(&self, i: &Interaction, qui: &str, again: &str) -> (String, bool) {
        let v = self.vocab;
        // A group is « le groupe » after it is named, and its autonomy is not one person's.
        let group = i.personnes.count() > 1;
        let again = if group { "le groupe" } else { again };
        let mut when = text::date(i.date);
        let canal = lower_first(&v.canaux.label(&i.canal, Lang::Fr));
        when.push_str(&format!(" ({canal}, {})", text::duration(i.duree_min)));
        let oriented_to = i.orientation.as_ref().map(|o| text::one_line(&o.nom));
        let mut verbs: Vec<String> = Vec::new();
        for (k, t) in i.types.iter().enumerate() {
            let mut verb = v
                .types_interaction
                .recit(t, if k == 0 { qui } else { again });
            if t.as_str() == "orientation"
                && let Some(nom) = &oriented_to
            {
                verb.push_str(&format!(" vers {nom}"));
            }
            verbs.push(verb);
        }
        if verbs.is_empty() {
            verbs.push(format!("j'ai reçu {qui}"));
        }
        let mut out = format!("Le {when}, {}.", verbs.join(", puis "));
        if !i.demande.is_empty() {
            out.push_str(&format!(
                " La demande : « {} ».",
                text::one_line(&i.demande)
            ));
        }
        let why = !i.besoin.is_empty();
        if why {
            out.push_str(&format!(
                " En reformulant, j'ai analysé le besoin : {}",
                lower_first(&sentence(&i.besoin))
            ));
        }
        let reponses: Vec<String> = i
            .reponses
            .iter()
            .filter(|r| r.as_str() != "orientation" || i.orientation.is_none())
            .map(|r| lower_first(&v.reponses.label(r, Lang::Fr)))
            .collect();
        if !reponses.is_empty() {
            out.push_str(&format!(" Réponse apportée : {}.", and_list(&reponses)));
        }
        if let Some(o) = &i.orientation {
            if !i.types.iter().any(|t| t == "orientation") {
                out.push_str(&format!(
                    " J'ai orienté {again} vers {}.",
                    text::one_line(&o.nom)
                ));
            }
            if let Some(issue) = &o.issue {
                out.push_str(&format!(
                    " {}.",
                    upper_first(&v.issues_orientation.recit(issue, again))
                ));
            }
        }
        if let Some(a) = i.autonomie.as_ref().filter(|_| !group) {
            out.push_str(&format!(" À l'issue, {}.", v.autonomie.recit(a, again)));
        }
        (out, why)
    }

    /// A timeline of interactions, each a paragraph; a long one keeps its first and last
    /// steps and says the middle in one sentence. A question follows the first decision
    /// (an orientation, a mediation) whose need the records do not say.
    fn timeline(&self, story: &mut Story, list: &[&Interaction], qui: &str, again: &str) {
        let decides = |i: &Interaction| {
            i.orientation.is_some()
                || i.types.iter().any(|t| {
                    matches!(
                        t.as_str(),
                        "orientation" | "mediation_interpersonnelle" | "mediation_institution"
                    )
                })
        };
        let mut asked = false;
        let told: Vec<usize> = if list.len() > MAX_TOLD {
            (0..MAX_TOLD / 2)
                .chain(list.len() - MAX_TOLD / 2..list.len())
                .collect()
        } else {
            (0..list.len()).collect()
        };
        for (n, &k) in told.iter().enumerate() {
            if n > 0 && k != told[n - 1] + 1 {
                let skipped = &list[told[n - 1] + 1..k];
                let types = distinct(
                    skipped
                        .iter()
                        .flat_map(|i| i.types.iter())
                        .map(|t| short_label(&self.vocab.types_interaction.label(t, Lang::Fr))),
                );
                story.taches.push(format!(
                    "Entre le {} et le {}, j'ai revu {again} {} fois ({}).",
                    text::date(skipped[0].date),
                    text::date(skipped[skipped.len() - 1].date),
                    skipped.len(),
                    types.join(" ; ")
                ));
            }
            let i = list[k];
            let first = if k == 0 { qui } else { again };
            let n = i.personnes.count();
            let who = if n > 1 { persons(n) } else { first.to_string() };
            let (mut paragraph, why) = self.interaction(i, &who, again);
            if !why && !asked && decides(i) {
                paragraph.push(' ');
                paragraph.push_str(question::POURQUOI);
                asked = true;
            }
            story.taches.push(paragraph);
            story.dates.push(i.date);
        }
    }

    /// The means the interactions show: canaux, lieux, time spent — only theirs.
    fn interaction_means(&self, story: &mut Story, list: &[&Interaction]) {
        if list.is_empty() {
            return;
        }
        let canaux = distinct(
            list.iter()
                .map(|i| lower_first(&self.vocab.canaux.label(&i.canal, Lang::Fr))),
        );
        let minutes: u32 = list.iter().map(|i| u32::from(i.duree_min)).sum();
        let count = match list.len() {
            1 => "un entretien".to_string(),
            n => format!("{n} entretiens"),
        };
        story.moyens.push(format!(
            "{} de {} au total, en {}.",
            upper_first(&count),
            text::duration(minutes),
            and_list(&canaux)
        ));
        let lieux = distinct(list.iter().map(|i| i.lieu.to_string()));
        if !lieux.is_empty() {
            story.moyens.push(format!("Lieux : {}.", and_list(&lieux)));
        }
    }

    /// The partners the interactions oriented to, with how it went.
    fn oriented(&self, story: &mut Story, list: &[&Interaction]) {
        let partners = distinct(
            list.iter()
                .filter_map(|i| i.orientation.as_ref())
                .map(|o| o.nom.to_string()),
        );
        if !partners.is_empty() {
            story.avec_qui.push(format!(
                "Les partenaires vers lesquels j'ai orienté : {}.",
                and_list(&partners)
            ));
        }
    }

    /// What the analyses de pratique drew from the situation, or the question.
    fn learned(&self, story: &mut Story, analyses: &[&Analyse], others: Vec<String>) {
        let mut said = others;
        for a in analyses {
            let mut p = format!(
                "Lors d'une analyse de pratique ({}, le {}), j'ai relu cette situation.",
                lower_first(&self.vocab.formats_analyse.label(&a.format, Lang::Fr)),
                text::date(a.date)
            );
            if !a.analyse_posture.is_empty() {
                p.push_str(&format!(" {}", sentence(&a.analyse_posture)));
            }
            if !a.retenu.is_empty() {
                p.push_str(&format!(
                    " J'en retiens : {}",
                    lower_first(&sentence(&a.retenu))
                ));
            }
            if !a.autrement.is_empty() {
                p.push_str(&format!(
                    " Je ferais autrement : {}",
                    lower_first(&sentence(&a.autrement))
                ));
            }
            said.push(p);
        }
        if said.is_empty() {
            said.push(question::APPRIS.to_string());
        }
        story.infos.extend(said);
    }

    fn suivi(&self, story: &mut Story, g: &Gathered) -> Option<String> {
        let list = &g.interactions;
        let first = list.first()?;
        let last = list.last()?;
        // The three thématiques that come back most.
        let mut counts: Vec<(usize, &Text)> = Vec::new();
        for t in list.iter().flat_map(|i| i.thematiques.iter()) {
            match counts.iter_mut().find(|(_, x)| *x == t) {
                Some((n, _)) => *n += 1,
                None => counts.push((1, t)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.0));
        let themes: Vec<String> = counts
            .iter()
            .take(3)
            .map(|(_, t)| lower_first(&self.vocab.thematiques.label(t, Lang::Fr)))
            .collect();
        let mut intro = format!(
            "J'ai accompagné une personne au fil de {} rencontres, du {} au {}",
            list.len(),
            text::date(first.date),
            text::date(last.date)
        );
        if !themes.is_empty() {
            intro.push_str(&format!(", au sujet de : {}", and_list(&themes)));
        }
        intro.push('.');
        story.taches.push(intro);
        self.timeline(story, list, "une personne", "la personne");
        match last.autonomie.as_ref().or(first.autonomie.as_ref()) {
            Some(a) => story.taches.push(format!(
                "Au terme de cet accompagnement, {}.",
                self.vocab.autonomie.recit(a, "la personne")
            )),
            None => story.taches.push(question::RESULTAT.to_string()),
        }
        self.interaction_means(story, list);
        story.moyens.push(question::OUTILS.to_string());
        story
            .avec_qui
            .push("La personne accompagnée, que ce dossier ne nomme pas.".to_string());
        self.oriented(story, list);
        self.learned(story, &g.analyses, Vec::new());
        Some(match themes.first() {
            Some(t) => format!("Accompagner une personne dans la durée : {t}"),
            None => "Accompagner une personne dans la durée".to_string(),
        })
    }

    fn cas(&self, story: &mut Story, g: &Gathered, c: &CasMediation) -> String {
        let v = self.vocab;
        // The saisine, steps, interactions and the consent, in the order they happened
        // (the saisine first of its day).
        const SAISINE: u8 = 0;
        const STEP: u8 = 1;
        const INTERACTION: u8 = 2;
        const CONSENT: u8 = 3;
        let mut events: Vec<(NaiveDate, u8, usize)> = c
            .etapes
            .iter()
            .enumerate()
            .map(|(k, e)| (e.date, STEP, k))
            .chain(
                g.interactions
                    .iter()
                    .enumerate()
                    .map(|(k, i)| (i.date, INTERACTION, k)),
            )
            .chain(c.consentement_le.map(|d| (d, CONSENT, 0)))
            .chain([(c.date, SAISINE, 0)])
            .collect();
        events.sort();
        let why = g.interactions.iter().any(|i| !i.besoin.is_empty());
        let mut asked = why;
        for (date, what, k) in events {
            story.dates.push(date);
            match what {
                SAISINE => story.taches.push(format!(
                    "Le {}, {} : {} Il s'agissait d'une situation de type « {} ».",
                    text::date(date),
                    v.origines_cas.recit(&c.origine, ""),
                    sentence(&c.intitule),
                    lower_first(&v.types_cas.label(&c.type_cas, Lang::Fr))
                )),
                CONSENT => story.taches.push(format!(
                    "Le {}, j'ai recueilli le consentement des parties à la médiation.",
                    text::date(date)
                )),
                STEP => {
                    let e = &c.etapes[k];
                    let mut p = format!(
                        "Le {}, {}.",
                        text::date(date),
                        v.statuts_cas.recit(&e.statut, "")
                    );
                    if !asked
                        && matches!(e.statut.as_str(), "solliciter_autre_partie" | "rencontre")
                    {
                        p.push(' ');
                        p.push_str(question::POURQUOI);
                        asked = true;
                    }
                    story.taches.push(p);
                }
                _ => {
                    let i = g.interactions[k];
                    let (p, _) = self.interaction(i, &persons(i.personnes.count()), "la personne");
                    story.taches.push(p);
                }
            }
        }
        match &c.issue {
            Some(issue) => {
                let mut p = format!(
                    "Au terme de {} jours de médiation, {}.",
                    c.duree_jours(c.since()),
                    v.issues_cas.recit(issue, "")
                );
                if !c.bilan.is_empty() {
                    p.push_str(&format!(" {}", sentence(&c.bilan)));
                }
                story.taches.push(p);
            }
            None => {
                story.taches.push(format!(
                    "La médiation était toujours en cours (étape : {}).",
                    lower_first(&v.statuts_cas.label(&c.statut, Lang::Fr))
                ));
                story.taches.push(question::RESULTAT.to_string());
            }
        }
        self.interaction_means(story, &g.interactions);
        if c.consentement_le.is_some() {
            story.moyens.push(
                "Le consentement des parties, recueilli avant d'engager la médiation.".into(),
            );
        }
        story.moyens.push(question::OUTILS.to_string());
        let other = match &c.structure {
            Some(s) => text::one_line(&s.nom),
            None => "l'autre partie".to_string(),
        };
        story.avec_qui.push(format!(
            "Les parties, que ce dossier ne nomme pas : le demandeur et {other}."
        ));
        self.oriented(story, &g.interactions);
        self.learned(story, &g.analyses, Vec::new());
        format!(
            "Médiation {} : {}",
            lower_first(&v.types_cas.label(&c.type_cas, Lang::Fr)),
            text::one_line(&c.intitule)
        )
    }

    /// A projet's séances, each a paragraph; a déroulé or a success is said once, where it
    /// first appears.
    fn seances(&self, story: &mut Story, g: &Gathered) {
        let mut said: Vec<&str> = Vec::new();
        for (k, s) in g.seances.iter().enumerate() {
            story.dates.push(s.date);
            if k >= MAX_TOLD {
                continue;
            }
            let mut line = format!(
                "Le {} ({}, {}), la séance a réuni {} participants",
                text::date(s.date),
                text::one_line(&s.lieu),
                text::duration(s.duree_min),
                s.participants.nombre
            );
            if s.deroule.is_empty() || said.contains(&s.deroule.as_str()) {
                line.push('.');
            } else {
                line.push_str(&format!(" : {}", lower_first(&sentence(&s.deroule))));
                said.push(&s.deroule);
            }
            if !s.reussites.is_empty() && !said.contains(&s.reussites.as_str()) {
                line.push_str(&format!(
                    " Ce qui a fonctionné : {}",
                    lower_first(&sentence(&s.reussites))
                ));
                said.push(&s.reussites);
            }
            story.taches.push(line);
        }
    }

    fn projet(&self, story: &mut Story, g: &Gathered, p: &Projet) -> String {
        let v = self.vocab;
        story.taches.push(format!(
            "À partir du {}, {} « {} » ({}).",
            text::date(p.debut),
            v.roles_projet.recit(&p.role, ""),
            text::one_line(&p.titre),
            lower_first(&v.types_projet.label(&p.type_projet, Lang::Fr))
        ));
        story.dates.push(p.debut);
        if p.diagnostic.is_empty() {
            story.taches.push(question::BESOIN.to_string());
        } else {
            let mut d = format!(
                "Au départ, j'ai fait un constat : {}",
                lower_first(&sentence(&p.diagnostic))
            );
            let shown = g.veille.len() + p.constats_notes.len() + g.interactions.len();
            if shown > 0 {
                d.push_str(&format!(
                    " Il s'appuyait sur ma veille et sur les situations rencontrées à l'accueil ({shown} observations notées)."
                ));
            }
            story.taches.push(d);
        }
        if !p.objectifs.is_empty() {
            let mut o = format!(
                "Nous nous sommes fixé comme objectifs : {}",
                lower_first(&sentence(&p.objectifs))
            );
            if !p.public_vise.is_empty() {
                o.push_str(&format!(
                    " Le projet s'adressait à : {}",
                    lower_first(&sentence(&p.public_vise))
                ));
            }
            story.taches.push(o);
        }
        let mut seances_told = false;
        for ph in &p.phases {
            let label = lower_first(&v.etats_projet.label(&ph.phase, Lang::Fr));
            let span = match (ph.debut, ph.fin) {
                (Some(a), Some(b)) => format!("du {} au {}", text::date(a), text::date(b)),
                (Some(a), None) => format!("à partir du {}", text::date(a)),
                (None, Some(b)) => format!("jusqu'au {}", text::date(b)),
                (None, None) => continue,
            };
            if ph.debut.is_some_and(|d| d > self.today) {
                story
                    .taches
                    .push(format!("La phase {} est prévue {span}.", de(&label)));
                continue;
            }
            let mut s = format!("{}, j'ai mené la phase {}.", upper_first(&span), de(&label));
            if ph.phase.as_str() == "preparation" {
                let done: Vec<String> = p
                    .taches
                    .iter()
                    .filter(|t| t.faite)
                    .map(|t| lower_first(&text::one_line(&t.action)))
                    .collect();
                if !done.is_empty() {
                    s.push_str(&format!(" Il m'a fallu notamment : {}.", and_list(&done)));
                }
            }
            if ph.phase.as_str() == "mise_en_oeuvre" && !g.seances.is_empty() {
                let total: u32 = g
                    .seances
                    .iter()
                    .map(|x| u32::from(x.participants.nombre))
                    .sum();
                s.push_str(&format!(
                    " J'ai animé {} qui ont réuni {total} participants au total.",
                    match g.seances.len() {
                        1 => "une séance".to_string(),
                        n => format!("{n} séances"),
                    }
                ));
            }
            story.taches.push(s);
            story.dates.extend(ph.debut);
            story.dates.extend(ph.fin.filter(|&d| d <= self.today));
            // The séances are told within the phase they belong to.
            if ph.phase.as_str() == "mise_en_oeuvre" {
                self.seances(story, g);
                seances_told = true;
            }
        }
        if !seances_told {
            self.seances(story, g);
        }
        let indicateurs: Vec<String> = p
            .indicateurs
            .iter()
            .filter_map(|i| {
                i.valeur(&g.seances).map(|x| {
                    format!(
                        "{} : {x} pour un objectif de {}",
                        lower_first(&text::one_line(&i.libelle)),
                        i.cible
                    )
                })
            })
            .collect();
        if indicateurs.is_empty() && p.bilan.is_empty() {
            story.taches.push(question::RESULTAT.to_string());
        } else {
            let mut r = String::from(if p.bilan.is_empty() {
                "À ce jour"
            } else {
                "Au bilan"
            });
            if !indicateurs.is_empty() {
                r.push_str(&format!(
                    ", les indicateurs donnent : {}.",
                    indicateurs.join(" ; ")
                ));
            } else {
                r.push(',');
            }
            if !p.bilan.is_empty() {
                r.push_str(&format!(" {}", sentence(&p.bilan)));
            }
            story.taches.push(r);
        }
        if !p.moyens.is_empty() {
            story.moyens.push(sentence(&p.moyens));
        }
        if !p.budget.is_empty() {
            let lines: Vec<String> = p
                .budget
                .iter()
                .map(|b| {
                    let mut line = format!(
                        "{} pour {}",
                        projet::lines::euros(b.montant_centimes),
                        lower_first(&text::one_line(&b.libelle))
                    );
                    if !b.financeur.is_empty() {
                        line.push_str(&format!(" (financé par {})", text::one_line(&b.financeur)));
                    }
                    line
                })
                .collect();
            story.moyens.push(format!(
                "Un budget de {} : {}.",
                projet::lines::euros(p.budget_total()),
                and_list(&lines)
            ));
        }
        let fiches = titles(&g.fiches);
        if !fiches.is_empty() {
            story.moyens.push(format!(
                "Les fiches de la documentation de l'équipe : {}.",
                and_list(&fiches)
            ));
        }
        if p.moyens.is_empty() && fiches.is_empty() {
            story.moyens.push(question::OUTILS.to_string());
        }
        let partners: Vec<String> = p
            .partenaires
            .iter()
            .map(|x| match x.role.is_empty() {
                true => text::one_line(&x.structure.nom),
                false => format!(
                    "{} ({})",
                    text::one_line(&x.structure.nom),
                    lower_first(&text::one_line(&x.role))
                ),
            })
            .collect();
        if !partners.is_empty() {
            story.avec_qui.push(format!(
                "J'ai travaillé avec les partenaires du projet : {}.",
                and_list(&partners)
            ));
        }
        let animateurs = distinct(g.seances.iter().map(|s| s.animateurs.to_string()));
        if !animateurs.is_empty() {
            story.avec_qui.push(format!(
                "Les séances ont été animées par : {}.",
                and_list(
                    &animateurs
                        .iter()
                        .map(|a| lower_first(a))
                        .collect::<Vec<_>>()
                )
            ));
        }
        if story.avec_qui.is_empty() {
            story.avec_qui.push(question::AVEC_QUI.to_string());
        }
        let changes = distinct(g.seances.iter().map(|s| s.a_changer.to_string()));
        let learned: Vec<String> = changes
            .iter()
            .map(|c| {
                format!(
                    "Ce que j'ai changé d'une séance à l'autre : {}",
                    lower_first(&sentence(c))
                )
            })
            .collect();
        let mut learned = learned;
        learned.push(question::APPRIS.to_string());
        story.infos.extend(learned);
        text::one_line(&p.titre)
    }

    /// The orientations to a partner, said in one sentence with how many came through.
    fn orientations_to(&self, story: &mut Story, g: &Gathered, nom: &str) {
        if let (Some(a), Some(b)) = (g.interactions.first(), g.interactions.last()) {
            let done = g
                .interactions
                .iter()
                .filter(|i| {
                    i.orientation.as_ref().and_then(|o| o.issue.as_deref()) == Some("aboutie")
                })
                .count();
            let count = match g.interactions.len() {
                1 => "une personne".to_string(),
                n => format!("{n} personnes ou groupes"),
            };
            let mut p = if a.date == b.date {
                format!("Le {}, j'ai orienté {count} vers {nom}", text::date(a.date))
            } else {
                format!(
                    "Entre le {} et le {}, j'ai orienté {count} vers {nom}",
                    text::date(a.date),
                    text::date(b.date)
                )
            };
            match done {
                0 => {}
                1 => p.push_str(" ; l'une de ces orientations a abouti"),
                n => p.push_str(&format!(" ; {n} de ces orientations ont abouti")),
            }
            p.push('.');
            story.taches.push(p);
            story.dates.push(a.date);
            story.dates.push(b.date);
        }
    }

    fn partenaire(&self, story: &mut Story, g: &Gathered, st: &Structure) -> String {
        let v = self.vocab;
        let nom = text::one_line(&st.nom);
        let types: Vec<String> = st
            .typologies
            .iter()
            .filter(|t| !t.is_empty())
            .map(|t| lower_first(&v.typologies_structure.label(t, Lang::Fr)))
            .collect();
        let mut intro = nom.clone();
        if !types.is_empty() {
            intro.push_str(&format!(" ({})", types.join(", ")));
        }
        if !st.commune.is_empty() {
            intro.push_str(&format!(", à {},", text::one_line(&st.commune)));
        }
        intro.push_str(
            " est un acteur du territoire avec lequel j'ai construit une relation de travail.",
        );
        intro.push(' ');
        intro.push_str(question::PARTENAIRE);
        story.taches.push(intro);
        // Meetings, veille and the orientations (told as one, from the first), in the
        // order they happened.
        let mut events: Vec<(NaiveDate, u8, usize)> = g
            .rencontres
            .iter()
            .enumerate()
            .map(|(k, r)| (r.date, 0, k))
            .chain(g.veille.iter().enumerate().map(|(k, x)| (x.date, 1, k)))
            .chain(g.interactions.first().map(|i| (i.date, 2, 0)))
            .collect();
        events.sort();
        for (date, what, k) in events {
            story.dates.push(date);
            if what == 2 {
                self.orientations_to(story, g, &nom);
            } else if what == 0 {
                let r = g.rencontres[k];
                let mut p = format!(
                    "Le {}, {}",
                    text::date(date),
                    v.types_rencontre.recit(&r.type_rencontre, "")
                );
                let contacts: Vec<String> =
                    r.contacts.iter().map(|c| text::one_line(&c.nom)).collect();
                if !contacts.is_empty() {
                    p.push_str(&format!(" avec {}", and_list(&contacts)));
                }
                p.push_str(&format!(" : {}", lower_first(&sentence(&r.objet))));
                if !r.compte_rendu.is_empty() {
                    p.push_str(&format!(" {}", sentence(&r.compte_rendu)));
                }
                let suites: Vec<String> = r
                    .suites
                    .iter()
                    .map(|s| lower_first(&text::one_line(&s.action)))
                    .collect();
                if !suites.is_empty() {
                    p.push_str(&format!(" Nous avons convenu de : {}.", and_list(&suites)));
                }
                story.taches.push(p);
            } else {
                let x = g.veille[k];
                // The same watch noted again tells nothing new.
                if g.veille[..k].iter().any(|y| y.resume == x.resume) {
                    continue;
                }
                story.taches.push(format!(
                    "Le {}, ma veille ({}) m'a appris : {}",
                    text::date(date),
                    text::one_line(&x.source),
                    lower_first(&sentence(&x.resume))
                ));
            }
        }
        let fiches = titles(&g.fiches);
        if !fiches.is_empty() {
            story.taches.push(format!(
                "Pour l'équipe, j'ai rédigé ou mis à jour les fiches {}.",
                and_list(&fiches)
            ));
        }
        match st.niveau_relation.is_empty() {
            false => story.taches.push(format!(
                "Aujourd'hui, la relation est de niveau « {} ». {}",
                lower_first(&v.niveaux_relation.label(&st.niveau_relation, Lang::Fr)),
                question::RESULTAT
            )),
            true => story.taches.push(question::RESULTAT.to_string()),
        }
        let kinds = distinct(
            g.rencontres
                .iter()
                .map(|r| lower_first(&v.types_rencontre.label(&r.type_rencontre, Lang::Fr))),
        );
        if !kinds.is_empty() {
            story.moyens.push(format!(
                "{} : {}.",
                match g.rencontres.len() {
                    1 => "Une rencontre".to_string(),
                    n => format!("{n} rencontres"),
                },
                kinds.join(" ; ")
            ));
        }
        let sources = distinct(
            g.veille
                .iter()
                .map(|x| lower_first(&v.sources_veille.label(&x.source_type, Lang::Fr))),
        );
        if !sources.is_empty() {
            story.moyens.push(format!(
                "Les sources de ma veille : {}.",
                and_list(&sources)
            ));
        }
        if !fiches.is_empty() {
            story
                .moyens
                .push("La documentation de l'équipe, que j'ai tenue à jour.".to_string());
        }
        story.moyens.push(question::OUTILS.to_string());
        // The partner's own people; those of other structures met there come after.
        let contacts = distinct(
            g.rencontres
                .iter()
                .flat_map(|r| &r.contacts)
                .filter_map(|l| self.data.find::<Contact>(l.id?))
                .filter(|c| c.structure == st.meta.id)
                .map(|c| match c.fonction.is_empty() {
                    true => text::one_line(&c.nom),
                    false => format!(
                        "{} ({})",
                        text::one_line(&c.nom),
                        lower_first(&text::one_line(&c.fonction))
                    ),
                }),
        );
        if !contacts.is_empty() {
            story.avec_qui.push(format!(
                "Mes interlocuteurs chez {nom} : {}.",
                and_list(&contacts)
            ));
        }
        let others = distinct(
            g.rencontres
                .iter()
                .flat_map(|r| &r.structures)
                .filter(|l| l.id != Some(st.meta.id))
                .map(|l| l.nom.to_string()),
        );
        if !others.is_empty() {
            story.avec_qui.push(format!(
                "D'autres acteurs présents : {}.",
                and_list(&others)
            ));
        }
        if story.avec_qui.is_empty() {
            story.avec_qui.push(question::AVEC_QUI.to_string());
        }
        self.learned(story, &g.analyses, Vec::new());
        format!("Construire un partenariat avec {nom}")
    }

    fn evenement(&self, story: &mut Story, g: &Gathered, e: &EvenementSecurite) -> String {
        let v = self.vocab;
        let kind = lower_first(
            &v.types_evenement_securite
                .label(&e.type_evenement, Lang::Fr),
        );
        let mut p = format!(
            "Le {} ({}), j'ai fait face à une situation {}.",
            text::date(e.date),
            lower_first(&text::one_line(&e.lieu)),
            de(&kind)
        );
        if !e.deroule.is_empty() {
            p.push_str(&format!(" {}", sentence(&e.deroule)));
        }
        story.taches.push(p);
        story.dates.push(e.date);
        let actions: Vec<String> = e
            .actions
            .iter()
            .map(|a| v.actions_securite.recit(a, ""))
            .collect();
        if !actions.is_empty() {
            let mut a = format!("{}.", upper_first(&actions.join(", puis ")));
            if e.retour_experience.is_empty() {
                a.push(' ');
                a.push_str(question::POURQUOI);
            }
            story.taches.push(a);
        }
        if !e.cadre_legal.is_empty() {
            let cadres: Vec<String> = e
                .cadre_legal
                .iter()
                .map(|c| v.cadres_legaux.label(c, Lang::Fr).into_owned())
                .collect();
            story.taches.push(format!(
                "J'ai agi dans le cadre de : {}.",
                and_list(&cadres)
            ));
        }
        for i in &g.interactions {
            let (p, _) = self.interaction(i, &persons(i.personnes.count()), "la personne");
            story.taches.push(p);
            story.dates.push(i.date);
        }
        story.taches.push(question::RESULTAT.to_string());
        story.moyens.push(question::OUTILS.to_string());
        story.avec_qui.push(question::AVEC_QUI.to_string());
        let retour = (!e.retour_experience.is_empty())
            .then(|| {
                format!(
                    "Retour d'expérience : {}",
                    lower_first(&sentence(&e.retour_experience))
                )
            })
            .into_iter()
            .collect();
        self.learned(story, &g.analyses, retour);
        format!("Se protéger et protéger l'autre : {kind}")
    }

    fn bilan(&self, story: &mut Story, b: &Bilan) -> String {
        let t = bilan::totals(self.data, self.vocab, b.periode(), b.au);
        let mut p = format!(
            "Du {} au {}, j'ai rendu compte de mon activité",
            text::date(b.du),
            text::date(b.au)
        );
        if !b.destinataire.is_empty() {
            p.push_str(&format!(
                " (destinataire : {})",
                text::one_line(&b.destinataire)
            ));
        }
        if let Some(d) = b.remis_le {
            p.push_str(&format!(", en remettant mon bilan le {}", text::date(d)));
            story.dates.push(d);
        }
        p.push('.');
        story.taches.push(p);
        story.dates.push(b.du);
        story.dates.push(b.au);
        story.taches.push(format!(
            "J'ai compté, à partir de mon journal, {} interactions auprès de {} personnes, dont {} premiers contacts.",
            t.interactions, t.personnes, t.premiers_contacts
        ));
        if !b.faits_marquants.is_empty() {
            story.taches.push(format!(
                "J'ai mis en avant les faits marquants de la période : {}",
                lower_first(&sentence(&b.faits_marquants))
            ));
        }
        story.taches.push(question::RESULTAT.to_string());
        story.moyens.push(
            "Le journal de mes interactions, compté par type, thématique, canal et public ; les tableaux et graphiques du bilan."
                .to_string(),
        );
        match b.destinataire.is_empty() {
            true => story.avec_qui.push(question::AVEC_QUI.to_string()),
            false => story.avec_qui.push(format!(
                "Le bilan était destiné à : {}.",
                text::one_line(&b.destinataire)
            )),
        }
        self.learned(story, &[], Vec::new());
        if b.titre.is_empty() {
            format!("Bilan du {} au {}", text::date(b.du), text::date(b.au))
        } else {
            text::one_line(&b.titre)
        }
    }
}

/// The example a situation tells, or `None` when its record is gone (or a suivi has no
/// interaction left).
pub fn draft(
    s: Situation,
    data: &Dataset,
    vocab: &Vocabularies,
    profil: Option<&Profil>,
    today: NaiveDate,
) -> Option<Draft> {
    let g = gather(data, s)?;
    let w = Writer { data, vocab, today };
    let mut story = Story::default();
    let titre = match s.kind {
        SituationKind::Suivi => w.suivi(&mut story, &g)?,
        SituationKind::Cas => w.cas(&mut story, &g, data.find::<CasMediation>(s.id)?),
        SituationKind::Projet => w.projet(&mut story, &g, data.find::<Projet>(s.id)?),
        SituationKind::Partenaire => w.partenaire(&mut story, &g, data.structure(s.id)?),
        SituationKind::Evenement => {
            w.evenement(&mut story, &g, data.find::<EvenementSecurite>(s.id)?)
        }
        SituationKind::Bilan => w.bilan(&mut story, data.find::<Bilan>(s.id)?),
    };
    let join = |v: Vec<String>| v.join("\n");
    let entreprise = profil
        .and_then(|p| p.employeur)
        .and_then(|id| data.structure(id))
        .map(|s| text::one_line(&s.nom))
        .unwrap_or_default();
    Some(Draft {
        titre,
        du: story.dates.iter().min().copied(),
        au: story.dates.iter().max().copied(),
        taches: join(story.taches),
        moyens: join(story.moyens),
        avec_qui: join(story.avec_qui),
        entreprise,
        service: profil
            .map(|p| text::one_line(&p.service))
            .unwrap_or_default(),
        infos: join(story.infos),
    })
}
