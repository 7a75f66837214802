"""Responsibility forms, each pinned on its real gazette text (re-joined as the
importer re-joins wrapped lines: line breaks removed, nothing else changed).
Sources: content/sources/<stem>.txt; the line numbers are physical lines."""

import re
from pathlib import Path

import pytest

from generator.reading.responsibility import (addressee_request, dangling_tail_units, find_collective_duties,
                                      find_function_duties, find_kind_duties, find_listed_kinds,
                                      find_prose_assignments,
                                      find_responsibilities, is_dangling_tail,
                                      parse_responsibility_cell, unit_heading)

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"


def one(text):
    found = find_responsibilities(text)
    assert len(found) == 1, found
    return found[0]


# id, text, lead, participants, generic, lead_labelled, deadline, form
CASES = [
    # zichuan-2022 275-277: full-width, lead and responsible joined by ，
    ("comma", "均健康预期寿命提高。（牵头单位：区卫健局，责任单位：区发改局、区医保分局）",
     ["区卫健局"], ["区发改局", "区医保分局"], [], True, None, "labelled-lead"),
    # zichuan-2022 279-283: lead only
    ("lead-only", "（2）孕产妇死亡率控制在 8.2/10万以下，城乡、区域差距逐步缩小。（牵头单位：区卫健局）",
     ["区卫健局"], [], [], True, None, "labelled-lead"),
    # zichuan-2022 733-737: two leads
    ("two-leads", "性平均受教育年限不断提高。（牵头单位：区教体局、区人社局，责任单位：区妇联、区残联、区农业农村局）",
     ["区教体局", "区人社局"], ["区妇联", "区残联", "区农业农村局"], [], True, None, "labelled-lead"),
    # zichuan-2022 4189-4193: [ ] because a name holds brackets; space after the colon
    ("square", "[牵头单位：区公安分局，责任单位： 区委宣传部（区网信办）、区教体局、区文旅局]",
     ["区公安分局"], ["区委宣传部（区网信办）", "区教体局", "区文旅局"], [], True, None, "labelled-lead"),
    # zichuan-2022 5429-5435: [ … ）] and an 等…有关成员单位 tail
    ("square-mismatched", "[牵头单位：区委宣传部（区网信办），责任单位：团区委、区教体局、区公安分局、区司法局、"
     "区文旅局等区妇儿工委有关成员单位）]",
     ["区委宣传部（区网信办）"], ["团区委", "区教体局", "区公安分局", "区司法局", "区文旅局"],
     ["区妇儿工委有关成员单位"], True, None, "labelled-lead"),
    # zichuan-2022 2043-2045: responsible only, a collective
    ("collective-only", "益的法规政策体系。（责任单位：区妇儿工委各成员单位）",
     [], [], ["区妇儿工委各成员单位"], False, None, "labelled"),
    # zichuan-2022 8201-8203: 牵头部门
    ("lead-dept", "儿童需要。（牵头部门：区发改局、区妇儿工委办公室）",
     ["区发改局", "区妇儿工委办公室"], [], [], True, None, "labelled-lead"),
    # zichuan-2022 8476: half-width colon
    ("lead-dept-ascii-colon", "（牵头部门:区残联）", ["区残联"], [], [], True, None, "labelled-lead"),
    # zichuan-2022 8298-8300: a collective lead
    ("lead-collective", "规范校外培训行为。（牵头部门：区教体局、区“双减”工作协调机制成员单位）",
     ["区教体局"], [], ["区“双减”工作协调机制成员单位"], True, None, "labelled-lead"),
    # zichuan-2022 8663-8667: X等各行业主管部门
    ("etc-sector", "孵化儿童友好 IP。（牵头部门：区总工会、区科技局、区工信局、区财政局等各行业主管部门）",
     ["区总工会", "区科技局", "区工信局", "区财政局"], [], ["各行业主管部门"], True, None, "labelled-lead"),
    # zichuan-2022 8825-8827: 七件实事, flat list
    ("resp-flat", "成 1 万名妇女的筛查任务。（责任单位：区妇联、区财政局、区卫健局）",
     [], ["区妇联", "区财政局", "区卫健局"], [], False, None, "labelled"),
    # zichuan-2022 7228-7232: 稳就业, keyword-less
    ("by-duty", "过 1年，缓缴期间免收滞纳金。（区财政局、区人社局、区税务局按职责分工负责）",
     [], ["区财政局", "区人社局", "区税务局"], [], False, None, "by-duty"),
    # zichuan-2022 7365
    ("single-duty", "淄就业创业。（区人社局负责）", [], ["区人社局"], [], False, None, "by-duty"),
    # zichuan-2022 7397-7399: ， before the township group
    ("by-duty-townships", "入。（区工信局、区人社局、区文旅局，各镇、街道、开发区按职责分工负责）",
     [], ["区工信局", "区人社局", "区文旅局"], ["各镇、街道、开发区"], False, None, "by-duty"),
    # zichuan-2022 7498-7502
    ("by-duty-etc", "把劳动争议化解在萌芽状态。（区总工会、区人社局等有关部门按职责分工负责）",
     [], ["区总工会", "区人社局"], ["有关部门"], False, None, "by-duty"),
    # zichuan-2022 7524-7528: collectives only
    ("by-duty-generic", "优化为企服务质效。（各镇、街道、开发区，区直各有关部门按职责分工负责）",
     [], [], ["各镇、街道、开发区", "区直各有关部门"], False, None, "by-duty"),
    # zichuan-2022 7956-7962: unbracketed paragraph; 各镇（街道、开发区） stays whole
    ("paragraph", "进一步畅通消费品下乡、农产品进城双向流通渠道。责任单位：区邮政管理局、区发改局、区交通运输局、"
     "区商务局、区供销社，各镇（街道、开发区）。",
     [], ["区邮政管理局", "区发改局", "区交通运输局", "区商务局", "区供销社"], ["各镇（街道、开发区）"],
     False, None, "paragraph"),
    # zichuan-2022 8013-8017: two offices run together (a lost 、) split; 、、 skipped
    ("paragraph-data-errors", "责任单位：区商务局、区发改局区交通运输局、区农业农村局、、区邮政管理局、区乡村振兴服务中心、"
     "区供销社，各镇（街道、开发区）。",
     [], ["区商务局", "区发改局", "区交通运输局", "区农业农村局", "区邮政管理局", "区乡村振兴服务中心", "区供销社"],
     ["各镇（街道、开发区）"], False, None, "paragraph"),
    # dongchangfu-2022 94: ； between the parts
    ("semicolon", "人均健康预期寿命提高。（牵头单位：区卫生健康局；责任单位：区医保局、区发展和改革局）",
     ["区卫生健康局"], ["区医保局", "区发展和改革局"], [], True, None, "labelled-lead"),
    # dongchangfu-2022 235: ASCII brackets and colon
    ("ascii", "(7) 建立工会女职工委员会的企业应签订女职工权益保护专项集体合同。(牵头单位:区总工会)",
     ["区总工会"], [], [], True, None, "labelled-lead"),
    # dongchangfu-2022 758: `: ` and `; ` with spaces, 等…有关成员单位、特邀单位
    ("ascii-spaced", "(8) 儿童伤害监测报告系统进一步完善。(牵头单位: 区卫生健康局; 责任单位: 区民政局、区公安分局、"
     "区大数据局、团区委、区妇联等区妇女儿童工作委员会有关成员单位、特邀单位)",
     ["区卫生健康局"], ["区民政局", "区公安分局", "区大数据局", "团区委", "区妇联"],
     ["区妇女儿童工作委员会有关成员单位", "特邀单位"], True, None, "labelled-lead"),
    # dongchangfu-2022 740-742: （…) mismatched
    ("mismatched", "下降 20%。（牵头单位：区教育和体育局、区卫生健康局；责任单位：团区委、区市场监督管理局、区公安分局)",
     ["区教育和体育局", "区卫生健康局"], ["团区委", "区市场监督管理局", "区公安分局"], [], True, None,
     "labelled-lead"),
    # dongchangfu-2022 1033: a typo kept as written
    ("typo-kept", "（牵头单位：区妇儿儿童工作委员会办公室、区财政局；责任单位：区发展和改革局、区妇联）",
     ["区妇儿儿童工作委员会办公室", "区财政局"], ["区发展和改革局", "区妇联"], [], True, None, "labelled-lead"),
    # zhangdian-2021 11: no lead labelled, township collective after ，
    ("no-lead", "送婴幼儿照护知识进社区、进家庭。（责任单位：区委宣传部、团区委、区妇联、区工会、区教体局、区人社局、"
     "区卫健局、区市场监管局，各镇政府、街道办事处）",
     [], ["区委宣传部", "团区委", "区妇联", "区工会", "区教体局", "区人社局", "区卫健局", "区市场监管局"],
     ["各镇政府、街道办事处"], False, None, "labelled"),
    # zhangdian-2021 393: …牵头, …配合; 完成时间
    ("lead-inside", "提高社会信用体系建设法治化、规范化水平。（责任单位：区发展改革局牵头，区委宣传部、区市场监管局、"
     "区司法局、各镇办、区相关部门配合；完成时间：2021年12月）",
     ["区发展改革局"], ["区委宣传部", "区市场监管局", "区司法局"], ["各镇办", "区相关部门"], True,
     "2021年12月", "labelled"),
    # zhangdian-2021 401: 完成时间 without a colon, two leads
    ("deadline-no-colon", "有力支撑信用体系各项工作落地落实。（责任单位：区发展改革局、区大数据中心牵头，各镇办、区直相关部门配合；"
     "完成时间2021年12月）",
     ["区发展改革局", "区大数据中心"], [], ["各镇办", "区直相关部门"], True, "2021年12月", "labelled"),
    # zhangdian-2021 1479: 责任部门
    ("resp-dept", "（责任部门：区委宣传部牵头，区纪委监委机关、区委组织部、区委编办、区人力资源社会保障局、各镇办、"
     "区直相关部门配合；完成时间：2021年12月）",
     ["区委宣传部"], ["区纪委监委机关", "区委组织部", "区委编办", "区人力资源社会保障局"], ["各镇办", "区直相关部门"],
     True, "2021年12月", "labelled"),
    # zhangdian-2021 3322: 实时推进
    ("ongoing", "助力省级信用示范区和全国文明城市创建。（责任单位：区地方金融监管局、区行政审批服务局、区发展改革局牵头，"
     "马尚街道、区直相关部门配合；完成时间：实时推进）",
     ["区地方金融监管局", "区行政审批服务局", "区发展改革局"], ["马尚街道"], ["区直相关部门"], True, "实时推进",
     "labelled"),
    # zhangdian-2021 446: ， among the partners; 试点街区所在镇办, 街区管理单位 are collectives
    ("partners-comma", "（责任单位：区发展改革局牵头，区市场监管局、区综合行政执法局、试点街区所在镇办，街区管理单位配合；"
     "完成时间：2021年12月）",
     ["区发展改革局"], ["区市场监管局", "区综合行政执法局"], ["试点街区所在镇办", "街区管理单位"], True,
     "2021年12月", "labelled"),
    # zhangdian-2021 4297: 。 between the parts
    ("full-stop", "人均健康预期寿命提高。（牵头单位：区卫生健康局。责任单位：市医保局张店分局、区发展改革局）",
     ["区卫生健康局"], ["市医保局张店分局", "区发展改革局"], [], True, None, "labelled-lead"),
    # zhangdian-2021 4422: 平等 is no 等
    ("pingdeng", "（2）促进法规政策性别平等评估机制规范化建设和有效运行。（牵头单位：区妇儿工委办公室。责任单位："
     "区法规政策性别平等评估机制联席会议各成员单位）",
     ["区妇儿工委办公室"], [], ["区法规政策性别平等评估机制联席会议各成员单位"], True, None, "labelled-lead"),
    # yantai-2021 74: safety plan, named and generic participants
    ("safety", "扎实开展生产经营单位开工安全生产“第一课”等宣传教育活动。（责任单位：市应急局牵头，市委组织部、市委党校、"
     "市审计局、市国资委，市各行业主管部门、市负有安全生产监管职责的部门等按职责分工负责）",
     ["市应急局"], ["市委组织部", "市委党校", "市审计局", "市国资委"],
     ["市各行业主管部门", "市负有安全生产监管职责的部门"], True, None, "labelled"),
    # yantai-2021 120-122: two leads, mismatched brackets
    ("safety-two-leads", "（责任单位：市公安局、市交通运输局牵头，市各行业主管部门、市负有安全生产监管职责的部门等按职责分工负责)",
     ["市公安局", "市交通运输局"], [], ["市各行业主管部门", "市负有安全生产监管职责的部门"], True, None, "labelled"),
    # yantai-2021 162: no 牵头 -> no lead
    ("safety-no-lead", "(责任单位：市工业和信息化局、市发展改革委、市科技局、烟台海关等按职责分工负责)",
     [], ["市工业和信息化局", "市发展改革委", "市科技局", "烟台海关"], [], False, None, "labelled"),
    # yantai-2021 480: two leads joined by ， before ；
    ("leads-comma", "村委会主任中女性比例逐步提高。(牵头单位：市委组织部，市民政局；责任单位：市妇联)",
     ["市委组织部", "市民政局"], ["市妇联"], [], True, None, "labelled-lead"),
    # yantai-2021 694: `:` and `, ` with spaces
    ("ascii-comma-space", "(4) 文化与传媒工作者的性别平等意识提高。(牵头单位:市委宣传部, 责任单位: 市妇儿工委办公室、"
     "市委网信办、市妇联等市妇儿工委有关成员单位、特邀单位)",
     ["市委宣传部"], ["市妇儿工委办公室", "市委网信办", "市妇联"], ["市妇儿工委有关成员单位", "特邀单位"], True,
     None, "labelled-lead"),
    # yantai-2021 1288: 牵头部门 / 参与部门
    ("participating", "继续开展对口帮扶协作工作。（牵头部门：市乡村振兴局；参与部门：市残联、市发展改革委、市民政局、"
     "市住房城乡建设局）",
     ["市乡村振兴局"], ["市残联", "市发展改革委", "市民政局", "市住房城乡建设局"], [], True, None, "labelled-lead"),
    # yantai-2021 1298: ， between the parts
    ("participating-comma", "(牵头部门：市民政局、市残联，参与部门：市住房城乡建设局、市卫生健康委、市应急局、市医保局)",
     ["市民政局", "市残联"], ["市住房城乡建设局", "市卫生健康委", "市应急局", "市医保局"], [], True, None,
     "labelled-lead"),
    # yantai-2021 1374: `: ` / `; ` with spaces
    ("participating-spaced", "确保规划的各项任务落到实处。(牵头部门: 市政府残工委; 参与部门: 市政府有关部门)",
     ["市政府残工委"], [], ["市政府有关部门"], True, None, "labelled-lead"),
    # huaiyin-2022 79-81: the page joint printed 责 twice
    ("stutter", "宫颈癌及癌前病变规范治疗率达到90%以上。（牵头单位：区卫生健康局，责责任单位：区财政局、区妇联、区总工会）",
     ["区卫生健康局"], ["区财政局", "区妇联", "区总工会"], [], True, None, "labelled-lead"),
    # huaiyin-2022 141: full-width brackets with an ASCII comma
    ("mixed-comma", "（牵头单位：区妇联,责任单位：区委宣传部、区教育和体育局、区文化和旅游局、区总工会、团区委）",
     ["区妇联"], ["区委宣传部", "区教育和体育局", "区文化和旅游局", "区总工会", "团区委"], [], True, None,
     "labelled-lead"),
    # huaiyin-2022 735-737: (牵|头单位 re-joined; (…）
    ("split-label", "(8) 完善儿童伤害监测报告系统。(牵头单位：区卫生健康局，责任单位：区民政局、区公安分局、区妇联）",
     ["区卫生健康局"], ["区民政局", "区公安分局", "区妇联"], [], True, None, "labelled-lead"),
    # huaiyin-2022 2410: no lead labelled
    ("street-offices", "帮助企业认识资本市场、掌握政策法规、强化资本意识。（责任单位：区金融事业发展中心，各街道办事处）",
     [], ["区金融事业发展中心"], ["各街道办事处"], False, None, "labelled"),
    # huaiyin-2022 2631: 〔…〕 around a name holding brackets
    ("tortoise", "形成文明健康的生活风尚。〔区委宣传部（区文明办）、区民政局、区教育和体育局、区生态环境分局按职责分工负责〕",
     [], ["区委宣传部（区文明办）", "区民政局", "区教育和体育局", "区生态环境分局"], [], False, None, "by-duty"),
    # huaiyin-2022 2782: X等<collective>
    ("by-duty-collective", "（区委办公室、区政府办公室、区生态环境分局等生态环保督察整改责任单位按职责分工负责）",
     [], ["区委办公室", "区政府办公室", "区生态环境分局"], ["生态环保督察整改责任单位"], False, None, "by-duty"),
    # 分别负责: each named office for its part; later names drop the level prefix
    ("each-their-part", "城乡居民收入均增长7%。（市发改委、统计局分别负责）",
     [], ["市发改委", "统计局"], [], False, None, "by-duty"),
    # an office joined to a collective by 及; a time limit closing the list with no label
    ("joined-and-time", "（牵头单位：市政务服务局；责任单位：市司法局、市委编办及市直相关单位，9月底完成）",
     ["市政务服务局"], ["市司法局", "市委编办"], ["市直相关单位"], True, "9月底完成", "labelled-lead"),
    # 主要协作单位: 主要 qualifies the helpers' label and is no part of the lead's name
    ("main-helpers", "牵头责任单位：县民政局、县卫健委\n主要协作单位：各乡镇人民政府，县政府有关部门",
     ["县民政局", "县卫健委"], [], ["各乡镇人民政府", "县政府有关部门"], True, None, "paragraph"),
    # 牵头 with a verb of its own still labels the lead
    ("lead-and-verb", "加快项目建设。（县发改局牵头负责）", ["县发改局"], [], [], True, None, "clauses"),
    ("lead-verb-helper", "加快项目建设。（县住建局牵头落实，县财政局配合）", ["县住建局"], ["县财政局"], [], True, None,
     "clauses"),
    # huaiyin-2022 2603: a rule for the tasks that follow
    ("by-duty-rest", "（区发展改革局、区工业和信息化局、区住房城乡建设局、区水务局按职责分工负责，各街道负责落实。"
     "以下任务均需各街道落实，不再逐一列出）",
     [], ["区发展改革局", "区工业和信息化局", "区住房城乡建设局", "区水务局"], ["各街道"], False, None, "by-duty"),
]


