//! The fictional territory's words. Every name here is invented; contacts are professionals
//! of partner structures, never persons helped.

pub struct StructureSeed {
    pub nom: &'static str,
    pub slug: &'static str,
    pub typologies: &'static [&'static str],
    pub quartier: &'static str,
    pub services: &'static [(&'static str, &'static [&'static str], &'static str)],
    pub publics: &'static str,
    pub notes: &'static str,
}

const fn s(
    nom: &'static str,
    slug: &'static str,
    typologies: &'static [&'static str],
    quartier: &'static str,
    services: &'static [(&'static str, &'static [&'static str], &'static str)],
    publics: &'static str,
    notes: &'static str,
) -> StructureSeed {
    StructureSeed {
        nom,
        slug,
        typologies,
        quartier,
        services,
        publics,
        notes,
    }
}

pub const STRUCTURES: &[StructureSeed] = &[
    s(
        "CAF de Val-de-Brume",
        "caf-valdebrume",
        &["CAF"],
        "Centre-ville",
        &[(
            "information",
            &["social_sante", "famille_scolarite", "logement"],
            "Sur rendez-vous, numéro allocataire demandé",
        )],
        "Allocataires et futurs allocataires",
        "Rendez-vous pris via le site ou la borne de l'accueil.",
    ),
    s(
        "CPAM — accueil de Val-de-Brume",
        "cpam-valdebrume",
        &["CPAM"],
        "Centre-ville",
        &[(
            "information",
            &["social_sante"],
            "Sur rendez-vous le mardi et le jeudi",
        )],
        "Assurés sociaux",
        "Référente précarité joignable par la messagerie partenaires.",
    ),
    s(
        "France Travail — agence du Val",
        "ft-val",
        &["FT"],
        "La Garenne",
        &[(
            "accompagnement",
            &["travail_formation"],
            "Inscription préalable en ligne",
        )],
        "Demandeurs d'emploi",
        "",
    ),
    s(
        "Mission locale du Val",
        "ml-val",
        &["ML"],
        "Centre-ville",
        &[(
            "accompagnement",
            &["travail_formation", "logement"],
            "16-25 ans",
        )],
        "Jeunes de 16 à 25 ans",
        "Permanence aux Tilleuls le mercredi après-midi.",
    ),
    s(
        "CCAS de Val-de-Brume",
        "ccas-valdebrume",
        &["CCAS"],
        "Centre-ville",
        &[
            (
                "aide-financiere",
                &["argent_impots", "energie_eau"],
                "Sous conditions de ressources",
            ),
            ("information", &["social_sante"], ""),
        ],
        "Habitants de la commune",
        "",
    ),
    s(
        "Mairie de Val-de-Brume",
        "mairie-valdebrume",
        &["MUNI"],
        "Centre-ville",
        &[("information", &["papiers_citoyennete"], "")],
        "Tous publics",
        "État civil et élections au rez-de-chaussée.",
    ),
    s(
        "Centre social des Tilleuls",
        "cs-tilleuls",
        &["CS"],
        "Les Tilleuls",
        &[(
            "atelier",
            &["famille_scolarite", "numerique", "loisirs_culture"],
            "Adhésion annuelle",
        )],
        "Familles du quartier",
        "Partenaire historique, locaux partagés pour les ateliers.",
    ),
    s(
        "Maison de quartier de la Garenne",
        "mq-garenne",
        &["MQ"],
        "La Garenne",
        &[("atelier", &["loisirs_culture"], "")],
        "Habitants",
        "",
    ),
    s(
        "France Services des Tilleuls",
        "fs-tilleuls",
        &["RFS"],
        "Les Tilleuls",
        &[(
            "accompagnement",
            &["papiers_citoyennete", "argent_impots", "numerique"],
            "Sans rendez-vous le matin",
        )],
        "Tous publics",
        "Neuf opérateurs nationaux représentés.",
    ),
    s(
        "PIMMS du Val",
        "pimms-val",
        &["PIMMS"],
        "Centre-ville",
        &[("information", &["energie_eau", "transports_mobilite"], "")],
        "Tous publics",
        "",
    ),
    s(
        "Point d'accès au droit de Val-de-Brume",
        "pad-valdebrume",
        &["PAD"],
        "Centre-ville",
        &[(
            "information",
            &["justice"],
            "Consultations juridiques gratuites sur rendez-vous",
        )],
        "Tous publics",
        "",
    ),
    s(
        "CIDFF du département",
        "cidff",
        &["CIDFF"],
        "Centre-ville",
        &[("information", &["justice", "famille_scolarite"], "")],
        "Femmes et familles",
        "",
    ),
    s(
        "Épicerie solidaire Le Panier",
        "le-panier",
        &["ES"],
        "Les Tilleuls",
        &[(
            "aide-materielle",
            &["argent_impots"],
            "Sur orientation d'un travailleur social",
        )],
        "Foyers aux ressources modestes",
        "",
    ),
    s(
        "Médiathèque Louise-Aubrac",
        "mediatheque",
        &["BIB"],
        "Centre-ville",
        &[("atelier", &["numerique", "loisirs_culture"], "")],
        "Tous publics",
        "Ateliers numériques le samedi matin.",
    ),
    s(
        "Espace public numérique des Tilleuls",
        "epn-tilleuls",
        &["EPN"],
        "Les Tilleuls",
        &[("atelier", &["numerique"], "Sur inscription")],
        "Tous publics",
        "",
    ),
    s(
        "Habitat Brumois",
        "habitat-brumois",
        &["BAILLEUR_SOCIAL"],
        "Les Tilleuls",
        &[("information", &["logement", "cadre_de_vie"], "")],
        "Locataires du parc social",
        "Gardiens joignables en loge de 8 h à 10 h.",
    ),
    s(
        "Collège des Tilleuls",
        "college-tilleuls",
        &["ETAB_SCOLAIRE"],
        "Les Tilleuls",
        &[],
        "Élèves et familles",
        "",
    ),
    s(
        "École élémentaire du Parc",
        "ecole-parc",
        &["ETAB_SCOLAIRE"],
        "Les Tilleuls",
        &[],
        "Élèves et familles",
        "",
    ),
    s(
        "Police municipale de Val-de-Brume",
        "pm-valdebrume",
        &["POLICE_MUNICIPALE"],
        "Centre-ville",
        &[],
        "",
        "",
    ),
    s(
        "Commissariat de Val-de-Brume",
        "commissariat",
        &["POLICE_GENDARMERIE"],
        "Centre-ville",
        &[],
        "",
        "",
    ),
    s(
        "Délégation du préfet — quartiers",
        "delegue-prefet",
        &["DELEGUE_PREFET"],
        "Centre-ville",
        &[],
        "",
        "Co-anime le comité de suivi du contrat de ville.",
    ),
    s(
        "Conciliateur de justice du canton",
        "conciliateur",
        &["CONCILIATEUR_DEFENSEUR"],
        "Centre-ville",
        &[(
            "information",
            &["justice", "cadre_de_vie"],
            "Sur rendez-vous en mairie",
        )],
        "Tous publics",
        "",
    ),
    s(
        "Centre médico-psychologique du Val",
        "cmp-val",
        &["CMP"],
        "La Garenne",
        &[("accompagnement", &["social_sante"], "Sur rendez-vous")],
        "Adultes",
        "",
    ),
    s(
        "Centre médico-social des Tilleuls",
        "cms-tilleuls",
        &["CMS"],
        "Les Tilleuls",
        &[("accompagnement", &["social_sante", "famille_scolarite"], "")],
        "Tous publics",
        "",
    ),
    s(
        "Maison départementale des solidarités",
        "mds",
        &["MDS", "CD"],
        "Centre-ville",
        &[(
            "accompagnement",
            &["social_sante", "famille_scolarite", "logement"],
            "",
        )],
        "Tous publics",
        "",
    ),
    s(
        "MDPH du département",
        "mdph",
        &["MDPH"],
        "Centre-ville",
        &[("information", &["social_sante"], "Dossier complet exigé")],
        "Personnes en situation de handicap",
        "",
    ),
    s(
        "Entraide brumoise",
        "entraide",
        &["ASSO"],
        "Les Tilleuls",
        &[("aide-materielle", &["argent_impots"], "")],
        "Tous publics",
        "",
    ),
    s(
        "Association Lire et Écrire au Val",
        "lire-ecrire",
        &["ASSO"],
        "La Garenne",
        &[(
            "formation",
            &["travail_formation", "etrangers"],
            "Évaluation préalable",
        )],
        "Adultes",
        "Cours de français langue étrangère.",
    ),
    s(
        "MJC du Val",
        "mjc-val",
        &["MJC"],
        "Centre-ville",
        &[("atelier", &["loisirs_culture"], "")],
        "Jeunes et familles",
        "",
    ),
    s(
        "CHRS L'Escale",
        "escale",
        &["CHRS"],
        "La Garenne",
        &[("accompagnement", &["logement"], "Orientation par le SIAO")],
        "Personnes sans logement",
        "",
    ),
    s(
        "CADA du Val",
        "cada-val",
        &["CADA"],
        "La Garenne",
        &[("accompagnement", &["etrangers"], "")],
        "Demandeurs d'asile",
        "",
    ),
    s(
        "UDAF du département",
        "udaf",
        &["UDAF"],
        "Centre-ville",
        &[("information", &["argent_impots", "famille_scolarite"], "")],
        "Familles",
        "Point conseil budget.",
    ),
    s(
        "La Poste — bureau des Tilleuls",
        "poste-tilleuls",
        &["LA_POSTE"],
        "Les Tilleuls",
        &[],
        "Tous publics",
        "",
    ),
    s(
        "Centre des finances publiques",
        "cfp-val",
        &["CFP"],
        "Centre-ville",
        &[(
            "information",
            &["argent_impots"],
            "Accueil sur rendez-vous conseillé",
        )],
        "Contribuables",
        "",
    ),
    s(
        "Brume Énergies",
        "brume-energies",
        &["ENERGIE_EAU"],
        "Centre-ville",
        &[("information", &["energie_eau"], "")],
        "Abonnés",
        "Cellule solidarité pour les impayés.",
    ),
    s(
        "Trans'Brume",
        "transbrume",
        &["TRANSPORTEUR"],
        "Centre-ville",
        &[("information", &["transports_mobilite"], "")],
        "Usagers",
        "",
    ),
    s(
        "Centre hospitalier du Val",
        "ch-val",
        &["SANTE_HOPITAL"],
        "La Garenne",
        &[("accompagnement", &["social_sante"], "")],
        "Patients",
        "Permanence d'accès aux soins de santé (PASS).",
    ),
    s(
        "Conseil citoyen des Tilleuls",
        "conseil-citoyen",
        &["INSTANCE_LOCALE"],
        "Les Tilleuls",
        &[],
        "Habitants",
        "",
    ),
    s(
        "Collectif Les Voisins du Parc",
        "voisins-parc",
        &["COLLECTIF_HABITANTS"],
        "Les Tilleuls",
        &[],
        "Habitants",
        "Jardin partagé au pied de la tour B.",
    ),
    s(
        "Communauté d'agglomération du Val",
        "agglo-val",
        &["EPCI"],
        "Centre-ville",
        &[],
        "",
        "Service politique de la ville.",
    ),
];

