"""Links from one page to items: the one way every page, list and table links to an item."""

from __future__ import annotations

from docutils import nodes
from sphinx.builders import Builder

from publisher.content.items import Item


class ItemLinks:
    """References from the page ``docname`` to items, each target page's address worked out once.

    A matrix or a list of hundreds of links points to a few pages only.
    """

    def __init__(self, builder: Builder, docname: str) -> None:
        self.builder, self.docname = builder, docname
        self._pages: dict[str, str] = {}

    def uri(self, item: Item) -> str:
        """The item's address relative to this page: its page, then its ID as the fragment."""
        if (page := self._pages.get(item.path)) is None:
            page = self._pages[item.path] = self.builder.get_relative_uri(self.docname, item.path.removesuffix(".md"))
        return f"{page}#{item.id}"

    def to(self, item: Item, text: str, title: str | None = None) -> nodes.reference:
        reference = nodes.reference("", text, refuri=self.uri(item), internal=True)
        if title:
            reference["reftitle"] = title
        return reference
