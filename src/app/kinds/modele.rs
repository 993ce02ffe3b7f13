//! Modèles d'interaction, listed among the Réseau tab's record views: chosen in the
//! interaction form (Ctrl-T) or with `carnet note --modele`, created from an interaction of
//! the journal (M) or from scratch here. Presets, not evidence.

use super::{Access, CellText, Column, Detail, FieldSpec, FormSpec, Kind, Listing};
use crate::app::form::Options;
use crate::domain::text::duration;
use crate::domain::*;

type M = Modele;

static LISTING: Listing<M> = Listing {
    view: "modeles",
    detail_title: "detail-modele",
    columns: &[
        Column::main("col-name"),
        Column::share("col-types", 2),
        Column::share("col-canal", 1),
        Column::fit("col-duration", 6),
    ],
    cells: |m, ctx| {
        vec![
            CellText::plain(m.nom.as_str()),
            CellText::plain(ctx.labels("types_interaction", &m.types)),
            CellText::plain(
                m.canal
                    .as_ref()
                    .map(|c| ctx.label("canaux", c))
                    .unwrap_or_default(),
            ),
            CellText::plain(duration(m.duree_min)),
        ]
    },
    detail: |m, ctx| {
        let mut detail = vec![Detail::Header(m.nom.to_string())];
        let mut field = |id: &'static str, value: String| {
            if !value.is_empty() {
                detail.push(Detail::Field(id, value));
            }
        };
        field("field-types", ctx.labels("types_interaction", &m.types));
        field(
            "field-thematiques",
            ctx.labels("thematiques", &m.thematiques),
        );
        field(
            "field-canal",
            m.canal
                .as_ref()
                .map(|c| ctx.label("canaux", c))
                .unwrap_or_default(),
        );
        field("field-lieu", m.lieu.to_string());
        field("field-duree", duration(m.duree_min));
        field("field-reponses", ctx.labels("reponses", &m.reponses));
        detail.push(Detail::Note("detail-modele-how"));
        detail
    },
    date: |m| super::created(&m.meta).unwrap_or_default(),
    done: None,
    form: Some(
        FormSpec::new(
            ("form-new-modele", "form-edit-modele"),
            &[
                FieldSpec::new("nom_modele", Access::Line(|m: &mut M| &mut m.nom)).required(),
                FieldSpec::new(
                    "types",
                    Access::Multi(Options::Vocab("types_interaction"), |m: &mut M| {
                        &mut m.types
                    }),
                ),
                FieldSpec::new(
                    "thematiques",
                    Access::Multi(Options::Vocab("thematiques"), |m: &mut M| {
                        &mut m.thematiques
                    }),
                ),
                FieldSpec::new(
                    "canal",
                    Access::OptChoice(Options::Vocab("canaux"), |m: &mut M| &mut m.canal),
                ),
                FieldSpec::new("lieu", Access::Line(|m: &mut M| &mut m.lieu)).guarded(),
                FieldSpec::new("duree", Access::Duration(|m: &mut M| &mut m.duree_min)).required(),
                FieldSpec::new(
                    "reponses",
                    Access::Multi(Options::Vocab("reponses"), |m: &mut M| &mut m.reponses),
                ),
            ],
            |meta, _| Modele::blank(meta),
        )
        .without_evidence()
        .unique("nom_modele", |m| &m.nom)
        .saved_as("status-modele-saved"),
    ),
};

impl Kind for Modele {
    fn listing() -> Option<&'static Listing<M>> {
        Some(&LISTING)
    }
}
