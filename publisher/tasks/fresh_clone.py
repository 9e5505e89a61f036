"""A newcomer's first build, timed: a fresh clone, the README's command, then the same again.

Caches are empty for the first run (uv's and pip's in a folder of their own),
as on a fresh machine; the second run reuses the environments nox kept.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

README_COMMAND = "python3 -m pip install -q --require-hashes -r requirements/nox.txt && python3 -m nox -s build"


def cpu_seconds() -> float:
    """CPU time of the finished child processes so far: on a shared machine, steadier than wall time."""
    times = os.times()
    return times.children_user + times.children_system


def newcomer_environment() -> dict[str, str]:
    """This environment as a newcomer's shell has it: without the virtual environment that runs us.

    Under `nox -s bench`, `python3` would otherwise be nox's environment, which uv makes without pip.
    """
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if venv := env.pop("VIRTUAL_ENV", None):
        env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep)
                                      if not part.startswith(venv))
    return env


def first_and_second_build(project: Path, backend: str = "uv|venv") -> list[tuple[float, float]]:
    """(wall, CPU) seconds from a fresh clone to build/site/, and for the same command run again."""
    with tempfile.TemporaryDirectory(prefix="fresh-clone-") as tmp:
        clone = Path(tmp) / "iamm"
        env = newcomer_environment() | {"UV_CACHE_DIR": str(Path(tmp) / "uv-cache"), "PIP_NO_CACHE_DIR": "1",
                                        "NOX_DEFAULT_VENV_BACKEND": backend}
        times = []
        start, cpu = time.perf_counter(), cpu_seconds()
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(project), str(clone)], check=True)
        for _ in range(2):
            result = subprocess.run(README_COMMAND, shell=True, cwd=clone, env=env, capture_output=True, text=True)
            if result.returncode:
                raise SystemExit(f"fresh_clone: the README's command failed:\n{result.stderr[-3000:]}")
            assert (clone / "build" / "site" / "en" / "index.html").exists()
            times.append((time.perf_counter() - start, cpu_seconds() - cpu))
            start, cpu = time.perf_counter(), cpu_seconds()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fresh_clone", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--backend", default="uv|venv", help="nox's venv backend (venv: pip)")
    args = parser.parse_args(argv)
    (first, first_cpu), (second, second_cpu) = first_and_second_build(args.project, args.backend)
    print(f"fresh clone to built site ({args.backend}): first {first:.0f} s ({first_cpu:.0f} s of CPU), "
          f"second {second:.0f} s ({second_cpu:.0f} s of CPU); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
