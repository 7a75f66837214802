"""Bad input: the real CLI on a copy of the fixture corpus exits 1 with
`file:line: field: message`, never a traceback, and the site built before
stays byte for byte as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build
from generator.errors import PolicyError
from generator.model import load_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
PLAN = "documents/zichuan/zichuan-2022-01-1.yml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("good") / "site"
    build.build(FIXTURE, out, work=out.parent / "build")
    return out, snapshot(out)


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "content"))


def policykb(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def broken_title(content: Path) -> str:
    path = content / PLAN
    edit(path, "title: 淄川区“十四五”妇女发展规划\n", "")
    return f"{path}:1: title: is missing"


def malformed(content: Path) -> str:
    path = content / PLAN
    edit(path, "type: 规划", "type: [规划")
    return f"{path}:{line_of(path, 'parent:')}: malformed YAML"


def empty_title(content: Path) -> str:
    path = content / PLAN
    edit(path, "title: 淄川区“十四五”妇女发展规划", "title: ''")
    return f"{path}:{line_of(path, 'title:')}: title: must be a non-empty string"


def duplicate(content: Path) -> str:
    first = content / PLAN
    second = content / "documents/zichuan/zichuan-2022-01-2.yml"
    edit(second, "id: zichuan-2022-01-2", "id: zichuan-2022-01-1")
    return f"{second}:1: id: duplicate id 'zichuan-2022-01-1', also used in {first}:1"


def gbk(content: Path) -> str:
    path = content / PLAN
    line = line_of(path, "title:")  # the first non-ASCII character
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return f"{path}:{line}: not UTF-8"


def empty_file(content: Path) -> str:
    path = content / PLAN
    path.write_bytes(b"\n")
    return f"{path}:1: file is empty"


def unknown_jurisdiction(content: Path) -> str:
    path = content / PLAN
    edit(path, "jurisdiction: zichuan", "jurisdiction: zibo")
    return f"{path}:{line_of(path, 'jurisdiction:')}: jurisdiction: unknown jurisdiction 'zibo'"


def unknown_parent(content: Path) -> str:
    path = content / PLAN
    edit(path, "parent: zichuan-2022-01", "parent: zichuan-2022-09")
    return f"{path}:{line_of(path, 'parent:')}: parent: unknown document id 'zichuan-2022-09'"


def bad_date(content: Path) -> str:
    path = content / PLAN
    edit(path, "date: '2022-08-14'", "date: '2022-08-32'")
    return f"{path}:{line_of(path, 'date:')}: date: 2022-08-32 is not a day of the calendar"


CASES = [broken_title, malformed, empty_title, duplicate, gbk, empty_file, unknown_jurisdiction,
         unknown_parent, bad_date]


@pytest.mark.parametrize("breakage", CASES, ids=[c.__name__ for c in CASES])
def test_bad_input_names_file_line_field_and_keeps_the_site(breakage, content, good_site):
    out, before = good_site
    expected = breakage(content)
    run = policykb("--content", str(content), "build", "--output", str(out), "--work", str(out.parent / "build"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert expected in run.stderr, run.stderr
    assert snapshot(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".site-")]  # no temp folder left


def test_plain_mkdocs_build_names_the_bad_input(content, tmp_path):
    """Plain `mkdocs build` with the project's plugin: the same file:line:
    field: message as policykb's, as MkDocs' own error, with no traceback."""
    expected = malformed(content)
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "site_config").symlink_to(ROOT / "site_config")
    (project / "content").symlink_to(content)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert expected.replace(str(content), str(project / "content")) in run.stderr, run.stderr
    assert not (project / "site").exists()


def test_all_problems_are_reported_at_once(content):
    malformed(content)
    unknown_parent_path = content / "documents/zichuan/zichuan-2022-01-2.yml"
    edit(unknown_parent_path, "parent: zichuan-2022-01", "parent: 7")
    with pytest.raises(PolicyError) as err:
        load_corpus(content)
    text = str(err.value)
    assert "malformed YAML" in text and f"{unknown_parent_path}:8: parent:" in text


def test_mkdocs_failure_keeps_the_site(content, good_site):
    """A warning in MkDocs' strict mode (here: a link to a missing page in a
    template) fails the build after the Markdown was written; the site stays."""
    out, before = good_site
    templates = Path(shutil.copytree(ROOT / "templates", content.parent / "templates"))
    edit(templates / "documents.md.j2", "# 文件", "# 文件\n\n[缺失](missing.md)")
    with pytest.raises(PolicyError, match="mkdocs build failed") as err:
        build.build(content, out, work=out.parent / "build", templates=templates)
    assert "missing.md" in str(err.value)
    assert snapshot(out) == before


def test_a_failed_first_build_leaves_no_site(content, tmp_path):
    malformed(content)
    run = policykb("--content", str(content), "build", "--output", str(tmp_path / "fresh"))
    assert run.returncode == 1 and not (tmp_path / "fresh").exists()


def test_an_exception_after_mkdocs_keeps_the_site(good_site):
    """A post-build step that crashes (a bug, not bad input) still leaves the
    previous site and no temporary folder behind."""
    out, before = good_site

    def crash(built):
        assert (built.site_dir / "index.html").is_file()  # it runs on the new build
        raise RuntimeError("post-build step failed")

    with pytest.raises(RuntimeError):
        build.build(FIXTURE, out, work=out.parent / "build", steps=[crash])
    assert snapshot(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".site-")]
