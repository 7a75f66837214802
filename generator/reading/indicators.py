"""Quantitative targets (指标) in goal and measure texts.

`孕产妇死亡率控制在 8.2/10 万以下` gives metric 孕产妇死亡率, comparator <=, value
8.2, unit /10万. The metric is the noun phrase before the comparator in the same
clause; the target year comes from 到2025年 earlier in the sentence (or a year
opening the metric), the base year from 以2020年为基数 / 较2020年.

Comparators: <= < >= > = ~ (左右), decrease_by / increase_by (下降 20%),
decrease_to / increase_to (下降到, 提高到 with no 以上/以下), annual_decrease /
annual_increase (每年降低 1 个百分点). A trailing 以上/以下/以内/左右 sets the
comparator of a level (达到 85%以上 is >=), never of a change (下降6%左右 stays
decrease_by).

Not targets: ages (5岁以下), years, 一类以上, 达到或优于III类, score bands
(1050分及以上), money policy parameters (奖励, 补助, 最高不超过…万元), what is already
done (已减少到107万人) or what a place is like (位于…，面积为134平方米), and the counts of a
notice's opening (现将…确定的146项工作任务). Nor are the figures of a part that reports (基本情况,
工作成效, 编制背景: `reports`, which items.py asks of the headings).
"""

from __future__ import annotations

import re
from typing import Callable

from generator.model.schema import IndicatorRecord, record
from generator.model.units import fold
from generator.reading.unit_lists import OPEN, close_of, split_top


@record
class Indicator(IndicatorRecord):
    """A target found in a text, with where: the importer writes its record fields."""
    span: tuple[int, int]


def _found(text: str, m: re.Match, **fields) -> Indicator:
    """An indicator read from the match `m` of `text`."""
    return Indicator(raw=text[m.start():m.end()].strip(), span=(m.start(), m.end()), **fields)


