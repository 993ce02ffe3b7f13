//! Drafting an example of the Dossier Professionnel from the records a user
//! selects: the five rubriques prefilled, in the first person and in French (the dossier is
//! a French ministry document whatever the interface language), then edited freely.
//!
//! What identifies a person helped never enters a draft: no suivi code, no private or
//! professional note, only the demande, the besoin and the réponses, which the free-text
//! guard already watches.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::*;

/// The ministry's model of the dossier: its official labels, word for word
/// (`config/dossier.toml`). The « Présentation du dossier » text is supplied separately.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub titre: String,
    pub nom_naissance: String,
    pub nom_usage: String,
    pub prenom: String,
    pub adresse: String,
    pub titre_vise: String,
    pub modalite: String,
    pub parcours_formation: String,
    pub vae: String,
    pub presentation: String,
    pub sommaire: String,
    pub exemples: String,
    pub activite_type: String,
    pub exemple: String,
    /// The five rubriques of an example, in order; the fourth is « Contexte ».
    pub rubriques: [String; 5],
    pub entreprise: String,
    pub service: String,
    pub periode: String,
    pub du: String,
    pub au: String,
    pub titres: String,
    pub titres_sommaire: String,
    pub titres_colonnes: [String; 3],
    pub declaration: String,
    /// With `{nom}`; `{lieu}` and `{date}` in `declaration_fait`.
    pub declaration_texte: String,
    pub declaration_fait: String,
    pub signature: String,
    pub documents: String,
    pub documents_sommaire: String,
    pub documents_colonnes: [String; 1],
    pub annexes: String,
    pub annexes_sommaire: String,
}

/// The prefilled rubriques of one example.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub titre: String,
    /// « Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles conditions »
    pub taches: String,
    /// « Précisez les moyens utilisés »
    pub moyens: String,
    /// « Avec qui avez-vous travaillé ? »
    pub avec_qui: String,
    /// « Nom de l'entreprise, organisme ou association »
    pub entreprise: String,
    /// « Chantier, atelier, service »
    pub service: String,
    /// « Période d'exercice » of the selected records.
    pub du: Option<NaiveDate>,
    pub au: Option<NaiveDate>,
    /// « Informations complémentaires »: a projet's indicators and bilan, a case's issue.
    pub infos: String,
}

impl Draft {
    /// The example of a CCP (qualified id) this draft starts, ranked `rang`.
    pub fn into_exemple(
        self,
        meta: RecordMeta,
        ccp: Text,
        rang: u8,
        sources: Vec<SourceRef>,
    ) -> Exemple {
        Exemple {
            meta,
            ccp,
            rang,
            titre: self.titre.into(),
            taches: self.taches.into(),
            moyens: self.moyens.into(),
            avec_qui: self.avec_qui.into(),
            entreprise: self.entreprise.into(),
            service: self.service.into(),
            du: self.du,
            au: self.au,
            infos: self.infos.into(),
            sources,
            accepted: Vec::new(),
        }
    }
}

/// The records an example is drafted from.
#[derive(Debug, Clone, Default)]
pub struct Sources<'a> {
    pub interactions: Vec<&'a Interaction>,
    pub rencontres: Vec<&'a Rencontre>,
    /// Bilans handed in (CCP2.C8, CCP3.C5): their figures are counted as the draft is made.
    pub bilans: Vec<&'a super::Bilan>,
    /// Projets d'activités (CCP3): design, phases, séances, partners and bilan.
    pub projets: Vec<&'a super::Projet>,
    /// Cas de médiation (CCP2): steps and issue, the parties never named.
    pub cas: Vec<&'a super::CasMediation>,
}

/// "Être accompagné" → "être accompagné", to continue a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Distinct non-empty values, in first-seen order.
fn distinct(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    values
        .into_iter()
        .map(|v| text::one_line(&v))
        .filter(|v| !v.is_empty() && seen.insert(v.clone()))
        .collect()
}

