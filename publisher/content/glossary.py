"""The glossary's terms and the text's references to them, read from the sources."""

from __future__ import annotations

import re

from publisher.content.items import Place
from publisher.content.myst import ROLE, role_target

_GLOSSARY_OPEN = re.compile(r"^(`{3,}|~{3,})\{glossary\}")
_TERM_LINE = re.compile(r"^(?P<term>[^\s:].*?)\s*$")


def normalise(term: str) -> str:
    """Sphinx matches glossary terms without regard to case or spacing."""
    return " ".join(term.split()).lower()


def read_terms(text: str, path: str) -> tuple[dict[str, Place], list[tuple[str, Place]]]:
    """The terms one document defines and the ``{term}`` references it makes."""
    terms: dict[str, Place] = {}
    references: list[tuple[str, Place]] = []
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        for match in ROLE.finditer(line):
            if match["name"] == "term":
                references.append((normalise(role_target(match)), Place(path, number)))
        if opening := _GLOSSARY_OPEN.match(line):
            fence = opening[1]
        elif fence and line.startswith(fence) and not line.strip(fence[0]):
            fence = None
        elif fence and (term := _TERM_LINE.match(line)):
            terms.setdefault(normalise(term["term"]), Place(path, number))
    return terms, references
