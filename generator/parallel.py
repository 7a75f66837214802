"""Work spread over the machine's cores, in forked processes (they inherit the
loaded corpus instead of receiving it)."""

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
