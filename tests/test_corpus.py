"""The framework's text keeps its promised size and shape: no edit may silently drop below."""

from __future__ import annotations

import re
from collections import Counter


from conftest import PROJECT
from publisher.content import model, rules, sources, trace

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


def test_at_least_110_practices_in_every_section():
    """Near-duplicates were merged (issue 13): 136 practices became 114; a section's size follows its subject."""
    assert len(PRACTICES) >= 110
    sizes = Counter(p.fields["section"] for p in PRACTICES)
    assert {slug: sizes[slug] for slug in model.SECTIONS if sizes[slug] < 4} == {}


def practices_per_understanding() -> Counter:
    return Counter(target for p in PRACTICES for target in p.implements)


def test_every_understanding_is_implemented_at_least_four_times():
    implemented = practices_per_understanding()
    assert {u.id: implemented[u.id] for u in UNDERSTANDINGS if implemented[u.id] < 4} == {}


def test_no_understanding_is_implemented_by_more_than_a_quarter_of_the_practices():
    """A link states a real relation: no understanding serves as a catch-all."""
    cap = len(PRACTICES) // 4
    implemented = practices_per_understanding()
    assert {u.id: implemented[u.id] for u in UNDERSTANDINGS if implemented[u.id] > cap} == {}


#: Two practices that share this many words in a row say the same thing twice.
#: Eight is longer than any fixed phrase the framework repeats on purpose (the
#: longest, "smuggling of migrants and trafficking in persons", has seven), and
#: short enough to catch a sentence carried from one practice into another.
SHARED_RUN = 8


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of SHARED_RUN words, roles read as their text, case and punctuation ignored."""
    tokens = re.findall(r"[a-z0-9]+", _ROLE.sub(lambda m: m[1] or m[2], text).lower())
    return {tuple(tokens[k : k + SHARED_RUN]) for k in range(len(tokens) - SHARED_RUN + 1)}


def test_no_two_practices_share_a_long_run_of_identical_wording():
    seen: dict[tuple[str, ...], str] = {}
    shared = set()
    for practice in PRACTICES:
        for run in runs(practice.text):
            first = seen.setdefault(run, practice.id)
            if first != practice.id:
                shared.add(f"{first} and {practice.id}: '{' '.join(run)}'")
    assert sorted(shared) == []


def test_practice_ids_run_across_the_framework_without_gaps():
    numbers = sorted(int(p.id.removeprefix(model.PRACTICE.prefix)) for p in ITEMS if p.type == "practice")
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_item_keeps_the_word_limits_the_readme_states():
    """The rule (publisher/content/rules.py) reports each item outside its limits with file and line."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for item_type, (low, high) in model.WORD_LIMITS.items():
        assert f"{low} to {high} words" in readme, item_type
    violations = [str(v) for v in trace.check_project(PROJECT)[1] if v.rule == "word_count"]
    assert violations == []


def test_word_count_reads_roles_as_their_text():
    assert words("States help {term}`migrants <migrant>` and {term}`refugees <refugee>`.") == 5
    assert rules.visible_words("States help {term}`migrants <migrant>` [home](https://example.org).") == 4


def test_glossary_has_at_least_30_terms():
    # That each is used and each reference defined is a rule: see test_the_sources_break_no_rule.
    assert len(sources.read_corpus(PROJECT).terms) >= 30


def test_each_section_has_one_name_per_language():
    """The section a practice names and the title of its page are the same words."""
    from babel.messages.pofile import read_po

    from publisher.content.languages import LANGUAGES, TRANSLATIONS

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
