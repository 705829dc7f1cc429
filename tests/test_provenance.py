"""Items checked against their sources' dates and review states (site_builder/content/provenance.py).

Expected messages were written by hand from the dates below.
"""

from __future__ import annotations

from typing import Any

import pytest

from site_builder.content.model import Claim, Event, Source
from site_builder.content.provenance import provenance_findings, source_facts, stale_update


def source(sid: str, published: str, review: str = "reviewed") -> Source:
    return Source(id=sid, title="T", publisher="P", published=published, url="https://example.org/a", kind="news",
                  reliability="R", review=review)  # type: ignore[arg-type]


def event(*sources: str, review: str = "reviewed", **when: Any) -> Event:
    cites = [{"source": s, "quote": "Q"} for s in sources]
    return Event(id="e", title="T", citations=cites, review=review, **when)  # type: ignore[arg-type]


FACTS = source_facts([source("early", "2025-03-10"), source("late", "2025-03-20"), source("month", "2025-04"),
                      source("draft", "2025-03-20", "draft"), source("gone", "2025-03-20", "rejected")])


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (event("late", date="2025-03-20"), []),  # the day it appeared is fine
        (event("late", date="2025-03-26"),
         [(("date",), "2025-03-26 is after its only source was published (2025-03-20); mark it planned or fix the date")]),
        (event("early", "late", date="2025-03-26"),
         [(("date",), "2025-03-26 is after its latest source was published (2025-03-20); mark it planned or fix the date")]),
        (event("early", "late", date="2025-03-15"), []),  # the later source may report it
        (event("early", "early", date="2025-03-15"),
         [(("date",), "2025-03-15 is after its only source was published (2025-03-10); mark it planned or fix the date")]),
        (event("late", date="2025-03-26", planned=True), []),
        (event("late", date="2025-03-26", review="rejected"), []),  # never shown: never held back
        # a month or year is after a source only when its first day is
        (event("late", date="2025-03"), []),
        (event("late", date="2025"), []),
        (event("late", date="2025-04",), [(("date",), "2025-04 is after its only source was published (2025-03-20); mark it planned or fix the date")]),
        # a source dated to a month may have appeared on its last day
        (event("month", date="2025-04-30"), []),
        (event("month", date="2025-05-01"), [(("date",), "2025-05-01 is after its only source was published (2025-04); mark it planned or fix the date")]),
        # a bound later than every source
        (event("late", not_after="2025-03-20"), []),
        (event("late", not_after="2025-03-21"),
         [(("not_after",), "2025-03-21 is after its only source was published (2025-03-20); "
                           "a source can only tell that the event had happened by the day it appeared")]),
        # review states: a reviewed item cites reviewed sources; nothing shown cites a rejected one
        (event("draft", date="2025-03-01"),
         [(("citations", 0, "source"), "reviewed item 'e' cites source 'draft', which is still a draft; "
                                       "review the source in sources.yaml or set this item back to draft")]),
        (event("draft", date="2025-03-01", review="draft"), []),
        (event("late", "gone", "gone", date="2025-03-01", review="draft"),
         [(("citations", 1, "source"), "draft item 'e' cites source 'gone', which is rejected; reject this item too or cite another source")]),
        (event("gone", date="2025-03-01", review="rejected"), []),
        # unknown source ids are reported elsewhere
        (event("nowhere", date="2030-01-01"), []),
    ],
)
def test_findings(item: Event, expected: list[tuple[tuple[Any, ...], str]]) -> None:
    assert provenance_findings(item, FACTS) == expected


def test_claims_are_dated_no_later_than_their_sources() -> None:
    claim = Claim(id="c", kind="statement", attributed_to="x", text="T", date="2025-03-21",  # type: ignore[arg-type]
                  citations=[{"source": "late", "quote": "Q"}], review="reviewed")  # type: ignore[list-item]
    assert provenance_findings(claim, FACTS) == [(("date",), "2025-03-21 is after its only source was published (2025-03-20); fix the date")]


def test_last_updated_older_than_a_shown_source() -> None:
    sources = [source("a", "2025-03-04"), source("b", "2025-03-20"), source("c", "2025-04-02", "draft"), source("d", "2025-05", "rejected")]
    stale = "is before source '{}' was published ({}); pages would show an out-of-date 'Last updated': set it to the day of the latest change"
    assert stale_update("2025-03-20", sources) is None
    assert stale_update("2025-03-04", sources) == "2025-03-04 " + stale.format("b", "2025-03-20")
    assert stale_update("2025-03-20", sources, drafts=True) == "2025-03-20 " + stale.format("c", "2025-04-02")
    assert stale_update("2025-03-20", [source("m", "2025-03")]) is None  # March 2025 may have been before the 20th


def test_a_source_of_unknown_date_bounds_nothing() -> None:
    """`published: unknown`: dates are checked only against the sources whose date is known."""
    facts = source_facts([source("undated", "unknown"), source("late", "2025-03-20")])
    assert provenance_findings(event("undated", date="2031-01-01"), facts) == []
    assert provenance_findings(event("undated", not_after="2031-01-01"), facts) == []
    assert provenance_findings(event("undated", "late", date="2025-03-26"), facts) == [
        (("date",), "2025-03-26 is after its only source was published (2025-03-20); mark it planned or fix the date")]
    assert stale_update("2025-03-20", [source("undated", "unknown"), source("late", "2025-03-20")]) is None


def test_published_is_a_date_or_unknown() -> None:
    assert source("s", "unknown").date_known is False
    assert source("s", "2025-03").date_known is True
    with pytest.raises(ValueError, match=r"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found 'someday'; "
                                         r"or 'unknown' when the source gives no date"):
        source("s", "someday")
