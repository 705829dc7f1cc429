"""Run the preview: bind the port, build, serve, and rebuild on every burst of saves.

In: :class:`ServeOptions`. Out: a running :class:`PreviewServer` (``start``
… ``stop``, or a ``with`` block). Four threads share the work:

- the caller's thread starts and stops everything (the CLI waits for Ctrl-C);
- the event-loop thread answers HTTP and websocket requests, from whatever
  :class:`~.rebuild.Preview` is current;
- the watcher thread waits for a burst of changes, rebuilds (loads, validates,
  plans), publishes the new preview and then asks the event loop to reload the
  browsers, whose requests render the pages they show;
- the completer thread then makes the pages nobody asked for, and reports a
  page that fails to render as a failed rebuild.

Status goes to the ``report`` callback; this module never prints.
"""

from __future__ import annotations

import asyncio
import errno
import gc
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from ..build.pipeline import BuildOptions
from ..errors import ServeError
from .app import Browsers, application
from .local import LOOPBACK_NAMES
from .rebuild import Outcome, Rebuilder
from .watch import ChangeWatcher

PORT_TRIES = 20  # a busy port moves the server up to this many ports along
MAX_PORT = 65535


@dataclass(frozen=True)
class ServeOptions:
    content: Path
    host: str = "127.0.0.1"
    port: int = 8000  # 0: any free port
    drafts: bool = True
    poll: float = 0.02  # see watch.ChangeWatcher
    quiet: float = 0.01
    complete_after: float = 0.3  # seconds after a reload before the pages not asked for are made (the browser's turn)


