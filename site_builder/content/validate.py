"""Cross-file rules that no single schema can see.

In: :class:`~site_builder.content.load.Content`. Out: a list of problems (empty when
the content is sound): duplicate and unknown ids, entry files that match no
topic, citations whose sentence is not in the cited file, quotes whose words
are not in their source, loaded words in the site's own voice, and (through
:mod:`provenance`) dates and review states checked against the cited sources.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from ..errors import Problem
from ..files import digest
from .cache import DiskCache
from .load import Content, Loaded
from .model import ANONYMOUS, ITEM_LISTS, Citation, Entry, Item, PeopleFile, Person, Quote, Schema, Topic
from .provenance import SourceFacts, provenance_findings, shown, source_facts
from ..articles.sourcetext import SourceFileError, SourcePaths, decoded_text, is_markup, normalize, read_source_bytes, source_text
from .voice import loaded_words_in
from .yamlload import Path_

Seen = dict[str, tuple[Loaded[Entry], Path_]]  # id -> where it was first defined
Finding = tuple[Path_, str]  # (where in the item, what is wrong)


class SourceText:
    """A source file's text, normalised when first asked for (:attr:`normal`): after a one-event edit, `build` takes
    nearly every item's findings from the cache and checks the edited item against the few sources it cites,
    while normalising all 400 source texts of a 4,000-event case cost 30 ms. Errors (not UTF-8 text) come at once;
    a page (HTML, XML), whose reading may fail its own way, is normalised at once too. ``digest``: what the
    normalised text is made from (the file's kind and bytes), for comparing texts without making them."""

    __slots__ = ("digest", "_decoded", "_normal")

    def __init__(self, digest: str, decoded: str | None, normal: str | None) -> None:
        self.digest, self._decoded, self._normal = digest, decoded, normal

    @classmethod
    def of(cls, path: Path, raw: bytes) -> SourceText:
        """The text of source file ``path`` whose bytes are ``raw``, or :class:`SourceFileError`."""
        made_from = digest(path.suffix.lower().encode("utf-8") + b"\x00" + raw)
        if is_markup(path):
            return cls(made_from, None, source_text(path, raw))
        return cls(made_from, decoded_text(path, raw), None)

    @property
    def normal(self) -> str:
        if self._normal is None:
            assert self._decoded is not None
            self._normal, self._decoded = normalize(self._decoded), None
        return self._normal


class SourceTexts(Mapping[str, "str | None"]):
    """Normalised text per source id, None where the source has no file (URL only); each made when first asked
    for (SourceText). Two are equal, and show as the same ``repr`` (validation's scope), when made from the same
    files' bytes."""

    def __init__(self) -> None:
        self._texts: dict[str, SourceText | None] = {}

    def __setitem__(self, source_id: str, text: SourceText | None) -> None:
        self._texts[source_id] = text

    def __getitem__(self, source_id: str) -> str | None:
        text = self._texts[source_id]
        return None if text is None else text.normal

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def _made_from(self) -> dict[str, str | None]:
        return {key: None if text is None else text.digest for key, text in self._texts.items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceTexts) and self._made_from() == other._made_from()

    __hash__ = None  # type: ignore[assignment]  # (mutable, as a dict)

    def __repr__(self) -> str:
        return repr(sorted(self._made_from().items()))


class ValidationCache:
    """What validation keeps between builds (the dev server's rebuilds).

    Source texts are read again only when their file changes, and an item's
    findings are reused while the item is the same object (its file, or the
    item itself, unchanged) and the ids, source texts and word list it was
    checked against are unchanged.
    """

    SETTLED_NS = 1_000_000_000  # a file last changed this long before we read it is known by its stat alone (below)

    def __init__(self) -> None:
        # path -> (its stat when read, when we read it (ns), its bytes, its text: see :meth:`text`)
        self.texts: dict[Path, tuple[tuple[int, ...], int, bytes, SourceText]] = {}
        self.files: dict[str, Path] = {}  # this build's source ``file:`` values, as resolved (what the server watches)
        # entry stem -> (its Loaded, people's Loaded, drafts, its unpublished_references problems): kept while all are the same
        self.unpublished: dict[str, tuple[object, object, bool, list[Problem]]] = {}
        self.inputs: tuple[object, ...] = ()
        self.items: dict[int, tuple[Item | Person, list[Finding]]] = {}
        # Findings of earlier runs (`build`), by a digest of ``scope`` (what every item is checked against) and
        # of the item; set per build.
        self.disk: DiskCache | None = None
        self.scope = ""

    def text(self, path: Path) -> SourceText:
        """The text of source file ``path`` (normalised when first asked for), or :class:`SourceFileError`.

        A file read before is read again only when its stat (times, size, inode, type) changed, or when it had
        changed less than SETTLED_NS before we read it: a write after our read gives it a newer change time
        (which no program can set back), unless that write fell in the same tick of the clock as an earlier
        one — the rule git uses for its index ("racy git"). 400 source files: 25 -> 5 ms a rebuild."""
        try:
            st = os.stat(path)
            stamp: tuple[int, ...] | None = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev, st.st_mode)
        except OSError:  # read_source_bytes says why
            stamp = None
        hit = self.texts.get(path)
        if hit is not None and stamp is not None and hit[0] == stamp and max(stamp[0], stamp[1]) < hit[1] - self.SETTLED_NS:
            return hit[3]
        read_at = time.time_ns()
        raw = read_source_bytes(path)
        text = hit[3] if hit is not None and hit[2] == raw else SourceText.of(path, raw)
        if stamp is not None:
            self.texts[path] = (stamp, read_at, raw, text)
        return text

    def findings(self, item: Item | Person, check: Callable[[Item | Person], list[Finding]], key: str = "") -> list[Finding]:
        """What ``check`` finds in ``item`` (an event, claim, quote or person), remembered while it is unchanged;
        ``key``: the item's :meth:`_key`, when the caller made it already."""
        hit = self.items.get(id(item))
        if hit is not None and hit[0] is item:  # the stored item keeps its id from being reused
            return hit[1]
        found = self._on_disk(item, check, key or self._key(item)) if self.disk is not None else check(item)
        self.items[id(item)] = (item, found)
        return found

    def all_findings(self, items: Sequence[Item | Person], check: Callable[[Item | Person], list[Finding]]) -> list[list[Finding]]:
        """:meth:`findings` of each of ``items`` (one list of one file); from the cache on disk, when the list is
        as it was, at once: one verdict for the list instead of one look-up per item (8,000 at 4,000 events)."""
        if self.disk is None or not items:
            return [self.findings(item, check) for item in items]
        disk = self.disk
        parts = [f"{type(item).__name__}:{disk.model_digest(item)}" for item in items]
        key = digest("\x00".join([self.scope, "list", *parts]).encode("utf-8"))
        found = disk.verdict(key, len(items))
        if found is not None:
            return found
        keys = [self._key(item) for item in items]
        found = [self.findings(item, check, item_key) for item, item_key in zip(items, keys)]
        disk.remember_verdict(key, keys, found)
        return found

    def _key(self, item: Item | Person) -> str:
        """Where the cache on disk keeps the findings of ``item``: a digest of the scope and the item."""
        assert self.disk is not None
        return digest(f"{self.scope}\x00{type(item).__name__}\x00{self.disk.model_digest(item)}".encode("utf-8"))

    def _on_disk(self, item: Item | Person, check: Callable[[Item | Person], list[Finding]], key: str) -> list[Finding]:
        assert self.disk is not None
        found = self.disk.findings(key)
        if found is None:
            found = check(item)
            self.disk.remember_findings(key, found)
        return found

    def use(self, *inputs: object, disk: DiskCache | None = None) -> None:
        """Begin a validation against ``inputs`` (what an item's findings depend on besides the item), with the
        findings of earlier runs in ``disk`` (None: none)."""
        if inputs != self.inputs:
            self.items.clear()
            self.inputs = inputs
        self.disk = disk
        self.scope = _scope(inputs) if disk is not None else ""


