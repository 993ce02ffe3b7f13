//! Événements de sécurité (CCP2.C10): an incident or a person in danger, the protective
//! actions taken and the legal frame used, without any identity. A retour d'expérience
//! also shows reflective practice (CCP2.C9). The « cadre légal » card (duties and
//! emergency numbers, `config/cadre_legal.toml`) opens from the form and from help.

use super::{Access, CellText, Column, Ctx, Detail, FieldSpec, FormSpec, Kind, Listing};
use crate::app::form::Options;
use crate::domain::text::{date, one_line};
use crate::domain::*;

type E = EvenementSecurite;

static LISTING: Listing<E> = Listing {
    view: "securite",
    detail_title: "detail-securite",
    columns: &[
        Column::DATE,
        Column::share("col-type", 2),
        Column::share("col-lieu", 2),
        Column::main("col-actions"),
    ],
    cells: |e, ctx| {
        vec![
            CellText::plain(date(e.date)),
            CellText::plain(ctx.label("types_evenement_securite", &e.type_evenement)),
            CellText::plain(e.lieu.as_str()),
            CellText::plain(ctx.labels("actions_securite", &e.actions)),
        ]
    },
    detail: |e, ctx| {
        let mut detail = vec![
            Detail::Header(format!(
                "{} · {}",
                date(e.date),
                ctx.label("types_evenement_securite", &e.type_evenement)
            )),
            Detail::Field("field-lieu", e.lieu.to_string()),
        ];
        if !e.deroule.is_empty() {
            detail.push(Detail::Paragraph(e.deroule.to_string()));
        }
        let list = |vocab: &str, ids: &[Text]| -> Vec<String> {
            ids.iter()
                .map(|id| format!("• {}", ctx.label(vocab, id)))
                .collect()
        };
        if !e.actions.is_empty() {
            detail.push(Detail::Section(
                "field-actions-securite",
                list("actions_securite", &e.actions),
            ));
        }
        if !e.cadre_legal.is_empty() {
            detail.push(Detail::Section(
                "field-cadre-legal",
                list("cadres_legaux", &e.cadre_legal),
            ));
        }
        if !e.retour_experience.is_empty() {
            detail.push(Detail::Section(
                "field-retour-experience",
                vec![e.retour_experience.to_string()],
            ));
        }
        let linked: Vec<String> = e
            .interactions
            .iter()
            .filter_map(|&id| ctx.data.find::<Interaction>(id))
            .map(|i| format!("• {} — {}", date(i.date), one_line(&i.demande)))
            .collect();
        if !linked.is_empty() {
            detail.push(Detail::Section("field-interactions-liees", linked));
        }
        detail
    },
    date: |e| e.date,
    done: None,
    form: Some(
        FormSpec::new(
            ("form-new-securite", "form-edit-securite"),
            &[
                FieldSpec::new(
                    "type_evenement",
                    Access::Choice(Options::Vocab("types_evenement_securite"), |e: &mut E| {
                        &mut e.type_evenement
                    }),
                )
                .required(),
                FieldSpec::new("lieu", Access::Line(|e: &mut E| &mut e.lieu))
                    .required()
                    .guarded(),
                FieldSpec::new("deroule", Access::Long(|e: &mut E| &mut e.deroule)).guarded(),
                FieldSpec::new(
                    "actions_securite",
                    Access::Multi(Options::Vocab("actions_securite"), |e: &mut E| {
                        &mut e.actions
                    }),
                )
                .required(),
                FieldSpec::new(
                    "cadre_legal",
                    Access::Multi(Options::Vocab("cadres_legaux"), |e: &mut E| {
                        &mut e.cadre_legal
                    }),
                ),
                FieldSpec::new(
                    "retour_experience",
                    Access::Long(|e: &mut E| &mut e.retour_experience),
                )
                .guarded(),
                FieldSpec::new(
                    "interactions_liees",
                    Access::Interactions(|e: &mut E| &mut e.interactions),
                ),
                FieldSpec::new("date", Access::Date(|e: &mut E| &mut e.date)).required(),
            ],
            |meta, today| EvenementSecurite {
                meta,
                date: today,
                lieu: Text::default(),
                type_evenement: Text::default(),
                deroule: Text::default(),
                actions: Vec::new(),
                cadre_legal: Vec::new(),
                retour_experience: Text::default(),
                interactions: Vec::new(),
            },
        )
        // Writing down what was learnt is reflective practice too.
        .more_evidence(|e| {
            if e.retour_experience.trim().is_empty() {
                Vec::new()
            } else {
                vec!["CCP2.C9"]
            }
        })
        .with_cadre_legal(),
    ),
};

impl Kind for EvenementSecurite {
    fn listing() -> Option<&'static Listing<E>> {
        Some(&LISTING)
    }

    const EVIDENCE: bool = true;

    fn summary(&self, ctx: &Ctx) -> Option<(chrono::NaiveDate, String)> {
        Some((
            self.date,
            format!(
                "{} — {}",
                ctx.label("types_evenement_securite", &self.type_evenement),
                self.lieu
            ),
        ))
    }
}
