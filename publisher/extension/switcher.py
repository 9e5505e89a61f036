"""Every page, in every published language: switcher, hreflang alternates, direction.

The same page paths exist in every language (build/site/<code>/<page>.html),
so the other languages of a page are found by path alone.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from publisher.content import languages, publication
from publisher.translations.i18n import labels
from publisher.content.editions import edition_line
from publisher.translations.status import published_languages


def language_links(pagename: str, current: languages.Language, published: list[str]) -> list[dict]:
    """The same page in each published language, as links relative to this page."""
    to_site_root = "../" * (pagename.count("/") + 1)
    return [
        {
            "code": code,
            "name": languages.LANGUAGES[code].name,
            "hreflang": languages.LANGUAGES[code].hreflang,
            "direction": languages.LANGUAGES[code].direction,
            "url": f"{to_site_root}{code}/{pagename}.html",
            "current": code == current.code,
        }
        for code in published
    ]


def add_language_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    current = languages.by_sphinx_language(app.config.language)
    published = app.config.publisher_published_languages
    if current.code not in published:  # a preview of an unpublished language still switches back
        published = [*published, current.code]
    links = language_links(pagename, current, published)
    context["publisher_languages"] = links
    context["publisher_direction"] = current.direction  # <html dir>: publisher/templates/base.html
    _ = labels(app)
    context["publisher_edition"] = edition_line(Path(app.srcdir), _)
    context["publisher_footer_note"] = _(publication.FOOTER_NOTE)
    context["publisher_label_about"] = _(publication.ABOUT)
    context["publisher_licence_url"] = publication.LICENCE_URL
    context["publisher_label_languages"] = _("Languages")
    context["publisher_label_copied"] = _("Link copied")  # publisher.js, once "Copy link" has copied
    context["publisher_label_search_needs_js"] = _(
        "Search needs JavaScript. Every page can also be reached from the contents, "
        "the thematic sections and the traceability matrix."
    )
    context["metatags"] = context.get("metatags", "") + alternates(
        app.config.publisher_base_url, pagename, app.config.publisher_published_languages)


def alternates(base_url: str, pagename: str, published: list[str]) -> str:
    """The page in each published language, for search engines: absolute, or none at all.

    Search engines ignore relative alternates, so a build that does not know
    the site's address writes none. The root page that offers every language is
    the x-default.
    """
    if not base_url:
        return ""
    links = [(languages.LANGUAGES[code].hreflang, f"{base_url}{code}/{pagename}.html") for code in published]
    links.append(("x-default", base_url))
    return "".join(f'<link rel="alternate" hreflang="{hreflang}" href="{html.escape(url)}">\n'
                   for hreflang, url in links)


def note_published_languages(app: Sphinx, config: Config) -> None:
    """The languages that pass the gate: as publisher.tasks.build computed them once for every
    language's build, or, in a build started otherwise, from the catalogs."""
    if not config.publisher_published_languages:
        config.publisher_published_languages = published_languages(Path(app.srcdir))


def setup(app: Sphinx) -> dict[str, Any]:
    # Language codes (publisher.content.languages); `-D publisher_published_languages=en,fr` sets them.
    app.add_config_value("publisher_published_languages", [], "html", types=frozenset({list, tuple}))
    app.connect("config-inited", note_published_languages)
    app.connect("html-page-context", add_language_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
