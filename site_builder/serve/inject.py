"""What only the preview server adds to HTML: the reload script and the error overlay.

In: a built page (bytes), the site generation it belongs to, and the latest
build error if any. Out: the page as served. ``build`` output never passes
through here, so it never contains either.

Pages carry a Content-Security-Policy that allows only same-origin scripts
and stylesheets, so both additions are same-origin files (``/livereload.js``
and :data:`OVERLAY_CSS_PATH`), never inline code or ``style`` attributes
(the script that carries livereload's options is never run).
"""

from __future__ import annotations

import html
import re

OVERLAY_ID = "site-builder-error"
OVERLAY_CSS_PATH = "/__site-builder/overlay.css"

# Fixed to the top of the viewport, above everything, and independent of the
# site's stylesheet (which may be what is broken).
OVERLAY_CSS = b"""#site-builder-error{all:initial;position:fixed;top:0;left:0;right:0;z-index:2147483647;display:block;
max-height:70vh;overflow:auto;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;border-bottom:4px solid #c00;
box-shadow:0 2px 12px rgba(0,0,0,.3);font:15px/1.45 system-ui,sans-serif}
#site-builder-error p{margin:0;font:inherit}
#site-builder-error .sb-title{margin-bottom:.5rem;font-weight:bold}
#site-builder-error .sb-hint{margin-top:.5rem}
#site-builder-error pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,monospace;color:inherit}
"""

_OVERLAY = (
    '<div id="' + OVERLAY_ID + '" role="alert"><p class="sb-title">{title}</p>'
    '<pre>{text}</pre><p class="sb-hint">{hint}</p></div>'
)

_ERROR_PAGE = (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>Build failed · site-builder serve</title>\n</head>\n<body>\n</body>\n</html>\n"
)

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def reload_script(port: int, generation: int) -> bytes:
    """The livereload client tags. livereload.js reads its options from the URL of the first ``<script>`` whose
    ``src`` names it: host and port, and ``snipver``, which it sends in its hello and which tells the server
    which build the page came from. Those options sit on a script of type ``text/plain``, which the browser
    neither fetches nor runs; the script that loads has one address for every build, so the browser keeps it
    in its cache from one reload to the next (37 KB fetched and compiled again on every save, before)."""
    return (f'<script type="text/plain" src="/livereload.js?port={port}&amp;snipver={generation}"></script>'
            '<script async src="/livereload.js"></script>').encode()


def overlay(error: str, have_site: bool) -> bytes:
    title = "The last change broke the build" + (" — this page is from the last good build." if have_site else ".")
    hint = "Fix it and save: this page reloads by itself."
    return _OVERLAY.format(title=html.escape(title), text=html.escape(error), hint=html.escape(hint)).encode()


def inject(page: bytes, script: bytes, error: str | None = None, have_site: bool = True) -> bytes:
    """``page`` with the reload script at the end of <head> and, on error, the overlay first in <body>."""
    head = script
    if error is not None:
        head += f'<link rel="stylesheet" href="{OVERLAY_CSS_PATH}">'.encode()
    at = page.lower().find(b"</head>")
    page = page[:at] + head + page[at:] if at >= 0 else head + page
    if error is not None:
        body = _BODY_OPEN.search(page)
        at = body.end() if body else len(page)  # no <body> tag (a hand-written template): still warn
        page = page[:at] + overlay(error, have_site) + page[at:]
    return page


def error_page(script: bytes, error: str) -> bytes:
    """Shown for every path while no build has succeeded yet."""
    return inject(_ERROR_PAGE.encode(), script, error, have_site=False)
