"""Before Sphinx reads a page: every source and this language's catalogs can be read, or the build stops.

A source that is not UTF-8, or a catalog with a syntax error, a bad header or a
placeholder the labels do not have, would crash the build with a traceback, or
be skipped by Babel with a warning that names no file. Each is reported here
with its file, line and fix, with the markup problems of the catalogs, and the
build stops before reading anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from publisher.translations import po_lint
from publisher.content import sources
from publisher.content.items import Violation
from publisher.content.languages import SOURCE, by_sphinx_language

logger = logging.getLogger(__name__)


def problems(root: Path, sphinx_language: str | None) -> list[Violation]:
    found = [v for path in sources.content_files(root) if (v := sources.not_utf8(path, root))]
    if by_sphinx_language(sphinx_language).code != SOURCE:
        found += po_lint.lint(root, sphinx_language)
    return found


def check(app: Sphinx, config: Config) -> None:
    if config.publisher_sources_checked:  # the whole build checked every language once, before starting
        return
    found = problems(Path(app.srcdir), config.language)
    for violation in found:
        logger.warning(violation.message, location=f"{Path(app.srcdir, violation.path)}:{violation.line}",
                       type="publisher", subtype=violation.rule)
    if found:
        # Stop here, before a page is read, with the messages above and no crash report:
        # sphinx-build reports any exception, its own SphinxError included, with a traceback.
        raise SystemExit(stopped(found))


def stopped(found: list[Violation]) -> str:
    return f"build: stopped before reading the text: {len(found)} problem(s) above, each with its file and line"


def setup(app: Sphinx) -> dict[str, Any]:
    # Set by publisher.tasks.build for the Sphinx runs it starts once it has checked every language.
    app.add_config_value("publisher_sources_checked", False, "", types=frozenset({bool}))
    app.connect("config-inited", check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