pub const RUES: &[&str] = &[
    "rue des Tilleuls",
    "avenue du Parc",
    "place de la Mairie",
    "rue Jean-Jaurès",
    "boulevard de la Garenne",
    "allée des Acacias",
    "rue de la Gare",
    "square Marie-Curie",
];

pub const HORAIRES: &[&str] = &[
    "Lundi-vendredi 9 h-12 h, 14 h-17 h",
    "Lundi, mardi, jeudi 8 h 30-12 h 30 ; mercredi sur rendez-vous",
    "Mardi-samedi 10 h-18 h",
    "Lundi-vendredi 8 h 30-17 h 30",
];

pub const PRENOMS_PROS: &[&str] = &[
    "Sophie", "Karim", "Nathalie", "Julien", "Fatou", "Olivier", "Claire", "Mehdi", "Isabelle",
    "Thomas", "Aïcha", "Éric", "Hélène", "Yann", "Léa", "Samir",
];
pub const NOMS_PROS: &[&str] = &[
    "Lefèvre",
    "Benali",
    "Moreau",
    "Girard",
    "Diallo",
    "Roux",
    "Fontaine",
    "Haddad",
    "Chevalier",
    "Lambert",
    "Mercier",
    "Da Silva",
    "Garnier",
    "Perrin",
];
pub const FONCTIONS: &[&str] = &[
    "Chargée d'accueil",
    "Conseiller",
    "Travailleuse sociale",
    "Responsable de site",
    "Coordinatrice",
    "Animateur",
    "Référente famille",
    "Chargé de gestion locative",
    "Directrice",
];

