"""Show an item's field values as a reader names them, not as editors key them.

sphinx-needs renders ``section: human-rights``; readers see
``Section: Protection of migrants' human rights``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from . import model

LABELS = {
    "section": ("Section", model.SECTIONS),
    "status": ("Status", model.STATUSES),
}


def label_field_values(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for field, (label, values) in LABELS.items():
        for container in doctree.findall(nodes.inline):
            if f"needs_{field}" not in container["classes"]:
                continue
            for part in container.findall(nodes.inline):
                if "needs_label" in part["classes"]:
                    part.children = [nodes.Text(f"{label}: ")]
                elif "needs_data" in part["classes"]:
                    value = part.astext()
                    part.children = [nodes.Text(values.get(value, value))]


def setup(app: Sphinx) -> dict[str, Any]:
    # After sphinx-needs has laid out the items (its handlers run at priority 500).
    app.connect("doctree-resolved", label_field_values, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
