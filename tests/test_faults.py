"""Faults a careless user, a busy server and a hostile editor bring (issue 17): two
builds at once, a build killed part-way, a folder that cannot be written, a full
disk, YAML a parser should refuse, spreadsheet formulas, reserved ids. The real
CLI and the real build; each ends in one line naming the file (or path) and the
reason, the published site as it was, and nothing left behind."""

from __future__ import annotations

import csv
import errno
import io
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build
from generator.errors import PolicyError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
PLAN = "documents/zichuan/zichuan-2022-01-1.yml"


sys.path.insert(0, str(ROOT))
from bench.faults import ENV, command, differences, kill_at, run_pair, snapshot, wait_gone  # noqa: E402


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "content"))


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory) -> tuple[dict[str, bytes], dict]:
    """What a clean --full build of the fixture corpus makes, and what its index finds."""
    from bench.faults import clean_build
    return clean_build(tmp_path_factory.mktemp("clean"))


def test_two_builds_at_once_make_one_good_site(content, tmp_path, clean_site):
    out = tmp_path / "site"
    for _ in range(2):
        results = run_pair(content, out)
        assert [code for code, _ in results] == [0, 0], results
        assert any("waiting for the build" in err for _, err in results)       # the second one waited
        assert "Traceback" not in "".join(err for _, err in results)
        assert differences(out, *clean_site) == []
        assert not list(out.parent.glob(".site-*")) and not list(out.glob("site"))


def test_a_killed_build_leaves_the_site_no_process_and_no_folder(content, tmp_path, clean_site):
    out = tmp_path / "killed-site"
    assert subprocess.run(command(content, out), env=ENV, capture_output=True).returncode == 0
    before = snapshot(out)
    rng = random.Random(17)
    for _ in range(3):
        kill_at(content, out, rng.uniform(0.3, 3.0))
        assert wait_gone(str(out)) == []
        assert snapshot(out) == before
    assert subprocess.run(command(content, out), env=ENV, capture_output=True).returncode == 0
    assert differences(out, *clean_site) == []
    assert not list(out.parent.glob(".killed-site-*"))


