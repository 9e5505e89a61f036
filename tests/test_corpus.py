"""The framework's text keeps its promised size and shape: no edit may silently drop below."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import PROJECT
from publisher import model, sources, trace

ITEMS = sources.read_items(PROJECT)
ADOPTED = [item for item in ITEMS if item.status != model.WITHDRAWN]
UNDERSTANDINGS = [i for i in ADOPTED if i.type == model.UNDERSTANDING.name]
PRACTICES = [i for i in ADOPTED if i.type == model.PRACTICE.name]
_ROLE = re.compile(r"\{term\}`(?:([^`<]*?)\s*<[^>`]+>|([^`]+))`")


def words(text: str) -> int:
    """The words a reader sees: a role counts as its visible text."""
    return len(_ROLE.sub(lambda m: m[1] or m[2], text).split())


def test_the_sources_break_no_rule():
    assert trace.check_project(PROJECT)[1] == []


def test_at_least_twenty_understandings():
    assert len(UNDERSTANDINGS) >= 20


def test_at_least_120_practices_in_at_least_16_sections():
    assert len(PRACTICES) >= 120
    assert len({p.fields["section"] for p in PRACTICES}) >= 16


def test_every_understanding_is_implemented_at_least_three_times():
    implemented = Counter(target for p in PRACTICES for target in p.implements)
    assert {u.id: implemented[u.id] for u in UNDERSTANDINGS if implemented[u.id] < 3} == {}


def test_practice_ids_run_across_the_framework_without_gaps():
    numbers = sorted(int(p.id.removeprefix(model.PRACTICE.prefix)) for p in ITEMS if p.type == "practice")
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda p: p.id)
def test_practice_is_40_to_150_words(practice):
    assert 40 <= words(practice.text) <= 150


def test_glossary_has_at_least_30_terms():
    # That each is used and each reference defined is a rule: see test_the_sources_break_no_rule.
    assert len(sources.read_corpus(PROJECT).terms) >= 30


def test_each_section_has_one_name_per_language():
    """The section a practice names and the title of its page are the same words."""
    from babel.messages.pofile import read_po

    from publisher.languages import LANGUAGES, TRANSLATIONS

    def catalog(path):
        with path.open("rb") as file:
            return read_po(file)

    headings = {path.stem: path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
                for path in (PROJECT / "practices").glob("*.md")}
    for code in TRANSLATIONS:
        folder = PROJECT / "locales" / LANGUAGES[code].sphinx / "LC_MESSAGES"
        labels = catalog(folder / "publisher.po")
        for number, (slug, title) in enumerate(model.SECTIONS.items(), 1):
            page = f"{number:02d}-{slug}"
            heading = catalog(folder / "practices" / f"{page}.po")[headings[page]]
            assert labels[title].string == heading.string, f"{code}: {slug}"
