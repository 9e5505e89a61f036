"""Fuzzing: sources and catalogs mutated at random end in a clear error, or in a build that lost nothing.

Hypothesis inserts characters, markup and fences, truncates files and breaks
their encoding, in the minimal project's pages and its French catalog. Each
example must end one of two ways: the build fails and says where (a
``path:line:`` line, no traceback), or it succeeds and every item the sources
hold is in needs.json, the HTML, the PDF's text and the Word document's text,
in English and French. CI runs a few examples; ``nox -s fuzz`` runs many.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sphinx.util.console import strip_colors

from conftest import PROJECT
from publisher.content import sources

EXAMPLES = int(os.environ.get("PUBLISHER_FUZZ_EXAMPLES", "4"))
LANGUAGES = ("en", "fr")
#: Pieces an editor, a translator or an attacker might type.
PIECES = ["```", "````", "~~~", "```{practice} X\n:id: EP_009\n", "<!--", "-->", "<b>", "<img src=x onerror=1>",
          "{term}`x`", "{term}`", "[a](b)", "[a](javascript:x)", "![](../../../etc/hostname)", ":id: EP_001",
          "\n", "\n\n", "`", "{", "}", "\u202e", "\x00", "EP_00\uff11", "الهجرة", "移民", '"', "\\", "#", "---"]
#: A message that says where: a file and a line, or a whole file for a file-level problem.
PATH_LINE = re.compile(r"^(?:/[^\s:]*/)?(?:[\w.-]+/)*[\w.-]+\.(?:md|po|txt)(?::[0-9]+)?: ", re.M)


def mutable_files(project: Path) -> list[Path]:
    return [*sources.content_files(project),
            project / "locales" / "fr" / "LC_MESSAGES" / "practices" / "01-cooperation.po"]


mutations = st.tuples(
    st.integers(min_value=0, max_value=99),  # which file
    st.floats(min_value=0, max_value=1),  # where in it
    st.one_of(
        st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(lambda pieces: ("insert", "".join(pieces))),
        st.text(min_size=1, max_size=12).map(lambda text: ("insert", text)),
        st.just(("truncate", "")),
        st.just(("break encoding", "")),
    ),
)


def mutate(path: Path, where: float, kind: str, text: str) -> None:
    data = path.read_bytes()
    at = int(where * len(data))
    if kind == "insert":
        data = data[:at] + text.encode("utf-8") + data[at:]
    elif kind == "truncate":
        data = data[:at]
    else:
        data = data[:at] + b"\xff\xfe" + data[at:]
    path.write_bytes(data)


def shown_everywhere(site: Path, ids: set[str]) -> list[str]:
    """Where an item of the sources is missing from an output, if anywhere."""
    import json

    missing = []
    for code in LANGUAGES:
        folder = site / code
        data = json.loads((folder / "needs.json").read_text(encoding="utf-8"))
        needs = set(data["versions"][data["current_version"]]["needs"])
        html = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.html") if "pagefind" not in p.parts)
        pdf = "".join(page.extract_text() for page in PdfReader(folder / f"iamm-{code}.pdf").pages)
        with zipfile.ZipFile(folder / f"iamm-{code}.docx") as archive:
            word = archive.read("word/document.xml").decode("utf-8")
        for item_id in sorted(ids):
            missing += [f"{code} {where}: {item_id}" for where, text in
                        (("needs.json", needs), ("HTML", html), ("PDF", pdf), ("Word", word))
                        if item_id not in text]
    return missing


# No shrinking: one example is a whole build; the failing mutation is printed as it was.
@settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations)
def test_mutated_sources_fail_clearly_or_lose_nothing(catalogued, tmp_path_factory, mutation):
    project = tmp_path_factory.mktemp("mutated") / "minimal"
    shutil.copytree(catalogued, project)
    which, where, (kind, text) = mutation
    files = mutable_files(project)
    mutate(files[which % len(files)], where, kind, text)
    site = project.parent / "site"
    result = subprocess.run(
        [sys.executable, "-m", "publisher.tasks.build", *LANGUAGES, "--out", str(site), "--source", str(project),
         "--conf", str(PROJECT)], cwd=PROJECT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)})
    # Under CI=true Sphinx colours its messages; the reader sees the colours rendered, not the escapes.
    output = strip_colors(result.stdout + result.stderr)
    assert "Traceback" not in output, output[-3000:]
    if result.returncode:
        assert PATH_LINE.search(output), f"failed without saying where:\n{output[-3000:]}"
        return
    ids = {item.id for item in sources.read_items(project) if item.id}
    assert shown_everywhere(site, ids) == []
