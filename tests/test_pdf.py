"""The PDFs, read back: every item, an outline, working links, the right fonts, tagged, reproducible."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import PROJECT
from publisher.content import model, sources
from publisher.tasks.build import build_language
from publisher.translations.catalogs import translator
from publisher.content.publication import ABOUT, STATEMENT, WEB_ONLY_PAGES, file_name, for_print
from publisher.content.languages import LANGUAGES

pytestmark = pytest.mark.site

ITEMS = [item for item in sources.read_items(PROJECT) if item.id]
UNDERSTANDINGS = [item for item in ITEMS if item.type == model.UNDERSTANDING.name]
#: A script's letters, to check that a PDF's text is in that script and not boxes or "?".
SCRIPTS = {"ar": ("\u0600", "\u06ff"), "zh": ("\u4e00", "\u9fff"), "ru": ("\u0400", "\u04ff")}


@pytest.fixture(scope="module", params=list(LANGUAGES))
def pdf(request, published_site):
    code = request.param
    return code, PdfReader(published_site / code / file_name(code, "pdf"))


def outline_titles(entries) -> list[str]:
    titles = []
    for entry in entries:
        titles.extend(outline_titles(entry) if isinstance(entry, list) else [entry.title])
    return titles


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_item_id_is_in_the_text(published_site, code):
    # poppler, as a reader's viewer copies the text; pypdf took 25 s on the Arabic file alone.
    text = pdftotext(published_site / code / file_name(code, "pdf"))
    assert [item.id for item in ITEMS if item.id not in text] == []


def test_outline_has_an_entry_per_understanding_item_and_section(pdf):
    code, reader = pdf
    # Sphinx's smart quotes turn ' into ’ in headings.
    titles = [title.replace("\u2019", "'") for title in outline_titles(reader.outline)]
    _ = translator(PROJECT, LANGUAGES[code].sphinx)
    starts = {title.split(" ", 1)[0] for title in titles}
    assert [item.id for item in ITEMS if item.id not in starts] == []
    assert [t for t in model.SECTIONS.values() if _(t).replace("\u2019", "'") not in titles] == []


def test_internal_links_resolve(pdf):
    code, reader = pdf
    destinations = reader.named_destinations
    pages = {page.indirect_reference.idnum for page in reader.pages}
    links = 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            target = annotation.get("/Dest") or (annotation.get("/A") or {}).get("/D")
            if target is None:
                continue  # a link to a web address
            links += 1
            if isinstance(target, str):
                assert target in destinations, f"{code}: link to missing destination {target}"
            else:  # an explicit destination: [page, /XYZ, left, top, zoom]
                assert target[0].idnum in pages, f"{code}: link to a page that does not exist"
    assert links > len(ITEMS)  # at least every practice's link to what it implements


def test_tagged_with_language_and_title(pdf):
    code, reader = pdf
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == ("zh" if code == "zh" else code)
    _ = translator(PROJECT, LANGUAGES[code].sphinx)
    assert reader.metadata.title == _(model.PUBLICATION_TITLE)
    assert reader.metadata.author == _(model.AUTHOR)  # this edition's editors, as everywhere


def test_text_extracts_in_its_own_script(pdf):
    code, reader = pdf
    if code not in SCRIPTS:
        pytest.skip("Latin script")
    low, high = SCRIPTS[code]
    text = "".join(page.extract_text() for page in reader.pages[5:15])
    letters = [c for c in text if c.isalpha()]
    in_script = sum(low <= c <= high for c in letters)
    assert in_script / len(letters) > 0.6
    assert "\ufffd" not in text and "?" * 3 not in text


def test_embedded_fonts_cover_the_script(pdf):
    code, reader = pdf
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            base = (descendants[0].get_object() if descendants else font)["/BaseFont"]
            fonts.add(base.split("+", 1)[-1])
    expected = {"ar": "NotoSansArabic", "zh": "NotoSansCJK"}.get(code, "NotoSans-Regular")
    assert any(name.startswith(expected) for name in fonts), fonts


def test_same_sources_give_the_same_pdf_bytes(tmp_path, published_site):
    """The PDF made again, alone and elsewhere, is the published one byte for byte."""
    assert build_language(PROJECT, "ar", tmp_path / "ar", formats=("pdf",)) == 0
    again = (tmp_path / "ar" / file_name("ar", "pdf")).read_bytes()
    assert again == (published_site / "ar" / file_name("ar", "pdf")).read_bytes()


def test_the_fonts_have_a_glyph_for_every_character_of_every_language():
    """Typst does not warn about a missing glyph: check the fonts' character maps instead."""
    import unicodedata
    from pathlib import Path

    from babel.messages.pofile import read_po
    from fontTools.ttLib import TTCollection, TTFont

    from publisher.outputs.pdf_compile import font_paths

    covered: set[int] = set()
    for folder in font_paths():
        for path in Path(folder).rglob("*"):
            if path.suffix.lower() in (".ttf", ".otf"):
                with TTFont(path, lazy=True) as font:
                    covered |= set(font.getBestCmap())
            elif path.suffix.lower() == ".ttc":
                with TTCollection(path, lazy=True) as collection:
                    for font in collection.fonts:
                        covered |= set(font.getBestCmap())
    texts = [path.read_text(encoding="utf-8") for path in sources.content_files(PROJECT)]
    for po in (PROJECT / "locales").rglob("*.po"):
        with po.open("rb") as file:
            texts.extend(message.string for message in read_po(file) if isinstance(message.string, str))
    missing = {
        char for text in texts for char in text
        if ord(char) not in covered and unicodedata.category(char)[0] not in ("C", "Z")
    }
    assert sorted(missing) == []


