"""Collect the corpus as Sphinx reads it: items, glossary terms, term references.

The item directives are the publisher's own, and sphinx-needs is used through
its public API only: each directive records the item, then creates its need
with ``sphinx_needs.api.add_need(..., hide=True)``. The need is a real
sphinx-needs need (needs.json, links both ways, schema checks), and
sphinx-needs renders nothing of it: the page shows the item's own node, laid
out by publisher.extension.layout. Why own the directives rather than keep
sphinx-needs' ``NeedDirective``: the publisher must see every item as written,
before sphinx-needs may drop one (a bad or duplicate ID leaves a need out of
every output), give sphinx-needs the translated title, and lay items out as
sections. Doing that around sphinx-needs' directive meant subclassing it,
re-registering it after sphinx-needs' own ``config-inited`` handler, taking its
``Need`` nodes before its ``doctree-resolved`` handler and removing the anchor
it adds: four dependencies on its internals and its event priorities.

The directives are registered in Sphinx's standard domain, whose directives
Sphinx looks up before the ones docutils holds: sphinx-needs still registers
its own directive under each type's name, and the publisher's is the one
a page uses, whatever order the extensions run in.

The corpus is kept per document in a domain (as ``sphinx.ext.todo`` keeps its
entries), so that parallel and incremental builds agree, and assembled once
per build: every consumer reads the same :class:`Corpus` object.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import get_node_line
from sphinx_needs.api import InvalidNeedException, add_need

from publisher.content import model, sources
from publisher.content.glossary import normalise
from publisher.content.items import Corpus, Item, Place, split_ids

logger = logging.getLogger(__name__)


class item_node(nodes.General, nodes.Element):
    """An item's text where it was written; publisher.extension.layout makes it a section."""


class CorpusDomain(Domain):
    """The corpus per document, kept so that incremental and parallel builds agree."""

    name = "framework_corpus"
    label = "Framework corpus"
    # docname -> {"items": [Item], "terms": [(term, Place)], "references": [(term, Place)], ...}
    initial_data: dict[str, Any] = {"documents": {}}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._corpus: Corpus | None = None  # the assembled corpus, until a document changes

    def document(self, docname: str) -> dict[str, list]:
        """The record of ``docname``, to add to as it is read."""
        self._corpus = None
        return self.data["documents"].setdefault(
            docname, {"items": [], "terms": [], "references": [], "raw_html": [], "refused": [],
                      "generated": False, "downloads": False, "written": []}
        )

    def documents(self) -> dict[str, dict[str, Any]]:
        """Every document's record, to read."""
        return self.data["documents"]

    def clear_doc(self, docname: str) -> None:
        self._corpus = None
        self.data["documents"].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        self._corpus = None
        for docname in docnames:
            if docname in otherdata["documents"]:
                self.data["documents"][docname] = otherdata["documents"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Note the glossary terms it defines and refers to, and whether it shows generated tables
        or the list of downloads."""
        from publisher.extension.downloads import downloads_list
        from publisher.extension.generated_pages import generated_table

        record = self.document(docname)
        path = source_path(env, docname)
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
        # The items as written, to hold against those the build read (publisher.extension.enforce).
        record["written"] = list(sources.parse(text, path))
        for glossary in document.findall(addnodes.glossary):
            lines = text.splitlines()
            for term in glossary.findall(nodes.term):
                line = _term_line(lines, term.astext(), get_node_line(term))
                record["terms"].append((normalise(term.astext()), Place(path, line)))
        for reference in document.findall(addnodes.pending_xref):
            if reference.get("reftype") == "term":
                line = get_node_line(reference)
                record["references"].append((normalise(reference["reftarget"]), Place(path, line)))
        # A page whose tables show the whole framework: any edit rewrites it (publisher.extension.incremental).
        record["generated"] = any(True for _ in document.findall(generated_table))
        # A page that lists the downloads: the write with their sizes rewrites it (publisher.extension.downloads).
        record["downloads"] = any(True for _ in document.findall(downloads_list))

    def written(self) -> dict[str, list[Item]]:
        """The items as written in each document's source, by its path."""
        return {source_path(self.env, docname): document.get("written", [])
                for docname, document in self.data["documents"].items()}

    def corpus(self) -> Corpus:
        """The whole corpus, documents in name order, each in reading order: made once per build.

        The same object until a document is read or removed again; read it, never change it.
        """
        if self._corpus is None:
            corpus = Corpus()
            for docname in sorted(self.data["documents"]):
                document = self.data["documents"][docname]
                corpus.items.extend(document["items"])
                for term, place in document["terms"]:
                    corpus.terms.setdefault(term, place)
                corpus.term_references.extend(document["references"])
                corpus.raw_html.extend(document["raw_html"])
                corpus.refused.extend(document.get("refused", []))
            self._corpus = corpus
        return self._corpus


def corpus_of(env: BuildEnvironment) -> Corpus:
    """This build's corpus: every consumer gets the same object."""
    return env.get_domain(CorpusDomain.name).corpus()


def source_path(env: BuildEnvironment, docname: str) -> str:
    return Path(env.doc2path(docname)).relative_to(env.srcdir).as_posix()


class AnyOption(dict):
    """Accept every option: a misspelt one is reported by publisher.content.rules, with its fix."""

    def __bool__(self) -> bool:
        return True

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str):
        return directives.unchanged


