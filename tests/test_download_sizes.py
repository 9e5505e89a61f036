"""The downloads page: written without sizes, then once more with them once the files exist."""

from __future__ import annotations

import pytest

from conftest import sphinx_build
from publisher.content.publication import file_name

DOWNLOADS = """---
orphan: true
---
# Downloads

```{downloads}
```
"""


@pytest.fixture
def project(make_project):
    return make_project(files={"reference/downloads.md": DOWNLOADS})


def pages(outdir) -> dict[str, tuple[int, bytes]]:
    return {page.relative_to(outdir).as_posix(): (page.stat().st_mtime_ns, page.read_bytes())
            for page in outdir.rglob("*.html")}


def test_a_build_without_the_files_lists_them_without_sizes(project):
    build = sphinx_build(project)
    assert (build.warnings, build.error) == ([], None)
    entries = build.page("reference/downloads").select("ul.downloads > li")
    assert [entry.get_text(" ", strip=True) for entry in entries][:2] == [
        "iamm-en.pdf : PDF, to read and print",
        "iamm-en.docx : Word document (DOCX), to edit and comment",
    ]
    assert build.page("reference/downloads").select(".download-size") == []


def test_the_write_with_sizes_writes_only_the_downloads_page_with_each_size(project):
    first = sphinx_build(project)
    (first.outdir / file_name("en", "pdf")).write_bytes(b"%" * 1_640_000)
    (first.outdir / file_name("en", "docx")).write_bytes(b"P" * 2_400)
    before = pages(first.outdir)

    again = sphinx_build(project, first.outdir, fresh=False, publisher_download_sizes=True)

    assert (again.warnings, again.error) == ([], None)
    after = pages(again.outdir)
    assert sorted(after) == sorted(before)
    assert [page for page in before if after[page][1] != before[page][1]] == ["reference/downloads.html"]
    # Of the pages written from the sources, only this one; the generated pages are written on every build.
    sources = {path.relative_to(project).with_suffix(".html").as_posix() for path in project.rglob("*.md")}
    assert [page for page in sorted(sources) if after[page][0] != before[page][0]] == ["reference/downloads.html"]
    sizes = {span["class"][1]: span.get_text()
             for span in again.page("reference/downloads").select(".download-size")}
    assert sizes["size-iamm-en-pdf"] == "1.6 MB"
    assert sizes["size-iamm-en-docx"] == "2 kB"
    assert set(sizes) >= {"size-needs-json", "size-items-csv", "size-coverage-json"}  # Sphinx wrote them
