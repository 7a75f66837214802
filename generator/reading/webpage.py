"""Stage 1b: what a government web site prints around a document.

A saved or copied page carries a metadata table above the text (索引号, 发文机关,
文号, 成文日期, 发布日期, 有效性 …, as `label：value` pairs, `[ label ] | value |`
rows, a law database's `【label】value`, bullets, or a label on one line and its value
on the next; a record's 【】 fields may run on inside a line of text) and page
chrome (`发布时间：… 来源：…`, `字号 大 中 小`, 打印, 分享, breadcrumbs, a
timestamp line). Both are marked as furniture; the metadata's values are kept
so that the document below them gets its 文号, issuer and dates even where its
own head lacks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reading import genre
from generator.reading.text import Line, compact

# field -> labels; a label may be printed letter-spaced (索 引 号, 文    号).
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "名称", "信息名称", "文件名称", "公文标题", "文件标题", "法规标题",
              "中文名"),      # an encyclopedia's infobox (- 中文名:X应急预案 / - 类型:应急预案)
    "issuer": ("发文机关", "发文单位", "发文机构", "发布机构", "发布单位", "发布部门", "制发机关", "成文机关",
               "发文部门", "公开责任部门", "颁布单位", "颁布机关", "制定机关"),
    "doc_number": ("文号", "发文字号", "发文文号", "发布文号", "发文序号", "文件编号", "文件字号"),
    "date": ("成文日期", "发文日期", "成文时间", "印发日期", "签发日期", "发文时间", "印发时间", "签发时间"),
    # 生成日期: when the site generated the record — the 成文日期 only where the copy gives no other date
    "generated": ("生成日期",),
    "published": ("发布日期", "发布时间", "发表时间", "公开日期", "公开日", "公布日期", "上载日期", "撰写时间", "发稿时间", "更新时间",
                  "颁布日期", "颁布时间", "时间", "日期"),
    "source": ("来源", "信息来源", "文章来源", "文件来源"),
    "other": ("索引号", "主题分类", "体裁分类", "组配分类", "信息分类", "公开类型", "公开方式", "公开范围", "公开形式",
              "公开属性", "信息类别", "文件有效性", "所属主题", "服务对象", "主题词", "关键词",
              "体裁", "分类", "有效性", "信息有效性", "效力状态", "时效", "是否有效", "生效时间", "生效日期",
              "废止时间", "废止日期", "失效日期", "内容概述", "作者", "编辑", "责任编辑", "浏览次数", "浏览量", "阅读次数",
              "点击数", "访问量", "字号", "字体", "分享", "打印", "语音播报", "内容概览", "内容概述", "在线链接地址",
              "文件下载", "附件下载", "公文种类", "文种", "所属机构", "发布状态", "统一编号", "登记号",
              "实施日期", "施行日期", "时效性", "效力级别", "法规类别", "所属类别",
              "政策咨询机关", "政策咨询电话", "类型", "文字类型"),     # a law database's 【】 fields
}
# Labels that only count at the top of a page or beside a certain one (时间 and 来源 open ordinary lines too).
WEAK = {"时间", "日期", "来源", "文号", "标题", "名称", "分类", "类型", "作者", "编辑", "体裁", "关键词", "分享", "打印", "字号",
        "字体"}
_LABEL_OF = {label: name for name, labels in FIELDS.items() for label in labels}
# Labels of the page's controls: what follows them on the next line is no value of theirs.
BUTTONS = {"字号", "字体", "分享", "打印", "语音播报", "浏览次数", "浏览量", "阅读次数", "点击数", "访问量", "文件下载", "附件下载"}
# a label may close a compound one (备注/文号: the site's note field doubles as the 文号's)
_LABEL = re.compile(
    r"(?:^|(?<=[\s|\]】•·:：/]))[\[【]?\s*(?P<label>"
    + "|".join(r"\s*".join(map(re.escape, lab)) for lab in sorted(_LABEL_OF, key=len, reverse=True))
    + r")(?:\s*[\]】]\s*|\s*(?=[:：|]|\s|$|\d))")     # a label in brackets needs no colon: 【发布文号】X
_SEPARATORS = " \t\u3000|[]【】:：•·"

# Whole chrome lines (compacted): buttons, font-size switches, breadcrumbs, file names, a timestamp line.
_CHROME = re.compile(
    r"^(?:[\[【(（]?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|返回|收藏|分享到?|听全文|纠错|下载)[\]】)）:：]?)+$"
    r"|^(?:当前位置|您现在的位置|您的位置|所在位置)[:：]"
    r"|^首页(?:[>＞»›]|$)"
    r"|^[-—|:\s]+$"                # rules, and a Markdown table's |---|:---| line
    r"|^扫一扫"
    r"|\.(?:docx?|pdf|wps|xlsx?|ofd)$"
    r"|^字[体号][:：]?\[?[大中小\s]*\]?"
    r"|^(?:政府信息公开|发布信息|内容全文)$")
_STAMP = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?")
_TIMESTAMP = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S.{0,30})?$")
# A page's own date under a label of its own (归档时间:2018-11-21, 录入日期：2020年3月2日 10:05): nothing but
# the date (a task's 完成时间 is the text's).
_DATED_LABEL = re.compile(r"^(?!完成|办结)[\u4e00-\u9fff]{2,6}(?:时间|日期)\s*[:：]\s*\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
                          r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
TOP_LINES = 15      # the head of a page: where weak labels count on their own


@dataclass
class Metadata:
    first: int                       # physical line numbers of the block
    last: int
    values: dict[str, str] = field(default_factory=dict)
    cut: dict | None = None          # the fields cut out of a line of text, as a furniture record

    def get(self, name: str) -> str | None:
        return self.values.get(name) or None


# A letter-spaced word the label only ends (任 务 名 称, a table's column): no label of its own.
_SPACED_BEFORE = re.compile(r"(?:^|[\s|])[\u4e00-\u9fff]\s+$")


def pairs(text: str) -> list[tuple[str, str]] | None:
    """(label, value) of a metadata line, or None when it is no such line: a label
    must open it, or follow a short lead-in (a site name) with no sentence in it."""
    found = [m for m in _LABEL.finditer(text) if not _SPACED_BEFORE.search(text, 0, m.start())]
    lead_in = _STAMP.sub("", text[:found[0].start()]) if found else ""    # 某区人民政府 2019-05-17 15:15:00 来源：…
    if not found or re.search(r"[。，；,;]", lead_in) or len(lead_in) > 30:
        return None
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append((compact(m.group("label")), text[m.end():end].strip(_SEPARATORS)))
    return out


def field_of(label: str) -> str | None:
    """title, issuer, doc_number, date, generated, published, source or other, for a metadata label."""
    return _LABEL_OF.get(compact(label))


def _strong(found: list[tuple[str, str]]) -> bool:
    return any(label not in WEAK for label, _ in found)


def mark(lines: list[Line]) -> list[Metadata]:
    """Mark metadata and chrome lines as furniture; return the metadata blocks."""
    content = [ln for ln in lines if not ln.blank and not ln.furniture]
    blocks: list[Metadata] = [block for block in map(_cut_fields, content) if block]
    candidates = [pairs(ln.text) for ln in content]
    k = 0
    while k < len(content):
        ln, found = content[k], candidates[k]
        near = any(p and _strong(p) for p in candidates[max(0, k - 2):k + 3])
        if found and (_strong(found) or k < TOP_LINES or near) and not (_body_line(ln.text, found) and not near):
            _site_name(content, candidates, k)
            k = _take_block(content, candidates, k, blocks)
            continue
        teaser = k < TOP_LINES and ln.text.endswith(("…", "..."))     # a summary the page cut short
        if k < TOP_LINES and _CHROME.search(compact(ln.text)) and genre.is_doc_number(ln.text):
            ln.furniture = "web-metadata"         # a download named after the 文号: 繁政秘〔2021〕19号.pdf
            blocks.append(Metadata(ln.no, ln.no, {"doc_number": genre.doc_number_text(ln.text)}))
        elif _CHROME.search(compact(ln.text)) or teaser or (
                (_TIMESTAMP.match(ln.text) or _DATED_LABEL.match(ln.text)) and (k < TOP_LINES or near)):
            ln.furniture = "web-chrome"
        k += 1
    return blocks


# A field a page leaves empty in its own way: 【失效日期】-----------, 文号：无.
_PLACEHOLDER = re.compile(r"^(?:[-—－_/\s]*|无|暂无)$")


# A law database's field: its label in 【】 and no colon (【发文字号】某政发[2015]7号).
_BRACKETED = re.compile(r"【\s*([\u4e00-\u9fff]{2,6})\s*】")


def _cut_fields(ln: Line) -> Metadata | None:
    """A record's 【label】value fields run together inside a line of text, between the page's heading
    and the text that prints the heading again (T【发文字号】X…【效力级别】Y T（文号）主送：…): the
    fields are the page's metadata, cut out of the line; the heading and the text stay. Where the
    last value ends only the heading printed again tells, so without one nothing is cut."""
    marks = list(_BRACKETED.finditer(ln.text))
    lead = compact(ln.text[:marks[0].start()]) if marks else ""
    if len(marks) < 2 or not any(m.group(1) in _LABEL_OF for m in marks) or len(lead) < 4 \
            or re.search(r"[。；;！？]", lead):
        return None
    again = re.compile(r"\s*".join(map(re.escape, lead))).search(ln.text, marks[-1].end())
    if again is None:
        return None
    bounds = [m.start() for m in marks[1:]] + [again.start()]
    values = {}
    for m, end in zip(marks, bounds):
        name, value = _LABEL_OF.get(m.group(1)), ln.text[m.end():end].strip(_SEPARATORS)
        if name and name != "other" and not _PLACEHOLDER.match(value):
            values.setdefault(name, value)
    cut = ln.text[marks[0].start():again.start()]
    ln.text = ln.text[:marks[0].start()] + ln.text[again.start():]
    return Metadata(ln.no, ln.no, values, {"kind": "web-metadata", "lines": [ln.no, ln.no], "text": cut})


def _site_name(content: list[Line], candidates, k: int) -> None:
    """The site's name alone on the line above the page's byline (• 某县人民政府 / • 发布时间：… /
    • 来源：…) is page chrome, not the issuer line of a document's head."""
    above = content[k - 1] if k else None
    if above and not above.furniture and candidates[k - 1] is None and genre.is_issuer(above.text) \
            and all(_LABEL_OF.get(label) in ("published", "source") for label, _ in candidates[k]):
        above.furniture = "web-chrome"


