"""Write a merge into an existing YAML file's own text: every line the converter did not change stays byte for byte.

In: a content file's original text, a plain snapshot of its top-level values taken when it was read, its data
after merging (ruamel.yaml round-trip objects, which remember the line of every key and list item), and
``dump(key, value)``, which writes ``key: value`` in the file's layout. Out: the original text with

- new list items inserted after the list's last item (before any comments and blank lines that follow it),
- an item that changed (a draft given a citation) replaced by its new text, in place,
- a top-level value that changed otherwise (an empty ``events: []``, an empty summary) replaced in place,
- new top-level keys added at the end of the document (before a ``...`` end marker),

each written with the file's own line ending and list indentation; the byte-order mark, ``---``/``...``
markers, comments, tabs, flow lists, trailing spaces and other items are left as they are. ``None`` when the
file is laid out in a way this cannot handle (a flow-style top level, a list whose items do not start with
``-`` on their own lines): the caller then writes the whole file with ruamel.yaml, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # the line breaks ruamel.yaml counts: \n, \r\n and a lone \r


def split_lines(text: str) -> list[str]:
    """``text`` as lines, each with its own line break (the last may have none)."""
    return _LINE.findall(text)


def newline_of(text: str) -> str:
    """The file's line break: the first one it uses (``\\n`` for a file of one line)."""
    match = re.search(r"\r\n|\r|\n", text)
    return match.group(0) if match else "\n"


