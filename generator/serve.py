"""`policykb serve`: live preview. Builds once, serves the site over HTTP, and
rebuilds whenever a file under content/, templates/ or site_config/ (or
mkdocs.yml) changes. Rebuilds are incremental (generator.build): only
the pages whose Markdown changed go through MkDocs again. A failed rebuild
prints its error and keeps serving the last good site (the build swaps
folders only on success).

Changes come from the kernel (inotify, through watchfiles), not by polling:
a rebuild starts about 0.1 s after an edit (50 ms without a further write).

A build forks (parsers, page writers, MkDocs parts, search), and forking a
process that runs threads can deadlock the child on a lock another thread
held. So this process, which runs the HTTP server and the watchers in threads,
never builds itself: each build is a `policykb build` process of its own
(subprocess: fork and exec at once, no Python code runs in between), which
dies with this one. A new process reads every input afresh (a long-lived one
kept site_config/search/department_names.yml from its first read), and costs
little: a one-document rebuild of content/ took 6.1 s of CPU this way against
5.9 s in a process kept warm between rebuilds (medians of 6, interleaved).
"""

from __future__ import annotations

import functools
import os
import queue
import re
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles

from generator.build import config as site_paths

STEP_MS = 50            # a batch of changes is handed over once no file changed for this long
DEBOUNCE_MS = 1600      # ... or after this long of changes without a pause


def watched(content_dir: Path) -> list[Path]:
    return [content_dir, site_paths.ROOT / "templates", site_paths.SITE_CONFIG, site_paths.MKDOCS_YML]


# `policykb build` in a process that dies with the serving one (argv: its pid, then the CLI's arguments)
_BUILD = """\
import os, sys
from generator.build.lock import _die_with_parent
_die_with_parent()
if os.getppid() != int(sys.argv[1]):
    os._exit(1)
from generator.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


def rebuild(content_dir: Path, output: Path, work: Path | None = None, progress=None) -> bool:
    """Build in a new process; on bad input (it prints the error) keep serving the last good build."""
    started = time.monotonic()
    command = [sys.executable, "-c", _BUILD, str(os.getpid()), "--content", str(content_dir), "build",
               "--output", str(output)] + (["--work", str(work)] if work else []) + (["-v"] if progress else [])
    done = subprocess.run(command, cwd=site_paths.ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        print("(still serving the last good build)", flush=True)
        return False
    made = re.search(r"\((\d+) files made\)", done.stdout)
    print(f"built in {time.monotonic() - started:.1f} s ({made.group(1) if made else '?'} files rebuilt)", flush=True)
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


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(content_dir: Path, host: str = "127.0.0.1", port: int = 8000, output: Path | None = None,
          work: Path | None = None, progress=None) -> int:
    content_dir = Path(content_dir).resolve()
    work = Path(work or site_paths.WORK).resolve()
    output = Path(output or work / "serve").resolve()
    print(f"building a preview into {output} (site/ is left alone); the first build takes a while", flush=True)
    if not rebuild(content_dir, output, work / "serve-work", progress):
        return 1
    stop = threading.Event()
    server = None
    try:
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
            rebuild(content_dir, output, work / "serve-work", progress)
    finally:
        stop.set()
        if server is not None:
            server.shutdown()
