"""The site's "What changed" page: the item changelog from each edition to the next.

Newest first: the working draft compared with the latest edition, then each
edition compared with the one before (an edition's own build stops at itself).
The page's Markdown is completed as it is read, so its headings and redlines
are ordinary MyST.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from publisher.content import changes
from publisher.content.editions import EDITION
from publisher.extension import editions
from publisher.translations.catalogs import translator
from publisher.translations.i18n import labels
from publisher.content.model import N_

logger = logging.getLogger(__name__)

PAGE = "reference/changes"

NO_EDITION = N_(
    "No edition has been released yet. From the first release on, this page "
    "lists every item added, withdrawn, retitled or changed since the latest edition."
)
NO_HISTORY = N_("The revision history is not available in this copy of the sources.")
DRAFT_SINCE = N_("Working draft compared with edition {name}")
EDITION_SINCE = N_("Edition {new} compared with edition {old}")
ENGLISH_REDLINES = N_("The titles are shown in this language where they are translated; the changes to "
                      "the text are marked in the English text, which is the reference.")
FIRST_EDITION = N_("The first edition: there is no earlier one to compare it with.")


def changelog(root: Path, base: str, _=lambda message: message) -> str:
    """The changes from ``base``, any revision, to the working tree."""
    old, new = changes.items_at(root, base), changes.items_at(root, changes.WORKING_TREE)
    body = changes.to_markdown(changes.compare(old, new, changes.MYST), base, "", changes.MYST, _)
    # The page has its own title; say what it compares with instead.
    return _("Compared with **{base}**.").format(base=base) + "\n" + body.split("\n", 1)[1]


def translated_title(root: Path, language: str | None):
    """An item's title in the page's language, from the catalog of the page that holds it.

    A title an edition had and the text no longer has has no translation: it stays as written.
    """
    def title_of(item) -> str:
        return translator(root, language, item.path.removesuffix(".md"))(item.title)

    return title_of


def edition_changes(root: Path, known: editions.History, _=lambda message: message,
                    language: str | None = None) -> str:
    """A section per comparison, newest first, each with a subsection per kind of change."""
    shown = known.up_to_current()
    if not shown:
        return _(NO_HISTORY) if not (root / ".git").exists() else _(NO_EDITION)

    title_of = translated_title(root, language)

    def section(title: str, old: dict, new: dict) -> str:
        found = changes.compare(old, new, changes.MYST)
        body = changes.to_markdown(found, "", "", changes.MYST, _, level=2, counts=False, title_of=title_of)
        return f"## {title}\n\n" + body.split("\n", 1)[1]

    sections = []
    if known.current is None:
        sections.append(section(_(DRAFT_SINCE).format(name=shown[-1]), known.items[shown[-1]],
                                changes.items_at(root, changes.WORKING_TREE)))
    for older, newer in reversed(list(zip(shown, shown[1:]))):
        sections.append(section(_(EDITION_SINCE).format(new=newer, old=older), known.items[older],
                                known.items[newer]))
    sections.append(f"## {_(EDITION).format(name=shown[0])}\n\n{_(FIRST_EDITION)}\n")
    note = [_(ENGLISH_REDLINES) + "\n"] if language and language != "en" else []
    return "\n".join(note + sections)


def complete_page(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != PAGE:
        return
    try:
        if app.config.publisher_changes_since:  # one comparison, with a revision an editor names
            text = changelog(Path(app.srcdir), app.config.publisher_changes_since, labels(app))
        else:
            text = edition_changes(Path(app.srcdir), editions.history(app), labels(app), app.config.language)
    except changes.GitError as error:
        logger.warning(f"cannot list the changes: {error}; set publisher_changes_since to a revision "
                       "that exists", location=docname, type="publisher", subtype="changes")
        text = labels(app)(NO_HISTORY)
    source[0] += "\n\n" + text + "\n"


class deleted(nodes.inline):
    """Words a change took out."""


class inserted(nodes.inline):
    """Words a change put in."""


def redline_role(node_class: type[nodes.inline]):
    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        return [node_class(rawtext, text, classes=[node_class.__name__])], []
    return role


def visit_html(tag: str):
    def visit(self, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, tag, ""))

    def depart(self, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>")

    return visit, depart


def setup(app: Sphinx) -> dict[str, Any]:
    # Other formats show the words as plain inline text.
    app.add_node(deleted, html=visit_html("del"))
    app.add_node(inserted, html=visit_html("ins"))
    app.add_role("del", redline_role(deleted))
    app.add_role("ins", redline_role(inserted))
    app.add_config_value("publisher_changes_since", None, "env", types=(str, type(None)))
    app.connect("source-read", complete_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
