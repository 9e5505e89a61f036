"""Side by side: every page's blocks as data, aligned across languages, and the page that shows them."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import PROJECT, sphinx_build
from publisher.extension import side_by_side
from publisher.outputs import docx
from publisher.translations import catalogs
from test_i18n import FRENCH, PRACTICE_FILLER, fr, translate

PAGES = ["index", "framework/understandings", "glossary/index", "practices/01-cooperation"]
#: The French of every message but one paragraph: EP_001's text stays English.
FRENCH_BUT_ONE = {english: french for english, french in FRENCH.items() if english != "States meet." + PRACTICE_FILLER}


@pytest.fixture(scope="module")
def builds(catalogued, tmp_path_factory):
    """The minimal project in English and in French, EP_001's text not translated."""
    project = tmp_path_factory.mktemp("side-by-side") / "minimal"
    shutil.copytree(catalogued, project)
    for page in ("practices/01-cooperation", "framework/understandings", "index"):
        translate(fr(project, page), FRENCH_BUT_ONE)
    return {"en": sphinx_build(project, project / "_build" / "en"),
            "fr": sphinx_build(project, project / "_build" / "fr", language="fr")}


def data(build, page: str) -> dict:
    return json.loads((build.outdir / "api" / "pages" / f"{page}.json").read_text(encoding="utf-8"))


def test_the_builds_warn_of_nothing(builds):
    assert builds["en"].warnings == [] and builds["fr"].warnings == []


def test_every_page_has_its_blocks_under_the_same_keys_in_every_language(builds):
    for page in PAGES:
        en, french = data(builds["en"], page), data(builds["fr"], page)
        assert [b["key"] for b in en["blocks"]] == [b["key"] for b in french["blocks"]], page
    assert [(b["key"], b["kind"]) for b in data(builds["fr"], "practices/01-cooperation")["blocks"]] == [
        ("EP_001", "item"), ("EP_001.1", "item-text"), ("EP_002", "item"), ("EP_002.1", "item-text")]
    assert [b["key"] for b in data(builds["en"], "index")["blocks"]] == ["p1"]  # the table of contents


def test_every_page_file_is_what_its_schema_says(builds):
    from jsonschema import Draft202012Validator

    schema = json.loads((PROJECT / "publisher" / "outputs" / "schemas" / "page.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    for build in builds.values():
        assert json.loads((build.outdir / "api" / "page.schema.json").read_text()) == schema  # beside the data
        for path in sorted((build.outdir / "api" / "pages").rglob("*.json")):
            Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))


def test_a_glossary_term_is_a_block_keyed_by_its_anchor_in_every_language(builds):
    """Each language sorts its glossary in its own order: the term's anchor, the same everywhere, aligns it."""
    for build in builds.values():
        terms = [b for b in data(build, "glossary/index")["blocks"] if b["kind"] == "term"]
        assert [b["key"] for b in terms] == ["term-migrant"]
        assert terms[0]["html"].startswith('<dl class="glossary"><dt ') and 'id="term-migrant"' in terms[0]["html"]


def test_a_page_file_holds_its_title_language_and_address(builds):
    page = data(builds["fr"], "practices/01-cooperation")
    assert {key: page[key] for key in ("language", "direction", "page", "url", "title", "title_untranslated")} == {
        "language": "fr", "direction": "ltr", "page": "practices/01-cooperation",
        "url": "practices/01-cooperation.html", "title": "Coopération internationale", "title_untranslated": False}
    note = builds["fr"].page("practices/01-cooperation").select_one(".translation-progress").get_text().strip()
    assert page["note"] == note == ("This page is 66% translated. Passages not yet translated are shown in English "
                                    "and marked.")
    assert data(builds["en"], "practices/01-cooperation")["note"] is None


def test_an_untranslated_block_is_marked_as_the_page_marks_it(builds):
    blocks = {b["key"]: b for b in data(builds["fr"], "practices/01-cooperation")["blocks"]}
    assert [key for key, block in blocks.items() if block["untranslated"]] == ["EP_001.1"]
    assert blocks["EP_001.1"]["html"] == (
        '<p class="untranslated" dir="ltr" lang="en">States meet.' + PRACTICE_FILLER + "</p>\n")
    assert blocks["EP_002.1"]["html"].startswith("<p>Les États forment les agents qui rencontrent des <a ")


def test_a_block_is_the_markup_its_page_shows_without_the_items_tools(builds):
    page = (builds["fr"].outdir / "practices" / "01-cooperation.html").read_text(encoding="utf-8")
    blocks = data(builds["fr"], "practices/01-cooperation")["blocks"]
    # The "Copy link" button at the end of each item's fields line is the page's, not the text's.
    button = '<button class="copy-link web-only" type="button">Copy link</button></p>'
    assert page.count(button) == 2
    assert "<button" not in "".join(block["html"] for block in blocks)
    for block in blocks:
        for part in block["html"].split("\n"):
            assert part in page.replace(button, "</p>")
    head = {b["key"]: b for b in blocks}["EP_002"]["html"]
    assert 'class="item-fields"' in head and 'class="item-links implements"' in head
    assert "item-cite" not in head and "item-tools" not in head


def test_the_side_by_side_page_offers_every_page_and_the_published_languages(builds):
    page = builds["fr"].page("side-by-side")
    form = page.find("form", id="side-by-side-form")
    assert [option["value"] for option in form.find("select", attrs={"name": "page"}).find_all("option")] == PAGES
    assert form.find("option", value="practices/01-cooperation").get_text() == "Coopération internationale"
    languages = form.find("select", attrs={"name": "with"}).find_all("option")
    assert [(o["value"], o["lang"], o["dir"]) for o in languages] == [("en", "en", "ltr"), ("fr", "fr", "ltr")]
    assert form.find("option", value="en", selected=True) is not None
    assert (form["data-language"], form["data-default-with"]) == ("fr", "en")
    assert page.find(attrs={"data-pagefind-ignore": "all"}) is not None  # not a search result
    assert [s["src"] for s in page.find_all("script", src=True) if "side-by-side" in s["src"]] == [
        "_static/side-by-side.js"]


def test_the_language_switcher_links_to_the_page_side_by_side(builds):
    link = builds["fr"].page("practices/01-cooperation").select_one("nav.language-switcher .side-by-side-link a")
    assert (link["href"], link.get_text()) == ("../side-by-side.html?page=practices/01-cooperation", "Side by side")
    assert builds["fr"].page("side-by-side").select_one(".side-by-side-link") is None


def test_the_labels_are_translated_in_every_language():
    for language in ("fr", "es", "ar", "zh_CN", "ru"):
        translated = catalogs.translations(catalogs.po_path(PROJECT, language, catalogs.DOMAIN))
        missing = [label for label in (side_by_side.LABEL, side_by_side.LABEL_PAGE, side_by_side.LABEL_FIRST,
                                       side_by_side.LABEL_SECOND, side_by_side.LABEL_SHOW,
                                       side_by_side.LABEL_NEEDS_JS, side_by_side.LABEL_LOADING,
                                       side_by_side.LABEL_FAILED, side_by_side.LABEL_SHOWN,
                                       side_by_side.LABEL_MISSING) if label not in translated]
        assert missing == [], language
    assert catalogs.translator(PROJECT, "fr")(side_by_side.LABEL) == "Côte à côte"


def test_the_word_file_leaves_the_page_out(builds):
    assert "side-by-side.html" not in docx.reading_order(builds["en"].outdir)
