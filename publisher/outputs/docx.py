"""The framework as an editable Word document, made with pandoc from the built site.

Every page of the printed edition, in reading order, becomes one document:
headings stay headings (Word's Heading styles, so the navigation pane works),
each item's heading keeps its ID, links between pages become links inside the
document, and every other link is absolute (or plain text where the site's
address is unknown), so that the file works wherever it is opened.

Why from the built pages and not from Sphinx's ``singlehtml`` builder, which
also gives one file in reading order: it is a third Sphinx process per
language, measured at 5.2 s for English beside 9.2 s for the whole HTML build
(its write phase runs every output handler again), where reading the ten built
pages back costs 1.8 s. The order comes from the root page's
contents, as the reader's, and the anchors are the pages' own, made unique.
"""

from __future__ import annotations

import io
import os
import posixpath
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pypandoc
from bs4 import BeautifulSoup, Tag
from lxml import etree

from publisher.content import publication
from publisher.content.languages import LANGUAGES
from publisher.tasks.safe_build import guarded

#: The documents' claimed creation time, for reproducible bytes: the close of Berne II.
#: Elements whose id pandoc keeps as a Word bookmark; any other id moves into a <span>.
KEEPS_ID = {"h1", "h2", "h3", "h4", "h5", "h6", "section", "div", "span"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def reading_order(site: Path) -> list[str]:
    """The pages of the printed edition, as the root page's tables of contents list them."""
    index = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    pages = ["index.html"]
    for link in index.select("article .toctree-wrapper a.reference.internal"):
        page = urlsplit(link["href"]).path
        if page and page not in pages and not publication.is_web_only(page):
            pages.append(page)
    return pages


def combined_html(site: Path, code: str, title: str, colophon: dict | None = None,
                  base_url: str = "") -> str:
    language = LANGUAGES[code]
    articles = []
    anchors: dict[str, str] = {}  # page -> the id of its first heading's section
    for number, page in enumerate(reading_order(site)):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article[role=main]")
        web_only = ", ".join(f"section#{name}" for name in sorted(publication.WEB_ONLY_SECTIONS))
        for element in article.select(f"a.headerlink, script, .translation-progress, .toctree-wrapper, .web-only, "
                                      f"{web_only}"):
            element.decompose()
        for element in article.select("[id]"):
            element["id"] = _document_id(f"p{number}-{element['id']}")  # page anchors repeat
            if element.name not in KEEPS_ID:
                element.insert(0, soup.new_tag("span", id=element["id"]))
                del element["id"]
        first = article.select_one("section[id]")
        anchors[page] = first["id"] if first else ""
        articles.append((page, article))
    for page, article in articles:
        for link in article.select("a[href]"):
            _relink(link, page, anchors, base_url, code)
    body = "\n".join(str(article) for _, article in articles)
    return (f'<!doctype html><html lang="{language.hreflang}" dir="{language.direction}"><head>'
            f'<meta charset="utf-8"><title>{title}</title></head><body>'
            f"{colophon_html(colophon) if colophon else ''}{body}</body></html>")


def _document_id(page_id: str) -> str:
    """An anchor's name in the document: items and glossary terms keep their own names."""
    _number, _dash, name = page_id.partition("-")
    return name if name.startswith(("CU_", "EP_", "term-")) else page_id


def _relink(link: Tag, page: str, anchors: dict[str, str], base_url: str, code: str) -> None:
    """A link inside the document, or absolute on the site, or its text alone."""
    parts = urlsplit(link["href"])
    if parts.scheme:
        if parts.scheme not in publication.SAFE_SCHEMES:
            link.unwrap()
        return
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)) if parts.path else page
    if target in anchors:
        fragment = parts.fragment and _document_id(f"p{list(anchors).index(target)}-{parts.fragment}")
        link["href"] = f"#{fragment or anchors[target]}"
    elif url := publication.site_url(base_url, code, target + (f"#{parts.fragment}" if parts.fragment else "")):
        link["href"] = url
    else:
        link.unwrap()


def colophon_html(colophon: dict) -> str:
    soup = BeautifulSoup("", "html.parser")
    section = soup.new_tag("section", id="colophon")
    heading = soup.new_tag("h1")
    heading.string = colophon["heading"]
    section.append(heading)
    for runs in colophon["paragraphs"]:
        paragraph = soup.new_tag("p")
        for run in runs:
            if run.get("url"):
                link = soup.new_tag("a", href=run["url"])
                link.string = run["text"]
                paragraph.append(link)
            else:
                paragraph.append(run["text"])
        section.append(paragraph)
    return str(section)


def build_docx(site: Path, code: str, title: str, output: Path, *, author: str = "",
               colophon: dict | None = None, base_url: str = "") -> None:
    language = LANGUAGES[code]
    metadata = [f"--metadata=title:{title}", f"--metadata=lang:{language.hreflang}"]
    if author:
        metadata.append(f"--metadata=author:{author}")
    if language.direction == "rtl":
        metadata.append("--metadata=dir:rtl")
    # pandoc dates the document and its zip entries by SOURCE_DATE_EPOCH: the same bytes every
    # time. Given to pandoc's process alone: languages are built in parallel threads.
    # --sandbox: pandoc reads no file and fetches nothing while it converts.
    subprocess.run(
        guarded([pypandoc.get_pandoc_path(), "--sandbox", "--from=html", "--to=docx", f"--output={output}",
                 *metadata]),
        input=combined_html(site, code, title, colophon, base_url), text=True, check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": publication.SOURCE_DATE_EPOCH},
    )
    if language.direction == "rtl":
        right_to_left(output)


def right_to_left(docx: Path) -> None:
    """Make the whole document right to left: section, every paragraph and every table.

    pandoc marks the body's paragraphs, not the title, the tables or the section.
    """
    with zipfile.ZipFile(docx) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = _right_to_left_xml(data)
            archive.writestr(_dated(info), data)
    docx.write_bytes(rewritten.getvalue())


def _right_to_left_xml(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for parent, tag, child in (("p", "pPr", "bidi"), ("tbl", "tblPr", "bidiVisual"), ("sectPr", None, "bidi")):
        for element in root.iter(f"{{{W}}}{parent}"):
            properties = element
            if tag is not None:
                properties = element.find(f"{{{W}}}{tag}")
                if properties is None:
                    properties = etree.Element(f"{{{W}}}{tag}")
                    element.insert(0, properties)
            if properties.find(f"{{{W}}}{child}") is None:
                _insert_in_order(properties, etree.Element(f"{{{W}}}{child}"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


#: Where OOXML's schema puts bidi among its siblings: after these, before the rest.
_BEFORE_BIDI = {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
                "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
                "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "tblStyle",
                "tblpPr", "tblOverlap", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
                "noEndnote", "titlePg", "textDirection"}


def _insert_in_order(properties: etree._Element, child: etree._Element) -> None:
    position = 0
    for index, sibling in enumerate(properties):
        if etree.QName(sibling).localname in _BEFORE_BIDI:
            position = index + 1
    properties.insert(position, child)


def _dated(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The same entry, dated like pandoc's, so that the same site gives the same bytes."""
    dated = zipfile.ZipInfo(info.filename, publication.REPRODUCIBLE_DATE.timetuple()[:6])
    dated.compress_type = zipfile.ZIP_DEFLATED
    dated.external_attr = info.external_attr
    return dated
