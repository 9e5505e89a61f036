"""An incremental build after an edit shows the same links as a fresh one."""

from __future__ import annotations

from conftest import WITH_GENERATED_PAGES, coverage_rows, matrix_cells, sphinx_build, withdrawn_listed


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


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_matrix_and_coverage_pages_show_a_new_link_after_an_incremental_build(make_project):
    project = make_project(files=WITH_GENERATED_PAGES)
    fresh = sphinx_build(project)
    assert matrix_cells(fresh) == {"CU_01": ["EP_001", "EP_002"], "CU_02": ["EP_002"]}

    edit(project / "practices" / "01-cooperation.md", ":implements: CU_01\n", ":implements: CU_01, CU_02\n")
    incremental = sphinx_build(project, fresh=False)
    assert incremental.warnings == []
    assert matrix_cells(incremental) == {"CU_01": ["EP_001", "EP_002"], "CU_02": ["EP_001", "EP_002"]}
    assert coverage_rows(incremental)["CU_02"] == (["EP_001", "EP_002"], "2")


def test_a_withdrawn_practice_leaves_every_page_after_an_incremental_build(make_project):
    project = make_project(files=WITH_GENERATED_PAGES)
    sphinx_build(project)

    # Only its status changes: its title, links and page stay as they were.
    edit(project / "practices" / "01-cooperation.md", ":status: adopted\n:implements: CU_01\n",
         ":status: withdrawn\n:implements: CU_01\n")
    incremental = sphinx_build(project, fresh=False)
    assert incremental.warnings == []
    assert implemented_by(incremental, "CU_01") == ["EP_002"]
    assert matrix_cells(incremental) == {"CU_01": ["EP_002"], "CU_02": ["EP_002"]}
    assert coverage_rows(incremental)["CU_01"] == (["EP_002"], "1")
    assert withdrawn_listed(incremental) == ["EP_001"]
