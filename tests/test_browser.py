"""The published site in a real browser (Debian's Chromium): accessibility, language switch, search, phones."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading

import pytest

from conftest import PROJECT

pytestmark = pytest.mark.site
PAGES = ["index", "framework/understandings", "practices/03-labour", "reference/matrix", "glossary/index"]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


def chromium():
    return shutil.which("chromium") or shutil.which("google-chrome")


def chromium_or_skip():
    missing = ([] if chromium() else ["chromium"]) + ([] if shutil.which("chromedriver") else ["chromedriver"])
    missing += [] if AXE.exists() else ["node_modules/axe-core (npm ci)"]
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs {', '.join(missing)}: .ci/run installs them")
    if missing:
        pytest.skip(f"no {', '.join(missing)} here")


@pytest.fixture(scope="module")
def server(published_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(published_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    chromium_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violation(browser, server, language, page):
    browser.get(f"{server}/{language}/{page}.html")
    assert axe_violations(browser) == []


def axe_violations(browser) -> list:
    """What axe-core finds against WCAG 2.0 and 2.1, A and AA, on the page the browser shows."""
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    return json.loads(browser.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3)"
        ".map(n => n.target.join(' '))})))));"))


def test_switcher_keeps_the_reader_on_the_same_item(browser, server):
    from publisher.translations import status as translation_status
    from publisher.content.languages import LANGUAGES

    # The switcher offers a translation once its understandings and titles are all translated.
    offered = [code for code in translation_status.published_languages(PROJECT) if code != "en"]
    if not offered:
        pytest.skip("no translation is published yet, so the switcher offers none")
    code = "fr" if "fr" in offered else offered[0]
    browser.get(f"{server}/en/practices/03-labour.html#EP_018")
    browser.find_element("css selector", f'nav.language-switcher a[hreflang="{LANGUAGES[code].hreflang}"]').click()
    assert browser.current_url == f"{server}/{code}/practices/03-labour.html#EP_018"
    assert browser.find_element("id", "EP_018").is_displayed()


@pytest.mark.parametrize(("language", "word"), [("fr", "rapatriements"), ("ar", "التحويلات"), ("zh", "侨汇")])
def test_search_finds_a_practice_by_a_word_of_its_text(browser, server, language, word):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/{language}/search.html?q={word}")
    WebDriverWait(browser, 30).until(
        lambda driver: driver.find_elements("css selector", ".pagefind-ui__result-link"))
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", ".pagefind-ui__result-link")]
    assert any("/practices/02-development.html" in link for link in links), links


def test_a_phone_reads_a_practice_without_sideways_scrolling(browser, server):
    browser.set_window_size(375, 800)
    try:
        browser.get(f"{server}/ar/practices/03-labour.html")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        size = browser.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector('section.item > p:last-of-type')).fontSize)")
        assert width <= 375 and size >= 16
    finally:
        browser.set_window_size(1280, 900)


def settled_top(browser, item_id: str) -> float:
    """Where the item's top is on the screen once fonts, layout and any smooth scroll have settled."""
    import time

    script = f"return document.getElementById('{item_id}').getBoundingClientRect().top"
    last = None
    for _ in range(40):
        time.sleep(0.25)
        top = browser.execute_script(script)
        if top == last:
            break
        last = top
    return top


@pytest.fixture
def phone(browser):
    browser.set_window_size(390, 844)
    yield browser
    browser.set_window_size(1280, 900)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_link_to_an_item_far_down_a_long_page_lands_on_it(phone, server, language):
    """A reader who follows a link to CU_20 sees CU_20 at the top, once the page has settled.

    Laying every item out only as it scrolls into view (content-visibility: auto) left the Arabic
    page 3,400 px away from the item: a page opened at an #ID is laid out in full.
    """
    phone.get(f"{server}/{language}/framework/understandings.html#CU_20")
    assert "lazy-layout" not in phone.find_element("tag name", "html").get_attribute("class")
    top = settled_top(phone, "CU_20")
    assert 0 <= top < 200, top


