"""Make a Pagefind bundle byte-identical from run to run.

In: the files of a Pagefind bundle (path -> bytes, paths relative to the
bundle). Out: the same bundle with its filter files in a fixed order.

Why: Pagefind (1.5) writes each filter's values, and the list of filters in
its metadata file, in hash-map order, which changes from run to run; the
files' names are hashes of their contents, so names change too. The build
promises byte-identical output for the same input, so the filter files
(``filter/*.pf_filter``) and the metadata (``pagefind.<lang>_<hash>.pf_meta``)
are decoded, sorted, encoded again and renamed by a hash of the new content,
and ``pagefind-entry.json`` is pointed at the renamed metadata. The
search itself reads them the same way: only the order of entries changes.

Both file kinds are gzip'd ``pagefind_dcd`` followed by CBOR made of arrays,
text strings and unsigned integers (plus, in the metadata, nothing else), so
a small CBOR reader and writer for those types suffice; anything else is
left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from typing import Any

MAGIC = b"pagefind_dcd"
_META = re.compile(r"^pagefind\.(?P<hash>(?P<lang>[^.]+)_[0-9a-f]+)\.pf_meta$")
_FILTER = re.compile(r"^filter/(?P<hash>(?P<lang>.+)_[0-9a-f]+)\.pf_filter$")


class Unsupported(ValueError):
    """CBOR this reader does not handle: the file is left as it is."""


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle with filter values and filters sorted and files renamed to match (see the module's docstring)."""
    try:
        return _canonical(files)
    except (Unsupported, ValueError, KeyError, IndexError, OSError):
        return files  # a bundle layout this version does not know: correct, only perhaps not byte-identical


def _canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    metas = [p for p in files if _META.match(p)]
    if len(metas) != 1 or "pagefind-entry.json" not in files:
        return files
    out = dict(files)
    renamed: dict[str, str] = {}  # old filter hash -> new
    for path in sorted(files):
        match = _FILTER.match(path)
        if not match:
            continue
        name, values = _read(files[path])
        data = _write([name, sorted(values, key=lambda v: v[0])])
        new = f"{match['lang']}_{hashlib.sha256(data).hexdigest()[:7]}"
        del out[path]
        out[f"filter/{new}.pf_filter"] = data
        renamed[match["hash"]] = new
    if not renamed:
        return files
    path = metas[0]
    match = _META.match(path)
    assert match is not None
    meta = _read(files[path])
    meta[3] = sorted([[name, renamed.get(h, h)] for name, h in meta[3]])
    data = _write(meta)
    new = f"{match['lang']}_{hashlib.sha256(data).hexdigest()[:10]}"
    del out[path]
    out[f"pagefind.{new}.pf_meta"] = data
    entry = json.loads(files["pagefind-entry.json"])
    for language in entry["languages"].values():
        if language.get("hash") == match["hash"]:
            language["hash"] = new
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return out


def _read(blob: bytes) -> Any:
    raw = gzip.decompress(blob)
    if not raw.startswith(MAGIC):
        raise Unsupported("not a pagefind_dcd file")
    value, end = _decode(raw, len(MAGIC))
    if end != len(raw):
        raise Unsupported("trailing bytes")
    return value


def _write(value: Any) -> bytes:
    return gzip.compress(MAGIC + _encode(value), mtime=0)


def _decode(b: bytes, i: int) -> tuple[Any, int]:
    major, info = b[i] >> 5, b[i] & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, i = int.from_bytes(b[i:i + size], "big"), i + size
    else:
        raise Unsupported(f"CBOR additional information {info}")
    if major == 0:
        return n, i
    if major == 3:
        return b[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(b, i)
            items.append(item)
        return items, i
    raise Unsupported(f"CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    """A CBOR head in its shortest form (as Pagefind's encoder writes it)."""
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise Unsupported("integer too large")


def _encode(value: object) -> bytes:
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise Unsupported(f"cannot encode {type(value).__name__}")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    return _head(4, len(value)) + b"".join(_encode(v) for v in value)
