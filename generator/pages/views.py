"""What several page kinds show: responsibility matrices, deadline order, targets
as text, and the CSV / XLSX downloads of matrices and task lists."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass

from generator.model.items import Domain, Indicator, Item, Unit

LEAD, JOIN = "牵头", "参与"
KIND_NAMES = {"goal": "目标", "measure": "措施", "task": "任务", "article": "条款", "annex_row": "附表"}
COMPARATORS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "", "~": "约", "decrease_by": "降低",
               "increase_by": "提高", "decrease_to": "降至", "increase_to": "提高到",
               "annual_decrease": "年均降低", "annual_increase": "年均增长"}


def number(value: float) -> str:
    return f"{value:g}"


def target_text(ind: Indicator) -> str:
    """≥85%（2025年）: the comparator as a sign, the value with its unit, the year."""
    year = f"（{ind.target_year}年）" if ind.target_year else ""
    return f"{COMPARATORS[ind.comparator]}{number(ind.value)}{ind.unit or ''}{year}"


def item_label(it: Item, width: int = 40) -> str:
    """An item's text without its number, shortened for lists and matrix headers."""
    text = " ".join(it.text.replace(it.raw or "\0", "").split())   # the units are shown beside it
    if it.number and text.startswith(it.number):
        text = text[len(it.number):].lstrip()
    return text if len(text) <= width else text[: width - 1] + "…"


def role(unit: Unit, it: Item) -> str:
    return LEAD if unit in it.lead else JOIN if unit in it.participants else ""


def units_of(items: list[Item]) -> list[Unit]:
    """Units named in the items, leads of the most items first, then name order of first mention."""
    seen: dict[Unit, list[int]] = {}
    for it in items:
        for u in it.lead + it.participants:
            led = seen.setdefault(u, [0, 0, len(seen)])
            led[0 if u in it.lead else 1] += 1
    return sorted(seen, key=lambda u: (-seen[u][0], -seen[u][1], seen[u][2]))


@dataclass
class Column:
    label: str          # short header: （1）, 2.
    title: str          # the full text (tooltip, download header)
    item: Item | None = None


@dataclass
class Matrix:
    """Units x columns, each cell 牵头 / 参与 / (led, joined) counts, or empty."""
    caption: str
    columns: list[Column]
    rows: list[tuple[Unit, list[str]]]


def goal_matrix(domain: Domain) -> Matrix:
    """Units x the goals and measures of one domain that name a unit."""
    items = [it for it in domain.items if it.lead or it.participants]
    cols = [Column(it.number or str(i + 1), f"{KIND_NAMES[it.kind]} {it.number or ''} {item_label(it, 60)}", it)
            for i, it in enumerate(items)]
    rows = [(u, [role(u, it) for it in items]) for u in units_of(items)]
    return Matrix(domain.name, cols, rows)


def domain_matrix(caption: str, domains: list[Domain]) -> Matrix:
    """Units x domains: how many items of each domain a unit leads / joins."""
    items = [it for d in domains for it in d.items]
    cols = [Column(d.name, d.name) for d in domains]
    rows = []
    for u in units_of(items):
        cells = []
        for d in domains:
            led = sum(u in it.lead for it in d.items)
            joined = sum(u in it.participants and u not in it.lead for it in d.items)
            cells.append((led, joined) if led or joined else "")
        rows.append((u, cells))
    return Matrix(caption, cols, rows)


# --- deadlines --------------------------------------------------------------------------

def by_deadline(items: list[Item], today: dt.date) -> tuple[list[Item], list[Item]]:
    """(due from today on, soonest first; overdue, latest first). Undated items are in neither."""
    dated = [it for it in items if it.due]
    upcoming = sorted((it for it in dated if it.due >= today), key=lambda it: it.due)
    past = sorted((it for it in dated if it.due < today), key=lambda it: it.due, reverse=True)
    return upcoming, past


# --- downloads ---------------------------------------------------------------------------

