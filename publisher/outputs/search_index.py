"""Pagefind's index of one language: each item a result of its own, with filters; pages for the rest.

Pages are indexed without their items (``section.item`` is excluded), so a
page is a result only where a word lies outside every item. Each item is
indexed from a small page written for the indexer alone, from its data file
(publisher/outputs/item_api.py), and removed after: its text, its ID and title, its
type and section as metadata, and filters by type, section, understanding and
status, named and valued in the pages' language. The result links to the item
on its page (Pagefind's ``url`` metadata).

Known limit: with filters, Pagefind 1.5.2 writes its filter and metadata files
(``pagefind/filter/*``, ``*.pf_meta``) with different bytes from one run to the
next for the same pages (measured here; upstream Pagefind/pagefind#638 says so
of these files). Everything else the build writes stays the same bytes.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from publisher.content.model import N_
from publisher.tasks.safe_build import guarded

#: The filters, by the names a reader sees (translated in publisher.po).
TYPE, SECTION, UNDERSTANDING, STATUS = N_("Type"), N_("Section"), N_("Understanding"), N_("Status")
#: What a page's article holds that search should not return as the page's: the items (each is
#: a result of its own), and the generated lists and tables that only repeat their IDs and titles.
EXCLUDED = ["section.item", ".headerlink", ".practice-browser", ".practice-facets", ".traceability-matrix",
            ".coverage-sections", ".coverage-understandings"]
#: Where the items' pages for the indexer are written, inside the language's folder, while it runs.
STAGING = "_search_items"

ITEM_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>
<article role="main"><h1 data-pagefind-meta="title">{title}</h1><p>{text}</p>
<div data-pagefind-ignore>{fields}</div></article>
</body></html>
"""


def page_language(site: Path) -> str:
    """The ``lang`` of the language's pages, so that the items join their index."""
    found = re.search(r'<html[^>]*\slang="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return found[1] if found else "en"


def records(site: Path, _) -> list[dict]:
    """What is indexed of each item of the language's data files."""
    index = json.loads((site / "api" / "items.json").read_text(encoding="utf-8"))
    found = []
    for entry in index["items"]:
        item = json.loads((site / "api" / "items" / f"{entry['id']}.json").read_text(encoding="utf-8"))
        understandings = [item] if item["type"]["key"] == "understanding" else item["implements"]
        filters = {
            _(TYPE): [item["type"]["label"]],
            _(STATUS): [item["status"]["label"]],
            _(UNDERSTANDING): [f"{link['id']} {link['title']}" for link in understandings],
        }
        # Pagefind's page shows every metadata field but the title and url as "Name: value".
        meta = {_(TYPE): item["type"]["label"]}
        if item["section"]:
            filters[_(SECTION)] = [item["section"]["label"]]
            meta[_(SECTION)] = item["section"]["label"]
        # Addresses are absolute when the site's is known: the language's folder is what the data file's lacks.
        folder = entry["data"].removesuffix(f"api/items/{item['id']}.json")
        meta["url"] = item["url"].removeprefix(folder)  # from the search page, in the language's folder
        found.append({"id": item["id"], "title": f"{item['id']} {item['title']}", "text": item["text"],
                      "meta": meta, "filters": filters})
    return found


def item_page(record: dict, lang: str) -> str:
    """The page the indexer reads for one item; every value escaped."""
    e = html.escape
    fields = "".join(f'<span data-pagefind-meta="{e(name)}">{e(value)}</span>'
                     for name, value in record["meta"].items())
    fields += "".join(f'<span data-pagefind-filter="{e(name)}">{e(value)}</span>'
                      for name, values in record["filters"].items() for value in values)
    return ITEM_PAGE.format(lang=e(lang), title=e(record["title"]), text=e(record["text"]), fields=fields)


def index_site(site: Path, _=lambda message: message) -> int:
    """Index one language's built pages and items into its pagefind/ folder; Pagefind's exit status."""
    staging = site / STAGING
    staging.mkdir()
    try:
        lang = page_language(site)
        for record in records(site, _):
            (staging / f"{record['id']}.html").write_text(item_page(record, lang), encoding="utf-8")
        return subprocess.run(
            guarded([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind",
                     "--root-selector", "article[role=main]", "--exclude-selectors", ", ".join(EXCLUDED),
                     "--silent"]),
            check=False, env={**os.environ, "RAYON_NUM_THREADS": "1"},
        ).returncode
    finally:
        shutil.rmtree(staging)
