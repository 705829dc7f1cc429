"""Events: what happened, dated only as precisely as the article allows.

In: a segmented, recognised article. Out: :class:`~.items.DraftEvent`
objects. A sentence with an absolute date makes an event at that date (a
year used as a modifier — "the 2021 death of X" — dates just that noun
phrase). A sentence that reports a completed action without a date ("a
judge dismissed the charge") makes an event bounded by the publication date
(``not_after``); relative wording ("ten days before the trial") is kept in
``when``, and dated when its anchor is certain (a date inside it, or the one
date of the previous sentence for "three days later"; "that night" only from
an anchor at least as precise as a night).

Not events: a speaker's "today" or "Tuesday" inside a quotation (it counts
from the day they spoke), a negated clause ("did not respond on Tuesday",
"has not been charged"), a statistic over a period ("treated 48,000 patients
last year") and a range ("between 2016 and 2020", a period the date finder
leaves without a value), a bare noun phrase after a span ("a day after the
main verdict"), and a "since 2012" that opens no clause of its own (the start
of a state is titled "X has aired Y since 2012" or not at all). Nor is a dated
statement — the date belongs to a saying ("said at a news conference on
Monday", "declined to comment on Monday", "in a blog post on Tuesday"), a claim
or quote — unless it is made in a filing or in court or says that something
was done ("said Wednesday it had suspended payments"); nor an expectation ("a
decision is expected this spring", "hope to file one this spring"), a price or
level ("was trading at 41 cents, down from $2 a week earlier") or a quoted date
that is no time of anything ("treats November 2021 like …"). An act the article
dated ("filed for bankruptcy five days later") dates a later "when it filed for
bankruptcy". A sentence's strand is its own strongest; the words next to a date
only break a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .doc import ArticleDoc
from .items import Cite, DraftEvent
from .lexicon import ALLEGE_VERBS, DENY_VERBS, SPEECH_VERBS
from .merge import actions
from .lexicon.events import (AUXILIARIES, CAPTION_CUE, CAPTION_VERB, DETERMINERS, EVENT_VERBS, EXPECT_VERBS, HEDGE, HEDGE_WORDS, HOPE_VERBS, LEVEL, LEVEL_GATE, MEDIUM,
                             NEGATION, NEGATION_GATE, OTHER_VERBS, PRESS_CONTACT, STATEMENT_GATE, STATEMENT_VERBS, SUBJECT_PRONOUNS, TIME_OF_DAY,
                             TIME_PREPOSITIONS)
from .neutral import DATELINE, clip, neutralise
from .recognise import Recognised, SentenceFacts
from ..ruler import Ruler
from .segment import Segmented, Sentence
from ..articles.datewords import WEEKDAY_WORDS
from ..articles.timex import DateMention, shift_date
from .topics import TopicMatcher

_REPORTING = SPEECH_VERBS | ALLEGE_VERBS | DENY_VERBS
_WORD = re.compile(r"\w+")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_LETTERS = re.compile(r"[A-Za-z]+")
_BOUNDARY = re.compile(r",\s+|;\s+|\s+[–—]\s+|\s+(?:after|when|before|because|until)\s+|[“”\"]\s*")
_ATTRIBUTIVE = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]+)")
_LEADING_DATE = re.compile(r"^(?:(?:In|On|By|Since|Back in|Early|Late)\s+)?(?P<d>.{1,30}?),\s+")
# "did not enter a plea and was held …": "and" before a verb of its own starts a clause; so does "until" ("did
# not leave until Tuesday": left on Tuesday, the negation does not reach the date)
_CLAUSE_START = re.compile(r",(?!\d)|[;:()]|\s[–—-]\s|\b(?:that|who|which|while|when|after|before|because|although|but|where|until)\b"
                           r"|\band\s+(?=(?:was|were|is|are|has|have|had)\b)")
# a pronoun subject after the date starts the reported clause of a left-out "that": "announced Tuesday they will not …"
_CLAUSE_END = re.compile(r",(?!\d)|[;:()]|\s[–—-]\s|\b(?:and|that|who|which|while|when|after|before|because|although|but|where)\b"
                         r"|\b(?:he|she|they|we)\s+(?=(?:will|would|could|can|did|does|do|had|has|have|was|were|is|are)\b)")
_LEAD_IN = re.compile(r"\W*(?:(?:on|in|by|since|early|late|last|this)\s+)?\W*$", re.IGNORECASE)
# A count ("48,000 patients", "30 percent"), not money: with a period date and no event verb, a statistic.
_COUNT = re.compile(r"(?<![$€£\d.,])\b\d{1,3}(?:,\d{3})+\b(?!\s+(?:dollars|euros|pounds)\b)|\b\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)")
_YEAR_WRITTEN = re.compile(r"\d{4}")
_LEAD_NOUN = re.compile(r"((?:The|A|An|His|Her|Its|Their)(?:\s+[a-z][\w'’-]*){1,3}),\s")
_PRECISION = {"day": 10, "month": 7, "year": 4}
# an act named again: "filed for bankruptcy five days later" … "when it filed for bankruptcy"
_ACT_BEFORE = re.compile(r"\b(?P<a>(?P<v>[a-z]+ed)(?:\s+[a-z]+){1,2})\s+(?:(?:on|in)\s+)?$")
_WHEN_ACT = re.compile(r"\bwhen\s+(?:it|he|she|they|the\s+[a-z]+|[A-Z][\w’'-]+)\s+(?P<a>[a-z]+ed(?:\s+[a-z]+){1,2}?)(?=[,;.]|\s+(?:and|but)\b|$)")
_SINCE = re.compile(r"\b[Ss]ince\s+$")
_SINCE_CLAUSE = re.compile(r"(?:^|[,;]\s+)(?P<s>[A-Z][^,;]{1,60}?),\s+(?:who|which)\s+(?P<c>(?:has|have|had)\b[^,;]{3,100}?since\s+)$")
_TAIL = re.compile(r",\s+(?:according to|per)\s+[^,]+\.?$|,\s+(?:[a-z]+\s+){0,3}(?:officials|police|prosecutors|authorities)\s+said\.?$|,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+said\.?$")


@dataclass
class EventSite:
    """The events stage's state: one sentence of the document, and (while its dates are tried) one of its dates."""

    doc: ArticleDoc
    i: int
    dated: list[DateMention]  # the sentence's dates that can date an event
    people: list[str]
    cite: list[Cite]
    dateline: re.Match[str] | None
    cut: bool = False  # the stored excerpt's last sentence, cut off mid-way: only a clause whole before the cut is dated
    made: int = 0  # events drawn from the sentence so far
    seen: set[str] = field(default_factory=set)  # the dates they have
    mention: DateMention | None = None  # the date being tried (the dated rules)
    _negation: bool | None = None
    _lower_words: set[str] | None = None

    @property
    def text(self) -> str:
        return self.doc.seg.sentences[self.i].text

    @property
    def facts(self) -> SentenceFacts:
        return self.doc.rec.sentences[self.i]

    def date(self) -> DateMention:
        assert self.mention is not None, "a dated rule runs with a date"
        return self.mention

    def may_negate(self) -> bool:
        """Whether the sentence has a negation word at all (worked out once, when needed)."""
        if self._negation is None:
            self._negation = _may_negate(self.text)
        return self._negation

    def lower_words(self) -> set[str]:
        """The sentence's words in lower case (worked out once, when needed)."""
        if self._lower_words is None:
            self._lower_words = {w.lower() for w in _LETTERS.findall(self.text)}
        return self._lower_words

    def strand_of(self, phrase: str) -> str | None:
        """The strand a phrase of the sentence tells: its own words' strand, else the sentence's, else a nearby one's."""
        topics = self.doc.topics
        return topics.primary(topics.match(phrase)) or _strongest(self.facts.topics, topics) or _nearby(self.doc.rec, self.i, topics)

    def people_in(self, at: int, phrase: str) -> list[str]:
        """The people named inside ``phrase``, which starts at ``at`` in the sentence (each once, in order)."""
        entities = self.doc.rec.entities
        return list(dict.fromkeys(k for s, _, k in self.facts.entities if at <= s < at + len(phrase) and entities[k].kind == "person"))

    def add(self, event: DraftEvent, rule: str, used: bool = False) -> None:
        """Add an event drawn from this sentence by ``rule``; ``used``: the sentence is then no claim."""
        event.rules.append(f"events.{rule}")
        self.doc.events.append(event)
        self.seen.add(event.date or "")
        self.made += 1
        if used:
            self.doc.used.add(self.i)


