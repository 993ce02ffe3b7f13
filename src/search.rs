//! Search that people trust: accents and case folded the same way on both
//! sides, space-separated terms that must all match, whole-word and prefix matches ranked
//! above mid-word ones, a fuzzy fallback inside single words, and narrowing on the previous
//! results when the query only grows. Haystacks are folded once, at load and on save.

use crate::domain::hash::Fx;
use crate::domain::text::fold;

/// One term of a query, in fzf's extended syntax: `'exact`, `^prefix`, `!excluded`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Substring anywhere (ranked by word position), with a fuzzy fallback inside a word.
    Loose(String),
    Exact(String),
    Prefix(String),
    Not(String),
}

impl Term {
    fn text(&self) -> &str {
        match self {
            Term::Loose(t) | Term::Exact(t) | Term::Prefix(t) | Term::Not(t) => t,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let terms = input
            .split_whitespace()
            .filter_map(|raw| {
                let (make, rest): (fn(String) -> Term, &str) =
                    if let Some(r) = raw.strip_prefix('!') {
                        (Term::Not, r)
                    } else if let Some(r) = raw.strip_prefix('\'') {
                        (Term::Exact, r)
                    } else if let Some(r) = raw.strip_prefix('^') {
                        (Term::Prefix, r)
                    } else {
                        (Term::Loose, raw)
                    };
                let folded = fold(rest);
                (!folded.is_empty()).then(|| make(folded))
            })
            .collect();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Only one-letter terms: too vague to search 100,000 records on.
    pub fn is_too_short(&self) -> bool {
        self.terms.iter().all(|t| t.text().chars().count() < 2)
    }

    /// Whether every record matching `self` also matches `previous`, so the new results can
    /// be searched within the old ones.
    pub fn narrows(&self, previous: &Query) -> bool {
        if previous.terms.len() > self.terms.len() {
            return false;
        }
        previous
            .terms
            .iter()
            .zip(&self.terms)
            .all(|(old, new)| match (old, new) {
                // A term found in a word as a substring or letter by letter holds every
                // part of it the same way: a longer query never finds more.
                (Term::Loose(o), Term::Loose(n)) => n.contains(o.as_str()),
                (Term::Exact(o), Term::Exact(n)) => n.contains(o.as_str()),
                (Term::Prefix(o), Term::Prefix(n)) => n.starts_with(o.as_str()),
                (Term::Not(o), Term::Not(n)) => o == n,
                _ => false,
            })
    }

    /// The score of a folded haystack, or `None` when a term does not match.
    pub fn score(&self, haystack: &str) -> Option<u32> {
        Compiled::new(self).score(haystack)
    }

    /// Terms to highlight (excluded terms are not shown).
    pub fn highlight_terms(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter(|t| !matches!(t, Term::Not(_)))
            .map(Term::text)
            .collect()
    }
}

/// A query ready to run: one substring finder per term, built once per search rather than
/// once per record.
struct Compiled<'q> {
    terms: Vec<(&'q Term, memchr::memmem::Finder<'q>)>,
}

impl<'q> Compiled<'q> {
    fn new(query: &'q Query) -> Compiled<'q> {
        Compiled {
            terms: query
                .terms
                .iter()
                .map(|t| (t, memchr::memmem::Finder::new(t.text().as_bytes())))
                .collect(),
        }
    }

    fn score(&self, haystack: &str) -> Option<u32> {
        let mut total = 0;
        for (k, (term, finder)) in self.terms.iter().enumerate() {
            let best = best_position_score(haystack, term.text(), finder);
            let fuzzy = || self.fuzzy_applies(k) && fuzzy_in_a_word(haystack, term.text());
            total += self.decide(k, best, fuzzy)?;
        }
        Some(total)
    }

    /// The score with substring matches only (no fuzzy fallback).
    fn substring_score(&self, haystack: &str) -> Option<u32> {
        let mut total = 0;
        for (k, (term, finder)) in self.terms.iter().enumerate() {
            let best = best_position_score(haystack, term.text(), finder);
            total += self.decide(k, best, || false)?;
        }
        Some(total)
    }

    /// Whether every term that is not a loose one holds: the loose ones are left to a
    /// fuzzy scorer.
    fn only_loose_terms_missing(&self, haystack: &str) -> bool {
        self.terms.iter().enumerate().all(|(k, (term, finder))| {
            matches!(term, Term::Loose(_))
                || self
                    .decide(
                        k,
                        best_position_score(haystack, term.text(), finder),
                        || false,
                    )
                    .is_some()
        })
    }

    /// Whether term `k` may fall back to a fuzzy match: from two letters, as a search
    /// starts, so that the third letter only ever narrows what two found (« el » then
    /// « ele » once jumped from 58 057 results to 71 020).
    fn fuzzy_applies(&self, k: usize) -> bool {
        matches!(&self.terms[k].0, Term::Loose(t) if t.chars().count() >= 2)
    }

    /// Term `k`'s contribution given its best occurrence in the whole haystack and, if it
    /// has none, whether it matches fuzzily (asked only then); `None` rejects the haystack.
    fn decide(&self, k: usize, best: Option<u32>, fuzzy: impl FnOnce() -> bool) -> Option<u32> {
        match &self.terms[k].0 {
            Term::Not(_) => best.is_none().then_some(0),
            Term::Exact(_) => best,
            Term::Prefix(_) => best.filter(|&s| s >= 2),
            Term::Loose(_) => best.or_else(|| fuzzy().then_some(0)),
        }
    }

    /// The best occurrence of each term in each text, and whether it matches fuzzily: for
    /// labels and words shared by many haystacks, scored once per search.
    fn table<S: AsRef<str>>(&self, labels: &[S]) -> Vec<Vec<Found>> {
        self.terms
            .iter()
            .enumerate()
            .map(|(k, (term, finder))| {
                labels
                    .iter()
                    .map(|label| {
                        let label = label.as_ref();
                        let best = best_position_score(label, term.text(), finder);
                        let fuzzy = best.is_none()
                            && self.fuzzy_applies(k)
                            && fuzzy_in_a_word(label, term.text());
                        (best, fuzzy)
                    })
                    .collect()
            })
            .collect()
    }

    /// The score of a labelled haystack: the same as if its labels were part of its text.
    /// A term made of letters lies inside one word: its best in the text is its best in one
    /// of the text's words, read from `pieces` (per term, per lexicon number). A term with
    /// other characters is looked for in the text itself.
    fn score_labelled(&self, hay: &[u8], tables: &Tables<'_>) -> Option<u32> {
        let (labels, pieces) = split_labels(hay);
        let mut text = None;
        let mut total = 0;
        for (k, (term, finder)) in self.terms.iter().enumerate() {
            let (mut best, mut fuzzy_found) = (None, false);
            for n in numbers(labels) {
                if let Some(&(b, f)) = tables.labels[k].get(n as usize) {
                    best = best.max(b);
                    fuzzy_found |= f;
                }
            }
            // A whole word in a label is already the best a term can do.
            if best != Some(3) {
                match &tables.pieces[k] {
                    Some(table) => {
                        let mut code = 0;
                        for n in numbers(pieces) {
                            code = code.max(table.get(piece_of(n)).copied().unwrap_or(0));
                            if code == WHOLE_WORD {
                                break;
                            }
                        }
                        best = best.max(code.checked_sub(1).map(u32::from).filter(|&s| s > 0));
                        fuzzy_found |= code > 0;
                    }
                    None => {
                        let text: &String = text.get_or_insert_with(|| tables.lexicon.text(pieces));
                        best = best.max(best_position_score(text, term.text(), finder));
                        fuzzy_found |= best.is_none()
                            && self.fuzzy_applies(k)
                            && fuzzy_in_a_word(text, term.text());
                    }
                }
            }
            total += self.decide(k, best, || fuzzy_found)?;
        }
        Some(total)
    }
}

/// A term's best occurrence in a text, and whether it is there letter by letter.
type Found = (Option<u32>, bool);

/// A piece's code for a term found as a whole word: nothing in a text scores more.
const WHOLE_WORD: u8 = 4;

/// What a labelled search reads besides the haystacks: per term, the score of each label and
/// of each piece of the lexicon (`None` for a term that is looked for in whole texts).
struct Tables<'a> {
    labels: Vec<Vec<Found>>,
    /// Per piece: 0 not found, 1 letter by letter, then 1 + its best position score.
    pieces: Vec<Option<Vec<u8>>>,
    lexicon: &'a Lexicon,
}

/// A haystack whose vocabulary labels (types, thématiques…) are kept apart as indices into
/// a table shared by all haystacks: each label is searched once per query, not once per
/// record that carries it. Its own text is kept as the numbers of its pieces in a `Lexicon`,
/// for the same reason: a word is scored once per query, however many records hold it.
/// Encoded as numbers: how many labels, the labels, the pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labelled(Vec<u8>);

impl Labelled {
    pub fn new(lexicon: &mut Lexicon, text: &str, labels: &[u16]) -> Labelled {
        let mut out = Vec::with_capacity(text.len() / 2 + labels.len() + 1);
        push_number(&mut out, u32::try_from(labels.len()).unwrap_or(u32::MAX));
        for &l in labels {
            push_number(&mut out, u32::from(l));
        }
        // A single space after a word, the commonest piece by far, rides in the word's
        // number (its lowest bit): a search reads half as many numbers.
        let mut pieces = pieces(text).peekable();
        while let Some(piece) = pieces.next() {
            let spaced = pieces.next_if_eq(&" ").is_some();
            push_number(&mut out, lexicon.number(piece) << 1 | u32::from(spaced));
        }
        Labelled(out)
    }
}

/// An encoded haystack's labels and pieces.
fn split_labels(hay: &[u8]) -> (&[u8], &[u8]) {
    let mut at = 0;
    let count = next_number(hay, &mut at).unwrap_or(0);
    let start = at;
    for _ in 0..count {
        if next_number(hay, &mut at).is_none() {
            break;
        }
    }
    (&hay[start..at], &hay[at..])
}

/// A haystack's place in the block; one past 4 GiB is an empty span at the end (not found).
fn span(start: usize, end: usize) -> (u32, u32) {
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(start), Ok(end)) => (start, end),
        _ => (u32::MAX, u32::MAX),
    }
}

