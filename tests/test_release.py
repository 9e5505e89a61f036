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
