//! Contacts of the network as vCard 4.0 (RFC 6350) that address books import: CRLF line
//! ends, values escaped, lines folded at 75 octets without splitting a character.

use crate::domain::*;

/// Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon, newline.
fn escape(value: &str) -> String {
    let clean = crate::domain::text::sanitize(value, true);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets (continuations start with a space).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A French number as a tel URI: `03 27 11 22 33` → `tel:+33-3-27-11-22-33`.
fn tel_uri(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = if let Some(rest) = phone.trim().strip_prefix("+33") {
        rest.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    } else {
        digits.strip_prefix('0')?.to_string()
    };
    if national.len() != 9 {
        return None;
    }
    let (first, rest) = national.split_at(1);
    let pairs: Vec<&str> = rest
        .as_bytes()
        .chunks(2)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    Some(format!("tel:+33-{first}-{}", pairs.join("-")))
}

/// Every contact, with its structure as ORG; inactive contacts are marked in NOTE.
pub fn contacts(data: &Dataset) -> String {
    let mut out = String::new();
    let mut order: Vec<&Contact> = data.contacts.iter().collect();
    order.sort_by_cached_key(|c| crate::domain::text::fold(&c.nom));
    for c in order {
        line(&mut out, "BEGIN:VCARD");
        line(&mut out, "VERSION:4.0");
        line(&mut out, &format!("UID:urn:carnet:contact:{}", c.meta.id));
        line(&mut out, &format!("FN:{}", escape(&c.nom)));
        // Given name first, family name after, as names are written in France.
        let name = crate::domain::text::one_line(&c.nom);
        let (given, family) = name.split_once(' ').unwrap_or(("", name.as_str()));
        line(
            &mut out,
            &format!("N:{};{};;;", escape(family), escape(given)),
        );
        if let Some(s) = data.structure(c.structure) {
            line(&mut out, &format!("ORG:{}", escape(&s.nom)));
        }
        if !c.fonction.is_empty() {
            line(&mut out, &format!("TITLE:{}", escape(&c.fonction)));
        }
        match tel_uri(&c.telephone) {
            Some(uri) => line(&mut out, &format!("TEL;VALUE=uri;TYPE=work,voice:{uri}")),
            None if !c.telephone.is_empty() => line(
                &mut out,
                &format!("TEL;VALUE=text;TYPE=work:{}", escape(&c.telephone)),
            ),
            None => {}
        }
        if !c.courriel.is_empty() {
            line(
                &mut out,
                &format!("EMAIL;TYPE=work:{}", escape(&c.courriel)),
            );
        }
        if !c.actif {
            line(&mut out, "NOTE:Contact inactif");
        }
        line(&mut out, "END:VCARD");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_long_lines_folded_on_character_boundaries() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("NOTE:{}", "é".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn french_numbers_become_tel_uris() {
        assert_eq!(
            tel_uri("03 27 11 22 33").as_deref(),
            Some("tel:+33-3-27-11-22-33")
        );
        assert_eq!(
            tel_uri("+33 6 12 34 56 78").as_deref(),
            Some("tel:+33-6-12-34-56-78")
        );
        assert_eq!(tel_uri("12"), None);
    }
}
