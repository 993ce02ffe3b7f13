//! The demo store: a fictional territory (the Tilleuls quartier prioritaire of the invented
//! town of Val-de-Brume) with its network, 18 months of interactions, veille, fiches and
//! analyses de pratique. Pure and deterministic for a seed; the runtime writes it.

mod projets;
pub(crate) mod rng;
mod texts;

use crate::domain::*;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rng::Rng;
use texts::*;

pub const DEFAULT_INTERACTIONS: usize = 1_500;
pub const DEFAULT_SEED: u64 = 2026;
const REFERENTIEL: &str = "tms-2004";

#[derive(Debug, Clone, Copy)]
pub struct DemoSpec {
    pub seed: u64,
    /// Interactions in the journal; from `projets::CASES_FROM`, the mediation cases' own
    /// are among them.
    pub interactions: usize,
    /// The moment the demo is generated: the end of its period, nothing after it.
    pub now: NaiveDateTime,
}

fn millis(date: NaiveDate, time: NaiveTime) -> i64 {
    date.and_time(time).and_utc().timestamp_millis()
}

/// Ids for one kind, handed out in chronological order of the generated records.
struct Ids(IdGen);

impl Ids {
    fn new() -> Ids {
        Ids(IdGen::default())
    }

    fn meta(&mut self, date: NaiveDate, time: NaiveTime) -> RecordMeta {
        let ms = millis(date, time);
        RecordMeta::new(self.0.next(ms), Timestamp(ms))
    }
}

fn link(
    competence: &str,
    strength: Strength,
    justification: &str,
    date: NaiveDate,
) -> EvidenceLink {
    EvidenceLink {
        competence: format!("{REFERENTIEL}/{competence}").into(),
        strength,
        justification: justification.into(),
        date,
    }
}

/// Dates spread over the 18 months before `today`, weekdays only, sorted.
fn working_days(rng: &mut Rng, today: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let span = 548;
    let mut dates: Vec<NaiveDate> = (0..count)
        .map(|_| {
            loop {
                let d = today - Duration::days(rng.range(0, span));
                if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || rng.chance(3) {
                    break d;
                }
            }
        })
        .collect();
    dates.sort();
    dates
}

fn time(rng: &mut Rng) -> NaiveTime {
    let minutes = rng.range(9 * 60, 17 * 60 + 30);
    let minutes = minutes - minutes % 5;
    NaiveTime::from_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0)
        .unwrap_or(NaiveTime::MIN)
}

fn ids(list: &[&str]) -> Vec<Text> {
    list.iter().map(|s| Text::from(*s)).collect()
}

/// Suggested competences come from the vocabularies, as they will for the user's own records.
pub fn generate(spec: DemoSpec, vocab: &Vocabularies) -> Dataset {
    let mut rng = Rng::new(spec.seed);
    let n = spec.interactions;
    let today = spec.now.date();
    let start = today - Duration::days(560);

    let structures = gen_structures(&mut rng, (n / 50).max(STRUCTURES.len()), start);
    let contacts = gen_contacts(&mut rng, &structures, start);
    let suivis = gen_suivis(&mut rng, (n / 40).max(12), today);
    // A territory-sized journal keeps room for the interactions of the mediation cases.
    let with_cases = n >= projets::CASES_FROM;
    let generated = if with_cases {
        n - projets::CASE_INTERACTIONS
    } else {
        n
    };
    let interactions = gen_interactions(&mut rng, vocab, generated, today, &structures, &suivis);
    let rencontres = gen_rencontres(&mut rng, (n / 15).max(20), today, &structures, &contacts);
    let veille = gen_veille(&mut rng, (n / 25).max(15), today);
    let fiches = gen_fiches(&mut rng, (n / 200).max(FICHES.len()), today, &structures);
    let analyses = gen_analyses(&mut rng, (n / 300).max(5), today, &interactions);
    let signalements = gen_signalements(&mut rng, (n / 60).max(10), today, &structures);
    let notes_territoire = gen_notes(&mut rng, today);
    let evenements_securite = gen_securite(&mut rng, today, &interactions);

    let profil = vec![gen_profil(today, &structures)];
    let mut data = Dataset {
        interactions,
        suivis,
        structures,
        contacts,
        rencontres,
        veille,
        fiches,
        analyses,
        signalements,
        notes_territoire,
        plan: Vec::new(),
        profil,
        exemples: Vec::new(),
        evenements_securite,
        modeles: gen_modeles(start),
        relances_reportees: Vec::new(),
        bilans: gen_bilans(today),
        projets: Vec::new(),
        seances: Vec::new(),
        cas_mediation: Vec::new(),
    };
    data.sort();
    let (projets, seances) = projets::gen_projets(&data, today);
    data.projets = projets;
    data.seances = seances;
    let (cas, journal) = projets::gen_cas(&data, today, with_cases);
    data.cas_mediation = cas;
    // The cases' interactions join the journal (their seconds keep them apart from the
    // generated ones, which fall on whole minutes).
    for it in journal {
        if data.find::<Interaction>(it.meta.id).is_none() {
            data.put(it);
        }
    }
    nothing_after(&mut data, spec.now);
    data.sort();
    data.exemples = gen_exemples(&data, vocab, today);
    // A partner put off yesterday for a week: « à relancer » says one item waits.
    if let Some(s) = data.structures.get(3) {
        let mut ids = Ids::new();
        let yesterday = today - Duration::days(1);
        data.relances_reportees.push(RelanceReportee {
            meta: ids.meta(
                yesterday,
                NaiveTime::from_hms_opt(16, 0, 0).unwrap_or(NaiveTime::MIN),
            ),
            sujet: s.meta.id,
            jusqu_au: yesterday + Duration::days(7),
        });
    }
    data
}

