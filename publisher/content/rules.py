"""The traceability rules, checked on a corpus however it was read.

``nox -s trace`` reads the corpus from the sources; the Sphinx build reads it
from the directives and nodes it parsed. Each violation names the file, the
line, the item and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from publisher.content import model, registry
from publisher.content.items import Corpus, Item, Place, Violation
from publisher.content.myst import visible_text

#: The options a directive takes besides its type's own fields and links:
#: those sphinx-needs gives every need and that make sense in this project.
COMMON_OPTIONS = {"id", "status", "tags", "collapse", "hide"}
TYPE_OPTIONS = {
    model.UNDERSTANDING.name: COMMON_OPTIONS,
    model.PRACTICE.name: COMMON_OPTIONS | {"section", model.IMPLEMENTS},
}

Report = Callable[[Place, str, str, str, str], None]


def next_free_id(ids: Iterable[str | None], item_type: model.ItemType) -> str:
    """The ID after the highest one ever used for ``item_type``."""
    numbers = [
        int(item_id.removeprefix(item_type.prefix))
        for item_id in ids
        if item_id and item_type.id_pattern.fullmatch(item_id)
    ]
    return item_type.format_id(max(numbers, default=0) + 1)


def check(corpus: Corpus) -> list[Violation]:
    """Every violation of the rules in ``corpus``, sorted by place."""
    found: list[Violation] = []

    def report(place: Place, label: str, rule: str, problem: str, fix: str) -> None:
        found.append(Violation(place.path, place.line, label, rule, problem, fix))

    items = corpus.items
    by_id = _first_by_id(items)
    every_id = [item.id for item in items] + list(corpus.published)
    next_ids = {name: next_free_id(every_id, t) for name, t in model.ITEM_TYPES.items()}
    understandings = [i for i in by_id.values() if i.type == model.UNDERSTANDING.name]
    example = understandings[0].id if understandings else model.UNDERSTANDING.format_id(1)

    for item in items:
        _check_id(item, by_id, next_ids[item.type], report)
        _check_options(item, report)
        _check_fields(item, report)
        if item.type == model.PRACTICE.name and item.status != model.WITHDRAWN:
            _check_links(item, by_id, example, report)
        _check_title_and_text(item, report)
        if item.status != model.WITHDRAWN:
            _check_words(item, report)
    _check_coverage(items, understandings, report)
    _check_published(corpus.published, by_id, report)
    _check_glossary(corpus, report)
    found.extend(corpus.refused)
    for markup, place in corpus.raw_html:
        report(place, markup, "raw_html", "raw HTML is not allowed in the text",
               "write it in MyST Markdown, or ask the maintainers for a directive")
    return sorted(found)


def _first_by_id(items: list[Item]) -> dict[str, Item]:
    """Each well-formed ID with the first item that carries it."""
    by_id: dict[str, Item] = {}
    for item in items:
        if item.id and model.ITEM_TYPES[item.type].id_pattern.fullmatch(item.id):
            by_id.setdefault(item.id, item)
    return by_id


def _check_id(item: Item, by_id: dict[str, Item], next_id: str, report: Report) -> None:
    item_type = model.ITEM_TYPES[item.type]
    if not item.id:
        report(item.place, item.label, "id_missing", "has no ID",
               f"add ':id: {next_id}', the next free ID")
    elif not item_type.id_pattern.fullmatch(item.id):
        report(item.place, item.label, "id_pattern",
               f"'{item.id}' is not a {item.type} ID ({item_type.id_range})",
               f"use the next free ID, {next_id}")
    elif by_id[item.id] is not item:
        first = by_id[item.id]
        report(item.place, item.label, "id_duplicate", f"ID already used at {first.path}:{first.line}",
               f"give this item the next free ID, {next_id}")


def _check_options(item: Item, report: Report) -> None:
    allowed = TYPE_OPTIONS[item.type]
    for name in sorted(set(item.options) - allowed):
        report(item.place, item.label, "option_unknown", f"unknown option ':{name}:'",
               f"a {item.type} takes " + ", ".join(f":{o}:" for o in sorted(allowed)))


def _check_fields(item: Item, report: Report) -> None:
    for name, values in model.REQUIRED_FIELDS[item.type].items():
        value = item.fields.get(name)
        choices = ", ".join(values)
        if not value:
            report(item.place, item.label, "field_missing", f"has no :{name}:",
                   f"add ':{name}:' with one of: {choices}")
        elif value not in values:
            report(item.place, item.label, "field_value", f"{name} '{value}' is not in the closed list",
                   f"use one of: {choices}")


def _check_links(item: Item, by_id: dict[str, Item], example: str, report: Report) -> None:
    if not item.implements:
        report(item.place, item.label, "link_missing", "implements no understanding",
               f"add ':{model.IMPLEMENTS}:' with the understandings it serves, "
               f"e.g. ':{model.IMPLEMENTS}: {example}'")
    for target_id in item.implements:
        target = by_id.get(target_id)
        if target is None:
            report(item.place, item.label, "link_dead", f"implements {target_id}, which does not exist",
                   "link the ID of an existing understanding")
        elif target.type != model.UNDERSTANDING.name:
            report(item.place, item.label, "link_type", f"implements {target_id}, which is a {target.type}",
                   "a practice implements understandings only")
        elif target.status == model.WITHDRAWN:
            report(item.place, item.label, "link_withdrawn", f"implements {target_id}, which is withdrawn",
                   "link an adopted understanding instead")


def visible_words(text: str) -> int:
    """The number of words a reader sees in ``text``."""
    return len(visible_text(text).split())


#: Characters a reader cannot see that change what the text shows: controls, and the bidi
#: embeddings, overrides and isolates (U+202E turns "EP_017" around). ZWJ and ZWNJ shape
#: Arabic and other scripts: allowed.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _check_title_and_text(item: Item, report: Report) -> None:
    scaffold_title = model.SCAFFOLD_TITLE.format(kind=item.type)
    if not item.title.strip():
        report(item.place, item.label, "title_missing", "has no title", "write its title after the directive's name")
    elif item.title == scaffold_title or model.SCAFFOLD_TEXT[item.type] in item.text:
        report(item.place, item.label, "scaffold_left", "still has the placeholder `nox -s new` wrote",
               "write the item's own title and text")
    elif len(item.title) > model.TITLE_MAX_CHARACTERS:
        report(item.place, item.label, "title_long", f"the title has {len(item.title)} characters",
               f"shorten it to at most {model.TITLE_MAX_CHARACTERS}")
    for where, text in (("title", item.title), ("text", item.text)):
        if found := _INVISIBLE.search(text):
            report(item.place, item.label, "invisible_character",
                   f"its {where} contains the invisible character U+{ord(found[0]):04X}",
                   "delete it (retype the passage if you cannot see it)")


def _check_words(item: Item, report: Report) -> None:
    low, high = model.WORD_LIMITS[item.type]
    count = visible_words(item.text)
    if not low <= count <= high:
        report(item.place, item.label, "word_count", f"the {item.type} has {count} words",
               f"write {low} to {high} words")


def _check_coverage(items: list[Item], understandings: list[Item], report: Report) -> None:
    implemented = {
        target
        for item in items
        if item.type == model.PRACTICE.name and item.status != model.WITHDRAWN
        for target in item.implements
    }
    for understanding in understandings:
        if understanding.status != model.WITHDRAWN and understanding.id not in implemented:
            report(understanding.place, understanding.label, "understanding_unimplemented",
                   "no practice implements it",
                   f"add '{understanding.id}' to ':{model.IMPLEMENTS}:' of a practice that "
                   f"serves it, or mark it ':status: {model.WITHDRAWN}'")


def _check_published(published: dict[str, Place], by_id: dict[str, Item], report: Report) -> None:
    for item_id, place in published.items():
        if item_id not in by_id:
            report(place, item_id, "published_missing",
                   "was published and is no longer in the text; an ID never disappears",
                   f"restore the item with ':status: {model.WITHDRAWN}' "
                   f"(keep its line in {registry.REGISTRY})")


def _check_glossary(corpus: Corpus, report: Report) -> None:
    used = set()
    for term, place in corpus.term_references:
        used.add(term)
        if term not in corpus.terms:
            report(place, f'term "{term}"', "term_undefined", "is not in the glossary",
                   "correct the term, or define it in glossary/index.md")
    for term, place in corpus.terms.items():
        if term not in used:
            report(place, f'term "{term}"', "term_unused", "is defined but the text never refers to it",
                   f"link its first use with {{term}}`{term}`, or remove the entry")


def unseen(written: list[Item], built: list[Item]) -> list[Violation]:
    """The items written in the sources that the build did not read as items.

    A fence, an HTML comment or a code block left open above an item turns it
    into plain text: it would vanish from every output without a word.
    """
    seen = {(item.path, item.id or item.title) for item in built}
    return sorted(
        Violation(item.path, item.line, item.label, "item_hidden", "the build does not read this item",
                  "something above it is left open and hides it: close the fence, HTML comment or "
                  "block before it")
        for item in written if (item.path, item.id or item.title) not in seen
    )

