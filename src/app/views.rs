//! Orders and derived facts computed once from the dataset (at load, and again after each
//! change), so drawing a frame only reads.

use crate::config::Config;
use crate::domain::coverage::EvidenceCount;
use crate::domain::text::fold;
use crate::domain::*;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One row of the Compétences tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetenceRow {
    Ccp(usize),
    Competence(usize, usize),
    /// The heading above evidence of competences the current référentiel lacks.
    OrphanHeader,
    /// Index into `Views::orphans`.
    Orphan(usize),
}

/// Orientation outcomes for one partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerStats {
    pub structure: Id,
    pub orientations: usize,
    /// Orientations whose outcome is known (not "inconnue").
    pub known: usize,
    pub successful: usize,
    pub last: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Views {
    /// Interactions, newest first.
    pub journal: Vec<usize>,
    /// Structures by folded name.
    pub structures: Vec<usize>,
    /// Contacts of each structure, by name.
    pub contacts_by_structure: HashMap<Id, Vec<usize>>,
    /// Last contact of each structure, derived from orientations and rencontres.
    pub last_contact: HashMap<Id, NaiveDate>,
    /// Last contact of each contact (a professional), derived from the rencontres they met at.
    pub contact_last: HashMap<Id, NaiveDate>,
    /// Fiches by plan de classement order, then title.
    pub fiches: Vec<usize>,
    pub competences: Vec<CompetenceRow>,
    /// Competences (qualified ids) that records are linked to but the référentiel lacks:
    /// kept, and listed after the référentiel.
    pub orphans: Vec<Text>,
    /// Partners people were oriented to, most orientations first.
    pub partners: Vec<PartnerStats>,
    /// The records of each listed kind (rencontres, veille, signalements…), newest first.
    pub listed: HashMap<RecordKind, Vec<usize>>,
    pub analyses: Vec<usize>,
    /// Evidence per qualified competence id (including ids the référentiel lacks).
    pub evidence: HashMap<Text, EvidenceCount>,
    /// Each structure's folded search text (name, typologies, services, contacts…), in
    /// `Dataset::structures` order: folded once per change, not once per key.
    pub structure_haystacks: Vec<String>,
    /// Each fiche's folded search text (title, body, sources), in `Dataset::fiches` order.
    pub fiche_haystacks: Vec<String>,
}

impl Views {
    /// The records of a listed kind as shown, newest first.
    pub fn records(&self, kind: RecordKind) -> &[usize] {
        self.listed.get(&kind).map_or(&[], Vec::as_slice)
    }

