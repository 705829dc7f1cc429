"""`check`: everything `build` validates, plus checks on the rendered pages.

In: a content folder, and optionally a built output folder. Out: a list of
problem lines (empty when all is well). Content is loaded and validated as
for a build; pages are rendered in memory (nothing is written) or, when a
built folder is given, read back from it. Then: links and anchors, element
ids, alt text, a citation on every statement, loaded words outside
quotation marks, and people nobody refers to.

A page problem inside an event, claim, quote, source or person is reported
like a build error, at the content that produced it:
``entries/x.yaml:12: claims[3].text: claim 'x' on topics/x/index.html: …``
(one line per item and problem, naming every page that shows it); loaded
words elsewhere on a person's or strand's page are reported at that person
or entry file. Other problems in a template's own text name the page only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .pipeline import BuildOptions, load_valid, render_site
from ..errors import ContentErrors, OutputError, Problem
from .linkcheck import PageProblem, page_problems, read_site
from ..content.load import Content, Loaded
from ..content.model import ANONYMOUS, ITEM_LISTS, Entry, Item, Person, Schema, Source
from ..content.voice import loaded_words_in
from .write import MARKER
from ..content.yamlload import Path_

PAGES_NAMED = 3  # a problem on more pages than this names the first ones and counts the rest
Shown = Item | Entry | Source | Person  # what an anchor or a page of the site can stand for


@dataclass(frozen=True)
class Origin:
    """The content object behind an anchor or a page: its file, where in the file, what it is."""

    loaded: Loaded[Schema]
    path: Path_
    kind: str  # event, claim, quote, source, person, strand
    name: str  # its id
    obj: Shown


def check(content_dir: Path, built: Path | None = None, drafts: bool = False) -> list[str]:
    """Problem lines for the content and the site it makes (``built``, or rendered in memory).

    Raises OutputError when ``built`` is not a site a build wrote: checking nothing must not pass.
    """
    if built is not None:
        require_built_site(built)
    try:
        content = load_valid(content_dir, drafts=drafts)
    except ContentErrors as exc:
        return [str(p) for p in exc.problems]
    problems = [str(p) for p in unreferenced_people(content)]
    files = read_site(built) if built is not None else render_site(content, BuildOptions(content_dir, Path("-"), drafts=drafts))
    label = f"{built}/" if built is not None else ""
    words = tuple(content.case.model.loaded_words)
    return problems + addressed(page_problems(files, words), origins(content), words, label)


def origins(content: Content) -> dict[str, Origin]:
    """What each part of the site shows: every element id the templates give content objects
    (``event-x``, ``source-y``, ``person-z``) and the pages of a person or a strand."""
    found: dict[str, Origin] = {}
    for topic, entry in content.entries.items():
        found.setdefault(f"topics/{topic}/index.html", Origin(entry, (), "strand", topic, entry.model))
        for group in ITEM_LISTS:
            for i, item in enumerate(getattr(entry.model, group)):
                kind = group[:-1]
                found.setdefault(f"{kind}-{item.id}", Origin(entry, (group, i), kind, item.id, item))
    for i, source in enumerate(content.sources.model.sources):
        found.setdefault(f"source-{source.id}", Origin(content.sources, ("sources", i), "source", source.id, source))
    for i, person in enumerate(content.people.model.people):
        origin = Origin(content.people, ("people", i), "person", person.id, person)
        found.setdefault(f"person-{person.id}", origin)
        found.setdefault(f"people/{person.id}/index.html", origin)
    return found


def addressed(found: list[PageProblem], known: dict[str, Origin], words: tuple[str, ...], label: str = "") -> list[str]:
    """Page problems as lines: at their content's file and line when an anchor names it, else at the page."""
    by_origin: dict[tuple[str, str], list[str]] = {}
    lines: list[str] = []
    for problem in found:
        # the element that shows the content, else the page of a person or strand (its own text: a lede, a status)
        key = problem.anchor if problem.anchor in known else _first_page(problem.page) if _own_page(problem) else None
        if key is None:
            lines.append(label + str(problem))
        else:
            pages = by_origin.setdefault((key, problem.message), [])
            if label + problem.page not in pages:
                pages.append(label + problem.page)
    located: list[Problem] = []
    for (anchor, message), pages in by_origin.items():
        origin = known[anchor]
        shown = ", ".join(pages[:PAGES_NAMED]) + (f" and {len(pages) - PAGES_NAMED} more" if len(pages) > PAGES_NAMED else "")
        where = origin.path + _field(origin, message, words)
        located.append(origin.loaded.problem(where, f"{origin.kind} '{origin.name}' on {shown}: {message}"))
    return [str(p) for p in sorted(located)] + lines


def _own_page(problem: PageProblem) -> bool:
    """A voice problem in a person's or strand's page text (links and ids there are the template's doing)."""
    page = _first_page(problem.page)
    return problem.message.startswith("loaded language") and page.startswith(("people/", "topics/")) and page.count("/") == 2


LATER_PAGE = re.compile(r"((?:people|topics)/[^/]+/)\d+/index\.html")


def _first_page(page: str) -> str:
    """The first page of a paginated person or strand ('topics/x/3/index.html' → 'topics/x/index.html'):
    every page of the set repeats the header, whose text comes from the same content."""
    match = LATER_PAGE.fullmatch(page)
    return match[1] + "index.html" if match else page


def _field(origin: Origin, message: str, words: tuple[str, ...]) -> Path_:
    """The field whose text holds the loaded words of ``message`` (the build checks the same field), if one does."""
    if not message.startswith("loaded language"):
        return ()
    for key, text in _own_text(origin.obj):
        if text and loaded_words_in(text, words):
            return (key,)
    return ()


def _own_text(obj: Shown) -> list[tuple[str, str | None]]:
    if isinstance(obj, Item):
        return list(obj.own_text())
    if isinstance(obj, Entry):  # its strand page
        return [("title", obj.title), ("status", obj.status), ("summary", obj.summary)]
    if isinstance(obj, Source):
        return [("reliability", obj.reliability), ("publisher", obj.publisher)]
    return [("role", obj.role), ("description", obj.description)]


def require_built_site(folder: Path) -> None:
    """Raise OutputError unless ``folder`` is a folder a build signed with its marker."""
    if not folder.exists():
        raise OutputError(f"'{folder}' does not exist; build the site first")
    if not folder.is_dir():
        raise OutputError(f"'{folder}' is not a folder")
    if not (folder / MARKER).is_file():
        raise OutputError(f"'{folder}' is not a site-builder output (no {MARKER}); build the site first")


def unreferenced_people(content: Content) -> list[Problem]:
    """Published people no item refers to. A draft person nobody refers to yet is an editor's open question,
    not a fault: the converter lists everyone an article names, whether or not an item came of it."""
    used: set[str] = set()
    for entry in content.entries.values():
        for item in [*entry.model.events, *entry.model.claims, *entry.model.quotes]:
            used.update(ref for _, ref, _ in item.refs())
    used.discard(ANONYMOUS)
    return [
        content.people.problem(("people", i, "id"), f"'{person.id}' is not referenced by any event, claim or quote")
        for i, person in enumerate(content.people.model.people)
        if person.id not in used and person.published
    ]
