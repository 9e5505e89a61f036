"""The items as data beside the HTML, in the language of the build: items.csv, needs.json, coverage.json.

sphinx-needs writes needs.json with the English text and type name of every
item; here each item gets the text and type name a reader of this language
sees (the English of a paragraph not yet translated, named in the item's
``untranslated`` list), and the file says which edition it belongs to.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from publisher.content import coverage_figures as coverage
from publisher.content import model, publication
from publisher.extension.collect import corpus_of
from publisher.translations.i18n import labels
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.editions import edition_line
from publisher.content.myst import visible_text

COLUMNS = [model.N_("ID"), model.N_("Type"), model.N_("Title"), model.N_("Section"), model.N_("Status"),
           model.N_("Implements"), model.N_("Implemented by"), model.N_("Text"),
           model.N_("Shown in English"), model.N_("Address"), model.N_("Source")]
UNTRANSLATED_FIELDS = {"title": model.N_("title"), "content": model.N_("text")}
#: A spreadsheet reads a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
def cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def untranslated(item: Item) -> list[str]:
    """The fields of ``item`` that a reader of this language sees in English."""
    return [field for field, shown in (("title", item.title_translated), ("content", item.text_translated))
            if not shown]


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    corpus = corpus_of(app.env)
    outdir = Path(app.outdir)
    items = [item for item in corpus.items if item.id]
    write_csv(app, items, corpus.implemented_by(), outdir / "items.csv")
    (outdir / "coverage.json").write_text(
        json.dumps(coverage.figures(corpus), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    if (outdir / "needs.json").exists():
        translate_needs_json(app, items, outdir / "needs.json")


def item_url(app: Sphinx, item: Item) -> str:
    page = app.builder.get_target_uri(item.path.removesuffix(".md")) + f"#{item.id}"
    code = by_sphinx_language(app.config.language).code
    return publication.site_url(app.config.publisher_base_url, code, page) or page


def write_csv(app: Sphinx, items: list[Item], implemented_by: dict[str, list[str]], path: Path) -> None:
    _ = labels(app)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow([_(column) for column in COLUMNS])
        for item in items:
            section = item.fields.get("section", "")
            writer.writerow([cell(value) for value in (
                item.id, _(model.ITEM_TYPES[item.type].title), item.title,
                _(model.SECTIONS.get(section, section)) if section else "",
                _(model.STATUSES.get(item.status or "", item.status or "")),
                " ".join(item.implements), " ".join(implemented_by.get(item.id, [])),
                visible_text(item.reader_text or item.text),
                ", ".join(_(UNTRANSLATED_FIELDS[field]) for field in untranslated(item)),
                item_url(app, item), f"{item.path}:{item.line}",
            )])


def translate_needs_json(app: Sphinx, items: list[Item], path: Path) -> None:
    """Give needs.json each item's text in this language, and the edition it belongs to."""
    _ = labels(app)
    data = json.loads(path.read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"]
    for item in items:
        if item.id in needs:
            needs[item.id]["content"] = item.reader_text or item.text
            needs[item.id]["type_name"] = _(model.ITEM_TYPES[item.type].title)
            needs[item.id]["untranslated"] = untranslated(item)
            needs[item.id]["url"] = item_url(app, item)
    data["language"] = by_sphinx_language(app.config.language).hreflang
    data["edition"] = edition_line(Path(app.srcdir), _)
    data["editors"] = _(publication.EDITORS)
    data["license"] = publication.LICENCE_URL
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    # After sphinx-needs has written needs.json: publisher.setup sets sphinx-needs up first, and
    # Sphinx calls the handlers of one event and priority in the order they were connected.
    app.connect("build-finished", write_exports)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
