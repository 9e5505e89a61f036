"""``nox -s bench``: how the build's cost grows, each figure beside its baseline in one run.

Corpora: the real framework, and generated ones of 1,000 and 10,000 practices
(publisher.synthetic). For each: the source-only check; the HTML build of one
language against bare Sphinx building the same text without sphinx-needs and
without the project's extensions; an incremental rebuild after one edit; the
whole publication (every language, HTML, PDF, Word, search) serially and in
parallel; peak memory. The table is written to bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import sources, synthetic
from .build import build_site
from .languages import LANGUAGES

BARE_CONF = '''
# Bare Sphinx: the same text, MyST only, no sphinx-needs, no project extension.
extensions = ["myst_parser"]
project = "bench"
root_doc = "index"
include_patterns = ["index.md", "framework/**", "practices/**", "glossary/**"]
myst_enable_extensions = ["deflist"]
html_theme = "furo"
suppress_warnings = ["toc.not_included", "myst.xref_missing", "ref.term"]
'''


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path | None = None) -> Run:
    """Run a command; its wall time and its peak memory (the largest process's RSS)."""
    # Warnings go to a file: a pipe nobody reads fills up and stops the build.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise SystemExit(f"bench: {' '.join(command)} failed:\n{log.read().decode()[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def sphinx_html(project: Path, out: Path, fresh: bool = True, confdir: Path | None = None) -> Run:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / ".doctrees")]
    command += ["-E"] if fresh else []
    command += ["-c", str(confdir)] if confdir else []
    return timed([*command, str(project), str(out)])


def bare_copy(project: Path, target: Path) -> None:
    """The same text with every item written as a heading and paragraphs: what bare Sphinx can read."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(BARE_CONF, encoding="utf-8")
    for path in sources.content_files(project):
        relative = path.relative_to(project)
        if relative.parts[0] == "reference":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for item in sorted(sources.parse("\n".join(lines), relative.as_posix()), key=lambda i: -i.line):
            fields = f"{item.type} · {item.fields.get('section', '')} · {item.fields.get('status', '')}"
            links = f"Implements: {', '.join(item.implements)}" if item.implements else ""
            block = [f"### {item.id} {item.title}", "", fields, "", links, "", *item.text.splitlines()]
            lines[item.line - 1 : item.end_line] = block
        text = "\n".join(lines)
        if relative.name == "index.md":
            text = re.sub(r"^reference/\w+\n", "", text, flags=re.M)
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(text, encoding="utf-8")


def edit_one_practice(project: Path) -> None:
    path = project / "practices" / "02-development.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("States", "Governments", 1), encoding="utf-8")


def measure(name: str, project: Path, work: Path, whole: bool) -> list[str]:
    rows = []
    practices = sum(1 for item in sources.read_items(project) if item.type == "practice")
    trace = min(timed([sys.executable, "-S", "-m", "publisher.trace", "--root", str(project)],
                      cwd=Path(__file__).parent.parent).seconds for _ in range(3))
    ours = sphinx_html(project, work / f"{name}-ours")
    bare_copy(project, work / f"{name}-bare-src")
    bare = sphinx_html(work / f"{name}-bare-src", work / f"{name}-bare")
    edit_one_practice(project)
    incremental = sphinx_html(project, work / f"{name}-ours", fresh=False)
    rows.append(f"| {name} | {practices} | {trace:.2f} s | {ours.seconds:.1f} s | {bare.seconds:.1f} s | "
                f"{ours.seconds / bare.seconds:.2f} × | {incremental.seconds:.1f} s | "
                f"{max(ours.peak_mb, incremental.peak_mb):.0f} MB |")
    if whole:
        languages = list(LANGUAGES)
        serial = time.perf_counter()
        assert build_site(project, languages, work / f"{name}-site1", jobs=1) == 0
        serial = time.perf_counter() - serial
        parallel = time.perf_counter()
        assert build_site(project, languages, work / f"{name}-site2", jobs=2) == 0
        parallel = time.perf_counter() - parallel
        rows.append(f"| {name}: whole build, {len(languages)} languages, HTML + PDF + Word + search | | | "
                    f"serial {serial:.0f} s | parallel {parallel:.0f} s | speed-up {serial / parallel:.2f} × | | |")
    return rows


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1024 / 1024:.0f} GiB, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="generated corpora, in practices")
    parser.add_argument("--whole", default="real", help="corpora whose whole build is measured")
    parser.add_argument("--output", type=Path, default=Path("bench/results.md"))
    args = parser.parse_args(argv)
    root = Path.cwd()
    rows = [
        "| corpus | practices | trace | HTML, 1 language | bare Sphinx | ratio | incremental, 1 edit | peak memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        real = work / "real"
        shutil.copytree(root, real, ignore=shutil.ignore_patterns("build", ".nox", ".git", "__pycache__"))
        corpora = {"real": real}
        for size in filter(None, args.sizes.split(",")):
            synthetic.generate(root, work / f"gen{size}", int(size))
            corpora[size] = work / f"gen{size}"
        for name, project in corpora.items():
            rows += measure(name, project, work, whole=name in args.whole.split(","))
            print("\n".join(rows), flush=True)
    report = "\n".join([
        "# Benchmark", "",
        f"Measured by `nox -s bench` on {time.strftime('%Y-%m-%d')}: {machine()}.", "",
        "Each figure is measured in the same run as its baseline. \"bare Sphinx\" builds the same text",
        "with MyST alone (items written as headings; the generated reference pages left out);",
        "\"incremental\" rebuilds after one practice's text changed. Peak memory is the largest",
        "Sphinx process's.", "",
        *rows, "",
    ])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
