"""``nox -s bench``: how the build's cost grows, each figure beside its baseline in one run.

Corpora: the real framework, and generated ones (publisher.tasks.synthetic) in a
realistic shape (tens of practices a page) and in a stress shape (every
section on one page). For each: the source-only check; the HTML build of one
language against bare Sphinx building the same text without sphinx-needs and
without the project's extensions; an incremental rebuild after one edit; for
the corpora named, the whole publication (every language, HTML, PDF, Word,
search) with one language at a time and with two. Every timing is the minimum
and the median of ``--runs`` runs in the same state; peak memory is the whole
process tree's, checked against ``/usr/bin/time``. Written to bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from publisher.content import sources
from publisher.tasks import synthetic
from publisher.content.items import Item
from publisher.content.languages import LANGUAGES
from publisher.translations.status import published_languages

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
GNU_TIME = Path("/usr/bin/time")


@dataclass
class Timing:
    """One run: wall and CPU seconds, the process tree's peak memory, /usr/bin/time's if it ran."""

    seconds: float
    cpu: float
    peak_mb: float
    time_mb: float | None


@dataclass
class Runs:
    """Several runs of the same work: wall times, and the largest memory any of them took."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    time_mb: float | None = None  # /usr/bin/time's maximum resident set, where it was run

    def add(self, run: Timing) -> None:
        self.seconds.append(run.seconds)
        self.cpu.append(run.cpu)
        self.peak_mb = max(self.peak_mb, run.peak_mb)
        self.time_mb = run.time_mb if run.time_mb is not None else self.time_mb

    def __str__(self) -> str:
        # CPU time beside the wall time: on a shared machine it shows the work, not the waiting.
        return (f"{min(self.seconds):.1f} / {statistics.median(self.seconds):.1f} s "
                f"(CPU {statistics.median(self.cpu):.1f} s)")


def tree_rss_kb(root: int) -> int:
    """The resident memory of a process and all its descendants, now (kB)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            status = Path(entry.path, "status").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed(command: list[str], cwd: Path | None = None, check_memory: bool = False) -> Timing:
    """Run a command: its wall time, its process tree's peak memory (MB), and /usr/bin/time's if asked.

    The tree is sampled every 50 ms: the sum over every process the command started,
    so a build that runs two Sphinx processes at once counts both.
    """
    use_time = check_memory and GNU_TIME.exists()
    wrapped = [str(GNU_TIME), "-f", "maxrss-kb %M", *command] if use_time else command
    with tempfile.TemporaryFile() as log:  # a pipe nobody reads fills up and stops the build
        start = time.perf_counter()
        process = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_kb(process.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, wait_status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        status = os.waitstatus_to_exitcode(wait_status)
        process.returncode = status
        cpu = usage.ru_utime + usage.ru_stime  # the command's and the children it waited for
        done.set()
        sampler.join()
        log.seek(0)
        output = log.read().decode(errors="replace")
    if status:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{output[-2000:]}")
    reported = re.findall(r"^maxrss-kb (\d+)$", output, re.M)
    return Timing(seconds, cpu, peak / 1024, int(reported[-1]) / 1024 if reported else None)


def sphinx_html(project: Path, out: Path, fresh: bool = True, check_memory: bool = False,
                settings: tuple[str, ...] = ()) -> Timing:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / ".doctrees")]
    command += ["-E"] if fresh else []
    command += [option for setting in settings for option in ("-D", setting)]
    return timed([*command, str(project), str(out)], check_memory=check_memory)


def repeat(runs: int, step, check_memory: bool = False) -> Runs:
    """``runs`` runs of ``step(check_memory)``; /usr/bin/time wraps the first when asked."""
    result = Runs()
    for number in range(runs):
        result.add(step(check_memory and number == 0))
    return result


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


def practice_to_edit(project: Path) -> Item:
    return next(i for i in sources.read_items(project) if i.type == "practice" and "States" in i.text)


def edit_one_practice(project: Path, item: Item, number: int) -> None:
    """Change one word of the practice's text, back again the next time: each edit is the same work."""
    path = project / item.path
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    before, after = ("States", "Countries") if number % 2 == 0 else ("Countries", "States")
    for index in range(item.line, item.end_line):  # the lines after the directive's first
        if not lines[index].startswith(":") and before in lines[index]:
            lines[index] = lines[index].replace(before, after, 1)
            break
    else:
        raise SystemExit(f"bench: no {before!r} in the text of {item.id} ({item.path})")
    path.write_text("".join(lines), encoding="utf-8")


def whole_build(project: Path, out: Path, jobs: int, check_memory: bool = False) -> Timing:
    shutil.rmtree(out, ignore_errors=True)
    return timed([sys.executable, "-m", "publisher.tasks.build", *LANGUAGES, "--source", str(project),
                  "--out", str(out), "--jobs", str(jobs)], cwd=project, check_memory=check_memory)


