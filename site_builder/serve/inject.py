"""What only the preview server adds to HTML: the reload script and the error overlay.

In: a built page (bytes), the site generation it belongs to, and the latest
build error if any. Out: the page as served. ``build`` output never passes
through here, so it never contains either.
"""

from __future__ import annotations

import html

OVERLAY_ID = "site-builder-error"

# Inline styles: the overlay must look the same over any theme, and must not
# depend on the site's stylesheet (which may be what is broken).
_OVERLAY = (
    '<div id="' + OVERLAY_ID + '" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;'
    "max-height:70vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;"
    'border-bottom:4px solid #c00;font:15px/1.45 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.3)">'
    '<p style="margin:0 0 .5rem;font-weight:bold">{title}</p>'
    '<pre style="margin:0;white-space:pre-wrap;word-break:break-word;font:14px/1.45 ui-monospace,monospace">{text}</pre>'
    '<p style="margin:.5rem 0 0">{hint}</p></div>'
)

_ERROR_PAGE = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>Build failed · site-builder serve</title>\n</head>\n<body>\n</body>\n</html>\n"
)


def reload_script(port: int, generation: int) -> bytes:
    """The livereload client tag. livereload.js reads host and port from its own URL; it sends
    ``snipver`` in its hello, which tells the server which build the page came from."""
    return f'<script src="/livereload.js?port={port}&amp;snipver={generation}"></script>'.encode()


def overlay(error: str, have_site: bool) -> bytes:
    title = "The last change broke the build" + (" — this page is from the last good build." if have_site else ".")
    hint = "Fix it and save: this page reloads by itself."
    return _OVERLAY.format(title=html.escape(title), text=html.escape(error), hint=html.escape(hint)).encode()


def inject(page: bytes, script: bytes, error: str | None = None, have_site: bool = True) -> bytes:
    """``page`` with the reload script at the end of <head> and, on error, the overlay at the end of <body>."""
    page = _before(page, b"</head>", script, first=True)
    if error is not None:
        page = _before(page, b"</body>", overlay(error, have_site), first=False)
    return page


def error_page(script: bytes, error: str) -> bytes:
    """Shown for every path while no build has succeeded yet."""
    return inject(_ERROR_PAGE.encode(), script, error, have_site=False)


def _before(page: bytes, tag: bytes, insert: bytes, first: bool) -> bytes:
    lower = page.lower()
    at = lower.find(tag) if first else lower.rfind(tag)
    if at < 0:  # a page without the tag (a hand-written template): still reload and still warn
        return page + insert
    return page[:at] + insert + page[at:]
