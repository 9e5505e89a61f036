"""The workflows run on what GitHub's runners still support: .github/action-runtimes.toml."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from conftest import PROJECT

RUNTIMES = PROJECT / ".github" / "action-runtimes.toml"
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
# `uses: owner/repo[/path]@<sha> # vX.Y.Z`: the comment is the only place the version shows.
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?:\s*#\s*(?P<version>\S+))?")
PIN = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+)(?:/[\w./-]+)?@(?P<sha>[0-9a-f]{40})$")
VERSION = re.compile(r"^(?P<major>v\d+)\.\d+\.\d+$")


def table() -> dict:
    return tomllib.loads(RUNTIMES.read_text(encoding="utf-8"))


def current_major(known: dict, supported: list[str]) -> str:
    """The newest supported major of an action, as the fix to propose."""
    majors = [(int(major[1:]), major, facts) for major, facts in known.items() if facts["runs"] in supported]
    if not majors:
        return "a major that runs on " + " or ".join(supported)
    _, major, facts = max(majors)
    return f"{major} ({facts['release']}, {facts['sha']})" if "release" in facts else major


def action_problems(path, runtimes: dict) -> list[str]:
    """Each action a workflow uses that is not pinned, or runs on a runtime the runners dropped."""
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        found = USES.match(line)
        if not found or found["ref"].startswith(("./", "docker://")):
            continue
        where = f"{path.name}:{number}"
        pin, version = PIN.match(found["ref"]), VERSION.match(found["version"] or "")
        if not pin or not version:
            problems.append(f"{where}: pin {found['ref']} by its full commit SHA, "
                            "with the release in a comment: `@<40 hex> # vX.Y.Z`")
            continue
        action, major = pin["action"], version["major"]
        known = runtimes["actions"].get(action, {})
        if major not in known:
            problems.append(f"{where}: {action} {major} is not in {RUNTIMES.name}: read `runs.using` in "
                            f"its action.yml at {found['version']} and add the major there")
            continue
        facts = known[major]
        if facts["runs"] not in runtimes["supported"]:
            problems.append(f"{where}: {action} {found['version']} runs on {facts['runs']}, which GitHub's "
                            f"runners no longer support; pin {current_major(known, runtimes['supported'])}")
        elif facts.get("release") == found["version"] and facts["sha"] != pin["sha"]:
            problems.append(f"{where}: {action} {found['version']} is commit {facts['sha']}, "
                            f"not {pin['sha']}; the SHA or the comment is wrong")
    return problems


def runner_problems(path, runtimes: dict) -> list[str]:
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    return [f"{path.name}: job {name} runs on {job['runs-on']}; use {runtimes['runner']}"
            for name, job in jobs.items() if "runs-on" in job and job["runs-on"] != runtimes["runner"]]


def node_problems(path, runtimes: dict) -> list[str]:
    """actions/setup-node reads .node-version, so Node's version is stated once."""
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    return [f"{path.name}: job {name} sets up Node without `node-version-file: .node-version`"
            for name, job in jobs.items() for step in job.get("steps", [])
            if step.get("uses", "").startswith("actions/setup-node@")
            and step.get("with", {}).get("node-version-file") != ".node-version"]


def test_the_table_is_dated_and_complete():
    runtimes = table()
    assert runtimes["checked"].year >= 2026
    for action, majors in runtimes["actions"].items():
        for major, facts in majors.items():
            assert re.fullmatch(r"v\d+", major) and facts["runs"], f"{action} {major}"
            if "release" in facts:
                assert VERSION.match(facts["release"])["major"] == major, f"{action} {major}"
                assert re.fullmatch(r"[0-9a-f]{40}", facts["sha"]), f"{action} {major}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_runs_on_a_supported_runtime(path):
    assert action_problems(path, table()) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_runs_on_the_current_runner(path):
    assert runner_problems(path, table()) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_node_is_the_current_lts(path):
    assert (PROJECT / ".node-version").read_text(encoding="utf-8").strip() == str(table()["node-lts"])
    assert node_problems(path, table()) == []


OLD = """\
on: push
jobs:
  x:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0
        with:
          node-version: 20
      - uses: actions/setup-python@0000000000000000000000000000000000000000 # v7.0.0
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v9.0.0
      - uses: actions/checkout@v7
"""


def test_an_outdated_workflow_is_caught_with_its_fix(tmp_path):
    old = tmp_path / "old.yml"
    old.write_text(OLD, encoding="utf-8")
    assert action_problems(old, table()) == [
        "old.yml:6: actions/checkout v4.2.2 runs on node20, which GitHub's runners no longer support;"
        " pin v7 (v7.0.1, 3d3c42e5aac5ba805825da76410c181273ba90b1)",
        "old.yml:10: actions/setup-python v7.0.0 is commit 5fda3b95a4ea91299a34e894583c3862153e4b97,"
        " not 0000000000000000000000000000000000000000; the SHA or the comment is wrong",
        "old.yml:11: actions/checkout v9 is not in action-runtimes.toml: read `runs.using` in its"
        " action.yml at v9.0.0 and add the major there",
        "old.yml:12: pin actions/checkout@v7 by its full commit SHA, with the release in a comment:"
        " `@<40 hex> # vX.Y.Z`",
    ]
    assert runner_problems(old, table()) == ["old.yml: job x runs on ubuntu-22.04; use ubuntu-24.04"]
    assert node_problems(old, table()) == ["old.yml: job x sets up Node without `node-version-file: .node-version`"]
