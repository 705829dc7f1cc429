"""Where a build's time goes, phase by phase, on the synthetic case (bench/generate.py).

    python bench/phases.py --events 4000 [--repeat 3]

Three builds, each timed by phase in one process (workers=1, so the phases add up), the best of
``--repeat`` runs per phase, in CPU seconds of this process (the machine is shared: wall time
swings with the other users, CPU time much less):

- cold: no cache, no previous output (what `build` does the first time, plus writing the cache);
- edit, CLI: after a one-event edit, with the cache and the previous output in place (`build` again);
- edit, serve: after a one-event edit, in memory with a warm Session (what `serve` runs).

Interpreter start-up and imports are not in these figures: `python -X importtime -m site_builder.cli
build --help` shows them (bench/run.py's wall times include them).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import edit_event  # noqa: E402  (the same one-event edit bench/run.py times)

from site_builder.build.pipeline import BuildOptions, Session, load_valid, render_site  # noqa: E402
from site_builder.content.cache import DIR, DiskCache  # noqa: E402
from site_builder.content.load import FileCache  # noqa: E402
from site_builder.build.write import write_site  # noqa: E402


def timed(phases: dict[str, float], name: str, step: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = step()
    phases[name] = min(phases.get(name, float("inf")), time.process_time() - start)
    return result


def disk_build(project: Path, phases: dict[str, float]) -> None:
    options = BuildOptions(project / "content", project / "dist", cache=True)
    disk = timed(phases, "read cache", lambda: DiskCache.open(project))
    session = Session(files=FileCache(disk))
    content = timed(phases, "load + validate", lambda: load_valid(options.content, session))
    files = timed(phases, "views + render", lambda: render_site(content, options, session))
    timed(phases, "write output", lambda: write_site(files, options.out, protect=[]))
    timed(phases, "write cache", disk.save)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None  # tmpfs, as bench/run.py
    with tempfile.TemporaryDirectory(prefix="sb-phases-", dir=scratch) as tmp:
        project = Path(tmp) / "case"
        generate(args.events, project)
        results: dict[str, dict[str, float]] = {"cold": {}, "edit, CLI": {}, "edit, serve": {}}
        for run in range(args.repeat):
            shutil.rmtree(project / DIR, ignore_errors=True)
            shutil.rmtree(project / "dist", ignore_errors=True)
            disk_build(project, results["cold"])
            edit_event(project, run)
            disk_build(project, results["edit, CLI"])
        options = BuildOptions(project / "content", project / "unused")
        session = Session()
        render_site(load_valid(options.content, session), options, session)
        for run in range(args.repeat):
            edit_event(project, 100 + run)
            phases = results["edit, serve"]
            content = timed(phases, "load + validate", lambda: load_valid(options.content, session))
            timed(phases, "views + render", lambda: render_site(content, options, session))
    print(f"{args.events:,} events, CPU seconds, best of {args.repeat}:")
    for name, phases in results.items():
        detail = ", ".join(f"{k} {v:.2f}" for k, v in phases.items())
        print(f"  {name:<12} {sum(phases.values()):.2f} s  ({detail})")


if __name__ == "__main__":
    main()
