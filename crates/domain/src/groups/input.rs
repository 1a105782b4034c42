//! What people type into a group's forms, parsed into values that can only
//! be valid.
//!
//! Lengths are counted in characters (Unicode scalar values), never bytes, so
//! a name in Greek or an emoji-heavy share gets the same room as one in
//! English.

use std::fmt;
use std::str::FromStr;

/// Why something typed into a group form was refused.
///
/// Every variant maps to a stable [`code`](GroupInputError::code) for API
/// clients and templates, and to the request [`field`](GroupInputError::field)
/// it came from, so a form can show the message next to the right box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GroupInputError {
    #[error("{field} must have at least {min} characters")]
    TooShort { field: &'static str, min: usize },
    #[error("{field} can have at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} cannot be empty")]
    Empty { field: &'static str },
    #[error("{field} cannot contain line breaks, tabs or other control characters")]
    ControlCharacters { field: &'static str },
    #[error("unknown group kind; the kinds are open, request and hidden")]
    Kind,
    #[error(
        "unknown tag; the tags are alcohol, drugs, gambling, family_friends, grief, \
         mental_health and other"
    )]
    Tag,
    #[error("a language is a two- or three-letter code such as en or es")]
    Language,
    #[error("unknown kind of post; the kinds are share, question and celebration")]
    ShareKind,
    #[error(
        "unknown kind of support; the kinds are thank_you, me_too, sending_strength and \
         proud_of_you"
    )]
    SupportKind,
}

impl GroupInputError {
    /// A stable code for API clients and templates.
    pub fn code(&self) -> &'static str {
        match self {
            GroupInputError::TooShort { .. } => "too_short",
            GroupInputError::TooLong { .. } => "too_long",
            GroupInputError::Empty { .. } => "empty",
            GroupInputError::ControlCharacters { .. } => "control_characters",
            GroupInputError::Kind => "unknown_kind",
            GroupInputError::Tag => "unknown_tag",
            GroupInputError::Language => "unknown_language",
            GroupInputError::ShareKind => "unknown_share_kind",
            GroupInputError::SupportKind => "unknown_support_kind",
        }
    }

    /// The name of the request field the refused value came from.
    ///
    /// A share's kind and a support response's kind both arrive as `kind`,
    /// so both report `"kind"`, as a group's kind does.
    pub fn field(&self) -> &'static str {
        match self {
            GroupInputError::TooShort { field, .. }
            | GroupInputError::TooLong { field, .. }
            | GroupInputError::Empty { field }
            | GroupInputError::ControlCharacters { field } => field,
            GroupInputError::Kind | GroupInputError::ShareKind | GroupInputError::SupportKind => {
                "kind"
            }
            GroupInputError::Tag => "tags",
            GroupInputError::Language => "language",
        }
    }
}

fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Cleans multi-line text from a `<textarea>`: every line ending becomes
/// `\n` (browsers send `\r\n`, which would otherwise count twice against
/// the limit), and control characters other than `\n` and `\t` are dropped.
/// They are invisible, nobody means to type them, and some (NUL) cannot be
/// stored in a PostgreSQL `text` column at all.
fn clean_multiline(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Checks a single-line value (a name, a title) that has already been
/// trimmed: no line breaks, tabs or other control characters, which would
/// break the one-line places these are shown in.
fn single_line(text: &str, field: &'static str) -> Result<(), GroupInputError> {
    if text.chars().any(char::is_control) {
        Err(GroupInputError::ControlCharacters { field })
    } else {
        Ok(())
    }
}

/// Checks a cleaned, trimmed value against a length range. Blank input to a
/// required field is [`GroupInputError::Empty`] rather than `TooShort`, so
/// the form can say "this is required" instead of counting characters.
fn check_length(
    text: &str,
    field: &'static str,
    min: usize,
    max: usize,
) -> Result<(), GroupInputError> {
    if text.is_empty() && min > 0 {
        return Err(GroupInputError::Empty { field });
    }
    let chars = char_count(text);
    if chars < min {
        return Err(GroupInputError::TooShort { field, min });
    }
    if chars > max {
        return Err(GroupInputError::TooLong { field, max });
    }
    Ok(())
}

/// A group's name, shown in the directory and at the top of every page of
/// the group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupName(String);

impl GroupName {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 80;
    const FIELD: &'static str = "name";

    pub fn parse(input: &str) -> Result<GroupName, GroupInputError> {
        let name = input.trim();
        check_length(name, Self::FIELD, Self::MIN_CHARS, Self::MAX_CHARS)?;
        single_line(name, Self::FIELD)?;
        Ok(GroupName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GroupName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A short description of who a group is for. Optional: an empty
/// description is allowed, because the name and tags often say enough.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Description(String);

impl Description {
    pub const MAX_CHARS: usize = 500;
    const FIELD: &'static str = "description";

    pub fn parse(input: &str) -> Result<Description, GroupInputError> {
        let cleaned = clean_multiline(input);
        let description = cleaned.trim();
        check_length(description, Self::FIELD, 0, Self::MAX_CHARS)?;
        Ok(Description(description.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A group's norms: the agreements members accept before joining
/// (confidentiality, no cross-talk, no advice unless asked, ...).
///
/// Required and at least [`Norms::MIN_CHARS`] long, because a support group
/// without stated norms leaves its facilitators nothing to point to when
/// they need to step in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Norms(String);

impl Norms {
    pub const MIN_CHARS: usize = 20;
    pub const MAX_CHARS: usize = 5000;
    const FIELD: &'static str = "norms";

    pub fn parse(input: &str) -> Result<Norms, GroupInputError> {
        let cleaned = clean_multiline(input);
        let norms = cleaned.trim();
        check_length(norms, Self::FIELD, Self::MIN_CHARS, Self::MAX_CHARS)?;
        Ok(Norms(norms.to_owned()))
    }

    /// The norms as Markdown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How people find and join a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKind {
    /// Listed in the directory; anyone signed in can join at once.
    Open,
    /// Listed in the directory; a facilitator approves each request to join,
    /// so a group can keep out people who are not there for support.
    Request,
    /// Not listed; people join only with an invite link. For groups whose
    /// members could be harmed by others learning they belong.
    Hidden,
}

impl GroupKind {
    pub const ALL: [GroupKind; 3] = [GroupKind::Open, GroupKind::Request, GroupKind::Hidden];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Open => "open",
            GroupKind::Request => "request",
            GroupKind::Hidden => "hidden",
        }
    }

    /// Whether the group appears in the public directory.
    pub fn is_listed(self) -> bool {
        match self {
            GroupKind::Open | GroupKind::Request => true,
            GroupKind::Hidden => false,
        }
    }
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GroupKind {
    type Err = GroupInputError;

    fn from_str(s: &str) -> Result<GroupKind, GroupInputError> {
        GroupKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or(GroupInputError::Kind)
    }
}

/// What a group is about, so people can find the right one.
///
/// A fixed list rather than free text: free-text tags fragment ("AA",
/// "alcohol", "drinking") and would let a group label itself with anything.
/// Ordered as listed here, which is the order they are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tag {
    Alcohol,
    Drugs,
    Gambling,
    /// For the people who love someone in addiction.
    FamilyAndFriends,
    Grief,
    MentalHealth,
    Other,
}

impl Tag {
    pub const ALL: [Tag; 7] = [
        Tag::Alcohol,
        Tag::Drugs,
        Tag::Gambling,
        Tag::FamilyAndFriends,
        Tag::Grief,
        Tag::MentalHealth,
        Tag::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Alcohol => "alcohol",
            Tag::Drugs => "drugs",
            Tag::Gambling => "gambling",
            Tag::FamilyAndFriends => "family_friends",
            Tag::Grief => "grief",
            Tag::MentalHealth => "mental_health",
            Tag::Other => "other",
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Tag {
    type Err = GroupInputError;

    fn from_str(s: &str) -> Result<Tag, GroupInputError> {
        Tag::ALL
            .into_iter()
            .find(|tag| tag.as_str() == s)
            .ok_or(GroupInputError::Tag)
    }
}

/// A group's tags: sorted (in [`Tag`] order) and without duplicates, so two
/// `Tags` with the same tags are equal and store the same comma list.
///
/// Since duplicates are removed there can never be more than
/// [`Tags::MAX`], one of each.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Tags(Vec<Tag>);

impl Tags {
    pub const MAX: usize = Tag::ALL.len();

    /// Parses tag names, as from repeated checkbox fields. Each is trimmed;
    /// empty ones are ignored (a form can send an empty value to mean "none");
    /// any unknown name refuses the whole list rather than quietly dropping
    /// a tag the person meant to choose.
    pub fn parse<'a>(items: impl IntoIterator<Item = &'a str>) -> Result<Tags, GroupInputError> {
        let mut tags = items
            .into_iter()
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<Tag>, _>>()?;
        tags.sort_unstable();
        tags.dedup();
        debug_assert!(tags.len() <= Self::MAX);
        Ok(Tags(tags))
    }

    /// Parses `"alcohol, grief"`: the stored form and the API form.
    pub fn parse_comma_list(input: &str) -> Result<Tags, GroupInputError> {
        Tags::parse(input.split(','))
    }

    pub fn iter(&self) -> impl Iterator<Item = Tag> + '_ {
        self.0.iter().copied()
    }

    pub fn as_slice(&self) -> &[Tag] {
        &self.0
    }

    pub fn contains(&self, tag: Tag) -> bool {
        self.0.contains(&tag)
    }

    /// `"alcohol,grief"`, or `""` when there are no tags; what
    /// [`Tags::parse_comma_list`] reads back.
    pub fn to_comma_list(&self) -> String {
        self.0
            .iter()
            .map(|tag| tag.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Tags {
    type Item = Tag;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, Tag>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().copied()
    }
}

/// The language a group meets in, as an ISO 639 code (`en`, `es`, `haw`).
///
/// Only the shape is checked, not that the code is assigned: a group in a
/// language Hearth has no translation for is still welcome.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupLanguage(String);

impl GroupLanguage {
    pub fn parse(input: &str) -> Result<GroupLanguage, GroupInputError> {
        let code = input.trim().to_lowercase();
        let well_formed =
            (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if well_formed {
            Ok(GroupLanguage(code))
        } else {
            Err(GroupInputError::Language)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for GroupLanguage {
    fn default() -> GroupLanguage {
        GroupLanguage("en".to_owned())
    }
}

impl fmt::Display for GroupLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a member means a post to be, so others know how to answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShareKind {
    /// Telling the group how things are; asks for listening, not advice.
    Share,
    /// Asking the group for experience with something.
    Question,
    /// A milestone or a good day, to be marked together.
    Celebration,
}

impl ShareKind {
    pub const ALL: [ShareKind; 3] = [
        ShareKind::Share,
        ShareKind::Question,
        ShareKind::Celebration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ShareKind::Share => "share",
            ShareKind::Question => "question",
            ShareKind::Celebration => "celebration",
        }
    }
}

impl fmt::Display for ShareKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ShareKind {
    type Err = GroupInputError;

    fn from_str(s: &str) -> Result<ShareKind, GroupInputError> {
        ShareKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or(GroupInputError::ShareKind)
    }
}

/// The Markdown text of a share or a reply.
///
/// Line endings are normalised to `\n` and invisible control characters
/// dropped (see `clean_multiline`), then the text is trimmed: leading and
/// trailing blank space carries no meaning and would only make an
/// all-whitespace post look like content.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Body(String);

impl Body {
    /// Room for a long share; a share is often someone's whole story.
    pub const SHARE_MAX_CHARS: usize = 10_000;
    /// Replies are kept shorter so a reply answers rather than takes over
    /// the thread.
    pub const REPLY_MAX_CHARS: usize = 5_000;
    const FIELD: &'static str = "body";

    pub fn share(input: &str) -> Result<Body, GroupInputError> {
        Body::parse(input, Self::SHARE_MAX_CHARS)
    }

    pub fn reply(input: &str) -> Result<Body, GroupInputError> {
        Body::parse(input, Self::REPLY_MAX_CHARS)
    }

    fn parse(input: &str, max: usize) -> Result<Body, GroupInputError> {
        let cleaned = clean_multiline(input);
        let body = cleaned.trim();
        check_length(body, Self::FIELD, 1, max)?;
        Ok(Body(body.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The optional title of a share, shown in thread lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Title(String);

impl Title {
    pub const MAX_CHARS: usize = 120;
    const FIELD: &'static str = "title";

    /// Blank input means "no title": many people just want to write.
    pub fn parse_optional(input: &str) -> Result<Option<Title>, GroupInputError> {
        let title = input.trim();
        if title.is_empty() {
            return Ok(None);
        }
        check_length(title, Self::FIELD, 1, Self::MAX_CHARS)?;
        single_line(title, Self::FIELD)?;
        Ok(Some(Title(title.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A one-tap response to a post. A fixed, gentle set instead of "likes":
/// nothing here can be counted as a score or used to pile on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SupportKind {
    ThankYou,
    MeToo,
    SendingStrength,
    ProudOfYou,
}

impl SupportKind {
    pub const ALL: [SupportKind; 4] = [
        SupportKind::ThankYou,
        SupportKind::MeToo,
        SupportKind::SendingStrength,
        SupportKind::ProudOfYou,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SupportKind::ThankYou => "thank_you",
            SupportKind::MeToo => "me_too",
            SupportKind::SendingStrength => "sending_strength",
            SupportKind::ProudOfYou => "proud_of_you",
        }
    }
}

impl fmt::Display for SupportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SupportKind {
    type Err = GroupInputError;

    fn from_str(s: &str) -> Result<SupportKind, GroupInputError> {
        SupportKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or(GroupInputError::SupportKind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` characters of two bytes each, so a byte-counting bug shows.
    fn wide(n: usize) -> String {
        "é".repeat(n)
    }

    fn too_short(field: &'static str, min: usize) -> GroupInputError {
        GroupInputError::TooShort { field, min }
    }

    fn too_long(field: &'static str, max: usize) -> GroupInputError {
        GroupInputError::TooLong { field, max }
    }

    #[test]
    fn group_name_length_is_counted_in_characters() {
        assert_eq!(GroupName::parse(&wide(2)), Err(too_short("name", 3)));
        assert_eq!(GroupName::parse(&wide(3)).unwrap().as_str(), wide(3));
        assert_eq!(GroupName::parse(&wide(80)).unwrap().as_str(), wide(80));
        assert_eq!(GroupName::parse(&wide(81)), Err(too_long("name", 80)));
    }

    #[test]
    fn group_name_is_trimmed_and_required() {
        assert_eq!(
            GroupName::parse("  Tuesday Night  ").unwrap().as_str(),
            "Tuesday Night"
        );
        assert_eq!(
            GroupName::parse("   "),
            Err(GroupInputError::Empty { field: "name" })
        );
        // Trimming happens before counting.
        assert_eq!(GroupName::parse(" ab "), Err(too_short("name", 3)));
    }

    #[test]
    fn group_name_refuses_control_characters() {
        let refused = Err(GroupInputError::ControlCharacters { field: "name" });
        assert_eq!(GroupName::parse("Tuesday\nNight"), refused);
        assert_eq!(GroupName::parse("Tuesday\tNight"), refused);
        assert_eq!(GroupName::parse("Tuesday\u{0}Night"), refused);
        assert_eq!(GroupName::parse("Tuesday\u{85}Night"), refused);
    }

    #[test]
    fn description_is_optional_and_limited() {
        assert_eq!(Description::parse("  ").unwrap().as_str(), "");
        assert!(Description::parse("").unwrap().is_empty());
        assert_eq!(Description::parse(&wide(500)).unwrap().as_str(), wide(500));
        assert_eq!(
            Description::parse(&wide(501)),
            Err(too_long("description", 500))
        );
        assert_eq!(
            Description::parse(" For parents. ").unwrap().as_str(),
            "For parents."
        );
    }

    #[test]
    fn norms_length_limits() {
        assert_eq!(Norms::parse(&wide(19)), Err(too_short("norms", 20)));
        assert_eq!(Norms::parse(&wide(20)).unwrap().as_str(), wide(20));
        assert_eq!(Norms::parse(&wide(5000)).unwrap().as_str(), wide(5000));
        assert_eq!(Norms::parse(&wide(5001)), Err(too_long("norms", 5000)));
        assert_eq!(
            Norms::parse(" \n "),
            Err(GroupInputError::Empty { field: "norms" })
        );
    }

    #[test]
    fn norms_normalise_line_endings_before_counting() {
        let norms = Norms::parse("  What is said here\r\nstays here.\r\n").unwrap();
        assert_eq!(norms.as_str(), "What is said here\nstays here.");
        // 5001 characters as sent, 5000 once the line ending is one `\n`.
        let limit = format!("{}\r\n{}", "a".repeat(2500), "b".repeat(2499));
        assert!(Norms::parse(&limit).is_ok());
    }

    #[test]
    fn multiline_text_drops_invisible_control_characters() {
        let norms = Norms::parse("Be kind\u{0} to\teach\rother, always.").unwrap();
        assert_eq!(norms.as_str(), "Be kind to\teach\nother, always.");
    }

    #[test]
    fn group_kinds_round_trip_and_say_whether_listed() {
        for kind in GroupKind::ALL {
            assert_eq!(kind.as_str().parse::<GroupKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert!(GroupKind::Open.is_listed());
        assert!(GroupKind::Request.is_listed());
        assert!(!GroupKind::Hidden.is_listed());
        assert_eq!("Open".parse::<GroupKind>(), Err(GroupInputError::Kind));
        assert_eq!(" open".parse::<GroupKind>(), Err(GroupInputError::Kind));
        assert_eq!("secret".parse::<GroupKind>(), Err(GroupInputError::Kind));
    }

    #[test]
    fn tags_round_trip() {
        for tag in Tag::ALL {
            assert_eq!(tag.as_str().parse::<Tag>(), Ok(tag));
            assert_eq!(tag.to_string(), tag.as_str());
        }
        assert_eq!("Alcohol".parse::<Tag>(), Err(GroupInputError::Tag));
        assert_eq!("family".parse::<Tag>(), Err(GroupInputError::Tag));
    }

    #[test]
    fn tags_are_sorted_deduplicated_and_trimmed() {
        let tags = Tags::parse(["grief", " alcohol ", "", "grief", "alcohol"]).unwrap();
        assert_eq!(tags.as_slice(), [Tag::Alcohol, Tag::Grief]);
        assert_eq!(tags.iter().collect::<Vec<_>>(), [Tag::Alcohol, Tag::Grief]);
        assert_eq!((&tags).into_iter().count(), 2);
        assert!(tags.contains(Tag::Grief));
        assert!(!tags.contains(Tag::Drugs));
        assert!(!tags.is_empty());
        assert_eq!(tags.to_comma_list(), "alcohol,grief");
    }

    #[test]
    fn tags_refuse_unknown_names() {
        assert_eq!(
            Tags::parse(["alcohol", "cooking"]),
            Err(GroupInputError::Tag)
        );
        assert_eq!(
            Tags::parse_comma_list("alcohol,Grief"),
            Err(GroupInputError::Tag)
        );
    }

    #[test]
    fn tags_can_be_empty() {
        for empty in [
            Tags::parse([]),
            Tags::parse_comma_list(""),
            Tags::parse_comma_list(" , ,"),
        ] {
            let tags = empty.unwrap();
            assert!(tags.is_empty());
            assert_eq!(tags.to_comma_list(), "");
            assert_eq!(tags, Tags::default());
        }
    }

    #[test]
    fn tags_round_trip_through_the_comma_list() {
        let all = Tags::parse(Tag::ALL.iter().rev().map(|tag| tag.as_str())).unwrap();
        assert_eq!(all.as_slice(), Tag::ALL);
        assert_eq!(all.as_slice().len(), Tags::MAX);
        assert_eq!(Tags::parse_comma_list(&all.to_comma_list()), Ok(all));
        assert_eq!(
            Tags::parse_comma_list(" grief , drugs ,grief")
                .unwrap()
                .to_comma_list(),
            "drugs,grief"
        );
    }

    #[test]
    fn languages_are_two_or_three_lowercase_letters() {
        assert_eq!(GroupLanguage::default().as_str(), "en");
        assert_eq!(GroupLanguage::parse(" ES ").unwrap().as_str(), "es");
        assert_eq!(GroupLanguage::parse("haw").unwrap().as_str(), "haw");
        for refused in ["", "e", "engl", "e1", "en-GB", "ñe", "é", "  "] {
            assert_eq!(
                GroupLanguage::parse(refused),
                Err(GroupInputError::Language),
                "{refused:?}"
            );
        }
    }

    #[test]
    fn share_kinds_round_trip() {
        for kind in ShareKind::ALL {
            assert_eq!(kind.as_str().parse::<ShareKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert_eq!("rant".parse::<ShareKind>(), Err(GroupInputError::ShareKind));
    }

    #[test]
    fn share_body_length_limits() {
        let empty = Err(GroupInputError::Empty { field: "body" });
        assert_eq!(Body::share(""), empty);
        assert_eq!(Body::share(" \r\n\t "), empty);
        assert_eq!(Body::share("é").unwrap().as_str(), "é");
        assert_eq!(Body::share(&wide(10_000)).unwrap().as_str(), wide(10_000));
        assert_eq!(Body::share(&wide(10_001)), Err(too_long("body", 10_000)));
    }

    #[test]
    fn reply_body_length_limits() {
        assert_eq!(
            Body::reply("  "),
            Err(GroupInputError::Empty { field: "body" })
        );
        assert_eq!(Body::reply("é").unwrap().as_str(), "é");
        assert_eq!(Body::reply(&wide(5_000)).unwrap().as_str(), wide(5_000));
        assert_eq!(Body::reply(&wide(5_001)), Err(too_long("body", 5_000)));
        assert!(Body::share(&wide(5_001)).is_ok());
    }

    #[test]
    fn body_normalises_line_endings_and_trims() {
        let body = Body::share("\r\n  Day 30.\r\n\r\nThank you all.  \r\n").unwrap();
        assert_eq!(body.as_str(), "Day 30.\n\nThank you all.");
        let limit = format!("{}\r\n{}", "a".repeat(4_999), "b");
        assert!(Body::reply(&format!(" {limit} ")).is_err());
        let limit = format!("{}\r\n{}", "a".repeat(4_998), "b");
        assert_eq!(Body::reply(&limit).unwrap().as_str().chars().count(), 5_000);
    }

    #[test]
    fn title_is_optional_and_limited() {
        assert_eq!(Title::parse_optional(""), Ok(None));
        assert_eq!(Title::parse_optional("   "), Ok(None));
        assert_eq!(
            Title::parse_optional(" Day one ")
                .unwrap()
                .unwrap()
                .as_str(),
            "Day one"
        );
        assert_eq!(Title::parse_optional("é").unwrap().unwrap().as_str(), "é");
        assert_eq!(
            Title::parse_optional(&wide(120)).unwrap().unwrap().as_str(),
            wide(120)
        );
        assert_eq!(
            Title::parse_optional(&wide(121)),
            Err(too_long("title", 120))
        );
        assert_eq!(
            Title::parse_optional("Day\none"),
            Err(GroupInputError::ControlCharacters { field: "title" })
        );
    }

    #[test]
    fn support_kinds_round_trip() {
        for kind in SupportKind::ALL {
            assert_eq!(kind.as_str().parse::<SupportKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert_eq!(
            "like".parse::<SupportKind>(),
            Err(GroupInputError::SupportKind)
        );
    }

    #[test]
    fn errors_have_stable_codes_and_fields() {
        let cases = [
            (too_short("name", 3), "too_short", "name"),
            (too_long("description", 500), "too_long", "description"),
            (GroupInputError::Empty { field: "body" }, "empty", "body"),
            (
                GroupInputError::ControlCharacters { field: "title" },
                "control_characters",
                "title",
            ),
            (GroupInputError::Kind, "unknown_kind", "kind"),
            (GroupInputError::Tag, "unknown_tag", "tags"),
            (GroupInputError::Language, "unknown_language", "language"),
            (GroupInputError::ShareKind, "unknown_share_kind", "kind"),
            (GroupInputError::SupportKind, "unknown_support_kind", "kind"),
        ];
        for (error, code, field) in cases {
            assert_eq!(error.code(), code);
            assert_eq!(error.field(), field);
            assert!(!error.to_string().is_empty());
        }
        assert_eq!(
            too_short("norms", 20).to_string(),
            "norms must have at least 20 characters"
        );
    }
}
