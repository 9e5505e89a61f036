"""Dependency updates: Dependabot watches every pinned ecosystem, and each lock agrees with its .in."""

from __future__ import annotations

import re

import yaml

from conftest import PROJECT

REQUIREMENTS = PROJECT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)", re.MULTILINE)


def test_dependabot_watches_actions_python_and_node_tools_grouped():
    updates = yaml.safe_load((PROJECT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    watched = {update["package-ecosystem"]: update for update in updates}
    assert set(watched) == {"github-actions", "pip", "npm"}
    assert watched["pip"]["directory"] == "/requirements"
    for ecosystem, update in watched.items():
        assert update.get("groups"), f"{ecosystem}: group the updates, or reviewers get one pull request each"


def pins(path) -> dict[str, str]:
    """The `name==version` pins of a requirements file, following its `-r` includes."""
    text = path.read_text(encoding="utf-8")
    found = {}
    for include in re.findall(r"^-r\s+(\S+)", text, re.MULTILINE):
        found |= pins(path.parent / include)
    return found | {name.lower().replace("_", "-"): version for name, version in PIN.findall(text)}


def lock_problems(folder) -> list[str]:
    """A pin of an .in file that its .txt lock does not hold: a half-done update."""
    problems = []
    for source in sorted(folder.glob("*.in")):
        locked = pins(source.with_suffix(".txt"))
        problems += [f"{source.name}: {name}=={version}, but {source.stem}.txt locks "
                     f"{locked.get(name, 'nothing')}; run `nox -s lock`"
                     for name, version in pins(source).items() if locked.get(name) != version]
    return problems


def test_every_lock_holds_the_pins_of_its_source():
    assert lock_problems(REQUIREMENTS) == []


def test_a_half_done_update_is_caught(tmp_path):
    (tmp_path / "docs.in").write_text("sphinx==9.3.0\n", encoding="utf-8")
    (tmp_path / "docs.txt").write_text("sphinx==9.2.0 \\\n    --hash=sha256:00\n", encoding="utf-8")
    assert lock_problems(tmp_path) == ["docs.in: sphinx==9.3.0, but docs.txt locks 9.2.0; run `nox -s lock`"]
