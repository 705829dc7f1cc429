"""What the review page shows for each item: its state, how the site would show it, its sources.

In: validated :class:`~site_builder.content.load.Content`. Out: :class:`Board` —
every item that carries a review state (events, claims, quotes, people and
sources) as a :class:`Card`, grouped by source article (an item under the
article its first citation quotes) or by strand, plus the counts for the progress line. A card whose item the
converter proposed also says why: the rule trail its ledger
(``convert-ledger.txt``) recorded. No HTML here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...dates import PartialDate
from ...files import Refused, read_file
from ...content.load import Content
from ...content.model import ANONYMOUS, ITEM_LISTS, UNKNOWN_DATE, Claim, Event, Person, Quote, Source
from ...build.pages import person_path, topic_path
from ...content.yamlload import MAX_FILE_BYTES
from .passages import Passage, find_passage
from .yamledit import DATE_FIELDS, PERSON_FIELDS, Target, choices, editable, is_flag

SINGULAR = {"events": "event", "claims": "claim", "quotes": "quote", "people": "person", "sources": "source"}
Reviewable = Event | Claim | Quote | Person | Source  # what carries a review state


@dataclass(frozen=True)
class Cited:
    source: str  # source id
    label: str  # "Publisher, 2 May 2024"
    passage: Passage


@dataclass(frozen=True)
class Field_:
    """One input of the edit form."""

    name: str
    value: str
    kind: str  # text | date | flag | choice | person
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    target: Target
    state: str
    strand: str | None  # topic id, for events, claims and quotes
    headline: str  # what the site shows as the item's title or text
    meta: str  # date, kind, attribution, as the site words them
    cited: tuple[Cited, ...]
    fields: tuple[Field_, ...]
    link: str | None  # the item on the preview site
    why: str = ""  # the rule trail the converter's ledger recorded for it ("" if none: hand-written, or proposed earlier)

    @property
    def key(self) -> str:
        return f"{SINGULAR[self.target.group]}-{self.target.id}"

    @property
    def kind(self) -> str:
        return SINGULAR[self.target.group]


@dataclass
class Group:
    id: str
    title: str
    cards: list[Card] = field(default_factory=list)


@dataclass(frozen=True)
class Board:
    groups: list[Group]
    total: int
    decided: int  # reviewed or rejected
    strands: tuple[tuple[str, str], ...]  # (topic id, title) of every strand with an entry file
    names: dict[str, str]  # person id (and 'anonymous') -> name, for the speaker and attribution choices


def board(content: Content, by: str = "source") -> Board:
    """Every item with a review state, grouped ``by`` "source" (default) or "strand"."""
    trails = ledger_trails(content.root)
    names = {p.id: p.name for p in content.people.model.people}
    names[ANONYMOUS] = "Unnamed source"
    cards = [_with_why(c, trails) for c in _cards(content, names)]
    groups = _by_strand(content, cards) if by == "strand" else _by_source(content, cards)
    strands = tuple((t.id, t.title) for t in content.case.model.topics if t.id in content.entries)
    decided = sum(1 for c in cards if c.state != "draft")
    return Board([g for g in groups if g.cards], len(cards), decided, strands, names)


def ledger_trails(root: Path) -> dict[tuple[str, str], str]:
    """(section, item id) -> why the converter proposed it, from ``root``'s ledger, read as every content file is.

    Empty when there is no ledger or it cannot be read: the trail only explains a draft, and ``build`` never reads
    the ledger, so a ledger the page cannot read must not keep an editor from reviewing."""
    # imported here: the converter's package is large, and serving the site should not wait for it
    from ...convert.docs import MergeError
    from ...convert.ledger import FILE as LEDGER_FILE
    from ...convert.ledger import parse_ledger

    path = root / LEDGER_FILE
    try:
        text = read_file(path, root.resolve().parent, MAX_FILE_BYTES).decode("utf-8")
        return parse_ledger(path, text).trails()
    except (OSError, Refused, UnicodeDecodeError, MergeError):  # absent, refused (a link out, too large), not UTF-8, malformed
        return {}


def _with_why(card: Card, trails: dict[tuple[str, str], str]) -> Card:
    """``card`` with the trail recorded for its item (people and sources have none: the ledger holds no such lines)."""
    why = trails.get((card.target.group, card.target.id), "")
    return replace(card, why=why) if why else card


def _cards(content: Content, names: dict[str, str]) -> Iterator[Card]:
    sources = {s.id: s for s in content.sources.model.sources}
    topics = {t.id: t.title for t in content.case.model.topics}
    for topic, loaded in content.entries.items():
        for group in ITEM_LISTS:
            for item in getattr(loaded.model, group):
                yield _card(content, Target(f"entries/{topic}.yaml", group, item.id), item, topic, names, sources, topics)
    for person in content.people.model.people:
        yield _card(content, Target("people.yaml", "people", person.id), person, None, names, sources, topics)
    for source in content.sources.model.sources:
        yield _card(content, Target("sources.yaml", "sources", source.id), source, None, names, sources, topics)


def _card(content: Content, target: Target, item: Reviewable, strand: str | None, names: dict[str, str],
          sources: dict[str, Source], topics: dict[str, str]) -> Card:
    headline, meta, link = _as_on_site(target.group, item, strand, names, sources, topics)
    # a source has no citations: it is checked against itself, its headline and publisher
    cited = tuple(_cited(content, c.source, c.quote, sources) for c in getattr(item, "citations", ()))
    return Card(target, item.review, strand, headline, meta, cited, _fields(target.group, item, names), link)


def _as_on_site(group: str, item: Reviewable, strand: str | None, names: dict[str, str], sources: dict[str, Source],
                topics: dict[str, str]) -> tuple[str, str, str | None]:
    """(headline, meta line, link) worded as the site's templates word them."""
    anchor = f"/{topic_path(strand).removesuffix('index.html')}#{SINGULAR[group]}-{item.id}" if strand else None
    if isinstance(item, Event):
        when = item.timing.display()
        planned = " · scheduled" if item.planned else ""
        return item.title, f"{when}{planned} · {topics.get(strand or '', strand)}", anchor
    if isinstance(item, Claim):
        who = "Unnamed source" + _described(item.described_as) if item.attributed_to == ANONYMOUS \
            else f"{str(item.kind).capitalize()} · {names.get(item.attributed_to, item.attributed_to)}"
        via = f", as reported by {names.get(item.via, item.via)}" if item.via else ""
        return item.text, who + via + (f" · {_date(item.date)}" if item.date else ""), anchor
    if isinstance(item, Quote):
        who = names.get(item.speaker, item.speaker) + (_described(item.described_as) if item.speaker == ANONYMOUS else "")
        return f"“{item.text}”", f"— {who}" + (f", {item.context}" if item.context else ""), anchor
    if isinstance(item, Person):
        return item.name, f"{item.role} · {item.group}", "/" + person_path(item.id).removesuffix("index.html")
    return f"“{item.title}”", f"{item.publisher}, {_date(item.published)}", f"/sources/#source-{item.id}"