@pytest.mark.parametrize("text,lead,participants,generic,labelled,deadline,form",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_form(text, lead, participants, generic, labelled, deadline, form):
    r = one(text)
    assert (r.lead, r.participants, r.generic) == (lead, participants, generic)
    assert (r.lead_labelled, r.deadline_text, r.form) == (labelled, deadline, form)
    assert text[r.span[0]:r.span[1]] == r.raw


def test_span_covers_the_parenthetical():
    # zichuan-2022 5429-5435: the stray ] after ） belongs to the parenthetical
    text = "有关。[牵头单位：区委宣传部（区网信办），责任单位：团区委等区妇儿工委有关成员单位）]下文"
    r = one(text)
    assert r.raw.startswith("[牵头单位") and r.raw.endswith("）]")


def test_several_in_one_text():
    # huaiyin-2022 2603: one task, several sentences, each with its units
    text = ("加强甲烷、氧化亚氮、氢氟化碳等非二氧化碳温室气体排放管控。（区生态环境分局、区农业农村局按职责分工负责）"
            "按照国家统一部署和省、市工作要求，落实排放源统计调查、核算核查、监管制度，将温室气体管控纳入环评管理。"
            "（区生态环境分局）按照上级要求")
    found = find_responsibilities(text)
    assert [r.form for r in found] == ["by-duty", "bare-units"]
    assert found[1].participants == ["区生态环境分局"]


@pytest.mark.parametrize("text", [
    "（社区）干部。",                                    # zichuan-2022 1677
    "淄川区行政许可事项清单（2022 年版）",              # zichuan-2022 7042-7044
    "区级残联机关干部队伍中要有15%（含）以上的残疾人",   # huaiyin-2022 2039
    "及盖章 PDF 版报区妇儿工委办公室。（协同办公邮箱：淄川区妇联）",  # zichuan-2022 8933-8935
    "妇女儿童工作委员会(以下简称妇儿工委）协调",          # zichuan-2022 3126
    "《张店区社会信用体系建设实施方案（试行）》",         # zhangdian-2021 448
    "川政发〔2022〕7号",
    "由区政府领导（区长、副区长）包挂推进",               # huaiyin-2022 (上市 annex)
    "区委宣传部（区网信办）负责网络宣传。",               # a unit's own brackets, not a parenthetical
    "示范县(区、县)”荣誉",
    "政府办公室（区外办、区大数据局）：负责",            # huaiyin-2022 3221, after a name
])
def test_ordinary_brackets_are_not_responsibilities(text):
    assert find_responsibilities(text) == []


def as_county(s: str) -> str:
    return re.sub(r"(?<!开发)(?<![街社城])区", "县", s)


def test_county_reads_like_district():
    # The same gazette re-typeset for a 县 must give the same structure.
    for c in CASES:
        r = one(as_county(c[1]))
        assert r.lead == [as_county(x) for x in c[2]], c[0]
        assert r.participants == [as_county(x) for x in c[3]], c[0]
        assert r.generic == [as_county(x) for x in c[4]], c[0]


# --- table cells: zhangdian-2021 T1 责任单位 column ------------------------------------------

@pytest.mark.parametrize("cell,lead,participants,generic,labelled", [
    ("区发展改革局", [], ["区发展改革局"], [], False),                                     # 479
    ("区发展改革局、区市场监管局、区司法局", [], ["区发展改革局", "区市场监管局", "区司法局"], [], False),  # 540
    ("区发展改革局牵头，区有关部门、各镇办、张店经济开发区配合",                          # 546
     ["区发展改革局"], ["张店经济开发区"], ["区有关部门", "各镇办"], True),
    ("区发展改革局、区委宣传部、区委政法委、区市场监管局、区司法局牵头",                # 648
     ["区发展改革局", "区委宣传部", "区委政法委", "区市场监管局", "区司法局"], [], [], True),
    ("区卫生健康局等行业主管部门", [], ["区卫生健康局"], ["行业主管部门"], False),          # 564
    ("全区有行政许可、行政处罚职权的单位", [], [], ["全区有行政许可、行政处罚职权的单位"], False),  # 485
])
def test_cell(cell, lead, participants, generic, labelled):
    r = parse_responsibility_cell(cell)
    assert (r.lead, r.participants, r.generic, r.lead_labelled, r.form) == (
        lead, participants, generic, labelled, "cell")


def test_empty_cell():
    assert parse_responsibility_cell("  ") is None


# --- dangling tails: dongchangfu-2022 167/169, 227/229, 754/756 -------------------------------

D167 = ("（7）女性接受职业教育的水平逐步提高。（牵头单位：区教育和体育局；责任单位：区人力资源和社会保障局、"
        "区农业农村局）")


@pytest.mark.parametrize("tail,units", [
    ("村局、区科协、区妇联、区残联)", ["区科协", "区妇联", "区残联"]),                        # 169
    ("村局、区人力资源和社会保障局、团区委、区妇联)", ["区人力资源和社会保障局", "团区委", "区妇联"]),  # 229
    ("局、区农业农村局、区科技局、区科协、区妇联、团区委)",                                  # 756
     ["区农业农村局", "区科技局", "区科协", "区妇联", "团区委"]),
])
def test_dangling_tail(tail, units):
    assert is_dangling_tail(tail)
    assert dangling_tail_units(tail) == units


def test_dangling_tail_needs_a_closed_list_before_it():
    assert dangling_tail_units("村局、区科协、区妇联、区残联)", D167) == ["区科协", "区妇联", "区残联"]
    # dongchangfu-2022 925/927: a parenthetical still open -> an ordinary wrap, not a tail
    open_before = "(牵头单位：区妇女儿童工作委员会办公室；责任单位：区法院、区检察院、团区委等区"
    assert not is_dangling_tail("妇女儿童工作委员会有关成员单位、特邀单位)", open_before)


@pytest.mark.parametrize("text,participants", [
    # dongchangfu-2022 167+169, re-joined into one block
    (D167 + "村局、区科协、区妇联、区残联)", ["区人力资源和社会保障局", "区农业农村局", "区科协", "区妇联", "区残联"]),
    # dongchangfu-2022 754+756 (the parenthetical on its own line)
    ("（牵头单位：区应急局；责任单位：区民政局、区教育和体育局、区卫生健康局）局、区农业农村局、区科技局、区科协、区妇联、团区委)",
     ["区民政局", "区教育和体育局", "区卫生健康局", "区农业农村局", "区科技局", "区科协", "区妇联", "团区委"]),
])
def test_tail_in_the_same_text_is_absorbed(text, participants):
    r = one(text)
    assert r.participants == participants
    assert r.raw.endswith(")") and r.span[1] == len(text)


def test_text_after_a_parenthetical_is_not_a_tail():
    # huaiyin-2022 2603: sentences go on after each parenthetical
    r = find_responsibilities("管控。（区生态环境分局、区农业农村局按职责分工负责）按照国家统一部署（区生态环境分局）")
    assert r[0].raw == "（区生态环境分局、区农业农村局按职责分工负责）"


@pytest.mark.parametrize("text", ["区科协、区妇联", "（区科协）", "本规划由区妇联负责解释）", ""])
def test_not_dangling(text):
    assert not is_dangling_tail(text)


# --- prose -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lead,participants,generic", [
    # zichuan-2022 3339-3345: the composition clause is no assignment
    ("监测组由统计部门牵头，由相关部门负责规划统计监测人员组成，负责规划监测工作的组织、指导和培训",
     ["统计部门"], [], []),
    # dongchangfu-2022 584
    ("评估组由区妇女儿童工作委员会办公室牵头，由相关部门负责规划评估人员组成", ["区妇女儿童工作委员会办公室"], [], []),
    # huaiyin-2022 1729: X负责牵头 (and 区财政局负责… in the next clause)
    ("区自然资源局负责牵头对全区耕地保护工作进行考核评价", ["区自然资源局"], [], []),
    # yantai-2021 762
    ("统计部门牵头组织开展年度监测", ["统计部门"], [], []),
    # zhangdian-2021 166: 由X负责 names participants, not a lead
    ("公办学校学位分别由区卫健局、区民政局、区教体局负责细则的制定和执行。", [],
     ["区卫健局", "区民政局", "区教体局"], []),
    # zhangdian-2021 168: 和 between two offices
    ("本政策解释权由区财政局和区服务业发展中心负责。", [], ["区财政局", "区服务业发展中心"], []),
    # huaiyin-2022 2924-2926: 会同 … 等
    ("1. 综合协调组由区市场监管部门牵头，会同区发展改革、教育和体育、科技等部门组成",
     ["区市场监管部门"], ["区发展改革", "教育和体育", "科技"], []),
])
def test_prose(text, lead, participants, generic):
    found = find_prose_assignments(text)
    assert found, text
    r = found[0]
    assert (r.lead, r.participants, r.generic, r.form) == (lead, participants, generic, "prose")
    assert r.lead_labelled == bool(lead)
    assert text[r.span[0]:r.span[1]] == r.raw


