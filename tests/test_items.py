"""Items on the real gazettes: goals, measures, tasks, articles and annex rows
with their responsibility, deadline and targets; ids stable under re-typesetting;
the unit registries. Line numbers are physical lines of content/sources/<stem>.txt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.model import schema
from generator.errors import PolicyError
from generator.reading import genre, import_text, items, run_import
from test_import import STEMS, excerpt, imported, move_page_breaks, rewrap, source

ROOT = Path(__file__).resolve().parent.parent


def all_items(result):
    """(document, block, item) of every item, statements included."""
    for d in result.documents:
        for b in d["blocks"]:
            for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
                yield d, b, it
                for st in it.get("statements", []):
                    yield d, b, st


def item(stem: str, item_id: str) -> dict:
    found = [it for _, _, it in all_items(imported(stem)) if it["id"] == item_id]
    assert len(found) == 1, item_id
    return found[0]


def at(stem: str, line: int) -> dict:
    """The item whose block starts at `line`."""
    found = [it for _, b, it in all_items(imported(stem)) if b["lines"][0] == line and "row" not in it]
    assert found, line
    return found[0]


def who(it: dict) -> tuple:
    return it["lead"], it["participants"], it["generic"], it["lead_labelled"]


# --- a goal with its responsibility in each gazette -----------------------------------------

@pytest.mark.parametrize("stem, line, item_id, lead, participants", [
    # 271-277: full-width, ， between the parts, wrapped over 4 lines
    ("zichuan-2022", 271, "zichuan-2022-01-1.3.1.1.1", ["区卫健局"], ["区发改局", "区医保分局"]),
    # 94: ； between the parts, one line
    ("dongchangfu-2022", 94, "dongchangfu-2022-01-1.4.1.1.1", ["区卫生健康局"], ["区医保局", "区发展和改革局"]),
    # 4297: 。 between the parts
    ("zhangdian-2021", 4297, "zhangdian-2021-09-1.3.1.1.1", ["区卫生健康局"], ["市医保局张店分局", "区发展改革局"]),
    # 480: two leads joined by ，, then ； before 责任单位
    ("yantai-2021", 480, "yantai-2021-01-2.3.4.1.9", ["市委组织部", "市民政局"], ["市妇联"]),
    # 79/81: the page joint prints 责 twice (…，责 | 责任单位：…)
    ("huaiyin-2022", 79, "huaiyin-2022-01-1.3.1.1.4", ["区卫生健康局"], ["区财政局", "区妇联", "区总工会"]),
])
def test_goal_with_lead_and_participants(stem, line, item_id, lead, participants):
    it = at(stem, line)
    assert it["id"] == item_id and it["kind"] == "goal"
    assert who(it) == (lead, participants, [], True)
    assert it["path"][-2] == "主要目标" and it["path"][1].endswith(("与健康", "参与决策和管理"))


def test_goal_path_id_and_indicator_of_000():
    it = item("zichuan-2022", "zichuan-2022-01-1.3.1.1.2")
    assert it["path"] == ["发展领域、主要目标和策略措施", "妇女与健康", "主要目标", "（2）"]
    assert it["lines"] == [279, 283] and it["raw"] == "（牵头单位：区卫健局）" and it["form"] == "labelled-lead"
    assert [(i["metric"], i["comparator"], i["value"], i["unit"]) for i in it["indicators"]] == [
        ("孕产妇死亡率", "<=", 8.2, "/10万")]


def test_every_goal_of_the_plans_names_who_is_responsible():
    plans = {"zichuan-2022-01-1": 79, "zichuan-2022-01-2": 61, "dongchangfu-2022-01-1": 77,
             "dongchangfu-2022-01-2": 61, "zhangdian-2021-09-1": 77, "zhangdian-2021-09-2": 61,
             "yantai-2021-01-2": 79, "yantai-2021-01-3": 60, "huaiyin-2022-01-1": 81, "huaiyin-2022-01-2": 61}
    for stem in STEMS:
        goals = {}
        for d, _, it in all_items(imported(stem)):
            if d["id"] in plans and it["kind"] == "goal" and "主要目标" in it["path"]:
                goals.setdefault(d["id"], []).append(it)
                assert it["lead"] or it["participants"] or it["generic"], it["id"]
        assert {k: len(v) for k, v in goals.items()} == {k: n for k, n in plans.items() if k.startswith(stem)}


def test_measures_carry_no_responsibility_in_the_plans():
    measures = [it for _, _, it in all_items(imported("zichuan-2022")) if it["kind"] == "measure"
                and it["id"].startswith("zichuan-2022-01-1.")]
    assert len(measures) == 93 and not any(it["lead"] or it["participants"] for it in measures)


# --- the damage: tails, split keywords, unattachable fragments ---------------------------------

def test_001_dangling_tails_join_the_goal_participants():
    for line, tail in [(167, ["区科协", "区妇联", "区残联"]),
                       (227, ["团区委", "区妇联"]),      # its lead, 区人力资源和社会保障局, takes no part
                       (754, ["区农业农村局", "区科技局", "区科协", "区妇联", "团区委"])]:
        goal = next(it for _, b, it in all_items(imported("dongchangfu-2022"))
                    if b["lines"][0] <= line <= b["lines"][1])
        assert set(tail) <= set(goal["participants"]), line
        assert not any(n in ("村局", "局") for n in goal["participants"])
        assert not set(goal["lead"]) & set(goal["participants"])


def test_a_tail_printed_as_its_own_paragraph_joins_the_item_before_it():
    """The 001 joint at 167/169 with the tail left as a paragraph of its own."""
    goal, tail = excerpt("dongchangfu-2022", 167, 167), excerpt("dongchangfu-2022", 169, 169)
    number, text = goal.split("）", 1) if goal.startswith("（") else goal.split(")", 1)
    doc = {"id": "dongchangfu-2022-01-1", "date": "2022-09-30", "type": "规划", "title": "规划", "blocks": [
        {"kind": "section", "level": 1, "number": "1.", "title": "主要目标", "text": None, "lines": [165, 165]},
        {"kind": "section", "level": 2, "number": number + "）", "title": None, "text": text, "lines": [167, 167]},
        {"kind": "paragraph", "text": tail, "lines": [169, 169]}]}
    assert items.attach(doc) == []
    it = doc["blocks"][1]["item"]
    assert it["participants"] == ["区人力资源和社会保障局", "区农业农村局", "区科协", "区妇联", "区残联"]
    assert it["lines"] == [167, 169] and it["continued"] == 1 and "item" not in doc["blocks"][2]


def test_keyword_split_across_a_page_joint():
    # 004 735/737: (牵 | 头单位：…）
    it = next(it for _, b, it in all_items(imported("huaiyin-2022")) if b["lines"][0] <= 735 <= b["lines"][1])
    assert it["lead"] == ["区卫生健康局"] and it["lead_labelled"]


def test_an_unreadable_parenthetical_is_unplaced_with_its_lines():
    lines = source("zichuan-2022").split("\n")
    for k in (274, 276):          # 275-277: the labels lose their colons
        lines[k] = lines[k].replace("单位：", "单位")
    result = import_text("\n".join(lines), "zichuan-2022", "zichuan")
    lost = [u for u in result.manifest["unplaced"] if u["kind"] == "responsibility"]
    assert len(lost) == 1 and lost[0]["lines"] == [271, 277] and lost[0]["text"].startswith("（牵头单位区卫健局")
    schema.validate(result.manifest, schema.Manifest, "manifest", {})


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_is_unplaced_on_the_seeds(stem):
    assert imported(stem).manifest["unplaced"] == []


# --- tasks, tables, statements, deadlines -------------------------------------------------

def test_002_task_table_rows():
    it = item("zhangdian-2021", "zhangdian-2021-03-1.t1.r12")
    assert it["kind"] == "task" and it["row"] == 11
    assert who(it) == (["区发展改革局"], ["张店经济开发区"], ["区有关部门", "各镇办"], True)
    assert it["path"][-2:] == ["7", "企业信用管理建设工作"]       # merged 序号/任务说明 filled in
    assert it["deadline"]["text"] == "12月底" and it["deadline"]["date"] == "2021-12-31"
    rows = [it for _, b, it in all_items(imported("zhangdian-2021")) if it["id"].startswith("zhangdian-2021-03-1.t1.")]
    assert len(rows) == 37          # the 5 continuation rows of merged cells name no unit


def test_002_emergency_plan_lead_columns():
    it = item("zhangdian-2021", "zhangdian-2021-08-1.t6.r1")
    assert it["kind"] == "annex_row"
    assert who(it) == (["张店交警大队"], ["区发展改革局", "区应急管理局", "区人武部"], [], True)


def test_004_special_plan_directory_rows():
    rows = [it for _, b, it in all_items(imported("huaiyin-2022")) if it.get("kind") == "annex_row"]
    assert len(rows) == 25
    first = item("huaiyin-2022", "huaiyin-2022-02-1.t1.r1")
    assert who(first) == (["区水务局"], [], [], True) and first["path"][-2:] == ["自然灾害类", "1"]


def test_indicator_table_rows_are_targets():
    it = item("huaiyin-2022", "huaiyin-2022-04-1.t1.r4")
    (ind,) = it["indicators"]
    assert (ind["metric"], ind["comparator"], ind["value"], ind["unit"]) == ("残疾人城乡居民基本养老保险参保率", ">", 96, "%")
    assert (ind["target_year"], ind["base_year"], ind["base_value"]) == (2025, 2020, 95)


def test_indicators_of_a_fenbie_list():
    it = at("dongchangfu-2022", 677)
    assert [(i["metric"], i["value"], i["unit"]) for i in it["indicators"]] == [
        ("新生儿死亡率", 3, "‰"), ("婴儿死亡率", 3.3, "‰"), ("5岁以下儿童死亡率", 4, "‰")]
    assert {i["comparator"] for i in it["indicators"]} == {"<="}


def test_sentence_groups_with_their_own_parenthetical_are_statements():
    # 004 2607-2609: （四） … 达到市定标准。（区发展改革委）到2025年，…
    it = item("huaiyin-2022", "huaiyin-2022-07-1.2.4")
    sts = it["statements"]
    assert [s["id"] for s in sts[:2]] == ["huaiyin-2022-07-1.2.4.s1", "huaiyin-2022-07-1.2.4.s2"]
    assert sts[0]["participants"] == ["区发展改革委"] and sts[0]["text"].endswith("（区发展改革委）")
    assert sts[0]["deadline"]["date"] == "2025-12-31"
    assert set(it["participants"]) == {u for s in sts for u in s["participants"]}


def _paragraph_doc(text: str) -> dict:
    return {"id": "x-01", "date": "2023-02-01", "type": "通知", "title": "通知",
            "blocks": [{"kind": "paragraph", "text": text, "lines": [3, 3]}]}


def test_prose_sentences_giving_duties_to_different_offices_are_statements():
    doc = _paragraph_doc("为抓好落实，现就有关事项通知如下。县财政局负责资金保障；县审计局负责跟踪审计，"
                         "按季度通报。各乡镇要认真组织实施。")
    items.attach(doc)
    sts = doc["blocks"][0]["item"]["statements"]
    assert [(s["participants"], s["generic"]) for s in sts] == [
        (["县财政局"], []), (["县审计局"], []), ([], ["各乡镇"])]
    assert sts[0]["text"].startswith("为抓好落实") and sts[1]["text"].endswith("按季度通报。")


def test_roles_named_in_sentences_after_the_lead_stay_one_item():
    doc = _paragraph_doc("县住建局为该工程的牵头单位，负责编制方案。县财政局、县审计局为配合单位，要主动对接。")
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert "statements" not in it and (it["lead"], it["participants"]) == (["县住建局"], ["县财政局", "县审计局"])


def test_a_prose_lead_beside_a_label_that_names_none():
    doc = _paragraph_doc("责任单位：县财政局。由县住建局牵头，于3月底前完成设计。")
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert (it["lead"], it["participants"]) == (["县住建局"], ["县财政局"])


def test_an_article_is_one_item_with_a_statement_per_sentence_naming_its_own():
    """An article giving duties to several bodies sentence by sentence is one item (the union), its
    statements one per sentence that names its own, as in notices' prose."""
    doc = {"id": "x-01", "date": "2023-02-01", "type": "办法", "title": "办法", "blocks": [
        {"kind": "section", "level": 1, "number": "第二条", "title": None, "lines": [3, 3],
         "text": "县住建局是本县物业管理的监督管理机关，负责物业服务企业的备案。"
                 "县市场监管局（下简称监管局）负责物业收费监督。"}]}
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert it["participants"] == ["县住建局", "县市场监管局"]
    assert [s["participants"] for s in it["statements"]] == [["县住建局"], ["县市场监管局"]]


