"""Cite this item: BibTeX, RIS and CSL-JSON per item (Zotero's import formats), and the plain line.

Each citation names this edition (its editors, name, stamp and date), the
item's ID and title, and, when the site's public address is known, the item's
permanent address. The title is this edition's wording, not the Agenda's.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from sphinx.application import Sphinx

from publisher.outputs.files import remove_others, write_if_changed
from publisher.content import model, publication
from publisher.content.myst import visible_text
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.editions import current_edition, edition_line, last_commit_date

#: The files of each item, by format: their folder under api/ and their suffix.
FORMATS = {"bibtex": "bib", "ris": "ris", "csl_json": "json"}
FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl_json": "CSL-JSON"}
#: BibTeX's special characters, as LaTeX writes them.
_BIBTEX_SPECIAL = re.compile(r"[\\{}%&$#_~^]")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def file_path(item_id: str, fmt: str) -> str:
    """Where an item's citation file is, from the language's folder."""
    return f"api/cite/{item_id}.{FORMATS[fmt]}"


def permalink(app: Sphinx, item_id: str) -> str:
    """The item's permanent address, or "" where the site's address is not known."""
    code = by_sphinx_language(app.config.language).code
    return publication.site_url(app.config.publisher_base_url, code, publication.permanent_path(item_id))


def edition_date(root: Path) -> str:
    """The ISO date of this edition: its stamp, or a working draft's last commit; "" if unknown."""
    stamped = current_edition(root)
    return stamped[1] if stamped else last_commit_date(root)


def plain_text(app: Sphinx, item: Item, _) -> str:
    """The citation line every item shows (publisher/extension/layout.py writes it)."""
    from publisher.extension.layout import citation  # sphinx-needs' nodes: only once the extension is set up

    return citation(app, item, _).astext()


def facts(app: Sphinx, item: Item, _) -> dict[str, str]:
    """What every format says, in the build's language."""
    return {
        "key": f"iamm-{item.id}",
        "title": f"{item.id} {item.title}",
        "author": _(model.AUTHOR),
        "container": _(publication.EDITION_NAME),
        "edition": edition_line(Path(app.srcdir), _),
        "date": edition_date(Path(app.srcdir)),
        "url": permalink(app, item.id),
        "language": by_sphinx_language(app.config.language).hreflang,
        "abstract": " ".join(visible_text(item.reader_text or item.text).split()),
        "licence": publication.LICENCE_URL,
    }


def bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m[0], "\\" + m[0]), " ".join(text.split()))


def bibtex(f: dict[str, str]) -> str:
    """A BibLaTeX @online entry; the corporate author in braces, so that it is not split into names."""
    fields = [("title", f"{{{bibtex_value(f['title'])}}}"), ("author", f"{{{bibtex_value(f['author'])}}}"),
              ("organization", bibtex_value(f["container"])), ("version", bibtex_value(f["edition"]))]
    if f["date"]:
        fields += [("date", f["date"]), ("year", f["date"][:4])]
    if f["url"]:
        fields.append(("url", f["url"]))
    fields += [("langid", f["language"]), ("abstract", bibtex_value(f["abstract"])),
               ("note", bibtex_value(f"{f['container']}, {f['edition']}. CC BY 4.0"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{f['key']},\n{body}\n}}\n"


def ris(f: dict[str, str]) -> str:
    """An RIS record (TY ELEC, a web page, as Zotero reads it); one line per tag, no line breaks in values."""
    tags = [("TY", "ELEC"), ("ID", f["key"]), ("TI", f["title"]), ("AU", f["author"]),
            ("T2", f["container"]), ("ET", f["edition"])]
    if f["date"]:
        tags += [("PY", f["date"][:4]), ("DA", f["date"].replace("-", "/"))]
    if f["url"]:
        tags.append(("UR", f["url"]))
    tags += [("LA", f["language"]), ("AB", f["abstract"]), ("N1", f["licence"]), ("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in tags)


def csl_json(f: dict[str, str]) -> list[dict]:
    """A CSL-JSON list of one entry, as citation processors and Zotero read it."""
    entry: dict = {"id": f["key"], "type": "webpage", "title": f["title"], "author": [{"literal": f["author"]}],
                   "container-title": f["container"], "version": f["edition"], "language": f["language"],
                   "abstract": f["abstract"], "license": f["licence"]}
    if f["date"]:
        entry["issued"] = {"date-parts": [[int(part) for part in f["date"].split("-")]]}
    if f["url"]:
        entry["URL"] = f["url"]
    return [entry]


def names(item_id: str) -> list[str]:
    """The names of an item's citation files, in api/cite/."""
    return [f"{item_id}.{suffix}" for suffix in FORMATS.values()]


def present(api: Path) -> list[str]:
    """The citation files there are."""
    return os.listdir(api / "cite") if (api / "cite").is_dir() else []


def write_files(app: Sphinx, items: list[Item], api: Path, _) -> None:
    """api/cite/<ID>.bib, .ris and .json for each item."""
    (api / "cite").mkdir(parents=True, exist_ok=True)
    for item in items:
        f = facts(app, item, _)
        bib, ris_file, csl = (api / "cite" / name for name in names(item.id))
        write_if_changed(bib, bibtex(f))
        write_if_changed(ris_file, ris(f))
        write_if_changed(csl, json.dumps(csl_json(f), indent=2, ensure_ascii=False) + "\n")


def remove_gone(api: Path, items: list[Item]) -> None:
    """Delete the citation files of items no longer in the text."""
    if (api / "cite").is_dir():
        remove_others(api / "cite", {name for item in items for name in names(item.id)})
