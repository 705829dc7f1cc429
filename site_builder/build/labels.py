"""What the site says about where a statement comes from.

In: a statement's speaker, relay, kind, context and date, or its citations.
Out: an attribution label composed from parts (:func:`attribution`), and
its corroboration counted in sources, publishers and passages
(:func:`corroboration`). Templates render these; they never glue strings.

Composition rules, so that no label reads "…the claim., as reported by" or
"TLC, From a press release": names and phrases attach with a comma, a
context written as a sentence (capital first) follows a middle dot, a
sentence loses its full stop when more follows, and a closing note starts a
new sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, Union

ANONYMOUS_NOTE = "The publication did not name this source; the site has not verified the claim."
_SENTENCE_END = (".", "!", "?", "…")


class Named(Protocol):
    """A speaker as :mod:`site` resolves it (templates render it as a link, a name or a badge)."""

    @property
    def name(self) -> str: ...

    @property
    def anonymous(self) -> bool: ...


@dataclass(frozen=True)
class Kind:
    """A claim's kind as its label shows it, emphasised: 'Statement'."""

    text: str


Part = Union[str, Kind, Named]


@dataclass(frozen=True)
class Label:
    """An attribution: text and speakers in reading order, and an optional closing note (its own sentence)."""

    parts: tuple[Part, ...]
    note: str | None = None

    def text(self) -> str:
        """The label as plain text (a speaker by name; an unnamed one as 'Unnamed source')."""
        out = "".join(_plain(p) for p in self.parts)
        return f"{out} {self.note}" if self.note else out


def attribution(by: Named, *, kind: str | None = None, via: Named | None = None,
                context: str | None = None, date: str | None = None, described_as: str | None = None) -> Label:
    """Compose 'Statement · Gloria Allred, as reported by RadarOnline · 4 March 2025' and the like.

    ``kind`` is the claim kind's label (not shown for an unnamed source, whose
    badge says what it is); ``context`` is a quote's note on where it was said;
    ``date`` is already written out for readers; ``described_as`` is how the
    publication describes an unnamed source ("Unnamed source (described as
    Dana Pike's lawyers)"), ignored for a named one.
    """
    parts: list[Part] = []
    if kind and not by.anonymous:
        parts += [Kind(kind), " · "]
    parts.append(by)
    described_as = (described_as or "").strip()
    if described_as and by.anonymous:  # in brackets: the words stay one unit whatever phrase follows them
        parts += [" (described as ", described_as, ")"]
    if via is not None:
        parts += [", as reported by ", via]
    context = (context or "").strip()
    if context:
        if date:  # more follows: a sentence gives up its full stop
            context = context.rstrip(".").rstrip()
        parts += [", " if context[:1].islower() else " · ", context]
    if date:
        parts += [" · ", date]
    note = None
    if by.anonymous:  # the note is a sentence of its own: end the label as one
        if not Label(tuple(parts)).text().endswith(_SENTENCE_END):
            parts.append(".")
        note = ANONYMOUS_NOTE
    return Label(tuple(parts), note)


@dataclass(frozen=True)
class Corroboration:
    """How many different articles, publishers and cited passages back a statement."""

    sources: int
    publishers: int
    passages: int
    anonymous: bool = False
    names: tuple[str, ...] = ()  # the publishers, in the order first cited

    def line(self) -> str:
        """The compact sourcing line: the publishers, then the count in articles
        ('Deccan Herald, KQED (NPR) · 2 sources'; 'RadarOnline · 1 source, 3 passages')."""
        count = _count(self.sources, "source")
        if self.passages != self.sources:
            count += f", {_count(self.passages, 'passage')}"
        return f"{', '.join(self.names)} · {count}" if self.names else count

    def label(self) -> str:
        """'Source'; 'Reported by 2 sources (5 passages)'; 'Reported by 2 sources from 1 publisher (3 passages)';
        for an unnamed source, the outlets that carry it: 'Reported by 1 publisher (2 sources, 3 passages)'."""
        if self.passages <= 1:
            return "Source"
        if self.anonymous:
            head = _count(self.publishers, "publisher")
            details = [_count(self.sources, "source")] if self.sources != self.publishers else []
        else:
            head = _count(self.sources, "source")
            if self.publishers < self.sources:
                head += f" from {_count(self.publishers, 'publisher')}"
            details = []
        if self.passages != self.sources:
            details.append(_count(self.passages, "passage"))
        return f"Reported by {head}" + (f" ({', '.join(details)})" if details else "")

    def as_json(self) -> dict[str, int]:
        return {"sources": self.sources, "publishers": self.publishers, "passages": self.passages}


class Cited(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def publisher(self) -> str: ...


def corroboration(sources: Sequence[Cited], anonymous: bool = False) -> Corroboration:
    """Count the cited ``sources`` (one per passage, repeats included): distinct articles, distinct
    publishers (names compared without case or surrounding space) and passages."""
    names: dict[str, str] = {}  # casefolded name -> the name as first written
    for s in sources:
        name = " ".join(s.publisher.split())
        names.setdefault(name.casefold(), name)
    return Corroboration(
        sources=len({s.id for s in sources}),
        publishers=len(names),
        passages=len(sources),
        anonymous=anonymous,
        names=tuple(names.values()),
    )


def _plain(part: Part) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, Kind):
        return part.text
    return "Unnamed source" if part.anonymous else part.name


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
