"""Main text of an HTML page, without navigation, ads or other furniture.

In: the HTML of a news page. Out: metadata (title, publisher, date, URL from
``<meta>``/``<title>``/``<time>``) and the paragraphs of the article body,
preferring ``<article>``/``<main>`` and skipping ``nav``, ``header``,
``footer``, ``aside``, forms, scripts and blocks whose class or id says they
are ads, share bars, related or most-read links, captions, tickers, cookie
consent, paywall prompts or sponsored content. Stdlib only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
              "button", "svg", "iframe", "select", "template", "menu"}
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section", "article", "main", "td", "br", "pre"}
_JUNK = re.compile(r"(?:^|[\s_-])(?:ad|ads|advert\w*|promo\w*|related|newsletter|share|sharing|social|subscribe\w*|cookie\w*|"
                   r"comment\w*|caption|credit|byline|breadcrumb\w*|sidebar|menu|nav\w*|footer|header|popup|modal|recirc\w*|"
                   r"outbrain|taboola|trending|tags?|author\w*|ticker|consent|gdpr|paywall\w*|sponsor\w*|popular|most-\w+|"
                   r"mostread|rail)(?:$|[\s_-])", re.IGNORECASE)
_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1: list[str] = []
        self.blocks: list[tuple[int, str, str]] = []  # (container depth marker, tag, text)
        self.current: list[str] = []
        self.in_article = 0
        self.in_title = False
        self.in_h1 = False

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in _VOID:
            if tag == "br":
                self.current.append("\n")
            return
        marker = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        skip = self.skipping or tag in _SKIP_TAGS or bool(_JUNK.search(marker)) and tag not in ("article", "main", "body", "html")
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("article", "main"):
            self.in_article += 1
        self.in_title = tag == "title"
        self.in_h1 = self.in_h1 or tag == "h1"
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _BLOCK_TAGS:
            self._flush(tag)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in ("article", "main"):
            self.in_article = max(0, self.in_article - 1)
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        if self.in_h1:
            self.h1.append(data)
            return
        self.current.append(data)

    def _flush(self, tag: str = "") -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.blocks.append((self.in_article, tag, text))


def html_to_article(html: str) -> tuple[dict[str, str], list[str]]:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    meta = parser.meta
    blocks = parser.blocks
    if any(inside for inside, _, _ in blocks):
        blocks = [b for b in blocks if b[0]]
    paragraphs = [text for _, _, text in blocks if len(text.split()) >= 3 or re.search(r"[.!?]$", text)]
    title = meta.get("og:title") or " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title_parts).split())
    out = {
        "title": title or "",
        "publisher": meta.get("og:site_name") or meta.get("publisher") or meta.get("application-name") or "",
        "date": (meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
                 or meta.get("pubdate") or meta.get("time") or "")[:10],
        "url": meta.get("og:url") or meta.get("canonical") or "",
    }
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", out["date"]):
        out["date"] = ""
    return {k: v for k, v in out.items() if v}, paragraphs
