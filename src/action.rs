//! The one vocabulary of intent: keys resolve to actions; hints, help and tests speak in them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    TabJournal,
    TabReseau,
    TabDocumentation,
    TabCompetences,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    DetailDown,
    DetailUp,
    Close,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::Quit,
        Action::Help,
        Action::NextTab,
        Action::PrevTab,
        Action::TabJournal,
        Action::TabReseau,
        Action::TabDocumentation,
        Action::TabCompetences,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::First,
        Action::Last,
        Action::DetailDown,
        Action::DetailUp,
        Action::Close,
    ];

    /// Kebab-case name, as in the keymap file; the Fluent id of its label is `action-NAME`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::NextTab => "next-tab",
            Action::PrevTab => "prev-tab",
            Action::TabJournal => "tab-journal",
            Action::TabReseau => "tab-reseau",
            Action::TabDocumentation => "tab-documentation",
            Action::TabCompetences => "tab-competences",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page-down",
            Action::PageUp => "page-up",
            Action::First => "first",
            Action::Last => "last",
            Action::DetailDown => "detail-down",
            Action::DetailUp => "detail-up",
            Action::Close => "close",
        }
    }
}

/// Where a key is pressed. Each context sees its own bindings and, for non-modal contexts,
/// the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    Global,
    List,
    Help,
}

impl Context {
    pub const ALL: [Context; 3] = [Context::Global, Context::List, Context::Help];

    /// The binding tables active in this context, most specific first.
    pub fn layers(self) -> &'static [Context] {
        match self {
            Context::Global => &[Context::Global],
            Context::List => &[Context::List, Context::Global],
            Context::Help => &[Context::Help],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Help => "help",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for a in Action::ALL {
            let json = serde_json::to_string(&a).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", a.name()));
        }
    }
}
