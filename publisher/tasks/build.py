"""Build the site in every language, fresh, and publish it only if all succeeded.

A failed build leaves the previously published folder as it was: readers and
previews never see half a site.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from publisher.content.languages import LANGUAGES, SOURCE
from publisher.content.publication import file_name
from publisher.tasks.safe_build import AlreadyBuilding, end_with_parent, exclusive, guarded, stop_on_terminate, swap

SPHINX_FLAGS = [
    "-W",  # warnings are errors: a broken rule fails the build
    "--keep-going",  # but only after every warning has been shown
    "-q",  # warnings only: an editor sees what needs fixing
]
FORMATS = ("html", "pdf", "docx")


def sphinx(source: Path, builder: str, code: str, outdir: Path, doctrees: Path,
           confdir: Path | None, fresh: bool, settings: dict[str, str] | None = None) -> int:
    command = [sys.executable, "-m", "sphinx", "-b", builder, *SPHINX_FLAGS,
               "-D", f"language={LANGUAGES[code].sphinx}", "-d", str(doctrees)]
    for name, value in (settings or {}).items():
        command += ["-D", f"{name}={value}"]
    if fresh:
        command.append("-E")  # a fresh read: sphinx-needs' incremental data goes stale
    if confdir:
        command += ["-c", str(confdir)]
    return subprocess.run(guarded([*command, str(source), str(outdir)]), check=False).returncode


def build_language(source: Path, code: str, outdir: Path, confdir: Path | None = None,
                   formats: tuple[str, ...] = FORMATS, settings: dict[str, str] | None = None) -> int:
    """The site of one language and its PDF; the first failing step's exit status.

    The PDF's Typst builder reuses the doctrees the HTML build has just read.
    ``settings``: the publication's settings, the same for every language (publication_settings).
    """
    settings = publication_settings(source) if settings is None else settings
    doctrees = outdir.parent / ".doctrees" / code
    base_url = settings.get("publisher_base_url", "")
    front = front_matter(source, code, base_url) if {"pdf", "docx"} & set(formats) else {}  # once, for both
    if "html" in formats:
        status = sphinx(source, "html", code, outdir, doctrees, confdir, fresh=True, settings=settings)
        if status:
            return status
    if "pdf" in formats:
        typst_dir = outdir.parent / ".typst" / code
        status = sphinx(source, "typst", code, typst_dir, doctrees, confdir, fresh="html" not in formats,
                        settings=settings)
        if status:
            return status
        outdir.mkdir(parents=True, exist_ok=True)
        from publisher.outputs.pdf_compile import compile_pdf  # typst and the fonts: only where the build's packages are

        if not step(code, "the PDF", compile_pdf, typst_dir, "framework", outdir / file_name(code, "pdf"),
                    pdf_inputs(front, code), explain=lambda message: unprintable(message, source, code)):
            return 1
    if "html" in formats:
        from publisher.outputs.docx import build_docx

        if "docx" in formats:
            if not step(code, "the Word document", build_docx, outdir, code, front["title"],
                        outdir / file_name(code, "docx"), author=front["author"],
                        colophon=front["colophon"], base_url=front["base_url"]):
                return 1
        # Every file is made: the pages that list them are written again, with their sizes
        # (publisher/extension/downloads.py); nothing else is read or written again.
        status = sphinx(source, "html", code, outdir, doctrees, confdir, fresh=False,
                        settings={**settings, "publisher_download_sizes": "1"})
        if status:
            return status
        return index_for_search(outdir, source, code)  # last: the downloads page now shows its sizes
    return 0


def step(code: str, what: str, make, *args, explain=lambda message: [], **kwargs) -> bool:
    """Make one output; on failure say which and why in a line, not a traceback.

    ``explain`` turns the tool's message into ``path:line:`` lines where it can.
    """
    try:
        make(*args, **kwargs)
    except Exception as error:  # Typst's and pandoc's errors alike: an editor needs the message
        message = " ".join(str(error).split()) or type(error).__name__
        for line in explain(message):
            print(line, file=sys.stderr)
        print(f"build: {code}: {what} could not be made: {message}", file=sys.stderr)
        return False
    return True


def unprintable(message: str, source: Path, code: str) -> list[str]:
    """Where the sources or this language's catalogs hold a character the PDF cannot show."""
    from publisher.content.sources import content_files
    from publisher.outputs.unprintable import places, unprintable_text

    text = unprintable_text(message)
    if text is None:
        return []
    catalogs = sorted((source / "locales" / LANGUAGES[code].sphinx / "LC_MESSAGES").rglob("*.po"))
    return places(text, content_files(source) + catalogs, source)


