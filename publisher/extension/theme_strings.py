"""Mend the theme's markup: strings it writes in English whatever the language, and accessibility.

Furo hard-codes some labels (a skip link, toggles' aria-labels, icon titles,
the footer); each is replaced in translated pages by its translation from
the publisher catalog. Strings the theme passes through Sphinx's own
catalogs are translated by Sphinx. And a few attributes that WCAG requires
and the theme omits are added in every language.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from publisher.translations.i18n import labels
from publisher.content.languages import SOURCE, by_sphinx_language
from publisher.content.model import N_

#: (the HTML around the string, the string)
THEME_STRINGS = [
    ('>{}</a>', N_("Skip to content")),
    ("<span>{}</span>", N_("Back to top")),
    ('aria-label="{}"', N_("Toggle site navigation sidebar")),
    ('aria-label="{}"', N_("Toggle table of contents sidebar")),
    ('aria-label="{}"', N_("Toggle Light / Dark / Auto color theme")),
    ("<title>{}</title>", N_("Contents")),
    ("<title>{}</title>", N_("Menu")),
    ("<title>{}</title>", N_("Expand")),
    ("<title>{}</title>", N_("Light mode")),
    ("<title>{}</title>", N_("Dark mode")),
    ("<title>{}</title>", N_("Auto light/dark, in light mode")),
    ("<title>{}</title>", N_("Auto light/dark, in dark mode")),
    ("{} &#169;", N_("Copyright")),
    ("{} <a", N_("Made with")),
]


#: (what the theme writes, what WCAG needs): in every language.
ACCESSIBILITY_FIXES = [
    # The sidebar's captions are headings without a level (axe: aria-required-attr).
    ('class="caption" role="heading"', 'class="caption" role="heading" aria-level="2"'),
]


def mend_theme_markup(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    replacements = list(ACCESSIBILITY_FIXES)
    if by_sphinx_language(app.config.language).code != SOURCE:
        _ = labels(app)
        replacements += [
            (around.format(english), around.format(html.escape(_(english), quote=True)))
            for around, english in THEME_STRINGS
            if _(english) != english
        ]
    for page in Path(app.outdir).rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        for english, translated in replacements:
            text = text.replace(english, translated)
        if text != original:
            page.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", mend_theme_markup)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
