"""The PDF's Sphinx side: typsphinx configured for one document per language, set for print.

Items reach typsphinx as sections (publisher.extension.layout), never as sphinx-needs'
tables, which it would drop. Before typsphinx writes a page, the page is made
fit for a file that is read away from the site: web-only pages leave the
contents, and every link that would only work on the site becomes absolute
(or plain text when the site's address is unknown).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from publisher.content import publication
from publisher.content.languages import by_sphinx_language

TYPST_BUILDERS = {"typst", "typstpdf"}

def set_for_print(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name not in TYPST_BUILDERS:
        return
    for toctree in doctree.findall(addnodes.toctree):
        toctree["entries"] = [e for e in toctree["entries"] if e[1] not in publication.WEB_ONLY_PAGES]
        toctree["includefiles"] = [f for f in toctree["includefiles"] if f not in publication.WEB_ONLY_PAGES]
    for section in list(doctree.findall(nodes.section)):
        if set(section["ids"]) & publication.WEB_ONLY_SECTIONS:
            # Its tables of contents stay: they say which pages the document includes.
            section.replace_self([child for child in section.children
                                  if any(True for _ in child.findall(addnodes.toctree))])
    code = by_sphinx_language(app.config.language).code
    for reference in list(doctree.findall(nodes.reference)):
        absolute_or_text(reference, docname, app.config.publisher_base_url, code)
    for text in list(doctree.findall(nodes.Text)):
        if (printed := publication.for_print(text, code)) != text:
            text.parent.replace(text, nodes.Text(printed))


def absolute_or_text(reference: nodes.reference, docname: str, base_url: str, code: str) -> None:
    """A link that leads outside the document: absolute on the site, or only its text."""
    refuri = reference.get("refuri", "")
    parts = urlsplit(refuri)
    if parts.scheme:
        if parts.scheme in publication.SAFE_SCHEMES:
            return
        target = ""  # javascript:, file: and the like lead nowhere a reader should go
    elif not refuri or refuri.startswith("#"):
        return
    elif reference.get("internal") and not publication.is_web_only(publication.page_path(docname, refuri)):
        return  # a page of the PDF: typsphinx links it inside the document
    else:
        path = publication.page_path(docname, refuri)
        if reference.get("internal"):  # a page of the site, named by its output file here
            path = posixpath.splitext(path)[0] + ".html"
        target = publication.site_url(base_url, code, path + (f"#{parts.fragment}" if parts.fragment else ""))
    if target:
        reference["refuri"] = target
        reference["internal"] = False
    else:
        reference.replace_self(nodes.inline("", "", *reference.children))


TEMPLATE = Path(__file__).parent / "typst" / "framework.typ"
MAIN = "framework"  # build/site/<lang>/framework.pdf in every language


def configure_typst(app: Sphinx, config) -> None:
    """One document, the whole framework, with the title in the build's language."""
    config.typst_documents = [(config.root_doc, f"{MAIN}.typ", config.project, config.author, "typst")]
    config.typst_template = str(TEMPLATE)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("typsphinx")
    # After publisher.translations.i18n has translated the title (priority 5).
    app.connect("config-inited", configure_typst, priority=6)
    app.connect("doctree-resolved", set_for_print)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
