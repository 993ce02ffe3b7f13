//! The demo's projets d'activités supports (one running, one evaluated, one being
//! designed) with their séances, and its cas de médiation at every stage — consistent with
//! the network (partners are its structures), the journal (mediation interactions belong to
//! the cases) and the suivis (parties are their codes).

use super::texts::justification;
use super::{Ids, link};
use crate::domain::projet::{Indicateur, LigneBudget, Partenaire, Phase, Realise, Tache};
use crate::domain::*;
use chrono::{Duration, NaiveDate, NaiveTime};

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// A time on an odd second: ids made from it never meet the journal's, on whole minutes.
fn hms(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 37).unwrap_or(NaiveTime::MIN)
}

fn lien(structures: &[Structure], nom: &str) -> Option<Lien> {
    structures.iter().find(|s| s.nom == nom).map(|s| Lien {
        id: Some(s.meta.id),
        nom: s.nom.clone(),
    })
}

fn partenaires(structures: &[Structure], list: &[(&str, &str)]) -> Vec<Partenaire> {
    list.iter()
        .filter_map(|(nom, role)| {
            lien(structures, nom).map(|structure| Partenaire {
                structure,
                role: (*role).into(),
            })
        })
        .collect()
}

fn phase(id: &str, debut: NaiveDate, fin: NaiveDate) -> Phase {
    Phase {
        phase: id.into(),
        debut: Some(debut),
        fin: Some(fin),
    }
}

fn tache(action: &str, qui: &str, echeance: NaiveDate, faite: bool) -> Tache {
    Tache {
        action: action.into(),
        qui: qui.into(),
        echeance: Some(echeance),
        faite,
    }
}

fn budget(libelle: &str, euros: i64, financeur: &str) -> LigneBudget {
    LigneBudget {
        libelle: libelle.into(),
        montant_centimes: euros * 100,
        financeur: financeur.into(),
    }
}

fn indicateur(libelle: &str, cible: u32, realise: Realise) -> Indicateur {
    Indicateur {
        libelle: libelle.into(),
        cible,
        realise,
    }
}

fn count(dimension: &str, valeur: &str, nombre: u16) -> AttributCount {
    AttributCount {
        dimension: dimension.into(),
        valeur: valeur.into(),
        nombre,
    }
}

