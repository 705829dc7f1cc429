"""Load the content folder against the schema.

In: a content folder (``case.yaml``, ``people.yaml``, ``sources.yaml``,
``entries/<topic>.yaml``). Out: :class:`Content`, every file parsed into its
typed model with its line map kept, or :class:`ContentErrors` listing every
problem in every file. Cross-file rules are :mod:`validate`'s job.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .cache import DiskCache
from ..errors import ContentErrors, Problem
from ..files import Refused, read_file
from .model import ITEM_LISTS, Case, Entry, KeyPoint, KeyPointsFile, PeopleFile, Schema, SourcesFile
from .incremental import reparse
from .prefetch import KEY_POINTS, Prefetch, entry_files
from .yamlload import MAX_FILE_BYTES, Path_, Reparsed, YamlDoc, YamlError, load_yaml

M = TypeVar("M", bound=Schema)
# Loaded only hands its model out, so a Loaded[Entry] is also a Loaded[Schema] (for code taking any file).
M_co = TypeVar("M_co", bound=Schema, covariant=True)


@dataclass(frozen=True)
class Loaded(Generic[M_co]):
    """A validated model and the document it came from (for error addresses)."""

    model: M_co
    doc: YamlDoc

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.doc.name, self.doc.line_of(path), field_path(path), message)


@dataclass(frozen=True)
class Content:
    root: Path
    case: Loaded[Case]
    people: Loaded[PeopleFile]
    sources: Loaded[SourcesFile]
    entries: dict[str, Loaded[Entry]]  # topic id -> entry, in the file-name order
    key_points: Loaded[KeyPointsFile] | None = None  # key-points.yaml, optional

    def key_point_list(self) -> list[KeyPoint]:
        """The "What to know" points (none when key-points.yaml is absent)."""
        return list(self.key_points.model.key_points) if self.key_points is not None else []


def field_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class FileCache:
    """Parsed files kept between builds (the dev server's rebuilds).

    A file is parsed again only when its bytes change; an unchanged file
    yields the very same :class:`Loaded` object, which later stages use to
    reuse work derived from it.
    """

    def __init__(self, disk: DiskCache | None = None) -> None:
        self._files: dict[Path, tuple[bytes, Loaded[Any]]] = {}
        self.disk = disk  # parsed documents from earlier runs (`build`), by the digest of the file's bytes

    def get(self, path: Path, raw: bytes) -> Loaded[Any] | None:
        hit = self._files.get(path)
        return hit[1] if hit is not None and hit[0] == raw else None

    def previous(self, path: Path) -> Loaded[Any] | None:
        hit = self._files.get(path)
        return hit[1] if hit is not None else None

    def put(self, path: Path, raw: bytes, loaded: Loaded[Any]) -> None:
        self._files[path] = (raw, loaded)

    def reparse(self, path: Path, raw: bytes, name: str) -> YamlDoc | None:
        """The document of ``raw``, the new bytes of entry file ``path``, from its previous version and the
        items that changed (:func:`~.incremental.reparse`), or None: parse it whole."""
        hit = self._files.get(path)
        if hit is None or not isinstance(hit[1].doc.lines, Reparsed):
            return None
        old_text, new_text = _text(hit[0]), _text(raw)
        if old_text is None or new_text is None:
            return None
        data = reparse(old_text, hit[1].doc.data, new_text, name)
        return None if data is None else YamlDoc(name, data, Reparsed(new_text, name))

    def with_kept_items(self, path: Path, doc: YamlDoc) -> dict[str, Any]:
        """``doc.data`` (from :meth:`reparse`) for the schema, each item it kept from the previous version
        (the very same data) replaced by that version's validated model, which pydantic takes as it is: only
        the items parsed again are validated again, and the others stay the same objects."""
        old = self._files[path][1]
        assert isinstance(doc.data, dict) and isinstance(old.doc.data, dict)
        data = dict(doc.data)
        for group in ITEM_LISTS:
            before, models, now = old.doc.data.get(group), getattr(old.model, group, None), data.get(group)
            if not (isinstance(before, list) and isinstance(models, list) and isinstance(now, list)) or len(before) != len(models):
                continue
            kept = {id(raw): (raw, model) for raw, model in zip(before, models)}
            data[group] = [hit[1] if (hit := kept.get(id(raw))) is not None and hit[0] is raw else raw for raw in now]
        return data


def load_content(root: Path, cache: FileCache | None = None, overrides: Mapping[Path, bytes] | None = None,
                 parsed: Prefetch | None = None) -> Content:
    """Read and schema-check every content file under ``root``.

    ``overrides``: bytes to read instead of a file's own (keyed ``root / "entries/x.yaml"``), so a
    change can be checked exactly as the build would check it before it is written (the review page).
    ``parsed``: files parsed meanwhile in another process (:mod:`prefetch`), used when their bytes are the same."""
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentErrors([Problem(str(root), 0, "", "content folder not found")])
    project = root.resolve().parent  # content files may be links, but only to files in the project
    case = _load(root / "case.yaml", Case, problems, cache, project, overrides, parsed)
    people = _load(root / "people.yaml", PeopleFile, problems, cache, project, overrides, parsed)
    sources = _load(root / "sources.yaml", SourcesFile, problems, cache, project, overrides, parsed)
    entries: dict[str, Loaded[Entry]] = {}
    for path in entry_files(root):
        entry = _load(path, Entry, problems, cache, project, overrides, parsed)
        if entry is not None:
            entries[path.stem] = entry
    key_points = None
    if (root / KEY_POINTS).exists() or (root / KEY_POINTS).is_symlink() or (overrides and root / KEY_POINTS in overrides):
        key_points = _load(root / KEY_POINTS, KeyPointsFile, problems, cache, project, overrides, parsed)
    if problems or case is None or people is None or sources is None:
        raise ContentErrors(problems)
    return Content(root, case, people, sources, entries, key_points)


def _load(path: Path, schema: type[M], problems: list[Problem], cache: FileCache | None, project: Path,
          overrides: Mapping[Path, bytes] | None = None, parsed: Prefetch | None = None) -> Loaded[M] | None:
    """One content file parsed and schema-checked, or None with its problems added to ``problems``."""
    name = str(path)
    try:
        raw = overrides[path] if overrides and path in overrides else read_file(path, project, MAX_FILE_BYTES)
    except FileNotFoundError:
        problems.append(Problem(name, 0, "", "file not found"))
        return None
    except Refused as exc:
        problems.append(Problem(name, 0, "", str(exc)))
        return None
    except OSError as exc:
        problems.append(Problem(name, 0, "", f"cannot read: {exc.strerror}"))
        return None
    if cache is not None and (hit := cache.get(path, raw)) is not None:
        return hit
    disk = cache.disk if cache is not None else None
    doc = disk.doc(raw, name) if disk is not None else None
    data: Any = None  # what the schema validates, when it is not doc.data
    if doc is None and cache is not None and disk is None and schema is Entry:
        doc = cache.reparse(path, raw, name)  # the dev server: only the items an edit touched are parsed again
        data = cache.with_kept_items(path, doc) if doc is not None else None
    if disk is not None:
        disk.remember_file(_label(path, schema), raw)
    # An entry file's text, when the cache did not know its bytes: kept in the cache, for its next version to be parsed against.
    text = _text(raw) if doc is None and disk is not None and schema is Entry else None
    if doc is None and disk is not None and text is not None:
        doc = _reparsed(disk, path, text, name)
        if doc is not None:
            disk.remember_doc(raw, doc, text)
    if doc is None and parsed is not None and (doc := parsed.doc(path, raw)) is not None and disk is not None:
        disk.remember_doc(raw, doc, text)
    if doc is None:
        try:
            doc = load_yaml(raw, name)
        except YamlError as exc:
            problems.append(exc.problem)
            return None
        if disk is not None:
            disk.remember_doc(raw, doc, text)
    if not isinstance(doc.data, dict):
        problems.append(Problem(name, 1, "", f"expected a mapping of keys at the top level, found {_kind(doc.data)}"))
        return None
    try:
        loaded = Loaded(schema.model_validate(doc.data if data is None else data), doc)
    except ValidationError as exc:
        problems.extend(_problems(exc, doc, schema))
        return None
    if disk is not None:
        disk.known_models(raw, loaded.model)
    if cache is not None:
        old = cache.previous(path)
        if old is not None:
            loaded = Loaded(_keep_unchanged_items(old.model, loaded.model), doc)
        cache.put(path, raw, loaded)
    return loaded


def _label(path: Path, schema: type[Schema]) -> str:
    """What names a content file in the cache beside the content, however the build was asked to read it."""
    return f"{schema.__name__}:{path.name}"


def _text(raw: bytes) -> str | None:
    """The text of an entry file's bytes, if incremental parsing (content.incremental) can use it."""
    if len(raw) > MAX_FILE_BYTES:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _reparsed(disk: DiskCache, path: Path, text: str, name: str) -> YamlDoc | None:
    """The document of entry file ``path`` (whose text is now ``text``), parsed only where it differs from the
    version the last build read (`build`: :func:`~.incremental.reparse` against the cache beside the content),
    or None: parse it whole."""
    previous = disk.previous(_label(path, Entry))
    if previous is None:
        return None
    data = reparse(previous[0], previous[1], text, name)
    return None if data is None else YamlDoc(name, data, Reparsed(text, name))


def _keep_unchanged_items(old: Schema, new: M) -> M:
    """For two versions of an entry, ``new`` with every item that equals its previous version replaced by that
    previous object, so that work derived from unchanged items (rendered fragments and pages) can be reused;
    any other ``new`` as it is."""
    if not (isinstance(old, Entry) and isinstance(new, Entry)):
        return new
    updates = {}
    for group in ITEM_LISTS:
        previous = {item.id: item for item in getattr(old, group)}
        updates[group] = [p if (p := previous.get(i.id)) is not None and (p is i or p == i) else i for i in getattr(new, group)]
    return new.model_copy(update=updates)


def _problems(exc: ValidationError, doc: YamlDoc, schema: type[BaseModel]) -> list[Problem]:
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        path = tuple(p for p in loc if isinstance(p, (int, str)))
        out.append(Problem(doc.name, doc.line_of(path), field_path(path), _message(error, schema, path)))
    return out


_KINDS = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping", type(None): "an empty value"}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _shown(value: object) -> str:
    """A value as the YAML file spells it: true/false and null, not Python's True and None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else repr(value)


def _message(error: ErrorDetails, schema: type[BaseModel], path: Path_) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        key = str(path[-1])
        model = _model_at(schema, path[:-1])
        fields = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(fields)})" if fields else ""
        return f"unknown key '{key}'{hint}"
    if kind in ("literal_error", "enum"):
        return f"expected {ctx.get('expected')}, found {_shown(value)}"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(ctx.get("pattern")):
        return f"ids may use only a-z, 0-9 and single hyphens, found {_shown(value)}"
    if kind == "too_short":
        return "needs at least one citation" if path and path[-1] == "citations" else "must not be empty"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} items, found {ctx.get('actual_length')}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind in ("value_error", "assertion_error"):
        return str(error["msg"]).split(", ", 1)[-1]
    expected = {
        "string_type": "text", "int_type": "a number", "int_parsing": "a number", "float_type": "a number",
        "bool_type": "true or false", "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
        "model_attributes_type": "a mapping",
    }.get(kind)
    if expected:
        return f"expected {expected}, found {_kind(value)}"
    return str(error["msg"])


def _model_at(schema: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (for key suggestions)."""
    current: type[BaseModel] | None = schema
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