def _body_line(text: str, found) -> bool:
    """`时间：2023年3月1日上午9时，地点：…` in a meeting notice: text, not a table (unless a line
    of the table's own labels stands beside it: 分类: 规划;通知 under 索引号)."""
    return len(found) == 1 and found[0][0] in WEAK and bool(re.search(r"[。，；,;]", found[0][1]))


def _take_block(content: list[Line], candidates, k: int, blocks: list[Metadata]) -> int:
    """One metadata line (and a value printed on the line below a bare label)."""
    ln, found = content[k], candidates[k]
    ln.furniture = "web-metadata"
    if blocks and blocks[-1].last >= _previous_no(content, k):
        block = blocks[-1]
    else:
        block = Metadata(ln.no, ln.no)
        blocks.append(block)
    block.last = ln.no
    label, value = found[-1]
    if len(found) == 1 and not value and label not in BUTTONS and k + 1 < len(content) \
            and candidates[k + 1] is None and _value_like(content[k + 1].text):
        content[k + 1].furniture = "web-metadata"
        block.last = content[k + 1].no
        found = found[:-1] + [(label, content[k + 1].text.strip())]
        k += 1
    for label, value in found:
        name = _LABEL_OF.get(label)
        if name and value and name != "other" and not block.values.get(name) and not _PLACEHOLDER.match(value):
            block.values[name] = value
    return k + 1


def _previous_no(content: list[Line], k: int) -> int:
    """The line number of the content line before k (blocks run across blank lines)."""
    return content[k - 1].no if k else -1


def _value_like(text: str) -> bool:
    t = compact(text)
    return 0 < len(t) <= 80 and not genre.heading(t) and not genre.is_addressee(t)
