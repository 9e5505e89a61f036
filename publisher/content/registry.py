"""The committed registry of published IDs: once published, an ID never disappears."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from publisher.content.items import Place

#: Relative to the project's source folder.
REGISTRY = "published-ids.txt"


def read(root: Path) -> dict[str, Place]:
    """Each published ID with its line in the registry; none if there is no registry."""
    path = root / REGISTRY
    if not path.exists():
        return {}
    published: dict[str, Place] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            published.setdefault(entry, Place(REGISTRY, number))
    return published


def add(root: Path, ids: Iterable[str]) -> list[str]:
    """Append the IDs not yet registered, in order; the IDs added."""
    known = read(root)
    new = sorted(set(ids) - set(known))
    if new:
        with (root / REGISTRY).open("a", encoding="utf-8") as registry:
            registry.writelines(f"{item_id}\n" for item_id in new)
    return new
