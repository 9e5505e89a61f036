"""Suggest a change: each item links to its source and to prefilled issue forms, when the repository is known."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import PROJECT, sphinx_build
from publisher.extension import suggest

REPO = "https://github.com/acme/iamm"
FORMS = PROJECT / ".github" / "ISSUE_TEMPLATE"


def form_ids(name: str) -> set[str]:
    form = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))
    return {field["id"] for field in form["body"] if "id" in field}


def suggestions(build, language_page="practices/01-cooperation", item="EP_002"):
    box = build.page(language_page).find(id=item)
    return {a["class"][1]: a["href"] for a in box.select(".item-suggest a")}


def test_an_item_links_to_its_source_line_and_a_prefilled_change_form(make_project):
    build = sphinx_build(make_project(), publisher_repository_url=REPO)
    links = suggestions(build)
    assert links["edit"] == f"{REPO}/edit/main/practices/01-cooperation.md"
    assert links["source"] == f"{REPO}/blob/main/practices/01-cooperation.md#L12"
    form = urlsplit(links["change"])
    assert form.path == "/acme/iamm/issues/new"
    query = {key: values[0] for key, values in parse_qs(form.query).items()}
    assert query == {"template": "item-change.yml", "title": "EP_002: ", "item": "EP_002", "language": "en",
                     "page": "practices/01-cooperation.html#EP_002"}
    assert set(query) - {"template", "title"} <= form_ids(query["template"])
    assert "translation" not in links


def test_a_translation_links_to_its_catalog_and_the_translation_form(make_project):
    build = sphinx_build(make_project(), publisher_repository_url=REPO, language="fr")
    links = suggestions(build)
    assert links["edit"] == f"{REPO}/edit/main/locales/fr/LC_MESSAGES/practices/01-cooperation.po"
    query = {key: values[0] for key, values in parse_qs(urlsplit(links["translation"]).query).items()}
    assert query["template"] == "translation.yml" and query["language"] == "fr"
    assert set(query) - {"template", "title"} <= form_ids("translation.yml")
    # The fixture has no catalog of labels: each is shown in English, and announced as English.
    box = build.page("practices/01-cooperation").find(id="EP_002")
    assert all((a["lang"], a["dir"]) == ("en", "ltr") for a in box.select(".item-suggest a"))
    assert box.select_one(".item-suggest strong span")["lang"] == "en"


def test_without_a_repository_no_item_links_to_one(make_project):
    build = sphinx_build(make_project())
    assert build.page("practices/01-cooperation").select(".item-suggest") == []
    assert build.warnings == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://evil.example/acme/iamm",
                                 "https://github.com/acme/iamm/../x\"><script>", "http://github.com/acme/iamm"])
def test_an_address_that_is_not_a_github_repository_is_refused(make_project, url):
    # sphinx_build reports a SphinxError (ConfigError included) as sphinx-build does: stopped, with why.
    assert "give a GitHub repository's address" in sphinx_build(make_project(), publisher_repository_url=url).error


def test_the_issue_forms_take_the_fields_the_links_fill_in():
    for name in (suggest.CHANGE_FORM, suggest.TRANSLATION_FORM):
        form = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))
        assert form["name"] and form["description"] and form["body"]
        assert set(suggest.FORM_FIELDS) <= form_ids(name), name
        assert all(field["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
                   for field in form["body"])
    assert yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))["blank_issues_enabled"] is True
