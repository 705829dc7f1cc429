"""Pause the cyclic garbage collector while a stage allocates heavily.

A build or a conversion makes millions of small objects that reference
counting alone frees. With a large heap (the dev server's caches, a big
case) the cyclic collector kept re-scanning it: measured as half of a warm
rebuild at 4,000 events, a third of a cold build, 8 % of a conversion.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the body with the cyclic collector paused (restored afterwards, also on errors)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
