"""`nox -s changes`: an item-level changelog between two git revisions."""

from __future__ import annotations

import subprocess

from conftest import sphinx_build
from publisher.content import changes

def practice(item_id, title, section, status, implements, text):
    return (f"```{{practice}} {title}\n:id: {item_id}\n:section: {section}\n:status: {status}\n"
            f":implements: {implements}\n\n{text}\n```\n\n")


PRACTICES_BEFORE = "# International co-operation\n\n" + "".join([
    practice("EP_001", "Meet regularly", "cooperation", "adopted", "CU_01", "States meet ."),
    practice("EP_002", "Train officials in rights", "cooperation", "adopted", "CU_01, CU_02",
             "States train officials who meet {term}`migrants <migrant>`."),
    practice("EP_004", "Count arrivals", "cooperation", "adopted", "CU_01", "States count."),
])
PRACTICES_AFTER = "# International co-operation\n\n" + "".join([
    practice("EP_001", "Meet regularly", "cooperation", "adopted", "CU_02",
             "States meet every year {term}`migrants <migrant>`."),
    practice("EP_002", "Train officials in rights", "cooperation", "withdrawn", "CU_01, CU_02",
             "States train officials who meet {term}`migrants <migrant>`."),
    practice("EP_003", "Share data", "data", "adopted", "CU_01", "States share data."),
    practice("EP_004", "Count arrivals", "data", "adopted", "CU_01", "States count."),
])

EXPECTED = """# Changes from `first` to `second`

1 added · 1 withdrawn · 1 retitled · 1 moved · 1 text · 1 links

## Added

- **EP_003** Share data (practices/01-cooperation.md)

## Withdrawn

- **EP_002** Train officials in rights (practices/01-cooperation.md)

## Retitled

- **CU_01** ~~States co-operate~~ → States work together

## Moved to another section

- **EP_004** Count arrivals: from International co-operation to Data collection and research

## Text changed

- **EP_001** Meet regularly

  States meet ~~.~~ **every year migrants.**

## Links changed

- **EP_001** Meet regularly: now implements CU_02; no longer implements CU_01
"""


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


def scripted_history(make_project):
    """A repository tagged ``first``, then ``second`` with one change of each kind."""
    repo = make_project(files={"practices/01-cooperation.md": PRACTICES_BEFORE})
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    git(repo, "tag", "first")

    understandings = repo / "framework" / "understandings.md"
    understandings.write_text(understandings.read_text().replace("States co-operate", "States work together"))
    (repo / "practices" / "01-cooperation.md").write_text(PRACTICES_AFTER)
    git(repo, "commit", "-qam", "second")
    git(repo, "tag", "second")
    return repo


def test_changelog_names_each_kind_of_change(make_project, capsys):
    repo = scripted_history(make_project)
    assert changes.main(["first", "second", "--root", str(repo)]) == 0
    assert capsys.readouterr().out == EXPECTED + "\n"


def test_no_change_says_so(make_project, capsys):
    repo = make_project()
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "only")
    assert changes.main(["HEAD", "--root", str(repo)]) == 0
    assert capsys.readouterr().out == "# Changes from `HEAD` to the working tree\n\nNo item changed.\n\n"


def test_site_page_shows_the_changes_since_the_edition_with_a_redline(make_project):
    repo = scripted_history(make_project)
    (repo / "reference").mkdir()
    (repo / "reference" / "changes.md").write_text("# What changed\n")
    (repo / "index.md").write_text((repo / "index.md").read_text().replace("practices/*", "practices/*\nreference/*"))
    build = sphinx_build(repo, publisher_changes_since="first")
    # This history's texts are a few words long on purpose: only the word limits may object.
    assert [w for w in build.warnings if "[publisher.word_count]" not in w] == []
    article = build.page("reference/changes").find("article")
    assert "Compared with first." in article.get_text("", strip=False)
    assert [h.get_text(strip=True) for h in article.find_all("h2")] == [
        "Added¶", "Withdrawn¶", "Retitled¶", "Moved to another section¶", "Text changed¶", "Links changed¶",
    ]
    assert str(article.find("del")) == '<del class="deleted">States co-operate</del>'
    assert str(article.find_all("ins")[0]) == '<ins class="inserted">every year migrants.</ins>'
