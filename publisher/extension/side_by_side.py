"""Any two languages side by side: each page's blocks as data, and the page that aligns them.

Each language's HTML build writes, for every page of the framework, the page's
blocks in reading order (``api/pages/<page>.json``): an alignment key, the
block's HTML as the page shows it, and whether it shows English for want of a
translation. The keys are the same in every language: an item's ID for its
heading, fields and links, ``<ID>.<n>`` for its n-th paragraph of text, and
``p<n>`` for any other block, its position on the page. gettext translates a
page paragraph by paragraph, so a translation keeps the page's structure and
the positions agree. A glossary term's key is its anchor, the English term's in
every language, as each language sorts its glossary in its own order. ``side-by-side.html`` (one per language) reads two
languages' files and lays them out one grid row per key
(``publisher/static/side-by-side.js``).

The fragments are taken from the HTML translator as it writes each page: two
invisible markers around each block record where the block's markup begins and
ends, and two more around a control inside a block (an item's "Copy link"
button), which the fragment leaves out. No page is rendered twice, and no
written page is read back.

The page is an extra HTML page, not a document: neither the PDF (typsphinx
builds documents) nor the Word file (the root page's tables of contents) has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from publisher.content import languages
from publisher.content.model import N_
from publisher.translations.i18n import UNTRANSLATED, labels

PAGE = "side-by-side"
TEMPLATE = "side-by-side.html"
DATA = "api/pages"

LABEL = N_("Side by side")
LABEL_PAGE = N_("Page")
LABEL_FIRST = N_("First language")
LABEL_SECOND = N_("Second language")
LABEL_SHOW = N_("Show")
LABEL_NEEDS_JS = N_("Side by side needs JavaScript. Every page can be read in each language from the "
                    "language switcher.")
LABEL_LOADING = N_("Loading…")
LABEL_FAILED = N_("The page could not be loaded in this language: {language}.")
LABEL_SHOWN = N_("{page}: {first} and {second}, side by side.")
LABEL_MISSING = N_("Not in this language.")

#: An item's lines that a reader compares with the other language's, besides its heading.
ITEM_HEAD = ("item-fields", "item-links")
#: What a page shows that is not part of its text: the citation and tools under each item,
#: and the note on how much of the page is translated (the data carry it on its own).
NOT_TEXT = ("item-cite", "item-tools", "item-suggest", "web-only", "translation-progress")


class block_start(nodes.Invisible, nodes.Element):
    """Where a block's markup begins in the page; ``end`` is its block_end."""


class block_end(nodes.Invisible, nodes.Element):
    """Where it ends: the block's key, kind and whether it is English for want of a translation."""


def visit_block_start(self, node: block_start) -> None:
    node.end.offset = len(self.body)
    raise nodes.SkipNode


def visit_block_end(self, node: block_end) -> None:
    parts = self.body[node.offset:]
    for control in reversed(node.left_out):  # from the end, so that the earlier ones stay in place
        del parts[control.offset - node.offset:control.stop - node.offset]
    node.html = "".join(parts)
    raise nodes.SkipNode


class web_only_start(nodes.Invisible, nodes.Element):
    """Where a control inside a block begins (the copy button in an item's fields line): the page shows
    it, the block's data leave it out; ``end`` is its web_only_end."""


class web_only_end(nodes.Invisible, nodes.Element):
    """Where it ends."""


def visit_web_only_start(self, node: web_only_start) -> None:
    node.end.offset = len(self.body)
    raise nodes.SkipNode


def visit_web_only_end(self, node: web_only_end) -> None:
    node.stop = len(self.body)
    raise nodes.SkipNode


def blocks(doctree: nodes.document) -> Iterator[tuple[str, str, nodes.Element]]:
    """(key, kind, node) of each block of the page, in reading order; a key may span several nodes."""
    position = 0
    page_title = next(iter(doctree.findall(nodes.title)), None)  # the data give it on its own

    def walk(parent: nodes.Element) -> Iterator[tuple[str, str, nodes.Element]]:
        nonlocal position
        for child in parent.children:
            if not isinstance(child, nodes.Element) or isinstance(child, (nodes.Invisible, nodes.system_message)):
                continue
            if child is page_title or any(name in child["classes"] for name in NOT_TEXT):
                continue
            if isinstance(child, nodes.section) and "item" in child["classes"]:
                yield from item_blocks(child)
            elif isinstance(child, addnodes.glossary):
                yield from glossary_blocks(child)
            elif isinstance(child, nodes.section):
                yield from walk(child)
            else:
                position += 1
                yield f"p{position}", "heading" if isinstance(child, nodes.title) else "text", child

    yield from walk(doctree)


def item_blocks(section: nodes.section) -> Iterator[tuple[str, str, nodes.Element]]:
    item_id = section["ids"][0]
    paragraph = 0
    for child in section.children:
        if not isinstance(child, nodes.Element) or isinstance(child, nodes.Invisible):
            continue
        if any(name in child["classes"] for name in NOT_TEXT):
            continue
        if isinstance(child, nodes.title) or any(name in child["classes"] for name in ITEM_HEAD):
            yield item_id, "item", child
        else:
            paragraph += 1
            yield f"{item_id}.{paragraph}", "item-text", child


def glossary_blocks(glossary: addnodes.glossary) -> Iterator[tuple[str, str, nodes.Element]]:
    """A block per term. Each language sorts its glossary in its own order, but a term's
    anchor is the English term's in every language (``term-brain-gain``): it is the key."""
    for entry in glossary.findall(nodes.definition_list_item):
        term = next(entry.findall(nodes.term), None)
        if term is not None and term["ids"]:
            yield term["ids"][0], "term", entry


