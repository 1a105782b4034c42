//! What members write is Markdown; this turns it into HTML that is safe to
//! show to everyone else in the group, and into plain text for previews.
//!
//! Safety is in two layers. First the Markdown is parsed with only a small
//! set of features, and anything that would reach the page as raw HTML is
//! turned into visible text instead. Then the HTML is cleaned with ammonia
//! against an allow-list, so a mistake in the first layer (or in
//! pulldown-cmark) still cannot put a script, an image, a style or an event
//! handler on the page.
//!
//! Images are never shown: an image in a support group can be triggering or
//! identifying, and loading one from another server tells that server who is
//! reading the group and when.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Tags the cleaner lets through; everything else is removed (keeping its
/// text). No headings, images, tables or rules: posts are conversation, not
/// documents.
const ALLOWED_TAGS: [&str; 12] = [
    "p",
    "br",
    "em",
    "strong",
    "blockquote",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "a",
    "del",
];

/// Schemes a link may use. Relative links are refused too: a post has no
/// business pointing at Hearth's own pages (e.g. a crafted "leave group"
/// form action), and the base they would resolve against differs between
/// the web page, the feed and email.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `ugc` and `nofollow` tell search engines the links are members' and not
/// Hearth's endorsement (and stop spammers gaining from them); `noopener
/// noreferrer` stop the linked site learning which group a reader came from.
const LINK_REL: &str = "nofollow noopener noreferrer ugc";

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from(ALLOWED_TAGS))
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .tag_attribute_values(HashMap::new())
        .allowed_classes(HashMap::new())
        .url_schemes(HashSet::from(ALLOWED_SCHEMES))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .id_prefix(None);
    builder
});

/// The Markdown features members can use beyond CommonMark's core:
/// `~~strikethrough~~`, because people cross out what they no longer feel.
/// Tables, footnotes, task lists, maths and the rest stay off.
fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Rewrites one parser event into the events that are safe to render:
/// raw HTML becomes text, images become their alt text, headings become
/// bold paragraphs (a post should not be able to out-shout the page's own
/// headings), and rules disappear.
fn make_safe(event: Event<'_>) -> Vec<Event<'_>> {
    match event {
        Event::Html(raw) | Event::InlineHtml(raw) => vec![Event::Text(raw)],
        // An HTML block's lines come as `Html` events, shown as text above;
        // give them a paragraph to sit in as any other text has.
        Event::Start(Tag::HtmlBlock) => vec![Event::Start(Tag::Paragraph)],
        Event::End(TagEnd::HtmlBlock) => vec![Event::End(TagEnd::Paragraph)],
        // The alt text between these is kept as ordinary text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => vec![],
        Event::Start(Tag::Heading { .. }) => {
            vec![Event::Start(Tag::Paragraph), Event::Start(Tag::Strong)]
        }
        Event::End(TagEnd::Heading(_)) => {
            vec![Event::End(TagEnd::Strong), Event::End(TagEnd::Paragraph)]
        }
        Event::Rule => vec![],
        other => vec![other],
    }
}

/// Renders a member's Markdown to HTML that is safe to put on a page as is.
///
/// Supported: paragraphs, line breaks, `*em*`, `**strong**`, `~~del~~`,
/// lists, `> quotes`, `` `code` `` and code blocks, and links to http,
/// https and mailto addresses (which get `rel="nofollow noopener noreferrer
/// ugc"`). Raw HTML is shown as the text it is, images as their alt text,
/// headings as bold paragraphs.
pub fn render_markdown(text: &str) -> String {
    let events = Parser::new_ext(text, options()).flat_map(make_safe);
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    CLEANER.clean(&html).to_string()
}

/// The longest plain excerpt kept of a post: enough for a notification or
/// a thread list, which may cut it shorter with [`shorten`].
pub const EXCERPT_MAX_CHARS: usize = 280;

/// A post's HTML and plain excerpt, made once when the post is written, so
/// showing a page never renders Markdown (the costliest step of a thread
/// page, and the same answer every time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPost {
    /// [`render_markdown`]'s safe HTML.
    pub html: String,
    /// [`plain_excerpt`] of at most [`EXCERPT_MAX_CHARS`].
    pub excerpt: String,
}

impl RenderedPost {
    pub fn of(markdown: &str) -> RenderedPost {
        RenderedPost {
            html: render_markdown(markdown),
            excerpt: plain_excerpt(markdown, EXCERPT_MAX_CHARS),
        }
    }
}

/// Quotes a post in Markdown, to start a reply with: every line prefixed
/// with `> ` and a blank line after, ready for the reply's own text.
///
/// It does not add "so-and-so wrote:": that sentence must be translated, so
/// it belongs in the template, not in the stored text.
pub fn quote_markdown(body: &str) -> String {
    if body.trim().is_empty() {
        return String::new();
    }
    let mut quoted = String::with_capacity(body.len() + 16);
    for line in body.trim_end().lines() {
        quoted.push_str("> ");
        quoted.push_str(line);
        quoted.push('\n');
    }
    quoted.push('\n');
    quoted
}

