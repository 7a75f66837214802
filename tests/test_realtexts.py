"""The importer on real texts beyond the seeds (tests/realtexts/, see its README):
the genre's forms one by one, and the whole corpus held above its floors."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.reading import import_text

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "realtexts"
sys.path.insert(0, str(ROOT))


def imported(raw: str):
    return import_text(raw, "t", "t")


def items_of(result) -> list[dict]:
    return [it for d in result.documents for b in d["blocks"]
            for it in ([b["item"]] if "item" in b else []) + b.get("items", [])]


def top(result) -> list[dict]:
    return [d for d in result.documents if d["parent"] is None]


# --- heads ------------------------------------------------------------------------------

@pytest.mark.parametrize("metadata", [
    "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号",
    "[ 索引号 ] | 11500234/2020-00022 | [ 发文字号 ] | 蔡政办〔2023〕1号 |\n[ 成文日期 ] | 2023-01-03 | [ 发布日期 ] | 2023-01-05 |",
    "  • 索引号:MB1534522/2023-05475\n  • 发文字号:\n    蔡政办〔2023〕1号\n  • 成文日期:2023年1月3日\n  • 发布日期:2023年1月5日",
])
def test_a_web_pages_metadata_table_fills_the_document_and_stays_out_of_its_title(metadata):
    raw = (f"区人民政府办公室关于做好2023年重点工作的通知\n{metadata}\n字号:[大 中 小] 打印 关闭\n"
           "区人民政府办公室关于做好2023年重点工作的通知\n各街道办事处，区直各部门：\n"
           "现将有关事项通知如下。\n一、加快项目建设。（区发改局牵头，区财政局配合）\n")
    (doc,) = imported(raw).documents
    assert doc["title"] == "区人民政府办公室关于做好2023年重点工作的通知"
    assert doc["doc_number"] == "蔡政办〔2023〕1号"
    assert doc["date"] == "2023-01-03"
    (item,) = items_of(imported(raw))
    assert (item["lead"], item["participants"]) == (["区发改局"], ["区财政局"])


def test_a_doc_number_glued_to_the_title_is_cut_out():
    raw = ("鞍山市立山区人民政府文件\n鞍立政发〔2023〕2号立山区人民政府关于印发立山区重点工作分工方案的通知\n"
           "各街道办事处，各区直部门：\n现将《立山区重点工作分工方案》印发给你们，请认真贯彻落实。\n"
           "立山区人民政府\n2023年3月28日\n立山区重点工作分工方案\n1.地区生产总值增长6%左右。\n牵头单位:区发改局\n")
    notice, plan = imported(raw).documents
    assert (notice["title"], notice["doc_number"], notice["date"]) == (
        "立山区人民政府关于印发立山区重点工作分工方案的通知", "鞍立政发〔2023〕2号", "2023-03-28")
    assert (plan["title"], plan["parent"]) == ("立山区重点工作分工方案", notice["id"])
    assert [b["item"]["lead"] for b in plan["blocks"] if "item" in b] == [["区发改局"]]


def test_a_policy_with_no_covering_notice_is_a_document():
    raw = ("2023年区《政府工作报告》确定的重点工作任务责任分解方案\n\n一、主要预期目标\n\n"
           "1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)\n")
    (doc,) = imported(raw).documents
    assert doc["title"] == "2023年区《政府工作报告》确定的重点工作任务责任分解方案" and doc["type"] == "分解方案"
    (item,) = items_of(imported(raw))
    assert item["lead"] == ["区发改局"] and item["participants"] == []     # 杜新国 is a person


def test_a_notice_with_no_title_line_starts_at_its_addressees():
    raw = ("各县(市、区)人民政府，市政府各部门：\n《九江市行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
           "2019年6月19日\n九江市行动方案\n一、建立工作机制\n1.建立领导小组。（市发改委牵头，市财政局配合）\n")
    notice, plan = imported(raw).documents
    assert notice["title"] == "（无标题）" and notice["date"] == "2019-06-19"
    assert plan["title"] == "九江市行动方案" and plan["parent"] == notice["id"]


def test_joint_issuers_on_one_line_and_a_title_read_after_them():
    raw = ("鹤政发〔2025〕4号\n鹤岗市人民政府 鹤岗市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n"
           "各县(区)人民政府、法院：\n《鹤岗市人民政府 鹤岗市中级人民法院关于完善“府院联动”机制的意见》已经同意，现印发给你们。\n"
           "鹤岗市人民政府 鹤岗市中级人民法院\n2025年4月30日\n鹤岗市人民政府 鹤岗市中级人民法院\n"
           "关于完善“府院联动”机制的意见\n一、指导思想\n")
    notice, policy = imported(raw).documents
    assert notice["issuer"] == "鹤岗市人民政府、鹤岗市中级人民法院"
    assert notice["title"] == "鹤岗市人民政府鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知"
    assert policy["parent"] == notice["id"]


# --- responsibility forms ------------------------------------------------------------

@pytest.mark.parametrize("line, lead, participants, generic", [
    ("1. 提高审批效率。(区政务服务局牵头,区发改局、区级相关部门配合)", ["区政务服务局"], ["区发改局"], ["区级相关部门"]),
    ("2.常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)", ["市人口计生委", "市公安局"], [], []),
    ("3.地区生产总值增长7%以上。(市发展改革委,各县〔市、区〕政府)", [], ["市发展改革委"], ["各县〔市、区〕政府"]),
    ("4.加快建设。[责任单位:老街办、区招商服务中心]", [], ["老街办", "区招商服务中心"], []),
    ("5.深入挖掘。(两市市委组织部、市委党校分工负责)", [], ["两市市委组织部", "市委党校"], []),
    ("6.做好工作。(牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)", ["市发改委"], ["市统计局"], []),
])
def test_responsibility_forms_beyond_the_seeds(line, lead, participants, generic):
    (item,) = items_of(imported("某区重点工作任务清单\n" + line + "\n"))
    assert (item["lead"], item["participants"], item["generic"]) == (lead, participants, generic)


def test_label_lines_and_a_lead_on_the_heading_carry_to_their_items():
    raw = ("某县重点工作任务清单\n一、县示范区管委会牵头工作(2项)\n1.建设对虾养殖基地。\n2.打造食用菌生产基地。\n"
           "二、民生工作\n3.改造老旧小区。\n牵头单位:县住建局\n责任单位:县财政局、各乡镇\n完成时限:2023年6月底前\n")
    items = {it["id"].split(".", 1)[1]: it for it in items_of(imported(raw))}
    assert items["1.1"]["lead"] == items["1.2"]["lead"] == ["县示范区管委会"]
    task = items["2.3"]
    assert (task["lead"], task["participants"], task["generic"]) == (["县住建局"], ["县财政局"], ["各乡镇"])
    assert task["deadline"]["date"] == "2023-06-30"


@pytest.mark.parametrize("said, lead, participants", [
    ("各项任务中排在第一位的为牵头单位，其他为责任单位。", ["区发改局"], ["区财政局"]),
    ("各牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要高度重视。", ["区发改局", "区财政局"], []),
    ("请各单位认真落实。", [], ["区发改局", "区财政局"]),
])
def test_a_convention_the_notice_states_names_the_lead(said, lead, participants):
    raw = ("区人民政府办公室关于印发2026年重点工作责任分解方案的通知\n各街道办事处：\n"
           f"现将《2026年重点工作责任分解方案》印发给你们。{said}\n区人民政府办公室\n2026年1月4日\n"
           "2026年重点工作责任分解方案\n（一）地区生产总值增长7%以上\n责任单位：区发改局、区财政局\n")
    plan = [d for d in imported(raw).documents if d["parent"]]       # the notice's own 请各单位… is its item
    (item,) = items_of(SimpleNamespace(documents=plan))
    assert (item["lead"], item["participants"]) == (lead, participants)


def test_a_table_a_web_page_flattened_one_cell_a_line():
    """Header cells, then rows by their number; an empty cell (no 责任领导) is no line at all."""
    raw = ("2024年政府工作报告主要工作任务分解表\n\n序号\n\n主要工作举措\n\n牵头单位\n\n配合单位\n\n责任领导\n\n"
           "1\n\n加快构建现代化产业体系。\n\n区农业农村局\n\n区发展改革局、区工业和信息化局\n\n"
           "2\n\n推动再生塑料项目签约落地。\n\n沈阳近海经济区管委会\n\n生态环境分局、区发展改革局\n\n冯冬昌\n")
    rows = items_of(imported(raw))
    assert [(r["number"], r["text"], r["lead"], r["participants"]) for r in rows] == [
        ("1", "加快构建现代化产业体系。", ["区农业农村局"], ["区发展改革局", "区工业和信息化局"]),
        ("2", "推动再生塑料项目签约落地。", ["沈阳近海经济区管委会"], ["生态环境分局", "区发展改革局"])]
    assert [r["lines"] for r in rows] == [[13, 19], [21, 29]]       # each row's own lines, not the table's


def test_a_responsibility_no_item_holds_is_reported():
    raw = "某区关于做好防汛工作的通知\n各街道办事处：\n由区水务局负责落实物资储备，区财政局配合。\n"
    result = imported(raw)
    assert [u["kind"] for u in result.manifest["unplaced"]] in (["responsibility"], [])
    assert result.manifest["unplaced"] or items_of(result)


# --- the corpus -------------------------------------------------------------------------

# Floors a few points under the figures of the closing note: a change that loses real texts fails.
FLOORS = {"documents": 0.80, "items": 0.90, "lead": 0.88, "participants_f1": 0.88, "indicators": 0.80}


def test_the_real_text_corpus_stays_above_its_floors():
    from bench.score_import import figures, score_real
    real = score_real(TEXTS, None)
    assert not real["errors"]
    got = figures(real["documents"], real["items"])
    low = {k: got[k] for k, floor in FLOORS.items() if got[k] < floor}
    assert not low, low


def test_the_corpus_is_what_its_readme_promises():
    import yaml
    golds = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in TEXTS.glob("*.gold.yml")]
    assert len(golds) >= 40
    assert len({g["jurisdiction"] for g in golds}) >= 15 and len({g["province"] for g in golds}) >= 8
    assert all(g["url"].startswith("http") for g in golds)
    for p in TEXTS.glob("*.gold.yml"):
        assert (p.parent / p.name.replace(".gold.yml", ".txt")).exists(), p


def test_a_letter_spaced_column_name_is_no_metadata_label():
    """任 务 名 称 ends in 名称, a page's metadata label: in a table's header row it names a column."""
    raw = ("县人民政府办公室关于印发重点工作任务分解表的通知\n各乡镇人民政府：\n现将分解表印发给你们。\n"
           "县人民政府办公室\n2026年3月1日\n"
           "序号 | 任 务 名 称 | 牵 头 单 位 | 配 合 单 位 |\n1 | 新建公园3个 | 县住建局 | 县财政局 |\n")
    (row,) = [it for it in items_of(imported(raw)) if it.get("number")]
    assert (row["text"], row["lead"], row["participants"]) == ("新建公园3个", ["县住建局"], ["县财政局"])


def test_a_site_name_and_timestamp_before_a_source_label_are_page_chrome():
    raw = ("某县人民政府   2026-03-02 09:30:00   来源: 县政府办公室\n\n"
           "县人民政府办公室关于做好春季防火工作的通知\n各乡镇人民政府：\n请各乡镇于3月10日前完成排查。\n"
           "县人民政府办公室\n2026年3月1日\n")
    result = imported(raw)
    assert [d["title"] for d in result.documents] == ["县人民政府办公室关于做好春季防火工作的通知"]
    assert [f["kind"] for f in result.manifest["furniture"]][:1] == ["web-metadata"]
