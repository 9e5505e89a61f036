"""Translators cannot inject markup or break it: refused with the .po file and line."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from conftest import PROJECT, sphinx_build
from publisher.translations import po_lint
from publisher.translations import update as i18n_update
from test_i18n import BODY, PRACTICE_FILLER, fr, translate

MEET = "States meet." + PRACTICE_FILLER

PO = "locales/fr/LC_MESSAGES/practices/01-cooperation.po"


def line_of(project, msgid):
    with (project / PO).open("rb") as file:
        return read_po(file)[msgid].lineno


def test_raw_html_and_a_broken_term_are_refused_with_po_file_and_line(make_project, tmp_path):
    project = make_project()
    i18n_update.update(project, tmp_path / "pot", confdir=PROJECT)
    translate(fr(project, "practices/01-cooperation"), {
        MEET: 'Les États <script src="https://x.example/a.js"></script> se réunissent.',
        BODY: "Les États forment les agents qui rencontrent des {term}`migrants <migrantes>`.",
    })
    meet, train = line_of(project, MEET), line_of(project, BODY)
    expected = [
        f'{PO}:{meet}: msgid "States meet. They agree in advance who does what,…": contains raw HTML, which is not allowed; write plain '
        "text and MyST only; correct the msgstr",
        f'{PO}:{train}: msgid "States train officials who meet {{term}}`migrants <…": changes the '
        "target of a {term} role (migrantes); translate the text and keep the English target in "
        "<...>, e.g. {term}`réfugiés <refugee>`; correct the msgstr",
    ]
    assert [str(v) for v in po_lint.lint(project, "fr")] == expected

    warnings = sphinx_build(project, language="fr").warnings
    assert [w for w in warnings if "[publisher.translation" in w] == [
        line.replace(": msgid", ": WARNING: msgid", 1)
        + " [publisher.translation_markup]"
        for line in expected
    ]


def test_a_translation_keeps_roles_and_link_targets():
    assert po_lint.problems("See {term}`refugee` and [the page](history.md).",
                            "Voir réfugié et [la page](histoire.md).") == [
        "has 0 {term} role(s) where the English has 1; keep each role, translating only its text",
        "changes a link's address; keep the part in (...) as it is",
    ]


@pytest.mark.parametrize("msgstr", [
    "Les États se réunissent.\n\n```{raw} html\n<b>x</b>\n```",
    "Les États se réunissent.\n\n```\nun bloc\n```",
    "Les États se réunissent.\n\n    un bloc en retrait",
], ids=["directive", "fence", "indented block"])
def test_a_block_in_a_translation_is_refused(msgstr):
    assert po_lint.problems("States meet.", msgstr) == [
        "contains a directive or fence, which is not allowed in a translation"]
