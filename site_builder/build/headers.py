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
'self'`` is for the preview server's livereload websocket and for the
search page, which fetches its Pagefind index from the site itself.

Two pages differ, each by exactly what it needs: the search page may compile
WebAssembly ('wasm-unsafe-eval', for Pagefind), and the embeddable timeline
(``embed/``) may be framed by any site. ``_headers`` gives each its own
rule after the one for every page; the rule first detaches (``! Name``, the
Cloudflare Pages syntax) the headers it replaces, so that the two policies
are not both enforced.
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


def csp(path: str) -> str:
    """The policy of the page at output ``path`` (for its <meta> tag)."""
    return SEARCH_CSP if path.startswith("search/") else CSP

# frame-ancestors is ignored in a <meta> policy, so only the header carries it.
FRAMED_CSP = CSP + "; frame-ancestors *"  # the embed: any site may frame it (its links open in the top window)
HEADERS = (
    ("Content-Security-Policy", CSP + "; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)


# Per-page exceptions: (folder of the site, headers detached, headers set instead).
# Pagefind compiles its wasm in a worker (pagefind/pagefind-worker.js), and a worker follows the policy sent
# with its own script, so the bundle's folder gets the search page's policy too.
EXCEPTIONS = (
    ("search/", ("Content-Security-Policy",), (("Content-Security-Policy", SEARCH_CSP + "; frame-ancestors 'none'"),)),
    ("pagefind/", ("Content-Security-Policy",), (("Content-Security-Policy", SEARCH_CSP + "; frame-ancestors 'none'"),)),
    ("embed/", ("Content-Security-Policy", "X-Frame-Options"), (("Content-Security-Policy", FRAMED_CSP),)),
)


def headers_file(base_path: str = "/") -> bytes:
    """``_headers``: every path of the site gets the headers above; the search page and the embed their exceptions.
    ``base_path``: the path of the site's base URL ('/rust-case/'), which the exceptions' patterns start with."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS]
    for folder, detached, replaced in EXCEPTIONS:
        lines += ["", f"{base_path}{folder}*"] + [f"  ! {name}" for name in detached]
        lines += [f"  {name}: {value}" for name, value in replaced]
    return ("\n".join(lines) + "\n").encode("utf-8")
