//! Situations: what one example of the Dossier Professionnel tells. A jury expects one
//! concrete situation per example, so a draft starts from one of them — a suivi's
//! timeline, a cas de médiation, a projet, the work with one partner of the network, an
//! événement de sécurité, a bilan — and gathers what is linked to it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::*;

/// The kinds of situation a draft can tell, in the order they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SituationKind {
    Suivi,
    Cas,
    Projet,
    /// The rencontres, orientations, veille and fiches of one structure of the network.
    Partenaire,
    Evenement,
    Bilan,
}

impl SituationKind {
    pub const ALL: [SituationKind; 6] = [
        SituationKind::Suivi,
        SituationKind::Cas,
        SituationKind::Projet,
        SituationKind::Partenaire,
        SituationKind::Evenement,
        SituationKind::Bilan,
    ];

    /// Stable name; the label's Fluent id is `situation-NAME`.
    pub fn name(self) -> &'static str {
        match self {
            SituationKind::Suivi => "suivi",
            SituationKind::Cas => "cas",
            SituationKind::Projet => "projet",
            SituationKind::Partenaire => "partenaire",
            SituationKind::Evenement => "evenement",
            SituationKind::Bilan => "bilan",
        }
    }

    pub fn from_name(name: &str) -> Option<SituationKind> {
        SituationKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The record kind the situation is anchored on (a partner is a structure).
    pub fn record_kind(self) -> RecordKind {
        match self {
            SituationKind::Suivi => RecordKind::Suivi,
            SituationKind::Cas => RecordKind::CasMediation,
            SituationKind::Projet => RecordKind::Projet,
            SituationKind::Partenaire => RecordKind::Structure,
            SituationKind::Evenement => RecordKind::EvenementSecurite,
            SituationKind::Bilan => RecordKind::Bilan,
        }
    }
}

/// One situation: its kind and the id of the record it is anchored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Situation {
    pub kind: SituationKind,
    pub id: Id,
}

impl Situation {
    /// `kind:id`, as a picker item carries it.
    pub fn key(self) -> String {
        format!("{}:{}", self.kind.name(), self.id)
    }

    pub fn parse(key: &str) -> Option<Situation> {
        let (kind, id) = key.split_once(':')?;
        Some(Situation {
            kind: SituationKind::from_name(kind)?,
            id: id.parse().ok()?,
        })
    }
}

/// Everything linked to a situation, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Gathered<'a> {
    pub interactions: Vec<&'a Interaction>,
    pub rencontres: Vec<&'a Rencontre>,
    pub veille: Vec<&'a Veille>,
    pub fiches: Vec<&'a Fiche>,
    pub analyses: Vec<&'a Analyse>,
    pub seances: Vec<&'a Seance>,
}

impl Gathered<'_> {
    /// The evidence of every gathered record.
    fn metas(&self) -> impl Iterator<Item = &RecordMeta> {
        self.interactions
            .iter()
            .map(|r| &r.meta)
            .chain(self.rencontres.iter().map(|r| &r.meta))
            .chain(self.veille.iter().map(|r| &r.meta))
            .chain(self.fiches.iter().map(|r| &r.meta))
            .chain(self.analyses.iter().map(|r| &r.meta))
            .chain(self.seances.iter().map(|r| &r.meta))
    }

    pub fn len(&self) -> usize {
        self.interactions.len()
            + self.rencontres.len()
            + self.veille.len()
            + self.fiches.len()
            + self.analyses.len()
            + self.seances.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn interactions_by_id<'a>(data: &'a Dataset, ids: &[Id]) -> Vec<&'a Interaction> {
    let mut out: Vec<&Interaction> = ids
        .iter()
        .filter_map(|id| {
            data.interactions
                .binary_search_by_key(id, |x| x.meta.id)
                .ok()
                .map(|i| &data.interactions[i])
        })
        .collect();
    out.sort_by_key(|i| (i.date, i.heure, i.meta.id));
    out.dedup_by_key(|i| i.meta.id);
    out
}

/// Analyses de pratique written about one of `interactions`, or named in `also`.
fn analyses_of<'a>(
    data: &'a Dataset,
    interactions: &[&Interaction],
    also: &[Id],
) -> Vec<&'a Analyse> {
    let ids: BTreeSet<Id> = interactions.iter().map(|i| i.meta.id).collect();
    let mut out: Vec<&Analyse> = data
        .analyses
        .iter()
        .filter(|a| a.interaction.is_some_and(|i| ids.contains(&i)) || also.contains(&a.meta.id))
        .collect();
    out.sort_by_key(|a| (a.date, a.meta.id));
    out
}

