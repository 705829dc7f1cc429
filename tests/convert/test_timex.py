"""Dates in prose, with precision; weekdays and year-less dates resolved only against a known day."""

from __future__ import annotations

import pytest

from site_builder.articles.timex import find_dates


def values(sentence: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(sentence, published)]


def test_relative_dates_are_marked_relative() -> None:
    (mention,) = find_dates("Nearly six months after the trial was dismissed, he sued.", "2025-01-11")
    assert mention.relative and mention.value is None


def test_what_a_relative_date_dates() -> None:
    later, = [d for d in find_dates("The ferry sank on May 3, 2011, after a storm. Divers found it two weeks later.", None) if d.relative]
    assert later.value == "2011-05-17" and later.about is None
    unanchored, = find_dates("Divers found it two weeks later.", None)
    assert unanchored.value is None and unanchored.shift == (14, "day")  # left for the previous sentence to anchor
    _, before = find_dates("The mill closed in October 2015, a month after its owner died.", None)
    assert before.about == "its owner died" and before.value == "2015-09"
    span, anchor = find_dates("Two days after her June 3, 2020 election, she resigned.", None)
    assert (span.value, span.about) == ("2020-06-05", None)
    assert (anchor.value, anchor.about) == ("2020-06-03", "her June 3, 2020 election")  # the anchor dates its own words


def test_an_unanchored_that_or_next_waits_for_the_previous_sentence() -> None:
    (mention,) = find_dates("The next month, the council approved the budget.", "2024-03-08")
    assert mention.value is None and mention.shift == (1, "month")
    (mention,) = find_dates("The council approved the budget that summer.", "2024-03-08")
    assert mention.value is None and mention.shift == (0, "year")


# A weekday after "a" names a kind of day, not a date; a month after "a"/"her" dates the noun it modifies.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The fire broke out in May 2018, a Tuesday with a full house.", "2024-03-08", [("May 2018", "2018-05"), ("Tuesday", None)]),
    ("The mayor repeated it in a January interview with the paper.", "2024-03-08", [("January", "2024-01")]),
    ("He signed on Monday, citing her February letter to the board.", "2024-03-08", [("on Monday", "2024-03-04"), ("February", "2024-02")]),
    ("It was a March for the history books.", "2024-03-08", []),
    ("It was a March morning in 1998 when the branch opened.", "2024-03-08", [("1998", "1998")]),
])
def test_kinds_of_day_and_attributive_months(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t, v) for t, v in values(sentence, published) if v or t[0].isdigit() or t[0].isupper()] == expected


def test_the_day_after_a_date_dates_the_words_after_it() -> None:
    found = find_dates("The judge ruled on Oct. 9, the day after the council filed its appeal.", "2024-11-01")
    assert [(d.text, d.value, d.about) for d in found] == [
        ("Oct. 9", "2024-10-09", None), ("the day after the council filed its appeal", "2024-10-08", "the council filed its appeal")]


def test_what_a_span_dates_skips_an_apposition() -> None:
    found = find_dates("The board voted on June 5, the day after Dana Alvarez, a former clerk at the library, filed her complaint.", "2024-07-01")
    assert [(d.value, d.about) for d in found] == [("2024-06-05", None), ("2024-06-04", "Dana Alvarez filed her complaint")]