def _scope(inputs: tuple[object, ...]) -> str:
    """A digest of what validation checks every item against: ids, source texts, loaded words, source facts
    (ValidationCache.use's inputs; sets sorted, so that the digest does not depend on their order)."""
    parts = [repr(sorted(x)) if isinstance(x, (set, frozenset)) else repr(sorted(x.items())) if isinstance(x, dict) else repr(x)
             for x in inputs]
    return digest("\x00".join(parts).encode("utf-8"))


def validate(content: Content, cache: ValidationCache | None = None, drafts: bool = False, disk: DiskCache | None = None) -> list[Problem]:
    """Every cross-file problem; ``drafts``: the build shows drafts too (which people may be named depends on it);
    ``disk``: the cache beside the content, whose findings of unchanged items are reused (the `build` command)."""
    cache = cache or ValidationCache()
    problems: list[Problem] = []
    case = content.case
    people_ids = _unique(content.people, "people", problems)
    source_ids = _unique(content.sources, "sources", problems)
    topic_ids = _unique(case, "topics", problems)
    if ANONYMOUS in people_ids:
        problems.append(content.people.problem(("people", _index(content.people.model.people, ANONYMOUS), "id"), f"'{ANONYMOUS}' is reserved for unnamed sources"))
    texts = _source_texts(content, problems, cache)
    words = tuple(case.model.loaded_words)
    facts = source_facts(content.sources.model.sources)
    cache.use(frozenset(people_ids), frozenset(source_ids), texts, words, facts, disk=disk)

    for topic in topic_ids:
        if topic not in content.entries:
            problems.append(case.problem(("topics", _index(case.model.topics, topic)), f"topic '{topic}' has no file entries/{topic}.yaml"))
    for stem, entry in content.entries.items():
        if stem not in topic_ids:
            problems.append(Problem(entry.doc.name, 1, "", f"'{stem}' is not a topic in case.yaml (topics: {', '.join(topic_ids)})"))

    speakers = people_ids | {ANONYMOUS}

    def check(item: Item | Person) -> list[Finding]:
        assert not isinstance(item, Person)
        return _item_findings(item, people_ids, speakers, source_ids, texts, words) + provenance_findings(item, facts)

    seen: Seen = {}
    for entry in content.entries.values():
        for key in ("title", "status", "summary"):
            _add(problems, entry, (key,), _voice(getattr(entry.model, key), words))
        for group in ITEM_LISTS:
            items = getattr(entry.model, group)
            for i, (item, found) in enumerate(zip(items, cache.all_findings(items, check))):
                at: Path_ = (group, i)
                _check_duplicate(entry, at, item.id, seen, problems)
                for where, message in found:
                    problems.append(entry.problem(at + where, message))
    problems += unpublished_references(content, drafts, cache)

    def check_person(person: Item | Person) -> list[Finding]:
        assert isinstance(person, Person)
        found = _citation_findings(person.citations, source_ids, texts) + provenance_findings(person, facts)
        return found + [((key,), message) for key in ("role", "description") if (message := _voice(getattr(person, key), words))]

    people = content.people.model.people
    for i, found in enumerate(cache.all_findings(people, check_person)):
        for where, message in found:
            problems.append(content.people.problem(("people", i) + where, message))
    for i, source in enumerate(content.sources.model.sources):
        _add(problems, content.sources, ("sources", i, "reliability"), _voice(source.reliability, words))  # the title is quoted
    for key in ("title", "summary", "jurisdiction"):
        _add(problems, case, (key,), _voice(getattr(case.model, key), words))
    for i, topic_model in enumerate(case.model.topics):
        _add(problems, case, ("topics", i, "title"), _voice(topic_model.title, words))
    problems += _key_point_problems(content, source_ids, texts, words, facts)
    return problems


