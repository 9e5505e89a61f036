"""Read the translations from the gettext catalogs (.po) under locales/.

Read with Babel straight from the .po files: no compiled .mo needs to exist,
and a fuzzy entry counts as not translated, so the reader sees the English.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = "locales"
DOMAIN = "publisher"  # the catalog of the extension's own labels


def po_path(root: Path, sphinx_language: str, domain: str) -> Path:
    return root / LOCALES / sphinx_language / "LC_MESSAGES" / f"{domain}.po"


def translations(path: Path) -> dict[str, str]:
    """msgid -> msgstr for every entry translated and not fuzzy."""
    if not path.exists():
        return {}
    stat = path.stat()
    return _translations(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=None)
def _translations(path: Path, mtime_ns: int, size: int) -> dict[str, str]:
    """Read once per version of the file: a catalog edited in the same process is read anew."""
    with path.open("rb") as file:
        catalog = read_po(file)
    return {
        message.id: message.string
        for message in catalog
        if message.id and message.string and not message.fuzzy and isinstance(message.id, str)
    }


def translator(root: Path, sphinx_language: str | None, domain: str = DOMAIN) -> Callable[[str], str]:
    """A function translating a message of ``domain``, English where none exists."""
    if not sphinx_language or sphinx_language == "en":
        return lambda message: message
    table = translations(po_path(root, sphinx_language, domain))
    return lambda message: table.get(message, message)


def is_translated(root: Path, sphinx_language: str | None, domain: str, message: str) -> bool:
    if not sphinx_language or sphinx_language == "en":
        return True
    return message in translations(po_path(root, sphinx_language, domain))
