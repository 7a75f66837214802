"""The genre's vocabulary: how Chinese official documents number their parts,
print their 文号, dates, issuers, addressees and closings. Every stage matches
against these patterns, never against a particular gazette's strings.
"""

from __future__ import annotations

import re

from generator.importer.text import compact

CN_NUM = "一二三四五六七八九十百零〇两"
# Measure words and units: `2.2 张` is a quantity, not section 2.2.
UNIT = "[张个倍万亿千百元人次项家所名件条台辆吨米平方公里岁天年月日时分秒周批户座间处]"
OPEN, CLOSE = "（([〔【《〈“", "）)]〕】》〉”"

# Heading families, most specific first: (family, regex). The regex's group 1 is
# the number as printed; the rest of the line follows.
HEADINGS = [
    ("chapter", re.compile(rf"^(第[{CN_NUM}\d]+章)\s*")),
    ("part", re.compile(rf"^(第[{CN_NUM}\d]+节)\s*")),
    ("article", re.compile(rf"^(第[{CN_NUM}\d]+条)\s*")),
    ("cn", re.compile(rf"^([{CN_NUM}]+、)\s*")),
    ("pcn", re.compile(rf"^([（(]\s*[{CN_NUM}]+\s*[)）])\s*")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)(?![\d.．])\s*(?=[\u4e00-\u9fff])(?!" + UNIT + ")")),
    ("num", re.compile(r"^(\d{1,2}[.．、])(?![\d.．])\s*")),
    ("pnum", re.compile(r"^([（(]\d{1,2}[)）])\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
    ("box", re.compile(r"^(专栏\s*\d{1,2})\s*")),
]
# `1  总则`: a bare number and a short title (decimal outlines' first level).
BARE_NUMBER_TITLE = re.compile(r"^(\d{1,2})\s+(?=[^\d\s，。、；：,.;:]{2,16}$)")

DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［]\d{4}[〕\]］]\d{1,4}号$")
DATE_ONLY = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
DATE_IN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
LETTERHEAD = re.compile(r"^\S{2,30}(人民政府|政府|委员会|办公室|办公厅|委)文件$")
ISSUER = re.compile(r"^(中共)?[\u4e00-\u9fff]{2,30}(人民政府|政府|办公室|办公厅|委员会)$")
ADDRESSEE_WORDS = re.compile(r"各|政府|部门|单位|办事处|委员会|局|管委|党组")
PUBLIC_NOTE = re.compile(r"^[（(]此件.{0,10}[)）]$")
ANNEX = re.compile(r"^附件\s*(\d{1,2})?\s*([：:].*)?$")
NOTE = re.compile(r"^注\s*[：:]")
URL = re.compile(r"^(https?://|www\.)\S+$")
TERMINAL = "。！？；：!?;:"

# Document types by the ending of a title, longest first (DOC_TYPES of the schema).
TYPE_SUFFIXES = ["应急预案", "实施方案", "工作方案", "行动方案", "行动计划", "管理办法", "实施细则",
                 "若干措施", "实施意见", "指导意见", "规划", "纲要", "意见", "措施", "方案", "预案",
                 "办法", "细则", "规定", "通知", "批复", "决定", "公告", "报告", "目录"]


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


def iso_date(text: str) -> str | None:
    m = DATE_IN.search(compact(text))
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_doc_number(text: str) -> bool:
    return bool(DOC_NUMBER.match(compact(text)))


def is_issuer(text: str) -> bool:
    """An issuing body's name alone on a line (not a sentence that ends in one)."""
    t = compact(text)
    return len(t) <= 30 and bool(ISSUER.match(t)) and not re.search(r"[由要将的对在为是以于把被向从同会]", t)


def is_addressee(text: str) -> bool:
    t = compact(text)
    return (len(t) <= 90 and t[-1:] in "：:" and "。" not in t and heading(t) is None
            and bool(ADDRESSEE_WORDS.search(t)))


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
    for suffix in TYPE_SUFFIXES:
        if t.endswith(suffix):
            return suffix
    return None
