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

from ..content.model import SHORT_TEXT_MAX as MAX_SHORT, UNKNOWN_DATE
from .claims import extract_claims, extract_quotes
from .doc import ArticleDoc, CaseInfo, Placement
from .lexicon.media import OUTLET_NAME_WORDS, outlet_pattern
from .lexicon.tabloid import TABLOID_CUES, TABLOID_GATE, TOLD_CUES, TOLD_PUBLISHER
from .events import extract_events
from ..dates import PartialDate
from .items import Cite, DraftEvent, DraftPerson, DraftSource, Extraction
from .neutral import clip, neutralise
from ..articles.read import Article
from .directory import Directory
from .recognise import Entity, Recognised, group_for, recognise
from .segment import Segmented, segment
from .slug import slugify
from .topics import article_strands, settle_strands

MAX_TITLE = MAX_SHORT - 10  # a headline is clipped below the schema's limit: clip() may close a quotation and add "…"

_PUBLISHER_CUES = [
    re.compile(r"\b(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w.!-]*){0,2})\s+can\s+(?:exclusively\s+)?(?:reveal|confirm)"),
    re.compile(r"\bAs\s+(?P<p>[A-Z][\w.!-]*(?:\s[A-Z][\w.!-]*){0,2})\s+(?:previously\s+|first\s+|exclusively\s+)?reported"),
    TOLD_PUBLISHER,
]


_MEDIA_NAME = outlet_pattern(OUTLET_NAME_WORDS)
_AGENCIES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "AFP", "UPI": "UPI"}


# The publisher written for a source whose publisher is unknown (the schema needs one): a placeholder for the editor,
# never an outlet.
UNKNOWN_PUBLISHER = "Unknown publisher"


def publisher_from_text(article: Article) -> str | None:
    votes: dict[str, int] = {}
    first = article.paragraphs[0] if article.paragraphs else ""
    agency = re.match(r"^[A-Z][A-Za-z0-9 ,.]{1,40}\((AP|Reuters|AFP|UPI)\)", first)
    if agency:
        return _AGENCIES[agency.group(1)]
    for paragraph in article.paragraphs:
        for pattern, gate in zip(_PUBLISHER_CUES[:2], ("can", "reported")):
            for m in pattern.finditer(paragraph) if gate in paragraph else ():
                name = m.group("p").rstrip(".")
                if name.split()[0] not in ("He", "She", "They", "It", "We", "Officials", "Police", "Prosecutors", "The"):
                    votes[name] = votes.get(name, 0) + 2
        for m in _PUBLISHER_CUES[2].finditer(paragraph) if any(cue in paragraph for cue in TOLD_CUES) else ():
            votes[m.group("p")] = votes.get(m.group("p"), 0) + 1
    strong = {k: v for k, v in votes.items() if v >= 2}
    return max(strong, key=lambda k: (strong[k], -len(k))) if strong else None


def settle(doc: ArticleDoc) -> None:
    """The article's main strand as a prior: its events, claims and quotes drafted in another strand on one word's
    evidence go to the main strand (:func:`.topics.settle_strands`)."""
    seg, topics = doc.seg, doc.topics
    strands = article_strands(topics, doc.article.title, [s.text for s in seg.sentences])
    if strands is not None:
        settle_strands(topics, strands, [*doc.events, *doc.claims, *doc.quotes], lambda quote: _paragraph_of(seg, quote))


def _paragraph_of(seg: Segmented, quote: str) -> str:
    """The text of the paragraph whose sentence a citation ``quote`` starts with ("" when none does)."""
    for sentence in seg.sentences:
        words = " ".join(sentence.text.split())
        if words and quote.startswith(words[:60]):
            return " ".join(s.text for s in seg.sentences if s.paragraph == sentence.paragraph)
    return ""


def understand(article: Article, case: CaseInfo, directory: Directory) -> tuple[Segmented, Recognised]:
    """Segment and recognise (the part worth redoing when other articles teach us full names)."""
    seg = segment(article.paragraphs)
    return seg, recognise(seg, article.published, directory, case.topics)


@dataclass(frozen=True)
class _Masthead:
    """What the article says of itself, settled before its items are drafted: the source's id, publisher (None:
    unknown), file, title and kind (tabloid or not)."""

    source_id: str
    publisher: str | None
    file: str
    title: str
    tabloid: bool