def extract_events(doc: ArticleDoc) -> None:
    """Add to ``doc`` the events its sentences tell (``doc.events``) and the sentences they used (``doc.used``)."""
    acts: dict[str, str | None] = {}  # "filed for bankruptcy" → the date the article gave it (None when it gave two)
    for i, sentence in enumerate(doc.seg.sentences):
        site = _site(doc, i)
        if site is None:
            continue
        for mention in site.dated:
            site.mention = mention
            DATED.run(site)
        site.mention = None
        if "when" in site.text:
            _act_named_again(site, acts)
        for mention in site.dated:
            _remember_act(site.text, mention, acts)
        UNDATED.run(site)
    _drop_told_again(doc)


def _drop_told_again(doc: ArticleDoc) -> None:
    """"The girlfriend of a Boston police officer who died during a winter storm in January …" and, later, "O'Keefe
    was found unresponsive … on Jan. 29": a month- or year-dated event naming nobody whose act (lexicon ACTIONS) an
    event of the same article dates more precisely within that month or year is that event told again. (The merge
    cannot join them: with no participant named, two acts of one month may be two people's.)"""
    told = [(e.date, acts[0]) for e in doc.events if e.date and len(e.date) == 10 and (acts := actions(e.title))]
    if not told:
        return
    doc.events = [e for e in doc.events if not (e.date and len(e.date) < 10 and not e.people and (acts := actions(e.title))
                                                and any(d.startswith(e.date) and act == acts[0] for d, act in told))]