pub fn draft(
    src: &Sources,
    vocab: &Vocabularies,
    data: &Dataset,
    profil: Option<&Profil>,
) -> Draft {
    let l = Lang::Fr;
    let mut interactions = src.interactions.clone();
    interactions.sort_by_key(|i| (i.date, i.heure));
    let mut rencontres = src.rencontres.clone();
    rencontres.sort_by_key(|r| r.date);
    let mut bilans = src.bilans.clone();
    bilans.sort_by_key(|b| b.du);
    let handed = |b: &super::Bilan| b.remis_le.unwrap_or(b.au);
    let dates: Vec<NaiveDate> = interactions
        .iter()
        .map(|i| i.date)
        .chain(rencontres.iter().map(|r| r.date))
        .chain(bilans.iter().map(|b| handed(b)))
        .collect();
    let projets = projet_parts(&src.projets, vocab, data);
    let cas = cas_parts(&src.cas, vocab);
    let dates: Vec<NaiveDate> = dates
        .into_iter()
        .chain(projets.dates.iter().copied())
        .chain(cas.dates.iter().copied())
        .collect();
    let (du, au) = (dates.iter().min().copied(), dates.iter().max().copied());

    // The most frequent type names the example; a meeting's subject when there is no
    // interaction.
    let mut type_counts: Vec<(usize, &Text)> = Vec::new();
    for t in interactions.iter().flat_map(|i| &i.types) {
        match type_counts.iter_mut().find(|(_, id)| *id == t) {
            Some((n, _)) => *n += 1,
            None => type_counts.push((1, t)),
        }
    }
    type_counts.sort_by_key(|t| std::cmp::Reverse(t.0));
    let titre = match (src.projets.first(), src.cas.first()) {
        (Some(p), _) => text::one_line(&p.titre),
        (None, Some(c)) => format!(
            "Médiation {} — {}",
            lower_first(&vocab.types_cas.label(&c.type_cas, l)),
            text::one_line(&c.intitule)
        ),
        (None, None) => match type_counts.first() {
            Some((_, t)) => {
                let themes = distinct(
                    interactions
                        .iter()
                        .flat_map(|i| &i.thematiques)
                        .map(|t| vocab.thematiques.label(t, l).into_owned()),
                );
                match themes.first() {
                    Some(theme) => format!("{} — {theme}", vocab.types_interaction.label(t, l)),
                    None => vocab.types_interaction.label(t, l).into_owned(),
                }
            }
            None => rencontres
                .first()
                .map(|r| text::one_line(&r.objet))
                .or_else(|| {
                    bilans.first().map(|b| {
                        if b.titre.is_empty() {
                            format!("Bilan du {} au {}", text::date(b.du), text::date(b.au))
                        } else {
                            text::one_line(&b.titre)
                        }
                    })
                })
                .unwrap_or_default(),
        },
    };

    let mut taches = projets.taches + &cas.taches;
    if !interactions.is_empty() {
        let persons: u32 = interactions
            .iter()
            .map(|i| u32::from(i.personnes.count()))
            .sum();
        let persons = match persons {
            1 => "une personne".to_string(),
            n => format!("{n} personnes"),
        };
        let meetings = match interactions.len() {
            1 => "d'un entretien".to_string(),
            n => format!("de {n} entretiens"),
        };
        taches.push_str(&format!("J'ai reçu {persons} au cours {meetings}"));
        if let (Some(a), Some(b)) = (du, au) {
            taches.push_str(&if a == b {
                format!(", le {}", text::date(a))
            } else {
                format!(", du {} au {}", text::date(a), text::date(b))
            });
        }
        taches.push_str(".\n");
        for i in &interactions {
            let mut line = format!(
                "- {} : « {} »",
                vocab.types_interaction.labels(&i.types, l),
                text::one_line(&i.demande)
            );
            if !i.besoin.is_empty() {
                line.push_str(&format!(
                    " ; besoin analysé : {}",
                    lower_first(&text::one_line(&i.besoin))
                ));
            }
            // An orientation is said with its partner's name below, not twice.
            let reponses: Vec<&Text> = i
                .reponses
                .iter()
                .filter(|r| i.orientation.is_none() || r.as_str() != "orientation")
                .collect();
            if !reponses.is_empty() {
                line.push_str(&format!(
                    " ; réponse : {}",
                    vocab.reponses.labels(&reponses, l).to_lowercase()
                ));
            }
            if let Some(o) = &i.orientation {
                line.push_str(&format!(" ; orientation vers {}", text::one_line(&o.nom)));
            }
            taches.push_str(&line);
            taches.push_str(".\n");
        }
    }
    for r in &rencontres {
        taches.push_str(&format!(
            "- {} ({}) : {}.\n",
            vocab.types_rencontre.label(&r.type_rencontre, l),
            text::date(r.date),
            text::one_line(&r.objet)
        ));
    }

    for b in &bilans {
        let t = super::bilan::totals(data, vocab, b.periode(), b.au);
        let mut line = format!(
            "- Bilan du {} au {} : {} interactions, {} personnes reçues, dont {} premiers contacts",
            text::date(b.du),
            text::date(b.au),
            t.interactions,
            t.personnes,
            t.premiers_contacts
        );
        if !b.destinataire.is_empty() {
            line.push_str(&format!(" ; remis à {}", text::one_line(&b.destinataire)));
        }
        if let Some(d) = b.remis_le {
            line.push_str(&format!(" le {}", text::date(d)));
        }
        taches.push_str(&line);
        taches.push_str(".\n");
        if !b.faits_marquants.is_empty() {
            taches.push_str(&format!(
                "  Faits marquants : {}\n",
                text::one_line(&b.faits_marquants)
            ));
        }
    }

    let canaux = distinct(
        interactions
            .iter()
            .map(|i| vocab.canaux.label(&i.canal, l).into_owned()),
    );
    let lieux = distinct(interactions.iter().map(|i| i.lieu.to_string()));
    let mut moyens = projets.moyens;
    if !canaux.is_empty() {
        moyens.push_str(&format!("Canaux : {}.\n", canaux.join(", ").to_lowercase()));
    }
    if !lieux.is_empty() {
        moyens.push_str(&format!("Lieux : {}.\n", lieux.join(", ")));
    }
    if !bilans.is_empty() {
        moyens.push_str(
            "Outils : le journal de mes interactions, compté par type, thématique, canal et \
             public ; tableaux et graphiques du bilan.\n",
        );
    }

    let structures = distinct(
        interactions
            .iter()
            .filter_map(|i| i.orientation.as_ref().map(|o| o.nom.to_string()))
            .chain(
                rencontres
                    .iter()
                    .flat_map(|r| r.structures.iter().map(|s| s.nom.to_string())),
            ),
    );
    let contacts = distinct(
        rencontres
            .iter()
            .flat_map(|r| r.contacts.iter().map(|c| c.nom.to_string())),
    );
    let mut avec_qui = projets.avec_qui + &cas.avec_qui;
    let destinataires = distinct(
        bilans
            .iter()
            .filter(|b| !b.destinataire.is_empty())
            .map(|b| text::one_line(&b.destinataire)),
    );
    if !destinataires.is_empty() {
        avec_qui.push_str(&format!("Destinataires : {}.\n", destinataires.join(", ")));
    }
    if !structures.is_empty() {
        avec_qui.push_str(&format!("Partenaires : {}.\n", structures.join(", ")));
    }
    if !contacts.is_empty() {
        avec_qui.push_str(&format!("Interlocuteurs : {}.\n", contacts.join(", ")));
    }

    let entreprise = profil
        .and_then(|p| p.employeur)
        .and_then(|id| data.structure(id))
        .map(|s| s.nom.to_string())
        .unwrap_or_default();
    Draft {
        titre,
        taches: taches.trim_end().to_string(),
        moyens: moyens.trim_end().to_string(),
        avec_qui: avec_qui.trim_end().to_string(),
        entreprise,
        service: profil.map(|p| p.service.to_string()).unwrap_or_default(),
        du,
        au,
        infos: (projets.infos + &cas.infos).trim_end().to_string(),
    }
}

