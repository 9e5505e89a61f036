"""Directives that mark where a generated part of a page goes.

A page writes ``{traceability-matrix}`` where the matrix goes; the directive
leaves a node there, and the module that owns the part fills it at
``doctree-resolved``, once every document has been read and the corpus is whole.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


def placeholder_directive(node_class: type[nodes.Element], **attributes: str) -> type[SphinxDirective]:
    """A directive, without arguments or content, that leaves one ``node_class`` node."""

    class Placeholder(SphinxDirective):
        def run(self) -> list[nodes.Node]:
            return [node_class(**attributes)]

    Placeholder.__name__ = f"{node_class.__name__}_directive"
    return Placeholder
