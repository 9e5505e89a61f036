"""The downloads page: every file of the language, with its format and size.

The PDF and the Word file are made after Sphinx has written the site (the Word
file from its pages), so the sizes cannot be known on the first write. Once
every file is made, the build asks Sphinx to write the pages that hold a
downloads list once more, with ``publisher_download_sizes`` on: they are
written with the size of each file as it is in the output folder. Without it
(previews, `nox -s serve`), the list shows no sizes, the same on every build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from publisher.extension.collect import CorpusDomain
from publisher.extension.placeholders import placeholder_directive
from publisher.translations.catalogs import translator
from publisher.translations.i18n import labels
from publisher.content.languages import LANGUAGES, by_sphinx_language
from publisher.content.model import N_
from publisher.content.publication import file_name


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


def fill_list(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _ = labels(app)
    code = by_sphinx_language(app.config.language).code
    to_root = "../" * docname.count("/")
    measured = app.builder.format == "html" and app.config.publisher_download_sizes
    for placeholder in list(doctree.findall(downloads_list)):
        listing = nodes.bullet_list(classes=["downloads"])
        for filename, description in files(code):
            item = nodes.paragraph()
            item += nodes.reference("", filename, refuri=f"{to_root}{filename}")
            item += nodes.Text(f": {_(description)}")
            made = Path(app.outdir, filename)
            if measured and made.is_file():
                item += nodes.Text(" (")
                item += nodes.inline("", human_size(made.stat().st_size, Path(app.srcdir), code),
                                     classes=["download-size", f"size-{css_name(filename)}"])
                item += nodes.Text(")")
            listing += nodes.list_item("", item)
        placeholder.replace_self(listing)


def pages_with_sizes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The documents that hold a downloads list (the corpus's record says): a write with the sizes
    writes them again."""
    if not app.config.publisher_download_sizes:
        return []
    documents = env.get_domain(CorpusDomain.name).documents()
    return sorted(docname for docname, record in documents.items() if record.get("downloads"))


def human_size(size: int, root: Path, code: str) -> str:
    """A file size as a reader of ``code`` writes it: 1.6 MB, 1,6 Mo..."""
    _ = translator(root, LANGUAGES[code].sphinx)
    locale = LANGUAGES[code].hreflang.replace("-", "_").replace("zh_Hans", "zh_Hans_CN")
    if size >= 1_000_000:
        return _("{size} MB").format(size=format_decimal(round(size / 1_000_000, 1), locale=locale))
    return _("{size} kB").format(size=format_decimal(max(1, round(size / 1000)), locale=locale))


SIZE_UNITS = (N_("{size} MB"), N_("{size} kB"))


def setup(app: Sphinx) -> dict[str, Any]:
    # Changing it rewrites no page by itself (rebuild=""): pages_with_sizes names the pages to write.
    app.add_config_value("publisher_download_sizes", False, "", types=frozenset({bool}))
    app.connect("env-get-updated", pages_with_sizes)
    app.add_node(downloads_list)
    app.add_directive("downloads", placeholder_directive(downloads_list))  # this language's files
    app.connect("doctree-resolved", fill_list)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
