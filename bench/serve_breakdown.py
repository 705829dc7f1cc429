"""Where save → shown goes, link by link, in `serve` at N events (bench/generate.py's case).

    python bench/serve_breakdown.py --events 4000 --runs 5

Runs the preview server in this process (the same PreviewServer the `serve` command runs, its
watcher and rebuild on their own threads) with timers on each link of the chain, opens the
edited strand's page in Chromium, saves a one-event edit (temp file renamed over the entry file,
as editors do) and reads the browser's navigation timing of the reloaded page. Every time is
wall-clock milliseconds after the save (the browser's clock is the same machine's):

    detected   the watcher's scan first sees the change (polling interval)
    burst end  the watcher reports the burst (debounce: quiet time)
    rebuilt    the rebuild is published (its CPU time, of the watcher's thread, is printed apart)
    reload     the reload message is handed to the websocket
    request    the server starts answering the page's request
    response   the server has the page's bytes ready
    interactive the page's HTML is parsed (browser)
    dcl/load   the page's DOMContentLoaded / load event ends (browser)
    shown      first contentful paint of the reloaded page (browser), the figure serve_latency.py reports

Needs Playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from playwright.sync_api import sync_playwright  # noqa: E402

from generate import generate  # noqa: E402
from serve_latency import ARGS, CHROMIUM, EVENT_TITLE, connected, save  # noqa: E402

from site_builder.serve import app, rebuild, watch  # noqa: E402
from site_builder.serve.server import PreviewServer, ServeOptions  # noqa: E402

NAV = """new Promise(done => requestAnimationFrame(() => setTimeout(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const t = x => performance.timeOrigin + x;
  done({start: performance.timeOrigin, requestStart: t(nav.requestStart), responseEnd: t(nav.responseEnd),
        interactive: t(nav.domInteractive), dcl: t(nav.domContentLoadedEventEnd), load: t(nav.loadEventEnd),
        shown: t(paint ? paint.startTime : nav.domContentLoadedEventEnd),
        resources: performance.getEntriesByType('resource').map(r => [r.name.split('/').slice(3).join('/'), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize])});
}, 0)))"""

marks: dict[str, float] = {}


def now() -> float:
    return time.time() * 1000


def first(name: str) -> None:
    marks.setdefault(name, now())


def instrument() -> None:
    """Timers on the watcher, the rebuild, the reload message and the page handler."""
    real_changed = watch.changed

    def changed(old: Any, new: Any) -> set[Path]:
        found = real_changed(old, new)
        if found:
            first("detected")
        return found

    watch.changed = changed  # type: ignore[assignment]

    def after(cls: Any, name: str, mark: str, before: str | None = None) -> None:
        real: Callable[..., Any] = getattr(cls, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if before:
                first(before)
            result = real(*args, **kwargs)
            first(mark)
            return result

        setattr(cls, name, wrapper)

    after(watch.ChangeWatcher, "wait", "burst end")
    real_rebuild = rebuild.Rebuilder.rebuild

    def timed_rebuild(*args: Any, **kwargs: Any) -> Any:
        first("rebuild start")
        cpu = time.thread_time()
        result = real_rebuild(*args, **kwargs)
        marks.setdefault("rebuild cpu", (time.thread_time() - cpu) * 1000)
        first("rebuilt")
        return result

    rebuild.Rebuilder.rebuild = timed_rebuild  # type: ignore[method-assign]
    after(app.Browsers, "reload", "reload")
    real_send = app.SiteHandler._send

    def send(self: Any, path: str, body: bool) -> None:
        if path.endswith("/") or path.endswith(".html"):
            first("request")
            real_send(self, path, body)
            first("response")
        else:
            real_send(self, path, body)

    app.SiteHandler._send = send  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--resources", action="store_true", help="print each reload's subresources")
    args = parser.parse_args()
    instrument()
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="sb-breakdown-", dir=scratch) as tmp, sync_playwright() as p:
        project = Path(tmp) / "case"
        generate(args.events, project)
        server = PreviewServer(ServeOptions(project / "content", port=0))
        server.start()
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(bypass_csp=True)
            page.goto(f"{server.url}topics/trial/")
            connected(page)
            path = project / "content" / "entries" / "trial.yaml"
            original = path.read_text("utf-8")
            for run in range(args.runs):
                title = f"Revision {run} of this event title"
                text = EVENT_TITLE.sub(lambda m: m.group(1) + title, original, count=1)
                marks.clear()
                saved = now()
                save(path, text)
                try:
                    page.wait_for_function("t => !!document.querySelector('main')?.textContent.includes(t)", arg=title,
                                           polling=20, timeout=30_000)
                except Exception:
                    preview = server.rebuilder.preview  # type: ignore[union-attr]
                    served = preview.files.get("topics/trial/index.html", b"")
                    print("TIMEOUT", run, marks, "generation", preview.generation, "error", preview.error,
                          "served has title:", title.encode() in served,
                          "page has title:", title in page.content(), "snipver in page:", page.evaluate("document.querySelector('script[src*=livereload]')?.src"))
                    raise
                nav = page.evaluate(NAV)
                row = {k: v if k == "rebuild cpu" else v - saved for k, v in marks.items()}
                row.update({"navigation": nav["start"] - saved, "browser request": nav["requestStart"] - saved,
                            "browser response": nav["responseEnd"] - saved, "dom interactive": nav["interactive"] - saved,
                            "dcl": nav["dcl"] - saved,
                            "load": nav["load"] - saved, "shown": nav["shown"] - saved})
                rows.append(row)
                if args.resources:
                    print("resources (name, start, end ms after navigation, bytes transferred):", nav["resources"])
                connected(page)
                time.sleep(0.3)
        finally:
            browser.close()
            server.stop()
    order = ["detected", "burst end", "rebuild start", "rebuilt", "reload", "navigation", "browser request", "request",
             "response", "browser response", "dom interactive", "dcl", "load", "shown"]
    print(f"{args.events:,} events, ms after the save (median of {args.runs}; each run's figures in order):")
    cpu = [r["rebuild cpu"] for r in rows if "rebuild cpu" in r]
    print(f"  {'(rebuild CPU ms)':<18} {statistics.median(cpu):7.0f}              " + " ".join(f"{v:6.0f}" for v in cpu))
    previous = 0.0
    for name in order:
        values = [r[name] for r in rows if name in r]
        if not values:
            continue
        median = statistics.median(values)
        print(f"  {name:<18} {median:7.0f}   (+{median - previous:5.0f})   " + " ".join(f"{v:6.0f}" for v in values))
        previous = median


if __name__ == "__main__":
    threading.stack_size(0)
    main()
