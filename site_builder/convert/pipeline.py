"""The converter's orchestrator: news articles → draft case entries, people and sources.

The flow, one module per stage::

    read (clean text, metadata) → segment (paragraphs, sentences, quotes)
      → recognise (people, dates, topics) → events / claims & quotes
      → merge (into content/, round-trip) → write → report

:func:`convert` is the orchestrator: it reads and extracts every article,
merges everything in memory, reads again (:mod:`.settle`) the articles in
which the people it listed now answer to a name, as a second run would, and
only then writes the files that changed, as one transaction (or, for a dry
run, describes them). Nothing about any particular case is
in this package: topics, vocabulary and loaded words come from the content
folder's ``case.yaml``; known names come from its ``people.yaml``.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Callable

from ..errors import SiteBuilderError
from ..gcpause import gc_paused
from ..content.model import ITEM_LISTS, UNKNOWN_DATE
from ..articles.sourcetext import SourceFileError, resolve
from .caseinfo import load_case
from .doc import CaseInfo, Placement
from .extract import extract
from .index import collect
from .items import Extraction
from .merge import Merger, Placed
from ..articles.read import Article, ReadError, read_article
from .directory import Directory
from .settle import Reading, read_all, reread
from .report import ItemRules, Report, SourceReport
from .summary import fill_summaries
from .write import changes, diff, targets, write

__all__ = ["ConvertError", "convert"]


class ConvertError(SiteBuilderError):
    """Nothing could be converted (no articles, no case.yaml)."""


def convert(paths: list[Path], content: Path, dry_run: bool = False) -> Report:
    """Convert the articles at ``paths`` into the content folder ``content``; returns the report."""
    with gc_paused():
        return _convert(paths, content, dry_run)


def _convert(paths: list[Path], content: Path, dry_run: bool) -> Report:
    """The flow of DESIGN.md: read → segment & recognise → extract → merge (as a second run would) → write → report."""
    topics, loaded, principals = load_case(content)
    info = CaseInfo(topics, loaded, content.resolve(), principals)
    files, errors = collect(paths)
    if not files and not errors:
        raise ConvertError(f"no article files (.txt, .md, .html) found in {', '.join(str(p) for p in paths)}")
    merger = Merger(content, topics.topics)
    report = Report(errors=errors, dry_run=dry_run)
    directory = merger.directory(info.principals)
    readings = read_all(_read(files, report), info, directory)
    assign = _id_assigner(merger)
    extracted = _extract_all(readings, (info, directory), merger, assign, report)
    listed_as: dict[int, dict[str, str]] = {}  # per article: its drafts' people ids -> the ids they are listed as
    _merge_all(merger, extracted, list(extracted), listed_as)
    _settle(readings, info, merger, extracted, listed_as, assign)
    fill_summaries(merger)
    _summarise(report, list(extracted.values()), merger)
    _write_out(report, merger, content, info.content_dir)
    return report


def _read(files: list[tuple[Path, dict[str, str] | None]], report: Report) -> list[Article]:
    """The articles that could be read; an unreadable one is an error of the report, not of the run."""
    articles = []
    for path, meta in files:
        try:
            articles.append(read_article(path, meta))
        except ReadError as exc:
            report.errors.append(str(exc))
    return articles


def _extract_all(readings: list[Reading], asked: tuple[CaseInfo, Directory], merger: Merger, assign: Callable[[str], str],
                 report: Report) -> dict[int, Extraction]:
    """Each article's drafts, by its index in ``readings``, asking the case and the directory ``asked`` (the one
    that recognised them); an article outside the project folder is an error of the report."""
    info, directory = asked
    extracted: dict[int, Extraction] = {}
    for n, reading in enumerate(readings):
        article = reading.article
        file = _relative(article.path, info.content_dir)
        try:
            resolve(info.content_dir, file)  # the build reads only files inside the project folder
        except SourceFileError:
            report.errors.append(f"{article.path}: outside the project folder {info.content_dir.parent}; "
                                 "copy it into the project (e.g. seeds/) so the build can check its citations")
            continue
        # An article without a publication date is converted with its date unknown (extract.py): never an invented
        # one, since every "by <date>" bound would be false.
        extracted[n] = _extract(reading, info, directory, _placement(merger, article, file, assign))
    return extracted


def _settle(readings: list[Reading], info: CaseInfo, merger: Merger, extracted: dict[int, Extraction],
            listed_as: dict[int, dict[str, str]], assign: Callable[[str], str]) -> None:
    """A second run would ask the directory again, of the people this run listed, and might get other answers
    ("Greta" is now a listed person): recognise, extract and merge those articles again, until nothing would change."""
    for _ in range(_PASSES):
        merger.next_pass()
        directory = merger.directory(info.principals)
        own = {n: frozenset(p.id for p in merger.log.taken.get(x.path, []) if p.section == "people") for n, x in extracted.items()}
        again = [n for n in reread(readings, info, directory, own, listed_as) if n in extracted]
        if not again:
            break
        for n in again:
            file = _relative(readings[n].article.path, info.content_dir)
            x = _extract(readings[n], info, directory, _placement(merger, readings[n].article, file, assign))
            # the report tells the whole run: the notes and people of the first pass stay the article's
            x.notes = list(dict.fromkeys([*extracted[n].notes, *x.notes]))
            x.people = [*extracted[n].people, *(p for p in x.people if p.id not in {q.id for q in extracted[n].people})]
            extracted[n] = x
        _merge_all(merger, extracted, again, listed_as)


def _write_out(report: Report, merger: Merger, content: Path, content_dir: Path) -> None:
    """Write the files that changed, as one transaction; for a dry run, put their diff in the report instead."""
    changed = changes(merger.docs())
    report.files = [str(path) for path, _, _ in changed]
    written = targets(changed, content_dir.parent)  # a symbolic link out of the project: an error, in a dry run too
    if report.dry_run:
        report.diff = diff(changed, content)
    else:
        write(written)


def _id_assigner(merger: Merger) -> Callable[[str], str]:
    taken: set[str] = {str(s.get("id")) for s in merger.sources.data["sources"] if isinstance(s, dict)}

    def assign(candidate: str) -> str:
        base, n = candidate, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    return assign


_PASSES = 4  # rounds of "as a second run would": one is usually enough, each finds fewer articles


def _placement(merger: Merger, article: Article, file: str, assign: Callable[[str], str]) -> Placement:
    """Where an article's drafts go: its source's id if it is already listed (else one ``assign`` makes), its file."""
    return Placement(_known_source(merger, article, file), assign, file)


def _known_source(merger: Merger, article: Article, file: str) -> str | None:
    """The id of the source already listed for ``article`` (whose recorded publisher, URL and date then win)."""
    existing = merger.source_for(file, article.url)
    if existing is None:
        return None
    article.publisher = existing.get("publisher") or article.publisher
    article.url = existing.get("url") or article.url
    recorded = str(existing["published"]) if existing.get("published") else None
    article.published = article.published or (recorded if recorded != UNKNOWN_DATE else None)
    return str(existing["id"])


def _extract(reading: Reading, info: CaseInfo, directory: Directory, placement: Placement) -> Extraction:
    """The drafts of one article, noting the questions extraction asks the directory (see :mod:`.settle`)."""
    with directory.noting(reading.asked):
        return extract(reading.article, info, directory, placement, (reading.seg, reading.rec))


def _merge_all(merger: Merger, extracted: dict[int, Extraction], which: list[int], listed_as: dict[int, dict[str, str]]) -> None:
    """Merge the drafts of the articles ``which``, oldest first (first citations are the earliest); notes in
    ``listed_as`` the ids each article's people were listed as."""
    _promote_central(list(extracted.values()))
    for n in sorted(which, key=lambda n: (extracted[n].source.published, extracted[n].path)):
        listed_as[n] = _merge(merger, extracted[n])


