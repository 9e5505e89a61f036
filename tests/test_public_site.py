"""What the public and the search engines get besides the text: no outside assets, metadata, root files."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from publisher.content import model, publication

ASSET_ATTRIBUTES = {"script": "src", "img": "src", "link": "href", "source": "src", "iframe": "src",
                    "video": "src", "audio": "src"}


@pytest.mark.site
def test_no_page_loads_anything_from_another_host(published_site):
    offenders = []
    for page in published_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in ASSET_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                url = element.get(attribute, "")
                if tag == "link" and not set(element.get("rel", [])) & {"stylesheet", "icon", "preload",
                                                                        "modulepreload", "manifest"}:
                    continue  # alternates and canonical links name pages, they load nothing
                if re.match(r"^(https?:)?//", url):
                    offenders.append(f"{page.relative_to(published_site)}: <{tag} {attribute}={url}>")
        for css in re.findall(r"url\((['\"]?)(https?:)?//", page.read_text(encoding="utf-8")):
            offenders.append(f"{page.relative_to(published_site)}: url() to another host")
    for stylesheet in published_site.rglob("*.css"):
        if re.search(r"@import\s+url\(['\"]?https?:|url\(['\"]?https?://", stylesheet.read_text(encoding="utf-8")):
            offenders.append(str(stylesheet.relative_to(published_site)))
    assert offenders == []


@pytest.fixture(scope="module")
def site_with_address(addressed_site):
    return addressed_site


def test_pages_have_canonical_open_graph_and_favicon(site_with_address):
    page = BeautifulSoup((site_with_address / "en" / "practices" / "01-cooperation.html").read_text(), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://example.org/iamm/en/practices/01-cooperation.html"
    properties = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert properties["og:url"] == "https://example.org/iamm/en/practices/01-cooperation.html"
    assert properties["og:locale"] == "en" and properties["og:title"]
    # The edition's makers and licence, as in the PDF, the Word file and needs.json.
    assert page.find("meta", attrs={"name": "author"})["content"] == model.AUTHOR
    assert page.find("link", rel="license")["href"] == publication.LICENCE_URL
    assert page.find("link", rel="icon")["href"].endswith("favicon.svg")


def test_root_has_robots_sitemap_and_a_404_page(site_with_address):
    assert (site_with_address / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/iamm/sitemap.xml\n")
    sitemap = (site_with_address / "sitemap.xml").read_text()
    assert "<loc>https://example.org/iamm/en/practices/01-cooperation.html</loc>" in sitemap
    # A page of tools, which shows the pages' text in pairs: search engines get the pages themselves.
    assert (site_with_address / "en" / "side-by-side.html").exists() and "side-by-side" not in sitemap
    not_found = BeautifulSoup((site_with_address / "404.html").read_text(), "html.parser")
    assert not_found.find("a", hreflang="en")["href"] == "https://example.org/iamm/en/index.html"
    assert not_found.find("section", lang="en").h2.get_text() == "Page not found"
