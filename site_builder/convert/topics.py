"""Topics per sentence, from the case's vocabulary.

In: the topics of ``case.yaml`` (id and vocabulary) and a sentence. Out: how
many distinct vocabulary terms of each topic the sentence uses. Terms
written with capitals ("TLC", "Max") match case-sensitively; lower-case terms
match any case and simple inflections of their last word ("lawsuit" →
"lawsuits", "charge" → "charged"). Hyphens and spaces are interchangeable
("on-set" = "on set"). Matching works on word tokens through an index, so it
stays fast with large vocabularies.

:func:`settle_strands` then gives the article's main strand its weight as a prior: an item drafted in another
strand on the strength of one vocabulary word goes back to the main strand (see its docstring).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .items import DraftClaim, DraftEvent, DraftQuote
from .lexicon.function_words import OPENERS
from ..ruler import Ruler

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SUFFIXES = ("s", "es", "ed", "d", "ing")
# An opening clause ("After a jury convicted her, ") up to its comma; not a comma inside a number ("$10,000")
_OPENING = re.compile(r"^\W*(?P<w>[A-Za-z]+)\b[^,]{3,200}?,\s+(?=\S)")
# Who a sentence relays its facts from ("…, according to the state police"): the source, not what it tells
# Who a sentence relays its facts from ("…, according to the state police"; '“…,” said Police Chief Ann Ray': the
# speaker after the quotation, not "said The Sun had lied", whose name is what is said): the source, not what it tells
_ACCORDING = re.compile(r",?\s+according to\s+[^,;:.“”\"]+|(?<=[,”\"])\s*(?:said|says|added|wrote)(?:\s+[A-Z][\w.’'-]*)+")


@dataclass(frozen=True)
class TopicDef:
    id: str
    title: str
    vocabulary: tuple[str, ...]


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    topic: str
    sensitive: bool
    number: int


def _words(text: str) -> list[str]:
    words = _WORD.findall(text)
    return [w.replace("’", "'") for w in words] if "’" in text else words


class TopicMatcher:
    def __init__(self, topics: list[TopicDef]) -> None:
        self.topics = topics
        self.order = {t.id: i for i, t in enumerate(topics)}
        self._index: dict[str, list[_Term]] = {}
        self._cache: dict[str, list[_Term]] = {}  # word -> candidate terms (words repeat; the vocabulary does not change)
        self._found: dict[tuple[str, bool], tuple[tuple[int, str], ...]] = {}  # a text's terms: the stages ask again
        self.defining: set[int] = set()  # the common words naming their strand's id ("appeal" of "appeals"; not a name)
        number = 0
        for topic in topics:
            id_words = topic.id.replace("_", "-").split("-")
            for term in dict.fromkeys(topic.vocabulary):
                words = _words(term)
                if not words:
                    continue
                sensitive = term != term.lower()
                key = words[0] if sensitive else words[0].lower()
                self._index.setdefault(key, []).append(_Term(tuple(words if sensitive else [w.lower() for w in words]), topic.id, sensitive, number))
                if len(words) == 1 and not sensitive and any(_same_word(w, words[0].lower(), False) or _same_word(words[0].lower(), w, False) for w in id_words):
                    self.defining.add(number)
                number += 1

    def match(self, sentence: str) -> dict[str, float]:
        """Per strand, how many distinct vocabulary terms ``sentence`` uses."""
        hits: dict[str, float] = {}
        for topic in dict(self.terms(sentence)).values():
            hits[topic] = hits.get(topic, 0) + 1
        return hits

    def terms(self, sentence: str, names_once: bool = False) -> tuple[tuple[int, str], ...]:
        """The vocabulary terms ``sentence`` uses, in order, as (term number, strand); the longest term starting at a
        word wins, and its words are not matched again. ``names_once``: a name whose parts are terms of one strand
        ("Sunny" and "Balwani" in "Ramesh “Sunny” Balwani") is one term, the first. Remembered per text: recognition,
        events, claims and the strand settling ask about the same sentences again."""
        key = (sentence, names_once)
        known = self._found.get(key)
        if known is None:
            known = tuple(self._terms(sentence, names_once))
            if len(self._found) < 200_000:  # bounded, as the word cache
                self._found[key] = known
        return known

    def _terms(self, sentence: str, names_once: bool) -> list[tuple[int, str]]:
        """:meth:`terms`, worked out."""
        words = _words(sentence)
        lower = [w.lower() for w in words]
        found: list[tuple[int, str]] = []
        cache = self._cache
        name_end, name_topic = -1, ""  # where the last term written with capitals ended, and its strand
        i = 0
        while i < len(words):
            candidates = cache.get(words[i])
            if candidates is None:
                candidates = self._candidates(words[i], lower[i])
            if not candidates:  # most words start no term
                i += 1
                continue
            best: _Term | None = None
            for term in candidates:
                seq = words if term.sensitive else lower
                n = len(term.words)
                if i + n > len(seq) or best is not None and n <= len(best.words):
                    continue
                if all(seq[i + k] == term.words[k] for k in range(n - 1)) and _same_word(seq[i + n - 1], term.words[-1], term.sensitive):
                    best = term
            if best is None:
                i += 1
                continue
            if not (names_once and best.sensitive and name_end == i and name_topic == best.topic):
                found.append((best.number, best.topic))
            if best.sensitive:
                name_end, name_topic = i + len(best.words), best.topic
            i += len(best.words)
        return found

    def _candidates(self, word: str, low: str) -> list[_Term]:
        found = self._lookup(word, low)
        if len(self._cache) < 200_000:  # bounded: a huge corpus must not grow it without end
            self._cache[word] = found
        return found

    def _lookup(self, word: str, low: str) -> list[_Term]:
        """The terms that may start at ``word`` (``low``: in lower case), as the rules of :data:`LOOKUP` find them."""
        lookup = _Lookup(self._index, word, low)
        LOOKUP.run_all(lookup)
        return lookup.out

    def primary(self, hits: dict[str, float]) -> str | None:
        """The topic a sentence is most about; ties go to the later strand (later events mention earlier ones)."""
        if not hits:
            return None
        return max(hits, key=lambda t: (hits[t], self.order[t]))


@dataclass
class _Lookup:
    """The topics stage's state: one word of a sentence and the terms found that may start there."""

    index: dict[str, list[_Term]]
    word: str
    low: str
    out: list[_Term] = field(default_factory=list)


