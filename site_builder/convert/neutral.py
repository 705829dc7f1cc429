"""The site's own voice: strip loaded language and publication furniture.

In: a source sentence and the case's ``loaded_words``. Out: the sentence
reworded for the site's own text — loaded modifiers dropped ("Blubbing Alec
Baldwin" → "Alec Baldwin"), loaded reporting verbs replaced by neutral ones
("slammed" → "criticised"), other loaded words kept only inside quotation
marks (the source's words, attributed by the item) — and the list of loaded
words found, for the report, with those that could only be kept by putting
quotation marks around them (``wrapped``: a claim stage leaves such a
sentence out rather than re-voice the outlet's word as somebody's quote). Self-references ("RadarOnline.com can reveal")
and leading connectives ("But", "However,") are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..articles.datewords import MONTH_WORDS, WEEKDAY_WORDS
from .lexicon import NEUTRAL_VERBS
from .lexicon.evaluative import EVALUATIVE
from .lexicon.furniture import CONNECTIVES, KICKERS, WIRE_AGENCIES

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^'\n]*'(?!\w)|‘[^’]*’(?!\w)")
_SELF = re.compile(r",?\s*(?:[A-Z][\w.!-]*(?:\.com)?\s+)?can\s+(?:exclusively\s+)?(?:reveal|confirm|report)(?:\s+that)?,?", re.IGNORECASE)
_AS_REPORTED = re.compile(r"^(?:As\s+(?:[A-Z][\w.!-]*\s+)?(?:previously|first|exclusively)?\s*(?:reported|revealed|noted)(?:\s+\w+)?,\s*)", re.IGNORECASE)
_CONNECTIVE = re.compile(r"^(?:" + "|".join(CONNECTIVES) + r")\b,?\s+")
DATELINE = re.compile(r"^(?:[A-Z][A-Za-z.'’]+(?:[ ,]+[A-Z][A-Za-z.'’]+){0,3}),?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?:"
                      + "|".join(WIRE_AGENCIES) + r")\)\s*[:—–-]|[:—–])\s+|^[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*\s*(?:\([A-Za-z]+\))?\s*[—–-]+\s+")
_KICKER = re.compile(r"^(?:" + "|".join(KICKERS) + r")\s*[:\-–—]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Neutral:
    text: str
    flagged: tuple[str, ...]
    wrapped: tuple[str, ...] = ()  # loaded words kept only inside quotation marks the neutraliser added


@lru_cache(maxsize=32)
def _pattern(words: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The loaded-words pattern, and for each word its first piece (a sentence without any piece cannot match)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()).replace(r"\ ", r"[\s-]+").replace("'", "['’]") for w in sorted(words, key=len, reverse=True))
    pieces = tuple({re.split(r"[\s'’-]+", w.lower())[0] for w in words})
    return re.compile(rf"\b(?:{alternatives})(?:s|es|ed|d|ing)?\b", re.IGNORECASE), pieces


_SPACES = re.compile(r"\s{2,}")
# In ASCII text the two patterns below need one of these: two spaces, a space before a mark, or other white space.
_SPACING_MARKS = ("  ", " ,", " .", " ;", " :", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:])(?=\s|$)")


def neutralise(sentence: str, loaded: tuple[str, ...]) -> Neutral:
    text = DATELINE.sub("", _KICKER.sub("", sentence.strip()))
    text = _AS_REPORTED.sub("", text)
    if "can" in text.lower():  # the only costly pattern here; it needs "can"
        text = _SELF.sub("", text)
    for _ in range(2):
        text = _CONNECTIVE.sub("", text)
    flagged: list[str] = []
    wrapped: list[str] = []
    loaded_words = _pattern(loaded)
    lower = text.lower()
    if loaded_words is not None and any(piece in lower for piece in loaded_words[1]):
        text, flagged, wrapped = _replace(text, loaded_words[0])
    if not text.isascii() or any(mark in text for mark in _SPACING_MARKS):  # else: single spaces only, none before a mark
        text = _SPACE_BEFORE_MARK.sub(r"\1", _SPACES.sub(" ", text))
    text = text.strip(" ,;–—-")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return Neutral(text, tuple(flagged), tuple(wrapped))


def _replace(text: str, pattern: re.Pattern[str]) -> tuple[str, list[str], list[str]]:
    """``text`` with its loaded words (outside quotation marks) replaced, dropped or put in quotation marks; the
    words found; the words put in quotation marks."""
    matches = list(pattern.finditer(text))
    if not matches:
        return text, [], []
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    flagged: list[str] = []
    wrapped: list[str] = []
    out: list[str] = []
    last = 0
    matches = [m for m in matches if not any(a <= m.start() < b for a, b in quoted)]
    k = 0
    while k < len(matches):
        m = matches[k]
        start, end = m.start(), m.end()
        words = [m.group(0)]
        # adjacent loaded words become one quoted phrase ("massive backlash")
        while k + 1 < len(matches) and re.fullmatch(r"\s+", text[end : matches[k + 1].start()]):
            k += 1
            end = matches[k].end()
            words.append(matches[k].group(0))
        flagged.extend(words)
        word = text[start:end]
        following = text[end:].lstrip()
        out.append(text[last:start])
        replacement = NEUTRAL_VERBS.get(word.lower())
        if replacement:
            out.append(replacement)
        elif _before_name(following) and any(_PARTICLE_END.search(w) for w in words[:-1]):
            # "decisively shot down convicted killer Dana Pike's bid": a verb with its particle before the name's
            # modifier: the modifier (the last word) is dropped, the words before it, the sentence's act, are quoted
            head = text[start : matches[k].start()].rstrip()
            out.append(f"“{head}” ")
            wrapped.append(head)
        elif _before_name(following) and not _PARTICLE_END.search(word) or re.match(r"(?:over|about|for)\b", following) and word.lower().endswith("ing"):
            pass  # a modifier of a name ("Blubbing Alec Baldwin"): drop it
        else:
            out.append(f"“{word}”")
            wrapped.append(word)
        last = end
        k += 1
    out.append(text[last:])
    return "".join(out), flagged, wrapped


# A verb's particle ending a loaded phrase ("shot down", "hit back"): a verb, never a name's modifier.
_PARTICLE_END = re.compile(r"\s(?:down|up|out|off|back|away)$", re.IGNORECASE)


def _before_name(following: str) -> bool:
    """Whether ``following`` (the text after a loaded word) opens with a name's word: capitalised, and not a weekday's
    or a month's ("took a star turn Tuesday")."""
    word = re.match(r"[A-Z][\w’'.-]*", following)
    return word is not None and word.group(0).rstrip(".") not in WEEKDAY_WORDS | MONTH_WORDS


_EVALUATIVE_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def evaluative(text: str, loaded: tuple[str, ...]) -> list[str]:
    """The general evaluative words (:data:`.lexicon.evaluative.EVALUATIVE`) ``text`` uses outside quotation marks,
    lower case, in order, leaving out the case's ``loaded`` words (the neutraliser has dealt with those)."""
    plain = _QUOTED.sub(" ", text)
    skip = {w.lower() for w in loaded}
    return [w for w in (m.group(0).lower() for m in _EVALUATIVE_WORD.finditer(plain)) if w in EVALUATIVE and w not in skip]


def clip(text: str, limit: int = 200) -> str:
    """Shorten to about ``limit`` characters at a clause boundary, mid-word only if no space comes before it."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(sep, 0, limit) for sep in (", ", "; ", " – ", " — ", " but ", " and "))
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit - 1)
    if cut <= 0:  # one long "word" (a URL, a run of letters): cut it, or the text would stay as long as it was
        cut = limit - 1
    clipped = text[:cut].rstrip(" ,;–—")
    # keep quotation marks balanced
    if clipped.count("“") > clipped.count("”"):
        clipped += "”"
    if clipped.count('"') % 2:
        clipped += '"'
    return clipped + "…"
