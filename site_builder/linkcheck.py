"""Check a built site's internal links and anchors.

In: a folder of built files. Out: a list of broken links, each as
``page: href: what is wrong``. Every relative ``href``/``src`` must name a
file in the site (directory links must have an index.html) and every
``#fragment`` must be an ``id`` on the target page. External links are
listed, not fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit


@dataclass
class PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.page.ids.add(value)
            elif name in ("href", "src") and not (tag == "link" and ("rel", "canonical") in attrs) and not (tag == "meta"):
                self.page.links.append(value)


def parse_page(html: str) -> PageLinks:
    collector = _Collector()
    collector.feed(html)
    return collector.page


def check_links(site: Path, skip: frozenset[str] = frozenset({"404.html"})) -> list[str]:
    """Broken internal links and anchors in every HTML page under ``site``."""
    pages = {p.relative_to(site).as_posix(): parse_page(p.read_text("utf-8")) for p in sorted(site.rglob("*.html"))}
    problems = []
    for name, page in pages.items():
        if name in skip:
            continue
        for href in page.links:
            problem = _check(name, href, pages, site)
            if problem:
                problems.append(f"{name}: {href}: {problem}")
    return problems


def _check(page: str, href: str, pages: dict[str, PageLinks], site: Path) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in ("http", "https", "mailto") else f"unexpected scheme '{parts.scheme}'"
    if href.startswith("/"):
        return "root-relative link (breaks under a sub-path and from file://)"
    stack = list(PurePosixPath(page).parent.parts)
    for part in PurePosixPath(unquote(parts.path)).parts if parts.path else ():
        if part == "..":
            if not stack:
                return "points outside the site"
            stack.pop()
        elif part != ".":
            stack.append(part)
    name = "/".join(stack) if parts.path else page
    if parts.path.endswith("/") or (site / name).is_dir():
        return "directory link (use index.html so it works from file://)"
    if not (site / name).is_file():
        return "target does not exist"
    if parts.fragment:
        ids = pages[name].ids if name in pages else set()
        if unquote(parts.fragment) not in ids:
            return f"no element with id '{parts.fragment}' in {name}"
    return None
