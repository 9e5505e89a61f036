"""The framework as an editable Word document, made with pandoc from the built site.

Every page of the site, in reading order, becomes one document: headings stay
headings (Word's Heading styles, so the navigation pane works), each item's
heading keeps its ID, and links between pages become links inside the
document.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pypandoc
from bs4 import BeautifulSoup

from .languages import LANGUAGES

ITEM_ID = re.compile(r"^(CU|EP)_\d+$")
#: Pages of the site that mean nothing inside the document itself.
WEB_ONLY = {"reference/downloads.html"}
#: The documents' claimed creation time, for reproducible bytes: the close of Berne II.
SOURCE_DATE_EPOCH = "1103241600"


def reading_order(site: Path) -> list[str]:
    """The pages, as the root page's tables of contents list them."""
    index = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    pages = ["index.html"]
    for link in index.select("article .toctree-wrapper a.reference.internal"):
        page = urlsplit(link["href"]).path
        if page and page not in pages and page not in WEB_ONLY:
            pages.append(page)
    return pages


def combined_html(site: Path, code: str, title: str) -> str:
    language = LANGUAGES[code]
    pages = reading_order(site)
    articles = []
    anchors: dict[str, str] = {}  # page -> the id of its first heading's section
    for number, page in enumerate(pages):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article[role=main]")
        for element in article.select("a.headerlink, script, .translation-progress, .toctree-wrapper"):
            element.decompose()
        for element in article.select("[id]"):
            if not ITEM_ID.match(element["id"]) and not element["id"].startswith("term-"):
                element["id"] = f"p{number}-{element['id']}"  # page anchors repeat across pages
        first = article.select_one("section[id]")
        anchors[page] = first["id"] if first else ""
        articles.append((page, article))
    for page, article in articles:
        for link in article.select("a[href]"):
            link["href"] = _internal(link["href"], page, anchors)
    body = "\n".join(str(article) for _, article in articles)
    return (f'<!doctype html><html lang="{language.hreflang}" dir="{language.direction}"><head>'
            f'<meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>')


def _internal(href: str, page: str, anchors: dict[str, str]) -> str:
    """A link to another page of the site, as a link inside the document."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    target = os.path.normpath(os.path.join(os.path.dirname(page), parts.path)) if parts.path else page
    if parts.fragment:
        fragment = parts.fragment
        if not (ITEM_ID.match(fragment) or fragment.startswith("term-")):
            number = list(anchors).index(target) if target in anchors else 0
            fragment = f"p{number}-{fragment}"
        return f"#{fragment}"
    return f"#{anchors.get(target, '')}" if anchors.get(target) else href


def build_docx(site: Path, code: str, title: str, output: Path) -> None:
    language = LANGUAGES[code]
    metadata = [f"--metadata=title:{title}", f"--metadata=lang:{language.hreflang}"]
    if language.direction == "rtl":
        metadata.append("--metadata=dir:rtl")
    # pandoc dates the document and its zip entries by SOURCE_DATE_EPOCH: the same bytes every
    # time. Given to pandoc's process alone: languages are built in parallel threads.
    subprocess.run(
        [pypandoc.get_pandoc_path(), "--from=html", "--to=docx", f"--output={output}", *metadata],
        input=combined_html(site, code, title), text=True, check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