@pytest.mark.parametrize("text", [
    "坚持妇女事业与经济社会同步协调发展",                        # zichuan-2022 194-198 (社会同步)
    "健全报告制度，责任单位每年向同级妇儿工委报告规划落实情况",   # zichuan-2022 3186
    "将规划目标分解到责任单位并纳入目标管理",                    # zichuan-2022 3180-3182
    "各级各部门主要负责同志要亲自抓",
    "（区人社局负责）",                                           # a parenthetical, not prose
    "市政府各牵头部门要于1月底前完成分解",                        # the lead offices as a class lead nothing
])
def test_prose_traps(text):
    assert find_prose_assignments(text) == []


def test_an_agent_brings_in_partners_and_an_office_name_holds_a_verb():
    """由X会同Y进行解释: both act; 编制 opening 编制委员会 is part of X's name, not X's act."""
    (r,) = find_prose_assignments("本规定由中共某某县委机构编制委员会办公室会同县财政局进行解释。")
    assert r.participants == ["中共某某县委机构编制委员会办公室", "县财政局"]


def test_prose_composition_trap_alone():
    # zichuan-2022 3341: 由相关部门负责规划统计监测人员组成
    assert find_prose_assignments("由相关部门负责规划统计监测人员组成") == []


@pytest.mark.parametrize("text,participants", [
    ("人社、财政、医保等部门应当按照各自职责，共同做好参保工作。", ["人社", "财政", "医保"]),
    ("县委要求，交通、电力、供水等与群众生活密切相关的部门，要安排好节日值守。", ["交通", "电力", "供水"]),
    ("镇财政、国土、环保等相关部门按职责做好配合。", ["镇财政", "国土", "环保"]),
    # the shared head on the last function, split as written
    ("五、教育、卫生健康行政部门分别负责下列工作", ["教育", "卫生健康行政部门"]),
    # 等有关部门、单位
    ("第七条 水利、农机、气象等有关部门、单位，要各负其责。", ["水利", "农机", "气象"]),
    # one function's 主管部门 as an article's subject
    ("第九条 园林绿化主管部门，要对行道树加强养护。", ["园林绿化主管部门"]),
])
def test_function_duties(text, participants):
    (r,) = find_function_duties(text)
    assert (r.lead, r.participants, r.form) == ([], participants, "functions")


