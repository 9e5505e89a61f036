"""Pagefind's index of one language: each item a result of its own, with filters; pages for the rest.

Pages are indexed without their items (``section.item`` is excluded), so a
page is a result only where a word lies outside every item. Each item is then
added as a record of its own, from its data file (publisher/item_api.py): its
ID and title, its text, and filters by type, section, understanding and
status, named and valued in the page's language.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from .model import N_

#: The filters, by the names a reader sees (translated in publisher.po).
TYPE, SECTION, UNDERSTANDING, STATUS = N_("Type"), N_("Section"), N_("Understanding"), N_("Status")
#: What a page's article holds that search should not return as the page's: the items (each is
#: a result of its own), and the generated lists and tables that only repeat their IDs and titles.
EXCLUDED = ["section.item", ".headerlink", ".practice-browser", ".traceability-matrix",
            ".coverage-sections", ".coverage-understandings"]


def page_language(site: Path) -> str:
    """The ``lang`` of the language's pages, as Pagefind reads it, so that items join the same index."""
    found = re.search(r'<html[^>]*\slang="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return found[1].replace("_", "-").lower() if found else "en"  # as Pagefind names the pages' index


def records(site: Path, _) -> list[dict]:
    """One record per item of the language's data files."""
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
        # The text first: a snippet then starts at the words found, not at the title shown above it.
        # Pagefind's page shows every meta field but the title as "Name: value", so names are translated.
        meta = {"title": f"{item['id']} {item['title']}", _(TYPE): item["type"]["label"]}
        if item["section"]:
            filters[_(SECTION)] = [item["section"]["label"]]
            meta[_(SECTION)] = item["section"]["label"]
        # Addresses are absolute when the site's is known: the language's folder is what the data file's lacks.
        folder = entry["data"].removesuffix(f"api/items/{item['id']}.json")
        page = item["url"].removeprefix(folder)
        found.append({"url": f"/{page}", "content": f"{item['text']}\n\n{item['id']} {item['title']}",
                      "meta": meta, "filters": filters})
    return found


async def _index(site: Path, _) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector="article[role=main]", exclude_selectors=EXCLUDED,
                         output_path=str(site / "pagefind"))
    language = page_language(site)
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site))
        for record in records(site, _):
            await index.add_custom_record(language=language, **record)


def index_site(site: Path, _=lambda message: message) -> int:
    """Index one language's built pages and items (written when the index closes); 0 when done."""
    asyncio.run(_index(site, _))
    return 0
