"""The PDF is compiled from the Typst files as typsphinx wrote them, offline."""

from __future__ import annotations

from conftest import PROJECT
from publisher.content.publication import file_name
from publisher.tasks.build import build_language


def test_typsphinx_output_is_compiled_as_written_with_local_packages(make_project, tmp_path):
    project = make_project()
    assert build_language(project, "en", tmp_path / "site" / "en", confdir=PROJECT, formats=("pdf",)) == 0
    assert (tmp_path / "site" / "en" / file_name("en", "pdf")).read_bytes().startswith(b"%PDF-")
    typst = tmp_path / "site" / ".typst" / "en"
    # Nothing edits them after typsphinx: its registry imports stay, and the local stand-ins answer them.
    for written in ("framework.typ", "index.typ", "framework/understandings.typ"):
        assert '#import "@preview/codly:1.3.0": *' in (typst / written).read_text(encoding="utf-8"), written