/// Three projets and the séances of the two that have begun.
pub(super) fn gen_projets(data: &Dataset, today: NaiveDate) -> (Vec<Projet>, Vec<Seance>) {
    let day = |offset: i64| today + Duration::days(offset);
    let mut ids = Ids::new();
    let mut seance_ids = Ids::new();
    let s = &data.structures;
    let fiche = |needle: &str| {
        data.fiches
            .iter()
            .find(|f| f.titre.contains(needle))
            .map(|f| f.meta.id)
    };
    // The watch that shows procedures moving online, the latest of each.
    let veille = ["déclaration trimestrielle en ligne", "uniquement en ligne"]
        .iter()
        .filter_map(|needle| data.veille.iter().rev().find(|v| v.resume.contains(needle)))
        .map(|v| v.meta.id)
        .collect();
    let notes = data
        .notes_territoire
        .iter()
        .take(1)
        .map(|n| n.meta.id)
        .collect();

    // The café des parents, run and evaluated last school year.
    let cafe_debut = day(-330);
    let mut meta = ids.meta(cafe_debut, hm(10, 0));
    meta.evidence.push(link(
        "CCP3.C5",
        Strength::Principale,
        "Bilan du café des parents : participation comptée séance par séance, retours des \
         parents, suites proposées au collège.",
        day(-150),
    ));
    meta.evidence.push(link(
        "CCP3.C2",
        Strength::Secondaire,
        "Projet conçu avec le collège à partir des demandes des parents reçues à la permanence.",
        cafe_debut,
    ));
    let cafe = Projet {
        meta,
        titre: "Café des parents du collège des Tilleuls".into(),
        type_projet: "cafe_rencontre".into(),
        role: "co_porteur".into(),
        debut: cafe_debut,
        diagnostic: "Des parents reçus à la permanence disent ne pas comprendre les attendus \
            du collège ni oser y entrer ; les convocations restent sans réponse."
            .into(),
        constats_veille: Vec::new(),
        constats_notes: Vec::new(),
        constats_interactions: Vec::new(),
        objectifs: "Ouvrir un lieu d'échange mensuel entre parents et équipe éducative ; \
            faire connaître l'espace numérique de travail et les interlocuteurs du collège."
            .into(),
        public_vise: "Parents d'élèves du collège, en priorité ceux des Tilleuls".into(),
        partenaires: partenaires(
            s,
            &[
                (
                    "Collège des Tilleuls",
                    "co-porteur, salle et équipe éducative",
                ),
                (
                    "Centre social des Tilleuls",
                    "accueil des enfants pendant le café",
                ),
            ],
        ),
        moyens: "Une médiatrice, la CPE du collège ; salle polyvalente ; affiches traduites \
            en trois langues."
            .into(),
        budget: vec![
            budget("Boissons et goûters", 180, "Centre social des Tilleuls"),
            budget("Impression des affiches", 60, "Collège des Tilleuls"),
        ],
        phases: vec![
            phase("conception", cafe_debut, day(-300)),
            phase("preparation", day(-299), day(-280)),
            phase("mise_en_oeuvre", day(-279), day(-170)),
            phase("evaluation", day(-169), day(-150)),
        ],
        taches: vec![
            tache("Rédiger l'invitation avec la CPE", "moi", day(-295), true),
            tache("Réserver la salle polyvalente", "CPE", day(-285), true),
            tache("Envoyer le bilan au principal", "moi", day(-150), true),
        ],
        indicateurs: vec![
            indicateur("Séances tenues", 4, Realise::Seances),
            indicateur("Parents venus (cumul)", 40, Realise::Participants),
            indicateur("Parents inscrits à l'ENT ensuite", 10, Realise::Saisi(7)),
        ],
        fiches: Vec::new(),
        sources: Vec::new(),
        bilan: "Quatre cafés, 37 venues de parents dont une vingtaine de familles différentes. \
            Les parents ont rencontré la CPE et le professeur principal hors convocation ; sept \
            se sont connectés à l'ENT. À reconduire au premier trimestre, avec un créneau en \
            fin de journée pour les parents qui travaillent."
            .into(),
    };

    // The online-procedures workshop, running now.
    let atelier_debut = day(-120);
    let mut meta = ids.meta(atelier_debut, hm(9, 30));
    meta.evidence.push(link(
        "CCP3.C2",
        Strength::Principale,
        "Diagnostic tiré de la veille et du journal (démarches en ligne non abouties), \
         objectifs et public définis avec l'espace public numérique.",
        atelier_debut,
    ));
    meta.evidence.push(link(
        "CCP3.C3",
        Strength::Principale,
        "Je conduis le projet : phases datées, tâches réparties et suivies, budget avec la CAF.",
        day(-60),
    ));
    meta.evidence.push(link(
        "CCP3.C1",
        Strength::Principale,
        "Recherche des démarches en ligne et fiches pratiques produites pour les séances, \
         classées dans le plan de l'équipe.",
        day(-90),
    ));
    let atelier = Projet {
        meta,
        titre: "Atelier « démarches en ligne sans stress »".into(),
        type_projet: "atelier_collectif".into(),
        role: "porteur".into(),
        debut: atelier_debut,
        diagnostic: "Un tiers des aides techniques du journal portent sur une démarche en \
            ligne abandonnée (compte CAF, déclaration de revenus, prise de rendez-vous) ; les \
            personnes reviennent pour la même démarche."
            .into(),
        constats_veille: veille,
        constats_notes: notes,
        constats_interactions: data
            .interactions
            .iter()
            .rev()
            .filter(|i| i.types.iter().any(|t| t == "aide_technique"))
            .take(3)
            .map(|i| i.meta.id)
            .collect(),
        objectifs: "Rendre les participants autonomes sur trois démarches courantes ; créer \
            leur espace personnel CAF et impots.gouv ; savoir où trouver de l'aide ensuite."
            .into(),
        public_vise: "Adultes reçus à la permanence, peu à l'aise avec le numérique".into(),
        partenaires: partenaires(
            s,
            &[
                (
                    "Espace public numérique des Tilleuls",
                    "salle et ordinateurs, co-animation",
                ),
                (
                    "CAF de Val-de-Brume",
                    "financeur, intervention sur l'espace allocataire",
                ),
                (
                    "France Services des Tilleuls",
                    "orientation des participants",
                ),
            ],
        ),
        moyens: "Une médiatrice, un conseiller numérique ; huit postes ; un vidéoprojecteur."
            .into(),
        budget: vec![
            budget("Supports imprimés", 80, "CAF de Val-de-Brume"),
            budget("Clés USB pour les participants", 120, "CAF de Val-de-Brume"),
            budget("Salle et postes", 0, "Espace public numérique des Tilleuls"),
        ],
        phases: vec![
            phase("conception", atelier_debut, day(-91)),
            phase("preparation", day(-90), day(-61)),
            phase("mise_en_oeuvre", day(-60), day(30)),
            phase("evaluation", day(31), day(60)),
        ],
        taches: vec![
            tache("Caler les dates avec l'EPN", "moi", day(-95), true),
            tache("Préparer les pas-à-pas", "moi", day(-65), true),
            tache(
                "Relancer les inscrits de la séance 5",
                "moi",
                day(-2),
                false,
            ),
            tache(
                "Questionnaire de fin d'atelier",
                "conseiller numérique",
                day(25),
                false,
            ),
        ],
        indicateurs: vec![
            indicateur("Séances", 8, Realise::Seances),
            indicateur("Participants (cumul)", 60, Realise::Participants),
            indicateur("Heures d'atelier", 16, Realise::Heures),
            indicateur("Espaces CAF créés", 15, Realise::Saisi(9)),
        ],
        fiches: ["Créer son compte", "CAF", "rendez-vous"]
            .iter()
            .filter_map(|n| fiche(n))
            .take(2)
            .collect(),
        sources: vec![SourceDoc {
            titre: "Les Bons Clics — parcours démarches en ligne".into(),
            url: "https://www.lesbonsclics.fr".into(),
            consultee: Some(day(-100)),
        }],
        bilan: Text::default(),
    };

    // The fête de quartier, being designed with the residents.
    let fete_debut = day(-20);
    let mut meta = ids.meta(fete_debut, hm(14, 0));
    meta.evidence.push(link(
        "CCP3.C2",
        Strength::Secondaire,
        "Participation à la conception avec le conseil citoyen.",
        fete_debut,
    ));
    let fete = Projet {
        meta,
        titre: "Fête de quartier des Tilleuls".into(),
        type_projet: "evenement_quartier".into(),
        role: "participant".into(),
        debut: fete_debut,
        diagnostic: "Après la rénovation du square, les habitants demandent un moment pour se \
            réapproprier les lieux."
            .into(),
        constats_veille: Vec::new(),
        constats_notes: Vec::new(),
        constats_interactions: Vec::new(),
        objectifs: "Réunir les habitants autour du square rénové ; présenter les services du \
            quartier."
            .into(),
        public_vise: "Habitants des Tilleuls, toutes générations".into(),
        partenaires: partenaires(
            s,
            &[
                ("Conseil citoyen des Tilleuls", "porteur"),
                ("Mairie de Val-de-Brume", "autorisations, matériel"),
                ("Habitat Brumois", "financeur"),
            ],
        ),
        moyens: "Stands des partenaires, sono de la mairie.".into(),
        budget: vec![budget("Animations", 400, "Habitat Brumois")],
        phases: vec![
            phase("conception", fete_debut, day(20)),
            phase("preparation", day(21), day(150)),
        ],
        taches: vec![
            tache("Recenser les stands partenaires", "moi", day(12), false),
            tache(
                "Demande d'autorisation en mairie",
                "conseil citoyen",
                day(40),
                false,
            ),
        ],
        indicateurs: vec![indicateur("Habitants présents", 200, Realise::NonRenseigne)],
        fiches: Vec::new(),
        sources: Vec::new(),
        bilan: Text::default(),
    };

    let mut seances = Vec::new();
    let mut add = |projet: &Projet,
                   date: NaiveDate,
                   lieu: &str,
                   nombre: u16,
                   femmes: u16,
                   deroule: &str,
                   reussites: &str,
                   a_changer: &str| {
        let mut meta = seance_ids.meta(date, hm(14, 0));
        meta.evidence.push(link(
            "CCP3.C4",
            Strength::Principale,
            "Séance animée : accueil, déroulé, participation comptée.",
            date,
        ));
        seances.push(Seance {
            meta,
            projet: projet.meta.id,
            date,
            heure: Some(hm(14, 0)),
            duree_min: 120,
            lieu: lieu.into(),
            participants: PublicAnonyme {
                nombre,
                attributs: [
                    count("genres", "feminin", femmes),
                    count("genres", "masculin", nombre - femmes),
                ]
                .into(),
            },
            partenaires: projet
                .partenaires
                .iter()
                .take(1)
                .map(|p| p.structure.clone())
                .collect(),
            animateurs: "Médiatrice et partenaire".into(),
            deroule: deroule.into(),
            reussites: reussites.into(),
            a_changer: a_changer.into(),
        });
    };
    let cafe_lieu = "Collège des Tilleuls, salle polyvalente";
    for (k, (n, f)) in [(8, 7), (11, 9), (9, 7), (9, 8)].into_iter().enumerate() {
        add(
            &cafe,
            day(-279 + 28 * k as i64),
            cafe_lieu,
            n,
            f,
            "Accueil autour d'un café ; un thème choisi par les parents ; questions à la CPE.",
            "Les parents reviennent et amènent d'autres parents.",
            if k == 0 {
                "Trop peu de temps pour les questions individuelles."
            } else {
                ""
            },
        );
    }
    let epn = "Espace public numérique des Tilleuls";
    for (k, (n, f)) in [(7, 5), (8, 6), (6, 4), (9, 7), (8, 5)]
        .into_iter()
        .enumerate()
    {
        add(
            &atelier,
            day(-60 + 14 * k as i64),
            epn,
            n,
            f,
            "Tour de table des démarches en attente ; pas-à-pas au vidéoprojecteur ; chacun \
             fait sa démarche sur son poste, aidé.",
            "Chacun repart avec sa démarche faite et le pas-à-pas imprimé.",
            if k == 2 {
                "Prévoir des identifiants oubliés : une demi-heure perdue à les retrouver."
            } else {
                ""
            },
        );
    }
    (vec![cafe, atelier, fete], seances)
}

