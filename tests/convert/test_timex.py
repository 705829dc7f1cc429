"""Dates in prose, with precision; weekdays and year-less dates resolved only against a known day."""

from __future__ import annotations

import pytest

from site_builder.convert.timex import find_dates


def values(sentence: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(sentence, published)]


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("It happened on Oct. 21, 2021, near Santa Fe.", "2023-01-01", [("Oct. 21, 2021", "2021-10-21")]),
    ("It happened on 21 October 2021.", None, [("21 October 2021", "2021-10-21")]),
    ("In October 2021, the gun fired.", None, [("October 2021", "2021-10")]),
    ("The fatal 2021 shooting and a $5,000 fine.", None, [("2021", "2021")]),
    ("The motion, filed 2024-09-05, was denied.", None, [("2024-09-05", "2024-09-05")]),
    ("Filed on Sept. 5, 2024 and due Aug. 30.", "2024-10-25", [("Sept. 5, 2024", "2024-09-05"), ("Aug. 30", "2024-08-30")]),
    ("The series will debut on Feb. 23.", "2025-01-27", [("Feb. 23", "2025-02-23")]),
    ("He was filming a movie Thursday.", "2021-10-23", [("Thursday", "2021-10-21")]),
    ("On Monday, TLC released the trailer.", "2025-01-27", [("Monday", "2025-01-27")]),
    ("He was filming a movie Thursday.", None, [("Thursday", None)]),
    ("It was dismissed in July.", "2024-10-25", [("July", "2024-07")]),
    ("He may appeal; May is far.", "2024-10-25", []),
    ("The episode begins ten days before the trial.", "2025-03-04", [("ten days before the trial", None)]),
    ("It happened last year.", "2025-03-04", [("last year", "2024")]),
])
def test_dates(sentence: str, published: str | None, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


def test_relative_dates_are_marked_relative() -> None:
    (mention,) = find_dates("Nearly six months after the trial was dismissed, he sued.", "2025-01-11")
    assert mention.relative and mention.value is None
