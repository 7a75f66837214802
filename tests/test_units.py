"""Unit names: width folding, list splitting, collectives, the per-jurisdiction
registry and its YAML file."""

import pytest

from generator.errors import PolicyError, PolicyErrors
from generator.model.units import (UnitRegistry, dump_registry, fold, genre_spellings, is_generic, is_unit_like,
                                   load_registry, normalise_unit_name, places_of, suspect_aliases, unit_key)
from generator.reading.unit_lists import split_top, split_units

ZHANGDIAN = {"id": "zhangdian", "name": "淄博市张店区", "short_name": "张店区", "level": "区"}


def test_fold_keeps_offsets():
    s = "（牵头单位：区卫健局，责任单位：区妇联；完成时间：２０２１年１２月）８５％"
    assert len(fold(s)) == len(s)
    assert fold(s) == "(牵头单位:区卫健局,责任单位:区妇联;完成时间:2021年12月)85%"


def test_split_top_ignores_separators_in_brackets():
    s = "区委宣传部（区网信办）、区教体局，各镇（街道、开发区）"
    assert [s[a:b] for a, b in split_top(s, "、,")] == ["区委宣传部（区网信办）", "区教体局", "各镇（街道、开发区）"]


@pytest.mark.parametrize("text,names", [
    # zichuan-2022 8013-8017: two offices run together where a 、 is missing, a doubled one skipped
    ("区商务局、区发改局区交通运输局、区农业农村局、、区邮政管理局",
     ["区商务局", "区发改局", "区交通运输局", "区农业农村局", "区邮政管理局"]),
    # one office whose name holds another's (区委 + 区直机关工委) is not split
    ("区委区直机关工委、县公安局县交警大队", ["区委区直机关工委", "县公安局", "县交警大队"]),
    # zhangdian-2021 11: one collective although it holds 、
    ("区卫健局，各镇政府、街道办事处", ["区卫健局", "各镇政府、街道办事处"]),
    # zichuan-2022 7397-7399
    ("区文旅局，各镇、街道、开发区", ["区文旅局", "各镇、街道、开发区"]),
    # zhangdian-2021 485
    ("全区有行政许可、行政处罚职权的单位", ["全区有行政许可、行政处罚职权的单位"]),
    # zichuan-2022 4189: a space after the colon, a name holding brackets
    (" 区委宣传部（区网信办）、区教体局", ["区委宣传部（区网信办）", "区教体局"]),
    ("区民政局; 区财政局, 区司法局", ["区民政局", "区财政局", "区司法局"]),
])
def test_split_units(text, names):
    assert split_units(text) == names


@pytest.mark.parametrize("raw,name", [
    (" 区委宣传部(区网信办) ", "区委宣传部（区网信办）"),
    ("区 卫健局", "区卫健局"),
    ("１２３４５", "12345"),
])
def test_normalise(raw, name):
    assert normalise_unit_name(raw) == name


@pytest.mark.parametrize("name", [
    "各镇政府、街道办事处", "各镇办", "区直相关部门", "区相关部门", "有关行业主管部门", "区妇儿工委有关成员单位",
    "特邀单位", "市各行业主管部门", "市负有安全生产监管职责的部门", "区妇儿工委各成员单位", "各镇（街道、开发区）",
    "试点街区所在镇办", "街区管理单位", "区“双减”工作协调机制成员单位", "各街道办事处",
    "区法规政策性别平等评估机制联席会议各成员单位",
    # levels, not one government's office; whichever is competent; bodies of a kind
    "县级以上人民政府", "县（市、区）以上地震主管机构", "县级民政部门", "县区卫生行政主管部门", "县直单位", "县单位",
    "乡镇（街道）", "上级主管部门", "区政府主管部门", "区级主管部门", "当地驻军", "景区管理机构", "景区业主单位",
])
def test_generic(name):
    assert is_generic(name)


@pytest.mark.parametrize("name", [
    "区卫健局", "团区委", "马尚街道", "张店经济开发区", "区人行", "区委宣传部（区网信办）", "区直机关工委",
    "市自然资源和规划局张店分局", "烟台海关",
    # a county's bare 开发区 is its one development zone (its 街道, 乡镇 are many)
    "开发区",
    # a competent department named by its function is one office; 县市场… is no pair of levels
    "市水行政主管部门", "建设行政主管部门", "农业农村主管部门", "县市场监管局",
])
def test_offices_are_not_generic(name):
    assert not is_generic(name)
    assert is_unit_like(name)


