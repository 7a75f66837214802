"""Stage 3: physical lines -> logical lines (paragraphs), re-joined across the
source's line wraps and page breaks.

Two layouts occur. A *wrapped* gazette breaks every line at one column width
(blank lines mean nothing there): a line continues when it is about as wide as
the file's typical line, or leaves a bracket open, or stops on a comma. A
*paragraph-per-line* gazette only splits paragraphs at page breaks: a line
continues when it lacks terminal punctuation (and is no short title) or leaves
a bracket open. In both, a line never continues into a heading, a 文号, a date
or a closing, and a responsibility parenthetical printed on its own line (or a
line opening with an unmatched closing bracket) belongs to the line before.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.reading import genre
from generator.reading.tables import Table
from generator.reading.text import Line, compact, width


@dataclass
class Para:
    text: str
    first: int                  # first physical line number
    last: int
    table: Table | None = None
    boundary: bool = False      # an end-of-document imprint stood here

    @property
    def lines(self) -> list[int]:
        return [self.first, self.last]


def typical_width(lines: list[Line]) -> int | None:
    """The wrap column of a hard-wrapped file, or None for one paragraph per line."""
    widths = [set_width(ln) for ln in lines if ln.text and not ln.furniture and not ln.is_table]
    if len(widths) < 20:
        return None
    w, _ = Counter(widths).most_common(1)[0]
    near = sum(w - 6 <= x <= w + 2 for x in widths)
    return w if w >= 16 and near >= 0.5 * len(widths) else None


_INDENT = re.compile(r"^(?:\u3000{1,2}|\s{2,8})\S")


def set_width(ln: Line) -> int:
    """Columns the line fills on the page, its indent counted: a paragraph's first
    line is full at the wrap column as much as the lines after it."""
    return width(ln.raw[:len(ln.raw) - len(ln.raw.lstrip())]) + width(ln.text)


def indented(lines: list[Line]) -> bool:
    """The file opens paragraphs with an indent (GB/T 9704: two characters), so an
    indented line starts one — the one sign of a paragraph a hard wrap leaves."""
    text = [ln for ln in lines if ln.text and not ln.furniture and not ln.is_table]
    return len(text) >= 20 and sum(bool(_INDENT.match(ln.raw)) for ln in text) >= 0.08 * len(text)


def join(lines: list[Line], tables: list[Table]) -> list[Para]:
    wrap = typical_width(lines)
    opens = indented(lines)
    starts = {t.first: t for t in tables}
    numbers: dict[str, str] = {}      # heading family -> the last number that opened a paragraph
    paras: list[Para] = []
    current: Para | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if i in starts:
            t = starts[i]
            a, b = t.line_range(lines)
            paras.append(Para("", a, b, table=t))
            current, i = None, t.last + 1
            continue
        if ln.furniture:
            if ln.boundary:
                paras.append(Para("", ln.no, ln.no, boundary=True))
                current = None
            i += 1
            continue
        if ln.blank:
            i += 1
            continue
        if current is not None and not (opens and _INDENT.match(ln.raw)) and _continues(
                current.text, ln.text, wrap, last_line=lines_text(lines, current.last), ahead=_ahead(lines, i),
                last_width=set_width(lines[current.last - 1]), next_number=_next_number(ln.text, numbers)):
            current.text = _glue(current.text, ln.text)
            current.last = ln.no
        else:
            current = Para(ln.text, ln.no, ln.no)
            paras.append(current)
            h = genre.heading(ln.text)
            if h:
                numbers[h[0]] = genre.number_key(h[1])
        i += 1
    return paras


def _next_number(line: str, numbers: dict[str, str]) -> bool:
    """`line` opens the part that follows the last one of its family ((2) then (3)),
    or the first of a family not seen yet."""
    h = genre.heading(line)
    if not h:
        return False
    key, last = genre.number_key(h[1]), numbers.get(h[0])
    return key in ("1", "a1", "c1", "s1") if last is None else \
        key.isdigit() and last.isdigit() and int(key) == int(last) + 1


def _ahead(lines: list[Line], i: int, n: int = 2) -> list[str]:
    """The texts of the next n lines with text after line i."""
    out = []
    for ln in lines[i + 1:]:
        if len(out) == n:
            break
        if not ln.blank and not ln.furniture:
            out.append(ln.text)
    return out


def lines_text(lines: list[Line], no: int) -> str:
    return lines[no - 1].text


def _glue(a: str, b: str) -> str:
    """Join without a separator, except between two Latin words."""
    if a and b and re.match(r"[A-Za-z]", a[-1]) and re.match(r"[A-Za-z]", b[0]):
        return a + " " + b
    return a + b


def hard_start(text: str) -> bool:
    """Lines that always begin a new logical line."""
    return bool(genre.heading(text) or genre.is_doc_number(text, lost=True) or genre.is_date_line(text)
                or genre.is_closing(text) or genre.LETTERHEAD.match(compact(text)))


def _issuer_starts(para: str, line: str, last_line: str, ahead: list[str]) -> bool:
    """An issuer's name on a line of its own starts a line where the text before has
    ended or a date or another issuer follows (a signature) — not where a wrap cut a
    name such as 妇女儿童工作委 / 员会办公室."""
    if not genre.is_issuer(line):
        return False
    ended = last_line[-1:] in genre.TERMINAL + "）)" or _never_continues(para) or genre.is_closing(para)
    return ended or bool(ahead) and _heads(ahead[0])


def _heads(line: str) -> bool:
    """A line that follows an issuer's name in a signature or a head: a date, another
    issuer, 文件, a 文号 or a title's opening."""
    t = compact(line)
    return (genre.is_date_line(t) or genre.is_garbled_date(t) or genre.is_issuer(t) or t == "文件"
            or t.startswith(("关于", "印发", "转发")) or genre.is_doc_number(t))


