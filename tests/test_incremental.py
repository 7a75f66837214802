"""Incremental builds: after an edit only the docs files whose bytes changed are
rebuilt, and the result is byte for byte the site a full build makes; the live
site (hard-linked into the work folder) is never written through."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from generator import build
from generator.build import render, search
from generator.build.state import STATE
from generator.errors import PolicyError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
YML = "documents/zichuan/zichuan-2022-01-2.yml"


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def site_files(folder: Path) -> dict[str, bytes]:
    """files() but the search index, which an incremental build updates in
    place (a delta segment) and a full build writes anew: compared by the
    pages it holds (indexed_pages) instead."""
    return {path: data for path, data in files(folder).items() if not path.startswith(search.OUT)}


def edit_title(content: Path, new: str) -> None:
    yml = content / YML
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("title: 淄川区“十四五”儿童发展规划", f"title: {new}"), encoding="utf-8")


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "content"))


def full_build(content: Path, tmp_path: Path) -> Path:
    out = tmp_path / "full" / "site"
    build.build(content, out, work=out.parent / "build", incremental=False)
    return out


def assert_same_site(out: Path, full: Path) -> None:
    assert site_files(out) == site_files(full)
    assert search.indexed_pages(out / search.OUT) == search.indexed_pages(full / search.OUT)


def test_an_edit_rebuilds_its_pages_only_and_equals_a_full_build(content, tmp_path):
    out = tmp_path / "inc" / "site"
    first: dict = {}
    build.build(content, out, work=out.parent / "build", timings=first)
    edit_title(content, "改过的标题")
    again: dict = {}
    build.build(content, out, work=out.parent / "build", timings=again)
    # the policy, the notice that issues it, the lists naming it, data.json
    assert 0 < again["rebuilt"] <= 8 < first["rebuilt"]
    built = files(out)
    assert "改过的标题" in built["documents/zichuan-2022-01-2/index.html"].decode()
    assert "改过的标题" in built["documents/zichuan-2022-01/index.html"].decode()
    assert_same_site(out, full_build(content, tmp_path))


def test_nothing_changed_rebuilds_nothing_and_keeps_the_files(content, tmp_path):
    out = tmp_path / "inc" / "site"
    build.build(content, out, work=out.parent / "build")
    page = out / "documents" / "zichuan-2022-01" / "index.html"
    before = page.stat().st_ino
    timings: dict = {}
    build.build(content, out, work=out.parent / "build", timings=timings)
    assert timings["rebuilt"] == 0
    assert page.stat().st_ino == before  # the same file, linked from build to build


def test_a_removed_document_leaves_nothing_behind(content, tmp_path):
    out = tmp_path / "inc" / "site"
    build.build(content, out, work=out.parent / "build")
    assert (out / "documents" / "zichuan-2022-01-2" / "index.html").is_file()
    (content / YML).unlink()
    build.build(content, out, work=out.parent / "build")
    assert not (out / "documents" / "zichuan-2022-01-2").exists()
    assert_same_site(out, full_build(content, tmp_path))


def test_a_failed_incremental_build_leaves_the_live_site_as_it_was(content, tmp_path):
    out = tmp_path / "inc" / "site"
    build.build(content, out, work=out.parent / "build")
    before = files(out)
    edit_title(content, "不该出现的标题")

    def failing(built):
        raise PolicyError("post-build step failed")

    with pytest.raises(PolicyError):
        build.build(content, out, work=out.parent / "build", steps=[*build.POST_BUILD[:-1], failing, build.POST_BUILD[-1]])
    assert files(out) == before


def test_search_index_gives_back_the_pages_it_was_built_from(content, tmp_path):
    out = tmp_path / "inc" / "site"
    build.build(content, out, work=out.parent / "build")
    known = search.indexed_pages(out / search.OUT)
    parsed = [search.read_page(p.location, search.page_file(out, p.location).read_text(encoding="utf-8"))
              for p in known.values()]
    assert len(known) > 10
    assert list(known.values()) == parsed


def test_mkdocs_on_two_cores_builds_what_one_process_builds(content, tmp_path, monkeypatch):
    parallel = files(full_build(content, tmp_path / "parallel"))
    monkeypatch.setattr(render, "PARTS", 1)
    assert files(full_build(content, tmp_path / "serial")) == parallel


def test_a_further_mkdocs_process_writes_its_pages_and_nothing_else(content, tmp_path):
    """The processes of run_mkdocs_parallel share one site folder: the further
    ones write there their pages (and .gz) and nothing else: the theme's files,
    its 404 page and sitemap and the search plugin's index go to a folder of
    their own, or nowhere."""
    full = full_build(content, tmp_path)
    docs = full.parent / "build" / "docs"
    out = tmp_path / "part"
    page = "documents/zichuan-2022-01-2.md"
    assert (docs / page).is_file()
    render.run_mkdocs(docs, tmp_path / "own", False, True, render.Session({page}.__contains__, pages_dir=out))
    assert sorted(files(out)) == ["documents/zichuan-2022-01-2/index.html", "documents/zichuan-2022-01-2/index.html.gz"]
    assert files(out)["documents/zichuan-2022-01-2/index.html"] == files(full)["documents/zichuan-2022-01-2/index.html"]


def _claim_slowly(claims: render.Claims, pages: list[str], pause: float, send) -> None:
    taken = [page for page in pages if claims(page) and not time.sleep(pause)]
    send.send(taken)


def test_processes_share_out_the_pages_as_they_go():
    """Each page goes to exactly one process, and a slow process takes fewer:
    a process asks for every page in turn (as MkDocs does), and renders it
    only if no other process has."""
    import multiprocessing
    fork = multiprocessing.get_context("fork")
    pages = [f"items/p{n:02d}.md" for n in range(40)]
    claims = render.Claims(set(pages[:-1]))           # the last page is not to be rendered
    receive, send = fork.Pipe(duplex=False)
    slow = fork.Process(target=_claim_slowly, args=(claims, pages, 0.05, send))
    slow.start()
    fast = [page for page in pages if claims(page) and not time.sleep(0.005)]
    slowly = receive.recv()
    slow.join()
    assert sorted(fast + slowly) == pages[:-1]
    assert len(fast) > 2 * len(slowly) > 0


def test_a_broken_anchor_across_parts_fails_a_strict_build():
    facts = [({"documents/a.md": ["L1"]}, [("items/b-1.md", "documents/c.md", "L9", "../../documents/c/#L9")]),
             ({"documents/c.md": ["L1", "L2"]}, [("items/c-1.md", "documents/a.md", "L1", "../../documents/a/#L1")])]
    with pytest.raises(PolicyError, match="does not contain an anchor '#L9'"):
        render.check_anchors(facts, strict=True)
    render.check_anchors([(facts[0][0], []), facts[1]], strict=True)  # c-1's link to a.md#L1 is good


def test_the_replaced_site_is_the_spare_the_next_build_starts_from(content, tmp_path):
    out = tmp_path / "inc" / "site"
    docs = out.parent / "build" / "docs"

    def around(folder: Path) -> list[str]:
        return sorted(re.sub(r"-\d+$", "", p.name) for p in folder.parent.glob(f".*-{folder.name}*"))

    inodes = []
    for _ in range(4):
        build.build(content, out, work=out.parent / "build")
        assert around(out) == [".spare-site"] and around(docs) == [".spare-docs"]
        inodes.append(out.stat().st_ino)
    assert inodes[2:] == inodes[:2]      # the two folders take turns: no copy after the first build
    build.build(content, out, work=out.parent / "build", incremental=False)
    assert around(out) == [".old-site", ".old-site", ".spare-site"]    # a full build starts anew
    build.build(content, out, work=out.parent / "build")                 # removes them in the background
    deadline = time.monotonic() + 30
    while around(out) != [".spare-site"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert around(out) == [".spare-site"]
    assert (out / "index.html").is_file()


def test_a_spare_two_builds_old_is_synced_before_it_is_built_on(content, tmp_path):
    """Each build starts from the site of the build before last: what the last
    build changed or removed must be caught up first, or its pages go stale."""
    out = tmp_path / "inc" / "site"
    build.build(content, out, work=out.parent / "build")
    edit_title(content, "第一次改的标题")
    build.build(content, out, work=out.parent / "build")                     # on the full build's copy; the first site becomes the spare
    (content / YML).unlink()
    build.build(content, out, work=out.parent / "build")                     # on the first site: catches up the title, removes the policy
    assert_same_site(out, full_build(content, tmp_path))
    edit = content / "documents" / "zichuan" / "zichuan-2022-01.yml"
    edit.write_text(edit.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    build.build(content, out, work=out.parent / "build")                     # on the second site, which still has the removed policy
    assert not (out / "documents" / "zichuan-2022-01-2").exists()
    shutil.rmtree(tmp_path / "full")
    assert_same_site(out, full_build(content, tmp_path))


# --- what an edit makes again: every kind of edit against a full generation -------------

SEEDS = ROOT / "content"
COPY, COPY_NAME = "dongchangfu02", "青山区"     # a renamed copy: its goals are twins of dongchangfu's


@pytest.fixture
def three_places(tmp_path) -> Path:
    """zichuan and dongchangfu from the seed corpus, and a renamed copy of dongchangfu."""
    content = tmp_path / "content"
    registry = yaml.safe_load((SEEDS / "jurisdictions.yml").read_text(encoding="utf-8"))
    kept = [j for j in registry if j["id"] in ("zichuan", "dongchangfu")]
    seed = next(j for j in kept if j["id"] == "dongchangfu")
    kept.append(dict(seed, id=COPY, short_name=COPY_NAME, name=seed["name"].replace(seed["short_name"], COPY_NAME)))
    (content / "units").mkdir(parents=True)
    (content / "jurisdictions.yml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    for jur in ("zichuan", "dongchangfu"):
        shutil.copytree(SEEDS / "documents" / jur, content / "documents" / jur)
        shutil.copy(SEEDS / "units" / f"{jur}.yml", content / "units")
    for path in [*(content / "documents" / "dongchangfu").glob("*.yml"), content / "units" / "dongchangfu.yml"]:
        name = path.name.replace("dongchangfu", COPY)
        target = content / ("units" if path.parent.name == "units" else f"documents/{COPY}") / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8").replace("dongchangfu", COPY)
                          .replace(seed["short_name"], COPY_NAME), encoding="utf-8")
    return content


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _doc(content: Path, doc_id: str) -> Path:
    return content / "documents" / doc_id.split("-")[0] / f"{doc_id}.yml"


def retitle(content):       # a plan with twins elsewhere, issued by a notice
    _replace(_doc(content, "dongchangfu-2022-01-1"), "\ntitle: ", "\ntitle: 改")


def reword(content):        # a goal of the copy stops being a twin of dongchangfu's
    _replace(_doc(content, f"{COPY}-2022-01-1"), "孕产妇死亡率控制在", "孕产妇死亡人数控制在")


def retarget(content):      # a compared target changes its value
    _replace(_doc(content, f"{COPY}-2022-01-1"), "value: 8.2", "value: 7.9")


def uncite(content):        # a notice stops citing a plan (its 被引用 goes)
    _replace(_doc(content, "zichuan-2022-01"), "现将《", "现将〈")


def cite_across(content):   # the copy's notice cites a plan of zichuan's (its 被引用 grows)
    _replace(_doc(content, f"{COPY}-2022-01"), "现将《", "依据《淄川区“十四五”妇女发展规划》，现将《")


def uncite_across(content):  # and no longer (an edit of the copy's file alone)
    _replace(_doc(content, f"{COPY}-2022-01"), "依据《淄川区“十四五”妇女发展规划》，", "")


def remove(content):        # a plan goes (its notice's 印发的文件, its units' tasks)
    _doc(content, "zichuan-2022-01-2").unlink()


def add(content):           # a copy of a plan under a new id
    source = _doc(content, "zichuan-2022-01-1")
    source.with_name("zichuan-2022-99.yml").write_text(
        source.read_text(encoding="utf-8").replace("zichuan-2022-01-1", "zichuan-2022-99"), encoding="utf-8")


def rename_unit(content):   # a unit registry entry changes its canonical name's alias list
    _replace(content / "units" / "zichuan.yml", "aliases: []", "aliases: [区别名单位]")


# Each edit, and the jurisdictions it cannot reach: none of their pages may be made again.
# (A plan of zichuan's that goes or comes, or a unit of its twin rows, changes dongchangfu's pages.)
EDITS = [(retitle, ["zichuan"]), (reword, ["zichuan"]), (retarget, ["zichuan"]), (uncite, ["dongchangfu", COPY]),
         (cite_across, ["dongchangfu"]), (uncite_across, ["dongchangfu"]), (remove, []), (add, []), (rename_unit, [])]


def test_every_kind_of_edit_makes_the_docs_a_full_generation_makes(three_places, tmp_path):
    from generator.model import load_corpus
    out = tmp_path / "site"
    docs = tmp_path / "build" / "docs"
    build.build(three_places, out, work=out.parent / "build")
    for edit, untouched in EDITS:
        edit(three_places)
        timings: dict = {}
        build.build(three_places, out, work=out.parent / "build", timings=timings)
        full = build.docs_files(load_corpus(three_places)).files
        on_disk = {str(p.relative_to(docs)) for p in docs.rglob("*") if p.is_file() and p.name != STATE}
        assert on_disk == set(full), edit.__name__
        stale = [path for path, data in full.items() if not path.endswith(".xlsx")
                 and (docs / path).read_bytes() != data]
        assert stale == [], edit.__name__
        theirs = [p for p in full if p.endswith(".md") and p.split("/")[-1].split("-")[0] in untouched]
        assert timings["made"] > 0 and timings["kept"] >= max(len(theirs), 1), edit.__name__
        assert len(theirs) > 20 or not untouched
