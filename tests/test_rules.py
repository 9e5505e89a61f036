"""Every rule, broken on a small fixture: the exact lines trace prints and the build warns."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import sphinx_build
from publisher.content import trace

CASES = tomllib.loads((Path(__file__).parent / "rule_cases.toml").read_text(encoding="utf-8"))["case"]


def test_the_minimal_project_is_clean(make_project):
    project = make_project()
    assert trace.check_project(project)[1] == []
    assert sphinx_build(project).warnings == []


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_trace_and_build_report_the_same_violation(case, make_project, capsys):
    project = make_project(files=case["files"])

    assert trace.main(["--root", str(project)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == case["expected"]["trace"]

    build = sphinx_build(project)
    violations = trace.check_project(project)[1]
    # The same lines, unless the case says how the parser's reading differs from trace's
    # (raw HTML: the build refuses each HTML node the parser made, trace each tag it sees).
    assert [w for w in build.warnings if "[publisher." in w] == case["expected"].get("build", [
        f"{v.path}:{v.line}: WARNING: {v.message} [publisher.{v.rule}]" for v in violations
    ])
    assert [w for w in build.warnings if "[publisher." not in w] == case["expected"].get("sphinx_also", [])