/// The journal's haystacks in one block, in the journal's record order: a search reads them
/// as one stream instead of following a pointer per record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Haystacks {
    bytes: Vec<u8>,
    /// Each haystack's start and end in `bytes`, as `u32`: 8 bytes per interaction instead
    /// of 16 (a block past 4 GiB, some 30 million interactions, is not searched beyond).
    spans: Vec<(u32, u32)>,
    /// Bytes no span points to any more (replaced or removed haystacks).
    unused: usize,
}

impl Haystacks {
    /// Room for `records` haystacks of about `bytes_each`: a block built in one go then
    /// grows without copying itself over and over (each copy left behind a freed block the
    /// size of the last one).
    pub fn with_capacity(records: usize, bytes_each: usize) -> Haystacks {
        Haystacks {
            bytes: Vec::with_capacity(records.saturating_mul(bytes_each)),
            spans: Vec::with_capacity(records),
            unused: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn get(&self, i: usize) -> Option<&[u8]> {
        let &(start, end) = self.spans.get(i)?;
        self.bytes.get(start as usize..end as usize)
    }

    fn append(&mut self, hay: &[u8]) -> (u32, u32) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(hay);
        span(start, self.bytes.len())
    }

    pub fn push(&mut self, hay: Labelled) {
        let span = self.append(&hay.0);
        self.spans.push(span);
    }

    pub fn insert(&mut self, i: usize, hay: Labelled) {
        let span = self.append(&hay.0);
        self.spans.insert(i.min(self.spans.len()), span);
    }

    pub fn replace(&mut self, i: usize, hay: Labelled) {
        let span = self.append(&hay.0);
        if let Some(old) = self.spans.get_mut(i) {
            self.unused += old.1.saturating_sub(old.0) as usize;
            *old = span;
        }
        self.tidy();
    }

    pub fn remove(&mut self, i: usize) {
        if i < self.spans.len() {
            let (start, end) = self.spans.remove(i);
            self.unused += end.saturating_sub(start) as usize;
        }
        self.tidy();
    }

    /// Once half the block is unused, writes the haystacks again without the gaps.
    fn tidy(&mut self) {
        if self.unused * 2 <= self.bytes.len() {
            return;
        }
        let mut tidy = Haystacks::default();
        for i in 0..self.len() {
            if let Some(hay) = self.get(i) {
                let span = tidy.append(hay);
                tidy.spans.push(span);
            }
        }
        *self = tidy;
    }

    /// Appends another block's haystacks, whose pieces were numbered in a lexicon this
    /// block's lexicon absorbed (`renumbered`, from `Lexicon::absorb`).
    pub fn extend_renumbered(&mut self, other: &Haystacks, renumbered: &[u32]) {
        self.bytes.reserve(other.bytes.len());
        self.spans.reserve(other.len());
        for i in 0..other.len() {
            let Some(hay) = other.get(i) else { continue };
            let (_, pieces) = split_labels(hay);
            let start = self.bytes.len();
            self.bytes
                .extend_from_slice(&hay[..hay.len() - pieces.len()]);
            for n in numbers(pieces) {
                let piece = renumbered.get(piece_of(n)).copied().unwrap_or(n >> 1);
                push_number(&mut self.bytes, piece << 1 | (n & 1));
            }
            self.spans.push(span(start, self.bytes.len()));
        }
    }

    /// Frees what the building left over but keeps room for a session's edits: without it,
    /// the first interaction saved would double the block (another 12 MiB at 100,000
    /// interactions). Room not yet written to takes no memory.
    pub fn fit_for_edits(&mut self) {
        const EDITED_BYTES: usize = 256 * 1024;
        const EDITED_SPANS: usize = 2048;
        self.bytes.shrink_to(self.bytes.len() + EDITED_BYTES);
        self.bytes.reserve_exact(EDITED_BYTES);
        self.spans.shrink_to(self.spans.len() + EDITED_SPANS);
        self.spans.reserve_exact(EDITED_SPANS);
    }
}

/// The words of folded texts and the runs of other characters between them, each kept once
/// and numbered: 100 000 journal texts hold a few thousand distinct words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    pieces: Vec<Box<str>>,
    numbers: std::collections::HashMap<Box<str>, u32, Fx>,
}