# -- The PDF as its readers use it: copied, searched, read aloud, opened offline ----------------

#: Page areas of the running head and the page number (A4 portrait, points from the top).
BODY_AREA = ["-x", "0", "-y", "62", "-W", "1000", "-H", "716"]
HEAD_AREA = ["-x", "0", "-y", "0", "-W", "1000", "-H", "62"]


def pdftotext(path: Path, *arguments: str) -> str:
    """The text of a PDF as poppler's pdftotext (Debian poppler-utils) reads it."""
    if not shutil.which("pdftotext"):
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext is missing under CI: .ci/run installs Debian's poppler-utils")
        pytest.skip("pdftotext (Debian poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *arguments, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def comparable(text: str, code: str) -> str:
    """Text as words in reading order, without what typesetting alone changes.

    Typesetting changes quotes to typographic ones and breaks words with hyphens;
    poppler puts the space on either side of a punctuation mark or of a number
    inside right-to-left text, and reads a page's lines of Chinese without the
    spaces that were never there.
    (A left-to-right run, a number or a Latin name, inside Arabic loses one of its spaces.) The words and their order are what is compared.
    """
    text = unicodedata.normalize("NFC", text).translate(str.maketrans("‘’“”", "''\"\""))
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    text = re.sub(r"[\u00ad-]\s*", "", text)
    text = re.sub(r"[،؛.:!?؟,;。，；：()\"'«»„]", " ", text)
    if code == "ar":
        text = re.sub(r"([0-9A-Za-z_]+)", r" \1 ", for_print(text, code))  # as the PDF sets it
    return ("" if code == "zh" else " ").join(text.split())


def shown_items(site: Path, code: str):
    """Each item as the site shows it: (ID, title, the understanding's paragraphs)."""
    for page in sorted((site / code).glob("*/*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for section in soup.select("section.item"):
            paragraphs = [p.get_text() for p in section.find_all("p", recursive=False) if not p.get("class")]
            yield section["id"], section.select_one(".item-title").get_text(), (
                paragraphs if "understanding" in section["class"] else [])


def test_every_title_and_understanding_text_can_be_copied_out_in_reading_order(pdf, published_site):
    code, _reader = pdf
    text = comparable(pdftotext(published_site / code / file_name(code, "pdf"), *BODY_AREA), code)
    missing = [
        (item_id, passage[:60]) for item_id, title, paragraphs in shown_items(published_site, code)
        for passage in (title, *paragraphs) if comparable(passage, code) not in text
    ]
    assert missing == []


def test_the_running_head_names_the_section_of_its_page(pdf, published_site):
    code, reader = pdf
    path = published_site / code / file_name(code, "pdf")
    chapters = [entry for entry in reader.outline if not isinstance(entry, list)][1:] or [
        entry for entry in reader.outline[1] if not isinstance(entry, list)]
    assert len(chapters) > 20
    for chapter in chapters:
        number = reader.get_destination_page_number(chapter) + 1
        head = comparable(pdftotext(path, "-f", str(number), "-l", str(number), *HEAD_AREA), code)
        assert comparable(chapter.title, code) in head, f"{code}: page {number} is headed {head!r}"


def test_a_link_describes_the_item_it_leads_to(pdf):
    code, reader = pdf
    described = 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            target = annotation.get("/Dest")
            if isinstance(target, str) and re.search(r":(CU|EP)_\d+$", target):
                item_id = target.rsplit(":", 1)[1]
                # An outline entry's description quotes the title, in the language's own quotation marks.
                description = str(annotation["/Contents"]).lstrip(" “”„\"«»\u202f\u00a0")
                assert description.startswith(item_id), (code, target, description)
                described += 1
    assert described > len(ITEMS)


def test_print_leaves_out_the_web_only_pages_and_opens_with_a_colophon(pdf, published_site):
    code, reader = pdf
    web_only = [BeautifulSoup((published_site / code / f"{page}.html").read_text(encoding="utf-8"),
                              "html.parser").h1.get_text().rstrip("¶#") for page in sorted(WEB_ONLY_PAGES)]
    titles = outline_titles(reader.outline)
    assert [title for title in web_only if title in titles] == []
    _ = translator(PROJECT, LANGUAGES[code].sphinx)
    colophon = comparable(pdftotext(published_site / code / file_name(code, "pdf"), "-f", "2", "-l", "2"), code)
    assert comparable(_(ABOUT), code) in colophon
    assert comparable(_(STATEMENT[0]).split(":")[0], code) in colophon


def test_no_link_in_the_pdf_depends_on_where_the_file_lies(pdf):
    code, reader = pdf
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                assert re.match(r"(https?|mailto):", str(action["/URI"])), (code, action["/URI"])


def words_on(path: Path, number: int) -> list[tuple[float, str]]:
    """(top, word) of every word on one page, as poppler finds them."""
    page = BeautifulSoup(pdftotext(path, "-bbox", "-f", str(number), "-l", str(number)), "html.parser")
    return [(float(word["ymin"]), word.get_text()) for word in page.find_all("word")]


def test_the_matrix_annex_fits_and_labels_every_row_on_every_page(pdf, published_site):
    code, reader = pdf
    path = published_site / code / file_name(code, "pdf")
    landscape = [number + 1 for number, page in enumerate(reader.pages) if page.mediabox.width > page.mediabox.height]
    assert landscape, "the matrix is set on landscape pages"
    _ = translator(PROJECT, LANGUAGES[code].sphinx)
    for number in landscape:
        text = comparable(pdftotext(path, "-f", str(number), "-l", str(number)), code)
        cut = [_(section) for section in model.SECTIONS.values() if comparable(_(section), code) not in text]
        assert cut == [], f"{code}: page {number}: headers cut or missing"
        words = words_on(path, number)
        labels = [top for top, word in words if re.fullmatch(r"CU_\d+", word)]
        cells = [top for top, word in words if re.fullmatch(r"EP_\d+", word)]
        assert labels and min(cells) >= min(labels) - 1, f"{code}: page {number} starts with an unlabelled row"
