"""Where a rebuild after a one-event edit spends its time, stage by stage, on the synthetic case (bench/generate.py).

    python bench/stages.py --events 4000            # the rebuild `serve` runs (a warm Session, in memory)
    python bench/stages.py --events 4000 --cli      # `build` again, with its cache and previous output
    python bench/stages.py --events 4000 --lazy     # serve's lazy rebuild + rendering the open page (the strand's)

Each stage (parsing YAML, loading, source files, validation, views, planning, rendering, each export,
writing) is wrapped in a timer of this process's CPU time; the figure per stage is its median over
``--edits`` one-event edits (the same edit bench/run.py times), the total the best rebuild. cProfile
inflates Python-heavy code several times over; these timers do not, so the stages compare fairly.
Stages nest (load_content holds load_yaml; validate holds _source_texts; plan_pages holds the *_pages).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import edit_event  # noqa: E402

import site_builder.build.pipeline as build_module  # noqa: E402
from site_builder.build import exports, pages, write  # noqa: E402
from site_builder.content import cache, load, validate  # noqa: E402
from site_builder.serve import lazy, rebuild  # noqa: E402

STAGES: list[tuple[Any, str]] = [
    (load, "load_yaml"), (build_module, "load_content"), (validate, "_source_texts"), (validate, "unpublished_references"),
    (build_module, "validate"), (build_module, "build_site"), *((pages, n) for n in (
        "topic_pages", "timeline_pages", "people_index_pages", "sources_pages", "person_pages")),
    (build_module, "plan_pages"), (build_module, "render_pages"),
    *((exports, n) for n in ("case_json", "timeline_json", "feed_xml", "topic_feed_xml", "sitemap_xml")),
    (build_module, "write_site"), (write, "unlisted"),
]


def instrument(times: dict[str, list[float]]) -> None:
    """Wrap every stage (and the cache's reading and saving) in a CPU timer adding to ``times``."""
    def timed(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                times[name].append(time.process_time() - start)
        return wrapper

    for module, name in STAGES:
        setattr(module, name, timed(name, getattr(module, name)))
    for name in ("build_site", "plan_pages", "_render", "_static_files"):  # as the lazy site imports them
        setattr(lazy, name, timed(name, getattr(lazy, name)))
    rebuild.load_valid = timed("load_valid", rebuild.load_valid)
    rebuild.cited_files = timed("cited_files", rebuild.cited_files)
    cache.DiskCache.__init__ = timed("read the cache", cache.DiskCache.__init__)  # type: ignore[method-assign]
    cache.DiskCache.save = timed("write the cache", cache.DiskCache.save)  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--cli", action="store_true", help="time `build` with its cache, not the serve rebuild")
    parser.add_argument("--lazy", action="store_true", help="time serve's lazy rebuild and the open page's rendering")
    args = parser.parse_args()
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="sb-stages-", dir=scratch) as tmp:
        project = Path(tmp) / "case"
        generate(args.events, project)
        times: dict[str, list[float]] = defaultdict(list)
        instrument(times)
        rebuilder = None
        if args.lazy:
            options = build_module.BuildOptions(project / "content", Path("-"), drafts=True, base_url="http://127.0.0.1:8000/")
            rebuilder = rebuild.Rebuilder(options)
            rebuilder.rebuild()
        elif args.cli:
            options = build_module.BuildOptions(project / "content", project / "dist", cache=True)
            session = None
            gc.disable()  # as the `build` command runs (cli.script): the collector never runs
            build_module.build(options)
        else:
            options = build_module.BuildOptions(project / "content", project / "unused")
            session = build_module.Session()
            build_module.render_site(build_module.load_valid(options.content, session), options, session)
        times.clear()
        totals = []
        for run in range(args.edits):
            entry, text = edit_event(project, run)
            start = time.process_time()
            if rebuilder is not None:
                rebuilder.rebuild(lazy=True)
                rebuilder.preview.files["topics/trial/index.html"]
            elif args.cli:
                build_module.build(options)
            else:
                build_module.render_site(build_module.load_valid(options.content, session), options, session)
            totals.append(time.process_time() - start)
            entry.write_text(text, "utf-8")
            if rebuilder is not None:  # as the server does after the reload; not part of the rebuild, so not counted
                kept = {name: list(spent) for name, spent in times.items()}
                rebuilder.complete(rebuilder.preview.generation)
                times.clear()
                times.update(kept)
    what = "`build` again" if args.cli else "serve's lazy rebuild and the open page" if args.lazy else "serve rebuild"
    print(f"{args.events:,} events, {what} after a one-event edit, CPU ms (median of {args.edits} edits per stage):")
    for name, spent in times.items():
        print(f"  {name:<24} {statistics.median(spent) * len(spent) / args.edits * 1000:7.1f}")
    print(f"  {'total (best rebuild)':<24} {min(totals) * 1000:7.1f}")


if __name__ == "__main__":
    main()
