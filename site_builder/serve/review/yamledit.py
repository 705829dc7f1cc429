"""The review page's changes to content files, made on ruamel.yaml round-trip data.

In: :class:`~site_builder.convert.docs.Doc` objects (each a content file loaded
round-trip, comments and layout kept) and one requested change naming items
by :class:`Target` (file, group, id). Out: the same documents, changed in
place. Nothing here reads or writes files: :mod:`.store` does, after the
change has been validated.

Which fields an editor may set is read from the content model, so a field
that another version of the model adds (``planned``, ``note``) is editable
without a change here, and a field the model lacks is refused.
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ...convert.docs import Doc
from ...errors import SiteBuilderError
from ...content.model import ANONYMOUS, ITEM_LISTS, Claim, Event, Person, Quote, Source

GROUP_MODELS: dict[str, type[BaseModel]] = {"events": Event, "claims": Claim, "quotes": Quote, "people": Person, "sources": Source}
STATES = ("draft", "reviewed", "rejected")

# The fields an editor fixes most, per group, in the order the edit form shows them.
# Only those the model declares are offered (see editable()).
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "events": ("title", "date", "not_after", "planned", "when", "note"),
    "claims": ("kind", "attributed_to", "described_as", "text", "date", "note"),
    "quotes": ("speaker", "described_as", "text", "date", "note"),
    "people": ("name", "role", "group", "kind", "note"),
    "sources": ("title", "publisher", "published", "kind", "reliability", "note"),
}
DATE_FIELDS = frozenset({"date", "not_after", "published"})
PERSON_FIELDS = frozenset({"attributed_to", "speaker"})  # chosen from the case's people, or 'anonymous'


class ReviewRequestError(SiteBuilderError):
    """The request names something that does not exist or cannot be done (HTTP 400)."""


@dataclass(frozen=True)
class Target:
    """One item: its file relative to the content folder, its list and its id."""

    file: str
    group: str
    id: str


def editable(group: str) -> tuple[str, ...]:
    """The fields of ``group`` the edit form offers: the candidates the model declares."""
    model = GROUP_MODELS[group]
    return tuple(name for name in _CANDIDATES[group] if name in model.model_fields)


def choices(group: str, name: str) -> tuple[str, ...] | None:
    """The allowed values of an enum or literal field (None for free text)."""
    return _choices(GROUP_MODELS[group].model_fields[name].annotation)


def _choices(annotation: Any) -> tuple[str, ...] | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return tuple(str(member.value) for member in annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    for arg in typing.get_args(annotation):  # Optional[...] and Annotated[...]
        found = _choices(arg)
        if found:
            return found
    return None


def is_flag(group: str, name: str) -> bool:
    """True for a true/false field (shown as a checkbox)."""
    annotation = GROUP_MODELS[group].model_fields[name].annotation
    return annotation is bool or bool in typing.get_args(annotation)


def find(doc: Doc, target: Target) -> tuple[list[Any], int]:
    """The list holding ``target`` in ``doc`` and its index there (ReviewRequestError if absent)."""
    items = doc.data.get(target.group) if isinstance(doc.data, Mapping) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, Mapping) and str(item.get("id")) == target.id:
                return items, index
    raise ReviewRequestError(f"{target.file}: no {target.group} item with id '{target.id}' (reload the page)")


def set_review(doc: Doc, target: Target, state: str) -> None:
    """``review: <state>`` on the item (the key added before nothing else moves, if it was missing)."""
    if state not in STATES:
        raise ReviewRequestError(f"unknown review state '{state}'")
    items, index = find(doc, target)
    items[index]["review"] = state
    doc.dirty = True


def edit_fields(doc: Doc, target: Target, fields: Mapping[str, Any]) -> None:
    """Set each of ``fields`` on the item; an empty value (or false for a flag) removes the key."""
    allowed = editable(target.group)
    items, index = find(doc, target)
    item: CommentedMap = items[index]
    for name, value in fields.items():
        if name not in allowed:
            raise ReviewRequestError(f"'{name}' cannot be edited on {target.group} here (editable: {', '.join(allowed)})")
        value = _yaml_value(target.group, name, value)
        if value is None:
            item.pop(name, None)
        elif name in item:
            item[name] = value
        else:
            _insert(item, name, value)
    if PERSON_FIELDS & fields.keys() and "described_as" not in fields and "described_as" in item \
            and all(item.get(who) != ANONYMOUS for who in PERSON_FIELDS if who in item):
        # the editor named the source: how the article described it unnamed no longer applies
        item.pop("described_as")
    doc.dirty = True


def _yaml_value(group: str, name: str, value: Any) -> Any:
    """What to store: None to remove the key; dates as YAML writes them by hand (2024, 2024-03, 2024-03-14)."""
    if is_flag(group, name):
        if not isinstance(value, bool):
            raise ReviewRequestError(f"'{name}' must be true or false")
        return True if value else None  # false is the default: leave no `planned: false` behind
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewRequestError(f"'{name}' must be text")
    text = value.strip()
    if not text:
        return None
    return _date_value(text) if name in DATE_FIELDS else text


def _date_value(text: str) -> Any:
    """A year as a number and a full date as a date, so ruamel writes them unquoted like the rest of the file."""
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if day:
        try:
            return datetime.date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            return text  # not a real day: kept as typed, and validation says what is wrong
    return text


def _insert(item: CommentedMap, name: str, value: Any) -> None:
    """A new key goes before ``citations`` (where hand-written items keep their descriptive fields); a description of
    an unnamed speaker right after the speaker, as convert writes it."""
    keys = list(item.keys())
    who = next((k for k in keys if k in PERSON_FIELDS), None) if name == "described_as" else None
    at = keys.index(who) + 1 if who else keys.index("citations") if "citations" in keys else len(keys)
    item.insert(at, name, value)


def move(source: Doc, target: Target, destination: Doc) -> None:
    """Move an event, claim or quote to another strand's entry file (appended to the same list)."""
    if target.group not in ITEM_LISTS:
        raise ReviewRequestError(f"only events, claims and quotes belong to a strand, not {target.group}")
    if destination.path == source.path:
        raise ReviewRequestError("the item is already in that strand")
    items, index = find(source, target)
    item = _remove(items, index)
    into = destination.data.get(target.group)
    if not isinstance(into, list):
        into = destination.data[target.group] = CommentedSeq()
    if not into and isinstance(into, CommentedSeq):
        into.fa.set_block_style()  # `events: []` would otherwise take the item in flow style, on one line
    if into:  # what followed the list (a blank line before the next key) now follows the new last item
        _set_trailing(item, _set_trailing(into[-1], None))
    else:
        _set_trailing(item, None)
    into.append(item)
    source.dirty = destination.dirty = True


