"""Hostile and broken translations and sources: refused before anything is read, with file and line."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import sphinx_build
from publisher.translations import po_lint
from publisher.content import trace
from test_i18n import FRENCH, PRACTICE_FILLER, fr, translate

MEET = "States meet." + PRACTICE_FILLER
PAGE = "locales/fr/LC_MESSAGES/practices/01-cooperation.po"
LABELS = "locales/fr/LC_MESSAGES/publisher.po"


@pytest.fixture
def project(catalogued, tmp_path):
    copy = tmp_path / "minimal"
    shutil.copytree(catalogued, copy)
    return copy


@pytest.mark.parametrize(("msgstr", "problem"), [
    ("Les États se réunissent <https://evil.example/login>.",
     "adds a link or an image the English does not have (https://evil.example/login); remove it"),
    ("Les États se [réunissent][r].\n\n[r]: https://evil.example/login",
     "adds a link or an image the English does not have (https://evil.example/login); remove it"),
    ("Les États se réunissent ![][i].\n\n[i]: https://evil.example/pixel.png",
     "adds a link or an image the English does not have (https://evil.example/pixel.png); remove it"),
    ('Les États <img title="<" src=x onerror=alert(1)> se réunissent.',
     "contains raw HTML, which is not allowed; write plain text and MyST only"),
    ("Les États <img src=x\nonerror=alert(1)> se réunissent.",
     "contains raw HTML, which is not allowed; write plain text and MyST only"),
    ("```{raw} html\n<script>alert(1)</script>\n```",
     "contains a directive or fence, which is not allowed in a translation"),
])
def test_a_translation_that_adds_links_or_markup_stops_the_build(project, msgstr, problem):
    translate(fr(project, "practices/01-cooperation"), {MEET: msgstr})
    line = next(v.line for v in po_lint.lint(project, "fr"))
    build = sphinx_build(project, language="fr")
    assert build.warnings == [
        f'{PAGE}:{line}: WARNING: msgid "States meet. They agree in advance who does what,…": {problem}; '
        "correct the msgstr [publisher.translation_markup]"
    ]
    assert build.error == "build: stopped before reading the text: 1 problem(s) above, each with its file and line"


def test_a_placeholder_the_labels_do_not_have_is_refused(project):
    translate(fr(project, "publisher"), {"This page is {percent}% translated. Passages not yet translated are "
                                         "shown in English and marked.": "Cette page est traduite à {pourcent} %."})
    build = sphinx_build(project, language="fr")
    assert len(build.warnings) == 1 and build.warnings[0].startswith(f"{LABELS}:")
    assert build.warnings[0].endswith(
        ": uses the placeholder {pourcent}, which the English does not have; keep the English placeholders "
        "as they are ({percent}); correct the msgstr [publisher.translation_markup]")


@pytest.mark.parametrize(("damage", "problem", "fix"), [
    (lambda text: text.replace('"Language: fr\\n"', '"Language: fr\\n', 1), "has a string left open",
     "correct the .po syntax there (quotes, msgid/msgstr pairs)"),
    (lambda text: text.replace("Language: fr", "Language: fr\\n\"\n\"Plural-Forms: nplurals=banana", 1),
     "has a bad Plural-Forms header (nplurals=banana)",
     "write it as 'nplurals=2; plural=(n != 1);' or remove it"),
])
def test_a_broken_catalog_names_its_file_and_line(project, damage, problem, fix):
    path = fr(project, "practices/01-cooperation")
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    build = sphinx_build(project, language="fr")
    assert len(build.warnings) == 1, build.warnings
    location, message = build.warnings[0].split(": WARNING: ")
    assert location.startswith(f"{PAGE}:") and int(location.rsplit(":", 1)[1]) > 1
    assert message.startswith("01-cooperation.po: " + problem) and message.endswith(
        f"; {fix} [publisher.catalog_unreadable]")
    assert build.error


def test_a_catalog_that_is_not_utf8_names_its_line(project):
    path = fr(project, "practices/01-cooperation")
    data = path.read_bytes()
    line = data[: data.index(b"Language: fr")].count(b"\n") + 1
    path.write_bytes(data.replace(b"Language: fr", b"Language: fr\xff", 1))
    assert sphinx_build(project, language="fr").warnings == [
        f"{PAGE}:{line}: WARNING: 01-cooperation.po: is not valid UTF-8; save the file as UTF-8 "
        "[publisher.catalog_unreadable]"
    ]


def test_a_source_that_is_not_utf8_names_its_file_and_line(project, capsys):
    page = project / "practices" / "01-cooperation.md"
    page.write_bytes(page.read_bytes().replace(b"States meet.", b"States m\xe9et.", 1))
    assert trace.main(["--root", str(project)]) == 1
    expected = ("practices/01-cooperation.md:9: 01-cooperation.md: is not valid UTF-8 (byte 0xe9); save the "
                "file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')")
    assert expected in capsys.readouterr().out.splitlines()
    build = sphinx_build(project)
    assert build.warnings == [expected.replace(": 01-cooperation.md:", ": WARNING: 01-cooperation.md:", 1)
                              + " [publisher.not_utf8]"]
    assert build.error


def test_labels_are_escaped_wherever_they_are_inserted(project):
    translate(fr(project, "practices/01-cooperation"), FRENCH)
    translate(fr(project, "framework/understandings"), FRENCH)
    translate(fr(project, "index"), FRENCH)
    hostile = 'Langues" onmouseover="alert(document.domain)" x="'
    translate(fr(project, "publisher"), {"Languages": hostile, "Copy link": hostile,
                                         "Toggle site navigation sidebar": hostile})
    build = sphinx_build(project, language="fr")
    assert build.warnings == []
    page = BeautifulSoup((build.outdir / "practices" / "01-cooperation.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert [e.name for e in page.find_all(True) if any(a.startswith("on") for a in e.attrs)] == []
    assert page.select_one("nav.language-switcher")["aria-label"] == hostile
    assert page.select_one("button.copy-link").get_text() == hostile
