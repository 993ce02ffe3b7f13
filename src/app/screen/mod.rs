//! One module per screen: its state (a struct `App` holds), its key handling (`impl App`
//! blocks) and the footer hints it shows, side by side. The Journal's state is
//! `app::journal::Journal`.

mod bilan;
mod competences;
mod documentation;
mod forms;
mod journal;
mod reseau;

pub use bilan::{BilanRow, BilanState};
pub use competences::{CompState, CompView};
pub use documentation::{DocsMode, DocsState};
pub use reseau::{ReseauMode, ReseauState};
