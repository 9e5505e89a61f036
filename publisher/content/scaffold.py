"""``nox -s new -- practice <section>`` (or ``understanding``): a new item with the next free ID.

The item is appended to the right file, ready to write; `nox -s trace` then
names what it still lacks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publisher.content import model, registry, sources
from publisher.content.rules import next_free_id

PRACTICE = """
```{{practice}} {title}
:id: {id}
:section: {section}
:status: adopted
:implements:

{text}
```
"""
UNDERSTANDING = """
```{{understanding}} {title}
:id: {id}
:status: adopted

{text}
```
"""
UNDERSTANDINGS_FILE = "framework/understandings.md"


def section_file(root: Path, section: str) -> Path:
    number = list(model.SECTIONS).index(section) + 1
    return root / "practices" / f"{number:02d}-{section}.md"


def new_item(root: Path, kind: str, section: str | None = None, title: str | None = None) -> tuple[str, Path]:
    """Append a new item; its ID and the file it was written to."""
    ids = [item.id for item in sources.read_items(root)] + list(registry.read(root))
    if kind == model.PRACTICE.name:
        if section not in model.SECTIONS:
            raise SystemExit(f"new: name a section, one of: {', '.join(model.SECTIONS)}")
        item_id = next_free_id(ids, model.PRACTICE)
        path, text = section_file(root, section), PRACTICE
    elif kind == model.UNDERSTANDING.name:
        item_id = next_free_id(ids, model.UNDERSTANDING)
        path, text = root / UNDERSTANDINGS_FILE, UNDERSTANDING
    else:
        raise SystemExit("new: say `practice <section>` or `understanding`")
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    title = title or model.SCAFFOLD_TITLE.format(kind=kind)
    path.write_text(body + text.format(title=title, id=item_id, section=section,
                                       text=model.SCAFFOLD_TEXT[kind]), encoding="utf-8")
    return item_id, path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new", description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=[model.PRACTICE.name, model.UNDERSTANDING.name])
    parser.add_argument("section", nargs="?", help="for a practice: " + ", ".join(model.SECTIONS))
    parser.add_argument("--title")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    item_id, path = new_item(args.root, args.kind, args.section, args.title)
    print(f"new: {item_id} added at the end of {path.relative_to(args.root)}; "
          "write it, then run `nox -s trace`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