class ItemDirective(SphinxDirective):
    """``{understanding}`` and ``{practice}``: note the item as written, make it a need, keep its text."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()
    #: sphinx-needs' add_need takes the application, which Sphinx 9 no longer gives a directive
    #: (``env.app`` is deprecated): each application registers a class bound to itself.
    app: Sphinx

    def run(self) -> list[nodes.Node]:
        from publisher.translations.i18n import translate_body, translate_title

        _, line = self.get_source_info()
        docname = self.env.docname
        title, title_translated = translate_title(self.env, docname, " ".join(self.arguments))
        text = "\n".join(self.content).strip()
        reader_text, text_translated = translate_body(self.env, docname, text)
        item = Item(
            type=self.name.removeprefix("std:"),
            id=self.options.get("id") or None,
            title=title,
            title_translated=title_translated,
            path=source_path(self.env, docname),
            line=line or self.lineno,
            fields={k: self.options[k] or "" for k in ("section", "status") if k in self.options},
            implements=split_ids(self.options.get(model.IMPLEMENTS)),
            text=text,
            options=tuple(self.options),
            reader_text=reader_text,
            text_translated=text_translated,
        )
        self.env.get_domain(CorpusDomain.name).document(docname)["items"].append(item)
        node = item_node(item_type=item.type, item_id=item.id or "")
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        need = self.need(item, line or self.lineno)
        if need is None or "hide" in self.options:
            # Refused by sphinx-needs, and so by the build; or hidden by its editor, as a need can be.
            return need or []
        return [*need, node]

    def need(self, item: Item, line: int) -> list[nodes.Node] | None:
        """The item as a sphinx-needs need, which sphinx-needs keeps and does not render; None if refused."""
        declared = NEED_OPTIONS[item.type]
        fields = {name: self.options[name] or "" for name in declared if name in self.options}
        try:
            return add_need(
                self.app, self.state, self.env.docname, line, item.type, item.title,
                id=item.id, content=item.text, lineno_content=self.content_offset + 1, hide=True,
                **fields,
            )
        except InvalidNeedException as error:
            # sphinx-needs' words and warning type, as its own directive reports them.
            logger.warning("Need could not be created: %s", error.message,
                           location=self.get_location(), type="needs", subtype="create_need")
            return None


#: The options each item type hands to sphinx-needs: its own fields and links, and the
#: common ones that mean something here. Any other is reported by publisher.content.rules.
NEED_OPTIONS = {
    name: {"status", "tags"} | {field for entry in model.NEEDS_TYPES if entry["directive"] == name
                                for field in (*entry.get("fields", {}), *entry.get("links", {}))}
    for name in model.ITEM_TYPES
}


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
    app.add_node(item_node)
    bound = type("ItemDirective", (ItemDirective,), {"app": app})
    for name in model.ITEM_TYPES:
        app.add_directive_to_domain("std", name, bound)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
