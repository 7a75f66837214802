"""Stage 2b: tables a web page flattened to one cell a line, with no TABs.

Copied from a browser, a task table (序号 | 工作任务 | 牵头单位 | 配合单位 |
责任领导 | 完成时限) loses its grid: each cell is a line (often with blank lines
between), an empty cell is no line at all, a merged cell is printed once, and a
header word may be broken over lines (主 / 要 内 容). What remains reliable is
the header row — a run of the genre's column names, one of them a unit or
time column — and what each cell looks like: a row number, a list of offices,
a person's name, a time limit, or text. Rows start at the next row number (or,
without numbers, at text after a row's units); cells go to the columns whose
kind they fit, in order, so a missing cell shifts nothing.

A table typed as plain text keeps its grid only as alignment: cells set apart
by runs of spaces under such a header row; a cell's wrapped words sit below it.
"""

from __future__ import annotations

import re

from generator.reading import genre
from generator.reading.tables import Table
from generator.reading.text import Line, compact, width
from generator.model.units import is_generic, is_unit_like, looks_like_person
from generator.reading.unit_lists import split_units

# Column names of the genre's task tables, by what their cells hold.
_UNIT_COL = re.compile(r"^(?:主要|协同|具体)?(?:牵头|责任|配合|协办|参与|主办|协同|主责|承办|实施)(?:责任)?(?:单位|部门)"
                       r"(?:（[^）]*）)?$|^责任主体$"
                       r"|^(?:(?!单位|部门)[\u4e00-\u9fff]){0,6}(?:协同|配合|协办|参与)[\u4e00-\u9fff]{0,4}(?:单位|部门)$")
_PERSON_COL = re.compile(r"^(?:[区县市]政府)?(?:牵头|责任|分管|包保|联系|挂钩|主要|负责)?(?:[县区市])?(?:领导|责任人|负责人|联系人)$")
_DATE_COL = re.compile(r"^(?:计划)?(?:完成|办结)?(?:时限|时间|期限)(?:要求)?$|^时间节点$|^进度(?:要求|安排)$|^时序进度$|^完成时限$")
_NUMBER_COL = re.compile(r"^(?:序号|编号|序)$")
_TEXT_COL = re.compile(
    r"^(?:分类|类别|领域|板块|项目|项目名称|事项|重点工作|备注|指标|指标名称|目标名称|工作标准|具体内容)$"
    r"|^(?:当前|目前|工作|完成|落实|推进|实施)?(?:进度|进展|情况)(?:情况)?$"
    r"|^(?:\d{4}年)?(?:主要|重点|具体|年度|工作|预期|发展|民生|实事|存在|整改|建设)*"
    r"(?:任务|目标|措施|举措|内容|要求|事项|项目|实事|问题)+"
    r"(?:名称|内容|分解|和要求)?$"
    r"|^(?:主要)?工作(?:举措|措施)$|^目标任务$|^重点(?:工作)?任务$")


def column_kind(name: str) -> str | None:
    n = compact(name).strip("|")
    if _NUMBER_COL.match(n):
        return "number"
    if _PERSON_COL.match(n):
        return "person"
    if _UNIT_COL.match(n):
        return "units"
    if _DATE_COL.match(n):
        return "date"
    if _TEXT_COL.match(n):
        return "text"
    return None


def _cell(ln: Line) -> str:
    return ln.text.strip(" |\u3000")


