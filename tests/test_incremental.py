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


def test_the_item_files_follow_an_incremental_build(make_project):
    """Item files are written only when they change, yet an edit reaches them and a removed item leaves none."""
    import json

    project = make_project()
    fresh = sphinx_build(project)
    api = fresh.outdir / "api"
    written = (api / "items" / "EP_002.json").stat().st_mtime_ns
    sphinx_build(project, fresh=False)  # nothing edited: nothing written again
    assert (api / "items" / "EP_002.json").stat().st_mtime_ns == written

    page = project / "practices" / "01-cooperation.md"
    edit(page, "States meet.", "Governments meet.")
    text = page.read_text()
    page.write_text(text[:text.index("```{practice} Train officials")])  # EP_002 removed
    incremental = sphinx_build(project, fresh=False)

    assert json.loads((api / "items" / "EP_001.json").read_text())["text"].startswith("Governments meet.")
    assert "Governments meet." in (api / "cite" / "EP_001.ris").read_text()
    assert sorted(p.name for p in (api / "items").iterdir()) == ["CU_01.json", "CU_02.json", "EP_001.json"]
    assert not list((api / "cite").glob("EP_002.*"))
    assert "EP_002" not in (api / "items.json").read_text()
    assert sorted(p.name for p in (incremental.outdir / "items").iterdir()) == ["CU_01", "CU_02", "EP_001"]
    assert any("CU_02: no practice implements it" in w for w in incremental.warnings)  # the removal is seen


def mtimes(folder):
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_an_incremental_build_remakes_the_files_of_the_items_an_edit_shows_on_and_no_others(make_project):
    """After a practice is retitled, its files and those of the understanding it implements are made
    again (the understanding's "implemented by" shows the title); the other items' files are not."""
    import json

    project = make_project()
    fresh = sphinx_build(project)
    api, permanent = fresh.outdir / "api", fresh.outdir / "items"
    before = mtimes(api) | mtimes(permanent)

    edit(project / "practices" / "01-cooperation.md", "Train officials", "Train border officials")
    sphinx_build(project, fresh=False)

    understanding = json.loads((api / "items" / "CU_02.json").read_text())
    assert [link["title"] for link in understanding["implemented_by"]] == ["Train border officials in rights"]
    assert "Train border officials" in (api / "cite" / "EP_002.bib").read_text()
    after = mtimes(api) | mtimes(permanent)
    remade = sorted(name for name in after if after[name] != before[name] and not name.startswith("pages/"))
    # EP_002 implements CU_01 and CU_02; api/pages/ follow the pages Sphinx writes again.
    assert remade == ["cite/EP_002.bib", "cite/EP_002.json", "cite/EP_002.ris", "items.json",
                      "items/CU_01.json", "items/CU_02.json", "items/EP_002.json"]


def test_a_deleted_output_file_is_made_again_by_an_incremental_build(make_project):
    project = make_project()
    fresh = sphinx_build(project)
    gone = [fresh.outdir / "api" / "cite" / "CU_01.bib", fresh.outdir / "items" / "EP_001" / "index.html",
            fresh.outdir / "reference" / "facets" / "status-adopted.html"]
    kept = [path.read_bytes() for path in gone]
    for path in gone:
        path.unlink()
    sphinx_build(project, fresh=False)
    assert [path.read_bytes() for path in gone] == kept


def test_a_changed_configuration_remakes_every_item_file(make_project):
    import json

    project = make_project()
    sphinx_build(project, publisher_base_url="https://one.example/iamm/")
    built = sphinx_build(project, fresh=False, publisher_base_url="https://two.example/iamm/")
    for name in ("CU_01", "CU_02", "EP_001", "EP_002"):
        data = json.loads((built.outdir / "api" / "items" / f"{name}.json").read_text())
        assert data["permalink"] == f"https://two.example/iamm/en/items/{name}/"


def test_a_facet_page_follows_an_incremental_build_and_is_made_only_when_it_changes(make_project):
    project = make_project()
    fresh = sphinx_build(project)
    facets = fresh.outdir / "reference" / "facets"
    before = mtimes(facets)

    edit(project / "practices" / "01-cooperation.md", ":status: adopted\n:implements: CU_01\n",
         ":status: withdrawn\n:implements: CU_01\n")
    sphinx_build(project, fresh=False)
    withdrawn = (facets / "status-withdrawn.html").read_text()
    assert 'href="../../practices/01-cooperation.html#EP_001"' in withdrawn
    after = mtimes(facets)
    assert after != before
    sphinx_build(project, fresh=False)
    assert mtimes(facets) == after  # nothing edited: no page made again
