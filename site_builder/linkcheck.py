"""Check built pages: internal links and anchors, ids, alt text, citations, voice.

In: the site's files as ``{path: bytes}`` (rendered in memory or read back
from a built folder). Out: a list of problems, each ``page: what is wrong``.
Every relative ``href``/``src`` must name a file of the site (directory links
must say index.html so ``file://`` works) and every ``#fragment`` an ``id``
on the target page. External links are not fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from .voice import loaded_words_in

QUOTING = {"q", "blockquote", "script", "style", "title"}
STATEMENTS = {"event", "claim", "quote"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageFacts:
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images_without_alt: int = 0
    own_text: list[str] = field(default_factory=list)  # text outside quotations
    uncited: list[str] = field(default_factory=list)  # statement ids with no citation link


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.stack: list[tuple[str, bool, str | None]] = []  # (tag, quoting, statement id)
        self.cited: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = set(values.get("class", "").split())
        if "id" in values:
            self.facts.ids.append(values["id"])
        if tag == "img" and not values.get("alt", "").strip() and values.get("role") != "presentation":
            self.facts.images_without_alt += 1
        for name in ("href", "src"):
            if name in values and tag not in ("meta",) and not (tag == "link" and values.get("rel") == "canonical"):
                self.facts.links.append(values[name])
                if "sources/index.html#source-" in values[name]:
                    self.cited.update(s for _, _, s in self.stack if s)
        if tag in VOID:
            return
        quoting = tag in QUOTING or "cited-headline" in classes or bool(self.stack and self.stack[-1][1])
        statement = values.get("id") if tag == "li" and classes & STATEMENTS else None
        self.stack.append((tag, quoting, statement))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _, statement = self.stack.pop()
            if statement and statement not in self.cited:
                self.facts.uncited.append(statement)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.facts.own_text.append(data)


def page_facts(html: str) -> PageFacts:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.facts


def read_site(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_pages(files: dict[str, bytes], loaded_words: tuple[str, ...] = ()) -> list[str]:
    """Every problem in the site's HTML pages, as ``page: problem`` lines."""
    pages = {name: page_facts(data.decode("utf-8")) for name, data in files.items() if name.endswith(".html")}
    folders = {str(folder) for name in files for folder in PurePosixPath(name).parents}
    problems = []
    for name, facts in sorted(pages.items()):
        if name != "404.html":  # 404 links from the site root: checked by its own test
            problems += [f"{name}: {href}: {p}" for href in facts.links if (p := _check_link(name, href, pages, files, folders))]
        seen: set[str] = set()
        for element_id in facts.ids:
            if element_id in seen:
                problems.append(f"{name}: duplicate id '{element_id}'")
            seen.add(element_id)
        if facts.images_without_alt:
            problems.append(f"{name}: {facts.images_without_alt} image(s) without alt text")
        problems += [f"{name}: #{item}: statement without a citation" for item in facts.uncited]
        words = dict.fromkeys(loaded_words_in(" ".join(facts.own_text), loaded_words))
        if words:
            problems.append(f"{name}: loaded language outside quotation marks: {', '.join(words)}")
    return problems


def _check_link(page: str, href: str, pages: dict[str, PageFacts], files: dict[str, bytes], folders: set[str]) -> str | None:
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
    if parts.path.endswith("/") or name in folders:
        return "directory link (use index.html so it works from file://)"
    if name not in files:
        return "target does not exist"
    if parts.fragment and unquote(parts.fragment) not in (pages[name].ids if name in pages else []):
        return f"no element with id '{parts.fragment}' in {name}"
    return None