    pub fn build(data: &Dataset, config: &Config) -> Views {
        // Records are in creation order, which mostly follows their dates: starting from the
        // newest lets the (adaptive) stable sort run in near-linear time.
        let mut journal: Vec<usize> = (0..data.interactions.len()).rev().collect();
        journal.sort_by(|&a, &b| {
            let (x, y) = (&data.interactions[a], &data.interactions[b]);
            (y.date, y.heure, y.meta.id).cmp(&(x.date, x.heure, x.meta.id))
        });

        let folded: Vec<String> = data.structures.iter().map(|s| fold(&s.nom)).collect();
        let mut structures: Vec<usize> = (0..data.structures.len()).collect();
        structures.sort_by(|&a, &b| folded[a].cmp(&folded[b]));

        let mut contacts_by_structure: HashMap<Id, Vec<usize>> = HashMap::new();
        for (i, c) in data.contacts.iter().enumerate() {
            contacts_by_structure
                .entry(c.structure)
                .or_default()
                .push(i);
        }
        for list in contacts_by_structure.values_mut() {
            list.sort_by_key(|&i| fold(&data.contacts[i].nom));
        }

        let mut last_contact: HashMap<Id, NaiveDate> = HashMap::new();
        let mut contact_last: HashMap<Id, NaiveDate> = HashMap::new();
        // What happened with a structure without naming any of its contacts counts for each
        // of them: an orientation there today is a contact today, not « 407 days late ».
        let mut unnamed: HashMap<Id, NaiveDate> = HashMap::new();
        for i in &data.interactions {
            if let Some(id) = i.orientation.as_ref().and_then(|o| o.structure) {
                keep_latest(&mut last_contact, id, i.date);
                keep_latest(&mut unnamed, id, i.date);
            }
        }
        for r in &data.rencontres {
            for id in r.structures.iter().filter_map(|l| l.id) {
                keep_latest(&mut last_contact, id, r.date);
            }
            for id in r.contacts.iter().filter_map(|l| l.id) {
                keep_latest(&mut contact_last, id, r.date);
            }
            for s in r.structures.iter().filter_map(|l| l.id) {
                let named = r
                    .contacts
                    .iter()
                    .filter_map(|l| l.id)
                    .any(|c| data.find::<Contact>(c).is_some_and(|c| c.structure == s));
                if !named {
                    keep_latest(&mut unnamed, s, r.date);
                }
            }
        }
        for c in &data.contacts {
            if let Some(date) = unnamed.get(&c.structure) {
                keep_latest(&mut contact_last, c.meta.id, *date);
            }
        }

        let plan = &config.vocab.plan_classement;
        let mut fiches: Vec<usize> = (0..data.fiches.len()).collect();
        fiches.sort_by_cached_key(|&i| {
            let f = &data.fiches[i];
            (
                plan.position(&f.classement),
                f.classement.clone(),
                fold(&f.titre),
            )
        });

        let mut competences: Vec<CompetenceRow> = config
            .referentiel
            .ccp
            .iter()
            .enumerate()
            .flat_map(|(ci, ccp)| {
                std::iter::once(CompetenceRow::Ccp(ci)).chain(
                    (0..ccp.competences.len()).map(move |k| CompetenceRow::Competence(ci, k)),
                )
            })
            .collect();

        let mut evidence: HashMap<Text, EvidenceCount> = HashMap::new();
        // One walk over every record kind (Dataset::evidence is the single list of kinds).
        for (_, _, link) in data.evidence() {
            match evidence.get_mut(link.competence.as_str()) {
                Some(c) => c.add(link),
                None => evidence
                    .entry(link.competence.clone())
                    .or_default()
                    .add(link),
            }
        }

        let mut orphans: Vec<Text> = evidence
            .keys()
            .filter(|id| config.referentiel.find(id).is_none())
            .cloned()
            .collect();
        orphans.sort();
        if !orphans.is_empty() {
            competences.push(CompetenceRow::OrphanHeader);
            competences.extend((0..orphans.len()).map(CompetenceRow::Orphan));
        }

        let partners = Views::build_partners(data);
        let fiche_haystacks = data.fiches.iter().map(fiche_haystack).collect();
        let mut views = Views {
            partners,
            listed: super::kinds::listed()
                .into_iter()
                .map(|kind| (kind, super::kinds::order(data, kind)))
                .collect(),
            analyses: newest_first(&data.analyses, |a| a.date),
            journal,
            orphans,
            structures,
            contacts_by_structure,
            last_contact,
            contact_last,
            fiches,
            competences,
            evidence,
            structure_haystacks: Vec::new(),
            fiche_haystacks,
        };
        // A structure's text holds its contacts' names: read from the views just built.
        views.structure_haystacks = data
            .structures
            .iter()
            .map(|s| super::network::haystack(s, data, &views, config))
            .collect();
        views
    }

