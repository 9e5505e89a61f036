"""What this publication is, and what its printed forms (PDF and Word) hold.

One place for the facts every output repeats: who made this edition, under
which licence, where the official text is, the downloadable files' names, and
the pages that only make sense on the website.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from urllib.parse import urlsplit

from publisher.content.model import N_

EDITION_NAME = N_("IAMM Open Edition")
EDITORS = N_("the editors of the IAMM Open Edition")
LICENCE = N_("Creative Commons Attribution 4.0 International (CC BY 4.0)")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

#: The moment every generated file claims to be made at, the close of Berne II: the same
#: sources give the same bytes, whenever they are built (PDF, Word, catalog templates).
REPRODUCIBLE_DATE = datetime.datetime(2004, 12, 17, tzinfo=datetime.timezone.utc)
SOURCE_DATE_EPOCH = str(int(REPRODUCIBLE_DATE.timestamp()))

#: What every colophon and footer says, in this order.
STATEMENT = (
    N_("This is the IAMM Open Edition: an independent restatement, in its own words, of the "
       "International Agenda for Migration Management, the framework that States adopted at "
       "the Berne II conference in December 2004. It is not the official text, and neither "
       "the International Organization for Migration (IOM) nor the Berne Initiative wrote "
       "or endorsed it."),
    N_("The official text is the book International Agenda for Migration Management, "
       "published in 2005 in one volume in English, French and Spanish. Ask IOM's "
       "publications service or a library for it."),
    N_("The item IDs (CU_01, EP_001…), the links between practices and understandings, and "
       "each item's status were made by this edition; they are not part of the Agenda."),
)
FOOTER_NOTE = N_("IAMM Open Edition: an independent restatement of the International Agenda for "
                 "Migration Management, not its official text.")
ABOUT = N_("About this edition")
CITATION = N_("Cite as: {edition_name}, {edition}, {id}.")
CITATION_WITH_URL = N_("Cite as: {edition_name}, {edition}, {id}, {url}")
LICENCE_LINE = N_("Text and translations: {licence}, by {editors}. Reuse them freely, naming "
                  "this edition.")

#: The site's pages that a printed edition does not want: their docnames.
WEB_ONLY_PAGES = frozenset({
    "reference/browse", "reference/coverage", "reference/changes", "reference/downloads",
})
#: Sections of printed pages that only make sense on the website (their ids, the same in
#: every language): the landing page's ways in, with its search box and links to web pages.
WEB_ONLY_SECTIONS = frozenset({"ways-in"})
#: The data files beside each language's pages.
DATA_FILES = ("needs.json", "items.csv", "coverage.json")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


#: Arabic's optional vowel marks (harakat). Typst 0.15 writes a wrong text layer for a letter
#: carrying a mark (docs/upstream/typst-arabic-text-layer.md): copied or searched, the word
#: comes out doubled. The PDF sets Arabic without them, as most Arabic print does.
_HARAKAT = re.compile("[\u064b-\u0652]")


def for_print(text: str, code: str) -> str:
    """Text as the PDF of language ``code`` sets it."""
    return _HARAKAT.sub("", text) if code == "ar" else text


def file_name(code: str, suffix: str) -> str:
    """The name of one language's PDF or Word file: iamm-en.pdf."""
    return f"iamm-{code}.{suffix}"


def site_url(base_url: str, code: str, path: str = "") -> str:
    """The absolute address of ``path`` (a page or a file) in one language's folder."""
    return f"{base_url}{code}/{path}" if base_url else ""


def permanent_path(item_id: str) -> str:
    """An item's permanent address in a language's folder: it leads to the latest edition that holds it."""
    return f"items/{item_id}/"


def page_path(from_docname: str, href: str) -> str:
    """Where a relative link of page ``from_docname`` leads, from the language's folder."""
    path = urlsplit(href).path
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_docname), path)) if path else ""


def is_web_only(path: str) -> bool:
    """Whether a page's path (``reference/browse.html``, ``.typ``, ``.md``) is a web-only page."""
    return posixpath.splitext(path)[0] in WEB_ONLY_PAGES


COLOPHON = N_("About this edition")
EDITION_DATE = N_("This file: {edition}.")
WEBSITE = N_("Read it online, in six languages: {url}")
DATA = N_("Every item as data (JSON, CSV):")
DATA_OFFLINE = N_("Every item is also published as data (needs.json, items.csv, coverage.json) "
                  "beside the website's pages.")

#: A paragraph of the colophon: runs of text, each maybe a link.
Run = dict[str, str]


def colophon(_, code: str, base_url: str, edition: str) -> dict:
    """The colophon of the PDF and the Word file, in the language ``_`` translates to.

    Addresses are absolute, built from the site's public address; without one,
    the colophon names the files but links nothing it cannot know.
    """
    paragraphs: list[list[Run]] = [[{"text": _(sentence)}] for sentence in STATEMENT]
    licence = _(LICENCE)
    before, _sep, after = _(LICENCE_LINE).partition("{licence}")
    paragraphs.append([{"text": before.format(editors=_(EDITORS))},
                       {"text": licence, "url": LICENCE_URL},
                       {"text": after.format(editors=_(EDITORS))}])
    paragraphs.append([{"text": _(EDITION_DATE).format(edition=edition)}])
    if base_url:
        home = site_url(base_url, code, "index.html")
        before, _sep, after = _(WEBSITE).partition("{url}")
        paragraphs.append([{"text": before}, {"text": home, "url": home}, {"text": after}])
        data: list[Run] = [{"text": _(DATA) + " "}]
        for index, name in enumerate(DATA_FILES):
            data += [{"text": ", "}] if index else []
            data.append({"text": name, "url": site_url(base_url, code, name)})
        paragraphs.append(data)
    else:
        paragraphs.append([{"text": _(DATA_OFFLINE)}])
    return {"heading": _(COLOPHON), "paragraphs": paragraphs}
