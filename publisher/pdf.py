"""Shape the doctree for the PDF (typsphinx's Typst builder) and clean its output.

sphinx-needs lays items out as tables with no columns, which typsphinx drops
with all their text; and it gives an item and its anchor the same ID, a
duplicate label in Typst. For the Typst builder each item becomes a section
instead: a heading with its ID and title (so the PDF outline reaches every
item), a line of fields, its links both ways, and its text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx_needs.nodes import Need

from . import model
from .collect import CorpusDomain
from .i18n import labels

TYPST_BUILDERS = {"typst", "typstpdf"}

# typsphinx imports four packages from the Typst registry into every file; the
# framework uses none of them (no code, maths or callouts), and the build is offline.
_REGISTRY_IMPORTS = re.compile(
    r'^#import "@preview/[^"]+"[^\n]*\n|^#show: codly-init\.with\(\)\n|^#codly\([^\n]*\)\n', re.M
)


def items_as_sections(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name not in TYPST_BUILDERS:
        return
    _ = labels(app)
    corpus = app.env.get_domain(CorpusDomain.name).corpus()
    by_id = {item.id: item for item in corpus.items if item.id}
    implemented_by: dict[str, list[str]] = {}
    for item in by_id.values():
        if item.status != model.WITHDRAWN:
            for target in item.implements:
                implemented_by.setdefault(target, []).append(item.id)

    def link(item_id: str) -> nodes.reference:
        target = by_id[item_id]
        uri = app.builder.get_relative_uri(docname, target.path.removesuffix(".md"))
        return nodes.reference("", f"{item_id} {target.title}", internal=True, refuri=f"{uri}#{item_id}")

    def links_line(label: str, ids: list[str]) -> nodes.paragraph:
        line = nodes.paragraph(classes=["item-links"])
        line += nodes.strong("", f"{_(label)}: ")
        for index, item_id in enumerate(sorted(ids)):
            line += [nodes.Text("; ")] if index else []
            line += link(item_id)
        return line

    for need in list(doctree.findall(Need)):
        item = by_id[need["ids"][0]]
        section = nodes.section(ids=[item.id], classes=["item", item.type])
        section += nodes.title("", f"{item.id} {item.title}")
        fields = [_(model.ITEM_TYPES[item.type].title)]
        if "section" in item.fields:
            fields.append(f"{_('Section')}: {_(model.SECTIONS[item.fields['section']])}")
        fields.append(f"{_('Status')}: {_(model.STATUSES[item.status])}")
        section += nodes.paragraph("", " · ".join(fields), classes=["item-fields"])
        if item.implements:
            section += links_line(model.IMPLEMENTS_LABEL, list(item.implements))
        if implemented_by.get(item.id):
            section += links_line(model.IMPLEMENTED_BY_LABEL, implemented_by[item.id])
        section.extend(need.children)
        twin = need.previous_sibling()
        if isinstance(twin, nodes.target) and twin.get("ids") == need["ids"]:
            twin.parent.remove(twin)
        need.replace_self(section)


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
    # Before sphinx-needs lays out its need nodes (priority 500).
    app.connect("doctree-resolved", items_as_sections, priority=400)
    app.connect("build-finished", remove_registry_imports)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