@pytest.mark.parametrize("text", [
    "由区应急部门牵头，会同财政、交通等部门开展调查",     # 会同's objects: functions, not parties
    "做好交通、电力等部门的协调",                         # not a subject
    "加强宣传、组织等部门要做好",                         # a clause, no subject
    "有关主管部门要加强监督",                             # a collective, not one function's office
])
def test_function_duties_traps(text):
    assert find_function_duties(text) == []


# --- the five gazettes, lines naively joined ------------------------------------------------------

def naive_join(stem: str) -> str:
    lines = (SOURCES / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    return "".join(line.strip() for line in lines if line.strip())


# Parentheticals (and 000's 寄递 paragraphs) counted by hand in the seed notes.
GOLD = {
    "zichuan-2022": 209,      # 189 bracketed + 12 稳就业 + 8 寄递 paragraphs
    "dongchangfu-2022": 138,  # one per goal
    "zhangdian-2021": 196,
    "yantai-2021": 218,
    "huaiyin-2022": 320,      # 198 labelled + 92 按职责分工负责 + 30 single units
}


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_gazette_totals(stem):
    text = naive_join(stem)
    found = find_responsibilities(text)
    assert len(found) == GOLD[stem]
    assert all(r.lead or r.participants or r.generic for r in found)
    assert all(text[r.span[0]:r.span[1]] == r.raw for r in found)
    names = [n for r in found for n in r.lead + r.participants]
    assert all(len(n) <= 20 and "：" not in n and ":" not in n for n in names), names
    find_prose_assignments(text)   # no crash


def test_gazette_details():
    zichuan = find_responsibilities(naive_join("zichuan-2022"))
    assert sum("牵头单位" in r.raw for r in zichuan) >= 130
    assert sum("牵头部门" in r.raw for r in zichuan) == 42
    zhangdian = find_responsibilities(naive_join("zhangdian-2021"))
    assert [r.deadline_text for r in zhangdian if r.deadline_text].count("实时推进") == 17
    assert sum(1 for r in zhangdian if r.deadline_text) == 42


@pytest.mark.parametrize("text,participants", [
    ("城区绿线的具体范围，由县人民政府在编制的城市总体规划中划定。", ["县人民政府"]),
    ("各乡镇上报的问题，由县农业农村局组织核实后汇总。", ["县农业农村局"]),
])
def test_the_agent_of_a_passive_duty_takes_part(text, participants):
    """由X在…划定, 由X组织…: X does it, with no 负责 written."""
    (r,) = find_prose_assignments(text)
    assert (r.lead, r.participants) == ([], participants)


@pytest.mark.parametrize("text,participants,generic", [
    # an office named with its place as well as its level
    ("兴庆区政府办公室将加强跟踪督查，对办理不力的单位予以通报。", ["兴庆区政府办公室"], []),
    # after a comma, collectives open a clause of their own …
    ("整改结束后，各镇、各有关部门要及时报送整改情况。", [], ["各镇", "各有关部门"]),
    # … and so do offices named in full (an office only received what comes before)
    ("请于3月9日前报送县政府督查室，县政府督查室将适时督办。", ["县政府督查室"], []),
    ("未完成任务的乡镇，县人民政府将实行问责。", ["县人民政府"], []),
    ("整改情况报送督查室，督查室将跟踪督办。", [], []),         # no level: an office's short name
    # … with a modal or a deadline: after a clause of basis, an office and a date report what it did
    ("根据上级的工作安排，县专项办于2023年7月起对各部门进行督查。", [], []),
    ("根据工作安排，县专项办将于7月起对各部门进行督查。", ["县专项办"], []),
    ("各镇于4月前报送县商务局，县商务局于6月底前完成审核。", ["县商务局"], ["各镇"]),
    ("整改结束后，各镇于6月底前报送整改情况。", [], ["各镇"]),
    # levels sharing one body's name: the body of each, a collective named as written
    ("市、县（区）人民政府法制机构负责指导本行政区域的执法公示工作。", [], ["市、县（区）人民政府法制机构"]),
    ("县、乡镇两级政府要做好扑火准备。", [], ["县、乡镇两级政府"]),
    # 会同: the partners act with the subject
    ("县教育局要会同县财政局、县人社局对方案进行论证。", ["县教育局", "县财政局", "县人社局"], []),
    ("各责任单位要会同牵头单位，抓好落实。", [], ["各责任单位", "牵头单位"]),
    # an article's number before its subject
    ("第五条 各乡镇人民政府应当做好本辖区的宣传工作。", [], ["各乡镇人民政府"]),
    # collectives a relative clause defines, after a comma too
    ("全县划定禁牧区，禁牧区所涉及的村要落实管护人员。", [], ["禁牧区所涉及的村"]),
    ("有安置任务的单位要做好群众工作。", [], ["有安置任务的单位"]),
    ("县里的干部要下沉一线。", [], []),
    # a subject set off by a comma or a time before 要
    ("3.各村、各有关单位在汛期到来前，要组织一次隐患排查。", [], ["各村", "各有关单位"]),
    ("工程竣工后各乡镇要及时组织验收。", [], ["各乡镇"]),
    # the offices a role names as a class; 既 and 也 are no part of the subject
    ("各牵头单位要统筹协调；配合单位要积极作为。", [], ["各牵头单位", "配合单位"]),
    ("各级各部门既要抓当前，也要谋长远。", [], ["各级各部门"]),
    # X按照职责分工…: the subject acts within its remit
    ("县政府各部门、县直有关单位按照职责分工，认真谋划上报。", [], ["县政府各部门", "县直有关单位"]),
    # one subject listed across a comma, collectives first
    ("各市政府，某某示范区、某某新区管委会要扛牢属地责任。", ["某某示范区", "某某新区管委会"], ["各市政府"]),
    ("各镇，各有关部门要及时报送整改情况。", [], ["各镇", "各有关部门"]),
    # X对…负总责: X answers for what follows
    ("各牵头单位对承担的任务落实负总责。", [], ["各牵头单位"]),
    # a note in brackets holding commas; 本市 before a collective
    ("本市各级税务机关（包括派出机构，以及受委托的组织）应当公开办税流程。", [], ["本市各级税务机关"]),
    # 按职责分工 is what the subject must do
    ("县直各部门、各乡镇按照职责分工，抓好落实。", [], ["县直各部门", "各乡镇"]),
    # the courts, no place named
    ("检察院要积极参与社会治理。", [], ["检察院"]),
    # a list of governments, a comma, then more: one subject (a place stands for its government)
    ("各县人民政府，高新区、经开区管委会要压实属地责任。", ["高新区", "经开区管委会"], ["各县人民政府"]),
    # a hedge and a year's limit between the subject and 要; a defined collective with its bracket
    ("未建成服务站的村（社区）原则上到2030年底要建成一个。", [], ["未建成服务站的村（社区）"]),
    # who a target is handed down to
    ("将能耗和用水总量指标分解落实到各乡镇、县直有关部门。", [], ["各乡镇", "县直有关部门"]),
    ("将任务分解到每个岗位。", [], []),
    # a request's closing formula ends its sentence, though a copy lost the stop after it
    ("现将方案印发给你们请认真贯彻执行全县各级各部门要抓好落实。", [], ["全县各级各部门"]),
    ("要督促贯彻落实各项要求。", [], []),
    # … but not a clause that ends in an office: it opens no subject listed across the comma
    ("请各单位于3月9日前报送县政府督查室，县政府督查室将适时督办。", ["县政府督查室"], ["各单位"]),
    # a standing duty, its recurrence between the office and what it does
    ("区政府督查室每季度对重点工作进行一次督查。", ["区政府督查室"], []),
    ("坚持每年对企业开展评估。", [], []),
    # a request naming whom it asks, however it goes on (精心组织, 高度重视)
    ("现印发给你们，请有关单位精心组织，按期完成。", [], ["有关单位"]),
    ("现转发给你们。请各街道、各开发区高度重视，抓好落实。", [], ["各街道", "各开发区"]),
])
def test_the_subject_of_a_duty_in_running_text(text, participants, generic):
    found = find_collective_duties(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == \
        (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    ("县人民政府防汛指挥部（以下简称县防指）负责统一组织全县防汛工作。", ["县人民政府防汛指挥部"], []),
    ("本县的防汛抢险工作，由县、乡镇两级政府负责。", [], ["县、乡镇两级政府"]),
    # an office, then the body each lower level has, one long subject
    ("州人民政府办公厅和县（市）、区人民政府办公室主管本行政区域的档案工作。",
     ["州人民政府办公厅"], ["县（市）、区人民政府办公室"]),
])
def test_a_duty_subject_with_its_abbreviation_or_shared_by_levels(text, participants, generic):
    (r,) = find_prose_assignments(text)
    assert (r.participants, r.generic) == (participants, generic)


def test_a_label_after_a_short_title():
    (r,) = find_responsibilities("东湖公园绿化点责任单位：县林业局。")
    assert r.participants == ["县林业局"]
    assert find_responsibilities("经研究，明确责任单位：县林业局。") == []     # a clause, not a title


def test_each_in_charge_of_its_own_part():
    (r,) = find_responsibilities("完成老旧小区改造。（县住建局、县财政局分别负责，年内持续推进）")
    assert r.participants == ["县住建局", "县财政局"]
    (r,) = find_responsibilities("实现规划目标。（县政府各部门分别负责）")
    assert r.generic == ["县政府各部门"]


def test_a_bracket_lists_who_holds_the_role_before_it():
    (r,) = find_responsibilities("请各片区牵头单位（县委办、县财政局、城东林场）于3月1日前报名。")
    assert (r.lead, r.participants, r.lead_labelled) == (["县委办", "县财政局", "城东林场"], [], True)


def test_a_role_given_by_naming_it():
    found = find_prose_assignments("县住建局为该工程的牵头单位，负责编制方案；县财政局、县审计局为配合单位。")
    assert [(r.lead, r.participants, r.form) for r in found] == [
        (["县住建局"], [], "role"), ([], ["县财政局", "县审计局"], "role")]


@pytest.mark.parametrize("text,participants", [
    ("领导小组下设办公室，办公室设在县应急管理局，负责日常工作。", ["县应急管理局"]),
    ("将粮食储备管理职责划归县发展和改革局。", ["县发展和改革局"]),
    ("指挥部设在县城东部新区。", []),      # where a body sits, not who holds it
    ("第三条 县林业局是本县森林防火工作的主管部门。", ["县林业局"]),
])
def test_the_office_that_holds_a_body_or_a_duty(text, participants):
    assert [n for r in find_prose_assignments(text) for n in r.participants] == participants


def test_a_subject_named_as_the_leads():
    (r,) = find_collective_duties("四、县水利局、县农业农村局等牵头部门，要于每月5日前报送进展情况。")
    assert (r.lead, r.participants, r.lead_labelled) == (["县水利局", "县农业农村局"], [], True)


def test_main_charge_in_an_article_and_what_one_is_in_charge_of():
    # 主管 gives a duty (办法, 规定); 所负责的 names one's work, it gives none
    (r,) = find_prose_assignments("第三条 县自然资源局主管本县行政区域内的测绘工作。")
    assert r.participants == ["县自然资源局"]
    assert find_prose_assignments("各单位要认真梳理所负责的事项，逐项对账。") == []
@pytest.mark.parametrize("title,participants,generic", [
    ("县住建局：", ["县住建局"], []),
    ("区财政局、区税务局:", ["区财政局", "区税务局"], []),
    ("各镇（街道）：", [], ["各镇（街道）"]),
    # whose duties follow, then what they concern: the longest list it opens with, an office's name last
    ("县财政局职责：", ["县财政局"], []),
    ("各级党委和政府乡村振兴责任主要包括：", [], ["各级党委和政府"]),
    ("各乡镇工作职责如下：", [], ["各乡镇"]),
])
def test_unit_heading(title, participants, generic):
    r = unit_heading(title)
    assert (r.lead, r.participants, r.generic) == ([], participants, generic)


@pytest.mark.parametrize("title", ["工作要求：", "加强组织领导：", "绿化点补充责任单位：", "县住建局", "主要职责：",
                                   "各单位落实情况："])      # a clause opening with a collective names none
def test_not_a_unit_heading(title):
    assert unit_heading(title) is None


@pytest.mark.parametrize("text,addressees,generic", [
    ("现将《实施方案》印发给你们，请认真贯彻执行。", "各镇人民政府，城北、城南街道办事处，县直各部门：",
     ["各镇人民政府", "城北、城南街道办事处", "县直各部门"]),
    ("经研究，制定本预案，现印发给你们,请根据本预案的要求制定专项预案。", "各科室,各站所,各村:", ["各科室", "各站所", "各村"]),
    ("现将有关事项通知如下。", "各镇人民政府：", None),                 # no request
    ("现将《方案》印发给你们，请认真贯彻执行。", "发布日期:2023年1月5日各镇人民政府：", None),   # no addressees' line
    ("现批复如下：请示所列事项同意实施。", "县住建局：", None),            # 请示 is a document, not a request
])
def test_a_request_that_names_no_one_is_made_of_the_addressees(text, addressees, generic):
    r = addressee_request(text, addressees)
    assert (r and (r.lead, r.participants, r.generic)) == (generic and ([], [], generic))


def test_a_request_to_the_addressees_keeps_their_line_as_its_wording():
    r = addressee_request("现将《实施方案》印发给你们，请认真贯彻执行。请各单位于月底前报送。", "各镇人民政府，县直各部门：")
    assert r.raw == "各镇人民政府，县直各部门：……请认真贯彻执行"


def test_functions_named_as_the_leads():
    """`A、B等部门牵头…`: functions (组织 among them, an office's function, not a verb) labelled the leads."""
    (r,) = find_function_duties("组织、人事、民政等部门牵头每年选派一批干部到基层。")
    assert (r.lead, r.participants, r.lead_labelled) == (["组织", "人事", "民政"], [], True)
    assert find_function_duties("推动教育、卫生等部门要加强协作。") == []


@pytest.mark.parametrize("text,participants,generic", [
    # who pays answers for it: 由X承担/分担/解决, the finance office of a level a unit
    ("所需经费由县财政承担。", ["县财政"], []),
    ("培训经费由省财政解决。", ["省财政"], []),
    ("补助资金由省、市、县三级财政按照4:3:3的比例分担。", [], ["省、市、县三级财政"]),
    ("由市、区财政分别按照每人10元给予补助。", [], ["市、区财政"]),
    ("所需费用由企业自行承担。", [], []),          # no office
])
def test_who_pays_takes_part(text, participants, generic):
    found = find_prose_assignments(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    # an article's subject leads the work of its area; 县级以上 names every government of those levels
    ("第三条 县级以上人民政府领导本行政区域内的土地整治工作。", [], ["县级以上人民政府"]),
    ("第四条 县自然资源局统筹负责土地整治项目的监督管理。", ["县自然资源局"], []),
    ("在县委领导下，县住建局负责具体实施。", ["县住建局"], []),
    ("完善党委领导、政府负责、部门协作的工作机制。", [], []),
])
def test_an_article_names_who_leads_the_work_of_its_area(text, participants, generic):
    found = find_prose_assignments(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    # the members of a body given a duty share it; named without a level, they are kinds of office
    ("联席会议由政府办公厅、监察部门及其他有关部门组成，负责协调重要事项。", [], ["政府办公厅", "监察部门及其他有关部门"]),
    ("领导小组由县发改局、县财政局组成，负责统筹推进。", ["县发改局", "县财政局"], []),
    # people, or a body given no duty, share nothing
    ("协调组由县妇儿工委及相关部门负责人组成，负责组织协调。", [], []),
    ("评估组由相关部门负责评估的人员组成，负责评估工作。", [], []),
    ("领导小组由县发改局、县财政局组成。", [], []),
])
def test_the_members_of_a_body_given_a_duty_share_it(text, participants, generic):
    found = find_prose_assignments(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    # a long name read as a subject because it defines its abbreviation
    ("森林资源与林地行政主管部门（以下简称林地部门）负责林地征占用的监督管理。", ["森林资源与林地行政主管部门"], []),
    # the stock phrase of a 办法: X对…实施统一监督管理
    ("市水行政主管部门（以下简称市水务部门）对全市的河道采砂实施统一监督管理。", ["市水行政主管部门"], []),
    # X是…主管部门 / X为…的责任主体, whatever qualifies the role
    ("市农业行政主管部门是本市渔业行政主管部门，负责渔业的监督管理。", ["市农业行政主管部门"], []),
    ("各乡镇人民政府为秸秆禁烧的责任主体，要落实网格巡查。", [], ["各乡镇人民政府"]),
    # the agent of a passive duty before any verb of a duty (公布, 督促 …)
    ("保护名录由县人民政府公布。", ["县人民政府"], []),
    ("由县市场监管局督促经营者做好消毒。", ["县市场监管局"], []),
    # a procedure step by step: who approves, then who registers
    ("设立殡葬服务站，由所在村申请，报县级人民政府批准，县级民政部门办理登记手续。", [],
     ["县级人民政府", "县级民政部门"]),
])
def test_who_a_rule_gives_a_duty(text, participants, generic):
    """The wording of 办法 and 规定 for who does what."""
    found = find_prose_assignments(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == \
        (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    # under whose lead the subject works, between it and 负责 (负责人工… is a duty, not a person)
    ("县（市、区）以上地震主管机构在同级人民政府领导下，负责人工地震观测工作。", [], ["县（市、区）以上地震主管机构"]),
    ("县级以上人民政府水行政主管部门统筹负责河湖治理。", [], ["县级以上人民政府水行政主管部门"]),
    # 应 before the verb that opens a duty; the units it brings in (组织…等部门，协调…等单位) take part
    ("各县（区）人民政府应组织水利、交通等部门，协调当地驻军、消防救援等单位，做好抢险工作。",
     ["水利", "交通", "消防救援"], ["各县（区）人民政府", "当地驻军"]),
    ("区政府将组织相关部门对完成情况进行考评。", ["区政府"], ["相关部门"]),
    ("各牵头单位应组织各责任单位针对薄弱环节开展自查。", [], ["各牵头单位", "各责任单位"]),
    # a clause of purpose or basis before the subject, after which an office opens it
    ("围绕实施方案的推进，市政府督查室要加大督查力度。", ["市政府督查室"], []),
    ("按照工作安排，各乡镇要按时报送。", [], ["各乡镇"]),
    # no name holds 按照 or a quotation; 相关部门和单位: the bare 单位 adds no one
    ("各行业主管部门按照“谁主管谁负责”原则，落实监管责任。", [], []),
    ("相关部门和单位应加强资金监管。", [], ["相关部门"]),
])
def test_the_subject_of_a_duty_in_a_rule(text, participants, generic):
    found = find_collective_duties(text)
    assert ([n for r in found for n in r.participants], [n for r in found for n in r.generic]) == \
        (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    ("市人社、财政、审计等行政部门，按照各自职责，做好监督工作。", ["市人社", "财政", "审计"], []),
    ("民政、卫生、公安等部门和有关驻军单位应当按各自职责做好救助工作。", ["民政", "卫生", "公安"], ["有关驻军单位"]),
])
def test_function_duties_with_a_head_or_a_collective(text, participants, generic):
    (r,) = find_function_duties(text)
    assert (r.participants, r.generic) == (participants, generic)


