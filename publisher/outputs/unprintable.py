"""Where a character the PDF's fonts cannot show was written, from Typst's error.

Typst refuses, for PDF/UA, a character no font shows, and names the text but not
where it came from. An editor needs the file and the line: the character is
looked up in the sources and in the language's catalogs.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Typst quotes the text as a Rust string: printable characters as they are, others as \u{...}.
_MISSING_GLYPH = re.compile(r'the text `"(?P<text>(?:[^"\\]|\\u\{[0-9a-fA-F]+\}|\\.)*)"` could not be displayed')
_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\(.)")


def unprintable_text(message: str) -> str | None:
    """The text Typst could not show, decoded, if that is what the error is about."""
    found = _MISSING_GLYPH.search(message)
    if not found:
        return None
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else {"n": "\n", "t": "\t"}.get(m[2], m[2]),
                       found["text"])


def describe(character: str) -> str:
    name = unicodedata.name(character, "unassigned" if unicodedata.category(character) == "Cn" else "unnamed")
    return f"U+{ord(character):04X} ({name})"


def places(text: str, files: list[Path], root: Path) -> list[str]:
    """``path:line: …`` for each line of ``files`` that holds a character of ``text`` beyond ASCII."""
    wanted = [character for character in dict.fromkeys(text) if ord(character) > 0x7F]
    found = []
    for path in files:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, 1):
            for character in (c for c in wanted if c in line):
                found.append(f"{path.relative_to(root)}:{number}: the PDF's fonts cannot show the character "
                             f"{describe(character)}; delete it or write a character they show")
    return found
