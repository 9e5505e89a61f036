"""The practice browser as facets: section, understanding and status, each value with its count.

Without JavaScript, every value has a page of its own listing its practices
(``reference/facets/<facet>-<value>.html``), and the browse page links to each.
With JavaScript (publisher.js), the browse page's list of every practice narrows
by the three facets at once, and each choice shows how many practices it leaves.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from publisher.extension.editions import history
from publisher.extension.item_links import ItemLinks
from publisher.outputs.made_from import MadeFrom, digest
from publisher.extension.placeholders import placeholder_directive
from publisher.translations import catalogs
from publisher.content import model
from publisher.extension.collect import corpus_of
from publisher.translations.i18n import labels
from publisher.content.items import Corpus, Item
from publisher.content.languages import by_sphinx_language

FOLDER = "reference/facets"
FACETS = {"section": model.N_("Thematic section"), "understanding": model.N_("Common understanding"),
          "status": model.N_("Status")}
ALL = model.N_("All")
PRACTICES_COUNT = model.N_("Number of practices: {count}")
FACET_PAGE_TITLE = model.N_("Practices: {facet}: {value}")
OTHER_VALUES = model.N_("Other values of this facet")
BROWSE_LINK = model.N_("Browse all practices by facet")
HEADING = model.N_("By section, understanding and status together")


class facets_placeholder(nodes.General, nodes.Element):
    """Where the browse page's facets go, once every document has been read."""


def practices(corpus: Corpus) -> list[Item]:
    return [item for item in corpus.items if item.id and item.type == model.PRACTICE.name]


def values(corpus: Corpus, _) -> dict[str, list[tuple[str, str, list[Item]]]]:
    """Each facet's values, in reading order: (key, label in this language, its practices)."""
    found = practices(corpus)
    understandings = [item for item in corpus.items if item.id and item.type == model.UNDERSTANDING.name]
    return {
        "section": [(slug, _(title), [p for p in found if p.fields.get("section") == slug])
                    for slug, title in model.SECTIONS.items()],
        "understanding": [(u.id, f"{u.id} {u.title}", [p for p in found if u.id in p.implements])
                          for u in understandings],
        "status": [(key, _(title), [p for p in found if p.status == key]) for key, title in model.STATUSES.items()],
    }


def page_name(facet: str, key: str) -> str:
    return f"{FOLDER}/{facet}-{key}"


def keys_of(item: Item) -> dict[str, list[str]]:
    return {"section": [item.fields.get("section", "")], "understanding": list(item.implements),
            "status": [item.status or ""]}


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(facets_placeholder))
    if not placeholders:
        return
    _ = labels(app)
    corpus = corpus_of(app.env)
    for placeholder in placeholders:
        placeholder.replace_self(browse_nodes(app, docname, corpus, _) if app.builder.format == "html" else [])


def browse_nodes(app: Sphinx, docname: str, corpus: Corpus, _) -> list[nodes.Node]:
    """Links to each value's page with its count; then every practice, marked with its values for the script."""
    box = nodes.container(classes=["practice-facets"])
    box += nodes.rubric(text=_(HEADING))
    e = html.escape  # the words the script shows, in this language
    box += nodes.raw("", f'<span class="facet-words" hidden data-all="{e(_(ALL))}" '
                         f'data-count="{e(_(PRACTICES_COUNT))}"></span>', format="html")
    for facet, entries in values(corpus, _).items():
        line = nodes.paragraph(classes=["facet", f"facet-{facet}"])
        line += nodes.strong("", f"{_(FACETS[facet])}{by_sphinx_language(app.config.language).colon}")
        for index, (key, label, members) in enumerate(entries):
            line += [nodes.Text(" · ")] if index else []
            uri = app.builder.get_relative_uri(docname, page_name(facet, key))
            line += nodes.reference("", "", nodes.inline("", label, classes=["facet-label"]),
                                    nodes.Text(f" ({len(members)})"), refuri=uri,
                                    classes=["facet-value", f"facet-key--{key}"])
        box += line
    listing = nodes.bullet_list(classes=["facet-items"])
    links = ItemLinks(app.builder, docname)
    for item in practices(corpus):
        marks = [f"facet-{facet}--{key}" for facet, keys in keys_of(item).items() for key in keys]
        listing += nodes.list_item("", nodes.paragraph("", "", links.to(item, item.id), nodes.Text(f" {item.title}")),
                                   classes=["facet-item", *marks])
    box += listing
    return [box]