/// What projets and cases add to each rubrique of a draft.
#[derive(Default)]
struct Parts {
    taches: String,
    moyens: String,
    avec_qui: String,
    infos: String,
    dates: Vec<NaiveDate>,
}

/// A projet told in the first person: my rôle, the need and the objectives, the phases,
/// the séances; its means and budget; its partners; its indicators and bilan.
fn projet_parts(projets: &[&super::Projet], vocab: &Vocabularies, data: &Dataset) -> Parts {
    let l = Lang::Fr;
    let mut out = Parts::default();
    for p in projets {
        let seances = p.seances(&data.seances);
        let role = match p.role.as_str() {
            "porteur" => "J'ai porté",
            "co_porteur" => "J'ai co-porté",
            _ => "J'ai participé à",
        };
        out.taches.push_str(&format!(
            "{role} le projet « {} » ({}), à partir du {}.\n",
            text::one_line(&p.titre),
            lower_first(&vocab.types_projet.label(&p.type_projet, l)),
            text::date(p.debut)
        ));
        out.dates.push(p.debut);
        if !p.diagnostic.is_empty() {
            out.taches.push_str(&format!(
                "- Diagnostic : {}\n",
                text::one_line(&p.diagnostic)
            ));
        }
        if !p.objectifs.is_empty() {
            out.taches
                .push_str(&format!("- Objectifs : {}\n", text::one_line(&p.objectifs)));
        }
        if !p.public_vise.is_empty() {
            out.taches.push_str(&format!(
                "- Public visé : {}.\n",
                lower_first(&text::one_line(&p.public_vise))
            ));
        }
        for ph in &p.phases {
            let label = vocab.etats_projet.label(&ph.phase, l);
            let span = match (ph.debut, ph.fin) {
                (Some(a), Some(b)) => format!("du {} au {}", text::date(a), text::date(b)),
                (Some(a), None) => format!("à partir du {}", text::date(a)),
                (None, Some(b)) => format!("jusqu'au {}", text::date(b)),
                (None, None) => continue,
            };
            out.taches.push_str(&format!("- {label} : {span}.\n"));
            out.dates.extend(ph.fin);
        }
        let done: Vec<String> = p
            .taches
            .iter()
            .filter(|t| t.faite)
            .map(|t| lower_first(&text::one_line(&t.action)))
            .collect();
        if !done.is_empty() {
            out.taches
                .push_str(&format!("- Tâches menées : {}.\n", done.join(" ; ")));
        }
        if !seances.is_empty() {
            let total: u32 = seances
                .iter()
                .map(|s| u32::from(s.participants.nombre))
                .sum();
            let count = match seances.len() {
                1 => "une séance".to_string(),
                n => format!("{n} séances"),
            };
            out.taches.push_str(&format!(
                "- J'ai animé {count}, qui ont réuni {total} participants au total :\n"
            ));
            for s in &seances {
                let mut line = format!(
                    "  - {}, {} ({}) : {} participants",
                    text::date(s.date),
                    text::one_line(&s.lieu),
                    text::duration(s.duree_min),
                    s.participants.nombre
                );
                if !s.deroule.is_empty() {
                    line.push_str(&format!(" ; {}", lower_first(&text::one_line(&s.deroule))));
                }
                out.taches.push_str(&line);
                out.taches.push_str(".\n");
                out.dates.push(s.date);
            }
        }
        if !p.moyens.is_empty() {
            out.moyens
                .push_str(&format!("{}\n", text::one_line(&p.moyens)));
        }
        if !p.budget.is_empty() {
            let lines: Vec<String> = p
                .budget
                .iter()
                .map(|b| {
                    let mut line = format!(
                        "{} {}",
                        text::one_line(&b.libelle).to_lowercase(),
                        super::projet::lines::euros(b.montant_centimes)
                    );
                    if !b.financeur.is_empty() {
                        line.push_str(&format!(" ({})", text::one_line(&b.financeur)));
                    }
                    line
                })
                .collect();
            out.moyens.push_str(&format!(
                "Budget de {} : {}.\n",
                super::projet::lines::euros(p.budget_total()),
                lines.join(", ")
            ));
        }
        let fiches: Vec<String> = p
            .fiches
            .iter()
            .filter_map(|&id| data.find::<super::Fiche>(id))
            .map(|f| format!("« {} »", text::one_line(&f.titre)))
            .collect();
        if !fiches.is_empty() {
            out.moyens.push_str(&format!(
                "Fiches de l'équipe utilisées : {}.\n",
                fiches.join(", ")
            ));
        }
        let partners: Vec<String> = p
            .partenaires
            .iter()
            .map(|x| match x.role.is_empty() {
                true => text::one_line(&x.structure.nom),
                false => format!(
                    "{} ({})",
                    text::one_line(&x.structure.nom),
                    text::one_line(&x.role)
                ),
            })
            .collect();
        if !partners.is_empty() {
            out.avec_qui.push_str(&format!(
                "Partenaires du projet : {}.\n",
                partners.join(", ")
            ));
        }
        let indicateurs: Vec<String> = p
            .indicateurs
            .iter()
            .filter_map(|i| {
                i.valeur(&seances).map(|v| {
                    format!(
                        "{} : {v} pour une cible de {}",
                        text::one_line(&i.libelle),
                        i.cible
                    )
                })
            })
            .collect();
        if !indicateurs.is_empty() {
            out.infos
                .push_str(&format!("Indicateurs : {}.\n", indicateurs.join(" ; ")));
        }
        if !p.bilan.is_empty() {
            out.infos
                .push_str(&format!("Bilan : {}\n", text::one_line(&p.bilan)));
        }
    }
    out
}

