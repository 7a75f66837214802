"""Work spread over the machine's cores, in forked processes (they inherit the
loaded corpus instead of receiving it): the one place the project forks.

    fork_map   a function over many items, on a pool of processes
    Forked     one call in a process of its own, while this one works on
               (MkDocs on further cores, a page kind made beside the others)

Every forked process dies with the one that forked it (generator.build.lock).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator


_shared: list = []


def shared():
    """What the running fork_map was given as `share`: the workers inherit it
    when they fork, so it is never pickled (0.5 GB of Markdown at 20x)."""
    return _shared[-1]


def fork_map(fn: Callable, *iterables: Iterable, chunksize: int = 1, min_items: int = 64,
             share=None) -> Iterator:
    """fn over the items of `iterables` (zipped), results in order, as they
    come: in worker processes when there are two cores or more and at least
    `min_items` items, here otherwise (a pool costs more than little work).
    `fn` may read `share` as shared()."""
    args = list(zip(*iterables))
    _shared.append(share)
    try:
        if (os.cpu_count() or 1) < 2 or len(args) < min_items:
            yield from (fn(*a) for a in args)
            return
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(fn, *zip(*args), chunksize=chunksize)
    finally:
        _shared.pop()


class Forked:
    """fn(*args) in a forked process: the arguments are inherited, never
    pickled (only the result is). result() waits for it and raises what it
    raised; kill() ends it if it is still running (call it in a finally)."""

    def __init__(self, fn: Callable, *args):
        fork = multiprocessing.get_context("fork")
        self._receive, send = fork.Pipe(duplex=False)
        self._process = fork.Process(target=_call, args=(fn, args, send), daemon=True)
        self._process.start()
        send.close()          # the child's end: recv() then fails if the child dies

    def result(self):
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise RuntimeError(f"a forked worker died (exit code {self._process.exitcode})") from None
        if not ok:
            raise value
        return value

    def kill(self) -> None:
        self._process.kill()
        self._process.join()


def _call(fn: Callable, args: tuple, send) -> None:
    try:
        send.send((True, fn(*args)))
    except BaseException as exc:
        try:
            send.send((False, exc))
        except Exception:     # an exception that cannot be pickled: its text
            send.send((False, RuntimeError(repr(exc))))