def _site(doc: ArticleDoc, i: int) -> EventSite | None:
    """The state for sentence ``i``, or None when nothing can come of it (a question, a fragment, no date and
    no strand, or a sentence no stage drafts from)."""
    text = doc.seg.sentences[i].text
    facts = doc.rec.sentences[i]
    if i in doc.skip and not facts.dates or text.rstrip().endswith("?") or len(text.split()) < 5:
        return None
    dated = _dated(doc.seg, doc.rec, i, doc.article.published) if facts.dates else facts.dates
    if not dated and (not facts.topics or doc.article.published is None):
        return None  # no date, and no strand for an undated event: nothing can come of this sentence
    people = list(dict.fromkeys(k for _, _, k in facts.entities if doc.rec.entities[k].kind == "person"))
    described = _DEFENDANT.search(text)
    if described and not any(s < described.start() for s, _, k in facts.entities if doc.rec.entities[k].kind == "person"):
        # "Jurors convicted the 70-year-old defendant …, identified by her lawyer as Dana Pike": the act's participant
        # is who the description stands for, named before any person the sentence goes on to name
        people = list(dict.fromkeys([*_the_defendant(doc, i), *people]))
    return EventSite(doc, i, dated, people, [Cite(doc.source, " ".join(text.split()))], DATELINE.match(text), cut=i in doc.skip)


# "the defendant", "the 70-year-old defendant": the person the article is about, named only by a description
_DEFENDANT = re.compile(r"\bthe\s+(?:\d{1,3}-year-old\s+)?(?:former\s+)?(?:defendant|accused)\b", re.IGNORECASE)


def _the_defendant(doc: ArticleDoc, i: int) -> list[str]:
    """The participant "the defendant" of sentence ``i`` stands for: of the people named before it who are no official,
    lawyer or journalist (by the role the article gives them), the one named most often, on a tie the first named."""
    entities = doc.rec.entities
    # officials, lawyers and the press are never "the defendant"; a tie goes to the one named first (Counter keeps
    # the order of first mention), whom the article leads with
    counts = Counter(k for j in range(i) for _, _, k in doc.rec.sentences[j].entities
                     if entities[k].kind == "person" and entities[k].group not in ("officials", "legal", "media"))
    named = counts.most_common(1)
    return [named[0][0]] if named else []


# --- the dated rules: one date of the sentence at a time -------------------------------------------------------


def _repeated(site: EventSite) -> bool:
    """A date already drawn, a fourth date, or the dateline's: "RALEIGH, N.C., March 3 (AP) — …" dates nothing."""
    mention = site.date()
    return mention.value in site.seen or site.made >= 3 or bool(site.dateline and mention.start < site.dateline.end())


def _cut_off(site: EventSite) -> bool:
    """"…, Bankman-Fried said she learned in 2020 that client funds were in Alameda's possession, but she did not
    take action to pro": in a sentence the excerpt cuts off, only a date whose clause ends before the cut dates
    anything (the clause is whole); a date opening the sentence, or in its last clause, dates nothing."""
    if not site.cut:
        return False
    mention, text = site.date(), site.text
    clause = _clause(text, mention, site.dateline.end() if site.dateline else 0)
    return clause is None or text.find(clause) + len(clause) >= len(text.rstrip(" .…")) - 1


def _photo_caption(site: EventSite) -> bool:
    """"Elizabeth Holmes, center, walks into federal court on Nov. 22, 2021." or "In this 2014 file photo, …": a
    photo's caption dates the picture, not something that happened."""
    text = site.text
    if CAPTION_CUE.search(text):
        return True
    person = next(((s, e) for s, e, k in site.facts.entities if site.doc.rec.entities[k].kind == "person"), None)
    if person is None or len(text[: person[0]].split()) > 4 or "," in text[: person[0]]:
        return False  # a caption's subject is the person pictured, written first (after a title or role at most)
    verb = CAPTION_VERB.search(text, person[1], min(len(text), person[1] + 80))
    # only words of an apposition between the name and the verb ("Holmes, Founder and CEO, Theranos speaks"),
    # no verb of the past: "Holmes, who walked out, …" is no caption
    return verb is not None and verb.start() < site.date().start and not _PAST.search(text, person[1], verb.start())


_PAST = re.compile(r"\b(?:[a-z]+ed|was|were|had|has|have|did)\b")


def _since_a_period(site: EventSite) -> bool:
    """"reported that Weinstein reached settlements with at least eight women since 1990": after a simple past,
    "since" opens a period of repeated acts, none of them at that date (after "has", "since 2015" starts a state)."""
    mention, text = site.date(), site.text
    if not _SINCE.search(text, max(0, mention.start - 7), mention.start):
        return False
    lo, _ = _clause_bounds(text, mention.start, mention.end)
    return _PERFECT.search(text, lo, mention.start) is None


_PERFECT = re.compile(r"\b(?:has|have|had|having)\b|['’]s\s+(?:been|had)\b", re.IGNORECASE)


def _as_of(site: EventSite) -> bool:
    """"As of 2025, Holmes still maintains her innocence": a state at a time, not an act then."""
    mention = site.date()
    return _AS_OF.search(site.text, max(0, mention.start - 8), mention.start) is not None


_AS_OF = re.compile(r"\b[Aa]s of\s+$")