def _article_doc(*paragraphs: str, issuer: str | None = None) -> dict:
    """第四条 printed as paragraphs: the article's own text, then the paragraphs under it."""
    blocks = [{"kind": "section", "level": 1, "number": "第四条", "title": None, "text": paragraphs[0], "lines": [3, 3]}]
    blocks += [{"kind": "paragraph", "text": t, "lines": [4 + k, 4 + k]} for k, t in enumerate(paragraphs[1:])]
    return {"id": "x-01", "date": "2023-02-01", "type": "办法", "title": "办法", "issuer": issuer, "blocks": blocks}


def test_each_paragraph_of_an_article_is_a_statement():
    """A 办法 gives each body its duty in a paragraph: one statement each (one per sentence naming
    its own; ;-clauses stay together), every paragraph read by every reader (…负责 in one, a
    subject with 应当 in the next); a paragraph naming no one goes with the one before."""
    doc = _article_doc("市林业行政主管部门是本市古树名木行政主管部门，负责古树名木的监督管理；"
                       "区人民政府林业行政主管部门负责本区的日常养护。",
                       "各级人民政府应当加强对古树名木保护工作的领导。",
                       "古树名木的名录每五年更新一次。",
                       "市规划、财政、城管执法等行政部门，按照各自职责，做好保护工作。")
    items.attach(doc)
    sts = doc["blocks"][0]["item"]["statements"]
    assert [(s["participants"], s["generic"]) for s in sts] == [
        (["市林业行政主管部门", "区人民政府林业行政主管部门"], []), ([], ["各级人民政府"]),
        (["市规划", "财政", "城管执法"], [])]
    assert sts[1]["text"].endswith("更新一次。")