def front_matter(source: Path, code: str, address: str = "") -> dict:
    """What the PDF and the Word file print before the text, in the language of ``code``."""
    from publisher.translations.catalogs import translator
    from publisher.content.model import AUTHOR, PUBLICATION_TITLE
    from publisher.content.publication import colophon
    from publisher.content.editions import edition_line
    _ = translator(source, LANGUAGES[code].sphinx)
    edition = edition_line(source, _)
    return {"title": _(PUBLICATION_TITLE), "author": _(AUTHOR), "edition": edition,
            "contents": _("Contents"), "base_url": address,
            "colophon": colophon(_, code, address, edition)}


def pdf_inputs(front: dict, code: str) -> dict[str, str]:
    """What the PDF template prints besides the text (sys.inputs are strings), from the front matter."""
    from publisher.content.publication import for_print

    inputs = {"contents": front["contents"], "edition": front["edition"],
              "colophon": json.dumps(front["colophon"], ensure_ascii=False)}
    return {key: for_print(value, code) for key, value in inputs.items()}


def index_for_search(site: Path, source: Path, code: str) -> int:
    """Pagefind's index of one language: items as results of their own (publisher/outputs/search_index.py)."""
    from publisher.translations.catalogs import translator
    from publisher.outputs.search_index import index_site

    return index_site(site, translator(source, LANGUAGES[code].sphinx))


def build_site(source: Path, languages: list[str], target: Path, confdir: Path | None = None,
               formats: tuple[str, ...] = FORMATS, jobs: int | None = None) -> int:
    """Build every language into a staging folder, then swap it in for ``target``.

    Languages are independent: ``jobs`` of them are built at once (default: one
    per core), each in its own processes.
    """
    try:
        with exclusive(target):
            return _build_site(source, languages, target, confdir, formats, jobs)
    except AlreadyBuilding as busy:
        print(f"build: {busy}", file=sys.stderr)
        return 1