def cell_kind(text: str) -> str:
    """number | units | person | date | name (short, unpunctuated: an office the genre's
    endings miss, 未来科技城（海创园）, or a short task) | text."""
    t = compact(text)
    if re.fullmatch(r"\d{1,3}", t):
        return "number"
    names = split_units(re.sub(r"等(?=[,，、]|$)", "", t))
    if names and all(is_unit_like(n) or is_generic(n) for n in names) and len(t) <= 200:
        return "units"
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:[、,，][\u4e00-\u9fff]{2,4})*", re.sub(r"\s+", "", text)) \
            and not is_unit_like(t) and _person_spacing(text):
        return "person"
    # a sentence is a date cell only when it opens with its date (2024年6月底前，…), not a report
    # that names a period (三季度绝对数16285元,增幅7.4%)
    if len(t) <= 30 and re.search(r"\d{4}年|\d{1,2}月|季度|年底|年内|年末|长期|持续|常态|全年|底前|月前|每[年月季]", t) \
            and (not re.search(r"[，,。；;]", t) or re.match(r"\d{4}年|\d{1,2}月", t)):
        return "date"
    if len(t) <= 20 and not re.search(r"[。，,；;：:、\d]", t) and not _TASK_VERB.match(t):
        return "name"
    return "text"


# How a task opens (a verb); an office's name never does.
_TASK_VERB = re.compile(r"^(?:推进|推动|加快|加强|加大|实施|强化|建设|建成|完成|开展|落实|做好|抓好|提升|提高|深化|打造|建立|健全|"
                        r"完善|优化|组织|继续|全面|积极|大力|持续|支持|促进|培育|发展|扩大|严格|严肃|坚持|确保|力争|实现|"
                        r"启动|新建|改造|保障|巩固|探索|鼓励|引导|规范|创建|举办|召开|编制|制定|出台|开工)")


