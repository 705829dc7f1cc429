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
    ("The museum, which will reopen next year, closed Tuesday.", "2024-03-06", [("next year", "2025"), ("Tuesday", "2024-03-05")]),
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


# A month opening a sentence with its preposition; "May" the name and the verb stay safe.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("In February, the council approved the budget.", "2024-05-20", [("February", "2024-02")]),
    ("In May she resigned from the board.", "2024-07-02", [("May", "2024-05")]),
    ("By April the branch had closed.", "2024-07-02", [("April", "2024-04")]),
    ("In May Ellison's view, the vote was fair.", "2024-07-02", []),
    ("In August, the mayor resigned.", "2025-06-12", [("August", "2024-08")]),  # the last August before publication
    ("May the best bid win, the mayor said.", "2024-07-02", []),
])
def test_a_month_opening_a_sentence(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


# A year-less month that looks ahead is the coming one; "this"/"next" month words count from publication.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The hearing is due to begin in October in Marlow.", "2024-02-12", [("October", "2024-10")]),
    ("The audit, once set for this November, was moved.", "2024-08-01", [("November", "2024-11")]),
    ("The audit is planned for this November.", "2024-05-01", [("November", "2024-11")]),
    ("The trial is scheduled for next April.", "2024-10-01", [("April", "2025-04")]),
    ("The trial is scheduled for next October.", "2024-04-01", [("October", None)]),  # this year's or next year's
    ("The clerk told the jurors to come back at 10 a.m. Monday.", "2024-03-07", [("Monday", None)]),  # ahead, or told after
    ("Police asked residents to stay indoors Tuesday.", "2024-03-07", [("Tuesday", None)]),
    ("The clerk asked the board on Monday to vote.", "2024-03-07", [("on Monday", "2024-03-04")]),
    # a clock time's colon is no clause edge: the plan still governs the weekday after it
    ("The board is scheduled to meet again at 9:30 a.m. Friday.", "2024-03-07", [("Friday", "2024-03-08")]),
    ("The mayor faces a recall vote when the council is scheduled to meet at 10:15 a.m. Monday.", "2024-03-07",
     [("Monday", "2024-03-11")]),
    # "beginning April 1" after a noun, and a headline's "Hearing Set For March 11" (its "is" left out), look ahead
    ("The ruling cleared the way for a new audit beginning April 1.", "2024-02-12", [("April 1", "2024-04-01")]),
    ("Treasurer Hearing Set For March 11.", "2024-02-20", [("March 11", "2024-03-11")]),
])
def test_future_months_and_weekdays(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


# Relative day words: a day only when the article is day-dated; a week is not a day; seasons give a year.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The mayor spoke to reporters last night.", "2024-03-08", [("last night", "2024-03-07")]),
    ("The clerk filed the papers this morning.", "2024-03-08", [("this morning", "2024-03-08")]),
    ("The board met last week.", "2024-03-20", [("last week", "2024-03")]),  # a week is not a day, but it is in March
    ("The board met last week.", "2024-03-08", [("last week", "2024")]),  # late February or early March
    ("The board met last week.", "2024-01-05", [("last week", None)]),
    ("The board meets this week.", "2024-03-20", [("this week", None)]),
    ("Readers found us through last week's podcast.", "2024-03-20", [("last week", None)]),
    ("Last fall, the library closed a branch.", "2024-03-08", [("Last fall", "2023")]),
    ("The library closed a branch last fall.", "2024-12-08", [("last fall", None)]),
    ("A new branch is due to open this spring.", "2024-03-08", [("this spring", "2024")]),
    ("The mayor spoke to reporters last night.", "2024-03", [("last night", None)]),
])
def test_relative_day_words(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


# "that summer", "the next month", "the day after": only from a certain anchor, at the anchor's precision at most.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("She resigned in June 2019 and moved away that summer.", [("June 2019", "2019-06"), ("that summer", "2019")]),
    ("The branch opened in 2015 and closed that year.", [("2015", "2015"), ("that year", "2015")]),
    ("He was charged in May 2020 and arrested the next month.", [("May 2020", "2020-05"), ("the next month", "2020-06")]),
    ("He was charged on May 4, 2020 and arrested the next day.", [("May 4, 2020", "2020-05-04"), ("the next day", "2020-05-05")]),
    ("The flood came in 2016 and the branch closed that night.", [("2016", "2016"), ("that night", "2016")]),
    ("The branch closed that night.", [("that night", None)]),
])
def test_relative_words_with_an_anchor(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, "2024-03-08") == expected


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


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The budget vote is now set for next year.", "2023-11-28", [("next year", "2024")]),
    ("The audit is due next month.", "2023-12-05", [("next month", "2024-01")]),
    ("The hearing resumes Monday morning.", "2024-03-07", [("Monday", "2024-03-11")]),
    ("The council met on Oct. 10, 2023, and the mayor signed the same afternoon.", "2024-03-07",
     [("Oct. 10, 2023", "2023-10-10"), ("the same afternoon", "2023-10-10")]),
])
def test_ahead_of_publication(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    # "next October" said in September is not next month (that would be "next month"): the following year's
    ("The clerk is due to stand trial next October.", "2022-09-21", [("October", "2023-10")]),
    ("The clerk is due to stand trial next October.", "2022-10-05", [("October", "2023-10")]),
    # "next December" said in September may be either: no value
    ("The clerk is due to stand trial next December.", "2022-09-21", [("December", None)]),
    # "pending a hearing on Wednesday" looks ahead (published on a Tuesday)
    ("The clerk was held pending a bail hearing on Wednesday.", "2021-12-14", [("on Wednesday", "2021-12-15")]),
])
def test_next_month_and_pending(sentence: str, published: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a bound is not a date: "at least 2019", "as early as March 2018", "no later than 2020"
    ("The clerk moved money beginning in at least 2019 to a side account.", [("2019", None)]),
    ("The audit traced the payments as early as March 2018.", [("March 2018", None)]),
    ("The council must repay the fund no later than 2020.", [("2020", None)]),
    # "at least" before something else is no bound
    ("At least three people left the council in 2019.", [("2019", "2019")]),
])
def test_a_bound_is_not_a_date(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, "2024-03-08") == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The mayor spent Valentine's Day in a council hearing.", "2023-02-16", [("Valentine's Day", "2023-02-14")]),
    ("The mayor spent Christmas Eve at the library.", "2023-01-03", [("Christmas Eve", "2022-12-24")]),
    ("The library will reopen on New Year’s Day.", "2022-12-20", [("New Year’s Day", "2023-01-01")]),
    ("The branch closed on Halloween 2019.", "2023-01-03", [("Halloween 2019", "2019-10-31")]),
    ("The branch closed on Halloween.", None, [("Halloween", None)]),
])
def test_fixed_date_holidays(sentence: str, published: str | None, expected: list[tuple[str, str | None]]) -> None:
    assert values(sentence, published) == expected
