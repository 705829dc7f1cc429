"""Save-to-browser latency of `site-builder serve`.

For the example site and for a site with 4,000 events made by
bench/generate.py, this starts the real command (`python -m
site_builder.cli serve --port 0`) on a temporary copy, opens the topic page
of the edited strand in Chromium, then repeatedly saves a
changed event title (written to a temp file and renamed over the original,
as editors do) and measures the time from the save until the open page shows
the new title (the reloaded page's first contentful paint, timed in the
browser) — watcher, debounce, full rebuild, reload message, page request and
page render included.

    .venv/bin/python bench/serve_latency.py [--runs 10] [--events 4000] [--only example|synthetic]

Needs Playwright and /usr/bin/chromium (as the browser tests do).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402  (bench/generate.py)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOWN_AT = """new Promise(done => requestAnimationFrame(() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  done(performance.timeOrigin + (paint ? paint.startTime : nav.domContentLoadedEventEnd));
}))"""
EVENT_TITLE = re.compile(r"^(    title: )(.*)$", re.MULTILINE)  # the first event's title in an entry file


@dataclass
class Case:
    name: str
    project: Path
    entry: str  # the topic id whose entry file we edit and whose page we watch


def example(tmp: Path) -> Case:
    project = tmp / "example"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    return Case("example site", project, "charges")


def synthetic(tmp: Path, events: int) -> Case:
    """The benchmark case from bench/generate.py (the one bench/run.py compares with Hugo)."""
    project = tmp / f"synthetic-{events}"
    generate(events, project)
    return Case(f"synthetic, {events} events", project, "trial")


class Server:
    """The real `site-builder serve` command in a subprocess; collects its status lines."""

    def __init__(self, project: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "site_builder.cli", "serve", "--content", "content", "--port", "0"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, PYTHONUNBUFFERED="1", PYTHONPATH=str(ROOT)),
        )
        self.lines: list[str] = []
        self.url = ""
        ready = threading.Event()
        threading.Thread(target=self._read, args=(ready,), daemon=True).start()
        if not ready.wait(120):
            raise SystemExit("serve did not start:\n" + "".join(self.lines))

    def _read(self, ready: threading.Event) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            # "serving content at <url>", not "review drafts at <url>_review/", printed just before it: taking the
            # first address printed sent the browser to a 404 page under /_review/ whenever this thread read the
            # review line before the main thread read self.url (a busy machine), which then waited 30 s in vain.
            if line.startswith("serving content at http://"):
                self.url = line.split(" at ")[1].split(" ")[0]
                ready.set()

    def build_times(self) -> list[float]:
        return [float(m.group(1)) for line in self.lines if (m := re.search(r"built \d+ pages in (\d+) ms", line))]

    def stop(self) -> None:
        self.proc.send_signal(2)  # SIGINT, as Ctrl-C
        self.proc.wait(20)


def save(path: Path, text: str) -> None:
    """How editors save: write a temp file beside the original, rename it over."""
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


def connected(page: Page) -> None:
    page.wait_for_function("window.LiveReload && window.LiveReload.connector && window.LiveReload.connector.protocol > 0")


def measure(case: Case, page: Page, runs: int) -> tuple[list[float], list[float]]:
    server = Server(case.project)
    try:
        page.goto(f"{server.url}topics/{case.entry}/")
        connected(page)
        path = case.project / "content" / "entries" / f"{case.entry}.yaml"
        original = path.read_text("utf-8")
        latencies = []
        for run in range(runs):
            title = f"Revision {run} of this event title"
            text = EVENT_TITLE.sub(lambda m: m.group(1) + title, original, count=1)
            saved = time.time() * 1000
            save(path, text)
            # (while the page reloads there is a moment with no <main> yet)
            try:
                page.wait_for_function("t => !!document.querySelector('main')?.textContent.includes(t)", arg=title,
                                       polling=20, timeout=30_000)
            except Exception:
                print(f"{case.name}: save {run} not shown after 30 s; the server said:\n" + "".join(server.lines[-20:]), file=sys.stderr)
                raise
            # Timed inside the browser (wall clock, same machine): when the reloaded page first
            # painted; Playwright's own polling would add its latency to the figure.
            shown = page.evaluate(SHOWN_AT)
            latencies.append(shown - saved)
            connected(page)
            time.sleep(0.3)  # let the browser settle so runs do not overlap
        return latencies, server.build_times()[1:]  # [0] is the initial build
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--only", choices=["example", "synthetic"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        cases = []
        if args.only != "synthetic":
            cases.append(example(Path(tmp)))
        if args.only != "example":
            cases.append(synthetic(Path(tmp), args.events))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"{'site':<26} {'rebuild ms (median)':>20} {'save→shown ms: median':>22} {'p90':>6} {'max':>6}")
        for case in cases:
            # The pages' Content-Security-Policy forbids eval, through which Playwright polls page state;
            # bypassing it for the harness changes nothing the page itself runs.
            page = browser.new_page(bypass_csp=True)
            latencies, builds = measure(case, page, args.runs)
            page.close()
            p90 = statistics.quantiles(latencies, n=10, method="inclusive")[-1] if len(latencies) > 1 else latencies[0]
            print(f"{case.name:<26} {statistics.median(builds) if builds else float('nan'):>20.0f} "
                  f"{statistics.median(latencies):>22.0f} {p90:>6.0f} {max(latencies):>6.0f}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
