//! The journal as CSV that LibreOffice and Excel open with accents intact: UTF-8 with a byte
//! order mark, comma-separated (or `;`, the list separator French spreadsheets expect, or a
//! tab), CRLF line ends, every field quoted when needed, one column per field, multi-valued
//! fields joined with "; ". The private note is never exported.

use crate::config::Config;
use crate::domain::*;
use crate::i18n::I18n;

/// The separators a CSV export may use, as written in `--sep` and `separateur_csv`.
pub fn parse_separator(text: &str) -> Option<char> {
    match text {
        "," => Some(','),
        ";" => Some(';'),
        "\t" | "tab" | "\\t" => Some('\t'),
        _ => None,
    }
}

fn field(out: &mut String, value: &str) {
    let value = crate::domain::text::sanitize(value, true);
    if value.contains([',', '"', '\n', ';', '\t']) || value.starts_with([' ', '=', '+', '-', '@']) {
        out.push('"');
        // A leading formula character is neutralised so a spreadsheet never runs it.
        if value.starts_with(['=', '+', '-', '@']) {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&value);
    }
}

pub(crate) fn row(out: &mut String, values: &[String], sep: char) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        field(out, v);
    }
    out.push_str("\r\n");
}

const COLUMNS: [&str; 22] = [
    "csv-id",
    "csv-date",
    "csv-heure",
    "csv-duree",
    "csv-types",
    "csv-canal",
    "csv-lieu",
    "csv-quartier",
    "csv-personnes",
    "csv-suivi",
    "csv-tranches-age",
    "csv-genres",
    "csv-statuts",
    "csv-residences",
    "csv-thematiques",
    "csv-demande",
    "csv-besoin",
    "csv-reponses",
    "csv-orientation",
    "csv-orientation-issue",
    "csv-autonomie",
    "csv-premier-contact",
];

/// The directory: one row per structure, with what is derived from the log (last contact)
/// and how many contacts it has.
pub fn reseau(
    data: &Dataset,
    config: &Config,
    i18n: &I18n,
    last_contact: &dyn Fn(Id) -> Option<chrono::NaiveDate>,
) -> String {
    let v = &config.vocab;
    let lang = i18n.lang();
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = [
        "csv-id",
        "csv-nom",
        "csv-typologies",
        "csv-relation",
        "csv-quartier",
        "csv-adresse",
        "csv-commune",
        "csv-telephone",
        "csv-courriel",
        "csv-site",
        "csv-horaires",
        "csv-publics",
        "csv-services",
        "csv-contacts",
        "csv-dernier-contact",
        "csv-verifiee",
        "csv-notes",
    ]
    .iter()
    .map(|c| i18n.t(c))
    .collect();
    row(&mut out, &header, config.csv_separator);
    let mut order: Vec<&Structure> = data.structures.iter().collect();
    order.sort_by_cached_key(|s| crate::domain::text::fold(&s.nom));
    let date = crate::domain::text::opt_date;
    for s in order {
        let services = s
            .services
            .iter()
            .map(|svc| {
                let mut text = format!(
                    "{} ({})",
                    v.types_service.label(&svc.type_service, lang),
                    v.thematiques.labels(&svc.thematiques, lang)
                );
                for extra in [&svc.conditions, &svc.frais] {
                    if !extra.is_empty() {
                        text.push_str(&format!(", {extra}"));
                    }
                }
                text
            })
            .collect::<Vec<_>>()
            .join("; ");
        let contacts = data
            .contacts
            .iter()
            .filter(|c| c.structure == s.meta.id)
            .count();
        row(
            &mut out,
            &[
                s.meta.id.to_string(),
                s.nom.to_string(),
                v.typologies_structure
                    .labels(&s.typologies, lang)
                    .replace(", ", "; "),
                v.niveaux_relation
                    .label(&s.niveau_relation, lang)
                    .into_owned(),
                s.quartier.to_string(),
                s.adresse.to_string(),
                s.commune.to_string(),
                s.telephone.to_string(),
                s.courriel.to_string(),
                s.site.to_string(),
                s.horaires.to_string(),
                s.publics.to_string(),
                services,
                contacts.to_string(),
                date(last_contact(s.meta.id)),
                date(s.date_verification),
                s.notes.to_string(),
            ],
            config.csv_separator,
        );
    }
    out
}