def _key_point_problems(content: Content, source_ids: set[str], texts: Mapping[str, str | None], words: tuple[str, ...],
                        facts: dict[str, SourceFacts]) -> list[Problem]:
    """key-points.yaml: cited like any statement, in the site's own voice. Key points have no review state of
    their own (they are always published), so each may cite only a reviewed source."""
    loaded = content.key_points
    problems: list[Problem] = []
    if loaded is None:
        return problems
    for i, point in enumerate(loaded.model.key_points):
        at: Path_ = ("key_points", i)
        for where, message in _citation_findings(point.citations, source_ids, texts):
            problems.append(loaded.problem(at + where, message))
        for k, citation in enumerate(point.citations):
            source = facts.get(citation.source)
            if source is not None and source.review != "reviewed":
                problems.append(loaded.problem(at + ("citations", k, "source"),
                                               f"key point {i + 1} cites source '{citation.source}', which is {source.review}; "
                                               "key points are always published, so they may cite only reviewed sources"))
        _add(problems, loaded, at + ("text",), _voice(point.text, words))
    return problems


def unpublished_references(content: Content, drafts: bool, cache: ValidationCache | None = None) -> list[Problem]:
    """Shown items that name a person who is not shown: the name would be published unreviewed, or against
    the editor's rejection. Shown means reviewed, or a draft in a ``drafts`` build; a rejected person is
    therefore never named, and a draft person only in a ``drafts`` build. Items that are not shown may name anyone."""
    people = content.people

    where_is: dict[str, int] = {ANONYMOUS: -1}  # an unnamed source, never a person (a person with that id is an error)
    for i, person in enumerate(people.model.people):
        where_is[person.id] = -1 if person.id in where_is else i  # a duplicate id is reported as such, not here
    problems: list[Problem] = []
    kept = cache.unpublished if cache is not None else {}
    for stem, entry in content.entries.items():
        hit = kept.get(stem)
        if hit is not None and hit[0] is entry and hit[1] is people and hit[2] == drafts:  # an unchanged file, the same people
            problems += hit[3]
            continue
        found = _unpublished_in(entry, people, where_is, drafts)
        kept[stem] = (entry, people, drafts, found)
        problems += found
    for stem in kept.keys() - content.entries.keys():
        del kept[stem]
    return problems


