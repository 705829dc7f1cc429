"""Stage 4, events: what counts as an event, its date (only as precise as the text allows) and its strand."""

from __future__ import annotations

from site_builder.convert.events import extract_events
from site_builder.convert.items import DraftEvent
from site_builder.convert.topics import TopicDef, TopicMatcher

from .conftest import article_doc

TOPICS = TopicMatcher([
    TopicDef("council", "Council", ("council", "budget", "mayor", "lawsuit", "settled", "resigned", "audit", "auditors")),
    TopicDef("library", "Library", ("library", "books", "branch", "readers", "class action", "refund", "patrons")),
])
PUBLISHED = "2024-03-08"  # a Friday


def events(*paragraphs: str, published: str = PUBLISHED) -> list[DraftEvent]:
    doc = article_doc(list(paragraphs), published, TOPICS)
    extract_events(doc)
    return doc.events


def dated(*paragraphs: str, published: str = PUBLISHED) -> list[tuple[str | None, str]]:
    return [(e.date, e.title) for e in events(*paragraphs, published=published) if e.date]


def test_a_speaker_s_today_or_weekday_does_not_date_an_event() -> None:
    # a speaker's "today" or "Tuesday" counts from the day they spoke (rules/events.txt);
    # a date with its year written means the same whoever says it (quoted documents, rulings)
    assert dated("“The council filed its budget appeal on Sept. 5, 2023,” the ruling reads.") == [
        ("2023-09-05", "The council filed its budget appeal on Sept. 5, 2023")]
    assert dated("The mayor said the library branch opened on Tuesday after a long wait.") == [("2024-03-05", "The mayor said the library branch opened on Tuesday after a long wait")]


def test_a_range_is_a_period_not_two_events() -> None:
    found = events("Between 2016 and 2020 the council approved every library budget.")
    assert [e.date for e in found if e.date] == []
    assert [(e.not_after, e.when) for e in found] == [(PUBLISHED, "Between 2016 and 2020")]


def test_a_relative_date_anchored_in_the_previous_sentence() -> None:
    found = events("The council approved the library budget on May 3, 2022.", "The mayor signed the budget three days later.")
    assert [(e.date, e.when) for e in found] == [("2022-05-03", None), ("2022-05-06", "three days later")]
    # two dates before it: the anchor is not certain, so the date stays relative
    found = events("The council met on May 3, 2022, and again on May 9, 2022.", "The mayor signed the budget three days later.")
    assert [(e.date, e.not_after, e.when) for e in found][-1] == (None, PUBLISHED, "three days later")
    # the anchor is a year: "three days later" cannot be dated
    found = events("The council approved the library budget in 2022.", "The mayor signed the budget three days later.")
    assert [(e.date, e.not_after) for e in found] == [("2022", None), (None, PUBLISHED)]
    # a speaker's "Tuesday" is no anchor either
    found = events("“We finished the library budget on Tuesday,” the mayor said.", "The council approved the budget three days later.")
    assert [(e.date, e.when) for e in found] == [(None, "three days later")]
    # not the sentence before: too far to be certain (rules/events.txt)


def test_the_anchor_inside_a_relative_span_does_not_date_the_event() -> None:
    found = events("Ten days before her June 20, 2022 hearing, the mayor resigned from the council.")
    assert [(e.date, e.when, e.title) for e in found] == [
        ("2022-06-10", "Ten days before her June 20, 2022 hearing", "Ten days before her June 20, 2022 hearing, the mayor resigned from the council"),
        ("2022-06-20", None, "Her June 20, 2022 hearing")]
    # … though it dates the words it sits in (and, like any dated noun phrase, leaves the main statement to the claims)
    found = events("Three months before his 2022 hearing, the mayor resigned from the council.")
    assert [(e.date, e.title) for e in found] == [("2022", "His 2022 hearing")]


def test_what_happened_a_while_before_a_dated_clause() -> None:
    found = dated("The mayor resigned in July 2022, a month after auditors searched the council offices.")
    assert ("2022-06", "Auditors searched the council offices") in found
    assert [d for d, _ in found] == ["2022-07", "2022-06"]


def test_the_topic_of_a_dated_event_is_the_sentence_s_own_strongest() -> None:
    # the words next to the date ("was settled") lean to the council; the sentence is about the library
    assert [e.topic for e in events("A class action over library refunds for patrons was settled last March.")] == ["library"]
    # a dated noun phrase without topic words takes the sentence's strongest strand, not the first one listed
    found = events("A council lawsuit says the library billed patrons twice for a 2019 visit and still owes the refund.")
    assert [(e.date, e.topic) for e in found if e.date] == [("2019", "library")]