def _never_continues(para: str) -> bool:
    """A title (ends in a document type, no sentence inside), a 文号, an issuer,
    a date or a one-line closing."""
    t = compact(para)
    if (genre.PUBLIC_NOTE.match(t) or genre.URL.match(t) or genre.is_date_line(t)
            or genre.is_doc_number(t, lost=True) or genre.is_issuer(t)):
        return True
    spans = genre.doc_number_spans(t, _titled)
    if spans and (spans[0][0] == 0 or spans[-1][1] == len(t)):          # a 文号 printed beside it
        t = t[spans[0][1]:] if spans[0][0] == 0 else t[:spans[-1][0]]
    return _titled(t)


def _titled(t: str) -> bool:
    return (len(t) <= 160 and not genre.heading(t) and not re.search(r"[，。；,;]", t) and genre.doc_type(t) is not None
            and genre.bracket_balance(t) == 0)


def _continues(para: str, line: str, wrap: int | None, last_line: str, ahead: list[str], last_width: int,
               next_number: bool) -> bool:
    if genre.is_responsibility_note(line) or genre.starts_with_unmatched_close(line) and not (
            last_line[-1:] in "。！？" and genre.bracket_balance(para) <= 0):
        return not genre.heading(line)   # a close bracket continues, unless after a finished sentence (its opening lost)
    if genre.is_doc_number(compact(para) + compact(line)) and not genre.is_doc_number(line, lost=True) \
            and not (genre.LETTERHEAD.match(compact(para)) or genre.is_issuer(para)):
        return True       # 川政办字〔2022〕26 / 号: a 文号 the wrap cut
    if re.fullmatch(r"[。，；、：！？）)」』”’]+", compact(line)) or re.match(r"[。，；、：！？]", compact(line)):
        return True       # punctuation a wrap pushed onto the next line: no sentence begins with it
    if line[:1].isdigit() and (re.search(r"\d[:：]$", last_line)
                               or wrap and last_width >= wrap - 2 and last_line[-1:].isdigit()):
        return True       # a number or ratio the wrap cut (123|38、, 2:|1。), not a list's next number
    if last_line.rstrip().endswith(("…", "...")):
        return False      # a web page's teaser stops there
    if genre.bracket_balance(para) > 0 and not genre.is_doc_number(para, lost=True) and not (
            genre.heading(line) or genre.is_doc_number(line) or genre.is_date_line(line)
            or _cut_quoted_heading(para, line, ahead)):
        return True       # an open bracket closes before anything but a new part
    if compact(line) == "文件" and genre.is_issuer(para):
        return True       # a letterhead: 某区人民政府 / 文件
    if genre.heading(line) and not next_number and (
            last_line[-1:] in "，、,（(《“" or wrap and last_width >= wrap - 2 and _cut_mid_word(para, last_line)):
        return True       # 第一、/ 二、三产业, 推动构建统 / 一、规范…: out of sequence after a cut sentence
    if compact(line) == "目录" and ahead and genre.heading(ahead[0]):
        return False      # a contents list's heading, not the end of a title
    if hard_start(line) or _issuer_starts(para, line, last_line, ahead) \
            or ((last_line[-1:] in "。！？" or _SET_OFF_DATE.search(last_line)) and _title_starts(line, ahead)):
        return False      # a title line after a finished sentence (or a signature's date) starts a document
    if genre.LABEL_LINE.match(compact(line)):
        return False      # 牵头单位：…, 完成时限：… open a line of their own
    if wrap and last_width >= wrap - 2 and last_width - width(last_line) <= 4 and genre.is_issuer(para) \
            and not _heads(line):
        return True       # a body's name the wrap cut off a sentence: …领导小组 / 成员单位负责…
    if _never_continues(para):
        return False
    if genre.is_addressee(para):
        return False
    end = last_line[-1:]
    if wrap:
        w = last_width
        if end in "，、,（(《“":
            return True
        if w >= wrap - 2:
            return True
        if end in "）)" and genre.bracket_balance(para) <= 0:
            return False
        return w >= wrap - 7 and end not in genre.TERMINAL
    if end in genre.TERMINAL or re.search(r"[\u4e00-\u9fff]\.$", last_line):
        return False      # 。 or a copy's ASCII full stop
    if end in "）)" and genre.bracket_balance(last_line) <= 0:
        return False
    return _looks_cut(last_line)


