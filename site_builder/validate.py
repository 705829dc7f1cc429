"""Cross-file rules that no single schema can see.

In: :class:`~site_builder.load.Content`. Out: a list of problems (empty when
the content is sound): duplicate and unknown ids, entry files that match no
topic, citations whose sentence is not in the cited file, quotes whose words
are not in their source, and loaded words in the site's own voice.
"""

from __future__ import annotations

from typing import Any

from .errors import Problem
from .load import Content, Loaded
from .model import ANONYMOUS, Citation, Entry
from .sourcetext import SourceFileError, normalize, read_source, resolve
from .voice import loaded_words_in
from .yamlload import Path_

Seen = dict[str, tuple[Loaded[Entry], Path_]]  # id -> where it was first defined


def validate(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    case = content.case
    people_ids = _unique(content.people, "people", problems)
    source_ids = _unique(content.sources, "sources", problems)
    topic_ids = _unique(case, "topics", problems)
    if ANONYMOUS in people_ids:
        problems.append(content.people.problem(("people", _index(content.people.model.people, ANONYMOUS), "id"), f"'{ANONYMOUS}' is reserved for unnamed sources"))
    texts = _source_texts(content, problems)
    words = tuple(case.model.loaded_words)

    for topic in topic_ids:
        if topic not in content.entries:
            problems.append(case.problem(("topics", _index(case.model.topics, topic)), f"topic '{topic}' has no file entries/{topic}.yaml"))
    for stem, entry in content.entries.items():
        if stem not in topic_ids:
            problems.append(Problem(entry.doc.name, 1, "", f"'{stem}' is not a topic in case.yaml (topics: {', '.join(topic_ids)})"))

    seen: Seen = {}
    speakers = people_ids | {ANONYMOUS}
    for entry in content.entries.values():
        _check_entry(entry, seen, people_ids, speakers, source_ids, texts, words, problems)
    for i, person in enumerate(content.people.model.people):
        _check_citations(content.people, ("people", i), person.citations, source_ids, texts, problems)
        for key in ("role", "description"):
            _check_voice(content.people, ("people", i, key), getattr(person, key), words, problems)
    for key in ("title", "summary"):
        _check_voice(case, (key,), getattr(case.model, key), words, problems)
    for i, topic_model in enumerate(case.model.topics):
        _check_voice(case, ("topics", i, "title"), topic_model.title, words, problems)
    return problems


def _index(items: list[Any], item_id: str) -> int:
    return next(i for i, item in enumerate(items) if item.id == item_id)


def _unique(loaded: Loaded[Any], key: str, problems: list[Problem]) -> set[str]:
    ids: dict[str, int] = {}
    for i, item in enumerate(getattr(loaded.model, key)):
        if item.id in ids:
            first = loaded.doc.line_of((key, ids[item.id]))
            problems.append(loaded.problem((key, i, "id"), f"duplicate id '{item.id}' (first defined on line {first})"))
        else:
            ids[item.id] = i
    return set(ids)


def _source_texts(content: Content, problems: list[Problem]) -> dict[str, str | None]:
    """Normalised text per source id; None where the source has no file (URL only)."""
    texts: dict[str, str | None] = {}
    sources = content.sources
    for i, source in enumerate(sources.model.sources):
        if source.file is None:
            texts[source.id] = None
            continue
        try:
            texts[source.id] = read_source(resolve(content.root, source.file))
        except SourceFileError as exc:
            problems.append(sources.problem(("sources", i, "file"), str(exc)))
            texts[source.id] = None
    return texts


def _check_entry(
    entry: Loaded[Entry],
    seen: Seen,
    people: set[str],
    speakers: set[str],
    sources: set[str],
    texts: dict[str, str | None],
    words: tuple[str, ...],
    problems: list[Problem],
) -> None:
    model = entry.model
    for key in ("title", "summary"):
        _check_voice(entry, (key,), getattr(model, key), words, problems)
    for group in ("events", "claims", "quotes"):
        for i, item in enumerate(getattr(model, group)):
            at: Path_ = (group, i)
            if item.id in seen:
                first, first_at = seen[item.id]
                address = f"{first.doc.name}:{first.doc.line_of(first_at + ('id',))}"
                problems.append(entry.problem(at + ("id",), f"duplicate id '{item.id}' (first defined at {address})"))
            else:
                seen[item.id] = (entry, at)
            _check_citations(entry, at, item.citations, sources, texts, problems)
            for where, ref, may_be_anonymous in item.refs():
                if ref not in (speakers if may_be_anonymous else people):
                    what = "person or organisation" if may_be_anonymous or where[0] == "via" else "person"
                    problems.append(entry.problem(at + where, f"unknown {what} id '{ref}'"))
            for key, text in item.own_text():
                _check_voice(entry, at + (key,), text, words, problems)
            if group == "quotes":
                _check_quote_words(entry, at, item.text, item.citations, texts, problems)


def _check_citations(
    loaded: Loaded[Any], at: Path_, citations: list[Citation], sources: set[str], texts: dict[str, str | None], problems: list[Problem]
) -> None:
    for k, citation in enumerate(citations):
        path = at + ("citations", k)
        if citation.source not in sources:
            problems.append(loaded.problem(path + ("source",), f"unknown source id '{citation.source}'"))
            continue
        text = texts.get(citation.source)
        if text is not None and normalize(citation.quote) not in text:
            problems.append(loaded.problem(path + ("quote",), f"sentence not found in source '{citation.source}': {_clip(citation.quote)}"))


def _check_quote_words(
    loaded: Loaded[Any], at: Path_, words: str, citations: list[Citation], texts: dict[str, str | None], problems: list[Problem]
) -> None:
    candidates = [texts.get(c.source) for c in citations]
    checkable = [t for t in candidates if t is not None]
    if checkable and not any(normalize(words) in t for t in checkable):
        problems.append(loaded.problem(at + ("text",), f"quoted words not found in the cited source: {_clip(words)}"))


def _check_voice(loaded: Loaded[Any], path: Path_, text: str | None, words: tuple[str, ...], problems: list[Problem]) -> None:
    if text:
        found = loaded_words_in(text, words)
        if found:
            listed = ", ".join(f"'{w}'" for w in dict.fromkeys(found))
            problems.append(loaded.problem(path, f"loaded language {listed} in the site's own voice; quote and attribute it, or reword"))


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"\"{text[:limit]}…\"" if len(text) > limit else f"\"{text}\""

