"""`nox -s new`: the next free ID in the right file, and trace says what is still missing."""

from __future__ import annotations

from publisher.content import scaffold, trace


def test_new_practice_gets_the_next_free_id_and_trace_names_what_it_lacks(make_project, capsys):
    project = make_project(files={"published-ids.txt": "CU_01\nCU_02\nEP_001\nEP_002\nEP_003\n",
                                  "practices/02-development.md": "# Migration and development\n\n"
                                  "```{practice} Lower the cost of remittances\n:id: EP_003\n"
                                  ":section: development\n:status: withdrawn\n\nText.\n```\n"})
    assert scaffold.main(["practice", "development", "--root", str(project)]) == 0
    assert capsys.readouterr().out == (
        "new: EP_004 added at the end of practices/02-development.md; write it, then run `nox -s trace`\n"
    )
    assert trace.main(["--root", str(project)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "practices/02-development.md:11: EP_004: implements no understanding; add ':implements:' "
        "with the understandings it serves, e.g. ':implements: CU_01'",
        "practices/02-development.md:11: EP_004: still has the placeholder `nox -s new` wrote; write the "
        "item's own title and text",
        "practices/02-development.md:11: EP_004: the practice has 17 words; write 40 to 150 words",
    ]


def test_new_understanding_is_numbered_after_the_last(make_project, capsys):
    project = make_project()
    scaffold.main(["understanding", "--root", str(project)])
    assert "CU_03 added at the end of framework/understandings.md" in capsys.readouterr().out
    assert sorted(v.rule for v in trace.check_project(project)[1]) == [
        "scaffold_left", "understanding_unimplemented", "word_count"]