class PreviewServer:
    def __init__(self, options: ServeOptions, report: Callable[[Outcome], None] = lambda outcome: None) -> None:
        self.options = options
        self.report = report
        self.port = 0
        self.moved_from: int | None = None  # the requested port, when it was busy
        self.rebuilder: Rebuilder | None = None
        self._sockets: list[socket.socket] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._browsers: Browsers | None = None
        self._loop_stopping = asyncio.Event()  # set on the loop's thread, by stop()
        self._to_complete = 0  # the rebuild whose remaining files the completer makes next
        self._rebuilding = False  # (both guarded by _completable)
        self._completable = threading.Condition()

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.options.host in ("", "0.0.0.0", "::") else self.options.host
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"

    @property
    def addresses(self) -> list[tuple[str, int]]:
        """The (host, port) of every listening socket."""
        return [sock.getsockname()[:2] for sock in self._sockets]

    def start(self) -> Outcome:
        """Bind, run the first build, start serving and watching; the first build's outcome."""
        self._bind()
        try:
            # Pages link to the base URL only in the 404 page, canonical links and feeds;
            # pointing it at the server keeps the 404 page's links working locally.
            options = BuildOptions(self.options.content, Path("-"), drafts=self.options.drafts, base_url=self.url)
            self.rebuilder = Rebuilder(options)
            watcher = ChangeWatcher(self.rebuilder.watch_set(), self.options.poll, self.options.quiet)
            first = self.rebuilder.rebuild()  # changes from now on are already being noticed
            watcher.rewatch(self.rebuilder.watch_set())
            self._browsers = Browsers(lambda: self._current().preview)
            ready = threading.Event()
            self._threads = [
                threading.Thread(target=self._serve, args=(ready,), name="site-builder-http", daemon=True),
                threading.Thread(target=self._watch, args=(watcher,), name="site-builder-watch", daemon=True),
                threading.Thread(target=self._complete, name="site-builder-complete", daemon=True),
            ]
            for thread in self._threads:
                thread.start()
            ready.wait(10)
        except BaseException:
            self.stop()
            raise
        return first

    def stop(self) -> None:
        """Stop watching and serving, close every connection and free the port. Safe to call twice."""
        self._stop.set()
        with self._completable:
            self._completable.notify_all()
        self._call_in_loop(self._loop_stopping.set)  # (a loop not yet running sees _stop instead)
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(10)
        self._threads = []
        for sock in self._sockets:
            sock.close()
        self._sockets = []

    def __enter__(self) -> PreviewServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _current(self) -> Rebuilder:
        assert self.rebuilder is not None
        return self.rebuilder

    def _bind(self) -> None:
        wanted = self.options.port
        if not 0 <= wanted <= MAX_PORT:
            raise ServeError(f"port {wanted} is out of range: use 0 to {MAX_PORT}")
        last = wanted if wanted == 0 else min(wanted + PORT_TRIES - 1, MAX_PORT)  # never move past the last port
        for port in range(wanted, last + 1):
            try:
                self._sockets = bind_sockets(port, address=self.options.host or None)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE and port < last:
                    continue
                if exc.errno == errno.EADDRINUSE:
                    raise ServeError(f"ports {wanted}-{port} on {self.options.host} are all in use; choose one with --port") from None
                raise ServeError(f"cannot listen on {self.options.host}:{port}: {exc.strerror or exc}") from None
            self.port = self._sockets[0].getsockname()[1]
            self.moved_from = wanted if port != wanted else None
            return

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._serve_until_stopped(ready))
        finally:
            loop.close()

    async def _serve_until_stopped(self, ready: threading.Event) -> None:
        assert self._browsers is not None
        server = HTTPServer(application(self._browsers, lambda: self.port, self._allowed_hosts(), self.options.content))
        server.add_sockets(self._sockets)
        ready.set()
        if not self._stop.is_set():
            await self._loop_stopping.wait()
        server.stop()
        self._browsers.close_all()
        await asyncio.wait_for(server.close_all_connections(), 5)

    @property
    def review_enabled(self) -> bool:
        """Whether ``/_review/`` answers: only while the server listens on loopback alone."""
        return self._allowed_hosts() is not None

    def _allowed_hosts(self) -> frozenset[str] | None:
        """On loopback, answer only to loopback names (see local.LocalOnly); elsewhere to any."""
        host = self.options.host
        if host in LOOPBACK_NAMES or host.startswith("127."):
            return LOOPBACK_NAMES | {host}
        return None

    def _watch(self, watcher: ChangeWatcher) -> None:
        rebuilder = self._current()
        while (changes := watcher.wait(self._stop)) is not None:
            # The cyclic collector stays off until the completer has run: its first pass after a rebuild
            # scans the caches' whole heap (≈0.1 s at 4,000 events), which belongs after the browser's reload.
            with self._completable:
                self._rebuilding = True
                gc.disable()
            outcome = rebuilder.rebuild(changes, lazy=True)  # the open page is rendered when the browser asks for it
            self._tell(outcome)
            watcher.rewatch(rebuilder.watch_set())  # after the reload: 8 ms for 400 cited files (a change meanwhile is still seen)
            with self._completable:
                self._to_complete = outcome.generation
                self._rebuilding = False
                self._completable.notify_all()

    def _complete(self) -> None:
        """Make the pages nobody asked for, once the browsers have had their turn; report a page that fails."""
        rebuilder = self._current()
        done = 0
        while not self._stop.is_set():
            with self._completable:
                self._completable.wait_for(lambda: self._to_complete != done or self._stop.is_set())
                generation = done = self._to_complete
            # The browser reloads now: leave the CPU to it (and the page's request the lock) before rendering the rest.
            if self._stop.wait(self.options.complete_after):
                break
            failed = rebuilder.complete(generation, go_on=lambda: not self._stop.is_set())
            if failed is not None:
                self._tell(failed)
            with self._completable:
                if self._to_complete == done and not self._rebuilding:  # none newer: collect now, before the next save
                    gc.enable()
        gc.enable()

    def _tell(self, outcome: Outcome) -> None:
        """Report an outcome and reload the browsers."""
        try:
            self.report(outcome)
        except OSError:  # the terminal went away (a closed pipe): keep serving the browsers
            pass
        if not self._stop.is_set():
            self._call_in_loop(self._reload_browsers)

    def _reload_browsers(self) -> None:
        if self._browsers is not None:
            self._browsers.reload()

    def _call_in_loop(self, callback: Callable[[], None]) -> None:
        loop = self._loop
        try:
            if loop is not None and loop.is_running():
                loop.call_soon_threadsafe(callback)
        except RuntimeError:  # the loop closed in between: we are stopping anyway
            pass
