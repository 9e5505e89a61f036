"""An item of the framework as written in its source, and a rule's verdict on it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LIST_SEPARATOR = re.compile(r"[,;|]")


def split_ids(value: str | None) -> tuple[str, ...]:
    """Split an option such as ``CU_01, CU_02`` as sphinx-needs does."""
    if not value:
        return ()
    return tuple(part.strip() for part in _LIST_SEPARATOR.split(value) if part.strip())


@dataclass(frozen=True)
class Item:
    """One understanding or practice, as its directive was written."""

    type: str
    id: str | None
    title: str
    path: str  # relative to the project's source folder, with "/" separators
    line: int  # the line of the directive's opening fence
    fields: dict[str, str] = field(default_factory=dict)
    implements: tuple[str, ...] = ()
    text: str = ""  # the body, as written, without the options

    @property
    def label(self) -> str:
        """How messages name the item: its ID, or its title when it has none."""
        return self.id or f'{self.type} "{self.title}"'

    @property
    def status(self) -> str | None:
        return self.fields.get("status")


@dataclass(frozen=True, order=True)
class Violation:
    """A broken rule: where, which item, what is wrong and how to fix it."""

    path: str
    line: int
    item: str
    rule: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.item}: {self.problem}; {self.fix}"

    @property
    def message(self) -> str:
        """The text after the location, as Sphinx's warning shows it."""
        return f"{self.item}: {self.problem}; {self.fix}"
