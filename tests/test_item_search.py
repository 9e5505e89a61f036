"""Item-level search: each item is indexed on its own, with its metadata and filters, in its language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import sphinx_build
from publisher.outputs import search_index as item_search


def test_each_item_is_indexed_with_its_address_metadata_and_filters(make_project):
    build = sphinx_build(make_project(), publisher_base_url="https://example.org/iamm/")
    records = {record["id"]: record for record in item_search.records(build.outdir, str)}
    assert sorted(records) == ["CU_01", "CU_02", "EP_001", "EP_002"]
    practice = records["EP_002"]
    assert practice["title"] == "EP_002 Train officials in rights"
    assert practice["text"].startswith("States train officials who meet migrants.")
    assert practice["meta"] == {"Type": "Effective practice", "Section": "International co-operation",
                                "url": "practices/01-cooperation.html#EP_002"}  # from the search page
    assert practice["filters"] == {"Type": ["Effective practice"], "Status": ["Adopted"],
                                   "Understanding": ["CU_01 States co-operate", "CU_02 Rights are protected"],
                                   "Section": ["International co-operation"]}
    understanding = records["CU_01"]
    assert understanding["filters"]["Understanding"] == ["CU_01 States co-operate"]  # itself: with its practices
    assert "Section" not in understanding["filters"] and "Section" not in understanding["meta"]


def test_the_indexers_page_of_an_item_escapes_every_value():
    record = {"id": "EP_001", "title": 'EP_001 <script>alert("x")</script>', "text": "a & b, c: d",
              "meta": {"Type": "<b>", "url": "practices/a.html#EP_001"}, "filters": {'Se"ction': ["x, y: z"]}}
    page = BeautifulSoup(item_search.item_page(record, "ar"), "html.parser")
    assert page.html["lang"] == "ar" and page.script is None
    assert page.select_one('[data-pagefind-meta="title"]').get_text() == record["title"]
    assert page.select_one('[data-pagefind-meta="Type"]').get_text() == "<b>"
    assert page.select_one('[data-pagefind-filter="Se\\"ction"]').get_text() == "x, y: z"
    assert page.p.get_text() == "a & b, c: d"


def test_the_items_join_the_index_of_their_pages_language(tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><html class="no-js" lang="zh_CN"><body></body></html>')
    assert item_search.page_language(tmp_path) == "zh_CN"