/// Who links to what, read once: the interactions of each suivi, the orientations to and
/// rencontres with each structure, the fiches naming it, the veille in folded text. Ranking
/// gathers every situation of a store: without it, each partner would read the whole
/// journal again.
pub struct Links<'a> {
    by_suivi: BTreeMap<Id, Vec<&'a Interaction>>,
    oriented_to: BTreeMap<Id, Vec<&'a Interaction>>,
    met: BTreeMap<Id, Vec<&'a Rencontre>>,
    fiches: BTreeMap<Id, Vec<&'a Fiche>>,
    veille: Vec<(String, &'a Veille)>,
}

impl<'a> Links<'a> {
    /// Every link of the store.
    pub fn new(data: &'a Dataset) -> Links<'a> {
        Links::read(data, None)
    }

    /// Only the links of one situation: what telling it needs.
    pub fn about(data: &'a Dataset, s: Situation) -> Links<'a> {
        Links::read(data, Some(s))
    }

    fn read(data: &'a Dataset, only: Option<Situation>) -> Links<'a> {
        let wanted = |id: Id| only.is_none_or(|s| s.id == id);
        let partners = only.is_none_or(|s| s.kind == SituationKind::Partenaire);
        let mut links = Links {
            by_suivi: BTreeMap::new(),
            oriented_to: BTreeMap::new(),
            met: BTreeMap::new(),
            fiches: BTreeMap::new(),
            veille: match partners {
                true => data
                    .veille
                    .iter()
                    .map(|v| (text::fold(&format!("{}\n{}", v.source, v.resume)), v))
                    .collect(),
                false => Vec::new(),
            },
        };
        for i in &data.interactions {
            if let Personnes::Suivi(id) = i.personnes
                && wanted(id)
            {
                links.by_suivi.entry(id).or_default().push(i);
            }
            if let Some(id) = i.orientation.as_ref().and_then(|o| o.structure)
                && wanted(id)
            {
                links.oriented_to.entry(id).or_default().push(i);
            }
        }
        for r in &data.rencontres {
            for id in r
                .structures
                .iter()
                .filter_map(|l| l.id)
                .filter(|&id| wanted(id))
            {
                links.met.entry(id).or_default().push(r);
            }
        }
        for f in &data.fiches {
            for id in f
                .structures
                .iter()
                .filter_map(|l| l.id)
                .filter(|&id| wanted(id))
            {
                links.fiches.entry(id).or_default().push(f);
            }
        }
        for list in links
            .by_suivi
            .values_mut()
            .chain(links.oriented_to.values_mut())
        {
            list.sort_by_key(|i| (i.date, i.heure, i.meta.id));
            list.dedup_by_key(|i| i.meta.id);
        }
        for list in links.met.values_mut() {
            list.sort_by_key(|r| (r.date, r.meta.id));
            list.dedup_by_key(|r| r.meta.id);
        }
        for list in links.fiches.values_mut() {
            list.dedup_by_key(|f| f.meta.id);
        }
        links
    }

    fn of<T>(map: &BTreeMap<Id, Vec<&'a T>>, id: Id) -> Vec<&'a T> {
        map.get(&id).cloned().unwrap_or_default()
    }
}

/// What is linked to `s`; `None` when its record is gone.
pub fn gather<'a>(data: &'a Dataset, s: Situation) -> Option<Gathered<'a>> {
    gather_with(data, &Links::about(data, s), s)
}

/// The same, with the links already read.
pub fn gather_with<'a>(data: &'a Dataset, links: &Links<'a>, s: Situation) -> Option<Gathered<'a>> {
    let mut g = Gathered::default();
    match s.kind {
        SituationKind::Suivi => {
            data.suivi(s.id)?;
            g.interactions = Links::of(&links.by_suivi, s.id);
            g.analyses = analyses_of(data, &g.interactions, &[]);
        }
        SituationKind::Cas => {
            let c = data.find::<CasMediation>(s.id)?;
            g.interactions = interactions_by_id(data, &c.interactions);
            g.analyses = analyses_of(data, &g.interactions, &c.analyses);
        }
        SituationKind::Projet => {
            let p = data.find::<Projet>(s.id)?;
            g.seances = p.seances(&data.seances);
            g.fiches = p
                .fiches
                .iter()
                .filter_map(|&id| data.find::<Fiche>(id))
                .collect();
            g.veille = p
                .constats_veille
                .iter()
                .filter_map(|&id| data.find::<Veille>(id))
                .collect();
            g.veille.sort_by_key(|v| v.date);
            g.interactions = interactions_by_id(data, &p.constats_interactions);
        }
        SituationKind::Partenaire => {
            let st = data.structure(s.id)?;
            g.rencontres = Links::of(&links.met, s.id);
            g.interactions = Links::of(&links.oriented_to, s.id);
            g.fiches = Links::of(&links.fiches, s.id);
            // Veille has no link to a structure: it counts when it names the partner.
            let name = text::fold(&st.nom);
            if name.chars().count() >= 3 {
                g.veille = links
                    .veille
                    .iter()
                    .filter(|(folded, _)| folded.contains(&name))
                    .map(|(_, v)| *v)
                    .collect();
                g.veille.sort_by_key(|v| v.date);
            }
        }
        SituationKind::Evenement => {
            let e = data.find::<EvenementSecurite>(s.id)?;
            g.interactions = interactions_by_id(data, &e.interactions);
            g.analyses = analyses_of(data, &g.interactions, &[]);
        }
        SituationKind::Bilan => {
            data.find::<Bilan>(s.id)?;
        }
    }
    Some(g)
}

/// The anchor record's evidence.
fn anchor_meta(data: &Dataset, s: Situation) -> Option<&RecordMeta> {
    Some(match s.kind {
        SituationKind::Suivi => &data.suivi(s.id)?.meta,
        SituationKind::Cas => &data.find::<CasMediation>(s.id)?.meta,
        SituationKind::Projet => &data.find::<Projet>(s.id)?.meta,
        SituationKind::Partenaire => &data.structure(s.id)?.meta,
        SituationKind::Evenement => &data.find::<EvenementSecurite>(s.id)?.meta,
        SituationKind::Bilan => &data.find::<Bilan>(s.id)?.meta,
    })
}

/// The competences (qualified ids) of `ccp` (qualified) that the situation's records
/// evidence, in référentiel order.
pub fn covered(data: &Dataset, s: Situation, g: &Gathered, ccp: &str) -> Vec<Text> {
    let prefix = format!("{ccp}.");
    let found: BTreeSet<&Text> = anchor_meta(data, s)
        .into_iter()
        .chain(g.metas())
        .flat_map(|m| &m.evidence)
        .map(|e| &e.competence)
        .filter(|c| c.starts_with(&prefix))
        .collect();
    let mut out: Vec<Text> = found.into_iter().cloned().collect();
    // C10 after C9: by the number after the last « C ».
    out.sort_by_key(|c| {
        let n = c.rsplit(".C").next().and_then(|n| n.parse::<u32>().ok());
        (n.unwrap_or(u32::MAX), c.clone())
    });
    out
}

/// A situation with what it shows for one CCP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub situation: Situation,
    /// Competences of the CCP its records evidence.
    pub covers: Vec<Text>,
    /// How many records it gathers (the anchor included).
    pub records: usize,
    /// Its latest date, for the order of equals.
    pub date: NaiveDate,
    /// Among the strongest: chosen for this CCP with variety across the examples.
    pub suggested: bool,
}

/// The latest date among a situation's records.
fn latest(data: &Dataset, s: Situation, g: &Gathered) -> NaiveDate {
    let anchor = match s.kind {
        SituationKind::Cas => data.find::<CasMediation>(s.id).map(|c| c.since()),
        SituationKind::Projet => data.find::<Projet>(s.id).map(|p| p.debut),
        SituationKind::Evenement => data.find::<EvenementSecurite>(s.id).map(|e| e.date),
        SituationKind::Bilan => data.find::<Bilan>(s.id).map(|b| b.remis_le.unwrap_or(b.au)),
        SituationKind::Suivi | SituationKind::Partenaire => None,
    };
    anchor
        .into_iter()
        .chain(g.interactions.iter().map(|i| i.date))
        .chain(g.rencontres.iter().map(|r| r.date))
        .chain(g.seances.iter().map(|x| x.date))
        .chain(g.veille.iter().map(|v| v.date))
        .max()
        .unwrap_or(NaiveDate::MIN)
}

/// Every situation worth telling: a suivi over two contacts or more, each case, projet,
/// événement and bilan, each structure met at least once or oriented to twice — but the
/// profil's employer, which is no partner of its own mediator.
pub fn candidates(data: &Dataset) -> Vec<Situation> {
    candidates_in(data, &Links::new(data))
}

/// The same, from the links already read.
fn candidates_in(data: &Dataset, links: &Links) -> Vec<Situation> {
    let partner = |id: &Id| {
        links.met.contains_key(id) || links.oriented_to.get(id).is_some_and(|l| l.len() >= 2)
    };
    let employer = data.profil().and_then(|p| p.employeur);
    let of = |kind: SituationKind, ids: Vec<Id>| {
        ids.into_iter()
            .map(move |id| Situation { kind, id })
            .collect::<Vec<_>>()
    };
    [
        of(
            SituationKind::Suivi,
            data.suivis
                .iter()
                .filter(|s| links.by_suivi.get(&s.meta.id).is_some_and(|l| l.len() >= 2))
                .map(|s| s.meta.id)
                .collect(),
        ),
        of(
            SituationKind::Cas,
            data.cas_mediation.iter().map(|c| c.meta.id).collect(),
        ),
        of(
            SituationKind::Projet,
            data.projets.iter().map(|p| p.meta.id).collect(),
        ),
        of(
            SituationKind::Partenaire,
            data.structures
                .iter()
                .filter(|s| partner(&s.meta.id) && Some(s.meta.id) != employer)
                .map(|s| s.meta.id)
                .collect(),
        ),
        of(
            SituationKind::Evenement,
            data.evenements_securite.iter().map(|e| e.meta.id).collect(),
        ),
        of(
            SituationKind::Bilan,
            data.bilans.iter().map(|b| b.meta.id).collect(),
        ),
    ]
    .concat()
}

/// How many examples a CCP is suggested.
pub const SUGGESTED: usize = 3;

/// The situations that show something of `ccp` (qualified), the strongest first: the
/// `SUGGESTED` chosen greedily — each adds the most competences not yet shown by those
/// before it and by `already` (the CCP's existing examples), a kind not yet chosen winning
/// ties — then the others by competences covered, records gathered and recency.
pub fn rank(data: &Dataset, ccp: &str, already: &[Text]) -> Vec<Ranked> {
    let links = Links::new(data);
    let mut all: Vec<Ranked> = candidates_in(data, &links)
        .into_iter()
        .filter_map(|s| {
            let g = gather_with(data, &links, s)?;
            let covers = covered(data, s, &g, ccp);
            (!covers.is_empty()).then(|| Ranked {
                situation: s,
                records: g.len() + 1,
                date: latest(data, s, &g),
                covers,
                suggested: false,
            })
        })
        .collect();
    all.sort_by(|a, b| {
        b.covers
            .len()
            .cmp(&a.covers.len())
            .then(b.records.cmp(&a.records))
            .then(b.date.cmp(&a.date))
            .then(a.situation.cmp(&b.situation))
    });
    let mut shown: BTreeSet<Text> = already.iter().cloned().collect();
    let mut kinds: BTreeSet<SituationKind> = BTreeSet::new();
    let mut order: Vec<Ranked> = Vec::with_capacity(all.len());
    for _ in 0..SUGGESTED {
        let best = all
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| {
                let new = r.covers.iter().filter(|c| !shown.contains(*c)).count();
                // Ties go to a kind not yet chosen, then to the earlier in `all`.
                (
                    new,
                    !kinds.contains(&r.situation.kind),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(i, _)| i);
        let Some(i) = best else { break };
        let mut r = all.remove(i);
        shown.extend(r.covers.iter().cloned());
        kinds.insert(r.situation.kind);
        r.suggested = true;
        order.push(r);
    }
    order.extend(all);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_situation_key_reads_back_what_it_writes() {
        for kind in SituationKind::ALL {
            let s = Situation {
                kind,
                id: Id(0x0123_4567_89ab_cdef),
            };
            assert_eq!(Situation::parse(&s.key()), Some(s));
        }
        for bad in ["", "suivi", "suivi:", "autre:0001", "cas:zz", "cas:1:2"] {
            assert_eq!(Situation::parse(bad), None, "{bad}");
        }
    }
}