def test_a_convention_in_a_labelled_note_is_no_unit():
    (r,) = find_responsibilities("（责任单位：市发改委、市经信局，各县、市、区人民政府。"
                                 "以下均需各县、市、区人民政府负责落实，不再列出）")
    assert (r.participants, r.generic) == (["市发改委", "市经信局"], ["各县、市、区人民政府"])


def test_a_bare_list_with_its_convention_and_a_nested_collective():
    """(A，B，各县<市、区>人民政府，排名第一位为牵头单位，下同): <> print a name's inner parentheses;
    the convention is no unit (items.apply_conventions reads it)."""
    (r,) = find_responsibilities("加快建设幼儿园。（市教育局，市财政局，各县<市、区>人民政府，排名第一位为牵头单位，下同）")
    assert (r.participants, r.generic) == (["市教育局", "市财政局"], ["各县<市、区>人民政府"])


def test_a_collective_of_counties_and_districts_is_one_name():
    (r,) = find_responsibilities("加强税收征管。（市税务局、市财政局，各县市、区政府，列第一位的为牵头单位，下同）")
    assert (r.participants, r.generic) == (["市税务局", "市财政局"], ["各县市、区政府"])


@pytest.mark.parametrize("text,generic", [
    # a role word before 和 shares the noun after it: one collective
    ("各牵头和责任部门要细化分解任务，逐月排出计划。", ["各牵头和责任部门"]),
    # two names joined by 和 are two
    ("各乡镇和县直各部门要加强协作。", ["各乡镇", "县直各部门"]),
    ("各配合和责任单位要按时报送进展。", ["各配合和责任单位"]),
])
def test_a_subject_joined_by_and(text, generic):
    (r,) = find_collective_duties(text)
    assert (r.participants, r.generic) == ([], generic)


