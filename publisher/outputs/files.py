"""Files the build writes beside the pages, one per item: written only when they change."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(path: Path, text: str) -> None:
    """Write a file only if its text changed: after one edit, thousands of item files stay as they are,
    and reading one back costs a fraction of writing it (an editor's incremental build)."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    path.write_bytes(data)


def remove_others(folder: Path, names: set[str]) -> None:
    """Delete the files of ``folder`` not named in ``names``."""
    for name in set(os.listdir(folder)) - names:
        (folder / name).unlink()