/// One example per CCP, drafted as a trainee would: each from the strongest situation of
/// the kind a jury expects (CCP1 the work with a partner of the network, CCP2 a cas de
/// médiation or a suivi, CCP3 a projet), the draft's questions answered. A newcomer sees
/// a complete dossier that passes its own gate.
fn gen_exemples(data: &Dataset, vocab: &Vocabularies, today: NaiveDate) -> Vec<Exemple> {
    use crate::domain::situation::{SituationKind as K, rank};
    let mut ids = Ids::new();
    // The kinds a jury expects, the first preferred; a CCP3 projet told once evaluated.
    [
        ("CCP1", &[K::Partenaire][..]),
        ("CCP2", &[K::Cas, K::Suivi][..]),
        ("CCP3", &[K::Projet][..]),
    ]
    .iter()
    .filter_map(|(ccp, kinds)| {
        let ccp = format!("{REFERENTIEL}/{ccp}");
        let ranked = rank(data, &ccp, &[]);
        let told = |r: &&crate::domain::situation::Ranked| {
            r.situation.kind != K::Projet
                || data
                    .find::<Projet>(r.situation.id)
                    .is_some_and(|p| !p.bilan.is_empty())
        };
        let best = kinds.iter().find_map(|kind| {
            ranked
                .iter()
                .filter(|r| r.situation.kind == *kind)
                .filter(told)
                .max_by_key(|r| (r.covers.len(), r.records))
        })?;
        let s = best.situation;
        let mut d = crate::domain::recit::draft(s, data, vocab, data.profil(), today)?;
        for text in [&mut d.taches, &mut d.moyens, &mut d.avec_qui, &mut d.infos] {
            *text = texts::answer_questions(text, s.kind);
        }
        let sources = vec![SourceRef {
            kind: s.kind.record_kind().name().into(),
            id: s.id,
        }];
        Some(d.into_exemple(ids.meta(today, NaiveTime::MIN), ccp.into(), 1, sources))
    })
    .collect()
}

fn gen_structures(rng: &mut Rng, count: usize, start: NaiveDate) -> Vec<Structure> {
    let mut ids = Ids::new();
    let today = start + Duration::days(560);
    (0..count)
        .map(|i| {
            let base = &STRUCTURES[i % STRUCTURES.len()];
            let round = i / STRUCTURES.len();
            let created = start + Duration::days(i as i64 % 60);
            let mut meta = ids.meta(
                created,
                NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            );
            if i < STRUCTURES.len() && rng.chance(30) {
                meta.evidence.push(link(
                    "CCP1.C2",
                    Strength::Principale,
                    "Structure identifiée avec sa typologie, ses services et ses contacts.",
                    created,
                ));
            }
            let nom = if round == 0 {
                base.nom.to_string()
            } else {
                format!("{} — antenne {}", base.nom, round + 1)
            };
            let niveau = *rng.weighted(&[
                ("identifie", 2),
                ("contacte", 3),
                ("rencontre", 3),
                ("partenaire_actif", 4),
                ("convention", 1),
            ]);
            Structure {
                meta,
                nom: nom.into(),
                typologies: ids_of(base.typologies),
                adresse: format!("{} {}", rng.range(1, 120), rng.pick(RUES)).into(),
                commune: "Val-de-Brume".into(),
                quartier: base.quartier.into(),
                telephone: phone(rng),
                courriel: format!("contact@{}.example.org", base.slug).into(),
                site: format!("https://{}.example.org", base.slug).into(),
                horaires: (*rng.pick(HORAIRES)).into(),
                services: base
                    .services
                    .iter()
                    .map(|(t, themes, conditions)| Service {
                        type_service: (*t).into(),
                        thematiques: ids_of(themes),
                        conditions: (*conditions).into(),
                        frais: if rng.chance(85) {
                            "Gratuit".into()
                        } else {
                            "Participation selon ressources".into()
                        },
                    })
                    .collect(),
                publics: base.publics.into(),
                niveau_relation: niveau.into(),
                // Most details checked within the year; a few older, one in ten never.
                date_verification: rng.chance(90).then(|| {
                    let days_ago = if rng.chance(85) {
                        rng.range(5, 330)
                    } else {
                        rng.range(370, 520)
                    };
                    (today - Duration::days(days_ago)).max(created)
                }),
                notes: base.notes.into(),
            }
        })
        .collect()
}

fn lien_structure(s: &Structure) -> Lien {
    Lien {
        id: Some(s.meta.id),
        nom: s.nom.clone(),
    }
}

/// A landline number of the invented town's area.
fn phone(rng: &mut Rng) -> Text {
    format!(
        "03 27 {:02} {:02} {:02}",
        rng.range(10, 99),
        rng.range(10, 99),
        rng.range(10, 99)
    )
    .into()
}

fn ids_of(list: &[&str]) -> Vec<Text> {
    ids(list)
}

