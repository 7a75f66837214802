"""The genre's vocabulary: how Chinese official documents number their parts,
print their 文号, dates, issuers, addressees and closings. Every stage matches
against these patterns, never against a particular gazette's strings.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.reading.text import compact
from generator.model.units import fold

CN_NUM = "一二三四五六七八九十百零〇两"
# Measure words and units: `2.2 张` is a quantity, not section 2.2.
UNIT = "[张个倍万亿千百元人次项家所名件条台辆吨米平方公里岁天年月日时分秒周批户座间处]"
OPEN, CLOSE = "（([〔【《〈“", "）)]〕】》〉”"

_ORDINAL = f"[一二三四五六七八九十][{CN_NUM}]*"      # 零、 and 两、 number nothing (两个清零、…)

# Heading families, most specific first: (family, regex). The regex's group 1 is
# the number as printed; the rest of the line follows.
HEADINGS = [
    ("chapter", re.compile(rf"^(第[{CN_NUM}\d]+章)\s*")),
    ("part", re.compile(rf"^(第[{CN_NUM}\d]+节)\s*")),
    ("article", re.compile(rf"^(第[{CN_NUM}\d]+条)\s*")),
    ("cn", re.compile(rf"^({_ORDINAL}\s*、)\s*")),
    ("pcn", re.compile(rf"^([（(]\s*{_ORDINAL}\s*[)）])\s*")),
    ("pcn", re.compile(r"^([\u3220-\u3229])\s*")),                  # ㈠ … ㈩, one character
    # 1.5万 is a quantity, 1.4 分级负责 may be one too; 1.4.1 分级负责 is none: no quantity has two points
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){2,})(?![\d.．])\s*(?=[\u4e00-\u9fff])")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)(?![\d.．])\s*(?=[\u4e00-\u9fff])(?!" + UNIT + ")")),
    ("num", re.compile(r"^(\d{1,2}\s*[.．、﹒。])(?![\d.．])\s*")),
    ("pnum", re.compile(r"^([（(]\d{1,2}[)）])\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
    ("box", re.compile(r"^(专栏\s*\d{1,2})\s*")),
]
# `1  总则`: a bare number and a short title (decimal outlines' first level).
BARE_NUMBER_TITLE = re.compile(r"^(\d{1,2})\s+(?=[^\d\s，。、；：,.;:]{2,16}$)")

# 文号: agency code, the year in 〔〕 (or [] 【】 （）, as copies print it), the serial, 号.
DOC_NUMBER_BODY = r"[\u4e00-\u9fff]{1,14}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,4}号"
DOC_NUMBER = re.compile(f"^{DOC_NUMBER_BODY}$")
DOC_NUMBER_AT_START = re.compile(f"^{DOC_NUMBER_BODY}")
DOC_NUMBER_AT_END = re.compile(f"{DOC_NUMBER_BODY}$")
# A regulation's 题注 under its title: (1988年12月16日某市第九届人民代表大会常务委员会第八次会议通过 …).
ADOPTED = re.compile(r"^[（(](?P<date>\d{4}年\d{1,2}月\d{1,2}日)(?P<body>[\u4e00-\u9fff]{2,40}?)"
                     r"第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议(?:审议)?通过")
# An order's (令) number, which has no year in brackets: 渝府令第121号, 政府令【第135号】, 某政府令2016年第116号.
ORDER_NUMBER = re.compile(r"^[\u4e00-\u9fff]{0,12}令[〔\[［【(（]?(?:\d{4}年)?第\d{1,4}号[〕\]］】)）]?")
# (A copy may lose the closing bracket and 号 with them: 沙政〔2012478.)
_DOC_NUMBER_CORE = re.compile(r"[〔\[［【(（]\d{4}(?:[〕\]］】)）]第?\d{1,4}号[)）]?|\d{1,4}(?=[\u4e00-\u9fff]|$))")


def doc_number_spans(t: str, fits) -> list[tuple[int, int]]:
    """(start, end) of each 文号 in compact text `t`, its agency code taken as short as
    lets `fits(text before it)` hold (…的通知拱政办发〔2018〕42号: 拱政办发, not 的通知拱政办发)."""
    out = []
    for m in _DOC_NUMBER_CORE.finditer(t):
        for n in range(2, 15):
            start = m.start() - n
            if start < 0 or not re.fullmatch(r"[（(]?[\u4e00-\u9fff]+", t[start:m.start()]):
                break
            if start == 0 or fits(t[:start]):
                out.append((start, m.end()))
                break
    return out


# A 文号's agency code, and the kind of document word it may end with (发, 函, 字 …).
_AGENCY_CODE = re.compile(r"^([\u4e00-\u9fff]{1,14}?)[发函字文规秘电]?[〔\[［【(（]\d{4}")


def agency_code(number: str | None) -> str:
    """The agency code a 文号 opens with, without its document word: 华政 of 华政发〔2021〕2号."""
    m = _AGENCY_CODE.match(compact(number or ""))
    return m.group(1) if m else ""


def is_government_number(number: str | None) -> bool:
    """A 文号 of a government's own documents (某政发, 某府发, 某政, 某府函), not of its general
    office's (某政办发, 某府办函) or a department's (某财发): the place's abbreviation, then 政 or 府."""
    code = agency_code(number)
    return len(code) >= 2 and code.endswith(("政", "府"))


