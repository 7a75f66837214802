"""`policykb serve`: the real command serves the site and rebuilds on edits;
a broken edit keeps the last good site on the air."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
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


def wait_for(predicate, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("timed out")


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
        wait_for(lambda: "改过的标题" in (fetch(url) or ""))
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