def plain(value: Any) -> Any:
    """A deep copy of loaded YAML as dicts and lists, to tell later whether a value was changed."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


Dump = Callable[[str, Any], str]
Edit = tuple[int, int, list[str]]  # replace lines [start, end) with these lines (start == end: insert)


@dataclass(frozen=True)
class _File:
    lines: list[str]
    newline: str
    dump: Dump


def splice(text: str, data: Any, before: dict[str, Any], dump: Dump) -> str | None:
    """The original ``text`` with the changes between ``before`` and ``data`` written into it, or ``None``."""
    if not isinstance(data, CommentedMap):
        return None
    lines = split_lines(text)
    file = _File(lines, newline_of(text), dump)
    keys = [k for k in data if k in before]
    end = _document_end(lines, data.lc.key(keys[-1])[0] if keys else 0)
    edits = _mapping_edits(file, data, before, (0, end), top=True)
    if edits is None:
        return None
    # from the end of the file back, so that each edit's line numbers still hold; at one place, the edit made
    # later goes in first, so that it ends up below the earlier one (new keys below a list's new items)
    for _, (start, stop, new) in sorted(enumerate(edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True):
        if new and start > 0 and start == stop and not lines[start - 1].endswith(("\n", "\r")):
            lines[start - 1] += file.newline  # the last line had no line break: the inserted text starts on a line of its own
        lines[start:stop] = new
    return "".join(lines)


def _mapping_edits(file: _File, node: CommentedMap, old: dict[str, Any], region: tuple[int, int], top: bool = False) -> list[Edit] | None:
    """Edits for a block mapping whose keys are on lines [region): changed values rewritten, new keys added after the last."""
    if node.fa.flow_style():
        return None
    keys = [k for k in node if k in old]
    if keys != list(old) or list(node)[: len(keys)] != keys:
        return None  # a key removed or moved: not a merge's change
    if not keys:
        return [(region[1], region[1], _lines(file, "".join(file.dump(k, node[k]) for k in node)))] if top and node else None
    starts = [node.lc.key(k)[0] for k in keys]
    column = node.lc.key(keys[0])[1]
    if starts != sorted(set(starts)) or starts[0] < region[0] or starts[-1] >= region[1]:
        return None
    edits: list[Edit] = []
    for n, key in enumerate(keys):
        value = node[key]
        if plain(value) == old[key]:
            continue
        span = (starts[n], starts[n + 1] if n + 1 < len(keys) else region[1])
        found = _value_edits(file, key, value, old[key], span)
        if found is None:  # a value of another shape, or an empty one: the key written anew with its value
            written = _shifted(_lines(file, file.dump(key, value)), column)
            if written is None:
                return None
            found = [(span[0], _content_end(file.lines, *span), written)]
        edits.extend(found)
    added = [k for k in node if k not in old]
    if added:
        written = _shifted(_lines(file, "".join(file.dump(k, node[k]) for k in added)), column)
        if written is None:
            return None
        at = _content_end(file.lines, starts[-1], region[1])
        edits.append((at, at, written))
    return edits


def _value_edits(file: _File, key: str, value: Any, old: Any, span: tuple[int, int]) -> list[Edit] | None:
    """Edits inside a changed value written on the lines below its key (a block list or mapping), else None."""
    if isinstance(value, CommentedSeq) and isinstance(old, list) and old and len(value) >= len(old) and not value.fa.flow_style():
        if value.lc.item(0)[0] > span[0]:
            return _list_edits(file, key, value, old, span)
    if isinstance(value, CommentedMap) and isinstance(old, dict) and old and not value.fa.flow_style():
        if value.lc.key(next(iter(old)))[0] > span[0]:
            return _mapping_edits(file, value, old, span)
    return None


def _list_edits(file: _File, key: str, value: CommentedSeq, old: list[Any], region: tuple[int, int]) -> list[Edit] | None:
    """Edits for a block list: its changed items rewritten in place, its new items after its last one."""
    count = len(old)
    starts = [value.lc.item(i)[0] for i in range(count)]
    if starts != sorted(set(starts)) or starts[0] <= region[0] or starts[-1] >= region[1]:
        return None
    dash = _dash_column(file.lines[starts[0]])
    if dash is None:
        return None
    edits: list[Edit] = []
    for i in range(count):
        if plain(value[i]) == old[i]:
            continue
        span = (starts[i], starts[i + 1] if i + 1 < count else region[1])
        item, was = value[i], old[i]
        found = None
        if isinstance(item, CommentedMap) and isinstance(was, dict) and was and value.lc.item(i)[1] > dash:
            found = _mapping_edits(file, item, was, span)  # an item such as "- id: x" that starts on its dash's line
        if found is None:
            written = _items_text(file, key, [item], dash)
            if written is None:
                return None
            found = [(span[0], _content_end(file.lines, *span), written)]
        edits.extend(found)
    if len(value) > count:
        new = _items_text(file, key, list(value[count:]), dash)
        if new is None:
            return None
        at = _content_end(file.lines, starts[-1], region[1])
        edits.append((at, at, new))
    return edits


def _items_text(file: _File, key: str, items: list[Any], dash: int) -> list[str] | None:
    """``items`` as list items whose dashes stand at column ``dash`` (without comments trailing the last one)."""
    written = _lines(file, file.dump(key, CommentedSeq(items)))[1:]  # the first line is "key:"
    while written and _blank_or_comment(written[-1]):
        written.pop()
    first = _dash_column(written[0]) if written else None
    return None if first is None else _shifted(written, dash - first)


def _shifted(written: list[str], by: int) -> list[str] | None:
    """``written`` moved ``by`` columns to the right (or left; None if a line has too little indentation)."""
    if by >= 0:
        return [" " * by + line if line.strip() else line for line in written]
    if any(line.strip() and not line.startswith(" " * -by) for line in written):
        return None
    return [line[-by:] if line.strip() else line for line in written]


def _lines(file: _File, text: str) -> list[str]:
    """Text written by ruamel.yaml (with ``\\n``), as lines with the file's own line break."""
    return split_lines(text.replace("\n", file.newline) if file.newline != "\n" else text)


def _dash_column(line: str) -> int | None:
    """Where the ``-`` of a block list item stands on ``line`` (None if the line does not start an item)."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) if stripped[:1] == "-" and stripped[1:2] in (" ", "\r", "\n", "") else None


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip(" \t\r\n")
    return not stripped or stripped.startswith("#")


def _content_end(lines: list[str], start: int, stop: int) -> int:
    """The end of what lines [start, stop) hold, before the blank lines and comments that close the range
    (they introduce what follows; new text goes above them)."""
    while stop > start + 1 and _blank_or_comment(lines[stop - 1]):
        stop -= 1
    return stop


def _document_end(lines: list[str], last_key: int) -> int:
    """The line of the ``...`` that ends the document, if any, else the number of lines."""
    for n in range(last_key + 1, len(lines)):
        line = lines[n].rstrip("\r\n")
        if line == "..." or line.startswith(("... ", "...\t", "...#")):
            return n
    return len(lines)
