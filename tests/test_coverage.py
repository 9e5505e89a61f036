"""The coverage gate names every figure below its threshold."""

from __future__ import annotations

import json

from publisher.content import coverage_figures as coverage
from publisher.content import sources
from publisher.content.items import Corpus


def test_shortfalls_name_each_understanding_and_section_below_threshold(make_project):
    figures = coverage.figures(sources.read_corpus(make_project()))
    assert figures["understandings"] == {
        "CU_01": {"practices": ["EP_001", "EP_002"], "count": 2},
        "CU_02": {"practices": ["EP_002"], "count": 1},
    }
    shortfalls = coverage.shortfalls(figures)
    assert shortfalls[:2] == [
        "CU_01: implemented by 2 practice(s), fewer than 4; link more practices that serve it",
        "CU_02: implemented by 1 practice(s), fewer than 4; link more practices that serve it",
    ]
    assert "section 'cooperation': 2 practice(s), fewer than 4" in shortfalls
    assert "section 'development': 0 practice(s), fewer than 4" in shortfalls


def test_gate_fails_below_and_passes_at_threshold(tmp_path, capsys):
    figures = coverage.figures(Corpus())
    figures["thresholds"] = {"practices_per_understanding": 0, "practices_per_section": 0}
    path = tmp_path / "coverage.json"
    path.write_text(json.dumps(figures), encoding="utf-8")
    assert coverage.main([str(path)]) == 0

    figures["thresholds"]["practices_per_section"] = 1
    path.write_text(json.dumps(figures), encoding="utf-8")
    assert coverage.main([str(path)]) == 1
    assert f"{path}: section 'cooperation': 0 practice(s), fewer than 1" in capsys.readouterr().out
