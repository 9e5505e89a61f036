"""Languages without a browser: the switcher's links, hreflang, right-to-left, the gate."""

from __future__ import annotations

import shutil

import pytest

from conftest import sphinx_build
from publisher.translations import status as translation_status
from test_i18n import FRENCH, UNDERSTANDING_FILLER, fr, translate


@pytest.fixture
def french_project(catalogued, tmp_path):
    """The minimal project with French complete; the other languages untranslated."""
    project = tmp_path / "minimal"
    shutil.copytree(catalogued, project)
    translate(fr(project, "practices/01-cooperation"), FRENCH)
    translate(fr(project, "framework/understandings"), FRENCH)
    translate(fr(project, "index"), FRENCH)
    return project


def test_gate_publishes_only_complete_languages(french_project):
    assert translation_status.published_languages(french_project) == ["en", "fr"]
    assert translation_status.status(french_project, "es").blocking[:2] == ["CU_01: title, text", "CU_02: title, text"]


def test_the_gate_on_the_command_line_prints_what_the_build_takes(french_project, capsys):
    """`nox -s serve` computes the gate once this way and hands it to every rebuild with -D."""
    assert translation_status.main(["--root", str(french_project), "--published"]) == 0
    assert capsys.readouterr().out == "en,fr\n"


def test_switcher_links_the_same_page_in_each_published_language(french_project):
    page = sphinx_build(french_project).page("practices/01-cooperation")
    switcher = page.select_one("nav.language-switcher")
    assert [(a["hreflang"], a["href"], a.get_text()) for a in switcher.select("a[hreflang]")] == [
        ("fr", "../../fr/practices/01-cooperation.html", "Français"),
    ]
    assert switcher.select_one("[aria-current]").get_text() == "English"
    # Without the site's address, no alternates: search engines reject relative ones.
    assert page.find_all("link", rel="alternate") == []


def test_alternates_are_absolute_with_the_root_page_as_x_default(french_project):
    page = sphinx_build(french_project, publisher_base_url="https://example.org/iamm").page(
        "practices/01-cooperation")
    assert [(link["hreflang"], link["href"]) for link in page.find_all("link", rel="alternate")] == [
        ("en", "https://example.org/iamm/en/practices/01-cooperation.html"),
        ("fr", "https://example.org/iamm/fr/practices/01-cooperation.html"),
        ("x-default", "https://example.org/iamm/"),
    ]


def test_arabic_pages_are_right_to_left_and_an_unpublished_preview_is_not_announced(french_project):
    build = sphinx_build(french_project, language="ar", publisher_base_url="https://example.org/iamm/")
    page = build.page("index")
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert [link["hreflang"] for link in page.find_all("link", rel="alternate")] == ["en", "fr", "x-default"]
    switcher = page.select_one("nav.language-switcher")
    assert switcher.select_one("[aria-current]")["dir"] == "rtl"


def test_a_complete_page_says_nothing_about_its_translation(french_project):
    build = sphinx_build(french_project, language="fr")
    for page in ("index", "practices/01-cooperation"):  # the index has a table of contents
        assert build.page(page).select_one(".translation-progress") is None, page


def test_an_understanding_whose_text_is_untranslated_keeps_the_language_unpublished(french_project):
    """Its title alone is not enough: a reader must be able to read every common understanding."""
    translate(fr(french_project, "framework/understandings"), {"Co-operation is the basis." + UNDERSTANDING_FILLER: ""})
    report = translation_status.report(french_project).splitlines()
    # The labels' catalog counts too: the percentage moves with them, the verdict must not.
    assert next(line for line in report if line.startswith("fr ")).split()[-2:] == ["1", "no"]
    assert "fr: CU_01 (text)" in report
    assert sphinx_build(french_project).page("index").select('[hreflang="fr"]') == []
