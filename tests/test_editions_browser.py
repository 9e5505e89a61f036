"""Editions in a real browser: an old edition's pages, the "What changed" page and a permanent address.

Screenshots of an old edition (desktop and phone, English and Arabic) go to
``$PUBLISHER_SCREENSHOTS`` when it is set, for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from conftest import sphinx_build
from test_browser import axe_violations, browser  # noqa: F401 (fixtures)
from test_editions import build_edition, make_history, quiet, release_second

pytestmark = pytest.mark.site
LANGUAGES = ("en", "ar", "fr")


@pytest.fixture(scope="module")
def edition_server(tmp_path_factory):
    """Edition 1 (an old one) and the working draft, in three languages, served as published."""
    root = tmp_path_factory.mktemp("editions-browser")
    site = root / "site"
    repo, files = make_history(root, languages=("ar", "fr"))
    release_second(repo, files)
    for language in LANGUAGES:
        quiet(sphinx_build(repo, site / language, language=language))
        quiet(build_edition(repo, site, "1", "2", language))
    quiet(build_edition(repo, site, "2", "2"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["editions/1/{language}/practices/01-cooperation.html",
                                  "editions/1/{language}/reference/changes.html",
                                  "{language}/reference/changes.html"])
def test_axe_finds_no_violation_on_an_old_edition_and_the_changes(browser, edition_server, language, page):
    browser.get(f"{edition_server}/{page.format(language=language)}")
    assert browser.find_element("css selector", ".edition-banner").is_displayed()
    assert axe_violations(browser) == []


def test_a_permanent_address_leads_to_the_item_in_the_latest_edition(browser, edition_server):
    browser.get(f"{edition_server}/en/items/EP_001/")
    assert browser.current_url == f"{edition_server}/editions/2/en/practices/01-cooperation.html#EP_001"
    assert browser.find_element("id", "EP_001").is_displayed()


def test_an_item_link_to_another_edition_finds_the_item_there(browser, edition_server):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{edition_server}/editions/1/en/practices/01-cooperation.html")
    browser.find_element("css selector", "#EP_002 .item-editions a").click()
    WebDriverWait(browser, 10).until(lambda driver: "permalink" not in driver.current_url)
    assert browser.current_url == f"{edition_server}/editions/2/en/practices/01-cooperation.html#EP_002"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_phone_reads_an_old_edition_with_its_banner_and_no_sideways_scrolling(browser, edition_server, language):
    screens = os.environ.get("PUBLISHER_SCREENSHOTS")
    url = f"{edition_server}/editions/1/{language}/practices/01-cooperation.html"
    try:
        for width, height, device in ((1280, 900, "desktop"), (375, 800, "phone")):
            browser.set_window_size(width, height)
            browser.get(url)
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
            assert browser.find_element("css selector", ".edition-banner").is_displayed()
            if screens:
                Path(screens).mkdir(parents=True, exist_ok=True)
                browser.save_screenshot(f"{screens}/old-edition-{language}-{device}.png")
                browser.get(url.replace("practices/01-cooperation.html", "reference/changes.html"))
                browser.save_screenshot(f"{screens}/old-edition-changes-{language}-{device}.png")
                browser.get(f"{edition_server}/{language}/reference/changes.html")
                browser.save_screenshot(f"{screens}/draft-changes-{language}-{device}.png")
    finally:
        browser.set_window_size(1280, 900)
