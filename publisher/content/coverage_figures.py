"""Coverage figures: how well the practices cover the understandings and sections.

Written beside the HTML as ``coverage.json``; ``nox -s coverage`` gates on the
thresholds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from publisher.content import model
from publisher.content.items import Corpus

#: The minimums CI holds the framework to. Raise them as the text grows.
THRESHOLDS = {
    "practices_per_understanding": 4,
    "practices_per_section": 4,
}


def figures(corpus: Corpus) -> dict[str, Any]:
    """The coverage of ``corpus`` as plain data, in a stable order."""
    items = [item for item in corpus.items if item.id]
    adopted = [item for item in items if item.status != model.WITHDRAWN]
    practices = [item for item in adopted if item.type == model.PRACTICE.name]
    implementations = {
        understanding.id: sorted(p.id for p in practices if understanding.id in p.implements)
        for understanding in adopted
        if understanding.type == model.UNDERSTANDING.name
    }
    sections = Counter(p.fields.get("section") for p in practices)
    return {
        "understandings": {
            item_id: {"practices": ids, "count": len(ids)} for item_id, ids in sorted(implementations.items())
        },
        "sections": {slug: sections.get(slug, 0) for slug in model.SECTIONS},
        "withdrawn": sorted(item.id for item in items if item.status == model.WITHDRAWN),
        "totals": {
            "understandings": len(implementations),
            "practices": len(practices),
            "links": sum(len(p.implements) for p in practices),
        },
        "thresholds": THRESHOLDS,
    }


def shortfalls(data: dict[str, Any]) -> list[str]:
    """Each figure below its threshold, as a sentence naming what to do."""
    thresholds = data["thresholds"]
    found = [
        f"{item_id}: implemented by {entry['count']} practice(s), fewer than "
        f"{thresholds['practices_per_understanding']}; link more practices that serve it"
        for item_id, entry in data["understandings"].items()
        if entry["count"] < thresholds["practices_per_understanding"]
    ]
    found += [
        f"section '{slug}': {count} practice(s), fewer than {thresholds['practices_per_section']}"
        for slug, count in data["sections"].items()
        if count < thresholds["practices_per_section"]
    ]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coverage", description="Gate on coverage.json's thresholds.")
    parser.add_argument("files", nargs="+", type=Path, help="coverage.json files of built sites")
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        for shortfall in shortfalls(json.loads(path.read_text(encoding="utf-8"))):
            print(f"{path}: {shortfall}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
