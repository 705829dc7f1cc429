"""The content model: one declared schema for every content file.

In: plain data from :mod:`yamlload`. Out: frozen, typed objects. These
pydantic models are the single source of truth: they validate on load
(unknown keys are errors) and :mod:`schema` exports them as JSON Schema for
editors. Cross-file rules (unknown ids, citations found in their source)
live in :mod:`validate`, which needs every file at once.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..dates import PartialDate, When
from .urls import check_http_url as _check_url

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ANONYMOUS = "anonymous"
UNKNOWN_SPEAKER = "unknown"  # a quote's speaker the converter could not determine: drafts only, never published

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Lower-case letters, digits and single hyphens; becomes part of a URL."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
SHORT_TEXT_MAX = 300  # titles, names, publishers (convert shortens or leaves out what is longer)
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX)]


def _date_text(value: object) -> object:
    # YAML reads `date: 2021` as a number; precision is what was written.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_date(value: str) -> str:
    PartialDate.parse(value)
    return value


def _check_full_date(value: str) -> str:
    if PartialDate.parse(value).precision != "day":
        raise ValueError(f"expected a full date YYYY-MM-DD, found {value!r}")
    return value


_DATE_SCHEMA = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source.",
}
DateText = Annotated[str, BeforeValidator(_date_text), AfterValidator(_check_date), WithJsonSchema(_DATE_SCHEMA)]

UNKNOWN_DATE = "unknown"  # a source's publication date when the article gives none: "date unknown" on the site


def _check_published(value: str) -> str:
    if value == UNKNOWN_DATE:
        return value
    try:
        PartialDate.parse(value)
    except ValueError as exc:
        raise ValueError(f"{exc}; or 'unknown' when the source gives no date") from None
    return value


PublishedDate = Annotated[str, BeforeValidator(_date_text), AfterValidator(_check_published), WithJsonSchema({
    "anyOf": [_DATE_SCHEMA, {"const": UNKNOWN_DATE, "description": "The source gives no date: the site says \"date unknown\"."}],
    "description": "The day it appeared: YYYY, YYYY-MM or YYYY-MM-DD, or `unknown` when the source gives none.",
})]
FullDate = Annotated[
    str,
    AfterValidator(_check_full_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD"}),
]


Url = Annotated[str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "pattern": "^https?://[^\\s\"<>\\\\^`{|}]+$"})]


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class Review(str, Enum):
    draft = "draft"
    reviewed = "reviewed"
    rejected = "rejected"


ReviewState = Literal["draft", "reviewed", "rejected"]
REVIEW_HELP = ("draft (default): shown only with --drafts; reviewed: published; rejected: never published, "
               "and `convert` will not propose it again (mark a bad draft rejected instead of deleting it)")
SOURCE_REVIEW_HELP = ("draft (default): shown only with --drafts; reviewed: published (a reviewed item may cite only "
                      "reviewed sources); rejected: never published, and nothing shown may cite it")
NOTE_HELP = "A remark for editors (where a title came from, what to check). Never shown on the site or in any export."

# Every content object may carry an editor's note; no template or export reads it.
Note = Annotated[Text | None, Field(None, description=NOTE_HELP)]


class ClaimKind(str, Enum):
    fact = "fact"
    ruling = "ruling"
    allegation = "allegation"
    denial = "denial"
    statement = "statement"
    opinion = "opinion"
    anonymous = "anonymous"


class Citation(Schema):
    """Provenance: a source id and the exact sentence (or passage) taken from it."""

    source: Id
    quote: Text = Field(description="The exact sentence from the source, as it appears there.")
    note: Note = None


Citations = Annotated[list[Citation], Field(min_length=1, description="At least one citation.")]


Ref = tuple[tuple[str | int, ...], str, bool]  # (where in the item, id, may be 'anonymous')


class Item(Schema):
    id: Id
    citations: Citations
    review: ReviewState = Field("draft", description=REVIEW_HELP)
    note: Note = None

    @property
    def published(self) -> bool:
        return self.review == Review.reviewed.value

    def refs(self) -> list[Ref]:
        """Every person/organisation id the item names."""
        return []

    def own_text(self) -> list[tuple[str, str | None]]:
        """Fields written in the site's own voice (checked for loaded words)."""
        return []


