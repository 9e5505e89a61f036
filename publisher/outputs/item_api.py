"""Every item as data, in the language of the build: api/items/<ID>.json and the index api/items.json.

Each file gives what a reader of this language sees of the item (its title and
text, the English of what is not translated yet, named in ``untranslated``), its
section and status with their labels, its links both ways, the edition, its
address and how to cite it. JSON Schemas for both files sit beside them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from publisher.outputs import cite
from publisher.outputs.files import remove_others, write_if_changed
from publisher.outputs.made_from import MadeFrom
from publisher.content import model, publication
from publisher.extension.collect import corpus_of
from publisher.content.myst import visible_text
from publisher.outputs.export import item_url, untranslated
from publisher.translations.i18n import labels
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.editions import edition_line

API = "api"
SCHEMAS = Path(__file__).parent / "schemas"
#: The schemas, beside the files they describe.
SCHEMA_FILES = ("item.schema.json", "items.schema.json", "page.schema.json")  # page: api/pages/, side by side
TYPE_TITLES = {t.name: t.title for t in model.ITEM_TYPES.values()}


def language_url(app: Sphinx, path: str) -> str:
    """``path`` in this language's folder: absolute when the site's address is known."""
    code = by_sphinx_language(app.config.language).code
    return publication.site_url(app.config.publisher_base_url, code, path) or path


def data_path(item_id: str) -> str:
    """Where an item's data file is, from the language's folder."""
    return f"{API}/items/{item_id}.json"


def labelled(key: str | None, names: dict[str, str], _) -> dict[str, str] | None:
    """A closed-list value as data: its key and its label in this language."""
    return {"key": key, "label": _(names.get(key, key))} if key else None


def entry(app: Sphinx, item: Item, _) -> dict[str, Any]:
    """The item as the index lists it; its data file says the same, and more."""
    return {"id": item.id, "type": labelled(item.type, TYPE_TITLES, _), "title": item.title,
            "section": labelled(item.fields.get("section"), model.SECTIONS, _),
            "status": labelled(item.status, model.STATUSES, _), "url": item_url(app, item),
            "data": language_url(app, data_path(item.id))}


def record(app: Sphinx, item: Item, by_id: dict[str, Item], implemented_by: list[str], edition: str,
           _) -> dict[str, Any]:
    """One item as its data file holds it."""

    def link(item_id: str) -> dict[str, str]:
        target = by_id.get(item_id)
        return {"id": item_id, "title": target.title if target else "",
                "url": item_url(app, target) if target else "",
                "data": language_url(app, data_path(item_id)) if target else ""}

    listed = entry(app, item, _)
    return {
        "id": item.id,
        "type": listed["type"],
        "title": item.title,
        "text": visible_text(item.reader_text or item.text),
        "untranslated": untranslated(item),
        "section": listed["section"],
        "status": listed["status"],
        "implements": [link(target) for target in item.implements],
        "implemented_by": [link(source) for source in implemented_by],
        "language": by_sphinx_language(app.config.language).hreflang,
        "edition": edition,
        "url": listed["url"],
        "permalink": cite.permalink(app, item.id) or language_url(app, publication.permanent_path(item.id)),
        "citation": {
            "text": cite.plain_text(app, item, _),
            **{name: language_url(app, cite.file_path(item.id, name)) for name in cite.FORMATS},
        },
        "source": {"path": item.path, "line": item.line},
        "licence": publication.LICENCE_URL,
    }


def write_api(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    _ = labels(app)
    corpus = corpus_of(app.env)
    items = [item for item in corpus.items if item.id]
    by_id = {item.id: item for item in items}
    implemented_by = corpus.implemented_by()
    folder = Path(app.outdir) / API
    (folder / "items").mkdir(parents=True, exist_ok=True)
    remove_others(folder / "items", {f"{item.id}.json" for item in items})  # an item gone from the text leaves no file
    cite.remove_gone(folder, items)
    present = {*os.listdir(folder / "items"), *cite.present(folder)}
    edition = edition_line(Path(app.srcdir), _)
    made = MadeFrom(app, "item-api", edition, cite.edition_date(Path(app.srcdir)))
    index = []
    for item in items:
        sources = implemented_by.get(item.id, [])
        shown = [(by_id[i].title, by_id[i].path) if i in by_id else None for i in (*item.implements, *sources)]
        files = [f"{item.id}.json", *cite.names(item.id)]
        if made.stale(item.id, item, sources, shown, missing=not present.issuperset(files)):
            data = record(app, item, by_id, sources, edition, _)
            write_json(folder / "items" / f"{item.id}.json", data)
            cite.write_files(app, [item], folder, _)
        index.append(entry(app, item, _))
    write_json(folder / "items.json", {
        "language": by_sphinx_language(app.config.language).hreflang,
        "edition": edition,
        "editors": _(publication.EDITORS),
        "licence": publication.LICENCE_URL,
        "count": len(index),
        "items": index,
    })
    for name in SCHEMA_FILES:
        write_if_changed(folder / name, (SCHEMAS / name).read_text(encoding="utf-8"))
    made.save()


def write_json(path: Path, data: Any) -> None:
    write_if_changed(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_api)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
