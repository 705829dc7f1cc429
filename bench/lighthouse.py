"""Lighthouse scores of the example site: performance, accessibility, best practices, SEO.

    .venv/bin/python bench/lighthouse.py               # mobile (Lighthouse's default: a mid-range phone, slow 4G)
    .venv/bin/python bench/lighthouse.py --desktop
    .venv/bin/python bench/lighthouse.py --min 95      # exit 1 if any score is below 95

Builds the example case with its base URL set to where it is served, serves
it over HTTP on 127.0.0.1 under that path with the headers of its `_headers`
file (as a static host would), and runs Lighthouse (npm `lighthouse`,
installed into bench/lighthouse/node_modules on first use: it is ~185 MB, so
it is not part of `make test`) in Debian's Chromium on `/`, `/timeline/` and a strand page.
Prints one line per page and writes the full reports to bench/out/.

A script, not a test: Lighthouse's performance score depends on the
machine's load, so a threshold in the test suite would be flaky.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from site_builder.build.pipeline import BuildOptions, build  # noqa: E402
from tests.checkers import CHROMIUM, serving  # noqa: E402

LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = ["", "timeline/", "topics/dismissal/"]
PREFIX = "/rust-case/"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking"


def install() -> None:
    if not LIGHTHOUSE.exists():
        print("installing lighthouse into bench/lighthouse/node_modules …", file=sys.stderr)
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error",
                        "--prefix", str(HERE / "lighthouse")], check=True, stdout=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def audit(url: str, report: Path, desktop: bool) -> dict[str, int]:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if desktop:
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    data = json.loads(report.read_text("utf-8"))
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--desktop", action="store_true", help="desktop preset instead of the default mobile emulation")
    parser.add_argument("--min", type=int, default=0, help="exit 1 if any score is below this")
    args = parser.parse_args()
    install()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        build(BuildOptions(ROOT / "content", dist, base_url=f"http://127.0.0.1:{port}{PREFIX}"))
        with serving(dist, PREFIX, port=port) as served:
            results = {}
            for page in PAGES:
                name = "index" if not page else page.strip("/").replace("/", "-")
                report = out / f"lighthouse-{name}-{'desktop' if args.desktop else 'mobile'}.json"
                results["/" + page] = audit(served.url + page, report, args.desktop)
    width = max(len(p) for p in results)
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    for page, scores in results.items():
        print(f"{page:<{width}}  " + "  ".join(f"{scores[c]:>14}" for c in CATEGORIES))
    low = [f"{page} {c} {s}" for page, scores in results.items() for c, s in scores.items() if s < args.min]
    if low:
        print("below " + str(args.min) + ": " + ", ".join(low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