def _promote_central(extractions: list[Extraction]) -> None:
    """A person most of the articles name, whose role puts them in no other group, is a central figure.

    Generic on purpose: it counts articles, not words of any case. Existing people keep
    the group an editor gave them (the merger never changes reviewed people).
    """
    mentioned = Counter(name for x in extractions for name in {p.name for p in x.people if p.kind == "person"})
    enough = max(2, (len(extractions) + 1) // 2)
    for x in extractions:
        for person in x.people:
            if person.kind == "person" and person.group == "other" and mentioned[person.name] >= enough:
                person.group = "central"


def _merge(merger: Merger, x: Extraction) -> dict[str, str]:
    """Merge one article's drafts; returns the ids its people were listed as (a draft's id -> the listed id)."""
    merger.add_source(x.source)
    placed: list[Placed] = []
    remap: dict[str, str] = {}
    for p in x.people:
        known = len(merger.log.new_people)
        remap[p.id] = merger.add_person(p)
        placed.append(Placed("people", remap[p.id], "new" if len(merger.log.new_people) > known else "known"))
    _rename(x, {a: b for a, b in remap.items() if a != b})
    placed.extend(merger.add_event(event) for event in x.events)
    placed.extend(merger.add_claim(claim) for claim in x.claims)
    placed.extend(merger.add_quote(quote) for quote in x.quotes)
    merger.log.taken.setdefault(x.path, []).extend(placed)  # a second pass adds to what the first placed
    return remap


def _explained(x: Extraction, taken: list[Placed]) -> list[ItemRules]:
    """The rules behind each of an article's people, events, claims and quotes, with the item each went into.

    ``taken`` is where the article's drafts went, pass after pass: its last part is the final pass's, in the order
    :func:`_merge` placed them (people, events, claims, quotes)."""
    placed = taken[len(taken) - len(x.people) - len(x.events) - len(x.claims) - len(x.quotes):]
    drafts: list[tuple[list[str], str | None]] = [
        *((p.rules, None) for p in x.people), *((e.rules, None) for e in x.events), *((c.rules, c.attributed_to) for c in x.claims), *((q.rules, q.speaker) for q in x.quotes)]
    name = Path(x.path).name
    return [ItemRules(name, p.section, p.id, p.how, rules, speaker) for (rules, speaker), p in zip(drafts, placed, strict=True)]


def _summarise(report: Report, extractions: list[Extraction], merger: Merger) -> None:
    for x in extractions:
        source = SourceReport(x.path, x.source.id, x.source.title, x.source.published, len(x.events), len(x.claims),
                              len(x.quotes), len(x.people), x.notes, publisher=x.source.publisher)
        _list_ids(source, merger.log.taken.get(x.path, []))
        report.sources.append(source)
        for name in x.unresolved:
            report.unresolved.setdefault(name, []).append(Path(x.path).name)
        if x.unattributed:
            report.unattributed[Path(x.path).name] = list(x.unattributed)
        if x.outlet_voice:
            report.outlet_voice[Path(x.path).name] = len(x.outlet_voice)
        for word, _ in x.flagged:
            report.flagged[word.lower()] = report.flagged.get(word.lower(), 0) + 1
        for word, _ in x.evaluative:
            report.evaluative[word] = report.evaluative.get(word, 0) + 1
        report.date_conflicts.extend(f"{Path(x.path).name}: {n}" for n in x.notes if n.startswith("date conflict"))
    report.per_topic = merger.log.per_topic
    report.added = merger.log.added
    report.citations_added = merger.log.citations
    report.reviewed_untouched = merger.log.reviewed_skipped
    report.withheld = merger.log.withheld
    report.ledger = str(merger.ledger.path)
    report.new_people = merger.log.new_people
    report.explained = [item for x in extractions for item in _explained(x, merger.log.taken.get(x.path, []))]


def _list_ids(source: SourceReport, placed: list[Placed]) -> None:
    """Per section, the ids an article's drafts went into (each once, in order), and how."""
    items = ITEM_LISTS
    source.ids, source.new = {s: [] for s in (*items, "people")}, {s: [] for s in (*items, "people")}
    source.cited, source.withheld = {s: [] for s in items}, {s: [] for s in items}
    for p in placed:
        for by_section, wanted in ((source.ids, p.how != "withheld"), (source.new, p.how == "new"),
                                   (source.cited, p.how == "cited"), (source.withheld, p.how == "withheld")):
            if wanted and p.id not in by_section[p.section]:
                by_section[p.section].append(p.id)


def _rename(x: Extraction, ids: dict[str, str]) -> None:
    if not ids:
        return
    for event in x.events:
        event.people = list(dict.fromkeys(ids.get(p, p) for p in event.people))
    for claim in x.claims:
        claim.people = list(dict.fromkeys(ids.get(p, p) for p in claim.people))
        claim.attributed_to = ids.get(claim.attributed_to, claim.attributed_to)
    for quote in x.quotes:
        quote.speaker = ids.get(quote.speaker, quote.speaker)


def _relative(path: Path, content: Path) -> str:
    """``path`` relative to the (resolved) content folder, as sources.yaml records it."""
    return os.path.relpath(path.resolve(), content).replace(os.sep, "/")
