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

from .catalogs import LOCALES, translator
from .glossary import normalise
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
    for name in ("ref", "doc", "need"):
        source = sorted(_target(m) for m in _ROLE.finditer(msgid) if m["name"] == name)
        if source != sorted(_target(m) for m in _ROLE.finditer(msgstr) if m["name"] == name):
            found.append(f"changes the target of a {{{name}}} role; keep the part in <...> as it is")
    if sorted(_LINK_TARGET.findall(msgid)) != sorted(_LINK_TARGET.findall(msgstr)):
        found.append("changes a link's address; keep the part in (...) as it is")
    return found


def _target(match: re.Match[str]) -> str:
    target = _ROLE_TARGET.search(match["content"])
    return (target["target"] if target else match["content"]).strip()


def lint_file(po: Path, root: Path, terms: set[str]) -> list[Violation]:
    with po.open("rb") as file:
        catalog = read_po(file)
    path = po.relative_to(root).as_posix()
    found = []
    for message in catalog:
        if not (message.id and message.string and isinstance(message.string, str)):
            continue
        label = f'msgid "{_shorten(message.id)}"'
        for problem in problems(message.id, message.string):
            found.append(Violation(path, message.lineno, label, "translation_markup", problem,
                                   "correct the msgstr"))
        for match in _ROLE.finditer(message.string):
            if match["name"] == "term" and normalise(_target(match)) not in terms:
                found.append(Violation(
                    path, message.lineno, label, "translation_term",
                    f"{{term}} target '{_target(match)}' is not a term of this language's glossary",
                    "use the glossary term exactly as translated in glossary/index.po, "
                    "e.g. {term}`text <term>`",
                ))
    return found


def glossary_terms(root: Path, sphinx_language: str) -> set[str]:
    """The terms of the glossary as a reader of this language sees them."""
    from .sources import read_corpus

    translate = translator(root, sphinx_language, "glossary/index")
    return {normalise(translate(term)) for term in read_corpus(root).terms}


def lint(root: Path, sphinx_language: str | None = None) -> list[Violation]:
    """Every problem in one language's catalogs, or in all languages'."""
    folder = root / LOCALES
    found = []
    for language_folder in sorted(folder.glob(sphinx_language or "*")):
        terms = glossary_terms(root, language_folder.name)
        for po in sorted(language_folder.glob("LC_MESSAGES/**/*.po")):
            found.extend(lint_file(po, root, terms))
    return found


def _shorten(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    found = lint(Path.cwd())
    for violation in found:
        print(violation)
    sys.exit(1 if found else 0)