def _unpublished_in(entry: Loaded[Entry], people: Loaded[PeopleFile], where_is: dict[str, int], drafts: bool) -> list[Problem]:
    """unpublished_references in one entry file."""
    problems: list[Problem] = []
    for group in ITEM_LISTS:
        for i, item in enumerate(getattr(entry.model, group)):
            if not shown(item.review, drafts):
                continue
            for where, ref, _ in item.refs():
                index = where_is.get(ref, -1)  # -1: anonymous, or an unknown or duplicate id (reported elsewhere)
                if index < 0 or shown(people.model.people[index].review, drafts):
                    continue
                person = people.model.people[index]
                address = f"{people.doc.name}:{people.doc.line_of(('people', index, 'review'))}"
                problems.append(entry.problem((group, i) + where, f"'{ref}' is not published (review: {person.review} in {address}); "
                                              "publish the person or remove the reference"))
    return problems


def _add(problems: list[Problem], loaded: Loaded[Schema], path: Path_, message: str | None) -> None:
    if message:
        problems.append(loaded.problem(path, message))


def _index(items: Sequence[Person | Topic], item_id: str) -> int:
    return next(i for i, item in enumerate(items) if item.id == item_id)


def _unique(loaded: Loaded[Schema], key: str, problems: list[Problem]) -> set[str]:
    ids: dict[str, int] = {}
    for i, item in enumerate(getattr(loaded.model, key)):
        if item.id in ids:
            first = loaded.doc.line_of((key, ids[item.id]))
            problems.append(loaded.problem((key, i, "id"), f"duplicate id '{item.id}' (first defined on line {first})"))
        else:
            ids[item.id] = i
    return set(ids)


def _source_texts(content: Content, problems: list[Problem], cache: ValidationCache) -> SourceTexts:
    """Normalised text per source id; None where the source has no file (URL only)."""
    texts = SourceTexts()
    sources = content.sources
    paths = SourcePaths(content.root)
    cache.files = {}
    for i, source in enumerate(sources.model.sources):
        if source.file is None:
            texts[source.id] = None
            continue
        try:
            real = cache.files[source.file] = paths.resolve(source.file)
            texts[source.id] = cache.text(real)
        except SourceFileError as exc:
            problems.append(sources.problem(("sources", i, "file"), str(exc)))
            texts[source.id] = None
    return texts


def _check_duplicate(entry: Loaded[Entry], at: Path_, item_id: str, seen: Seen, problems: list[Problem]) -> None:
    if item_id in seen:
        first, first_at = seen[item_id]
        address = f"{first.doc.name}:{first.doc.line_of(first_at + ('id',))}"
        problems.append(entry.problem(at + ("id",), f"duplicate id '{item_id}' (first defined at {address})"))
    else:
        seen[item_id] = (entry, at)


def _item_findings(
    item: Item, people: set[str], speakers: set[str], sources: set[str], texts: Mapping[str, str | None], words: tuple[str, ...]
) -> list[Finding]:
    found = _citation_findings(item.citations, sources, texts)
    for where, ref, may_be_anonymous in item.refs():
        if ref not in (speakers if may_be_anonymous else people):
            what = "person or organisation" if may_be_anonymous or where[0] == "via" else "person"
            found.append((where, f"unknown {what} id '{ref}'"))
    for key, text in item.own_text():
        message = _voice(text, words)
        if message:
            found.append(((key,), message))
    if isinstance(item, Quote):
        checkable = [t for t in (texts.get(c.source) for c in item.citations) if t is not None]
        if checkable and not any(normalize(item.text) in t for t in checkable):
            found.append((("text",), f"quoted words not found in the cited source: {_clip(item.text)}"))
    return found


def _citation_findings(citations: list[Citation], sources: set[str], texts: Mapping[str, str | None]) -> list[Finding]:
    found: list[Finding] = []
    for k, citation in enumerate(citations):
        if citation.source not in sources:
            found.append((("citations", k, "source"), f"unknown source id '{citation.source}'"))
            continue
        text = texts.get(citation.source)
        if text is not None and normalize(citation.quote) not in text:
            found.append((("citations", k, "quote"), f"sentence not found in source '{citation.source}': {_clip(citation.quote)}"))
    return found


def _voice(text: str | None, words: tuple[str, ...]) -> str | None:
    found = loaded_words_in(text, words) if text else []
    if not found:
        return None
    listed = ", ".join(f"'{w}'" for w in dict.fromkeys(found))
    return f"loaded language {listed} in the site's own voice; quote and attribute it, or reword"


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"\"{text[:limit]}…\"" if len(text) > limit else f"\"{text}\""
