"""The HTTP side of the preview: the site from memory, and the livereload channel.

In: a function returning the current :class:`~.rebuild.Preview`. Out: a
tornado application serving

- every file of the site from memory (``/`` and ``/x/`` mean ``index.html``;
  unknown paths get ``404.html`` with status 404), HTML with the reload
  script and, after a failed rebuild, the error overlay, never cached; other
  files with an ETag, revalidated on each use;
- ``/livereload.js``, the browser client shipped in the ``livereload`` package, cached;
- ``/livereload``, the websocket that tells browsers to reload;
- the error overlay's stylesheet;
- the review page, ``/_review/`` (see :mod:`.review`).

Everything here runs on the event-loop thread; other threads reach it only
through ``loop.call_soon_threadsafe``.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import livereload  # type: ignore[import-untyped]  # livereload ships no type information; only its folder is used
from tornado import web, websocket

from .inject import OVERLAY_CSS, OVERLAY_CSS_PATH, error_page, inject, reload_script
from .local import LocalOnly
from .rebuild import Preview, describe

PROTOCOL = "http://livereload.com/protocols/official-7"
CLIENT = Path(livereload.__file__).parent / "vendors" / "livereload.js"  # the browser client the package ships
_TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
          ".json": "application/json; charset=utf-8", ".txt": "text/plain; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


class Browsers:
    """The connected pages; :meth:`reload` tells each to reload."""

    def __init__(self, current: Callable[[], Preview]) -> None:
        self.current = current
        self.sockets: set[ReloadSocket] = set()

    def reload(self, path: str = "*") -> None:
        for socket in list(self.sockets):
            socket.send_reload(path)

    def close_all(self) -> None:
        for socket in list(self.sockets):
            socket.close()


class ReloadSocket(websocket.WebSocketHandler, LocalOnly):
    """The server half of the livereload protocol (version 7).

    The page says hello with ``snipver``: the build it was served from. If a
    newer build was published while the page loaded, it reloads at once, so
    no page is left stale between its request and its connection.
    """

    def initialize(self, browsers: Browsers) -> None:
        self.browsers = browsers

    def on_message(self, message: str | bytes) -> None:
        try:
            data = json.loads(message)
        except ValueError:
            return
        if not isinstance(data, dict) or data.get("command") != "hello":
            return  # "info" and anything else need no answer
        self.write_message({"command": "hello", "protocols": [PROTOCOL], "serverName": "site-builder"})
        self.browsers.sockets.add(self)
        if data.get("snipver") != self.browsers.current().generation:
            self.send_reload("*")

    def send_reload(self, path: str) -> None:
        try:
            self.write_message({"command": "reload", "path": path, "liveCSS": False, "liveImg": False})
        except websocket.WebSocketClosedError:
            self.browsers.sockets.discard(self)

    def on_close(self) -> None:
        self.browsers.sockets.discard(self)


class SiteHandler(LocalOnly):
    """One file of the current preview, from memory."""

    def initialize(self, browsers: Browsers, port: Callable[[], int]) -> None:
        self.browsers = browsers
        self.port = port

    def get(self, path: str) -> None:
        self._send(path, body=True)

    def head(self, path: str) -> None:
        self._send(path, body=False)

    def _send(self, path: str, body: bool) -> None:
        preview = self.browsers.current()
        script = reload_script(self.port(), preview.generation)
        self.set_header("Cache-Control", "no-store")  # a page carries its build's number: never kept
        if not preview.files:  # no good build yet: every path shows the error
            self.set_status(500)
            self._write(".html", error_page(script, preview.error or "building…"), body)
            return
        name = path + "index.html" if path == "" or path.endswith("/") else path
        if name not in preview.files and name + "/index.html" in preview.files:
            self.redirect("/" + quote(name) + "/")  # relative links in pages need the trailing slash
            return
        if name not in preview.files:
            self.set_status(404)
            name = "404.html"
        try:
            data = preview.files.get(name, b"Not found")  # a page of a lazy rebuild is rendered here
        except Exception as exc:  # noqa: BLE001 - a template error on this page: shown, and the server stays up
            self.set_status(500)
            self._write(".html", error_page(script, describe(exc)), body)
            return
        if name.endswith(".html"):
            data = inject(data, script, preview.error)
        elif self.get_status() == 200:
            # Any other file (the stylesheet, scripts, feeds) is kept and revalidated: a reload after a save gets
            # "304 Not Modified" for the stylesheet while its bytes are the same, instead of the bytes again.
            self.set_header("Cache-Control", "no-cache")
            self.set_header("Etag", f'"{hashlib.sha1(data).hexdigest()}"')
            if self.check_etag_header():
                self.set_status(304)
                return
        self._write(name, data, body)

    def _write(self, name: str, data: bytes, body: bool) -> None:
        suffix = "." + name.rpartition(".")[2] if "." in name else ""
        self.set_header("Content-Type", _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream")
        self.set_header("Content-Length", str(len(data)))
        if body:
            self.write(data)


class OverlayCss(LocalOnly):
    def get(self) -> None:
        self.set_header("Content-Type", _TYPES[".css"])
        self.set_header("Cache-Control", "no-store")
        self.write(OVERLAY_CSS)


class ClientScript(LocalOnly):
    """livereload.js; cacheable, since it never changes while the server runs."""

    def initialize(self, script: bytes) -> None:
        self.script = script

    def get(self) -> None:
        self.set_header("Content-Type", _TYPES[".js"])
        self.set_header("Cache-Control", "max-age=3600")
        self.write(self.script)


def application(browsers: Browsers, port: Callable[[], int], allowed_hosts: frozenset[str] | None,
                content: Path | None = None) -> web.Application:
    """``allowed_hosts``: the host names requests may be addressed to (None: any).
    ``content``: the content folder, for the review page at ``/_review/`` (None: no review page)."""
    from .review.handlers import Review, routes  # here: the review page's modules load only when it is served

    review = routes(Review(content, port, loopback=allowed_hosts is not None)) if content is not None else []
    handlers: list[Any] = [
        *review,
        (r"/livereload", ReloadSocket, {"browsers": browsers}),
        (r"/livereload\.js", ClientScript, {"script": CLIENT.read_bytes()}),
        (re.escape(OVERLAY_CSS_PATH), OverlayCss),
        (r"/(.*)", SiteHandler, {"browsers": browsers, "port": port}),
    ]
    # log_function: no access log; the terminal is for build status.
    return web.Application(handlers, log_function=lambda handler: None, allowed_hosts=allowed_hosts)