# A date set off by a space at the end of a line: a signature run on after the text (… 市长 王某 2016年11月20日).
_SET_OFF_DATE = re.compile(r"\s\d{4}年\d{1,2}月\d{1,2}日$")


def _cut_mid_word(para: str, last_line: str) -> bool:
    """Running text (a sentence mark inside) whose line ends on a character, not a mark."""
    return bool(re.search(r"[\u4e00-\u9fff]$", last_line) and re.search(r"[，。；,;]", para))


def _cut_quoted_heading(para: str, line: str, ahead: list[str]) -> bool:
    """《T… with no sentence in it — a web page's heading cut short, its 》 lost — above the
    document's own title: the bracket never closes there."""
    return bool(re.fullmatch(r"《[^《》，。；,;：:]+", compact(para))) and _title_starts(line, ahead)


def _title_starts(line: str, ahead: list[str]) -> bool:
    """`line` is a title or an issuer, or opens a title the next line or two end."""
    return _never_continues(line) or any(
        _never_continues(line + "".join(ahead[:n])) and not genre.heading(line) for n in (1, 2) if len(ahead) >= n)


def _looks_cut(line: str) -> bool:
    """A paragraph-per-line line without terminal punctuation: cut by a page
    break, unless it is a short title (no inner punctuation)."""
    h = genre.heading(line)
    t = compact(h[2] if h else line)
    if h and len(t) <= 24 and all(3 <= len(x) <= 10 for x in re.split(r"[，,]", t)):
        return False      # 一、落实责任，确保质量: a heading's title of short phrases, not 接受教育，高|
    if re.search(r"[，。；：,;:]", t):
        return True
    return len(t) > 30 and not genre.is_issuer(t)
