"""Placeholder summaries for entry files the converter creates.

In: the merger's documents. Out: every new entry file gets a neutral,
summary built from its own event titles, so the content validates, and a note
telling editors to replace it (notes are never published). Existing
summaries are never changed.
"""

from __future__ import annotations

from typing import Any

from ..content.model import ITEM_LISTS
from ..dates import PartialDate
from .merge import Merger


def fill_summaries(merger: Merger) -> None:
    for topic, doc in merger.entries.items():
        if doc.original is not None and str(doc.data.get("summary") or "").strip():
            continue
        if str(doc.data.get("summary") or "").strip() and doc.original is not None:
            continue
        events = [e for e in doc.data.get("events") or [] if isinstance(e, dict)]
        dated = sorted((str(e.get("date") or e.get("not_after")), str(e.get("title")), not e.get("date")) for e in events)
        counts = {k: len(doc.data.get(k) or []) for k in ITEM_LISTS}
        # What the converter says to editors goes in a note, which no page shows; the summary says only what the events do.
        note = (f"Summary drafted by the converter from {counts['events']} events, {counts['claims']} claims and "
                f"{counts['quotes']} quotes; an editor should write it.")
        text = "No dated events yet."
        if dated:
            first, last = dated[0], dated[-1]
            text = f"Earliest event: {_show(first[0], first[2])}, {_sentence(first[1])}"
            if last != first:
                text += f" Latest: {_show(last[0], last[2])}, {_sentence(last[1])}"
        if doc.data.get("summary") != text or doc.data.get("note") != note:
            doc.data["summary"] = text
            _set_after(doc.data, "note", note, "summary")
            doc.dirty = True


def _set_after(data: Any, key: str, value: str, after: str) -> None:
    """Set ``data[key]``, placing a new key right after ``after`` (not after the long item lists)."""
    if key in data:
        data[key] = value
    elif hasattr(data, "insert"):  # ruamel's CommentedMap: insert in place, comments kept
        data.insert(list(data).index(after) + 1, key, value)
    else:
        items = list(data.items())
        data.clear()
        for k, v in items:
            data[k] = v
            if k == after:
                data[key] = value


def _sentence(title: str) -> str:
    title = title.rstrip(" …")
    return title if title[-1:] in ".!?" or title[-2:] in ('.”', '."', "?”", "!”") else f"{title}."


def _show(value: str, bound: bool = False) -> str:
    try:
        shown = PartialDate.parse(value).display()
        return f"by {shown}" if bound else shown
    except ValueError:
        return value