def test_a_later_office_of_a_subject_may_drop_the_level_the_first_gives():
    """…，县林业局、财政局将组织验收: after a comma, offices named in full open a subject; 财政局
    is the county's, as 县林业局 says."""
    found = find_collective_duties("各申报单位要按时报送材料，县林业局、财政局将组织专家验收。")
    assert [n for r in found for n in r.participants] == ["县林业局", "财政局"]
    # the clause before the comma is a duty of its own, not the subject's first part
    assert [n for r in found for n in r.generic] == ["各申报单位"]
    assert find_collective_duties("水务局、环保局将组织复核。") == []      # no level: kinds of office, not a subject


def test_a_countys_development_zone_is_one_unit_its_towns_are_not():
    (r,) = find_responsibilities("建设产业园区。（县农业农村局、开发区，乡镇按职责分工负责）")
    assert (r.participants, r.generic) == (["县农业农村局", "开发区"], ["乡镇"])


def test_rules_binding_kinds_of_body_name_each_kind_as_a_collective():
    """A rule binding a kind of body (…企业, …单位, 个体工商户, 经营者) names a collective; people listed
    with them (负责人, 驾驶员, 所有者) are left out; a kind must be named by its trade (not 企业 alone)."""
    (r,) = find_kind_duties("第五条 餐饮企业、门店负责人及从业人员是食品安全的责任主体，必须遵守本办法。")
    assert r.generic == ["餐饮企业"] and not r.participants
    (r,) = find_kind_duties("沿街单位和个体工商户，要做好门前清扫。")
    assert r.generic == ["沿街单位", "个体工商户"]
    assert find_kind_duties("企业要加强管理。") == []
    assert find_kind_duties("县市场监管局和餐饮企业要加强协作。") == []      # an office among them: not kinds alone


