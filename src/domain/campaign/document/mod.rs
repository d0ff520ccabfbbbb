//! Documents from a campaign as typed blocks: the campaign `brief` for creators and the team, and
//! the `vetting` record (why each creator was picked, what was seen). Both are built as a
//! [`Document`] (a title, opening blocks, then headed sections of paragraphs, lists, steps, tables
//! and notes) whose text is made of [`Span`]s that say whether a user typed them. The page renders
//! the blocks as elements and the `markdown` writer turns the same blocks into the download, escaping
//! user text there and only there; nothing reads Markdown back. `figures` holds the one creator's
//! numbers both documents quote.

pub mod brief;
mod figures;
pub mod markdown;
pub mod vetting;

pub use brief::campaign_brief;
pub use vetting::{vetting_record, Vetting};

/// Where a span's characters come from, which decides how the Markdown writer treats them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Microscope's own wording, written as it is.
    Own,
    /// Typed by a user (names, notes, categories) or quoting user data (warning texts): every
    /// Markdown-special character is escaped so it can never become a link, heading or HTML.
    User,
    /// A web address the app checked (http or https) or built from one, such as a creator's
    /// tracked link: written as an autolink, so it can be copied and followed as it is.
    Link,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub origin: Origin,
}

/// One line of inline text: spans in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

/// User text on one line: trimmed, and line breaks and other control characters become spaces so
/// it can't start a new block or leave a table row (in the page and in the Markdown alike).
pub fn one_line(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Text {
    fn push(mut self, text: &str, strong: bool, origin: Origin) -> Self {
        let text = match origin {
            Origin::Own => text.to_string(),
            Origin::User | Origin::Link => one_line(text),
        };
        self.0.push(Span {
            text,
            strong,
            origin,
        });
        self
    }

    /// Microscope's own words.
    pub fn own(text: impl AsRef<str>) -> Self {
        Self::default().and(text)
    }

    /// A bold label in Microscope's words, e.g. "Goal:".
    pub fn label(text: impl AsRef<str>) -> Self {
        Self::default().and_strong(text)
    }

    /// Text a user typed.
    pub fn user(text: impl AsRef<str>) -> Self {
        Self::default().and_user(text)
    }

    /// A checked web address (see [`Origin::Link`]).
    pub fn link(text: impl AsRef<str>) -> Self {
        Self::default().push(text.as_ref(), false, Origin::Link)
    }

    pub fn and(self, text: impl AsRef<str>) -> Self {
        self.push(text.as_ref(), false, Origin::Own)
    }

    pub fn and_strong(self, text: impl AsRef<str>) -> Self {
        self.push(text.as_ref(), true, Origin::Own)
    }

    pub fn and_user(self, text: impl AsRef<str>) -> Self {
        self.push(text.as_ref(), false, Origin::User)
    }

    pub fn and_strong_user(self, text: impl AsRef<str>) -> Self {
        self.push(text.as_ref(), true, Origin::User)
    }

    /// The characters as a reader sees them, without styles or escapes.
    pub fn plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

/// One item of a bulleted list, with sub-items and quoted lines (a creator's notes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    pub text: Text,
    pub sub: Vec<Text>,
    pub quote: Vec<Text>,
}

impl Item {
    pub fn new(text: Text) -> Self {
        Self {
            text,
            ..Self::default()
        }
    }
}

/// A table with a header row in Microscope's words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Text>>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Text),
    /// A small italic note, e.g. the legal disclaimer.
    Note(Text),
    List(Vec<Item>),
    /// Numbered steps.
    Steps(Vec<Text>),
    Table(Table),
}

/// A headed part of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: Text,
    pub blocks: Vec<Block>,
}

/// A whole document: its title, the blocks under it, then its sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: Text,
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Document {
    /// The document as Markdown, for the download and the text view.
    pub fn markdown(&self) -> String {
        markdown::write(self)
    }
}