def _relative_to_an_act(site: EventSite) -> bool:
    """"fired in July, a month after investigators searched the office": the search, dated a month earlier."""
    mention, doc, text = site.date(), site.doc, site.text
    if mention.about is None:
        return False
    if _may_negate(mention.about) and _negated(mention.about, 0, len(mention.about)):
        return True
    at = text.find(mention.about, mention.start)
    topic = site.strand_of(mention.about)
    title = _title(mention.about, None, doc.loaded, doc.flagged)
    if mention.text not in mention.about and not _has_verb(mention.about):
        title = ""  # "a day after the main verdict": a noun phrase, no statement of its own
    if topic is None or not title:
        return True
    site.add(DraftEvent(topic, title, site.cite, date=mention.value, people=site.people_in(at, mention.about)), "relative-to-an-act")
    return True


def _named_again(site: EventSite) -> bool:
    """"The jury found for him on the claims about the 2018 piece", after "a December 2018 op-ed" dated an earlier
    event: a definite noun phrase of a word or two after a year or month that an earlier event of the article has
    more precisely is that thing named again, not a happening of its own."""
    mention = site.date()
    value = mention.value or ""
    if len(value) == 10 or not _DEFINITE.search(site.text, max(0, mention.start - 8), mention.start):
        return False
    phrase = _attributive(site.text, mention)
    if phrase is None or not 1 <= len(phrase.split(mention.text, 1)[-1].split()) <= 2:
        return False
    return any(e.date and len(e.date) > len(value) and e.date.startswith(value) for e in site.doc.events)


_DEFINITE = re.compile(r"\b(?:the|his|her|its|their)\s+$", re.IGNORECASE)


def _dated_noun_phrase(site: EventSite) -> bool:
    """"after the 2021 death of Hutchins": a year or month modifying a noun dates that noun phrase (the
    sentence's main statement may still be a claim)."""
    mention, doc, text = site.date(), site.doc, site.text
    phrase = _attributive(text, mention)
    if phrase is None:
        return False
    topic = site.strand_of(phrase)
    if topic is None:
        return True
    neutral = neutralise(phrase, doc.loaded)
    doc.flagged.extend((w, text) for w in neutral.flagged)
    at = text.find(phrase)
    site.add(DraftEvent(topic, clip(_capital(neutral.text), 200), site.cite, date=mention.value, people=site.people_in(at, phrase)),
             "dated-noun-phrase")
    return True


def _press_contact(site: EventSite) -> bool:
    """"The Courier reached out to the mayor …, but had not heard back until Wednesday": the outlet's own attempt
    to reach someone dates no happening. Read from the last "since" before the date (an act named after it, "since
    the vote on Monday", is the vote's) to the end of the date's clause."""
    mention, text = site.date(), site.text
    lo = max((m.end() for m in _SINCE_WORD.finditer(text, 0, mention.start)), default=0)
    _, hi = _clause_bounds(text, mention.start, mention.end)
    return PRESS_CONTACT.search(text, lo, hi) is not None


_SINCE_WORD = re.compile(r"\bsince\b", re.IGNORECASE)


def _negated_date(site: EventSite) -> bool:
    """"did not respond to messages on Tuesday": a negated clause tells nothing that happened then."""
    mention = site.date()
    return site.may_negate() and _negated(site.text, mention.start, mention.end)


def _statistic_over_a_period(site: EventSite) -> bool:
    """"It treated 48,000 patients last year": a count over a period, not something that happened then."""
    return _statistic(site.text, site.date())


def _expectation(site: EventSite) -> bool:
    """"A ruling is expected this spring": an expectation, not something that happened."""
    return not STATEMENT_GATE.isdisjoint(site.lower_words()) and _statement(site.text, site.date()) == "expect"


def _price_or_level(site: EventSite) -> bool:
    """"Shares were trading at 41 cents on Thursday": a level, not something that happened."""
    return not LEVEL_GATE.isdisjoint(site.lower_words()) and _level(site.text, site.date())


def _dated_act(site: EventSite) -> bool:
    """"The board dismissed the director on March 3, 2024.": an act at its date, titled from the date's clause
    (its subject added) or from the sentence."""
    mention, doc = site.date(), site.doc
    made = _dated_title(site)
    if made is None:
        return True
    topic, title = made
    if topic is None or not title:
        return True
    when = mention.text if mention.span or mention.text.capitalize() in WEEKDAY_WORDS else None
    site.add(DraftEvent(topic, title, site.cite, date=mention.value, when=when, people=site.people), "dated-act", used=True)
    return True


