"""Refuse translations that inject markup or break the source's MyST markup, read as the parser reads them.

Each msgid and its msgstr are parsed by MyST's own Markdown parser and their
structures compared: the roles with their targets, the links and images with
their addresses (autolinks and reference-style ones included), the
placeholders. A msgstr may carry no HTML, fence or directive at all. A
catalog that cannot be read (bad syntax, bad header, not UTF-8) is refused
too. Each problem names the .po file and the line, so a translator fixes it
where it was written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from publisher.translations.catalogs import LOCALES
from publisher.content.items import Violation

_ROLE_TARGET = re.compile(r"<(?P<target>[^<>]+)>\s*$")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_PLURAL_FORMS = re.compile(r"\s*nplurals=[0-9]+;\s*plural=[^;]+;?\s*")
_PLURAL_HEADER = re.compile(r'^"Plural-Forms:\s*(?P<value>.*?)(\\n)?"$')
#: The .po format itself is line by line: a keyword or a continuation opens a string on its line.
_PO_STRING_LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[[0-9]+\])?)\s+"|^"')
_PO_STRING_CLOSED = re.compile(r'(?<!\\)(\\\\)*"\s*$')
#: Roles whose target Sphinx compares between the English and the translation.
TARGETED_ROLES = ("term", "ref", "doc", "need")


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    return create_md_parser(MdParserConfig(enable_extensions={"deflist"}), RendererHTML)


def _tokens(text: str) -> Iterator:
    def walk(tokens):
        for token in tokens:
            yield token
            yield from walk(token.children or [])

    yield from walk(_markdown().parse(text))


def structure(text: str) -> dict[str, Counter]:
    """What of a message's markup must survive translation, as the parser reads it."""
    found: dict[str, Counter] = {"html": Counter(), "block": Counter(), "roles": Counter(),
                                 "targets": Counter(), "links": Counter(), "placeholders": Counter()}
    for token in _tokens(text):
        if token.type in ("html_inline", "html_block"):
            found["html"][token.content.strip()] += 1
        elif token.type in ("fence", "code_block"):
            found["block"][token.info] += 1
        elif token.type == "myst_role":
            name = token.meta.get("name", "")
            found["roles"][name] += 1
            if name in TARGETED_ROLES:
                target = _ROLE_TARGET.search(token.content)
                found["targets"][(name, (target["target"] if target else token.content).strip())] += 1
        elif token.type == "link_open":
            found["links"][token.attrs.get("href", "")] += 1
        elif token.type == "image":
            found["links"][token.attrs.get("src", "")] += 1
        elif token.type == "text":
            found["placeholders"].update(_PLACEHOLDER.findall(token.content))
    return found


def problems(msgid: str, msgstr: str) -> list[str]:
    """What is wrong with one translation, in words a translator understands."""
    source, translated = structure(msgid), structure(msgstr)
    found = []
    if translated["html"]:
        found.append("contains raw HTML, which is not allowed; write plain text and MyST only")
    if translated["block"]:
        found.append("contains a directive or fence, which is not allowed in a translation")
    if msgstr.count("`") % 2:
        found.append("has an unmatched backtick `; a role looks like {term}`text <term>`")
    for name in sorted(set(source["roles"]) | set(translated["roles"])):
        if source["roles"][name] != translated["roles"][name]:
            found.append(f"has {translated['roles'][name]} {{{name}}} role(s) where the English has "
                         f"{source['roles'][name]}; keep each role, translating only its text")
    for name in TARGETED_ROLES:
        # Exactly as written, as Sphinx compares them (i18n.inconsistent_references).
        mine = Counter({t: n for (role, t), n in translated["targets"].items() if role == name})
        english = Counter({t: n for (role, t), n in source["targets"].items() if role == name})
        if mine != english and sum(mine.values()) == sum(english.values()):
            example = "{term}`réfugiés <refugee>`" if name == "term" else f"{{{name}}}`text <target>`"
            found.append(f"changes the target of a {{{name}}} role ({', '.join(sorted(set(mine) - set(english)))}); "
                         f"translate the text and keep the English target in <...>, e.g. {example}")
    if translated["links"] != source["links"]:
        added = sorted(set(translated["links"]) - set(source["links"]))
        if added and not set(source["links"]) - set(translated["links"]):
            found.append(f"adds a link or an image the English does not have ({', '.join(added)}); "
                         "remove it")
        else:
            found.append("changes a link's address; keep the part in (...) as it is")
    if set(translated["placeholders"]) - set(source["placeholders"]):
        unknown = ", ".join(f"{{{p}}}" for p in sorted(set(translated["placeholders"]) - set(source["placeholders"])))
        known = ", ".join(f"{{{p}}}" for p in sorted(source["placeholders"])) or "none"
        found.append(f"uses the placeholder {unknown}, which the English does not have; keep the English "
                     f"placeholders as they are ({known})")
    return found


def unreadable(po: Path, root: Path) -> list[Violation]:
    """Why a catalog cannot be read at all: not UTF-8, bad syntax, a bad header."""
    path = po.relative_to(root).as_posix()
    data = po.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [Violation(path, line, po.name, "catalog_unreadable", "is not valid UTF-8",
                          "save the file as UTF-8")]
    syntax = "correct the .po syntax there (quotes, msgid/msgstr pairs)"
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        # Babel reads a string left open as if closed, one character short: refuse it.
        if _PO_STRING_LINE.match(line) and not _PO_STRING_CLOSED.search(line):
            return [Violation(path, number, po.name, "catalog_unreadable", "has a string left open", syntax)]
        if plural := _PLURAL_HEADER.match(line):
            if not _PLURAL_FORMS.fullmatch(plural["value"]):
                return [Violation(path, number, po.name, "catalog_unreadable",
                                  f"has a bad Plural-Forms header ({plural['value']})",
                                  "write it as 'nplurals=2; plural=(n != 1);' or remove it")]
    try:
        with po.open("rb") as file:
            read_po(file, abort_invalid=True)
    except (PoFileError, ValueError) as error:
        line = getattr(error, "lineno", 0) + 1  # Babel counts lines from 0
        return [Violation(path, line, po.name, "catalog_unreadable", f"cannot be read ({error})", syntax)]
    return []


def lint_file(po: Path, root: Path) -> list[Violation]:
    if broken := unreadable(po, root):
        return broken
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

