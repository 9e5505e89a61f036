"""sphinx-needs through its public API only; one corpus per build; settings as config values."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT, sphinx_build
from publisher.extension import collect
from publisher.tasks import build as site_build

PUBLISHER = PROJECT / "publisher"


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names if node.module}


def test_the_publisher_imports_nothing_of_sphinx_needs_but_its_api():
    used = {name for path in PUBLISHER.rglob("*.py") for name in imported_names(path) if name.startswith("sphinx_needs")}
    assert used == {"sphinx_needs.api.add_need", "sphinx_needs.api.InvalidNeedException"}


def test_no_handler_is_ordered_against_another_package():
    """The priorities left order the publisher's own handlers: the title before the PDF's name, the
    used assets last, the side-by-side blocks marked after the items are laid out."""
    found = sorted(f"{path.relative_to(PROJECT)}:{line.strip()}" for path in PUBLISHER.rglob("*.py")
                   for line in path.read_text(encoding="utf-8").splitlines() if "priority=" in line)
    assert [f.split(":")[0] for f in found] == [
        "publisher/extension/assets.py", "publisher/extension/side_by_side.py", "publisher/outputs/pdf.py",
        "publisher/translations/i18n.py"]


def test_every_item_is_a_need_laid_out_once_as_a_section(make_project):
    build = sphinx_build(make_project())
    assert build.warnings == []
    needs = build.needs()
    page = build.page("practices/01-cooperation")
    for need_id, need in needs.items():
        if need["docname"] != "practices/01-cooperation":
            continue
        assert len(page.find_all(id=need_id)) == 1  # no twin anchor beside the section
        assert page.find(id=need_id).name == "section"
    assert not page.select(".need, table.need")  # sphinx-needs renders none of them


def test_the_corpus_is_assembled_once_per_build(make_project, monkeypatch):
    made = []
    original = collect.CorpusDomain.corpus

    def counted(self):
        before = self._corpus
        corpus = original(self)
        if corpus is not before:
            made.append(corpus)
        return corpus

    monkeypatch.setattr(collect.CorpusDomain, "corpus", counted)
    build = sphinx_build(make_project())
    assert build.warnings == [] and len(made) == 1


def test_the_build_computes_the_settings_once_and_passes_them_to_every_language(tmp_path, monkeypatch):
    monkeypatch.setenv("PUBLISHER_BASE_URL", "https://example.org/iamm")
    monkeypatch.delenv("PUBLISHER_REPOSITORY_URL", raising=False)
    settings = site_build.publication_settings(PROJECT)
    assert settings["publisher_base_url"] == "https://example.org/iamm/"
    assert settings["publisher_published_languages"].split(",")[0] == "en"
    assert "publisher_repository_url" not in settings
    commands = []
    monkeypatch.setattr(site_build.subprocess, "run", lambda command, check: commands.append(command) or
                        type("Done", (), {"returncode": 1})())
    site_build.build_language(PROJECT, "fr", tmp_path / "fr", formats=("html",), settings=settings)
    assert "publisher_base_url=https://example.org/iamm/" in commands[0]
    assert f"publisher_published_languages={settings['publisher_published_languages']}" in commands[0]


def test_a_plain_sphinx_build_knows_no_address_from_the_environment(make_project, monkeypatch):
    """Its gate it computes itself (test_languages.py); the address it is told, with -D."""
    monkeypatch.setenv("PUBLISHER_BASE_URL", "https://example.org/iamm")  # read by tasks/build.py only
    build = sphinx_build(make_project())
    page = build.page("index")
    assert build.warnings == []
    assert not page.select('link[rel="alternate"]') and not page.select('link[rel="canonical"]')
