"""The importer on the five real gazettes and on excerpts of them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.errors import PolicyError
from generator.reading import import_text, run_import
from importer_support import expected_text, first_difference, held_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"
STEMS = ["zichuan-2022", "dongchangfu-2022", "zhangdian-2021", "yantai-2021", "huaiyin-2022"]

_cache: dict[str, object] = {}


def imported(stem: str, raw: str | None = None):
    if raw is not None:
        return import_text(raw, stem, stem.split("-")[0])
    if stem not in _cache:
        _cache[stem] = import_text(source(stem), stem, stem.split("-")[0])
    return _cache[stem]


def source(stem: str) -> str:
    return (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")


def excerpt(stem: str, first: int, last: int) -> str:
    return "\n".join(source(stem).split("\n")[first - 1:last])


def by_id(result) -> dict[str, dict]:
    return {d["id"]: d for d in result.documents}


# --- inventories (seed notes) --------------------------------------------------------

INVENTORY = {
    "zichuan-2022": (10, ["川政发〔2022〕7号", "川政发〔2022〕8号", "川政发〔2022〕9号", "川政字〔2022〕49号",
                          "川政办发〔2022〕3号", "川政办字〔2022〕26号", "川政办字〔2022〕28号",
                          "川政办字〔2022〕29号", "川政办字〔2022〕31号", "川政办字〔2022〕32号"],
                     {"01": 2, "03": 1, "04": 1, "06": 1, "07": 1, "09": 1, "10": 1}),
    "dongchangfu-2022": (1, ["东昌政发〔2022〕7号"], {"01": 2}),
    "zhangdian-2021": (10, [None, "张政发〔2021〕18号", "张政字〔2021〕86号", "张政字〔2021〕87号",
                            "张政字〔2021〕88号", "张政字〔2021〕89号", "张政字〔2021〕90号",
                            "张政字〔2021〕95号", "张政字〔2021〕96号", "张政发〔2021〕20号"],
                       {"02": 1, "03": 1, "04": 1, "05": 1, "06": 1, "07": 1, "08": 1, "09": 2}),
    "yantai-2021": (1, ["烟政发〔2021〕15号"], {"01": 4}),
    "huaiyin-2022": (13, ["济槐政发〔2022〕4号", "济槐政发〔2022〕5号", "济槐政字〔2022〕13号",
                          "济槐政字〔2022〕14号", "济槐政字〔2022〕16号", "济槐政字〔2022〕20号", None,
                          "槐政办字〔2022〕6号", "槐政办字〔2022〕7号", "济槐政任〔2022〕10号",
                          "济槐政任〔2022〕11号", "济槐政任〔2022〕12号", None],
                     {"01": 2, "02": 1, "03": 1, "04": 1, "05": 1, "06": 1, "07": 1, "09": 1}),
}


@pytest.mark.parametrize("stem", STEMS)
def test_every_notice_and_issued_policy_is_a_document(stem):
    count, numbers, children = INVENTORY[stem]
    docs = imported(stem).documents
    top = [d for d in docs if d["parent"] is None]
    assert [d["id"] for d in top] == [f"{stem}-{n:02d}" for n in range(1, count + 1)]
    assert [d["doc_number"] for d in top] == numbers
    for d in top:
        kids = [c for c in docs if c["parent"] == d["id"]]
        assert len(kids) == children.get(d["id"][-2:], 0), d["id"]
        for c in kids:       # issued policies carry the notice's issuer and date
            assert (c["issuer"], c["date"], c["doc_number"]) == (d["issuer"], d["date"], None)
    assert not imported(stem).unplaced


def test_metadata_of_000():
    docs = by_id(imported("zichuan-2022"))
    n = docs["zichuan-2022-01"]
    assert n["title"] == "淄川区人民政府关于印发《淄川区“十四五”妇女发展规划》《淄川区“十四五”儿童发展规划》的通知"
    assert (n["issuer"], n["date"], n["type"]) == ("淄川区人民政府", "2022-08-14", "通知")
    assert [docs[f"zichuan-2022-01-{m}"]["title"] for m in (1, 2)] == [
        "淄川区“十四五”妇女发展规划", "淄川区“十四五”儿童发展规划"]
    assert docs["zichuan-2022-01-1"]["type"] == "规划"
    assert docs["zichuan-2022-01-1"]["source"]["line_start"] == 21
    v = docs["zichuan-2022-02"]["validity"]
    assert (v["valid_from"], v["valid_until"], v["trial"]) == ("2022-08-15", "2027-08-14", False)
    assert v["lines"] == [7038, 7040]
    assert docs["zichuan-2022-04-1"]["validity"]["valid_until"] == "2023-12-31"
    assert docs["zichuan-2022-06-1"]["title"] == "关于加快全区农村寄递物流体系建设的实施方案"
    assert docs["zichuan-2022-07-1"]["title"] == "淄川区“十四五”时期加快推进儿童友好城市建设行动方案"
    assert docs["zichuan-2022-07-1"]["type"] == "行动方案"
    assert docs["zichuan-2022-10"]["date"] == "2022-06-08"


def test_metadata_of_002():
    docs = by_id(imported("zhangdian-2021"))
    d1 = docs["zhangdian-2021-01"]
    assert (d1["doc_number"], d1["type"], d1["issuer"]) == (None, "实施意见", "张店区人民政府办公室")
    plan = docs["zhangdian-2021-08-1"]     # the 预案 has no title line of its own
    assert plan["title"] == "张店区突发事件总体应急预案" and plan["type"] == "应急预案"
    assert not any(b["kind"] == "header" for b in plan["blocks"])
    v = docs["zhangdian-2021-03-1"]["validity"]
    assert (v["trial"], v["valid_from"], v["valid_until"]) == (True, "2022-02-01", "2023-02-01")
    assert docs["zhangdian-2021-10"]["type"] == "批复"
    assert docs["zhangdian-2021-10"]["date"] == "2022-01-08"
    assert [docs[f"zhangdian-2021-09-{m}"]["title"] for m in (1, 2)] == [
        "张店区“十四五”妇女发展规划", "张店区“十四五”儿童发展规划"]


def test_metadata_of_004():
    docs = by_id(imported("huaiyin-2022"))
    stats = docs["huaiyin-2022-13"]
    assert (stats["type"], stats["issuer"], stats["title"]) == ("统计表", None, "2022年1-12月全区主要经济指标完成情况")
    for n in ("10", "11", "12"):          # 任免 notices issue no policy
        assert docs[f"huaiyin-2022-{n}"]["type"] == "通知"
    plan = docs["huaiyin-2022-02-1"]
    assert plan["validity"]["repeals"] == [{
        "title": "济南市槐荫区人民政府关于印发济南市槐荫区突发事件总体应急预案(试行)的通知",
        "doc_number": "济槐政发〔2006〕12号"}]
    assert plan["validity"]["trial"] is False
    v = docs["huaiyin-2022-03-1"]["validity"]
    assert (v["valid_from"], v["valid_until"]) == ("2022-11-15", "2025-11-14")
    assert docs["huaiyin-2022-04-1"]["title"] == "槐荫区“十四五”残疾人事业发展规划"
    assert docs["huaiyin-2022-06-1"]["title"] == "济南市槐荫区推进企业上市“五年攻坚”行动计划"
    assert docs["huaiyin-2022-07"]["issuer"] == "中共济南市槐荫区委办公室、济南市槐荫区人民政府办公室"


# --- text conservation ----------------------------------------------------------------

@pytest.mark.parametrize("stem", STEMS)
def test_every_character_is_held_by_some_block_in_order(stem):
    result = imported(stem)
    held, want = held_text(result.documents), expected_text(source(stem), result.manifest)
    i = first_difference(held, want)
    assert i is None, f"{stem}: held {held[i - 20:i + 30]!r} but source has {want[i - 20:i + 30]!r}"


# --- excerpts ---------------------------------------------------------------------------

def test_000_hard_wraps_with_blank_lines_become_paragraphs():
    result = imported("zichuan-2022", excerpt("zichuan-2022", 1, 520))
    plan = by_id(result)["zichuan-2022-01-1"]
    goal = next(b for b in plan["blocks"] if b["kind"] == "section" and b["lines"][0] == 279)
    assert (goal["level"], goal["number"], goal["lines"]) == (4, "（2）", [279, 283])
    assert goal["text"] == "孕产妇死亡率控制在 8.2/10万以下，城乡、区域差距逐步缩小。（牵头单位：区卫健局）"
    # the running header + page number inside a sentence are furniture, the sentence is whole
    kinds = {(f["kind"], f["lines"][0]) for f in result.manifest["furniture"]}
    assert {("running-header", 490), ("page-number", 492)} <= kinds
    joined = next(b for b in plan["blocks"] if b["lines"][0] <= 486 <= b["lines"][1])
    assert "宣传教育，提高妇女的防范意识和能力" in joined["text"]
    assert joined["lines"][1] >= 494


def test_000_false_heading_traps():
    plan = by_id(imported("zichuan-2022"))["zichuan-2022-01-2"]
    numbers = [b["number"] for b in plan["blocks"] if b["kind"] == "section"]
    assert "（7）" in numbers and not any(n.startswith("（7）5") for n in numbers)
    notice = by_id(imported("zichuan-2022"))["zichuan-2022-10-1"]
    closing = [b["text"] for b in notice["blocks"] if b["kind"] == "closing"]
    assert any(t.startswith("附件：1.2022 年") and "2.淄川区×××政务公开工作任务台账（示例）" in t
               for t in closing)


def test_002_tab_tables_and_bookmarks():
    result = imported("zhangdian-2021")
    plan = by_id(result)["zhangdian-2021-03-1"]
    table = next(b for b in plan["blocks"] if b["kind"] == "table")
    assert table["caption"] == "张店区社会信用体系建设工作重点及责任分工表"
    assert table["header"] == ["序号", "任务说明", "任务细化", "完成时限", "责任单位"]
    assert len(table["rows"]) == 42 and all(len(r) == 5 for r in table["rows"])
    assert table["rows"][2][0] == "3" and table["rows"][3][:2] == ["", ""]     # merged cells
    assert table["lines"] == [468, 727]
    bookmarks = [f for f in result.manifest["furniture"] if f["kind"] == "bookmark"]
    assert len(bookmarks) == 362
    for d in result.documents:
        for b in d["blocks"]:
            assert "[bookmark" not in str(b)
    score = next(b for b in by_id(result)["zhangdian-2021-04-1"]["blocks"] if b["kind"] == "table")
    assert len(score["header"]) == 5 and len(score["rows"]) >= 90


def test_002_letter_spaced_chapter_titles_are_joined():
    # 747 `第1章<TAB>总<NBSP>则`, 825 `第七章 附 则`: letter-spacing, not two words
    blocks = by_id(imported("zhangdian-2021"))["zhangdian-2021-04-1"]["blocks"]
    chapters = [(b["number"], b["title"]) for b in blocks if b["kind"] == "section" and b["level"] == 1]
    assert chapters[0] == ("第1章", "总则") and chapters[-1] == ("第七章", "附则")


def test_004_header_repeated_after_page_break_is_furniture():
    result = imported("huaiyin-2022")
    table = next(b for b in by_id(result)["huaiyin-2022-03-1"]["blocks"] if b["kind"] == "table")
    assert [r[0] for r in table["rows"]] == ["一", "二", "三", "四", "五", "六"]
    assert any(f["kind"] == "table-header-repeat" and f["lines"] == [1800, 1800]
               for f in result.manifest["furniture"])
    # a table broken by a blank line (page break) stays one table
    catalog = [b for b in by_id(result)["huaiyin-2022-02-1"]["blocks"] if b["kind"] == "table"]
    assert [len(t["rows"]) for t in catalog] == [6, 13, 4, 2]


def test_004_imprint_lines_delimit_notices():
    text = excerpt("huaiyin-2022", 2796, 3468)
    docs = imported("huaiyin-2022", text).documents
    assert [d["doc_number"] for d in docs if not d["parent"]] == [
        "槐政办字〔2022〕6号", "槐政办字〔2022〕7号", "济槐政任〔2022〕10号", "济槐政任〔2022〕11号",
        "济槐政任〔2022〕12号", None]
    assert docs[-1]["type"] == "统计表"
    # the 药品预案's markdown table of contents is furniture; its 一、总则 appears once
    plan = next(d for d in docs if d["title"] == "槐荫区药品安全事件应急预案")
    assert [b["title"] for b in plan["blocks"] if b["kind"] == "section"].count("总则") == 1


def test_001_repeated_contents_are_furniture():
    result = imported("dongchangfu-2022")
    tocs = [f for f in result.manifest["furniture"] if f["kind"] == "table-of-contents"]
    assert [t["lines"] for t in tocs] == [[18, 50], [598, 628]]
    plan = by_id(result)["dongchangfu-2022-01-1"]
    titles = [b["title"] for b in plan["blocks"] if b["kind"] == "section" and b["level"] == 1]
    assert titles == ["前言", "指导思想和基本原则", "总体目标", "发展领域、主要目标和策略措施", "组织实施", "监测评估"]
    # a responsibility parenthetical on the next line belongs to its goal
    goal = next(b for b in plan["blocks"] if b["lines"][0] == 110)
    assert goal["lines"] == [110, 111]
    assert "牵头单位" in goal["text"]


# --- re-typeset invariance ---------------------------------------------------------------

def outline_of(result) -> list:
    """Documents and their numbered outline. Unnumbered paragraph breaks are left
    out: where a hard-wrapped paragraph happens to fill its last line, nothing
    in the text tells it from a wrap."""
    return [(d["id"], d["title"].replace("县", "区"), d["doc_number"], d["type"], d["parent"],
             d["issuer"] and d["issuer"].replace("县", "区"), d["date"],
             [(b["number"], b["level"]) for b in d["blocks"] if b["kind"] == "section"])
            for d in result.documents]


def rewrap(raw: str, columns: int) -> str:
    """Re-typeset a gazette in the hard-wrapped layout of 000 at another width."""
    from generator.reading import lines as lines_stage, tables, text
    lines, _ = text.read_lines(raw)
    text.mark_furniture(lines)
    paras = lines_stage.join(lines, tables.find_tables(lines, lines_stage.hard_start))
    out = []
    for p in paras:
        if p.table or p.boundary:
            continue
        if not re.search(r"[\u4e00-\u9fff]", p.text):     # URLs are not broken
            out += [p.text, ""]
            continue
        chunk, width = "", 0
        for ch in p.text:
            w = text.width(ch)
            if width + w > columns:
                out += [chunk, ""]
                chunk, width = "", 0
            chunk, width = chunk + ch, width + w
        out += [chunk, ""]
    return "\n".join(out)


@pytest.mark.parametrize("columns", [28, 44])
def test_000_rewrapped_to_another_width_imports_the_same(columns):
    raw = source("zichuan-2022")
    assert outline_of(imported("zichuan-2022", rewrap(raw, columns))) == outline_of(imported("zichuan-2022"))


def move_page_breaks(raw: str, every: int) -> str:
    """Split every n-th long prose line mid-sentence, as a page break does."""
    out, n = [], 0
    for line in raw.split("\n"):
        cut = len(line) // 2
        if len(line) > 60 and "\t" not in line and re.match(r"[\u4e00-\u9fff]{2}", line[cut:cut + 2]) \
                and not re.search(r"[。；：，、]", line[cut - 1:cut + 1]):
            n += 1
            if n % every == 0:
                out += [line[:cut], "", line[cut:]]
                continue
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("stem", ["dongchangfu-2022", "zhangdian-2021", "yantai-2021", "huaiyin-2022"])
def test_moved_page_breaks_and_county_for_district_import_the_same(stem):
    raw = move_page_breaks(source(stem), 3).replace("区", "县")
    assert outline_of(imported(stem, raw)) == outline_of(imported(stem))


# --- files, edit protection, bad input ------------------------------------------------------

@pytest.fixture()
def content(tmp_path):
    root = tmp_path / "content"
    (root / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "jurisdictions.yml", root)
    shutil.copy(SOURCES / "dongchangfu-2022.txt", root / "sources")
    return root


def test_import_writes_valid_yaml_and_protects_edits(content, capsys):
    assert run_import(content) == 0
    doc = content / "documents" / "dongchangfu" / "dongchangfu-2022-01-1.yml"
    first = doc.read_text(encoding="utf-8")
    assert first.startswith("# policykb import: checksum ")
    assert yaml.safe_load(first)["title"] == "东昌府区“十四五”妇女发展规划"
    manifest = yaml.safe_load((content / "sources" / "dongchangfu-2022.yml").read_text(encoding="utf-8"))
    assert manifest["documents"] == ["dongchangfu-2022-01", "dongchangfu-2022-01-1", "dongchangfu-2022-01-2"]

    stamp = doc.stat().st_mtime_ns
    assert run_import(content) == 0
    assert doc.stat().st_mtime_ns == stamp          # unchanged output is not rewritten

    edited = first.replace("title: 东昌府区“十四五”妇女发展规划", "title: 东昌府区妇女发展规划（修订）")
    doc.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert run_import(content) == 0          # keeping an edit is no failure; it is said
    assert doc.read_text(encoding="utf-8") == edited
    assert "dongchangfu-2022-01-1.yml" in capsys.readouterr().out

    assert run_import(content, force=True) == 0
    assert doc.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("data, line", [("淄川区人民政府\n关于".encode("gbk"), 1), (b"\n  \n", 1),
                                        ("一、总则\n".encode("utf-8") + "第二行".encode("gbk"), 2)])
def test_bad_input_is_a_policy_error_with_file_and_line(content, capsys, data, line):
    bad = content / "sources" / "zichuan-2022.txt"
    bad.write_bytes(data)
    with pytest.raises(PolicyError) as exc:
        run_import(content, [bad])
    assert exc.value.file == str(bad) and exc.value.line == line
    assert cli.main(["--content", str(content), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:{line}:" in err and "Traceback" not in err


def test_unknown_jurisdiction_names_the_file(content):
    """No jurisdiction id in the name, no issuing government in the text: say so."""
    stray = content / "sources" / "atlantis-2022.txt"
    stray.write_text(excerpt("dongchangfu-2022", 40, 60), encoding="utf-8")
    with pytest.raises(PolicyError) as exc:
        run_import(content, [stray])
    assert exc.value.file == str(stray) and exc.value.field == "jurisdiction"
    assert "--jurisdiction" in str(exc.value)


def test_any_file_name_the_jurisdiction_read_from_the_issuer(content, tmp_path, capsys):
    """A file named anyhow, outside content/: copied into sources/ under <jurisdiction>-<year>,
    its jurisdiction read from its issuer and added to the registry for review."""
    outside = tmp_path / "辽中区2024年任务分解.txt"
    outside.write_bytes((ROOT / "tests" / "realtexts" / "liaoning-liaozhong-2024-1.txt").read_bytes())
    assert run_import(content, [outside]) == 0
    out = capsys.readouterr().out
    assert "added jurisdiction liaozhong (沈阳市辽中区)" in out
    registry = yaml.safe_load((content / "jurisdictions.yml").read_text(encoding="utf-8"))
    assert registry[-1] == {"id": "liaozhong", "name": "沈阳市辽中区", "short_name": "辽中区", "level": "区",
                            "parent": "沈阳市", "review": True}
    assert (content / "sources" / "liaozhong-2024.txt").read_bytes() == outside.read_bytes()
    doc = yaml.safe_load((content / "documents" / "liaozhong" / "liaozhong-2024-01.yml").read_text(encoding="utf-8"))
    assert doc["source"]["file"] == "sources/liaozhong-2024.txt"
    assert cli.main(["--content", str(content), "check"]) == 0
    assert "review: jurisdiction liaozhong" in capsys.readouterr().out


def test_a_jurisdiction_given_names_every_file(content, tmp_path):
    text = tmp_path / "notice.txt"
    text.write_text(excerpt("dongchangfu-2022", 1, 40), encoding="utf-8")
    assert run_import(content, [text], jurisdiction="dongchangfu") == 0
    assert (content / "sources" / "dongchangfu-2022.txt").exists()


def test_unplaced_text_fails_import_and_check_unless_allowed(content, tmp_path, capsys):
    """Text that fits no document, and a responsibility no item holds, are listed and
    make import and check exit 1; --allow-unplaced accepts them knowingly."""
    raw = source("dongchangfu-2022") + "\n\n由区财政局负责落实资金保障工作，区审计局配合\n"
    gazette = content / "sources" / "dongchangfu-2022.txt"
    gazette.write_text(raw, encoding="utf-8")
    assert run_import(content, [gazette]) == 1
    out = capsys.readouterr().out
    assert "unplaced" in out and "--allow-unplaced" in out
    assert cli.main(["--content", str(content), "check"]) == 1
    assert "unplaced: sources/dongchangfu-2022.txt:" in capsys.readouterr().out
    assert cli.main(["--content", str(content), "check", "--allow-unplaced"]) == 0
    assert run_import(content, [gazette], allow_unplaced=True) == 0


def test_generated_content_is_committed_and_current():
    """content/ holds what `policykb import` produces (or hand edits of it)."""
    for stem in STEMS:
        manifest = yaml.safe_load((SOURCES / f"{stem}.yml").read_text(encoding="utf-8"))
        assert manifest["documents"] == [d["id"] for d in imported(stem).documents]


def test_two_imports_of_one_jurisdiction_make_what_one_import_makes(tmp_path):
    """A gazette in two files imported by two calls: the same registry as one call with both."""
    halves = source("zichuan-2022").split("\n")
    cut = next(i for i, line in enumerate(halves) if "川政发〔2022〕9号" in line) - 3
    registries = []
    for calls in ([["a"], ["b"]], [["a", "b"]]):
        content = tmp_path / str(len(calls)) / "content"
        (content / "sources").mkdir(parents=True)
        shutil.copy(ROOT / "content" / "jurisdictions.yml", content)
        for part, text in (("a", halves[:cut]), ("b", halves[cut:])):
            (content / "sources" / f"zichuan-2022-{part}.txt").write_text("\n".join(text), encoding="utf-8")
        for call in calls:
            run_import(content, [content / "sources" / f"zichuan-2022-{p}.txt" for p in call], allow_unplaced=True)
        registries.append(sorted((u["name"], sorted(u["aliases"]))
                                 for u in yaml.safe_load((content / "units" / "zichuan.yml").read_text("utf-8"))))
        assert cli.main(["--content", str(content), "export", "--output", str(tmp_path / "data.json")]) == 0
    assert registries[0] == registries[1]


def test_an_import_that_fails_part_way_changes_nothing(content, monkeypatch):
    """The unit registry cannot be written: the documents written before it are taken back."""
    from generator.reading import registry
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(content / "units"))

    monkeypatch.setattr(registry, "update", full_disk)
    with pytest.raises(OSError):
        run_import(content, [content / "sources" / "dongchangfu-2022.txt"])
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_a_deadline_without_a_year_takes_the_year_the_title_names():
    """No signature date: 6月底前 falls in the year of 2023年重点工作任务."""
    text = ("某某县2023年重点工作任务分解\n"
            "一、扩大有效投资\n"
            "1.新开工重点项目30个，6月底前完成前期手续。（责任单位：县发改局）\n"
            "2.各乡镇每月25日前报送项目进展情况。（责任单位：县统计局）\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    items = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(i["deadline"]["text"], i["deadline"]["date"]) for i in items] == [("6月底前", "2023-06-30"),
                                                                                ("每月25日前", None)]


@pytest.mark.parametrize("text,title,issuer", [
    # no signature: the title names its issuer, before 关于 or 转发 (a township too)
    ("青石乡关于做好森林防火工作的通知\n各村委会：\n一、各村要落实巡山制度。\n",
     "青石乡关于做好森林防火工作的通知", "青石乡"),
    ("某某市人民政府办公厅转发某某省人民政府办公厅关于做好统计工作的通知的通知\n"
     "各县区人民政府：\n现将通知转发给你们，请认真贯彻执行。\n",
     "某某市人民政府办公厅转发某某省人民政府办公厅关于做好统计工作的通知的通知", "某某市人民政府办公厅"),
])
def test_the_issuer_a_title_opens_with(text, title, issuer):
    doc = import_text(text, "mouxiang-2010", "mouxiang").documents[0]
    assert (doc["title"], doc["issuer"]) == (title, issuer)


def test_a_one_line_copy_with_a_space_before_hao():
    """A web copy printed on one line, parts set off by spaces, 文号 printed 〔2009〕47 号."""
    text = ("某某市人民政府办公厅关于印发某某规定的通知 某府办发〔2009〕47 号 各县（市）、区人民政府： "
            "《某某规定》经市政府同意，现予印发，请认真组织实施。 某某市人民政府办公厅 二〇〇九年九月十日\n")
    doc = import_text(text, "moushi-2009", "moushi").documents[0]
    assert (doc["doc_number"], doc["date"]) == ("某府办发〔2009〕47号", "2009-09-10")


def test_a_web_pages_name_field_loses_the_wen_hao_printed_before_the_title():
    from generator.reading.metadata import _meta_title
    assert _meta_title({"title": "某政发〔2024〕3号 某某县人民政府 关于建立工作调度机制的通知"}) == \
        "某某县人民政府关于建立工作调度机制的通知"


@pytest.mark.parametrize("head,number", [
    ("某某市人民政府\n某府令第 58 号\n", "某府令第58号"),                 # the number on its own line
    ("政府令【第58号】某某市农村公路养护管理办法\n", "政府令【第58号】"),     # glued to what it promulgates
    ("某某市农村公路养护管理办法\n某某市人民政府\n", None),              # no number at all
])
def test_a_government_order_is_untitled_and_issues_what_it_promulgates(head, number):
    """令: no addressees, 《X》已经…通过，现予公布, signed by the head of government; X follows."""
    text = ("某某市农村公路养护管理办法\n" + head +
            "《某某市农村公路养护管理办法》已经2012年5月8日市人民政府第9次常务会议通过，现予公布，自2012年7月1日起施行。\n"
            "市长　王某某\n二〇一二年五月二十日\n"
            "某某市农村公路养护管理办法\n"
            "第一条　为加强农村公路养护管理，制定本办法。\n"
            "第二条　市交通运输局负责全市农村公路养护的监督管理。\n")
    order, policy = import_text(text, "moushi-2012", "moushi").documents
    assert (order["title"], order["date"]) == ("（无标题）", "2012-05-20")
    assert order["doc_number"] == number
    assert (policy["title"], policy["parent"]) == ("某某市农村公路养护管理办法", order["id"])


@pytest.mark.parametrize("head", [
    # the promulgated title and the order's number on one line, the signature on one line
    "某某市养犬管理办法 某某市人民政府令 第58号\n"
    "《某某市养犬管理办法》已经2016年11月8日市人民政府第9次常务会议通过，现予公布，自2017年1月1日起施行。\n"
    "市长 王某某 2016年11月20日\n",
    # the whole head flattened into one line, its parts set apart by spaces
    "某某市人民政府令 第58号 《某某市养犬管理办法》已经2016年11月8日市人民政府第9次常务会议通过，现予公布，"
    "自2017年1月1日起施行。 市长 王某某 2016年11月20日\n",
])
def test_a_government_orders_head_run_together_is_read_part_by_part(head):
    text = head + "某某市养犬管理办法\n第一条　为规范养犬行为，制定本办法。\n第二条　市公安局负责养犬登记。\n"
    order, policy = import_text(text, "moushi-2016", "moushi").documents
    assert (order["title"], order["doc_number"], order["issuer"], order["date"]) == (
        "（无标题）", "某某市人民政府令第58号", "某某市人民政府", "2016-11-20")
    assert (policy["title"], policy["parent"], policy["doc_number"]) == ("某某市养犬管理办法", order["id"], None)


def test_a_law_databases_bracketed_fields_give_the_orders_number_with_its_year():
    """【发布文号】X 【发布日期】Y: labels in brackets need no colon; the field's number is the head's with its year."""
    text = ("【发布文号】某某市人民政府令2016年第58号 【发布日期】2016-11-25 【生效日期】2017-01-01\n"
            "【文件来源】某某市人民政府\n"
            "某某市养犬管理办法 某某市人民政府令 第58号\n"
            "《某某市养犬管理办法》已经市人民政府常务会议通过，现予公布。\n市长 王某某 2016年11月20日\n"
            "某某市养犬管理办法\n第一条　为规范养犬行为，制定本办法。\n")
    order, _ = import_text(text, "moushi-2016", "moushi").documents
    assert (order["doc_number"], order["issuer"], order["published"]) == (
        "某某市人民政府令2016年第58号", "某某市人民政府", "2016-11-25")


def test_a_title_printed_twice_on_one_wrap_is_one_title():
    """A web page's heading (《T》, with the 文号) runs on into the document's own T: one title, not TT."""
    text = ("某府办发〔2020〕3号《某某市人民政府办公厅关于做好统计报送工作的通知》\n"
            "某某市人民政府办公厅关于做好统计报送工作的通知\n"
            "某府办发〔2020〕3号\n各县区人民政府，市直各部门：\n"
            "现将有关事项通知如下：\n一、市统计局负责汇总全市统计报表。\n")
    (doc,) = import_text(text, "moushi-2020", "moushi").documents
    assert (doc["title"], doc["doc_number"]) == ("某某市人民政府办公厅关于做好统计报送工作的通知", "某府办发〔2020〕3号")


def test_an_issuer_only_a_news_lead_in_names():
    """No signature, no issuer in the head: 某某市人民政府印发通知 above the copy says whose it is."""
    text = ("近日，某某市人民政府印发通知，部署今年重点工作。\n"
            "关于落实《政府工作报告》\n重点工作的任务分工\n"
            "一、扩大有效投资\n1.新开工重点项目30个。（市发展改革委牵头）\n")
    doc = import_text(text, "moushi-2020", "moushi").documents[0]
    assert (doc["title"], doc["issuer"]) == ("关于落实《政府工作报告》重点工作的任务分工", "某某市人民政府")


def test_a_markdown_metadata_table_and_a_validity_row_stay_out_of_the_document():
    """|文号|…|成文日期|…| with its |---|---| rule, and 文件有效性: the document's fields, not a table or a title."""
    text = ("文 号 | 某政办〔2021〕5号 | 成文日期 | 2021-03-02 |\n---|---|---|---|\n"
            "发布机构 | 某某县人民政府办公室 | 文件有效性 | 有效 |\n\n"
            "县人民政府办公室关于做好春耕生产的通知\n各乡镇人民政府：\n一、县农业农村局负责种子供应。\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert (doc["title"], doc["doc_number"], doc["date"]) == \
        ("县人民政府办公室关于做好春耕生产的通知", "某政办〔2021〕5号", "2021-03-02")


def test_a_fabu_wenhao_field_gives_the_wen_hao():
    """发布文号: a law database's label for the 文号, printed in square brackets."""
    text = ("某某省人民政府关于加强水利建设的通知\n\n发布部门: 某某省人民政府\n发布文号: 某政文[2006]12号\n\n"
            "各设区市人民政府：\n一、省水利厅负责全省水利建设。\n")
    (doc,) = import_text(text, "moushi-2006", "moushi").documents
    assert doc["doc_number"] == "某政文[2006]12号"


def test_a_law_databases_fields_fill_the_document():
    """【颁布单位】【发文字号】【颁布日期】【实施日期】【时效性】: a law database's labels, none of them the title's."""
    text = ("某某市养犬管理办法\n【颁布单位】某某市人民政府 【发文字号】某政发〔2016〕12号\n"
            "【颁布日期】2016-11-25 【实施日期】2017-01-01 【时效性】现行有效 【效力级别】地方政府规章\n"
            "第一条　为规范养犬行为，制定本办法。\n第二条　市公安局负责养犬登记。\n")
    (doc,) = import_text(text, "moushi-2016", "moushi").documents
    assert (doc["title"], doc["issuer"], doc["doc_number"], doc["date"], doc["published"]) == (
        "某某市养犬管理办法", "某某市人民政府", "某政发〔2016〕12号", None, "2016-11-25")


def test_a_pages_own_date_under_a_label_of_its_own_is_chrome():
    """归档时间:2018-11-21 at the top of a page: no part of the title below it."""
    text = ("归档时间:2018-11-21\n\n某某市人民政府办公室关于做好防汛工作的通知(某政办发〔2017〕2号)\n\n"
            "各县市区人民政府：\n现将有关事项通知如下：\n一、市水利局负责防汛调度。\n")
    (doc,) = import_text(text, "moushi-2017", "moushi").documents
    assert (doc["title"], doc["doc_number"]) == ("某某市人民政府办公室关于做好防汛工作的通知", "某政办发〔2017〕2号")


def test_a_quoted_heading_cut_short_is_not_glued_to_the_title():
    """《T… (the page's heading lost its end and its 》) above the document's own title: one title, T's."""
    text = ("《某某市加快发展数字经济\n\n某某市人民政府办公室关于印发某某市\n加快发展数字经济\n行动方案的通知\n\n"
            "某府办〔2022〕8号\n\n各区人民政府：\n现将《行动方案》印发给你们，请认真组织实施。\n")
    doc = import_text(text, "moushi-2022", "moushi").documents[0]
    assert (doc["title"], doc["doc_number"]) == ("某某市人民政府办公室关于印发某某市加快发展数字经济行动方案的通知", "某府办〔2022〕8号")


def test_a_page_number_after_a_rule_is_furniture():
    """A PDF copy prints the page's rule and its number on one line (— — — 2 —): not part of the title below."""
    text = ("某某区人民政府办公室\n2019 年 4 月 16 日\n— — — 2 —\n某某区落实《关于加强街道工作的意见》\n的任务分解方案\n"
            "一、加强基层治理\n1.完善街道管理体制。\n牵头单位：区委组织部\n")
    doc = import_text(text, "mouqu-2019", "mouqu").documents[-1]
    assert doc["title"] == "某某区落实《关于加强街道工作的意见》的任务分解方案"


@pytest.mark.parametrize("promulgation", [
    "《某某市河道管理办法》已经2019年3月5日市人民政府第12次常务会议审议通过，现予以公布，自2019年5月1日起施行。",
    "《某某市河道管理办法》业经市人民政府常务会议审议通过，现予发布。",
    "现发布《某某市河道管理办法》，自发布之日起施行。",
    "现将《某某市河道管理办法》予以公布，自2019年5月1日起施行。",
])
def test_every_wording_of_an_orders_promulgation_makes_an_order(promulgation):
    """An order (令) is known by its number (no title above it), names its government in it, is of type 令,
    and issues what it promulgates, however the sentence words the promulgation."""
    text = ("某某市人民政府令\n第8号\n" + promulgation + "\n市长　李某某\n2019年3月20日\n"
            "某某市河道管理办法\n第一条　为加强河道管理，制定本办法。\n第二条　市水务局负责全市河道的监督管理。\n")
    order, rules = import_text(text, "moushi-2019", "moushi").documents
    assert (order["title"], order["doc_number"], order["issuer"], order["date"], order["type"]) == \
        ("（无标题）", "某某市人民政府令第8号", "某某市人民政府", "2019-03-20", "令")
    assert (rules["title"], rules["parent"], rules["issuer"]) == ("某某市河道管理办法", order["id"], "某某市人民政府")


def test_a_law_databases_fields_run_into_the_text_are_the_pages_metadata():
    """A record printed on one line: its title, its 【label】value fields (no colon), the title again with
    the 文号, the addressees and the text; then the signature run on into the title the notice quoted and
    into that policy's first sentence."""
    text = ("某某市人民政府关于印发某某市清洁城市行动方案的通知【法规类别】环境卫生【发文字号】某政明电[2016]3号"
            "【发布部门】某某市政府【发布日期】2016.04.12【效力级别】XP10某某市人民政府关于印发某某市清洁城市行动方案的通知"
            "(某政明电【2016】3号)各区人民政府,市政府有关部门:现将《某某市清洁城市行动方案》印发给你们,请认真遵照执行。\n\n"
            "某某市人民政府2016年4月12日某某市清洁城市行动方案为改善城市环境,结合我市实际,制定本方案。\n\n"
            "一、主要任务\n1.整治背街小巷50条。(责任单位:市城管局)\n")
    result = import_text(text, "moushi-2016", "moushi")
    notice, plan = result.documents
    assert (notice["title"], notice["doc_number"], notice["date"], notice["published"]) == \
        ("某某市人民政府关于印发某某市清洁城市行动方案的通知", "某政明电【2016】3号", "2016-04-12", "2016-04-12")
    assert (plan["title"], plan["parent"]) == ("某某市清洁城市行动方案", notice["id"])
    assert "【法规类别】" not in "".join(b.get("text") or "" for b in notice["blocks"])
    assert [f["text"][:6] for f in result.manifest["furniture"] if f["kind"] == "web-metadata"] == ["【法规类别】"]


def test_a_law_databases_fields_one_a_line_and_a_wen_hao_before_the_addressees():
    """【发布文号】X with no colon is the 文号 field; dashes fill an empty field; （文号）主送： on one line."""
    text = ("【发布文号】某政发[1996]21号\n【发布日期】1996-05-06\n【失效日期】-----------\n【文件来源】-----------\n"
            "自治区人民政府关于\n印发某某工程计划的通知\n(某政发〔1996〕21号)各州、市人民政府,自治区人民政府各部门:\n"
            "现将《某某工程计划》印发给你们,请认真贯彻执行。\n")
    (doc,) = import_text(text, "mouqu-1996", "mouqu").documents
    assert (doc["title"], doc["doc_number"], doc["published"]) == \
        ("自治区人民政府关于印发某某工程计划的通知", "某政发〔1996〕21号", "1996-05-06")
    assert doc["source"].get("publication") is None
    assert [b["kind"] for b in doc["blocks"][1:3]] == ["header", "addressee"]


def test_a_signature_run_on_into_the_title_the_notices_own_title_names():
    """No 《X》 in the notice's sentence: its title (关于印发X的通知) tells where X's title ends."""
    text = ("某某县人民政府关于印发某某县春季植树行动方案的通知\n各乡镇人民政府：\n现将行动方案印发给你们，请认真贯彻执行。\n"
            "某某县人民政府2021年3月1日某某县春季植树行动方案为绿化美化县城，制定本方案。\n"
            "一、县林业局负责苗木调配。\n")
    notice, plan = import_text(text, "mouxian-2021", "mouxian").documents
    assert (notice["date"], plan["title"], plan["parent"]) == ("2021-03-01", "某某县春季植树行动方案", notice["id"])


def test_a_notice_surviving_as_its_title_above_the_plans_preamble():
    """The copy kept only the notice's title (a page heading); the plan it issues starts at once with its
    own preamble (…制定本方案), whose cited titles (《…关于印发…的通知》) hand nothing over."""
    text = ("某某关于印发优化营商环境行动方案的通知\n"
            "为贯彻落实《某某省人民政府办公厅关于印发优化营商环境若干措施的通知》精神，结合我市实际，制定本方案。\n"
            "一、提速审批\n（一）精简审批事项。（责任单位：市行政审批局）\n")
    notice, plan = import_text(text, "moushi-2019", "moushi").documents
    assert (plan["title"], plan["parent"]) == ("优化营商环境行动方案", notice["id"])


@pytest.mark.parametrize("fields,issuer,date", [
    ("索 引 号 123/2016-1 发文时间 2016-07-04\n发布机构 某某市政府办 文 号\n", "某某市政府办", "2016-07-04"),
    ("发布机构：某某县委办\n印发日期：2017-03-02\n", "某某县委办", "2017-03-02"),
])
def test_page_fields_name_an_office_by_its_short_form_and_date_it_under_any_label(fields, issuer, date):
    text = (fields + "标 题: 某某市森林火灾应急预案\n某某市森林火灾应急预案\n1 总则\n"
            "1.1 各县（区）人民政府负责本行政区域的森林防火工作。\n")
    (doc,) = import_text(text, "moushi-2016", "moushi").documents
    assert (doc["issuer"], doc["date"]) == (issuer, date)


@pytest.mark.parametrize("fields,signature,date", [
    ("生成日期：2022-12-02\n成文日期：2022-11-28\n", "", "2022-11-28"),     # a 成文日期 field wins
    ("生成日期：2022-12-02\n", "某某市人民政府办公室\n2022年11月25日\n", "2022-11-25"),   # a signature wins
    ("生成日期：2022-12-02\n", "", "2022-12-02"),        # the only date the copy gives
])
def test_a_generation_date_is_the_date_only_where_the_copy_gives_no_other(fields, signature, date):
    text = ("索引号：123/2022-1\n" + fields + "文号：某府办发〔2022〕9号\n"
            "某某市人民政府办公室关于做好冬季供暖工作的通知\n各区人民政府：\n一、市住建局负责供暖监管。\n" + signature)
    doc = import_text(text, "moushi-2022", "moushi").documents[0]
    assert doc["date"] == date


def test_the_sites_name_above_the_pages_byline_is_no_issuer():
    """• 某县人民政府 / • 发布时间 / • 来源 under a heading: the site's byline; the issuer is the page's 发布机构."""
    text = ("• 发布机构: 某某县卫健局\n• 成文日期: 2023年08月16日\n\n关于做好病媒生物防制工作的通知\n\n"
            "• 某某县人民政府\n• 发布时间:2023年08月25日\n• 来源: 某某县爱卫办\n\n关于做好病媒生物防制工作的通知\n"
            "各乡镇人民政府:\n一、各乡镇要开展环境卫生整治。\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert (doc["title"], doc["issuer"], doc["date"]) == ("关于做好病媒生物防制工作的通知", "某某县卫健局", "2023-08-16")


@pytest.mark.parametrize("head,number", [
    ("某县政务公开202210\n", "某县政务公开202210"),          # brackets and 号 lost
    ("", "〔2023〕"),                                          # a 文号 field that kept only its year
])
def test_a_wen_hao_that_lost_characters_is_kept_as_printed(head, number):
    text = ("文号：〔 2023〕\n发布时间：2023-07-24\n\n" + head + "关于做好政务公开工作的通知\n各乡镇人民政府：\n"
            "一、各乡镇要做好政务公开。\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert doc["doc_number"] == number


def test_a_source_run_on_into_the_text_gives_the_fuller_issuer():
    """发布日期…来源:X and the text on one line: X, the organ it opens with, is the title's issuer in full."""
    text = ("区人民政府办公室关于做好防汛工作的通知\n"
            "发布日期:2023-05-07 10:05 文章来源:某某市某某区人民政府办公室2023年汛期将至。现就有关事项通知如下。\n"
            "一、区水务局负责全区防汛调度。\n")
    doc = import_text(text, "mouqu-2023", "mouqu").documents[0]
    assert doc["issuer"] == "某某市某某区人民政府办公室"


@pytest.mark.parametrize("lead_in,title,issuer", [
    ("近日，中共某某省委办公厅、某某省人民政府办公厅发布《某某省河长制实施细则》。", "某某省河长制实施细则",
     "中共某某省委办公厅、某某省人民政府办公厅"),
    ("今天，某某网发布了《省人民政府办公厅关于印发某某省2019年工作计划的通知》。", "某某省2019年工作计划", "省人民政府办公厅"),
])
def test_a_copy_without_its_head_takes_the_document_a_news_lead_in_cites(lead_in, title, issuer):
    text = lead_in + "\n第一条 为了落实责任，制定本细则。\n第二条 省水利厅负责全省河湖管理。\n"
    doc = import_text(text, "moushi-2019", "moushi").documents[0]
    assert (doc["title"], doc["issuer"]) == (title, issuer)


def test_a_copy_starting_in_a_notices_signature_is_that_notice_and_its_policy():
    """The notice's last words and signature, then a policy's title: an untitled notice issuing the policy."""
    text = ("请认真贯彻执行。\n某某区人民政府办公室\n2020年5月6日\n某某区垃圾分类工作方案\n"
            "一、工作目标\n1.到2020年底，全区生活垃圾分类覆盖率达到90%。\n牵头单位：区城管委\n")
    notice, policy = import_text(text, "mouqu-2020", "mouqu").documents
    assert (notice["title"], notice["issuer"], notice["date"]) == ("（无标题）", "某某区人民政府办公室", "2020-05-06")
    assert (policy["title"], policy["parent"], policy["date"]) == ("某某区垃圾分类工作方案", notice["id"], "2020-05-06")


def test_a_web_pages_fields_name_a_short_issuer_and_a_bulletins_serial():
    from generator.reading.metadata import _issuer, _meta_number
    assert _issuer(None, None, None, {"issuer": "区政府"}) == "区政府"
    assert _issuer(None, None, None, {"issuer": "县政府办"}) == "县政府办"
    assert _issuer(None, None, None, {"issuer": "县政府办"}, "某政发〔2021〕3号") == "县政府"
    assert _issuer(None, None, None, {"issuer": "县政府网站"}) is None
    assert _meta_number({"doc_number": "督查通报第十七期"}) == "督查通报第十七期"


@pytest.mark.parametrize("number,issuer", [
    ("某政发〔2021〕2号", "某某县人民政府"),          # the government's own 文号: its office only published it
    ("某政办发〔2021〕2号", "县人民政府办公室"),       # the office's own
    ("某财发〔2021〕2号", "县人民政府办公室"),         # a department's: nothing to read from it
])
def test_a_publisher_the_page_names_is_read_against_the_wen_hao(number, issuer):
    """发布机构 names the government's office, 来源 the government in short; the 文号 says whose it is.
    (生成日期, with no signature or 成文日期 field, is the date.)"""
    text = (f"• 索引号:1234/2021-01\n• 发布机构:县人民政府办公室\n• 生成日期:2021-03-23\n"
            f"2021年县政府重点工作任务({number})\n来源:某某县政府   2021-03-23 10:56\n\n"
            "各乡镇人民政府、县直各单位:\n一、县发改局负责汇总。\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert (doc["issuer"], doc["date"], doc.get("published")) == (issuer, "2021-03-23", None)


@pytest.mark.parametrize("signer", ["某府督字〔2020〕3号    签发人：王 强", "某府督字〔2020〕3号\n签发人：王强"])
def test_a_signer_beside_or_below_the_wen_hao_is_left_out(signer):
    """签发人 (a person) on the 文号's line or its own: the head goes on to the issuer and the title;
    a government's 督查室 issues 督查通知."""
    text = (f"{signer}\n\n某某区人民政府督查室\n关于对道路清扫情况的\n整改通知\n\n各街道办事处：\n"
            "  请各街道于6月1日前完成整改，区政府督查室将跟踪督查。\n\n某某区人民政府督查室\n2020年5月20日\n")
    result = import_text(text, "mouqu-2020", "mouqu")
    (doc,) = result.documents
    assert (doc["title"], doc["doc_number"], doc["issuer"], doc["date"]) == (
        "某某区人民政府督查室关于对道路清扫情况的整改通知", "某府督字〔2020〕3号", "某某区人民政府督查室", "2020-05-20")
    assert [f["text"] for f in result.manifest["furniture"] if f["kind"] == "signer"] == [signer.split("号")[1].strip()]


@pytest.mark.parametrize("opening,issuer", [
    ("为抓好规划实施，某某州人民政府决定，将主要目标分解落实到各县市。现就有关事项通知如下：", "某某州人民政府"),
    ("经市人民政府同意，将主要目标分解落实到各区县。现将有关事项通知如下：", None),      # approved, not issued
    ("为抓好规划实施，市人民政府决定，将主要目标分解落实到各区县。", None),           # no 通知如下: not its opening
])
def test_a_copy_without_head_or_signature_takes_the_issuer_its_opening_decides_in(opening, issuer):
    text = f"{opening}\n一、分工原则\n（一）明确责任。各区县要确保完成。\n"
    (doc,) = import_text(text, "moushi-2006", "moushi").documents
    assert doc["issuer"] == issuer


def test_a_copy_with_a_space_after_every_character_is_read_without_them():
    """A PDF transcribed glyph by glyph: 某 某 县 人 民 政 府 …, its marks in a font's code points
    (« » for 《》, ꎬ ꎮ for ，。); a few spaced words (市 长, 王  东) stay as they are."""
    head = [" ".join(t) for t in ("某某县人民政府关于印发«某某县春耕生产方案»的通知", "某政发〔2021〕3号",
                                  "各乡镇人民政府ꎬ县直各部门：", "现将«某某县春耕生产方案»印发给你们ꎬ请认真贯彻执行ꎮ")]
    text = "\n".join(head + ["某某县人民政府", "2021年3月1日", "某某县春耕生产方案", " ".join("一、县农业农村局负责种子供应ꎮ")])
    notice, plan = import_text(text, "mouxian-2021", "mouxian").documents
    assert (notice["title"], notice["doc_number"], notice["date"]) == (
        "某某县人民政府关于印发《某某县春耕生产方案》的通知", "某政发〔2021〕3号", "2021-03-01")
    assert (plan["title"], plan["parent"]) == ("某某县春耕生产方案", notice["id"])
    from generator.reading.text import unspaced
    assert unspaced("市 长 王  东") == "市 长 王  东"


@pytest.mark.parametrize("column,date", [("备注", "2019-04-21"), ("完成时间", None)])
def test_a_date_alone_below_a_table_flattened_one_cell_a_line_is_its_signatures(column, date):
    """A table with no time column prints no date as a cell: a date line under it is the document's;
    under a table that has one, it may be the last row's cell."""
    text = (f"道路问题汇总表\n序号 |\n问题描述 |\n责任单位 |\n{column} |\n"
            "1 |\n人民路沿线车辆违停严重 |\n区交警大队 |\n|\n2 |\n解放路垃圾站杂草丛生 |\n区环卫所 |\n|\n"
            "2019年4月21日\n")
    (doc,) = import_text(text, "mouqu-2019", "mouqu").documents
    assert (doc["title"], doc["date"]) == ("道路问题汇总表", date)


def test_notes_under_the_signature_are_no_policy_the_notice_issues():
    """附注 after the date ((联系人…), (此件公开发布)): the 分工 the notice issues is not in the copy."""
    text = ("某某旗人民政府办公室关于印发重点任务分工的通知\n各苏木乡镇人民政府：\n"
            "现将《重点任务分工》印发给你们，请认真贯彻落实。\n一、旗政府督查室要加强日常调度。\n"
            "2022年2月21日\n(联系人:张某,联系电话:8812822)\n(此件公开发布)\n")
    (notice,) = import_text(text, "mouqi-2022", "mouqi").documents
    assert (notice["title"], notice["date"]) == ("某某旗人民政府办公室关于印发重点任务分工的通知", "2022-02-21")


def test_a_category_field_listing_with_semicolons_beside_the_index_number_is_metadata():
    """分  类: 规划 ; 通知 reads like a clause, but under 索引号 it is the page's field, not the title's first line."""
    text = ("索  引 号: 1122/2021-00089\n分  类: 五年发展规划;国民经济和社会发展规划 ; 通知\n"
            "某某区人民政府关于印发某某区规划纲要任务清单的通知\n某政发〔2021〕29号\n各乡镇人民政府：\n"
            "现将《某某区规划纲要任务清单》印发给你们，请认真贯彻执行。\n")
    (doc,) = import_text(text, "mouqu-2021", "mouqu").documents
    assert (doc["title"], doc["doc_number"]) == ("某某区人民政府关于印发某某区规划纲要任务清单的通知", "某政发〔2021〕29号")


def test_a_news_piece_about_the_document_below_it_is_no_document():
    """Teaser lines and paragraphs that report 近日，X发布《T》, then T itself: one document, T, issued by X."""
    text = ("地区生产总值增长5%左右\n固定资产投资增长5%以上\n"
            "近日，某某区人民政府办公室发布《2023年重点工作目标任务分解》，共细分出171项目标任务，均明确牵头单位。\n"
            "《方案》要求，各有关部门要通力合作，着力构建闭环式的工作落实机制，推动各项目标任务落地落细。\n"
            "2023年重点工作目标任务分解\n一、主要预期指标\n1.地区生产总值增长5%左右。\n牵头单位:区发改委\n")
    result = import_text(text, "mouqu-2023", "mouqu")
    (doc,) = result.documents
    assert (doc["title"], doc["issuer"]) == ("2023年重点工作目标任务分解", "某某区人民政府办公室")
    assert [u["lines"] for u in result.manifest["unplaced"]] == [[1, 1], [2, 2], [3, 3], [4, 4]]


def test_a_notice_whose_copy_lost_every_line_break_is_read_part_by_part():
    """Letterhead, title, addressees, text and the policy it issues run together on one line:
    cut where the letterhead's 文件 ends, where the title's 通知 meets the addressees, and where the
    policy's name, printed again after the notice's last sentence, meets its opening words."""
    text = ("某某市政府文件某某市人民政府关于印发某某市稳增长若干措施的通知各区县人民政府，市政府各部门："
            "现将《某某市稳增长若干措施》印发给你们，请认真贯彻执行。某某市稳增长若干措施为促进经济平稳增长，"
            "制定以下措施。一、市财政局负责落实减税降费政策。\n")
    notice, policy = import_text(text, "moushi-2021", "moushi").documents
    assert (notice["title"], notice["issuer"]) == ("某某市人民政府关于印发某某市稳增长若干措施的通知", "某某市人民政府")
    assert (policy["title"], policy["parent"]) == ("某某市稳增长若干措施", notice["id"])
    assert notice["blocks"][-1]["text"].endswith("请认真贯彻执行。")
    from generator.reading.lines import Para
    from generator.reading.segment import unglue
    sentence = "根据省政府关于加强统计报送工作的通知要求，为建立统计报送制度，现就有关事项通知如下："
    assert [p.text for p in unglue([Para(sentence, 1, 1)])] == [sentence]      # a sentence, no title and addressees


@pytest.mark.parametrize("signature,issuer", [
    ("某某县人民政府        2022年5月1日", "某某县人民政府"),
    ("某某县人民政府 某某县人民法院 二〇二二年五月一日", "某某县人民政府、某某县人民法院"),
])
def test_a_signature_with_its_date_on_one_line(signature, issuer):
    """The issuer(s) and the date a copy set on one line, apart by spaces: a signature all the same."""
    text = ("关于加强安全生产的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下：\n\n一、县应急局负责统筹协调。\n\n"
            f"{signature}\n\n（此件公开发布）\n")
    (doc,) = import_text(text, "mouxian-2022", "mouxian").documents
    assert (doc["issuer"], doc["date"]) == (issuer, "2022-05-01")


def test_joint_issuers_signing_two_to_a_line_over_several_lines():
    """Seven bodies sign a joint notice two to a line, the last a 中心; the page's 备注/文号 field gives its 文号."""
    text = ("• 备注/文号:某教〔2021〕8号\n• 发布机构:某某县教育局\n"
            "某某县教育局等五部门关于做好学生健康监测工作的通知\n各乡镇人民政府：\n"
            "现将有关事项通知如下，请认真贯彻落实。\n\n"
            "某某县教育局     某某县卫生健康局\n\n某某县财政局     某某县市场监督管理局\n\n某某县疾病预防控制中心\n\n"
            "2021年11月2日\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert (doc["doc_number"], doc["issuer"], doc["date"]) == (
        "某教〔2021〕8号", "某某县教育局、某某县卫生健康局、某某县财政局、某某县市场监督管理局、某某县疾病预防控制中心",
        "2021-11-02")


def test_a_notice_without_title_line_that_issues_a_policy_by_xian_yu_yi_yin_fa():
    """An untitled notice: 《X》经…会议通过，现予以印发 — X below its signature is the policy it issues;
    特此通知 says what the notice is."""
    text = ("各乡镇人民政府，县直各部门：\n《某某县人民政府议事规则》经县政府常务会议通过，现予以印发，请认真贯彻执行。\n"
            "特此通知。\n某某县人民政府\n2022年3月8日\n某某县人民政府议事规则\n第一条 为规范县政府议事程序，制定本规则。\n"
            "第二条 县政府办公室负责会议组织工作。\n")
    notice, rules = import_text(text, "mouxian-2022", "mouxian").documents
    assert (notice["type"], rules["title"], rules["parent"]) == ("通知", "某某县人民政府议事规则", notice["id"])


def test_a_title_that_lost_its_document_type_is_still_the_title():
    """某某县人民政府 / 关于印发某某预案的 between 文号 and addressees: the title as printed, a 通知."""
    text = ("某政发〔2020〕5号\n某某县人民政府\n关于印发某某县防汛应急预案的\n各乡镇人民政府：\n"
            "《某某县防汛应急预案》已经县政府同意，现予印发，请认真贯彻落实。\n某某县人民政府\n2020年6月1日\n"
            "某某县防汛应急预案\n1 总则\n1.1 县水利局负责防汛日常工作。\n")
    notice, plan = import_text(text, "mouxian-2020", "mouxian").documents
    assert (notice["title"], notice["type"]) == ("某某县人民政府关于印发某某县防汛应急预案的", "通知")
    assert plan["title"] == "某某县防汛应急预案"


def test_a_reposts_caption_after_the_document_is_no_second_document():
    """A forum re-post: the 通告 on one line, then its title printed twice as the page's caption and a 来源."""
    text = ("某某县森林防火指挥部 关于禁止野外用火的通告 为防范森林火灾，现将有关事项通告如下： "
            "一、3月1日至3月15日为森林防火戒严期。 二、各乡镇人民政府负责本辖区巡查工作。 "
            "某某县森林防火指挥部 2023年3月1日\n某某县森林防火指挥部关于禁止野外用火的通告\n"
            "某某县森林防火指挥部关于禁止野外用火的通告\n来源：今日某某\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert (doc["title"], doc["date"]) == ("某某县森林防火指挥部关于禁止野外用火的通告", "2023-03-01")


def test_a_news_lead_naming_the_notice_without_quotes_is_no_document():
    """日前，X印发关于…的通知。 / 文件指出，… / 文件详情如下： above the notice: a news piece about it."""
    text = ("日前，某某区人民政府印发关于支持企业发展若干措施的通知。\n"
            "文件指出，全年新增规上工业企业30家以上，确保重大项目用地应保尽保，推动企业降本增效。\n文件详情如下：\n"
            "某某区人民政府关于印发关于支持企业发展若干措施的通知\n各乡镇人民政府：\n"
            "《关于支持企业发展若干措施》已经区政府同意，现印发给你们，请认真贯彻执行。\n某某区人民政府\n2025年4月1日\n"
            "关于支持企业发展若干措施\n一、区经信局负责企业培育工作。\n")
    docs = import_text(text, "mouqu-2025", "mouqu").documents
    assert [d["title"] for d in docs] == ["某某区人民政府关于印发关于支持企业发展若干措施的通知", "关于支持企业发展若干措施"]


def test_a_signature_wrapping_a_long_name_with_its_seals_note_gives_the_full_name():
    """The title's short form (新冠肺炎) and the signature's full name over two lines, （代章）: the full name."""
    text = ("某某县新冠肺炎疫情联防联控领导小组办公室关于实行交通管控的通告\n全县广大干部群众：\n"
            "为做好疫情防控工作，现将有关事项通告如下：县公安局负责交通管控。\n"
            "某某县新型冠状病毒感染的肺炎疫情\n联防联控领导小组办公室（代章）\n2021年10月28日\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert (doc["issuer"], doc["date"]) == ("某某县新型冠状病毒感染的肺炎疫情联防联控领导小组办公室", "2021-10-28")


@pytest.mark.parametrize("signature,issuer", [
    ("中共某某县委\n某某县人民政府\n", "中共某某县委、某某县人民政府"),     # two issuers, one a line
    ("特此通告。\n某某县人民政府\n", "某某县人民政府"),                   # a closing above the issuer
])
def test_two_signature_lines_that_are_no_wrapped_name(signature, issuer):
    text = ("关于做好防汛工作的通告\n全县广大群众：\n为做好防汛工作，现将有关事项通告如下：县水利局负责防汛调度。\n"
            f"{signature}2021年6月1日\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert doc["issuer"] == issuer


def _table_items(doc: dict) -> list[tuple]:
    return [(it["path"], b["rows"][it["row"]][1], it["participants"], it["deadline"]["text"], it["lines"])
            for b in doc["blocks"] for it in b.get("items", [])]


def test_a_table_whose_cells_runs_of_spaces_set_apart():
    """序号  任务  责任单位  完成时限 aligned by spaces: a cell wrapped onto the next line stays its row's."""
    text = ("2024年重点工作任务分解表\n"
            "序号  重点任务                          责任单位          完成时限\n"
            "1     新建农村公路50公里，改造危桥      县交通运输局      2024年10月底前\n"
            "      12座\n"
            "2     新增城镇就业2000人                县人力资源社会保障局  2024年12月底前\n"
            "\n"
            "3     完成高标准农田建设3万亩            县农业农村局、    2024年11月底前\n"
            "                                         县财政局\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    assert _table_items(doc) == [
        (["1"], "新建农村公路50公里，改造危桥12座", ["县交通运输局"], "2024年10月底前", [3, 4]),
        (["2"], "新增城镇就业2000人", ["县人力资源社会保障局"], "2024年12月底前", [5, 5]),
        (["3"], "完成高标准农田建设3万亩", ["县农业农村局", "县财政局"], "2024年11月底前", [7, 8])]


def test_a_table_with_one_space_between_cells():
    """序号 领域 重点任务 牵头单位 配合单位, no alignment: the last words fill the unit columns."""
    text = ("2024年重点工作任务分解表\n"
            "序号 领域 重点任务 牵头单位 配合单位\n"
            "1 交通 建设 新建农村公路50公里，改造危桥12座。 县交通运输局 县财政局、县自然资源局\n"
            "2 就业 新增城镇就业2000人。 县人社局 各乡镇人民政府\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    rows = [(it["number"], it["lead"], it["participants"], it["generic"]) for b in doc["blocks"]
            for it in b.get("items", [])]
    assert rows == [("1", ["县交通运输局"], ["县财政局", "县自然资源局"], []),
                    ("2", ["县人社局"], [], ["各乡镇人民政府"])]


def test_a_one_space_table_with_a_report_column_after_its_units():
    """序号 任务 责任单位 推进情况: the unit list follows the task, the report the units; a unit cell
    printed one office a line, the report on a line of its own and headings printed as rows."""
    text = ("某某县2024年重点任务进展情况表\n"
            "序号 重点任务 责任单位 三季度进展情况\n"
            "一、产业发展\n"
            "1 新建标准化厂房5万平方米。 县工信局 已建成3万平方米。\n"
            "2 培育规上企业10家。 县发改委\n"
            "县商务局\n"
            "县市场监管局\n"
            "已培育6家。\n"
            "（一）城乡建设\n"
            "3 改造老旧小区8个。 县住建局 已开工5个，完成投资1200万元。\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    rows = [(it["number"], it["text"], it["participants"]) for b in doc["blocks"] for it in b.get("items", [])]
    assert rows == [("1", "新建标准化厂房5万平方米。", ["县工信局"]),
                    ("2", "培育规上企业10家。", ["县发改委", "县商务局", "县市场监管局"]),
                    ("3", "改造老旧小区8个。", ["县住建局"])]


def test_a_one_space_table_opening_with_its_leader_names_lead_and_partner_columns():
    text = ("某某县农业农村局10月份重点工作完成情况\n"
            "负责领导 重点工作 牵头部门 协同部门 完成情况\n"
            "李明 推进高标准农田建设(完成2万亩) 县农业农村局、县水利局 县财政局、有关乡镇 已完成1.5万亩。\n"
            "1、项目已全部开工\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    (row,) = [it for b in doc["blocks"] for it in b.get("items", [])]
    assert (row["lead"], row["participants"], row["generic"]) == (
        ["县农业农村局", "县水利局"], ["县财政局"], ["有关乡镇"])
    assert row["text"] == "推进高标准农田建设(完成2万亩)"


def test_a_one_cell_a_line_report_keeps_its_task_numbers_past_a_stray_cell():
    """Rows numbered with the plan's own task numbers (7, 41, 42) rise down the table: a lower
    number inside a row is a stray cell. 计划完成时间 is the time column; a bureau's 股 are units."""
    text = ("某某县水利局2024年10月重点工作完成情况\n\n"
            "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n"
            "7\n\n完成病险水库除险加固4座。\n\n工程股\n\n3\n\n2024年底\n\n已完工2座。\n\n"
            "41\n\n新建农村供水工程12处。\n\n农水股、水保站\n\n2024年11月底\n\n正在施工。\n\n"
            "42\n\n开展河湖清四乱专项行动。\n\n河湖股\n\n2024年底\n\n已清理问题15个。\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    rows = [(it["number"], it["lead"], it["deadline"]["date"]) for b in doc["blocks"] for it in b.get("items", [])]
    assert rows == [("7", ["工程股"], "2024-12-31"), ("41", ["农水股", "水保站"], "2024-11-30"),
                    ("42", ["河湖股"], "2024-12-31")]


def test_a_report_sentence_naming_a_period_is_no_date_cell():
    from generator.reading.columns import cell_kind
    assert cell_kind("二季度完成投资3200万元,同比增长5.1%") == "text"
    assert cell_kind("2024年6月底前，完成验收") == "date"
    assert cell_kind("2024年三季度") == "date"


def test_a_project_lists_building_year_is_its_rows_time_limit_and_its_budget_no_target():
    text = ("某某县2024年民生实事项目清单\n"
            "序号 | 项目名称 | 建设时间 | 建设内容 | 投资金额（万元） | 责任单位 |\n"
            "1 | 城区道路改造项目 | 2024 | 改造城区道路12公里。 | 3500 | 住建局 |\n")
    (item,) = [it for d in import_text(text, "mouxian-2024", "mouxian").documents
               for b in d["blocks"] for it in b.get("items", [])]
    assert (item["deadline"]["text"], item["deadline"]["date"]) == ("2024", "2024-12-31")
    assert [(i["value"], i["unit"]) for i in item["indicators"]] == [(12, "公里")]


def test_a_caption_opening_with_a_day_is_not_part_of_the_title():
    text = ("2024年3月5日环境卫生检查（城区路段）\n"
            "城区环境卫生检查问题汇总表\n"
            "序号 | 问题 | 责任单位 |\n"
            "1 | 人民路垃圾清运不及时 | 县城管局 |\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    assert doc["title"] == "城区环境卫生检查问题汇总表"


def test_a_contents_list_with_page_numbers_is_no_text():
    """目录 under the title, entries with leader dots and page numbers: dropped, not a title's tail nor items."""
    text = ("某某县农业农村发展规划\n目  录\n"
            "一、发展基础 ……………………………… 1\n"
            "二、总体要求 ……………………………… 3\n"
            "三、主要任务（县农业农村局牵头）………… 5\n"
            "一、发展基础\n全县粮食产量稳定在30万吨。\n"
            "二、总体要求\n到2025年，农村居民人均可支配收入增长8%。\n"
            "三、主要任务（县农业农村局牵头）\n（一）建设高标准农田10万亩。\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert doc["title"] == "某某县农业农村发展规划"
    assert not [b for b in doc["blocks"] if 2 <= b["lines"][0] <= 5]


def test_a_signature_date_with_zeros_typed_as_digits():
    """二00二年十月二十二日 (zeros typed as 0) signs the notice, and what it issues starts after it."""
    text = ("关于印发《某某市城市绿化管理办法》的通知\n某政〔2002〕44号\n各县人民政府，市政府各部门：\n"
            "《某某市城市绿化管理办法》已经市政府常务会议通过，现印发给你们，请遵照执行。\n"
            "二00二年十月二十二日\n"
            "第一条 为加强城市绿化管理，制定本办法。\n第二条 市园林局主管全市城市绿化工作。\n")
    notice, policy = import_text(text, "moushi-2002", "moushi").documents
    assert (notice["date"], policy["title"], policy["parent"]) == ("2002-10-22", "某某市城市绿化管理办法", notice["id"])


def test_an_annex_marker_prints_the_annex_the_notice_lists():
    """附件：1. X after the text, then 附件1 (a web copy's stray | after it) and a table: X."""
    text = ("区政府各部门，各街道办事处：\n现将2019年主要工作目标任务分解如下，请认真抓好落实。\n"
            "附件：1. 2019年重点工作目标任务分解表\n某某区人民政府办公室\n2019年2月15日\n附件1 |\n"
            "序号 | 任务名称 | 牵头部门 | 配合部门 |\n1 | 新增城镇就业5000人 | 区人力社保局 | 区财政局 |\n")
    notice, annex = import_text(text, "mouqu-2019", "mouqu").documents
    assert (annex["title"], annex["parent"]) == ("2019年重点工作目标任务分解表", notice["id"])


def test_a_title_printed_twice_once_with_characters_lost():
    """A web page's heading, then the document's own title with 年 lost (202310月): the fuller."""
    text = ("关于2023年10月份民生实事项目进展情况的通报\n关于202310月份民生实事项目进展情况的通报\n"
            "各乡镇人民政府，县直各单位：\n现将10月份民生实事项目进展情况通报如下。\n一、县发改委要加强调度。\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    assert doc["title"] == "关于2023年10月份民生实事项目进展情况的通报"


def test_a_duty_list_headed_by_its_units():
    """职责分工 written as `N.单位：duties`: the unit heading each entry does what follows; a topic
    heading (工作要求：) names no one."""
    text = ("某某县文明城市创建工作方案\n三、职责分工\n1.县住建局：负责背街小巷路面修缮工作。\n"
            "2.各乡镇人民政府：落实属地责任，做好辖区环境整治。\n四、工作要求：\n各地要高度重视。\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    items = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(i["lead"], i["participants"], i["generic"]) for i in items][:2] == [
        ([], ["县住建局"], []), ([], [], ["各乡镇人民政府"])]


def test_a_one_line_copy_cuts_before_each_numbered_part_and_label():
    """A web copy printing the whole notice and its breakdown on one line, parts set off by single
    spaces: each numbered task and each 责任单位： run is a paragraph; a note inside the first list
    (首位单位为牵头单位，下同) hides no unit and makes the first listed lead."""
    text = ("某某县人民政府办公室关于印发2023年重点工作责任分解的通知 各乡镇人民政府，县政府各部门： "
            "现将《2023年重点工作责任分解》印发给你们，请认真贯彻执行。 某某县人民政府办公室 2023年3月1日 "
            "2023年重点工作责任分解 一、扩大有效投资 1.新开工重点项目30个。 "
            "责任单位：县发改局（首位单位为牵头单位，下同）、县财政局 2.加快项目前期工作。 责任单位：县住建局、县自然资源局\n")
    notice, breakdown = import_text(text, "mouxian-2023", "mouxian").documents
    items = [b["item"] for b in breakdown["blocks"] if "item" in b]
    assert [(i["lead"], i["participants"]) for i in items] == [(["县发改局"], ["县财政局"]),
                                                               (["县住建局"], ["县自然资源局"])]


def test_two_numbered_parts_run_into_one_line():
    """（一）…。（A负责）（二）…: the next number in sequence after a closed sentence or
    parenthetical starts the next part; a number out of sequence (see 3. below) does not."""
    text = ("某某市人民政府关于落实重点工作责任分工的意见\n一、主要目标\n"
            "（一）地区生产总值增长7%左右。（市发改委负责）（二）一般公共预算收入增长6%。（市财政局负责）\n"
            "二、重点任务\n1.推进项目建设。（市发改委主办，市住建局协办）3.见附件。\n")
    (doc,) = import_text(text, "moushi-2023", "moushi").documents
    items = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(i["path"][-1], i["lead"], i["participants"]) for i in items] == [
        ("（一）", [], ["市发改委"]), ("（二）", [], ["市财政局"]), ("1.", ["市发改委"], ["市住建局"])]


def test_a_page_line_naming_the_source_beside_its_view_count():
    """`文章来源:X 浏览量: 发表时间:…`: 浏览量 is the page's counter, so X alone is the source (and the
    issuer of a document that names none)."""
    text = ("某某县2023年重点工作任务分解\n\n文章来源:某某县发展和改革委员会 浏览量: 发表时间:2023-03-07 10:49\n\n"
            "1.新开工重点项目30个。\n\n牵头单位:县发改委\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert doc["issuer"] == "某某县发展和改革委员会"


def test_a_document_inside_a_news_piece():
    """A news piece about a breakdown, then the breakdown itself: its title (opening with its year,
    after a teaser line that leads into nothing) followed by its first part starts the document,
    and the news lead that cites it by title names who issued it."""
    text = ("近日，某某区人民政府办公室发布《2023年区政府工作报告重点任务分解》，共细分出80项目标任务，"
            "均明确牵头单位与责任单位。\n"
            "区级有关部门要对本单位所承担的工作任务逐项认领，落细落实，倒排工期，打表推进，确保各项目标任务按期完成。\n"
            "任务如何分解？\n一起来看\n2023年区政府工作报告重点任务分解\n一、主要预期指标\n"
            "1.地区生产总值增长5%左右。\n牵头单位：区发改委\n责任单位：区统计局\n")
    docs = import_text(text, "mouqu-2023", "mouqu").documents
    assert [(d["title"], d["issuer"]) for d in docs][-1] == ("2023年区政府工作报告重点任务分解", "某某区人民政府办公室")


def test_a_note_closing_a_run_of_parts_covers_the_run():
    """（1）（2）（3）, then （责任单位：…） under the last: the note covers the whole run; a part
    after a run whose members name their own is left alone."""
    text = ("某某县安全生产工作任务分解\n一、完善应急体系\n（1）修订完善现有应急预案。\n（2）加强应急演练。\n"
            "（3）加强应急宣传培训。\n（责任单位：县应急局、各乡镇人民政府）\n二、加强监管执法\n"
            "（1）开展专项检查。（责任单位：县市场监管局）\n（2）规范执法程序。\n（3）公开执法结果。（责任单位：县司法局）\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    items = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(i["path"][-1], i["participants"]) for i in items] == [
        ("（1）", ["县应急局"]), ("（2）", ["县应急局"]), ("（3）", ["县应急局"]),
        ("（1）", ["县市场监管局"]), ("（3）", ["县司法局"])]


def test_a_notices_closing_paragraph_states_one_duty_per_actor():
    """An unnumbered paragraph naming several actors in turn: each sentence (or ；-clause naming
    an office) a statement of its own; collectives after ； join their sentence."""
    text = ("某某县人民政府办公室关于印发2023年重点工作任务分解的通知\n各乡镇人民政府，县直各单位：\n"
            "现将《2023年重点工作任务分解》印发给你们，请认真贯彻执行。"
            "各责任单位要对照任务清单主动认领；各相关单位要积极配合。县政府督查室负责跟踪督办；"
            "县考核办负责将完成情况纳入年度考核。\n某某县人民政府办公室\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(s["participants"], s["generic"]) for s in item["statements"]] == [
        ([], ["各责任单位", "各相关单位"]), (["县政府督查室"], []), (["县考核办"], [])]


def test_a_title_wrapped_before_its_year_is_one_title():
    """关于做好 / 2023年…的通知: the line before the year opens the title, so it is part of it."""
    text = ("关于做好\n2023年春节期间安全生产工作的通知\n各乡镇人民政府，县直各单位：\n"
            "一、各乡镇要开展隐患排查。\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    assert doc["title"].endswith("关于做好2023年春节期间安全生产工作的通知")


def test_a_flattened_table_row_missing_its_task_cell():
    """One cell a line under 重点工作 / 主要 / 任务 / 工作措施 / 责任单位 / 备注 (主要任务 broken over
    two lines, each of the header's other lines a column of its own): the first row lacks its
    工作措施 cell, so its units stand right after its headings; the next row opens at its 2.…,
    its merged heading cells printed no more."""
    text = ("某某市重点工作责任分工表\n重点工作\n主要\n任务\n工作措施\n责任单位\n备注\n"
            "一、稳定市场主体\n（一）加大财税支持\n市税务局，各县市区政府\n2020年12月\n"
            "2.对重点企业给予设备购置补贴。\n市经信局、市财政局\n"
            "3.对收储的剩余产品由政府兜底采购。\n市财政局\n")
    (doc,) = import_text(text, "moushi-2020", "moushi").documents
    (table,) = [b for b in doc["blocks"] if b["kind"] == "table"]
    assert table["header"] == ["重点工作", "主要任务", "工作措施", "责任单位", "备注"]
    assert [(r["participants"], r["generic"], r["text"].split("\n")[-1][:5]) for r in table["items"]] == [
        (["市税务局"], ["各县市区政府"], "2020年"), (["市经信局", "市财政局"], [], "2.对重点"),
        (["市财政局"], [], "3.对收储")]


@pytest.mark.parametrize("sentence,participants,generic", [
    # collectives opening the sentence act, and so does the office a later clause names by 由
    ("各地、各部门应于年中组织一次自查，并将结果报市发改委，由市发改委将结果汇总上报市政府。", ["市发改委"], ["各地", "各部门"]),
    ("二是各镇（街道）要开展自查，由市民政局负责汇总。", ["市民政局"], ["各镇（街道）"]),
    # a subject that runs on into a clause (各单位接到通知后) is no collective's name
    ("各单位接到通知后，由市民政局负责汇总。", ["市民政局"], []),
])
def test_collectives_opening_a_sentence_act_beside_an_office_prose_names(sentence, participants, generic):
    text = f"某某市人民政府关于下达工作任务的通知\n各区人民政府，市各委办局：\n{sentence}\n某某市人民政府\n2015年2月1日\n"
    doc = import_text(text, "moushi-2015", "moushi").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert (item["participants"], item["generic"]) == (participants, generic)


def test_a_notices_request_naming_no_one_is_its_addressees_duty():
    """现印发给你们，请认真贯彻执行: the notice asks its addressees (主送), a collective; a request
    naming someone (请各责任单位…) is theirs, and the policy issued has no addressees of its own."""
    text = ("某某县人民政府关于印发某某县防汛应急预案的通知\n各乡镇人民政府，县直各部门：\n"
            "《某某县防汛应急预案》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
            "请各责任单位于6月1日前报送演练计划。\n某某县人民政府\n2023年5月1日\n"
            "某某县防汛应急预案\n一、总则\n为做好防汛工作，请结合实际制定本预案。\n")
    notice, plan = import_text(text, "mouxian-2023", "mouxian").documents
    assert [b["item"]["generic"] for b in notice["blocks"] if "item" in b] == [
        ["各乡镇人民政府", "县直各部门"], ["各责任单位"]]
    assert not [b for b in plan["blocks"] if b.get("item", {}).get("generic")]
def _items(text: str, stem: str = "mouxian-2023") -> list[dict]:
    return [b["item"] for d in import_text(text, stem, stem.split("-")[0]).documents
            for b in d["blocks"] if "item" in b]


def _limit(item: dict) -> tuple:
    return item["deadline"]["text"], item["deadline"]["date"]


def test_the_dated_sentences_of_a_goals_paragraph_are_statements_with_their_own_limits():
    """A paragraph under its heading: each sentence that dates its own goals keeps its date and
    targets; a plan titled with its years (2023—2025年) opens in the first."""
    text = ("某某县充电设施建设三年行动方案（2023—2025年）\n"
            "一、主要目标\n"
            "2023年，全县新建充电桩300个以上，建成充电站10座。到2025年，全县累计建成充电桩1000个以上。\n")
    (item,) = _items(text)
    s1, s2 = item["statements"]
    assert (_limit(s1), _limit(s2)) == (("2023年", "2023-12-31"), ("到2025年", "2025-12-31"))
    assert [i["value"] for i in s1["indicators"]] == [300, 10]
    assert [i["value"] for i in s2["indicators"]] == [1000]


def test_a_numbered_parts_own_text_stays_one_item_dated_by_its_earliest_year():
    text = ("某某县2023年工作方案\n"
            "（二）发展目标。到2023年，全县污水处理率达到90%以上。到2025年，实现城乡污水处理全覆盖，"
            "处理率达到95%以上。\n")
    (item,) = _items(text)
    assert "statements" not in item and _limit(item) == ("到2023年", "2023-12-31")
    assert [i["value"] for i in item["indicators"]] == [90, 95]


def test_the_steps_of_a_years_task_are_done_by_the_last():
    text = ("某某县2023年重点工作任务\n"
            "2.推进城乡供水一体化。6月底前，完成管网改造方案编制。11月底前，完成主管网铺设。\n"
            "牵头单位：县水利局\n")
    (item,) = _items(text)
    assert _limit(item) == ("11月底前", "2023-11-30")


@pytest.mark.parametrize("body", [
    "3.强化督查问效。县督查室要跟踪督查，年底逐项考核。各责任单位要于每月10日前报送工作进展情况。\n",
    "三、工作要求\n县督查室要跟踪督查，年底逐项考核。各责任单位要于每月10日前报送工作进展情况。\n",
])
def test_a_recurring_limit_is_the_rule_of_its_paragraph_over_a_years_end(body):
    (item,) = _items("某某县2023年重点工作任务\n" + body)
    assert item["deadline"]["text"] == "每月10日前" and item["deadline"]["recurring"]


def test_a_recurring_limit_opens_no_statement():
    (item,) = _items("某某县2023年重点工作任务\n三、工作要求\n各乡镇要在6月底前完成自查整改。"
                     "各乡镇要于每月10日前报送整改进展。\n")
    assert "statements" not in item and item["deadline"]["text"] == "每月10日前"


@pytest.mark.parametrize("part", ["总体情况", "工作成效", "编制背景"])
def test_the_figures_of_a_report_part_and_of_a_notices_opening_are_no_targets(part):
    text = ("某某县人民政府办公室关于2023年民生实事进展情况的通报\n"
            "各乡镇人民政府，县直各部门：\n"
            "现将今年确定的20件民生实事进展情况通报如下：\n"
            f"一、{part}\n"
            "今年确定民生实事20件，截至9月底，办结8件，占比40%；在办12件，占比60%。\n"
            "二、下一步目标\n"
            "年底前，全县新建公厕12座，改造农村公路80公里。\n")
    targets = [(i["metric"], i["value"], i["unit"]) for i in _items(text) for i in i["indicators"]]
    assert targets == [("新建公厕", 12, "座"), ("改造农村公路", 80, "公里")]


@pytest.mark.parametrize("opening", ["1、", "1", ""])
def test_a_title_run_on_into_the_documents_opening_words_is_cut_off(opening):
    """A document site's text layer that lost its breaks (and its brackets) prints a page number, the
    title and the text on one line: X办法试行第一章总则…, X实施方案为…: the title is the document's."""
    text = (opening + "某某区河道保洁管理办法试行第一章总则第一条为加强本区河道保洁管理改善水环境根据有关规定制定本办法"
            "第二条区水务局负责本区河道保洁的监督管理\n")
    (doc,) = import_text(text, "mouqu-2024", "mouqu").documents
    assert doc["title"] == "某某区河道保洁管理办法试行"


def test_a_notice_forwarding_a_plan_prints_it_as_its_own_document():
    """《X》已经区政府同意，现转发给你们: X printed after the signature is a document of the notice's."""
    text = ("某某区人民政府办公室关于转发《某某区河道治理实施方案》的通知\n各镇人民政府：\n"
            "区水务局拟定的《某某区河道治理实施方案》已经区政府同意，现转发给你们，请认真按照执行。\n"
            "某某区人民政府办公室\n2024年5月10日\n某某区河道治理实施方案\n为改善河道水质，制定本方案。\n"
            "一、区水务局负责河道整治。\n")
    notice, plan = import_text(text, "mouqu-2024", "mouqu").documents
    assert (plan["title"], plan["issuer"], plan["date"]) == ("某某区河道治理实施方案", "某某区人民政府办公室", "2024-05-10")


def test_a_regulation_adopted_by_a_meeting_takes_its_issuer_and_date_from_its_note():
    """A regulation printed with its 题注 and no signature: the meeting's body and the adoption day."""
    text = ("某某市河道管理条例\n（2001年6月8日某某市第十二届人民代表大会常务委员会第三次会议通过"
            "2001年9月1日某某省第九届人民代表大会常务委员会第五次会议批准）\n"
            "第一条　为加强河道管理，制定本条例。\n第二条　市水务局负责全市河道的监督管理。\n")
    (doc,) = import_text(text, "moushi-2001", "moushi").documents
    assert (doc["issuer"], doc["date"]) == ("某某市第十二届人民代表大会常务委员会", "2001-06-08")


def test_a_pages_source_short_for_an_office_is_the_issuer_when_nothing_else_names_one():
    """时间:…来源:政府办 above an untitled-by-issuer table: the office as the page names it."""
    text = ("2024年重点工作任务推进情况汇总表\n\n时间:2024-07-19 来源:政府办\n2024年重点工作任务推进情况汇总表\n"
            "序号 目标任务 责任单位 推进情况\n1 新建公园3个。 区城市管理局 已完工2个。\n")
    doc = import_text(text, "mouqu-2024", "mouqu").documents[0]
    assert doc["issuer"] == "政府办"


def test_a_list_annexed_to_a_circular_under_a_bare_annex_line_is_a_document():
    """通报 … signature, 附件: on its own line, then the honours list's title: the list is the circular's."""
    text = ("某某区人民政府办公室关于表彰2023年度安全生产先进单位的通报\n各镇人民政府：\n"
            "2023年，各单位认真落实安全生产责任。经研究，决定对下列单位予以通报表彰。\n"
            "某某区人民政府办公室\n2024年2月1日\n附件:\n某某区2023年度安全生产先进单位名单\n"
            "一、先进单位(2家)\n区应急管理局、区消防救援大队\n")
    circular, honours = import_text(text, "mouqu-2024", "mouqu").documents
    assert (honours["title"], honours["parent"], honours["date"]) == (
        "某某区2023年度安全生产先进单位名单", circular["id"], "2024-02-01")


def test_an_annexs_title_in_a_web_tables_cell_loses_the_cells_bar():
    """附件:, then `X清单 |` (a flattened web table's first cell): X清单 is the annex's title, as named above."""
    text = ("某某县人民政府关于印发某某县2024年民生实事项目的通知\n各镇人民政府：\n"
            "现将《某某县2024年民生实事项目》印发给你们，请认真组织实施。\n附件:某某县2024年民生实事项目清单\n"
            "某某县人民政府\n2024年4月2日\n附件:\n|\n某某县2024年民生实事项目清单 |\n||||\n序号 |\n项目名称 |\n责任单位 |\n"
            "1 |\n新建村级幼儿园 |\n县教育局 |\n")
    docs = import_text(text, "mouxian-2024", "mouxian").documents
    assert docs[-1]["title"] == "某某县2024年民生实事项目清单"


def test_a_project_tables_construction_year_is_its_rows_time_limit():
    """序号 项目名称 建设时间 建设内容 责任单位: the 建设时间 cell (2024) dates the row."""
    text = ("某某县2024年民生实事项目清单\n序号\t项目名称\t建设时间\t建设内容\t责任单位\n"
            "1\t城区道路改造项目\t2024\t改造城区道路3公里。\t县住建局\n"
            "2\t城北公园建设项目\t2025\t新建公园1个。\t县城市管理局\n")
    (doc,) = import_text(text, "mouxian-2024", "mouxian").documents
    (table,) = [b for b in doc["blocks"] if b["kind"] == "table"]
    assert [i["deadline"]["date"] for i in table["items"]] == ["2024-12-31", "2025-12-31"]


def test_a_collective_stated_for_all_later_tasks_joins_each_of_them():
    """以下各项工作均需X落实，不再列出 in a task's note: X is a generic of that task and of every
    later one; each bracket closes the sentences since the previous one."""
    text = ("某某市空气质量提升行动方案\n"
            "1.推进工业治理。完成重点企业深度治理。〔市生态环境局牵头，市工信局参与，各区人民政府负责落实。"
            "以下各项工作均需各区人民政府落实，不再列出。〕推进锅炉改造，淘汰小型燃煤锅炉。（市市场监管局牵头，市住建局参与）\n"
            "2.推进移动源治理。加快淘汰老旧车辆。（市公安局牵头，市交通局参与）\n")
    first, second = _items(text)
    s1, s2 = first["statements"]
    assert (s1["lead"], s1["participants"], s1["generic"]) == (["市生态环境局"], ["市工信局"], ["各区人民政府"])
    assert (s2["lead"], s2["generic"]) == (["市市场监管局"], ["各区人民政府"])
    assert (second["lead"], second["generic"]) == (["市公安局"], ["各区人民政府"])


def test_a_sites_category_tag_in_corner_brackets_is_no_part_of_the_title():
    """「通告」 before a title (a site's column tag): the title and its issuer start after it."""
    text = ("「通告」某某自治县人民政府关于禁止燃放孔明灯的通告\n"
            "为保障公共安全，现就有关事项通告如下：\n一、全县范围内禁止燃放孔明灯。\n特此通告。\n")
    (doc,) = import_text(text, "mouxian-2021", "mouxian").documents
    assert (doc["title"], doc["issuer"], doc["type"]) == (
        "某某自治县人民政府关于禁止燃放孔明灯的通告", "某某自治县人民政府", "通告")


def test_a_contents_heading_under_a_plan_title_is_no_part_of_it():
    """A plan's title, then 目  录 and the first chapters: the title is the plan's, its type 规划."""
    text = ("某某县国民经济和社会发展第十三个五年规划\n目  录\n第一章  发展基础\n第一节  主要成就\n"
            "第一章  发展基础\n“十二五”时期，全县经济保持平稳较快增长，人民生活水平明显提高，社会事业全面进步。\n")
    doc = import_text(text, "mouxian-2016", "mouxian").documents[0]
    assert (doc["title"], doc["type"]) == ("某某县国民经济和社会发展第十三个五年规划", "规划")


def test_a_circular_that_issues_a_report_is_a_circular():
    """关于印发…落实情况的通报: the title's last word (通报) is its type, not 通知 for 印发."""
    text = ("关于印发2023年重点工作落实情况的通报\n各镇人民政府，县直各部门：\n"
            "现将2023年重点工作落实情况通报如下，请各单位对照抓好落实。\n某某县人民政府督查室\n2023年8月1日\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert doc["type"] == "通报"


def test_a_copy_that_opens_with_its_doc_number_alone_has_no_title():
    """某府通告〔2022〕2号 alone, then the text: the line is the 文号, the title null, the type 通告."""
    text = ("某府通告〔2022〕2 号\n全县居民：\n为保障公共安全，根据有关法律法规，现通告如下：\n"
            "一、城区范围内禁止燃放烟花爆竹。\n二、各乡镇结合实际加以管控。\n")
    (doc,) = import_text(text, "mouxian-2022", "mouxian").documents
    assert (doc["title"], doc["doc_number"], doc["type"]) == ("（无标题）", "某府通告〔2022〕2号", "通告")


def test_a_copy_that_opens_with_its_preamble_has_no_title():
    """为…，现就有关事项通告如下： first: a lead-in sentence, not a title; the type is 通告."""
    text = ("为加强公共安全管理，保障人民群众生命财产安全，结合我县实际，现就禁止燃放孔明灯有关事项通告如下：\n"
            "一、禁放范围\n本县行政区域内全域禁止燃放孔明灯，无任何例外区域和时段。\n"
            "二、禁放内容\n严禁任何单位和个人销售孔明灯。\n")
    (doc,) = import_text(text, "mouxian-2026", "mouxian").documents
    assert (doc["title"], doc["type"]) == ("（无标题）", "通告")


def test_a_title_that_opens_with_its_issuer_before_a_quoted_subject_names_the_issuer():
    """X县人民政府办公室《关于…》的通知 beats the page's short 来源 field (政府办)."""
    text = ("某某县人民政府办公室《关于认真办理2025年民生实事》的通知\n来源 : 政府办\n"
            "各乡镇人民政府，县直各部门：\n现将有关事项通知如下：\n一、各乡镇要加快项目建设。\n")
    (doc,) = import_text(text, "mouxian-2025", "mouxian").documents
    assert doc["issuer"] == "某某县人民政府办公室"


def test_a_heads_issuer_line_completes_the_title_and_the_imprint_dates_it():
    """A page's short heading (某县关于…的通告 文号), then the head (文号 / 某县人民政府 / 关于…的通告):
    the title is the issuer's and the head's; with no dated signature, the 版记's 印发 date dates it."""
    text = ("某某县关于禁止焚烧秸秆的通告 某政通〔2018〕3号\n某政通〔2018〕3号\n某某县人民政府\n关于禁止焚烧秸秆的通告\n"
            "为改善环境质量，现将有关事项通告如下：\n一、全县范围内禁止露天焚烧秸秆。\n二、本通告自发布之日起施行。\n"
            "某某县人民政府办公室2018年4月2日印发\n")
    (doc,) = import_text(text, "mouxian-2018", "mouxian").documents
    assert (doc["title"], doc["issuer"], doc["date"]) == (
        "某某县人民政府关于禁止焚烧秸秆的通告", "某某县人民政府", "2018-04-02")


def test_a_disclosure_tables_policy_inquiry_fields_are_metadata():
    """A disclosure page's table flattened with | (标 题:, 有 效 性:, 政策咨询机关:, 政策咨询电话:), then the
    addressees: the 标题 field is the title, the inquiry fields no part of it."""
    text = ("索引号: | 113400000/202104-00012 | 信息分类: | 规范性文件 |\n---|---|---|---|\n"
            "发布机构: | 某某区政府(办公室) | 有 效 性: | 有效 |\n"
            "标 题: | 某某区人民政府办公室关于印发2021年重点工作任务分解表的通知 | ||\n"
            "政策咨询机关: | 政策咨询电话: |\n政策咨询机关: | |||\n政策咨询电话: |\n"
            "各乡镇人民政府、街道办事处，区政府各部门：\n"
            "为抓好2021年重点工作落实，现将任务分解如下，请认真抓好落实。\n一、各乡镇要高度重视，夯实责任。\n")
    (doc,) = import_text(text, "mouqu-2021", "mouqu").documents
    assert (doc["title"], doc["issuer"], doc["type"]) == (
        "某某区人民政府办公室关于印发2021年重点工作任务分解表的通知", "某某区人民政府办公室", "通知")


def test_a_bulletins_masthead_gives_issuer_and_damaged_date_but_not_the_title():
    """督查通报 masthead (某县政务督查 / 12期 / `某县人民政府督查室   2023年9月5` on one line) above the
    title: issuer and date (read as printed) from the masthead line, the title as printed."""
    text = ("某县政务督查\n12期\n某县人民政府督查室           2023年9月5\n"
            "关于2023年重点任务落实情况的通报\n各乡镇人民政府，县政府各部门：\n"
            "根据县政府安排，县政府督查室对重点任务落实情况进行了专项督查，现将有关情况通报如下。\n")
    (doc,) = import_text(text, "mouxian-2023", "mouxian").documents
    assert (doc["title"], doc["issuer"], doc["date"], doc["type"]) == (
        "关于2023年重点任务落实情况的通报", "某县人民政府督查室", "2023-09-05", "通报")


def test_an_encyclopedias_infobox_names_the_plan():
    """A wiki copy: the plan's opening, 基本介绍, `- 中文名:X应急预案`, `- 类型:应急预案`: the plan is X."""
    text = ("为有效应对突发地质灾害，最大程度减少灾害损失，保障人民群众生命财产安全，维护社会稳定，促进经济社会全面"
            "协调可持续发展，依据有关法律法规，结合本县实际，\n基本介绍\n"
            "- 中文名:某某县地质灾害应急预案\n- 类型:应急预案\n- 文字类型:中文\n总则\n(一)编制目的\n"
            "为有效应对突发地质灾害，最大程度减少灾害损失，制定本预案。\n(二)适用范围\n本预案适用于本县行政区域地质灾害的应急处置。\n")
    (doc,) = import_text(text, "mouxian-2020", "mouxian").documents
    assert (doc["title"], doc["type"]) == ("某某县地质灾害应急预案", "应急预案")


def test_an_outlines_title_field_completes_its_split_title_and_its_note_is_no_part_of_it():
    """标题 field, a metadata line that swallowed the title's first words (时效性:某市国民经济和社会发展), the
    rest of the title, then the 题注 (…会议通过): the title is the field's, the 题注 dates the outline (the
    page's 成文日期 only repeats its 发布日期), the type is 规划纲要."""
    text = ("标题:某某市国民经济和社会发展第十四个五年规划纲要\n"
            "索引号:00000000-1/2021-00001 发文机关:某某市发展和改革委员会 成文日期:2021年10月08日 "
            "发布日期:2021年10月08日 时效性:某某市国民经济和社会发展\n第十四个五年规划纲要\n"
            "(2021年2月20日某某市第七届人民代表大会\n第五次会议通过)\n"
            "“十四五”时期是全面建设社会主义现代化国家新征程的第一个五年，是本市高质量发展的关键时期。\n"
            "一、发展基础\n“十三五”时期，全市经济社会发展取得显著成就，综合实力持续增强。\n")
    (doc,) = import_text(text, "moushi-2021", "moushi").documents
    assert (doc["title"], doc["date"], doc["type"]) == (
        "某某市国民经济和社会发展第十四个五年规划纲要", "2021-02-20", "规划纲要")


def test_a_text_layer_that_lost_every_mark_is_cut_at_its_articles_and_before_each_duty_subject():
    """Rules whose copy lost 。，； run on in one line: the articles in sequence still cut it (not
    第8号), and inside an article the subject of each duty opens a statement of its own (not a
    name an abbreviation defines, not 本县X)."""
    text = ("某某县河道管理办法\n"
            "第一章总则第一条为加强本县河道管理根据某某省河道条例某某省人民政府令第8号结合本县实际制定本办法"
            "第二条本办法适用于本县行政区域内河道的整治利用和保护"
            "第三条县水务局负责本县河道的统一管理和监督检查对河道整治中的重大问题组织相关部门研究提出处理意见"
            "县河长制工作领导小组下设办公室办公室设在县水务局以下简称县河长办负责日常协调工作"
            "各乡镇人民政府应当落实河道巡查责任并定期报告县水务局\n")
    art1, art2, art3 = _items(text)
    assert [art1["path"][-1], art2["path"][-1], art3["path"][-1]] == ["第一条", "第二条", "第三条"]
    s1, s2 = art3["statements"]
    assert s1["text"].startswith("县水务局负责") and "以下简称县河长办负责日常协调工作" in s1["text"]
    assert s1["participants"] == ["县水务局"]
    assert s2["text"].startswith("各乡镇人民政府应当") and s2["generic"] == ["各乡镇人民政府"]


def test_a_text_layer_that_lost_every_mark_gives_each_statement_its_opening_body_or_reports_it():
    """In rules that lost every mark, the body a statement opens with (县X局是…) is its subject;
    one whose list lost its 、 too (县A B C等部门应…) cannot be parted and is reported, not dropped."""
    text = ("某某县河道管理办法\n"
            "第一条为加强本县河道管理结合本县实际制定本办法"
            "第二条县水务局是本县河道的主管部门负责本县河道管理工作"
            "县交通公安环保等部门应按照各自职责做好河道管理相关工作"
            "各乡镇人民政府应当落实河道巡查责任并定期报告县水务局\n")
    imported = import_text(text, "mouxian-2023", "mouxian")
    art = [b["item"] for d in imported.documents for b in d["blocks"] if "item" in b][-1]
    s1, s2 = art["statements"]
    assert s1["participants"] == ["县水务局"] and "县交通公安环保等部门应" in s1["text"]
    assert s2["generic"] == ["各乡镇人民政府"]
    assert [u["text"][:10] for u in imported.manifest["unplaced"]] == ["县交通公安环保等部门"]


def test_a_text_layer_in_numbered_chunks_loses_its_chunk_numbers_and_joins_a_word_they_cut():
    """A document site's layer in long chunks, each line opening with its number (1、 2、): the
    numbers are furniture, not parts (2、 is no heading), and a word the chunk cut joins again."""
    body = "，".join(["全面推进河道整治工作持续改善水环境质量"] * 12)
    text = (f"1、某某县河道整治实施方案为改善水环境制定本方案。{body}。（县水务局负责）县农业农村局负责指导农业面源污染治"
            f"\n2、理工作，{body}。\n")
    imported = import_text(text, "mouxian-2023", "mouxian")
    assert [f["text"] for f in imported.manifest["furniture"] if f["kind"] == "chunk-number"] == ["1、", "2、"]
    blocks = [b for d in imported.documents for b in d["blocks"]]
    assert not any(b.get("number") for b in blocks)
    assert any("农业面源污染治理工作" in (b.get("text") or "") for b in blocks)

def test_a_comma_clause_with_its_own_subject_is_a_statement_of_its_own():
    """督查室要…，县政府适时听取…: two duties in one sentence; 并由X… opens one too, and a clause naming
    no one (违反规定的，) stays with the one after it."""
    text = ("某某县人民政府关于禁止露天焚烧秸秆的通告\n"
            "一、考核办要建立工作台账，县政府适时听取工作汇报。"
            "违反规定的，由所在地乡(镇)人民政府予以制止，并由公安部门依法处理。\n"
            "某某县人民政府\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(s["participants"], s["generic"]) for s in item["statements"]] == [
        (["考核办"], []), (["县政府"], []), ([], ["所在地乡（镇）人民政府"]), (["公安部门"], [])]


def test_a_clause_opening_with_whom_the_one_before_reports_to_stays_with_it():
    text = ("某某县人民政府办公室关于做好督查工作的通知\n"
            "一、请各乡镇于3月9日前将落实措施报送县政府督查室，县政府督查室将适时进行督办检查。\n"
            "某某县人民政府办公室\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert "statements" not in item and item["participants"] == ["县政府督查室"]


def test_two_clauses_naming_kinds_of_bodies_are_two_statements():
    """机关、学校等要…；报纸、电台等媒体要…: each its own duty, not one division of roles."""
    text = ("某某县人民政府关于禁止燃放烟花爆竹的通告\n"
            "一、机关、医院、学校等要加强内部宣传；报纸、电台、网站等媒体要开展公益宣传。\n"
            "某某县人民政府\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [s["generic"] for s in item["statements"]] == [["机关", "医院", "学校"], ["报纸", "电台", "网站"]]


def test_an_offices_clause_after_a_requirement_on_collectives_stays_with_it():
    """各申报单位要对材料负责，县科技局将组织评审: what the office does with their work, one duty."""
    text = ("某某县人民政府办公室关于申报项目的通知\n"
            "一、各申报单位要对申报材料的真实性负责，县科技局将组织专家评审。\n"
            "某某县人民政府办公室\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert "statements" not in item and (item["participants"], item["generic"]) == (["县科技局"], ["各申报单位"])


def test_a_clause_after_a_role_given_by_naming_it_is_a_duty_of_its_own():
    """各镇人民政府是…的责任主体，公安、交通等部门要配合: a role, then another subject's duty."""
    text = ("某某县人民政府关于禁止焚烧垃圾的通告\n"
            "一、各镇人民政府是禁烧工作的责任主体，公安、交通等部门要配合做好执法工作。\n"
            "某某县人民政府\n2023年3月1日\n")
    doc = import_text(text, "mouxian-2023", "mouxian").documents[0]
    (item,) = [b["item"] for b in doc["blocks"] if "item" in b]
    assert [(s["participants"], s["generic"]) for s in item["statements"]] == \
        [([], ["各镇人民政府"]), (["公安", "交通"], [])]


def test_a_collective_is_never_a_clause_a_subject_reader_overreached_into():
    """部门应急预案是县政府有关部门…: a copula; 各镇响应等级可…: a modal cut off at the name's end
    (响应 holds no 应 modal either): neither is a collective's name."""
    text = ("某某县突发事件总体应急预案\n一、组织体系\n"
            "（一）部门应急预案是县政府有关部门根据职责制定的预案，由县应急管理局负责指导。\n"
            "（二）事件发生后，由县相关专项应急指挥部负责处置，各镇响应等级可结合本地实际确定。\n")
    first, second = _items(text, "mouxian-2024")
    assert (first["participants"], first["generic"]) == (["县应急管理局"], [])
    assert second["generic"] == ["县相关专项应急指挥部"]
