"""The review page and its two static files, as bytes.

In: the content (or the build error that stops it loading), the grouping,
the session token and the content files' hashes. Out: the HTML page, from
``page.html`` (Jinja, autoescaped: every value comes from content files).
The page's script and stylesheet are same-origin files, as the site's
Content-Security-Policy requires of every page.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from ...content.load import Content
from .cards import board

HERE = Path(__file__).resolve().parent
SCRIPT = (HERE / "review.js").read_bytes()
STYLE = (HERE / "review.css").read_bytes()
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)


def render(content: Content | None, error: str | None, by: str, token: str, hashes: dict[str, str]) -> bytes:
    """The page; ``content`` None (with ``error``, the build's problems) when the content does not load."""
    template = _ENV.get_template("page.html")
    return template.render(
        case_title=content.case.model.title if content else "",
        board=board(content, by) if content else None,
        error=error,
        by=by,
        token=token,
        hashes=json.dumps(hashes, sort_keys=True),
    ).encode("utf-8")
