"""Markdown for the fields that allow it, and plain text for metadata.

In: Markdown from content (untrusted). Out: HTML with raw HTML and images
disabled (content cannot inject markup or make the browser fetch from
another host), or plain text for <meta> descriptions. Cached by text, since
the same summary renders on several pages and across rebuilds.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=8192)
def markdown(text: str) -> Markup:
    return Markup(_MD.render(text).strip())



def plain(text: str) -> str:
    """The words of a Markdown text without its markup: what a <meta> description should say."""
    return " ".join(html.unescape(_TAG.sub("", _MD.render(text))).split())  # blocks end in newlines
