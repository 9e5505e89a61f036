"""What the rules read: the items, the published IDs and the glossary, with their places."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publisher.content.model import WITHDRAWN

_LIST_SEPARATOR = re.compile(r"[,;|]")


def split_ids(value: str | None) -> tuple[str, ...]:
    """Split an option such as ``CU_01, CU_02`` as sphinx-needs does."""
    if not value:
        return ()
    return tuple(part.strip() for part in _LIST_SEPARATOR.split(value) if part.strip())


@dataclass(frozen=True, order=True)
class Place:
    path: str  # relative to the project's source folder, with "/" separators
    line: int


@dataclass(frozen=True)
class Item:
    """One understanding or practice, as its directive was written."""

    type: str
    id: str | None
    title: str
    path: str
    line: int  # the line of the directive's opening fence
    fields: dict[str, str] = field(default_factory=dict)
    implements: tuple[str, ...] = ()
    text: str = ""  # the body, as written, without the options
    options: tuple[str, ...] = ()  # the option names written, misspelt ones included
    title_translated: bool = True  # False where a translated build shows the English title
    end_line: int = 0  # the line of the closing fence, where known
    #: The body as a reader of the build's language sees it: translated paragraphs, and the
    #: English of those not yet translated (then text_translated is False).
    reader_text: str = ""
    text_translated: bool = True

    @property
    def label(self) -> str:
        """How messages name the item: its ID, or its title when it has none."""
        return self.id or f'{self.type} "{self.title}"'

    @property
    def status(self) -> str | None:
        return self.fields.get("status")

    @property
    def place(self) -> Place:
        return Place(self.path, self.line)


@dataclass
class Corpus:
    """Everything the rules check, however it was read."""

    items: list[Item] = field(default_factory=list)
    published: dict[str, Place] = field(default_factory=dict)  # ID -> its line in the registry
    terms: dict[str, Place] = field(default_factory=dict)  # glossary term -> its definition
    term_references: list[tuple[str, Place]] = field(default_factory=list)
    raw_html: list[tuple[str, Place]] = field(default_factory=list)  # the markup and where it is
    #: What the parser read and the build refused (publisher.extension.refuse), as violations already.
    refused: list["Violation"] = field(default_factory=list)

    def by_id(self) -> dict[str, Item]:
        """Each ID with its item; of two with one ID, the first read (the rules refuse the second)."""
        found: dict[str, Item] = {}
        for item in self.items:
            if item.id:
                found.setdefault(item.id, item)
        return found

    def implemented_by(self) -> dict[str, list[str]]:
        """Each item ID with the IDs of the items, not withdrawn, that implement it, in reading order."""
        links: dict[str, list[str]] = {}
        for item in self.items:
            if item.id and item.status != WITHDRAWN:
                for target in item.implements:
                    links.setdefault(target, []).append(item.id)
        return links


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
        return f"{self.path}:{self.line}: {self.message}"

    @property
    def message(self) -> str:
        """The text after the location, as Sphinx's warning shows it."""
        return f"{self.item}: {self.problem}; {self.fix}"