def _remove(items: list[Any], index: int) -> Any:
    """Take an item out of a list, leaving what followed it (a blank line, a comment) where it was.

    ruamel.yaml keeps the lines after an item's last value with that value, so removing the
    last item of a list would also remove the blank line that separates the list from the next key.
    """
    item = items.pop(index)
    after = _set_trailing(item, None)
    if after is not None and index > 0 and _trailing(items[index - 1]) is None:
        _set_trailing(items[index - 1], after)
    return item


def _last(node: Any) -> tuple[Any, Any] | None:
    """(container, key) of the innermost last value of ``node``, where ruamel keeps the lines that follow it."""
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node.keys())[-1]
        elif isinstance(node, CommentedSeq) and node:
            key = len(node) - 1
        else:
            return None
        if isinstance(node[key], (CommentedMap, CommentedSeq)) and node[key]:
            node = node[key]
            continue
        return node, key


def _trailing(node: Any) -> Any:
    found = _last(node)
    if found is None:
        return None
    container, key = found
    slot = container.ca.items.get(key)
    position = 2 if isinstance(container, CommentedMap) else 0
    return slot[position] if slot else None


def _set_trailing(node: Any, token: Any) -> Any:
    """Set the comment after ``node``'s last value to ``token`` (None: remove it); the previous one."""
    found = _last(node)
    if found is None:
        return None
    container, key = found
    position = 2 if isinstance(container, CommentedMap) else 0
    slot = container.ca.items.setdefault(key, [None, None, None, None])
    old = slot[position]
    slot[position] = token
    return old


def merge(first_doc: Doc, first: Target, second_doc: Doc, second: Target) -> None:
    """Fold ``second`` into ``first``: its citations are added to the first's (no duplicates), then it is removed."""
    if first.group != second.group:
        raise ReviewRequestError(f"only items of the same kind can be merged, not {first.group} and {second.group}")
    if first == second:
        raise ReviewRequestError("choose two different items to merge")
    keep_items, keep_index = find(first_doc, first)
    drop_items, drop_index = find(second_doc, second)
    keep = keep_items[keep_index]
    have = {(str(c.get("source")), str(c.get("quote"))) for c in keep.get("citations") or [] if isinstance(c, Mapping)}
    citations = keep.get("citations")
    if not isinstance(citations, list):
        citations = keep["citations"] = CommentedSeq()
    for citation in drop_items[drop_index].get("citations") or []:
        if isinstance(citation, Mapping) and (str(citation.get("source")), str(citation.get("quote"))) not in have:
            _set_trailing(citation, None)
            citations.append(citation)
    _remove(drop_items, drop_index)
    first_doc.dirty = second_doc.dirty = True