def measure(label: str, name: str, project: Path, work: Path, whole: bool, runs: int) -> list[str]:
    """The rows of one corpus (``name``: its folders under ``work``)."""
    practices = sum(1 for item in sources.read_items(project) if item.type == "practice")
    pages = len(list((project / "practices").glob("*.md")))
    trace = min(timed([sys.executable, "-S", "-m", "publisher.content.trace", "--root", str(project)],
                      cwd=Path(__file__).parents[2]).seconds for _ in range(3))
    ours_out = work / f"{name}-ours"
    # As `nox -s serve` builds: the language gate computed once, not in every build.
    gate = (f"publisher_published_languages={','.join(published_languages(project))}",)
    ours = repeat(runs, lambda check: sphinx_html(project, ours_out, check_memory=check, settings=gate),
                  check_memory=True)
    bare_copy(project, work / f"{name}-bare-src")
    bare = repeat(runs, lambda check: sphinx_html(work / f"{name}-bare-src", work / f"{name}-bare"))
    edits, target = iter(range(runs)), practice_to_edit(project)

    def incremental_step(check: bool) -> Timing:
        edit_one_practice(project, target, next(edits))
        return sphinx_html(project, ours_out, fresh=False, check_memory=check, settings=gate)

    incremental = repeat(runs, incremental_step)
    ratio = statistics.median(ours.seconds) / statistics.median(bare.seconds)
    rows = [f"| {label} | {practices} on {pages} pages | {trace:.2f} s | {ours} | {bare} | {ratio:.2f} × | "
            f"{incremental} | {ours.peak_mb:.0f} MB ({ours.time_mb or 0:.0f} MB) |"]
    if whole:
        # One build first, discarded: both kinds then start from the same warm state.
        whole_build(project, work / f"{name}-warm-up", jobs=1)
        serial, parallel = Runs(), Runs()
        for number in range(runs):  # alternated, so that a change in the machine's load hits both
            for jobs, result in ((1, serial), (2, parallel)):
                result.add(whole_build(project, work / f"{name}-site", jobs, check_memory=number == 0))
        speed_up = statistics.median(serial.seconds) / statistics.median(parallel.seconds)
        rows.append(f"| {label}: whole build, {len(LANGUAGES)} languages, HTML + PDF + Word + search | | | "
                    f"1 at a time {serial} | 2 at a time {parallel} | speed-up {speed_up:.2f} × | | "
                    f"{serial.peak_mb:.0f} / {parallel.peak_mb:.0f} MB |")
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
    parser.add_argument("--stress", default="10000", help="sizes also generated in the stress shape")
    parser.add_argument("--whole", default="real", help="corpora whose whole build is measured")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (min and median)")
    parser.add_argument("--quick", action="store_true",
                        help="a few minutes: the real corpus and 1,000 practices, no whole build")
    parser.add_argument("--fresh-clone", action="store_true",
                        help="also time the README's first command from a fresh clone, twice (publisher.tasks.fresh_clone)")
    parser.add_argument("--output", type=Path, default=Path("bench/results.md"))
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.stress, args.whole = "1000", "", ""
    root = Path.cwd()
    rows = [
        "| corpus | practices | trace | HTML, 1 language | bare Sphinx | ratio (medians) | incremental, 1 edit "
        "| peak memory (/usr/bin/time) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        real = work / "real"
        shutil.copytree(root, real, ignore=shutil.ignore_patterns("build", ".nox", ".git", "__pycache__",
                                                                  "node_modules", "bench"))
        corpora = {"real": real}
        for size in filter(None, args.sizes.split(",")):
            synthetic.generate(root, work / f"gen{size}", int(size), "realistic")
            corpora[f"{size}, realistic"] = work / f"gen{size}"
        for size in filter(None, args.stress.split(",")):
            synthetic.generate(root, work / f"stress{size}", int(size), "stress")
            corpora[f"{size}, stress"] = work / f"stress{size}"
        for name, project in corpora.items():
            rows += measure(name, project.name, project, work, whole=name in args.whole.split(","),
                            runs=args.runs)
            print("\n".join(rows), flush=True)
    if args.fresh_clone:
        from publisher.tasks.fresh_clone import README_COMMAND, first_and_second_build

        (first, first_cpu), (second, second_cpu) = first_and_second_build(root)
        rows += ["", "| newcomer | first run | second run |", "|---|---|---|",
                 f"| fresh clone → built site (`{README_COMMAND}`), caches empty | {first:.0f} s "
                 f"({first_cpu:.0f} s of CPU) | {second:.0f} s ({second_cpu:.0f} s of CPU) |",
                 "", f"Load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."]
    report = "\n".join([
        "# Benchmark", "",
        f"Measured by `nox -s bench{' -- --quick' if args.quick else ''}` on {time.strftime('%Y-%m-%d')}: "
        f"{machine()}.", "",
        f"Each timing is \"minimum / median\" wall time of {args.runs} runs of the same work from the same state",
        "(with the median CPU time of the process tree, steadier where other work shares the machine), measured",
        "in the same session as its baseline. \"bare Sphinx\" builds the same text with MyST alone (items",
        "written as headings; the generated reference pages left out); \"incremental\" rebuilds after one",
        "practice's text changed (one word, changed back the next run). Generated corpora come in two",
        f"shapes: realistic ({synthetic.PER_PAGE} practices a page) and stress (each thematic section on one",
        "page). Peak memory is the whole process tree's (every process the build started, sampled every",
        "50 ms), with /usr/bin/time's maximum resident set of the largest single process in brackets.",
        "The whole build is run once to warm up, then one language at a time and two at a time, alternately.",
        "Lighthouse's scores and the bytes each page transfers: `bench/lighthouse.md`.",
        "", *rows, "",
    ])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
