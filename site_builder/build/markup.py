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

from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_TAG = re.compile(r"<[^>]*>")


# A one-line text of words and everyday punctuation has no Markdown in it: CommonMark makes it one
# paragraph of the text itself. Left out, so that the full parser sees them: anything that starts a
# block (a list item's '- ', '1. ', '1) ', a heading's '#', a quote's '>', a code block's indent), every
# character with an inline meaning (emphasis, code, links, escapes, entities, autolinks), '"' (which
# the renderer writes as &quot;), line breaks and tabs, and leading or trailing space.
_MARKUP_CHARS = r"\x00-\x1f\x7f\\`*_\[\]!<>&\"#~|{}=+^$@"
_PLAIN_LINE = re.compile(rf"(?![-+*#>=_~]|\d{{1,9}}[.)])[^\s{_MARKUP_CHARS}](?:[^{_MARKUP_CHARS}]*[^\s{_MARKUP_CHARS}])?")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The Markdown parser, made (and markdown-it imported) when a text first needs it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")


def _plain_line(text: str) -> bool:
    return text == text.strip() and _PLAIN_LINE.fullmatch(text) is not None


@lru_cache(maxsize=8192)
def markdown(text: str) -> Markup:
    if _plain_line(text):
        return Markup(f"<p>{text}</p>")  # what markdown-it gives, without its parse (a third of rendering a big case)
    return Markup(_parser().render(text).strip())



def plain(text: str) -> str:
    """The words of a Markdown text without its markup: what a <meta> description should say."""
    if _plain_line(text):  # (no markup, no entity: the words themselves)
        return " ".join(text.split())
    return " ".join(html.unescape(_TAG.sub("", _parser().render(text))).split())  # blocks end in newlines
