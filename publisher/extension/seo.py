"""What search engines and link previews read: canonical URLs, Open Graph, sitemap, robots.

The site's public address is the ``publisher_base_url`` setting, which
publisher.tasks.build passes to every language's Sphinx from the environment
(``PUBLISHER_BASE_URL``, set by the publishing workflow); ``sphinx-build -D
publisher_base_url=...`` sets it too. Without it, a build makes no absolute URL
it cannot know.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from publisher.content import publication
from publisher.translations.i18n import labels
from publisher.content.languages import LANGUAGES, by_sphinx_language
from publisher.content.model import N_

DESCRIPTION = N_(
    "The International Agenda for Migration Management: common understandings and effective "
    "practices for managing migration through co-operation between States."
)


NOT_FOUND = N_("Page not found")
NOT_FOUND_HELP = N_("This page is not part of the site. Start again from the home page:")


def with_slash(url: str) -> str:
    """The site's address as every link is made from it: ending in "/", or empty."""
    return url if not url or url.endswith("/") else url + "/"


def language_base_url(app: Sphinx, config: Config) -> None:
    """Canonical links point to this language's folder of the published site."""
    url = config.publisher_base_url = with_slash(config.publisher_base_url)
    if url:
        config.html_baseurl = url + by_sphinx_language(config.language).code + "/"


def open_graph(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    _ = labels(app)
    language = by_sphinx_language(app.config.language)
    title = html.escape(context.get("title") or "", quote=True)
    tags = {
        "og:type": "website",
        "og:site_name": html.escape(app.config.project, quote=True),
        "og:title": title,
        "og:description": html.escape(_(DESCRIPTION), quote=True),
        "og:locale": language.hreflang.replace("-", "_"),
    }
    if app.config.publisher_base_url:
        tags["og:url"] = f"{app.config.html_baseurl}{pagename}.html"
    meta = "".join(f'<meta property="{name}" content="{value}">\n' for name, value in tags.items())
    meta += f'<meta name="description" content="{html.escape(_(DESCRIPTION), quote=True)}">\n'
    # Who made this edition and under which licence, as machines read it (publisher.content.publication).
    meta += f'<meta name="author" content="{html.escape(app.config.author, quote=True)}">\n'
    meta += f'<link rel="license" href="{publication.LICENCE_URL}">\n'
    context["metatags"] = context.get("metatags", "") + meta


def write_site_files(site: Path, pages_by_language: dict[str, list[str]], base_url: str) -> None:
    """robots.txt, and with a known address sitemap.xml (each page with its other languages)."""
    base = with_slash(base_url)
    robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {base}sitemap.xml\n" if base else "")
    (site / "robots.txt").write_text(robots, encoding="utf-8")
    if not base:
        return
    entries = []
    for code, pages in pages_by_language.items():
        for page in pages:
            alternates = "".join(
                f'<xhtml:link rel="alternate" hreflang="{LANGUAGES[other].hreflang}" '
                f'href="{base}{other}/{page}"/>'
                for other in pages_by_language if page in pages_by_language[other]
            )
            alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href="{base}"/>'
            entries.append(f"<url><loc>{base}{code}/{page}</loc>{alternates}</url>")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n",
        encoding="utf-8",
    )


def setup(app: Sphinx) -> dict[str, Any]:
    # The site's public address, ending in "/": absolute links in the PDF and Word files,
    # canonical and alternate links. Empty in a local build, which then makes no absolute URL.
    app.add_config_value("publisher_base_url", "", "env", types=frozenset({str}))
    app.connect("config-inited", language_base_url)
    app.connect("html-page-context", open_graph)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