@pytest.mark.parametrize("failure", [errno.EACCES, errno.ENOSPC], ids=["read-only", "disk-full"])
def test_a_folder_that_cannot_be_written_leaves_the_site(content, tmp_path, monkeypatch, failure):
    out = tmp_path / "site"
    build.build(content, out, work=tmp_path / "build")
    before = snapshot(out)
    real_rename = Path.rename

    def refuse(self, target):       # the new site's move into place fails
        if Path(target) == out and self.parent.name.startswith(".site-"):
            raise OSError(failure, os.strerror(failure), str(target))
        return real_rename(self, target)

    (content / PLAN).write_text((content / PLAN).read_text(encoding="utf-8").replace("title: ", "title: 改", 1),
                                encoding="utf-8")
    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(PolicyError) as exc:
        build.build(content, out, work=tmp_path / "build")
    assert os.strerror(failure) in str(exc.value) and str(out) in str(exc.value)
    monkeypatch.undo()
    assert snapshot(out) == before
    build.build(content, out, work=tmp_path / "build")          # and the next build is whole again
    assert "改" in (out / "documents" / "zichuan-2022-01-1" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def small_disk(tmp_path):
    """A real 3 MB tmpfs (the fixture site takes 3.5 MB), where this machine lets us mount one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); the patched-errno tests above still run")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_real_full_disk_then_a_real_read_only_disk(content, small_disk):
    out = small_disk / "site"
    full = subprocess.run(command(content, out), capture_output=True, text=True, env=ENV)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert "No space left on device" in full.stderr and str(small_disk) in full.stderr, full.stderr
    assert not out.exists() and not list(small_disk.glob(".site-*"))     # nothing half-built published or left
    subprocess.run(["mount", "-o", "remount,size=40m", str(small_disk)], check=True)
    assert subprocess.run(command(content, out), env=ENV, capture_output=True).returncode == 0
    before = snapshot(out)
    (content / PLAN).write_text((content / PLAN).read_text(encoding="utf-8").replace("title: ", "title: 改", 1),
                                encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    ro = subprocess.run(command(content, out), capture_output=True, text=True, env=ENV)
    assert ro.returncode == 1 and "Traceback" not in ro.stderr and "Read-only file system" in ro.stderr, ro.stderr
    assert snapshot(out) == before


@pytest.mark.parametrize("bad, message", [
    ("date: 2022-02-30", "date: 2022-02-30 is not a day of the calendar"),
    ("date: 2022-13-45", "date: 2022-13-45 is not a day of the calendar"),
    ("date: 22-1-5", "date: must be a date written YYYY-MM-DD"),
    ("note: !!binary aGVsbG8=", "unsupported YAML tag"),
    ("note: !!python/object:os.system {}", "unsupported YAML tag"),
    ("? [a, b]\n: 1", "a mapping key must be a plain value"),
    ("title: 又一个标题", "duplicate key 'title' (also on line"),
])
def test_yaml_a_parser_should_refuse_is_one_line_naming_it(content, bad, message):
    path = content / PLAN
    text = path.read_text(encoding="utf-8")
    if bad.startswith("date:"):
        text = text.replace(next(line for line in text.splitlines() if line.startswith("date:")), bad)
    else:
        text = text.replace("\ntype:", f"\n{bad}\ntype:", 1)
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "check"],
                         capture_output=True, text=True, env=ENV)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert str(path) in run.stderr and message in run.stderr, run.stderr


def test_csv_cells_a_spreadsheet_would_run_are_inert(tmp_path):
    from generator.model import load_corpus
    from generator.pages.views import csv_bytes, inert
    assert inert("=1+1") == "'=1+1" and inert("-3") == "'-3" and inert(3) == 3 and inert("区财政局") == "区财政局"
    rows = list(csv.reader(io.StringIO(csv_bytes(["a"], [["@SUM(A1)"], ["+1"], ["正常"]]).decode("utf-8-sig"))))
    assert rows == [["a"], ["'@SUM(A1)"], ["'+1"], ["正常"]]
    content = Path(shutil.copytree(ROOT / "content", tmp_path / "content"))
    registry = content / "units" / "zichuan.yml"      # an office whose canonical name is a formula
    text = registry.read_text(encoding="utf-8")
    unit = "  name: 区卫健局\n  aliases: []"
    assert unit in text
    registry.write_text(text.replace(unit, "  name: '=SUM(9)区卫健局'\n  aliases: [区卫健局]", 1), encoding="utf-8")
    files = build.docs_files(load_corpus(content)).files
    cells = [cell for name, data in files.items() if name.endswith(".csv")
             for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
    assert any(cell.startswith("'=SUM") for cell in cells)          # the payload reached a download, inert
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)


def test_an_id_the_site_names_a_page_with_is_refused(content):
    doc = content / "documents" / "zichuan" / "index.yml"
    shutil.copyfile(content / "documents" / "zichuan" / "zichuan-2022-01-2.yml", doc)
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("id: zichuan-2022-01-2", "id: index", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "check"],
                         capture_output=True, text=True, env=ENV)
    assert run.returncode == 1 and "'index' is reserved" in run.stderr and "Traceback" not in run.stderr


def served_text(folder: Path) -> str:
    """Every file the site serves, the compressed ones read as what they hold."""
    import gzip
    parts = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
    return "\n".join(parts)


def test_text_withdrawn_from_a_page_leaves_every_file_the_site_serves(content, tmp_path):
    out, work = tmp_path / "site", tmp_path / "build"
    path = content / PLAN
    text = path.read_text(encoding="utf-8")
    secret, title = "机密编号ZX4417的撤回段落", "淄川区“十四五”妇女发展规划"
    said = "为全面贯彻男女平等基本国策，制定本规划。"
    assert said in text
    path.write_text(text.replace("title: " + title, "title: 撤回的标题XQ93", 1).replace(said, said + secret, 1),
                    encoding="utf-8")
    build.build(content, out, work=work)
    assert secret in served_text(out) and "撤回的标题XQ93" in served_text(out)
    path.write_text(text, encoding="utf-8")              # both withdrawn
    timings: dict = {}
    build.build(content, out, work=work, timings=timings)
    assert timings["rebuilt"] < 60                       # an incremental build
    served = served_text(out)
    assert secret not in served and "ZX4417" not in served and "撤回的标题XQ93" not in served and "XQ93" not in served
    assert title in served
    from generator.build import search
    pages = search.indexed_pages(out / search.OUT)       # and the index still finds what is there
    assert any(title in p.title for p in pages.values())
    for added in ("增补段落QQ7788", "另一段WW5566", ""):     # text an incremental build added, withdrawn by the next
        path.write_text(text.replace(said, said + added, 1), encoding="utf-8")
        build.build(content, out, work=work)
        served = served_text(out)
        assert ("QQ7788" in served) == (added == "增补段落QQ7788")
        assert ("WW5566" in served) == (added == "另一段WW5566")


def test_a_folder_beside_the_output_is_never_touched(content, tmp_path):
    """--output names the site only: the user's own build/docs beside it stays, through full,
    incremental and failed builds (the work folder is its own setting)."""
    out, own = tmp_path / "site", tmp_path / "build" / "docs" / "mine.md"
    own.parent.mkdir(parents=True)
    own.write_text("我的文件", encoding="utf-8")
    build = [sys.executable, "-m", "generator", "--content", str(content), "build", "--output", str(out),
             "--work", str(tmp_path / "elsewhere")]
    assert subprocess.run(build + ["--full"], env=ENV, capture_output=True).returncode == 0
    (content / PLAN).write_text((content / PLAN).read_text(encoding="utf-8").replace("title: ", "title: 改", 1),
                                encoding="utf-8")
    assert subprocess.run(build, env=ENV, capture_output=True).returncode == 0
    (content / PLAN).write_text("id: [broken\n", encoding="utf-8")
    assert subprocess.run(build, env=ENV, capture_output=True).returncode == 1
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "build").rglob("*")) == \
        ["build/docs", "build/docs/mine.md"]
    assert own.read_text(encoding="utf-8") == "我的文件"
