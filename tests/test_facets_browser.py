"""The facets in a real browser: section × understanding × status combine, with counts; axe finds nothing."""

from __future__ import annotations

import json

import pytest

from test_browser import axe_violations, browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.site


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_facets_combine_with_counts_and_pass_axe(browser, server, published_site, language):
    from selenium.webdriver.support.ui import Select

    items = [json.loads(path.read_text(encoding="utf-8"))
             for path in sorted((published_site / language / "api" / "items").glob("EP_*.json"))]
    expected = [item["id"] for item in items
                if item["section"]["key"] == "development" and "CU_12" in [l["id"] for l in item["implements"]]]
    browser.get(f"{server}/{language}/reference/browse.html")
    Select(browser.find_element("css selector", ".facet-form select[name=section]")).select_by_value("development")
    understanding = Select(browser.find_element("css selector", ".facet-form select[name=understanding]"))
    option = next(o for o in understanding.options if o.get_attribute("value") == "CU_12")
    assert option.text.endswith(f"({len(expected)})")  # the count it would leave, before it is chosen
    understanding.select_by_value("CU_12")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('li.facet-item')].filter(li => !li.hidden)"
        ".map(li => li.querySelector('a').textContent)")
    assert shown == expected and expected
    assert str(len(expected)) in browser.find_element("css selector", ".facet-status").text
    assert axe_violations(browser) == []


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_a_facet_page_passes_axe(browser, server, language):
    browser.get(f"{server}/{language}/reference/facets/understanding-CU_12.html")
    assert browser.find_elements("css selector", "section.facet-page li a")
    assert axe_violations(browser) == []
