"""MkDocs turns the docs folder into HTML, on every core.

MkDocs is single-threaded, so further processes, forked, render too: each
loads the same config and runs a dirty `mkdocs build` in which the pages it
renders are the ones it claims first (Claims, asked through the plugin's
files: generator.build.plugin), written straight into the one site folder;
the main process alone copies static files and writes the theme's pages.
Anchors linked across processes are checked here, as MkDocs checks only the
pages it rendered itself.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.build.config import MKDOCS_YML, mkdocs_config
from generator.errors import PolicyError
from generator.parallel import Forked

PARTS = os.cpu_count() or 1      # MkDocs runs at once (run_mkdocs_parallel)
PLUGIN = "policykb"              # its name in mkdocs.yml


@dataclass
class Session:
    """What `policykb build` tells the site's plugin for one MkDocs run, and
    what the plugin hands back."""
    claims: Callable[[str], bool] | None = None   # pages to render (docs paths); None: all MkDocs would
    pages_dir: Path | None = None    # where pages go when this run's site folder is a worker's own
    compress: bool = True            # a .gz beside each text file written
    facts: dict[str, tuple] = field(default_factory=dict)   # search.page_facts by path in the site
    rendered: list = field(default_factory=list)            # the Page objects rendered

    @property
    def worker(self) -> bool:
        return self.pages_dir is not None

    def anchors(self) -> tuple[dict[str, list[str]], list[tuple]]:
        """(anchors of each rendered page, links from them to anchors of pages
        this run did not render)."""
        present = {p.file.src_uri: sorted(p.present_anchor_ids) for p in self.rendered
                   if p.present_anchor_ids is not None}
        pending = [(page.file.src_uri, to.src_uri, anchor, original)
                   for page in self.rendered if page.present_anchor_ids is not None
                   for to, links in (page.links_to_anchors or {}).items()
                   if to.page is None or to.page.present_anchor_ids is None
                   for anchor, original in links.items()]
        return present, pending


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings for the error message (strict mode fails on them)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale; ours cannot
    (the nav is fixed in mkdocs.yml and a page's HTML depends only on its own
    Markdown), and strict mode would abort on the warning."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _mkdocs_log():
    """MkDocs' warnings collected (and kept off the console) while it runs."""
    log = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    collect, propagate = _Collect(), log.propagate
    log.addHandler(collect)
    log.propagate = False
    build_log.addFilter(_not_the_dirty_warning)
    try:
        yield collect
    finally:
        log.removeHandler(collect)
        log.propagate = propagate
        build_log.removeFilter(_not_the_dirty_warning)


def run_mkdocs(docs_dir: Path, site_dir: Path, offline: bool, strict: bool,
               session: Session | None = None) -> Session:
    """`mkdocs build` with our settings; with a session whose claims are set,
    a dirty build rendering just the pages claimed. Returns the session."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    session = session or Session(compress=not offline)
    with _mkdocs_log() as collect:
        try:
            config = load_config(str(MKDOCS_YML), strict=strict, **mkdocs_config(docs_dir, site_dir, offline))
            config.plugins[PLUGIN].session = session
            # dirty=False here: Material's search plugin would otherwise merge the
            # index of the previous build in this process (plugins persist).
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config, dirty=session.claims is not None)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as exc:  # config errors and strict-mode aborts
            details = "\n".join(f"  {m}" for m in collect.messages)
            raise PolicyError(f"mkdocs build failed: {exc}" + (f"\n{details}" if details else ""),
                              file=str(MKDOCS_YML)) from None
    return session


class Claims:
    """Pages shared out among MkDocs processes as they go: each renders the
    next page no process has taken yet, so all finish together however
    unevenly pages cost (a static split by Markdown bytes left one core idle
    for a quarter of the run). Made before the processes fork."""

    def __init__(self, pages: set[str]):
        self.slot = {page: n for n, page in enumerate(sorted(pages))}
        self.taken = multiprocessing.get_context("fork").RawArray("b", max(1, len(pages)))
        self.lock = multiprocessing.get_context("fork").Lock()

    def __call__(self, page: str) -> bool:
        slot = self.slot.get(page)
        if slot is None:
            return False
        with self.lock:
            if self.taken[slot]:
                return False
            self.taken[slot] = 1
        return True


def _run_part(docs_dir: Path, site_dir: Path, own_dir: Path, strict: bool, claims: Claims) -> tuple:
    """run_mkdocs of the pages it claims, in a forked process whose site folder
    is its own (`own_dir`: the theme's pages and the search plugin's index go
    there, unused) while pages go to `site_dir`: its anchors and search facts."""
    try:
        done = run_mkdocs(docs_dir, own_dir, False, strict, Session(claims, pages_dir=site_dir))
    except PolicyError:
        raise
    except BaseException as exc:
        raise PolicyError(f"mkdocs build failed: {exc!r}", str(MKDOCS_YML)) from None
    return done.anchors(), done.facts


def run_mkdocs_parallel(docs_dir: Path, site_dir: Path, strict: bool, pages: set[str]) -> dict[str, tuple]:
    """Render `pages` (docs paths) on every core into `site_dir`, with the
    static files MkDocs finds changed. Returns the search facts of the pages."""
    import mkdocs.commands.build  # noqa: F401  (imported once, before the fork)
    claims = Claims(pages)
    parts = []
    try:
        for n in range(1, min(PARTS, len(pages))):
            own = site_dir.with_name(f"{site_dir.name}-part{n}")
            parts.append(Forked(_run_part, docs_dir, site_dir, own, strict, claims))
        done = run_mkdocs(docs_dir, site_dir, False, strict, Session(claims))
        anchors, facts = [done.anchors()], done.facts
        for part in parts:
            their_anchors, their_facts = part.result()
            anchors.append(their_anchors)
            facts.update(their_facts)
    finally:
        for part in parts:
            part.kill()
    check_anchors(anchors, strict)
    return facts


def check_anchors(facts: list[tuple[dict, list]], strict: bool) -> None:
    present = {page: set(ids) for anchors, _ in facts for page, ids in anchors.items()}
    problems = [f"Doc file '{page}' contains a link '{original}', but the doc '{to}' does not contain an "
                f"anchor '#{anchor}'." for _, pending in facts for page, to, anchor, original in pending
                if to in present and anchor not in present[to]]
    if problems and strict:
        raise PolicyError("mkdocs build failed: Aborted with anchor warnings in strict mode!\n"
                          + "\n".join(f"  {m}" for m in problems), file=str(MKDOCS_YML))
    for message in problems:
        logging.getLogger("mkdocs").warning(message)
