"""Editions in time: two editions made in a scripted git history, each built as the workflow builds it.

The site is laid out as published: the working draft at ``site/en/``, each
edition at ``site/editions/<name>/en/``, so that every link between them can
be followed on disk.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOTS, Build, sphinx_build
from publisher.content.editions import release

PRACTICE = """```{{practice}} {title}
:id: {id}
:section: cooperation
:status: {status}
:implements: {implements}

{text} They agree in advance who does what, share what they learn, report on the results at regular intervals, and adjust the arrangement when it no longer serves the people concerned or the States taking part in it, as their partners expect of them.
```

"""


def practices(*items: dict) -> str:
    return "# International co-operation\n\n" + "".join(PRACTICE.format(**item) for item in items)


EP_001 = {"id": "EP_001", "title": "Meet regularly", "status": "adopted", "implements": "CU_01", "text": "States meet."}
EP_002 = {"id": "EP_002", "title": "Train officials in rights", "status": "adopted", "implements": "CU_01, CU_02",
          "text": "States train officials who meet {term}`migrants <migrant>`."}
EP_003 = {"id": "EP_003", "title": "Protect the rights of migrants at work", "status": "adopted",
          "implements": "CU_02", "text": "States inspect workplaces."}
#: Edition 2: EP_003 added, EP_002 withdrawn, EP_001 retitled, CU_02's text changed.
EDITION_1 = practices(EP_001, EP_002)
EDITION_2 = practices(dict(EP_001, title="Meet every year"), dict(EP_002, status="withdrawn"), EP_003)
#: The working draft after edition 2: EP_003's text changed.
DRAFT = practices(dict(EP_001, title="Meet every year"), dict(EP_002, status="withdrawn"),
                  dict(EP_003, text="States inspect workplaces often."))


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


def page_addresses(build: Build) -> set[str]:
    """Every page of a build, and every item anchor on it: the addresses a reader may have kept."""
    found = set()
    for page in build.outdir.rglob("*.html"):
        name = page.relative_to(build.outdir).as_posix()
        found.add(name)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found |= {f"{name}#{section['id']}" for section in soup.select("section.item[id]")}
    return found


def build_edition(repo: Path, site: Path, name: str, latest: str, language: str = "en") -> Build:
    """An edition built from its own tag, told which edition it is and which is the latest."""
    tree = site.parent / f"tree-{name}-{language}"
    if not tree.exists():
        git(repo, "worktree", "add", "-f", str(tree), f"edition-{name}")
    outdir = site / "editions" / name / language
    shutil.rmtree(outdir, ignore_errors=True)
    return sphinx_build(tree, outdir, publisher_edition=name, publisher_latest_edition=latest, language=language)


def make_history(root: Path, languages: tuple[str, ...] = ()) -> tuple[Path, dict]:
    """The minimal project with a "What changed" page, tagged edition-1 then edition-2, then edited."""
    repo = root / "repo"
    shutil.copytree(ROOTS / "minimal", repo)
    (repo / "reference").mkdir()
    (repo / "reference" / "changes.md").write_text("# What changed\n", encoding="utf-8")
    index = repo / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("practices/*", "practices/*\nreference/*"),
                     encoding="utf-8")
    for language in languages:  # the site's labels, as the project's catalogs translate them
        folder = repo / "locales" / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        for name in ("publisher.po", "sphinx.po"):
            shutil.copy(ROOTS.parents[1] / "locales" / language / "LC_MESSAGES" / name, folder / name)
    practices_file = repo / "practices" / "01-cooperation.md"
    practices_file.write_text(EDITION_1, encoding="utf-8")
    release(repo, "1", datetime.date(2026, 1, 15))  # as `nox -s release -- 1` stamps it
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Edition 1")
    git(repo, "tag", "edition-1")
    return repo, {"practices": practices_file}


def release_second(repo: Path, files: dict) -> None:
    understandings = repo / "framework" / "understandings.md"
    understandings.write_text(understandings.read_text(encoding="utf-8").replace("Rights matter.", "Rights come first."),
                              encoding="utf-8")
    files["practices"].write_text(EDITION_2, encoding="utf-8")
    release(repo, "2", datetime.date(2026, 6, 15))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Edition 2")
    git(repo, "tag", "edition-2")
    files["practices"].write_text(DRAFT, encoding="utf-8")  # the working draft goes on


def quiet(build: Build) -> Build:
    """The build, once it is known to have warned of nothing."""
    assert (build.error, build.warnings) == (None, [])
    return build


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("editions")
    site = root / "site"
    repo, files = make_history(root)
    first_alone = quiet(build_edition(repo, root / "before", "1", "1"))
    release_second(repo, files)
    return {
        "site": site,
        "first_alone": first_alone,
        "draft": quiet(sphinx_build(repo, site / "en")),
        "first": quiet(build_edition(repo, site, "1", "2")),
        "second": quiet(build_edition(repo, site, "2", "2")),
    }


def sections(page: BeautifulSoup) -> list[tuple[str, list[str]]]:
    """Each comparison on the "What changed" page: its heading, and its entries under their kinds."""
    found = []
    for section in page.select("article > section > section"):
        entries = [f"{sub.h3.get_text(strip=True).rstrip('¶')}: {li.get_text(' ', strip=True)}"
                   for sub in section.find_all("section", recursive=False) for li in sub.select("li")]
        paragraphs = [p.get_text(" ", strip=True) for p in section.find_all("p", recursive=False)]
        found.append((section.h2.get_text(strip=True).rstrip("¶"), entries or paragraphs))
    return found


def test_the_changes_page_lists_each_edition_against_the_one_before_newest_first(site):
    assert sections(site["draft"].page("reference/changes")) == [
        ("Working draft compared with edition 2", [
            "Text changed: EP_003 Protect the rights of migrants at work States inspect workplaces. "
            "workplaces often. They agree in advance who does what, share what they learn, report on the "
            "results at regular intervals, and adjust the arrangement when it no longer serves the people "
            "concerned or the States taking part in it, as their partners expect of them.",
        ]),
        ("Edition 2 compared with edition 1", [
            "Added: EP_003 Protect the rights of migrants at work (practices/01-cooperation.md)",
            "Withdrawn: EP_002 Train officials in rights (practices/01-cooperation.md)",
            "Retitled: EP_001 Meet regularly → Meet every year",
            "Text changed: CU_02 Rights are protected Rights matter. come first. States hold this view in "
            "common, whatever their place in migration, and it guides the practices that serve it. It creates "
            "no obligation of its own: each State applies it through its own laws and institutions, in the "
            "light of its needs, its priorities and its capacities, and it explains to its partners and to the "
            "public how it does so, so that co-operation rests on trust.",
        ]),
        ("Edition 1", ["The first edition: there is no earlier one to compare it with."]),
    ]


def test_a_redline_marks_the_words_taken_out_and_put_in(site):
    page = site["draft"].page("reference/changes")
    assert [str(tag) for tag in page.select("article del, article ins")] == [
        '<del class="deleted">workplaces.</del>', '<ins class="inserted">workplaces often.</ins>',
        '<del class="deleted">Meet regularly</del>',
        '<del class="deleted">matter.</del>', '<ins class="inserted">come first.</ins>',
    ]


def test_an_edition_lists_the_changes_up_to_itself(site):
    assert [heading for heading, _ in sections(site["first"].page("reference/changes"))] == ["Edition 1"]
    assert [heading for heading, _ in sections(site["second"].page("reference/changes"))] == [
        "Edition 2 compared with edition 1", "Edition 1"]


def item_edition_links(build: Build, item_id: str) -> list[tuple[str, str]]:
    line = build.page("practices/01-cooperation").select_one(f"section#{item_id} .item-editions")
    return [(a.get_text(), a["href"]) for a in line.select("a")] if line else []


def test_each_item_links_to_itself_in_the_other_editions_through_their_permalinks(site):
    assert item_edition_links(site["draft"], "EP_002") == [
        ("Edition 2", "../../editions/2/en/items/EP_002/"),
        ("Edition 1", "../../editions/1/en/items/EP_002/"),
    ]
    assert item_edition_links(site["draft"], "EP_003") == [
        ("Edition 2", "../../editions/2/en/items/EP_003/")]
    assert item_edition_links(site["first"], "EP_002") == [
        ("Edition 2", "../../../../editions/2/en/items/EP_002/")]
    assert item_edition_links(site["second"], "EP_003") == []  # in no other edition


def test_every_link_to_another_edition_leads_to_a_page_that_exists(site):
    for name in ("draft", "first", "second"):
        build = site[name]
        page = build.outdir / "practices" / "01-cooperation.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select(".item-editions a, .edition-banner a"):
            path = urlsplit(link["href"]).path
            target = (page.parent / (path + "index.html" if path.endswith("/") else path)).resolve()  # as Pages serves it
            assert target.is_file(), f"{name}: {link['href']}"


def banner(build: Build, docname: str = "practices/01-cooperation") -> str | None:
    found = build.page(docname).select_one(".announcement .edition-banner")
    return " ".join(found.get_text(" ").split()) if found else None


def test_an_old_edition_says_so_and_names_the_latest(site):
    assert banner(site["first"]) == ("You are reading edition 1; the latest is 2. Go to the latest edition "
                                     "Go to the working draft")
    assert [a["href"] for a in site["first"].page("index").select(".edition-banner.old-edition a")] == [
        "../../../editions/2/en/index.html", "../../../en/index.html"]
    assert banner(site["second"]) == "You are reading edition 2, the latest. Go to the working draft"
    assert banner(site["draft"]) == "You are reading the working draft; the latest edition is 2. " \
                                    "Go to the latest edition"


def test_a_permanent_address_leads_to_the_latest_edition_that_holds_the_item(site):
    def target(build: Build, item_id: str) -> str:
        page = BeautifulSoup((build.outdir / "items" / item_id / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh == f"0; url={page.main.a['href']}"
        return page.main.a["href"]

    assert target(site["draft"], "EP_001") == "../../../editions/2/en/practices/01-cooperation.html#EP_001"
    assert target(site["first"], "EP_001") == "../../practices/01-cooperation.html#EP_001"
    for item_id in ("EP_001", "EP_003"):
        page = site["draft"].outdir / "items" / item_id / "index.html"
        assert (page.parent / urlsplit(target(site["draft"], item_id)).path).resolve().is_file()


def test_a_later_edition_changes_no_address_of_an_earlier_one(site):
    assert page_addresses(site["first"]) == page_addresses(site["first_alone"])
    assert {"practices/01-cooperation.html#EP_002", "items/EP_002/index.html"} <= page_addresses(site["first"])


def test_a_copy_without_history_shows_no_edition(make_project):
    build = sphinx_build(make_project())
    assert banner(build, "index") is None
    assert item_edition_links(build, "EP_001") == []


def test_a_translated_changes_page_shows_the_titles_in_its_language(tmp_path):
    """Titles come from the catalog of the page that holds the item; a title no catalog has stays as written."""
    repo, files = make_history(tmp_path, ("fr",))
    release_second(repo, files)
    (repo / "locales" / "fr" / "LC_MESSAGES" / "practices").mkdir()
    (repo / "locales" / "fr" / "LC_MESSAGES" / "practices" / "01-cooperation.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Protect the rights of migrants at work"\nmsgstr "Protéger les droits des migrants au travail"\n',
        encoding="utf-8")
    build = sphinx_build(repo, tmp_path / "fr", language="fr")
    entries = dict(sections(build.page("reference/changes")))
    second = next(found for heading, found in entries.items() if "2" in heading and "1" in heading)
    assert any(entry.endswith("EP_003 Protéger les droits des migrants au travail (practices/01-cooperation.md)")
               for entry in second), second
    assert any("EP_002 Train officials in rights" in entry for entry in second), second