    /// Updates the views after one interaction was added (the newest record) or changed in
    /// place. Returns false when only a rebuild would be exact (a link or an orientation
    /// removed, or the record not where expected); the caller then rebuilds.
    pub fn update_interaction(
        &mut self,
        data: &Dataset,
        old: Option<&Interaction>,
        new: &Interaction,
    ) -> bool {
        let Ok(index) = data
            .interactions
            .binary_search_by_key(&new.meta.id, |i| i.meta.id)
        else {
            return false;
        };
        let appended = old.is_none() && index + 1 == data.interactions.len();
        if old.is_none() && !appended {
            return false;
        }
        if let Some(old) = old {
            let removed_link = old
                .meta
                .evidence
                .iter()
                .any(|l| !new.meta.evidence.contains(l));
            let old_target = old.orientation.as_ref().and_then(|o| o.structure);
            let new_target = new.orientation.as_ref().and_then(|o| o.structure);
            let contact_moved =
                old_target.is_some() && (old_target != new_target || new.date < old.date);
            if removed_link || contact_moved {
                return false;
            }
            for link in &old.meta.evidence {
                // Links kept unchanged are counted again below.
                if let Some(c) = self.evidence.get_mut(link.competence.as_str()) {
                    match link.strength {
                        Strength::Principale => c.principale = c.principale.saturating_sub(1),
                        Strength::Secondaire => c.secondaire = c.secondaire.saturating_sub(1),
                    }
                }
            }
            if let Some(pos) = self.journal.iter().position(|&i| i == index) {
                self.journal.remove(pos);
            }
        }
        for link in &new.meta.evidence {
            self.evidence
                .entry(link.competence.clone())
                .or_default()
                .add(link);
        }
        if let Some(id) = new.orientation.as_ref().and_then(|o| o.structure) {
            keep_latest(&mut self.last_contact, id, new.date);
            // An orientation names no contact: it counts for each of the structure's.
            for &c in self.contacts_by_structure.get(&id).into_iter().flatten() {
                if let Some(contact) = data.contacts.get(c) {
                    keep_latest(&mut self.contact_last, contact.meta.id, new.date);
                }
            }
        }
        let key = |i: usize| {
            let it = &data.interactions[i];
            std::cmp::Reverse((it.date, it.heure, it.meta.id))
        };
        let at = self.journal.partition_point(|&i| key(i) < key(index));
        self.journal.insert(at, index);
        if new.orientation.is_some() || old.is_some_and(|o| o.orientation.is_some()) {
            // Outcomes can change with any orientation: recount them (one pass, no sort of
            // the journal).
            self.partners = Views::build_partners(data);
        }
        true
    }

    fn build_partners(data: &Dataset) -> Vec<PartnerStats> {
        let mut partners: HashMap<Id, PartnerStats> = HashMap::new();
        for it in &data.interactions {
            let Some(o) = &it.orientation else { continue };
            let Some(id) = o.structure else { continue };
            let p = partners.entry(id).or_insert(PartnerStats {
                structure: id,
                orientations: 0,
                known: 0,
                successful: 0,
                last: it.date,
            });
            p.orientations += 1;
            match o.issue.as_deref() {
                Some("inconnue") | None => {}
                Some(issue) => {
                    p.known += 1;
                    p.successful += usize::from(issue == "aboutie");
                }
            }
            p.last = p.last.max(it.date);
        }
        let mut partners: Vec<PartnerStats> = partners.into_values().collect();
        partners.sort_by(|a, b| {
            b.orientations
                .cmp(&a.orientations)
                .then(a.structure.cmp(&b.structure))
        });
        partners
    }

    /// Evidence of a CCP: the sum over its competences.
    pub fn ccp_evidence(&self, config: &Config, ccp: &Ccp) -> EvidenceCount {
        let mut total = EvidenceCount::default();
        for c in &ccp.competences {
            if let Some(count) = self
                .evidence
                .get(config.referentiel.qualify(&c.id).as_str())
            {
                total.principale += count.principale;
                total.secondaire += count.secondaire;
                total.latest = total.latest.max(count.latest);
            }
        }
        total
    }
}

/// A fiche's folded search text: its title, body and sources.
pub fn fiche_haystack(f: &Fiche) -> String {
    let sources = f
        .sources
        .iter()
        .map(|s| format!("{} {}", s.titre, s.url))
        .collect::<Vec<_>>()
        .join(" ");
    crate::domain::text::fold(&format!(
        "{} \u{1f} {} \u{1f} {}",
        f.titre, f.contenu, sources
    ))
}

/// Indexes of `list`, newest first. Records are in creation order, which mostly follows
/// their dates: starting from the newest keeps the stable sort near-linear.
pub fn newest_first<T>(list: &[T], date: impl Fn(&T) -> NaiveDate) -> Vec<usize> {
    let mut order: Vec<usize> = (0..list.len()).rev().collect();
    order.sort_by_key(|&i| std::cmp::Reverse(date(&list[i])));
    order
}

