"""Write the items and their coverage as data beside the HTML: items.csv, coverage.json.

needs.json, the third export, is written by sphinx-needs itself.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from . import coverage, model
from .collect import CorpusDomain
from .i18n import labels

COLUMNS = ["id", "type", "type_name", "title", "section", "section_name", "status", "status_name",
           "implements", "implemented_by", "url", "source"]


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    corpus = app.env.get_domain(CorpusDomain.name).corpus()
    outdir = Path(app.outdir)
    _ = labels(app)
    items = [item for item in corpus.items if item.id]
    implemented_by = corpus.implemented_by()

    with (outdir / "items.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(COLUMNS)
        for item in items:
            section = item.fields.get("section", "")
            writer.writerow([
                item.id, item.type, _(model.ITEM_TYPES[item.type].title), item.title,
                section, _(model.SECTIONS.get(section, section)) if section else "",
                item.status, _(model.STATUSES.get(item.status or "", item.status or "")),
                " ".join(item.implements), " ".join(implemented_by.get(item.id, [])),
                app.builder.get_target_uri(item.path.removesuffix(".md")) + f"#{item.id}",
                f"{item.path}:{item.line}",
            ])
    (outdir / "coverage.json").write_text(
        json.dumps(coverage.figures(corpus), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_exports)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
