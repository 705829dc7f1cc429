"""``site-builder convert``: news articles → draft case entries, people and sources.

The flow, one module per stage::

    read (clean text, metadata) → segment (paragraphs, sentences, quotes)
      → recognise (people, dates, topics) → events / claims & quotes
      → merge (into content/, round-trip) → write → report

:func:`convert` is the orchestrator: it reads and extracts every article,
merges everything in memory, and only then writes the files that changed
(or, for a dry run, describes them). Nothing about any particular case is
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
from ..sourcetext import SourceFileError, resolve
from .caseinfo import load_case
from .extract import CaseInfo, extract, understand
from .index import collect
from .items import Extraction
from .merge import Merger, Placed
from .read import Article, ReadError, read_article
from .directory import Directory
from .recognise import Recognised
from .recognise import recognise as recognise_article
from .segment import Segmented
from .report import Report, SourceReport
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
    topics, loaded = load_case(content)
    info = CaseInfo(topics, loaded, content.resolve())
    files, errors = collect(paths)
    if not files and not errors:
        raise ConvertError(f"no article files (.txt, .md, .html) found in {', '.join(str(p) for p in paths)}")
    merger = Merger(content, topics.topics)
    directory = merger.directory()
    report = Report(errors=errors, dry_run=dry_run)

    articles = []
    for path, meta in files:
        try:
            articles.append(read_article(path, meta))
        except ReadError as exc:
            report.errors.append(str(exc))
    understood = _second_look([understand(a, info, directory) for a in articles], articles, info, directory)
    assign = _id_assigner(merger)
    extractions: list[Extraction] = []
    for article, parts in zip(articles, understood):
        file = _relative(article.path, info.content_dir)
        try:
            resolve(info.content_dir, file)  # the build reads only files inside the project folder
        except SourceFileError:
            report.errors.append(f"{article.path}: outside the project folder {info.content_dir.parent}; "
                                 "copy it into the project (e.g. seeds/) so the build can check its citations")
            continue
        existing = merger.source_for(file, article.url)
        if existing is not None:  # what the editor already recorded about the source wins
            article.publisher = existing.get("publisher") or article.publisher
            article.url = existing.get("url") or article.url
            article.published = article.published or (str(existing["published"]) if existing.get("published") else None)
        if article.published is None:  # never invent a date: every "by <date>" bound would be false
            report.errors.append(f"{article.path}: no publication date found (no date line, front matter or dateline); "
                                 "add one, or record the source in sources.yaml with its date")
            continue
        extractions.append(extract(article, info, directory, str(existing["id"]) if existing else None, assign, parts, file))

    _promote_central(extractions)
    for x in sorted(extractions, key=lambda x: (x.source.published, x.path)):  # oldest first: first citations are earliest
        _merge(merger, x)
    fill_summaries(merger)

    _summarise(report, extractions, merger)
    changed = changes(merger.docs())
    report.files = [str(path) for path, _, _ in changed]
    written = targets(changed, info.content_dir.parent)  # a symbolic link out of the project: an error, in a dry run too
    if dry_run:
        report.diff = diff(changed, content)
    else:
        write(written)
    return report


def _id_assigner(merger: Merger) -> Callable[[str], str]:
    taken: set[str] = {str(s.get("id")) for s in merger.sources.data["sources"] if isinstance(s, dict)}

    def assign(candidate: str) -> str:
        base, n = candidate, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    return assign


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


def _merge(merger: Merger, x: Extraction) -> None:
    merger.add_source(x.source)
    placed: list[Placed] = []
    remap = {}
    for p in x.people:
        known = len(merger.log.new_people)
        remap[p.id] = merger.add_person(p)
        placed.append(Placed("people", remap[p.id], "new" if len(merger.log.new_people) > known else "known"))
    _rename(x, {a: b for a, b in remap.items() if a != b})
    placed.extend(merger.add_event(event) for event in x.events)
    placed.extend(merger.add_claim(claim) for claim in x.claims)
    placed.extend(merger.add_quote(quote) for quote in x.quotes)
    merger.log.taken[x.path] = placed


def _summarise(report: Report, extractions: list[Extraction], merger: Merger) -> None:
    for x in extractions:
        source = SourceReport(x.path, x.source.id, x.source.title, x.source.published, len(x.events), len(x.claims),
                              len(x.quotes), len(x.people), x.notes)
        _list_ids(source, merger.log.taken.get(x.path, []))
        report.sources.append(source)
        for name in x.unresolved:
            report.unresolved.setdefault(name, []).append(Path(x.path).name)
        if x.unattributed:
            report.unattributed[Path(x.path).name] = list(x.unattributed)
        for word, _ in x.flagged:
            report.flagged[word.lower()] = report.flagged.get(word.lower(), 0) + 1
        report.date_conflicts.extend(f"{Path(x.path).name}: {n}" for n in x.notes if n.startswith("date conflict"))
    report.per_topic = merger.log.per_topic
    report.added = merger.log.added
    report.citations_added = merger.log.citations
    report.reviewed_untouched = merger.log.reviewed_skipped
    report.withheld = merger.log.withheld
    report.ledger = str(merger.ledger.path)
    report.new_people = merger.log.new_people


def _list_ids(source: SourceReport, placed: list[Placed]) -> None:
    """Per section, the ids an article's drafts went into (each once, in order), and how."""
    items = ("events", "claims", "quotes")
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


def _second_look(understood: list[tuple[Segmented, Recognised]], articles: list[Article], info: CaseInfo,
                 directory: Directory) -> list[tuple[Segmented, Recognised]]:
    """Recognise again the articles whose bare surnames another article names in full ("Gutierrez-Reed")."""
    full: dict[str, set[str]] = {}
    for (_, rec), article in zip(understood, articles):
        for entity in rec.entities.values():
            parts = entity.name.split()
            if entity.kind == "person" and len(parts) >= 2 and entity.explicit and entity.name in article.text:
                for token in (parts[0], parts[-1]):
                    full.setdefault(token, set()).add(entity.name)
    hints = {token: next(iter(names)) for token, names in full.items() if len(names) == 1}
    if not hints:
        return understood
    directory.hints = hints
    out = []
    for (seg, rec), article in zip(understood, articles):
        if set(rec.loose) & set(hints):
            out.append((seg, recognise_article(seg, article.published, directory, info.topics, previous=rec)))
        else:
            out.append((seg, rec))
    directory.hints = {}
    return out
