"""Parse an edited entry file by parsing again only the items that changed.

In: the text and parsed data of a file's previous version and its new text.
Out: the new text's data, equal to what parsing it whole gives, or None when
that cannot be shown cheaply (the caller then parses the whole file).

Why: a one-event edit in a 4,000-event case made the dev server parse the
whole strand's file again (750 KB, 60 ms of every rebuild). An entry file is a
few keys and three lists of items; an edit usually stays inside one item.

How, and why the answer equals a whole parse. The changed stretch (what lies
between the texts' common beginning and common end) must fall inside the items
of one of the lists ``events``, ``claims`` or ``quotes``, written in block style
with its items at one indentation (``  - ...``). The lines from the item start
before the stretch to the item start after it (or the end of the list) are cut
out of both versions: the *chunk*. Parsed alone, the old chunk must give
exactly the items of the old data at that place (so the cut is where the
parser itself divides the items), and the new chunk must parse alone, as a
list. Everything outside the chunk is the same text at the same place in the
structure, so it parses as before; block-style YAML gives an item's value from
its own lines only, except through anchors, aliases, tags and directives,
so a chunk holding any of these (or a file with a directive, a document marker
or a line break other than ``\\n``) is parsed whole instead.
"""

from __future__ import annotations

import re
from typing import Any

from .model import ITEM_LISTS
from .yamlload import YamlError, load_yaml

_SECTION = re.compile(rf"^({'|'.join(ITEM_LISTS)}):[ \t]*(#.*)?$")
_TOP = re.compile(r"^[^\s#]", re.MULTILINE)  # a line at the left margin: a top-level key (or a list item at margin 0)
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[&*!]")  # an anchor, alias or tag (also '*' of Markdown after a space: whole parse)
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # YAML line breaks besides '\n'
_BLOCK = 4096


def reparse(old_text: str, old_data: Any, new_text: str, name: str) -> dict[str, Any] | None:
    """``new_text``'s data if it differs from ``old_text`` (whose data is ``old_data``) only within the items of
    one list, else None."""
    if not isinstance(old_data, dict) or old_text == new_text:
        return None
    if any(b in new_text for b in _OTHER_BREAKS) or new_text.startswith(("%", "---")) or "\n---" in new_text or "\n..." in new_text:
        return None
    start = _common_prefix(old_text, new_text)
    tail = _common_suffix(old_text, new_text, start)
    start = old_text.rfind("\n", 0, start) + 1  # the changed stretch, from the start of its first line
    old_end, new_end = len(old_text) - tail, len(new_text) - tail
    header = _section_of(old_text, start)
    if header is None:
        return None
    section, list_start, indent = header
    items = old_data.get(section)
    if not isinstance(items, list):
        return None
    section_end = m.start() if (m := _TOP.search(old_text, list_start)) else len(old_text)
    if old_end > section_end:
        return None  # the stretch runs past the list
    # An item starts after each line break followed by its indentation and '- ' (``list_start`` follows a line
    # break), within the list: found with str methods, which scan 750 KB ten times faster than a regex's matches.
    marker = "\n" + " " * indent + "- "
    up_to_start = min(start - 1 + len(marker), section_end)  # markers whose item starts at or before ``start``
    before = old_text.count(marker, list_start - 1, up_to_start)
    if not before:
        return None  # the stretch begins before the list's first item
    chunk_start = old_text.rfind(marker, list_start - 1, up_to_start) + 1
    # The stretch's last changed character is before old_end; the chunk ends at the next item start after its line.
    last_line_end = old_text.find("\n", max(old_end - 1, start))
    following = old_text.find(marker, last_line_end, section_end) if last_line_end >= 0 else -1
    chunk_end = following + 1 if following >= 0 else section_end
    if chunk_end < old_end or chunk_end + (new_end - old_end) < new_end:
        return None
    old_chunk = old_text[chunk_start:chunk_end]
    new_chunk = new_text[chunk_start:chunk_end + len(new_text) - len(old_text)]
    if _NODE_PROPERTY.search(old_chunk) or _NODE_PROPERTY.search(new_chunk):
        return None
    index = before - 1  # items of this list before the chunk
    old_items = _items(old_chunk, name)
    inside = 1 + old_text.count(marker, start, min(chunk_end - 2 + len(marker), section_end))  # item starts within the chunk
    if old_items is None or len(old_items) != inside or items[index:index + inside] != old_items:
        return None
    new_items = _items(new_chunk, name)
    if new_items is None:
        return None
    data = dict(old_data)
    data[section] = [*items[:index], *new_items, *items[index + len(old_items):]]
    return data


def _items(chunk: str, name: str) -> list[Any] | None:
    """The chunk parsed alone: a list of items, or None (not a list, or an error the whole parse must report)."""
    if not chunk.endswith("\n"):
        return None
    try:
        doc = load_yaml(chunk.encode("utf-8"), name)
    except YamlError:
        return None
    return doc.data if isinstance(doc.data, list) and doc.data else None


def _section_of(text: str, at: int) -> tuple[str, int, int] | None:
    """The list ``at`` lies in: its key, where its items begin and their indentation; None if ``at`` is not
    inside a block list of items indented under one of ITEM_LISTS."""
    top = None
    for m in _TOP.finditer(text, 0, at):
        top = m
    if top is None:
        return None
    line_end = text.find("\n", top.start())
    if line_end < 0 or line_end >= at:
        return None
    section = _SECTION.match(text[top.start():line_end])
    if section is None:
        return None
    first = re.compile(r"^( +)- ", re.MULTILINE).search(text, line_end + 1)
    if first is None or text[line_end + 1:first.start()].strip(" \n") and not _only_comments(text[line_end + 1:first.start()]):
        return None
    return section.group(1), line_end + 1, len(first.group(1))


def _only_comments(lines: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in lines.split("\n"))


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common beginning of ``a`` and ``b``."""
    n = min(len(a), len(b))
    at = 0
    while at + _BLOCK <= n and a[at:at + _BLOCK] == b[at:at + _BLOCK]:
        at += _BLOCK
    while at < n and a[at] == b[at]:
        at += 1
    return at


def _common_suffix(a: str, b: str, prefix: int) -> int:
    """The length of the longest common end of ``a`` and ``b`` not overlapping their common beginning."""
    n = min(len(a), len(b)) - prefix
    at = 0
    while at + _BLOCK <= n and a[len(a) - at - _BLOCK:len(a) - at] == b[len(b) - at - _BLOCK:len(b) - at]:
        at += _BLOCK
    while at < n and a[len(a) - at - 1] == b[len(b) - at - 1]:
        at += 1
    return at
