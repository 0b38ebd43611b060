//! The model notes as pages of the built site: `docs/model.md` (and the documents it links to)
//! rendered to HTML at build time, so the page can link each lever and chart to the section that
//! argues it. One source: the same Markdown the repository shows, never a second copy by hand.
//!
//! Native only: `consumption-lab-app notes docs/model.md` prints the page (scripts/notes.mjs
//! writes it as `model.html`). Every heading gets GitHub's anchor (the documents link to each
//! other that way), and each section named in the "Parameters" table also carries an anchor per
//! field it argues, `#field-<key>`: the page links a lever there without a table of its own.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// GitHub's heading anchor: lower case, spaces as hyphens, punctuation other than `-` and `_` dropped.
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// The fields each section argues, from the "Parameters" table's rows
/// (`` | `key` | unit | default | allowed | [Section](#anchor) | ``): section anchor → field keys.
pub fn fields_by_section(markdown: &str) -> HashMap<String, Vec<String>> {
    let mut sections: HashMap<String, Vec<String>> = HashMap::new();
    for line in markdown.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(key), Some(last)) = (cells.get(1), cells.iter().rev().find(|c| !c.is_empty())) else { continue };
        let Some(anchor) = last.split("](#").nth(1).and_then(|rest| rest.split(')').next()) else { continue };
        sections.entry(anchor.to_owned()).or_default().push(key.trim_matches('`').to_owned());
    }
    sections
}

/// The body of the page: `markdown` as HTML with heading anchors, field anchors and links between
/// the documents pointing at their pages (`calibration.md` → `calibration.html`).
pub fn body(markdown: &str) -> String {
    let fields = fields_by_section(markdown);
    let events: Vec<Event> =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect();
    let mut out = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                    .map_or(events.len(), |n| i + n);
                let text: String = events[i + 1..end]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let id = slug(&text);
                out.push(heading(*level, &id));
                for key in fields.get(&id).into_iter().flatten() {
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        r#"<span class="field-anchor" id="field-{key}"></span>"#
                    ))));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id })
                if dest_url.ends_with(".md") || dest_url.contains(".md#") =>
            {
                let page = dest_url.replacen(".md", ".html", 1);
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: page.into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            other => out.push(other.clone()),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, out.into_iter());
    // Code blocks and wide tables scroll sideways on a phone: focusable, so a keyboard scrolls them.
    html.replace("<pre>", r#"<pre tabindex="0">"#).replace("<table>", r#"<table tabindex="0">"#)
}

/// A heading's opening tag with its anchor.
fn heading(level: HeadingLevel, id: &str) -> Event<'static> {
    Event::Start(Tag::Heading { level, id: Some(CowStr::from(id.to_owned())), classes: Vec::new(), attrs: Vec::new() })
}

/// The whole page: the site's style sheet and icon, a strict policy of its own (no script at all),
/// a way back to the calculator, and the document's own first heading as its title.
pub fn page(markdown: &str) -> String {
    let title = markdown.lines().find_map(|l| l.strip_prefix("# ")).unwrap_or("Model notes").trim();
    let policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; object-src 'none'";
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title} — Consumption Lab</title>
    <link rel="stylesheet" href="style.css" />
    <link rel="icon" href="favicon.svg" />
  </head>
  <body class="notes-page">
    <nav class="notes-nav" aria-label="Site"><a href="./">← Back to the calculator</a></nav>
    <main class="notes">
{body}
    </main>
  </body>
</html>
"#,
        body = body(markdown)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use consumption_lab_engine::fields::NUMERIC_FIELDS;

    fn model_md() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md")).unwrap()
    }

    #[test]
    fn slugs_are_githubs() {
        assert_eq!(slug("Presets, links and saved designs"), "presets-links-and-saved-designs");
        assert_eq!(slug("Turnover vs consumption"), "turnover-vs-consumption");
        assert_eq!(slug("The market"), "the-market");
    }

    #[test]
    fn every_numeric_field_and_choice_has_an_anchor_on_its_section() {
        let html = page(&model_md());
        let keys = NUMERIC_FIELDS.iter().map(|f| f.key).chain(crate::choices::CHOICES.iter().map(|c| c.key));
        for key in keys {
            assert!(html.contains(&format!(r#"id="field-{key}""#)), "no anchor for {key}");
        }
        for section in ["the-market", "parameters", "monte-carlo", "fee-split", "allocations-and-vesting"] {
            assert!(html.contains(&format!(r#"id="{section}""#)), "no section {section}");
        }
        assert!(html.contains(r#"<table tabindex="0">"#), "tables render, focusable to scroll");
        assert!(
            !html.contains(r#"href="calibration.md"#) && html.contains(r#"href="calibration.html"#),
            "links between the documents point at their pages"
        );
        assert!(!html.contains("<script"), "no script");
    }
}