impl Lexicon {
    fn number(&mut self, piece: &str) -> u32 {
        if let Some(&n) = self.numbers.get(piece) {
            return n;
        }
        // Past 2 billion distinct pieces, the last number is reused: beyond any journal.
        const LAST: u32 = u32::MAX >> 1;
        let n = u32::try_from(self.pieces.len()).map_or(LAST, |n| n.min(LAST));
        self.pieces.push(piece.into());
        self.numbers.insert(piece.into(), n);
        n
    }

    /// The text whose pieces these are.
    pub fn text(&self, encoded: &[u8]) -> String {
        let mut text = String::with_capacity(encoded.len() * 3);
        for n in numbers(encoded) {
            if let Some(piece) = self.pieces.get(piece_of(n)) {
                text.push_str(piece);
            }
            if n & 1 == 1 {
                text.push(' ');
            }
        }
        text
    }

    /// Takes in another lexicon's pieces: what each of its numbers became here.
    pub fn absorb(&mut self, other: &Lexicon) -> Vec<u32> {
        other.pieces.iter().map(|p| self.number(p)).collect()
    }
}

/// Words (runs of letters and digits) and the runs between them, in order: together, the
/// whole text.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let word = is_word_char(first);
        // Folded text is mostly ASCII: its bytes answer at once, other characters are decoded.
        let bytes = rest.as_bytes();
        let mut end = first.len_utf8();
        while let Some(&b) = bytes.get(end) {
            let (is_word, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                match rest.get(end..).and_then(|r| r.chars().next()) {
                    Some(c) => (is_word_char(c), c.len_utf8()),
                    None => break,
                }
            };
            if is_word != word {
                break;
            }
            end += len;
        }
        let (piece, after) = rest.split_at(end.min(rest.len()));
        rest = after;
        Some(piece)
    })
}