def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([inert(c) for c in header])
    w.writerows([inert(c) for c in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def inert(cell):
    """A cell a spreadsheet would run as a formula (=, +, -, @, TAB, CR first) is set off
    with a leading ' as OWASP advises for CSV; numbers stay numbers."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


@dataclass(frozen=True)
class XlsxDownload:
    """An .xlsx download as its data: the writer hashes the data and renders
    only books whose data changed (a book costs more than a page)."""
    sheets: list[tuple[str, list[str], list[list]]]

    def digest(self) -> str:
        text = json.dumps(self.sheets, ensure_ascii=False, default=str)
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def render(self) -> bytes:
        return xlsx_bytes(self.sheets)


def xlsx_bytes(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """A workbook with one sheet per (name, header, rows); header row bold and
    frozen with the first column. Text stays text: a cell that starts with =
    or looks like a URL is not made a formula or a link."""
    import xlsxwriter
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    taken: list[str] = []
    for name, header, rows in sheets:
        ws = wb.add_worksheet(_sheet_name(name, taken))
        taken.append(ws.name)
        ws.freeze_panes(1, 1)
        for column, width in enumerate(column_widths(header, rows)):
            ws.set_column(column, column, width, wrap)
        ws.write_row(0, 0, header, bold)
        for number, row in enumerate(rows, 1):
            ws.write_row(number, 0, row)
    wb.close()
    return buf.getvalue()


def column_widths(header: list[str], rows: list[list], widest: int = 60) -> list[float]:
    """Excel widths (in characters of its default font, a Chinese character
    counting two) that fit each column's longest cell, up to `widest`: a long
    text wraps in its cell instead of running across the next ones."""
    def width(cell) -> int:
        text = "" if cell is None else str(cell)
        return sum(2 if ord(c) > 0x2e80 else 1 for c in text)
    return [min(widest, max(6, max(width(r[i]) for r in [header, *rows] if i < len(r)) + 2))
            for i in range(len(header))]


def file_name(text: str) -> str:
    """A name to save a download under (the plan's or unit's name, not its id):
    without the characters Windows refuses in file names, nor braces and quotes
    that would end the Markdown attribute holding it."""
    return "".join(c for c in " ".join(text.split()) if c not in '\\/:*?"<>|{}')[:120]


def sheets_csv(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """Every sheet of a workbook in one CSV, one row per filled cell (表, 单位,
    列, 内容): a CSV has no sheets, and the overview alone left the rest out."""
    rows = [[name, row[0], column, cell] for name, header, table in sheets for row in table
            for column, cell in zip(header[1:], row[1:]) if cell not in ("", None)]
    return csv_bytes(["表", "单位", "列", "内容"], rows)


def _sheet_name(name: str, taken: list[str]) -> str:
    """Excel: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = "".join("_" if c in "[]:*?/\\" else c for c in name)[:28] or "表"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _cell_text(cell) -> str:
    if isinstance(cell, tuple):
        return " ".join(x for x in (f"牵头{cell[0]}" if cell[0] else "", f"参与{cell[1]}" if cell[1] else "") if x)
    return cell


def matrix_table(m: Matrix) -> tuple[list[str], list[list]]:
    header = ["单位"] + [c.title for c in m.columns]
    return header, [[u.name, *map(_cell_text, cells)] for u, cells in m.rows]


def task_table(unit: Unit) -> tuple[list[str], list[list]]:
    """A unit's task list: one row per item it leads or joins."""
    header = ["职责", "类型", "文件", "领域", "编号", "内容", "牵头单位", "参与单位", "期限", "期限日期", "目标值", "来源行"]
    rows = []
    for it, r in [(it, LEAD) for it in unit.led] + [(it, JOIN) for it in unit.joined]:
        rows.append([r, KIND_NAMES[it.kind], it.document.title, it.domain or "", it.number or "",
                     " ".join(it.text.split()), "、".join(u.name for u in it.lead),
                     "、".join(u.name for u in it.participants), it.deadline.text if it.deadline else "",
                     it.due.isoformat() if it.due else "",
                     "；".join(f"{i.metric}{target_text(i)}" for i in it.indicators),
                     f"{it.document.source.file}:{it.lines[0]}-{it.lines[1]}"])
    return header, rows
