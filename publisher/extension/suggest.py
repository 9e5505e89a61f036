"""Suggest a change: an item's source in the repository, its edit page, and prefilled issue forms.

The repository's address is the ``publisher_repository_url`` setting, which
publisher.tasks.build passes to every language's Sphinx from the environment
(``PUBLISHER_REPOSITORY_URL``, which the publishing workflow sets from
``github.repository``); without it, no link is made. Only a GitHub
repository's https address is accepted.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from publisher.content.items import Item
from publisher.content.languages import SOURCE, by_sphinx_language

REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
#: The issue forms under .github/ISSUE_TEMPLATE/, and the fields a link fills in.
CHANGE_FORM = "item-change.yml"
TRANSLATION_FORM = "translation.yml"
FORM_FIELDS = ("item", "language", "page")


def check_repository(app: Sphinx, config: Config) -> None:
    """Refuse an address that is not a GitHub repository's: it would be written into every page."""
    url = config.publisher_repository_url = config.publisher_repository_url.rstrip("/")
    if url and not REPOSITORY.fullmatch(url):
        raise ConfigError(f"publisher_repository_url (PUBLISHER_REPOSITORY_URL) is {url!r}; "
                          "give a GitHub repository's address, https://github.com/<owner>/<name>, or nothing")
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", config.publisher_repository_branch) or ".." in config.publisher_repository_branch:
        raise ConfigError(f"publisher_repository_branch is {config.publisher_repository_branch!r}; "
                          "name a branch with letters, digits, '.', '_', '-' and '/'")


def source_path(app: Sphinx, item: Item) -> str:
    """The file a reader of this language would change: the text, or its translation's catalog."""
    language = by_sphinx_language(app.config.language)
    if language.code == SOURCE:
        return item.path
    return f"locales/{language.sphinx}/LC_MESSAGES/{item.path.removesuffix('.md')}.po"


def links(app: Sphinx, item: Item, page_url: str) -> dict[str, str]:
    """The item's source at its lines, its edit page and the issue forms; none without a repository."""
    repo, branch = app.config.publisher_repository_url, app.config.publisher_repository_branch
    if not repo:
        return {}
    language = by_sphinx_language(app.config.language)
    path = quote(source_path(app, item))
    found = {"edit": f"{repo}/edit/{branch}/{path}"}
    if language.code == SOURCE:
        lines = f"#L{item.line}" + (f"-L{item.end_line}" if item.end_line > item.line else "")
        found["source"] = f"{repo}/blob/{branch}/{path}{lines}"
    fields = {"item": item.id, "language": language.code, "page": page_url}
    found["change"] = issue_form(repo, CHANGE_FORM, f"{item.id}: ", fields)
    if language.code != SOURCE:
        found["translation"] = issue_form(repo, TRANSLATION_FORM, f"{item.id} ({language.code}): ", fields)
    return found


def issue_form(repo: str, form: str, title: str, fields: dict[str, str]) -> str:
    """A new issue on ``form``, its title begun and its fields filled in (GitHub's query parameters)."""
    return f"{repo}/issues/new?" + urlencode({"template": form, "title": title, **fields}, quote_via=quote)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("publisher_repository_url", "", "env", types=frozenset({str}))
    app.add_config_value("publisher_repository_branch", "main", "env", types=frozenset({str}))
    app.connect("config-inited", check_repository)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