def test_a_lower_level_in_a_rule_names_each_government_of_it():
    """区园林局 in a city government's 办法 is every district's (a collective); the city's own
    bureau is one office."""
    doc = _article_doc("市林业局负责全市古树名木的保护；区园林局负责本区的日常养护。", issuer="某某市人民政府")
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert (it["participants"], it["generic"]) == (["市林业局"], ["区园林局"])


def test_an_office_yields_to_the_prose_of_its_sentence():
    """市政府将…，具体工作由市发改委牵头负责: the office prose names does the work; collectives
    of another sentence act beside the office prose names there."""
    doc = _paragraph_doc("市政府将对各项任务实施动态管理，具体工作由市发改委牵头负责。"
                         "各县区、各部门要于年中自查，由市发改委汇总上报。")
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert (it["lead"], it["participants"], it["generic"]) == (["市发改委"], [], ["各县区", "各部门"])


@pytest.mark.parametrize("heading,lead_in", [
    ({"title": "目标要求", "text": None}, ["坚持公开为常态，到2023年，基本建成统一规范的标准体系。"]),
    ({"title": "总体目标。", "text": "到2023年，基本建成统一规范的标准体系。"}, []),     # run in
])
def test_a_goals_lead_in_sets_the_time_limit_of_them_all(heading, lead_in):
    """一、目标要求, then words with 到2023年 before the numbered goals: a goal of its own."""
    doc = {"id": "x-01", "date": "2020-06-01", "type": "方案", "title": "方案", "blocks": [
        {"kind": "section", "level": 1, "number": "一、", **heading, "lines": [3, 3]},
        *[{"kind": "paragraph", "text": t, "lines": [4, 4]} for t in lead_in],
        {"kind": "section", "level": 2, "number": "（一）", "title": None, "lines": [5, 5],
         "text": "2020年年底前，初步建成试点领域事项目录。"}]}
    items.attach(doc)
    it = doc["blocks"][0]["item"]
    assert (it["kind"], it["deadline"]["date"]) == ("goal", "2023-12-31")