fn gen_contacts(rng: &mut Rng, structures: &[Structure], start: NaiveDate) -> Vec<Contact> {
    let mut ids = Ids::new();
    let mut out = Vec::new();
    for (i, s) in structures.iter().enumerate() {
        let count = 1 + rng.below(3);
        for k in 0..count {
            let created = start + Duration::days((i + k) as i64 % 90);
            let prenom = rng.pick(PRENOMS_PROS);
            let nom = rng.pick(NOMS_PROS);
            out.push(Contact {
                meta: ids.meta(
                    created,
                    NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN),
                ),
                structure: s.meta.id,
                nom: format!("{prenom} {nom}").into(),
                fonction: (*rng.pick(FONCTIONS)).into(),
                telephone: phone(rng),
                courriel: format!(
                    "{}.{}@{}",
                    crate::domain::text::fold(prenom),
                    crate::domain::text::fold(nom).replace(' ', "-"),
                    s.courriel.split('@').nth(1).unwrap_or("example.org")
                )
                .into(),
                canal_prefere: Some(
                    rng.pick(&["telephone", "courriel", "accueil_rdv"])
                        .to_string()
                        .into(),
                ),
                actif: rng.chance(90),
                date_verification: rng.chance(60).then_some(created + Duration::days(40)),
            });
        }
    }
    out.sort_by_key(|c| c.meta.id);
    out
}

fn gen_suivis(rng: &mut Rng, count: usize, today: NaiveDate) -> Vec<Suivi> {
    let mut ids = Ids::new();
    let dates = working_days(rng, today, count);
    let mut per_year: std::collections::BTreeMap<i32, u32> = Default::default();
    dates
        .into_iter()
        .map(|d| {
            let seq = per_year.entry(d.year()).or_default();
            *seq += 1;
            Suivi {
                meta: ids.meta(d, time(rng)),
                code: format!("P-{}-{:03}", d.year(), seq).into(),
                public: public(rng, 1),
                thematiques: vec![(*rng.pick(THEMES)).into()],
                actif: rng.chance(60),
            }
        })
        .collect()
}

fn public(rng: &mut Rng, nombre: u16) -> PublicAnonyme {
    let dims: [(&str, &[&str]); 4] = [
        (
            "tranches_age",
            &[
                "18_24", "25_39", "25_39", "40_59", "40_59", "60_69", "70_plus", "12_17",
            ],
        ),
        (
            "genres",
            &["feminin", "feminin", "masculin", "non_communique"],
        ),
        (
            "statuts",
            &[
                "sans_emploi",
                "en_emploi",
                "retraite",
                "scolarise",
                "non_communique",
            ],
        ),
        (
            "residences",
            &["territoire", "territoire", "territoire", "hors_territoire"],
        ),
    ];
    let mut attributs: Vec<AttributCount> = dims
        .iter()
        .map(|(dim, values)| AttributCount {
            dimension: (*dim).into(),
            valeur: (*rng.pick(values)).into(),
            nombre,
        })
        .collect();
    // What people do follows their age: a 12–17-year-old is at school, a retiree is 60+.
    let age = attributs[0].valeur.clone();
    let statuts: &[&str] = match age.as_str() {
        "12_17" => &["scolarise"],
        "18_24" => &["scolarise", "sans_emploi", "en_emploi", "non_communique"],
        "60_69" => &["retraite", "retraite", "en_emploi", "sans_emploi"],
        "70_plus" => &["retraite"],
        _ => &["sans_emploi", "en_emploi", "en_emploi", "non_communique"],
    };
    attributs[2].valeur = (*rng.pick(statuts)).into();
    PublicAnonyme {
        nombre,
        attributs: attributs.into(),
    }
}

