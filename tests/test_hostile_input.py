"""Hostile and broken input: refused with file, line and fix, and nothing of it reaches an output."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import development_page, sphinx_build
from publisher.content import trace

CASES = tomllib.loads((Path(__file__).parent / "hostile_cases.toml").read_text(encoding="utf-8"))["case"]
#: What must never be found in a built page, whatever the text tried.
LEAKS = ("root:x:", "print(1)")


def unsafe_attributes(page: BeautifulSoup) -> list[str]:
    """Event handlers, and links or sources with a scheme that runs code."""
    found = []
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            elif name in ("href", "src") and str(value).strip().lower().startswith(("javascript:", "data:", "file:")):
                found.append(f"<{element.name} {name}={value}>")
    return found


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_hostile_input_is_refused_where_it_was_written(case, make_project, capsys):
    project = make_project(files=case["files"])
    assert trace.main(["--root", str(project)]) == (1 if case["trace"] else 0)
    assert capsys.readouterr().out.splitlines() == case["trace"]

    build = sphinx_build(project)
    assert build.warnings == case["build"]
    assert all(":" in warning.split(" WARNING: ")[0] for warning in build.warnings)  # path:line
    page_path = build.outdir / "practices" / "02-development.html"
    html = page_path.read_text(encoding="utf-8") if page_path.exists() else ""
    assert unsafe_attributes(BeautifulSoup(html, "html.parser")) == []
    assert [leak for leak in LEAKS if leak in html] == []
    for folder in ("_images", "_downloads"):
        assert not any((build.outdir / folder).rglob("*")), f"something was copied into {folder}"


def test_a_title_that_looks_like_a_formula_stays_text_in_the_spreadsheet(make_project):
    project = make_project(files={"practices/02-development.md": development_page("EP_003", "CU_01").replace(
        "Lower the cost of remittances", '=HYPERLINK("https://evil.example","click")')})
    build = sphinx_build(project)
    with (build.outdir / "items.csv").open(encoding="utf-8") as file:
        rows = {row["ID"]: row for row in csv.DictReader(file)}
    assert rows["EP_003"]["Title"] == '\'=HYPERLINK("https://evil.example","click")'
