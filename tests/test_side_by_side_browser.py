"""Side by side in a real browser (Debian's Chromium): rows aligned, each column in its direction, phones."""

from __future__ import annotations

import pytest

from test_browser import axe_violations, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.site
PAGE = "practices/01-cooperation"
CELLS = """return Array.from(document.querySelectorAll('#side-by-side .side-by-side-cell[data-key]'), cell => {
  const box = cell.getBoundingClientRect();
  return {key: cell.dataset.key, lang: cell.lang, dir: cell.dir, top: box.top, bottom: box.bottom, left: box.left};
});"""


def open_side_by_side(browser, url: str) -> list[dict]:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 30).until(
        lambda driver: driver.find_elements("css selector", "#side-by-side .side-by-side-cell[data-key]"))
    return browser.execute_script(CELLS)


@pytest.mark.parametrize(("language", "other"), [("en", "ar"), ("ar", "en"), ("fr", "en")])
def test_two_languages_are_aligned_row_by_row_each_in_its_direction(browser, server, language, other):
    cells = open_side_by_side(browser, f"{server}/{language}/side-by-side.html?page={PAGE}&with={other}")
    first, second = cells[0::2], cells[1::2]
    assert [cell["key"] for cell in first] == [cell["key"] for cell in second]
    assert "EP_001" in [cell["key"] for cell in first] and "EP_001.1" in [cell["key"] for cell in first]
    assert all(abs(a["top"] - b["top"]) < 1 for a, b in zip(first, second))  # one grid row per block
    direction = {"ar": "rtl"}
    assert {(cell["lang"], cell["dir"]) for cell in first} == {(language, direction.get(language, "ltr"))}
    assert {(cell["lang"], cell["dir"]) for cell in second} == {(other, direction.get(other, "ltr"))}
    assert axe_violations(browser) == []


def test_on_a_phone_each_pair_is_stacked(browser, server):
    browser.set_window_size(375, 800)
    try:
        cells = open_side_by_side(browser, f"{server}/en/side-by-side.html?page={PAGE}&with=ar")
        assert len({round(cell["left"]) for cell in cells}) == 1
        assert all(a["bottom"] <= b["top"] for a, b in zip(cells, cells[1:]))
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 375
        assert axe_violations(browser) == []
    finally:
        browser.set_window_size(1280, 900)


def test_the_language_switcher_leads_to_the_page_side_by_side(browser, server):
    browser.get(f"{server}/en/{PAGE}.html")
    browser.find_element("css selector", "nav.language-switcher .side-by-side-link a").click()
    cells = open_side_by_side(browser, browser.current_url)
    assert browser.current_url == f"{server}/en/side-by-side.html?page={PAGE}"
    assert (cells[0]["lang"], cells[1]["lang"]) == ("en", "fr")  # the first other language, by default
    title = browser.find_element("css selector", ".side-by-side-title[lang=fr] h2 a")
    assert title.get_attribute("href") == f"{server}/fr/{PAGE}.html"


def test_a_block_links_to_the_pages_of_its_own_language(browser, server):
    open_side_by_side(browser, f"{server}/en/side-by-side.html?page={PAGE}&with=ar")
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('#side-by-side [lang=ar] a[href]'), a => a.href);")
    assert links and all(link.startswith(f"{server}/ar/") for link in links), links
    assert browser.execute_script("return document.querySelectorAll('#side-by-side [id]').length") == 0


def test_choosing_another_first_language_opens_its_side_by_side_page(browser, server):
    from selenium.webdriver.support.ui import Select, WebDriverWait

    open_side_by_side(browser, f"{server}/en/side-by-side.html?page={PAGE}&with=fr")
    Select(browser.find_element("name", "language")).select_by_value("ar")
    Select(browser.find_element("name", "page")).select_by_value("framework/understandings")
    browser.find_element("css selector", "#side-by-side-form button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda driver: "/ar/" in driver.current_url)
    assert browser.current_url == f"{server}/ar/side-by-side.html?page=framework%2Funderstandings&with=fr"
    cells = open_side_by_side(browser, browser.current_url)
    assert (cells[0]["lang"], cells[0]["dir"], cells[1]["lang"]) == ("ar", "rtl", "fr")
    assert ["CU_01", "CU_01"] in [[a["key"], b["key"]] for a, b in zip(cells[0::2], cells[1::2])]
