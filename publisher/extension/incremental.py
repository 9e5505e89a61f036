"""Keep an incremental build correct: rewrite the pages that show a changed item.

Sphinx rewrites only the pages it re-read; but a page also shows other pages'
items: each understanding lists the practices that implement it, each link
shows its target's title, and the matrix and coverage pages show everything.
After an edit, those pages are written again from the updated corpus.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from publisher.extension.collect import CorpusDomain
from publisher.content.items import Item

_BEFORE = "_publisher_items_before_read"


def shown(item: Item) -> tuple:
    """What other pages show of an item."""
    return item.title, item.status, item.implements, item.path


def remember_items(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    corpus = env.get_domain(CorpusDomain.name).corpus()
    setattr(app, _BEFORE, {item.id: item for item in corpus.items if item.id})


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before: dict[str, Item] = getattr(app, _BEFORE, {})
    domain = env.get_domain(CorpusDomain.name)
    after = {item.id: item for item in domain.corpus().items if item.id}
    changed = {i for i in before.keys() | after.keys()
               if i not in before or i not in after or shown(before[i]) != shown(after[i])}
    if not changed:
        return []
    affected_ids = set(changed)
    for item in (*before.values(), *after.values()):
        if item.id in changed:
            affected_ids.update(item.implements)  # their "implemented by" lists
        elif changed & set(item.implements):
            affected_ids.add(item.id)  # its links show a changed title
    pages = {item.path for item in (*before.values(), *after.values()) if item.id in affected_ids}
    docnames = {docname for docname, document in domain.data["documents"].items()
                if document.get("generated") or any(i.path in pages for i in document["items"])}
    return sorted(docnames)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", remember_items)
    app.connect("env-get-updated", pages_to_rewrite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