def test_a_bare_noun_phrase_is_not_an_event_title() -> None:
    # "a day after the vote": the words after the span are no statement of their own
    found = dated("The council approved the library budget on May 7, 2022, a day after the vote.")
    assert found == [("2022-05-07", "The council approved the library budget on May 7, 2022, a day after the vote")]


def test_the_start_of_a_state_is_titled_from_its_own_clause_or_not_at_all() -> None:
    found = dated("Teodor Marsh, who has chaired the council since 2015, resigned from the council in March 2023.")
    assert ("2015", "Teodor Marsh has chaired the council since 2015") in found
    assert all(not title.startswith("Teodor Marsh, who") for date, title in found if date == "2015")
    # no clause of its own to title it: no event of that date (rules/events.txt)


def test_a_sentence_opening_month_and_relative_words() -> None:
    assert dated("In February, the council approved the library budget.", published="2024-05-20") == [
        ("2024-02", "The council approved the library budget")]
    # "the next month", "that summer", and a speaker's "last night": rules/events.txt
    assert dated("The council approved the library budget last night.") == [("2024-03-07", "The council approved the library budget last night")]


def test_the_start_of_a_state_behind_a_quoted_title() -> None:
    found = dated("The Library Guild, which has run “Read Aloud” since 2015, closed the Elm branch in 2023.")
    assert ("2015", "The Library Guild has run “Read Aloud” since 2015") in found


def test_a_month_modifying_a_noun_dates_that_noun_phrase() -> None:
    found = dated("The lawsuit, filed on Monday, says the mayor lied in a February interview with “City Beat.”")
    assert ("2024-03-04", "The lawsuit, filed on Monday, says the mayor lied in a February interview with “City Beat") not in found
    assert [d for d, _ in found] == ["2024-03-04", "2024-02"]
    assert found[1][1] == "February interview"


def test_a_clause_without_its_own_subject_takes_the_sentence_s_opening_noun() -> None:
    found = dated("The audit, once planned for this November, was postponed last month to March 2025.", published="2024-08-20")
    assert ("2024-07", "The audit was postponed last month to March 2025") in found


def test_a_sentence_may_date_three_events() -> None:
    found = dated("The audit, once planned for this November, was postponed last month to March 2025.", published="2024-08-20")
    assert sorted(d for d, _ in found if d) == ["2024-07", "2024-11", "2025-03"]


def test_a_negation_in_an_earlier_coordinated_clause() -> None:
    # "did not enter a plea and was held …": the holding happened (published on a Tuesday)
    assert [d for d, _ in dated("The council treasurer did not enter a plea and was held pending a budget hearing on Wednesday.",
                                published="2021-12-14")] == ["2021-12-15"]
    assert dated("The council did not meet and did not vote on Wednesday.", published="2021-12-14") == []


def test_a_statement_in_a_filing_or_about_an_act_is_an_event() -> None:
    # published another day than rules/events.txt's, where the other cases are
    assert [d for d, _ in dated("The treasurer said in a court filing last week that the library fund was empty.", published="2024-03-20")] == ["2024-03"]


def test_a_clause_opening_with_whose_is_titled_with_its_owner() -> None:
    found = dated("Dana Reyes, whose library branch lost the council budget in January 2024, faces eight counts.")
    assert found == [("2024-01", "Dana Reyes’ library branch lost the council budget in January 2024")]


def test_an_act_named_again_after_when_keeps_its_date() -> None:
    found = dated("The library halted loans on Nov. 10 and filed for bankruptcy five days later.",
                  "Dana Reyes, a specialist who took over as the library's chief executive when it filed for bankruptcy, said in a court filing "
                  "last week that the council budget was short.", published="2021-12-14")
    assert ("2021-11-15", "Dana Reyes took over as the library's chief executive when it filed for bankruptcy") in found
    # an act the article did not date dates nothing (rules/events.txt)


def test_a_clause_opening_with_a_pronoun_keeps_it_as_its_subject() -> None:
    # "… after he took the stand in 2023": the clause has its subject; the sentence's first name is someone else
    found = dated("Auditor Ines Vale praised the library, a turnaround like the way Mayor Dana Reyes recovered after he took the council "
                  "budget stand in March 2023.")
    assert found == [("2023-03", "He took the council budget stand in March 2023")]


def test_a_name_modifying_a_noun_is_not_the_subject_of_a_clause() -> None:
    # "the highly-publicized Dana Reyes budget trial": Reyes names the trial; the clause after "after" is the clerk's
    found = dated("The former council clerk who oversaw the highly-publicized Dana Reyes budget trial was sentenced on Monday after "
                  "pleading guilty to charges from her arrest earlier this year.")
    assert [(d, t) for d, t in found if d == "2024"] == [("2024", "Pleading guilty to charges from her arrest earlier this year")]


