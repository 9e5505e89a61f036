"""The package shows its parts, and the content model needs nothing but Python."""

from __future__ import annotations

import ast
import sys

from conftest import PROJECT

PACKAGE = PROJECT / "publisher"


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_the_content_needs_only_the_standard_library():
    outside = {(path.name, module) for path in (PACKAGE / "content").glob("*.py")
               for module in imported_modules(path)
               if module.split(".")[0] not in sys.stdlib_module_names and not module.startswith("publisher.content")}
    assert outside == set()


def test_every_module_sits_in_a_part():
    assert sorted(path.name for path in PACKAGE.glob("*.py")) == ["__init__.py"]
    parts = sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))
    assert parts == ["content", "extension", "outputs", "tasks", "translations"]