fn gen_interactions(
    rng: &mut Rng,
    vocab: &Vocabularies,
    count: usize,
    today: NaiveDate,
    structures: &[Structure],
    suivis: &[Suivi],
) -> Vec<Interaction> {
    let mut ids = Ids::new();
    let dates = working_days(rng, today, count);
    let mut times: Vec<(NaiveDate, NaiveTime)> =
        dates.into_iter().map(|d| (d, time(rng))).collect();
    times.sort();
    times
        .into_iter()
        .map(|(date, heure)| {
            let primary = *rng.weighted(TYPE_WEIGHTS);
            let mut types = vec![Text::from(primary)];
            if rng.chance(20) {
                let second = *rng.weighted(TYPE_WEIGHTS);
                if second != primary {
                    types.push(second.into());
                }
            }
            let theme = *rng.pick(THEMES);
            let mut thematiques = vec![Text::from(theme)];
            if rng.chance(15) {
                let other = *rng.pick(THEMES);
                if other != theme {
                    thematiques.push(other.into());
                }
            }
            let demande = rng.pick(demandes(theme)).to_string();
            let orient = primary == "orientation" || rng.chance(12);
            let orientation = orient.then(|| {
                // A partner whose services cover what was asked.
                let known = &structures[..structures.len().min(STRUCTURES.len() * 3)];
                let fitting: Vec<&Structure> = known
                    .iter()
                    .filter(|s| {
                        s.services
                            .iter()
                            .any(|sv| sv.thematiques.iter().any(|t| t == theme))
                    })
                    .collect();
                let s = if fitting.is_empty() {
                    &known[rng.below(known.len())]
                } else {
                    fitting[rng.below(fitting.len())]
                };
                Orientation {
                    structure: Some(s.meta.id),
                    nom: s.nom.clone(),
                    issue: Some(
                        rng.weighted(&[
                            ("aboutie", 5),
                            ("en_cours", 2),
                            ("non_aboutie", 1),
                            ("inconnue", 3),
                        ])
                        .to_string()
                        .into(),
                    ),
                }
            });
            let mut reponses = vec![
                if orient {
                    "orientation"
                } else {
                    *rng.weighted(&[
                        ("info_donnee", 6),
                        ("demarche_realisee", 4),
                        ("mise_en_relation", 1),
                        ("en_attente", 1),
                        ("mediation_engagee", 1),
                        ("hors_champ", 1),
                    ])
                }
                .into(),
            ];
            if !orient && rng.chance(10) {
                reponses.push(Text::from("info_donnee"));
                reponses.dedup();
            }
            let personnes = if !suivis.is_empty() && rng.chance(18) {
                let eligible =
                    suivis.partition_point(|s| s.meta.created_at.0 <= millis(date, heure));
                if eligible > 0 {
                    Personnes::Suivi(suivis[rng.below(eligible)].meta.id)
                } else {
                    Personnes::Anonyme(public(rng, 1))
                }
            } else {
                let nombre = *rng.weighted(&[(1u16, 85), (2, 10), (3, 3), (5, 2)]);
                Personnes::Anonyme(public(rng, nombre))
            };
            let mut meta = ids.meta(date, heure);
            if rng.chance(6) {
                let suggestions = vocab
                    .types_interaction
                    .get(primary)
                    .map_or(&[][..], |t| t.competences.as_slice());
                for (k, c) in suggestions.iter().enumerate() {
                    let strength = if k == 0 {
                        Strength::Principale
                    } else {
                        Strength::Secondaire
                    };
                    meta.evidence
                        .push(link(c, strength, justification(c), date));
                }
            }
            let suites = if rng.chance(12) {
                vec![Suite {
                    action: (*rng.pick(SUITES)).into(),
                    echeance: Some(date + Duration::days(rng.range(2, 21))),
                    faite: date + Duration::days(21) < today && rng.chance(97),
                }]
            } else {
                Vec::new()
            };
            Interaction {
                meta,
                date,
                heure: Some(heure),
                duree_min: *rng.weighted(&[
                    (15u16, 20),
                    (30, 35),
                    (45, 20),
                    (60, 15),
                    (90, 6),
                    (120, 4),
                ]),
                types: types.into(),
                canal: rng
                    .weighted(&[
                        ("accueil_spontane", 35),
                        ("accueil_rdv", 20),
                        ("telephone", 20),
                        ("espace_public", 10),
                        ("domicile", 4),
                        ("structure_partenaire", 5),
                        ("courriel", 4),
                        ("visio", 1),
                        ("courrier", 1),
                    ])
                    .to_string()
                    .into(),
                lieu: (*rng.pick(LIEUX)).into(),
                quartier: rng
                    .weighted(&[
                        ("Les Tilleuls", 70),
                        ("La Garenne", 15),
                        ("Centre-ville", 15),
                    ])
                    .to_string()
                    .into(),
                personnes,
                thematiques: thematiques.into(),
                demande: demande.into(),
                besoin: if rng.chance(60) {
                    (*rng.pick(BESOINS)).into()
                } else {
                    String::new().into()
                },
                reponses: reponses.into(),
                orientation: orientation.map(Box::new),
                autonomie: rng.chance(70).then(|| {
                    rng.weighted(&[
                        ("entierement_accompagne", 4),
                        ("partiellement_autonome", 4),
                        ("autonome", 2),
                    ])
                    .to_string()
                    .into()
                }),
                premier_contact: rng.chance(40),
                suites: suites.into(),
                note_pro: if rng.chance(25) {
                    (*rng.pick(NOTES_PRO)).into()
                } else {
                    String::new().into()
                },
                note_privee: Rare::default(),
            }
        })
        .collect()
}