pub const THEMES: &[&str] = &[
    "papiers_citoyennete",
    "famille_scolarite",
    "social_sante",
    "social_sante",
    "travail_formation",
    "logement",
    "logement",
    "transports_mobilite",
    "argent_impots",
    "argent_impots",
    "justice",
    "etrangers",
    "loisirs_culture",
    "numerique",
    "numerique",
    "energie_eau",
    "cadre_de_vie",
    "cadre_de_vie",
    "autre",
];

pub fn demandes(theme: &str) -> &'static [&'static str] {
    match theme {
        "papiers_citoyennete" => &[
            "Renouvellement de carte d'identité : prise de rendez-vous",
            "Inscription sur les listes électorales",
            "Demande d'acte de naissance",
            "Passeport perdu : démarches à suivre",
        ],
        "famille_scolarite" => &[
            "Inscription scolaire après un déménagement",
            "Question sur la cantine et les tarifs",
            "Conflit avec l'école au sujet d'une exclusion",
            "Demande de bourse de collège",
        ],
        "social_sante" => &[
            "Complémentaire santé solidaire : constitution du dossier",
            "Carte Vitale non reçue",
            "Recherche d'un médecin traitant",
            "Renouvellement d'un dossier MDPH",
            "Attestation de droits à la sécurité sociale",
        ],
        "travail_formation" => &[
            "Actualisation France Travail impossible en ligne",
            "Rédaction d'un CV",
            "Recherche d'une formation en français",
            "Question sur une fin de contrat",
        ],
        "logement" => &[
            "Demande de logement social : dossier à compléter",
            "Humidité dans le logement, bailleur à contacter",
            "Question sur une augmentation de loyer",
            "Aide au paiement du dépôt de garantie",
            "Demande d'échange de logement",
        ],
        "transports_mobilite" => &[
            "Tarif solidaire des transports",
            "Amende de transport contestée",
            "Code de la route : inscription",
        ],
        "argent_impots" => &[
            "Déclaration de revenus en ligne",
            "Courrier des impôts incompris",
            "Dossier de surendettement",
            "Ouverture d'un compte bancaire refusée",
        ],
        "justice" => &[
            "Question sur une convocation au tribunal",
            "Recherche d'un avocat commis d'office",
            "Litige avec un vendeur",
        ],
        "etrangers" => &[
            "Renouvellement de titre de séjour : prise de rendez-vous en ligne",
            "Traduction d'un document administratif",
            "Cours de français pour adultes",
        ],
        "loisirs_culture" => &[
            "Inscription des enfants au centre de loisirs",
            "Aide pour une licence sportive",
            "Sortie familiale de l'été",
        ],
        "numerique" => &[
            "Création d'une adresse électronique",
            "Accès à l'espace personnel CAF",
            "Mot de passe oublié sur un site administratif",
            "Scanner et envoyer des justificatifs",
        ],
        "energie_eau" => &[
            "Facture d'énergie élevée : échéancier",
            "Chèque énergie non reçu",
            "Coupure d'eau annoncée",
        ],
        "cadre_de_vie" => &[
            "Nuisances sonores dans la cage d'escalier",
            "Conflit de voisinage au sujet d'un parking",
            "Encombrants dans le hall",
            "Ascenseur en panne depuis une semaine",
        ],
        _ => &[
            "Demande d'information générale",
            "Renseignement sur les permanences du quartier",
        ],
    }
}

pub const TYPE_WEIGHTS: &[(&str, u32)] = &[
    ("accueil_information", 30),
    ("aide_technique", 25),
    ("orientation", 14),
    ("accompagnement", 8),
    ("ecoute", 5),
    ("mediation_interpersonnelle", 4),
    ("mediation_institution", 3),
    ("gestion_conflit_immediat", 1),
    ("presence_active", 4),
    ("veille_technique", 2),
    ("veille_sociale", 1),
    ("concertation", 1),
    ("action_collective", 1),
    ("appui_projet", 1),
];

