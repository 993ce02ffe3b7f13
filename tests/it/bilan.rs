//! Bilan: the figures equal what the journal holds, and the exports say them in a stable
//! shape, small numbers masked.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use crate::common;
use carnet::domain::bilan::{Period, PeriodKind, compute};
use carnet::domain::{Lang, Personnes};
use chrono::Duration;
use std::collections::HashSet;

#[test]
fn the_totals_of_a_period_equal_what_the_journal_holds() {
    let data = common::sample(800);
    let vocab = common::config(Lang::Fr).vocab;
    let today = common::today();
    for periode in [
        Period::containing(PeriodKind::Mois, today),
        Period::containing(PeriodKind::Trimestre, today).shifted(-1),
        Period::containing(PeriodKind::Annee, today),
        Period::range(today - Duration::days(400), today),
    ] {
        let b = compute(&data, &vocab, periode, today);
        let inside: Vec<_> = data
            .interactions
            .iter()
            .filter(|i| periode.du <= i.date && i.date <= periode.au)
            .collect();
        assert_eq!(b.totaux.interactions as usize, inside.len());
        assert_eq!(
            b.totaux.minutes,
            inside.iter().map(|i| u32::from(i.duree_min)).sum::<u32>()
        );
        let anonymous: u32 = inside
            .iter()
            .map(|i| match &i.personnes {
                Personnes::Anonyme(p) => u32::from(p.nombre),
                Personnes::Suivi(_) => 0,
            })
            .sum();
        let suivis: HashSet<_> = inside
            .iter()
            .filter_map(|i| match i.personnes {
                Personnes::Suivi(id) => Some(id),
                Personnes::Anonyme(_) => None,
            })
            .collect();
        assert_eq!(b.totaux.personnes, anonymous + suivis.len() as u32);
        // Each interaction has one canal and one duration bucket: those tables add up.
        for dim in ["canaux", "durees"] {
            let table = b.tables.iter().find(|t| t.dimension == dim).unwrap();
            assert_eq!(
                table.lignes.iter().map(|l| l.interactions).sum::<u32>(),
                b.totaux.interactions,
                "{dim}"
            );
        }
        assert_eq!(
            b.activite.iter().map(|(_, n)| n).sum::<u32>(),
            b.totaux.interactions
        );
    }
}