fn gen_rencontres(
    rng: &mut Rng,
    count: usize,
    today: NaiveDate,
    structures: &[Structure],
    contacts: &[Contact],
) -> Vec<Rencontre> {
    let mut ids = Ids::new();
    working_days(rng, today, count)
        .into_iter()
        .map(|date| {
            let s = &structures[rng.below(structures.len().min(STRUCTURES.len() * 3))];
            let mut met = vec![lien_structure(s)];
            if rng.chance(40) {
                let other = &structures[rng.below(structures.len().min(STRUCTURES.len()))];
                if other.meta.id != s.meta.id {
                    met.push(lien_structure(other));
                }
            }
            let people: Vec<Lien> = contacts
                .iter()
                .filter(|c| met.iter().any(|l| l.id == Some(c.structure)))
                .take(2)
                .map(|c| Lien {
                    id: Some(c.meta.id),
                    nom: c.nom.clone(),
                })
                .collect();
            let (type_rencontre, objet) = *rng.pick(RENCONTRES);
            let mut meta = ids.meta(date, time(rng));
            if rng.chance(25) {
                meta.evidence.push(link("CCP1.C3", Strength::Principale, "Rencontre partenariale : présentation des missions et circuit d'orientation convenu.", date));
            }
            Rencontre {
                meta,
                date,
                duree_min: *rng.pick(&[30u16, 60, 90, 120]),
                type_rencontre: type_rencontre.into(),
                initiative: (*rng.pick(&["ma_structure", "sollicite"])).into(),
                structures: met,
                contacts: people,
                objet: format!("{objet} — {}", s.nom).into(),
                compte_rendu: (*rng.pick(COMPTES_RENDUS)).into(),
                suites: if rng.chance(30) {
                    vec![Suite {
                        action: "Envoyer le compte rendu aux participants".into(),
                        echeance: Some(date + Duration::days(7)),
                        faite: date + Duration::days(14) < today,
                    }]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

fn gen_veille(rng: &mut Rng, count: usize, today: NaiveDate) -> Vec<Veille> {
    let mut ids = Ids::new();
    working_days(rng, today, count)
        .into_iter()
        .map(|date| {
            let (source_type, source, theme, resume) = *rng.pick(VEILLE);
            let mut meta = ids.meta(date, time(rng));
            if rng.chance(30) {
                meta.evidence.push(link(
                    "CCP1.C4",
                    Strength::Principale,
                    "Information de veille sourcée, fiabilité évaluée et diffusée à l'équipe.",
                    date,
                ));
            }
            // An institutional site searched and its page kept as a source: information
            // tools used for the network (CCP1.C5).
            if source_type == "site_institutionnel" && !meta.evidence.is_empty() {
                meta.evidence.push(link(
                    "CCP1.C5",
                    Strength::Principale,
                    "Recherche sur un site institutionnel, source datée et classée pour l'équipe.",
                    date,
                ));
            }
            Veille {
                meta,
                date,
                source_type: source_type.into(),
                source: source.into(),
                fiabilite: rng
                    .weighted(&[("verifiee", 6), ("a_verifier", 3), ("rumeur", 1)])
                    .to_string()
                    .into(),
                thematiques: vec![theme.into()],
                resume: resume.into(),
                diffusion: rng
                    .pick(&["personnelle", "equipe", "equipe", "partenaires"])
                    .to_string()
                    .into(),
            }
        })
        .collect()
}

fn gen_fiches(
    rng: &mut Rng,
    count: usize,
    today: NaiveDate,
    structures: &[Structure],
) -> Vec<Fiche> {
    let mut ids = Ids::new();
    let dates = working_days(rng, today, count);
    dates
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let base = &FICHES[i % FICHES.len()];
            let round = i / FICHES.len();
            let mut meta = ids.meta(date, time(rng));
            meta.evidence.push(link(
                "CCP2.C1",
                Strength::Principale,
                "Fiche rédigée pour l'équipe, avec sources et date de révision.",
                date,
            ));
            let research = rng.chance(40);
            // A press review or a directory is mostly research and classement.
            let strength = if matches!(base.type_fiche, "revue_de_presse" | "annuaire") {
                Some(Strength::Principale)
            } else {
                research.then_some(Strength::Secondaire)
            };
            if let Some(strength) = strength {
                meta.evidence.push(link(
                    "CCP2.C2",
                    strength,
                    "Recherche d'information et classement dans le plan de l'équipe.",
                    date,
                ));
            }
            let revised = rng.chance(40);
            Fiche {
                meta,
                titre: if round == 0 {
                    base.titre.into()
                } else {
                    format!("{} ({})", base.titre, round + 1).into()
                },
                type_fiche: base.type_fiche.into(),
                thematiques: ids_of(base.thematiques),
                contenu: base.contenu.into(),
                sources: base
                    .sources
                    .iter()
                    .map(|(titre, url)| SourceDoc {
                        titre: (*titre).into(),
                        url: (*url).into(),
                        consultee: Some(date),
                    })
                    .collect(),
                classement: base.classement.into(),
                statut: rng
                    .weighted(&[("validee", 6), ("brouillon", 2), ("a_revoir", 2)])
                    .to_string()
                    .into(),
                date_verification: Some(date),
                date_revision: Some(date + Duration::days(rng.range(90, 365))),
                revisions: if revised {
                    vec![Revision {
                        date: Timestamp(millis(
                            date,
                            NaiveTime::from_hms_opt(16, 0, 0).unwrap_or(NaiveTime::MIN),
                        )),
                        resume: "Mise à jour des horaires et des pièces demandées".into(),
                        contenu_precedent: base
                            .contenu
                            .lines()
                            .take(3)
                            .collect::<Vec<_>>()
                            .join("\n")
                            .into(),
                    }]
                } else {
                    Vec::new()
                },
                structures: structures
                    .iter()
                    .filter(|s| {
                        s.typologies
                            .iter()
                            .any(|t| base.typologies.contains(&t.as_str()))
                    })
                    .take(2)
                    .map(lien_structure)
                    .collect(),
            }
        })
        .collect()
}

fn gen_analyses(
    rng: &mut Rng,
    count: usize,
    today: NaiveDate,
    interactions: &[Interaction],
) -> Vec<Analyse> {
    let mut ids = Ids::new();
    working_days(rng, today, count)
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let a = &ANALYSES[i % ANALYSES.len()];
            let linked = interactions
                .iter()
                .rev()
                .find(|x| x.date <= date && x.types.iter().any(|t| t == a.type_lie))
                .map(|x| x.meta.id);
            let mut meta = ids.meta(
                date,
                NaiveTime::from_hms_opt(17, 30, 0).unwrap_or(NaiveTime::MIN),
            );
            meta.evidence.push(link(
                "CCP2.C9",
                Strength::Principale,
                "Analyse écrite de ma posture après la situation.",
                date,
            ));
            Analyse {
                meta,
                date,
                interaction: linked,
                format: a.format.into(),
                situation: a.situation.into(),
                ce_que_jai_fait: a.fait.into(),
                ressenti: a.ressenti.into(),
                analyse_posture: a.analyse.into(),
                autrement: a.autrement.into(),
                retenu: a.retenu.into(),
            }
        })
        .collect()
}

/// The last quarter's bilan, handed in ten days after it ended, linked as evidence.
fn gen_bilans(today: NaiveDate) -> Vec<Bilan> {
    use crate::domain::bilan::{Period, PeriodKind};
    let quarter = Period::containing(PeriodKind::Trimestre, today).shifted(-1);
    let handed = (quarter.au + Duration::days(10)).min(today);
    let mut ids = Ids::new();
    let mut meta = ids.meta(
        handed,
        NaiveTime::from_hms_opt(16, 30, 0).unwrap_or(NaiveTime::MIN),
    );
    meta.evidence.push(link(
        "CCP2.C8",
        Strength::Principale,
        "Bilan trimestriel remis au comité de pilotage : les chiffres de la période et ce qu'ils disent.",
        handed,
    ));
    meta.evidence.push(link(
        "CCP3.C5",
        Strength::Secondaire,
        "Les ateliers collectifs y sont évalués avec leurs participants.",
        handed,
    ));
    let rank = match quarter.du.month0() / 3 {
        0 => "1er".to_string(),
        q => format!("{}e", q + 1),
    };
    vec![Bilan {
        meta,
        titre: format!("Bilan du {rank} trimestre {}", quarter.du.year()).into(),
        du: quarter.du,
        au: quarter.au,
        destinataire: "Comité de pilotage France Services".into(),
        faits_marquants: "Ouverture d'une permanence numérique hebdomadaire à la maison de \
            quartier. Hausse des demandes liées aux factures d'énergie à l'approche de l'hiver. \
            Deux réunions de concertation habitants / bailleur sur la propreté des halls."
            .into(),
        difficultes: "Délais de rendez-vous de la CAF (trois semaines) qui reportent les \
            démarches. Peu de retours des partenaires sur l'issue des orientations : je les \
            relance désormais à quinze jours."
            .into(),
        perspectives: "Un atelier « démarches en ligne » par mois à partir de janvier. Une \
            fiche sur le chèque énergie pour l'équipe. Suivre la part des orientations dont \
            l'issue est connue."
            .into(),
        remis_le: Some(handed),
    }]
}

fn gen_signalements(
    rng: &mut Rng,
    count: usize,
    today: NaiveDate,
    structures: &[Structure],
) -> Vec<Signalement> {
    let mut ids = Ids::new();
    working_days(rng, today, count)
        .into_iter()
        .map(|date| {
            let (categorie, lieu, description, typologie) = *rng.pick(SIGNALEMENTS);
            let destinataire = structures
                .iter()
                .find(|s| s.typologies.iter().any(|t| t == typologie))
                .map(lien_structure);
            let age = (today - date).num_days();
            let statut = if age > 60 {
                *rng.weighted(&[("resolu", 7), ("sans_suite", 2), ("pris_en_compte", 1)])
            } else if age > 10 {
                *rng.weighted(&[("pris_en_compte", 5), ("resolu", 3), ("signale", 2)])
            } else {
                "signale"
            };
            let mut etapes = vec![Etape { date, statut: "signale".into() }];
            if statut != "signale" {
                etapes.push(Etape {
                    date: date + Duration::days(rng.range(2, 10).min(age.max(0))),
                    statut: statut.into(),
                });
            }
            let mut meta = ids.meta(date, time(rng));
            if rng.chance(40) {
                meta.evidence.push(link("CCP1.C4", Strength::Principale, "Dysfonctionnement signalé au bon interlocuteur et suivi jusqu'à sa résolution.", date));
            }
            Signalement {
                meta,
                date,
                lieu: lieu.into(),
                categorie: categorie.into(),
                description: description.into(),
                destinataire,
                statut: statut.into(),
                etapes,
            }
        })
        .collect()
}

/// A trainee placed at the centre social, with the certification dates ahead, so the
/// Compétences tab shows its countdown.
fn gen_profil(today: NaiveDate, structures: &[Structure]) -> Profil {
    let days = |n: i64| today.checked_add_signed(chrono::Duration::days(n));
    let start = days(-300).unwrap_or(today);
    let mut ids = Ids::new();
    Profil {
        meta: ids.meta(start, NaiveTime::MIN),
        role: "stagiaire".into(),
        employeur: structures
            .iter()
            .find(|s| s.nom.as_str() == "Centre social des Tilleuls")
            .map(|s| s.meta.id),
        service: "Accueil et médiation sociale".into(),
        periode_debut: Some(start),
        periode_fin: days(200),
        date_ecf: days(47),
        date_remise_dp: days(92),
        date_jury: days(134),
    }
}

/// Nothing in the demo happens after the moment it is generated: today's interactions
/// later than now took place the day before, and no record was written in the future.
fn nothing_after(data: &mut Dataset, now: NaiveDateTime) {
    let yesterday = now.date() - Duration::days(1);
    for it in &mut data.interactions {
        if let Some(heure) = it.heure
            && it.date.and_time(heure) > now
        {
            it.date = yesterday;
            it.meta.created_at = Timestamp(millis(yesterday, heure));
            it.meta.updated_at = it.meta.created_at;
            for link in &mut it.meta.evidence {
                link.date = yesterday;
            }
        }
    }
    let limit = now.and_utc().timestamp_millis();
    for meta in data.metas_mut() {
        meta.created_at.0 = meta.created_at.0.min(limit);
        meta.updated_at.0 = meta.updated_at.0.min(limit);
    }
}

/// The presets a mediator makes in the first weeks, for what comes back every day.
fn gen_modeles(start: NaiveDate) -> Vec<Modele> {
    let mut ids = Ids::new();
    let list = |ids: &[&str]| ids.iter().map(|&id| Text::from(id)).collect::<Vec<_>>();
    // Name, types, thématiques, canal, lieu, durée, réponses.
    type Preset<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a str,
        &'a str,
        u16,
        &'a [&'a str],
    );
    let presets: [Preset; 3] = [
        (
            "Permanence CAF",
            &["accueil_information", "aide_technique"],
            &["social_sante"],
            "accueil_rdv",
            "Maison des services, bureau 2",
            30,
            &["demarche_realisee"],
        ),
        (
            "Appel bailleur",
            &["mediation_institution"],
            &["logement"],
            "telephone",
            "",
            15,
            &["mediation_engagee"],
        ),
        (
            "Aide numérique",
            &["aide_technique"],
            &["numerique"],
            "accueil_spontane",
            "",
            20,
            &["demarche_realisee"],
        ),
    ];
    presets
        .iter()
        .enumerate()
        .map(|(k, (nom, types, themes, canal, lieu, duree, reponses))| {
            let day = start + Duration::days(20 + 7 * k as i64);
            Modele {
                meta: ids.meta(
                    day,
                    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
                ),
                nom: (*nom).into(),
                types: list(types),
                thematiques: list(themes),
                canal: Some((*canal).into()),
                lieu: (*lieu).into(),
                duree_min: *duree,
                reponses: list(reponses),
            }
        })
        .collect()
}

