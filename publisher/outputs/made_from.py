"""What the files beside the pages were last made from: an incremental build remakes only the stale ones.

An item's data file and citations, its permanent page and a facet's page each
depend on a few items and on what every file depends on: the configuration,
the language's catalogs, this package's code and templates. The inputs of
each are hashed, and the last build's hashes are kept in the doctree folder,
beside Sphinx's record of its environment. Whatever hashes the same as last
time and whose files still exist is left alone; after one edit of one
practice, a few files of thousands are made again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK

import publisher

#: The files every output depends on besides its own inputs: the code, templates and static files.
CODE = Path(publisher.__file__).parent


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def site_digest(app: Sphinx) -> str:
    """What every output depends on: the builder's configuration, the language and its catalogs, the code."""
    hashed = hashlib.blake2b(digest_size=16)
    hashed.update(f"{app.builder.name} {app.config.language} {app.builder.build_info.config_hash}".encode())
    catalogs = (Path(app.srcdir, folder, app.config.language or "", "LC_MESSAGES")
                for folder in app.config.locale_dirs)
    files = [*(path for folder in catalogs for path in folder.rglob("*.po")),  # a document's are in its folder
             *(path for path in CODE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)]
    for path in sorted(files):
        hashed.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


class MadeFrom:
    """One kind of output's record: for each key (an item's ID, a page's name), its inputs' hash."""

    def __init__(self, app: Sphinx, kind: str, *shared: object) -> None:
        """``shared``: what every file of this kind depends on besides the site, such as the edition."""
        site = digest(site_digest(app), *shared)
        self.record = Path(app.doctreedir) / f"publisher-{kind}.json"
        try:
            last = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last = {}
        # A changed configuration reaches outputs in ways no item shows: then everything is remade.
        same = last.get("site") == site and app.env.config_status == CONFIG_OK
        self.last: dict[str, str] = last.get("made", {}) if same else {}
        self.site = site
        self.now: dict[str, str] = {}

    def stale(self, key: str, *inputs: object, missing: bool = False) -> bool:
        """Whether the files of ``key`` must be made (again) from ``inputs``: also when one is ``missing``."""
        self.now[key] = digest(*inputs)
        return missing or self.last.get(key) != self.now[key]

    def save(self) -> None:
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps({"site": self.site, "made": self.now}, sort_keys=True), encoding="utf-8")
