"""The real framework, built: every item is on its page and in needs.json, linked both ways."""

from __future__ import annotations

from collections import defaultdict

import pytest

from conftest import PROJECT, sphinx_build
from publisher.content import model, sources

pytestmark = pytest.mark.site

ITEMS = sources.read_items(PROJECT)
IMPLEMENTED_BY = defaultdict(list)
for _item in ITEMS:
    for _target in _item.implements:
        IMPLEMENTED_BY[_target].append(_item.id)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return sphinx_build(PROJECT, outdir=tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def needs(site):
    return site.needs()


@pytest.fixture(scope="session")
def pages(site):
    docnames = {item.path.removesuffix(".md") for item in ITEMS}
    return {docname: site.page(docname) for docname in docnames}


def test_the_build_has_no_warning(site):
    assert site.warnings == []


def test_needs_json_holds_exactly_the_items_written(needs):
    assert sorted(needs) == sorted(item.id for item in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_needs_json_records_item_as_written(item, needs):
    need = needs[item.id]
    assert need["type"] == item.type
    assert need["title"] == item.title
    assert need["docname"] + ".md" == item.path
    assert need["lineno"] == item.line
    assert need["status"] == item.status
    if item.type == model.PRACTICE.name:
        assert need["section"] == item.fields["section"]
    assert sorted(need[model.IMPLEMENTS]) == sorted(item.implements)
    assert sorted(need[f"{model.IMPLEMENTS}_back"]) == sorted(IMPLEMENTED_BY[item.id])


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_page_shows_item_with_permalink_and_links_both_ways(item, pages):
    box = pages[item.path.removesuffix(".md")].find(id=item.id)
    assert box is not None, f"{item.id} is missing from {item.path}"
    text = box.get_text(" ", strip=True)
    assert item.title in text
    assert box.find("a", href=f"#{item.id}"), "no permalink"
    assert f"Status: {model.STATUSES[item.status]}" in text
    if item.type == model.PRACTICE.name:
        assert f"Section: {model.SECTIONS[item.fields['section']]}" in text

    hrefs = {a["href"].rsplit("#", 1)[-1] for a in box.find_all("a", href=True)}
    assert set(item.implements) <= hrefs
    assert set(IMPLEMENTED_BY[item.id]) <= hrefs
    if IMPLEMENTED_BY[item.id]:
        assert f"{model.IMPLEMENTED_BY_LABEL}:" in text
    if item.implements:
        assert f"{model.IMPLEMENTS_LABEL}:" in text


def test_matrix_links_every_practice_from_its_understandings_row(site):
    page = site.page("reference/matrix")
    rows = {row.find("a").get_text(): row for row in page.select("table.traceability-matrix tbody tr")}
    understandings = [i for i in ITEMS if i.type == model.UNDERSTANDING.name]
    assert sorted(rows) == sorted(u.id for u in understandings)
    for understanding in understandings:
        hrefs = {a["href"] for a in rows[understanding.id].find_all("a")[1:]}
        practices = [i for i in ITEMS if i.id in IMPLEMENTED_BY[understanding.id]]
        assert hrefs == {f"../{p.path.removesuffix('.md')}.html#{p.id}" for p in practices}
    # A section none of whose practices implements the row's understanding: a cell with nothing in it.
    cells = page.select("table.traceability-matrix tbody td")
    assert [cell for cell in cells if not cell.find("a")] == page.select("table.traceability-matrix tbody td:empty")


def test_coverage_page_counts_practices_per_understanding_and_section(site):
    page = site.page("reference/coverage")
    counts = {
        row.find("a").get_text(): int(row.find_all("td")[-1].get_text())
        for row in page.select("table.coverage-understandings tbody tr")
    }
    assert counts == {u: len(p) for u, p in IMPLEMENTED_BY.items() if u.startswith("CU_")}
    sections = {
        row.find_all(["th", "td"])[0].get_text(): int(row.find_all("td")[-1].get_text())
        for row in page.select("table.coverage-sections tbody tr")
    }
    practices = [i for i in ITEMS if i.type == model.PRACTICE.name]
    assert sections == {
        title: sum(p.fields["section"] == slug for p in practices) for slug, title in model.SECTIONS.items()
    }


def test_items_csv_holds_every_item_with_its_links_and_text(site):
    import csv

    from publisher.content.myst import visible_text

    with (site.outdir / "items.csv").open(encoding="utf-8") as file:
        rows = {row["ID"]: row for row in csv.DictReader(file)}
    assert sorted(rows) == sorted(item.id for item in ITEMS)
    for item in ITEMS:
        row = rows[item.id]
        assert (row["Title"], row["Status"], row["Source"]) == (
            item.title, model.STATUSES[item.status], f"{item.path}:{item.line}")
        assert row["Text"] == visible_text(item.text) and "{term}" not in row["Text"]
        assert row["Shown in English"] == ""
        assert sorted(row["Implements"].split()) == sorted(item.implements)
        assert sorted(row["Implemented by"].split()) == sorted(IMPLEMENTED_BY[item.id])
        assert (site.outdir / row["Address"].split("#")[0]).exists()


def test_needs_json_says_which_edition_and_who_made_it(site):
    import json

    from publisher.content import publication

    data = json.loads((site.outdir / "needs.json").read_text(encoding="utf-8"))
    assert (data["editors"], data["license"], data["language"]) == (
        publication.EDITORS, publication.LICENCE_URL, "en")
    assert data["edition"].startswith("Working draft") or data["edition"].startswith("Edition ")

