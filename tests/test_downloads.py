"""The Word documents and the downloads page of every language."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import PROJECT
from publisher.content import sources
from publisher.tasks.build import front_matter
from publisher.translations.catalogs import translator
from publisher.outputs.docx import W as WORDPROCESSING, build_docx
from publisher.content.model import AUTHOR
from publisher.content.publication import ABOUT, DATA_FILES, WEB_ONLY_PAGES
from publisher.extension.downloads import files
from publisher.extension.layout import COPY_LINK
from publisher.content.languages import LANGUAGES

pytestmark = pytest.mark.site

ITEMS = [item for item in sources.read_items(PROJECT) if item.id]
W = f"{{{WORDPROCESSING}}}"  # the namespace, as lxml writes it in tag names


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_word_document_has_a_heading_per_item_and_the_language(published_site, code):
    document = docx.Document(str(published_site / code / f"iamm-{code}.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    starts = {heading.split(" ", 1)[0] for heading in headings}
    assert [item.id for item in ITEMS if item.id not in starts] == []
    assert document.core_properties.language in ("", LANGUAGES[code].hreflang)  # pandoc sets styles' language
    if LANGUAGES[code].direction == "rtl":
        body = document.element.body.xml
        assert "<w:bidi/>" in body or "<w:bidi />" in body


def test_word_document_is_the_same_bytes_for_the_same_site(published_site, tmp_path):
    again = tmp_path / "iamm-ar.docx"
    front = front_matter(PROJECT, "ar")
    build_docx(published_site / "ar", "ar", front["title"], again, author=front["author"],
               colophon=front["colophon"], base_url=front["base_url"])
    assert again.read_bytes() == (published_site / "ar" / "iamm-ar.docx").read_bytes()


def word_xml(path):
    """The document's body and its relationships, as Word reads them."""
    with zipfile.ZipFile(path) as archive:
        return (etree.fromstring(archive.read("word/document.xml")),
                etree.fromstring(archive.read("word/_rels/document.xml.rels")))


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_link_in_the_word_document_leads_somewhere_offline(published_site, code):
    body, relationships = word_xml(published_site / code / f"iamm-{code}.docx")
    bookmarks = {mark.get(f"{W}name") for mark in body.iter(f"{W}bookmarkStart")}
    anchors = [link.get(f"{W}anchor") for link in body.iter(f"{W}hyperlink") if link.get(f"{W}anchor")]
    assert len(anchors) > len(ITEMS) and sorted({a for a in anchors if a not in bookmarks}) == []
    assert any(anchor.startswith("term-") for anchor in anchors)  # the glossary's terms too
    external = [r.get("Target") for r in relationships if r.get("TargetMode") == "External"]
    assert [url for url in external if not re.match(r"(https?|mailto):", url)] == []


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_word_document_is_the_printed_edition(published_site, code):
    document = docx.Document(str(published_site / code / f"iamm-{code}.docx"))
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    web_only = {BeautifulSoup((published_site / code / f"{page}.html").read_text(encoding="utf-8"),
                              "html.parser").h1.get_text().rstrip("¶#") for page in WEB_ONLY_PAGES}
    assert headings & web_only == set()
    _ = translator(PROJECT, LANGUAGES[code].sphinx)
    assert _(ABOUT) in headings  # the colophon
    assert document.core_properties.author == _(AUTHOR)
    assert [p.text for p in document.paragraphs if _(COPY_LINK) in p.text] == []  # a button of the web page


def test_the_arabic_word_document_is_right_to_left_throughout(published_site):
    body, _relationships = word_xml(published_site / "ar" / "iamm-ar.docx")
    tables, sections = list(body.iter(f"{W}tbl")), list(body.iter(f"{W}sectPr"))
    paragraphs = list(body.iter(f"{W}p"))
    assert tables and all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    assert sections and all(s.find(f"{W}bidi") is not None for s in sections)
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)  # the title's too


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_downloads_page_lists_every_file_with_its_size(published_site, code):
    page = BeautifulSoup((published_site / code / "reference" / "downloads.html").read_text(encoding="utf-8"),
                         "html.parser")
    entries = page.select("ul.downloads > li")
    assert [entry.a.get_text() for entry in entries] == [name for name, _ in files(code)]
    for entry in entries:
        assert (published_site / code / "reference" / entry.a["href"]).resolve().is_file()
        size = entry.select_one(".download-size").get_text()
        assert any(ch.isdigit() for ch in size)


def test_every_page_links_to_the_downloads(published_site):
    for page in (published_site / "fr").rglob("*.html"):
        if page.parent.name in ("pagefind", "_static") or page.name in ("permalink.html", "downloads.html") \
                or page.relative_to(published_site / "fr").parts[0] == "items":
            continue  # permalink.html and items/<ID>/ only lead on to an item's page
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('.sidebar-tree a[href$="downloads.html"]'), page


@pytest.fixture(scope="module")
def addressed_files(addressed_site):
    """The minimal project's PDF and Word file, built knowing the site's public address."""
    return addressed_site / "en"


def test_downloaded_files_link_the_site_by_its_public_address(addressed_files):
    from pypdf import PdfReader

    expected = {f"https://example.org/iamm/en/{name}" for name in DATA_FILES}
    reader = PdfReader(addressed_files / "iamm-en.pdf")
    uris = {str(annotation.get_object()["/A"]["/URI"]) for page in reader.pages
            for annotation in page.get("/Annots", []) or [] if "/URI" in (annotation.get_object().get("/A") or {})}
    assert expected <= uris and all(uri.startswith(("https://", "mailto:")) for uri in uris)
    _body, relationships = word_xml(addressed_files / "iamm-en.docx")
    targets = {r.get("Target") for r in relationships if r.get("TargetMode") == "External"}
    assert expected <= targets and all(target.startswith(("https://", "mailto:")) for target in targets)