def doc_number_text(text: str) -> str:
    """A 文号 as printed, without brackets set around it (（韶府〔2019〕31号）) or the file
    type of a download named after it (繁政秘〔2021〕19号.pdf)."""
    t = re.sub(r"\.(?:docx?|pdf|wps|ofd|xlsx?|zip)$", "", compact(text), flags=re.I)
    return t[1:-1] if len(t) > 2 and t[0] in "（(" and t[-1] in "）)" else t


# 成文日期 as printed: 2023年3月1日, 二〇二三年三月一日 (older texts, with 〇 or O), 2023-03-01.
_CN_DIGITS = "〇零一二三四五六七八九OoＯ○0"      # 二00二年: zeros typed as the letter O or the digit 0
_CN_DATE = rf"([{_CN_DIGITS}]{{4}})年([一二三四五六七八九十]{{1,3}})月([一二三四五六七八九十]{{1,4}})日"
DATE_IN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_DATE_FORMS = [DATE_IN, re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), re.compile(_CN_DATE)]
# A signature may print the month only (2021年2月): a date line, with no day to read.
DATE_ONLY = re.compile(r"^[(（]?(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{1,2}-\d{1,2}|" + _CN_DATE + r")[)）]?$")
# A date whose 年/月/日 a web copy lost (20231月17, 2024115, 2022121日): read with care.
GARBLED_DATE = re.compile(r"^(\d{4})年?(\d{1,2})?月?(\d{1,2})?日?$")
LETTERHEAD = re.compile(r"^\S{2,30}(人民政府|政府|委员会|办公室|办公厅|委|公署|行署)文件$")
# An issuing body: a government, its office or its supervision office (督查室, which issues 督查通知),
# a department, a party committee, a leading group.
ISSUER = re.compile(r"^(中共)?[\u4e00-\u9fff]{2,30}(人民政府|政府|办公室|办公厅|督查室|委员会|管委会|领导小组|指挥部|行政公署|公署"
                    r"|人民法院|法院|人民检察院|检察院|局|厅|委|部)$")
_NOT_A_NAME = re.compile(r"的|由|关于|转发|印发|批转|会同|负责|按照|根据|要求|同意|组织|开展|牵头|配合|落实")
ADDRESSEE_WORDS = re.compile(r"各|政府|部门|单位|办事处|委员会|局|管委|党组")
PUBLIC_NOTE = re.compile(r"^[（(]此件.{0,10}[)）]$|^特此(?:通知|通告|公告|函告|批复)。?$|^此复。?$")
ANNEX = re.compile(r"^附件\s*(\d{1,2})?\s*([：:].*)?$")
NOTE = re.compile(r"^注\s*[：:]")
URL = re.compile(r"^(https?://|www\.)\S+$")
TERMINAL = "。！？；：!?;:"

# Document types by the ending of a title, longest first: the 条例's 15 kinds and the
# genre words of the policies and annexed tables a notice issues.
TYPE_SUFFIXES = ["应急预案", "实施方案", "工作方案", "行动方案", "行动计划", "管理办法", "实施细则",
                 "若干措施", "实施意见", "指导意见", "工作要点", "任务分工", "任务分解", "责任分解", "责任清单", "任务清单",
                 "分解方案", "分工方案", "工作规则", "实施计划", "工作计划",
                 "规划纲要", "规划", "纲要", "意见", "措施", "方案", "预案", "办法", "细则", "规定", "规则", "清单", "要点",
                 "分解表", "分工表", "项目表", "任务表", "责任表", "一览表", "汇总表", "统计表", "计划", "通知", "通报", "通告", "批复", "决定", "公告", "报告", "纪要",
                 "函", "目录", "名单"]


