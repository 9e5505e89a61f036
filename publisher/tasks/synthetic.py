"""Generate a framework of any size from the real one, for benchmarks.

The understandings and glossary are the real ones; practices are the real
practices repeated under new IDs, spread over the thematic sections, so the
text, markup and links have the real corpus's shape. Two shapes: "realistic"
puts tens of practices on a page (PER_PAGE), as a real framework's sections
do, on as many pages as that takes; "stress" puts every section's practices on
one page, hundreds or thousands to a page.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from publisher.content import model, sources

KEPT = ("index.md", "conf.py", "framework", "glossary", "reference")
SHAPES = ("realistic", "stress")
PER_PAGE = 30  # the real sections hold 4 to 14 practices; a large framework, a few dozen


def generate(project: Path, target: Path, practices: int, shape: str = "stress") -> None:
    """Write a copy of ``project`` with ``practices`` practices into ``target``, in the given shape."""
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
        blocks = per_section[slug]
        if shape == "stress":
            pages = [blocks]
        else:
            pages = [blocks[start:start + PER_PAGE] for start in range(0, len(blocks), PER_PAGE)] or [[]]
        for part, page in enumerate(pages, 1):
            name = f"{index:02d}-{slug}" + (f"-{part:03d}" if len(pages) > 1 else "")
            heading = f"# {model.SECTIONS[slug]}" + (f" ({part})" if len(pages) > 1 else "") + "\n\n"
            (folder / f"{name}.md").write_text(heading + "\n".join(page), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("practices", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--shape", choices=SHAPES, default="realistic")
    args = parser.parse_args(argv)
    generate(args.project, args.target, args.practices, args.shape)


if __name__ == "__main__":
    main()
