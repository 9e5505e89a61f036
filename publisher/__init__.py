"""The framework's publication: its Sphinx extension and command-line tools.

Its parts: ``content`` (the model and the rules, standard library only),
``extension`` (the Sphinx side), ``outputs`` (PDF, Word, data, search),
``translations`` (catalogs and their checks) and ``tasks`` (what nox runs
around Sphinx). Sphinx is imported only when the extension is set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_needs")
    for module in ("extension.preflight", "extension.collect", "extension.refuse", "extension.enforce",
                   "translations.i18n", "extension.layout", "extension.generated_pages",
                   "outputs.export", "extension.editions", "extension.changelog_page", "extension.switcher",
                   "extension.html_translator",
                   "outputs.pdf", "extension.downloads", "extension.incremental", "extension.seo",
                   "outputs.search", "extension.suggest", "outputs.item_api", "extension.facets",
                   "extension.assets", "extension.side_by_side"):
        app.setup_extension(f"publisher.{module}")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