def test_three_levels_of_a_decimal_number_are_a_heading_whatever_follows():
    # 1.5万 is a quantity; no quantity has two points
    assert genre.heading("1.4.1 分级负责、属地管理")[:2] == ("decimal3", "1.4.1")
    assert genre.heading("1.5万人次参加培训") is None


def test_the_duty_under_a_heading_with_parts_is_the_headings():
    doc = {"id": "x-01", "date": "2023-02-01", "type": "方案", "title": "方案", "blocks": [
        {"kind": "section", "level": 1, "number": "（一）", "title": "约束性指标。", "text": None, "lines": [3, 3]},
        {"kind": "paragraph", "text": "对约束性指标进行分解，各乡镇、各有关部门要确保完成。", "lines": [4, 4]},
        {"kind": "section", "level": 2, "number": "1.", "title": None, "text": "耕地保有量不减少。（县自然资源局牵头）",
         "lines": [5, 5]}]}
    items.attach(doc)
    assert doc["blocks"][0]["item"]["generic"] == ["各乡镇", "各有关部门"]


def test_the_parts_of_an_article_announcing_duties_are_its_subjects():
    doc = {"id": "x-01", "date": "2023-02-01", "type": "办法", "title": "办法", "blocks": [
        {"kind": "section", "level": 1, "number": "第四条", "title": None, "lines": [3, 3],
         "text": "县应急管理局是本县安全生产工作的主管部门，其主要职责是："},
        {"kind": "section", "level": 2, "number": "（一）", "title": None, "text": "组织编制安全生产规划；",
         "lines": [4, 4]}]}
    items.attach(doc)
    assert doc["blocks"][1]["item"]["participants"] == ["县应急管理局"]


