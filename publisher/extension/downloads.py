"""The downloads page: every file of the language, with its format and size.

The page is written before the PDF and the Word file exist, so it carries a
placeholder for each size; the build fills them in once every file is made.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from publisher.translations.catalogs import translator
from publisher.translations.i18n import labels
from publisher.content.languages import LANGUAGES, by_sphinx_language
from publisher.content.model import N_
from publisher.content.publication import file_name

SIZE_PLACEHOLDER = "…"
_SIZE_SPAN = re.compile(r'<span class="download-size size-(?P<name>[\w-]+)">[^<]*</span>')


def files(code: str) -> list[tuple[str, str]]:
    """Each file a reader can download, with what it is for."""
    return [
        (file_name(code, "pdf"), N_("PDF, to read and print")),
        (file_name(code, "docx"), N_("Word document (DOCX), to edit and comment")),
        ("needs.json", N_("every item with its links, as JSON (sphinx-needs format)")),
        ("items.csv", N_("every item with its links, as a spreadsheet (CSV)")),
        ("coverage.json", N_("the coverage figures, as JSON")),
    ]


def css_name(filename: str) -> str:
    return re.sub(r"[^\w-]", "-", filename)


class downloads_list(nodes.General, nodes.Element):
    """Where the list goes: filled per builder, sizes for the web only."""


class DownloadsDirective(SphinxDirective):
    """``{downloads}``: the list of this language's files."""

    def run(self) -> list[nodes.Node]:
        return [downloads_list()]


def fill_list(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _ = labels(app)
    code = by_sphinx_language(app.config.language).code
    to_root = "../" * docname.count("/")
    web = app.builder.format == "html"
    for placeholder in list(doctree.findall(downloads_list)):
        listing = nodes.bullet_list(classes=["downloads"])
        for filename, description in files(code):
            item = nodes.paragraph()
            item += nodes.reference("", filename, refuri=f"{to_root}{filename}")
            item += nodes.Text(f": {_(description)}")
            if web:
                item += nodes.Text(" (")
                item += nodes.inline("", SIZE_PLACEHOLDER, classes=["download-size", f"size-{css_name(filename)}"])
                item += nodes.Text(")")
            listing += nodes.list_item("", item)
        placeholder.replace_self(listing)


def human_size(size: int, root: Path, code: str) -> str:
    """A file size as a reader of ``code`` writes it: 1.6 MB, 1,6 Mo..."""
    _ = translator(root, LANGUAGES[code].sphinx)
    locale = LANGUAGES[code].hreflang.replace("-", "_").replace("zh_Hans", "zh_Hans_CN")
    if size >= 1_000_000:
        return _("{size} MB").format(size=format_decimal(round(size / 1_000_000, 1), locale=locale))
    return _("{size} kB").format(size=format_decimal(max(1, round(size / 1000)), locale=locale))


def fill_sizes(site: Path, root: Path, code: str) -> None:
    """Put each file's size into the downloads page of ``site`` (one language's folder)."""
    sizes = {css_name(name): (site / name).stat().st_size for name, _ in files(code) if (site / name).exists()}
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "download-size" not in text:
            continue
        filled = _SIZE_SPAN.sub(
            lambda m: m[0].replace(f">{SIZE_PLACEHOLDER}<", f">{html.escape(human_size(sizes[m['name']], root, code))}<")
            if m["name"] in sizes else m[0],
            text,
        )
        page.write_text(filled, encoding="utf-8")


SIZE_UNITS = (N_("{size} MB"), N_("{size} kB"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(downloads_list)
    app.add_directive("downloads", DownloadsDirective)
    app.connect("doctree-resolved", fill_list)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
