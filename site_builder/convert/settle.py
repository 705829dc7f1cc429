"""Recognise the run's articles — and again, as a second run would, until one run is as good as two.

In: the articles read, the case, and the :class:`~.directory.Directory` of the people listed before the run.
Out: one :class:`Reading` per article (its segments, its recognition, and every question its recognition and
extraction asked the directory, with the answers), and, after the run's drafts are merged,
:func:`reread`: the articles a second run would recognise differently, recognised again.

Why: recognition asks the directory who a name is ("Greta" is the one listed person of that first name). A
run lists new people, so a second run, asked the same questions, would get other answers and propose other
drafts (a quote whose speaker's short name only resolves once the person is listed). Asking again with the
people the run added, for the articles whose answers would change, makes two runs equal one.

Each article is recognised twice within a pass (the *second look*): first alone, then with the full names
other articles of the run give its bare surnames ("Gutierrez-Reed" named in full elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .directory import Directory, name_parts
from .doc import CaseInfo
from .extract import understand
from ..articles.read import Article
from .recognise import Recognised
from .recognise import recognise as recognise_article
from .segment import Segmented

Log = dict[tuple[str, str], object]


@dataclass
class Reading:
    """One article as recognised: alone (``first``) and after the second look (``rec``)."""

    article: Article
    seg: Segmented
    first: Recognised
    rec: Recognised
    asked: Log = field(default_factory=dict)  # the questions of the first look and of the extraction (no hints)
    asked_again: Log = field(default_factory=dict)  # the questions of the second look (with the run's hints)
    looked_again: bool = False
    full_names: list[tuple[str, str]] = field(default_factory=list)  # see _full_names
    names: dict[str, str] = field(default_factory=dict)  # name -> key of the entities ``rec`` found (before extraction adds any)


def read_all(articles: list[Article], info: CaseInfo, directory: Directory) -> list[Reading]:
    """Every article recognised alone, then given a second look with the run's hints."""
    readings = [_first_look(article, info, directory) for article in articles]
    _second_looks(readings, info, directory, force=True)
    return readings


def reread(readings: list[Reading], info: CaseInfo, directory: Directory, own: dict[int, frozenset[str]],
           ids: dict[int, dict[str, str]]) -> list[int]:
    """Recognise again, with ``directory`` (the people listed after merging), the articles a second run would
    recognise differently; returns the indexes, in order, of those whose drafts are to be extracted again.

    ``own``: per article, the ids of the people it listed itself; ``ids``: per article, the ids its drafts' people
    were listed as (a draft's id may differ from the listed one's). An article whose people are the same at every
    mention keeps its drafts: what else a listed person changes (no role or alias taken from the article) never
    adds a draft.
    """
    before = {n: reading.rec for n, reading in enumerate(readings)}
    stale = {n for n, reading in enumerate(readings)
             if not _alike(reading, directory, directory.changed_answers(reading.asked), own.get(n, frozenset()))}
    for n in sorted(stale):
        old = readings[n]
        readings[n] = _first_look(old.article, info, directory, old.seg, old.first)
        for (kind, name) in old.asked.keys() - readings[n].asked.keys():  # its extraction's questions, answered alike
            readings[n].asked[(kind, name)] = directory.answer(kind, name)
    looked = _second_looks(readings, info, directory, force=False, stale=stale, own=own)
    return sorted(n for n in stale | set(looked) if not _same_people(before[n], readings[n].rec, ids.get(n, {})))


def _same_people(old: Recognised, new: Recognised, ids: dict[str, str]) -> bool:
    """Whether two recognitions of an article name the same person (or organisation) at every mention, and the
    same main person; ``ids`` maps the first one's keys to the ids they were listed as."""
    def who(rec: Recognised, key: str | None, mapped: dict[str, str]) -> tuple[str, str] | None:
        return None if key is None else (mapped.get(key, key), rec.entities[key].kind if key in rec.entities else "")

    if who(old, old.main, ids) != who(new, new.main, {}) or len(old.sentences) != len(new.sentences):
        return False
    return all([(s, e, who(old, k, ids)) for s, e, k in a.entities] == [(s, e, who(new, k, {})) for s, e, k in b.entities]
               for a, b in zip(old.sentences, new.sentences))


def _alike(reading: Reading, directory: Directory, changed: list[tuple[str, str, object, object]], own: frozenset[str]) -> bool:
    """Whether the answers that ``changed`` would still give the article the same people: a name that was nobody's
    and is now a listed person's, where the article already took it for that person (a full name it named them by,
    or a bare name it gave them on its second look). Anything else (a bare name that newly finds a listed person,
    the case of a quote whose speaker only a second run would know) makes the article stale."""
    if not changed:
        return True
    if any(old is not None for _, _, old, _ in changed):
        return False
    names = reading.names
    for kind, name, _, now in changed:
        if kind == "name" and (now in own or name in names):
            continue
        if kind == "part" and any(name in full.split() and now in (key, directory.lookup(full)) for full, key in names.items()):
            continue
        return False
    return True


