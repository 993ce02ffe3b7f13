//! Pure exports: data in, bytes out.

pub mod acces;
pub mod bilan;
pub mod coverage;
pub mod csv;
pub mod dossier;
pub mod json;
pub mod markdown;
pub mod projet;
pub mod vcard;

/// Text made safe for HTML content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::domain::text::sanitize(text, true).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The style of printable exports: A4 pages, readable type, tables that do not split rows.
pub const PRINT_CSS: &str = "@page { size: A4; margin: 2cm; }
body { font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
section { page-break-inside: avoid; }
tr.aucune td:last-child { font-weight: bold; }
";

#[cfg(test)]
mod tests {
    #[test]
    fn html_escape_neutralises_markup_and_control_characters() {
        assert_eq!(
            super::html_escape("<b>\"Tom\" & l'équipe</b>\u{1b}[31m"),
            "&lt;b&gt;&quot;Tom&quot; &amp; l&#39;équipe&lt;/b&gt;[31m"
        );
    }
}
