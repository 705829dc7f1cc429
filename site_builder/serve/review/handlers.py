"""The review page's HTTP side: ``GET /_review/`` and ``POST /_review/api``.

In: the content folder, the server's port and whether it listens on loopback
only. Out: tornado routes, mounted by :func:`site_builder.serve.app.application`
before the site's catch-all route. Nothing here is part of ``build``.

Who may write: the page changes the user's files, so a write must come from
this page, in a browser on this machine:

- the server listens on loopback (127.0.0.1/localhost/::1) — otherwise the
  review page and its API answer 403 (other machines could reach it);
- the request is addressed to a loopback name (DNS rebinding; see local.LocalOnly);
- ``Origin`` is this server's own origin (``http://<Host>`` with its port),
  and ``Sec-Fetch-Site``, when the browser sends it, is ``same-origin``;
- the body is JSON (``Content-Type: application/json``, which a cross-site
  form cannot send without a CORS preflight, and no CORS header is ever sent);
- it carries the per-server random token embedded in the page.

Only POST writes; any other method gets 405.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tornado import web

from ...errors import ContentErrors, SiteBuilderError
from ..local import LocalOnly
from . import page
from .store import Action, Conflict, Refused, ReviewStore
from .yamledit import GROUP_MODELS, ReviewRequestError, Target

LOOPBACK_ONLY = "the review page works only while site-builder serve listens on this machine alone (--host 127.0.0.1)"


@dataclass
class Review:
    """What the handlers share: the store, the session token, the port, and whether writes are allowed at all."""

    content: Path
    port: Callable[[], int]
    loopback: bool
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    store: ReviewStore = field(init=False)

    def __post_init__(self) -> None:
        self.store = ReviewStore(self.content)


class ReviewHandler(LocalOnly):
    def initialize(self, review: Review) -> None:
        self.review = review

    def prepare(self) -> None:
        super().prepare()
        if not self.review.loopback:
            raise web.HTTPError(403, LOOPBACK_ONLY)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        reason = self._reason
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, web.HTTPError) and exc.log_message:
            reason = exc.log_message
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code}: {reason}\n")


class PageHandler(ReviewHandler):
    """The review page, made afresh from the files on every request."""

    def get(self) -> None:
        by = "strand" if self.get_argument("by", "") == "strand" else "source"
        store = self.review.store
        hashes = store.hashes()  # before loading: a save in between makes the page's hash stale, never wrong
        try:
            content, error = store.load(), None
        except ContentErrors as exc:
            content, error = None, exc.report()
        except SiteBuilderError as exc:
            content, error = None, f"error: {exc}"
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", page.CSP)
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.write(page.render(content, error, by, self.review.token, hashes))


class AssetHandler(ReviewHandler):
    # tornado passes a route's keyword arguments to initialize(), so each handler takes its own; mypy sees a
    # narrowing of ReviewHandler.initialize's signature
    def initialize(self, review: Review, data: bytes, kind: str) -> None:  # type: ignore[override]
        self.review = review
        self.data = data
        self.kind = kind

    def get(self) -> None:
        self.set_header("Content-Type", self.kind)
        self.set_header("Cache-Control", "no-store")
        self.write(self.data)


class ApiHandler(ReviewHandler):
    """One action per POST: ``{"token", "hashes", "action", "target", ...}`` → ``{"message"}`` or an error."""

    def post(self) -> None:
        self._same_origin()
        body = self._body()
        if not isinstance(body.get("token"), str) or not hmac.compare_digest(body["token"], self.review.token):
            self._fail(403, "missing or wrong review token: reload the review page")
            return
        hashes = body.get("hashes")
        if not isinstance(hashes, Mapping):
            hashes = {}
        try:
            if body.get("action") == "undo":
                message = self.review.store.undo()
            else:
                message = self.review.store.apply(_action(body), {str(k): str(v) for k, v in hashes.items()})
        except Conflict as exc:
            self._fail(409, str(exc))
        except Refused as exc:
            self._fail(422, "Refused: this change would break the build", exc.lines)
        except ReviewRequestError as exc:
            self._fail(400, str(exc))
        else:
            self._json(200, {"message": message})

    def _same_origin(self) -> None:
        origin = self.request.headers.get("Origin")
        host = self.request.headers.get("Host", "")
        expected = {f"http://{name}:{self.review.port()}" for name in self.settings["allowed_hosts"] or ()}
        if origin is None or origin != f"http://{host}" or origin not in expected:
            raise web.HTTPError(403, "writes are accepted only from the review page itself (same origin)")
        if self.request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
            raise web.HTTPError(403, "writes are accepted only from the review page itself (same origin)")
        if self.request.headers.get("Content-Type", "").split(";")[0].strip().lower() != "application/json":
            raise web.HTTPError(415, "send the action as JSON (Content-Type: application/json)")

    def _body(self) -> dict[str, Any]:
        try:
            body = json.loads(self.request.body or b"null")
        except ValueError:
            raise web.HTTPError(400, "the body is not JSON") from None
        if not isinstance(body, dict):
            raise web.HTTPError(400, "the body must be a JSON object")
        return body

    def _fail(self, status: int, error: str, problems: list[str] | None = None) -> None:
        self._json(status, {"error": error, "problems": problems or []})

    def _json(self, status: int, data: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(data))


def _target(data: object, name: str = "target") -> Target:
    if not isinstance(data, Mapping) or not all(isinstance(data.get(k), str) for k in ("file", "group", "id")):
        raise ReviewRequestError(f"'{name}' must give the item's file, group and id")
    if data["group"] not in GROUP_MODELS:
        raise ReviewRequestError(f"unknown group '{data['group']}'")
    return Target(data["file"], data["group"], data["id"])


def _action(body: Mapping[str, Any]) -> Action:
    """The request body as an :class:`Action` (ReviewRequestError if it is malformed)."""
    kind = body.get("action")
    fields = body.get("fields") or {}
    if not isinstance(fields, Mapping):
        raise ReviewRequestError("'fields' must be an object")
    other = _target(body.get("other"), "other") if kind == "merge" else None
    state = body.get("state", "")
    strand = body.get("strand", "")
    if not isinstance(state, str) or not isinstance(strand, str):
        raise ReviewRequestError("'state' and 'strand' must be text")
    return Action(str(kind), _target(body.get("target")), state, dict(fields), strand, other)


def routes(review: Review) -> list[tuple[str, type[web.RequestHandler], dict[str, object]]]:
    """The review page's routes, to go before the site's catch-all."""
    return [
        (r"/_review/?", PageHandler, {"review": review}),
        (r"/_review/api", ApiHandler, {"review": review}),
        (r"/_review/review\.js", AssetHandler, {"review": review, "data": page.SCRIPT, "kind": "text/javascript; charset=utf-8"}),
        (r"/_review/review\.css", AssetHandler, {"review": review, "data": page.STYLE, "kind": "text/css; charset=utf-8"}),
    ]