def extract(article: Article, case: CaseInfo, directory: Directory, placement: Placement = Placement(),
            understood: tuple[Segmented, Recognised] | None = None) -> Extraction:
    """The draft items of one article, whose source stands in the content as ``placement`` says; ``understood``:
    the article already segmented and recognised."""
    seg, rec = understood or understand(article, case, directory)
    notes = list(article.notes)
    head = _masthead(article, case, seg, rec, placement, notes)
    doc = ArticleDoc(article, case, seg, rec, head.source_id, _skipped(article, seg), notes=notes)
    _draft(doc, _narrator(head.publisher, rec, directory), head.tabloid)
    source = _draft_source(doc, head)
    people = _people(seg, rec, head.source_id, _referenced(doc), case.loaded)
    return Extraction(str(article.path), source, doc.events, doc.claims, doc.quotes, people, doc.flagged, rec.unresolved, doc.notes,
                      rec.loose, doc.unattributed, doc.outlet_voice, doc.evaluative)


def _masthead(article: Article, case: CaseInfo, seg: Segmented, rec: Recognised, placement: Placement, notes: list[str]) -> _Masthead:
    """The article's source id, publisher, file, title and kind; what is missing or odd goes to ``notes``."""
    publisher = _publisher(article, notes)
    if article.published is None:
        notes.append(_unknown_date_note(rec))
    sid = placement.source_id or (placement.assign or (lambda x: x))(_source_id(article, publisher))
    file = _source_file(article, case, placement.file, notes)
    title = _title(article, seg, notes)
    lower = article.text.lower()
    tabloid = any(cue in lower for cue in TABLOID_GATE) and len(TABLOID_CUES.findall(article.text)) >= 2
    return _Masthead(sid, publisher, file, title, tabloid)


def _publisher(article: Article, notes: list[str]) -> str | None:
    """The article's publisher, from its metadata or else its text; None (with a note) when unknown."""
    # the placeholder a source without a publisher is written with (see _draft_source) is no publisher on a later run
    publisher = (article.publisher if article.publisher != UNKNOWN_PUBLISHER else None) or publisher_from_text(article)
    if publisher is not None and len(publisher.strip()) > MAX_SHORT:  # no name is that long: page furniture, not a publisher
        notes.append(f"the publisher given is longer than {MAX_SHORT} characters; left out")
        publisher = None
    if publisher is None:
        notes.append("publisher unknown; add it to the source's front matter, a folder index or sources.yaml")
    return publisher


def _source_file(article: Article, case: CaseInfo, file: str | None, notes: list[str]) -> str:
    """The article's file relative to the content folder (``file`` when the content already gives it); a note when
    it lies outside the project, where the build cannot check citations against it."""
    if file is None:
        file = os.path.relpath(article.path.resolve(), case.content_dir.resolve()).replace(os.sep, "/")
    if file.startswith("../../") or os.path.isabs(file):
        notes.append(f"the article lies outside the project folder ({file}); copy it into the project (e.g. seeds/) so the build can check its citations")
    return file


def _title(article: Article, seg: Segmented, notes: list[str]) -> str:
    """The article's headline, else its first sentence (with a note); a note when it is too long to keep whole."""
    title = article.title
    if title and len(title) > MAX_TITLE:
        notes.append(f"the headline is longer than {MAX_TITLE} characters; shortened")
    if not title:
        title = clip(seg.sentences[0].text if seg.sentences else article.path.stem, 200)
        notes.append("no headline found; the title is the first sentence")
    return title


def _skipped(article: Article, seg: Segmented) -> frozenset[int]:
    """The sentences no stage drafts from: a stored excerpt's cut-off last sentence."""
    return frozenset({len(seg.sentences) - 1} if article.truncated and seg.sentences else ())


def _narrator(publisher: str | None, rec: Recognised, directory: Directory) -> str | None:
    """The outlet's entity key when it may speak in its own voice: only if people.yaml lists it. An article without a
    publisher has no outlet (never an "Unknown publisher" that claims would be attributed to: a note asks the editor
    for the publisher)."""
    pub_key = _publisher_entity(publisher, rec.entities, directory) if publisher else None
    return pub_key if pub_key is not None and rec.entities[pub_key].known else None


def _draft(doc: ArticleDoc, narrator: str | None, tabloid: bool) -> None:
    """The extraction stages, in order: events (those after publication marked planned), quotes, claims (a tabloid's
    unattributed sentences are statements, not facts); a note when the article gives none of them."""
    extract_events(doc)
    if doc.article.published:
        _mark_planned(doc.events, doc.article.published)
    extract_quotes(doc)
    extract_claims(doc, narrator, "statement" if tabloid else "fact", tabloid)
    settle(doc)
    if not (doc.events or doc.quotes or doc.claims):  # every article gets drafts or a reason
        count = len(doc.seg.sentences)
        doc.notes.append(f"no event, claim or quote drafted: none of its {count} sentence{'s' if count != 1 else ''} "
                         "reports a dated event or an attributed statement, or holds a quotation")