def test_a_list_of_kinds_without_etc_names_each_kind_after_where_they_are():
    """机关、团体、社区… listed without 等 before 要/应当: each a collective; where they are (镇域内各,
    城区范围内的) is the list's, not its first name's; 各类…的经营者 is one name, its own 、 kept;
    a bare noun is a kind only among others."""
    (r,) = find_kind_duties("一、镇域内各机关、团体、学校教职工委员会、商贸企业，要做好本单位垃圾分类工作。")
    assert r.generic == ["机关", "团体", "学校教职工委员会", "商贸企业"] and not r.participants
    (r,) = find_kind_duties("二是城区范围内的宾馆、饭店和各类提供住宿、餐饮服务的经营者，应当提示顾客节约用水。")
    assert r.generic == ["宾馆", "饭店", "各类提供住宿、餐饮服务的经营者"]
    assert find_kind_duties("社区要做好宣传。") == []


def test_a_duty_by_one_body_or_another_names_each_and_who_applies_acts():
    """由A或B提出申请: whichever of them applies, each answers for it (乡镇, a level, though short)."""
    (r,) = [p for p in find_prose_assignments("名录实行动态管理，变更由区直部门或街道提出书面申请，报区政府批准。")
            if p.generic]
    assert r.generic == ["区直部门", "街道"]