def test_duties_of_roles_in_one_paragraph_stay_one_item():
    # 牵头单位要…；配合单位要…: one division of labour, no office named
    doc = _paragraph_doc("牵头单位要加强统筹协调；配合单位要主动对接，形成合力。")
    items.attach(doc)
    assert "statements" not in doc["blocks"][0]["item"]


def test_heading_time_limits_are_deadlines():
    step = item("zichuan-2022", "zichuan-2022-09-1.4.1")
    assert step["kind"] == "task" and step["deadline"]["date"] == "2023-06-30"
    assert item("zichuan-2022", "zichuan-2022-09-1.4.1.1")["deadline"]["date"] == "2023-03-31"


def test_completion_time_in_the_parenthetical():
    it = next(it for _, b, it in all_items(imported("zhangdian-2021")) if it["lines"][0] <= 393 <= it["lines"][1])
    assert it["deadline"]["text"] == "2021年12月" and it["deadline"]["date"] == "2021-12-31"
    assert who(it) == (["区发展改革局"], ["区委宣传部", "区市场监管局", "区司法局"], ["各镇办", "区相关部门"], True)


def test_articles_are_items():
    arts = [it for _, _, it in all_items(imported("zhangdian-2021")) if it["kind"] == "article"]
    assert len(arts) == 36 and arts[2]["id"] == "zhangdian-2021-04-1.a3"


def test_duplicate_numbers_get_distinct_ids():
    ids = [it["id"] for stem in STEMS for _, _, it in all_items(imported(stem))]
    assert len(ids) == len(set(ids))
    assert "zhangdian-2021-09-2.3.5.2.6-2" in ids     # the printed （6） twice, (5) missing


# --- stability ------------------------------------------------------------------------------

def signature(result, county: bool = False) -> dict:
    fix = (lambda xs: [x.replace("县", "区") for x in xs]) if county else (lambda xs: xs)
    return {it["id"]: (it["kind"], fix(it["lead"]), fix(it["participants"]), fix(it["generic"]))
            for _, _, it in all_items(result)}


