"""Who filed or issued a document the article cites ("the lawsuit alleges", "according to the release").

In: the document's noun, the sentence citing it and the recognised article.
Out: the entity id of its author — "an affidavit signed by Detective Joel
Cano", "Baldwin's lawsuit", or for an issued document the one the article
says put it out nearby ("Marlow Pictures issued a statement", "Oduya said in
the office's news release" → the office) — or None when the article does
not say: a document's words are never given an invented speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .recognise import Entity, Recognised
from .lexicon.organisations import BODY_CUES
from .referents import named_body
from .segment import Segmented

ISSUED = frozenset({"statement", "release", "report", "letter"})  # issued rather than filed ("document" may be either): see issuer()


# Documents one files by suing, and the words that say who did ("Dana Pike sued the studio", "… filed a lawsuit")
_FILED_HEADS = frozenset({"suit", "complaint", "petition"})
_FILED = re.compile(r"\s+(?:(?:has|had|have|also|later|then|[a-z]{3,}ly)\s+)?(?:sued|filed\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:lawsuit|suit|complaint|petition))\b")


@lru_cache(maxsize=64)
def _author_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"<head> filed by Name" before a name, and "Name's <head>" after one."""
    return (re.compile(rf"{re.escape(head)}\s+(?:\w+\s+)?(?:signed|filed|issued|released|written|submitted)?\s*by\s+(?:[A-Z][\w.]*\s+){{0,4}}$"),
            re.compile(rf"['’]s?\s+(?:\w+\s+)?(?:law)?{re.escape(head)}\b"))


def document_author(seg: Segmented, rec: Recognised, index: int, doc: str) -> str | None:
    """Who filed or signed ``doc`` ("an affidavit signed by Detective Joel Cano", "Baldwin's lawsuit")."""
    head = doc.split()[-1]
    head = "suit" if head == "lawsuit" else head
    by_pattern, owner_pattern = _author_patterns(head)
    for k in range(index, -1, -1):
        text = seg.sentences[k].text
        for s, e, key in rec.sentences[k].entities:
            before = text[max(0, s - 60) : s]
            if "by" in before and by_pattern.search(before):
                return key
            if text[e : e + 1] in ("'", "’") and owner_pattern.match(text, e, e + 30):
                return key
        if head in _FILED_HEADS and k < index and _FILED.search(text):
            # "Dana Pike sued the studio on Monday." … "The lawsuit alleges": the one who sued filed it
            filer = [key for s, e, key in rec.sentences[k].entities if _FILED.match(text, e)]
            if filer:
                return filer[-1]
        if k < index and head in ISSUED and head in text.lower():
            # an article quotes several statements: the nearest earlier mention introduces this one ("In a statement, the
            # office …"), not one before it (a lawsuit, by contrast, is one document however often it is named)
            break
    return issuer(seg, rec, index, doc, rec.entities) if head in ISSUED else None  # "Marlow Pictures issued a statement" … "the statement said"


@lru_cache(maxsize=64)
def _issuer_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    doc = rf"(?:an?|the|its|his|her|their)\s+(?:(?P<owner>[\w-]+)['’]s?\s+)?(?:[\w'’-]+\s+){{0,2}}?{re.escape(head)}s?\b"
    after = re.compile(rf"(?:['’]s?)?\s*(?:,[^,]{{0,60}},\s*)?(?:(?:also|later|then|previously|had|has|have)\s+)?"
                       rf"(?:(?:said|says|announced|stated|wrote|explained|noted|added|confirmed|argued)\s+(?:[\w'’-]+\s+){{0,3}}?(?:in|via|through)\s+"
                       rf"|(?:issued|released|put\s+out|published|posted|sent|distributed|shared|emailed)\s+){doc}")
    before = re.compile(rf"(?:{re.escape(head)}s?\s+(?:from|by|issued by|released by|put out by|on behalf of)\s+(?:the\s+)?"
                        rf"|\b[Ii]n\s+{doc.replace('?P<owner>', '?:')}\s*,\s*(?:the\s+)?)$")
    return after, before


def issuer(seg: Segmented, rec: Recognised, index: int, doc: str, groups: dict[str, Entity]) -> str | None:
    """Whoever the article says issued ``doc`` in this or the three sentences before; None if it does not say."""
    head = doc.split()[-1].lower()
    after, before = _issuer_patterns(head)
    for k in range(index, max(-1, index - 4), -1):
        text = seg.sentences[k].text
        if head not in text.lower():
            continue
        for s, e, key in reversed(rec.sentences[k].entities):
            said_in = after.match(text, e, e + 120)
            if said_in and said_in.group("owner"):
                # "Oduya said in the office's news release": the release is the office's; she is quoted in it
                owned = [o for _, oe, o in rec.sentences[k].entities if oe == said_in.end("owner")]
                word = said_in.group("owner").lower()
                body = owned[0] if owned else named_body(word, rec, seg, k, groups) if word in BODY_CUES else None
                if body:
                    return body
            if said_in or before.search(text[max(0, s - 70) : s]):
                return key
        if k < index:
            break  # only the nearest earlier mention of the document can say who issued it
    return None