def open_at_the_top(browser, url: str) -> None:
    """A plain visit: the items are laid out as they come into view."""
    browser.get(url)
    assert "lazy-layout" in browser.find_element("tag name", "html").get_attribute("class").split()


@pytest.mark.parametrize("how", ["link", "address"])
def test_a_jump_within_a_long_page_lands_on_the_item(phone, server, how):
    """Opened at its top, the page lays its items out as they come into view, at an estimated height
    until then; a link on the page to CU_20 (the reader clicks it), or an address with #CU_20 typed
    in, still brings CU_20 to the top."""
    open_at_the_top(phone, f"{server}/ar/framework/understandings.html")
    if how == "link":
        phone.execute_script("const link = document.createElement('a'); link.href = '#CU_20'; link.id = 'to-cu20';"
                             "link.textContent = 'CU_20'; document.querySelector('article').prepend(link);")
        phone.find_element("id", "to-cu20").click()
    else:
        phone.execute_script("location.hash = '#CU_20'")
    top = settled_top(phone, "CU_20")
    assert 0 <= top < 200, top


def test_a_reload_keeps_the_reader_on_the_same_item(phone, server):
    """Scrolled straight to CU_15 (the items above it at their estimated height), then reloaded (laid
    out in full): CU_15 is still where it was on the screen."""
    open_at_the_top(phone, f"{server}/ar/framework/understandings.html")
    phone.execute_script("document.getElementById('CU_15').scrollIntoView()")
    before = settled_top(phone, "CU_15")
    assert -5 < before < 5, before
    phone.refresh()
    after = settled_top(phone, "CU_15")
    assert abs(after - before) < 50, (before, after)


def test_copy_link_is_hidden_without_javascript_and_copies_with_it(browser, server):
    """Each item's button is in the page as written: shown only where a script can copy, it copies the
    item's address on the page."""
    page = f"{server}/ar/framework/understandings.html"
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(page)
        buttons = browser.find_elements("css selector", "section.item button.copy-link")
        assert len(buttons) == len(browser.find_elements("css selector", "section.item"))
        assert [button for button in buttons if button.is_displayed()] == []
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.get(page)
    button = browser.find_element("css selector", "#CU_02 button.copy-link")
    assert button.is_displayed() and button.text == "نسخ الرابط"
    button.click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 5).until(lambda driver: button.text == "تم نسخ الرابط")
    copied = browser.execute_async_script("navigator.clipboard.readText().then(arguments[0])")
    assert copied == f"{page}#CU_02"


def test_the_practice_filter_is_hidden_without_javascript_and_narrows_the_list_with_it(browser, server):
    page = f"{server}/en/reference/browse.html"
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(page)
        assert not browser.find_element("css selector", ".practice-filter").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.get(page)
    box = browser.find_element("css selector", ".practice-filter")
    box.send_keys("remittance")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('.practice-browser li')].filter(li => li.offsetParent)"
        ".map(li => li.textContent)")
    assert shown and all("remittance" in text.lower() for text in shown), shown


@pytest.mark.parametrize("language", ["ru", "en", "fr"])
def test_on_a_phone_no_title_breaks_inside_a_word(phone, server, language):
    """Every word of a page's title sits on one line at 390 px (Russian's long words broke at Furo's size);
    a line may break after a hyphen."""
    phone.get(f"{server}/{language}/practices/01-cooperation.html")
    broken = phone.execute_script(r"""
        const title = document.querySelector("article h1");
        const text = title.firstChild;  // the title's text; the permalink follows it
        const broken = [];
        for (const word of text.data.matchAll(/[^\s-]+/g)) {  // a line may break at a hyphen
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          if (new Set(Array.from(range.getClientRects(), r => Math.round(r.top))).size > 1) broken.push(word[0]);
        }
        return broken;
    """)
    assert broken == []
