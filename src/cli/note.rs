//! `carnet note`: an interaction logged without the interface, checked as the form checks
//! it.

use super::*;

#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    /// Interaction type, by id or label (repeatable); default: accueil_information
    #[arg(long = "type", value_name = "ID")]
    pub types: Vec<String>,
    /// Thématique, by id or label (repeatable)
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,
    /// Canal, by id or label; default: the canal of the last interaction
    #[arg(long, value_name = "ID")]
    pub canal: Option<String>,
    /// Duration in minutes (or 1h30)
    #[arg(long, value_name = "MINUTES")]
    pub duree: Option<String>,
    /// Date: 29/11/2026, 29/11, hier, -2…; default: today
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Time: 14:05 or 14h05; default: now
    #[arg(long, value_name = "HH:MM")]
    pub heure: Option<String>,
    /// Number of persons received (anonymous); default: 1
    #[arg(long, value_name = "N", conflicts_with = "suivi")]
    pub personnes: Option<u16>,
    /// Structure of the network the person was oriented to (name or part of it)
    #[arg(long, value_name = "STRUCTURE")]
    pub vers: Option<String>,
    /// The person's suivi code: an existing one, or a new one (P-2026-017)
    #[arg(long, value_name = "CODE")]
    pub suivi: Option<String>,
    /// A modèle d'interaction, by name (any case, accents): its types, thématiques, canal,
    /// lieu, durée and réponses, which the other options override
    #[arg(long, value_name = "NOM")]
    pub modele: Option<String>,
    /// A competence this interaction also shows (CCP2.C5…; repeatable), after those its
    /// types suggest
    #[arg(long, value_name = "ID")]
    pub competence: Vec<String>,
    /// Link no competence (the types suggest some otherwise)
    #[arg(long, conflicts_with = "competence")]
    pub sans_competence: bool,
    /// Save even when the free-text guard warns
    #[arg(long)]
    pub yes: bool,
    /// Print only the new interaction's id (for scripts)
    #[arg(long, short)]
    pub quiet: bool,
    /// The demande, in a few words
    pub text: String,
}

