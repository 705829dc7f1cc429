"""Forked helper processes of a build (content.prefetch, build.checking): how one is ended."""

from __future__ import annotations

import os
import signal


def end_child(pid: int) -> None:
    """Kill and reap child process ``pid``, done or not (the build may have stopped before it needed it);
    one already gone or reaped is no error."""
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
