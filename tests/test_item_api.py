"""Every item as data (api/items/<ID>.json, api/items.json), checked against its JSON Schema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from conftest import sphinx_build
from publisher.outputs import item_api

BASE = "https://example.org/iamm/"
SCHEMAS = {name: json.loads((item_api.SCHEMAS / name).read_text(encoding="utf-8"))
           for name in item_api.SCHEMA_FILES}


def validator(name: str) -> Draft202012Validator:
    """A validator of one schema; the index's schema refers to the item's by its file name."""
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in SCHEMAS.values())
    return Draft202012Validator(SCHEMAS[name], registry=registry)


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def addressed(tmp_path_factory):
    """The minimal project built knowing the site's public address: absolute URLs."""
    import shutil
    from conftest import ROOTS

    project = tmp_path_factory.mktemp("api") / "project"
    shutil.copytree(ROOTS / "minimal", project)
    return sphinx_build(project, publisher_base_url=BASE)


@pytest.fixture
def local(make_project):
    return sphinx_build(make_project())


def test_the_schemas_are_valid_json_schemas():
    for schema in SCHEMAS.values():
        Draft202012Validator.check_schema(schema)


def test_the_schemas_sit_beside_the_data(addressed):
    for name in item_api.SCHEMA_FILES:
        assert read(addressed.outdir / "api" / name) == SCHEMAS[name]


def test_every_item_has_a_data_file_that_its_schema_accepts(addressed):
    files = sorted((addressed.outdir / "api" / "items").glob("*.json"))
    assert [path.stem for path in files] == ["CU_01", "CU_02", "EP_001", "EP_002"]
    for path in files:
        validator("item.schema.json").validate(read(path))
    validator("items.schema.json").validate(read(addressed.outdir / "api" / "items.json"))


def test_an_item_file_holds_what_a_reader_sees_and_its_links_both_ways(addressed):
    practice = read(addressed.outdir / "api" / "items" / "EP_002.json")
    assert practice["title"] == "Train officials in rights"
    assert practice["text"].startswith("States train officials who meet migrants. They agree")  # a role as its words
    assert practice["type"] == {"key": "practice", "label": "Effective practice"}
    assert practice["section"] == {"key": "cooperation", "label": "International co-operation"}
    assert practice["status"] == {"key": "adopted", "label": "Adopted"}
    assert [(link["id"], link["title"]) for link in practice["implements"]] == [
        ("CU_01", "States co-operate"), ("CU_02", "Rights are protected")]
    assert practice["implements"][0]["url"] == f"{BASE}en/framework/understandings.html#CU_01"
    assert practice["implements"][0]["data"] == f"{BASE}en/api/items/CU_01.json"
    assert practice["url"] == f"{BASE}en/practices/01-cooperation.html#EP_002"
    assert practice["permalink"] == f"{BASE}en/items/EP_002/"
    assert practice["source"] == {"path": "practices/01-cooperation.md", "line": 12}
    assert practice["language"] == "en" and practice["untranslated"] == []
    understanding = read(addressed.outdir / "api" / "items" / "CU_01.json")
    assert [link["id"] for link in understanding["implemented_by"]] == ["EP_001", "EP_002"]
    assert understanding["section"] is None and understanding["implements"] == []


def test_the_index_lists_every_item_in_reading_order(addressed):
    index = read(addressed.outdir / "api" / "items.json")
    assert [entry["id"] for entry in index["items"]] == ["CU_01", "CU_02", "EP_001", "EP_002"]
    assert index["count"] == 4 and index["language"] == "en"
    assert index["items"][3]["data"] == f"{BASE}en/api/items/EP_002.json"


def test_without_the_sites_address_urls_are_relative_to_the_language_folder(local):
    practice = read(local.outdir / "api" / "items" / "EP_002.json")
    assert practice["url"] == "practices/01-cooperation.html#EP_002"
    assert practice["permalink"] == "items/EP_002/"
    assert practice["citation"]["ris"] == "api/cite/EP_002.ris"
    assert (local.outdir / practice["citation"]["ris"]).is_file()
    validator("item.schema.json").validate(practice)


def test_a_translated_item_is_in_its_language_with_the_english_named(make_project, tmp_path):
    from test_i18n import FRENCH, fr, translate

    from conftest import PROJECT
    from publisher.translations import update as i18n_update

    project = make_project()
    i18n_update.update(project, tmp_path / "pot", confdir=PROJECT)
    translate(fr(project, "practices/01-cooperation"), FRENCH)
    translate(fr(project, "framework/understandings"), {k: v for k, v in FRENCH.items() if k != "States co-operate"})
    build = sphinx_build(project, language="fr")
    practice = read(build.outdir / "api" / "items" / "EP_002.json")
    assert practice["title"] == "Former les agents aux droits"
    assert practice["text"] == "Les États forment les agents qui rencontrent des migrants."
    assert practice["language"] == "fr" and practice["untranslated"] == []
    assert practice["implements"][0]["title"] == "States co-operate"  # not translated: English
    understanding = read(build.outdir / "api" / "items" / "CU_01.json")
    assert understanding["title"] == "States co-operate" and understanding["untranslated"] == ["title"]
    validator("item.schema.json").validate(practice)


@pytest.mark.parametrize(("change", "where"), [
    (lambda data: data.pop("title"), "title"),
    (lambda data: data.update(id="EP_01"), "EP_01"),
    (lambda data: data["status"].update(key="draft"), "draft"),
    (lambda data: data.update(url="javascript:alert(1)"), "javascript"),
])
def test_the_schema_refuses_a_broken_file(addressed, change, where):
    data = read(addressed.outdir / "api" / "items" / "EP_002.json")
    change(data)
    with pytest.raises(ValidationError, match=where):
        validator("item.schema.json").validate(data)