/// A plain-text preview of a member's Markdown, for notifications and lists:
/// no markup, whitespace collapsed to single spaces, and at most `max_chars`
/// characters, the trailing `…` included when the text had to be cut.
///
/// Shows what a reader of the rendered post would see: link text but not
/// link targets, image alt text, and raw HTML as the text it is. The result
/// is plain text, so it must still be escaped wherever it is put in HTML.
pub fn plain_excerpt(text: &str, max_chars: usize) -> String {
    let mut plain = String::with_capacity(text.len());
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                plain.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => plain.push(' '),
            // Blocks and list items end with a space so their words do not
            // run together ("one" "two" in a list is "one two", not "onetwo").
            Event::Start(_) | Event::End(_) => plain.push(' '),
            _ => {}
        }
    }
    let collapsed = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    shorten(&collapsed, max_chars)
}

/// Cuts plain text (an excerpt) to at most `max_chars` characters, the `…`
/// included. Shortening [`plain_excerpt`]'s answer gives what a shorter
/// excerpt would have been.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    if max_chars == 0 {
        return String::new();
    }
    let kept: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_no_tags_but_allowed(html: &str) {
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            let after = &rest[open + 1..];
            let name: String = after
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ALLOWED_TAGS.contains(&name.as_str()),
                "unexpected tag {name:?} in {html}"
            );
            rest = after;
        }
    }

    #[test]
    fn scripts_are_shown_as_text() {
        let html = render_markdown("<script>alert(1)</script>");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert_no_tags_but_allowed(&html);

        let inline = render_markdown("hello <script>alert(1)</script> there");
        assert!(!inline.contains("<script"), "{inline}");
        assert!(inline.contains("&lt;script&gt;"), "{inline}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render_markdown("<b>hi</b>");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;hi&lt;/b&gt;"), "{html}");

        let block = render_markdown("<div onclick=\"x()\">\nhi\n</div>");
        assert!(block.starts_with("<p>&lt;div"), "{block}");
        assert!(!block.contains("<div"), "{block}");

        let comment = render_markdown("a <!-- hidden --> b");
        assert!(comment.contains("&lt;!-- hidden --&gt;"), "{comment}");
    }

    #[test]
    fn javascript_links_lose_their_target() {
        for text in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](  javascript:alert(1) )",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
        ] {
            let html = render_markdown(text);
            assert!(!html.to_lowercase().contains("javascript:"), "{html}");
            assert!(!html.contains("href"), "{text} -> {html}");
            assert!(html.contains(">x</a>"), "{text} -> {html}");
        }
        // An autolink's text is its address, harmless as text.
        let autolink = render_markdown("<javascript:alert(1)>");
        assert!(!autolink.contains("href"), "{autolink}");
        assert!(!autolink.contains("\"javascript:"), "{autolink}");
    }

    #[test]
    fn relative_links_lose_their_target() {
        for text in [
            "[leave](/groups/1/leave)",
            "[x](//evil.example/)",
            "[x](#top)",
        ] {
            let html = render_markdown(text);
            assert!(!html.contains("href"), "{text} -> {html}");
        }
    }

    #[test]
    fn links_are_kept_with_rel() {
        let html = render_markdown("[meetings](https://example.org/m?a=1&b=2 \"title\")");
        assert_eq!(
            html,
            "<p><a href=\"https://example.org/m?a=1&amp;b=2\" \
             rel=\"nofollow noopener noreferrer ugc\">meetings</a></p>\n"
        );
        let autolink = render_markdown("<http://example.org>");
        assert!(
            autolink.contains("href=\"http://example.org\""),
            "{autolink}"
        );
        assert!(autolink.contains("rel=\"nofollow noopener noreferrer ugc\""));
        let mail = render_markdown("<me@example.org>");
        assert!(mail.contains("href=\"mailto:me@example.org\""), "{mail}");
        assert!(mail.contains("rel=\"nofollow noopener noreferrer ugc\""));
    }

    #[test]
    fn images_become_their_alt_text() {
        let html = render_markdown("![a](http://x/y.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("y.png"), "{html}");
        assert_eq!(html, "<p>a</p>\n");

        let linked = render_markdown("[![logo](http://x/y.png)](https://example.org)");
        assert!(!linked.contains("<img"), "{linked}");
        assert!(linked.contains(">logo</a>"), "{linked}");

        let raw = render_markdown("<img src=x onerror=alert(1)>");
        assert!(!raw.contains("<img"), "{raw}");
    }

    #[test]
    fn the_supported_subset_renders() {
        assert_eq!(
            render_markdown("**bold** and _em_ and *em* and ~~gone~~"),
            "<p><strong>bold</strong> and <em>em</em> and <em>em</em> and <del>gone</del></p>\n"
        );
        assert_eq!(
            render_markdown("- one\n- two"),
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        );
        assert_eq!(
            render_markdown("1. one\n2. two"),
            "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"
        );
        assert_eq!(
            render_markdown("> quoted"),
            "<blockquote>\n<p>quoted</p>\n</blockquote>\n"
        );
        assert_eq!(
            render_markdown("use `a < b`"),
            "<p>use <code>a &lt; b</code></p>\n"
        );
        assert_eq!(
            render_markdown("```rust\nfn main() {}\n```"),
            "<pre><code>fn main() {}\n</code></pre>\n"
        );
        assert_eq!(render_markdown("line  \nbreak"), "<p>line<br>\nbreak</p>\n");
    }

    #[test]
    fn headings_rules_and_tables_stay_out() {
        assert_eq!(render_markdown("# Loud"), "<p><strong>Loud</strong></p>\n");
        let rule = render_markdown("a\n\n---\n\nb");
        assert!(!rule.contains("<hr"), "{rule}");
        let table = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(!table.contains("<table"), "{table}");
        let footnote = render_markdown("a[^1]\n\n[^1]: note");
        assert!(!footnote.contains("footnote"), "{footnote}");
        let tasks = render_markdown("- [ ] task");
        assert!(!tasks.contains("<input"), "{tasks}");
    }

    #[test]
    fn rendered_html_never_carries_attributes_but_href_and_rel() {
        let html = render_markdown(
            "# T {#id .class}\n\n```js onload=x\ncode\n```\n\n[a](https://x.org \"t\")\n\n\
             <p style=\"color:red\" onclick=\"x\">p</p>",
        );
        for attribute in ["id=", "class=", "style=", "onclick=", "onload=", "title="] {
            // Raw HTML is escaped, so its attributes appear only as text.
            let outside_text = html.replace("&lt;p style=\"color:red\" onclick=\"x\"&gt;", "");
            assert!(!outside_text.contains(attribute), "{attribute} in {html}");
        }
        assert_no_tags_but_allowed(&html);
    }

    #[test]
    fn quoting_prefixes_every_line_and_leaves_room_to_reply() {
        assert_eq!(quote_markdown("one\ntwo"), "> one\n> two\n\n");
        assert_eq!(quote_markdown("one\n\ntwo\n"), "> one\n> \n> two\n\n");
        assert_eq!(quote_markdown("> nested"), "> > nested\n\n");
        assert_eq!(quote_markdown("  "), "");
        let rendered = render_markdown(&(quote_markdown("one\ntwo") + "my reply"));
        assert_eq!(
            rendered,
            "<blockquote>\n<p>one\ntwo</p>\n</blockquote>\n<p>my reply</p>\n"
        );
    }

    #[test]
    fn excerpts_drop_markup_and_collapse_whitespace() {
        assert_eq!(
            plain_excerpt(
                "**Day 30.**\n\n- one\n- _two_\n\n> a [link](https://x.org)",
                100
            ),
            "Day 30. one two a link"
        );
        assert_eq!(plain_excerpt("  a \t\n\n  b  ", 100), "a b");
        assert_eq!(
            plain_excerpt("![alt text](http://x/y.png)", 100),
            "alt text"
        );
        assert_eq!(plain_excerpt("<b>hi</b>", 100), "<b>hi</b>");
        assert_eq!(plain_excerpt("`code`", 100), "code");
        assert_eq!(plain_excerpt("", 100), "");
    }

    #[test]
    fn excerpts_are_cut_on_characters_with_an_ellipsis() {
        assert_eq!(plain_excerpt("hello", 5), "hello");
        assert_eq!(plain_excerpt("hello!", 5), "hell…");
        assert_eq!(plain_excerpt("ééééé", 5), "ééééé");
        assert_eq!(plain_excerpt("éééééé", 5), "éééé…");
        assert_eq!(plain_excerpt("one two three", 5), "one…");
        assert_eq!(plain_excerpt("hello", 1), "…");
        assert_eq!(plain_excerpt("hello", 0), "");
        assert_eq!(plain_excerpt("", 0), "");
        let long = plain_excerpt(&"word ".repeat(100), 40);
        assert_eq!(long.chars().count(), 40);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn a_stored_excerpt_shortened_is_the_shorter_excerpt() {
        let texts = [
            "short",
            "**Day 30.** I made it to a meeting every day this month.",
            &"Some days are long, and *that is all right*. ".repeat(20),
            &"día ñandú — ".repeat(40),
            &format!("{} end", "x".repeat(400)),
        ];
        for text in texts {
            let stored = RenderedPost::of(text).excerpt;
            assert!(stored.chars().count() <= EXCERPT_MAX_CHARS);
            for max in [0, 1, 2, 40, 90, 279, 280] {
                assert_eq!(
                    shorten(&stored, max),
                    plain_excerpt(text, max),
                    "{max}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_rendered_post_is_the_safe_html_of_its_text() {
        let text = "Hello <script>x</script> **you**";
        let rendered = RenderedPost::of(text);
        assert_eq!(rendered.html, render_markdown(text));
        assert_eq!(rendered.excerpt, plain_excerpt(text, EXCERPT_MAX_CHARS));
        assert!(!rendered.html.contains("<script"));
    }
}
