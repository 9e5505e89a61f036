"""The Word documents and the downloads page of every language."""

from __future__ import annotations

import docx
import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT
from publisher import sources
from publisher.docx import build_docx
from publisher.downloads import SIZE_PLACEHOLDER, files
from publisher.languages import LANGUAGES

pytestmark = pytest.mark.site

ITEMS = [item for item in sources.read_items(PROJECT) if item.id]


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
    build_docx(published_site / "ar", "ar", docx.Document(str(published_site / "ar" / "iamm-ar.docx"))
               .core_properties.title, again)
    assert again.read_bytes() == (published_site / "ar" / "iamm-ar.docx").read_bytes()


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_downloads_page_lists_every_file_with_its_size(published_site, code):
    page = BeautifulSoup((published_site / code / "reference" / "downloads.html").read_text(encoding="utf-8"),
                         "html.parser")
    entries = page.select("ul.downloads > li")
    assert [entry.a.get_text() for entry in entries] == [name for name, _ in files(code)]
    for entry in entries:
        assert (published_site / code / "reference" / entry.a["href"]).resolve().is_file()
        size = entry.select_one(".download-size").get_text()
        assert size != SIZE_PLACEHOLDER and any(ch.isdigit() for ch in size)


def test_every_page_links_to_the_downloads(published_site):
    for page in (published_site / "fr").rglob("*.html"):
        if page.parent.name in ("pagefind", "_static") or page.name in ("permalink.html", "downloads.html"):
            continue  # permalink.html only redirects (sphinx-needs' permalink.html?id=EP_001)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('.sidebar-tree a[href$="downloads.html"]'), page
