"""``nox -s i18n``: extract the messages and merge them into every language's catalogs.

A message whose English changed keeps its old translation, marked fuzzy, so
the translator sees what to revise; a message that left the text stays in the
catalog as obsolete. Nothing a translator wrote is silently lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from sphinx_intl import catalog as po

from publisher.translations.catalogs import DOMAIN, LOCALES
from publisher.content.languages import LANGUAGES, TRANSLATIONS
from publisher.translations.status import report
from publisher.content.publication import REPRODUCIBLE_DATE, SOURCE_DATE_EPOCH

LINE_WIDTH = 76
#: Labels Sphinx's HTML writer puts on the pages (the permalinks' titles). Sphinx's own
#: catalogs lack some of them in Spanish and Arabic; the theme catalog (sphinx.po) has them all.
WRITER_LABELS = ("Link to this heading", "Link to this term", "Link to this table", "Link to this definition")


def extract(root: Path, pot_dir: Path, confdir: Path | None = None) -> None:
    """Write a .pot per page, and publisher.pot for the extension's labels."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    command = [sys.executable, "-m", "sphinx", "-b", "gettext", "-E", "-q",
               "-D", "needs_build_json=0"]  # sphinx-needs' JSON export crashes the gettext builder
    if confdir:
        command += ["-c", str(confdir)]
    subprocess.run([*command, str(root), str(pot_dir)], check=True, env=env)
    add_writer_labels(pot_dir / "sphinx.pot")

    labels = Catalog(project="publisher", creation_date=REPRODUCIBLE_DATE)  # not now: a rerun changes nothing
    package = Path(__file__).parents[1]  # every module of the publisher
    for _, line, message, _comments, _context in extract_from_dir(package, keywords={"_": None, "N_": None}):
        labels.add(message, locations=[])
    with (pot_dir / f"{DOMAIN}.pot").open("wb") as file:
        write_po(file, labels, width=LINE_WIDTH)


def add_writer_labels(pot_path: Path) -> None:
    if not pot_path.exists():  # a project without the publisher's templates
        return
    with pot_path.open("rb") as file:
        template = read_po(file)
    for label in WRITER_LABELS:
        template.add(label, locations=[])
    with pot_path.open("wb") as file:
        write_po(file, template, width=LINE_WIDTH)


def merge(pot_dir: Path, locale_dir: Path, languages: list[str]) -> None:
    """Bring every language's .po up to date with the .pot files."""
    for pot_path in sorted(pot_dir.rglob("*.pot")):
        template = po.load_po(str(pot_path))
        name = pot_path.relative_to(pot_dir).with_suffix(".po")
        for language in languages:
            po_path = locale_dir / language / "LC_MESSAGES" / name
            if po_path.exists():
                catalog = po.load_po(str(po_path))
                po.update_with_fuzzy(catalog, template)
            else:
                po_path.parent.mkdir(parents=True, exist_ok=True)
                catalog = template
                catalog.locale = language
            po.dump_po(str(po_path), catalog, width=LINE_WIDTH)


def update(root: Path, pot_dir: Path, confdir: Path | None = None) -> None:
    extract(root, pot_dir, confdir)
    merge(pot_dir, root / LOCALES, [LANGUAGES[code].sphinx for code in TRANSLATIONS])


if __name__ == "__main__":
    update(Path.cwd(), Path("build/gettext"))
    print(report(Path.cwd()))
