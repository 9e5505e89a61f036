"""The translation workflow on a fixture: fuzzy on change, reported, shown as marked English."""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po

from conftest import PROJECT, sphinx_build
from publisher.translations import status as translation_status
from publisher.translations import update as i18n_update

#: The fixture's texts: each first sentence, then words enough for the word limits.
PRACTICE_FILLER = (" They agree in advance who does what, share what they learn, report on the results"
                   " at regular intervals, and adjust the arrangement when it no longer serves the"
                   " people concerned or the States taking part in it, as their partners expect of them.")
UNDERSTANDING_FILLER = (" States hold this view in common, whatever their place in migration, and it guides"
                        " the practices that serve it. It creates no obligation of its own: each State"
                        " applies it through its own laws and institutions, in the light of its needs, its"
                        " priorities and its capacities, and it explains to its partners and to the public"
                        " how it does so, so that co-operation rests on trust.")
BODY = "States train officials who meet {term}`migrants <migrant>`." + PRACTICE_FILLER
FRENCH = {
    "Meet regularly": "Se réunir régulièrement",
    "States meet." + PRACTICE_FILLER: "Les États se réunissent.",
    "Train officials in rights": "Former les agents aux droits",
    BODY: "Les États forment les agents qui rencontrent des {term}`migrants <migrant>`.",
    "States co-operate": "Les États coopèrent",
    "Co-operation is the basis." + UNDERSTANDING_FILLER: "La coopération est la base.",
    "Rights are protected": "Les droits sont protégés",
    "Rights matter." + UNDERSTANDING_FILLER: "Les droits comptent.",
    "International co-operation": "Coopération internationale",
    "Common understandings": "Conceptions communes",
    "Minimal framework": "Cadre minimal",
    "Framework": "Cadre",
}


def translate(po_path, table):
    with po_path.open("rb") as file:
        catalog = read_po(file)
    for message in catalog:
        if message.id in table:
            message.string = table[message.id]
    with po_path.open("wb") as file:
        write_po(file, catalog, width=76)


def fr(project, page):
    return project / "locales" / "fr" / "LC_MESSAGES" / f"{page}.po"


def test_edited_english_becomes_fuzzy_is_reported_and_shown_marked(make_project, tmp_path):
    project = make_project()
    i18n_update.update(project, tmp_path / "pot", confdir=PROJECT)
    translate(fr(project, "practices/01-cooperation"), FRENCH)
    translate(fr(project, "framework/understandings"), FRENCH)
    assert "EP_002" not in translation_status.status(project, "fr").incomplete_items

    page = project / "practices" / "01-cooperation.md"
    page.write_text(page.read_text().replace(BODY, BODY.replace("train", "regularly train")))
    i18n_update.update(project, tmp_path / "pot", confdir=PROJECT)

    with fr(project, "practices/01-cooperation").open("rb") as file:
        entry = read_po(file)[BODY.replace("train", "regularly train")]
    assert entry.fuzzy
    assert entry.string == FRENCH[BODY]  # the old translation is kept for the translator
    assert translation_status.status(project, "fr").incomplete_items["EP_002"] == ["text (fuzzy)"]

    build = sphinx_build(project, language="fr")
    assert build.warnings == []
    box = build.page("practices/01-cooperation").find(id="EP_002")
    english = box.find("p", class_="untranslated")
    assert english.get_text() == "States regularly train officials who meet migrants." + PRACTICE_FILLER
    assert (english["lang"], english["dir"]) == ("en", "ltr")
    assert "Former les agents aux droits" in box.get_text()  # the title is translated
    note = build.page("practices/01-cooperation").select_one(".translation-progress")
    assert "translated" in note.get_text() and "%" in note.get_text()


def test_every_catalog_holds_exactly_the_current_english_messages(tmp_path):
    """Run `nox -s i18n` after changing the English: otherwise a new paragraph has no translation slot."""
    from pathlib import Path

    from publisher.content.languages import LANGUAGES, TRANSLATIONS

    i18n_update.extract(PROJECT, tmp_path)
    for pot in sorted(tmp_path.rglob("*.pot")):
        with pot.open("rb") as file:
            english = {m.id for m in read_po(file) if m.id}
        for code in TRANSLATIONS:
            po = PROJECT / "locales" / LANGUAGES[code].sphinx / "LC_MESSAGES" / pot.relative_to(tmp_path).with_suffix(".po")
            with Path(po).open("rb") as file:
                current = {m.id for m in read_po(file) if m.id}
            assert english == current, f"{po}: run `nox -s i18n`"
