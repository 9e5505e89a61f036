"""The HTML that Sphinx writes from a page, with what assistive technology needs.

Sphinx writes a table of contents' caption (the sidebar's and a page's) as
``<p role="heading">`` without a level, which WCAG requires (axe:
aria-required-attr). The sidebar is rendered with this same translator, so
the level is there from the first write: no pass over the written pages.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from publisher.translations.i18n import MarkUntranslated

#: The captions head the lists below the publication's title.
CAPTION_LEVEL = "2"


def is_toctree_caption(node: nodes.Node) -> bool:
    return (isinstance(node, nodes.title) and isinstance(node.parent, addnodes.compact_paragraph)
            and bool(node.parent.get("toctree")))


class Translator(MarkUntranslated):
    """Marks English passages (MarkUntranslated) and gives toctree captions a heading level."""

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if is_toctree_caption(node):
            attributes.setdefault("aria-level", CAPTION_LEVEL)
        return super().starttag(node, tagname, suffix, empty, **attributes)


def setup(app: Sphinx) -> dict[str, Any]:
    app.set_translator("html", Translator)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
