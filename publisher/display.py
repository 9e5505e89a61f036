"""Show items as readers expect: field values by name, withdrawn items marked.

sphinx-needs renders ``section: human-rights``; readers see
``Section: Protection of migrants' human rights``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from . import model
from .i18n import labels

LABELS = {
    "section": (model.N_("Section"), model.SECTIONS),
    "status": (model.N_("Status"), model.STATUSES),
}


def mark_withdrawn(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give a withdrawn item's box the class ``withdrawn``, for the stylesheet."""
    for container in doctree.findall(nodes.inline):
        if "needs_status" in container["classes"] and container.astext().endswith(model.WITHDRAWN):
            box = container.parent
            while box is not None and not isinstance(box, nodes.table):
                box = box.parent
            if box is not None:
                box["classes"].append(model.WITHDRAWN)


def label_field_values(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _ = labels(app)
    for field, (label, values) in LABELS.items():
        for container in doctree.findall(nodes.inline):
            if f"needs_{field}" not in container["classes"]:
                continue
            for part in container.findall(nodes.inline):
                if "needs_label" in part["classes"]:
                    part.children = [nodes.Text(f"{_(label)}: ")]
                elif "needs_data" in part["classes"]:
                    value = part.astext()
                    part.children = [nodes.Text(_(values.get(value, value)))]


def add_stylesheet(app: Sphinx) -> None:
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))
    app.add_css_file("publisher.css")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", add_stylesheet)
    # After sphinx-needs has laid out the items (its handlers run at priority 500).
    app.connect("doctree-resolved", mark_withdrawn, priority=600)
    app.connect("doctree-resolved", label_field_values, priority=610)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