struct CasSeed {
    jours: i64,
    intitule: &'static str,
    type_cas: &'static str,
    origine: &'static str,
    /// The other party when it is a structure of the network.
    structure: Option<&'static str>,
    /// Days from the saisine to each status.
    etapes: &'static [(i64, &'static str)],
    consentement: Option<i64>,
    issue: Option<&'static str>,
    bilan: &'static str,
    justification: &'static str,
    /// The case's interactions: days from the saisine, canal, demande, besoin.
    echanges: &'static [(i64, &'static str, &'static str, &'static str)],
    thematique: &'static str,
}

/// How many interactions the cases bring to the journal.
pub const CASE_INTERACTIONS: usize = 13;

/// A journal this long holds the cases' interactions (a small one, for tests, does not).
pub const CASES_FROM: usize = 1_000;

const CAS: &[CasSeed] = &[
    CasSeed {
        jours: -160,
        intitule: "Versement CAF suspendu après un déménagement",
        type_cas: "usager_institution",
        origine: "personne",
        structure: Some("CAF de Val-de-Brume"),
        etapes: &[
            (0, "a_traiter"),
            (1, "contact_demandeur"),
            (3, "solliciter_autre_partie"),
            (10, "attente_reponse"),
            (24, "rencontre"),
            (30, "finalisation"),
            (41, "clos"),
        ],
        consentement: Some(1),
        issue: Some("accord_total"),
        bilan: "Rendez-vous obtenu avec la référente CAF ; pièces manquantes identifiées et \
            transmises ; droits rétablis avec rappel. La personne sait désormais signaler un \
            changement d'adresse en ligne.",
        justification: "Médiation menée auprès de la CAF, de la saisine à l'accord, chaque \
            étape datée.",
        echanges: &[
            (
                0,
                "accueil_rdv",
                "Versements CAF arrêtés depuis le déménagement",
                "Comprendre le blocage et le lever",
            ),
            (
                3,
                "telephone",
                "Appel à la référente CAF pour le dossier suspendu",
                "Obtenir un rendez-vous avec la CAF",
            ),
            (
                24,
                "structure_partenaire",
                "Rendez-vous à la CAF avec la personne",
                "Réunir les pièces demandées",
            ),
        ],
        thematique: "social_sante",
    },
    CasSeed {
        jours: -75,
        intitule: "Charges d'eau contestées, résidence des Tilleuls",
        type_cas: "bailleur_locataire",
        origine: "partenaire",
        structure: Some("Habitat Brumois"),
        etapes: &[
            (0, "a_traiter"),
            (4, "contact_demandeur"),
            (12, "rencontre"),
        ],
        consentement: Some(4),
        issue: None,
        bilan: "",
        justification: "Médiation entre une locataire et le bailleur : écoute, reformulation \
            de la demande, préparation de la rencontre.",
        echanges: &[
            (
                0,
                "accueil_spontane",
                "Régularisation de charges d'eau jugée trop élevée",
                "Comprendre le décompte et le contester",
            ),
            (
                12,
                "structure_partenaire",
                "Rencontre locataire et bailleur sur les charges",
                "Un échéancier acceptable pour les deux",
            ),
        ],
        thematique: "logement",
    },
    CasSeed {
        jours: -45,
        intitule: "Bruit de voisinage, bâtiment C",
        type_cas: "voisinage",
        origine: "personne",
        structure: None,
        etapes: &[
            (0, "a_traiter"),
            (2, "contact_demandeur"),
            (5, "solliciter_autre_partie"),
            (9, "attente_reponse"),
        ],
        consentement: Some(2),
        issue: None,
        bilan: "",
        justification: "Médiation entre voisins : relation de confiance avec chacun, besoin \
            analysé derrière la plainte.",
        echanges: &[
            (
                0,
                "accueil_spontane",
                "Plainte pour bruit la nuit, bâtiment C",
                "Retrouver le sommeil sans conflit ouvert",
            ),
            (
                5,
                "domicile",
                "Visite à l'autre partie pour présenter la médiation",
                "Être entendu avant toute rencontre",
            ),
        ],
        thematique: "cadre_de_vie",
    },
    CasSeed {
        jours: -6,
        intitule: "Désaccord parents–collège sur une exclusion de cantine",
        type_cas: "scolaire",
        origine: "partenaire",
        structure: Some("Collège des Tilleuls"),
        etapes: &[(0, "a_traiter"), (2, "contact_demandeur")],
        consentement: None,
        issue: None,
        bilan: "",
        justification: "Saisine par le collège ; premier entretien avec la famille.",
        echanges: &[(
            2,
            "accueil_rdv",
            "Entretien avec la famille sur l'exclusion de cantine",
            "Comprendre la décision et être écoutée",
        )],
        thematique: "famille_scolarite",
    },
    CasSeed {
        jours: -200,
        intitule: "Regroupements tardifs devant le hall du 12",
        type_cas: "espace_public",
        origine: "observation",
        structure: Some("Collectif Les Voisins du Parc"),
        etapes: &[
            (0, "a_traiter"),
            (7, "rencontre"),
            (21, "finalisation"),
            (35, "clos"),
        ],
        consentement: Some(7),
        issue: Some("accord_partiel"),
        bilan: "Deux rencontres entre jeunes et habitants : horaires convenus pour la \
            musique, un banc déplacé. Les nuisances tardives ont diminué sans cesser.",
        justification: "Médiation dans l'espace public : chacun entendu, accord construit par \
            les parties.",
        echanges: &[
            (
                0,
                "espace_public",
                "Observation de regroupements tardifs devant le hall",
                "Apaiser sans stigmatiser les jeunes",
            ),
            (
                7,
                "espace_public",
                "Rencontre jeunes et habitants au pied du 12",
                "Des horaires acceptés par chacun",
            ),
        ],
        thematique: "cadre_de_vie",
    },
    CasSeed {
        jours: -1,
        intitule: "Stationnement devant l'entrée de l'école du Parc",
        type_cas: "espace_public",
        origine: "partenaire",
        structure: Some("École élémentaire du Parc"),
        etapes: &[(0, "a_traiter")],
        consentement: None,
        issue: None,
        bilan: "",
        justification: "Saisine par l'école : situation observée avant d'en parler aux parents.",
        echanges: &[(
            0,
            "espace_public",
            "Observation du stationnement à la sortie de l'école",
            "Sécuriser la sortie sans braquer les parents",
        )],
        thematique: "cadre_de_vie",
    },
    CasSeed {
        jours: -30,
        intitule: "Facture d'énergie contestée après un compteur défectueux",
        type_cas: "usager_institution",
        origine: "personne",
        structure: Some("Brume Énergies"),
        etapes: &[
            (0, "a_traiter"),
            (1, "contact_demandeur"),
            (2, "solliciter_autre_partie"),
            (9, "attente_reponse"),
            (16, "rencontre"),
            (23, "finalisation"),
        ],
        consentement: Some(1),
        issue: None,
        bilan: "",
        justification: "Médiation auprès du fournisseur : relevés réunis, échéancier proposé.",
        echanges: &[(
            16,
            "structure_partenaire",
            "Rendez-vous au service clients avec les relevés du compteur",
            "Un rectificatif de facture et un échéancier",
        )],
        thematique: "energie_eau",
    },
    CasSeed {
        jours: -5,
        intitule: "Enfants du 8 et locataire du dessous : jeux dans l'escalier",
        type_cas: "voisinage",
        origine: "personne",
        structure: None,
        etapes: &[
            (0, "a_traiter"),
            (1, "contact_demandeur"),
            (3, "solliciter_autre_partie"),
        ],
        consentement: Some(1),
        issue: None,
        bilan: "",
        justification: "Médiation entre voisins : la demande écoutée, l'autre famille approchée.",
        echanges: &[(
            1,
            "domicile",
            "Rencontre avec la locataire gênée par les jeux dans l'escalier",
            "Être entendue sans que le conflit s'envenime",
        )],
        thematique: "cadre_de_vie",
    },
];

