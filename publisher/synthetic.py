"""Generate a framework of any size from the real one, for benchmarks.

The understandings and glossary are the real ones; practices are the real
practices repeated under new IDs, spread over the thematic sections, so the
text, markup and links have the real corpus's shape.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from . import model, sources

KEPT = ("index.md", "conf.py", "framework", "glossary", "reference")


def generate(project: Path, target: Path, practices: int) -> None:
    """Write a copy of ``project`` with ``practices`` practices into ``target``."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in KEPT:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    shutil.copytree(project / "publisher", target / "publisher",
                    ignore=shutil.ignore_patterns("__pycache__"))
    models = [item for item in sources.read_items(project) if item.type == model.PRACTICE.name]
    sections = list(model.SECTIONS)
    per_section: dict[str, list[str]] = {slug: [] for slug in sections}
    for number in range(1, practices + 1):
        template = models[(number - 1) % len(models)]
        slug = sections[(number - 1) % len(sections)]
        per_section[slug].append(
            f"```{{practice}} {template.title}\n"
            f":id: {model.PRACTICE.format_id(number)}\n"
            f":section: {slug}\n:status: adopted\n"
            f":implements: {', '.join(template.implements)}\n\n{template.text}\n```\n"
        )
    folder = target / "practices"
    folder.mkdir()
    for index, slug in enumerate(sections, 1):
        heading = f"# {model.SECTIONS[slug]}\n\n"
        (folder / f"{index:02d}-{slug}.md").write_text(heading + "\n".join(per_section[slug]), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("practices", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    generate(args.project, args.target, args.practices)


if __name__ == "__main__":
    main()
