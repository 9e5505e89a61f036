"""The editions: the one the sources are stamped as, those released as tags, and ``nox -s release -- <edition>``.

Writes the edition's name and date to EDITION (the PDF's cover and the site's
landing page show it), and registers every current ID as published, so that
none can disappear afterwards. Then commit and tag ``edition-<name>``: the
publishing workflow builds every edition tag under ``/editions/<name>/``, so
earlier editions stay reachable, and the site's "What changed" page compares
with the latest.
"""

from __future__ import annotations

import datetime
import functools
import re
import subprocess
import sys
from pathlib import Path

from publisher.content import registry, sources
from publisher.content.model import N_

EDITION_FILE = "EDITION"
#: An edition is released by tagging its commit ``edition-<name>``.
TAG_PREFIX = "edition-"
WORKING_DRAFT = N_("Working draft")
EDITION = N_("Edition {name}")


def current_edition(root: Path) -> tuple[str, str] | None:
    """(name, ISO date) of the stamped edition, if the sources are one."""
    path = root / EDITION_FILE
    if not path.exists():
        return None
    name, date = path.read_text(encoding="utf-8").split()[:2]
    return name, date


def edition_line(root: Path, _=lambda message: message) -> str:
    """What the cover says: the edition and its date, or a working draft dated by its last commit."""
    stamped = current_edition(root)
    if stamped and not moved_on_from(root, stamped[0]):
        return f"{_(EDITION).format(name=stamped[0])} · {stamped[1]}"
    date = last_commit_date(root)
    return f"{_(WORKING_DRAFT)} · {date}" if date else _(WORKING_DRAFT)


@functools.lru_cache(maxsize=None)
def moved_on_from(root: Path, name: str) -> bool:
    """Whether the sources were committed to after edition ``name`` was tagged: then they are a draft.

    EDITION stays stamped after a release; only the tagged commit is the edition. Before the
    tag exists (just stamped) and in a copy without history, the stamp is all there is.
    """
    def revision(name: str) -> str:
        return subprocess.run(["git", "rev-parse", "-q", "--verify", f"{name}^{{commit}}"], cwd=root,
                              capture_output=True, text=True, check=False).stdout.strip()

    tagged = revision(f"refs/tags/{tag(name)}")
    return bool(tagged) and tagged != revision("HEAD")


@functools.lru_cache(maxsize=None)
def last_commit_date(root: Path) -> str:
    """The date of the sources' last commit: a working draft is dated by it, not by the clock."""
    return subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=root, capture_output=True,
                          text=True, check=False).stdout.strip()


def released(root: Path) -> list[str]:
    """The names of the released editions, oldest first, from the repository's ``edition-*`` tags.

    Ordered by the date of the tag (of its commit, for a lightweight tag), then by
    name as a version (``2`` before ``10``) for tags made in the same second.
    """
    result = subprocess.run(
        ["git", "for-each-ref", "--sort=v:refname", "--sort=creatordate", "--format=%(refname:short)",
         f"refs/tags/{TAG_PREFIX}*"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if result.returncode:  # not a repository (a copy of the sources): no edition is known
        return []
    return [tag.removeprefix(TAG_PREFIX) for tag in result.stdout.split()]


def tag(name: str) -> str:
    return f"{TAG_PREFIX}{name}"


def release(root: Path, name: str, date: datetime.date) -> list[str]:
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.-]*", name):
        raise SystemExit(f"release: '{name}' cannot name an edition; use letters, digits, '.' and '-'")
    (root / EDITION_FILE).write_text(f"{name} {date.isoformat()}\n", encoding="utf-8")
    return registry.add(root, [item.id for item in sources.read_items(root) if item.id])


def main(argv: list[str] | None = None) -> int:
    name = (argv or sys.argv[1:])[0]
    added = release(Path.cwd(), name, datetime.date.today())
    print(f"release: edition {name} stamped; {len(added)} new ID(s) registered as published.\n"
          f"Now: git commit -am 'Edition {name}' && git tag edition-{name} && git push --tags")
    return 0


if __name__ == "__main__":
    sys.exit(main())
