"""`nox -s build` publishes a whole site or nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time

import pytest
from babel.messages.pofile import read_po, write_po
from pathlib import Path

from conftest import PROJECT, development_page
from publisher.tasks.build import INTERNAL_FILES, build_site, step
from publisher.tasks.safe_build import exclusive, swap

BROKEN = development_page("EP_003", "CU_09")


def test_a_failed_build_leaves_the_published_site_as_it_was(make_project, tmp_path, capfd):
    project = make_project()
    site = tmp_path / "site"
    assert build_site(project, ["en"], site, confdir=PROJECT) == 0
    published = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert (site / "en" / "index.html").exists() and (site / "en" / "needs.json").exists()

    (project / "practices" / "02-development.md").write_text(BROKEN, encoding="utf-8")
    assert build_site(project, ["en"], site, confdir=PROJECT) != 0

    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == published
    err = capfd.readouterr().err
    assert "practices/02-development.md:4: WARNING: EP_003: implements CU_09, which does not exist" in err
    assert "build: en failed; " in err


FOOTNOTED = "This edition is independent.[^note]"
TRANSLATED_WITHOUT_FOOTNOTE = {"fr": "Cette édition est indépendante.", "es": "Esta edición es independiente."}


def test_every_failing_language_is_named_and_none_is_published(catalogued, tmp_path, capfd):
    """English builds; French and Spanish fail: nothing is published, both are named."""
    project = tmp_path / "minimal"
    shutil.copytree(catalogued, project)
    index = project / "index.md"
    index.write_text(index.read_text() + f"\n{FOOTNOTED}\n\n[^note]: It is not the official text.\n")
    # A translation without the footnote: Sphinx's own check fails that language alone.
    for code in ("fr", "es"):
        po = project / "locales" / code / "LC_MESSAGES" / "index.po"
        with po.open("rb") as file:
            catalog = read_po(file)
        catalog.add(FOOTNOTED, TRANSLATED_WITHOUT_FOOTNOTE[code])
        with po.open("wb") as file:
            write_po(file, catalog)
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text("published before")

    assert build_site(project, ["en", "fr", "es"], site, confdir=PROJECT, formats=("html",)) != 0
    assert files_of(site) == {"en/index.html": b"published before"}
    err = capfd.readouterr().err
    assert "index.md:12: WARNING: inconsistent footnote references in translated message." in err
    assert err.endswith(f"build: fr, es failed; {site} is left as it was\n")


PAGEFIND_FILTER_INDEX = re.compile(r"[a-z]+/pagefind/(filter/.+\.pf_filter|pagefind-entry\.json|.+\.pf_meta)")


def files_of(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_clean_builds_publish_the_same_bytes_and_nothing_internal(make_project, tmp_path):
    project = make_project()
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(project, ["en"], first, confdir=PROJECT) == 0
    assert build_site(project, ["en"], second, confdir=PROJECT) == 0
    one, two = files_of(first), files_of(second)
    # Pagefind 1.5.2 writes its filter files in an order of its own (Pagefind#638): the filter
    # index and the files naming it are the one exception, and the only one.
    differing = {path for path in one.keys() | two.keys() if one.get(path) != two.get(path)}
    assert {path for path in differing if not PAGEFIND_FILTER_INDEX.fullmatch(path)} == set()
    names = {Path(path).name for path in files_of(first)} | {p.name for p in first.rglob("*") if p.is_dir()}
    assert names & set(INTERNAL_FILES) == set()


def test_a_second_build_of_the_same_site_refuses_and_says_why(make_project, tmp_path, capfd):
    site = tmp_path / "site"
    with exclusive(site):
        assert build_site(make_project(), ["en"], site, confdir=PROJECT) == 1
    assert f"build: another build of {site} is running (pid {os.getpid()}); wait for it to finish" in (
        capfd.readouterr().err)
    assert not site.exists()


def swap_30_times(tmp_path, site):
    for round_ in range(30):
        staging = tmp_path / "site.staging"
        staging.mkdir()
        (staging / "index.html").write_text(f"new {round_}")
        swap(staging, site)
    assert (site / "index.html").read_text() == "new 29"
    assert [path.name for path in tmp_path.iterdir()] == ["site"]  # no old site left beside it


def test_the_site_is_swapped_in_without_a_moment_where_it_is_missing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    missing = []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            if not (site / "index.html").exists():
                missing.append(True)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        swap_30_times(tmp_path, site)
    finally:
        stop.set()
        watcher.join()
    assert missing == []


@pytest.mark.parametrize("platform", ["linux", "darwin"], ids=["one exchange (Linux)", "two renames (elsewhere)"])
def test_the_old_site_is_deleted_only_once_the_new_one_is_in_place(tmp_path, monkeypatch, platform):
    """Where the exchange is not available, there is a moment between two renames; never one of a deletion."""
    if platform == "linux" and not sys.platform.startswith("linux"):
        pytest.skip("the exchange in one step is Linux's")
    monkeypatch.setattr(sys, "platform", platform)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    missing = []
    delete = shutil.rmtree

    def deleting(path, *args, **kwargs):
        delete(path, *args, **kwargs)
        if not (site / "index.html").exists():
            missing.append(f"after deleting {Path(path).name}")

    monkeypatch.setattr(shutil, "rmtree", deleting)
    swap_30_times(tmp_path, site)
    assert missing == []


def test_a_failed_output_says_which_and_why_in_one_line(capfd):
    import typst

    assert not step("ar", "the PDF", typst.compile, "/nonexistent/framework.typ")
    err = capfd.readouterr().err
    assert err.startswith("build: ar: the PDF could not be made: ") and "Traceback" not in err


def test_a_character_the_pdf_cannot_show_is_found_in_the_sources(make_project, tmp_path, capfd):
    """Typst names the character, not where it was written: the build finds its file and line."""
    unassigned = "\U0004a94d"  # no font has it: it is no character yet
    page = development_page("EP_003", "CU_01").replace("Lower the cost", f"Lower{unassigned} the cost")
    project = make_project(files={"practices/02-development.md": page})
    assert build_site(project, ["en"], tmp_path / "site", confdir=PROJECT) != 0
    err = capfd.readouterr().err
    assert ("practices/02-development.md:4: the PDF's fonts cannot show the character U+4A94D (unassigned); "
            "delete it or write a character they show\n") in err


def test_stopping_whoever_started_the_build_stops_the_build(make_project, tmp_path):
    """A build whose nox was killed must not go on and replace the site later."""
    project, site = make_project(), tmp_path / "site"
    starter = subprocess.Popen([sys.executable, "-c", (
        "import subprocess, sys; subprocess.run([sys.executable, '-m', 'publisher.tasks.build', 'en', "
        f"'--out', {str(site)!r}, '--source', {str(project)!r}, '--conf', {str(PROJECT)!r}])")],
        cwd=PROJECT, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    deadline = time.monotonic() + 30
    while not builders(site) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert builders(site), "the build did not start"
    time.sleep(1)
    starter.kill()
    starter.wait()
    deadline = time.monotonic() + 30
    while builders(site) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert builders(site) == []
    time.sleep(2)
    assert not (site / "en").exists()


def builders(site) -> list[int]:
    """The processes still at work on ``site``: the build and the tools it started."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if proc.name.isdigit() and str(site).encode() in command and b"-c\x00import subprocess" not in command:
            found.append(int(proc.name))
    return found


def offline() -> list[str]:
    """A command prefix that runs a command with no network at all (a new, empty network namespace)."""
    for prefix in (["unshare", "--map-root-user", "--net"], ["unshare", "--net"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
                return prefix
        except FileNotFoundError:
            break
    pytest.skip("this machine cannot make a network namespace (unshare), so cannot refuse the network")


def test_the_whole_build_needs_no_network(make_project, tmp_path):
    project, site = make_project(), tmp_path / "site"
    result = subprocess.run(
        [*offline(), sys.executable, "-m", "publisher.tasks.build", "en", "--out", str(site), "--source", str(project),
         "--conf", str(PROJECT)], cwd=PROJECT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert {"iamm-en.pdf", "iamm-en.docx", "needs.json", "index.html"} <= {p.name for p in (site / "en").iterdir()}
    assert (site / "en" / "pagefind").is_dir()