class Event(Item):
    """Something that happened, dated only as precisely as the sources allow."""

    date: DateText | None = None
    not_after: DateText | None = Field(None, description="Upper bound when the source only implies the event preceded it.")
    when: ShortText | None = Field(None, description="Relative wording kept from the source, e.g. 'ten days before the trial'.")
    title: ShortText
    summary: Text | None = Field(None, description="Markdown, no raw HTML.")
    people: list[Id] = Field(default_factory=list)
    planned: bool = Field(False, description="A scheduled event its sources announce for a later day; shown as "
                          "'Scheduled', never as the latest development. Only a planned event may be dated after its sources.")

    def refs(self) -> list[Ref]:
        return [(("people", j), p, False) for j, p in enumerate(self.people)]

    def own_text(self) -> list[tuple[str, str | None]]:
        return [("title", self.title), ("summary", self.summary), ("when", self.when)]

    @model_validator(mode="after")
    def _one_date(self) -> "Event":
        if (self.date is None) == (self.not_after is None):
            raise ValueError("give exactly one of 'date' or 'not_after'")
        if self.planned and self.date is None:
            raise ValueError("a planned event needs the 'date' it is scheduled for, not 'not_after'")
        return self

    @property
    def timing(self) -> When:
        return When(
            PartialDate.parse(self.date) if self.date else None,
            PartialDate.parse(self.not_after) if self.not_after else None,
            self.when,
        )


# How the source describes a speaker it does not name ("Johnny Depp's representatives", "a person familiar with the
# case"): shown beside "Unnamed source", so it is the site's own text (checked for loaded words like a title).
DescribedAs = Annotated[ShortText | None, Field(None, description=(
    "Only with 'anonymous': how the source describes the unnamed speaker, e.g. \"Johnny Depp's representatives\" "
    "or \"a person familiar with the case\". Shown beside 'Unnamed source'; loaded words only inside quotation marks."))]


def _described_only_if_unnamed(described_as: str | None, info: ValidationInfo, field: str) -> str | None:
    """A description belongs to an unnamed speaker only (``field``, validated before it, is 'anonymous'): a named
    speaker is described on their own page."""
    who = info.data.get(field)
    if described_as is not None and who is not None and who != ANONYMOUS:
        raise ValueError(f"only an unnamed speaker is described here: set {field} to 'anonymous', or remove "
                         f"described_as ({who!r} is described in people.yaml)")
    return described_as


