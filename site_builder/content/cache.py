"""A cache beside the content that lets one `build` reuse the work of the last: parsed files, rendered fragments.

In: the project folder. Out: :class:`DiskCache`, which answers "what did these
file bytes parse to?" (with the digests of the models they made, and an entry
file's text, against which its next version is parsed where it changed), "which
version of this file did the last build read?" and "what did this fragment
render to?" from ``.site-builder-cache/`` and, after a build, writes back what
that build used (each kind in shards by key, so that a small edit rewrites a
few small files).

A cache file is project data anyone who can write the project can write, so
nothing in it is trusted: it is text and JSON (never executed, unlike a pickle; see content.records), it is
signed with HMAC-SHA256 under a key kept outside the project (in the user's
cache folder, created on first use), and it names its format, the package's
version and code, the project folder, its kind and its shard. A file that is unsigned, signed
with another key, damaged, truncated, of another version or code, or copied
from another project is ignored, and the next save replaces it. Entries are
content-addressed: a parsed file by the digest of its bytes, a fragment by a
digest of everything it shows (see render.FragmentStore); an entry never
changes under its key. When the cache
cannot be read or written (no key, a read-only folder), builds simply do
without it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pydantic

from .. import __version__
from ..files import NO_FILE, FileId, digest, file_id
from .records import DIR, Records, shard_body
from .yamlload import YamlDoc, lines_of

FORMAT = "site-builder cache 2"  # 2: records decoded on use (content.records)
# "filetexts": an entry file's text by the digest of its bytes (what its next version is parsed against), apart
# from its parsed document so that only the edited file's text is ever decoded.
KINDS = ("parsed", "filetexts", "fragments", "pages", "findings", "texts", "search", "files")
KEY_BYTES = 32
# Each kind is a folder of shards, by the first hex digits of the entries' keys (every key is a SHA-256 digest):
# a build that changes a few entries rewrites the few shards that hold them, not megabytes of JSON. How many
# digits grows with the number of entries (a small site keeps a file or a few per kind, not hundreds); a parsed
# file and an entry file's text are large, so each has a shard of its own.
SHARD_ENTRIES = 256  # about how many entries a shard holds at most before the shards split by one more digit
_SHARD_FILE = re.compile(r"s([0-9a-f]{0,2})\.json")


def shard_width(kind: str, entries: int) -> int:
    """How many hex digits of a key name its shard, for ``entries`` entries of ``kind``."""
    if kind in ("parsed", "filetexts"):
        return 2
    if kind == "texts":  # each the texts of up to ~1,000 items (pipeline.ItemTexts): a small site's in one file
        return 0 if entries <= 16 else 2
    return 0 if entries <= SHARD_ENTRIES else 1 if entries <= SHARD_ENTRIES * 16 else 2


def key_file() -> Path:
    """Where this user's signing key lives: outside every project ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "site-builder" / "cache-key"


