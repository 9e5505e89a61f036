"""Everything a reader sees, in the page's language.

sphinx-needs translates nothing: it keeps English type names, link names and
item titles. This module translates item titles and bodies as the item
directives read them (publisher.extension.collect hands sphinx-needs the
translated title), extracts item titles for the translators, and marks what
is not translated yet, so that the English fallback is visible and announced
as English to assistive technology. sphinx-needs renders no item here, so its
type and link names reach a reader only in needs.json, which
publisher.outputs.export translates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.gettext import MsgOrigin
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.i18n import docname_to_domain
from sphinx.writers.html5 import HTML5Translator

from publisher.translations import catalogs
from publisher.extension.collect import CorpusDomain
from publisher.content.languages import SOURCE, by_sphinx_language

UNTRANSLATED = "untranslated"


def labels(app: Sphinx):
    """The translator of the extension's own labels for this build's language."""
    return catalogs.translator(Path(app.srcdir), app.config.language)


def translate_titles(app: Sphinx, config: Config) -> None:
    """Give the publication's title, author and copyright in the build's language."""
    t = catalogs.translator(Path(app.srcdir), config.language)
    for name in ("project", "html_title", "author", "copyright"):
        config[name] = t(config[name])


def translate_title(env: BuildEnvironment, docname: str, title: str) -> tuple[str, bool]:
    """An item's title in the build's language, and whether a translation exists."""
    domain = docname_to_domain(docname, env.config.gettext_compact)
    translated = catalogs.translator(Path(env.srcdir), env.config.language, domain)(title)
    return translated, translated != title or by_sphinx_language(env.config.language).code == SOURCE


def translate_body(env: BuildEnvironment, docname: str, text: str) -> tuple[str, bool]:
    """An item's body in the build's language, paragraph by paragraph, and whether all is."""
    domain = docname_to_domain(docname, env.config.gettext_compact)
    translate = catalogs.translator(Path(env.srcdir), env.config.language, domain)
    if by_sphinx_language(env.config.language).code == SOURCE:
        return text, True
    shown, complete = [], True
    for paragraph in (p.strip() for p in _BLANK_LINE.split(text) if p.strip()):
        paragraph = " ".join(line.strip() for line in paragraph.splitlines())  # as gettext's msgid
        translated = translate(paragraph)
        complete &= translated != paragraph
        shown.append(translated)
    return "\n\n".join(shown), complete


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def extract_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the item titles of ``docname`` into its message catalog, for the translators."""
    if app.builder.name != "gettext":
        return
    catalog = app.builder.catalogs[docname_to_domain(docname, app.config.gettext_compact)]
    for item in app.env.get_domain(CorpusDomain.name).documents().get(docname, {}).get("items", []):
        catalog.add(item.title, MsgOrigin(str(Path(app.srcdir, item.path)), item.line))


def note_progress(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Say at the top of a page how much of it is translated, if not all."""
    # Like Sphinx's own count (document["translation_progress"]), less the tables of contents:
    # their captions are translated by another path and keep translated=False.
    flags = [node["translated"] for node in doctree.findall(nodes.Element)
             if "translated" in node.attributes and not isinstance(node, addnodes.toctree)]
    if not flags or all(flags):
        return
    _ = labels(app)
    percent = int(100 * sum(flags) / len(flags))
    note = nodes.container(classes=["translation-progress"])
    note += nodes.paragraph(text=_(
        "This page is {percent}% translated. Passages not yet translated are shown in "
        "English and marked."
    ).format(percent=percent))
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        title_index = section.first_child_matching_class(nodes.title)
        section.insert((title_index or 0) + 1, note)


class MarkUntranslated(HTML5Translator):
    """Tells browsers and screen readers which passages are still in English.

    Registered as part of publisher.extension.html_translator's translator.
    """

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if isinstance(node, nodes.Element) and UNTRANSLATED in node.get("classes", []):
            attributes.setdefault("lang", SOURCE)
            attributes.setdefault("dir", "ltr")
        return super().starttag(node, tagname, suffix, empty, **attributes)


def setup(app: Sphinx) -> dict[str, Any]:
    # Before publisher.outputs.pdf names the PDF after the title (priority 6).
    app.connect("config-inited", translate_titles, priority=5)
    app.connect("doctree-resolved", extract_titles)
    app.connect("doctree-resolved", note_progress)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
