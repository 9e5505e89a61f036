"""An incremental build after an edit shows the same links as a fresh one."""

from __future__ import annotations

from conftest import sphinx_build


def implemented_by(build, understanding):
    box = build.page("framework/understandings").find(id=understanding)
    line = box.select_one(".item-links.implemented-by")
    return [a.get_text().split()[0] for a in line.find_all("a")] if line else []


def test_a_new_link_shows_on_the_understanding_after_an_incremental_build(make_project):
    project = make_project()
    assert implemented_by(sphinx_build(project), "CU_02") == ["EP_002"]

    practices = project / "practices" / "01-cooperation.md"
    practices.write_text(practices.read_text().replace(":implements: CU_01\n", ":implements: CU_01, CU_02\n", 1))
    incremental = sphinx_build(project, fresh=False)
    assert incremental.warnings == []
    assert implemented_by(incremental, "CU_02") == ["EP_001", "EP_002"]


def test_a_retitled_understanding_shows_its_new_title_in_the_practices_links(make_project):
    project = make_project()
    sphinx_build(project)
    understandings = project / "framework" / "understandings.md"
    understandings.write_text(understandings.read_text().replace("States co-operate", "States work together"))
    page = sphinx_build(project, fresh=False).page("practices/01-cooperation")
    assert "CU_01 States work together" in page.find(id="EP_001").select_one(".item-links").get_text()
