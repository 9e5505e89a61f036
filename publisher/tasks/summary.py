"""A pull request's summary: what changed item by item, coverage, translation status.

Written for GitHub's job summary ($GITHUB_STEP_SUMMARY) from a built site.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from publisher.content import changes
from publisher.content.coverage_figures import shortfalls


def summary(root: Path, site: Path, base: str) -> str:
    found = changes.compare(changes.items_at(root, base), changes.items_at(root, changes.WORKING_TREE))
    lines = [changes.to_markdown(found, f"`{base}`", "this pull request"), ""]

    figures = json.loads((site / "en" / "coverage.json").read_text(encoding="utf-8"))
    totals = figures["totals"]
    lines += ["## Coverage", "",
              f"{totals['understandings']} understandings, {totals['practices']} practices, "
              f"{totals['links']} links; withdrawn: {', '.join(figures['withdrawn']) or 'none'}.", ""]
    lines += [f"- ⚠ {shortfall}" for shortfall in shortfalls(figures)] or ["Every figure meets its threshold."]

    report = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    lines += ["", "## Translations", "", "| language | translated | published | missing |", "|---|---|---|---|"]
    for code, state in report.items():
        missing = ", ".join(state["blocking"][:5]) + (" …" if len(state["blocking"]) > 5 else "")
        lines.append(f"| {code} | {state['translated_percent']}% | {'yes' if state['published'] else 'no'} "
                     f"| {missing} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="summary", description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision the pull request is compared with")
    parser.add_argument("--site", type=Path, default=Path("build/site"))
    args = parser.parse_args(argv)
    sys.stdout.write(summary(Path.cwd(), args.site, args.base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
