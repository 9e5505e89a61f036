"""Sphinx configuration of the International Agenda for Migration Management."""

import os
import sys
from pathlib import Path

# The project's own extension lives beside this file, not in site-packages.
sys.path.insert(0, str(Path(__file__).parent))

from publisher.content import model  # noqa: E402

# -- Project information -------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information

project = model.PUBLICATION_TITLE  # translated, with copyright, by publisher.translations.i18n
author = model.AUTHOR
copyright = model.COPYRIGHT

# -- General configuration -----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#general-configuration

extensions = ["publisher"]
root_doc = "index"
# The project root also holds the README, tests and tooling: read the text alone.
include_patterns = ["index.md", "framework/**", "practices/**", "glossary/**", "reference/**"]
# Sphinx walks every folder before it applies include_patterns: skip the big ones
# (virtual environments, node_modules, builds), which took half of a build's time.
exclude_patterns = [".nox", ".git", "node_modules", "build", "locales", "tests", "publisher", "requirements"]
language = "en"  # the source; `-D language=fr` builds a translation
suppress_warnings = [
    # publisher.content.rules reports both, with the fix and the same wording as `nox -s trace`.
    "needs.link_outgoing",
    "needs.link_target_type",
    "ref.term",
]

# -- Options for translation -----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-internationalisation

locale_dirs = ["locales/"]
gettext_compact = False  # one catalog per page, as translators work page by page
gettext_uuid = False
gettext_location = True  # translators see where a message comes from
gettext_last_translator = "The framework's translators"
# Mark what is not translated, so the English fallback is visible and announced as English.
translation_progress_classes = "untranslated"

# -- Options for MyST ------------------------------------------------------------
# https://myst-parser.readthedocs.io/en/latest/configuration.html

myst_enable_extensions = ["deflist"]
myst_heading_anchors = 2

# -- Options for sphinx-needs ------------------------------------------------------
# https://sphinx-needs.readthedocs.io/en/latest/configuration.html
# The content model lives in publisher/content/model.py, shared with `nox -s trace`.

needs_types = model.NEEDS_TYPES
needs_fields = model.NEEDS_FIELDS
needs_links = model.NEEDS_LINKS
needs_id_regex = model.NEEDS_ID_REGEX
needs_id_required = True
needs_build_json = True
# No build timestamp in needs.json: the same sources give the same bytes.
needs_reproducible_json = True
# publisher.content.rules checks the links' types and the closed lists on every build, with file
# and line; sphinx-needs' schema pass checks the same with neither (#1606), and its warnings are
# suppressed above. Run for nothing, it cost a tenth of an editor's incremental build.
needs_schema_validation_enabled = False

# -- Options for HTML output -----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output

html_theme = "furo"
# The extension's templates (language switcher, Pagefind search) and stylesheet.
templates_path = ["publisher/templates"]
html_static_path = ["publisher/static"]
html_css_files = ["publisher.css"]
html_js_files = ["publisher.js"]
# The search page is Pagefind's (publisher/templates/search.html); Sphinx's index is off (publisher/outputs/search.py).
html_additional_pages = {"search": "search.html"}
html_favicon = "publisher/static/favicon.svg"
html_title = project
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "languages.html",  # publisher/templates: the same page in other languages
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ],
}
# The glossary is the index a reader needs; Pagefind (publisher/tasks/build.py) is the search.
html_use_index = False
html_copy_source = False
html_show_sourcelink = False

# -- Editions ----------------------------------------------------------------------
# The publishing workflow builds each released edition from its own tag, and tells
# its build which edition it is and which is the latest (publisher/extension/editions.py).

publisher_edition = os.environ.get("PUBLISHER_EDITION") or None
publisher_latest_edition = os.environ.get("PUBLISHER_LATEST_EDITION") or None