@pytest.mark.parametrize("text", ["1.地区生产总值增长5%以上。", "区级耕地保护激励评价的主要内容", "当地宗教"])
def test_levels_and_places_make_no_collective_of_a_phrase(text):
    assert not is_generic(text)


@pytest.mark.parametrize("name", ["社区", "试行", "2022 年版", "含", "区、县", "以下简称妇儿工委"])
def test_not_offices(name):
    assert not is_unit_like(name, prefixed=True)


# --- alias rules --------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("区卫健局", "区卫生健康局"),
    ("区发改局", "区发展改革局"), ("区发改局", "区发展和改革局"),
    ("区教体局", "区教育和体育局"), ("区教体局", "区教育体育局"),
    ("区人社局", "区人力资源和社会保障局"), ("区人社局", "区人力资源社会保障局"),
    ("区住建局", "区住房城乡建设局"), ("区住建局", "区住房和城乡建设局"),
    ("区文旅局", "区文化和旅游局"),
    ("区市场监管局", "区市场监督管理局"),
    ("区工会", "区总工会"),
    ("区应急局", "区应急管理局"),
    ("区医保局", "区医疗保障局"),
    ("市医保局张店分局", "市医疗保障局张店分局"),
    ("区工信局", "区工业和信息化局"),
    ("区城管局", "区城市管理局"),
    ("区妇儿工委办公室", "区妇女儿童工作委员会办公室"),
    ("市发展改革委", "市发展和改革委"),
    ("县卫健局", "县卫生健康局"),
])
def test_alias_rules(a, b):
    assert unit_key(a) == unit_key(b)


@pytest.mark.parametrize("a,b", [
    ("区卫健局", "县卫健局"),               # the level prefix is kept
    ("区公安局", "区公安分局"),             # a likely alias, but not a genre rule
    ("区妇儿儿童工作委员会办公室", "区妇女儿童工作委员会办公室"),   # a typo is not corrected
    ("区发展改革局", "区发展改革委"),
])
def test_not_merged_by_rules(a, b):
    assert unit_key(a) != unit_key(b)


def test_place_prefix():
    places = places_of(ZHANGDIAN)
    assert unit_key("张店区发展和改革局", places) == unit_key("区发展改革局", places)
    assert unit_key("张店公安分局", places) == unit_key("区公安分局", places)


# --- registry -----------------------------------------------------------------------------------

# dongchangfu-2022 and zichuan-2022 name the same kinds of office differently.
ZICHUAN_SEEN = ["区卫健局"] * 3 + ["区卫生健康局", "区教体局", "区财政局", "区妇儿工委有关成员单位", "区公安分局"]
DONGCHANGFU_SEEN = (["区卫生健康局"] * 2 + ["区财政局", "区公安局", "区公安分局", "区公安分局",
                                          "区妇儿儿童工作委员会办公室", "区妇女儿童工作委员会办公室",
                                          "区妇女儿童工作委员会办公室", "区民政局", "区民政局"])


def test_registry_merges_aliases_and_names_by_use():
    reg = UnitRegistry.build("zichuan", ZICHUAN_SEEN)
    unit = reg.resolve("区卫生健康局")
    assert unit is reg.resolve("区卫健局")
    assert unit.name == "区卫健局" and unit.aliases == ["区卫生健康局"]
    assert reg.resolve("区妇儿工委有关成员单位").kind == "generic"
    assert reg.resolve("区发改局") is None
    assert len(reg.units) == 5


def test_registry_never_merges_jurisdictions():
    a = UnitRegistry.build("zichuan", ZICHUAN_SEEN)
    b = UnitRegistry.build("dongchangfu", DONGCHANGFU_SEEN)
    assert a.resolve("区财政局").id != b.resolve("区财政局").id
    assert a.resolve("区财政局").id.startswith("zichuan-")


def test_registry_ids_are_stable():
    one = UnitRegistry.build("zichuan", ZICHUAN_SEEN)
    two = UnitRegistry.build("zichuan", list(reversed(ZICHUAN_SEEN)))
    assert {u.name: u.id for u in one.units} == {u.name: u.id for u in two.units}


