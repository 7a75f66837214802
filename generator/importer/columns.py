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
"""

from __future__ import annotations

import re

from generator.importer import genre
from generator.importer.tables import Table
from generator.importer.text import Line, compact
from generator.units import is_generic, is_unit_like, split_units

# Column names of the genre's task tables, by what their cells hold.
_UNIT_COL = re.compile(r"^(?:主要|协同|具体)?(?:牵头|责任|配合|协办|参与|主办|协同|主责|承办|实施)(?:责任)?(?:单位|部门)"
                       r"(?:（[^）]*）)?$|^区政府$|^责任主体$")
_PERSON_COL = re.compile(r"(?:领导|责任人|负责人|联系人)$")
_DATE_COL = re.compile(r"^(?:完成|办结)?(?:时限|时间|期限)(?:要求)?$|^时间节点$|^进度(?:要求|安排)$|^时序进度$|^完成时限$")
_NUMBER_COL = re.compile(r"^(?:序号|编号|序)$")
_TEXT_COL = re.compile(
    r"^(?:分类|类别|领域|板块|项目|项目名称|事项|重点工作|备注|指标|指标名称|目标名称|工作标准|具体内容)$"
    r"|^(?:\d{4}年)?(?:主要|重点|具体|年度|工作|预期)?(?:工作)?(?:任务|目标|措施|举措|内容|要求)(?:名称|内容|分解)?$"
    r"|^(?:主要)?工作(?:举措|措施)$|^目标任务$|^重点(?:工作)?任务$")


def column_kind(name: str) -> str | None:
    n = compact(name).strip("|")
    if _NUMBER_COL.match(n):
        return "number"
    if _PERSON_COL.search(n):
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
    t = compact(text)
    if re.fullmatch(r"\d{1,3}", t):
        return "number"
    names = split_units(re.sub(r"等(?=[,，、]|$)", "", t))
    if names and all(is_unit_like(n) or is_generic(n) for n in names) and len(t) <= 200:
        return "units"
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:[、,，][\u4e00-\u9fff]{2,4})*", re.sub(r"\s+", "", text)) \
            and not is_unit_like(t) and _person_spacing(text):
        return "person"
    if len(t) <= 30 and re.search(r"\d{4}年|\d{1,2}月|季度|年底|年内|年末|长期|持续|常态|全年|底前|月前|每[年月季]", t):
        return "date"
    return "text"


def _person_spacing(text: str) -> bool:
    """People's names: short, or two characters set apart as names are (王  东)."""
    return len(compact(text)) <= 4 or bool(re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", text))


def _content(lines: list[Line], i: int, end: int) -> list[int]:
    return [k for k in range(i, end) if not lines[k].blank and not lines[k].furniture and _cell(lines[k])]


def _header(lines: list[Line], k: int, idx: list[int]) -> tuple[list[str], list[str], int] | None:
    """Column names and kinds of a header run starting at idx[k]; the index after it.
    A name broken over lines (主 / 要 内 容) is joined."""
    names, kinds, j = [], [], k
    while j < len(idx):
        for n in (1, 2, 3):
            joined = "".join(compact(_cell(lines[idx[x]])) for x in range(j, min(j + n, len(idx))))
            kind = column_kind(joined) if j + n <= len(idx) else None
            if kind:
                names.append(joined)
                kinds.append(kind)
                j += n
                break
        else:
            break
    if len(names) < 3 or not ({"units", "date"} & set(kinds)) or "text" not in kinds:
        return None
    return names, kinds, j


def _ends_table(text: str) -> bool:
    t = compact(text)
    return bool(genre.ANNEX.match(t) or genre.is_doc_number(t) or genre.PUBLIC_NOTE.match(t)
                or re.match(r"^(?:抄送|抄报)[:：]", t))


def find_column_tables(lines: list[Line], taken: set[int]) -> list[Table]:
    idx = [k for k in _content(lines, 0, len(lines)) if k not in taken and not lines[k].is_table]
    tables, k = [], 0
    while k < len(idx):
        found = _header(lines, k, idx)
        if not found:
            k += 1
            continue
        names, kinds, j = found
        end = j
        while end < len(idx) and not _ends_table(lines[idx[end]].text) and idx[end] == idx[end - 1] + _gap(
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


def _gap(lines: list[Line], a: int, b: int) -> int:
    """Distance to the next cell when only blank lines (or furniture) lie between."""
    return b - a if all(lines[x].blank or lines[x].furniture for x in range(a + 1, b)) else -1


def _rows(lines: list[Line], cells: list[int], kinds: list[str]) -> tuple[list[list[str]], list[tuple[int, int]]]:
    numbered = "number" in kinds
    groups: list[list[int]] = []
    expected = 1
    for c in cells:
        text = _cell(lines[c])
        kind = cell_kind(text)
        if numbered and kind == "number" and int(compact(text)) == expected:
            groups.append([c])
            expected += 1
        elif not groups or (not numbered and _starts_row(lines, groups[-1], kind)):
            groups.append([c])
        else:
            groups[-1].append(c)
    rows, spans = [], []
    for g in groups:
        texts = [_cell(lines[c]) for c in g]
        row = _assign(texts, kinds)
        if row is None:
            continue
        rows.append(row)
        spans.append((lines[g[0]].no, lines[g[-1]].no))
    return rows, spans


def _starts_row(lines: list[Line], row: list[int], kind: str) -> bool:
    """Without row numbers: text after a row's units or time limit opens the next row."""
    seen = {cell_kind(_cell(lines[c])) for c in row}
    return kind == "text" and bool(seen & {"units", "date", "person"})


def _assign(texts: list[str], kinds: list[str]) -> list[str] | None:
    """Cells to columns: one for one when the counts agree, else each cell to the next
    column of its kind (text may also fill a later text column)."""
    row = [""] * len(kinds)
    if len(texts) == len(kinds):
        return texts
    col = 0
    for text in texts:
        kind = cell_kind(text)
        fits = [j for j in range(col, len(kinds)) if kinds[j] == kind
                or (kind == "number" and kinds[j] == "number")
                or (kind in ("date", "person", "number") and kinds[j] == "text" and kind not in kinds[col:])]
        if fits:
            col = fits[0]
            row[col] = text
            col += 1
        else:
            last = max((j for j in range(len(kinds)) if kinds[j] == "text" and j < max(col, 1)), default=None)
            if last is None:
                return None
            row[last] = (row[last] + "\n" + text).strip()
    return row if any(row[j] for j in range(len(kinds)) if kinds[j] in ("units", "text")) else None
