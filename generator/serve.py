"""`policykb serve`: live preview. Builds once, serves the site over HTTP, and
rebuilds whenever a file under content/, templates/ or site_config/ (or
mkdocs.yml) changes. Rebuilds are incremental (generator.site.build): only
the pages whose Markdown changed go through MkDocs again. A failed rebuild
prints its error and keeps serving the last good site (the build swaps
folders only on success)."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator import site
from generator.errors import PolicyError

POLL_SECONDS = 1.0


def watched(content_dir: Path) -> list[Path]:
    return [content_dir, site.ROOT / "templates", site.SITE_CONFIG, site.MKDOCS_YML]


def fingerprint(roots: list[Path]) -> frozenset:
    """(path, mtime, size) of every file under the roots: any edit changes it."""
    files = []
    for root in roots:
        for path in ([root] if root.is_file() else root.rglob("*")):
            if path.is_file():
                stat = path.stat()
                files.append((str(path), stat.st_mtime_ns, stat.st_size))
    return frozenset(files)


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


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(content_dir: Path, host: str = "127.0.0.1", port: int = 8000, output: Path | None = None,
          work: Path | None = None, progress=None) -> int:
    content_dir = Path(content_dir).resolve()
    work = Path(work or site.WORK).resolve()
    output = Path(output or work / "serve").resolve()
    roots = watched(content_dir)
    seen = fingerprint(roots)
    print(f"building a preview into {output} (site/ is left alone); the first build takes a while", flush=True)
    if not rebuild(content_dir, output, work / "serve-work", progress):
        return 1
    # The handler opens files by path on every request, so it serves whichever
    # folder the last successful build renamed into place.
    handler = functools.partial(_Quiet, directory=str(output))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://{host}:{server.server_port}/ (Ctrl+C to stop)", flush=True)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = fingerprint(roots)
            if now != seen:
                seen = now
                rebuild(content_dir, output, work / "serve-work", progress)
    finally:
        server.shutdown()
