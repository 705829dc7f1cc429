import pytest

from site_builder.dates import PartialDate, When


@pytest.mark.parametrize(
    ("text", "shown", "precision"),
    [("2021", "2021", "year"), ("2021-10", "October 2021", "month"), ("2021-10-21", "21 October 2021", "day")],
)
def test_dates_display_only_the_precision_written(text: str, shown: str, precision: str) -> None:
    date = PartialDate.parse(text)
    assert date.display() == shown
    assert date.precision == precision
    assert date.iso() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-02-29", "impossible date '2021-02-29': February 2021 has 28 days"),
        ("2021-13", "impossible date '2021-13': there is no month 13"),
        ("2021-04-31", "impossible date '2021-04-31': April 2021 has 30 days"),
        ("2024-05-00", "impossible date '2024-05-00': there is no day 0"),
        ("21-10-2021", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '21-10-2021'"),
        ("October 2021", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found 'October 2021'"),
        # ASCII digits with nothing around them: dates are copied as written into case.json, the sitemap and JSON-LD
        (" 2024-03", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ' 2024-03' (no spaces or line breaks around the date)"),
        ("2024-03\n", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '2024-03\\n' (no spaces or line breaks around the date)"),
        ("２０２４-03", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '２０２４-03' (use the digits 0-9)"),
        ("2024-0٣", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '2024-0٣' (use the digits 0-9)"),
    ],
)
def test_impossible_and_malformed_dates_are_rejected(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        PartialDate.parse(text)
    assert str(info.value) == message


def test_leap_day_is_possible() -> None:
    assert PartialDate.parse("2024-02-29").display() == "29 February 2024"


def test_bound_is_shown_as_by() -> None:
    when = When(None, PartialDate.parse("2025-02-17"))
    assert when.display() == "by 17 February 2025"
    assert when.precision == "bound"
    assert When(None, PartialDate.parse("2025-03-04"), "ten days before the trial").display() == "by 4 March 2025 (ten days before the trial)"


def test_sorting_by_earliest_then_latest_possible_day() -> None:
    year = When(PartialDate.parse("2021"), None)
    month = When(PartialDate.parse("2021-10"), None)
    day = When(PartialDate.parse("2021-10-21"), None)
    bound = When(None, PartialDate.parse("2021-10-25"))
    later = When(PartialDate.parse("2022-01-01"), None)
    ordered = sorted([later, bound, day, month, year], key=When.sort_key)
    assert ordered == [year, month, day, bound, later]
