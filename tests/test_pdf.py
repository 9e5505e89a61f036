"""The PDFs, read back: every item, an outline, working links, the right fonts, tagged, reproducible."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from conftest import PROJECT
from publisher import model, sources
from publisher.build import build_language
from publisher.publication import file_name
from publisher.catalogs import translator
from publisher.languages import LANGUAGES

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


def test_every_item_id_is_in_the_text(pdf):
    code, reader = pdf
    text = "\n".join(page.extract_text() for page in reader.pages)
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


def test_same_sources_give_the_same_pdf_bytes(tmp_path):
    outputs = []
    for run in ("first", "second"):
        assert build_language(PROJECT, "ar", tmp_path / run / "ar", formats=("pdf",)) == 0
        outputs.append((tmp_path / run / "ar" / file_name("ar", "pdf")).read_bytes())
    assert outputs[0] == outputs[1]


def test_the_fonts_have_a_glyph_for_every_character_of_every_language():
    """Typst does not warn about a missing glyph: check the fonts' character maps instead."""
    import unicodedata
    from pathlib import Path

    from babel.messages.pofile import read_po
    from fontTools.ttLib import TTCollection, TTFont

    from publisher.pdf_compile import font_paths

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