/// A case told without naming its parties: its type and origin, the consent, the dated
/// steps, the issue and the bilan; the institution when there is one.
fn cas_parts(cas: &[&super::CasMediation], vocab: &Vocabularies) -> Parts {
    let l = Lang::Fr;
    let mut out = Parts::default();
    for c in cas {
        out.taches.push_str(&format!(
            "J'ai mené une médiation « {} » ({}), saisie le {} ({}).\n",
            text::one_line(&c.intitule),
            lower_first(&vocab.types_cas.label(&c.type_cas, l)),
            text::date(c.date),
            lower_first(&vocab.origines_cas.label(&c.origine, l))
        ));
        out.dates.push(c.date);
        if let Some(d) = c.consentement_le {
            out.taches.push_str(&format!(
                "- Consentement des parties recueilli le {}.\n",
                text::date(d)
            ));
        }
        for e in &c.etapes {
            out.taches.push_str(&format!(
                "- {} : {}.\n",
                text::date(e.date),
                lower_first(&vocab.statuts_cas.label(&e.statut, l))
            ));
            out.dates.push(e.date);
        }
        if let Some(issue) = &c.issue {
            out.infos.push_str(&format!(
                "Issue : {}.\n",
                lower_first(&vocab.issues_cas.label(issue, l))
            ));
        }
        if !c.bilan.is_empty() {
            out.infos
                .push_str(&format!("Bilan : {}\n", text::one_line(&c.bilan)));
        }
        if let Some(s) = &c.structure {
            out.avec_qui.push_str(&format!(
                "Structure partie à la médiation : {}.\n",
                text::one_line(&s.nom)
            ));
        }
    }
    out
}

/// The examples of a CCP (qualified id), by rank then creation.
pub fn examples_of(data: &Dataset, ccp: &str) -> Vec<usize> {
    let mut list: Vec<usize> = (0..data.exemples.len())
        .filter(|&i| data.exemples[i].ccp == ccp)
        .collect();
    list.sort_by_key(|&i| (data.exemples[i].rang, data.exemples[i].meta.id));
    list
}