def _described(described_as: str | None) -> str:
    """ " (described as …)" after "Unnamed source", as the site's label words it (labels.attribution)."""
    return f" (described as {described_as})" if described_as else ""


def _date(text: str) -> str:
    if text == UNKNOWN_DATE:
        return "date unknown"
    try:
        return PartialDate.parse(text).display()
    except ValueError:
        return text


def _cited(content: Content, source_id: str, quote: str, sources: dict[str, Source]) -> Cited:
    source = sources.get(source_id)
    if source is None:
        return Cited(source_id, source_id, Passage("", quote, "", False, "unknown source"))
    label = f"{source.publisher}, {_date(source.published)}: “{source.title}”"
    return Cited(source_id, label, find_passage(content.root, source.file, quote))


def _fields(group: str, item: Reviewable, names: dict[str, str]) -> tuple[Field_, ...]:
    out = []
    for name in editable(group):
        value = getattr(item, name, None)
        if is_flag(group, name):
            out.append(Field_(name, "true" if value else "", "flag"))
        elif name in PERSON_FIELDS:
            out.append(Field_(name, str(value or ""), "person", tuple(names)))
        elif (options := choices(group, name)) is not None:
            out.append(Field_(name, str(value or ""), "choice", options))
        else:
            out.append(Field_(name, "" if value is None else str(value), "date" if name in DATE_FIELDS else "text"))
    return tuple(out)


def _by_source(content: Content, cards: list[Card]) -> list[Group]:
    groups = {s.id: Group(s.id, f"{s.publisher}, {_date(s.published)}: “{s.title}”") for s in content.sources.model.sources}
    loose = Group("no-source", "Not citing a source")
    for card in cards:
        home = card.target.id if card.target.group == "sources" else (card.cited[0].source if card.cited else None)
        groups.get(home or "", loose).cards.append(card)
    return [*groups.values(), loose]


def _by_strand(content: Content, cards: list[Card]) -> list[Group]:
    groups = {t.id: Group(t.id, t.title) for t in content.case.model.topics}
    people = Group("people", "People and organisations")
    sources = Group("sources", "Sources")
    for card in cards:
        home = groups.get(card.strand or "") if card.strand else (people if card.target.group == "people" else sources)
        (home or sources).cards.append(card)
    return [*groups.values(), people, sources]
