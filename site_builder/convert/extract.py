"""One article from file to draft items: the per-article half of the flow.

In: an :class:`~.read.Article`, the case settings (:class:`CaseInfo`), the
people directory and the id its source already has (if any). Out: an
:class:`~.items.Extraction` — the source record, events, claims, quotes,
the people and organisations they name, flagged language and unresolved
names. Nothing is written here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .claims import extract_claims, extract_quotes
from .events import extract_events
from .items import Cite, DraftPerson, DraftSource, Extraction
from .neutral import clip
from .read import Article
from .recognise import Directory, Entity, group_for, recognise
from .segment import segment
from .slug import slugify
from .topics import TopicMatcher

_PUBLISHER_CUES = [
    re.compile(r"\b(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w.!-]*){0,2})\s+can\s+(?:exclusively\s+)?(?:reveal|confirm)"),
    re.compile(r"\bAs\s+(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w.!-]*){0,2})\s+(?:previously\s+|first\s+|exclusively\s+)?reported"),
    re.compile(r"\b(?:obtained by|told|confirmed to|said in a statement to|in an interview with)\s+(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w!-]*){0,2})\b(?=[^.]*\.\s*$)"),
]
_TABLOID_CUES = re.compile(r"\bcan (?:exclusively )?reveal\b|\binsider (?:told|tells) us\b|\bour (?:insider|source)\b|\bEXCLUSIVE\b|\bsneered\b|\bslammed\b", re.IGNORECASE)


@dataclass(frozen=True)
class CaseInfo:
    topics: TopicMatcher
    loaded: tuple[str, ...]
    content_dir: Path


def publisher_from_text(article: Article) -> str | None:
    votes: dict[str, int] = {}
    for paragraph in article.paragraphs:
        for pattern in _PUBLISHER_CUES[:2]:
            for m in pattern.finditer(paragraph):
                name = m.group("p").rstrip(".")
                if name.split()[0] not in ("He", "She", "They", "It", "We", "Officials", "Police", "Prosecutors", "The"):
                    votes[name] = votes.get(name, 0) + 2
        for m in _PUBLISHER_CUES[2].finditer(paragraph):
            votes[m.group("p")] = votes.get(m.group("p"), 0) + 1
    strong = {k: v for k, v in votes.items() if v >= 2}
    return max(strong, key=lambda k: (strong[k], -len(k))) if strong else None


def extract(article: Article, case: CaseInfo, directory: Directory, source_id: str | None) -> Extraction:
    seg = segment(article.paragraphs)
    rec = recognise(seg, article.published, directory, case.topics)
    publisher = article.publisher or publisher_from_text(article)
    notes = list(article.notes)
    if publisher is None:
        notes.append("publisher unknown; add it to the source's front matter, a folder index or sources.yaml")
    tabloid = len(_TABLOID_CUES.findall(article.text)) >= 2
    published = article.published or "1970-01-01"
    sid = source_id or _source_id(article, publisher)
    file = os.path.relpath(article.path.resolve(), case.content_dir.resolve()).replace(os.sep, "/")
    title = article.title
    if not title:
        title = clip(seg.sentences[0].text if seg.sentences else article.path.stem, 200)
        notes.append("no headline found; the title is the first sentence")
    pub_key = _publisher_entity(publisher or article.path.stem, rec.entities, directory)
    flagged: list[tuple[str, str]] = []
    events, used = extract_events(seg, rec, sid, article.published, case.topics, case.loaded, flagged)
    quotes = extract_quotes(seg, rec, sid, case.topics, article.truncated)
    claims = extract_claims(seg, rec, sid, case.topics, case.loaded, pub_key, "statement" if tabloid else "fact", used, flagged)
    anonymous = any(c.kind == "anonymous" for c in claims) or any(q.speaker == "anonymous" for q in quotes)
    source = DraftSource(
        id=sid, title=clip(title, 290), publisher=publisher or "Unknown publisher", published=published,
        kind="tabloid" if tabloid else "news", reliability=_reliability(tabloid, anonymous, article, flagged),
        file=file, url=article.url,
    )
    if article.published is None:
        notes.append("publication date unknown; recorded as 1970-01-01 — fix it in sources.yaml")
    referenced = {e.people[k] for e in [] for k in ()}  # placeholder for typing
    referenced = set()
    for item in [*events, *claims]:
        referenced.update(item.people)
    referenced.update(c.attributed_to for c in claims)
    referenced.update(q.speaker for q in quotes)
    people = _people(seg, rec, sid, referenced)
    return Extraction(str(article.path), source, events, claims, quotes, people, flagged, rec.unresolved, notes)


def _source_id(article: Article, publisher: str | None) -> str:
    if publisher and article.published:
        base = slugify(re.sub(r"\.(?:com|org|net|co\.uk)\b", "", publisher), 40)
        return f"{base}-{article.published}"
    return slugify(article.path.stem, 70)


def _publisher_entity(publisher: str, entities: dict[str, Entity], directory: Directory) -> str:
    name = re.sub(r"\.(?:com|org|net|co\.uk)$", "", publisher)
    known = directory.lookup(publisher) or directory.lookup(name)
    key = known or slugify(name)
    if key not in entities:
        entities[key] = Entity(key, name, "organization", known=bool(known), role="News publisher")
    return key


def _reliability(tabloid: bool, anonymous: bool, article: Article, flagged: list[tuple[str, str]]) -> str:
    parts = ["Tabloid report." if tabloid else "News report."]
    if anonymous:
        parts.append("Relies in part on unnamed sources.")
    if flagged:
        parts.append(f"Uses loaded language ({len(flagged)} instance{'s' if len(flagged) != 1 else ''} flagged).")
    if article.truncated:
        parts.append("The stored text is an excerpt cut off mid-sentence.")
    parts.append("Draft note written by the converter; review before publishing.")
    return " ".join(parts)


def _people(seg, rec, sid: str, referenced: set[str]) -> list[DraftPerson]:  # type: ignore[no-untyped-def]
    out = []
    first_sentence: dict[str, str] = {}
    for index, facts in enumerate(rec.sentences):
        for _, _, key in facts.entities:
            first_sentence.setdefault(key, " ".join(seg.sentences[index].text.split()))
    for key, entity in rec.entities.items():
        if entity.known:
            continue
        if entity.kind == "organization" and key not in referenced:
            continue
        if entity.kind == "person" and key not in first_sentence:
            continue
        quote = first_sentence.get(key) or " ".join(seg.sentences[0].text.split())
        role = entity.role or ("Organisation named in coverage" if entity.kind == "organization" else "Named in coverage of the case")
        out.append(DraftPerson(key, entity.name, entity.kind, clip(role, 200), group_for(entity.role, entity.kind),
                               [Cite(sid, quote)], aliases=list(entity.aliases)))
    return out
