"""``nox -s lighthouse``: Lighthouse on every page of a built site, as a reader's browser meets it.

The site is served from this machine at the address it was built for (so that
canonical and alternate links are absolute and right), each page is audited in
Chromium with Lighthouse's mobile preset, and the scores go to a Markdown table
(``bench/lighthouse.md``), with every audit that failed on any page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LIGHTHOUSE = Path("bench/lighthouse/node_modules/.bin/lighthouse")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")


def pages(site: Path, pattern: str) -> list[str]:
    """The site's pages, as paths from its root, Pagefind's and the theme's files left out, and the
    permanent addresses (items/<ID>/), which only lead on to a page that is audited."""
    return sorted(
        page.relative_to(site).as_posix() for page in site.glob(pattern)
        if not {"_static", "pagefind", "_sources", "items"} & set(page.relative_to(site).parts)
    )


def median_audit(url: str, categories: list[str], runs: int) -> dict:
    """The run with the median performance score (timings vary from run to run; the other scores don't)."""
    results = [audit(url, categories) for _ in range(runs)]
    scored = sorted((r for r in results if "scores" in r), key=lambda r: r["scores"].get("performance") or 0)
    return scored[len(scored) // 2] if scored else results[0]


def audit(url: str, categories: list[str]) -> dict:
    """One Lighthouse run: the category scores and the audits that failed."""
    chrome = shutil.which("chromium") or shutil.which("google-chrome")
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
         f"--only-categories={','.join(categories)}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome or ""}, check=False,
    )
    if result.returncode:
        return {"error": (result.stderr.strip().splitlines() or ["lighthouse failed"])[-1]}
    report = json.loads(result.stdout)
    failed = sorted({
        ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]
        if ref["weight"] and report["audits"][ref["id"]]["score"] is not None
        and report["audits"][ref["id"]]["score"] < 1
    })
    return {"scores": {name: category["score"] for name, category in report["categories"].items()},
            "failed": failed,
            # Lighthouse's measure of the CPU at the time: a loaded machine scores lower on performance.
            "cpu_index": report.get("environment", {}).get("benchmarkIndex", 0),
            "transferred": sum(item.get("transferSize", 0) for item in report["audits"].get(
                "network-requests", {}).get("details", {}).get("items", []))}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as its host does: text compressed with gzip when the browser accepts it."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if not (path.is_file() and path.suffix in self.COMPRESSED
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def table(results: dict[str, dict], categories: list[str], command: str) -> str:
    lines = [f"# Lighthouse on the built site\n\nCommand: `{command}` (mobile preset, Chromium headless, "
             f"served from 127.0.0.1 with gzip, as GitHub Pages serves it).\n",
             "| page | " + " | ".join(categories) + " | transferred | CPU index | failed audits |",
             "|---|" + "---|" * (len(categories) + 3)]
    failures: Counter[str] = Counter()
    for page, result in results.items():
        if "error" in result:
            lines.append(f"| {page} | error: {result['error']} |")
            continue
        failures.update(result["failed"])
        scores = " | ".join(f"{round(100 * (result['scores'].get(c) or 0))}" for c in categories)
        lines.append(f"| {page} | {scores} | {result['transferred'] / 1000:.0f} kB | {result['cpu_index']:.0f} | "
                     f"{', '.join(result['failed'])} |")
    minimum = {c: min((r["scores"].get(c) or 0 for r in results.values() if "scores" in r), default=0)
               for c in categories}
    lines.append("\nLowest score per category: " + ", ".join(f"{c} {round(100 * s)}" for c, s in minimum.items())
                 + f" over {len(results)} pages.")
    if failures:
        lines.append("Failed audits, with the number of pages: " +
                     ", ".join(f"{audit_id} ({count})" for audit_id, count in failures.most_common()) + ".")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a site built for the address --port gives")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--pages", nargs="+", default=["**/*.html"],
                        help="globs under the site, e.g. 'ar/**/*.html' en/index.html")
    parser.add_argument("--categories", default="seo", help=f"comma-separated, of {', '.join(CATEGORIES)}")
    parser.add_argument("--out", type=Path, default=Path("bench/lighthouse.md"))
    parser.add_argument("--jobs", type=int, default=2, help="pages audited at once (1 for steadier timings)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median run is reported")
    args = parser.parse_args(argv)
    categories = args.categories.split(",")
    server = serve(args.site, args.port)
    try:
        chosen = sorted({page for pattern in args.pages for page in pages(args.site, pattern)})
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            found = pool.map(lambda page: median_audit(f"http://127.0.0.1:{args.port}/{page}", categories, args.runs), chosen)
            results = dict(zip(chosen, found))
    finally:
        server.shutdown()
    command = "nox -s lighthouse -- " + " ".join(argv if argv is not None else sys.argv[1:])
    args.out.write_text(table(results, categories, command), encoding="utf-8")
    print(table(results, categories, command).splitlines()[-2 if len(results) else -1])
    bad = [page for page, r in results.items() if "error" in r or min(r["scores"].values()) < 1]
    return 1 if bad and categories == ["seo"] else 0


if __name__ == "__main__":
    sys.exit(main())