class Claim(Item):
    """A typed statement attributed to someone (or to an unnamed source)."""

    kind: ClaimKind
    attributed_to: Id = Field(description="A person or organisation id, or 'anonymous'.")
    described_as: DescribedAs = None
    via: Id | None = Field(None, description="Who relayed it, when the claim reaches us second-hand.")
    text: Text = Field(description="Neutral wording in the site's own voice; loaded words only inside quotation marks.")
    date: DateText | None = None
    people: list[Id] = Field(default_factory=list, description="Other people the claim is about.")

    def refs(self) -> list[Ref]:
        found: list[Ref] = [(("attributed_to",), self.attributed_to, True)]
        if self.via:
            found.append((("via",), self.via, False))
        return found + [(("people", j), p, False) for j, p in enumerate(self.people)]

    def own_text(self) -> list[tuple[str, str | None]]:
        return [("text", self.text), ("described_as", self.described_as)]

    @field_validator("described_as")
    @classmethod
    def _described_unnamed(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _described_only_if_unnamed(value, info, "attributed_to")

    @model_validator(mode="after")
    def _anonymous_consistent(self) -> "Claim":
        if (self.kind == ClaimKind.anonymous.value) != (self.attributed_to == ANONYMOUS):
            raise ValueError("a claim is of kind 'anonymous' exactly when attributed_to is 'anonymous'")
        return self


class Quote(Item):
    """Exact words, their speaker and where they were reported."""

    speaker: Id = Field(description="A person or organisation id, 'anonymous', or 'unknown' (not yet identified: drafts only).")
    described_as: DescribedAs = None
    text: Text = Field(description="The exact words, without surrounding quotation marks.")
    context: ShortText | None = Field(None, description="Neutral note on when or where it was said.")
    date: DateText | None = None

    def refs(self) -> list[Ref]:
        return [] if self.speaker == UNKNOWN_SPEAKER else [(("speaker",), self.speaker, True)]

    @model_validator(mode="after")
    def _unknown_speaker_stays_draft(self) -> "Quote":
        # the converter keeps quotations whose speaker it could not tell, for the editor; nobody may publish them so
        if self.speaker == UNKNOWN_SPEAKER and self.review == Review.reviewed.value:
            raise ValueError("a quote whose speaker is 'unknown' must stay a draft: identify the speaker "
                             "(a person or organisation id, or 'anonymous') before marking it reviewed")
        return self

    def own_text(self) -> list[tuple[str, str | None]]:
        return [("context", self.context), ("described_as", self.described_as)]

    @field_validator("described_as")
    @classmethod
    def _described_unnamed(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _described_only_if_unnamed(value, info, "speaker")


class Entry(Schema):
    """entries/<topic>.yaml: one strand of the case."""

    title: ShortText
    status: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    summary: Text
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    note: Note = None


ITEM_LISTS = ("events", "claims", "quotes")  # an Entry's lists of items, in the order of its fields


class Group(str, Enum):
    central = "central"
    family = "family"
    legal = "legal"
    officials = "officials"
    media = "media"
    other = "other"


GROUP_LABELS = {
    "central": "Central figures",
    "family": "Family",
    "legal": "Lawyers and legal teams",
    "officials": "Officials, courts and agencies",
    "media": "Media",
    "other": "Others",
}


class Person(Schema):
    """A person or an organisation in the who's who."""

    id: Id
    name: ShortText
    kind: Literal["person", "organization"] = "person"
    aliases: list[ShortText] = Field(default_factory=list, description="Other names and epithets used by sources.")
    role: ShortText
    group: Group
    description: Text | None = None
    citations: Citations
    review: ReviewState = Field("draft", description=REVIEW_HELP)
    note: Note = None

    @property
    def published(self) -> bool:
        return self.review == Review.reviewed.value


class PeopleFile(Schema):
    """people.yaml"""

    people: list[Person]


class SourceKind(str, Enum):
    news = "news"
    tabloid = "tabloid"
    court_record = "court-record"
    statement = "statement"
    press_release = "press-release"
    other = "other"


class Source(Schema):
    """An article or document the site takes statements from."""

    id: Id
    title: ShortText = Field(description="The headline as published (shown in quotation marks).")
    publisher: ShortText
    published: PublishedDate
    file: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        None, description="Path to the article text, relative to the content folder (e.g. ../seeds/a.txt)."
    )
    url: Url | None = None
    kind: SourceKind
    reliability: Text = Field(description="What a reader should know about this source.")
    review: ReviewState = Field("draft", description=SOURCE_REVIEW_HELP)
    note: Note = None

    @property
    def reviewed(self) -> bool:
        """Published (its field ``published`` is the date it appeared)."""
        return self.review == Review.reviewed.value

    @property
    def date_known(self) -> bool:
        """Whether the source's publication date is known (``published`` is not ``unknown``)."""
        return self.published != UNKNOWN_DATE

    @model_validator(mode="after")
    def _somewhere(self) -> "Source":
        if self.file is None and self.url is None:
            raise ValueError("give 'file' or 'url' (or both) so readers can check the source")
        return self


class SourcesFile(Schema):
    """sources.yaml"""

    sources: list[Source]


class Topic(Schema):
    id: Id
    title: ShortText
    vocabulary: list[ShortText] = Field(default_factory=list, description="Words and phrases that mark a sentence as being about this strand (used by convert).")
    note: Note = None


KEY_POINTS_MAX = 7  # "what to know" is a short list; more belongs in the strands


class KeyPoint(Schema):
    """One of the home page's "What to know" points: the site's own sentence, cited like any statement."""

    text: Text = Field(description="One or two neutral sentences in the site's own voice (Markdown, no raw HTML).")
    citations: Citations
    note: Note = None


class KeyPointsFile(Schema):
    """key-points.yaml (optional): the home page's "What to know". Apart from case.yaml, which defines the case
    and its vocabulary and must stand alone (a fresh folder converts with nothing but case.yaml), because key
    points cite sources."""

    key_points: list[KeyPoint] = Field(default_factory=list, max_length=KEY_POINTS_MAX, description=(
        "What to know: 3 to 7 key points shown first on the home page, each citing the exact sentences it rests on."))
    note: Note = None


class SiteOptions(Schema):
    base_url: Url = Field(description="Where the site will live, e.g. https://example.org/case/ (used for sitemap, feed, canonical links).")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    anonymous_sources: Literal["label", "exclude"] = Field("label", description="Show unnamed-source claims with a label, or leave them out.")


class Case(Schema):
    """case.yaml: the case, site options and its strands."""

    title: ShortText
    summary: Text
    jurisdiction: ShortText
    updated: FullDate
    site: SiteOptions
    topics: Annotated[list[Topic], Field(min_length=1)]
    loaded_words: list[ShortText] = Field(default_factory=list, description="Words the site's own voice must not use outside quotation marks.")
    corrections: Text | None = Field(None, description="How readers report errors (Markdown), shown on the about page.")
    note: Note = None


SCHEMAS: dict[str, type[Schema]] = {
    "case": Case,
    "entry": Entry,
    "people": PeopleFile,
    "sources": SourcesFile,
    "key-points": KeyPointsFile,
}
