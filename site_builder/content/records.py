"""The entries of one kind of the cache as records, each decoded only when a build asks for it.

In: the signed body of a shard file (content.cache checks the signature first). Out: :class:`Records`, a mapping
of key → value whose values stay undecoded bytes until read, and can be carried into the next save undecoded.
Back: :func:`shard_body`, the body of a shard file for some keys of a :class:`Records`.

Why: after a one-event edit a build looks up about 1,500 of 12,000 rendered fragments, and needs the texts of the
entry files only for the file that changed; decoding every shard's JSON whole cost about 0.1 s at 4,000 events,
most of it for values the build never reads. Strings, most of the cache (fragments, item texts, file texts), are
kept as their UTF-8 bytes, so that reading one needs no JSON parser at all.

A shard body (what follows the signature line) is one line of JSON ``{"header": ..., "keys": [...], "sizes":
[...]}`` and then the records, back to back in the keys' order, each a tag byte and its payload:
``s`` and UTF-8 text for a string, ``j`` and JSON for any other value.
"""

from __future__ import annotations

import json
from itertools import accumulate, repeat
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any

DIR = ".site-builder-cache"  # the cache's folder in the project (here, not in content.cache: see commands.build)
_TEXT, _JSON = ord("s"), ord("j")
_MISSING: Any = object()
# A record that cannot be decoded (only a bug could sign one) reads as None: no kind of entry is ever None, so
# every reader, which checks each value's shape, treats it as absent.
BROKEN = None


class Records(MutableMapping[str, Any]):
    """Entries by key: some undecoded (a record of a shard file read), some values (set, or decoded on first read)."""

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        self._values: dict[str, Any] = dict(values or {})
        # key -> (shard body, start, end) of its record. Kept after decoding, so that a save writes the same bytes
        # back without encoding the value again; dropped when the key is set to another value.
        self._raw: dict[str, tuple[bytes, int, int]] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key`` (decoded now if it was not yet), or ``default``. (Mapping's own ``get`` goes
        through an exception for each first read: a build makes ~20,000 of them.)"""
        value = self._values.get(key, _MISSING)
        if value is _MISSING:
            record = self._raw.get(key)
            if record is None:
                return default
            value = self._values[key] = _decode(*record)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self._values[key] = value
        self._raw.pop(key, None)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._values.pop(key, None)
        self._raw.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._raw or key in self._values

    def __iter__(self) -> Iterator[str]:
        yield from self._raw
        yield from (key for key in self._values if key not in self._raw)

    def __len__(self) -> int:
        return len(self._raw) + sum(1 for key in self._values if key not in self._raw)

    def carry(self, key: str, source: Records) -> None:
        """Take the entry of ``key`` as ``source`` holds it (undecoded if so), unless this holds one already (an
        entry never changes under its key, and one set by this build is kept over a record that may be broken)."""
        if key in self._raw or key in self._values:
            return
        record = source._raw.get(key)
        if record is not None:
            self._raw[key] = record
        value = source._values.get(key, _MISSING)
        if value is not _MISSING:
            self._values[key] = value

    def carry_all(self, keys: Iterable[object], source: Records) -> None:
        """:meth:`carry` for each of ``keys`` that is a string (a page lists ~20 fragments, and pages share them)."""
        mine, values = self._raw, self._values
        for key in keys:
            if type(key) is str and key not in mine and key not in values:
                self.carry(key, source)

    def encoded(self, key: str) -> bytes:
        """The record of ``key``: its bytes as read if it was read, else its value encoded (ValueError, TypeError:
        a value a record cannot hold)."""
        record = self._raw.get(key)
        if record is not None:
            body, start, end = record
            return body[start:end]
        value = self._values[key]
        if isinstance(value, str):
            return b"s" + value.encode("utf-8")
        return b"j" + json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")

    def read(self, blob: bytes, begin: int, header: Mapping[str, str]) -> list[str] | None:
        """Add the records of the shard body ``blob[begin:]`` (signature checked) whose first line names ``header``;
        the keys it held, or None when it is not one to trust (another header, a damaged index, a key outside its
        shard). The records stay in ``blob``: nothing is copied until read."""
        newline = blob.find(b"\n", begin)
        if newline < 0:
            return None
        try:
            data = json.loads(blob[begin:newline])
        except ValueError:
            return None
        keys = data.get("keys") if isinstance(data, dict) and data.get("header") == header else None
        sizes = data.get("sizes") if isinstance(data, dict) else None
        if not (isinstance(keys, list) and isinstance(sizes, list) and len(keys) == len(sizes)):
            return None
        shard = header.get("shard", "")
        if not (all(type(k) is str and k.startswith(shard) for k in keys) and len(set(keys)) == len(keys)
                and all(type(n) is int and n > 0 for n in sizes)):
            return None
        ends = list(accumulate(sizes, initial=newline + 1))
        if ends[-1] != len(blob):
            return None
        self._raw.update(zip(keys, zip(repeat(blob), ends, ends[1:])))
        return keys


def shard_body(header: Mapping[str, str], records: Records, keys: list[str]) -> bytes:
    """The body of a shard file holding the entries ``keys`` of ``records`` (see :meth:`Records.read`)."""
    parts = [records.encoded(key) for key in keys]
    head = json.dumps({"header": header, "keys": keys, "sizes": [len(part) for part in parts]},
                      separators=(",", ":")).encode("ascii")  # ASCII: a project path of any bytes stays one line
    return b"\n".join((head, b"".join(parts)))


def _decode(body: bytes, start: int, end: int) -> Any:
    """The value of the record ``body[start:end]``; :data:`BROKEN` when it cannot be decoded."""
    tag = body[start]
    try:
        if tag == _TEXT:
            return body[start + 1:end].decode("utf-8")
        if tag == _JSON:
            if end - start == 3 and body[start + 1:end] == b"[]":  # nearly every item's findings: none
                return []
            return json.loads(body[start + 1:end])
    except ValueError:
        pass
    return BROKEN
