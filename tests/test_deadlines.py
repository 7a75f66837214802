"""Deadlines: 完成时间 / 完成时限 values and time limits in running text."""

import pytest

from generator.reading.deadlines import find_deadlines, first_of_each_sentence, parse_deadline, principal


@pytest.mark.parametrize("value,date,period,recurring,kind", [
    ("2021年12月", "2021-12-31", "month", False, "deadline"),     # zhangdian-2021 393 (完成时间)
    ("12月底", "2021-12-31", "month", False, "deadline"),         # zhangdian-2021 T1 完成时限
    ("12月15日", "2021-12-15", "day", False, "deadline"),         # zhangdian-2021 T1 (row 4)
    ("持续性", None, None, False, "ongoing"),                     # zhangdian-2021 T1 (row 2)
    ("实时推进", None, None, False, "ongoing"),                   # zhangdian-2021 3322
    ("长期坚持", None, None, False, "ongoing"),
    ("2023年6月底前", "2023-06-30", "month", False, "deadline"),
    ("（2023 年 3 月底前）", "2023-03-31", "month", False, "deadline"),   # zichuan-2022 9116
    ("到2025年", "2025-12-31", "year", False, "deadline"),
    ("2022年底前", "2022-12-31", "year", False, "deadline"),      # yantai-2021 186
    ("年底前", "2021-12-31", "year", False, "deadline"),          # zichuan-2022 8927 (year implicit)
    ("到 2026 年年末", "2026-12-31", "year", False, "deadline"),  # huaiyin-2022 2394
    ("到 2024 年年底", "2024-12-31", "year", False, "deadline"),  # zichuan-2022 7775
    ("２０２３年２月", "2023-02-28", "month", False, "deadline"),  # full-width digits
    ("2024年2月", "2024-02-29", "month", False, "deadline"),
    ("第一季度", "2021-03-31", "quarter", False, "deadline"),
    ("每年8月底前", None, "month", True, "deadline"),             # huaiyin-2022 1749
    ("每年第1季度", None, "quarter", True, "deadline"),           # zhangdian-2021 234
    ("10个工作日内", None, None, False, "relative"),              # zhangdian-2021 245
    ("", None, None, False, "unknown"),
    ("按上级要求", None, None, False, "unknown"),
])
def test_parse_deadline(value, date, period, recurring, kind):
    d = parse_deadline(value, default_year=2021)
    assert (d.date, d.period, d.recurring, d.kind) == (date, period, recurring, kind)
    assert d.text == value.strip()


def test_year_unknown():
    d = parse_deadline("12月底")
    assert (d.date, d.period, d.kind) == (None, "month", "deadline")


def test_impossible_dates_have_no_date():
    assert parse_deadline("2021年13月").date is None
    assert parse_deadline("2021年2月30日").date is None


@pytest.mark.parametrize("text,found", [
    # zichuan-2022 9112-9114, a heading with its deadline
    ("（一）全面排查摸底（2023 年 6 月底前）", [("2023 年 6 月底前", "2023-06-30")]),
    # zhangdian-2021 8: 2021年建成 is no limit; the two 到… are
    ("2021年建成１所具有示范引领作用的婴幼儿照护服务机构；到2023年，婴幼儿照护服务管理体制机制初步建立；"
     "到2025年，多元化、多样化的婴幼儿照护服务体系基本形成。",
     [("到2023年", "2023-12-31"), ("到2025年", "2025-12-31")]),
    # huaiyin-2022 2394
    ("力争到 2026 年年末，全区新增境内外上市公司 2 家", [("力争到 2026 年年末", "2026-12-31")]),
    # zichuan-2022 7234-7236 and 7210-7212
    ("截至 2022年 12 月 31 日，政策执行至 2023 年 4 月30 日",
     [("截至 2022年 12 月 31 日", "2022-12-31"), ("至 2023 年 4 月30 日", "2023-04-30")]),
    # a day of every month (or of a quarter's last month): recurring, no date
    ("请于每月25日前报送上月进展", [("每月25日前", None)]),
    ("于每季度末月20日前书面报告", [("每季度末月20日前", None)]),
    # the end of every period: recurring, no date
    ("各单位在每季度末报送进展", [("每季度末", None)]),
    ("每月底前更新台账", [("每月底前", None)]),
    # a year opening a sentence, set off by a comma: the period of the sentence's work; an earlier
    # year than the document's is a record, and a year run into its verb no limit
    ("2023年，全县新建公厕12座。到2025年，实现全覆盖。", [("2023年", "2023-12-31"), ("到2025年", "2025-12-31")]),
    ("2020年，全县新建公厕12座。", []),
    ("2023年新建公厕12座。", []),
    # a year opening a clause that says what is to be achieved in it
    ("优化网上服务功能，2023年实现85%事项网上可办。", [("2023年", "2023-12-31")]),
    ("2023年实现了增长。", []),
    # stages numbered 1. 2. before their months (never a decimal or a year's dot)
    ("1.4月底前完成选址。 2.10月底前建成投用。", [("4月底前", "2022-04-30"), ("10月底前", "2022-10-31")]),
    ("截至2021.4月底", []),
    # a base year, a signature date, 兜底 and 底线 are no deadlines
    ("儿童意外伤害死亡率以 2020 年为基数下降 20%", []),
    ("较2020年下降6%左右", []),
    ("2022 年 8 月 14 日", []),
    ("强化兜底保障，守住底线", []),
    ("本政策自2022年1月29日起施行", []),
])
def test_find_deadlines(text, found):
    got = find_deadlines(text, default_year=2022)
    assert [(d.text, d.date) for d in got] == found
    assert all(text[d.span[0]:d.span[1]].strip() == d.text for d in got)


def _limits(text: str) -> list:
    return find_deadlines(text, default_year=2023)


@pytest.mark.parametrize("text,stands", [
    # the steps of one year's work are done by the last
    ("6月底前完成选址。10月底前建成投用。", "10月底前"),
    # a later year is a further goal: the earliest year's stands
    ("到2024年，覆盖率达到90%。到2026年，实现全覆盖。", "到2024年"),
    # a recurring limit is the rule of its text, over a year's end elsewhere
    ("县督查室年底前逐项考核。各单位于每月10日前报送进展。", "每月10日前"),
])
def test_principal(text, stands):
    assert principal(first_of_each_sentence(text, _limits(text))).text == stands


def test_a_later_limit_in_the_same_sentence_is_a_step_after_the_first():
    text = "各单位于3月5日前报分管领导审核，审核后于3月10日前报县政府。"
    assert [d.text for d in first_of_each_sentence(text, _limits(text))] == ["3月5日前"]


@pytest.mark.parametrize("value,date", [
    ("2024", "2024-12-31"),          # a project table's 建设时间 cell: the year alone
    ("2024年", "2024-12-31"),
])
def test_a_year_alone_in_a_time_cell_ends_with_that_year(value, date):
    d = parse_deadline(value, 2023)
    assert (d.date, d.period, d.kind) == (date, "year", "deadline")


@pytest.mark.parametrize("sentence,phrase", [
    ("请各单位于5月10日下午5:00前将材料报送至县财政局", "5月10日下午5:00前"),
    ("请于5月10日12时前报送", "5月10日12时前"),
])
def test_a_days_limit_with_its_hour_is_one_phrase(sentence, phrase):
    (d,) = find_deadlines(sentence, 2020)
    assert (d.text, d.date) == (phrase, "2020-05-10")