/// Numbers are written in 16-bit units: one for a number under 2^15 (pieces a journal
/// uses most are numbered first), two with the top bit set above. Units of a fixed size
/// keep a search's reading loop free of unpredictable branches (twice as fast as bytes).
fn push_number(out: &mut Vec<u8>, n: u32) {
    if n < 0x8000 {
        out.extend_from_slice(&(n as u16).to_le_bytes());
    } else {
        let high = (n >> 16) as u16 & 0x7fff | 0x8000;
        out.extend_from_slice(&high.to_le_bytes());
        out.extend_from_slice(&(n as u16).to_le_bytes());
    }
}

/// The lexicon's number of the piece an encoded number stands for.
fn piece_of(n: u32) -> usize {
    (n >> 1) as usize
}

/// The numbers of an encoded text.
fn numbers(encoded: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || next_number(encoded, &mut at))
}

/// The number encoded at `at`, which moves past it.
fn next_number(encoded: &[u8], at: &mut usize) -> Option<u32> {
    let unit = |at: usize| {
        let pair = encoded.get(at..at + 2)?;
        Some(u16::from_le_bytes([pair[0], pair[1]]))
    };
    let first = unit(*at)?;
    *at += 2;
    if first & 0x8000 == 0 {
        return Some(u32::from(first));
    }
    let second = unit(*at)?;
    *at += 2;
    Some(u32::from(first & 0x7fff) << 16 | u32::from(second))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// 3 for a whole word, 2 for a word prefix, 1 for inside a word; the best occurrence counts.
fn best_position_score(
    haystack: &str,
    term: &str,
    finder: &memchr::memmem::Finder<'_>,
) -> Option<u32> {
    let mut best = None;
    let bytes = haystack.as_bytes();
    // Folded text is mostly ASCII: a neighbouring ASCII byte answers at once; other
    // characters are decoded.
    let word_byte = |b: u8| b.is_ascii_alphanumeric();
    for at in finder.find_iter(bytes) {
        let end = at + term.len();
        let starts = match at.checked_sub(1).map(|i| bytes[i]) {
            None => true,
            Some(b) if b.is_ascii() => !word_byte(b),
            Some(_) => haystack[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c)),
        };
        let ends = match bytes.get(end) {
            None => true,
            Some(&b) if b.is_ascii() => !word_byte(b),
            Some(_) => haystack[end..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c)),
        };
        let s = match (starts, ends) {
            (true, true) => 3,
            (true, false) => 2,
            _ => 1,
        };
        best = best.max(Some(s));
        if s == 3 {
            break;
        }
    }
    best
}

