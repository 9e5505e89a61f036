"""Item-level search in a real browser, in every language: an item found by a word, narrowed by a filter."""

from __future__ import annotations

import json
import re

import pytest

from test_browser import axe_violations, browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.site
#: A word of EP_012's text in each language, as a reader would type it.
WORDS = {"en": "remittances", "fr": "rapatriements", "es": "remesas", "ar": "التحويلات", "zh": "侨汇",
         "ru": "переводов"}
RESULT = ".pagefind-ui__result"


def results(browser) -> list[dict]:
    return browser.execute_script(
        "return [...document.querySelectorAll('.pagefind-ui__result')].map(r => ({"
        "href: r.querySelector('.pagefind-ui__result-link').href,"
        "title: r.querySelector('.pagefind-ui__result-link').textContent.trim(),"
        "tags: [...r.querySelectorAll('.pagefind-ui__result-tag')].map(t => t.textContent.trim()),"
        "excerpt: r.querySelector('.pagefind-ui__result-excerpt').textContent}))")


def search(browser, server, language: str, word: str) -> list[dict]:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/{language}/search.html?q={word}")
    WebDriverWait(browser, 30).until(lambda driver: driver.find_elements("css selector", RESULT))
    return results(browser)


def item_data(published_site, language: str, item_id: str) -> dict:
    return json.loads((published_site / language / "api" / "items" / f"{item_id}.json").read_text(encoding="utf-8"))


def result_count(browser) -> int:
    """The number of results Pagefind's message announces (its page shows five at first)."""
    message = browser.find_element("css selector", ".pagefind-ui__message").text
    return int(re.search(r"\d+", message)[0])


@pytest.mark.parametrize("language", list(WORDS))
def test_an_item_is_found_by_a_word_and_narrowed_by_a_filter(browser, server, published_site, language):
    from selenium.webdriver.support.ui import WebDriverWait

    found = search(browser, server, language, WORDS[language])
    item = next(result for result in found if result["href"].endswith("/practices/02-development.html#EP_012"))
    data = item_data(published_site, language, "EP_012")
    assert item["title"] == f"EP_012 {data['title']}"
    assert sorted(tag.split(": ", 1)[1] for tag in item["tags"]) == sorted(
        [data["type"]["label"], data["section"]["label"]])  # its type and section, named in the language
    assert item["excerpt"].strip()
    before = result_count(browser)

    # Narrow to EP_012's section: the filter shows its count, and only that section's items remain.
    find = ("const box = [...document.querySelectorAll('.pagefind-ui__filter-checkbox')]"
            "  .find(b => b.labels[0].textContent.trim().startsWith(arguments[0]));")
    # Pagefind draws its filters once their index has loaded, which may be after the results.
    WebDriverWait(browser, 30).until(lambda driver: driver.execute_script(
        find + "return Boolean(box);", data["section"]["label"]))
    label = browser.execute_script(
        "document.querySelectorAll('.pagefind-ui__filter-block').forEach(d => d.open = true);"
        + find + "box.click(); return box.labels[0].textContent;", data["section"]["label"])
    assert re.search(r"\d", label), label  # the count beside the value
    WebDriverWait(browser, 30).until(lambda driver: result_count(driver) < before)
    narrowed = results(browser)
    assert narrowed and all("/practices/02-development.html#EP_" in result["href"] for result in narrowed)
    assert any(result["href"].endswith("#EP_012") for result in narrowed)


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_search_with_results_and_filters_passes_axe(browser, server, language):
    search(browser, server, language, WORDS[language])
    browser.execute_script("document.querySelectorAll('.pagefind-ui__filter-block').forEach(d => d.open = true)")
    assert axe_violations(browser) == []
