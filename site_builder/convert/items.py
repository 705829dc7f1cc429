"""The typed objects the stages hand each other after recognition.

Draft items mirror the content model (:mod:`site_builder.content.model`) plus the
topic they belong to; :mod:`.merge` turns them into YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cite:
    source: str
    quote: str


@dataclass
class DraftEvent:
    topic: str
    title: str
    citations: list[Cite]
    date: str | None = None
    not_after: str | None = None
    when: str | None = None
    people: list[str] = field(default_factory=list)
    id: str = ""
    planned: bool = False  # dated after the article appeared: announced, not yet happened
    rules: list[str] = field(default_factory=list, compare=False)  # the converter rules that made it (for --explain; never written)


@dataclass
class DraftClaim:
    topic: str
    kind: str
    attributed_to: str
    text: str
    citations: list[Cite]
    via: str | None = None
    described_as: str | None = None  # how the article describes an unnamed speaker (``attributed_to`` anonymous)
    date: str | None = None
    people: list[str] = field(default_factory=list)
    id: str = ""
    rules: list[str] = field(default_factory=list, compare=False)  # the converter rules that made it (for --explain; never written)


@dataclass
class DraftQuote:
    topic: str
    speaker: str
    text: str
    citations: list[Cite]
    context: str | None = None
    described_as: str | None = None  # how the article describes an unnamed speaker (``speaker`` anonymous)
    date: str | None = None
    id: str = ""
    rules: list[str] = field(default_factory=list, compare=False)  # the converter rules that made it (for --explain; never written)


@dataclass
class DraftPerson:
    id: str
    name: str
    kind: str
    role: str
    group: str
    citations: list[Cite]
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    known: bool = False
    rules: list[str] = field(default_factory=list, compare=False)  # the rules that found the person (recognise.Entity.rules; never written)


@dataclass
class DraftSource:
    id: str
    title: str
    publisher: str
    published: str
    kind: str
    reliability: str
    file: str | None = None
    url: str | None = None
    note: str | None = None  # for editors only: never shown on the site


@dataclass
class Extraction:
    """Everything taken from one article."""

    path: str
    source: DraftSource
    events: list[DraftEvent] = field(default_factory=list)
    claims: list[DraftClaim] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    people: list[DraftPerson] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (word, sentence)
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)  # single names nothing resolved
    unattributed: list[str] = field(default_factory=list)  # document quotes left out: the article names no issuer
    outlet_voice: list[str] = field(default_factory=list)  # sentences in the outlet's own voice left out: people.yaml lacks it
    evaluative: list[tuple[str, str]] = field(default_factory=list)  # (evaluative word beyond loaded_words, sentence) in claims
