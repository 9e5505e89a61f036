"""A page loads the theme's essentials and the project's own files: nothing of sphinx-needs, jQuery or Sphinx's search."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOTS, sphinx_build


def loaded(page) -> tuple[list[str], list[str]]:
    """The scripts (file or "inline") and stylesheets a page loads, in order, without cache-busting."""
    scripts = [tag["src"].split("?")[0] if tag.get("src") else "inline" for tag in page.find_all("script")
               if tag.get("type") in (None, "text/javascript", "module")]
    sheets = [tag["href"].split("?")[0] for tag in page.find_all("link", rel="stylesheet")]
    return scripts, sheets


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    project = tmp_path_factory.mktemp("assets") / "minimal"
    shutil.copytree(ROOTS / "minimal", project)
    return sphinx_build(project)


def test_a_practice_section_loads_only_the_theme_and_the_project_files(build):
    assert build.warnings == []
    assert loaded(build.page("practices/01-cooperation")) == (
        # In the head, what the page may do before it is laid out (publisher/templates/base.html);
        # Furo's colour scheme.
        ["inline", "inline", "../_static/scripts/furo.js", "../_static/publisher.js"],
        ["../_static/styles/furo.css", "../_static/publisher.css"],
    )


def test_the_search_page_adds_pagefind_alone(build):
    scripts, sheets = loaded(build.page("search"))
    # The head's, Furo's colour scheme, then the page's own start of Pagefind's interface.
    assert scripts == ["inline", "inline", "inline", "_static/scripts/furo.js", "_static/publisher.js",
                       "pagefind/pagefind-ui.js"]
    assert sheets == ["_static/styles/furo.css", "_static/publisher.css", "pagefind/pagefind-ui.css"]


def test_nothing_on_any_page_loads_jquery_or_sphinx_needs(build):
    for page in build.outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for unused in ("jquery", "sphinx-needs/", "sphinx-data-viewer", "doctools.js", "searchtools.js",
                       "pygments.css"):
            assert unused not in text, f"{page.relative_to(build.outdir)} loads {unused}"


def test_a_translated_page_loads_no_sphinx_translations_either(make_project):
    page = sphinx_build(make_project(), language="ar").page("practices/01-cooperation")
    assert loaded(page) == (
        # The head's, Furo's colour scheme, the language switcher's way of keeping the reader's item.
        ["inline", "inline", "inline", "../_static/scripts/furo.js", "../_static/publisher.js"],
        ["../_static/styles/furo.css", "../_static/publisher.css"],
    )