def _dated_title(site: EventSite) -> tuple[str | None, str] | None:
    """The strand and title of a dated act: its clause's when the date sits inside a longer sentence, a state's
    own clause for "since 2012", else the sentence's; None when a "since" opens no clause of its own."""
    mention, doc, text = site.date(), site.doc, site.text
    topics, facts = doc.topics, site.facts
    clause = _clause(text, mention, site.dateline.end() if site.dateline else 0)
    if clause is None and _SINCE.search(text, max(0, mention.start - 7), mention.start):
        # "X, which has aired "Y" since 2012, …": the start of a state, titled from its own clause or not at all
        state = _SINCE_CLAUSE.search(text, 0, mention.start)
        if state is None:
            return None
        clause = f"{state['s']} {state['c']}{mention.text}"
    if clause is not None:
        topic = topics.primary(topics.match(clause)) or topics.primary(facts.topics) or _nearby(doc.rec, site.i, topics)
        # "…, but a grand jury indicted her": its own subject; '… “could not tell” until an autopsy scheduled for
        # Thursday': the subordinator a quotation mark hid from the clause boundaries is no word of the act
        clause = re.sub(r"^(?:according to|who|which|but|and|yet|until|after|before|when|because)\s+", "", clause)
        first_word = clause.split()[0].lower()
        # not before a participle opening the clause (", clearing the way for her retrial beginning April 1"): it tells
        # what the whole act before it led to, not an act of the sentence's subject
        if clause[:1].islower() and first_word not in DETERMINERS and first_word not in ("one", "some", "both") and first_word not in SUBJECT_PRONOUNS \
                and not first_word.endswith("ing"):
            subject = _subject(doc.seg, doc.rec, site.i, text.find(clause), first_word in AUXILIARIES)
            if subject and first_word == "whose":  # "X, whose exchange froze …": "X's exchange froze …"
                clause = f"{subject}{'’' if subject.endswith('s') else '’s'} {clause[6:]}"
            elif subject:
                clause = f"{subject} {clause}"
        return topic, _title(clause, None, doc.loaded, doc.flagged)
    start = site.dateline.end() if site.dateline else 0
    marked = text[: mention.start] + "\x00" + text[mention.end :]
    main = re.split(r",\s+|;\s+|\s+[–—]\s+", marked[start:])
    head = next((part for part in main if "\x00" in part), "").replace("\x00", mention.text)
    topic = _topic_near(topics.match(_around(text, mention)), topics.match(head) or facts.topics, topics) or _nearby(doc.rec, site.i, topics)
    return topic, _title(text, mention, doc.loaded, doc.flagged)


DATED: Ruler[EventSite] = Ruler("events.dated", [
    ("repeated-date", _repeated),
    ("cut-off", _cut_off),
    ("photo-caption", _photo_caption),
    ("since-a-period", _since_a_period),
    ("as-of", _as_of),
    ("relative-to-an-act", _relative_to_an_act),
    ("named-again", _named_again),
    ("dated-noun-phrase", _dated_noun_phrase),
    ("press-contact", _press_contact),
    ("negated", _negated_date),
    ("statistic", _statistic_over_a_period),
    ("expectation", _expectation),
    ("price-or-level", _price_or_level),
    ("dated-act", _dated_act),
])


# --- an act named again, dated by an earlier sentence ----------------------------------------------------------


def _act_named_again(site: EventSite, acts: dict[str, str | None]) -> None:
    """"… took over when it filed for bankruptcy": the filing the article dated before dates this sentence."""
    doc = site.doc
    again = _when_act(doc.seg, doc.rec, site.i, acts, site.seen)
    if again is None:
        return
    topic = doc.topics.primary(doc.topics.match(again[1])) or doc.topics.primary(site.facts.topics) or _nearby(doc.rec, site.i, doc.topics)
    title = _title(again[1], None, doc.loaded, doc.flagged)
    if topic is not None and title:
        site.add(DraftEvent(topic, title, site.cite, date=again[0], people=site.people), "act-named-again")


# --- the undated rules: a sentence that made no dated event ----------------------------------------------------


def _dated_already(site: EventSite) -> bool:
    """A sentence that made a dated event, or has no strand, or an article without a date, or the excerpt's cut-off
    last sentence: no undated event."""
    return bool(site.made or not site.facts.topics or site.doc.article.published is None or site.cut)


def _hedged_or_quoted(site: EventSite) -> bool:
    """"The council would have settled if …" (a hedge), or a sentence mostly inside a quotation."""
    text, seg = site.text, site.doc.seg
    sentence = seg.sentences[site.i]
    lower = text.lower()
    return bool(any(word in lower for word in HEDGE_WORDS) and HEDGE.search(text)
                or seg.inside_quote(sentence.start + 1) and _mostly_quoted(seg, sentence))


def _no_act_told(site: EventSite) -> bool:
    """No event verb, or one that a reporting verb before it relays: "X said police charged …"."""
    text = site.text
    verb = _event_verb(text)
    return verb is None or not _REPORTING.isdisjoint(_WORD.findall(text, 0, text.find(verb)))


def _negated_act(site: EventSite) -> bool:
    """"He has not been charged": the act did not happen."""
    if not site.may_negate():
        return False
    verb = _event_verb(site.text)
    assert verb is not None, "runs after no-act-told"
    at = _word_at(site.text, verb)
    return _negated(site.text, at, at + len(verb))


def _undated_act(site: EventSite) -> bool:
    """"A judge dismissed the charge.": an act the article reports done, bounded by its publication date."""
    doc, text = site.doc, site.text
    relative = next((d for d in site.facts.dates if d.relative and not d.value), None)
    topic = doc.topics.primary(site.facts.topics)
    assert topic is not None
    title = _title(text, relative, doc.loaded, doc.flagged)
    if title:
        site.add(DraftEvent(topic, title, site.cite, not_after=doc.article.published, when=relative.text if relative else None,
                            people=site.people), "undated-act", used=True)
    return True


