"""`policykb serve`: live preview. Builds once, serves the site over HTTP, and
rebuilds whenever a file under content/, templates/ or site_config/ (or
mkdocs.yml) changes. Rebuilds are incremental (generator.site.build): only
the pages whose Markdown changed go through MkDocs again. A failed rebuild
prints its error and keeps serving the last good site (the build swaps
folders only on success).

Changes come from the kernel (inotify, through watchfiles), not by polling:
a rebuild starts about 50 ms after the last write of an edit.

A build forks (parsers, page writers, MkDocs parts, search), and forking a
process that runs threads can deadlock the child on a lock another thread
held. So this process, which runs the HTTP server and the watchers in threads,
never builds: a builder process, started by spawning (a fresh interpreter,
before any thread starts here), builds on request. It stays up between
rebuilds, so its imports and caches stay warm: a one-document rebuild of the
corpus took 10.6 s there against 25.6 s as a new `policykb build` process.
"""

from __future__ import annotations

import functools
import multiprocessing
import queue
import signal
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles

from generator import site
from generator.errors import PolicyError

STEP_MS = 50            # a batch of changes is handed over once no file changed for this long
DEBOUNCE_MS = 1600      # ... or after this long of changes without a pause


def watched(content_dir: Path) -> list[Path]:
    return [content_dir, site.ROOT / "templates", site.SITE_CONFIG, site.MKDOCS_YML]


def rebuild(content_dir: Path, output: Path, work: Path | None = None, progress=None) -> bool:
    """Build; on bad input keep serving the last good build."""
    started = time.monotonic()
    timings: dict = {}
    try:
        site.build(content_dir, output, timings=timings, work=work, progress=progress)
    except PolicyError as exc:
        print(f"error: {exc}\n(still serving the last good build)", flush=True)
        return False
    print(f"built in {time.monotonic() - started:.1f} s ({timings['rebuilt']} files rebuilt)", flush=True)
    return True


def watch_changes(roots: list[Path], stop: threading.Event) -> queue.Queue:
    """A queue that receives each batch of changes (sets of (Change, path))
    under the roots, from watcher threads. A root that is a file (mkdocs.yml)
    is watched through its folder, not recursively: an editor that saves by
    writing a new file and renaming it over the old one would end a watch of
    the file itself."""
    changes: queue.Queue = queue.Queue()
    folders = [root for root in roots if root.is_dir()]
    files = [root for root in roots if not root.is_dir()]

    def run(paths: list[Path], recursive: bool, wanted) -> None:
        for batch in watchfiles.watch(*paths, watch_filter=wanted, recursive=recursive, stop_event=stop,
                                      force_polling=False, step=STEP_MS, debounce=DEBOUNCE_MS,
                                      raise_interrupt=False):
            changes.put(batch)

    watchers = [(folders, True, watchfiles.DefaultFilter())] if folders else []
    for parent in sorted({f.parent for f in files}):
        names = {f.name for f in files if f.parent == parent}
        watchers.append(([parent], False, lambda change, path, names=names: Path(path).name in names))
    for paths, recursive, wanted in watchers:
        threading.Thread(target=run, args=(paths, recursive, wanted), daemon=True, name="watch").start()
    return changes


def _phase(phase: str, seconds: float) -> None:
    print(f"  {phase:<10} {seconds:6.1f} s", file=sys.stderr, flush=True)


def _builder(requests, content_dir: Path, output: Path, work: Path, progress: bool) -> None:
    """The builder process: one build per request, its success as the answer;
    ends when the serving process closes the pipe or dies."""
    from generator.lock import _die_with_parent
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl+C is for the serving process, which ends this one
    while True:
        try:
            requests.recv()
        except (EOFError, OSError):
            return
        requests.send(rebuild(content_dir, output, work, _phase if progress else None))


class Builder:
    """The builder process, spawned: no thread of this process is copied into it."""

    def __init__(self, content_dir: Path, output: Path, work: Path, progress: bool):
        spawn = multiprocessing.get_context("spawn")
        self.pipe, theirs = spawn.Pipe()
        self.process = spawn.Process(target=_builder, args=(theirs, content_dir, output, work, progress),
                                     name="policykb-builder")
        self.process.start()
        theirs.close()

    def build(self) -> bool:
        self.pipe.send("build")
        try:
            return self.pipe.recv()
        except EOFError:
            raise PolicyError("the builder process ended unexpectedly") from None

    def stop(self) -> None:
        self.pipe.close()
        self.process.terminate()    # a build cut short leaves the preview as it was
        self.process.join(10)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(content_dir: Path, host: str = "127.0.0.1", port: int = 8000, output: Path | None = None,
          work: Path | None = None, progress=None) -> int:
    content_dir = Path(content_dir).resolve()
    work = Path(work or site.WORK).resolve()
    output = Path(output or work / "serve").resolve()
    print(f"building a preview into {output} (site/ is left alone); the first build takes a while", flush=True)
    builder = Builder(content_dir, output, work / "serve-work", progress is not None)   # before any thread
    stop = threading.Event()
    server = None
    try:
        if not builder.build():
            return 1
        # The handler opens files by path on every request, so it serves whichever
        # folder the last successful build renamed into place.
        handler = functools.partial(_Quiet, directory=str(output))
        server = ThreadingHTTPServer((host, port), handler)
        threading.Thread(target=server.serve_forever, daemon=True, name="http").start()
        changes = watch_changes(watched(content_dir), stop)
        print(f"serving http://{host}:{server.server_port}/ (Ctrl+C to stop)", flush=True)
        while True:
            batch = changes.get()
            while not changes.empty():      # what changed during the last build: one more build
                batch |= changes.get_nowait()
            paths = sorted({path for _, path in batch})
            print(f"changed: {paths[0]}" + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")
                  + "; rebuilding", flush=True)
            builder.build()
    finally:
        stop.set()
        if server is not None:
            server.shutdown()
        builder.stop()