def _build_site(source: Path, languages: list[str], target: Path, confdir: Path | None,
                formats: tuple[str, ...], jobs: int | None) -> int:
    if unreadable := cannot_read(source, languages):
        print(unreadable, file=sys.stderr)
        print(f"build: {target} is left as it was", file=sys.stderr)
        return 1
    staging = target.with_name(target.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    gate = translation_statuses(source)  # once for the build, not once per language
    settings = publication_settings(source, gate) | {"publisher_sources_checked": "1"}  # checked above
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        statuses = dict(zip(languages, pool.map(
            lambda language: build_language(source, language, staging / language, confdir, formats, settings),
            languages,
        )))
    failed = [language for language, status in statuses.items() if status]
    if failed:
        print(f"build: {', '.join(failed)} failed; {target} is left as it was", file=sys.stderr)
        return statuses[failed[0]]
    for internal in (".doctrees", ".typst"):
        shutil.rmtree(staging / internal, ignore_errors=True)
    for language in languages:
        remove_internal_files(staging / language)
    write_language_report(staging, languages, gate)
    if "html" in formats:
        write_root_files(source, staging, settings.get("publisher_base_url", ""))
    swap(staging, target)
    return 0


def cannot_read(source: Path, languages: list[str]) -> str:
    """What stops every language's build before it starts, once, with files and lines."""
    from publisher.extension import preflight

    found = sorted({v for code in languages for v in preflight.problems(source, LANGUAGES[code].sphinx)})
    return "\n".join([*map(str, found), preflight.stopped(found)]) if found else ""


#: What Sphinx and sphinx-needs leave beside the pages for their own use: never published.
INTERNAL_FILES = (".buildinfo", "_sources", "schema_violations.json")


def remove_internal_files(folder: Path) -> None:
    for name in INTERNAL_FILES:
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def translation_statuses(source: Path) -> dict:
    """How complete each translation is, and whether it passes the publication gate: once per build."""
    from publisher.translations.status import read_items, status  # Babel: only where the build's packages are

    items = read_items(source)
    return {code: status(source, code, items) for code in LANGUAGES if code != SOURCE}


def publication_settings(source: Path, gate: dict | None = None) -> dict[str, str]:
    """What every language's Sphinx is told, the same for all: the languages that pass the gate,
    and the site's and the repository's public addresses (from the publishing workflow's environment)."""
    from publisher.extension.seo import with_slash

    gate = translation_statuses(source) if gate is None else gate
    published = [code for code in LANGUAGES if code == SOURCE or gate[code].publishable]
    settings = {"publisher_published_languages": ",".join(published),
                "publisher_base_url": with_slash(os.environ.get("PUBLISHER_BASE_URL", "")),
                "publisher_repository_url": os.environ.get("PUBLISHER_REPOSITORY_URL", "")}
    return {name: value for name, value in settings.items() if value}


def write_language_report(site: Path, languages: list[str], gate: dict) -> None:
    """Print and save which languages pass the publication gate, and why not."""
    report = {}
    for code in languages:
        if code == SOURCE:
            report[code] = {"published": True, "translated_percent": 100, "blocking": []}
            continue
        result = gate[code]
        report[code] = {"published": result.publishable, "translated_percent": result.percent,
                        "blocking": result.blocking}
        verdict = "published" if result.publishable else f"not published ({len(result.blocking)} items missing)"
        print(f"build: {code}: {result.percent}% translated, {verdict}", file=sys.stderr)
    (site / "languages.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")


def write_root_files(source: Path, site: Path, base_url: str) -> None:
    """What the site's root holds besides the languages: index, 404 page, robots, sitemap."""
    from publisher.extension.seo import write_site_files

    write_root_index(source, site)
    write_not_found(source, site, base_url)
    pages = {}
    for code in json.loads((site / "languages.json").read_text(encoding="utf-8")):
        folder = site / code
        pages[code] = sorted(
            page.relative_to(folder).as_posix() for page in folder.rglob("*.html")
            # items/<ID>/ only lead on to an item's page (publisher/extension/editions.py)
            if page.relative_to(folder).parts[0] not in ("_static", "pagefind", "items")
            and page.name not in ("search.html", "permalink.html", "side-by-side.html")  # pages of tools, not of text
        )
    write_site_files(site, pages, base_url)


def write_not_found(source: Path, site: Path, base_url: str) -> None:
    """build/site/404.html: "page not found" in every published language, each with its way home."""
    from publisher.translations.catalogs import translator
    from publisher.extension.seo import NOT_FOUND, NOT_FOUND_HELP, with_slash

    report = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    blocks = []
    for code, state in report.items():
        if not state["published"]:
            continue
        language, _ = LANGUAGES[code], translator(source, LANGUAGES[code].sphinx)
        home = f"{with_slash(base_url)}{code}/index.html"  # absolute where the address is known
        blocks.append(
            f'  <section lang="{language.hreflang}" dir="{language.direction}">'
            f"<h2>{html.escape(_(NOT_FOUND))}</h2><p>{html.escape(_(NOT_FOUND_HELP))} "
            f'<a href="{home}" hreflang="{language.hreflang}">{html.escape(language.name)}</a></p></section>'
        )
    page = ROOT_PAGE.format(title=f"404 · {TITLE}", body="\n".join(blocks))
    (site / "404.html").write_text(page, encoding="utf-8")


def write_root_index(source: Path, site: Path) -> None:
    """build/site/index.html: every published language, each named in itself, with the title in it.

    The title is the publication's, from the same catalog as the title of every page
    of that language (html_title: publisher/translations/i18n.py), not read back from a page.
    """
    from publisher.translations.catalogs import translator
    from publisher.content.model import PUBLICATION_TITLE

    report = json.loads((site / "languages.json").read_text(encoding="utf-8"))
    entries = []
    for code, state in report.items():
        if not state["published"]:
            continue
        language = LANGUAGES[code]
        title = translator(source, language.sphinx)(PUBLICATION_TITLE)
        entries.append(
            f'    <li lang="{language.hreflang}" dir="{language.direction}">'
            f'<a href="{code}/index.html" hreflang="{language.hreflang}">'
            f'<span class="language">{html.escape(language.name)}</span>'
            f'<span class="title">{html.escape(title)}</span></a></li>'
        )
    body = "  <ul>\n" + "\n".join(entries) + "\n  </ul>"
    (site / "index.html").write_text(ROOT_PAGE.format(title=TITLE, body=body), encoding="utf-8")


TITLE = "International Agenda for Migration Management"
ROOT_PAGE = """<!doctype html>
<html lang="mul">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="The IAMM Open Edition, a restatement of the International Agenda for Migration Management, in English, French, Spanish, Arabic, Chinese and Russian: choose a language.">
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem;
           line-height: 1.5; color: #1a1a1a; background: #fff; }}
    ul {{ list-style: none; padding: 0; }}
    li a {{ display: block; padding: 1rem; margin: .5rem 0; border: 1px solid #767676;
            border-radius: .5rem; color: #0b4f9c; text-decoration: none; }}
    li a:hover, li a:focus-visible {{ background: #eef4fb; outline: 3px solid #0b4f9c; }}
    .language {{ display: block; font-size: 1.4rem; font-weight: 600; }}
    @media (prefers-color-scheme: dark) {{
      body {{ color: #eee; background: #131416; }} li a {{ color: #9cc8ff; border-color: #8a8a8a; }}
      li a:hover, li a:focus-visible {{ background: #1f2a38; }}
    }}
  </style>
</head>
<body>
<main>
  <h1>International Agenda for Migration Management</h1>
{body}
</main>
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", help="language codes, e.g. en")
    parser.add_argument("--assemble", action="store_true",
                        help="only write the language index and report of languages built separately")
    parser.add_argument("--out", type=Path, required=True, help="the folder to publish into")
    parser.add_argument("--source", type=Path, default=Path.cwd())
    parser.add_argument("--conf", type=Path, help="the folder of conf.py, if not the source")
    parser.add_argument("--formats", default=",".join(FORMATS), help="html, pdf, docx (comma-separated)")
    parser.add_argument("--jobs", type=int, help="languages built at once (default: one per core)")
    args = parser.parse_args(argv)
    # Stopped with whoever started it, and never swapping a half-made site in after that.
    end_with_parent()
    stop_on_terminate()
    if args.assemble:
        built = [code for code in LANGUAGES if (args.out / code / "index.html").exists()]
        gate = translation_statuses(args.source)
        write_language_report(args.out, built, gate)
        write_root_files(args.source, args.out, publication_settings(args.source, gate).get("publisher_base_url", ""))
        return 0
    if not args.languages:
        parser.error("name at least one language")
    return build_site(args.source, args.languages, args.out, args.conf, tuple(args.formats.split(",")),
                      args.jobs)


if __name__ == "__main__":
    sys.exit(main())