def _draft_source(doc: ArticleDoc, head: _Masthead) -> DraftSource:
    """The source record of the article, its reliability read from what extraction found."""
    article = doc.article
    anonymous = any(c.kind == "anonymous" for c in doc.claims) or any(q.speaker == "anonymous" for q in doc.quotes)
    return DraftSource(
        id=head.source_id, title=clip(head.title, MAX_TITLE), publisher=head.publisher or UNKNOWN_PUBLISHER,
        published=article.published or UNKNOWN_DATE, kind="tabloid" if head.tabloid else "news",
        reliability=_reliability(head.tabloid, anonymous, article, doc.flagged), file=head.file, url=article.url,
        note=_source_note(article),
    )


def _referenced(doc: ArticleDoc) -> set[str]:
    """The entities the article's items name: the people of events and claims, who claims are attributed to, the
    speakers of quotes."""
    referenced: set[str] = set()
    for event in doc.events:
        referenced.update(event.people)
    for claim in doc.claims:
        referenced.update(claim.people)
    referenced.update(c.attributed_to for c in doc.claims)
    referenced.update(q.speaker for q in doc.quotes)
    return referenced


def _source_id(article: Article, publisher: str | None) -> str:
    if publisher and article.published:
        base = slugify(re.sub(r"\s*\([^)]*\)|\.(?:com|org|net|co\.uk)\b", "", publisher) or publisher, 40)
        return f"{base}-{article.published}"
    return slugify(article.path.stem, 70)


def _publisher_entity(publisher: str, entities: dict[str, Entity], directory: Directory) -> str:
    """The key of the article's outlet among the entities (added if the text does not name it; ``known`` if people.yaml
    lists it): attribution needs to know it is a news outlet ("told the Courier" is not the Courier speaking)."""
    name = re.sub(r"\s*\([^)]*\)", "", re.sub(r"\.(?:com|org|net|co\.uk)$", "", publisher)).strip() or publisher
    inside = re.findall(r"\(([^)]*)\)", publisher)  # "KQED (NPR)": the outlet in brackets may be the one listed
    known = next((k for k in (directory.lookup(n) for n in (publisher, name, *inside)) if k), None)
    key = known or slugify(name)
    if key not in entities:
        listed = next((p for p in directory.people if p.id == known), None)
        entities[key] = Entity(key, listed.name if listed else name, listed.kind if listed else "organization",
                               known=bool(known), role="News publisher", rules=["extract.publisher"])
    return key


def _reliability(tabloid: bool, anonymous: bool, article: Article, flagged: list[tuple[str, str]]) -> str:
    parts = ["Tabloid report." if tabloid else "News report."]
    if anonymous:
        parts.append("Relies in part on unnamed sources.")
    if flagged:
        parts.append(f"Uses loaded language ({len(flagged)} instance{'s' if len(flagged) != 1 else ''} flagged).")
    return " ".join(parts)


def _source_note(article: Article) -> str:
    """The editor's note on a converted source: what to check. Never shown to readers (a `note:`)."""
    parts = ["Written by the converter; check the title, publisher, kind and reliability before publishing."]
    if article.truncated:
        parts.append("The stored text is an excerpt cut off mid-sentence.")
    return " ".join(parts)


def _unknown_date_note(rec: Recognised) -> str:
    """The report's note on an article without a publication date, with the bound its text gives: the latest date
    it mentions (it appeared on or after that day)."""
    mentioned = [d.value for facts in rec.sentences for d in facts.dates if d.value and not d.relative]
    latest = max(mentioned, key=lambda v: (PartialDate.parse(v).last_day(), v), default=None)
    bound = (f"the text mentions dates up to {latest}, so it appeared on or after that day" if latest
             else "the text mentions no date")
    return (f"publication date unknown: the source says `published: {UNKNOWN_DATE}`, and no date is inferred from it; "
            f"{bound}: set `published` when you know it")


def _mark_planned(events: list[DraftEvent], published: str) -> None:
    """An event dated after the article appeared was announced, not reported as done: mark it planned."""
    appeared = PartialDate.parse(published).last_day()
    for event in events:
        if event.date and PartialDate.parse(event.date).first_day() > appeared:
            event.planned = True


def _people(seg: Segmented, rec: Recognised, sid: str, referenced: set[str], loaded: tuple[str, ...]) -> list[DraftPerson]:
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
        if entity.kind == "organization" and not entity.role and _MEDIA_NAME.search(entity.name):
            role = "News organisation"
        role = neutralise(role, loaded).text or role  # "Disgraced Harborview politician" → "Harborview politician"
        # an organisation with no stated role is grouped by its name ("the Pell County District Attorney's Office")
        group = group_for(entity.name if entity.kind == "organization" and not entity.role else role, entity.kind)
        out.append(DraftPerson(key, entity.name, entity.kind, clip(role, 200)[:1].upper() + clip(role, 200)[1:], group,
                               [Cite(sid, quote)], aliases=list(entity.aliases), rules=list(entity.rules)))
    return out
