"""Save-to-browser latency of `site-builder serve`.

For the example site and for a generated site with 4,000 events, this
starts the real command (`python -m site_builder.cli serve --port 0`) on a
temporary copy, opens a topic page in Chromium, then repeatedly saves a
changed event title (written to a temp file and renamed over the original,
as editors do) and measures the time from the save until the open page shows
the new title — watcher, debounce, full rebuild, reload message, page
request and page render included.

    .venv/bin/python bench/serve_latency.py [--runs 10] [--events 4000] [--only example|synthetic]

Needs Playwright and /usr/bin/chromium (as the browser tests do).
"""

from __future__ import annotations

import argparse
import os
import random
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

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
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
    """A valid generated project: ``events`` events over 5 strands, 40 people, 10 source files."""
    rnd = random.Random(4)
    project = tmp / f"synthetic-{events}"
    content, seeds = project / "content", project / "seeds"
    (content / "entries").mkdir(parents=True)
    seeds.mkdir()
    topics = [f"strand-{t}" for t in range(5)]
    people = [f"person-{p}" for p in range(40)]
    sources = 10
    case = ["title: A synthetic case", "summary: A generated case for measuring rebuild and reload times.",
            "jurisdiction: Nowhere", "updated: 2025-01-01", "site:", "  base_url: https://example.org/synthetic/", "topics:"]
    for t in topics:
        case += [f"  - id: {t}", f"    title: Strand {t}", f"    vocabulary: [{t}]"]
    sentences: list[list[str]] = [[] for _ in range(sources)]
    entries: dict[str, list[str]] = {t: [f"title: Strand {t}", "status: ongoing", f"summary: Summary of {t}.", "events:"] for t in topics}
    for i in range(events):
        who = rnd.sample(people, 2)
        date = f"{2015 + rnd.randrange(10)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        sentence = f"On {date} synthetic event {i} involved {who[0]} and {who[1]}."
        sentences[i % sources].append(sentence)
        entries[topics[i % len(topics)]] += [
            f"  - id: event-{i}", f"    date: {date}", f"    title: Synthetic event {i}", f"    people: [{', '.join(who)}]",
            "    citations:", f"      - source: source-{i % sources}", f"        quote: {sentence}", "    review: reviewed"]
    person_lines = ["people:"]
    for p in people:
        sentences[0].append(f"The record names {p} as a participant.")
        person_lines += [f"  - id: {p}", f"    name: Person {p.split('-')[1]}", "    role: Participant", "    group: other",
                         "    citations:", "      - source: source-0", f"        quote: The record names {p} as a participant.",
                         "    review: reviewed"]
    source_lines = ["sources:"]
    for s in range(sources):
        (seeds / f"source-{s}.txt").write_text("\n".join(sentences[s]) + "\n", "utf-8")
        source_lines += [f"  - id: source-{s}", f"    title: Synthetic source {s}", "    publisher: Synthetic Wire",
                         "    published: 2025-01-01", f"    file: ../seeds/source-{s}.txt", "    kind: news",
                         "    reliability: Generated text."]
    (content / "case.yaml").write_text("\n".join(case) + "\n", "utf-8")
    (content / "people.yaml").write_text("\n".join(person_lines) + "\n", "utf-8")
    (content / "sources.yaml").write_text("\n".join(source_lines) + "\n", "utf-8")
    for t, lines in entries.items():
        (content / "entries" / f"{t}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return Case(f"synthetic, {events} events", project, "strand-2")


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
            if " at http://" in line:
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
            start = time.perf_counter()
            save(path, text)
            page.wait_for_function("t => document.querySelector('main').textContent.includes(t)", arg=title,
                                   polling=5, timeout=30_000)
            latencies.append((time.perf_counter() - start) * 1000)
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
            page = browser.new_page()
            latencies, builds = measure(case, page, args.runs)
            page.close()
            p90 = statistics.quantiles(latencies, n=10)[-1] if len(latencies) > 1 else latencies[0]
            print(f"{case.name:<26} {statistics.median(builds) if builds else float('nan'):>20.0f} "
                  f"{statistics.median(latencies):>22.0f} {p90:>6.0f} {max(latencies):>6.0f}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