/// What an interaction shows of a competence, in the mediator's words: one justification
/// per competence the interaction types suggest.
pub fn justification(competence: &str) -> &'static str {
    match competence {
        "CCP2.C3" => "J'ai informé sur les droits et les démarches en vérifiant la compréhension.",
        "CCP2.C5" => {
            "J'ai reformulé la demande pour faire apparaître le besoin réel avant de proposer une réponse."
        }
        "CCP2.C6" => {
            "J'ai laissé la personne réaliser la démarche elle-même en la guidant étape par étape."
        }
        "CCP2.C4" => {
            "J'ai maintenu le lien sur plusieurs rencontres, dans une écoute sans jugement."
        }
        "CCP1.C3" => {
            "J'ai contacté directement le partenaire pour faciliter la prise de rendez-vous."
        }
        "CCP2.C7" => "J'ai expliqué la situation à l'institution et obtenu un réexamen du dossier.",
        "CCP2.C10" => "J'ai posé le cadre, mis les personnes en sécurité et apaisé l'échange.",
        "CCP1.C4" => "J'ai noté ce que j'ai observé et l'ai fait remonter au bon interlocuteur.",
        "CCP3.C4" => "J'ai animé l'atelier en partant des questions des participants.",
        "CCP3.C2" => "J'ai aidé les habitants à formuler leur projet et à trouver des appuis.",
        _ => {
            "J'ai reformulé la demande pour faire apparaître le besoin réel avant de proposer une réponse."
        }
    }
}

pub const SUITES: &[&str] = &[
    "Rappeler pour vérifier la réponse du partenaire",
    "Vérifier la réception du dossier",
    "Relancer le bailleur",
    "Préparer les justificatifs pour le prochain rendez-vous",
    "Faire le point après le rendez-vous",
];

pub const LIEUX: &[&str] = &[
    "Local de médiation",
    "Local de médiation",
    "France Services des Tilleuls",
    "Hall de la tour B",
    "Place du marché",
    "Centre social des Tilleuls",
    "Par téléphone",
];

pub const BESOINS: &[&str] = &[
    "Comprendre le courrier et savoir quoi répondre",
    "Être accompagné pour la démarche en ligne",
    "Retrouver un interlocuteur au sein de l'institution",
    "Être rassuré sur les délais",
    "Rétablir le dialogue avec le voisinage",
    "Accéder à ses droits ouverts mais non perçus",
];

pub const NOTES_PRO: &[&str] = &[
    "Démarche terminée ensemble ; la personne saura la refaire seule.",
    "Partenaire contacté en présence de la personne, rendez-vous obtenu.",
    "Situation à suivre : dossier incomplet, pièces à rapporter.",
    "Échange apaisé après une première rencontre tendue.",
];

pub const RENCONTRES: &[(&str, &str)] = &[
    (
        "reunion_partenariale",
        "Réunion partenariale sur l'accès aux droits",
    ),
    ("visite_structure", "Visite et présentation des services"),
    ("instance_locale", "Comité de suivi du contrat de ville"),
    ("permanence_commune", "Permanence commune aux Tilleuls"),
    ("forum_evenement", "Forum des associations"),
    ("echange_tel_mail", "Échange sur un circuit d'orientation"),
    (
        "formation_collective",
        "Formation collective sur la dématérialisation",
    ),
];

pub const COMPTES_RENDUS: &[&str] = &[
    "Présentation croisée de nos missions. Convenu d'un contact direct pour les situations urgentes.",
    "Point sur les orientations du trimestre et les délais de rendez-vous. Fiche partenaire à mettre à jour.",
    "Échanges sur les difficultés d'accès au numérique des habitants ; atelier commun envisagé.",
    "Calendrier des permanences communes fixé jusqu'à l'été.",
];

pub const VEILLE: &[(&str, &str, &str, &str)] = &[
    (
        "presse_locale",
        "L'Écho du Val",
        "cadre_de_vie",
        "Travaux de rénovation de la tour B annoncés pour le printemps.",
    ),
    (
        "site_institutionnel",
        "Site de la CAF",
        "social_sante",
        "Nouvelle procédure de déclaration trimestrielle en ligne.",
    ),
    (
        "reunion",
        "Comité de suivi du contrat de ville",
        "travail_formation",
        "Ouverture d'un chantier d'insertion sur le quartier.",
    ),
    (
        "observation_terrain",
        "Présence de proximité",
        "cadre_de_vie",
        "Éclairage défaillant sur le cheminement vers l'école.",
    ),
    (
        "partenaire",
        "Centre social des Tilleuls",
        "famille_scolarite",
        "Listes d'attente pour l'accompagnement scolaire.",
    ),
    (
        "newsletter",
        "Lettre de la préfecture",
        "etrangers",
        "Prise de rendez-vous titres de séjour uniquement en ligne.",
    ),
    (
        "reseaux_sociaux",
        "Groupe d'habitants",
        "transports_mobilite",
        "Ligne de bus 4 déviée pendant les travaux.",
    ),
    (
        "site_institutionnel",
        "Site des impôts",
        "argent_impots",
        "Ouverture de la campagne de déclaration des revenus.",
    ),
];

pub struct FicheSeed {
    pub titre: &'static str,
    pub type_fiche: &'static str,
    pub thematiques: &'static [&'static str],
    pub classement: &'static str,
    pub typologies: &'static [&'static str],
    pub sources: &'static [(&'static str, &'static str)],
    pub contenu: &'static str,
}

const fn f(
    titre: &'static str,
    type_fiche: &'static str,
    thematiques: &'static [&'static str],
    classement: &'static str,
    typologies: &'static [&'static str],
    sources: &'static [(&'static str, &'static str)],
    contenu: &'static str,
) -> FicheSeed {
    FicheSeed {
        titre,
        type_fiche,
        thematiques,
        classement,
        typologies,
        sources,
        contenu,
    }
}

const SP: (&str, &str) = ("Service-Public.fr", "https://www.service-public.fr");

