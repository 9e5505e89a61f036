"""Put a freshly built site in place in one step, so nobody sees half a site."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def replace_tree(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; the previous ``target`` is kept until then."""
    old = target.with_name(target.name + ".previous")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    replace_tree(Path(sys.argv[1]), Path(sys.argv[2]))
