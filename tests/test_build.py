"""`nox -s build` publishes a whole site or nothing."""

from __future__ import annotations

from conftest import PROJECT, development_page
from publisher.build import build_site

BROKEN = development_page("EP_003", "CU_09")


def test_a_failed_build_leaves_the_published_site_as_it_was(make_project, tmp_path, capfd):
    project = make_project()
    site = tmp_path / "site"
    assert build_site(project, ["en"], site, confdir=PROJECT) == 0
    published = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "en" / "index.html").exists() and (site / "en" / "needs.json").exists()

    (project / "practices" / "02-development.md").write_text(BROKEN, encoding="utf-8")
    assert build_site(project, ["en"], site, confdir=PROJECT) != 0

    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == published
    err = capfd.readouterr().err
    assert "practices/02-development.md:4: WARNING: EP_003: implements CU_09, which does not exist" in err
    assert "build: en failed; " in err