@pytest.mark.parametrize("columns", [28, 44])
def test_000_rewrapped_keeps_item_ids_and_units(columns):
    again = signature(imported("zichuan-2022", rewrap(source("zichuan-2022"), columns)))
    assert again == signature(imported("zichuan-2022"))


def test_moved_page_breaks_and_county_keep_item_ids_and_units():
    stem = "huaiyin-2022"
    again = signature(imported(stem, move_page_breaks(source(stem), 3).replace("区", "县")), county=True)
    assert again == signature(imported(stem))


@pytest.mark.parametrize("stem", STEMS)
def test_items_are_valid_against_the_schema(stem):
    for d in imported(stem).documents:
        schema.validate(d, schema.DocumentRecord, d["id"], {})


def test_segments_of_printed_numbers():
    assert [genre.number_key(n) for n in ("三、", "（十二）", "(3)", "12.", "②", "4.2.1", "第三十八条", "专栏 3")] == [
        "3", "12", "3", "12", "2", "4.2.1", "a38", "b3"]
    assert genre.cn_int("一百零二") == 102


# --- unit registries ------------------------------------------------------------------------

@pytest.fixture()
def content(tmp_path):
    root = tmp_path / "content"
    (root / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "jurisdictions.yml", root)
    for stem in ("zhangdian-2021", "dongchangfu-2022"):
        shutil.copy(ROOT / "content" / "sources" / f"{stem}.txt", root / "sources")
    return root


def units(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_registry_per_jurisdiction_with_aliases_and_generics(content):
    assert run_import(content) == 0
    zd = units(content / "units" / "zhangdian.yml")
    by_name = {u["name"]: u for u in zd}
    assert "区卫健局" in by_name["区卫生健康局"]["aliases"]
    assert "区发改局" in by_name["区发展改革局"]["aliases"] and "区工会" in by_name["区总工会"]["aliases"]
    assert by_name["各镇办"]["kind"] == "generic" and by_name["区直相关部门"]["kind"] == "generic"
    assert by_name["区卫生健康局"]["kind"] == "unit"
    dcf = units(content / "units" / "dongchangfu.yml")
    assert not {u["id"] for u in zd} & {u["id"] for u in dcf}      # never merged across jurisdictions
    # every name an item uses is registered
    spellings = {s for u in zd for s in [u["name"], *u["aliases"]]}
    result = import_text(source("zhangdian-2021"), "zhangdian-2021", "zhangdian")
    names, _ = items.observed_units(result.documents)
    assert set(names) <= spellings


def test_an_edited_registry_is_kept_and_only_gains_new_names(content, capsys):
    assert run_import(content) == 0
    path = content / "units" / "dongchangfu.yml"
    # the editor merges 区公安局 into 区公安分局 and drops 区科协 (to see it come back)
    data = units(path)
    police = next(u for u in data if u["name"] == "区公安分局")
    police["aliases"].append("区公安局")
    data = [u for u in data if u["name"] not in ("区公安局", "区科协")]
    edited = "# 东昌府区: reviewed by hand\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(edited, encoding="utf-8")
    assert run_import(content, force=True) == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith(edited)                          # the editor's text, byte for byte
    added = yaml.safe_load(after[len(edited):])
    assert [u["name"] for u in added] == ["区科协"]
    assert "new units appended" in capsys.readouterr().out
    assert run_import(content) == 0 and path.read_text(encoding="utf-8") == after


def test_a_broken_registry_is_a_policy_error(content):
    assert run_import(content) == 0
    path = content / "units" / "zhangdian.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: Bad Id\n  name: x\n  kind: unit\n", encoding="utf-8")
    with pytest.raises(PolicyError) as exc:
        run_import(content)
    assert exc.value.file == str(path) and exc.value.field.endswith(".id")


def test_committed_registries_cover_the_committed_documents():
    for jur in ("zichuan", "dongchangfu", "zhangdian", "yantai", "huaiyin"):
        reg = units(ROOT / "content" / "units" / f"{jur}.yml")
        spellings = {s for u in reg for s in [u["name"], *u["aliases"]]}
        docs = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted((ROOT / "content" / "documents" / jur).glob("*.yml"))]
        names, _ = items.observed_units(docs)
        assert set(names) <= spellings, jur