def test_functions_named_as_departments_by_their_role():
    """县发改、住建等相关职能部门要…: 职能部门 says the list names offices by their function."""
    (r,) = find_function_duties("县财政、审计、统计等相关职能部门要简化审批流程。")
    assert r.participants == ["县财政", "审计", "统计"]


@pytest.mark.parametrize("text,participants", [
    # an office of the issuing government named bare, opening a sentence
    ("考核办要建立工作台账，按月通报进度。", ["考核办"]),
    # 适时/定期 before the act: a standing duty of the office named in full
    ("各部门要按时报送材料，县政府定期召开调度会议。", ["县政府"]),
])
def test_bare_offices_and_standing_duties(text, participants):
    assert [n for r in find_collective_duties(text) for n in r.participants] == participants


def test_a_bare_office_after_a_comma_is_no_subject():
    assert [n for r in find_collective_duties("各项工作要扎实推进，考核办要建立台账。") for n in r.participants] == []


@pytest.mark.parametrize("text,participants,generic", [
    # a state forest farm with a proper name is a body of its own
    ("各镇人民政府、青松岭林场负责辖区内的护林防火工作。", ["青松岭林场"], ["各镇人民政府"]),
])
def test_a_named_state_farm_is_a_unit(text, participants, generic):
    (r,) = find_collective_duties(text)
    assert (r.participants, r.generic) == (participants, generic)


@pytest.mark.parametrize("text,participants,generic", [
    # a 通告's penalty clauses: who stops, who punishes
    ("违反本通告的，由所在地乡(镇)人民政府予以制止。", [], ["所在地乡(镇)人民政府"]),
    ("情节严重的，由公安机关责令改正。", ["公安机关"], []),
    ("对违规行为，由税务局、商务局、城管大队等执法部门依法处理。", ["税务局", "商务局", "城管大队"], ["执法部门"]),
    ("本办法由辖区乡镇(街道)、县直各有关单位组织实施。", [], ["辖区乡镇(街道)", "县直各有关单位"]),
])
def test_the_agent_of_a_penalty_or_an_implementation(text, participants, generic):
    (r,) = find_prose_assignments(text)
    assert (r.participants, r.generic) == (participants, generic)


def test_a_department_that_punishes_is_the_subject_of_its_clause():
    (r,) = find_prose_assignments("市场监管部门对经营者处以警告。")
    assert r.participants == ["市场监管部门"]


def test_the_body_set_up_does_what_follows():
    (r,) = find_prose_assignments("成立县防汛抗旱指挥部，统一指挥全县防汛抗旱工作。")
    assert r.participants == ["县防汛抗旱指挥部"]


def test_a_responsibility_system_names_who_answers():
    """实行各级人民政府行政首长负责制: the governments answer; 负责制 is no 负责."""
    (r,) = find_prose_assignments("安全生产工作实行各级人民政府行政首长负责制。")
    assert (r.participants, r.generic) == ([], ["各级人民政府"])


def test_a_subject_then_the_principle_it_acts_on():
    (r,) = find_collective_duties("各乡镇人民政府按照属地管理的原则，制定本辖区工作方案。")
    assert r.generic == ["各乡镇人民政府"]


def test_collectives_of_a_kind_written_with_a_list_inside():
    (r,) = find_collective_duties("各有关部门、乡(镇)人民政府和国有农、林场要加强宣传。")
    assert (r.participants, r.generic) == ([], ["各有关部门", "乡(镇)人民政府", "国有农、林场"])


def test_a_defined_collective_acting_as_it_sees_fit():
    """除城区以外的乡镇结合实际…: 结合实际 opens the act; 除 is no part of the collective's name."""
    (r,) = find_collective_duties("三、除中心城区以外的乡镇结合实际制定管控办法。")
    assert r.generic == ["中心城区以外的乡镇"]


@pytest.mark.parametrize("text,generic", [
    ("机关、医院、学校等要组织职工学习防火知识。", ["机关", "医院", "学校"]),
    ("报纸、电台、网站等媒体要开展公益宣传。", ["报纸", "电台", "网站"]),
])
def test_kinds_of_bodies_closed_by_etc_are_collectives(text, generic):
    (r,) = find_listed_kinds(text)
    assert (r.participants, r.generic) == ([], generic)
    # 等部门 names offices by their function: the function reader's, not this one's
    assert find_listed_kinds("财政、审计等部门要加强监督。") == []


def test_a_role_set_before_a_units_name_is_no_part_of_it():
    """由包片单位县文化局督促…: 包片单位 says what the bureau is, not its name."""
    (r,) = find_prose_assignments("由包片单位县文化局督促商户清理占道物品。")
    assert (r.participants, r.generic) == (["县文化局"], [])


def test_the_office_of_a_headquarters_placed_in_a_bureau():
    (r,) = find_prose_assignments("指挥部下设办公室在县应急局，承担日常工作。")
    assert r.participants == ["县应急局"]


def test_a_body_that_commands_is_the_agent():
    """由县防汛指挥部指挥: 指挥 is what it does; the 指挥 of 指挥部 is its name."""
    (r,) = find_prose_assignments("跨乡镇的抢险工作，由县防汛指挥部指挥。")
    assert r.participants == ["县防汛指挥部"]


@pytest.mark.parametrize("text,generic", [
    # a bare 街道办事处 is every one of them, as a bare 街道 is; 有权机关, whichever has the power
    ("由所在地镇人民政府、街道办事处予以制止，并由有权机关依法处理。", ["所在地镇人民政府", "街道办事处"]),
])
def test_bodies_named_by_their_level_alone_are_collectives(text, generic):
    first, second = find_prose_assignments(text)
    assert (first.participants, first.generic) == ([], generic)
    assert (second.participants, second.generic) == ([], ["有权机关"])


@pytest.mark.parametrize("text,generic", [
    # 各 distributes over the list: each township and each scenic area
    ("各乡镇、风景区要加强野外巡查。", ["各乡镇", "风景区"]),
    # people bound with the bodies are no units; a time before the subject, set off by a comma
    ("汛期内，各镇人民政府、村委会、养殖单位及个人要清理河道。", ["各镇人民政府", "村委会", "养殖单位"]),
    # 及 before a collective joins two names
    ("街道办事处及有关部门要加强宣传。", ["街道办事处", "有关部门"]),
])
def test_collectives_listed_after_each(text, generic):
    (r,) = find_collective_duties(text)
    assert (r.participants, r.generic) == ([], generic)


def test_the_enforcer_of_a_ban_punishing_by_the_law():
    """…的，公安机关将依据《…法》进行处罚: a department named by its function acts."""
    (r,) = find_prose_assignments("凡违反本通告规定的，公安机关将依据《中华人民共和国某某法》的相关规定进行处罚。")
    assert r.participants == ["公安机关"]


@pytest.mark.parametrize("text,participants,generic", [
    # what the subject goes by, then its act
    ("县级人民政府根据本地水源分布情况，划定保护区。", [], ["县级人民政府"]),
    # who sets a body up acts
    ("乡镇人民政府设立防汛指挥所，负责本乡镇防汛工作。", [], ["乡镇人民政府"]),
    # a body named by whom it is formed of: the body, not its members
    ("驻村干部、网格员组成的巡查组，要每日到村巡查。", ["巡查组"], []),
])
def test_subjects_of_township_and_county_duties(text, participants, generic):
    (r,) = find_collective_duties(text)
    assert (r.participants, r.generic) == (participants, generic)


@pytest.mark.parametrize("text,generic", [
    ("二、各村增派巡查员开展巡查，发现问题及时上报。", ["各村"]),
    ("各乡镇加强野外火源管控。", ["各乡镇"]),
    ("三、各项措施落实到位。", []),      # 各项措施: no body
])
def test_a_part_opening_with_collectives_and_their_act(text, generic):
    assert [n for r in find_collective_duties(text) for n in r.generic] == generic
