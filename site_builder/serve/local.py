"""Requests the preview answers: only those addressed to a loopback name while it listens on loopback.

In: tornado's request. Out: :class:`LocalOnly`, the base of every handler of the preview (site, reload
channel, review page), which refuses any other host name with status 421.
"""

from __future__ import annotations

from tornado import web

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class LocalOnly(web.RequestHandler):
    """Refuses requests addressed to any other host name while the server listens on loopback only.

    A web page elsewhere could point its own domain at 127.0.0.1 (DNS rebinding)
    and read the preview, drafts included; such requests carry that domain's name.
    """

    def prepare(self) -> None:
        allowed = self.settings["allowed_hosts"]  # None: any (the user chose a non-local --host)
        if allowed is not None and self.request.host_name not in allowed:
            raise web.HTTPError(421, "this preview answers only to " + ", ".join(sorted(allowed)))