def machine_key() -> bytes | None:
    """The signing key, made on first use; None when it can be neither read nor made."""
    path = key_file()
    try:
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(f".cache-key-{os.getpid()}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
        os.replace(temp, path)
        key = path.read_bytes()  # another process may have won the race: use whatever is there now
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


@functools.cache
def code_fingerprint() -> str:
    """The package's version and its source files' names, sizes and times: a cache never outlives the code."""
    package = Path(__file__).parent.parent  # site_builder/: every module of the package
    files = sorted(package.rglob("*.py"))
    parts = [__version__] + [f"{p.relative_to(package)}:{(st := p.stat()).st_size}:{st.st_mtime_ns}" for p in files]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def dump_digest(model: pydantic.BaseModel) -> str:
    """The digest of a content model's JSON."""
    return digest(model.model_dump_json().encode("utf-8"))


def _model_lists(model: Any) -> dict[str, list[Any]]:
    """Each field of ``model`` that holds a non-empty list of models, by name."""
    found = {}
    for name, value in vars(model).items():
        if isinstance(value, list) and value and all(isinstance(v, pydantic.BaseModel) for v in value):
            found[name] = value
    return found


class DiskCache:
    """The cache of one project: entries read at the start of a build, the ones it used written at the end."""

    def __init__(self, project: Path, key: bytes | None) -> None:
        self.project = project.resolve()
        self.folder = self.project / DIR
        self.key = key
        self.code = code_fingerprint() if key else ""
        # The keys each shard file held; None for a file there but not to trust, which the next save replaces or removes.
        self.shards: dict[str, dict[str, set[str] | None]] = {kind: {} for kind in KINDS}
        self.loaded: dict[str, Records] = {kind: self._read(kind) for kind in KINDS}
        self.used: dict[str, Records] = {kind: Records() for kind in KINDS}
        self._digests: dict[int, tuple[Any, str]] = {}
        self._raw: tuple[bytes, str] | None = None  # the file bytes last digested, and their digest
        self._record: dict[str, tuple[str, dict[str, list[Any]]]] = {}  # parsed file -> its model's lists, for save
        # Each file of the last output this build took bytes from (a page, a search bundle's file): its identity
        # when read (files.FileId), so that the writer can carry it over without reading it again.
        self.read_back: dict[Path, FileId] = {}
        self._before_fork: dict[str, set[str]] = {}  # what this process had used when its render workers forked
        self._prepared: dict[str, tuple[int, dict[str, bytes | None]]] = {}  # kind -> (entries then, shards: prepare)

    @classmethod
    def open(cls, project: Path) -> DiskCache:
        return cls(project, machine_key())

    # Parsed files: the YAML document (data and line numbers) of a file's bytes.

    def doc(self, raw: bytes, name: str) -> YamlDoc | None:
        """The document ``raw`` parsed to last time, named ``name`` (the path as this build names it)."""
        key = self._raw_key(raw)
        entry = self.loaded["parsed"].get(key)
        if not (isinstance(entry, dict) and "data" in entry):
            return None
        self.used["parsed"].carry(key, self.loaded["parsed"])
        self.used["filetexts"].carry(key, self.loaded["filetexts"])  # undecoded: only an edited file's is read
        return YamlDoc(name, entry["data"], lines_of(raw, name))  # lines: by parsing ``raw`` again, if an error needs one

    def remember_doc(self, raw: bytes, doc: YamlDoc, text: str | None = None) -> None:
        """Record what ``raw`` parsed to; ``text``: its text too (an entry file's, which the next version of the
        file is parsed against: see :meth:`previous`)."""
        key = self._raw_key(raw)
        self.used["parsed"][key] = {"data": doc.data}
        if text is not None:
            self.used["filetexts"][key] = text

    # The last version of each file: an edited entry file is parsed again only where it changed (content.incremental).

    def previous(self, label: str) -> tuple[str, Any] | None:
        """The text and data of the version of the file ``label`` names (see :meth:`remember_file`) that the last
        build read, when the cache holds both; else None."""
        for record in self.loaded["files"].values():
            if isinstance(record, dict) and record.get("label") == label and isinstance(record.get("raw"), str):
                entry, text = self.loaded["parsed"].get(record["raw"]), self.loaded["filetexts"].get(record["raw"])
                if isinstance(entry, dict) and isinstance(text, str) and "data" in entry:
                    return text, entry["data"]
        return None

    def remember_file(self, label: str, raw: bytes) -> None:
        """Record that the file ``label`` names (the same for every build of the project) holds ``raw`` now
        (under a key made of both: an entry never changes under its key)."""
        raw_key = self._raw_key(raw)
        self.used["files"][digest(f"{label}\x00{raw_key}".encode("utf-8"))] = {"label": label, "raw": raw_key}

    def _raw_key(self, raw: bytes) -> str:
        """The digest of a file's bytes, made once per build (doc, remember_doc and known_models all ask)."""
        if self._raw is None or self._raw[0] is not raw:
            self._raw = (raw, digest(raw))
        return self._raw[1]

    def model_digest(self, model: Any) -> str:
        """The digest of a content model's JSON, made once per object in a build (validation and rendering
        both key their entries by it), or known from the file it came from (:meth:`known_models`)."""
        hit = self._digests.get(id(model))
        if hit is not None and hit[0] is model:  # the stored model keeps its id from being reused
            return hit[1]
        hit = self._digests[id(model)] = (model, dump_digest(model))
        return hit[1]

    def known_models(self, raw: bytes, model: Any) -> None:
        """Take the digests of the items ``model`` lists (each element of its lists of models: the events, claims
        and quotes of an entry file, the people, the sources, the strands), the model that the file ``raw``
        validated to, from what the cache recorded for the same bytes (a model is made from its file's bytes
        by the same code and the same pydantic); when it has none, they are recorded at :meth:`save`."""
        key = self._raw_key(raw)
        entry = self.used["parsed"].get(key)
        if not isinstance(entry, dict):
            return
        lists = _model_lists(model)
        items = entry.get("items")
        made_by = f"{type(model).__name__} {pydantic.VERSION}"  # the same bytes as another kind of file: other models
        if key in self.loaded["parsed"] and isinstance(items, dict) and items.get("by") == made_by:
            for field, models in lists.items():
                digests = items.get(field)
                if isinstance(digests, list) and len(digests) == len(models) and all(isinstance(d, str) for d in digests):
                    self._digests.update((id(m), (m, d)) for m, d in zip(models, digests))
        elif key not in self.loaded["parsed"]:
            self._record[key] = (made_by, lists)

    def _record_items(self) -> None:
        """Record in each parsed file new to this build the digests of the items its model lists (known_models);
        once: :meth:`prepare` and :meth:`save` both ask."""
        for key, (made_by, lists) in self._record.items():
            entry = self.used["parsed"].get(key)
            if isinstance(entry, dict):
                entry["items"] = {"by": made_by, **{f: [self.model_digest(m) for m in ms] for f, ms in lists.items()}}
        self._record.clear()

    def known_digests(self, pairs: Iterable[tuple[Any, str]]) -> None:
        """Digests of models made in a forked child (build.checking) from the same objects: kept as if made here."""
        for model, found in pairs:
            self._digests.setdefault(id(model), (model, found))

    # Validation findings of one item, by a digest of the item and of everything it was checked against.

    def findings(self, key: str) -> list[tuple[tuple[int | str, ...], str]] | None:
        """The findings (where in the item, what is wrong) recorded for ``key``; None when there are none to trust."""
        entry = self.loaded["findings"].get(key)
        if not (isinstance(entry, list) and all(_is_finding(f) for f in entry)):
            return None
        self.used["findings"].carry(key, self.loaded["findings"])
        return [(tuple(where), message) for where, message in entry]

    def remember_findings(self, key: str, found: list[tuple[tuple[int | str, ...], str]]) -> None:
        self.used["findings"][key] = [[list(where), message] for where, message in found]

    # One verdict for a whole list of items (a file's events, its claims, the people): the findings of each, and
    # where each item's own entry is, kept with it (so that an edit of one item later finds the others').

    def verdict(self, key: str, count: int) -> list[list[tuple[tuple[int | str, ...], str]]] | None:
        """The findings of each of the ``count`` items recorded for ``key``; None when there are none to trust."""
        entry = self.loaded["findings"].get(key)
        if not isinstance(entry, dict):
            return None
        keys, found = entry.get("keys"), entry.get("findings")
        if not (isinstance(keys, list) and isinstance(found, list) and len(keys) == len(found) == count
                and all(isinstance(f, list) and all(_is_finding(x) for x in f) for f in found)):
            return None
        self.used["findings"].carry(key, self.loaded["findings"])
        self.used["findings"].carry_all(keys, self.loaded["findings"])
        return [[(tuple(where), message) for where, message in f] for f in found]

    def remember_verdict(self, key: str, keys: list[str], found: list[list[tuple[tuple[int | str, ...], str]]]) -> None:
        self.used["findings"][key] = {"keys": keys, "findings": [[[list(where), message] for where, message in f] for f in found]}

    # Rendered fragments, by a digest of everything they show.

    def fragment(self, key: str) -> str | None:
        return self._string("fragments", key)

    def remember_fragment(self, key: str, html: str) -> None:
        self.used["fragments"][key] = html

    # Texts of one item in case.json or timeline.json, by a digest of everything they show.

    def text(self, key: str) -> str | None:
        return self._string("texts", key)

    def remember_text(self, key: str, text: str) -> None:
        self.used["texts"][key] = text

    def _string(self, kind: str, key: str) -> str | None:
        """The text kept under ``key`` in ``kind`` (kept for the next save), or None: absent, or not a text."""
        value = self.loaded[kind].get(key)
        if not isinstance(value, str):
            return None
        self.used[kind].carry(key, self.loaded[kind])
        return value

    # Whole pages: the digest of the bytes a page rendered to, read back from the previous output.

    def page(self, key: str, previous: Path) -> bytes | None:
        """The bytes of the page at ``previous`` (the last build's output of it) if they are the ones
        the cache records for ``key``; the output folder is anyone's to edit, so they are checked.
        The fragments the page was made of count as used (a later build may need them again)."""
        entry = self.loaded["pages"].get(key)
        if not (isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and isinstance(entry.get("fragments"), list)):
            return None
        expected = entry["sha256"]
        data, identity = _read_regular(previous)
        if data is None or digest(data) != expected:
            return None
        self.read_back[previous] = identity
        self.used["pages"].carry(key, self.loaded["pages"])
        self.used["fragments"].carry_all(entry["fragments"], self.loaded["fragments"])  # undecoded
        return data

    def remember_page(self, key: str, data: bytes, fragments: list[str]) -> None:
        self.used["pages"][key] = {"sha256": digest(data), "fragments": fragments}

    # A search bundle: the digest of each of its files, read back from the previous output.

    def bundle(self, key: str, previous: Path, prefix: str) -> dict[str, bytes] | None:
        """The files of the search bundle recorded for ``key`` (the digest of its records, search.index_key), read
        from ``previous`` (the last build's output): only if every one is there with the bytes recorded, each a
        regular file under ``prefix`` (the bundle's folder); None otherwise."""
        entry = self.loaded["search"].get(key)
        if not (isinstance(entry, dict) and entry and all(isinstance(v, str) for v in entry.values())):
            return None
        files: dict[str, bytes] = {}
        identities: dict[Path, FileId] = {}
        for name, expected in entry.items():
            parts = name.split("/")
            if not name.startswith(prefix) or any(part in ("", ".", "..") for part in parts):
                return None
            path = previous.joinpath(*parts)
            data, identities[path] = _read_regular(path)
            if data is None or digest(data) != expected:
                return None
            files[name] = data
        self.read_back.update(identities)
        self.used["search"].carry(key, self.loaded["search"])
        return files

    def remember_bundle(self, key: str, files: dict[str, bytes]) -> None:
        self.used["search"][key] = {name: digest(data) for name, data in files.items()}

    def merge(self, found: dict[str, tuple[dict[str, Any], list[str]]]) -> None:
        """Add what a forked render worker used (``kind: (new entries, keys of loaded ones)``)."""
        for kind, (added, hits) in found.items():
            self.used[kind].update(added)
            self.used[kind].carry_all(hits, self.loaded[kind])

    def fork(self) -> None:
        """Mark what this process used before its render workers fork: :meth:`found` leaves it out."""
        self._before_fork = {kind: set(self.used[kind]) for kind in ("fragments", "pages")}

    def found(self) -> dict[str, tuple[dict[str, Any], list[str]]]:
        """What a forked render worker sends back for :meth:`merge`: new entries whole, loaded ones by key
        (none that the build's own process had used before the fork: it has them)."""
        found = {}
        for kind in ("fragments", "pages"):
            before = self._before_fork.get(kind, set())
            mine = [k for k in self.used[kind] if k not in before]
            found[kind] = ({k: self.used[kind][k] for k in mine if k not in self.loaded[kind]}, [k for k in mine if k in self.loaded[kind]])
        return found

    # Files.

    def prepare(self, kinds: tuple[str, ...]) -> None:
        """Encode and sign now, while the build waits for its render workers, the shards :meth:`save` will write
        for ``kinds``, whose entries this build adds no more to (parsed files, findings, texts): save then only
        writes the bytes. Nothing is written here, so a build that fails still leaves the cache as it was."""
        if self.key is None:
            return
        if "parsed" in kinds:
            self._record_items()  # the parsed files' item digests are part of their entries (save records them too)
        try:
            for kind in kinds:
                self._prepared[kind] = (len(self.used[kind]), self._changed_shards(kind))
        except (TypeError, ValueError):  # a value JSON cannot hold: save() finds it again, and gives up as it does
            self._prepared.clear()

    def save(self) -> None:
        """Write what this build used: only the shards whose keys changed (an entry's value never changes under
        its key), removing those that hold nothing now. A failure leaves the build as it was."""
        if self.key is None:
            return
        self._record_items()
        try:
            for kind in KINDS:
                prepared = self._prepared.get(kind)
                # Keys are only ever added to a kind: the same count means the same entries as when prepared.
                changed = prepared[1] if prepared is not None and prepared[0] == len(self.used[kind]) else self._changed_shards(kind)
                for shard, blob in changed.items():
                    self._write_shard(kind, shard, blob)
                old = self.folder / f"{kind}.json"  # the whole-kind file of versions before shards: never read now
                if _real_folder(self.folder) and old.is_file() and not old.is_symlink():
                    old.unlink()
        except (OSError, TypeError, ValueError):  # a read-only project, or a value JSON cannot hold
            return

    def _changed_shards(self, kind: str) -> dict[str, bytes | None]:
        """The signed bytes of each shard of ``kind`` whose keys changed (None: a shard that holds nothing now)."""
        used = self.used[kind]
        by_shard = _by_shard(used, shard_width(kind, len(used)))
        changed: dict[str, bytes | None] = {}
        for shard in sorted(by_shard.keys() | self.shards[kind].keys()):
            keys = by_shard.get(shard, [])
            held = self.shards[kind].get(shard, set())
            if held is None or set(keys) != held:
                changed[shard] = self._signed_shard(kind, shard, used, keys) if keys else None
        return changed

    def _header(self, kind: str, shard: str) -> dict[str, str]:
        return {"format": FORMAT, "kind": kind, "shard": shard, "code": self.code, "project": str(self.project)}

    def _read(self, kind: str) -> Records:
        """The entries of one kind, from every shard that is there and one to trust (the others count as empty),
        each decoded when first read (content.records)."""
        folder = self.folder / kind
        entries = Records()
        if self.key is None or not _real_folder(self.folder) or not _real_folder(folder):
            return entries
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if _SHARD_FILE.fullmatch(entry.name))
        except OSError:
            return entries
        for name in names:
            shard = name[1:-len(".json")]
            signed = self._signed(folder / name)
            found = entries.read(*signed, self._header(kind, shard)) if signed is not None else None
            self.shards[kind][shard] = set(found) if found else None  # a shard is never written empty
        return entries

    def _signed(self, path: Path) -> tuple[bytes, int] | None:
        """The bytes of the shard file ``path`` and where its body begins (below the signature line, which signs
        it), if it is signed with this machine's key."""
        assert self.key is not None
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        newline = blob.find(b"\n")
        if newline < 0 or not hmac.compare_digest(blob[:newline], _sign(self.key, memoryview(blob)[newline + 1:]).encode()):
            return None
        return blob, newline + 1

    def _write(self, kind: str, entries: Mapping[str, Any]) -> None:
        """Replace every shard of ``kind`` by ``entries``."""
        records = entries if isinstance(entries, Records) else Records(entries)
        by_shard = _by_shard(records, shard_width(kind, len(records)))
        for shard in sorted(by_shard.keys() | self.shards[kind].keys()):
            keys = by_shard.get(shard, [])
            self._write_shard(kind, shard, self._signed_shard(kind, shard, records, keys) if keys else None)

    def _signed_shard(self, kind: str, shard: str, records: Records, keys: list[str]) -> bytes:
        """A shard file's bytes: the signature of its body, a line break, the body (content.records: the header and
        the entries ``keys`` of ``records``)."""
        body = shard_body(self._header(kind, shard), records, keys)
        assert self.key is not None
        return _sign(self.key, body).encode() + b"\n" + body

    def _write_shard(self, kind: str, shard: str, blob: bytes | None) -> None:
        """Write one shard file (``blob``: its signed bytes; None removes it), never through a link out of the project."""
        folder = self.folder / kind
        for each in (self.folder, folder):
            if each.is_symlink():
                return
            each.mkdir(exist_ok=True)
            if not _real_folder(each):
                return
        path = folder / f"s{shard}.json"
        if blob is None:
            path.unlink(missing_ok=True)
            return
        temp = folder / f".s{shard}.{os.getpid()}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(blob)
        os.replace(temp, path)


def _by_shard(keys: Iterable[str], width: int) -> dict[str, list[str]]:
    """``keys`` grouped by their shard: their first ``width`` hex digits."""
    grouped: dict[str, list[str]] = {}
    for key in keys:
        grouped.setdefault(key[:width], []).append(key)
    return grouped


def _read_regular(path: Path) -> tuple[bytes | None, FileId]:
    """The bytes of ``path`` if it is a regular file (a link is not followed), else None; and the file's identity
    (files.FileId), taken before reading, so that any change after it shows (an identity of nothing when the
    file was not read whole)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                return None, NO_FILE
            data = handle.read()
    except OSError:
        return None, NO_FILE
    return data, file_id(st) if len(data) == st.st_size else NO_FILE


def _is_finding(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str) and isinstance(value[0], list)
            and all(isinstance(part, (int, str)) and not isinstance(part, bool) for part in value[0]))


def _sign(key: bytes, body: bytes | memoryview) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def _real_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()
