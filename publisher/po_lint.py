"""Refuse translations that inject markup or break the source's MyST markup.

Each problem names the .po file and the line of the entry, so a translator
fixes it where it was written.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

from .catalogs import LOCALES
from .items import Violation
from .sources import HTML_TAG

_ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<content>[^`]*)`")
_ROLE_TARGET = re.compile(r"<(?P<target>[^<>]+)>\s*$")
_CODE = re.compile(r"``?[^`]*``?")
_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")
_FORBIDDEN = re.compile(r"\{(raw|eval-rst|include|literalinclude)\}|^\s*(`{3,}|~{3,}|:{3,})", re.M)


def problems(msgid: str, msgstr: str) -> list[str]:
    """What is wrong with one translation, in words a translator understands."""
    found = []
    outside_markup = _CODE.sub("", _ROLE.sub("", msgstr))
    if HTML_TAG.search(outside_markup):
        found.append("contains raw HTML, which is not allowed; write plain text and MyST only")
    if _FORBIDDEN.search(msgstr):
        found.append("contains a directive or fence, which is not allowed in a translation")
    if msgstr.count("`") % 2:
        found.append("has an unmatched backtick `; a role looks like {term}`text <term>`")
    source_roles = Counter(match["name"] for match in _ROLE.finditer(msgid))
    roles = Counter(match["name"] for match in _ROLE.finditer(msgstr))
    for name in sorted(set(source_roles) | set(roles)):
        if source_roles[name] != roles[name]:
            found.append(f"has {roles[name]} {{{name}}} role(s) where the English has "
                         f"{source_roles[name]}; keep each role, translating only its text")
    for name in ("term", "ref", "doc", "need"):
        # Exactly as written, as Sphinx compares them (i18n.inconsistent_references).
        source = sorted(_target(m) for m in _ROLE.finditer(msgid) if m["name"] == name)
        translated = sorted(_target(m) for m in _ROLE.finditer(msgstr) if m["name"] == name)
        if source != translated and len(source) == len(translated):
            example = "{term}`réfugiés <refugee>`" if name == "term" else f"{{{name}}}`text <target>`"
            found.append(f"changes the target of a {{{name}}} role ({', '.join(sorted(set(translated) - set(source)))}); "
                         f"translate the text and keep the English target in <...>, e.g. {example}")
    if sorted(_LINK_TARGET.findall(msgid)) != sorted(_LINK_TARGET.findall(msgstr)):
        found.append("changes a link's address; keep the part in (...) as it is")
    return found


def _target(match: re.Match[str]) -> str:
    target = _ROLE_TARGET.search(match["content"])
    return (target["target"] if target else match["content"]).strip()


def lint_file(po: Path, root: Path) -> list[Violation]:
    with po.open("rb") as file:
        catalog = read_po(file)
    path = po.relative_to(root).as_posix()
    return [
        Violation(path, message.lineno, f'msgid "{_shorten(message.id)}"', "translation_markup", problem,
                  "correct the msgstr")
        for message in catalog
        if message.id and message.string and isinstance(message.string, str)
        for problem in problems(message.id, message.string)
    ]


def lint(root: Path, sphinx_language: str | None = None) -> list[Violation]:
    """Every problem in one language's catalogs, or in all languages'."""
    folder = root / LOCALES
    pattern = f"{sphinx_language}/LC_MESSAGES/**/*.po" if sphinx_language else "*/LC_MESSAGES/**/*.po"
    return [v for po in sorted(folder.glob(pattern)) for v in lint_file(po, root)]


def _shorten(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    found = lint(Path.cwd())
    for violation in found:
        print(violation)
    sys.exit(1 if found else 0)
