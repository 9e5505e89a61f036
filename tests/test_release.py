"""`nox -s release`: the edition is stamped and every current ID registered as published."""

from __future__ import annotations

import datetime

from publisher.content import registry
from publisher.content import editions as release
from publisher.content import sources


def test_release_stamps_the_edition_and_registers_every_id(make_project):
    project = make_project()
    added = release.release(project, "2026-1", datetime.date(2026, 11, 27))
    assert added == ["CU_01", "CU_02", "EP_001", "EP_002"]
    assert list(registry.read(project)) == [item.id for item in sources.read_items(project)]
    assert release.edition_line(project) == "Edition 2026-1 · 2026-11-27"
    assert release.release(project, "2026-2", datetime.date(2026, 12, 1)) == []  # nothing new to register


def test_an_unreleased_text_is_a_working_draft(make_project):
    assert release.edition_line(make_project()).startswith("Working draft")


def test_an_edition_name_is_checked(make_project):
    import pytest

    with pytest.raises(SystemExit, match="cannot name an edition"):
        release.release(make_project(), "2026/1", datetime.date(2026, 11, 27))


def test_commits_after_the_tagged_edition_are_a_working_draft(make_project):
    """EDITION stays stamped after a release: only the tagged commit calls itself the edition."""
    import subprocess

    project = make_project()

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=project,
                       check=True, capture_output=True)

    git("init", "-q")
    release.release(project, "1", datetime.date(2026, 1, 15))
    git("add", "-A")
    git("commit", "-qm", "Edition 1", "--date=2026-01-15T12:00:00")
    git("tag", "edition-1")
    assert release.edition_line(project) == "Edition 1 · 2026-01-15"

    (project / "index.md").write_text("# Changed after the edition\n", encoding="utf-8")
    git("commit", "-qam", "A later edit")
    release.moved_on_from.cache_clear()
    release.last_commit_date.cache_clear()
    assert release.edition_line(project).startswith("Working draft · ")