#[test]
fn the_json_export_has_its_documented_shape_and_masks_small_numbers() {
    let home = tempfile::tempdir().unwrap();
    let dir = demo_store(home.path());
    let d = dir.to_str().unwrap();
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--format",
            "json",
            "--du",
            "01/09/2026",
            "--au",
            "30/11/2026",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["periode"]["du"], "2026-09-01");
    assert_eq!(v["periode"]["au"], "2026-11-30");
    assert_eq!(v["seuil_petits_nombres"], 3);
    let interactions = v["totaux"]["interactions"].as_u64().unwrap();
    assert!(interactions > 20, "{interactions}");
    let tables = v["tables"].as_array().unwrap();
    let types = tables.iter().find(|t| t["dimension"] == "types").unwrap();
    let first = &types["lignes"][0];
    for key in ["valeur", "libelle", "interactions", "personnes", "minutes"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    // A line of fewer than three persons says null, never the number.
    let masked = tables
        .iter()
        .flat_map(|t| t["lignes"].as_array().unwrap())
        .filter(|l| l["personnes"].is_null())
        .count();
    let small = tables
        .iter()
        .flat_map(|t| t["lignes"].as_array().unwrap())
        .filter(|l| l["personnes"].as_u64().is_some_and(|n| (1..3).contains(&n)))
        .count();
    assert!(masked > 0 && small == 0, "{masked} masked, {small} shown");
    // The same period in CSV says « < 3 » where JSON says null.
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--format",
            "csv",
            "--du",
            "01/09/2026",
            "--au",
            "30/11/2026",
            "--sep",
            ";",
        ],
    );
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    let csv = crate::cli::text(&out.stdout);
    assert!(csv.contains(";< 3;"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .contains(&format!(";{interactions};"))
    );
    // An impossible period is a usage error, in words.
    let out = crate::cli::carnet(
        home.path(),
        &[
            "--data-dir",
            d,
            "export",
            "--what",
            "bilan",
            "--par",
            "decennie",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

fn interactions_in(app: &carnet::app::App, periode: Period) -> u32 {
    app.data()
        .interactions
        .iter()
        .filter(|i| periode.contains(i.date))
        .count() as u32
}

#[test]
fn the_bilan_tab_moves_its_period_and_counts_a_new_interaction() {
    use carnet::app::{App, Msg, Tab};
    use carnet::config::keymap::{Key, KeyCode};
    let mut a = App::new(common::config(Lang::Fr), common::sample(300), common::now());
    a.update(Msg::Resize(80, 24));
    let today = common::today();
    common::press(&mut a, Key::char('5'));
    assert_eq!(a.tab(), Tab::Bilan);
    let month = Period::containing(PeriodKind::Mois, today);
    let shown = |a: &App| {
        let b = a.bilan();
        (b.period, b.figures.as_ref().unwrap().totaux.interactions)
    };
    assert_eq!(shown(&a), (month, interactions_in(&a, month)));
    // The comparisons: the month before and the same month a year earlier.
    assert_eq!(
        a.bilan().previous.interactions,
        interactions_in(&a, month.shifted(-1))
    );
    assert_eq!(
        a.bilan().year_before.interactions,
        interactions_in(&a, month.year_before())
    );
    common::press(&mut a, Key::plain(KeyCode::Left));
    common::press(&mut a, Key::plain(KeyCode::Left));
    let earlier = month.shifted(-2);
    assert_eq!(shown(&a), (earlier, interactions_in(&a, earlier)));
    common::press(&mut a, Key::char('l'));
    common::press(&mut a, Key::char('l'));
    assert_eq!(shown(&a).0, month);
    // P: the quarter, then the year, holding the same days.
    common::press(&mut a, Key::char('P'));
    let quarter = Period::containing(PeriodKind::Trimestre, today);
    assert_eq!(shown(&a), (quarter, interactions_in(&a, quarter)));
    common::press(&mut a, Key::char('P'));
    assert_eq!(shown(&a).0, Period::containing(PeriodKind::Annee, today));
    // f: any range; a range that ends before it starts is refused in the form.
    common::press(&mut a, Key::char('f'));
    common::fill(&mut a, "du", "15/10/2026");
    common::fill(&mut a, "au", "01/10/2026");
    common::press(&mut a, common::ctrl('s'));
    assert!(!a.modals().is_empty(), "the form stays open");
    common::fill(&mut a, "au", "20/11/2026");
    common::press(&mut a, common::ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    let range = Period::range(
        chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    );
    assert_eq!(shown(&a), (range, interactions_in(&a, range)));
    // ← moves a range by its own length.
    common::press(&mut a, Key::plain(KeyCode::Left));
    assert_eq!(shown(&a).0, range.shifted(-1));
    common::press(&mut a, Key::char('P'));
    common::press(&mut a, Key::char('P'));
    common::press(&mut a, Key::char('P'));
    assert_eq!(shown(&a).0, Period::containing(PeriodKind::Annee, today));
    let before = shown(&a).1;
    // An interaction logged today counts at once in the year shown.
    common::press(&mut a, Key::char('1'));
    common::press(&mut a, Key::char('n'));
    common::typed(&mut a, "acc");
    common::press(&mut a, Key::plain(KeyCode::Enter));
    common::typed(&mut a, "log");
    common::press(&mut a, Key::plain(KeyCode::Enter));
    common::typed(&mut a, "Question sur une facture");
    common::press(&mut a, common::ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    common::press(&mut a, Key::char('5'));
    assert_eq!(shown(&a).1, before + 1);
}

fn bilan_app() -> carnet::app::App {
    let mut a = carnet::app::App::new(common::config(Lang::Fr), common::sample(300), common::now());
    a.update(carnet::app::Msg::Resize(80, 24));
    common::press(&mut a, carnet::config::keymap::Key::char('5'));
    a
}

#[test]
fn enter_on_a_line_shows_the_interactions_it_counts_in_the_journal() {
    use carnet::app::{BilanRow, Tab};
    use carnet::config::keymap::{Key, KeyCode};
    let mut a = bilan_app();
    // The first line under the first heading: the most frequent type of the month.
    assert!(matches!(a.bilan().rows[1], BilanRow::Line(0, 0)));
    let line = a.bilan().figures.as_ref().unwrap().tables[0].lignes[0].clone();
    let period = a.bilan().period;
    common::press(&mut a, Key::char('j'));
    common::press(&mut a, Key::plain(KeyCode::Enter));
    assert_eq!(a.tab(), Tab::Journal);
    let rows = &a.journal().rows;
    assert_eq!(rows.len(), line.interactions as usize);
    for &i in rows {
        let it = &a.data().interactions[i];
        assert!(period.contains(it.date));
        assert!(it.types.iter().any(|t| *t == line.valeur), "{:?}", it.types);
    }
    // Esc gives the whole journal back.
    common::press(&mut a, Key::plain(KeyCode::Esc));
    assert_eq!(a.journal().rows.len(), a.data().interactions.len());
}

#[test]
fn a_written_bilan_keeps_the_periods_dates_is_evidence_and_shows_beside_its_figures() {
    use carnet::config::keymap::{Key, KeyCode};
    let mut a = bilan_app();
    let period = a.bilan().period;
    // The sample holds last quarter's bilan, not this month's.
    let before = a.data().bilans.len();
    assert!(a.period_bilan().is_none());
    common::press(&mut a, Key::char('n'));
    common::fill(
        &mut a,
        "faits_marquants",
        "Ouverture d'un atelier numérique",
    );
    common::press(&mut a, common::ctrl('s'));
    assert!(a.modals().is_empty(), "{:?}", a.modals().last());
    assert_eq!(a.data().bilans.len(), before + 1);
    let b = a.period_bilan().unwrap();
    assert_eq!((b.du, b.au), (period.du, period.au));
    let competences: Vec<&str> = b
        .meta
        .evidence
        .iter()
        .map(|e| e.competence.as_str())
        .collect();
    assert_eq!(competences, ["tms-2004/CCP2.C8", "tms-2004/CCP3.C5"]);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 50)).unwrap();
    a.update(carnet::app::Msg::Resize(100, 50));
    terminal
        .draw(|f| carnet::ui::render(f, &a, &carnet::ui::Theme::mono()))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Ouverture d'un atelier numérique"),
        "{screen}"
    );
    // n again opens the same bilan: one per period.
    common::press(&mut a, Key::char('n'));
    common::fill(&mut a, "perspectives", "Un atelier par mois");
    common::press(&mut a, common::ctrl('s'));
    assert_eq!(a.data().bilans.len(), before + 1);
    assert_eq!(
        a.period_bilan().unwrap().perspectives,
        "Un atelier par mois"
    );
    // Another period has none; back on this one, d deletes it after asking.
    common::press(&mut a, Key::plain(KeyCode::Left));
    assert!(a.period_bilan().is_none());
    common::press(&mut a, Key::plain(KeyCode::Right));
    common::press(&mut a, Key::char('d'));
    common::press(&mut a, Key::char('o'));
    assert!(a.period_bilan().is_none());
    assert_eq!(a.data().bilans.len(), before);
}

#[test]
fn a_bilan_whose_period_ends_before_it_starts_is_refused() {
    let mut a = bilan_app();
    let before = a.data().bilans.len();
    common::press(&mut a, carnet::config::keymap::Key::char('n'));
    common::fill(&mut a, "du", "20/11/2026");
    common::fill(&mut a, "au", "10/11/2026");
    common::fill(&mut a, "faits_marquants", "Texte");
    common::press(&mut a, common::ctrl('s'));
    assert!(!a.modals().is_empty(), "the form stays open");
    assert_eq!(a.data().bilans.len(), before);
}

/// A demo store of 400 interactions in `home` (made once), its data dir.
fn demo_store(home: &std::path::Path) -> std::path::PathBuf {
    let dir = home.join("c");
    if !dir.exists() {
        let d = dir.to_str().unwrap();
        let out = crate::cli::carnet(
            home,
            &[
                "--data-dir",
                d,
                "demo",
                "--generate-only",
                "--interactions",
                "400",
            ],
        );
        assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    }
    dir
}

/// A demo store of 400 interactions, and the bilan of its third quarter (the demo's written
/// bilan's period) exported in `format`.
fn quarter_export(
    home: &std::path::Path,
    format: &str,
    output: Option<&std::path::Path>,
) -> Vec<u8> {
    let dir = demo_store(home);
    let d = dir.to_str().unwrap();
    let mut args = vec![
        "--data-dir",
        d,
        "export",
        "--what",
        "bilan",
        "--format",
        format,
        "--du",
        "01/07/2026",
        "--au",
        "30/09/2026",
    ];
    if let Some(o) = output {
        args.extend(["-o", o.to_str().unwrap()]);
    }
    let out = crate::cli::carnet(home, &args);
    assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
    match output {
        Some(o) => std::fs::read(o).unwrap(),
        None => out.stdout,
    }
}

#[test]
fn the_xlsx_export_reads_back_with_the_same_totals_typed_cells_and_a_sheet_per_breakdown() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let home = tempfile::tempdir().unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&quarter_export(home.path(), "json", None)).unwrap();
    let path = home.path().join("bilan.xlsx");
    let bytes = quarter_export(home.path(), "xlsx", Some(&path));
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Synthèse");
    let tables = breakdowns_with_lines(&json);
    assert_eq!(names.len(), 1 + tables, "{names:?}");
    assert!(names.iter().all(|n| n.chars().count() <= 31));
    let synthese = book.worksheet_range("Synthèse").unwrap();
    let value_of = |label: &str| {
        synthese
            .rows()
            .find(|r| r.first() == Some(&Data::String(label.into())))
            .and_then(|r| r.get(1).cloned())
    };
    // Numbers are numbers, and they are the JSON's.
    for (label, key) in [
        ("Interactions", "interactions"),
        ("Personnes", "personnes"),
        ("Temps passé (minutes)", "minutes"),
        ("Suites faites", "suites_faites"),
    ] {
        assert_eq!(
            value_of(label),
            Some(Data::Float(json["totaux"][key].as_f64().unwrap())),
            "{label}"
        );
    }
    // The activity starts on the period's first day, as a date cell.
    let dates = synthese
        .rows()
        .filter(|r| matches!(r.first(), Some(Data::DateTime(_))))
        .count();
    assert_eq!(dates, json["activite"].as_array().unwrap().len());
    // The demo's written bilan of the quarter is in it.
    let rows: Vec<_> = synthese.rows().collect();
    let label = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("Faits marquants".into())))
        .unwrap();
    assert!(rows[label + 1][0].to_string().contains("permanence"));
    // A breakdown: header row, then one row per value, persons under 3 masked.
    let types = book.worksheet_range("Types d'interaction").unwrap();
    let header: Vec<String> = types
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, ["Libellé", "Interactions", "Personnes", "Minutes"]);
    let lines = json["tables"][0]["lignes"].as_array().unwrap();
    assert_eq!(types.height(), 1 + lines.len());
    for (row, line) in types.rows().skip(1).zip(lines) {
        assert_eq!(row[1], Data::Float(line["interactions"].as_f64().unwrap()));
        match line["personnes"].as_f64() {
            Some(n) => assert_eq!(row[2], Data::Float(n)),
            None => assert_eq!(row[2], Data::String("< 3".into())),
        }
    }
}

