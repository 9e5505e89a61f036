"""Editions in time: which edition a page belongs to, and where the same item is in the others.

The publishing workflow builds the working draft at the site's root and each
released edition, from its own tag and with its own code, under
``editions/<name>/``. An edition's build is told which edition it is
(``publisher_edition``) and which is the latest (``publisher_latest_edition``);
what its pages show comes from those values, so nothing is rewritten after
the build. The editions and the items each holds are read from the
``edition-*`` tags once per build, when the builder starts.
"""

from __future__ import annotations

import os
import shutil
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from publisher.content import changes, editions
from publisher.content.items import Item
from publisher.content.languages import by_sphinx_language
from publisher.content.model import N_
from publisher.extension.collect import corpus_of
from publisher.outputs.files import write_if_changed
from publisher.outputs.made_from import MadeFrom
from publisher.translations.i18n import labels

logger = logging.getLogger(__name__)

OLD_EDITION = N_("You are reading edition {edition}; the latest is {latest}.")
LATEST_EDITION = N_("You are reading edition {edition}, the latest.")
DRAFT = N_("You are reading the working draft; the latest edition is {latest}.")
TO_LATEST = N_("Go to the latest edition")
#: Where the site's root page is, for a reader of an edition.
TO_DRAFT = N_("Go to the working draft")
#: The link a permanent address shows while it leads on (or when the browser does not follow it).
GO_TO_ITEM = N_("Go to {id}")

#: ``<lang>/items/<ID>/``: an item's permanent address. In the working draft it leads to the item
#: in the latest edition that holds it, and to the draft until one does; in an edition, to the
#: edition's own page.
PERMANENT = "items/{id}/index"


@dataclass
class History:
    """The released editions as this build sees them."""

    names: list[str] = field(default_factory=list)  # oldest first
    items: dict[str, dict[str, Item]] = field(default_factory=dict)  # edition -> ID -> item
    current: str | None = None  # the edition this build publishes; None for the working draft
    latest: str | None = None

    def up_to_current(self) -> list[str]:
        """The editions this build's "What changed" page compares: those not later than itself."""
        if self.current in self.names:
            return self.names[: self.names.index(self.current) + 1]
        return list(self.names)

    def holding(self, item_id: str) -> list[str]:
        """The editions, oldest first, that hold ``item_id``."""
        return [name for name in self.names if item_id in self.items.get(name, {})]

    def site_root(self) -> str:
        """The site's root, relative to this build's language folder."""
        return "../../../" if self.current else "../"

    def edition_path(self, name: str, language: str, path: str) -> str:
        """``path`` in edition ``name`` and ``language``, relative to this build's language folder."""
        return f"{self.site_root()}editions/{name}/{language}/{path}"

    def draft_path(self, language: str, path: str) -> str:
        return f"{self.site_root()}{language}/{path}"


_HISTORIES: weakref.WeakKeyDictionary[Sphinx, History] = weakref.WeakKeyDictionary()


def history(app: Sphinx) -> History:
    return _HISTORIES.get(app) or History(current=app.config.publisher_edition)


def read_history(app: Sphinx) -> None:
    """Each edition's items, read from its tag once for the whole build (about 0.3 s an edition for
    the real framework); only the website shows editions, so the PDF's build reads none."""
    if app.builder.format != "html":
        return
    root = Path(app.srcdir)
    names = editions.released(root)
    try:
        items = {name: changes.items_at(root, editions.tag(name)) for name in names}
    except changes.GitError as error:
        logger.warning(f"cannot read the editions: {error}", type="publisher", subtype="editions")
        names, items = [], {}
    latest = app.config.publisher_latest_edition or (names[-1] if names else None)
    _HISTORIES[app] = History(names, items, app.config.publisher_edition, latest)


def banner(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Furo's announcement line, on every page: which edition this is, and the latest."""
    known = history(app)
    if not known.latest:
        return
    _ = labels(app)
    language = by_sphinx_language(app.config.language).code
    to_language_root = "../" * pagename.count("/")
    if known.current is None:
        text = _(DRAFT).format(latest=known.latest)
    elif known.current == known.latest:
        text = _(LATEST_EDITION).format(edition=known.current)
    else:
        text = _(OLD_EDITION).format(edition=known.current, latest=known.latest)
    links = []
    if known.current != known.latest:
        links.append((_(TO_LATEST), to_language_root + known.edition_path(known.latest, language, "index.html")))
    if known.current is not None:
        links.append((_(TO_DRAFT), to_language_root + known.draft_path(language, "index.html")))
    context["publisher_edition_banner"] = {"text": text, "links": links,
                                           "old": known.current not in (None, known.latest)}


def write_permanent_pages(app: Sphinx, exception: Exception | None) -> None:
    """A page per item at its permanent address, which sends the reader on without a script.

    Written from the template directly, not as pages of the site: they have no navigation,
    and the theme's work for each page of the site (its navigation tree) cost 2.7 s a build.
    """
    if exception or app.builder.format != "html":
        return
    pages = list(permanent_pages(app))
    folder = Path(app.outdir) / PERMANENT.split("/", 1)[0]
    if folder.is_dir():  # an item gone from the text leaves no page
        kept = {name.split("/")[1] for name, _context, _template in pages}
        for gone in set(os.listdir(folder)) - kept:
            shutil.rmtree(folder / gone)
    docstitle = app.builder.globalcontext.get("docstitle", "")
    made = MadeFrom(app, "permanent-pages", docstitle)
    outdir = os.fspath(app.outdir)  # strings, not paths: 10,000 pages are checked on every build
    for name, context, template in pages:
        path = os.path.join(outdir, f"{name}.html")
        if made.stale(name, template, sorted(context.items()), missing=not os.path.exists(path)):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_if_changed(Path(path), app.builder.templates.render(template, {**context, "docstitle": docstitle}))
    made.save()


def permanent_pages(app: Sphinx):
    """Each item's permanent page: its name, what its template is given, the template."""
    known = history(app)
    language = by_sphinx_language(app.config.language)
    _ = labels(app)
    to_language_root = "../" * PERMANENT.count("/")
    here = corpus_of(app.env).by_id()
    for item_id, item in sorted(here.items()):
        in_latest = known.items.get(known.latest or "", {}).get(item_id) if known.current is None else None
        if in_latest:
            target = known.edition_path(known.latest, language.code, page_of(in_latest))
        else:
            target = page_of(item)
        yield PERMANENT.format(id=item_id), {
            "publisher_target": to_language_root + target, "publisher_item_id": item_id,
            "publisher_go_to": _(GO_TO_ITEM).format(id=item_id), "publisher_hreflang": language.hreflang,
            "publisher_direction": language.direction,
        }, "item-redirect.html"


def page_of(item: Item) -> str:
    """The address of the item on its page, relative to the language's folder."""
    return f"{item.path.removesuffix('.md')}.html#{item.id}"


def setup(app: Sphinx) -> dict[str, Any]:
    # Set by the publishing workflow for each edition's build, from its environment (conf.py).
    app.add_config_value("publisher_edition", None, "env", types=frozenset({str, type(None)}))
    app.add_config_value("publisher_latest_edition", None, "env", types=frozenset({str, type(None)}))
    app.connect("builder-inited", read_history)
    app.connect("html-page-context", banner)
    app.connect("build-finished", write_permanent_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
