"""How complete each translation is, per language and per item, and which may be published.

A language is published (listed in the switcher, given a PDF) only when every
common understanding and every item title is translated and not fuzzy.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from publisher.content import model, sources
from publisher.translations.catalogs import LOCALES
from publisher.content.items import Item
from publisher.content.languages import LANGUAGES, TRANSLATIONS


@dataclass
class Status:
    language: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    incomplete_items: dict[str, list[str]] = field(default_factory=dict)  # ID -> what is missing
    blocking: list[str] = field(default_factory=list)  # why the language may not be published yet

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.total) if self.total else 0

    @property
    def publishable(self) -> bool:
        return not self.blocking


def item_at(items_by_path: dict[str, list[Item]], location: str, line: int) -> Item | None:
    """The item written at ``line`` of the source a catalog location names.

    Locations are relative to wherever the .pot files were written: match the
    project-relative path as a suffix.
    """
    parts = location.split("/")
    path = next(("/".join(parts[i:]) for i in range(len(parts)) if "/".join(parts[i:]) in items_by_path), None)
    for item in items_by_path.get(path, ()):
        if item.line <= line <= item.end_line:
            return item
    return None


def status(root: Path, code: str, items: list[Item] | None = None) -> Status:
    """The completeness of one language's catalogs (``items``: the corpus, if already read)."""
    language = LANGUAGES[code]
    items = [item for item in (sources.read_items(root) if items is None else items) if item.id]
    by_path: dict[str, list[Item]] = {}
    for item in items:
        by_path.setdefault(item.path, []).append(item)
    result = Status(code)
    folder = root / LOCALES / language.sphinx / "LC_MESSAGES"
    titles_done: set[str] = set()
    for po in sorted(folder.rglob("*.po")) if folder.exists() else ():
        for message in _read(po):
            if not message.id:
                continue
            result.total += 1
            done = bool(message.string) and not message.fuzzy
            result.translated += done
            result.fuzzy += bool(message.fuzzy)
            for location, line in message.locations:
                item = item_at(by_path, location, int(line or 0))
                if item is None:
                    continue
                is_title = message.id == item.title
                if is_title and done:
                    titles_done.add(item.id)
                elif not done:
                    what = "title" if is_title else "text"
                    what += " (fuzzy)" if message.fuzzy else ""
                    result.incomplete_items.setdefault(item.id, []).append(what)
    for item in items:
        if item.id not in titles_done:
            result.incomplete_items.setdefault(item.id, [])
            if "title" not in " ".join(result.incomplete_items[item.id]):
                result.incomplete_items[item.id].insert(0, "title")
    for item_id, missing in sorted(result.incomplete_items.items()):
        if item_id.startswith(model.UNDERSTANDING.prefix) or any(m.startswith("title") for m in missing):
            result.blocking.append(f"{item_id}: {', '.join(missing)}")
    return result


def _read(path: Path):
    stat = path.stat()
    return _read_version(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=None)
def _read_version(path: Path, mtime_ns: int, size: int):
    with path.open("rb") as file:
        return list(read_po(file))


def read_items(root: Path) -> list[Item]:
    """The items alone (not the glossary or raw HTML the rules need): the gate reads nothing else."""
    return [item for path in sources.content_files(root)
            for item in sources.parse(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())]


def published_languages(root: Path) -> list[str]:
    """The source language and every translation that passes the gate, in order."""
    items = read_items(root)  # once, not once per language: it is the whole corpus
    return [code for code in LANGUAGES if code not in TRANSLATIONS or status(root, code, items).publishable]


def report(root: Path) -> str:
    lines = ["language  translated  fuzzy  items incomplete  published"]
    details = []
    items = read_items(root)
    for code in TRANSLATIONS:
        s = status(root, code, items)
        lines.append(f"{code:<8}  {s.percent:>9}%  {s.fuzzy:>5}  {len(s.incomplete_items):>16}  "
                     f"{'yes' if s.publishable else 'no'}")
        if s.incomplete_items:
            shown = ", ".join(f"{i} ({'/'.join(m)})" for i, m in sorted(s.incomplete_items.items())[:12])
            more = len(s.incomplete_items) - 12
            details.append(f"{code}: {shown}" + (f" and {more} more" if more > 0 else ""))
    return "\n".join(lines + ([""] + details if details else []))



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publisher.translations.status",
                                     description="How complete each translation is, and which languages pass the gate.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project (default: here)")
    parser.add_argument("--published", action="store_true",
                        help="print only the languages that pass the gate, comma-separated, as "
                             "-D publisher_published_languages takes them")
    args = parser.parse_args(argv)
    print(",".join(published_languages(args.root)) if args.published else report(args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