def heading(text: str, bare: bool = False) -> tuple[str, str, str] | None:
    """(family, number as printed, rest) when `text` starts a numbered part;
    `bare` also accepts `1  总则` (only trusted where decimal outlines occur)."""
    for family, rx in HEADINGS:
        m = rx.match(text)
        if m:
            rest = text[m.end():]
            if family == "decimal":
                family = f"decimal{m.group(1).count('.') + 1}"
            if not rest and family not in ("chapter", "part"):
                return None
            return family, m.group(1), rest
    m = BARE_NUMBER_TITLE.match(text) if bare else None
    if m:
        return "decimal1", m.group(1), text[m.end():]
    return None


def is_date_line(text: str) -> bool:
    return bool(DATE_ONLY.match(compact(text)))


def cn_number(s: str) -> int:
    """二〇二三 -> 2023 (digit by digit), 二十六 -> 26 (tens)."""
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "o": 0, "Ｏ": 0, "○": 0, "0": 0}
    if "十" not in s:
        return int("".join(str(digits[c]) for c in s))
    tens, _, units = s.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def cn_int(s: str) -> int:
    """一 -> 1, 十一 -> 11, 三十八 -> 38, 一百零二 -> 102."""
    total, cur = 0, 0
    for c in s:
        if c in "十百":
            total += (cur or 1) * (10 if c == "十" else 100)
            cur = 0
        else:
            cur = _CN_DIGIT[c]
    return total + cur


