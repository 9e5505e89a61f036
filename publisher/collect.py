"""Record every item as its directive is read, before sphinx-needs may drop it.

sphinx-needs silently leaves a need with a bad or duplicate ID out of every
output; recording the directive first lets the rules see and report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx_needs.directives.need import NeedDirective

from . import model
from .items import Item, split_ids


class ItemsDomain(Domain):
    """The items of each document, kept so incremental and parallel builds agree."""

    name = "framework_items"
    label = "Framework items"
    initial_data: dict[str, Any] = {"written": {}}  # docname -> [(Item, options)]

    @property
    def written(self) -> dict[str, list[tuple[Item, tuple[str, ...]]]]:
        return self.data["written"]

    def note(self, docname: str, item: Item, options: Iterable[str]) -> None:
        self.written.setdefault(docname, []).append((item, tuple(options)))

    def clear_doc(self, docname: str) -> None:
        self.written.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["written"]:
                self.written[docname] = otherdata["written"][docname]

    def in_source_order(self) -> list[tuple[Item, tuple[str, ...]]]:
        return [entry for docname in sorted(self.written) for entry in self.written[docname]]


class RecordingNeedDirective(NeedDirective):
    """sphinx-needs' directive, noting the item as written before creating the need."""

    def run(self):
        _, line = self.get_source_info()
        path = Path(self.env.doc2path(self.env.docname)).relative_to(self.env.srcdir)
        item = Item(
            type=self.name,
            id=self.options.get("id") or None,
            title=" ".join(self.arguments),
            path=path.as_posix(),
            line=line or self.lineno,
            fields={k: self.options[k] or "" for k in ("section", "status") if k in self.options},
            implements=split_ids(self.options.get(model.IMPLEMENTS)),
            text="\n".join(self.content).strip(),
        )
        domain = self.env.get_domain(ItemsDomain.name)
        domain.note(self.env.docname, item, self.options)
        return super().run()


def record_item_directives(app: Sphinx, config: Config) -> None:
    for name in model.ITEM_TYPES:
        app.add_directive(name, RecordingNeedDirective, override=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(ItemsDomain)
    # After sphinx-needs registered its directives for the need types (priority 500).
    app.connect("config-inited", record_item_directives, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
