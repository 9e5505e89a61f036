"""``nox -s trace``: check the traceability rules from the sources alone.

One line per violation, ``path:line: ID: what is wrong; how to fix it``;
under GitHub Actions each is also an ``::error`` annotation on the diff.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from publisher.content import rules, sources
from publisher.content.items import Violation


def check_project(root: Path) -> tuple[int, list[Violation]]:
    """The number of items under ``root`` and every violation of the rules."""
    corpus = sources.read_corpus(root)
    return len(corpus.items), rules.check(corpus)


def annotation(violation: Violation) -> str:
    """The violation as a GitHub Actions workflow command."""
    message = violation.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={violation.path},line={violation.line},title={violation.rule}::{message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="trace", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    # pre-commit passes the changed files; the rules span the whole corpus, so they are ignored.
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    count, violations = check_project(args.root)
    for violation in violations:
        print(violation)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for violation in violations:
            print(annotation(violation))
    print(f"trace: {count} items, {len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
