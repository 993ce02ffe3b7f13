//! A fiche's Markdown as readable terminal lines: headings, lists, emphasis, quotes, code,
//! tables, and links as their text followed by the address. Anything the parser does not
//! recognise stays plain text; nothing from the text can drive the terminal.

use super::Theme;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

struct Renderer<'t> {
    theme: &'t Theme,
    lines: Vec<Line<'static>>,
    current: Vec<Span<'static>>,
    styles: Vec<Style>,
    /// Open lists: the next number for an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    quote_depth: usize,
    in_code_block: bool,
    links: Vec<String>,
    /// Whether the next item text needs its bullet.
    item_start: bool,
}

impl<'t> Renderer<'t> {
    fn style(&self) -> Style {
        self.styles
            .iter()
            .fold(self.theme.base, |acc, s| acc.patch(*s))
    }

    fn prefix(&self) -> String {
        let mut p = "│ ".repeat(self.quote_depth);
        if !self.lists.is_empty() {
            p.push_str(&"  ".repeat(self.lists.len().saturating_sub(1)));
        }
        p
    }

    fn push_text(&mut self, text: &str) {
        let clean = crate::domain::text::sanitize(text, true).into_owned();
        if self.current.is_empty() {
            let mut prefix = self.prefix();
            if self.item_start {
                if let Some(Some(n)) = self.lists.last_mut() {
                    prefix.push_str(&format!("{n}. "));
                    *n += 1;
                } else {
                    prefix.push_str("• ");
                }
                self.item_start = false;
            } else if !self.lists.is_empty() {
                prefix.push_str("  ");
            }
            if !prefix.is_empty() {
                self.current.push(Span::styled(prefix, self.theme.dim));
            }
        }
        let style = self.style();
        self.current.push(Span::styled(clean, style));
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.lines
                .push(Line::from(std::mem::take(&mut self.current)));
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(Line::raw(""));
        }
    }
}

pub fn render(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut r = Renderer {
        theme,
        lines: Vec::new(),
        current: Vec::new(),
        styles: Vec::new(),
        lists: Vec::new(),
        quote_depth: 0,
        in_code_block: false,
        links: Vec::new(),
        item_start: false,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    r.blank();
                    r.styles.push(if level == HeadingLevel::H1 {
                        theme.heading
                    } else {
                        Style::default().add_modifier(Modifier::BOLD)
                    });
                    let marks = match level {
                        HeadingLevel::H1 => "",
                        HeadingLevel::H2 => "",
                        _ => "› ",
                    };
                    if !marks.is_empty() {
                        r.push_text(marks);
                    }
                }
                Tag::Paragraph if r.lists.is_empty() => r.blank(),
                Tag::BlockQuote(_) => {
                    r.blank();
                    r.quote_depth += 1;
                    r.styles.push(theme.dim);
                }
                Tag::CodeBlock(kind) => {
                    r.blank();
                    r.in_code_block = true;
                    if let CodeBlockKind::Fenced(lang) = kind
                        && !lang.is_empty()
                    {
                        r.lines.push(Line::styled(format!("  ┌ {lang}"), theme.dim));
                    }
                }
                Tag::List(start) => {
                    if r.lists.is_empty() {
                        r.blank();
                    } else {
                        r.flush();
                    }
                    r.lists.push(start);
                }
                Tag::Item => {
                    r.flush();
                    r.item_start = true;
                }
                Tag::Emphasis => r
                    .styles
                    .push(Style::default().add_modifier(Modifier::ITALIC)),
                Tag::Strong => r.styles.push(Style::default().add_modifier(Modifier::BOLD)),
                Tag::Strikethrough => r
                    .styles
                    .push(Style::default().add_modifier(Modifier::CROSSED_OUT)),
                Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                    r.links.push(dest_url.to_string());
                    r.styles
                        .push(Style::default().add_modifier(Modifier::UNDERLINED));
                }
                Tag::Table(_) => r.blank(),
                Tag::TableRow | Tag::TableHead => r.flush(),
                Tag::TableCell if !r.current.is_empty() => {
                    r.current.push(Span::styled(" │ ", theme.dim))
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    r.styles.pop();
                    r.flush();
                }
                TagEnd::Paragraph => r.flush(),
                TagEnd::BlockQuote(_) => {
                    r.flush();
                    r.quote_depth = r.quote_depth.saturating_sub(1);
                    r.styles.pop();
                }
                TagEnd::CodeBlock => {
                    r.in_code_block = false;
                    r.flush();
                }
                TagEnd::List(_) => {
                    r.flush();
                    r.lists.pop();
                }
                TagEnd::Item => r.flush(),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                    r.styles.pop();
                }
                TagEnd::Link | TagEnd::Image => {
                    r.styles.pop();
                    if let Some(url) = r.links.pop() {
                        let url = crate::domain::text::one_line(&url);
                        r.current.push(Span::styled(format!(" ({url})"), theme.dim));
                    }
                }
                TagEnd::TableHead | TagEnd::TableRow => r.flush(),
                TagEnd::Table => r.flush(),
                _ => {}
            },
            Event::Text(text) if r.in_code_block => {
                for line in text.lines() {
                    let clean = crate::domain::text::sanitize(line, false).into_owned();
                    r.lines.push(Line::from(vec![
                        Span::styled("  │ ", theme.dim),
                        Span::styled(clean, theme.key),
                    ]));
                }
            }
            Event::Text(text) => r.push_text(&text),
            Event::Code(code) => {
                r.push_text("");
                let clean = crate::domain::text::sanitize(&code, false).into_owned();
                r.current.push(Span::styled(clean, theme.key));
            }
            Event::SoftBreak => r.push_text(" "),
            Event::HardBreak => r.flush(),
            Event::Rule => {
                r.blank();
                r.lines.push(Line::styled("────────", theme.dim));
            }
            Event::Html(html) | Event::InlineHtml(html) => r.push_text(&html),
            Event::TaskListMarker(done) => r.push_text(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    r.flush();
    while r.lines.first().is_some_and(|l| l.spans.is_empty()) {
        r.lines.remove(0);
    }
    r.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        render(text, &Theme::mono())
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn blocks_inline_and_links_read_as_text() {
        let md = "# Titre\n\nUn *mot* et **gras** avec `code`.\n\n- un\n- deux\n  1. a\n  2. b\n\n> Citation\n\nVoir [le site](https://exemple.fr).\n\n```sh\nls -l\n```\n";
        insta::assert_snapshot!(plain(md), @r"
        Titre

        Un mot et gras avec code.

        • un
        • deux
          1. a
          2. b

        │ Citation

        Voir le site (https://exemple.fr).

          ┌ sh
          │ ls -l
        ");
    }

    #[test]
    fn broken_markdown_and_escapes_stay_harmless_text() {
        let md = "**pas fermé\n\n[lien cassé](\n\n\u{1b}[31mrouge";
        let text = plain(md);
        assert!(text.contains("pas fermé"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
