//! The one vocabulary of intent: keys resolve to actions; hints, help and tests speak in them.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Action {
            $($variant,)+
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)+];

            /// Kebab-case name, as in the keymap file; the Fluent id of its label is
            /// `action-NAME`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)+
                }
            }
        }
    };
}

actions! {
    Quit => "quit",
    Help => "help",
    NextTab => "next-tab",
    PrevTab => "prev-tab",
    TabJournal => "tab-journal",
    TabReseau => "tab-reseau",
    TabDocumentation => "tab-documentation",
    TabCompetences => "tab-competences",
    TabBilan => "tab-bilan",
    Down => "down",
    Up => "up",
    PageDown => "page-down",
    PageUp => "page-up",
    First => "first",
    Last => "last",
    DetailDown => "detail-down",
    DetailUp => "detail-up",
    Close => "close",
    New => "new",
    Edit => "edit",
    Delete => "delete",
    Undo => "undo",
    Duplicate => "duplicate",
    Search => "search",
    Filter => "filter",
    Todo => "todo",
    ClearFilter => "clear-filter",
    MarkDone => "mark-done",
    Timeline => "timeline",
    NewContact => "new-contact",
    EditContact => "edit-contact",
    Verified => "verified",
    NewRencontre => "new-rencontre",
    View => "view",
    NewService => "new-service",
    EditService => "edit-service",
    Restore => "restore",
    Import => "import",
    Export => "export",
    Erase => "erase",
    Plan => "plan",
    Move => "move",
    DeleteRecord => "delete-record",
    NextField => "next-field",
    PrevField => "prev-field",
    Save => "save",
    Cancel => "cancel",
    ExternalEditor => "external-editor",
    GoToField => "go-to-field",
    SameAsLast => "same-as-last",
    Modele => "modele",
    SaveAsModele => "save-as-modele",
    Later => "later",
    PrevPeriod => "prev-period",
    NextPeriod => "next-period",
    CyclePeriod => "cycle-period",
    NewSeance => "new-seance",
    CadreLegal => "cadre-legal",
    Open => "open",
    Select => "select",
    Mark => "mark",
    Strength => "strength",
    Yes => "yes",
    No => "no",
}

/// Where a key is pressed. Each context sees its own bindings and, for the list, the global
/// ones; modal contexts see only their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    Global,
    List,
    Search,
    Form,
    Picker,
    Confirm,
    History,
    Evidence,
    Help,
}

impl Context {
    pub const ALL: [Context; 9] = [
        Context::Global,
        Context::List,
        Context::Search,
        Context::Form,
        Context::Picker,
        Context::Confirm,
        Context::History,
        Context::Evidence,
        Context::Help,
    ];

    /// The binding tables active in this context, most specific first.
    pub fn layers(self) -> &'static [Context] {
        match self {
            Context::Global => &[Context::Global],
            Context::List => &[Context::List, Context::Global],
            Context::Search => &[Context::Search],
            Context::Form => &[Context::Form],
            Context::Picker => &[Context::Picker],
            Context::Confirm => &[Context::Confirm],
            Context::History => &[Context::History],
            Context::Evidence => &[Context::Evidence],
            Context::Help => &[Context::Help],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Search => "search",
            Context::Form => "form",
            Context::Picker => "picker",
            Context::Confirm => "confirm",
            Context::History => "history",
            Context::Evidence => "evidence",
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
            let json = serde_json::to_string(a).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", a.name()));
        }
        for c in Context::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap_or_default(),
                format!("\"{}\"", c.name())
            );
        }
    }
}
