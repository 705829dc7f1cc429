"""Security headers for the built site.

In: nothing (the policy follows from what the default theme loads). Out: the
Content-Security-Policy that ``base.html`` puts in a ``<meta>`` tag, and the
bytes of ``_headers`` (the Netlify / Cloudflare Pages format) that send the
same policy, plus the headers a meta tag cannot carry, from static hosts
that read it. The README shows the same headers for nginx and Apache.

Why the policy looks like this: pages load only their own stylesheet and
``static/timeline.js``; the one inline ``<script>`` is the JSON-LD data
block, which browsers never execute, so it needs no hash or nonce. No inline
script, inline style or third-party origin is allowed. ``connect-src
'self'`` is for the preview server's livereload websocket; the built site
itself fetches nothing.
"""

from __future__ import annotations

CSP_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
)
CSP = "; ".join(CSP_DIRECTIVES)
# The search page runs Pagefind, which compiles its WebAssembly: that, and only on that page, needs 'wasm-unsafe-eval'
# (it allows compiling wasm, not JavaScript eval). Pagefind fetches its index from the site itself (connect-src 'self').
SEARCH_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
SEARCH_PAGES = "/search/*"
# The embeddable timeline is the one page other sites may frame.
EMBED_PAGES = "/embed/*"


def csp(path: str) -> str:
    """The policy of the page at output ``path`` (for its <meta> tag)."""
    return SEARCH_CSP if path.startswith("search/") else CSP

# frame-ancestors is ignored in a <meta> policy, so only the header carries it.
HEADERS = (
    ("Content-Security-Policy", CSP + "; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)


def headers_file() -> bytes:
    """``_headers``: every path of the site gets the headers above."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS]
    return ("\n".join(lines) + "\n").encode("utf-8")
