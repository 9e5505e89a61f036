"""The practice browser as facets: a page per facet value without JavaScript; combined facets with it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import sphinx_build

BROWSE = "---\norphan: true\n---\n# Browse\n\n```{practice-facets}\n```\n"


@pytest.fixture
def build(make_project):
    return sphinx_build(make_project(files={"reference/browse.md": BROWSE}))


def facet_page(build, name: str) -> BeautifulSoup:
    return BeautifulSoup((build.outdir / "reference" / "facets" / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


def listed(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.select("section.facet-page > ul:first-of-type a")]


def test_every_facet_value_has_a_page_listing_its_practices(build):
    assert build.warnings == []
    assert listed(facet_page(build, "section-cooperation")) == ["EP_001", "EP_002"]
    assert listed(facet_page(build, "understanding-CU_02")) == ["EP_002"]
    assert listed(facet_page(build, "understanding-CU_01")) == ["EP_001", "EP_002"]
    assert listed(facet_page(build, "status-adopted")) == ["EP_001", "EP_002"]
    assert listed(facet_page(build, "status-withdrawn")) == []
    page = facet_page(build, "understanding-CU_02")
    assert page.h1.get_text() == "Practices: Common understanding: CU_02 Rights are protected"
    link = page.select_one("section.facet-page > ul a")
    assert link["href"] == "../../practices/01-cooperation.html#EP_002"
    assert (build.outdir / "reference" / "facets" / link["href"]).resolve().with_suffix(".html").exists()
    current = page.select_one('.facet-others a[aria-current="page"]')
    assert current.get_text() == "CU_02 Rights are protected"


def test_the_browse_page_links_each_value_with_its_count_and_marks_each_practice(build):
    page = build.page("reference/browse")
    sections = page.select_one("p.facet-section")
    assert "International co-operation (2)" in sections.get_text()
    assert sections.select_one("a.facet-key--cooperation")["href"] == "facets/section-cooperation.html"
    understandings = page.select_one("p.facet-understanding")
    assert "CU_01 States co-operate (2)" in understandings.get_text()
    assert "CU_02 Rights are protected (1)" in understandings.get_text()
    item = page.select("li.facet-item")[1]
    assert set(item["class"]) >= {"facet-section--cooperation", "facet-understanding--CU_01",
                                  "facet-understanding--CU_02", "facet-status--adopted"}
    words = page.select_one(".facet-words")
    assert (words["data-all"], words["data-count"]) == ("All", "Number of practices: {count}")


def test_a_hostile_title_is_escaped_on_a_facet_page(make_project):
    project = make_project(files={"reference/browse.md": BROWSE})
    page = project / "practices" / "01-cooperation.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Meet regularly", 'Meet "<b>regularly</b> & often"'),
                    encoding="utf-8")
    build = sphinx_build(project)
    text = (build.outdir / "reference" / "facets" / "section-cooperation.html").read_text(encoding="utf-8")
    assert "<b>regularly" not in text and "&lt;b&gt;regularly&lt;/b&gt; &amp; often" in text
