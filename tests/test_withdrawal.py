"""Rule 6: a published item is withdrawn, never removed, and stays visible as withdrawn."""

from __future__ import annotations

from conftest import WITH_GENERATED_PAGES, coverage_rows, matrix_cells, sphinx_build, withdrawn_listed
from publisher.content import trace

REGISTRY = "CU_01\nCU_02\nEP_001\nEP_002\n"
EP_002_WITHDRAWN = """
# International co-operation

```{practice} Meet regularly
:id: EP_001
:section: cooperation
:status: adopted
:implements: CU_01, CU_02

States meet {term}`migrants <migrant>`. They agree in advance who does what, share what they learn, report on the results at regular intervals, and adjust the arrangement when it no longer serves the people concerned or the States taking part in it, as their partners expect of them.
```

```{practice} Train officials in rights
:id: EP_002
:section: cooperation
:status: withdrawn
:implements: CU_01, CU_02

States train.
```
"""
EP_002_REMOVED = EP_002_WITHDRAWN[: EP_002_WITHDRAWN.index("```{practice} Train")]


def test_removing_a_published_item_fails(make_project):
    project = make_project(files={"published-ids.txt": REGISTRY,
                                  "practices/01-cooperation.md": EP_002_REMOVED})
    expected = ("published-ids.txt:4: EP_002: was published and is no longer in the text; an ID "
                "never disappears; restore the item with ':status: withdrawn' (keep its line in "
                "published-ids.txt)")
    assert [str(v) for v in trace.check_project(project)[1]] == [expected]
    assert sphinx_build(project).warnings == [
        expected.replace("published-ids.txt:4: ", "published-ids.txt:4: WARNING: ")
        + " [publisher.published_missing]"
    ]


def test_withdrawing_a_published_item_passes_and_shows_it_withdrawn(make_project):
    project = make_project(files={"published-ids.txt": REGISTRY,
                                  "practices/01-cooperation.md": EP_002_WITHDRAWN})
    assert trace.check_project(project)[1] == []
    build = sphinx_build(project)
    assert build.warnings == []
    assert build.needs()["EP_002"]["status"] == "withdrawn"
    box = build.page("practices/01-cooperation").find(id="EP_002")
    assert "Status: Withdrawn" in box.get_text(" ", strip=True)
    assert "withdrawn" in box["class"]


def test_a_withdrawn_practice_no_longer_counts_for_its_understandings(make_project):
    """It keeps its links, as written when it was adopted; no page counts them."""
    project = make_project(files={**WITH_GENERATED_PAGES, "published-ids.txt": REGISTRY,
                                  "practices/01-cooperation.md": EP_002_WITHDRAWN})
    build = sphinx_build(project)
    assert build.warnings == []
    assert coverage_rows(build) == {"CU_01": (["EP_001"], "1"), "CU_02": (["EP_001"], "1")}
    assert withdrawn_listed(build) == ["EP_002"]
    assert matrix_cells(build) == {"CU_01": ["EP_001"], "CU_02": ["EP_001"]}
    understandings = build.page("framework/understandings")
    for understanding in ("CU_01", "CU_02"):
        line = understandings.find(id=understanding).select_one(".item-links.implemented-by")
        assert [a.get_text().split()[0] for a in line.find_all("a")] == ["EP_001"]