fn gen_notes(rng: &mut Rng, today: NaiveDate) -> Vec<NoteTerritoire> {
    let mut ids = Ids::new();
    let mut dates = working_days(rng, today, NOTES_TERRITOIRE.len());
    dates.sort();
    NOTES_TERRITOIRE
        .iter()
        .zip(dates)
        .map(|((theme, periode, texte, source), date)| {
            let mut meta = ids.meta(date, time(rng));
            meta.evidence.push(link(
                "CCP1.C1",
                Strength::Principale,
                "Note sur l'histoire et la vie du territoire, avec ses sources.",
                date,
            ));
            NoteTerritoire {
                meta,
                date,
                territoire: "Les Tilleuls, Val-de-Brume".into(),
                theme: (*theme).into(),
                periode: (*periode).into(),
                texte: (*texte).into(),
                sources: vec![SourceDoc {
                    titre: (*source).into(),
                    url: Text::default(),
                    consultee: Some(date),
                }],
            }
        })
        .collect()
}

/// A few événements de sécurité, each handled within the legal frame (CCP2.C10); the
/// ones with a retour d'expérience show reflective practice too (CCP2.C9).
fn gen_securite(
    rng: &mut Rng,
    today: NaiveDate,
    interactions: &[Interaction],
) -> Vec<EvenementSecurite> {
    let mut ids = Ids::new();
    let mut dates = working_days(rng, today, EVENEMENTS_SECURITE.len());
    dates.sort();
    EVENEMENTS_SECURITE
        .iter()
        .zip(dates)
        .map(|(e, date)| {
            let mut meta = ids.meta(date, time(rng));
            meta.evidence.push(link(
                "CCP2.C10",
                Strength::Principale,
                e.justification,
                date,
            ));
            if !e.retour.is_empty() {
                meta.evidence.push(link(
                    "CCP2.C9",
                    Strength::Secondaire,
                    "Retour d'expérience écrit après l'événement.",
                    date,
                ));
            }
            // The interaction of that day, if there was one, is the situation it arose in.
            let linked = interactions
                .iter()
                .filter(|i| i.date == date)
                .map(|i| i.meta.id)
                .take(1)
                .collect();
            EvenementSecurite {
                meta,
                date,
                lieu: e.lieu.into(),
                type_evenement: e.type_evenement.into(),
                deroule: e.deroule.into(),
                actions: e.actions.iter().map(|&a| a.into()).collect(),
                cadre_legal: e.cadre_legal.iter().map(|&c| c.into()).collect(),
                retour_experience: e.retour.into(),
                interactions: linked,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabularies {
        crate::config::Config::builtin(Lang::Fr).unwrap().vocab
    }

    fn generate(spec: DemoSpec) -> Dataset {
        super::generate(spec, &vocab())
    }

    fn spec(n: usize) -> DemoSpec {
        DemoSpec {
            seed: 7,
            interactions: n,
            now: NaiveDate::from_ymd_opt(2026, 11, 29)
                .unwrap()
                .and_hms_opt(10, 30, 0)
                .unwrap(),
        }
    }

    #[test]
    fn demo_is_deterministic_and_sized_like_a_territory() {
        let a = generate(spec(1_500));
        let b = generate(spec(1_500));
        assert_eq!(a, b);
        assert_eq!(a.interactions.len(), 1_500);
        assert!(
            (38..=45).contains(&a.structures.len()),
            "{}",
            a.structures.len()
        );
        assert!((28..=35).contains(&a.fiches.len()));
        assert!(a.analyses.len() >= 3);
        assert!(a.evidence().count() > 50);
        let oldest = a.interactions.iter().map(|i| i.date).min().unwrap();
        assert!(oldest >= spec(1).now.date() - Duration::days(560));
        assert_ne!(
            generate(DemoSpec {
                seed: 8,
                ..spec(200)
            }),
            generate(spec(200))
        );
    }

    #[test]
    fn the_demo_is_coherent_and_nothing_happens_after_now() {
        let d = generate(spec(1_500));
        let now = spec(1).now;
        let limit = now.and_utc().timestamp_millis();
        let attr = |p: &PublicAnonyme, dim: &str| {
            p.attributs
                .iter()
                .find(|a| a.dimension == dim)
                .map(|a| a.valeur.to_string())
        };
        let mut oriented = 0;
        for i in &d.interactions {
            assert!(i.date.and_time(i.heure.unwrap()) <= now, "{:?}", i.date);
            if let Personnes::Anonyme(p) = &i.personnes
                && attr(p, "tranches_age").as_deref() == Some("12_17")
            {
                assert_eq!(attr(p, "statuts").as_deref(), Some("scolarise"));
            }
            for link in &i.meta.evidence {
                let id = link.competence.rsplit('/').next().unwrap();
                assert_eq!(link.justification, justification(id), "{id}");
            }
            if let Some(o) = &i.orientation {
                let s = d.structure(o.structure.unwrap()).unwrap();
                let covers = |t: &Text| s.services.iter().any(|sv| sv.thematiques.contains(t));
                if i.thematiques.iter().any(covers) {
                    oriented += 1;
                }
            }
        }
        let all_oriented = d
            .interactions
            .iter()
            .filter(|i| i.orientation.is_some())
            .count();
        assert!(
            oriented * 10 >= all_oriented * 9,
            "orientations go where the demande fits: {oriented} of {all_oriented}"
        );
        let mut d = d;
        assert!(
            d.metas_mut()
                .all(|m| m.created_at.0 <= limit && m.updated_at.0 <= limit)
        );
    }

    #[test]
    fn demo_records_are_valid_and_ids_unique() {
        use crate::domain::validate::Validate;
        let d = generate(spec(1_500));
        for i in &d.interactions {
            assert!(i.validate().is_empty(), "{:?}", i.validate());
        }
        for s in &d.structures {
            assert!(s.validate().is_empty());
        }
        for s in &d.suivis {
            assert!(s.validate().is_empty(), "{}", s.code);
        }
        let mut ids: Vec<Id> = d.interactions.iter().map(|i| i.meta.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), d.interactions.len());
        for p in &d.projets {
            assert!(p.validate().is_empty(), "{}: {:?}", p.titre, p.validate());
        }
        for s in &d.seances {
            assert!(s.validate().is_empty(), "{:?}", s.validate());
            let projet = d.find::<Projet>(s.projet).unwrap();
            assert!(s.date >= projet.debut, "{}", projet.titre);
        }
        for c in &d.cas_mediation {
            assert!(
                c.validate().is_empty(),
                "{}: {:?}",
                c.intitule,
                c.validate()
            );
            for &i in &c.interactions {
                let it = d
                    .find::<Interaction>(i)
                    .expect("a case's interaction is in the journal");
                assert!(it.types.iter().any(|t| t.starts_with("mediation_")));
            }
        }
    }

    /// A trainee opening the demo sees every competence of the référentiel proven by at
    /// least one principal piece of evidence, projets running and evaluated, and cases at
    /// every stage of their life.
    #[test]
    fn every_competence_has_principal_evidence_and_ccp3_has_projets() {
        let d = generate(DemoSpec {
            seed: DEFAULT_SEED,
            ..spec(DEFAULT_INTERACTIONS)
        });
        let config = crate::config::Config::builtin(Lang::Fr).unwrap();
        let today = spec(1).now.date();
        for ccp in &config.referentiel.ccp {
            for c in &ccp.competences {
                let id = config.referentiel.qualify(&c.id);
                let principal = d
                    .evidence()
                    .filter(|(_, _, e)| e.competence == id.as_str())
                    .any(|(_, _, e)| e.strength == Strength::Principale);
                assert!(principal, "{id} has no principal evidence in the demo");
            }
        }
        let etats: Vec<&str> = d.projets.iter().map(|p| p.etat(today)).collect();
        assert_eq!(etats, ["termine", "mise_en_oeuvre", "conception"]);
        assert!(d.seances.len() >= 8);
        let mut statuts: Vec<&str> = d.cas_mediation.iter().map(|c| c.statut.as_str()).collect();
        statuts.sort_unstable();
        statuts.dedup();
        assert_eq!(
            statuts,
            [
                "a_traiter",
                "attente_reponse",
                "clos",
                "contact_demandeur",
                "finalisation",
                "rencontre",
                "solliciter_autre_partie"
            ],
            "cases at every stage"
        );
        assert!(
            d.cas_mediation
                .iter()
                .any(|c| c.attend_depuis(today, 14).is_some())
        );
        let ccp3 = d
            .exemples
            .iter()
            .find(|x| x.ccp.ends_with("CCP3"))
            .expect("a CCP3 example");
        assert_eq!(ccp3.sources[0].kind, "projets");
        assert!(
            ccp3.taches.contains("j'ai co-porté le projet"),
            "{}",
            ccp3.taches
        );
    }
}
