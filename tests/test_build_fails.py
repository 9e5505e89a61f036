"""A broken rule fails `sphinx-build -W`, fresh or incremental."""

from __future__ import annotations

from sphinx import locale
from sphinx.cmd.build import build_main
from sphinx.util.docutils import docutils_namespace

from conftest import PROJECT, development_page

DUPLICATE = development_page("EP_002", "CU_01")


def sphinx_build_w(project, *flags):
    with docutils_namespace():
        try:
            return build_main(["-W", "-q", "-c", str(PROJECT), *flags, str(project), str(project / "_build")])
        finally:
            locale.translators.clear()


def test_a_duplicate_id_fails_every_build_not_only_the_first(make_project, capsys):
    project = make_project(files={"practices/02-development.md": DUPLICATE})
    assert sphinx_build_w(project, "-E") != 0
    # sphinx-needs forgets the dropped need on the next incremental build; the rules do not.
    assert sphinx_build_w(project) != 0
    assert "EP_002: ID already used at practices/01-cooperation.md:12" in capsys.readouterr().err


def test_a_clean_project_builds(make_project):
    assert sphinx_build_w(make_project(), "-E") == 0
