"""The site's "What changed" page: the item changelog since the latest edition.

The page's Markdown is completed as it is read, so its headings and redlines
are ordinary MyST.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from publisher.content import changes
from publisher.translations.i18n import labels
from publisher.content.model import N_

logger = logging.getLogger(__name__)

PAGE = "reference/changes"
EDITION_TAGS = "edition-*"

NO_EDITION = N_(
    "No edition has been released yet. From the first release on, this page "
    "lists every item added, withdrawn, retitled or changed since the latest edition."
)
NO_HISTORY = N_("The revision history is not available in this copy of the sources.")


def latest_edition(root: Path) -> str | None:
    result = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", "--match", EDITION_TAGS],
        cwd=root, capture_output=True, text=True, check=False,
    )
    return result.stdout.strip() or None


def changelog(root: Path, base: str | None, _=lambda message: message) -> str:
    if not (root / ".git").exists() and base is None:
        return _(NO_HISTORY)
    base = base or latest_edition(root)
    if base is None:
        return _(NO_EDITION)
    old, new = changes.items_at(root, base), changes.items_at(root, changes.WORKING_TREE)
    body = changes.to_markdown(changes.compare(old, new, changes.MYST), base, "", changes.MYST, _)
    # The page has its own title; say what it compares with instead.
    return _("Compared with **{base}**.").format(base=base) + "\n" + body.split("\n", 1)[1]


def complete_page(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != PAGE:
        return
    try:
        text = changelog(Path(app.srcdir), app.config.publisher_changes_since, labels(app))
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