UNDATED: Ruler[EventSite] = Ruler("events.undated", [
    ("dated-already", _dated_already),
    ("hedged-or-quoted", _hedged_or_quoted),
    ("no-act-told", _no_act_told),
    ("negated-act", _negated_act),
    ("undated-act", _undated_act),
])


def _remember_act(text: str, mention: DateMention, acts: dict[str, str | None]) -> None:
    """"filed for bankruptcy five days later": the act right before a date, for a later "when it filed for bankruptcy"."""
    if mention.value is None:
        return
    act = _ACT_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    if act is None or act["v"] not in EVENT_VERBS:
        return
    key = act["a"].lower()
    acts[key] = mention.value if acts.get(key, mention.value) == mention.value else None


def _when_act(seg: Segmented, rec: Recognised, i: int, acts: dict[str, str | None], seen: set[str]) -> tuple[str, str] | None:
    """"who took over as chief executive when it filed for bankruptcy": dated by the filing the article dated
    before (and only then); returns the date and the clause, its subject added."""
    text = seg.sentences[i].text
    m = _WHEN_ACT.search(text)
    value = acts.get(m["a"].lower()) if m is not None else None
    if m is None or value is None or value in seen:
        return None
    lo = 0
    for edge in _CLAUSE_START.finditer(text, 0, m.start()):
        if edge.group(0) != "when":
            lo = edge.end()
    clause = text[lo:m.end()].strip(" ,;“”\"")
    if len(clause.split()) < 6 or clause.startswith("when"):
        return None
    if clause[:1].islower() and clause.split()[0] not in DETERMINERS:
        subject = _subject(seg, rec, i, lo)
        if subject is None:
            return None
        clause = f"{subject} {clause}"
    return value, clause


def _dated(seg: Segmented, rec: Recognised, i: int, published: str | None) -> list[DateMention]:
    """The sentence's dates that can date an event, and "three days later" anchored on the previous sentence
    when that sentence has exactly one date (and this one none of its own), a date that is not still to come after
    ``published`` (a schedule counted from an announced date is no date of anything yet).

    Inside a quotation only a date with its year written counts: the speaker's "today", "Tuesday" or "in
    March" count from the day they spoke, which the publication date does not tell.
    """
    dates = rec.sentences[i].dates
    out = [d for d in dates if d.value and _told(seg, i, d)]
    if out or i == 0:
        return out
    later = next((d for d in dates if d.shift and not d.value), None)
    if later is None or later.shift is None or seg.quotes and seg.inside_quote(seg.sentences[i].start + later.start):
        return out
    anchors = {d.value for d in rec.sentences[i - 1].dates if d.value and not d.relative and _told(seg, i - 1, d)}
    if len(anchors) != 1:
        return out
    anchor = anchors.pop()
    if published and anchor > published[: len(anchor)]:
        return out  # "will debut on Feb. 23. New episodes will stream the next day": a plan counted from a plan
    if later.shift[0] == 0 and len(anchor) < _PRECISION[later.shift[1]]:
        return out  # "the same afternoon" after "in January 2021": that afternoon may belong to another sentence's date
    value = shift_date(anchor, later.shift)
    return [replace(later, value=value)] if value else out


def _told(seg: Segmented, i: int, mention: DateMention) -> bool:
    """Whether a date means the same for the reader: outside quotations, or with its year written and as the
    time of something ("filed on Sept. 5, 2023"; not "the plan treats November 2021 like …")."""
    if not seg.quotes or not seg.inside_quote(seg.sentences[i].start + mention.start):
        return True
    if _YEAR_WRITTEN.search(mention.text) is None:
        return False
    before = seg.sentences[i].text[: mention.start].split()
    return not before or before[-1].lower().strip("“‘\"'") in TIME_PREPOSITIONS or mention.text.split()[0].lower() in TIME_PREPOSITIONS


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the clause holding ``text[start:end]`` is negated: "did not respond to messages on Tuesday"
    (call it when :func:`_may_negate`)."""
    lo, hi = _clause_bounds(text, start, end)
    return NEGATION.search(text, lo, hi) is not None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` starts and ends ("On Tuesday, the board …": the clause the date leads)."""
    lo = 0
    for edge in _CLAUSE_START.finditer(text, 0, start):
        lo = edge.end()
    stop = _CLAUSE_END.search(text, end)
    if stop is not None and stop.group(0) == "," and _LEAD_IN.fullmatch(text, lo, start):
        stop = _CLAUSE_END.search(text, stop.end())
    return lo, stop.start() if stop else len(text)