# The one comparator table: verb, comparator when no qualifier follows, relative change?
COMPARATORS: list[tuple[str, str, bool]] = [
    ("控制在|控制到", "<=", False),
    ("下降到|下降至|降低到|降低至|降到|降至|减少到|减少至|压减到|压减至|压缩到|压缩至|缩短到|缩短至", "decrease_to", False),
    ("提高到|提高至|提升到|提升至|增至|增加到|增加至|增长到|增长至|扩大到|扩大至", "increase_to", False),
    ("不超过|不高于|不多于|不得超过|不得高于|不得多于", "<=", False),
    ("低于", "<", False),
    ("不少于|不低于|不小于|不得少于|不得低于|至少为|至少达到|至少", ">=", False),
    ("超过|突破|高于|大于|多于|超", ">", False),
    ("保持在|稳定在|维持在", "=", False),
    ("累计达到|总体为|达到|达", "=", False),
    ("为", "=", False),
    ("下降|降低|减少|压减|削减|缩减", "decrease_by", True),
    ("提高|提升|增长|增加", "increase_by", True),
]
_VERB = {v: (c, rel) for alts, c, rel in COMPARATORS for v in alts.split("|")}
QUALIFIERS = {"及以上": ">=", "以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}

# Units of a rate, a share or a span of time, read before the measure words (个百分点, not 个).
RATES = ("/10万", "/万", "/千", "‰", "%", "个百分点", "个工作日", "工作日", "个月", "天", "小时", "倍",
         "微克/立方米", "毫克/立方米", "微克每立方米", "毫克每立方米")      # the slash spelled out
# The measure words of the genre: what is counted, built, grown or spent.
COUNTABLE = ("平方公里", "平方米", "立方米", "公顷", "亩", "公里", "千米", "米", "吨", "公斤", "千克", "斤", "千瓦时",
             "千瓦", "兆瓦", "标准箱", "人次", "场次", "架次", "人", "名", "户", "家", "所", "个", "件", "例", "台", "套", "辆", "座",
             "条", "处", "项", "张", "场", "次", "头", "间", "栋", "册", "艘", "株")
MEASURES = COUNTABLE + ("美元", "元")


def _alt(words) -> str:
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


# A 万 or 亿 before a measure word belongs to the unit, as the texts write it (24亿斤: 24, unit 亿斤;
# 1万个: 1, unit 万个); so does a measure per another (5.1公里/平方公里, 1500元/人). A bare 万 is a unit
# only where no measure word follows.
_MULTIPLIER = r"(?:[十百千]\s*)?万\s*|亿\s*"
_UNIT = (rf"(?:{_alt(RATES)}|(?:{_MULTIPLIER})?(?:{_alt(MEASURES)})(?:\s*/\s*(?:{_alt(MEASURES)}))?"
         r"|万)")
_NUM = r"(?<![\d.\-—~])\d+(?:\.\d+)?"
_VALUES = rf"{_NUM}\s*{_UNIT}?(?:\s*(?:、|和|及|与)\s*{_NUM}\s*{_UNIT}?)*"
_QUAL = f"(?:{_alt(QUALIFIERS)})"
_IND = re.compile(
    rf"(?:由\s*(?P<bv>{_NUM})\s*{_UNIT}?\s*)?"
    rf"(?:(?P<annual>(?:平均)?每年)?(?P<verb>{_alt(_VERB)})\s*"
    r"(?P<mid>[^\d\s,;。、]{1,16}?的|各?(?:配备|安排|建成|建立|培育|新增|引进))?\s*"
    r"(?:每人|人均)?(?:每月|每年)?\s*)?"       # 提高到每人每月2200元: the basis of a rate
    rf"(?P<vals>{_VALUES})\s*(?P<qual>{_QUAL})?")
_ONE = re.compile(rf"(?P<n>{_NUM})\s*(?P<u>{_UNIT})?")
# 2019年实现90%事项网上办: after 实现 the share needs no 的.
_VALUE_FIRST = re.compile(rf"(?:(?P<achieve>实现)\s*)?(?P<n>{_NUM})\s*(?P<u>%|‰)\s*(?(achieve)(?!以|左右)的?|的)"
                          r"(?P<what>[^,;。、和\d]{2,})")
# 新增城乡公益性岗位2300个, 评选出10家诚信经营示范店, 累计建成5G基站1万个, 综合整治老旧小区15万平方米:
# a count or an amount of things to build, select or do, with no comparator word (the target is the
# amount itself). A digit run into Latin letters (5G, 4K) belongs to the name of the thing, and so does a
# whole parenthesis (服务中心（站）), never half of one.
_COUNT_VERB = (r"新增|增加|盘活|新建|改扩建|建成|建设|评选出|培育|引进|打造|创建|培训|救助|改造|整治|帮扶|安置|资助|招聘"
               r"|接种|筛查|完成|实施|抓好|启动|种植|修复|布设")
_COUNT_UNIT = f"(?:(?:{_MULTIPLIER})?(?:{_alt(COUNTABLE)}))"
_COUNT_AFTER = re.compile(rf"(?P<verb>(?:累计)?(?:{_COUNT_VERB}))"
                          r"(?P<noun>(?:\d+[A-Za-z]+|\([^()\d]*\)|[^\d\s,;。、()]|、(?!\s*\d)){2,20}?)"
                          rf"\s*(?P<n>{_NUM})\s*(?P<u>{_COUNT_UNIT})(?![\u4e00-\u9fff]*的)")
_IS_COUNT_UNIT = re.compile(f"^{_COUNT_UNIT}$")
# 新建中转站8个、分类池20个: the verb counts each thing of the list.
_COUNT_MORE = re.compile(rf"\s*、\s*(?P<noun>[^\d\s,;。、]{{2,20}}?)\s*(?P<n>{_NUM})\s*(?P<u>{_COUNT_UNIT})"
                         r"(?![\u4e00-\u9fff]*的)")
# 建成投用A镇、B镇等3家中心敬老院: the places listed are examples; what is counted follows the number.
_NAMED_AFTER = re.compile(r"(?!的)[\u4e00-\u9fff]{2,16}")
# 7个乡镇卫生院完成搬迁, 首批100个示范社区全面建成: the number first, then what is to be done with them
# (never a list's tail, 等10个部门…, nor a span of time, 7个工作日内完成; 完成率 and 建成区 are nouns).
# 50平方公里以上建设用地面积达到…: a floor (or ceiling) on the amount.
_COUNT_FIRST = re.compile(rf"(?<!等)(?P<n>{_NUM})\s*(?P<u>{_COUNT_UNIT})(?!\s*(?:工作日|月|百分点))(?P<qual>以上|以下)?"
                          r"(?P<what>(?!的)[\u4e00-\u9fff]{2,16}?(?:全面|基本|全部|均|陆续)?"
                          r"(?:完成|建成|投用|投产|竣工|达到)(?![率区])[\u4e00-\u9fff]{0,10})")
# 为1658名残疾人提供康复救助: how many are served; the metric is who gets what.
_SERVED = re.compile(rf"为\s*(?P<n>{_NUM})\s*(?P<u>{_COUNT_UNIT})(?P<who>[^\d\s,;。、]{{1,20}}?)"
                     r"(?:提供|开展|实施|落实|办理|发放|进行)(?P<what>[^\d\s,;。]{2,20})")
# 培育形成2个千亿级产业集群和6个五百亿级产业集群: the number first, a list of such counts.
# (建成1500平方米的托养中心: a size, not a count; the noun never opens with 的)
_COUNTED_NOUN = r"(?P<noun>(?!的)[\u4e00-\u9fff]{2,16}?)(?=[和及与]\s*\d|[^\u4e00-\u9fff]|$)"
_COUNT_BEFORE = re.compile(rf"(?P<least>至少|不少于)?\s*(?P<verb>{_COUNT_VERB})(?:形成|出)?\s*(?P<n>{_NUM})\s*"
                           rf"(?P<u>{_COUNT_UNIT}){_COUNTED_NOUN}")
_COUNT_BEFORE_MORE = re.compile(rf"\s*[和及与、]\s*(?P<n>{_NUM})\s*(?P<u>{_COUNT_UNIT}){_COUNTED_NOUN}")
# A metric that ends with what is done names its object after the number (掌握1项以上运动技能).
_ACT_END = re.compile(rf"(?:{_COUNT_VERB}|掌握|配备|设立|建立|开设|举办)$")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,16}(?=$|[，,；;。（(、])")
_PREDICATE = re.compile(r"建立|建成|创建|设立|配备|开展|实现|达到|拥有|具备|完成|覆盖")

# The sentence of a notice's opening that hands on the document (现将《方案》印发给你们，并就抓好《方案》确定的
# 146项工作任务…通知如下) counts the document's tasks; it sets none.
_TRANSMITTAL = re.compile(r"(?<![\u4e00-\u9fff])现(?:将|就|把|予以|予|下达|印发|转发)|(?:印发|下达|转发)给你们")
# A sentence saying what is already done (贫困人口已减少到107万人, 已完成26件，完成率40%) or describing a
# place (储备库位于…，面积为134平方米) is a record.
_RECORD = re.compile(r"已(?:经)?(?:累计)?[\u4e00-\u9fff]{1,4}?\s*\d|位于")
# The heading of a part that reports what was done or stood before (一、总体情况, 二、2022年工作完成情况,
# 工作成效, 编制背景): its figures are records, not targets.
_REPORT_PART = re.compile(r"(?:\d{4}年)?(?:工作|项目)?(?:(?:基本|总体|进展|完成|落实|推进|办理)情况|成效|成绩|回顾|现状)"
                          r"|(?:主要|取得的|发展)(?:成效|成绩|现状)|(?:编制|规划|制定)?背景")
# Clauses that set policy parameters or scores, not targets.
# (最高支付限额, 补偿比 and 补偿率 name a scheme's level: a metric, not a grant)
_NOT_TARGETS = re.compile(r"奖励|补助|补贴|给予|最高(?![\u4e00-\u9fff]{0,4}限额)|贴息|资助|补偿(?![比率])|罚款|收费|扶持|分值|积分|\d\s*分(?![钟之别局类])"
                          r"|每(?:增加|超出|超过|提高|增长|减少|降低)")   # 每增加1000万…: a rule's rate
_MONEY = re.compile(r"元$|^万$")
_TARGET_YEAR = re.compile(r"(?:力争到|力争在|到|至)\s*(?P<y>\d{4})\s*年|(?P<y2>\d{4})\s*年\s*(?:年?底|年?末)?\s*前")
_BASE_YEAR = re.compile(r"(?:以\s*(?P<a>\d{4})\s*年\s*为基数|(?:较|比)\s*(?P<b>\d{4})\s*年|与\s*(?P<c>\d{4})\s*年相比)")
_LEADING = re.compile(
    r"^(?:\s+|[(（]\s*\d+\s*[)）]|\d+\.\s*|[一二三四五六七八九十]+、|[—\-]+|(?:力争到|力争在|到|至)?\s*\d{4}\s*年\s*(?:年?底|年?末)?\s*前?"
    r"|[、和及与]|或者|或|将|全区|全市|全县|全省|我区|我市|我县|其中|同时|确保|力争|倡导|实现|继续|保持|使|推动|并|且|要|应|一般|年度"
    r"|短期内|年内|当年)")
# …从每人每月574元、271元分别 (提高到…): the base values, not the metric
_TRAILING = re.compile(r"(?:分别|均|总体|平均|每年|累计|要|应|一般|稳步|逐步|力争|进一步|(?:由|从)[^由从]*\d[^由从]*|\s)+$")
# What a metric's words define on their way (新型农村合作医疗（以下简称新农合）统筹基金…): the metric follows.
_DEFINED = re.compile(r"^.*?[(（]\s*以下简称[^()（）]*[)）]")
# The examples before a count of kinds (儿童先天性心脏病等24种重大疾病…): the metric is the count's.
_EXAMPLES = re.compile(r"^[^\d，,；;]*?等(?=\s*\d+\s*[种项类])")
_RATE_END = re.compile(r"(?:率|比例|占比)$")
_METRIC_END = re.compile(r"(?:率|比例|占比|数|量|人数|次数|覆盖面|水平|浓度|指数|面积|时长)$")
_HEAD = re.compile(r"(?:人群)?[\u4e00-\u9fff]{2}(?:率|比例|占比)$|[\u4e00-\u9fff]{1,2}(?:数|量)$")
_CN_DIGIT = re.compile(r"[一二两三四五六七八九](?=\s*个百分点)")
_CN_VALUE = {c: str(i) for i, c in enumerate("一二三四五六七八九", 1)} | {"两": "2"}


def _prepare(text: str) -> str:
    """Folded text (same length) with 一个百分点 read as 1个百分点."""
    return _CN_DIGIT.sub(lambda m: _CN_VALUE[m.group()], fold(text))


def _clean_metric(s: str) -> tuple[str, int | None, int | None]:
    """(metric, year opening it, base year, …) from the words before a comparator."""
    base = None
    m = _BASE_YEAR.search(s)
    if m:
        base = int(m.group("a") or m.group("b") or m.group("c"))
        s = s[:m.start()] + s[m.end():]
    year = None
    while True:
        t = fold(s)
        end = close_of(t, 0) + 1 if t[:1] in OPEN else 0   # （2）, a parenthetical left of the goal
        m = None if end else _LEADING.match(s)
        if m and m.group():
            y = re.search(r"\d{4}", m.group())
            year = int(y.group()) if y else year
            end = m.end()
        if not end:
            break
        s = s[end:]
    s = _EXAMPLES.sub("", _DEFINED.sub("", s))
    return re.sub(r"\s+", "", _TRAILING.sub("", s)), year, base


def _split_metrics(metric: str, n_values: int, shared: bool) -> list[str]:
    """新生儿、婴儿和5岁以下儿童死亡率 -> 新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率
    (only when the values are several or the text says 分别/均). Lists split on 、
    first, then also on 和, then 及 (专科及以上 holds one), until the counts agree."""
    if n_values == 1 and not shared:
        return [metric]
    for seps in ("、", "、和", "、和及"):
        s = re.sub(f"[{seps}]", "、", metric)
        parts = [s[a:b] for a, b in split_top(s, "、")]
        if all(parts) and (len(parts) == n_values or n_values == 1 and len(parts) > 1 and seps != "、和及"):
            break
    else:
        return [metric]
    head = _HEAD.search(parts[-1])
    return [p if _METRIC_END.search(p) or not head else p + head.group() for p in parts[:-1]] + [parts[-1]]


def _comparator(m: re.Match) -> str:
    comparator, relative = _VERB.get(re.sub(r"\s+", "", m.group("verb") or ""), ("=", False))
    if relative:
        return "annual_" + comparator.removesuffix("_by") if m.group("annual") else comparator
    return QUALIFIERS[re.sub(r"\s+", "", m.group("qual"))] if m.group("qual") else comparator


def _values(vals: str) -> list[tuple[float, str | None]]:
    out = [(float(v.group("n")), re.sub(r"\s+", "", v.group("u")) if v.group("u") else None)
           for v in _ONE.finditer(vals)]
    last = next((u for _, u in reversed(out) if u), None)
    return [(n, u or last) for n, u in out]


YearAt = Callable[[int], "int | None"]


def _clause_indicators(text: str, t: str, a: int, b: int, year_at: YearAt) -> list[Indicator]:
    out, prev = [], a
    taken = []
    for m in _IND.finditer(t, a, b):
        verb = m.group("verb")
        vals = _values(m.group("vals"))
        after = t[m.end():b].lstrip()
        counted = verb == "为" and re.search(r"数\s*$", t[a:m.start("verb")])   # 黑牌企业数为0
        if not (vals[-1][1] or m.group("qual") or counted):
            continue
        # 机械化清扫率100%: a rate followed by its value needs no verb
        rate = not verb and vals[-1][1] in ("%", "‰") and _RATE_END.search(t[a:m.start("vals")].rstrip())
        if not verb and not m.group("qual") and not rate:
            continue
        money, attributive = bool(_MONEY.search(vals[-1][1] or "")), after.startswith("的")
        if (not verb and (money or attributive)) or (money and attributive):
            continue   # 50人以上的党政机关, 营业收入5000万元以上: conditions, not targets
        if verb == "为" and not vals[-1][1] and not counted:
            continue
        metric_end = m.start("verb") if verb else m.start("vals")
        if m.group("bv"):
            metric_end = m.start()
        metric, lead_year, base = _clean_metric(text[prev:metric_end])
        comparator = _comparator(m)
        if _counted_things(m, vals, after):     # 优化提升50条背街后巷: how many are done, not a change
            metric += re.sub(r"\s+", "", m.group("verb")) + _NOUN_AFTER.match(after).group()
            comparator = "="
        elif attributive:   # 建立不少于12人的救援队伍
            metric += re.sub(r"\s+", "", after[1:])
        elif _ACT_END.search(metric) and _NOUN_AFTER.match(after):   # 熟练掌握1项以上运动技能
            metric += _NOUN_AFTER.match(after).group()
        elif m.group("mid") and not m.group("mid").endswith("的"):   # 至少各配备1名女干部
            metric += re.sub(r"\s+|^各", "", m.group("mid")) + re.sub(r"\s+", "", after)
        prev, shared = m.end(), bool(re.search(r"(?:分别|均)\s*$", t[a:metric_end]))
        if not metric:
            continue
        taken.append((m.start(), m.end()))
        metrics = _split_metrics(metric, len(vals), shared)
        pairs = (list(zip(metrics, vals)) if len(metrics) == len(vals)
                 else [(x, vals[0]) for x in metrics] if len(vals) == 1
                 else [(metric, v) for v in vals])
        for name, (value, unit) in pairs:
            if name.endswith("的"):   # 担任正职的不少于3人: the head noun is left out
                name += "人数" if unit in ("人", "名") else "数量"
            out.append(_found(text, m, metric=name, comparator=comparator, value=value, unit=unit,
                              target_year=lead_year or year_at(m.start()), base_year=base,
                              base_value=float(m.group("bv")) if m.group("bv") else None))
    out += _counts(text, t, a, b, year_at, taken)
    return out + _value_first(text, t, a, b, year_at, taken)


def _counted_things(m: re.Match, vals: list[tuple[float, str | None]], after: str) -> bool:
    """A change verb whose number counts the things named right after it (提升50条背街后巷)."""
    relative = _VERB.get(re.sub(r"\s+", "", m.group("verb") or ""), ("=", False))[1]
    return bool(relative and not m.group("qual") and len(vals) == 1 and vals[0][1]
                and _IS_COUNT_UNIT.match(vals[0][1]) and _NOUN_AFTER.match(after))


def _counts(text: str, t: str, a: int, b: int, year_at: YearAt,
            taken: list[tuple[int, int]]) -> list[Indicator]:
    """Counts with no comparator word: the verb of making names the metric."""
    out = []

    def add(m: re.Match, metric: str, comparator: str = "=") -> None:
        taken.append((m.start(), m.end()))
        out.append(_found(text, m, metric=metric, comparator=comparator, value=float(m.group("n")),
                          unit=re.sub(r"\s+", "", m.group("u")), target_year=year_at(m.start()), base_year=None))

    def words(m: re.Match, *groups: str) -> str:
        return "".join(re.sub(r"\s+", "", text[m.start(g):m.end(g)]) for g in groups)

    for rx in (_COUNT_BEFORE, _COUNT_AFTER, _SERVED, _COUNT_FIRST):
        for m in rx.finditer(t, a, b):
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            if rx in (_SERVED, _COUNT_FIRST):
                add(m, re.sub(r"^.*的", "", words(m, "who")) + words(m, "what") if rx is _SERVED else words(m, "what"),
                    QUALIFIERS.get(m.groupdict().get("qual") or "", "="))
                continue
            named = rx is _COUNT_AFTER and words(m, "noun").endswith("等") and _NAMED_AFTER.match(t, m.end(), b)
            add(m, words(m, "noun") if rx is _COUNT_BEFORE
                else words(m, "verb") + named.group() if named else words(m, "verb") + _counted(words(m, "noun")),
                ">=" if m.groupdict().get("least") else "=")
            if rx is not _SERVED:
                more_rx = _COUNT_MORE if rx is _COUNT_AFTER else _COUNT_BEFORE_MORE
                more = more_rx.match(t, m.end(), b)
                verb = words(m, "verb") if rx is _COUNT_AFTER else ""
                while more:
                    noun = words(more, "noun")
                    own = re.match(_COUNT_VERB, noun)       # 修复堰塘1座、建设机电井7座、农桥5座: 建设 from there on
                    verb = "" if own else verb
                    add(more, verb + noun)
                    verb = own.group() if own and rx is _COUNT_AFTER else verb
                    more = more_rx.match(t, more.end(), b)
    return out


def _counted(noun: str) -> str:
    """What a count counts: after the examples a list gives before 等 (桂花、紫薇等苗木: 苗木)."""
    return re.sub(r"^.*、.*等(?=[\u4e00-\u9fff]{2})", "", noun)


def _value_first(text: str, t: str, a: int, b: int, year_at: YearAt,
                 taken: list[tuple[int, int]]) -> list[Indicator]:
    """95%的城市社区和80%的农村社区（村）建立家长学校: the shares come first."""
    found = [m for m in _VALUE_FIRST.finditer(t, a, b)
             if not any(x <= m.start() < y for x, y in taken)]
    if not found:
        return []
    rest = text[found[-1].start("what"):found[-1].end("what")]
    p = _PREDICATE.search(rest)
    predicate = re.sub(r"\s+", "", rest[p.start():]) if p else ""
    out = []
    for m in found:
        what = text[m.start("what"):m.end("what")]
        noun = what[:p.start()] if m is found[-1] and p else what
        out.append(_found(text, m, metric=re.sub(r"\s+", "", noun) + predicate, comparator="=",
                          value=float(m.group("n")), unit=m.group("u"), target_year=year_at(m.start()), base_year=None))
    return out


def reports(heading: str) -> bool:
    """A part's heading that says the part reports what was done (基本情况, 工作成效)."""
    return bool(_REPORT_PART.fullmatch(re.sub(r"[\s。:：]", "", heading)))


def find_indicators(text: str, default_year: int | None = None) -> list[Indicator]:
    """Every numeric target of a block text, in order; `default_year` is the
    target year when the sentence names none (a plan's horizon, e.g. 2025)."""
    t = _prepare(text)
    out = []
    for sa, sb in split_top(t, "。;!?"):
        if _TRANSMITTAL.search(t, sa, sb) or _RECORD.search(t, sa, sb):
            continue
        cues = [(m.end(), int(m.group("y") or m.group("y2"))) for m in _TARGET_YEAR.finditer(t, sa, sb)]

        def year_at(pos: int) -> int | None:   # 到2025年 reaches what follows it in the sentence
            return next((y for end, y in reversed(cues) if end <= pos), default_year)

        for ca, cb in split_top(t[sa:sb], ",:"):
            if not _NOT_TARGETS.search(t, sa + ca, sa + cb):
                out += _clause_indicators(text, t, sa + ca, sa + cb, year_at)
    return out
