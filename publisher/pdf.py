"""The PDF's Sphinx side: typsphinx configured for one document per language, its output cleaned.

Items reach typsphinx as sections (publisher.layout), never as sphinx-needs'
tables, which it would drop.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

TYPST_BUILDERS = {"typst", "typstpdf"}

# typsphinx imports four packages from the Typst registry into every file; the
# framework uses none of them (no code, maths or callouts), and the build is offline.
_REGISTRY_IMPORTS = re.compile(
    r'^#import "@preview/[^"]+"[^\n]*\n|^#show: codly-init\.with\(\)\n|^#codly\([^\n]*\)\n', re.M
)


def remove_registry_imports(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.name not in TYPST_BUILDERS:
        return
    for typ in Path(app.outdir).rglob("*.typ"):
        text = typ.read_text(encoding="utf-8")
        cleaned = _REGISTRY_IMPORTS.sub("", text)
        if cleaned != text:
            typ.write_text(cleaned, encoding="utf-8")


TEMPLATE = Path(__file__).parent / "typst" / "framework.typ"
MAIN = "framework"  # build/site/<lang>/framework.pdf in every language


def configure_typst(app: Sphinx, config) -> None:
    """One document, the whole framework, with the title in the build's language."""
    config.typst_documents = [(config.root_doc, f"{MAIN}.typ", config.project, config.author, "typst")]
    config.typst_template = str(TEMPLATE)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("typsphinx")
    # After publisher.i18n has translated the title (priority 5).
    app.connect("config-inited", configure_typst, priority=6)
    app.connect("build-finished", remove_registry_imports)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
