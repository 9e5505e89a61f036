"""Fail the Sphinx build on every traceability violation, with file and line."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from publisher.content import registry, rules, sources
from publisher.content.items import Item
from publisher.extension.collect import CorpusDomain, corpus_of
from publisher.content.languages import SOURCE, by_sphinx_language

logger = logging.getLogger(__name__)


def check_corpus(app: Sphinx, env: BuildEnvironment) -> None:
    # The build's one corpus is shared: the registry goes into a copy of it.
    corpus = dataclasses.replace(corpus_of(env), published=registry.read(Path(env.srcdir)))
    violations = rules.check(corpus) + rules.unseen(written_items(env), corpus.items)
    if by_sphinx_language(app.config.language).code != SOURCE:
        # A translated page's references come from the .po files: they are checked there,
        # where the translator can fix them (publisher.extension.preflight).
        violations = [v for v in violations if not v.rule.startswith("term_")]
    for violation in violations:
        logger.warning(
            violation.message,
            # A path, not a docname: a registry line has no document.
            location=f"{Path(env.srcdir, violation.path)}:{violation.line}",
            type="publisher",
            subtype=violation.rule,
        )


def written_items(env: BuildEnvironment) -> list[Item]:
    """Every item written in the sources: as noted when each document was read, and from the files
    of the text that Sphinx does not read at all."""
    root = Path(env.srcdir)
    written = env.get_domain(CorpusDomain.name).written()
    unread = (path for path in sources.content_files(root) if path.relative_to(root).as_posix() not in written)
    return [*(item for items in written.values() for item in items),
            *(item for path in unread for item in sources.parse(path.read_text(encoding="utf-8"),
                                                                path.relative_to(root).as_posix()))]


def setup(app: Sphinx) -> dict[str, Any]:
    # env-updated, unlike env-check-consistency, runs on every build, even one
    # that reads nothing anew: a violation fails the build until it is fixed.
    app.connect("env-updated", check_corpus)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
