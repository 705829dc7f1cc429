"""`check`: everything `build` validates, plus checks on the rendered pages.

In: a content folder, and optionally a built output folder. Out: a list of
problem lines (empty when all is well). Content is loaded and validated as
for a build; pages are rendered in memory (nothing is written) or, when a
built folder is given, read back from it. Then: links and anchors, element
ids, alt text, a citation on every statement, loaded words outside
quotation marks, and people nobody refers to.
"""

from __future__ import annotations

from pathlib import Path

from .build import BuildOptions, load_valid, render_site
from .errors import ContentErrors, OutputError, Problem
from .linkcheck import check_pages, read_site
from .load import Content
from .model import ANONYMOUS
from .write import MARKER


def check(content_dir: Path, built: Path | None = None, drafts: bool = False) -> list[str]:
    """Problem lines for the content and the site it makes (``built``, or rendered in memory).

    Raises OutputError when ``built`` is not a site a build wrote: checking nothing must not pass.
    """
    if built is not None:
        require_built_site(built)
    try:
        content = load_valid(content_dir)
    except ContentErrors as exc:
        return [str(p) for p in exc.problems]
    problems = [str(p) for p in unreferenced_people(content)]
    files = read_site(built) if built is not None else render_site(content, BuildOptions(content_dir, Path("-"), drafts=drafts))
    label = f"{built}/" if built is not None else ""
    problems += [label + p for p in check_pages(files, tuple(content.case.model.loaded_words))]
    return problems


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