def facet_pages(app: Sphinx) -> Iterator[tuple[str, dict, str]]:
    """One page per facet value, listing its practices: the facets without JavaScript."""
    _ = labels(app)
    corpus = corpus_of(app.env)
    made = MadeFrom(app, "facet-pages", navigation(app.env), repr(history(app)))
    for facet, entries in values(corpus, _).items():
        for key, label, members in entries:
            name = page_name(facet, key)
            title = _(FACET_PAGE_TITLE).format(facet=_(FACETS[facet]), value=label)
            # What the page shows; the theme's work for each page (its navigation tree) is most of its cost.
            shown = [(item.id, item.title, item.path) for item in members], [(k, v, len(m)) for k, v, m in entries]
            if made.stale(name, title, shown, missing=not Path(app.builder.get_outfilename(name)).exists()):
                body = page_body(app, name, title, facet, key, entries, members, _)
                yield name, {"title": title, "body": body}, "page.html"
    made.save()


def navigation(env: BuildEnvironment) -> str:
    """What a page's navigation shows of the other pages: their titles and the tables of contents."""
    return digest(sorted((docname, title.astext()) for docname, title in env.titles.items()),
                  sorted((docname, tuple(included)) for docname, included in env.toctree_includes.items()))


def page_body(app: Sphinx, name: str, title: str, facet: str, current: str,
              entries: list[tuple[str, str, list[Item]]], members: list[Item], _) -> str:
    e = html.escape
    link = lambda target: app.builder.get_relative_uri(name, target)  # noqa: E731

    def label(message: str) -> str:
        """A label in this language; still in English, marked and announced so (as publisher/translations/i18n.py does)."""
        if catalogs.is_translated(Path(app.srcdir), app.config.language, catalogs.DOMAIN, message):
            return e(_(message))
        return f'<span class="untranslated" lang="en" dir="ltr">{e(message)}</span>'

    items = "".join(
        f'<li><a href="{e(link(item.path.removesuffix(".md")))}#{e(item.id)}">{e(item.id)}</a> {e(item.title)}</li>'
        for item in members)
    others = "".join(
        f'<li><a href="{e(link(page_name(facet, key)))}"{" aria-current=\"page\"" if key == current else ""}>'
        f"{e(value)}</a> ({len(listed)})</li>" for key, value, listed in entries)
    return (f'<section id="facet" class="facet-page" data-pagefind-ignore="all"><h1>{e(title)}</h1>'
            f"<p>{label(PRACTICES_COUNT).replace('{count}', str(len(members)))}</p><ul>{items}</ul>"
            f'<h2>{label(OTHER_VALUES)}</h2><ul class="facet-others">{others}</ul>'
            f'<p><a href="{e(link("reference/browse"))}">{label(BROWSE_LINK)}</a></p></section>')


def load_script_where_used(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """facets.js on the page that shows the facets, and no other (Sphinx adds it to this page only)."""
    if doctree is not None and any("practice-facets" in node["classes"]
                                   for node in doctree.findall(nodes.container)):
        app.add_js_file("facets.js")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(facets_placeholder)
    # Links to every facet value's page, and the list the facets narrow.
    app.add_directive("practice-facets", placeholder_directive(facets_placeholder))
    app.connect("doctree-resolved", fill)
    app.connect("html-collect-pages", facet_pages)
    app.connect("html-page-context", load_script_where_used)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
