"""The framework's publication: its Sphinx extension and command-line tools.

The command-line tools (``trace``, ``coverage``, ``changes``) need only the
standard library; Sphinx is imported when the extension is set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_needs")
    for module in ("preflight", "collect", "refuse", "enforce", "i18n", "layout", "pages", "export", "changelog_page", "switcher", "theme_strings", "pdf", "downloads", "incremental", "seo", "search", "suggest", "item_api", "facets", "assets"):
        app.setup_extension(f"publisher.{module}")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
