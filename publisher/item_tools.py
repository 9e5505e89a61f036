"""The line under each item's citation, on the website: cite it as a file, get it as data, suggest a change.

Web-only (class ``web-only``): the PDF is built without it and the Word file
leaves it out (publisher/docx.py).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from . import cite, item_api, suggest
from .export import item_url
from .items import Item
from .model import N_

CITE = N_("Cite it with a reference manager")
DATA = N_("This item as data")
SUGGEST = N_("Suggest a change")
EDIT = N_("Edit on GitHub")
SOURCE = N_("Its source")
CHANGE = N_("Describe a change")
TRANSLATION = N_("Report a translation problem")
#: Where a link opens, for a reader who does not read the link's words: an outside site.
ON_GITHUB = N_("opens GitHub")


def tools(app: Sphinx, docname: str, item: Item, _) -> list[nodes.Node]:
    """The paragraphs of links under the item's citation; none outside the website."""
    if app.builder.format != "html":
        return []
    to_language_root = "../" * docname.count("/")

    def local(text: str, path: str) -> nodes.reference:
        return nodes.reference("", text, refuri=to_language_root + path, classes=["item-file"])

    line = nodes.paragraph(classes=["item-tools", "web-only"])
    line += nodes.strong("", f"{_(CITE)}: ")
    for index, fmt in enumerate(cite.FORMATS):
        line += [nodes.Text(" · ")] if index else []
        line += local(cite.FORMAT_NAMES[fmt], cite.file_path(item.id, fmt))
    line += [nodes.Text(" · "), local(_(DATA) + " (JSON)", item_api.data_path(item.id))]
    found = suggest.links(app, item, item_url(app, item))
    if not found:
        return [line]
    change = nodes.paragraph(classes=["item-suggest", "web-only"])
    change += nodes.strong("", f"{_(SUGGEST)}: ")
    named = [("edit", EDIT), ("source", SOURCE), ("change", CHANGE), ("translation", TRANSLATION)]
    for index, (kind, label) in enumerate((kind, label) for kind, label in named if kind in found):
        change += [nodes.Text(" · ")] if index else []
        change += nodes.reference("", _(label), refuri=found[kind], classes=["external", kind],
                                  reftitle=_(ON_GITHUB))
    return [line, change]
