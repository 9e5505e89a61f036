"""Generated pages: the traceability matrix and the coverage report.

Each directive leaves a placeholder that is filled once every document has
been read, so the tables always show the whole framework.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from publisher.extension.item_links import ItemLinks
from publisher.extension.placeholders import placeholder_directive
from publisher.content import coverage_figures as coverage
from publisher.content import model
from publisher.extension.collect import corpus_of
from publisher.translations.i18n import labels
from publisher.content.items import Corpus, Item


#: The placeholder of the practice browser's filter box.
FILTER = model.N_("Filter the practices by a word")


class generated_table(nodes.General, nodes.Element):
    """Where a generated table goes; ``kind`` names it."""


class details(nodes.General, nodes.Element):
    """A group a reader opens: <details> on the web."""


class summary(nodes.General, nodes.TextElement):
    """The line that opens a group: <summary>."""


def visit_details(self, node):
    self.body.append(self.starttag(node, "details", ""))


def depart_details(self, node):
    self.body.append("</details>\n")


def visit_summary(self, node):
    self.body.append(self.starttag(node, "summary", ""))


def depart_summary(self, node):
    self.body.append("</summary>\n")


class filter_box(nodes.General, nodes.Element):
    """The box that narrows the practice browser to the practices holding a word: in the page as
    written, so that nothing moves once it has loaded; hidden where no script runs (publisher.css),
    which filters (publisher.js). ``label`` is its placeholder and accessible name."""


def visit_filter_box(self, node):
    self.body.append(self.emptytag(node, "input", "\n", type="search", placeholder=node["label"],
                                   **{"aria-label": node["label"]}))
    raise nodes.SkipNode


def table(headers: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]], classes: list[str],
          first_width: int = 1) -> nodes.table:
    """A docutils table whose cells are text or nodes; the first column heads its row.

    ``first_width`` is the first column's share of the width against 1 for each
    other column (the PDF honours it; the web page sizes columns by content).
    """
    group = nodes.tgroup(cols=len(headers))
    group += [nodes.colspec(colwidth=first_width if index == 0 else 1, stub=index == 0)
              for index in range(len(headers))]
    group += nodes.thead("", nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h in headers)))
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *(entry(cell) for cell in cells))
    group += body
    return nodes.table("", group, classes=classes)


def entry(cell: nodes.Node | str) -> nodes.entry:
    """A cell of text or a node; an empty one holds nothing, not an empty paragraph: the matrix has
    hundreds, which the browser would lay out one by one (a fifth of the matrix page's layout)."""
    if isinstance(cell, str):
        cell = nodes.paragraph(text=cell)
    return nodes.entry("", *([cell] if cell.children else []))


class Filler:
    """Builds the tables for one document, links relative to it."""

    def __init__(self, app: Sphinx, docname: str, corpus: Corpus) -> None:
        self.app, self.docname = app, docname
        self._ = labels(app)
        self.items = [item for item in corpus.items if item.id]
        self.figures = coverage.figures(corpus)
        self._links = ItemLinks(app.builder, docname)

    def link(self, item: Item, text: str | None = None) -> nodes.reference:
        return self._links.to(item, text or item.id, title=item.title)

    def links(self, items: Sequence[Item]) -> nodes.paragraph:
        paragraph = nodes.paragraph()
        for index, item in enumerate(items):
            if index:
                paragraph += nodes.Text(" ")
            paragraph += self.link(item)
        return paragraph

    def understanding_cell(self, item: Item) -> nodes.paragraph:
        return nodes.paragraph("", "", self.link(item), nodes.Text(f" {item.title}"))

    def adopted(self, item_type: str) -> list[Item]:
        return [i for i in self.items if i.type == item_type and i.status != model.WITHDRAWN]

    def matrix(self) -> list[nodes.Node]:
        # One pass over the practices, not one per cell: the matrix has hundreds of cells.
        cells: dict[tuple[str, str], list[Item]] = {}
        for practice in self.adopted(model.PRACTICE.name):
            for understanding_id in dict.fromkeys(practice.implements):  # a repeated link counts once
                cells.setdefault((understanding_id, practice.fields.get("section", "")), []).append(practice)
        rows = []
        for understanding in self.adopted(model.UNDERSTANDING.name):
            rows.append([self.understanding_cell(understanding)] + [
                self.links(cells.get((understanding.id, slug), [])) for slug in model.SECTIONS
            ])
        headers = [self._("Common understanding")] + [self._(title) for title in model.SECTIONS.values()]
        return [table(headers, rows, ["traceability-matrix"], first_width=3)]

    def browser(self) -> list[nodes.Node]:
        practices = self.adopted(model.PRACTICE.name)
        web = self.app.builder.format == "html"

        def group(label: str, members: list[Item]) -> nodes.Node:
            listing = nodes.bullet_list("", *(
                nodes.list_item("", nodes.paragraph("", "", self.link(p), nodes.Text(f" {p.title}")))
                for p in members
            ))
            heading = f"{label} ({len(members)})"
            if web:
                return details("", summary("", heading), listing)
            return nodes.container("", nodes.rubric(text=heading), listing)

        by_section = [
            group(self._(title), [p for p in practices if p.fields.get("section") == slug])
            for slug, title in model.SECTIONS.items()
        ]
        by_understanding = [
            group(f"{u.id} {u.title}", [p for p in practices if u.id in p.implements])
            for u in self.adopted(model.UNDERSTANDING.name)
        ]
        search = [filter_box(label=self._(FILTER), classes=["practice-filter", "web-only"])] if web else []
        return [nodes.container(
            "",
            *search,
            nodes.rubric(text=self._("By thematic section")), *by_section,
            nodes.rubric(text=self._("By common understanding")), *by_understanding,
            classes=["practice-browser"],
        )]

    def coverage(self) -> list[nodes.Node]:
        by_id = {item.id: item for item in self.items}
        understandings = table(
            [self._("Common understanding"), self._("Practices implementing it"), self._("Number")],
            [
                [self.understanding_cell(by_id[item_id]),
                 self.links([by_id[p] for p in entry["practices"]]), str(entry["count"])]
                for item_id, entry in self.figures["understandings"].items()
            ],
            ["coverage-understandings"],
        )
        sections = table(
            [self._("Thematic section"), self._("Number of practices")],
            [[self._(model.SECTIONS[slug]), str(count)] for slug, count in self.figures["sections"].items()],
            ["coverage-sections"],
        )
        withdrawn = [by_id[item_id] for item_id in self.figures["withdrawn"]]
        listing: nodes.Node = (
            nodes.bullet_list("", *(nodes.list_item("", self.understanding_cell(i)) for i in withdrawn))
            if withdrawn else nodes.paragraph(text=self._("No item has been withdrawn."))
        )
        return [
            nodes.rubric(text=self._("Practices per common understanding")), understandings,
            nodes.rubric(text=self._("Practices per thematic section")), sections,
            nodes.rubric(text=self._("Withdrawn items")), listing,
            nodes.rubric(text=self._("The same data, for machines")), self.data_files(),
        ]

    def data_files(self) -> nodes.bullet_list:
        root = self.app.builder.get_relative_uri(self.docname, self.app.config.root_doc)
        base = root.rsplit("/", 1)[0] + "/" if "/" in root else ""
        files = {
            "coverage.json": self._("these coverage figures (JSON)"),
            "needs.json": self._("every item with its links (JSON, sphinx-needs format)"),
            "items.csv": self._("every item with its links (CSV)"),
        }
        return nodes.bullet_list("", *(
            nodes.list_item("", nodes.paragraph("", "", nodes.reference("", name, refuri=base + name),
                                                nodes.Text(f": {description}")))
            for name, description in files.items()
        ))


def fill_generated(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(generated_table))
    if not placeholders:
        return
    filler = Filler(app, docname, corpus_of(app.env))
    for placeholder in placeholders:
        placeholder.replace_self(getattr(filler, placeholder["kind"])())


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(generated_table)
    # Other formats than HTML get rubrics instead (Filler.browser); these never reach them.
    app.add_node(details, html=(visit_details, depart_details))
    app.add_node(summary, html=(visit_summary, depart_summary))
    app.add_node(filter_box, html=(visit_filter_box, None))
    # Every practice, by section and by understanding; understandings as rows, sections as columns;
    # practices per understanding and per section, and the withdrawn items.
    app.add_directive("practice-browser", placeholder_directive(generated_table, kind="browser"))
    app.add_directive("traceability-matrix", placeholder_directive(generated_table, kind="matrix"))
    app.add_directive("coverage-report", placeholder_directive(generated_table, kind="coverage"))
    app.connect("doctree-resolved", fill_generated)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
