"""The `build` command of two source trees, back to back: cold, and again after a one-event edit.

    python bench/ab.py /tmp/before . --events 4000 --runs 5 [-- --jobs 1]

Each tree gets its own generated case (bench/generate.py, the same for both) on tmpfs; the trees alternate
run by run. Per run: a cold `build --no-search` (no cache, no output), then the same edit bench/run.py makes
and `build` again. Reported per tree: the median and best wall time, and the median and best CPU time of the
command with its render workers (user + system time of the finished child processes). Arguments after
``--`` go to `build`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import edit_event  # noqa: E402


def timed(tree: Path, project: Path, extra: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one `build` of ``project`` with the package of ``tree``."""
    cmd = [sys.executable, "-m", "site_builder.cli", "build", "--no-search",
           "--content", str(project / "content"), "--out", str(project / "dist"), *extra]
    before, start = os.times(), time.perf_counter()
    # Run from the project's folder: `python -m` puts the working folder first on sys.path, before PYTHONPATH, so
    # from a checkout both trees would run the checkout's package.
    subprocess.run(cmd, env={**os.environ, "PYTHONPATH": str(tree)}, stdout=subprocess.DEVNULL, check=True, cwd=project)
    wall, after = time.perf_counter() - start, os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", type=Path, nargs=2, help="the two source trees (e.g. an older checkout and this one)")
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("extra", nargs="*", help="arguments for `build` (after --)")
    args = parser.parse_args()
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="sb-ab-", dir=scratch) as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "xdg"))  # the cache's signing key, kept out of ~/.cache
        trees = [tree.resolve() for tree in args.trees]
        projects = [Path(tmp) / f"case{i}" for i in range(2)]
        for project in projects:
            generate(args.events, project)
        times: dict[tuple[int, str], list[tuple[float, float]]] = {}
        for run in range(args.runs):
            for i, (tree, project) in enumerate(zip(trees, projects)):
                shutil.rmtree(project / "dist", ignore_errors=True)
                shutil.rmtree(project / ".site-builder-cache", ignore_errors=True)
                times.setdefault((i, "cold"), []).append(timed(tree, project, args.extra))
                edit_event(project, run)
                times.setdefault((i, "edit"), []).append(timed(tree, project, args.extra))
        for (i, kind), spent in times.items():
            walls, cpus = [w for w, _ in spent], [c for _, c in spent]
            print(f"{str(args.trees[i]):<24} {kind:<5} wall median {statistics.median(walls):.2f} s (best {min(walls):.2f})"
                  f"  CPU median {statistics.median(cpus):.2f} s (best {min(cpus):.2f})")


if __name__ == "__main__":
    main()