#[test]
fn the_html_export_is_a_printable_report_with_an_svg_chart_per_breakdown() {
    let home = tempfile::tempdir().unwrap();
    let html = String::from_utf8(quarter_export(home.path(), "html", None)).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&quarter_export(home.path(), "json", None)).unwrap();
    let tables = breakdowns_with_lines(&json);
    // The activity chart and one per breakdown, drawn (bars are rects), not typed by hand.
    assert_eq!(html.matches("<svg").count(), 1 + tables);
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("Comité de pilotage France Services"));
    // Reviewed once with the charts left out: the structure, the figures and the text.
    let mut without_charts = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<svg") {
        without_charts.push_str(&rest[..start]);
        without_charts.push_str("[svg]");
        let end = rest[start..].find("</svg>").unwrap() + start + "</svg>".len();
        rest = &rest[end..];
    }
    without_charts.push_str(rest);
    insta::assert_snapshot!("bilan_html_q3", without_charts);
}

#[test]
fn the_records_behind_a_rencontres_veille_or_signalements_line_are_as_many_as_it_counts() {
    use carnet::domain::bilan::{counts_interactions, records_counted_in};
    let data = common::sample(800);
    let vocab = common::config(Lang::Fr).vocab;
    let year = Period::containing(PeriodKind::Annee, common::today());
    let b = compute(&data, &vocab, year, common::today());
    let mut seen = 0;
    for table in b
        .tables
        .iter()
        .filter(|t| !counts_interactions(t.dimension))
    {
        for line in &table.lignes {
            let behind = records_counted_in(&data, year, table.dimension, &line.valeur);
            assert_eq!(
                behind.len() as u32,
                line.interactions,
                "{}",
                table.dimension
            );
            seen += 1;
        }
    }
    assert!(
        seen > 3,
        "the sample has rencontres, veille and signalements this year"
    );
}