/// The vocabulary ids `values` name: each an id, or a label in either language (any case,
/// with or without accents). A value that names nothing is refused with the valid ids.
pub(super) fn resolve_ids(
    i18n: &I18n,
    flag: &str,
    values: &[String],
    vocab: &crate::domain::Vocabulary,
) -> Result<Vec<String>, Failure> {
    use crate::domain::text::fold;
    values
        .iter()
        .map(|value| {
            if vocab.contains(value) {
                return Ok(value.clone());
            }
            let wanted = fold(value.trim());
            let by_label = vocab
                .entries
                .iter()
                .find(|e| fold(&e.fr) == wanted || fold(&e.en) == wanted || fold(&e.id) == wanted);
            match by_label {
                Some(e) => Ok(e.id.clone()),
                None => {
                    let valid = vocab
                        .entries
                        .iter()
                        .map(|e| e.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    Err(Failure::new(
                        EXIT_USAGE,
                        i18n.t_args(
                            "err-note-id",
                            &[
                                arg("flag", flag.to_string()),
                                arg("value", value.clone()),
                                arg("valid", valid),
                            ],
                        ),
                    ))
                }
            }
        })
        .collect()
}

/// An option's value as parsed, or a usage error naming the option, the value and why.
pub(super) fn parsed<T>(
    i18n: &I18n,
    flag: &str,
    value: &str,
    result: Result<T, &'static str>,
) -> Result<T, Failure> {
    result.map_err(|e| {
        Failure::new(
            EXIT_USAGE,
            i18n.t_args(
                "err-note-value",
                &[
                    arg("flag", flag.to_string()),
                    arg("value", value.to_string()),
                    arg("detail", i18n.t(e)),
                ],
            ),
        )
    })
}

/// `carnet note`: one interaction with the defaults, the text as its demande.
pub(super) fn quick_note(
    store: &Store,
    config: &Config,
    i18n: &I18n,
    note: NoteArgs,
) -> Result<crate::domain::Id, Failure> {
    use crate::domain::{
        IdGen, Interaction, Orientation, RecordMeta, Structure, Text, Timestamp, validate::Validate,
    };
    let v = &config.vocab;
    let usage = |id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]| {
        Failure::new(EXIT_USAGE, i18n.t_args(id, args))
    };
    let modele = match &note.modele {
        None => None,
        Some(name) => {
            let modeles: Vec<crate::domain::Modele> =
                store.all().map_err(|e| store_failure(i18n, &e))?;
            match crate::domain::modele::named(&modeles, name) {
                Some(m) => Some(m.clone()),
                None => {
                    let mut names: Vec<&str> = modeles.iter().map(|m| m.nom.as_str()).collect();
                    names.sort_by_cached_key(|n| crate::domain::text::fold(n));
                    let names = if names.is_empty() {
                        i18n.t("none-yet")
                    } else {
                        names.join(" ; ")
                    };
                    return Err(usage(
                        "err-note-modele",
                        &[arg("value", name.clone()), arg("names", names)],
                    ));
                }
            }
        }
    };
    let mut types = note.types;
    if types.is_empty() && modele.as_ref().is_none_or(|m| m.types.is_empty()) {
        types.push(
            if note.vers.is_some() {
                "orientation"
            } else {
                "accueil_information"
            }
            .to_string(),
        );
    }
    let types = resolve_ids(i18n, "--type", &types, &v.types_interaction)?;
    let themes = resolve_ids(i18n, "--theme", &note.themes, &v.thematiques)?;
    let canal = match &note.canal {
        Some(c) => resolve_ids(i18n, "--canal", std::slice::from_ref(c), &v.canaux)?
            .into_iter()
            .next(),
        None => None,
    };
    let now = crate::clock::now_local();
    // Times are kept to the minute, as the form keeps them.
    let heure = match &note.heure {
        Some(h) => parsed(i18n, "--heure", h, crate::domain::parse::time(h))?,
        None => now.time(),
    };
    let heure = {
        use chrono::Timelike;
        chrono::NaiveTime::from_hms_opt(heure.hour(), heure.minute(), 0).unwrap_or(heure)
    };
    let date = match &note.date {
        Some(d) => parsed(i18n, "--date", d, crate::domain::parse::date(d, now.date()))?,
        None => now.date(),
    };
    let duree = match &note.duree {
        Some(d) => Some(parsed(
            i18n,
            "--duree",
            d,
            crate::domain::parse::duration(d),
        )?),
        None => None,
    };
    let text = crate::domain::text::one_line(&note.text);
    if text.is_empty() {
        return Err(usage(
            "err-note-value",
            &[
                arg("flag", "TEXT"),
                arg("value", ""),
                arg("detail", i18n.t("err-required")),
            ],
        ));
    }
    let structures: Vec<Structure> = store.all().map_err(|e| store_failure(i18n, &e))?;
    let orientation = match &note.vers {
        None => None,
        Some(query) => {
            let q = crate::domain::text::fold(query.trim());
            let matches: Vec<&Structure> = structures
                .iter()
                .filter(|s| crate::domain::text::fold(&s.nom).contains(&q))
                .collect();
            let exact = matches
                .iter()
                .find(|s| crate::domain::text::fold(&s.nom) == q);
            let s = match (exact, matches.as_slice()) {
                (Some(s), _) => *s,
                (None, [one]) => *one,
                (None, []) => {
                    return Err(usage(
                        "err-note-structure-none",
                        &[arg("value", query.clone())],
                    ));
                }
                (None, many) => {
                    let names = many
                        .iter()
                        .take(8)
                        .map(|s| s.nom.as_str())
                        .collect::<Vec<_>>()
                        .join(" ; ");
                    return Err(usage(
                        "err-note-structure-many",
                        &[arg("value", query.clone()), arg("names", names)],
                    ));
                }
            };
            Some(Orientation {
                structure: Some(s.meta.id),
                nom: s.nom.clone(),
                issue: None,
            })
        }
    };
    // The network's names never warn: its structures, and its contacts however they are
    // addressed (« Mme Laurent » for Sophie Laurent), as in the interface.
    let contacts: Vec<crate::domain::Contact> = store.all().map_err(|e| store_failure(i18n, &e))?;
    let guard_names = structures
        .iter()
        .map(|s| s.nom.as_str())
        .chain(contacts.iter().map(|c| c.nom.as_str()));
    let guard = crate::privacy::Guard::new(&config.privacy, guard_names);
    let warnings = guard.check("demande", &text);
    if !warnings.is_empty() && !note.yes {
        let list = warnings
            .iter()
            .map(|w| {
                let quoted = i18n.t_args("quoted", &[arg("text", w.matched.clone())]);
                i18n.t_args(
                    "guard-item",
                    &[
                        arg("quoted", quoted),
                        arg("why", i18n.t(w.kind.message_id())),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        return Err(Failure::new(
            EXIT_USAGE,
            i18n.t_args("err-note-guard", &[arg("list", list)]),
        ));
    }
    let previous: Option<Interaction> = store.last().map_err(|e| store_failure(i18n, &e))?;
    let ms = crate::clock::now_utc_ms();
    let mut ids = IdGen::after(previous.as_ref().map(|p| p.meta.id));
    let id = ids.next(ms);
    // The suivi: an existing code, or a new one of the right shape (created with it).
    let mut created = None;
    let personnes = match &note.suivi {
        None => None,
        Some(code) => {
            let wanted = code.trim().to_uppercase();
            let suivis: Vec<crate::domain::Suivi> =
                store.all().map_err(|e| store_failure(i18n, &e))?;
            match suivis
                .iter()
                .find(|s| s.code.trim().to_uppercase() == wanted)
            {
                Some(s) => Some(crate::domain::Personnes::Suivi(s.meta.id)),
                None if crate::domain::validate::is_suivi_code(&wanted) => {
                    let suivi_id = ids.next(ms);
                    created = Some(crate::domain::Suivi {
                        meta: RecordMeta::new(suivi_id, Timestamp(ms)),
                        code: wanted.into(),
                        public: crate::domain::PublicAnonyme::default(),
                        thematiques: match (&modele, themes.is_empty()) {
                            (Some(m), true) => m.thematiques.clone(),
                            _ => themes.iter().map(|t| Text::from(t.as_str())).collect(),
                        },
                        actif: true,
                    });
                    Some(crate::domain::Personnes::Suivi(suivi_id))
                }
                None => {
                    return Err(usage("err-note-suivi", &[arg("value", code.clone())]));
                }
            }
        }
    };
    let mut it = Interaction::blank(
        RecordMeta::new(id, Timestamp(ms)),
        date,
        heure,
        previous.as_ref(),
    );
    // The modèle first, then what the options say.
    if let Some(m) = &modele {
        m.apply(&mut it);
    }
    if !types.is_empty() {
        it.types = types.into_iter().map(Text::from).collect();
    }
    if !themes.is_empty() {
        it.thematiques = themes.iter().map(|t| Text::from(t.as_str())).collect();
    }
    if let Some(c) = canal {
        it.canal = c.into();
    }
    if let Some(d) = duree {
        it.duree_min = d;
    }
    it.demande = text.into();
    if let Some(p) = personnes {
        it.personnes = p;
    } else if let Some(n) = note.personnes {
        it.personnes = crate::domain::Personnes::Anonyme(crate::domain::PublicAnonyme {
            nombre: n,
            attributs: Default::default(),
        });
    }
    if orientation.is_some() {
        it.reponses = it
            .reponses
            .iter()
            .cloned()
            .chain([Text::from("orientation")])
            .collect();
    }
    it.orientation = orientation.map(Box::new);
    // Linked to the competences its types suggest, as the form would link it, and those
    // asked for; none with --sans-competence.
    let mut competences = if note.sans_competence {
        Vec::new()
    } else {
        crate::app::kinds::interaction::suggested_competences(&it.types, config)
    };
    for asked in &note.competence {
        let r = &config.referentiel;
        let local = asked
            .trim()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_uppercase();
        let qualified: Text = r.qualify(&local).into();
        if r.find(&qualified).is_none() {
            let valid = r
                .competences()
                .map(|(_, c)| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(usage(
                "err-note-value",
                &[
                    arg("flag", "--competence"),
                    arg("value", asked.clone()),
                    arg("detail", valid),
                ],
            ));
        }
        if !competences.contains(&qualified) {
            competences.push(qualified);
        }
    }
    it.meta.evidence =
        crate::app::form::evidence_links(competences, &Text::default(), &[], it.date);
    it.normalize();
    if let Some(e) = it.validate().into_iter().next() {
        // Named as the option that set it, when one did.
        let (flag, value) = match (e.field, note.personnes) {
            ("personnes", Some(n)) => ("--personnes".to_string(), n.to_string()),
            (field, _) => (field.to_string(), String::new()),
        };
        return Err(usage(
            "err-note-value",
            &[
                arg("flag", flag),
                arg("value", value),
                arg("detail", i18n.t(e.message)),
            ],
        ));
    }
    let mut changes = crate::domain::Changes::default();
    if let Some(mut suivi) = created {
        suivi.normalize();
        changes.put.push(crate::domain::Record::into_any(suivi));
    }
    changes.put.push(crate::domain::Record::into_any(it));
    store
        .commit(&changes)
        .map_err(|e| store_failure(i18n, &e))?;
    Ok(id)
}
