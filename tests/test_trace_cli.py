"""`nox -s trace` as editors and CI meet it: output, annotations, no dependencies."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT, development_page
from publisher.content import trace

BROKEN = development_page("EP_003", "CU_09")


def test_under_github_actions_each_violation_is_also_an_annotation(make_project, capsys, monkeypatch):
    project = make_project(files={"practices/02-development.md": BROKEN})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert trace.main(["--root", str(project)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "practices/02-development.md:4: EP_003: implements CU_09, which does not exist; "
        "link the ID of an existing understanding",
        "::error file=practices/02-development.md,line=4,title=link_dead::EP_003: implements CU_09, "
        "which does not exist; link the ID of an existing understanding",
    ]
    assert err == "trace: 5 items, 1 violation(s)\n"


def test_trace_needs_nothing_but_the_standard_library():
    # -S: no site-packages, so neither Sphinx nor any other installed package.
    result = subprocess.run([sys.executable, "-S", "-m", "publisher.content.trace"], cwd=PROJECT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.startswith("trace: ") and result.stderr.endswith(" items, 0 violation(s)\n")