/// Ids used by records that the current configuration does not know: (list, id, uses).
/// They are kept and shown raw; `doctor` lists them.
pub fn unknown_ids(data: &Dataset, config: &Config) -> Vec<(&'static str, String, usize)> {
    let v = &config.vocab;
    let mut found: std::collections::BTreeMap<(&'static str, String), usize> = Default::default();
    let mut check = |list: &'static str, vocab: &Vocabulary, id: &str| {
        if !id.is_empty() && !vocab.contains(id) {
            *found.entry((list, id.to_string())).or_default() += 1;
        }
    };
    // An interaction's own fields; its other fields are the kinds' specs' (below).
    for i in &data.interactions {
        if let Some(issue) = i.orientation.as_ref().and_then(|o| o.issue.as_ref()) {
            check("issues_orientation", &v.issues_orientation, issue);
        }
        if let Personnes::Anonyme(p) = &i.personnes {
            for a in p.attributs.iter() {
                match a.dimension.as_str() {
                    "tranches_age" => check("tranches_age", &v.tranches_age, &a.valeur),
                    "genres" => check("genres", &v.genres, &a.valeur),
                    "statuts" => check("statuts", &v.statuts, &a.valeur),
                    "residences" => check("residences", &v.residences, &a.valeur),
                    _ => {}
                }
            }
        }
    }
    let mut count = |list: &'static str, id: &str| {
        *found.entry((list, id.to_string())).or_default() += 1;
    };
    for svc in data.structures.iter().flat_map(|s| &s.services) {
        super::kinds::unknown_in(super::kinds::structure::SERVICE, svc, config, &mut count);
    }
    // The kinds' form specs say which fields hold vocabulary ids.
    super::kinds::unknown_ids(data, config, &mut count);
    let mut out: Vec<(&'static str, String, usize)> =
        found.into_iter().map(|((l, id), n)| (l, id, n)).collect();
    let mut orphans: std::collections::BTreeMap<Text, usize> = Default::default();
    for (_, _, link) in data.evidence() {
        if config.referentiel.find(&link.competence).is_none() {
            *orphans.entry(link.competence.clone()).or_default() += 1;
        }
    }
    out.extend(
        orphans
            .into_iter()
            .map(|(id, n)| ("referentiel", id.into(), n)),
    );
    out
}

/// Keeps the later of the date already there for `id` and `date`.
fn keep_latest(map: &mut HashMap<Id, NaiveDate>, id: Id, date: NaiveDate) {
    let entry = map.entry(id).or_insert(date);
    *entry = (*entry).max(date);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::kinds;
    use chrono::NaiveDate;

    #[test]
    fn an_unknown_id_is_counted_once_per_record_that_uses_it() {
        let config = Config::builtin(Lang::Fr).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let meta = |n| RecordMeta::new(Id(n), Timestamp(0));
        let mut data = Dataset::default();
        let mut structure: Structure = kinds::blank(meta(1), today).unwrap();
        structure.niveau_relation = "ami".into();
        structure.services.push(Service {
            type_service: "teleportation".into(),
            ..Service::default()
        });
        data.structures.push(structure);
        let mut contact: Contact = kinds::blank(meta(2), today).unwrap();
        contact.structure = Id(1);
        contact.canal_prefere = Some("pigeon".into());
        data.contacts.push(contact);
        let mut analyse: Analyse = kinds::blank(meta(3), today).unwrap();
        analyse.format = "tarot".into();
        data.analyses.push(analyse);
        let found = unknown_ids(&data, &config);
        for (list, id) in [
            ("niveaux_relation", "ami"),
            ("types_service", "teleportation"),
            ("canaux", "pigeon"),
            ("formats_analyse", "tarot"),
        ] {
            assert!(
                found.contains(&(list, id.to_string(), 1)),
                "{list} {id}: {found:?}"
            );
        }
    }
}