def _statement(text: str, mention: DateMention) -> str:
    """Whether the date belongs to a statement ("say") or an expectation ("expect"), not an act (""): the verb nearest before it in its
    clause ("said in a statement Tuesday", "declined to comment on Monday", "is expected this spring", "hope to
    file one this spring"), a statement's medium right before it ("in a blog post on Tuesday"), or, for a date opening the sentence, the first verb after it ("On Tuesday, the
    treasurer told reporters …"). Another verb in between ("said the council fired the director on Tuesday")
    gives the date to that act."""
    lo = 0
    for edge in _CLAUSE_START.finditer(text, 0, mention.start):
        lo = edge.end()
    if MEDIUM.search(text, max(lo, mention.start - 60), mention.start):
        return "say"
    words: list[str] = _LETTERS.findall(text, lo, mention.start)
    infinitive = False
    for word in reversed(words):
        kind = _verb_kind(word.lower(), infinitive)
        if kind is not None:
            return kind
        infinitive = infinitive or word == "to"
    if words and not _LEAD_IN.fullmatch(text, lo, mention.start):
        return ""
    for k, word in enumerate(_LETTERS.findall(text, mention.end, min(len(text), mention.end + 90))):
        lower = word.lower()
        if k == 0 and lower in TIME_OF_DAY:
            continue
        kind = _verb_kind(lower, False)
        if kind is not None:
            return kind
    return ""


def _level(text: str, mention: DateMention) -> bool:
    """"was trading at 41 cents on Thursday": a price or level in the date's own clause, and no event verb."""
    lo, hi = _clause_bounds(text, mention.start, mention.end)
    return LEVEL.search(text, lo, hi) is not None and _event_verb(text) is None


def _verb_kind(word: str, infinitive: bool) -> str | None:
    """"say" for a statement verb, "expect" for an expectation, "" for another verb, None for a word that is no verb."""
    if word in STATEMENT_VERBS:
        return "say"
    if word in HOPE_VERBS or word in EXPECT_VERBS and not infinitive:
        return "expect"
    if word in OTHER_VERBS or word in EVENT_VERBS or word in EXPECT_VERBS or len(word) > 4 and word.endswith("ed"):
        return ""
    return None


def _may_negate(text: str) -> bool:
    """A cheap gate for :data:`NEGATION` (whole words, so "now" and "know" do not count)."""
    padded = f" {text.lower()} "
    return any(word in padded for word in NEGATION_GATE)


def _statistic(text: str, mention: DateMention) -> bool:
    """"It treated 48,000 patients last year": a count over a period, not something that happened then."""
    if len(mention.value or "") not in (4, 7):  # a year or a month
        return False
    lo, hi = _clause_bounds(text, mention.start, mention.end)  # "…in 2021, attracted by a rate of 8%": not this clause's count
    return _COUNT.search(text, lo, hi) is not None and _event_verb(text) is None


def _word_at(text: str, word: str) -> int:
    m = re.search(rf"\b{re.escape(word)}\b", text)
    return m.start() if m else 0


def _strongest(hits: dict[str, float], topics: TopicMatcher) -> str | None:
    """The strand a sentence hits most; ties go to the earlier strand (a dated noun phrase is usually background)."""
    return max(hits, key=lambda t: (hits[t], -topics.order[t])) if hits else None


def _topic_near(window: dict[str, float], sentence: dict[str, float], topics: TopicMatcher) -> str | None:
    """The strand of a dated statement: its clause's (or sentence's) own strongest, unless the words next to the
    date tip a tie; a word or two next to the date no longer outvote the rest of the sentence."""
    if not window:
        return topics.primary(sentence)
    total = {t: sentence.get(t, 0) + window.get(t, 0) for t in {*sentence, *window}}
    best = max(total.values())
    top = {t: total[t] for t in total if total[t] == best}
    near = [t for t in top if t in window]
    return near[0] if len(near) == 1 else topics.primary(top)


def _mostly_quoted(seg: Segmented, sentence: Sentence) -> bool:
    start, end = sentence.start, sentence.end
    inside = sum(min(q.close, end) - max(q.open, start) for q in seg.overlapping(start, end) if q.open < end and q.close > start)
    return inside > 0.5 * (end - start)


def _attributive(text: str, mention: DateMention) -> str | None:
    """"the 2021 death of Hutchins": a bare year or month modifying a noun; returns that noun phrase."""
    if mention.precision == "day" or not re.fullmatch(r"(?:19|20)\d{2}|[A-Z][a-z]+", mention.text):
        return None
    before = text[: mention.start].rstrip()
    after = text[mention.end :]
    if not re.search(r"\b(?:the|a|an|his|her|its|their|this|that|[a-z]+(?:['’]s)?)$", before) or re.search(
            r"\b(?:in|since|by|until|of|from|during|on|and|or|but|than|to|at|for|with|through|between|before|after|early|late|mid)$", before):
        return None
    head = _ATTRIBUTIVE.match(after)
    if not head:
        return None
    end = re.search(r"\s+(?:–|—|-|who|which|when|that|after|as|while|because|but|and|or|was|were|is|are|has|have|had|will|would|could|can|may|did|does)\s|[,;:.“”\"]", after)
    phrase = after[: end.start() if end else len(after)].strip()
    words = phrase.split()
    while words and words[-1].lower() in DETERMINERS:  # "a February interview with “City Beat”": not "… with"
        words.pop()
    phrase = " ".join(words)
    if len(words) > 14 or len(words) < 1:
        return None
    lead: list[str] = []
    for word in reversed(before.split()[-2:]):
        if word.lower() in DETERMINERS:
            break
        lead.insert(0, word)
    return " ".join([*lead, mention.text, phrase])


