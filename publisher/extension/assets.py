"""A page loads only the scripts and stylesheets it uses.

sphinx-needs registers jQuery, its collapse script, a JSON viewer and the
styles of its own layouts on every page; Sphinx adds its search and
highlighting scripts, and Furo the styles of extensions this site does not
use. Items are laid out as sections (publisher.extension.layout) and search is
Pagefind's (publisher.outputs.search): a reader would download all of it for nothing,
before the page could paint. Each page's context is filtered as Sphinx builds
it; the files stay in ``_static`` for anyone who links to them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Paths under _static that no page of this site uses, and why.
UNUSED = (
    "jquery.js",  # sphinxcontrib-jquery, for sphinx-needs' own layouts
    "_sphinx_javascript_frameworks_compat.js",  # the same
    "sphinx-needs/",  # need tables, collapse buttons, need layouts: items are sections here
    "sphinx-data-viewer/",  # sphinx-needs' JSON viewer (needs_debug)
    "graphviz.css",  # needflow diagrams: none on this site
    "documentation_options.js",  # read only by Sphinx's own scripts below
    "doctools.js",  # Sphinx's keyboard shortcuts and search helpers
    "sphinx_highlight.js",  # highlights the words of Sphinx's search; Pagefind's does not link so
    "searchtools.js",  # Sphinx's search: Pagefind is the search
    "language_data.js",  # its stemmer
    "translations.js",  # the strings of those scripts, in a translated build
    "styles/furo-extensions.css",  # Furo's styles for Read the Docs ads, copy buttons, sphinx-design, tabs
    "pygments.css",  # code highlighting: the text has no code (publisher.extension.refuse refuses code blocks)
)


def is_unused(filename: str) -> bool:
    return filename.split("?", 1)[0].removeprefix("_static/").startswith(UNUSED)


def keep_used_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: nodes.document | None) -> None:
    # Inline scripts (Furo's colour-scheme switch) have no file name: they stay.
    context["script_files"] = [script for script in context.get("script_files", [])
                               if not is_unused(script.filename or "")]
    context["css_files"] = [sheet for sheet in context.get("css_files", [])
                            if not is_unused(sheet.filename)]


def setup(app: Sphinx) -> dict[str, Any]:
    # Last, after sphinx-needs added its per-page table assets.
    app.connect("html-page-context", keep_used_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
