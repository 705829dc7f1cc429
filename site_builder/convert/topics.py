"""Topics per sentence, from the case's vocabulary.

In: the topics of ``case.yaml`` (id and vocabulary) and a sentence. Out: how
many distinct vocabulary terms of each topic the sentence uses. Terms
written with capitals ("TLC", "Max") match case-sensitively; lower-case terms
match any case and simple inflections of their last word ("lawsuit" →
"lawsuits", "charge" → "charged"). Hyphens and spaces are interchangeable
("on-set" = "on set"). Matching works on word tokens through an index, so it
stays fast with large vocabularies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ruler import Ruler

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_SUFFIXES = ("s", "es", "ed", "d", "ing")


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
        number = 0
        for topic in topics:
            for term in dict.fromkeys(topic.vocabulary):
                words = _words(term)
                if not words:
                    continue
                sensitive = term != term.lower()
                key = words[0] if sensitive else words[0].lower()
                self._index.setdefault(key, []).append(_Term(tuple(words if sensitive else [w.lower() for w in words]), topic.id, sensitive, number))
                number += 1

    def match(self, sentence: str) -> dict[str, float]:
        words = _words(sentence)
        lower = [w.lower() for w in words]
        found: dict[int, str] = {}
        cache = self._cache
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
            # the longest term starting here wins, and its words are not matched again
            found[best.number] = best.topic
            i += len(best.words)
        hits: dict[str, float] = {}
        for topic in found.values():
            hits[topic] = hits.get(topic, 0) + 1
        return hits

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