def _person_spacing(text: str) -> bool:
    """People's names: two or three characters (a four-character one is more often a
    place: 临平新城), or two set apart as names are (王  东)."""
    return len(compact(text)) <= 3 or bool(re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", text))


def _content(lines: list[Line], i: int, end: int) -> list[int]:
    return [k for k in range(i, end) if not lines[k].blank and not lines[k].furniture and _cell(lines[k])]


def _header(lines: list[Line], k: int, idx: list[int]) -> tuple[list[str], list[str], int] | None:
    """Column names and kinds of a header run starting at idx[k]; the index after it.
    A name broken over lines (主 / 要 内 容) is joined."""
    names, kinds, j = [], [], k

    def name(a: int, b: int) -> str:
        return "".join(compact(_cell(lines[idx[x]])) for x in range(a, min(b, len(idx))))

    while j < len(idx):
        for n in (3, 2, 1):      # the longest name the lines make: 区政府 / 分管领导 is one …
            joined = name(j, j + n)
            kind = column_kind(joined) if j + n <= len(idx) else None
            if n > 1 and column_kind(name(j, j + 1)) and column_kind(name(j + 1, j + n)):
                kind = None      # … but 重点工作 / 主要 / 任务 is two: each part names a column
            if kind:
                names.append(joined)
                kinds.append(kind)
                j += n
                break
        else:
            if not (names and _unnamed_column(lines, idx, j, numbered=kinds[0] == "number")):
                break
            names.append(compact(_cell(lines[idx[j]])))     # 序号 / 民生实事 / 责任单位: the task column
            kinds.append("text")
            j += 1
    if len(names) < 3 or not ({"units", "date"} & set(kinds)) or "text" not in kinds:
        return None
    return names, kinds, j


def _unnamed_column(lines: list[Line], idx: list[int], j: int, numbered: bool) -> bool:
    """A short name the genre's words miss: between known column names, or anywhere in a
    header that opens with 序号 and runs to the first row's number (1-10月推进情况, 说明)."""
    t = compact(_cell(lines[idx[j]]))
    if not 2 <= len(t) <= 12 or re.search(r"[，。、；：,.;:]", t):
        return False
    after = [compact(_cell(lines[i])) for i in idx[j + 1:j + 9]]
    if numbered and any(re.fullmatch(r"\d{1,3}", a) for a in after):
        return True
    return not re.search(r"[\d（）()]", t) and bool(after) and column_kind(after[0]) is not None


def _ends_table(text: str, kinds: list[str]) -> bool:
    """An annex, a 文号, a closing, a 版记 — or, below a table with no time column, a date
    alone: the signature's (a table that has one prints its dates as cells)."""
    t = compact(text)
    return bool(genre.ANNEX.match(t) or genre.is_doc_number(t) or genre.PUBLIC_NOTE.match(t)
                or re.match(r"^(?:抄送|抄报)[:：]", t)
                or "date" not in kinds and genre.DATE_IN.fullmatch(t.strip("|")))


def find_column_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    idx = [k for k in _content(lines, 0, len(lines)) if k not in taken and not lines[k].is_table]
    tables, k = [], 0
    while k < len(idx):
        found = _header(lines, k, idx)
        if not found:
            record = _spaced_table(lines, k, idx) or _word_table(lines, k, idx) or _record(lines, k, idx)
            if record:
                tables.append(record[0])
                k = record[1]
            else:
                k += 1
            continue
        names, kinds, j = found
        end = j
        while end < len(idx) and not _ends_table(lines[idx[end]].text, kinds) and idx[end] == idx[end - 1] + _gap(
                lines, idx[end - 1], idx[end]):
            end += 1
        rows, row_lines = _rows(lines, idx[j:end], kinds)
        if rows:
            t = Table(idx[k], idx[end - 1], names, rows, row_lines=row_lines)
            tables.append(t)
            k = end
        else:
            k += 1
    return tables


# A cell of a row set apart by runs of spaces: words with single spaces inside.
_SPACED_CELL = re.compile(r"[^ \u3000\t]+(?:[ \u3000][^ \u3000\t]+)*")


def _spaced_cells(raw: str) -> list[tuple[int, str]]:
    """(display column, text) of each cell of a line whose cells runs of spaces set apart."""
    return [(width(raw[:m.start()]), m.group()) for m in _SPACED_CELL.finditer(raw)]


def _spaced_table(lines: list[Line], k: int, idx: list[int]) -> tuple[Table, int] | None:
    """A table printed as plain text, its cells set apart by runs of spaces and aligned
    under a header row of the genre's column names (序号  任务  责任单位  完成时限). A
    line starting in the first column starts a row (a row number there, if the header
    has 序号); a line starting further right carries on the cells it lines up with."""
    header = _spaced_cells(lines[idx[k]].raw)
    kinds = [column_kind(t) for _, t in header]
    if len(header) < 3 or None in kinds or not {"units", "date"} & set(kinds):
        return None
    starts = [c for c, _ in header]
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    end = k + 1
    while end < len(idx) and idx[end] == idx[end - 1] + _gap(lines, idx[end - 1], idx[end]) \
            and not _ends_table(lines[idx[end]].text, kinds):
        ln = lines[idx[end]]
        cells = _spaced_cells(ln.raw)
        if cells[0][0] < starts[1] - 1:
            if kinds[0] == "number" and not re.fullmatch(r"\d{1,3}", cells[0][1]) or len(cells) < 2:
                break                      # text across the page: the table is over
            rows.append([""] * len(kinds))
            spans.append((ln.no, ln.no))
        elif not rows:
            break
        col = -1
        for c, text in cells:
            col = min(max(col + 1, max(j for j, s in enumerate(starts) if s <= c + 1)), len(kinds) - 1)
            rows[-1][col] += text
        spans[-1] = (spans[-1][0], ln.no)
        end += 1
    if not rows:
        return None
    return Table(idx[k], idx[end - 1], [t for _, t in header], rows, row_lines=spans), end


_TAIL_KINDS = ("units", "date", "person")


def _word_table(lines: list[Line], k: int, idx: list[int]) -> tuple[Table, int] | None:
    """A table printed with one space between cells and no alignment (序号 类别 主要任务 细化措施
    牵头单位 参与单位 责任单位): the header is column names, the number (or leader) column first,
    then the task columns, a block of unit, date and person columns, and perhaps a report column
    after it (推进情况); a row is a line opening with its number (or a person's name). Task cells
    may hold spaces, unit lists and dates do not: the block's words follow the task, the rest is
    the task. Under a report column a row may go on over lines: a unit list a line is the unit
    cell printed one office a line, a numbered part's heading (二、重点工作) a row of its own,
    other text the report's."""
    header = lines[idx[k]].text.split()
    kinds = [column_kind(t) for t in header]
    block = _tail_block(kinds)
    if len(header) < 4 or kinds[0] not in ("number", "person") or block is None \
            or any(len(t) > 8 for t in header):
        return None
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    end = k + 1
    while end < len(idx):
        ln = lines[idx[end]]
        if _ends_table(ln.text, kinds):
            break
        row = _word_row(ln.text.split(), kinds, block)
        if row:
            rows.append(row)
            spans.append((ln.no, ln.no))
        elif block[1] < len(kinds) and idx[end] == idx[end - 1] + 1 and (rows or _part_heading(ln.text)):
            _carry_on(rows, spans, ln, kinds, block)
        else:
            break
        end += 1
    if not any(row[0] for row in rows):
        return None
    return Table(idx[k], idx[end - 1], header, rows, row_lines=spans), end


def _tail_block(kinds: list[str | None]) -> tuple[int, int] | None:
    """The run of unit, date and person columns around the last unit column, after at least
    one task column; what follows it must be text (a report, 上半年推进情况: a name the genre's
    words may miss), not another number or unit."""
    last = next((j for j in range(len(kinds) - 1, -1, -1) if kinds[j] == "units"), None)
    if last is None:
        return None
    a, b = last, last + 1
    while a > 0 and kinds[a - 1] in _TAIL_KINDS:
        a -= 1
    while b < len(kinds) and kinds[b] in _TAIL_KINDS:
        b += 1
    if a < 2 or any(kind not in ("text", None) for kind in kinds[b:]):
        return None
    return a, b


def _word_row(words: list[str], kinds: list[str | None], block: tuple[int, int]) -> list[str] | None:
    a, b = block
    opens = re.fullmatch(r"\d{1,3}", words[0]) if kinds[0] == "number" else cell_kind(words[0]) == "person"
    if len(words) < b - a + 2 or not opens:
        return None
    if b == len(kinds):
        at = len(words) - (b - a)
    else:       # the block's first cell is the first unit list after the task
        at = next((j for j in range(2, len(words)) if cell_kind(words[j]) == "units"), None)
        if at is None:
            return None
    tail = words[at:at + b - a]
    report = " ".join(words[at + b - a:])
    return [words[0], " ".join(words[1:at])] + [""] * (a - 2) + tail + [""] * (b - a - len(tail)) \
        + ([report] + [""] * (len(kinds) - b - 1) if b < len(kinds) else [])


def _part_heading(text: str) -> bool:
    """一、… or （一）…: a heading the table prints as a row across its columns."""
    found = genre.heading(text.strip())
    return bool(found) and found[0] in ("cn", "pcn")


def _carry_on(rows: list[list[str]], spans: list[tuple[int, int]], ln: Line, kinds: list[str | None],
              block: tuple[int, int]) -> None:
    text = ln.text.strip()
    if _part_heading(text):
        rows.append(["", text] + [""] * (len(kinds) - 2))
        spans.append((ln.no, ln.no))
        return
    a, b = block
    units = max(j for j in range(a, b) if rows[-1][j] or j == a)
    if cell_kind(text) == "units" and not any(rows[-1][b:]):
        rows[-1][units] += f"、{text}" if rows[-1][units] else text
    else:
        rows[-1][-1] += f"\n{text}" if rows[-1][-1] else text
    spans[-1] = (spans[-1][0], ln.no)


def _record(lines: list[Line], k: int, idx: list[int]) -> tuple[Table, int] | None:
    """A task printed as a record: a column name on a line, its value on the next
    (具体任务 / … / 责任单位 / 卫健局、文旅局 / 完成时限 / …); a name seen again starts
    the next record."""
    names, kinds, rows, spans, j = [], [], [], [], k
    while j + 1 < len(idx):
        name = compact(_cell(lines[idx[j]]))
        kind = column_kind(name)
        if not kind or kind == "number" or column_kind(compact(_cell(lines[idx[j + 1]]))):
            break
        if name in names:
            if not rows or names.index(name) == 0:
                rows.append([""] * len(names))
                spans.append([lines[idx[j]].no, lines[idx[j]].no])
        else:
            names.append(name)
            kinds.append(kind)
            for r in rows:
                r.append("")
        if not rows:
            rows.append([""] * len(names))
            spans.append([lines[idx[j]].no, lines[idx[j]].no])
        rows[-1][names.index(name)] = _cell(lines[idx[j + 1]])
        spans[-1][1] = lines[idx[j + 1]].no
        j += 2
    if len(names) < 2 or "units" not in kinds or "text" not in kinds:
        return None
    return Table(idx[k], idx[j - 1], names, rows, row_lines=[tuple(s) for s in spans]), j


def _gap(lines: list[Line], a: int, b: int) -> int:
    """Distance to the next cell when only blank lines (or furniture) lie between."""
    return b - a if all(lines[x].blank or lines[x].furniture for x in range(a + 1, b)) else -1


def _vertical(lines: list[Line], cells: list[int]) -> list[list[int]]:
    """Cells as printed; a name set vertically in a merged cell, a few characters a line
    (市政 / 府办 / 公厅), joined into one."""
    out: list[list[int]] = []
    k = 0
    while k < len(cells):
        j = k
        while j < len(cells) and len(compact(_cell(lines[cells[j]]))) <= 4 and j - k < 8:
            j += 1
        pieces = [compact(_cell(lines[c])) for c in cells[k:j]]
        spaced = any(re.search(r"\S\s+\S", _cell(lines[c])) for c in cells[k:j])     # 王  东: a person
        people = all(looks_like_person(x) for x in pieces[:-1])      # 王旭锋 / 胡金芳 / 住建局: leaders, then an office
        if j - k >= 2 and not spaced and not people and is_unit_like("".join(pieces)) \
                and not (len(pieces[0]) >= 3 and is_unit_like(pieces[0])):
            out.append(cells[k:j])
            k = j
        else:
            out.append([cells[k]])
            k += 1
    return out


class _Row:
    """A row being filled: cells go to the next column they fit; a cell of the kind just
    placed, with no column of that kind left, continues that cell when it was printed
    one name a line (市住建局 / 市体育局 / …), not when it held a whole list."""

    def __init__(self, kinds: list[str], first: int):
        self.kinds, self.cells = kinds, [""] * len(kinds)
        self.col, self.last, self.first, self.end, self.piece = 0, None, first, first, ""

    def place(self, kind: str, text: str, no: int) -> bool:
        later = next((j for j in range(self.col, len(self.kinds)) if self.kinds[j] == kind), None)
        one_a_line = self.last is not None and not re.search(r"[、,，；;]", self.piece)
        # a name (not a unit's) goes on in a names column only: 湘北大道 / 湘北大道沿线… are two cells
        listed = kind != "number" and (kind != "name" or self.last is not None and self.kinds[self.last[1]] == "units")
        if self.last is not None and self.last[0] == kind and listed and later is None and one_a_line:
            j = self.last[1]
            self.cells[j] = f"{self.cells[j]}{'、' if kind in ('units', 'person', 'name') else chr(10)}{text}"
        else:
            j = next((j for j in range(self.col, len(self.kinds)) if _fits(kind, self.kinds[j])), None)
            if j is None:
                return False
            self.cells[j], self.col, self.last = text, j + 1, (kind, j)
        self.end, self.piece = no, text
        return True

    def useful(self) -> bool:
        return any(self.cells[j] for j, k in enumerate(self.kinds) if k in ("units", "text"))


def _fits(cell: str, column: str) -> bool:
    return cell == column or column == "text" and cell != "number" or cell == "name" and column == "units"


def _rows(lines: list[Line], cells: list[int], kinds: list[str]) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """Rows start at the next row number where the table has them (and its numbers are
    printed), at a task cell that numbers itself (2.…) where the row is past its column,
    else where a cell fits no column left in the row. Cells numbered as an outline keep
    their family's column (一、 | （一） | 1.): a row whose task cell is missing ends before
    the next 2.… all the same."""
    numbered = "number" in kinds and any(compact(_cell(lines[c])) == "1" for c in cells[:3])
    rows: list[_Row] = []
    expected = 1
    columns: dict[str, int] = {}      # outline family -> the column its cells were seen in
    for c in _vertical(lines, cells):
        text, no = _text(lines, c), lines[c[-1]].no
        kind = cell_kind(text)
        h = genre.heading(text) if kind == "text" else None
        col = columns.get(h[0], _task_column(kinds)) if h else None
        if numbered and kind == "number" and int(compact(text)) == expected:
            rows.append(_Row(kinds, lines[c[0]].no))
            rows[-1].place("number", text, no)
            expected += 1
        elif h and rows and (rows[-1].col > col or rows[-1].cells[col]):
            rows.append(_Row(kinds, lines[c[0]].no))      # 2.… : the cell numbers its own rows
            rows[-1].col = col
            rows[-1].place(kind, text, no)
        elif kind == "number" and rows and _stray_number(rows[-1], text):
            continue
        elif not rows or not rows[-1].place(kind, text, no):
            if numbered and rows:
                rows[-1].cells[_last_text(kinds)] += "\n" + text     # a further paragraph of the task
                continue
            rows.append(_Row(kinds, lines[c[0]].no))
            rows[-1].place(kind, text, no)
        if h and rows[-1].last is not None and rows[-1].piece == text:
            columns.setdefault(h[0], rows[-1].last[1])
    out, spans = [], []
    lead = next((j for j, k in enumerate(kinds) if k == "text"), 0)
    for r in rows:
        if not r.useful():
            continue
        _missing_task(r.cells, kinds)
        for j in range(lead):            # a leading column's merged cell is printed once
            if not r.cells[j] and out and kinds[j] != "number":
                r.cells[j] = out[-1][j]
        out.append(r.cells)
        spans.append((r.first, r.end))
    return out, spans


def _stray_number(row: _Row, text: str) -> bool:
    """A number inside a row numbered higher (6 | task | unit | 2 | 2023年底): rows keep their
    plan's task numbers, which rise down the table, so it is a stray cell, not the next row."""
    number = next((compact(c) for c, k in zip(row.cells, row.kinds) if k == "number"), "")
    return number.isdigit() and int(compact(text)) < int(number)


def _last_text(kinds: list[str]) -> int:
    return max(j for j, k in enumerate(kinds) if k == "text")


def _missing_task(cells: list[str], kinds: list[str]) -> None:
    """A row whose task cell is missing (一、… | （一）… | units): its units took the task
    column, the first left that they fit, and the units column stayed empty."""
    task, units = _task_column(kinds), [j for j, k in enumerate(kinds) if k == "units"]
    opened = any(cells[j] for j in range(task) if kinds[j] == "text")      # the task's headings came first
    if units and opened and cells[task] and not any(cells[j] for j in units) and cell_kind(cells[task]) == "units":
        cells[units[0]], cells[task] = cells[task], ""


def _task_column(kinds: list[str]) -> int:
    """The task: the last text column before the units (a 备注 may follow them)."""
    units = kinds.index("units") if "units" in kinds else len(kinds)
    return max((j for j, k in enumerate(kinds[:units]) if k == "text"), default=_last_text(kinds))


def _text(lines: list[Line], cell: list[int]) -> str:
    return "".join(compact(_cell(lines[c])) for c in cell) if len(cell) > 1 else _cell(lines[cell[0]])
