"""Helpers for the third-party quality gates (test_quality_*.py).

- :func:`node_file`: a file of the npm packages installed from package.json
  (vnu-jar, axe-core); ``make test`` runs ``npm ci`` first.
- :func:`run_vnu`: the Nu Html Checker over many folders in one JVM.
- :func:`serving`: a built site over HTTP on 127.0.0.1, under the path of its
  base URL, as a static host would serve it: ``404.html`` for unknown paths
  and the headers from the site's own ``_headers`` file.
- :func:`contrast`: the WCAG contrast ratio of two CSS colours.
- :func:`live_markup`: markup in a page that the theme did not put there.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def node_file(relative: str) -> Path:
    """``node_modules/<relative>``, or a failure that says how to install it (a gate must not skip silently)."""
    path = NODE_MODULES / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `npm ci` (or `make test`, which does) to install the checkers in package.json")
    return path


def run_vnu(folders: list[Path]) -> list[dict[str, Any]]:
    """Every message of the Nu Html Checker on every HTML file under ``folders`` (one JVM for all)."""
    jar = node_file("vnu-jar/build/dist/vnu.jar")
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(jar), "--skip-non-html", "--also-check-css", "--format", "json", "--exit-zero-always",
         *map(str, folders)],
        capture_output=True, text=True, timeout=300,
    )
    try:
        return list(json.loads(done.stderr or done.stdout)["messages"])
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not report JSON (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """A Netlify/Cloudflare ``_headers`` file: URL pattern -> {header: value}."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            assert current is not None, f"header line before any path pattern: {line!r}"
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


def headers_for(rules: dict[str, dict[str, str]], path: str) -> dict[str, str]:
    """The headers a host sends for ``path``: every matching rule in order, a later one detaching
    (``! Name``, Cloudflare Pages syntax) or replacing what an earlier one set."""
    sent: dict[str, str] = {}
    for pattern, headers in rules.items():
        if not (path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern):
            continue
        for name, value in headers.items():
            if name.startswith("! "):
                sent.pop(name[2:], None)
            else:
                sent[name] = value
    return sent


@dataclass(frozen=True)
class Served:
    url: str  # ends with "/": the site's root
    origin: str  # scheme://host:port


@contextmanager
def serving(folder: Path, prefix: str = "/", port: int = 0) -> Iterator[Served]:
    """Serve ``folder`` at ``http://127.0.0.1:<port><prefix>`` like a static host (any free port by default)."""
    rules = parse_headers_file((folder / "_headers").read_text("utf-8"))
    not_found = (folder / "404.html").read_bytes()

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def translate_path(self, path: str) -> str:
            path = unquote(path.split("?", 1)[0].split("#", 1)[0])
            if not path.startswith(prefix):
                return str(folder / ".outside-the-site")  # never exists: answered with 404.html
            return super().translate_path(quote(path[len(prefix) - 1:]))

        def end_headers(self) -> None:
            for name, value in headers_for(rules, unquote(self.path.split("?", 1)[0])).items():
                self.send_header(name, value)
            super().end_headers()

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                super().send_error(code, message, explain)
                return
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(not_found)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # the browser moved on
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield Served(origin + prefix, origin)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


_RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")


def rgb(css: str) -> tuple[float, float, float]:
    match = _RGB.fullmatch(css.strip())
    assert match, f"not an rgb() colour: {css!r}"
    return float(match[1]), float(match[2]), float(match[3])


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``rgb(...)`` colours (1 to 21)."""

    def luminance(css: str) -> float:
        channels = [c / 255 for c in rgb(css)]
        r, g, b_ = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# What content may never turn into: elements that run code, load from elsewhere
# or change the page's behaviour. The theme itself uses none of them (its one
# form is the timeline filter, its links are stylesheet/icon/canonical/alternate).
_FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "img", "svg", "math", "style", "base", "input", "button",
                   "textarea", "video", "audio", "source", "picture", "applet", "template", "noscript"}
_URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "xlink:href", "data"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


class _LiveMarkup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: str | None = None  # the type of the <script> being read
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        if tag in _FORBIDDEN_TAGS:
            self.found.append(f"forbidden element {where}")
        for name, value in attrs:
            if name.startswith("on") or name == "style" or name == "srcdoc":
                self.found.append(f"forbidden attribute {name} in {where}")
            if name in _URL_ATTRS and value and _CONTROL.sub("", value).lower().startswith(_BAD_SCHEMES):
                self.found.append(f"script URL in {where}")
        if tag == "script":
            if values.get("type") == "application/ld+json" and "src" not in values:
                self.script, self.text = "json", []
            elif set(values) == {"src", "defer"} and (values["src"] or "").endswith("static/timeline.js"):
                self.script, self.text = "theme", []
            else:
                self.found.append(f"script {where}")
                self.script, self.text = "other", []
        if tag == "meta" and "http-equiv" in values and (values["http-equiv"] or "").lower() != "content-security-policy":
            self.found.append(f"http-equiv meta {where}")
        if tag == "link" and (values.get("rel") or "") not in ("stylesheet", "icon", "canonical", "alternate"):
            self.found.append(f"link {where}")
        if tag == "form" and values.get("class") != "js-filter":
            self.found.append(f"form {where}")

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            body = "".join(self.text)
            if self.script == "json":
                try:
                    json.loads(body)
                except ValueError:
                    self.found.append(f"JSON-LD block that is not JSON: {body[:200]!r}")
            elif body.strip():
                self.found.append(f"inline code in a script element: {body[:200]!r}")
            self.script = None


def live_markup(html: str) -> list[str]:
    """Elements, attributes and URLs in ``html`` that would run, load or inject something."""
    parser = _LiveMarkup()
    parser.feed(html)
    parser.close()
    return parser.found
