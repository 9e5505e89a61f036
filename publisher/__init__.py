"""The framework's publication: its Sphinx extension and command-line tools."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_needs")
    app.setup_extension("publisher.collect")
    app.setup_extension("publisher.enforce")
    app.setup_extension("publisher.display")
    app.setup_extension("publisher.pages")
    app.setup_extension("publisher.export")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
