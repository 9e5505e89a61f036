"""Search is Pagefind's (publisher/tasks/build.py indexes each language's pages).

Sphinx's own index is not built: its stemmer knows no Arabic and it indexes no
Chinese words, and it took a fifth of a language's build.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def skip_sphinx_index(app: Sphinx) -> None:
    if hasattr(app.builder, "search"):
        app.builder.search = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", skip_sphinx_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