pub const FICHES: &[FicheSeed] = &[
    f(
        "Demander la complémentaire santé solidaire",
        "fiche_pratique",
        &["social_sante"],
        "acces_droits.sante",
        &["CPAM"],
        &[SP, ("Ameli", "https://www.ameli.fr")],
        "# Complémentaire santé solidaire\n\n## Pour qui\nLes foyers dont les ressources sont sous un plafond.\n\n## Démarche\n1. Simuler les droits en ligne.\n2. Réunir les **justificatifs de ressources** des 12 derniers mois.\n3. Déposer le dossier en ligne ou à l'accueil CPAM.\n\n> Délai de réponse : deux mois environ.",
    ),
    f(
        "Prime d'activité : simulation et demande",
        "fiche_pratique",
        &["argent_impots", "travail_formation"],
        "acces_droits.prestations",
        &["CAF"],
        &[("CAF", "https://www.caf.fr")],
        "# Prime d'activité\n\n- Simulation sur le site de la CAF\n- Déclaration trimestrielle obligatoire\n\nAttention aux *oublis de déclaration* : ils suspendent le versement.",
    ),
    f(
        "Constituer un dossier MDPH",
        "fiche_pratique",
        &["social_sante"],
        "acces_droits.sante",
        &["MDPH"],
        &[SP],
        "# Dossier MDPH\n\n1. Formulaire Cerfa 15692\n2. Certificat médical de moins d'un an\n3. Justificatif d'identité et de domicile\n\nLe dossier incomplet est renvoyé : vérifier chaque pièce.",
    ),
    f(
        "Renouveler un titre de séjour",
        "fiche_pratique",
        &["etrangers", "papiers_citoyennete"],
        "acces_droits.papiers",
        &["PREF"],
        &[(
            "ANEF",
            "https://administration-etrangers-en-france.interieur.gouv.fr",
        )],
        "# Renouvellement de titre de séjour\n\nLa demande se fait **en ligne** entre quatre et deux mois avant l'expiration.\n\n- Créer un compte sur le site de l'ANEF\n- Numériser les pièces\n- Conserver l'attestation de dépôt",
    ),
    f(
        "Carte nationale d'identité et passeport",
        "fiche_pratique",
        &["papiers_citoyennete"],
        "acces_droits.papiers",
        &["MUNI"],
        &[SP],
        "# CNI et passeport\n\nPré-demande en ligne, puis rendez-vous en mairie équipée.\n\n`Numéro de pré-demande` à apporter.",
    ),
    f(
        "Demande de logement social",
        "fiche_pratique",
        &["logement"],
        "vie_quotidienne.logement",
        &["BAILLEUR_SOCIAL"],
        &[(
            "Demande de logement social",
            "https://www.demande-logement-social.gouv.fr",
        )],
        "# Demande de logement social\n\n1. Demande en ligne ou au guichet enregistreur\n2. Numéro unique à conserver\n3. Renouvellement **chaque année**\n\n> Sans renouvellement, la demande est radiée.",
    ),
    f(
        "Impayés d'énergie : les recours",
        "fiche_pratique",
        &["energie_eau", "argent_impots"],
        "vie_quotidienne.logement",
        &["ENERGIE_EAU", "CCAS"],
        &[("Énergie Info", "https://www.energie-info.fr")],
        "# Impayés d'énergie\n\n- Contacter le fournisseur pour un échéancier\n- Chèque énergie\n- Fonds de solidarité logement via le CCAS",
    ),
    f(
        "Inscription à France Travail",
        "fiche_pratique",
        &["travail_formation"],
        "vie_quotidienne.emploi",
        &["FT"],
        &[("France Travail", "https://www.francetravail.fr")],
        "# Inscription à France Travail\n\nInscription en ligne uniquement. Prévoir une adresse électronique et un CV.",
    ),
    f(
        "Créer une adresse électronique",
        "fiche_pratique",
        &["numerique"],
        "vie_quotidienne.numerique",
        &["EPN"],
        &[],
        "# Créer une adresse électronique\n\n1. Choisir un fournisseur\n2. Noter l'identifiant **dans un endroit sûr, jamais dans Carnet**\n3. Tester l'envoi d'un message",
    ),
    f(
        "Accéder à son espace CAF",
        "fiche_pratique",
        &["numerique", "social_sante"],
        "vie_quotidienne.numerique",
        &["CAF"],
        &[("CAF", "https://www.caf.fr")],
        "# Espace personnel CAF\n\nNuméro allocataire + code confidentiel. En cas d'oubli : *procédure de réinitialisation* par courrier.",
    ),
    f(
        "Fiche partenaire : Centre social des Tilleuls",
        "fiche_structure",
        &["famille_scolarite", "loisirs_culture"],
        "partenaires",
        &["CS"],
        &[],
        "# Centre social des Tilleuls\n\n- Accompagnement scolaire\n- Ateliers parents-enfants\n- Sorties familiales\n\nInterlocutrice : la référente famille.",
    ),
    f(
        "Fiche partenaire : Habitat Brumois",
        "fiche_structure",
        &["logement", "cadre_de_vie"],
        "partenaires",
        &["BAILLEUR_SOCIAL"],
        &[],
        "# Habitat Brumois\n\nBailleur principal des Tilleuls. Gardiens en loge le matin ; réclamations techniques par le numéro d'astreinte.",
    ),
    f(
        "Fiche partenaire : Point d'accès au droit",
        "fiche_structure",
        &["justice"],
        "partenaires",
        &["PAD"],
        &[],
        "# Point d'accès au droit\n\nConsultations gratuites d'avocats, de notaires et de conciliateurs, sur rendez-vous.",
    ),
    f(
        "Fiche partenaire : Mission locale du Val",
        "fiche_structure",
        &["travail_formation"],
        "partenaires",
        &["ML"],
        &[],
        "# Mission locale\n\nJeunes de 16 à 25 ans : emploi, formation, logement, santé. Permanence aux Tilleuls le mercredi.",
    ),
    f(
        "Fiche partenaire : Épicerie solidaire",
        "fiche_structure",
        &["argent_impots"],
        "partenaires",
        &["ES"],
        &[],
        "# Épicerie solidaire Le Panier\n\nAccès sur orientation d'un travailleur social, pour trois mois renouvelables.",
    ),
    f(
        "Dispositif : Fonds de solidarité logement",
        "fiche_dispositif",
        &["logement", "energie_eau"],
        "vie_quotidienne.logement",
        &["CD", "CCAS"],
        &[SP],
        "# Fonds de solidarité logement\n\nAides à l'accès (dépôt de garantie) et au maintien (impayés de loyer, d'énergie).",
    ),
    f(
        "Dispositif : Point conseil budget",
        "fiche_dispositif",
        &["argent_impots"],
        "acces_droits.prestations",
        &["UDAF"],
        &[],
        "# Point conseil budget\n\nAccompagnement gratuit et confidentiel pour les difficultés budgétaires, prévention du surendettement.",
    ),
    f(
        "Dispositif : Chèque énergie",
        "fiche_dispositif",
        &["energie_eau"],
        "vie_quotidienne.logement",
        &["ENERGIE_EAU"],
        &[("Chèque énergie", "https://www.chequeenergie.gouv.fr")],
        "# Chèque énergie\n\nEnvoyé automatiquement selon le revenu fiscal de référence : la déclaration de revenus est indispensable.",
    ),
    f(
        "Dispositif : Pass numérique",
        "fiche_dispositif",
        &["numerique"],
        "vie_quotidienne.numerique",
        &["EPN"],
        &[],
        "# Pass numérique\n\nChéquiers donnant accès à des ateliers numériques dans les lieux labellisés.",
    ),
    f(
        "Procédure : accueil d'une personne en colère",
        "procedure_interne",
        &["cadre_de_vie"],
        "procedures",
        &[],
        &[],
        "# Accueil d'une personne en colère\n\n1. Rester calme, se placer près de la sortie\n2. Écouter sans interrompre\n3. Reformuler\n4. Si la tension monte : appeler le binôme\n\n> Se protéger et protéger l'autre.",
    ),
    f(
        "Procédure : personne en danger",
        "procedure_interne",
        &["social_sante"],
        "procedures",
        &[],
        &[],
        "# Personne en danger\n\n- Urgence vitale : **15**, **17**, **18** ou **112**\n- Mineur en danger : **119**, et information de la hiérarchie\n- Violences conjugales : **3919**",
    ),
    f(
        "Procédure : classement des documents de l'équipe",
        "procedure_interne",
        &["autre"],
        "procedures",
        &[],
        &[],
        "# Classement des documents\n\nChaque fiche est rangée dans un seul nœud du plan de classement. Les doublons sont fusionnés lors de la revue trimestrielle.",
    ),
    f(
        "Procédure : signaler un dysfonctionnement technique",
        "procedure_interne",
        &["cadre_de_vie"],
        "procedures",
        &["BAILLEUR_SOCIAL"],
        &[],
        "# Signalement technique\n\nDécrire le lieu précis, la date, la nature du problème ; jamais le nom d'un habitant. Transmettre au bailleur ou à la mairie et noter le suivi.",
    ),
    f(
        "Annuaire des permanences du quartier",
        "annuaire",
        &["autre"],
        "partenaires",
        &[],
        &[],
        "# Permanences aux Tilleuls\n\n| Jour | Permanence |\n|---|---|\n| Lundi | CAF |\n| Mercredi | Mission locale |\n| Jeudi | Point d'accès au droit |",
    ),
    f(
        "Annuaire des numéros d'urgence",
        "annuaire",
        &["social_sante"],
        "procedures",
        &[],
        &[],
        "# Numéros d'urgence\n\n- 15 SAMU\n- 17 Police\n- 18 Pompiers\n- 112 Urgence européenne\n- 115 Samu social\n- 119 Enfance en danger\n- 3919 Violences femmes info",
    ),
    f(
        "Revue de presse : rénovation urbaine",
        "revue_de_presse",
        &["cadre_de_vie"],
        "veille",
        &["EPCI"],
        &[("L'Écho du Val", "https://echo-du-val.example.org")],
        "# Rénovation urbaine des Tilleuls\n\nSynthèse des articles du trimestre sur le projet de renouvellement urbain.",
    ),
    f(
        "Revue de presse : emploi sur le territoire",
        "revue_de_presse",
        &["travail_formation"],
        "veille",
        &["FT"],
        &[("L'Écho du Val", "https://echo-du-val.example.org")],
        "# Emploi sur le territoire\n\nOuverture d'une plateforme logistique : 120 postes annoncés.",
    ),
    f(
        "Aide à la déclaration de revenus",
        "fiche_pratique",
        &["argent_impots"],
        "acces_droits.prestations",
        &["CFP"],
        &[("Impots.gouv", "https://www.impots.gouv.fr")],
        "# Déclaration de revenus\n\nAccompagner sans jamais saisir les identifiants de la personne à sa place.",
    ),
    f(
        "Tarification solidaire des transports",
        "fiche_pratique",
        &["transports_mobilite"],
        "vie_quotidienne.emploi",
        &["TRANSPORTEUR"],
        &[],
        "# Tarif solidaire Trans'Brume\n\nSur justificatif de ressources, abonnement mensuel réduit de 75 %.",
    ),
    f(
        "Scolarité : inscription et cantine",
        "fiche_pratique",
        &["famille_scolarite"],
        "vie_quotidienne.emploi",
        &["MUNI", "ETAB_SCOLAIRE"],
        &[],
        "# Inscription scolaire\n\nEn mairie, puis admission à l'école. Tarifs de cantine selon le quotient familial.",
    ),
];

