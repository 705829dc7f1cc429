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


# A year followed by a comma is a year; thousands separators and money are not.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The bakery owner, who has run the shop since 2009, was not available.", [("2009", "2009")]),
    ("In 2019, the mill closed for good.", [("2019", "2019")]),
    ("The mill sold 2,500 bags and took in $2,019 that week.", []),
    ("Its loss was $2019, a record.", []),
])
def test_year_before_a_comma(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, None) == expected


# Past or future is decided by the clause holding the weekday (or the verb right before it), not the whole sentence.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    # published on a Friday
    ("The council announced Wednesday that it will open a second library.", "2024-03-08", [("Wednesday", "2024-03-06")]),
    ("The council announced Wednesday it will open a second library.", "2024-03-08", [("Wednesday", "2024-03-06")]),
    ("The ferry captain said in a letter Tuesday that the route would close.", "2024-03-08", [("Tuesday", "2024-03-05")]),
    ("The new library will open Wednesday, the council said.", "2024-03-08", [("Wednesday", "2024-03-13")]),
    # published on a Wednesday
    ("The clerk was arrested Monday and will be arraigned Friday.", "2024-03-06", [("Monday", "2024-03-04"), ("Friday", "2024-03-08")]),
    ("The museum, which will reopen next year, closed Tuesday.", "2024-03-06", [("next year", None), ("Tuesday", "2024-03-05")]),
    ("The hearing, which is scheduled for Friday, was requested Monday.", "2024-03-06", [("Friday", "2024-03-08"), ("Monday", "2024-03-04")]),
])
def test_weekday_tense_comes_from_its_own_clause(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


# A month after "for" / "to" is a date; "may" the verb and a person called May are not.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The judge set sentencing for May 12.", "2024-03-06", [("May 12", "2024-05-12")]),
    ("The council set a vote for June 3.", "2024-03-06", [("June 3", "2024-06-03")]),
    ("The referendum is planned for April.", "2024-03-06", [("April", "2024-04")]),
    ("The hearing was postponed to April.", "2024-03-06", [("April", "2024-04")]),
    ("The audit covered the books kept for March.", "2024-06-20", [("March", "2024-03")]),
    # "originally scheduled": the plan was made in the past, so the month is not pushed into the future
    ("The vote was originally scheduled for March.", "2024-01-20", [("March", None)]),
    ("The committee will wait for May Reynolds to decide.", "2024-03-06", []),
    ("She may ask for more time.", "2024-03-06", []),
])
def test_month_after_for_and_to(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


# Relative dates are resolved only against a certain anchor, never more precisely than the anchor.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The plant opened in March 2015 and closed six months later.", [("March 2015", "2015-03"), ("six months later", "2015-09")]),
    ("The plant opened on June 2, 2015, and closed three days later.", [("June 2, 2015", "2015-06-02"), ("three days later", "2015-06-05")]),
    ("The plant opened on June 2, 2015, and closed two years later.", [("June 2, 2015", "2015-06-02"), ("two years later", "2017")]),
    ("The plant opened in 2015 and closed three days later.", [("2015", "2015"), ("three days later", None)]),
    ("The plant opened in 2015 and closed nearly six months later.", [("2015", "2015"), ("nearly six months later", None)]),
    ("The council met in 2012 and in 2014; it disbanded two years later.", [("2012", "2012"), ("2014", "2014"), ("two years later", None)]),
    # a date right after "later" restates the date; it is not an anchor
    ("The plant opened on June 1, 2015, and closed three days later on June 5, 2015.", [("June 1, 2015", "2015-06-01"), ("June 5, 2015", "2015-06-05")]),
    # the date inside "… before <date> …" is the anchor, not a date of its own
    ("Just two weeks before her Aug. 4, 2019 wedding, she moved to Lisbon.", [("Just two weeks before her Aug. 4, 2019 wedding", "2019-07-21"), ("Aug. 4, 2019", "2019-08-04")]),
    ("Three months before his 2018 retirement, the chief resigned.", [("Three months before his 2018 retirement", None), ("2018", "2018")]),
    ("Three days before his July 2018 retirement, the chief resigned.", [("Three days before his July 2018 retirement", None), ("July 2018", "2018-07")]),
    # "<dated clause>, N units after <something>": that something happened N units before the date
    ("The mill closed in October 2015, a month after its owner died.", [("October 2015", "2015-10"), ("a month after its owner died", "2015-09")]),
    ("The mill closed in 2015, a month after its owner died.", [("2015", "2015"), ("a month after its owner died", None)]),
])
def test_relative_dates_with_a_certain_anchor(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, "2024-03-06") == expected


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


# A range is one period, not two dates.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Between 2016 and 2020 the mill lost money.", [("Between 2016 and 2020", None)]),
    ("From 2011 to 2013, she lived abroad.", [("From 2011 to 2013", None)]),
    ("She lived abroad from March 2011 until June 2013.", [("from March 2011 until June 2013", None)]),
    ("He taught there from 2011 through 2013 and retired in 2020.", [("from 2011 through 2013", None), ("2020", "2020")]),
])
def test_ranges_are_periods(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, None) == expected
