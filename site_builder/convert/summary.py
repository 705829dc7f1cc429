"""Placeholder summaries for entry files the converter creates.

In: the merger's documents. Out: every new entry file gets a neutral,
clearly provisional summary built from its own event titles, so the content
validates; editors replace it. Existing summaries are never changed.
"""

from __future__ import annotations

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
        counts = {k: len(doc.data.get(k) or []) for k in ("events", "claims", "quotes")}
        text = f"Draft made by the converter from {counts['events']} events, {counts['claims']} claims and {counts['quotes']} quotes; an editor should write this summary."
        if dated:
            first, last = dated[0], dated[-1]
            text += f" Earliest event: {_show(first[0], first[2])}, {_sentence(first[1])}"
            if last != first:
                text += f" Latest: {_show(last[0], last[2])}, {_sentence(last[1])}"
        if doc.data.get("summary") != text:
            doc.data["summary"] = text
            doc.dirty = True


def _sentence(title: str) -> str:
    title = title.rstrip(" …")
    return title if title[-1:] in ".!?" or title[-2:] in ('.”', '."', "?”", "!”") else f"{title}."


def _show(value: str, bound: bool = False) -> str:
    try:
        shown = PartialDate.parse(value).display()
        return f"by {shown}" if bound else shown
    except ValueError:
        return value