def is_untranslated(node: nodes.Element) -> bool:
    return any(UNTRANSLATED in element["classes"] for element in node.findall(nodes.Element))


def mark_blocks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put markers around each block, for the HTML translator to note where its markup lies."""
    if app.builder.name != "html":
        return
    for key, kind, node in list(blocks(doctree)):
        end = block_end(key=key, kind=kind, untranslated=is_untranslated(node))
        end.left_out = [around(control, web_only_start(), web_only_end())
                        for control in list(node.findall(nodes.Element, include_self=False))
                        if any(name in control["classes"] for name in NOT_TEXT)]
        around(node, block_start(), end)


def around(node: nodes.Element, start: nodes.Element, end: nodes.Element) -> nodes.Element:
    """Put two markers around ``node``; the start knows its end, which the writer gives the offsets."""
    start.end = end
    parent = node.parent
    parent.insert(parent.index(node), start)
    parent.insert(parent.index(node) + 1, end)
    return end


def page_data(app: Sphinx, pagename: str, doctree: nodes.document) -> dict[str, Any]:
    """One page of this language as its data file holds it."""
    language = languages.by_sphinx_language(app.config.language)
    found: dict[str, dict[str, Any]] = {}
    for end in doctree.findall(block_end):
        block = found.setdefault(end["key"], {"key": end["key"], "kind": end["kind"], "html": "",
                                               "untranslated": False})
        html = getattr(end, "html", "")
        block["html"] += f'<dl class="glossary">{html}</dl>' if end["kind"] == "term" else html  # a term needs its list
        block["untranslated"] |= end["untranslated"]
    title = next(iter(doctree.findall(nodes.title)), None)
    note = next((node for node in doctree.findall(nodes.container)
                 if "translation-progress" in node["classes"]), None)
    return {
        "language": language.hreflang,
        "direction": language.direction,
        "page": pagename,
        "url": f"{pagename}.html",
        "title": title.astext() if title else "",
        "title_untranslated": bool(title) and UNTRANSLATED in title["classes"],
        "note": note.astext() if note else None,
        "blocks": list(found.values()),
    }


def write_page_data(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: nodes.document | None) -> None:
    if doctree is None or app.builder.name != "html":
        return
    path = Path(app.outdir, DATA, f"{pagename}.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(page_data(app, pagename, doctree), indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")


def reading_order(app: Sphinx) -> list[str]:
    """Every page, as the tables of contents list them from the root page, then any other."""
    env = app.env
    order: list[str] = []

    def visit(docname: str) -> None:
        if docname in order or docname not in env.found_docs:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(app.config.root_doc)
    return order + sorted(env.found_docs - set(order))


def offered_languages(app: Sphinx) -> list[languages.Language]:
    """The published languages, and this one even if it is a preview."""
    current = languages.by_sphinx_language(app.config.language)
    published = app.config.publisher_published_languages  # publisher.extension.switcher
    return [languages.LANGUAGES[code] for code in languages.LANGUAGES
            if code in published or code == current.code]


def side_by_side_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The page that shows two languages side by side, in this language."""
    if app.builder.name != "html":
        return
    _ = labels(app)
    current = languages.by_sphinx_language(app.config.language)
    offered = offered_languages(app)
    others = [language.code for language in offered if language.code != current.code]
    context = {
        "title": _(LABEL),
        "publisher_side_by_side": {
            "language": current.code,
            "default_with": others[0] if others else current.code,
            "pages": [{"name": name, "title": app.env.titles[name].astext()} for name in reading_order(app)],
            "languages": [{"code": language.code, "name": language.name, "hreflang": language.hreflang,
                           "direction": language.direction, "current": language.code == current.code}
                          for language in offered],
            "label": _(LABEL), "label_page": _(LABEL_PAGE), "label_first": _(LABEL_FIRST),
            "label_second": _(LABEL_SECOND), "label_show": _(LABEL_SHOW), "label_needs_js": _(LABEL_NEEDS_JS),
            "label_loading": _(LABEL_LOADING), "label_failed": _(LABEL_FAILED), "label_shown": _(LABEL_SHOWN),
            "label_missing": _(LABEL_MISSING),
        },
    }
    yield PAGE, context, TEMPLATE


def add_switcher_link(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: nodes.document | None) -> None:
    """The language switcher's way to this page beside another language; pages of text only."""
    if doctree is None or app.builder.name != "html":
        return
    to_language_root = "../" * pagename.count("/")
    context["publisher_side_by_side_url"] = f"{to_language_root}{PAGE}.html?page={quote(pagename, safe='/')}"
    context["publisher_label_side_by_side"] = labels(app)(LABEL)


def setup(app: Sphinx) -> dict[str, Any]:
    # Only the HTML builder's pages get markers (mark_blocks): no other format meets them.
    app.add_node(block_start, html=(visit_block_start, None))
    app.add_node(block_end, html=(visit_block_end, None))
    app.add_node(web_only_start, html=(visit_web_only_start, None))
    app.add_node(web_only_end, html=(visit_web_only_end, None))
    # Last: after the items are laid out as sections and the generated tables filled in.
    app.connect("doctree-resolved", mark_blocks, priority=900)
    app.connect("html-page-context", write_page_data)
    app.connect("html-page-context", add_switcher_link)
    app.connect("html-collect-pages", side_by_side_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
