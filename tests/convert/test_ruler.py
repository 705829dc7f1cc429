"""Named rules (site_builder/ruler.py): order, enabling and disabling by name, and the stages built on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.convert.attribution import VERB_RULES, attribute
from site_builder.convert.claims import CLAIM_RULES, extract_claims
from site_builder.convert.events import DATED, UNDATED, extract_events
from site_builder.convert import convert
from site_builder.convert.merge import FIND
from site_builder.ruler import Ruler
from site_builder.articles.timex import DATES, SPANS, find_dates
from site_builder.convert.segment import BREAKS, QUOTATIONS, segment, split_sentences
from site_builder.convert.topics import LOOKUP, TopicDef, TopicMatcher

from .conftest import CASES, article_doc, make_project
from .test_events import PUBLISHED, TOPICS


def _ruler() -> Ruler[list[str]]:
    def note(word: str, handles: bool):  # type: ignore[no-untyped-def]
        def rule(seen: list[str]) -> bool:
            seen.append(word)
            return handles
        return rule
    return Ruler("test", [("first", note("first", False)), ("second", note("second", True)), ("third", note("third", True))])


def test_the_first_rule_that_handles_the_case_wins_and_the_rest_are_not_tried() -> None:
    seen: list[str] = []
    assert _ruler().run(seen) == "second"
    assert seen == ["first", "second"]


def test_a_disabled_rule_is_skipped_and_can_be_enabled_again() -> None:
    ruler, seen = _ruler(), []
    ruler.disable(["second"])
    assert ruler.run(seen) == "third" and seen == ["first", "third"]
    ruler.enable(["second"])
    assert ruler.names() == ["first", "second", "third"] and ruler.active() == ruler.rules


def test_run_all_runs_every_active_rule_in_order() -> None:
    ruler, seen = _ruler(), []
    ruler.disable(["first"])
    ruler.run_all(seen)
    assert seen == ["second", "third"]


def test_an_unknown_or_repeated_name_is_an_error() -> None:
    ruler = _ruler()
    with pytest.raises(ValueError, match=r"^test: no rule named secnd$"):
        ruler.disable(["secnd"])
    with pytest.raises(ValueError, match=r"^test: a rule named 'first' is already there$"):
        ruler.push("first", lambda seen: True)


def test_the_events_rules_are_named_in_the_order_they_are_tried() -> None:
    assert DATED.names() == ["repeated-date", "cut-off", "photo-caption", "since-a-period", "as-of", "relative-to-an-act", "named-again", "dated-noun-phrase", "press-contact", "negated", "statistic", "expectation",
                             "price-or-level", "dated-act"]
    assert UNDATED.names() == ["dated-already", "hedged-or-quoted", "no-act-told", "negated-act", "undated-act"]


def test_disabling_an_events_rule_by_name_takes_its_events_away() -> None:
    """"A judge dismissed the council lawsuit." makes one undated event; without the rule that makes it, none."""
    def events() -> list[str]:
        doc = article_doc(["A judge dismissed the council lawsuit."], PUBLISHED, TOPICS)
        extract_events(doc)
        return [rule for e in doc.events for rule in e.rules]

    assert events() == ["events.undated-act"]
    UNDATED.disable(["undated-act"])
    try:
        assert events() == []
    finally:
        UNDATED.enable(["undated-act"])
    # and without the negation rule, "did not respond … on Tuesday" would be an act of Tuesday
    DATED.disable(["negated"])
    try:
        doc = article_doc(["The mayor did not respond to questions about the council budget on Tuesday."], PUBLISHED, TOPICS)
        extract_events(doc)
        assert [(e.date, e.rules) for e in doc.events] == [("2024-03-05", ["events.dated-act"])]
    finally:
        DATED.enable(["negated"])


def test_the_topics_rules_find_terms_as_written_in_any_case_and_inflected() -> None:
    """"TLC" matches only as written; "lawsuit" in any case; "lawsuits" and "charged" only by the inflection rule."""
    def hits(sentence: str) -> dict[str, float]:
        matcher = TopicMatcher([TopicDef("media", "Media", ("TLC",)), TopicDef("court", "Court", ("lawsuit", "charge"))])
        return matcher.match(sentence)

    assert LOOKUP.names() == ["as-written", "any-case", "inflected"]
    assert hits("TLC aired it; tlc did not.") == {"media": 1}
    assert hits("Lawsuit filed.") == {"court": 1}
    assert hits("The lawsuits were charged.") == {"court": 2}
    LOOKUP.disable(["inflected"])
    try:
        assert hits("The lawsuits were charged.") == {}
    finally:
        LOOKUP.enable(["inflected"])


def test_the_segmenter_quotation_rules_are_named_and_each_adds_its_own() -> None:
    """A statement introduced by a colon is a quotation only through the statement-blocks rule."""
    paragraphs = ["Lee Marsh, the lawyer for Dana Pike, released this statement Thursday:",
                  "Today is a hard day for the family and for everyone who knew the victims of this crime."]
    assert QUOTATIONS.names() == ["quotation-marks", "transcript-labels", "statement-blocks"]
    assert [q.inner for q in segment(paragraphs).quotes] == [paragraphs[1]]
    QUOTATIONS.disable(["statement-blocks"])
    try:
        assert segment(paragraphs).quotes == []
    finally:
        QUOTATIONS.enable(["statement-blocks"])


def test_the_sentence_break_rules_are_named_and_the_first_that_decides_wins() -> None:
    """"Dr. Ruiz testified for two hours.": the abbreviation rule keeps one sentence; without it no rule stops the
    full stop after "Dr", which then ends a sentence."""
    text = "Dr. Ruiz testified for two hours."
    assert BREAKS.names() == ["no-capital-after", "brand-exclamation", "question-or-exclamation", "initial",
                              "dotted-abbreviation", "abbreviation"]
    assert split_sentences(text) == [(0, len(text))]
    BREAKS.disable(["abbreviation"])
    try:
        assert [text[a:b] for a, b in split_sentences(text)] == ["Dr.", "Ruiz testified for two hours."]
    finally:
        BREAKS.enable(["abbreviation"])


def test_the_dates_rules_are_named_and_an_earlier_one_takes_its_words() -> None:
    """"on March 3, 2025, and again on Tuesday": the day-and-month rule dates the first, the weekday rule the second;
    without the day-and-month rule only the year is left of the first (a month with a day after it is no month alone)."""
    sentence = "The court met on March 3, 2025, and again on Tuesday."
    assert DATES.names() == ["iso-date", "day-and-month", "holiday", "month-and-year", "month-alone", "year", "weekday",
                             "anchored", "relative-day", "relative-span"]
    assert [(d.text, d.value) for d in find_dates(sentence, "2025-03-06")] == [("March 3, 2025", "2025-03-03"), ("on Tuesday", "2025-03-04")]
    DATES.disable(["day-and-month"])
    try:
        assert [(d.text, d.value) for d in find_dates(sentence, "2025-03-06")] == [("2025", "2025"), ("on Tuesday", "2025-03-04")]
    finally:
        DATES.enable(["day-and-month"])



def test_the_relative_span_rules_are_named_and_the_first_that_applies_places_the_span() -> None:
    """"closed six months later": counted from the one date before it (March 2015) by the later-or-earlier rule;
    without it, no rule that follows counts it from a date the span does not follow directly, and it has no value."""
    sentence = "The store opened in March 2015 and closed six months later."
    assert SPANS.names() == ["the-unit", "ago", "around-a-date", "uncounted", "later-or-earlier", "after-or-before-an-act"]
    assert [(d.text, d.value) for d in find_dates(sentence, "2024-01-10")] == [("March 2015", "2015-03"), ("six months later", "2015-09")]
    SPANS.disable(["later-or-earlier"])
    try:
        assert [(d.text, d.value) for d in find_dates(sentence, "2024-01-10")] == [("March 2015", "2015-03"), ("six months later", None)]
    finally:
        SPANS.enable(["later-or-earlier"])

def test_the_merge_matching_rules_know_a_draft_again(tmp_path: Path) -> None:
    """The article converted again: each draft is found by the citation it shares with its item. Without the
    matching rules the merger cannot know them again, and the ledger's record of them reads as an editor's deletion."""
    assert FIND.names() == ["shares-a-citation", "ledger-id", "edited-citation", "decided-sentence"]
    content, articles = make_project(tmp_path, CASES.parent / "fixtures" / "case.yaml", Path(__file__).parent / "explain")
    assert convert([articles], content).withheld == 0
    assert convert([articles], content).withheld == 0
    FIND.disable(FIND.names())
    try:
        assert convert([articles], content).withheld == 4  # its event, its two claims (the ruling, the lawyer's words), its quote
    finally:
        FIND.enable(FIND.names())


def test_the_attribution_verb_rules_name_the_rule_that_found_the_speaker() -> None:
    """Each reporting verb goes to the first of the attribution rules that handles it, and the trail names that rule
    ("before" adding the rule of its own ruler); "according to E! News" is handled, giving nobody."""
    assert VERB_RULES.names() == ["tag-only", "accused-by", "passive-agent", "participle-of", "participle", "ruling", "according-to", "before",
                                  "speaker-after-verb"]

    def found(sentence: str) -> tuple[str | None, str] | None:
        doc = article_doc([sentence], PUBLISHED, TOPICS)
        attribution = attribute(doc.seg, doc.rec, 0)
        return (attribution.speaker, attribution.rule) if attribution else None

    assert found("The studio lied, according to Dana Pike.") == ("dana-pike", "attribution.according-to (according)")
    assert found("The studio lied, according to E! News.") is None
    assert found('"The studio lied," said Dana Pike.') == ("dana-pike", "attribution.speaker-after-verb (said)")
    assert found("Dana Pike said the studio lied.") == ("dana-pike", "attribution.before.named-subject (said)")
    VERB_RULES.disable(["before"])
    try:
        assert found("Dana Pike said the studio lied.") is None  # nobody after "said" either
    finally:
        VERB_RULES.enable(["before"])


def test_the_claims_rules_name_whose_claim_a_sentence_is() -> None:
    """A sentence a named person says is theirs (said-by); one nobody says is the outlet's (outlet-voice), and without
    that rule it is no claim; a question is none whoever says it."""
    assert CLAIM_RULES.names() == ["no-case-words", "short-or-question", "mostly-quoted", "drawn-as-event", "said-by",
                                   "unfiled-document", "outlet-voice"]

    def claims(*paragraphs: str) -> list[tuple[str | None, list[str]]]:
        doc = article_doc(list(paragraphs), PUBLISHED, TOPICS)
        extract_claims(doc, "the-paper", "fact")
        return [(c.attributed_to, c.rules) for c in doc.claims]

    said = claims("Dana Pike said the council budget hides a deficit of two million dollars.")
    assert [(who, rules[0].split(" > ")[0]) for who, rules in said] == [("dana-pike", "claims.said-by")]
    sentence = "The council budget remains a matter of fierce debate among residents."
    assert claims(sentence) == [("the-paper", ["claims.outlet-voice"])]
    assert claims("Did the council budget hide a deficit of two million dollars?") == []
    CLAIM_RULES.disable(["outlet-voice"])
    try:
        assert claims(sentence) == []
    finally:
        CLAIM_RULES.enable(["outlet-voice"])
