"""The real framework in every language: nothing lost, nothing left in English once published."""

from __future__ import annotations

import csv

import pytest

from conftest import PROJECT, Build
from publisher.content import model, sources
from publisher.translations import status as translation_status
from publisher.content.languages import TRANSLATIONS

pytestmark = pytest.mark.site

ITEMS = [item for item in sources.read_items(PROJECT) if item.id]
PUBLISHED = translation_status.published_languages(PROJECT)
ENGLISH_LABELS = [model.UNDERSTANDING.title, model.PRACTICE.title,
                  f"{model.IMPLEMENTS_LABEL}:", f"{model.IMPLEMENTED_BY_LABEL}:"]


@pytest.fixture(scope="module", params=TRANSLATIONS)
def site(request, published_site):
    """Each language of the site as `nox -s build` publishes it: built with -W, so it has no warning."""
    code = request.param
    return code, Build(PROJECT, published_site / code, warnings=[])


def test_every_item_is_in_the_html_and_the_exports(site):
    code, build = site
    for item in ITEMS:
        assert build.page(item.path.removesuffix(".md")).find(id=item.id), f"{code}: {item.id} missing"
    assert sorted(build.needs()) == sorted(item.id for item in ITEMS)
    with (build.outdir / "items.csv").open(encoding="utf-8") as file:
        assert sorted(row[0] for row in list(csv.reader(file))[1:]) == sorted(item.id for item in ITEMS)


def test_a_published_language_exports_its_own_words(site):
    """needs.json and items.csv give the titles, text and column names a reader of the language sees."""
    code, build = site
    if code not in PUBLISHED:
        pytest.skip(f"{code} is not published yet")
    from publisher.content.myst import visible_text

    def plain(text: str) -> str:  # the page's typographic quotes and spaces, as typed
        return " ".join(text.translate(str.maketrans("’‘“”«»\u00a0\u202f", "''\"\"\"\"  ")).split())

    needs = build.needs()
    for item in ITEMS:
        need, page = needs[item.id], build.page(item.path.removesuffix(".md"))
        assert need["untranslated"] == [] and need["content"] != item.text, f"{code}: {item.id}"
        shown = plain(page.find(id=item.id).get_text())
        for paragraph in need["content"].split("\n\n"):
            assert plain(visible_text(paragraph)) in shown, f"{code}: {item.id} not the page's text"
    with (build.outdir / "items.csv").open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert not set(rows[0]) & {"ID", "Title", "Text", "Implemented by"} - {"ID"}, f"{code}: English headers"
    by_id = {row[0]: row for row in rows[1:]}
    for item in ITEMS:
        assert needs[item.id]["title"] in by_id[item.id]


def test_a_published_language_shows_no_english_title_type_or_link_name(site):
    code, build = site
    if code not in PUBLISHED:
        pytest.skip(f"{code} is not published yet: {translation_status.status(PROJECT, code).blocking[:3]}")
    needs = build.needs()
    for item in ITEMS:
        box = build.page(item.path.removesuffix(".md")).find(id=item.id)
        head = box.select_one(".item-title").get_text(strip=True)
        assert head == needs[item.id]["title"] != item.title, f"{code}: {item.id} title in English"
        text = box.get_text(" ", strip=True)
        assert not [label for label in ENGLISH_LABELS if label in text], f"{code}: {item.id}"
        assert needs[item.id]["type_name"] not in (model.UNDERSTANDING.title, model.PRACTICE.title)
