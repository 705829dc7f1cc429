"""Name mentions in one sentence: people, organisations, epithets.

In: a sentence. Out: :class:`Mention` objects — capitalised runs classified
as a person's full name, a single name (surname or first name, resolved
later against the document), an organisation, with any role the sentence
gives them ("special prosecutor Kari Morrissey", "Joel Souza, 48, the film's
director", "Santa Fe District Attorney Mary Carmack-Altwies"). Places,
titles of works ("the 30 Rock star", "TLC's The Baldwins") and sentence
openers are recognised so they do not become people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import (
    COMMON_CAPS,
    HONORIFICS,
    NON_ORG_ACRONYMS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PLACES,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s)|[\w][\w'’&!-]*(?:\.(?=\s+[A-Z]))?")
_PARTICLES = frozenset("de del della der di da du la le van von ten ter bin al el dos das".split())
_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


_PARTS = re.compile(r"[-’']")


def is_name_token(word: str) -> bool:
    """"Halyna", "Gutierrez-Reed", "O’Neal", "McDonald", "DeSantis", "José", "T." — any script with case."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    if "-" not in word and "’" not in word and "'" not in word:  # one part (the common case)
        return len(word) > 1 and word.isalpha() and word[0].isupper() and not word.isupper() and any(c.islower() for c in word[1:])
    parts = _PARTS.split(word)
    for k, part in enumerate(parts):
        if not part.isalpha():
            return False
        if len(part) == 1:
            if not (part.isupper() and k + 1 < len(parts)):  # "O" of O'Neal, "D" of D'Angelo
                return False
            continue
        if not part[0].isupper() and not (k == 0 and part in ("d", "l") and len(parts) > 1):
            return False
        if part.isupper() or not any(c.islower() for c in part[1:]):
            return False
    return True

_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,5}|[A-Z]![A-Z]*)$")
_CONNECTORS = {"of", "the", "&", "de", "del", "della", "der", "di", "da", "du", "la", "le", "van", "von", "ten", "ter", "bin", "al", "dos", "das"}
_WORK_CUES = {"film", "movie", "show", "series", "episode", "entitled", "titled", "called", "album", "book", "song",
              "documentary", "drama", "sitcom", "podcast", "novel", "play", "miniseries", "docuseries", "flick", "western"}
# Heads of epithets that point at an article's main figure ("the 30 Rock star"); other role nouns
# ("the judge", "the embattled pol") point at the one person the article gives that role.
CELEBRITY_HEADS = frozenset("star actor actress singer rapper comedian host mogul billionaire tycoon heiress icon legend veteran".split())
_EPITHET_HEADS = sorted((CELEBRITY_HEADS | ROLE_WORDS) - {"source", "insider", "friend", "family", "parents", "member", "crew", "head",
                                                        "resident", "worker", "employee", "player", "student"}, key=len, reverse=True)