pub struct AnalyseSeed {
    pub type_lie: &'static str,
    pub format: &'static str,
    pub situation: &'static str,
    pub fait: &'static str,
    pub ressenti: &'static str,
    pub analyse: &'static str,
    pub autrement: &'static str,
    pub retenu: &'static str,
}

pub const ANALYSES: &[AnalyseSeed] = &[
    AnalyseSeed {
        type_lie: "mediation_interpersonnelle",
        format: "individuelle",
        situation: "Médiation entre deux voisins au sujet du bruit dans la cage d'escalier.",
        fait: "J'ai rencontré chaque partie séparément, puis proposé une rencontre dans un lieu neutre.",
        ressenti: "De l'appréhension au début, puis du soulagement quand le dialogue a repris.",
        analyse: "J'ai veillé à rester impartial ; j'ai failli prendre parti lors du premier entretien.",
        autrement: "Poser le cadre de la médiation dès le premier contact.",
        retenu: "La neutralité se prépare avant l'entretien.",
    },
    AnalyseSeed {
        type_lie: "aide_technique",
        format: "tutorat",
        situation: "Aide à une démarche en ligne pour une personne peu à l'aise avec le numérique.",
        fait: "J'ai guidé la personne sans prendre le clavier, étape par étape.",
        ressenti: "De l'impatience, car la démarche a duré longtemps.",
        analyse: "Faire à la place aurait été plus rapide mais n'aurait pas rendu la personne autonome.",
        autrement: "Proposer un atelier numérique en complément.",
        retenu: "Le temps passé est un investissement dans l'autonomie.",
    },
    AnalyseSeed {
        type_lie: "gestion_conflit_immediat",
        format: "app_collective",
        situation: "Tension à l'accueil entre une personne et un agent d'un partenaire.",
        fait: "J'ai proposé de poursuivre l'échange à l'écart et reformulé la demande de chacun.",
        ressenti: "Du stress, puis de la fierté d'avoir désamorcé la situation.",
        analyse: "Les limites de mon rôle étaient claires : je n'ai pas pris de décision à la place du partenaire.",
        autrement: "Prévenir plus tôt le binôme.",
        retenu: "Se protéger et protéger l'autre commence par l'espace physique.",
    },
    AnalyseSeed {
        type_lie: "mediation_institution",
        format: "supervision",
        situation: "Médiation avec le bailleur pour un dossier de réparation bloqué.",
        fait: "J'ai sollicité le chargé de gestion locative avec l'accord de la personne.",
        ressenti: "De la frustration face aux délais.",
        analyse: "J'ai parfois porté la parole de la personne au lieu de l'aider à la porter elle-même.",
        autrement: "Préparer l'échange avec la personne pour qu'elle s'exprime directement.",
        retenu: "Faciliter plutôt que représenter.",
    },
    AnalyseSeed {
        type_lie: "accueil_information",
        format: "individuelle",
        situation: "Première venue d'une famille arrivée récemment sur le quartier.",
        fait: "J'ai présenté les services du quartier et remis l'annuaire des permanences.",
        ressenti: "De la satisfaction.",
        analyse: "J'ai peut-être donné trop d'informations en une fois.",
        autrement: "Prioriser avec la famille deux démarches et fixer un nouveau rendez-vous.",
        retenu: "Moins d'information, mieux comprise.",
    },
];

