"""Check built pages: internal links and anchors, ids, alt text, citations, voice.

In: the site's files as ``{path: bytes}`` (rendered in memory or read back
from a built folder). Out: a list of problems, each ``page: what is wrong``.
Every relative ``href``/``src`` must name a file of the site (directory links
must say index.html so ``file://`` works) and every ``#fragment`` an ``id``
on the target page. External links are not fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..content.voice import loaded_words_in

CITATION = re.compile(r"sources/(?:\d+/)?index\.html#source-")  # a link to a source on a page of the sources list
QUOTING = {"q", "blockquote", "script", "style", "title"}
STATEMENTS = {"event", "claim", "quote"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements that end a run of text: the voice check reads each block's text as one piece, as the
# build reads each field, so a quotation is never paired with a mark from another part of the page.
BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "html", "label", "li",
          "main", "nav", "ol", "option", "p", "section", "select", "summary", "table", "td", "th", "tr", "ul"}


@dataclass(frozen=True)
class PageProblem:
    """One problem on one page; ``anchor`` is the id of the element that shows the content
    behind it (``claim-x``, ``source-y``, ``person-z``), when there is one."""

    page: str
    message: str
    anchor: str | None = None

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


@dataclass
class PageFacts:
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str | None]] = field(default_factory=list)  # (href, anchor it sits in)
    images_without_alt: int = 0
    own_text: list[tuple[str | None, str]] = field(default_factory=list)  # (anchor, one block's text outside quotations)
    uncited: list[str] = field(default_factory=list)  # statement ids with no citation link


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.stack: list[tuple[str, bool, str | None, str | None]] = []  # (tag, quoting, statement id, anchor)
        self.cited: set[str] = set()
        self.block: list[str] = []  # text of the current block so far
        self.block_anchor: str | None = None

    def _anchor(self) -> str | None:
        return self.stack[-1][3] if self.stack else None

    def _flush(self) -> None:
        text = "".join(self.block)
        if text.strip():
            self.facts.own_text.append((self.block_anchor, text))
        self.block = []
        self.block_anchor = self._anchor()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = set(values.get("class", "").split())
        if "id" in values:
            self.facts.ids.append(values["id"])
        if tag == "img" and not values.get("alt", "").strip() and values.get("role") != "presentation":
            self.facts.images_without_alt += 1
        for name in ("href", "src"):
            if name in values and tag not in ("meta",) and not (tag == "link" and values.get("rel") == "canonical"):
                self.facts.links.append((values[name], self._anchor()))
                if CITATION.search(values[name]):
                    self.cited.update(s for _, _, s, _ in self.stack if s)
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        quoting = tag in QUOTING or "cited-headline" in classes or bool(self.stack and self.stack[-1][1])
        statement = values.get("id") if tag == "li" and classes & STATEMENTS else None
        anchored = statement or (values.get("id") if values.get("id", "").startswith(("source-", "person-")) and tag in ("article", "li") else None)
        self.stack.append((tag, quoting, statement, anchored or self._anchor()))
        if tag in BLOCKS:
            self.block_anchor = self._anchor()
        elif quoting and not (len(self.stack) > 1 and self.stack[-2][1]):
            self.block.append(" ")  # a quotation inside a block: keep the words on either side apart

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        while self.stack:
            open_tag, _, statement, _ = self.stack.pop()
            if statement and statement not in self.cited:
                self.facts.uncited.append(statement)
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self.block_anchor = self._anchor()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]):
            self.block.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def page_facts(html: str) -> PageFacts:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.facts


def read_site(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check_pages(files: dict[str, bytes], loaded_words: tuple[str, ...] = ()) -> list[str]:
    """Every problem in the site's HTML pages, as ``page: problem`` lines."""
    return [str(p) for p in page_problems(files, loaded_words)]


def page_problems(files: dict[str, bytes], loaded_words: tuple[str, ...] = ()) -> list[PageProblem]:
    """Every problem in the site's HTML pages, each with the anchor of the content that shows it (if any)."""
    pages = {name: page_facts(data.decode("utf-8")) for name, data in files.items() if name.endswith(".html")}
    folders = {str(folder) for name in files for folder in PurePosixPath(name).parents}
    problems: list[PageProblem] = []
    for name, facts in sorted(pages.items()):
        if name != "404.html":  # 404 links from the site root: checked by its own test
            for href, anchor in facts.links:
                if (p := _check_link(name, href, pages, files, folders)):
                    problems.append(PageProblem(name, f"{href}: {p}", anchor))
        seen: set[str] = set()
        for element_id in facts.ids:
            if element_id in seen:
                problems.append(PageProblem(name, f"duplicate id '{element_id}'"))
            seen.add(element_id)
        if facts.images_without_alt:
            problems.append(PageProblem(name, f"{facts.images_without_alt} image(s) without alt text"))
        problems += [PageProblem(name, f"#{item}: statement without a citation", item) for item in facts.uncited]
        problems += _voice_problems(name, facts, loaded_words)
    return problems


def _voice_problems(page: str, facts: PageFacts, loaded_words: tuple[str, ...]) -> list[PageProblem]:
    """Loaded words outside quotation marks: one problem per anchor (the page's own text has none)."""
    found: dict[str | None, dict[str, None]] = {}
    for anchor, text in facts.own_text:
        for word in loaded_words_in(text, loaded_words):
            found.setdefault(anchor, {})[word] = None
    return [PageProblem(page, f"loaded language outside quotation marks: {', '.join(words)}", anchor) for anchor, words in found.items()]


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
