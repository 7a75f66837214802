"""Faults a build meets, repeated: concurrent builds and kills at random points.

    .venv/bin/python -m bench.faults [--pairs 20] [--kills 20] [--seed 17]

On a copy of the fixture corpus: `--pairs` times, two `policykb build` started
together; `--kills` times, a `policykb build --full` killed with SIGKILL after a
random 0.2-4 s. After each: the site compared file by file with a clean full
build (the search index by what it finds), processes of the killed build still
alive after 10 s, and, after the next build, temp folders left beside the site.
Figures to stdout and build/bench-faults.json.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def command(content: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--content", str(content), "build", "--output", str(out),
            "--work", str(out.parent / "build"), *extra]


def survivors(marker: str) -> list[str]:
    """Processes whose command line holds `marker` (forked workers keep their parent's)."""
    run = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    return run.stdout.split()


def differences(out: Path, clean: dict[str, bytes], clean_pages: dict) -> list[str]:
    """Files that differ from a clean full build (an incremental build's meta.js and the
    .gz beside each file aside), and the search index if it finds other pages."""
    from generator.build import search
    got = snapshot(out)
    differ = sorted(set(got) ^ set(clean))
    differ += [p for p in got if p in clean and got[p] != clean[p]
               and not p.endswith((".gz", "sitemap.xml", "pkb/meta.js"))]
    if search.indexed_pages(out / search.OUT) != clean_pages:
        differ.append("search index")
    return differ


def wait_gone(marker: str, seconds: float = 10) -> list[str]:
    deadline = time.monotonic() + seconds
    while survivors(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    return survivors(marker)


def kill_at(content: Path, out: Path, after: float) -> None:
    run = subprocess.Popen(command(content, out, "--full"), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=ENV)
    time.sleep(after)
    run.send_signal(signal.SIGKILL)
    run.wait()


def run_pair(content: Path, out: Path) -> list[tuple[int, str]]:
    runs = [subprocess.Popen(command(content, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=ENV) for _ in range(2)]
    return [(r.wait(timeout=600), r.stderr.read()) for r in runs]


def clean_build(folder: Path) -> tuple[dict[str, bytes], dict]:
    from generator import build
    from generator.build import search
    out = folder / "clean" / "site"
    build.build(FIXTURE, out, work=out.parent / "build", incremental=False)
    return snapshot(out), search.indexed_pages(out / search.OUT)


def prepare(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return Path(shutil.copytree(FIXTURE, folder / "content"))
