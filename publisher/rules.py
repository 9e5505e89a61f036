"""The traceability rules, checked on items however they were read.

``nox -s trace`` feeds them items parsed from the sources; the Sphinx build
feeds them the items its directives saw. Each violation names the file, the
line, the item and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import model
from .items import Item, Violation

#: The options a directive takes besides its type's own fields and links:
#: those sphinx-needs gives every need and that make sense in this project.
COMMON_OPTIONS = {"id", "status", "tags", "collapse", "hide"}
TYPE_OPTIONS = {
    model.UNDERSTANDING.name: COMMON_OPTIONS,
    model.PRACTICE.name: COMMON_OPTIONS | {"section", model.IMPLEMENTS},
}


def next_free_id(items: Iterable[Item], item_type: model.ItemType) -> str:
    """The ID after the highest one ever used for ``item_type``."""
    numbers = [
        int(item.id.removeprefix(item_type.prefix))
        for item in items
        if item.id and item_type.id_pattern.fullmatch(item.id)
    ]
    return item_type.format_id(max(numbers, default=0) + 1)


def check(items: Sequence[Item], options: dict[int, Iterable[str]] | None = None) -> list[Violation]:
    """Every violation of the rules in ``items``, sorted by place.

    ``options`` maps an item's index to the option names written on it, so
    that a misspelt option is reported rather than silently ignored.
    """
    found: list[Violation] = []

    def report(item: Item, rule: str, problem: str, fix: str) -> None:
        found.append(Violation(item.path, item.line, item.label, rule, problem, fix))

    by_id = _first_by_id(items)
    next_ids = {name: next_free_id(items, t) for name, t in model.ITEM_TYPES.items()}
    understandings = [i for i in by_id.values() if i.type == model.UNDERSTANDING.name]
    example_cu = understandings[0].id if understandings else model.UNDERSTANDING.format_id(1)

    for index, item in enumerate(items):
        item_type = model.ITEM_TYPES[item.type]
        _check_id(item, item_type, by_id, next_ids[item.type], report)
        for name in sorted(set((options or {}).get(index, ())) - TYPE_OPTIONS[item.type]):
            allowed = ", ".join(f":{o}:" for o in sorted(TYPE_OPTIONS[item.type]))
            report(item, "option_unknown", f"unknown option ':{name}:'",
                   f"a {item.type} takes {allowed}")
        for name, values in model.REQUIRED_FIELDS[item.type].items():
            value = item.fields.get(name)
            choices = ", ".join(values)
            if not value:
                report(item, "field_missing", f"has no :{name}:", f"add ':{name}:' with one of: {choices}")
            elif value not in values:
                report(item, "field_value", f"{name} '{value}' is not in the closed list",
                       f"use one of: {choices}")
        if item.type == model.PRACTICE.name and item.status != model.WITHDRAWN:
            _check_links(item, by_id, example_cu, report)

    for understanding in understandings:
        if understanding.status == model.WITHDRAWN:
            continue
        if not any(
            understanding.id in item.implements and item.status != model.WITHDRAWN
            for item in items
            if item.type == model.PRACTICE.name
        ):
            report(understanding, "understanding_unimplemented", "no practice implements it",
                   f"add '{understanding.id}' to ':{model.IMPLEMENTS}:' of a practice that "
                   f"serves it, or mark it ':status: {model.WITHDRAWN}'")
    return sorted(found)


def _first_by_id(items: Sequence[Item]) -> dict[str, Item]:
    """Each well-formed ID with the first item that carries it."""
    by_id: dict[str, Item] = {}
    for item in items:
        if item.id and model.ITEM_TYPES[item.type].id_pattern.fullmatch(item.id):
            by_id.setdefault(item.id, item)
    return by_id


def _check_id(item, item_type, by_id, next_id, report) -> None:
    if not item.id:
        report(item, "id_missing", "has no ID", f"add ':id: {next_id}', the next free ID")
    elif not item_type.id_pattern.fullmatch(item.id):
        report(item, "id_pattern",
               f"ID '{item.id}' is not a {item.type} ID ({item_type.id_range})",
               f"use the next free ID, {next_id}")
    elif by_id[item.id] is not item:
        first = by_id[item.id]
        report(item, "id_duplicate", f"ID already used at {first.path}:{first.line}",
               f"give this item the next free ID, {next_id}")


def _check_links(item, by_id, example_cu, report) -> None:
    if not item.implements:
        report(item, "link_missing", f"implements no understanding",
               f"add ':{model.IMPLEMENTS}:' with the understandings it serves, e.g. "
               f"':{model.IMPLEMENTS}: {example_cu}'")
    for target_id in item.implements:
        target = by_id.get(target_id)
        if target is None:
            report(item, "link_dead", f"implements {target_id}, which does not exist",
                   "link the ID of an existing understanding")
        elif target.type != model.UNDERSTANDING.name:
            report(item, "link_type", f"implements {target_id}, which is a {target.type}",
                   "a practice implements understandings only")
        elif target.status == model.WITHDRAWN:
            report(item, "link_withdrawn", f"implements {target_id}, which is withdrawn",
                   "link an adopted understanding instead")