/// Interactions oldest first, labels in the UI language.
pub fn journal(data: &Dataset, config: &Config, i18n: &I18n) -> String {
    let v = &config.vocab;
    let lang = i18n.lang();
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = COLUMNS.iter().map(|c| i18n.t(c)).collect();
    header.push(i18n.t("csv-suites"));
    header.push(i18n.t("csv-note-pro"));
    header.push(i18n.t("csv-competences"));
    row(&mut out, &header, config.csv_separator);
    let mut order: Vec<&Interaction> = data.interactions.iter().collect();
    order.sort_by_key(|i| (i.date, i.heure, i.meta.id));
    let join = |list: Vec<String>| list.join("; ");
    for it in order {
        let (count, suivi, attrs) = match &it.personnes {
            Personnes::Anonyme(p) => (p.nombre, String::new(), &p.attributs[..]),
            Personnes::Suivi(id) => (
                1,
                data.suivi(*id)
                    .map(|s| s.code.to_string())
                    .unwrap_or_default(),
                &[][..],
            ),
        };
        let dim = |name: &str, vocab: &Vocabulary| {
            join(
                attrs
                    .iter()
                    .filter(|a| a.dimension == name)
                    .map(|a| {
                        let label = vocab.label(&a.valeur, lang).into_owned();
                        if a.nombre > 1 {
                            format!("{label} ×{}", a.nombre)
                        } else {
                            label
                        }
                    })
                    .collect(),
            )
        };
        let labels = |vocab: &Vocabulary, ids: &[Text]| {
            join(
                ids.iter()
                    .map(|id| vocab.label(id, lang).into_owned())
                    .collect(),
            )
        };
        row(
            &mut out,
            &[
                it.meta.id.to_string(),
                crate::domain::text::date(it.date),
                it.heure
                    .map(|h| h.format("%H:%M").to_string())
                    .unwrap_or_default(),
                it.duree_min.to_string(),
                labels(&v.types_interaction, &it.types),
                v.canaux.label(&it.canal, lang).into_owned(),
                it.lieu.to_string(),
                it.quartier.to_string(),
                count.to_string(),
                suivi,
                dim("tranches_age", &v.tranches_age),
                dim("genres", &v.genres),
                dim("statuts", &v.statuts),
                dim("residences", &v.residences),
                labels(&v.thematiques, &it.thematiques),
                it.demande.to_string(),
                it.besoin.to_string(),
                labels(&v.reponses, &it.reponses),
                it.orientation
                    .as_ref()
                    .map(|o| o.nom.to_string())
                    .unwrap_or_default(),
                it.orientation
                    .as_ref()
                    .and_then(|o| o.issue.as_deref())
                    .map(|i| v.issues_orientation.label(i, lang).into_owned())
                    .unwrap_or_default(),
                it.autonomie
                    .as_deref()
                    .map(|a| v.autonomie.label(a, lang).into_owned())
                    .unwrap_or_default(),
                i18n.t(if it.premier_contact { "yes" } else { "no" }),
                join(
                    it.suites
                        .iter()
                        .map(|s| {
                            let due = s
                                .echeance
                                .map(|d| format!(" ({})", crate::domain::text::date(d)))
                                .unwrap_or_default();
                            let done = if s.faite {
                                format!(" [{}]", i18n.t("suite-done"))
                            } else {
                                String::new()
                            };
                            format!("{}{due}{done}", s.action)
                        })
                        .collect(),
                ),
                it.note_pro.to_string(),
                join(
                    it.meta
                        .evidence
                        .iter()
                        .map(|e| {
                            e.competence
                                .rsplit('/')
                                .next()
                                .unwrap_or_default()
                                .to_string()
                        })
                        .collect(),
                ),
            ],
            config.csv_separator,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_escaped_and_formulas_neutralised() {
        let mut out = String::new();
        row(
            &mut out,
            &[
                "a,b".into(),
                "dit \"oui\"".into(),
                "=1+1".into(),
                "Élève; CAF".into(),
                "ok".into(),
            ],
            ',',
        );
        assert_eq!(
            out,
            "\"a,b\",\"dit \"\"oui\"\"\",\"'=1+1\",\"Élève; CAF\",ok\r\n"
        );
        let mut out = String::new();
        row(&mut out, &["a b".into(), "1".into(), "x\ty".into()], ';');
        assert_eq!(out, "a b;1;x y\r\n", "a tab in a value is a space");
    }

    #[test]
    fn separators_are_named_as_typed() {
        assert_eq!(parse_separator(";"), Some(';'));
        assert_eq!(parse_separator("tab"), Some('\t'));
        assert_eq!(parse_separator("|"), None);
    }
}
