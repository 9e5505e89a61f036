"""Build the site in every language, fresh, and publish it only if all succeeded.

A failed build leaves the previously published folder as it was: readers and
previews never see half a site.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

SPHINX_FLAGS = [
    "-b", "html",
    "-E",  # a fresh read: sphinx-needs' incremental data goes stale
    "-W",  # warnings are errors: a broken rule fails the build
    "--keep-going",  # but only after every warning has been shown
    "-q",  # warnings only: an editor sees what needs fixing
]


def build_language(source: Path, language: str, outdir: Path, confdir: Path | None = None) -> int:
    """Run Sphinx for one language; its exit status."""
    command = [sys.executable, "-m", "sphinx", *SPHINX_FLAGS, "-D", f"language={language}"]
    command += ["-d", str(outdir.parent / ".doctrees" / language)]
    if confdir:
        command += ["-c", str(confdir)]
    return subprocess.run([*command, str(source), str(outdir)], check=False).returncode


def build_site(source: Path, languages: list[str], target: Path, confdir: Path | None = None) -> int:
    """Build every language into a staging folder, then swap it in for ``target``."""
    staging = target.with_name(target.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    for language in languages:
        status = build_language(source, language, staging / language, confdir)
        if status:
            print(f"build: '{language}' failed; {target} is left as it was", file=sys.stderr)
            return status
    shutil.rmtree(staging / ".doctrees")
    replace_tree(staging, target)
    return 0


def replace_tree(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; the previous ``target`` is kept until then."""
    old = target.with_name(target.name + ".previous")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+", help="language codes, e.g. en")
    parser.add_argument("--out", type=Path, required=True, help="the folder to publish into")
    parser.add_argument("--source", type=Path, default=Path.cwd())
    parser.add_argument("--conf", type=Path, help="the folder of conf.py, if not the source")
    args = parser.parse_args(argv)
    return build_site(args.source, args.languages, args.out, args.conf)


if __name__ == "__main__":
    sys.exit(main())
