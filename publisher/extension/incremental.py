"""Keep an incremental build correct: rewrite the pages that show a changed item.

Sphinx rewrites only the pages it re-read; but a page also shows other pages'
items: each understanding lists the practices that implement it, each link
shows its target's title, and the matrix and coverage pages show everything.
After an edit, those pages are written again from the updated corpus.

An environment collector holds what this needs between Sphinx's events: the
items of each document as they were before Sphinx read it again.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from publisher.content.items import Item
from publisher.extension.collect import CorpusDomain


def shown(item: Item) -> tuple:
    """What other pages show of an item."""
    return item.title, item.status, item.implements, item.path


class ChangedItems(EnvironmentCollector):
    """The items of the documents read again, before and after: the pages that show a changed one."""

    def __init__(self) -> None:
        self.before: dict[str, Item] = {}  # ID -> the item as it was, for each document read again
        self.reread: set[str] = set()

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        # Called before the domain forgets the document: its items are still there.
        document = env.get_domain(CorpusDomain.name).documents().get(docname, {})
        self.before.update((item.id, item) for item in document.get("items", []) if item.id)
        self.reread.add(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str],
                    other: BuildEnvironment) -> None:
        pass  # the items themselves are merged by the domain

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        pass  # the items themselves are noted by their directives

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        before, reread = self.before, self.reread
        self.before, self.reread = {}, set()
        return pages_to_rewrite(env.get_domain(CorpusDomain.name), before, reread)


def pages_to_rewrite(domain: CorpusDomain, before: dict[str, Item], reread: set[str]) -> list[str]:
    documents = domain.documents()
    everything = domain.corpus().by_id()
    after = {item.id: item for docname in reread for item in documents.get(docname, {}).get("items", [])
             if item.id}
    changed = {i for i in before.keys() | after.keys()
               if i not in before or i not in everything or shown(before[i]) != shown(everything[i])}
    if not changed:
        return []
    affected_ids = set(changed)
    for item in (*before.values(), *everything.values()):
        if item.id in changed:
            affected_ids.update(item.implements)  # their "implemented by" lists
        elif changed & set(item.implements):
            affected_ids.add(item.id)  # its links show a changed title
    pages = {item.path for item in (*before.values(), *everything.values()) if item.id in affected_ids}
    docnames = {docname for docname, document in documents.items()
                if document.get("generated") or any(i.path in pages for i in document["items"])}
    return sorted(docnames)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_env_collector(ChangedItems)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
