"""The glossary's terms and the text's references to them, read from the sources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .sources import content_files

_GLOSSARY_OPEN = re.compile(r"^(`{3,}|~{3,})\{glossary\}")
_TERM_LINE = re.compile(r"^(?! )(?P<term>\S.*?)\s*$")
_TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<(?P<target>[^>`]+)>|(?P<plain>[^`]+))`")


@dataclass(frozen=True)
class Place:
    path: str
    line: int


def normalise(term: str) -> str:
    """Sphinx matches glossary terms without regard to case or spacing."""
    return " ".join(term.split()).lower()


def defined_terms(root: Path) -> dict[str, Place]:
    """Each term of every glossary directive, with where it is defined."""
    terms: dict[str, Place] = {}
    for path in content_files(root):
        inside = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            opening = _GLOSSARY_OPEN.match(line)
            if opening:
                inside = opening[1]
            elif inside and line.startswith(inside[:3]) and not line.strip(inside[0]):
                inside = None
            elif inside and not line.startswith(":") and (match := _TERM_LINE.match(line)):
                terms.setdefault(normalise(match["term"]), Place(path.relative_to(root).as_posix(), number))
    return terms


def references(root: Path) -> list[tuple[str, Place]]:
    """Every ``{term}`` reference in the text, in reading order."""
    found: list[tuple[str, Place]] = []
    for path in content_files(root):
        relative = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _TERM_ROLE.finditer(line):
                found.append((normalise(match["target"] or match["plain"]), Place(relative, number)))
    return found
