//! One module per screen: its key handling (`impl App` blocks over the app's state) and the
//! footer hints it shows, side by side.

mod competences;
mod documentation;
mod forms;
mod journal;
mod reseau;

pub use competences::CompState;
pub use documentation::DocsState;
pub use reseau::ReseauState;