/// The term's letters in order within one word (`lgmt` → `logement`).
fn fuzzy_in_a_word(haystack: &str, term: &str) -> bool {
    if term.is_empty() {
        return true;
    }
    if !term.is_ascii() {
        return haystack.split(|c: char| !is_word_char(c)).any(|word| {
            let mut chars = word.chars();
            term.chars().all(|t| chars.any(|w| w == t))
        });
    }
    // Folded haystacks are mostly ASCII: jump to each occurrence of the first letter, follow
    // the rest within that word, and on a word's end jump again. The earliest first letter of
    // a word leaves the most room, so a word that fails there fails everywhere. Bytes of other
    // characters count as letters, as `is_word_char` counts the letters of other scripts.
    let term = term.as_bytes();
    let ends_word = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    if term.iter().any(|&b| ends_word(b)) {
        return false;
    }
    let hay = haystack.as_bytes();
    let mut from = 0;
    while let Some(found) = hay
        .get(from..)
        .and_then(|rest| memchr::memchr(term[0], rest))
    {
        let mut next = 1;
        let mut at = from + found + 1;
        while next < term.len() {
            match hay.get(at) {
                None => return false,
                Some(&b) if ends_word(b) => break,
                Some(&b) => next += usize::from(b == term[next]),
            }
            at += 1;
        }
        if next == term.len() {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Folded text with, for each folded byte, the index of the original char it came from, so
/// highlights land on the text as written.
pub fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (ci, c) in s.chars().enumerate() {
        let start = folded.len();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            crate::domain::text::fold_char(c, &mut folded);
        }
        map.extend(std::iter::repeat_n(ci, folded.len() - start));
    }
    (folded, map)
}

/// Char ranges of `text` (as written) where the terms occur, merged and sorted.
pub fn highlight_ranges(text: &str, terms: &[&str]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_with_map(text);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        for (at, _) in folded.match_indices(term) {
            let end = at + term.len();
            if let (Some(&first), Some(&last)) = (map.get(at), map.get(end - 1)) {
                ranges.push((first, last + 1));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// From this many candidates on, a search uses both cores.
const PARALLEL_FROM: usize = 20_000;

/// Searches folded haystacks; `candidates` limits the search (narrowing). Results are
/// indices into `haystacks`, best score first, then in `candidates`' order.
pub fn run(query: &Query, haystacks: &[String], candidates: &[usize]) -> Vec<usize> {
    let compiled = Compiled::new(query);
    ranked(candidates, |i| compiled.score(haystacks.get(i)?))
}

/// `run` for pickers (a few thousand labels at most): what the substring tiers find comes
/// first, then labels whose letters only appear in order, across words, ranked by
/// fuzzy-matcher's skim scorer (word starts and runs first): `cfleger` finds « Centre
/// Fernand Léger ». Exact (`'`), prefix (`^`) and excluded (`!`) terms still apply.
pub fn run_fuzzy(query: &Query, haystacks: &[String], candidates: &[usize]) -> Vec<usize> {
    use fuzzy_matcher::FuzzyMatcher;
    let compiled = Compiled::new(query);
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default();
    let loose: String = query
        .terms
        .iter()
        .filter_map(|t| match t {
            Term::Loose(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    // Substring matches above every fuzzy one; the scorer breaks ties among them (the
    // closest run of letters first).
    const SUBSTRING: u32 = 1 << 31;
    const SKIM: i64 = 0xffff;
    let skim = |hay: &str| -> Option<u32> {
        let score = matcher.fuzzy_match(hay, &loose)?.clamp(0, SKIM);
        u32::try_from(score).ok()
    };
    ranked(candidates, |i| {
        let hay = haystacks.get(i)?;
        if let Some(s) = compiled.substring_score(hay) {
            let tie = if loose.is_empty() {
                0
            } else {
                skim(hay).unwrap_or(0)
            };
            return Some(SUBSTRING + (s.min(0x7fff) << 16) + tie);
        }
        // Two letters in order are in most labels: fuzzy from three, as in `run`.
        if loose.chars().count() < 3 || !compiled.only_loose_terms_missing(hay) {
            return None;
        }
        skim(hay)
    })
}

/// `run` for labelled haystacks and their label table. Rows as `u32`: a journal search
/// keeps several lists of up to 100,000 rows while the user types.
pub fn run_labelled(
    query: &Query,
    haystacks: &Haystacks,
    lexicon: &Lexicon,
    labels: &[String],
    candidates: &[u32],
    room: &mut Scored<u32>,
) -> Vec<u32> {
    let compiled = Compiled::new(query);
    let by_piece = compiled.table(&lexicon.pieces);
    let tables = Tables {
        labels: compiled.table(labels),
        pieces: query
            .terms
            .iter()
            .zip(by_piece)
            .map(|(term, table)| {
                term.text().chars().all(is_word_char).then(|| {
                    table
                        .into_iter()
                        .map(|(best, fuzzy)| match best {
                            Some(s) => 1 + s as u8,
                            None => u8::from(fuzzy),
                        })
                        .collect()
                })
            })
            .collect(),
        lexicon,
    };
    ranked_in(
        candidates,
        |i| compiled.score_labelled(haystacks.get(i as usize)?, &tables),
        room,
    )
}

/// Where a search scores its candidates, kept from one search to the next by the thread
/// that runs them: the same memory each time while the user types, instead of lists freed
/// and taken again that each thread's allocator would keep for itself.
#[derive(Debug)]
pub struct Scored<I> {
    first: Vec<(u32, I)>,
    second: Vec<(u32, I)>,
}

impl<I> Default for Scored<I> {
    fn default() -> Self {
        Scored {
            first: Vec::new(),
            second: Vec::new(),
        }
    }
}

/// The candidates that score, best first, ties in candidate order; on both cores when
/// there are many.
fn ranked<I: Copy + Default + Send + Sync>(
    candidates: &[I],
    score: impl Fn(I) -> Option<u32> + Sync,
) -> Vec<I> {
    ranked_in(candidates, score, &mut Scored::default())
}

/// `ranked`, scoring into `room`.
fn ranked_in<I: Copy + Default + Send + Sync>(
    candidates: &[I],
    score: impl Fn(I) -> Option<u32> + Sync,
    room: &mut Scored<I>,
) -> Vec<I> {
    // The lists leave the room while they are filled (the helper thread owns its half
    // meanwhile) and go back after; `score_into` empties them first.
    let mut first = std::mem::take(&mut room.first);
    // In candidate order, so that a stable order by score keeps it among equals.
    if candidates.len() >= PARALLEL_FROM {
        let (a, b) = candidates.split_at(candidates.len() / 2);
        // The helper thread scores into room made here: it takes no memory of its own.
        let mut second = std::mem::take(&mut room.second);
        // Emptied before reserving, so the room made is for `b` alone.
        second.clear();
        second.reserve(b.len());
        let score = &score;
        let helped = std::thread::scope(|scope| {
            let helper = scope.spawn(move || {
                score_into(b, score, &mut second);
                second
            });
            score_into(a, score, &mut first);
            helper.join()
        });
        // A panic in the scoring thread would be a bug; score that half here instead.
        let second = helped.unwrap_or_else(|_| {
            let mut second = Vec::with_capacity(b.len());
            score_into(b, score, &mut second);
            second
        });
        first.extend_from_slice(&second);
        room.second = second;
    } else {
        score_into(candidates, &score, &mut first);
    }
    let rows = order_by_score(&mut first);
    room.first = first;
    rows
}

/// The candidates of `part` that score, with their score, in `out` (emptied first).
fn score_into<I: Copy>(part: &[I], score: &impl Fn(I) -> Option<u32>, out: &mut Vec<(u32, I)>) {
    out.clear();
    for &i in part {
        if let Some(s) = score(i) {
            out.push((s, i));
        }
    }
}

/// Rows by score, best first, ties in the order they come.
fn order_by_score<I: Copy + Default>(scored: &mut [(u32, I)]) -> Vec<I> {
    let (low, high) = scored
        .iter()
        .fold((u32::MAX, 0), |(l, h), &(s, _)| (l.min(s), h.max(s)));
    // A journal search scores a few small integers: one bucket per score, filled in
    // candidate order, sorts 80 000 rows in one pass. Pickers' scores spread wide.
    const BUCKETS: u32 = 256;
    if low > high || high - low >= BUCKETS {
        scored.sort_by_key(|&(s, _)| std::cmp::Reverse(s));
        return scored.iter().map(|&(_, i)| i).collect();
    }
    let bucket = |s: u32| (high - s) as usize;
    let mut starts = vec![0usize; bucket(low) + 2];
    for &(s, _) in scored.iter() {
        starts[bucket(s) + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut out = vec![I::default(); scored.len()];
    for &(s, i) in scored.iter() {
        let slot = &mut starts[bucket(s)];
        out[*slot] = i;
        *slot += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hay(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| fold(s)).collect()
    }

    fn find(query: &str, items: &[&str]) -> Vec<usize> {
        let h = hay(items);
        let all: Vec<usize> = (0..h.len()).collect();
        run(&Query::parse(query), &h, &all)
    }

    #[test]
    fn accents_and_case_fold_both_ways() {
        assert_eq!(find("eleve", &["Un Élève du collège", "rien"]), vec![0]);
        assert_eq!(find("ÉLÈVE", &["un eleve"]), vec![0]);
        assert_eq!(find("oeuvre", &["Main-d'œuvre"]), vec![0]);
    }

    #[test]
    fn every_term_must_match() {
        let items = ["logement social CAF", "logement privé", "CAF prime"];
        assert_eq!(find("logement caf", &items), vec![0]);
        assert_eq!(find("caf !prime", &items), vec![0]);
    }

    #[test]
    fn whole_words_and_prefixes_rank_first() {
        let items = ["relogement en cours", "logements sociaux", "le logement"];
        assert_eq!(find("logement", &items), vec![2, 1, 0]);
        assert_eq!(find("^loge", &items), vec![1, 2]);
        assert_eq!(find("'ment", &items), vec![0, 1, 2]);
    }

    #[test]
    fn fuzzy_only_inside_a_word_and_from_two_letters() {
        assert_eq!(find("lgmt", &["dossier logement", "le gros mot"]), vec![0]);
        assert_eq!(find("lg", &["dossier logement", "le gros"]), vec![0]);
    }

    #[test]
    fn fuzzy_tries_each_word_that_holds_the_first_letter() {
        // The first « l » starts a word too short; the third word holds the letters.
        assert!(fuzzy_in_a_word("la rue, au lot", "lt"));
        assert!(!fuzzy_in_a_word("la rue, au lo t", "lt"));
        // Letters of other scripts stay inside the word; the term's end must be there too.
        assert!(fuzzy_in_a_word("lπt", "lt"));
        assert!(!fuzzy_in_a_word("l", "lt"));
        // Punctuation never matches letter by letter (a substring may still).
        assert!(!fuzzy_in_a_word("rdv-caf", "v-c"));
        assert_eq!(find("v-c", &["rdv-caf"]), vec![0]);
    }

    #[test]
    fn a_longer_query_never_finds_more() {
        let items = [
            "électricité",
            "elle",
            "le lien",
            "une enquête de l'été",
            "délai",
            "aide",
            "caf prime",
            "caf prise de rdv",
            "capital prêt",
        ];
        for (short, long) in [
            ("el", "ele"),
            ("ele", "elec"),
            ("caf pr", "caf pri"),
            ("le", "ele"),
        ] {
            let (a, b) = (find(short, &items), find(long, &items));
            assert!(
                b.iter().all(|i| a.contains(i)),
                "{long} {b:?} ⊄ {short} {a:?}"
            );
        }
    }

    #[test]
    fn a_growing_query_narrows_a_changed_one_does_not() {
        let q = |s| Query::parse(s);
        assert!(q("loge").narrows(&q("log")));
        assert!(q("lgm").narrows(&q("lg")), "two letters are fuzzy already");
        assert!(q("log caf").narrows(&q("log")));
        assert!(!q("lo").narrows(&q("log")));
        assert!(!q("!caf").narrows(&q("caf")));
        assert!(q("x").narrows(&q("")));
    }

    #[test]
    fn highlights_land_on_the_original_characters() {
        assert_eq!(highlight_ranges("Un Élève", &["eleve"]), vec![(3, 8)]);
        assert_eq!(
            highlight_ranges("œuvre et oeuvre", &["oeuvre"]),
            vec![(0, 5), (9, 15)]
        );
        assert_eq!(highlight_ranges("abc", &[]), vec![]);
        // Combining accent typed as two code points.
        assert_eq!(highlight_ranges("E\u{301}cole", &["ecole"]), vec![(0, 6)]);
    }

    /// Each haystack of the block, as labels and text.
    fn read(haystacks: &Haystacks, lexicon: &Lexicon) -> Vec<(Vec<u32>, String)> {
        (0..haystacks.len())
            .filter_map(|i| haystacks.get(i))
            .map(|hay| {
                let (labels, pieces) = split_labels(hay);
                (numbers(labels).collect(), lexicon.text(pieces))
            })
            .collect()
    }

    #[test]
    fn haystacks_give_back_every_text_and_label_whole() {
        let mut lexicon = Lexicon::default();
        // Enough distinct words for numbers of two and three bytes.
        let many: Vec<String> = (0..20_000).map(|n| format!("mot{n}")).collect();
        let long = many.join(", ");
        let records: [(&str, &[u16]); 5] = [
            ("", &[]),
            (" ", &[300, 0]),
            ("un  deux\u{1f}trois ", &[u16::MAX]),
            ("l'été — дом 😀!", &[7]),
            (long.as_str(), &[]),
        ];
        let mut haystacks = Haystacks::default();
        for (text, labels) in records {
            haystacks.push(Labelled::new(&mut lexicon, text, labels));
        }
        let expected = |records: &[(&str, &[u16])]| -> Vec<(Vec<u32>, String)> {
            records
                .iter()
                .map(|(t, l)| (l.iter().map(|&l| u32::from(l)).collect(), t.to_string()))
                .collect()
        };
        assert_eq!(read(&haystacks, &lexicon), expected(&records));
        // The long text's 40 000 pieces: two bytes each, four past the first 16 384 words.
        assert!(
            haystacks.bytes.len() < 3 * 40_000,
            "{}",
            haystacks.bytes.len()
        );

        // Replaced and removed haystacks read right, before and after the block is tidied.
        haystacks.replace(4, Labelled::new(&mut lexicon, "court", &[1]));
        assert!(
            haystacks.bytes.len() < 200,
            "tidied: {}",
            haystacks.bytes.len()
        );
        haystacks.remove(0);
        haystacks.insert(1, Labelled::new(&mut lexicon, "mot3 mot4", &[2]));
        let now: [(&str, &[u16]); 5] = [
            (" ", &[300, 0]),
            ("mot3 mot4", &[2]),
            ("un  deux\u{1f}trois ", &[u16::MAX]),
            ("l'été — дом 😀!", &[7]),
            ("court", &[1]),
        ];
        assert_eq!(read(&haystacks, &lexicon), expected(&now));

        // Another lexicon's haystacks, renumbered, read the same in this one.
        let mut other = Lexicon::default();
        let mut theirs = Haystacks::default();
        theirs.push(Labelled::new(
            &mut other,
            "trois mot7 nouveau, deux",
            &[3, 4],
        ));
        let renumbered = lexicon.absorb(&other);
        haystacks.extend_renumbered(&theirs, &renumbered);
        assert_eq!(
            read(&haystacks, &lexicon).last(),
            Some(&(vec![3, 4], "trois mot7 nouveau, deux".to_string()))
        );
    }

    #[test]
    fn labelled_haystacks_find_what_the_same_text_in_one_piece_finds() {
        let labels: Vec<String> = [
            "accompagnement (physique ou suivi dans la duree)",
            "logement",
            "information donnee",
            "acces aux droits",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let records: [(&str, &[u16]); 7] = [
            ("dossier caf en retard", &[0, 2]),
            ("rdv-caf, l'ete 2024 — dom дом", &[2]),
            ("facture energie", &[1]),
            ("titre de sejour", &[3, 2]),
            ("logement insalubre", &[]),
            ("", &[0, 1, 2, 3]),
            ("demande d'aide au logement", &[1, 3]),
        ];
        // Once as they are, once repeated past the count that splits a search between
        // both cores; each time one room is kept from query to query, as the search
        // thread keeps it.
        for copies in [1, PARALLEL_FROM / records.len() + 1] {
            let records: Vec<_> = records
                .iter()
                .cycle()
                .take(records.len() * copies)
                .collect();
            let mut lexicon = Lexicon::default();
            let mut labelled = Haystacks::default();
            for (text, ids) in &records {
                labelled.push(Labelled::new(&mut lexicon, text, ids));
            }
            let flat: Vec<String> = records
                .iter()
                .map(|(text, ids)| {
                    let mut s = format!("{text} \u{1f} ");
                    for &i in *ids {
                        s.push_str(&labels[usize::from(i)]);
                        s.push(' ');
                    }
                    s
                })
                .collect();
            let all: Vec<usize> = (0..records.len()).collect();
            let all_u32: Vec<u32> = (0..records.len() as u32).collect();
            let mut room = Scored::default();
            check_queries(
                &labels, &lexicon, &labelled, &flat, &all, &all_u32, &mut room,
            );
        }
    }

    fn check_queries(
        labels: &[String],
        lexicon: &Lexicon,
        labelled: &Haystacks,
        flat: &[String],
        all: &[usize],
        all_u32: &[u32],
        room: &mut Scored<u32>,
    ) {
        for query in [
            "logement",
            "loge",
            "lgmt",
            "acces",
            "'acces",
            "^droit",
            "^roits",
            "!logement",
            "info !caf",
            "suivi",
            "sjr",
            "titre droits",
            "ogem",
            "zzz",
            "rdv-caf",
            "l'ete",
            "'v-c",
            "!rdv-caf",
            "d'aide",
            "дом",
            "^20",
            "2024 dom",
        ] {
            let q = Query::parse(query);
            let rows: Vec<usize> = run_labelled(&q, labelled, lexicon, labels, all_u32, room)
                .into_iter()
                .map(|i| i as usize)
                .collect();
            assert_eq!(rows, run(&q, flat, all), "{query}");
        }
    }
}
