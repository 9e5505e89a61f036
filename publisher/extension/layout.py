"""Lay out each item as a section with a heading, in every output.

sphinx-needs lays needs out as tables: for a screen reader a table is not a
heading to jump to, and typsphinx drops sphinx-needs' zero-column tables with
all their text. So sphinx-needs renders no item (publisher.extension.collect
makes each need hidden), and each item's own node becomes a section: a heading
with its ID and title (its permalink, its entry in the PDF outline), a line of
fields, its links both ways, and its text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from publisher.extension.item_links import ItemLinks
from publisher.extension import item_tools
from publisher.content import model, publication
from publisher.extension.collect import corpus_of, item_node
from publisher.translations.i18n import UNTRANSLATED, labels
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.editions import edition_line


def items_as_sections(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not any(True for _ in doctree.findall(item_node)):
        return
    _ = labels(app)
    language = by_sphinx_language(app.config.language)
    by_id, implemented_by = corpus_index(app)
    links = ItemLinks(app.builder, docname)

    def link(item_id: str) -> nodes.Node:
        target = by_id.get(item_id)
        if target is None:  # a dead link: the build reports it (publisher.content.rules)
            return nodes.Text(item_id)
        return links.to(target, f"{item_id} {target.title}")

    def links_line(label: str, ids: list[str], kind: str) -> nodes.paragraph:
        line = nodes.paragraph(classes=["item-links", kind])
        line += nodes.strong("", f"{_(label)}{language.colon}")
        for index, item_id in enumerate(sorted(ids)):
            line += [nodes.Text(language.separator)] if index else []
            line += link(item_id)
        return line

    for node in list(doctree.findall(item_node)):
        item = by_id.get(node["item_id"])
        if item is None:  # no ID, or one sphinx-needs refused: the build reports it, no section shows it
            node.parent.remove(node)
            continue
        section = nodes.section(ids=[item.id], classes=["item", item.type, item.status or ""])
        section += heading(item)
        section += fields_line(item, _)
        if app.builder.format == "html":
            section[-1] += copy_link("", _(COPY_LINK), classes=["copy-link", "web-only"])
        section += citation(app, item, _)
        section += item_tools.tools(app, docname, item, _)
        if item.implements:
            section += links_line(model.IMPLEMENTS_LABEL, list(item.implements), "implements")
        if implemented_by.get(item.id):
            section += links_line(model.IMPLEMENTED_BY_LABEL, implemented_by[item.id], "implemented-by")
        section.extend(node.children)
        node.replace_self(section)


def corpus_index(app: Sphinx) -> tuple[dict[str, Item], dict[str, list[str]]]:
    """Items by ID and who implements each, from the build's one corpus."""
    corpus = corpus_of(app.env)
    return corpus.by_id(), corpus.implemented_by()


def citation(app: Sphinx, item: Item, _) -> nodes.paragraph:
    """How to cite the item: this edition, its stamp and date, the ID, the permanent address.

    The title is this edition's wording, not the Agenda's: it is not quoted.
    """
    code = by_sphinx_language(app.config.language).code
    url = publication.site_url(app.config.publisher_base_url, code, publication.permanent_path(item.id))
    words = {"edition_name": _(publication.EDITION_NAME), "edition": edition_line(Path(app.srcdir), _),
             "id": item.id, "url": url}
    line = _(publication.CITATION_WITH_URL if url else publication.CITATION).format(**words)
    return nodes.paragraph("", line, classes=["item-cite"])


def heading(item: Item) -> nodes.title:
    title_classes = ["item-title"] + ([] if item.title_translated else [UNTRANSLATED])
    return nodes.title(
        "", "",
        nodes.inline("", item.id, classes=["item-id"]),
        nodes.Text(" "),
        nodes.inline("", item.title, classes=title_classes),
    )


def fields_line(item: Item, _) -> nodes.paragraph:
    fields = [_(model.ITEM_TYPES[item.type].title)]
    # Unknown values are shown as written: the build reports them (publisher.content.rules).
    if section := item.fields.get("section"):
        fields.append(f"{_('Section')}: {_(model.SECTIONS.get(section, section))}")
    if status := item.status:
        fields.append(f"{_('Status')}: {_(model.STATUSES.get(status, status))}")
    return nodes.paragraph("", " · ".join(fields), classes=["item-fields"])


#: The labels of the fields line, for the translators' catalog.
FIELD_LABELS = (model.N_("Section"), model.N_("Status"))
COPY_LINK = model.N_("Copy link")


class copy_link(nodes.Inline, nodes.TextElement):
    """The button that copies the item's address, at the end of its fields line, on the web only.

    It is in the page as written, so that nothing is laid out again once the page has loaded;
    publisher.css shows it where a script can copy, and publisher.js copies. Web-only: the Word file
    leaves it out (publisher/outputs/docx.py), the page's data too (publisher/extension/side_by_side.py).
    """


def visit_copy_link(self, node: copy_link) -> None:
    self.body.append(self.starttag(node, "button", "", type="button"))


def depart_copy_link(self, node: copy_link) -> None:
    self.body.append("</button>")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(copy_link, html=(visit_copy_link, depart_copy_link))  # no other format meets it
    app.connect("doctree-resolved", items_as_sections)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
