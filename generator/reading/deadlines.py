"""Deadlines: 完成时间/完成时限 values and time limits in running text.

A deadline is dated at the END of the period it names: 2021年12月 -> 2021-12-31,
到2025年 -> 2025-12-31, 第一季度 -> 03-31. A month or day without a year takes
`default_year` (the document's year); without one the date stays None. Ongoing
work (实时推进, 持续性, 长期坚持) and recurring limits (每年8月底前, 每季度末) have no date.

Of the limits the sentences of a text state, the one that stands for the whole is
`principal`: a recurring limit (每月28日前 is the rule of its sentence; 分别在6月、9月和
12月底 only spells it out), else the last stage of the earliest year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from generator.model.units import fold
from generator.reading.unit_lists import split_top


@dataclass
class Deadline:
    text: str
    date: str | None            # ISO, end of the period
    period: str | None          # day | month | quarter | year
    recurring: bool = False
    kind: str = "deadline"      # deadline | ongoing | relative | unknown
    span: tuple[int, int] | None = None


_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# The hour a day's limit may name: 6月23日下午5:00前, 6月23日12时前.
_HOUR = r"\s*(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[时点](?:\s*\d{1,2}\s*分)?)"
_DATE = re.compile(
    r"(?P<every>每年|每季度(?:末月)?|每月|每半年)?"
    r"(?P<to>力争到|力争在|截止到|截至|截止|到|至)?\s*"
    r"(?:(?<![\d.])(?P<y>\d{4})\s*年\s*|(?P<rel>明年|次年|今年|当年|本年度?)(?=年?[底末内]|\d))?"
    r"(?:(?:(?<![\d.])|(?<=(?<![\d.])\d\.))(?P<m>\d{1,2})\s*月份?\s*(?:(?P<d>\d{1,2})\s*日(?:" + _HOUR + r")?)?"   # 2.8月底前: stage 2, in the 8th month
    r"|第?(?P<q>[一二三四1-4])\s*季度"
    r"|(?<=月)(?P<dom>\d{1,2})\s*日"            # 每月25日前: a day of every month
    r"|(?P<year_end>年?(?=底|末)))?"
    r"\s*(?P<end>年底|年末|年内|底|末)?\s*(?P<before>以前|之前|前)?")
_ONGOING = re.compile(r"实时推进|持续推进|持续性|长期坚持|长期推进|长期|常态化|持续")
_RELATIVE = re.compile(r"(?P<n>\d+)\s*个?\s*(?:工作日|小时|天|日|周|个月|年)(?:内|以内)")
# A year that is a base or a start, not a limit: 以2020年为基数, 较2020年, 自2022年起.
_NOT_A_LIMIT_BEFORE = re.compile(r"(?:较|以|比|与|自|从)\s*$")
_NOT_A_LIMIT_AFTER = re.compile(r"\s*(?:为基数|起|以来|相比)")


_EVERY_PERIOD = {"每年": "year", "每半年": "year", "每季度": "quarter", "每季度末月": "month", "每月": "month"}
# 2022年，全市新建…: a year opening a sentence, set off by a comma, is the period the sentence's work falls in;
# so is a year opening a clause that says what is to be achieved in it (…，2019年实现90%事项网上办).
_OPENING_YEAR = re.compile(r"(?:^|(?<=[。;!?])|(?<=,)(?=\s*\d{4}\s*年\s*(?:力争|确保)?实现(?!了)))"
                           r"\s*(?P<year>(?P<y>\d{4})\s*年)\s*(?:,|(?=(?:力争|确保)?实现(?!了)))")


def _date(m: re.Match, default_year: int | None) -> tuple[str | None, str | None]:
    year = int(m.group("y")) if m.group("y") else default_year
    if year is not None and m.group("rel") in ("明年", "次年"):
        year += 1
    if m.group("dom"):
        return None, "day"
    if m.group("every") and not (m.group("m") or m.group("q")):    # 每季度末, 每月底
        return None, _EVERY_PERIOD[m.group("every")]
    if m.group("d"):
        period, month, day = "day", int(m.group("m")), int(m.group("d"))
    elif m.group("m"):
        period, month, day = "month", int(m.group("m")), None
    elif m.group("q"):
        period, month, day = "quarter", 3 * _QUARTER[m.group("q")], None
    else:
        period, month, day = "year", 12, None
    if not 1 <= month <= 12 or year is None:
        return None, period
    last = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= last:
        return None, period
    return f"{year:04d}-{month:02d}-{day or last:02d}", period


def _has_time(m: re.Match) -> bool:
    period_end = m.group("end") in ("底", "末") and (m.group("year_end") or m.group("every"))   # 年底, 每季度末
    return bool(m.group("y") or m.group("m") or m.group("q") or m.group("dom") or period_end
                or m.group("end") == "年内")


def _deadline(text: str, m: re.Match, default_year: int | None) -> Deadline:
    recurring = bool(m.group("every"))
    date, period = _date(m, default_year)
    return Deadline(text[m.start():m.end()].strip(), None if recurring else date, period, recurring,
                    span=(m.start(), m.end()))


# A table cell holding a year alone, without 年 (建设时间 | 2024 |).
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}年?")


def parse_deadline(text: str, default_year: int | None = None) -> Deadline:
    """A 完成时间 / 完成时限 value: 2021年12月, 12月底, 12月15日, 2023年6月底前,
    到2025年, 年底前, 每年8月底前, 实时推进, 10个工作日内."""
    t = fold(text)
    value = text.strip()
    if _BARE_YEAR.fullmatch(t.strip()):        # a 建设时间 cell: 2024, the work of that year
        return Deadline(value, f"{t.strip()[:4]}-12-31", "year")
    for m in _DATE.finditer(t):
        if _has_time(m):
            d = _deadline(text, m, default_year)
            d.text = value
            return d
    if _ONGOING.search(t):
        return Deadline(value, None, None, False, "ongoing")
    if _RELATIVE.search(t):
        return Deadline(value, None, None, bool(re.search("每", t)), "relative")
    return Deadline(value, None, None, False, "unknown")


def find_deadlines(text: str, default_year: int | None = None) -> list[Deadline]:
    """Time limits in running text: only phrases that say so (到 / 至 / 截至 /
    力争到 …, …底, …末, …前, 每年…), so a signature date or 以2020年为基数 is
    no deadline."""
    t = fold(text)
    out = []
    for m in _DATE.finditer(t):
        if not _has_time(m):
            continue
        cue = m.group("to") or m.group("before") or m.group("end") or m.group("every")
        if not cue or _NOT_A_LIMIT_BEFORE.search(t[:m.start()]) or _NOT_A_LIMIT_AFTER.match(t, m.end()):
            continue
        out.append(_deadline(text, m, default_year))
    for m in _OPENING_YEAR.finditer(t):
        year = int(m.group("y"))
        if default_year is None or year >= default_year:    # 2019年，全市完成…: an earlier year is a record
            out.append(Deadline(text[m.start("year"):m.end("year")], f"{year}-12-31", "year",
                                span=(m.start("year"), m.end("year"))))
    return sorted(out, key=lambda d: d.span)


def first_of_each_sentence(text: str, found: list[Deadline]) -> list[Deadline]:
    """The first of the limits `found` in `text` that each sentence states: a later one in the same
    sentence is a step after it (务于2月3日前报送分管领导，审核后于2月7日前报送市政府)."""
    return [next(d for d in found if a <= d.span[0] <= b) for a, b in split_top(text, "。;!?")
            if any(a <= d.span[0] <= b for d in found)]


def principal(found: list[Deadline]) -> Deadline | None:
    """The limit that stands for several: a recurring one; else, of the dated ones in the earliest
    year, the latest (6月底前…。12月底前…: the steps of one year's work, done by the last; 到2022年…。
    到2025年…: a later year is a further goal); else the first."""
    dated = [d for d in found if d.date]
    first_year = min((d.date[:4] for d in dated), default=None)
    return next((d for d in found if d.recurring), None) \
        or max((d for d in dated if d.date[:4] == first_year), key=lambda d: d.date, default=None) \
        or (found[0] if found else None)
