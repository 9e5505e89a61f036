"""Compile the Typst sources of one language into its PDF, offline and reproducibly.

Fonts come from pinned PyPI packages (Noto Sans for Latin and Cyrillic, Noto
Sans Arabic, Noto Sans CJK): no system font is used, so every machine makes
the same PDF; the date is fixed, so the same sources give the same bytes.
typsphinx imports four packages from the Typst registry into every file it
writes; the framework uses none of them (no code, maths or callouts), so local
stand-ins answer those imports (publisher/outputs/typst/packages/) and the
compile never reaches the network.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import typst

from publisher.content.publication import REPRODUCIBLE_DATE

FONT_PACKAGES = ["fontpkg_noto_sans", "fontpkg_noto_sans_arabic", "noto_cjk_sans_otc"]
#: The stand-ins for the registry's packages, as @preview/<name>:<version> finds them.
PACKAGES = Path(__file__).parent / "typst" / "packages"


def font_paths() -> list[str]:
    paths = []
    for package in FONT_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"pdf: the font package {package} is not installed; run `nox -s pdf`")
        paths.extend(spec.submodule_search_locations)
    return paths


def compile_pdf(typst_dir: Path, main: str, output: Path, inputs: dict[str, str]) -> None:
    """Typeset ``typst_dir/main.typ`` into ``output`` as a tagged PDF (PDF/UA-1)."""
    typst.compile(
        str(typst_dir / f"{main}.typ"),
        output=str(output),
        root=str(typst_dir),
        package_path=str(PACKAGES),
        font_paths=font_paths(),
        ignore_system_fonts=True,
        pdf_standards=["ua-1"],
        sys_inputs=inputs,
        timestamp=int(REPRODUCIBLE_DATE.timestamp()),
    )