_EPITHET = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mod>(?:[A-Z0-9][\w'’!.]*\s+){0,4}|(?:[a-z]+\s+){0,1})"
    r"(?P<head>" + "|".join(_EPITHET_HEADS) + r")\b(?!-)"
)
_HEAD_WORDS = frozenset(_EPITHET_HEADS)
_WORD_RUN = re.compile(r"\w+")
_AGE = re.compile(r"^,\s*(\d{1,3}),")
_APPOSITIVE = re.compile(r"^,\s*(?:\d{1,3},\s*)?(?:who is |who was )?(?P<det>a|an|the|his|her|their|its|[A-Z][\w’']+[’']s)\s+(?P<role>[^,;:()—–]{3,70}?)(?=,|;|\.|\s+(?:said|says|told|was|is|has|had)\b|$)")


_ROLE_FOR = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,2}?(?:" + "|".join(sorted(ROLE_WORDS - {"source", "insider", "friend"}))
                       + r")\s+(?:for|to|of)\s+[^,;:]{2,40}),\s*$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "person", "single", "org", "epithet"
    name: str
    role: str | None = None
    age: int | None = None
    possessive: bool = False
    evidence: bool = False  # strong sign of a person (role, title, age, speech verb)
    title: str | None = None  # honorific or title word kept for gender ("Mr.", "Judge")


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool


_DOTTED = re.compile(r"(?:[A-Z]\.)+")


def tokens(sentence: str) -> list[_Tok]:
    out: list[_Tok] = []
    append, make = out.append, tuple.__new__  # tuple.__new__ skips NamedTuple's Python-level constructor
    for m in _TOKEN.finditer(sentence):
        text = m.group()
        start, end = m.span()
        if text[-1] not in "s'’.!":  # the common case: nothing to trim
            append(make(_Tok, (start, end, text, False)))
            continue
        possessive = False
        if text.endswith(("'s", "’s")):
            text, end, possessive = text[:-2], end - 2, True
        if text.endswith(("'", "’")) and len(text) > 2:
            text, end, possessive = text[:-1], end - 1, True
        if text.endswith(".") and text not in HONORIFICS and text not in TITLES and not _DOTTED.fullmatch(text):
            text, end = text[:-1], end - 1
        if text.endswith("!") and not _ACRONYM.match(text):
            text, end = text[:-1], end - 1
        if text:
            append(make(_Tok, (start, end, text, possessive)))
    return out


def _capital(tok: _Tok) -> bool:
    return tok.text[0].isupper()


def find_mentions(sentence: str, quoted: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Name mentions in ``sentence``; ``quoted`` spans (short scare quotes, titles) are skipped."""
    toks = tokens(sentence)
    mentions: list[Mention] = []
    i = 0
    count = len(toks)
    while i < count:
        if not toks[i].text[0].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not toks[j - 1].possessive and _adjacent(sentence, toks[j - 1], toks[j]):
            if _capital(toks[j]):
                j += 1
            elif toks[j].text in _CONNECTORS:
                k = j + 1
                while k < len(toks) and toks[k].text in _PARTICLES and toks[j].text in _PARTICLES and k - j < 3 and _adjacent(sentence, toks[k - 1], toks[k]):
                    k += 1  # "de la Cruz"; but "of" / "the" join only single capitals ("University of New Mexico")
                if k < len(toks) and k > j and _capital(toks[k]) and _adjacent(sentence, toks[k - 1], toks[k]):
                    j = k + 1
                else:
                    break
            else:
                break
        run = toks[i:j]
        mention = _classify(sentence, toks, i, j, run, quoted or [])
        cut = next((k for k in range(i + 1, j) if toks[k].text == "of"), None) if j - i > 2 else None
        if cut is not None and (mention is None or mention.kind not in ("person",)):
            head = _classify(sentence, toks, i, cut, toks[i:cut], quoted or [])
            if head is not None and head.kind == "person":
                mention, j = head, cut  # "Detective Joel Cano of Santa Fe County"
        if mention is not None:
            mentions.append(mention)
        i = j
    mentions.extend(_epithets(sentence, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _adjacent(sentence: str, a: _Tok, b: _Tok) -> bool:
    between = sentence[a.end : b.start]
    return between in (" ",) or (a.text.endswith(".") and between == " ")


def _classify(sentence: str, toks: list[_Tok], i: int, j: int, run: list[_Tok], quoted: list[tuple[int, int]]) -> Mention | None:
    start, end = run[0].start, run[-1].end
    if quoted and any(a <= start and end <= b for a, b in quoted):
        return None
    if start > 0 and sentence[start - 1] in "'‘\"“" and sentence[end : end + 1] in ("'", "’", '"', "”"):
        return None  # a quoted title of a work
    before = sentence[:start].rstrip()
    at_sentence_start = not before or before[-1] in "\"“‘'(—–-:"
    words = [t.text for t in run]
    # Drop sentence openers ("But", "The") and a leading "The" that belongs to a title.
    while words and words[0] in NOT_NAMES and (at_sentence_start or words[0] not in ("The",)):
        run, words = run[1:], words[1:]
        at_sentence_start = True
    if not run:
        return None
    if words[0] == "The" or (toks[i - 1].text == "the" if i > 0 else False):
        if words[-1] in ORG_HEADS and len([w for w in words if w != "The"]) >= 2:
            return Mention(run[0].start, run[-1].end, sentence[run[0].start : run[-1].end], "org", " ".join(words), possessive=run[-1].possessive)
        return None  # "The Baldwins", "the Court": a work or an institution named generically
    prev_word = toks[i - 1].text.lower() if i > 0 else ""
    next_tok = toks[j] if j < len(toks) else None
    next_word = next_tok.text.lower() if next_tok else ""
    after_next = toks[j + 1] if j + 1 < len(toks) else None
    if next_tok is not None and next_word in ROLE_WORDS and after_next is not None and after_next.text[0].isupper() and not run[-1].possessive:
        return None  # "Harborview politician Dana Whitcombe": a place or body qualifying a role, not a person
    if prev_word in _WORK_CUES or next_word in ("star", "stars", "actor", "actress", "franchise", "cast") and not run[-1].possessive:
        return None  # a title of a work: "the 30 Rock star", "entitled Along Came Hilaria"
    if len(run) == 1 and _ACRONYM.match(words[0]):
        if words[0].replace(".", "") in NON_ORG_ACRONYMS or words[0] in NON_ORG_ACRONYMS:
            return None
        return Mention(run[0].start, run[0].end, words[0], "org", words[0], possessive=run[0].possessive)
    # Title or role words at the front belong to the role: "Special Prosecutor Kari T. Morrissey".
    cut = 0
    for k, word in enumerate(words[:-1]):
        if word in TITLES or word.lower() in ROLE_WORDS:
            cut = k + 1
    title_words, name_words = words[:cut], words[cut:]
    name_toks = run[cut:]
    if name_words and name_words[-1] in ORG_HEADS or words[-1] in ORG_HEADS:
        return Mention(run[0].start, run[-1].end, " ".join(words), "org", " ".join(words), possessive=run[-1].possessive)
    if _is_place(name_words) or not title_words and _is_place(words):
        return None
    while len(name_words) > 2 and name_words[-1] in _SUFFIXES:
        name_words, name_toks = name_words[:-1], name_toks[:-1]  # "Martin Luther King Jr."
    if any(w in NOT_NAMES for w in name_words) or not all(is_name_token(w) or w in _PARTICLES and 0 < k < len(name_words) - 1
                                                          for k, w in enumerate(name_words)):
        return None
    if len(name_words) > 4 or name_words[-1].endswith(".") or name_words[0].endswith(".") and len(name_words[0]) == 2 and len(name_words) == 1:
        return None
    text = sentence[name_toks[0].start : name_toks[-1].end]
    title = title_words[-1] if title_words else None
    role = " ".join(w for w in title_words if w not in HONORIFICS) or None
    if role is None:
        role = _role_before(sentence, toks, i)
    age, after_role = _after(sentence[run[-1].end + (2 if run[-1].possessive else 0) :])
    role = role or after_role
    evidence = bool(role or age or title or next_word in SPEECH_VERBS or prev_word.rstrip(".") in {"mr", "mrs", "ms", "dr"})
    if not evidence and len(name_words) >= 2 and any(w in COMMON_CAPS for w in name_words):
        return None  # "White House", "Social Security": an institution or a thing, not a person
    kind = "person" if len(name_words) >= 2 else "single"
    return Mention(name_toks[0].start, name_toks[-1].end, text, kind, " ".join(name_words), role, age,
                   run[-1].possessive, evidence, title)


def _is_place(words: list[str]) -> bool:
    if not words:
        return False
    if all(w in PLACES for w in words) or words[-1] in PLACE_HEADS:
        return True
    return len(words) >= 2 and words[0] in PLACE_PREFIXES and words[0] not in ("East", "West", "North", "South") or (
        len(words) == 2 and words[0] in ("East", "West", "North", "South") and words[1] not in ROLE_WORDS)


def _role_before(sentence: str, toks: list[_Tok], i: int) -> str | None:
    """Role words right before the name: "prominent Los Angeles attorney Gloria Allred" → "Los Angeles attorney";
    "Baldwin's attorney, Luke Nikas" → "Baldwin's attorney"."""
    before = sentence[max(0, toks[i].start - 90) : toks[i].start] if i > 0 else ""
    lead = _ROLE_FOR.search(before) if before.rstrip().endswith(",") else None
    if lead:
        return lead.group(1)  # "A lawyer for Mr. Clark, Harry MacDougald,"
    k = i - 1
    if k < 0 or toks[k].text.lower() not in ROLE_WORDS or toks[k].text.lower() in ("star", "insider", "source"):
        return None
    gap = sentence[toks[k].end : toks[i].start]
    if gap.strip() == ",":
        # "The developer's founder, Marcus Ellery," / "Baldwin's attorney, Luke Nikas,"
        if k >= 1 and toks[k - 1].text.lower() in ("his", "her", "their", "its"):
            return toks[k].text  # "Her lawyer, Priya Natarajan,"
        owner = toks[k - 1] if k >= 1 and toks[k - 1].possessive else None
        if owner is None:
            return None
        return f"{sentence[owner.start : toks[k].start].rstrip()} {toks[k].text}"
    if gap != " ":
        return None
    first = k
    while first - 1 >= 0 and sentence[toks[first - 1].end : toks[first].start] == " " and (
            toks[first - 1].text.lower() in ROLE_MODIFIERS or toks[first - 1].text.lower() in ROLE_WORDS
            or toks[first - 1].text[0].isupper() and toks[first - 1].text not in NOT_NAMES and not toks[first - 1].possessive):
        first -= 1
        if k - first >= 4:
            break
    owner = toks[first - 1] if first >= 1 and toks[first - 1].possessive and toks[first - 1].text[0].isupper() else None
    if owner is not None and sentence[owner.end : toks[first].start].strip() in ("'s", "’s", "'", "’"):
        return sentence[owner.start : toks[k].end]  # "Gutierrez-Reed’s attorney Jason Bowles"
    return " ".join(t.text for t in toks[first : k + 1])


def _after(rest: str) -> tuple[int | None, str | None]:
    age = None
    m = _AGE.match(rest)
    if m:
        age = int(m.group(1))
    a = _APPOSITIVE.match(rest)
    role = None
    if a:
        phrase = a.group("role").strip()
        words = phrase.lower().replace("’s", "").replace("'s", "").split()
        if any(w in ROLE_WORDS for w in words[:4]):
            det = a.group("det")
            if det.lower() in ("his", "her", "their"):
                return age, None  # "Alec Baldwin, his wife, Hilaria": the role is the next name's
            role = phrase if det.lower() in ("a", "an", "the") else f"{det} {phrase}"
    return age, role


def _epithets(sentence: str, found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if _HEAD_WORDS.isdisjoint(_WORD_RUN.findall(sentence)):  # an epithet's head is a whole word
        return out
    for m in _EPITHET.finditer(sentence):
        if any(x.start < m.end() and m.start() < x.end for x in found if x.kind != "epithet"):
            # "the 30 Rock star Baldwin": the name itself follows; the epithet is its role
            pass
        mod = m.group("mod").strip()
        if mod and mod[0].islower() and mod not in ("former", "veteran", "embattled", "disgraced", "famous", "movie", "film", "hollywood"):
            continue
        nxt = sentence[m.end() : m.end() + 2]
        if re.match(r"['’]s\s+(?:office|department|team|legal|lawyers|attorneys|bureau|agency|staff|spokes\w*|campaign)\b", sentence[m.end() : m.end() + 24]):
            continue  # "the Santa Fe County sheriff's office": an institution, not a person
        if nxt[:1] == " " and nxt[1:2].isupper() and not mod:
            continue  # "the actor Alec Baldwin": the name follows and carries the role
        out.append(Mention(m.start(), m.end(), m.group(0), "epithet", m.group(0), possessive=nxt in ("'s", "’s"),
                           title=m.group("head")))
    return out

