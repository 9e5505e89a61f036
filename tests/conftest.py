"""Fixture projects: copied to a temporary folder, built with the project's conf.py."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import strip_escape_sequences
from sphinx.util.docutils import docutils_namespace

PROJECT = Path(__file__).parents[1]
ROOTS = Path(__file__).parent / "roots"


def development_page(item_id: str, implements: str) -> str:
    """A section page holding one practice, as the broken-rule tests write it (line 4)."""
    return f"""
# Migration and development

```{{practice}} Lower the cost of remittances
:id: {item_id}
:section: development
:status: adopted
:implements: {implements}

States act. They agree in advance who does what, share what they learn, report on the results at regular intervals, and adjust the arrangement when it no longer serves the people concerned or the States taking part in it, as their partners expect of them.
```
"""


@dataclass
class Build:
    """The result of building a fixture project."""

    srcdir: Path
    outdir: Path
    warnings: list[str]  # source folder stripped, one line per warning
    error: str | None = None  # why the build stopped, if it did (a SphinxError's message)
    _pages: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False, compare=False)

    def needs(self) -> dict[str, dict]:
        data = json.loads((self.outdir / "needs.json").read_text(encoding="utf-8"))
        return data["versions"][data["current_version"]]["needs"]

    def page(self, docname: str) -> BeautifulSoup:
        """The page as written, parsed once: tests read it item by item (parsing is most of their time)."""
        if docname not in self._pages:
            html = (self.outdir / f"{docname}.html").read_text(encoding="utf-8")
            self._pages[docname] = BeautifulSoup(html, "html.parser")
        return self._pages[docname]


#: Files that give the minimal project the generated pages: the matrix and the coverage report.
WITH_GENERATED_PAGES = {
    "index.md": "# Minimal framework\n\n```{toctree}\n:glob:\n\nframework/*\nglossary/*\npractices/*\n"
                "reference/*\n```\n",
    "reference/matrix.md": "# Traceability matrix\n\n```{traceability-matrix}\n```\n",
    "reference/coverage.md": "# Coverage\n\n```{coverage-report}\n```\n",
}


def matrix_cells(build: Build) -> dict[str, list[str]]:
    """Each understanding's row of the matrix: the practices it lists, every section together."""
    rows = build.page("reference/matrix").select("table.traceability-matrix tbody tr")
    return {row.find("a").get_text(): [a.get_text() for a in row.find_all("a")[1:]] for row in rows}


def coverage_rows(build: Build) -> dict[str, tuple[list[str], str]]:
    """Each understanding's row of the coverage report: the practices it lists and the number shown."""
    rows = build.page("reference/coverage").select("table.coverage-understandings tbody tr")
    cells = [row.find_all(["th", "td"]) for row in rows]
    return {understanding.a.get_text(): ([a.get_text() for a in practices.find_all("a")], number.get_text())
            for understanding, practices, number in cells}


def withdrawn_listed(build: Build) -> list[str]:
    """The IDs the coverage report lists under "Withdrawn items"."""
    heading = next(r for r in build.page("reference/coverage").select("p.rubric") if r.get_text() == "Withdrawn items")
    listing = heading.find_next_sibling()
    return [a.get_text() for a in listing.find_all("a")] if listing.name == "ul" else []


def sphinx_build(srcdir: Path, outdir: Path | None = None, fresh: bool = True, **overrides) -> Build:
    """Build ``srcdir`` as HTML with the project's own configuration, fresh unless told."""
    warnings = io.StringIO()
    outdir = outdir or srcdir / "_build" / "html"
    error = None
    # Each build registers its nodes and directives with docutils: undo it after.
    with docutils_namespace():
        try:
            app = Sphinx(
                srcdir=srcdir,
                confdir=PROJECT,
                outdir=outdir,
                doctreedir=outdir / ".doctrees",
                buildername="html",
                status=io.StringIO(),
                warning=warnings,
                freshenv=fresh,
                confoverrides=overrides,
            )
            app.build()
        except (SphinxError, SystemExit) as stopped:  # as sphinx-build reports it: a message
            error = str(stopped)
        finally:
            # Sphinx caches translators process-wide; one build's catalogs must not leak into the next.
            locale.translators.clear()
    prefix = f"{srcdir}/"
    lines = [line.replace(prefix, "") for line in strip_escape_sequences(warnings.getvalue()).splitlines()]
    return Build(srcdir, outdir, [line for line in lines if "WARNING" in line or "ERROR" in line], error)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real framework built as `nox -s build` builds it: every language, HTML and PDF."""
    from publisher.tasks.build import build_site
    from publisher.content.languages import LANGUAGES

    site = tmp_path_factory.mktemp("published") / "site"
    assert build_site(PROJECT, list(LANGUAGES), site) == 0, "the build failed: see its warnings above"
    return site


@pytest.fixture
def make_project(tmp_path):
    """Copy a fixture root, then write (or, with None, delete) the given files."""

    def make(root: str = "minimal", files: dict[str, str | None] | None = None) -> Path:
        project = tmp_path / root
        shutil.copytree(ROOTS / root, project)
        for name, text in (files or {}).items():
            path = project / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        return project

    return make


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Path:
    """The minimal project built in every format, knowing the site's public address."""
    import os

    from publisher.tasks.build import build_site

    project = tmp_path_factory.mktemp("addressed") / "project"
    shutil.copytree(ROOTS / "minimal", project)
    os.environ["PUBLISHER_BASE_URL"] = "https://example.org/iamm"
    try:
        assert build_site(project, ["en"], project.parent / "site", confdir=PROJECT) == 0
    finally:
        del os.environ["PUBLISHER_BASE_URL"]
    return project.parent / "site"


@pytest.fixture(scope="session")
def catalogued(tmp_path_factory) -> Path:
    """The minimal project with its catalogs made once (the gettext build takes seconds): copy it to change it."""
    from publisher.translations import update as i18n_update

    project = tmp_path_factory.mktemp("catalogued") / "minimal"
    shutil.copytree(ROOTS / "minimal", project)
    i18n_update.update(project, project.parent / "pot", confdir=PROJECT)
    return project

