"""The build: content/ -> Markdown -> MkDocs -> site/, swapped in only on success.

    state.py      the fingerprint and what a build leaves for the next one
    docs.py       the docs folder's files (pages of every kind, CSS)
    workspace.py  the work folders: prepare, commit (swap), sweep
    render.py     MkDocs on every core
    plugin.py     the MkDocs plugin: the build's seams in MkDocs' events
    hosting.py    .gz copies and the file:// variant
    lock.py       one build at a time per work folder

Incremental builds make again only the pages that read what changed
(generator/pages/deps.py), and MkDocs renders only the pages whose Markdown
bytes changed, in a dirty build on work folders linked to the previous ones
(workspace.py). The nav is fixed in mkdocs.yml and a page's HTML depends only
on its own Markdown, so this equals a full build (tests/test_incremental.py).
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from generator.build import hosting
from generator.build.config import WORK, page_location, sort_key
from generator.build.docs import docs_files
from generator.build.lock import build_lock
from generator.build.render import run_mkdocs, run_mkdocs_parallel
from generator.build.state import Fingerprint, State, code_key, fingerprint, kept
from generator.build.workspace import Workspace
from generator.errors import PolicyError
from generator.model import Corpus, load_corpus
from generator.pages import deps
from generator.pages.render import TEMPLATES
from generator.model.yamlio import Cache

__all__ = ["build", "Built", "POST_BUILD", "docs_files", "WORK"]


@dataclass
class Built:
    """What the post-build steps work on: the freshly built site folder."""
    site_dir: Path
    corpus: Corpus
    offline: bool
    pages: list[str]                # every page's location, in MkDocs' order
    changed: set[str] | None        # locations this run rendered; None: all (a full build)
    seen: dict[str, tuple]          # search.page_facts of the pages this run rendered, by path in the site


def _offline_shim(built: Built) -> None:
    if built.offline:
        hosting.install_offline_shim(built.site_dir)


def _search(built: Built) -> None:
    from generator.build.search import build_search, search_inputs
    build_search(built.site_dir, built.pages, changed=built.changed, known=built.seen, compress=not built.offline,
                 **search_inputs(built.corpus))


# Run in order on the freshly built site folder before it is swapped in.
POST_BUILD: list[Callable[[Built], None]] = [_search, _offline_shim]


def build(content_dir: Path, output: Path, offline: bool = False, strict: bool = True,
          corpus: Corpus | None = None, templates: Path = TEMPLATES,
          steps: Sequence[Callable[[Built], None]] = POST_BUILD,
          incremental: bool = True, timings: dict | None = None, work: Path | None = None,
          progress: Callable[[str, float], None] | None = None) -> Corpus:
    """Build the site into `output`; on any failure `output` stays as it was.
    `work` (default: the project's build/, never derived from `output`) holds the
    Markdown, the caches and the lock: one build at a time per work folder.
    With `incremental`, reuse the previous build of `output` where its inputs
    are unchanged. `timings` (if given) receives seconds per phase and the
    number of docs files rebuilt, and the CPU seconds of each phase ("<phase> cpu");
    `progress` (if given) hears of each phase as it ends."""
    work = Path(work or WORK).resolve()
    output = Path(output).resolve()
    with build_lock(work):
        try:
            run = _Run(Path(content_dir), output, offline, strict, templates, steps, incremental, work,
                       _Laps({} if timings is None else timings, progress))
            return run(corpus)
        except OSError as exc:      # a full disk, a folder we may not write: the path and the reason
            # a failed write() names no file: name the two folders a build writes in
            where = exc.filename or f"{output.parent} (new site) or {work} (work folder)"
            raise PolicyError(f"build failed, the site is as it was: {exc.strerror or exc}", file=str(where)) from None


class _Laps:
    """Seconds and CPU seconds of each phase, into `timings`; `progress` hears of each."""

    def __init__(self, timings: dict, progress: Callable[[str, float], None] | None):
        self.timings, self.progress = timings, progress
        self.clock, self.cpu = time.perf_counter(), _cpu()

    def __call__(self, name: str) -> None:
        now, used = time.perf_counter(), _cpu()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.clock
        self.timings[f"{name} cpu"] = self.timings.get(f"{name} cpu", 0.0) + used - self.cpu
        if self.progress:
            self.progress(name, now - self.clock)
        self.clock, self.cpu = now, used


def _cpu() -> float:
    """CPU seconds of this process and of the workers it has waited for."""
    return sum(os.times()[:4])


@dataclass
class _Run:
    content_dir: Path
    output: Path
    offline: bool
    strict: bool
    templates: Path
    steps: Sequence[Callable[[Built], None]]
    incremental: bool
    work: Path
    lap: _Laps

    def __call__(self, corpus: Corpus | None) -> Corpus:
        space = Workspace(self.output, self.work)
        space.sweep()
        parse = code_key()
        corpus = corpus or load_corpus(self.content_dir, cache=Cache(self.work / "cache", parse, self.incremental))
        fp = fingerprint(parse, self.content_dir, self.templates, corpus.today,
                         (self.offline, self.strict, [s.__qualname__ for s in self.steps]))
        # The corpus lives until the build ends: keep the collector from walking
        # its millions of objects on every full collection (and forked workers
        # from copying the pages it would touch).
        gc.freeze()
        try:
            self.lap("load")
            return self._build(corpus, fp, space)
        finally:
            gc.unfreeze()

    def _build(self, corpus: Corpus, fp: Fingerprint, space: Workspace) -> Corpus:
        # The file:// variant's offline plugin inlines the search index: always built in full.
        state = State.previous(space.docs_target, self.output, fp) if self.incremental and not self.offline else None
        world = deps.world(corpus)
        made = docs_files(corpus, self.templates, state.keeper(fp, world) if state else lambda spec: False)
        hashes, made_by = kept(made, state)
        timings = self.lap.timings
        timings["made"], timings["kept"] = len(set(made.made_by.values())), len(made.kept)
        self.lap("pages")
        with space:
            rebuilt = space.prepare(made.files, hashes, state)
            timings["rebuilt"] = len(rebuilt)
            render = {p for p in rebuilt if p.endswith(".md") and p in made.files}
            pages = [page_location(p, self.offline) for p in sorted(hashes, key=sort_key) if p.endswith(".md")]
            del made               # on disk now: a 20x corpus has 0.5 GB of Markdown
            self.lap("write")
            if self.offline:
                seen = run_mkdocs(space.docs_dir, space.site_dir, True, self.strict).facts
            else:
                seen = run_mkdocs_parallel(space.docs_dir, space.site_dir, self.strict, render)
            self.lap("mkdocs")
            changed = None if state is None else {page_location(p, self.offline) for p in rebuilt if p.endswith(".md")}
            built = Built(space.site_dir, corpus, self.offline, pages, changed, seen)
            for step in self.steps:
                step(built)
                self.lap(step.__name__.strip("_"))
            space.commit(State(fp.render, str(self.output), fp.generation, hashes, made_by, world),
                         incremental=state is not None, spares=state is None and not self.offline,
                         record=not self.offline)
            self.lap("swap")
        return corpus


