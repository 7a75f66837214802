"""One build at a time per work folder, and no process outliving the build.

A build holds an exclusive lock on <work>/build.lock for its whole run (flock:
the kernel drops it when the holder dies, even by kill -9). A second build
waits for it, saying who holds it. Forked workers ask the kernel to kill them
when the build that forked them dies, so a killed build leaves no worker
waiting on a pipe.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import fcntl
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from generator.errors import PolicyError

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):      # not Linux: the lock still keeps builds apart
        return
    if os.getppid() != parent:             # the parent died before the request took effect
        os._exit(1)


os.register_at_fork(after_in_child=_die_with_parent)


@contextmanager
def build_lock(work: Path, wait: bool = True):
    """Hold <work>/build.lock; a build already holding it is waited for (or, with
    wait=False, named in a PolicyError)."""
    try:
        work.mkdir(parents=True, exist_ok=True)
        handle = open(work / "build.lock", "a+", encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"cannot use the work folder: {exc.strerror or exc}", file=str(work)) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if not wait:
                raise PolicyError(f"another build is running ({holder})", file=str(work / "build.lock")) from None
            print(f"waiting for the build that holds {work / 'build.lock'} ({holder})", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