/// (catégorie, lieu, description, typology of the structure in charge)
pub const SIGNALEMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "ascenseur",
        "Tour B, entrée 2",
        "Ascenseur en panne depuis plusieurs jours",
        "BAILLEUR_SOCIAL",
    ),
    (
        "eclairage",
        "Cheminement vers l'école du Parc",
        "Trois lampadaires éteints",
        "MUNI",
    ),
    (
        "proprete",
        "Local poubelles, tour A",
        "Encombrants déposés dans le hall",
        "BAILLEUR_SOCIAL",
    ),
    (
        "degradation",
        "Aire de jeux du square",
        "Toboggan cassé, risque de blessure",
        "MUNI",
    ),
    (
        "voirie",
        "Rue des Tilleuls",
        "Nid-de-poule devant l'arrêt de bus",
        "EPCI",
    ),
    (
        "transport",
        "Arrêt Les Tilleuls",
        "Abribus vandalisé",
        "TRANSPORTEUR",
    ),
    (
        "securite_batiment",
        "Tour C, cave",
        "Porte de cave forcée",
        "BAILLEUR_SOCIAL",
    ),
    (
        "espaces_verts",
        "Jardin partagé",
        "Arrosage automatique hors service",
        "COLLECTIF_HABITANTS",
    ),
];

/// (thème, période, texte, source)
pub const NOTES_TERRITOIRE: &[(&str, &str, &str, &str)] = &[
    (
        "histoire",
        "1965-1975",
        "Les Tilleuls ont été construits pour loger les ouvriers de la filature ; les premières familles venaient du bassin minier.",
        "Archives municipales",
    ),
    (
        "urbanisme_renovation",
        "2024-2030",
        "Le projet de renouvellement urbain prévoit la démolition de la tour D et la réhabilitation des tours A à C.",
        "Comité de suivi du contrat de ville",
    ),
    (
        "politique_de_la_ville",
        "Depuis 2015",
        "Quartier prioritaire de la politique de la ville ; le contrat de ville cible l'emploi des jeunes et l'accès aux droits.",
        "Site de la préfecture",
    ),
    (
        "equipements",
        "2026",
        "Centre social, France Services, médiathèque et épicerie solidaire sont à moins de dix minutes à pied.",
        "Observation de terrain",
    ),
    (
        "vie_associative",
        "2026",
        "Une vingtaine d'associations actives, dont un collectif d'habitants très présent autour du jardin partagé.",
        "Forum des associations",
    ),
    (
        "memoire_habitants",
        "Années 1980",
        "Les anciens racontent la fête de quartier annuelle, relancée en 2025 par le conseil citoyen.",
        "Échanges avec des habitants",
    ),
];

/// An événement de sécurité of the demo: no identity, a place, what was done and why.
pub struct Evenement {
    pub type_evenement: &'static str,
    pub lieu: &'static str,
    pub deroule: &'static str,
    pub actions: &'static [&'static str],
    pub cadre_legal: &'static [&'static str],
    pub retour: &'static str,
    pub justification: &'static str,
}

