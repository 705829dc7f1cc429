"""Which URLs the site may publish.

In: a URL from content (a source's ``url``, ``site.base_url``) or the
command line (``--base-url``). Out: the same text, or ValueError. Only an
absolute http(s) URL with a host passes: no ``javascript:``/``data:``
scheme, no scheme-relative ``//host``, no bare path (sitemaps and Atom
feeds need absolute URLs), and nothing that could end a line, an attribute
or a tag where the URL is written (whitespace, control and invisible
formatting characters, and the ASCII that RFC 3986 never allows).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

NOT_IN_URLS = frozenset('"<>\\^`{|}')  # ASCII that RFC 3986 never allows in a URL (percent-encode it)


def check_http_url(value: str) -> str:
    """``value`` if it is an absolute http(s) URL with a host; otherwise ValueError saying what was expected."""
    if not value.startswith(("https://", "http://")) or any(_forbidden(c) for c in value) or not _has_host(value):
        raise ValueError(f"expected an http(s) URL, found {value!r}")
    return value


def _forbidden(char: str) -> bool:
    # Category C: controls, format characters (e.g. bidirectional overrides that disguise a URL), unassigned.
    return char.isspace() or char in NOT_IN_URLS or unicodedata.category(char).startswith("C")


def _has_host(value: str) -> bool:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return bool(parts.hostname)
