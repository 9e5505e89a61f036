"""Every tracked file has an owner in .github/CODEOWNERS, matched as GitHub matches it."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import PROJECT

CODEOWNERS = PROJECT / ".github" / "CODEOWNERS"
OWNER = re.compile(r"^@[\w-]+(/[\w-]+)?$|^[^@\s]+@[^@\s]+$")  # @user, @org/team or an e-mail address


def pattern_regex(pattern: str) -> re.Pattern:
    """A CODEOWNERS pattern as GitHub documents it: gitignore rules without `!` or `[ ]`.

    A slash at the start or in the middle anchors the pattern to the root; a trailing
    slash matches a directory's whole content; `dir/*` matches dir's direct children only.
    """
    anchored = "/" in pattern.rstrip("/")
    body = (re.escape(pattern.strip("/"))
            .replace(r"\*\*/", "(?:.*/)?").replace(r"/\*\*", "/.*").replace(r"\*\*", ".*")
            .replace(r"\*", "[^/]*").replace(r"\?", "[^/]"))
    if pattern.endswith("/"):
        tail = "/.*"
    elif pattern.endswith("/*"):
        tail = ""
    else:
        tail = "(?:/.*)?"  # a name matches a file, or a directory and all it holds
    return re.compile(("" if anchored else "(?:.*/)?") + body + tail)


def rules(text: str) -> list[tuple[re.Pattern, list[str]]]:
    lines = (line.split() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return [(pattern_regex(pattern), owners) for pattern, *owners in lines]


def owners(path: str, parsed: list[tuple[re.Pattern, list[str]]]) -> list[str]:
    """The owners of the last rule that matches: GitHub's precedence."""
    return next((found for regex, found in reversed(parsed) if regex.fullmatch(path)), [])


@pytest.mark.parametrize(("pattern", "path", "matches"), [
    # The examples of GitHub's "About code owners" page.
    ("*", "any/file.txt", True),
    ("*.js", "src/deep/app.js", True),
    ("*.js", "src/app.jsx", False),
    ("/build/logs/", "build/logs/a/b.log", True),
    ("/build/logs/", "x/build/logs/b.log", False),
    ("docs/*", "docs/getting-started.md", True),
    ("docs/*", "docs/build-app/troubleshooting.md", False),
    ("apps/", "apps/a.txt", True),
    ("apps/", "deep/apps/a.txt", True),
    ("/docs/", "docs/a/b.md", True),
    ("/scripts/", "scripts/x.sh", True),
    ("**/logs", "build/logs/a.log", True),
    ("**/logs", "logs/a.log", True),
    ("/apps/github", "apps/github/x.rb", True),
    ("/apps/github", "apps/githubber/x.rb", False),
    ("/*", "README.md", True),
    ("/*", "tests/test_x.py", False),
    ("/published-ids.txt", "published-ids.txt", True),
])
def test_patterns_match_as_on_github(pattern, path, matches):
    assert bool(pattern_regex(pattern).fullmatch(path)) is matches


def test_the_last_matching_rule_wins():
    parsed = rules("* @org/all\n/locales/fr/ @org/fr\n")
    assert owners("locales/fr/x.po", parsed) == ["@org/fr"]
    assert owners("locales/es/x.po", parsed) == ["@org/all"]


def test_every_owner_is_a_user_a_team_or_an_address():
    assert [owner for _, found in rules(CODEOWNERS.read_text(encoding="utf-8")) for owner in found
            if not OWNER.match(owner)] == []


def test_every_tracked_file_has_an_owner():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    parsed = rules(CODEOWNERS.read_text(encoding="utf-8"))
    unowned = [path for path in tracked if not owners(path, parsed)]
    assert unowned == [], "add a rule to .github/CODEOWNERS for these files"


def test_a_new_folder_without_an_owner_is_caught():
    parsed = rules(CODEOWNERS.read_text(encoding="utf-8"))
    assert owners("locales/de/LC_MESSAGES/index.po", parsed) == []
    assert owners("theme/layout.html", parsed) == []
    assert owners("locales/fr/LC_MESSAGES/index.po", parsed) == ["@your-org/translators-fr"]
    assert owners("published-ids.txt", parsed) == ["@your-org/maintainers"]
