"""Items checked against the sources they cite: dates and review states.

In: an item (event, claim, quote or person) and :class:`SourceFacts` per
source id. Out: findings ``(where in the item, what is wrong)``:

- an event dated after the latest source that reports it, unless it is
  marked ``planned`` (a scheduled hearing); a ``not_after`` bound later than
  every source; a claim or quote dated after its sources (a source whose
  date is ``unknown`` bounds nothing, so an item citing only such sources
  is not checked);
- a reviewed item citing a source that is not reviewed, and any item that
  may be shown citing a rejected source.

Rejected items are never shown, so nothing here holds them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..dates import PartialDate
from .model import UNKNOWN_DATE, Claim, Event, Item, Person, Quote, Source
from .yamlload import Path_

Finding = tuple[Path_, str]  # (where in the item, what is wrong)


@dataclass(frozen=True)
class SourceFacts:
    """What the checks need of a source: when it appeared (as written) and its review state."""

    published: str
    review: str

    @property
    def latest_day(self) -> date:
        """The last day it may have appeared: '2025-03' may be any day of March."""
        return _last_day(self.published)


def source_facts(sources: list[Source]) -> dict[str, SourceFacts]:
    """Facts per source id (the first source of a duplicated id wins; duplicates are reported elsewhere)."""
    facts: dict[str, SourceFacts] = {}
    for source in sources:
        facts.setdefault(source.id, SourceFacts(source.published, source.review))
    return facts


def provenance_findings(item: Item | Person, facts: dict[str, SourceFacts]) -> list[Finding]:
    """Every date and review-state problem of ``item`` against its cited sources."""
    if item.review == "rejected":
        return []
    return _date_findings(item, facts) + _review_findings(item, facts)


def _date_findings(item: Item | Person, facts: dict[str, SourceFacts]) -> list[Finding]:
    cited = [facts[s] for s in dict.fromkeys(c.source for c in item.citations) if s in facts]
    cited = [f for f in cited if f.published != UNKNOWN_DATE]  # a source of unknown date tells nothing about dates
    if not cited:
        return []  # unknown source ids are reported on their own
    latest = max(cited, key=lambda f: f.latest_day)
    whose = "its only source was" if len(cited) == 1 else "its latest source was"
    found: list[Finding] = []
    if isinstance(item, Event):
        if item.date and not item.planned and _after(item.date, latest):
            found.append((("date",), f"{item.date} is after {whose} published ({latest.published}); mark it planned or fix the date"))
        if item.not_after and _after(item.not_after, latest):
            found.append((("not_after",), f"{item.not_after} is after {whose} published ({latest.published}); "
                                          "a source can only tell that the event had happened by the day it appeared"))
    elif isinstance(item, (Claim, Quote)) and item.date and _after(item.date, latest):
        found.append((("date",), f"{item.date} is after {whose} published ({latest.published}); fix the date"))
    return found


def _after(text: str, source: SourceFacts) -> bool:
    """True when even the earliest day ``text`` may mean ('2025-03' → 1 March) is after the source appeared."""
    return _first_day(text) > source.latest_day


@lru_cache(maxsize=65536)  # big cases repeat a few thousand dates many times
def _first_day(text: str) -> date:
    return PartialDate.parse(text).first_day()


@lru_cache(maxsize=65536)
def _last_day(text: str) -> date:
    return PartialDate.parse(text).last_day()


def _review_findings(item: Item | Person, facts: dict[str, SourceFacts]) -> list[Finding]:
    found: list[Finding] = []
    seen: set[str] = set()
    for k, citation in enumerate(item.citations):
        source = facts.get(citation.source)
        if source is None or citation.source in seen:
            continue
        seen.add(citation.source)
        where: Path_ = ("citations", k, "source")
        if source.review == "rejected":
            found.append((where, f"{item.review} item '{item.id}' cites source '{citation.source}', which is rejected; "
                                 "reject this item too or cite another source"))
        elif item.review == "reviewed" and source.review != "reviewed":
            found.append((where, f"reviewed item '{item.id}' cites source '{citation.source}', which is still a draft; "
                                 "review the source in sources.yaml or set this item back to draft"))
    return found


def shown(review: str, drafts: bool) -> bool:
    """Whether the site shows something in this review state: reviewed, or a draft in a ``drafts`` build."""
    return review == "reviewed" or (drafts and review == "draft")


def stale_update(updated: str, sources: list[Source], drafts: bool = False) -> str | None:
    """A warning when a source the site shows appeared after the case's ``updated`` day, else None.

    A source dated only to a month or year counts as newer only when its
    whole span is after ``updated`` (its first day is later).
    """
    listed = [s for s in sources if shown(s.review, drafts) and s.date_known]
    newer = [s for s in listed if _first_day(s.published) > _first_day(updated)]
    if not newer:
        return None
    latest = max(newer, key=lambda s: (_first_day(s.published), s.id))
    return (f"{updated} is before source '{latest.id}' was published ({latest.published}); "
            "pages would show an out-of-date 'Last updated': set it to the day of the latest change")