/// Cases at every stage, each with the interactions of the journal that made it (returned
/// to join the journal); the analyse written after the institution case looks back at it.
pub(super) fn gen_cas(
    data: &Dataset,
    today: NaiveDate,
    with_interactions: bool,
) -> (Vec<CasMediation>, Vec<Interaction>) {
    let mut ids = Ids::new();
    let mut interaction_ids = Ids::new();
    let mut journal = Vec::new();
    let mut exchanges = 0;
    let mut suivis = data.suivis.iter().map(|s| s.meta.id);
    let cases = CAS
        .iter()
        .map(|seed| {
            let date = today + Duration::days(seed.jours);
            let etapes: Vec<Etape> = seed
                .etapes
                .iter()
                .map(|(d, statut)| Etape {
                    date: date + Duration::days(*d),
                    statut: (*statut).into(),
                })
                .collect();
            let statut = etapes
                .last()
                .map_or_else(|| "a_traiter".into(), |e| e.statut.clone());
            let end = etapes.last().map_or(date, |e| e.date);
            let mut record = CasMediation {
                meta: ids.meta(date, hm(11, 0)),
                date,
                intitule: seed.intitule.into(),
                type_cas: seed.type_cas.into(),
                origine: seed.origine.into(),
                demandeur: suivis.next(),
                autre_partie: if seed.structure.is_none() {
                    suivis.next()
                } else {
                    None
                },
                structure: seed.structure.and_then(|n| lien(&data.structures, n)),
                consentement_le: seed.consentement.map(|d| date + Duration::days(d)),
                statut,
                etapes,
                issue: seed.issue.map(Text::from),
                bilan: seed.bilan.into(),
                interactions: Vec::new(),
                analyses: Vec::new(),
            };
            let competences = record.competences();
            let mediation = if seed.type_cas == cas::USAGER_INSTITUTION {
                "mediation_institution"
            } else {
                "mediation_interpersonnelle"
            };
            let echanges = if with_interactions {
                seed.echanges
            } else {
                &[]
            };
            for (k, (offset, canal, demande, besoin)) in echanges.iter().enumerate() {
                let day = date + Duration::days(*offset);
                let mut meta = interaction_ids.meta(day, hms(15, 7 + k as u32));
                // Each exchange shows one competence of the case first, in turn.
                let principal = competences[exchanges % competences.len().max(1)];
                exchanges += 1;
                meta.evidence.push(link(
                    principal,
                    Strength::Principale,
                    justification(principal),
                    day,
                ));
                for &c in competences
                    .iter()
                    .filter(|&&c| c != principal && c != "CCP2.C9")
                {
                    meta.evidence
                        .push(link(c, Strength::Secondaire, justification(c), day));
                }
                let mut it = Interaction::blank(meta, day, hm(15, 7 + k as u32), None);
                it.types = [Text::from(mediation)].into();
                it.canal = (*canal).into();
                it.lieu = match *canal {
                    "structure_partenaire" => {
                        seed.structure.unwrap_or("Structure partenaire").into()
                    }
                    "espace_public" => "Au pied des immeubles, square des Tilleuls".into(),
                    "domicile" => "Au domicile".into(),
                    "telephone" => "Par téléphone".into(),
                    _ => "Permanence des Tilleuls".into(),
                };
                it.quartier = "Les Tilleuls".into();
                it.duree_min = 45;
                it.thematiques = [Text::from(seed.thematique)].into();
                it.demande = (*demande).into();
                it.besoin = (*besoin).into();
                it.reponses = [Text::from("mediation_engagee")].into();
                if let Some(code) = record.demandeur {
                    it.personnes = Personnes::Suivi(code);
                }
                record.interactions.push(it.meta.id);
                journal.push(it);
            }
            if record.type_cas == cas::USAGER_INSTITUTION {
                record.analyses = data
                    .analyses
                    .iter()
                    .filter(|a| a.date >= end)
                    .take(1)
                    .map(|a| a.meta.id)
                    .collect();
            }
            for (k, competence) in record.competences().into_iter().enumerate() {
                record.meta.evidence.push(link(
                    competence,
                    if k == 0 {
                        Strength::Principale
                    } else {
                        Strength::Secondaire
                    },
                    seed.justification,
                    end,
                ));
            }
            record
        })
        .collect();
    (cases, journal)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cases_add_as_many_interactions_as_said() {
        let n: usize = super::CAS.iter().map(|c| c.echanges.len()).sum();
        assert_eq!(n, super::CASE_INTERACTIONS);
    }
}
