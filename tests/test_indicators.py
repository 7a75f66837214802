"""Quantitative targets, each pinned on its real gazette sentence (re-joined)."""

from pathlib import Path

import pytest

from generator.reading.indicators import find_indicators

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"

# text, [(metric, comparator, value, unit, target_year, base_year)]
CASES = [
    # zichuan-2022 279-281: value and unit split by a space
    ("per-100k", "（2）孕产妇死亡率控制在 8.2/10 万以下，城乡、区域差距逐步缩小。",
     [("孕产妇死亡率", "<=", 8.2, "/10万", None, None)]),
    # zichuan-2022 285-291: 分别 with one value for two metrics; an age range in the metric
    ("each-one-value", "（3）妇女常见病筛查率达到 85%以上。妇女宫颈癌和乳腺癌防治意识明显提高。35—64 岁适龄妇女宫颈癌、"
     "乳腺癌人群筛查率分别达到 85%以上。",
     [("妇女常见病筛查率", ">=", 85, "%", None, None),
      ("35—64岁适龄妇女宫颈癌人群筛查率", ">=", 85, "%", None, None),
      ("乳腺癌人群筛查率", ">=", 85, "%", None, None)]),
    # zichuan-2022 299
    ("decrease-to-below", "艾滋病母婴传播率下降到 3%以下。", [("艾滋病母婴传播率", "<=", 3, "%", None, None)]),
    # zichuan-2022 1009-1011
    ("about", "就业人员中的女性比例保持在 45%左右", [("就业人员中的女性比例", "~", 45, "%", None, None)]),
    # dongchangfu-2022 223: a space before 左右
    ("about-spaced", "就业人员中的女性比例保持在 45% 左右", [("就业人员中的女性比例", "~", 45, "%", None, None)]),
    # dongchangfu-2022 231: 达到 without qualifier
    ("equal", "倡导实现高级专业技术人员中的女性比例达到45%",
     [("高级专业技术人员中的女性比例", "=", 45, "%", None, None)]),
    # zichuan-2022 1425-1427 and 1439
    ("at-least-each", "（4）镇街党委、政府领导班子至少各配备 1名女干部",
     [("镇街党委、政府领导班子配备女干部", ">=", 1, "名", None, None)]),
    # A name is never a fragment of its sentence: the left-out head noun, the object after the number.
    ("not-fewer", "其中担任正职的一般不少于 3人", [("担任正职的人数", ">=", 3, "人", None, None)]),
    ("object-after", "熟练掌握1项以上体育运动技能", [("熟练掌握体育运动技能", ">=", 1, "项", None, None)]),
    ("built-after", "建设不少于 2个儿童友好主题公园（口袋公园）", [("建设儿童友好主题公园", ">=", 2, "个", None, None)]),
    ("time-no-name", "（三）短期内 2 个以上省（区、市）因同一药品发生Ⅱ级药品安全事件", []),
    # zichuan-2022 2835-2838
    ("stable-and-is", "农村自来水普及率稳定在 95%以上，城市集中式饮用水水源地水质达标率为 100%",
     [("农村自来水普及率", ">=", 95, "%", None, None), ("城市集中式饮用水水源地水质达标率", "=", 100, "%", None, None)]),
    # zichuan-2022 3698-3702: three metrics, three values
    ("three-rates", "新生儿、婴儿和 5岁以下儿童死亡率分别控制在 3‰、3.3‰和 4‰以下",
     [("新生儿死亡率", "<=", 3, "‰", None, None), ("婴儿死亡率", "<=", 3.3, "‰", None, None),
      ("5岁以下儿童死亡率", "<=", 4, "‰", None, None)]),
    # zichuan-2022 3743-3745 and huaiyin-2022 673: 个百分点, also in Chinese numerals
    ("annual", "儿童总体近视率平均每年降低 1 个百分点以上",
     [("儿童总体近视率", "annual_decrease", 1, "个百分点", None, None)]),
    ("annual-cn", "儿童总体近视率平均每年降低一个百分点以上",
     [("儿童总体近视率", "annual_decrease", 1, "个百分点", None, None)]),
    # zichuan-2022 3751-3753: the heading number is glued to the age
    ("within", "（9）12 岁儿童龋患率控制在 30%以内", [("12岁儿童龋患率", "<=", 30, "%", None, None)]),
    # zichuan-2022 4141-4143 and huaiyin-2022 2687: base years
    ("base-year", "儿童意外伤害死亡率以 2020 年为基数下降 20%",
     [("儿童意外伤害死亡率", "decrease_by", 20, "%", None, 2020)]),
    ("base-year-about", "全区单位耕地面积化肥施用量较2020年下降6%左右",
     [("单位耕地面积化肥施用量", "decrease_by", 6, "%", None, 2020)]),
    # zichuan-2022 4979-4981
    ("per-thousand", "每千人口 3岁以下婴幼儿托位数达到 4.5 个",
     [("每千人口3岁以下婴幼儿托位数", "=", 4.5, "个", None, None)]),
    # zichuan-2022 5834: value first
    ("value-first", "95%的城市社区和 80%的农村社区（村）建立家长学校或家庭教育指导服务站点",
     [("城市社区建立家长学校或家庭教育指导服务站点", "=", 95, "%", None, None),
      ("农村社区（村）建立家长学校或家庭教育指导服务站点", "=", 80, "%", None, None)]),
    # zichuan-2022 8272-8278: target year, full-width ％, 一类以上 inside a metric
    ("target-year", "到 2025 年，区普惠性幼儿园覆盖率超过 90％，公办幼儿园在园幼儿占比达到 65％以上，省级一类以上幼儿园达到"
     "60％以上",
     [("区普惠性幼儿园覆盖率", ">", 90, "%", 2025, None), ("公办幼儿园在园幼儿占比", ">=", 65, "%", 2025, None),
      ("省级一类以上幼儿园", ">=", 60, "%", 2025, None)]),
    # zichuan-2022 8361-8365: paired lists
    ("paired", "学生体质健康测试优良率、合格率达到 55%、95%以上",
     [("学生体质健康测试优良率", ">=", 55, "%", None, None), ("合格率", ">=", 95, "%", None, None)]),
    # zichuan-2022 3813-3815
    ("grow-to", "床位增至 2.2 张", [("床位", "increase_to", 2.2, "张", None, None)]),
    # zichuan-2022 7313: qualifier only
    ("qualifier-only", "确保年度实现城镇新增就业 4000 人以上", [("城镇新增就业", ">=", 4000, "人", None, None)]),
    # dongchangfu-2022 518: 达到或优于III类 is no value
    ("class-iii", "农村自来水普及率稳定在95%以上，城区集中式饮用水水源水质达到或优于III类标准的比例总体为95%",
     [("农村自来水普及率", ">=", 95, "%", None, None),
      ("城区集中式饮用水水源水质达到或优于III类标准的比例", "=", 95, "%", None, None)]),
    # yantai-2021 54 (HTML removed by the importer): unitless values
    ("unitless", "2. 亿元 GDP 生产安全事故死亡率控制在 0.01 以内",
     [("亿元GDP生产安全事故死亡率", "<=", 0.01, None, None, None)]),
    ("decrease-by", "1. 各类生产安全事故死亡人数下降 10%", [("各类生产安全事故死亡人数", "decrease_by", 10, "%", None, None)]),
    # yantai-2021 158
    ("reach-above", "到2025年，全市煤矿完成智能化改造，智能化开采产量达90%以上",
     [("智能化开采产量", ">=", 90, "%", 2025, None)]),
    # yantai-2021 186: a year opening the metric, 不低于…的
    ("of-whom", "2022年底前具有安全生产相关专业背景和实践经验的执法人员不低于在职人员的75%",
     [("具有安全生产相关专业背景和实践经验的执法人员", ">=", 75, "%", 2022, None)]),
    # yantai-2021 228
    ("attributive", "每个矿山（企业）建立不少于 12 人的救援队伍",
     [("每个矿山（企业）建立救援队伍", ">=", 12, "人", None, None)]),
    # huaiyin-2022 805: 分别提升到
    ("increase-to", "幼儿园专任教师专科及以上学历比例、义务教育阶段本科及以上学历专任教师比例分别提升到 85%、96%",
     [("幼儿园专任教师专科及以上学历比例", "increase_to", 85, "%", None, None),
      ("义务教育阶段本科及以上学历专任教师比例", "increase_to", 96, "%", None, None)]),
    # huaiyin-2022 835: a year inside the clause
    ("year-in-clause", "确保我区2025年每千人口3岁以下婴幼儿托位数达到5个",
     [("每千人口3岁以下婴幼儿托位数", "=", 5, "个", 2025, None)]),
    # huaiyin-2022 2194: 由X提高到Y以上
    ("from-to", "将区残联代表大会代表中残疾人及其亲友的比例由50%提高到65%以上",
     [("区残联代表大会代表中残疾人及其亲友的比例", ">=", 65, "%", None, None)]),
    # huaiyin-2022 2298: 突破, 万件
    ("break-through", "每万人口高价值发明专利拥有量达到14件，有效注册商标量突破8万件。",
     [("每万人口高价值发明专利拥有量", "=", 14, "件", None, None), ("有效注册商标量", ">", 8, "万件", None, None)]),
    # huaiyin-2022 2394
    ("year-end", "力争到 2026 年年末，全区新增境内外上市公司 2 家，辖区上市公司总数突破 4 家。",
     [("新增境内外上市公司", "=", 2, "家", 2026, None), ("辖区上市公司总数", ">", 4, "家", 2026, None)]),
    # zichuan-2022 7393, 8556; zhangdian-2021 3337, 3338: counts with no comparator word
    ("count-after", "2022年新增城乡公益性岗位2300个，其中农村1600个",
     [("新增城乡公益性岗位", "=", 2300, "个", None, None)]),
    ("count-before", "至少建设3条儿童友好出行道路", [("儿童友好出行道路", ">=", 3, "条", None, None)]),
    ("count-selected", "评选出10家诚信经营示范店", [("诚信经营示范店", "=", 10, "家", None, None)]),
    ("count-zero", "确保街区内黑牌企业数为0，蓝牌企业数不低于95%",
     [("街区内黑牌企业数", "=", 0, None, None, None), ("蓝牌企业数", ">=", 95, "%", None, None)]),
    # huaiyin-2022 2593
    ("environment", "到2025年，全区主要污染物排放总量持续减少；细颗粒物（PM_{2.5}）浓度控制在40微克/立方米，优良天数比率达到"
     "62.3%，重污染天数不超过3天",
     [("细颗粒物（PM_{2.5}）浓度", "<=", 40, "微克/立方米", None, None),
      ("优良天数比率", "=", 62.3, "%", None, None), ("重污染天数", "<=", 3, "天", None, None)]),
    # huaiyin-2022 2659: a rate followed by its value, no comparator word
    ("rate-value", "强化道路扬尘综合治理，继续保持全区城市建成区主次干道机械化清扫率100%。",
     [("城市建成区主次干道机械化清扫率", "=", 100, "%", None, None)]),
    # a count after 实施/抓好, and further counts listed after it sharing the verb
    ("count-list", "实施12所中学、30所小学标准化建设", [("中学", "=", 12, "所", None, None),
                                                    ("小学标准化建设", "=", 30, "所", None, None)]),
    ("count-grasp", "抓好50个市级重点项目", [("市级重点项目", "=", 50, "个", None, None)]),
    # yantai-2021 226: 个月 is not 个
    ("months", "执法人员入职培训不少于 3 个月", [("执法人员入职培训", ">=", 3, "个月", None, None)]),
    # huaiyin-2022 2756
    ("cut-by", "到2025年，现场执法频次压减30%以上", [("现场执法频次", "decrease_by", 30, "%", 2025, None)]),
    # synthetic, the genre's forms of a count
    ("served", "为320户低收入家庭提供免费体检。", [("低收入家庭免费体检", "=", 320, "户", None, None)]),
    ("count-list", "新建污水泵站3座、公共厕所12座。",
     [("新建污水泵站", "=", 3, "座", None, None), ("新建公共厕所", "=", 12, "座", None, None)]),
    ("count-of-a-list", "改扩建小学、初中4所。", [("改扩建小学、初中", "=", 4, "所", None, None)]),
    ("change-verb-counts", "改造提升30条农村公路。", [("改造提升农村公路", "=", 30, "条", None, None)]),
    ("ratio", "救助标准不低于当地低保标准的1.5倍", [("救助标准", ">=", 1.5, "倍", None, None)]),
    ("number-first-list", "培育形成3个省级示范园区和5个市级示范园区",
     [("省级示范园区", "=", 3, "个", None, None), ("市级示范园区", "=", 5, "个", None, None)]),
    ("cases", "开展免费筛查2万例以上", [("开展免费筛查", ">=", 2, "万例", None, None)]),
    ("per-head-from", "将农村养老金从每人每月150元提高到每人每月180元",
     [("农村养老金", "increase_to", 180, "元", None, None)]),
    # synthetic: a 万/亿 before a measure word belongs to the unit; a measure per another is one unit
    ("hundred-million-jin", "粮食总产量稳定在30亿斤以上", [("粮食总产量", ">=", 30, "亿斤", None, None)]),
    ("ten-thousand-tons", "钢材产量达到150万吨", [("钢材产量", "=", 150, "万吨", None, None)]),
    ("per-area", "建成区路网密度达到6.2公里/平方公里", [("建成区路网密度", "=", 6.2, "公里/平方公里", None, None)]),
    # synthetic: an amount of things to build or do, with no comparator word
    ("count-5g", "累计建成5G基站8000个", [("累计建成5G基站", "=", 8000, "个", None, None)]),
    ("count-area", "综合整治背街小巷20万平方米", [("整治背街小巷", "=", 20, "万平方米", None, None)]),
    ("count-length", "新建城市绿道30公里", [("新建城市绿道", "=", 30, "公里", None, None)]),
    ("count-bracketed", "新建便民服务中心（站）12个", [("新建便民服务中心（站）", "=", 12, "个", None, None)]),
    ("count-shows", "完成送戏下乡120场次", [("完成送戏下乡", "=", 120, "场次", None, None)]),
    # synthetic: the places listed before 等 are examples, what is counted follows the number
    ("count-named", "新建东关、西关等4所幼儿园", [("新建幼儿园", "=", 4, "所", None, None)]),
    # synthetic: the number first, then what is to be done with them
    ("count-first", "12个行政村完成污水管网改造", [("行政村完成污水管网改造", "=", 12, "个", None, None)]),
    ("count-first-built", "首批20个示范社区全面建成", [("示范社区全面建成", "=", 20, "个", None, None)]),
    # synthetic: a list of counts changes verb where an item names its own; 修复, 布设 make things too
    ("count-own-verb", "修复山塘2座、新建水闸3座、泵站4座", [("修复山塘", "=", 2, "座", None, None),
                                                    ("新建水闸", "=", 3, "座", None, None),
                                                    ("新建泵站", "=", 4, "座", None, None)]),
    ("count-laid-out", "布设水质监测点12处", [("布设水质监测点", "=", 12, "处", None, None)]),
    # synthetic: the number first, with a floor on it
    ("count-first-floor", "到2025年底，30平方公里以上建成区面积达到海绵城市建设要求",
     [("建成区面积达到海绵城市建设要求", ">=", 30, "平方公里", 2025, None)]),
    # synthetic: examples before 等, then the counted thing
    ("count-examples", "种植香樟、银杏等乔木500株", [("种植乔木", "=", 500, "株", None, None)]),
    # synthetic: a concentration's unit with its slash spelled out
    ("concentration-spelled", "二氧化氮年均浓度控制在35微克每立方米以下",
     [("二氧化氮年均浓度", "<=", 35, "微克每立方米", None, None)]),
    # a goals sentence: a definition before the metric, 最高…限额 and 补偿比 as metrics, examples before 等N种
    ("goals-sentence", "城乡居民医疗保险（以下简称居民医保）统筹基金最高支付限额不低于20万元，住院费用实际补偿比维持在70%左右，"
     "其中白血病等20种重大疾病实际补偿比应达到限定费用的75%以上。",
     [("统筹基金最高支付限额", ">=", 20, "万元", None, None), ("住院费用实际补偿比", "~", 70, "%", None, None),
      ("20种重大疾病实际补偿比", ">=", 75, "%", None, None)]),
    # 实现N%X: the share of X, no 的
    ("achieve-share", "2023年实现85%事项网上可办。", [("事项网上可办", "=", 85, "%", None, None)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_indicators(text, expected):
    got = find_indicators(text)
    assert [(i.metric, i.comparator, i.value, i.unit, i.target_year, i.base_year) for i in got] == expected
    assert all(text[i.span[0]:i.span[1]].strip() == i.raw for i in got)


def test_base_value():
    (i,) = find_indicators("将区残联代表大会代表中残疾人及其亲友的比例由50%提高到65%以上")
    assert i.base_value == 50


def test_default_year_is_the_horizon():
    (i,) = find_indicators("孕产妇死亡率控制在8/10万以下", default_year=2025)
    assert i.target_year == 2025
    (j,) = find_indicators("到2023年，在用财政资金购买交通车辆用能清洁化比例达到100%", default_year=2025)
    assert j.target_year == 2023   # huaiyin-2022 2653


@pytest.mark.parametrize("text", [
    "35-64 岁农村适龄妇女",                              # ages
    "5岁以下儿童",
    "到 2025 年",                                        # years
    "省级一类以上幼儿园",
    "城区集中式饮用水水源水质达到或优于III类标准",
    "（一）AAA级，分值为1050分及以上；",                  # zhangdian-2021 794 (score bands)
    "实缴注册资本5000万元以上的，按照实际注册资本的1%给予补助，最高不超过2000万元",  # zhangdian-2021 154
    "上年度营业收入5000万元以上；",                      # zhangdian-2021 201 (eligibility)
    "编制50人以上的（含50人）的党政机关",                 # huaiyin-2022 2039 (a condition)
    "女性厕位与男性厕位的比例至少为3:2",                  # ratios are not read
    "开展1—2项体育运动",
    "纳税每增加1000万可相应增加1名",
    # synthetic: what is already done, a notice's opening, half a parenthesis
    "目前，全县农村贫困人口已减少到3.2万人。",
    "截至6月底，12件实事已完成5件，完成率41.7%。",
    "现将《实施方案》印发给你们，并就做好方案确定的58项任务通知如下：",
    "开工建设滨河绿道（一期3.5公里）。",
    "物资仓库位于工业路18号，面积为260平方米，存放帐篷200顶。",   # a place described
    "建成1200平方米的老年活动中心",                               # a size, not a count
    "申报材料3个工作日内完成审核",                                 # a span of time
    "对县民政局、县财政局等8个部门落实整改达标情况开展督查",       # a list's tail
    "每年至少听取1次政务公开工作汇报",                             # 公开工作 holds no 开工
    "3个乡镇建成区绿化覆盖率",                                     # 建成区 is a noun
])
def test_not_targets(text):
    assert find_indicators(text) == []


def naive_join(stem: str) -> str:
    lines = (SOURCES / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    return "".join(line.strip() for line in lines if line.strip())


@pytest.mark.parametrize("stem,at_least", [
    ("zichuan-2022", 60), ("dongchangfu-2022", 45), ("zhangdian-2021", 55), ("yantai-2021", 60),
    ("huaiyin-2022", 80),
])
def test_gazettes(stem, at_least):
    # The women's and children's plans alone hold 27-30 numeric goals each (seed notes 000-5, 001-5).
    text = naive_join(stem)
    found = find_indicators(text, default_year=2025)
    assert len(found) >= at_least
    assert all(i.metric and i.value >= 0 and text[i.span[0]:i.span[1]].strip() == i.raw for i in found)
    metrics = {i.metric for i in found}
    assert "孕产妇死亡率" in metrics and "新生儿死亡率" in metrics and "婴儿死亡率" in metrics
