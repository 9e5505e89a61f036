"""The lines under each item's citation, on the website: cite it as a file, get it as data, read it in
the other editions, suggest a change.

Web-only (class ``web-only``): the PDF is built without it and the Word file
leaves it out (publisher/outputs/docx.py).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from publisher.translations import catalogs
from publisher.content import publication
from publisher.outputs import cite, item_api
from publisher.extension import editions, suggest
from publisher.outputs.export import item_url
from publisher.translations.i18n import UNTRANSLATED
from publisher.content.editions import EDITION
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.model import N_

CITE = N_("Cite it with a reference manager")
DATA = N_("This item as data")
SUGGEST = N_("Suggest a change")
EDIT = N_("Edit on GitHub")
SOURCE = N_("Its source")
CHANGE = N_("Describe a change")
TRANSLATION = N_("Report a translation problem")
IN_EDITIONS = N_("In other editions")
#: Where a link opens, for a reader who does not read the link's words: an outside site.
ON_GITHUB = N_("opens GitHub")


def tools(app: Sphinx, docname: str, item: Item, _) -> list[nodes.Node]:
    """The paragraphs of links under the item's citation; none outside the website."""
    if app.builder.format != "html":
        return []
    to_language_root = "../" * docname.count("/")

    def marked(message: str) -> list[str]:
        """The class that marks a label still in English, and announces it so (publisher/translations/i18n.py)."""
        return [] if catalogs.is_translated(Path(app.srcdir), app.config.language, catalogs.DOMAIN,
                                            message) else [UNTRANSLATED]

    def local(text: str, path: str, classes: list[str] = ()) -> nodes.reference:
        return nodes.reference("", text, refuri=to_language_root + path, classes=["item-file", *classes])

    line = nodes.paragraph(classes=["item-tools", "web-only"])
    line += nodes.strong("", "", nodes.inline("", _(CITE), classes=marked(CITE)), nodes.Text(": "))
    for index, fmt in enumerate(cite.FORMATS):
        line += [nodes.Text(" · ")] if index else []
        line += local(cite.FORMAT_NAMES[fmt], cite.file_path(item.id, fmt))
    line += [nodes.Text(" · "), local(_(DATA) + " (JSON)", item_api.data_path(item.id), marked(DATA))]
    lines = [line, *in_other_editions(app, item, to_language_root, _, marked)]
    found = suggest.links(app, item, item_url(app, item))
    if not found:
        return lines
    change = nodes.paragraph(classes=["item-suggest", "web-only"])
    change += nodes.strong("", "", nodes.inline("", _(SUGGEST), classes=marked(SUGGEST)), nodes.Text(": "))
    named = [("edit", EDIT), ("source", SOURCE), ("change", CHANGE), ("translation", TRANSLATION)]
    for index, (kind, label) in enumerate((kind, label) for kind, label in named if kind in found):
        change += [nodes.Text(" · ")] if index else []
        change += nodes.reference("", _(label), refuri=found[kind], classes=["external", kind, *marked(label)],
                                  reftitle=_(ON_GITHUB))
    return [*lines, change]


def in_other_editions(app: Sphinx, item: Item, to_language_root: str, _, marked) -> list[nodes.paragraph]:
    """Links to the item in each other edition that holds it, through that edition's own permalink,
    which finds the item wherever it is in that edition."""
    known = editions.history(app)
    others = [name for name in known.holding(item.id) if name != known.current]
    if not others:
        return []
    language = by_sphinx_language(app.config.language).code
    line = nodes.paragraph(classes=["item-editions", "web-only"])
    line += nodes.strong("", "", nodes.inline("", _(IN_EDITIONS), classes=marked(IN_EDITIONS)), nodes.Text(": "))
    for index, name in enumerate(reversed(others)):  # the latest first
        line += [nodes.Text(" · ")] if index else []
        line += nodes.reference("", _(EDITION).format(name=name), classes=["item-edition", *marked(EDITION)],
                                refuri=to_language_root + known.edition_path(
                                    name, language, publication.permanent_path(item.id)))
    return [line]