_CLAUSE_STOP = re.compile(r",\s+(?!\w+ing\b)|;|[“”\"]|\.\s*$|,?\s+(?:according to|officials said|police said)\b")
_QUOTE_CLOSE = re.compile(r"[^“”\".;]{1,60}?[”\"]")  # a short quotation's words and its closing mark


def _clause(text: str, mention: DateMention, lo: int = 0) -> str | None:
    """The clause holding a date that sits inside a longer sentence, or None if the date opens the sentence."""
    starts = [m.end() for m in _BOUNDARY.finditer(text, lo, mention.start) if m.end() <= mention.start]
    begin = starts[-1] if starts else lo
    if begin <= lo:
        return None
    rest = text[mention.end :]
    stop = _CLAUSE_STOP.search(rest)
    close = None
    if stop is not None and stop.group(0) in "“\"" and rest[: stop.start()].rstrip()[-1:].isalpha():
        # "said Friday that the investigation “remains active and ongoing” and …": a short quotation the clause runs
        # on into is part of it (a title ending "… that the investigation" would be cut off), and ends it
        close = _QUOTE_CLOSE.match(rest, stop.end())
    end = mention.end + (close.end() if close else stop.start() if stop else len(rest))
    clause = text[begin:end].lstrip(" ,;“”\"").rstrip(" ,;")
    if clause.count("“") != clause.count("”") or clause.count('"') % 2:
        clause = clause.rstrip("“”\"")  # a mark left open or closed alone; a whole quotation keeps its marks
    if len(clause.split()) < 5 or not _has_verb(clause):
        return None
    return clause


def _around(text: str, mention: DateMention, words: int = 3) -> str:
    """The few words on each side of a date: what happened then is usually told right next to it."""
    before = text[: mention.start].split()[-words:]
    after = text[mention.end :].split()[:words]
    return " ".join([*before, mention.text, *after])


def _subject(seg: Segmented, rec: Recognised, i: int, before: int, lead_noun: bool = False) -> str | None:
    """Who a clause without its own subject is about: the sentence's first named, unquoted entity before it, unless
    that name only modifies a noun ("the clerk who oversaw the Alex Murdaugh trial was sentenced … after pleading
    guilty": the clerk pleaded, not Murdaugh); then the sentence's lead noun phrase, if it has one, or nobody."""
    sentence = seg.sentences[i]
    for start, end, key in rec.sentences[i].entities:
        if start < before and not seg.inside_quote(sentence.start + start):
            if _modifies_a_noun(sentence.text, start, end):
                break
            return rec.entities[key].name
    lead = _LEAD_NOUN.match(sentence.text) if lead_noun else None  # "The audit, once planned for May, was postponed …"
    return lead.group(1) if lead and lead.end() <= before else None


def _modifies_a_noun(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands between a determiner and its noun, as a modifier: "the
    highly-publicized Alex Murdaugh double murder trial" (not "the late Dana Reyes left": a verb follows)."""
    if _DETERMINED.search(text, max(0, start - 40), start) is None:
        return False
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    return not (word in OTHER_VERBS or word in EVENT_VERBS or word in STATEMENT_VERBS or word in AUXILIARIES or word.endswith("ed"))


_DETERMINED = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+)?$")
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)\b")


def _nearby(rec: Recognised, i: int, topics: TopicMatcher) -> str | None:
    """The strand of the sentences around sentence ``i`` (the nearest first), else, for a sentence naming someone,
    the article's own: the strand its sentences name most. "McCabe was first called to the stand on Tuesday" is
    the article's news; "Reader mailbag returns next week", naming nobody, is not."""
    for k in (i + 1, i - 1, i + 2, i - 2):
        if 0 <= k < len(rec.sentences) and rec.sentences[k].topics:
            return topics.primary(rec.sentences[k].topics)
    if not rec.sentences[i].entities:
        return None
    total: dict[str, float] = {}
    for sentence in rec.sentences:
        for topic, hits in sentence.topics.items():
            total[topic] = total.get(topic, 0) + hits
    return topics.primary(total)


def _has_verb(text: str) -> bool:
    """Whether ``text`` holds a verb: a finite one, or a participle saying when something starts or ends ("her retrial
    beginning April 1"), which tells its own act."""
    return bool(re.search(r"\b(?:\w+ed|was|were|is|are|has|have|had|will|began|went|came|made|took|gave|held|lost|won|left|met|told|said|says|finds|begins|arrives|arrived|\w+s"
                          r"|beginning|starting|opening|ending)\b", text))


def _event_verb(text: str) -> str | None:
    """The first event verb ("charged", "has been charged") written as a whole lower-case word."""
    return next((word for word in _LOWER_WORD.findall(text) if word in EVENT_VERBS), None)


def _title(text: str, mention: DateMention | None, loaded: tuple[str, ...], flagged: list[tuple[str, str]]) -> str:
    title = DATELINE.sub("", text)
    if mention is not None:
        lead = _LEADING_DATE.match(title)
        if lead and mention.text in lead.group("d"):
            title = title[lead.end() :]
    title = _TAIL.sub("", title.rstrip()).rstrip(".")
    result = neutralise(title, loaded)
    flagged.extend((w, text) for w in result.flagged)
    return clip(_capital(result.text.rstrip(".")), 200)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