#[test]
fn par_cuts_the_activity_of_a_dated_export_and_names_the_period_without_dates() {
    let home = tempfile::tempdir().unwrap();
    let d = demo_store(home.path());
    let export = |extra: &[&str]| {
        let mut args = vec![
            "--data-dir",
            d.to_str().unwrap(),
            "export",
            "--what",
            "bilan",
            "--format",
            "json",
        ];
        args.extend(extra);
        let out = crate::cli::carnet(home.path(), &args);
        assert!(out.status.success(), "{}", crate::cli::text(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    // A year by month: twelve slices, starting on the first of each month.
    let v = export(&["--du", "01/01/2026", "--au", "31/12/2026", "--par", "mois"]);
    let slices = v["activite"].as_array().unwrap();
    assert_eq!(slices.len(), 12);
    assert_eq!(slices[1]["du"], "2026-02-01");
    // By quarter: four, and they add up to the year's interactions.
    let v = export(&[
        "--du",
        "01/01/2026",
        "--au",
        "31/12/2026",
        "--par",
        "trimestre",
    ]);
    let slices = v["activite"].as_array().unwrap();
    assert_eq!(slices.len(), 4);
    let sum: u64 = slices
        .iter()
        .map(|s| s["interactions"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, v["totaux"]["interactions"].as_u64().unwrap());
    // Without dates, --par names the current period (CARNET_TODAY: 27/11/2026).
    let v = export(&["--par", "trimestre"]);
    assert_eq!(v["periode"]["du"], "2026-10-01");
    assert_eq!(v["periode"]["au"], "2026-12-31");
}

#[test]
fn a_written_bilan_with_markup_control_characters_emoji_and_a_huge_text_exports_safely() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut data = common::sample(200);
    let config = common::config(Lang::Fr);
    let i18n = carnet::i18n::I18n::new(Lang::Fr);
    let b = &mut data.bilans[0];
    let periode = b.periode();
    b.destinataire = "Comité <script>alert(1)</script> \u{1b}[31m rouge".into();
    b.faits_marquants = format!("Atelier 🎉 réussi.\n{}", "très long ".repeat(5_000)).into();
    b.difficultes = "=SOMME(A1:A9) n'est pas une formule".into();
    let figures = compute(&data, &config.vocab, periode, common::today());
    let written = carnet::domain::bilan::written_for(&data, periode);
    let html = carnet::export::bilan::html(&figures, written, &config, &i18n);
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    assert!(!html.contains('\u{1b}'), "no escape sequence in the report");
    assert!(html.contains("Atelier 🎉 réussi."));
    let bytes = carnet::export::bilan::xlsx(&figures, written, &config, &i18n).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let synthese = book.worksheet_range("Synthèse").unwrap();
    let cells: Vec<String> = synthese.rows().flatten().map(Data::to_string).collect();
    // A text that looks like a formula stays text; the long text is kept up to Excel's limit
    // of 32 767 UTF-16 units a cell (the emoji counts two), where the HTML keeps it whole.
    assert!(
        cells
            .iter()
            .any(|c| c == "=SOMME(A1:A9) n'est pas une formule")
    );
    let long = cells.iter().find(|c| c.starts_with("Atelier 🎉")).unwrap();
    assert_eq!(long.encode_utf16().count(), 32_767);
    assert!(html.contains(&"très long ".repeat(5_000).trim_end().to_string()));
    assert!(cells.iter().all(|c| !c.contains('\u{1b}')));
}

/// How many breakdowns of a JSON bilan have lines (each gets a sheet, a chart).
fn breakdowns_with_lines(json: &serde_json::Value) -> usize {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["lignes"].as_array().unwrap().is_empty())
        .count()
}
