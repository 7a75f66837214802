"""`policykb serve`: the real command serves the site and rebuilds on edits;
a broken edit keeps the last good site on the air."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
PAGE = "documents/zichuan-2022-01-2/"
YML = "documents/zichuan/zichuan-2022-01-2.yml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float = 90, every: float = 0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("timed out")


def threads(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1))


def children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


def test_watch_hears_edits_at_once(tmp_path):
    """Edits reach serve from the kernel within a fraction of a second, also to a
    file (mkdocs.yml) that an editor replaces by renaming a new file over it."""
    from generator.serve import watch_changes
    folder, config = tmp_path / "content", tmp_path / "mkdocs.yml"
    folder.mkdir()
    config.write_text("site_name: a\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("", encoding="utf-8")
    stop = threading.Event()
    changes = watch_changes([folder, config], stop)
    time.sleep(0.3)                       # the watches are in place
    try:
        for k in range(3):
            started = time.monotonic()
            (folder / f"doc{k}.yml").write_text("id: x\n", encoding="utf-8")
            assert {path for _, path in changes.get(timeout=5)} == {str(folder / f"doc{k}.yml")}
            assert time.monotonic() - started < 1.0
            (tmp_path / "mkdocs.yml.new").write_text(f"site_name: {k}\n", encoding="utf-8")
            os.replace(tmp_path / "mkdocs.yml.new", config)
            (tmp_path / "other.txt").write_text(str(k), encoding="utf-8")     # not watched
            assert {path for _, path in changes.get(timeout=5)} == {str(config)}
        time.sleep(0.3)
        assert changes.empty()
    finally:
        stop.set()


def test_serve_rebuilds_on_change_and_survives_bad_edits(tmp_path):
    content = Path(shutil.copytree(FIXTURE, tmp_path / "content"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "--content", str(content), "serve",
                             "--port", str(port), "--work", str(tmp_path / "work")], stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        assert "淄川区“十四五”儿童发展规划" in wait_for(lambda: fetch(url))
        yml = content / YML
        yml.write_text(yml.read_text(encoding="utf-8").replace("title: 淄川区“十四五”儿童发展规划",
                                                               "title: 改过的标题"), encoding="utf-8")
        written = time.monotonic()
        heard = wait_for(lambda: "rebuilding" in Path(log.name).read_text(encoding="utf-8") and time.monotonic(),
                         seconds=10, every=0.02)
        assert heard - written < 1.0, "an edit is heard from the kernel (watchfiles), not by polling"
        wait_for(lambda: "改过的标题" in (fetch(url) or ""))
        # The server's process runs threads (HTTP, watchers) and never forks: each build
        # is a process of its own, gone once built.
        wait_for(lambda: Path(log.name).read_text(encoding="utf-8").count("built in") == 2)
        assert threads(proc.pid) >= 3 and children(proc.pid) == []
        good = yml.read_text(encoding="utf-8")
        yml.write_text("id: [broken\n", encoding="utf-8")
        wait_for(lambda: "malformed YAML" in Path(log.name).read_text(encoding="utf-8"))
        assert "改过的标题" in fetch(url)
        yml.write_text(re.sub(r"(?m)^date: .*$", "date: 2022-02-30", good, count=1), encoding="utf-8")
        wait_for(lambda: "2022-02-30 is not a day of the calendar" in Path(log.name).read_text(encoding="utf-8"))
        assert "改过的标题" in fetch(url) and proc.poll() is None
        assert "Traceback" not in Path(log.name).read_text(encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