def test_curated_aliases():
    reg = UnitRegistry.build("dongchangfu", DONGCHANGFU_SEEN, curated=[("区公安分局", "区公安局")])
    assert reg.resolve("区公安局") is reg.resolve("区公安分局")
    assert reg.resolve("区公安分局").name == "区公安分局"


def test_suspects():
    reg = UnitRegistry.build("dongchangfu", DONGCHANGFU_SEEN)
    near = {(s.name, s.similar_to) for s in suspect_aliases(reg) if s.similar_to}
    assert ("区妇儿儿童工作委员会办公室", "区妇女儿童工作委员会办公室") in near
    assert ("区公安局", "区公安分局") in near
    assert not any("区民政局" in pair for pair in near)     # 区民政局 / 区财政局 differ in meaning
    once = {s.name for s in suspect_aliases(reg) if s.reason == "single mention"}
    assert "区公安局" in once and "区民政局" not in once


def test_roles_groups_and_bare_functions_are_no_offices():
    """An import registers 社会稳定组, 主要牵头镇办 or the 财政 of 财政、铁路等部门要… as
    collectives (no unit page); an editor's kind: unit on such a name is flagged."""
    reg = UnitRegistry.build("zhangdian", {"区财政局": 2, "财政": 1, "铁路": 1, "社会稳定组": 1, "主要牵头镇办": 1,
                                           "部门（单位）": 1, "区应急管理": 1, "区委": 1, "区领导小组": 1,
                                           "联络单位": 1, "制订单位": 1})
    kinds = {u.name: u.kind for u in reg.units}
    assert {n for n, k in kinds.items() if k == "generic"} >= {"财政", "铁路", "社会稳定组", "主要牵头镇办",
                                                               "部门（单位）", "区应急管理", "联络单位", "制订单位"}
    assert kinds["区财政局"] == kinds["区委"] == "unit"
    reg.add("卫生健康", kind="unit")
    assert "卫生健康" in {s.name for s in suspect_aliases(reg) if s.reason == "not an office"}


# --- YAML -------------------------------------------------------------------------------------------

def test_yaml_round_trip(tmp_path):
    reg = UnitRegistry.build("zichuan", ZICHUAN_SEEN)
    path = tmp_path / "zichuan.yml"
    path.write_text(dump_registry(reg), encoding="utf-8")
    back = load_registry(path, "zichuan")
    assert back.to_data() == reg.to_data()
    assert back.resolve("区卫生健康局").id == reg.resolve("区卫健局").id


@pytest.mark.parametrize("body,line,field,message", [
    ("- {id: a-1, name: 区卫健局, kind: unit}\n- {id: a-1, name: 区财政局, kind: unit}\n",
     2, "[1].id", "duplicate id"),
    ("- {id: a-1, name: 区卫健局, kind: unit}\n- id: a-2\n  name: 区财政局\n  aliases: [区卫健局]\n  kind: unit\n",
     4, "[1].aliases[0]", "already names unit a-1"),
    ("- {id: a-1, name: 区卫健局, kind: office}\n", 1, "[0].kind", "must be one of"),
    ("- {id: A 1, name: 区卫健局, kind: unit}\n", 1, "[0].id", "must be an id"),
    ("- {id: a-1, kind: unit}\n", 1, "[0].name", "is missing"),
    ("- {id: a-1, name: 区卫健局, kind: unit, extra: 1}\n", 1, "[0].extra", "unknown field"),
    ("id: a-1\n", 1, None, "must be a list of units"),
])
def test_yaml_errors(tmp_path, body, line, field, message):
    path = tmp_path / "x.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PolicyError) as exc:
        load_registry(path, "x")
    err = exc.value
    errs = err.errors if isinstance(err, PolicyErrors) else [err]
    assert any(e.line == line and e.field == field and message in e.message and e.file == str(path)
               for e in errs), [str(e) for e in errs]


def test_yaml_broken(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("- {id: a-1, name: [\n", encoding="utf-8")
    with pytest.raises(PolicyError) as exc:
        load_registry(path, "x")
    assert "malformed YAML" in exc.value.message and exc.value.file == str(path)


@pytest.mark.parametrize("name,spellings", [
    ("区卫生健康局", ["区卫健局"]),
    ("区人力资源和社会保障局", ["区人社局", "区人力资源社会保障局"]),
    ("区总工会", ["区工会"]),
    ("区财政局", []),
])
def test_genre_spellings_of_an_office(name, spellings):
    assert genre_spellings(name) == spellings