def _first_look(article: Article, info: CaseInfo, directory: Directory, seg: Segmented | None = None,
                previous: Recognised | None = None) -> Reading:
    """The article recognised alone; given an earlier recognition, only its names are resolved again (segments,
    mentions, dates and topics do not depend on who is listed)."""
    asked: Log = {}
    with directory.noting(asked):
        if seg is None:
            seg, first = understand(article, info, directory)
        else:
            first = recognise_article(seg, article.published, directory, info.topics, previous=previous)
    return Reading(article, seg, first, first, asked, full_names=_full_names(first, article), names=_names(first))


def _names(rec: Recognised) -> dict[str, str]:
    return {entity.name: key for key, entity in rec.entities.items()}


def _full_names(rec: Recognised, article: Article) -> list[tuple[str, str]]:
    """(first or last name, full name) of the people an article names in full (the run's hints are made of these).
    Noted before extraction, which may add entities (the publisher) to the recognition."""
    out: list[tuple[str, str]] = []
    for entity in rec.entities.values():
        parts = entity.name.split()
        if entity.kind == "person" and len(parts) >= 2 and entity.explicit and entity.name in article.text:
            out.extend((token, entity.name) for token in (parts[0], parts[-1]))
    return out


def _second_looks(readings: list[Reading], info: CaseInfo, directory: Directory, force: bool,
                  stale: set[int] | None = None, own: dict[int, frozenset[str]] | None = None) -> list[int]:
    """Give a second look to the articles whose bare surnames the run's hints name, when it would differ
    from the one they had (always with ``force``); returns the indexes of those whose recognition changed."""
    run_hints = _hints(readings, info.principals)
    changed = []
    try:
        for n, reading in enumerate(readings):
            hints = directory.hints = {**_family_hints(reading, info.principals), **run_hints}
            look = bool(set(reading.first.loose) & set(hints))
            if not force and n not in (stale or set()) and look == reading.looked_again and (not look or _alike(
                    reading, directory, directory.changed_answers(reading.asked_again), (own or {}).get(n, frozenset()))):
                continue
            reading.asked_again, reading.looked_again, reading.rec = {}, look, reading.first
            if look:
                with directory.noting(reading.asked_again):
                    reading.rec = recognise_article(reading.seg, reading.article.published, directory, info.topics, previous=reading.first)
            reading.names = _names(reading.rec)
            changed.append(n)
    finally:
        directory.hints = {}
    return changed


def _hints(readings: list[Reading], principals: tuple[str, ...] = ()) -> dict[str, str]:
    """Bare surnames (and first names) that exactly one full name of the run's articles goes by, and the surnames of
    the case's ``principals`` (the full names its summary gives): "Baldwin" is Alec Baldwin when no other full name
    of the run or the summary is a Baldwin. A principal's first name alone hints at nobody: "Alec" may be anyone.
    One person written two ways ("Elizabeth A. Holmes", "Elizabeth Holmes") is one full name, the article's form kept."""
    full: dict[str, dict[tuple[str, str], str]] = {}  # token -> (first, last) -> the full name
    for reading in readings:
        for token, name in reading.full_names:
            full.setdefault(token, {}).setdefault(_first_last(name), name)
    for name in principals:
        parts = name_parts(name)
        if len(parts) >= 2:
            full.setdefault(parts[-1], {}).setdefault(_first_last(name), name)
    return {token: next(iter(names.values())) for token, names in full.items() if len(names) == 1}


def _family_hints(reading: Reading, principals: tuple[str, ...]) -> dict[str, str]:
    """First names that one principal goes by, when the article names someone of that principal's family: "the
    bodies of Paul Murdaugh and Maggie" names Maggie Murdaugh. A first name two principals share hints at neither;
    without the family named, a first name alone is anyone's."""
    surnames = {name_parts(e.name)[-1] for e in reading.first.entities.values() if e.kind == "person" and len(name_parts(e.name)) >= 2}
    by_first: dict[str, set[str]] = {}
    for name in principals:
        parts = name_parts(name)
        if len(parts) >= 2:
            by_first.setdefault(parts[0], set()).add(name)
    return {first: next(iter(names)) for first, names in by_first.items()
            if len(names) == 1 and name_parts(next(iter(names)))[-1] in surnames}


def _first_last(name: str) -> tuple[str, str]:
    """A full name's first and last words, without middle initials or suffixes: who it is, however written."""
    parts = name_parts(name)
    return (parts[0], parts[-1]) if parts else ("", "")
