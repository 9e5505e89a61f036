"""Fail the Sphinx build on every traceability violation, with file and line."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import rules
from .collect import ItemsDomain

logger = logging.getLogger(__name__)


def check_items(app: Sphinx, env: BuildEnvironment) -> None:
    written = env.get_domain(ItemsDomain.name).in_source_order()
    items = [item for item, _ in written]
    options = {index: names for index, (_, names) in enumerate(written)}
    docname_of = {
        item.path: docname
        for docname, entries in env.get_domain(ItemsDomain.name).written.items()
        for item, _ in entries
    }
    for violation in rules.check(items, options):
        logger.warning(
            violation.message,
            location=(docname_of[violation.path], violation.line),
            type="publisher",
            subtype=violation.rule,
        )


def setup(app: Sphinx) -> dict[str, Any]:
    # env-updated, unlike env-check-consistency, runs on every build, even one
    # that reads nothing anew: a violation fails the build until it is fixed.
    app.connect("env-updated", check_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