pub const EVENEMENTS_SECURITE: &[Evenement] = &[
    Evenement {
        type_evenement: "incivilite_verbale",
        lieu: "Accueil de la maison de quartier",
        deroule: "Un usager mécontent d'un délai de traitement élève la voix et menace de revenir \"régler ça\". Les autres personnes présentes s'inquiètent.",
        actions: &["mise_en_securite", "binome_renfort", "hierarchie_informee"],
        cadre_legal: &["charte_mediation"],
        retour: "Je me suis placé entre l'usager et la file d'attente, j'ai proposé un bureau à l'écart et appelé ma collègue en binôme. Baisser le ton et reformuler la demande a suffi. À refaire : prévenir plus tôt la responsable quand l'attente dépasse une heure.",
        justification: "Mise en sécurité du public et de moi-même, hiérarchie informée le jour même.",
    },
    Evenement {
        type_evenement: "mineur_en_danger",
        lieu: "Abords du collège des Tilleuls",
        deroule: "Lors d'une présence de proximité, un élève confie des faits qui laissent penser qu'il est en danger à la maison.",
        actions: &[
            "hierarchie_informee",
            "information_preoccupante_via_hierarchie",
            "appel_119",
        ],
        cadre_legal: &["information_preoccupante", "maltraitance_vulnerable"],
        retour: "",
        justification: "Information préoccupante transmise par la hiérarchie au département, après conseil pris au 119.",
    },
    Evenement {
        type_evenement: "urgence_medicale",
        lieu: "Arrêt de bus Place du Marché",
        deroule: "Une personne âgée fait un malaise pendant une permanence mobile.",
        actions: &["mise_en_securite", "appel_urgence", "debriefing"],
        cadre_legal: &["assistance_personne_danger"],
        retour: "Appel au 15 passé tout de suite, personne mise à l'abri du passage en attendant les secours. Au débriefing, l'équipe a décidé de suivre une formation aux premiers secours.",
        justification: "Assistance à une personne en danger : appel au 15 et mise en sécurité.",
    },
    Evenement {
        type_evenement: "personne_vulnerable",
        lieu: "Hall d'immeuble, résidence Les Acacias",
        deroule: "Une personne isolée vit sans chauffage depuis plusieurs jours et ne sort plus.",
        actions: &["hierarchie_informee", "orientation_specialisee"],
        cadre_legal: &["assistance_personne_danger"],
        retour: "",
        justification: "Orientation vers le CCAS et le bailleur, hiérarchie informée.",
    },
];

/// The demo trainee's answers to the questions a draft leaves (`recit::question`), so that
/// the demo's Dossier reads as finished and passes its own gate.
pub fn answer_questions(text: &str, kind: crate::domain::situation::SituationKind) -> String {
    use crate::domain::recit::question as q;
    use crate::domain::situation::SituationKind as K;
    let resultat = match kind {
        K::Partenaire => {
            "Les orientations vers cette structure aboutissent plus vite : un rendez-vous est souvent obtenu dans la semaine, et les personnes reviennent moins souvent avec un dossier bloqué."
        }
        K::Cas | K::Suivi => {
            "Chacun a pu dire ce qu'il attendait, et la solution retenue venait des parties elles-mêmes ; la personne sait désormais à qui s'adresser si la difficulté revient."
        }
        _ => {
            "L'action a trouvé son public, et plusieurs participants sont revenus ensuite vers l'accueil pour leurs propres démarches."
        }
    };
    let appris = match kind {
        K::Partenaire => {
            "J'ai appris qu'un partenariat se construit dans la durée : une rencontre préparée avec des questions précises vaut mieux que plusieurs appels. Je prendrais aujourd'hui l'habitude d'un point régulier avec mes interlocuteurs plutôt que d'attendre qu'un dossier se bloque."
        }
        K::Cas | K::Suivi => {
            "J'ai appris à rester à ma place de tiers : reformuler sans prendre parti, et laisser les parties construire leur accord. Je proposerais aujourd'hui plus tôt une rencontre à trois, avant que les positions ne se figent."
        }
        _ => {
            "J'ai appris à partir des besoins observés à l'accueil plutôt que de mes idées, et à associer les partenaires dès la conception. Je prévoirais aujourd'hui un temps d'évaluation avec les participants à chaque séance."
        }
    };
    let answers: [(&str, &str); 8] = [
        (
            q::CONTEXTE,
            "La situation s'est présentée à l'accueil du centre social, où je tiens une permanence trois jours par semaine.",
        ),
        (
            q::POURQUOI,
            "J'ai fait ce choix parce que la situation dépassait ce que l'accueil pouvait traiter : il fallait l'interlocuteur compétent, et le rencontrer évitait aux personnes de multiplier les démarches.",
        ),
        (
            q::BESOIN,
            "À l'accueil, plusieurs familles disaient la même difficulté, et ma veille le confirmait.",
        ),
        (
            q::PARTENAIRE,
            "Beaucoup des personnes que je reçois relèvent de ses services : connaître ses interlocuteurs et ses conditions d'accès me permet d'orienter juste, sans renvoyer les personnes d'un guichet à l'autre.",
        ),
        (
            q::OUTILS,
            "Le répertoire du réseau et les fiches de l'équipe pour préparer les échanges, mon carnet de bord pour garder la trace de chaque étape, le téléphone et la messagerie professionnelle.",
        ),
        (
            q::AVEC_QUI,
            "Ma responsable de service, avec qui j'ai fait le point à chaque étape, et mes collègues médiateurs lors des réunions d'équipe.",
        ),
        (q::RESULTAT, resultat),
        (q::APPRIS, appris),
    ];
    answers
        .iter()
        .fold(text.to_string(), |t, (question, answer)| {
            t.replace(question, answer)
        })
}