def test_a_clause_after_but_keeps_its_own_subject() -> None:
    found = dated("The treasurer had first been questioned by the council, but a grand jury on Tuesday indicted her on the budget charge.")
    assert found == [("2024-03-05", "A grand jury on Tuesday indicted her on the budget charge")]


def test_a_cut_off_last_sentence_dates_only_a_clause_complete_before_the_cut() -> None:
    """A stored excerpt ending mid-sentence: its last sentence is no claim, but a dated clause that ends before the
    cut is whole ("…, the treasurer said she learned in 2020 that the fund was empty, but she did not tell the co")."""
    def cut(*paragraphs: str) -> list[tuple[str | None, str]]:
        doc = article_doc(list(paragraphs), PUBLISHED, TOPICS)
        doc.skip = frozenset({len(doc.seg.sentences) - 1})
        extract_events(doc)
        return [(e.date, e.title) for e in doc.events]

    assert cut("At the budget hearing, treasurer Ana Cole said she learned in 2020 that the council fund was empty, but she did "
               "not tell the co") == [("2020", "Treasurer Ana Cole said she learned in 2020 that the council fund was empty")]
    # the clause holding the date runs into the cut: nothing whole to date
    assert cut("The council approved the budget on Monday. The mayor resigned from the council on March 1 after a long dispute ov") == [
        ("2024-03-04", "The council approved the budget on Monday")]


def test_a_short_quotation_inside_the_date_s_clause_stays_in_its_title() -> None:
    # "said Friday that the audit “remains open and active” and that …": the title is no cut-off "… that the audit"
    found = dated("Ana Cole, a spokesperson for the council, said on Tuesday that the budget audit “remains open and active” and that "
                  "“auditors entered the library” last week.")
    assert found[0] == ("2024-03-05", "Ana Cole said on Tuesday that the budget audit “remains open and active”")


def test_an_act_told_again_less_precisely_naming_nobody_is_no_second_event() -> None:
    # "a library clerk who died in January" names nobody; the article dates that death to the day: one event, not two
    found = dated("The council honored a library clerk who died in January at the budget meeting on Tuesday.",
                  "The library clerk Ana Cole died at the branch on Jan. 29.")
    assert [d for d, _ in found] == ["2024-03-05", "2024-01-29"]
    # naming someone, or another act, it stays
    found = dated("The council honored a library clerk who was hired in January at the budget meeting on Tuesday.",
                  "The library clerk Ana Cole died at the branch on Jan. 29.")
    assert [d for d, _ in found] == ["2024-01", "2024-03-05", "2024-01-29"]


def test_the_defendant_named_only_by_a_description_is_the_person_the_article_is_about() -> None:
    # "the 58-year-old defendant": the participant is the person named before (not the prosecutor, named as often,
    # nor the auditor the sentence names after the description), so that two reports of one act can be joined
    found = events("Prosecutors will not retry builder Dana Pike over the council budget, Deputy District Attorney Lee Marsh said.",
                   "Marsh said the council audit was a hard case, and Pike's lawyer welcomed the decision.",
                   "Jurors convicted the 58-year-old defendant in January 2024 of taking council funds, a case first raised by auditor Tom Reed.")
    convicted = [e for e in found if e.date == "2024-01"]
    assert [e.people for e in convicted] == [["dana-pike", "tom-reed"]]
    # with nobody but officials named before, the description stands for nobody
    found = events("Deputy District Attorney Lee Marsh spoke about the council budget.",
                   "Jurors convicted the 58-year-old defendant in January 2024 of taking council funds.")
    assert [e.people for e in found if e.date == "2024-01"] == [[]]


def test_a_date_in_a_participle_clause_is_titled_by_its_clause_not_the_sentence() -> None:
    # "…, clearing the way for the council's new budget vote beginning April 1": April 1 is the vote's date; the
    # sentence's act (the court's denial) is Tuesday's, and the vote is no act of the court's
    assert dated("The court on Tuesday denied the council's appeal of the library budget ruling, clearing the way for the council's "
                 "new budget vote beginning April 1.") == [
        ("2024-03-05", "The court on Tuesday denied the council's appeal of the library budget ruling, clearing the way for the "
                       "council's new budget vote beginning April 1"),
        ("2024-04-01", "Clearing the way for the council's new budget vote beginning April 1")]


def test_a_subordinator_after_a_quotation_opens_no_title() -> None:
    # the quotation mark ends the clause before "until": the act dated is the audit, nobody's act of "until"
    assert dated('The mayor said the council "could not say how much" until an audit of the budget scheduled for Thursday.') == [
        ("2024-03-14", "An audit of the budget scheduled for Thursday")]
