"""Cite this item: its BibTeX, RIS and CSL-JSON files parse as reference managers read them."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from conftest import sphinx_build
from publisher.outputs import cite

BASE = "https://example.org/iamm/"
EDITION = "2026-1 2026-11-01\n"


def bibtex_entries(path):
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"),
                                        append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    return library.entries


@pytest.fixture
def stamped(make_project):
    """The minimal project, stamped as edition 2026-1, built knowing the site's address."""
    return sphinx_build(make_project(files={"EDITION": EDITION}), publisher_base_url=BASE)


def test_ris_parses_with_the_edition_the_date_and_the_permanent_address(stamped):
    [record] = rispy.loads((stamped.outdir / "api" / "cite" / "EP_002.ris").read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == "EP_002 Train officials in rights"
    assert record["authors"] == ["The editors of the IAMM Open Edition"]
    assert record["secondary_title"] == "IAMM Open Edition"
    assert record["edition"] == "Edition 2026-1 · 2026-11-01"
    assert (record["year"], record["date"]) == ("2026", "2026/11/01")
    assert record["urls"] == [f"{BASE}en/items/EP_002/"]
    assert record["language"] == "en"
    assert record["abstract"].startswith("States train officials who meet migrants.")


def test_bibtex_parses_with_the_edition_the_date_and_the_permanent_address(stamped):
    [entry] = bibtex_entries(stamped.outdir / "api" / "cite" / "EP_002.bib")
    assert (entry.entry_type, entry.key) == ("online", "iamm-EP_002")
    fields = {field.key: field.value for field in entry.fields}
    assert fields["title"] == "EP_002 Train officials in rights"
    assert fields["author"] == "The editors of the IAMM Open Edition"  # one corporate name
    assert fields["version"] == "Edition 2026-1 · 2026-11-01"
    assert (fields["date"], fields["year"]) == ("2026-11-01", "2026")
    assert fields["url"] == f"{BASE}en/items/EP_002/"


def test_csl_json_names_the_edition_the_date_and_the_permanent_address(stamped):
    [entry] = json.loads((stamped.outdir / "api" / "cite" / "EP_002.json").read_text(encoding="utf-8"))
    assert entry["type"] == "webpage" and entry["id"] == "iamm-EP_002"
    assert entry["author"] == [{"literal": "The editors of the IAMM Open Edition"}]
    assert entry["container-title"] == "IAMM Open Edition"
    assert entry["issued"] == {"date-parts": [[2026, 11, 1]]}
    assert entry["URL"] == f"{BASE}en/items/EP_002/"


def test_the_page_links_each_item_to_its_citation_files(stamped):
    box = stamped.page("practices/01-cooperation").find(id="EP_002")
    assert "Edition 2026-1 · 2026-11-01, EP_002" in box.select_one(".item-cite").get_text()
    links = {a.get_text(): a["href"] for a in box.select(".item-tools a")}
    assert links == {"BibTeX": "../api/cite/EP_002.bib", "RIS": "../api/cite/EP_002.ris",
                     "CSL-JSON": "../api/cite/EP_002.json",
                     "This item as data (JSON)": "../api/items/EP_002.json"}
    for href in links.values():
        assert (stamped.outdir / "practices" / href).resolve().is_file()


def test_without_the_sites_address_no_format_carries_a_url(make_project):
    build = sphinx_build(make_project())
    folder = build.outdir / "api" / "cite"
    [record] = rispy.loads((folder / "EP_001.ris").read_text(encoding="utf-8"))
    assert "urls" not in record
    [entry] = bibtex_entries(folder / "EP_001.bib")
    assert "url" not in {field.key for field in entry.fields}
    assert "URL" not in json.loads((folder / "EP_001.json").read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize("title", ["Costs & fees: 100% {fair} for #1_group ~ \\ $5", "Réduire les coûts"])
def test_a_title_with_latex_specials_survives_bibtex_and_ris(title):
    facts = {"key": "iamm-EP_001", "title": title, "author": "A", "container": "C", "edition": "E",
             "date": "2026-11-01", "url": "", "language": "en", "abstract": "one\ntwo", "licence": "L"}
    library = bibtexparser.parse_string(cite.bibtex(facts), append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["title"].value == title
    [record] = rispy.loads(cite.ris(facts))
    assert record["title"] == title and record["abstract"] == "one two"


def test_a_caret_is_written_as_latex_writes_it():
    # pylatexenc decodes \textasciicircum{} to U+02C6, so this one is checked as written.
    assert cite.bibtex_value("x^2") == r"x\textasciicircum{}2"
