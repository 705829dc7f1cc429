"""Cross-file validation of a big site in a forked child, while the build makes its views, plan and statements.

In: loaded content (schema-checked, :func:`~site_builder.content.load.load_content`). Out: :class:`Checking`,
whose :meth:`~Checking.wait` raises :class:`~site_builder.errors.ContentErrors` with validation's problems, or
returns when there are none.

A cold `build` of 4,000 events spent ≈0.3 s validating (every citation checked against its source's text)
on one core of two before it made anything. The checks read the content and the source files and change
nothing the rest of the build uses but the cache's findings, so a forked child can run them while the build
goes on; the build waits for the verdict before any page renders or anything is written (and before
Pagefind starts). The output and every error are what they were: a build that fails anywhere meanwhile
waits for the verdict too, and reports validation's problems first, as it did when validation ran first
(content that fails validation may well trip the views). Below :data:`MIN_ITEMS` items, or without fork,
validation runs here, first, as before.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
from typing import Any

from ..content.cache import DiskCache
from ..content.load import Content
from ..content.model import ITEM_LISTS
from ..content.validate import ValidationCache, validate
from ..children import end_child
from ..errors import ContentErrors, Problem

MIN_ITEMS = 1000  # below this, validation (≈50 ms at 1,000 items) gains little from a child


class Checking:
    """Validation of one build's content: done here already, or running in a child until :meth:`wait`."""

    def __init__(self, content: Content, cache: ValidationCache | None, drafts: bool, disk: DiskCache | None) -> None:
        self.args = (content, cache, drafts, disk)
        self.problems: list[Problem] | None = None  # None: the child's verdict not read yet
        self.pid = 0
        self.pipe = -1

    @classmethod
    def start(cls, content: Content, cache: ValidationCache | None, drafts: bool, disk: DiskCache | None,
              fork: bool = True) -> Checking:
        """Validate ``content`` (see content.validate.validate for the arguments): in a forked child when
        ``fork`` and the site is big enough, else here and now."""
        checking = cls(content, cache, drafts, disk)
        items = sum(len(getattr(entry.model, group)) for entry in content.entries.values() for group in ITEM_LISTS)
        if not fork or not hasattr(os, "fork") or items < MIN_ITEMS:
            checking.problems = validate(content, cache, drafts, disk)
            return checking
        if disk is not None:  # keys of both processes (findings there, fragments here): made once, before the fork
            for model in _keyed(content):
                disk.model_digest(model)
        try:
            read, write = os.pipe()
        except OSError:  # too many open files: validate here, as without a child
            checking.problems = validate(content, cache, drafts, disk)
            return checking
        try:
            pid = os.fork()
        except OSError:  # no process to be had (a limit on processes, memory): validate here
            os.close(read)
            os.close(write)
            checking.problems = validate(content, cache, drafts, disk)
            return checking
        if pid == 0:  # pragma: no cover - the child (coverage does not follow a fork)
            os.close(read)
            _child(write, content, cache, drafts, disk)
        os.close(write)
        checking.pid, checking.pipe = pid, read
        return checking

    def ready(self) -> bool:
        """Whether :meth:`wait` would return (or raise) without waiting: the child has written its verdict, or died."""
        if self.problems is not None or self.pipe < 0:
            return True
        return bool(select.select([self.pipe], [], [], 0)[0])

    def wait(self) -> None:
        """Return once the content is known valid; raise ContentErrors with every problem otherwise."""
        if self.problems is None:
            self.problems = self._receive()
        if self.problems:
            raise ContentErrors(self.problems)

    def close(self) -> None:
        """End and reap the child if it still runs (the build stopped before it needed the verdict)."""
        if self.pid:
            end_child(self.pid)
            self.pid = 0
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1

    def _receive(self) -> list[Problem]:
        """The child's problems, its findings added to the cache on disk; a child that died is validated again here."""
        with os.fdopen(os.dup(self.pipe), "rb") as pipe:
            blob = pipe.read()
        self.close()
        content, cache, drafts, disk = self.args
        try:
            problems, findings, digests = pickle.loads(blob)  # from our own child, through a private pipe
        except Exception:  # noqa: BLE001 - the child died before it finished: validate here, as without it
            return validate(content, cache, drafts, disk)
        if disk is not None:
            disk.used["findings"].update(findings)
            models = _digested(content)
            if len(digests) == len(models):
                disk.known_digests(zip(models, digests))
        assert isinstance(problems, list)
        return problems


def _keyed(content: Content) -> list[Any]:
    """Every item and person: validation keys its findings by their digests, rendering its fragments."""
    items = [item for entry in content.entries.values() for group in ITEM_LISTS for item in getattr(entry.model, group)]
    return [*items, *content.people.model.people]


def _digested(content: Content) -> list[Any]:
    """The models whose digests (DiskCache.model_digest) the child makes while it has time to spare, in an order
    both processes agree on: each entry file's (a strand page's cache address; ≈7 ms each at 4,000 events), each
    person's and each source's. Each render worker would otherwise make them all again."""
    return [*(entry.model for entry in content.entries.values()), *content.people.model.people, *content.sources.model.sources]


def _child(write: int, content: Content, cache: ValidationCache | None, drafts: bool,
           disk: DiskCache | None) -> None:  # pragma: no cover - runs in the forked child
    """Validate, send (problems, the findings used of the cache on disk) to the build, and end; never returns."""
    code = 0
    try:
        gc.disable()
        problems = validate(content, cache, drafts, disk)
        found: dict[str, Any] = dict(disk.used["findings"].items()) if disk is not None else {}  # plain values to pickle
        digests = [disk.model_digest(model) for model in _digested(content)] if disk is not None else []
        blob = pickle.dumps((problems, found, digests), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(blob)
        while view:
            view = view[os.write(write, view):]
    except BaseException:  # noqa: BLE001 - the build sees a pipe closed early
        code = 1
    finally:
        os._exit(code)