def _as_written(st: _Lookup) -> bool:
    """"TLC aired the show": a term written with capitals ("TLC") starts at a word written the same way."""
    if st.word != st.low:
        st.out.extend(st.index.get(st.word, ()))
    return False


def _any_case(st: _Lookup) -> bool:
    """"Lawsuit filed against the studio": a lower-case term ("lawsuit") starts at its word in any case."""
    st.out.extend(st.index.get(st.low, ()))
    return False


def _inflected(st: _Lookup) -> bool:
    """"The lawsuits were charged": a one-word lower-case term ("lawsuit", "charge") with a simple suffix."""
    for suffix in _SUFFIXES:
        if st.low.endswith(suffix) and len(st.low) > len(suffix) + 2:
            st.out.extend(t for t in st.index.get(st.low[: -len(suffix)], ()) if not t.sensitive and len(t.words) == 1)
    return False


# The rules finding the terms a word may start, all run in order (each adds its terms: Ruler.run_all).
LOOKUP: Ruler[_Lookup] = Ruler("topics", [("as-written", _as_written), ("any-case", _any_case), ("inflected", _inflected)])


def _same_word(word: str, term: str, sensitive: bool) -> bool:
    if word == term:
        return True
    return not sensitive and any(word == term + suffix for suffix in _SUFFIXES)


# The article's main strand as a prior (settle_strands)
LEDE_WEIGHT = 3  # the headline and first sentence say what an article is about: their terms count four times
MAIN_SHARE = 0.75  # a strand scoring at least this share of the top one is a main strand too (a two-strand article)
REPORTED = 3  # distinct terms of a strand an article uses for it to be reported there, not only touched
LEAD = 2  # distinct terms more than the main strand that a merely touched strand needs to take an item


@dataclass(frozen=True)
class ArticleStrands:
    """What an article is about: ``main`` (the strand it is most about), ``major`` (strands scoring nearly as
    much: the main strands), ``reported`` (strands the article uses at least :data:`REPORTED` distinct terms of)."""

    main: str
    major: frozenset[str]
    reported: frozenset[str]


def article_strands(matcher: TopicMatcher, headline: str | None, sentences: Sequence[str]) -> ArticleStrands | None:
    """The strands of an article of ``sentences`` under ``headline``; None when it uses no vocabulary term.

    A strand scores its terms over all sentences, those of the headline and the first sentence counting
    :data:`LEDE_WEIGHT` more (an article about the appeal recounts the verdict at length, but leads with the appeal)."""
    score: dict[str, float] = {}
    distinct: dict[str, set[int]] = {}
    for k, sentence in enumerate([headline or "", *sentences]):
        weight = 1 + LEDE_WEIGHT if k <= 1 else 1
        for number, topic in dict(matcher.terms(_ACCORDING.sub("", sentence), names_once=True)).items():
            score[topic] = score.get(topic, 0) + weight
            if k:
                distinct.setdefault(topic, set()).add(number)
    main = matcher.primary(score)
    if main is None:
        return None
    major = frozenset(t for t in score if score[t] >= MAIN_SHARE * score[main])
    return ArticleStrands(main, major, frozenset(t for t, terms in distinct.items() if len(terms) >= REPORTED))


