"""Item-level search: each item is a Pagefind record of its own, with its filters, in its language."""

from __future__ import annotations

from conftest import sphinx_build
from publisher import item_search


def test_each_item_is_a_record_with_its_anchor_metadata_and_filters(make_project):
    build = sphinx_build(make_project(), publisher_base_url="https://example.org/iamm/")
    records = {record["meta"]["title"]: record for record in item_search.records(build.outdir, str)}
    assert sorted(records) == ["CU_01 States co-operate", "CU_02 Rights are protected",
                               "EP_001 Meet regularly", "EP_002 Train officials in rights"]
    practice = records["EP_002 Train officials in rights"]
    assert practice["url"] == "/practices/01-cooperation.html#EP_002"  # Pagefind prefixes the language's folder
    assert practice["content"].startswith("States train officials who meet migrants.")
    assert practice["content"].endswith("EP_002 Train officials in rights")
    assert practice["meta"] == {"title": "EP_002 Train officials in rights", "Type": "Effective practice",
                                     "Section": "International co-operation"}
    assert practice["filters"] == {"Type": ["Effective practice"], "Status": ["Adopted"],
                                   "Understanding": ["CU_01 States co-operate", "CU_02 Rights are protected"],
                                   "Section": ["International co-operation"]}
    understanding = records["CU_01 States co-operate"]
    assert understanding["filters"]["Understanding"] == ["CU_01 States co-operate"]  # itself: with its practices
    assert "Section" not in understanding["filters"] and "Section" not in understanding["meta"]


def test_the_items_join_the_index_of_their_pages_language(tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><html class="no-js" lang="zh_CN"><body></body></html>')
    assert item_search.page_language(tmp_path) == "zh-cn"
