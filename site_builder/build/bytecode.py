"""Compiled templates kept between builds, in the user's cache folder, signed.

In: a template's name, file and source (from Jinja's loader). Out: the Python code Jinja compiled it to last
time, or nothing (Jinja compiles it, ≈0.1 s for the default theme, and this stores the result).

Compiled code is executed, so an entry is read only if it is signed with HMAC-SHA256 under this user's key
(content.cache.machine_key, the cache's key, kept outside every project) and its header names the same
format, Jinja version, Python version, package code (content.cache.code_fingerprint: the environment's
options are in that code), template name and file, and SHA-256 of the template's source. Anything else — a
missing, damaged, truncated, foreign or stale entry — is ignored, and the template compiled and stored
again. The entries live beside the key (``~/.cache/site-builder/templates/``), never in a project: a project
folder is anyone's to write.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from ..content.cache import _sign, code_fingerprint, key_file, machine_key  # the cache's own signature

FORMAT = "site-builder compiled template"
KEEP = 256  # entries kept (the default theme has 11 templates; a project's own add theirs)


def folder() -> Path:
    """Where compiled templates are kept: beside the signing key."""
    return key_file().parent / "templates"


class SignedBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache in :func:`folder`, every entry signed with ``key`` and checked before use."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.folder = folder()

    @classmethod
    def open(cls) -> SignedBytecodeCache | None:
        """The cache, or None when there is no key to sign with (then templates are compiled every time)."""
        key = machine_key()
        return cls(key) if key is not None else None

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256(source.encode("utf-8")).hexdigest()

    def _header(self, bucket: Bucket) -> bytes:
        """What an entry for ``bucket`` must say of itself (bucket.key: Jinja's digest of the name and file)."""
        parts = {"format": FORMAT, "jinja": jinja2.__version__, "python": sys.version, "code": code_fingerprint(),
                 "template": bucket.key, "source": bucket.checksum}
        return json.dumps(parts, sort_keys=True).encode("utf-8")

    def _path(self, header: bytes) -> Path:
        return self.folder / f"{hashlib.sha256(header).hexdigest()}.bin"

    def load_bytecode(self, bucket: Bucket) -> None:
        header = self._header(bucket)
        try:
            fd = os.open(self._path(header), os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as handle:
                blob = handle.read()
        except OSError:
            return
        mac, newline, body = blob.partition(b"\n")
        if not newline or not hmac.compare_digest(mac, _sign(self.key, body).encode()):
            return
        found, newline, code = body.partition(b"\n")
        if newline and found == header:
            bucket.bytecode_from_string(code)  # Jinja's own checks too: its magic (Python's version), the source

    def dump_bytecode(self, bucket: Bucket) -> None:
        header = self._header(bucket)
        body = header + b"\n" + bucket.bytecode_to_string()
        path = self._path(header)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if self.folder.is_symlink():
                return
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(_sign(self.key, body).encode() + b"\n" + body)
            os.replace(temp, path)
            self._prune()
        except OSError:  # a read-only or full disk: the next build compiles again
            return

    def _prune(self) -> None:
        """Keep the newest :data:`KEEP` entries: each edit of a template (or new version) adds one, none is ever
        read again once its template changed."""
        entries = [entry for entry in os.scandir(self.folder) if entry.name.endswith(".bin") and entry.is_file(follow_symlinks=False)]
        if len(entries) <= KEEP:
            return
        entries.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
        for entry in entries[KEEP:]:
            os.unlink(entry.path)
