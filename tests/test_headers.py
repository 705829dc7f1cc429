"""The Content-Security-Policy and the `_headers` file for static hosts (site_builder/build/headers.py)."""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.build.headers import CSP, HEADERS, csp

from .checkers import parse_headers_file
from .conftest import ROOT


def test_every_page_carries_the_policy_before_anything_it_governs(example_dist: Path) -> None:
    for page in example_dist.rglob("*.html"):
        policy = csp(page.relative_to(example_dist).as_posix())
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy.replace(chr(39), "&#39;")}">'
        html = page.read_text("utf-8")
        assert html.count(meta) == 1, page
        assert html.index(meta) < min(html.index("<link"), html.index("<script")), page


def test_the_policy_allows_only_the_site_itself() -> None:
    directives = dict(d.split(" ", 1) for d in CSP.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == directives["style-src"] == "'self'"
    assert not re.search(r"unsafe-|https?:|\*|data:|blob:", CSP)


def test_headers_file_sends_the_same_policy_and_more(example_dist: Path) -> None:
    rules = parse_headers_file((example_dist / "_headers").read_text("utf-8"))
    assert list(rules)[0] == "/*"  # every page; then the search page's and the embed's exceptions (test_explainer)
    headers = rules["/*"]
    assert headers["Content-Security-Policy"] == CSP + "; frame-ancestors 'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers == dict(HEADERS)


def test_readme_server_examples_match_the_headers() -> None:
    """The nginx and Apache examples in the README must send exactly what `_headers` sends."""
    readme = (ROOT / "README.md").read_text("utf-8")
    for name, value in HEADERS:
        assert f'add_header {name} "{value}" always;' in readme, f"nginx example lacks {name}"
        assert f'Header always set {name} "{value}"' in readme, f"Apache example lacks {name}"
