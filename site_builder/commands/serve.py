"""`site-builder serve`: build, serve on 127.0.0.1, rebuild on save, reload the browser."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import webbrowser
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..serve import Outcome

MAX_PORT = 65535  # the largest TCP port (serve.server has the same limit; the server and tornado are imported only to serve)

HELP = "preview the site: build, serve it locally, rebuild and reload the browser on every save"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=port, default=8000, help="port (default: 8000; the next free one if busy; 0: any free port)")
    parser.add_argument("--open", action="store_true", help="open the site in the default web browser")
    parser.add_argument("--no-drafts", action="store_true", help="hide draft items, as a plain `build` does")


def port(value: str) -> int:
    """The --port value: a TCP port number, or 0 for any free one; anything else is a usage error (exit 2)."""
    number = int(value) if value.isascii() and value.isdigit() else -1
    if not 0 <= number <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to {MAX_PORT}, found {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: `site-builder --help` and the other commands need none of it (lazy imports: start-up time).
    from ..serve import PreviewServer, ServeError, ServeOptions

    if not args.content.is_dir():  # a typo, not an edit in progress: say so instead of serving an error page
        raise ServeError(f"content folder not found: {args.content}")
    options = ServeOptions(args.content, host=args.host, port=args.port, drafts=not args.no_drafts)
    server = PreviewServer(options, report=_report)
    # SIGTERM (e.g. from a process manager) stops as cleanly as Ctrl-C.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        first = server.start()
        if server.moved_from is not None:
            print(f"port {server.moved_from} is busy; using {server.port} instead")
        drafts = "drafts hidden" if args.no_drafts else "drafts shown"
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"listening on {args.host}: other machines can reach this preview ({drafts})")
        _report(first)
        if server.review_enabled:
            print(f"review drafts at {server.url}_review/")
        print(f"serving {args.content} at {server.url} ({drafts}); Ctrl-C to stop", flush=True)
        if args.open:
            webbrowser.open(server.url)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
    print("stopped")
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _report(outcome: Outcome) -> None:
    stamp = time.strftime("%H:%M:%S")
    what = _names(outcome.changed)
    if outcome.error is None:
        print(f"{stamp} built {outcome.pages} pages in {outcome.seconds * 1000:.0f} ms{what}", flush=True)
    else:
        print(outcome.error, file=sys.stderr, flush=True)
        print(f"{stamp} build failed{what}: the browser shows the error until the next good save", flush=True)


def _names(paths: tuple[Path, ...]) -> str:
    if not paths:
        return ""
    names = [os.path.relpath(p) if p.is_absolute() and p.is_relative_to(Path.cwd()) else str(p) for p in paths]
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return " (changed: " + ", ".join(names[:3]) + more + ")"
