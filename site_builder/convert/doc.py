"""One article as the extraction stages see it: the document they pass along and add to.

In: a read :class:`~.read.Article`, the case settings, what :mod:`.segment` (paragraphs, sentences, quotation
spans) and :mod:`.recognise` (mentions, entities, dates, per-sentence findings) made of it, and its source id.
Out: the same object, to which each extraction stage adds its own part — events (and the sentences they
used), quotes, claims — and the notes and flags the report shows. A stage reads what earlier stages added
and writes only its own fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .items import DraftClaim, DraftEvent, DraftQuote
from ..articles.read import Article
from .recognise import Recognised
from .segment import Segmented
from .topics import TopicMatcher


@dataclass(frozen=True)
class CaseInfo:
    """The case settings every article is read with: its strands, its loaded words, the content folder, its principal people."""

    topics: TopicMatcher
    loaded: tuple[str, ...]
    content_dir: Path  # resolved
    principals: tuple[str, ...] = ()  # the full names case.yaml's summary gives (see caseinfo.principals)


@dataclass(frozen=True)
class Placement:
    """Where an article's source stands in the content: the id sources.yaml already gives it (None: a new one), how a
    new id is made unique in the run (None: as it is), and the article's file relative to the content folder
    (None: worked out from its path)."""

    source_id: str | None = None
    assign: Callable[[str], str] | None = None
    file: str | None = None


@dataclass
class ArticleDoc:
    """One article through extraction. Stages add to the fields marked with their name, and only to those."""

    article: Article
    case: CaseInfo
    seg: Segmented  # cleaned text, paragraphs, sentences, quotation spans
    rec: Recognised  # mentions and entities, dates, per-sentence topics
    source: str  # the id of the article's source
    skip: frozenset[int] = frozenset()  # sentences no stage drafts from (a stored excerpt's cut-off last sentence)
    # events
    events: list[DraftEvent] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # sentences an event was drawn from: not claims as well
    # quotes
    quotes: list[DraftQuote] = field(default_factory=list)
    unattributed: list[str] = field(default_factory=list)  # quotations kept with the speaker unknown, for the report
    # claims
    claims: list[DraftClaim] = field(default_factory=list)
    outlet_voice: list[str] = field(default_factory=list)  # sentences in an unlisted outlet's own voice, left out
    evaluative: list[tuple[str, str]] = field(default_factory=list)  # (evaluative word, sentence) of the claims drafted
    # any stage
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (loaded word, sentence)
    notes: list[str] = field(default_factory=list)  # for the report, about the article as a whole

    @property
    def topics(self) -> TopicMatcher:
        return self.case.topics

    @property
    def loaded(self) -> tuple[str, ...]:
        return self.case.loaded
