"""The README's tasks run from a fresh clone, whichever way a newcomer starts nox."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import PROJECT

BIN = Path(sys.executable).parent  # the test environment's scripts: nox and pipx are pinned in tests.txt


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory) -> Path:
    """The committed project, cloned as a newcomer gets it: no build, no .nox, no caches."""
    clone = tmp_path_factory.mktemp("newcomer") / "iamm"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(PROJECT), str(clone)], check=True)
    return clone


def environment(**extra: str) -> dict[str, str]:
    # Nothing of the test run may leak the project onto the import path.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "NOX_DEFAULT_VENV_BACKEND")}
    return env | extra


def lists_the_tasks(command: list[str], clone: Path, **extra: str) -> None:
    result = subprocess.run(command, cwd=clone, env=environment(**extra), capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ModuleNotFoundError" not in result.stderr
    for task in ("build", "html", "tests", "bench", "lighthouse", "lock"):
        assert f"- {task} -> " in result.stdout or f"* {task} -> " in result.stdout, result.stdout


def test_python_m_nox_lists_the_tasks(fresh_clone):
    lists_the_tasks([sys.executable, "-m", "nox", "-l"], fresh_clone)


def test_the_nox_console_script_lists_the_tasks(fresh_clone):
    # The script pip puts on the PATH: the project's folder is not on its import path.
    lists_the_tasks([str(BIN / "nox"), "-l"], fresh_clone)


def pypi_reachable() -> bool:
    try:
        urllib.request.urlopen("https://pypi.org/simple/nox/", timeout=10).close()
        return True
    except OSError:
        return False


def test_pipx_run_nox_lists_the_tasks(fresh_clone, tmp_path):
    # `pipx run nox` fetches nox from PyPI into a cache of its own: it needs PyPI, nothing else.
    if not pypi_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail("PyPI is unreachable: `pipx run nox` cannot be tested")
        pytest.skip("PyPI is unreachable here")
    home = tmp_path / "pipx"
    lists_the_tasks([str(BIN / "pipx"), "run", "nox", "-l"], fresh_clone,
                    PIPX_HOME=str(home), PIPX_BIN_DIR=str(home / "bin"), PIPX_MAN_DIR=str(home / "man"))
    shutil.rmtree(home, ignore_errors=True)
