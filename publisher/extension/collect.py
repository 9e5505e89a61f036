"""Collect the corpus as Sphinx reads it: items, glossary terms, term references.

Items are recorded as their directive runs, before sphinx-needs may drop one
(a bad or duplicate ID leaves a need out of every output): the rules see and
report it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import get_node_line
from sphinx_needs.directives.need import NeedDirective

from publisher.content import model
from publisher.content.glossary import normalise
from publisher.content.items import Corpus, Item, Place, split_ids


class CorpusDomain(Domain):
    """The corpus per document, kept so that incremental and parallel builds agree."""

    name = "framework_corpus"
    label = "Framework corpus"
    # docname -> {"items": [Item], "terms": [(term, Place)], "references": [(term, Place)]}
    initial_data: dict[str, Any] = {"documents": {}}

    def document(self, docname: str) -> dict[str, list]:
        return self.data["documents"].setdefault(
            docname, {"items": [], "terms": [], "references": [], "raw_html": [], "refused": [],
                      "generated": False}
        )

    def clear_doc(self, docname: str) -> None:
        self.data["documents"].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["documents"]:
                self.data["documents"][docname] = otherdata["documents"][docname]

    def corpus(self) -> Corpus:
        """The whole corpus, documents in name order, each in reading order."""
        corpus = Corpus()
        for docname in sorted(self.data["documents"]):
            document = self.data["documents"][docname]
            corpus.items.extend(document["items"])
            for term, place in document["terms"]:
                corpus.terms.setdefault(term, place)
            corpus.term_references.extend(document["references"])
            corpus.raw_html.extend(document["raw_html"])
            corpus.refused.extend(document.get("refused", []))
        return corpus


def source_path(env: BuildEnvironment, docname: str) -> str:
    return Path(env.doc2path(docname)).relative_to(env.srcdir).as_posix()


class RecordingNeedDirective(NeedDirective):
    """sphinx-needs' directive, noting the item as written before creating the need."""

    def run(self):
        from publisher.translations.i18n import translate_body, translate_title

        _, line = self.get_source_info()
        title, title_translated = translate_title(self.env.app, self.env.docname, " ".join(self.arguments))
        self.arguments = [title] if title else []
        text = "\n".join(self.content).strip()
        reader_text, text_translated = translate_body(self.env.app, self.env.docname, text)
        item = Item(
            type=self.name,
            id=self.options.get("id") or None,
            title=title,
            title_translated=title_translated,
            path=source_path(self.env, self.env.docname),
            line=line or self.lineno,
            fields={k: self.options[k] or "" for k in ("section", "status") if k in self.options},
            implements=split_ids(self.options.get(model.IMPLEMENTS)),
            text=text,
            options=tuple(self.options),
            reader_text=reader_text,
            text_translated=text_translated,
        )
        self.env.get_domain(CorpusDomain.name).document(self.env.docname)["items"].append(item)
        return super().run()


def record_item_directives(app: Sphinx, config: Config) -> None:
    for name in model.ITEM_TYPES:
        app.add_directive(name, RecordingNeedDirective, override=True)


def record_generated(app: Sphinx, doctree: nodes.document) -> None:
    """Note a page whose tables show the whole framework: any edit rewrites it."""
    from publisher.extension.generated_pages import generated_table

    if any(True for _ in doctree.findall(generated_table)):
        app.env.get_domain(CorpusDomain.name).document(app.env.docname)["generated"] = True


def record_glossary(app: Sphinx, doctree: nodes.document) -> None:
    """Note the terms this document defines and the terms it refers to."""
    env = app.env
    path = source_path(env, env.docname)
    document = env.get_domain(CorpusDomain.name).document(env.docname)
    for glossary in doctree.findall(addnodes.glossary):
        lines = Path(env.doc2path(env.docname)).read_text(encoding="utf-8").splitlines()
        for term in glossary.findall(nodes.term):
            line = _term_line(lines, term.astext(), get_node_line(term))
            document["terms"].append((normalise(term.astext()), Place(path, line)))
    for reference in doctree.findall(addnodes.pending_xref):
        if reference.get("reftype") == "term":
            line = get_node_line(reference)
            document["references"].append((normalise(reference["reftarget"]), Place(path, line)))


def _term_line(lines: list[str], term: str, directive_line: int) -> int:
    """The line a glossary term is written on.

    MyST gives every term of a glossary the line of the directive itself.
    """
    for number in range(directive_line, len(lines) + 1):
        if lines[number - 1].strip() == term:
            return number
    return directive_line


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(CorpusDomain)
    # After sphinx-needs registered its directives for the need types (priority 500).
    app.connect("config-inited", record_item_directives, priority=900)
    app.connect("doctree-read", record_glossary)
    app.connect("doctree-read", record_generated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 3}