def settle_strands(matcher: TopicMatcher, strands: ArticleStrands, items: Sequence[DraftEvent | DraftClaim | DraftQuote],
                   paragraph: Callable[[str], str] = lambda quote: "") -> None:
    """Move to a main strand each item drafted in another strand on weak evidence: the rules of :data:`SETTLE` say
    when an item keeps its strand; when none does, it goes to the main strand with the most evidence in its text
    (the main strand itself on a tie), and notes the move in its rules ("topics.main-strand (a -> b)").

    An item's evidence is how many distinct terms of each strand the text it cites uses (the sentence, or the
    sentences a quotation spans); none at all: those of its paragraph (``paragraph`` gives the paragraph a cited
    text starts in). One word ("tears", "negligence") does not take an item out of the article's main strand."""
    for item in items:
        if item.topic in strands.major:  # an item already in a main strand stays there, unless another's words lead
            _between_main_strands(matcher, strands, item)
            continue
        evidence = _evidence(matcher, [cite.quote for cite in item.citations])
        if not evidence:
            evidence = _evidence(matcher, [paragraph(item.citations[0].quote)])
        best = max(strands.major, key=lambda t: (evidence.get(t, 0), t == strands.main, matcher.order[t]))
        if SETTLE.run(_Settle(matcher, strands, item, evidence, best)) is None:
            item.rules.append(f"topics.main-strand ({item.topic} -> {best})")
            item.topic = best


def _between_main_strands(matcher: TopicMatcher, strands: ArticleStrands, item: DraftEvent | DraftClaim | DraftQuote) -> None:
    """An item drafted in one main strand of a two-strand article goes to the other when the text it cites uses
    :data:`LEAD` more of the other's terms ("Weeks before the verdict in March, the exchange collapsed into
    bankruptcy …": drafted in the trial's strand by the words around its date, told in the collapse's words), as an
    item of a merely touched strand would; a lead of one word is no reason to move it."""
    if len(strands.major) < 2:
        return
    evidence = _evidence(matcher, [cite.quote for cite in item.citations])
    other = max(strands.major - {item.topic}, key=lambda t: (evidence.get(t, 0), t == strands.main, matcher.order[t]))
    if evidence.get(other, 0) >= evidence.get(item.topic, 0) + LEAD:
        item.rules.append(f"topics.main-strand ({item.topic} -> {other})")
        item.topic = other


@dataclass
class _Settle:
    """One item as :data:`SETTLE` judges it: its ``evidence`` (distinct terms per strand) and the main strand it
    would go to (``best``)."""

    matcher: TopicMatcher
    strands: ArticleStrands
    item: DraftEvent | DraftClaim | DraftQuote
    evidence: dict[str, int]
    best: str

    @property
    def own(self) -> int:
        return self.evidence.get(self.item.topic, 0)

    @property
    def prior(self) -> int:
        return self.evidence.get(self.best, 0)


def _event_names_its_strand(st: _Settle) -> bool:
    """"His exchange collapsed last November": an event whose own words use a common word naming its strand's id
    ("collapse" of the strand collapse-bankruptcy) is that strand's, whatever else its sentence mentions; not a word
    of a clause opening the title ("Following the trial, …"), which recalls what came before."""
    item = st.item
    return isinstance(item, DraftEvent) and any(n in st.matcher.defining and t == item.topic for n, t in main_terms(st.matcher, item.title))


def _reported_strand(st: _Settle) -> bool:
    """A strand the article reports (several of its terms across the article) keeps an item whose text uses at
    least one of its terms and no fewer than of the main strand's."""
    return st.item.topic in st.strands.reported and st.own >= max(st.prior, 1)


def _clear_lead(st: _Settle) -> bool:
    """A strand the article only touches keeps an item whose text uses :data:`LEAD` more of its terms than of the
    main strand's: several words, not one."""
    return st.own >= st.prior + LEAD


# The rules under which an item keeps its strand, tried in order (Ruler.run); when none does, it moves.
SETTLE: Ruler[_Settle] = Ruler("strands", [
    ("event-names-its-strand", _event_names_its_strand),
    ("reported-strand", _reported_strand),
    ("clear-lead", _clear_lead),
])


def _evidence(matcher: TopicMatcher, texts: list[str]) -> dict[str, int]:
    """Per strand, how many distinct terms ``texts`` use (a term counted once per text); a text opening with a
    clause that sets the scene counts its main clause's terms only, when its main clause uses any (:func:`main_terms`)."""
    evidence: dict[str, int] = {}
    for text in texts:
        for topic in dict(main_terms(matcher, text)).values():
            evidence[topic] = evidence.get(topic, 0) + 1
    return evidence


def main_terms(matcher: TopicMatcher, text: str) -> tuple[tuple[int, str], ...]:
    """The vocabulary terms of ``text`` (as :meth:`TopicMatcher.terms` with ``names_once``) that tell its act: after
    an opening clause ("After a jury awarded her damages in the countersuit, he filed an appeal"), those of the main
    clause alone when it uses any: the opening clause recalls what came before, often another strand's words, while
    the main clause tells what the sentence reports. Else all of them. The source an "according to" names is no term
    of what the text tells ("He was arrested, according to the agency investigating the killings")."""
    text = _ACCORDING.sub("", text)
    opening = _OPENING.match(text)
    if opening is not None and opening["w"].lower() in OPENERS:
        main = matcher.terms(text[opening.end():], names_once=True)
        if main:
            return main
    return matcher.terms(text, names_once=True)