def number_key(number: str) -> str:
    """A printed number as an id segment: 三、 -> 3, （2） -> 2, ② -> 2,
    4.2.1 -> 4.2.1, 第三条 -> a3, 第一章 -> c1, 第二节 -> s2, 专栏3 -> b3."""
    n = fold(compact(number))
    prefix = {"条": "a", "章": "c", "节": "s"}.get(n[-1:], "") if n.startswith("第") else ""
    if n.startswith("专栏"):
        prefix = "b"
    if len(n) == 1 and 0x2460 <= ord(n) <= 0x2473:
        return str(ord(n) - 0x2460 + 1)
    if len(n) == 1 and 0x3220 <= ord(n) <= 0x3229:       # ㈠
        return str(ord(n) - 0x3220 + 1)
    m = re.search(r"\d+(?:\.\d+)*", n)
    if m:
        return prefix + m.group()
    m = re.search(f"[{CN_NUM}]+", n)
    return prefix + str(cn_int(m.group())) if m else "x"


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """The first date written in any of the genre's forms, as YYYY-MM-DD."""
    spaced = re.sub(r"\s+", " ", text)      # 2013-01-09 10:00: the time stays apart
    found = [m for rx in _DATE_FORMS for m in [rx.search(spaced if rx is _DATE_FORMS[1] else compact(text))] if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    y, mo, d = (int(g) if g.isdigit() else cn_number(g) for g in m.groups())
    return _iso(y, mo, d)


def _garbled(text: str) -> str:
    """The characters of a date a copy garbled: spaces for 年/月 (2017 6 23), a stray brace."""
    return compact(text).strip("{}[]<>")


def is_garbled_date(text: str) -> bool:
    """Shaped like a date a copy printed without some of 年/月/日 (read it with garbled_date)."""
    t = _garbled(text)
    return bool(re.fullmatch(r"(?:19[5-9]|20\d)\d年?\d{1,2}月?\d{1,2}日?", t)) and not is_date_line(t)


def garbled_date(text: str, near: str | None = None) -> str | None:
    """A date a web copy printed without some of 年/月/日 (20231月17): the one reading
    that makes a real date, or of several the one closest before `near` (the page's
    publication date); None when the text is no such date or stays ambiguous."""
    t = _garbled(text)
    if not is_garbled_date(t):
        return None
    year, rest = int(t[:4]), re.sub(r"\D", "", t[4:])
    parts = re.split(r"[年月日]", t[4:].lstrip("年"))
    if "月" in t:
        readings = [_iso(year, int(parts[0]), int(parts[1]))] if parts[1].isdigit() else []
    else:
        readings = [_iso(year, int(rest[:k]), int(rest[k:])) for k in (1, 2) if 0 < k < len(rest)]
    readings = sorted({r for r in readings if r})
    if len(readings) > 1 and near:
        before = [r for r in readings if r <= near]
        readings = before[-1:] if before else readings
    return readings[0] if len(readings) == 1 else None


# A 文号 a web copy printed with characters lost (沙政〔2012478, 南兴府办函〔202058, and with both
# brackets and 号 gone: 某县政务公开202210): a head's line only.
DOC_NUMBER_LOST = re.compile(r"^[\u4e00-\u9fff]{1,14}(?:[〔\[［【(（]\d{4}[〕\]］】)）]?|(?:19[5-9]|20[0-4])\d)\d{1,4}号?$")


def is_doc_number(text: str, lost: bool = False) -> bool:
    """A 文号 alone on a line (or in brackets after a title); `lost` also takes one a copy
    printed with characters lost."""
    t = doc_number_text(text)
    return bool(DOC_NUMBER.match(t) or ORDER_NUMBER.fullmatch(t) or lost and DOC_NUMBER_LOST.match(t))


def is_issuer(text: str) -> bool:
    """An issuing body's name alone on a line (not a sentence that ends in one)."""
    t = compact(text)
    return 4 <= len(t) <= 30 and bool(ISSUER.match(t)) and not _NOT_A_NAME.search(t) and heading(t) is None


# A line that opens with a responsibility, leader or time label (主要责任单位：, 完成时限：).
LABEL_LINE = re.compile(r"^(?:主要|具体|协同|牵头)?(?:牵头|责任|配合|参与|协办|主办|协同|主责|承办)(?:单位|部门|领导|人)[:：]"
                        r"|^(?:完成|办结)(?:时限|时间)[:：]")
# A label of responsibility or time ends in ： too (牵头单位：, 完成时限：): no addressee.
_LABEL_LINE = re.compile(r"牵头|责任|配合|参与|协办|主办|主责|承办|协同|协作|负责|完成时|时限|领导|联系人|电话|附件|备注|注[：:]$")


# A seal's note after a signature's name: 某某办公室（代章）, （盖章）.
_SEAL = re.compile(r"[（(](?:代章|印章|盖章|公章)[)）]$")


def wrapped_signer(lines: list[str]) -> str | None:
    """One issuer's long name a signature wraps over two lines, with or without its seal's note
    (某县新型冠状病毒感染的肺炎疫情 / 联防联控领导小组办公室（代章））: the name, else None."""
    if len(lines) != 2:
        return None
    first, second = compact(lines[0]), _SEAL.sub("", compact(lines[1]))
    name = first + second
    whole_line = ISSUER.match(first) or PUBLIC_NOTE.match(first) or is_closing(first)    # joint issuers, 特此通告
    return name if (len(first) <= 25 and not whole_line and not re.search(r"[，,。；;：:、]", first)
                    and heading(first) is None and ISSUER.match(second) and ISSUER.match(name) and len(name) <= 40) else None


def issuers(text: str) -> list[str]:
    """Joint issuers printed on one line, set apart by spaces (鹤岗市人民政府 鹤岗市中级人民法院)."""
    words = text.split()
    return words if len(words) > 1 and all(is_issuer(w) for w in words) else [compact(text)]


def is_addressee(text: str) -> bool:
    t = compact(text)
    return (len(t) <= 90 and t[-1:] in "：:" and "。" not in t and heading(t) is None
            and bool(ADDRESSEE_WORDS.search(t)) and t[0] not in OPEN and bracket_balance(t) == 0
            and not _LABEL_LINE.search(t))


def is_closing(text: str) -> bool:
    t = compact(text)
    return bool(PUBLIC_NOTE.match(t) or ANNEX.match(t) or NOTE.match(t) or URL.match(t))


def bracket_balance(text: str) -> int:
    """Open minus closed brackets; > 0 means the line leaves one open."""
    return sum(c in OPEN for c in text) - sum(c in CLOSE for c in text)


def starts_with_unmatched_close(text: str) -> bool:
    depth = 0
    for c in text:
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


def is_responsibility_note(text: str) -> bool:
    """A parenthetical naming who is responsible, printed on its own line."""
    t = compact(text)
    return (len(t) > 2 and t[0] in "（(〔[" and t[-1] in "）)〕]" and bracket_balance(t) == 0
            and bool(re.search(r"单位|部门|负责|牵头", t)))


def doc_type(title: str) -> str | None:
    """规划, 实施方案 … from the title's ending (a trailing （试行） or period aside)."""
    t = compact(title)
    t = re.sub(r"([（(][^（()）]*[)）])+$", "", t)
    t = re.sub(r"[（(]?[\d年—\-至]{2,}[)）]$", "", t)    # a period whose bracket a copy lost
    t = re.sub(r"试行$", "", t)                          # （试行） whose brackets a copy lost
    for suffix in TYPE_SUFFIXES:
        if t.endswith(suffix):
            return suffix
    return None
