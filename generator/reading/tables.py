"""Stage 2: tables flattened to TAB-separated (or `|`-separated) text, rebuilt as rows.

Three encodings occur in the genre's Word-to-text exports and web copies:
* one cell per line, each starting with a TAB; a cell's further paragraphs
  follow without a TAB; blank lines usually (not always) end a row. The only
  reliable row rule: the header row is the cells before the first blank line,
  its size N cuts the cell stream into rows of N.
* one row per line, cells separated by TABs; a page break may leave a blank
  line inside the table.
* one row per line, cells set apart by `|` (a web table copied as text).
A header row printed again after a page break is furniture.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from generator.reading.text import Line, compact


@dataclass
class Table:
    first: int                      # index into the line list
    last: int
    header: list[str]
    rows: list[list[str]]
    repeated_headers: list[tuple[int, int]] = field(default_factory=list)  # line ranges
    row_lines: list[tuple[int, int]] = field(default_factory=list)         # each row's own lines

    def line_range(self, lines: list[Line]) -> tuple[int, int]:
        return lines[self.first].no, lines[self.last].no


def find_tables(lines: list[Line], stops_table) -> list[Table]:
    """All tables; `stops_table(text)` tells a heading or furniture that ends one."""
    tables, i = [], 0
    while i < len(lines):
        ln = lines[i]
        if ln.is_table and ln.raw.lstrip(" ").startswith("\t"):
            t = _cell_per_line(lines, i, stops_table)
        elif ln.is_table:
            t = _row_per_line(lines, i)
        elif ln.pipe_cells:
            t = _pipe_rows(lines, i)
        else:
            i += 1
            continue
        tables.append(t)
        i = t.last + 1
    return tables


def _cell_per_line(lines, i, stops_table) -> Table:
    cells: list[list] = []          # [text parts, first index, last index]
    header_size, j, last = None, i, i
    while j < len(lines):
        ln = lines[j]
        if ln.furniture:
            break
        if ln.is_table and ln.raw.lstrip(" ").startswith("\t"):
            cells.append([[ln.text] if ln.text else [], j, j])
            last = j
        elif ln.blank:
            if header_size is None and cells:
                header_size = len(cells)
        elif last == j - 1 and cells and not stops_table(ln.text) and not ln.is_table:
            cells[-1][0].append(ln.text)       # a further paragraph of the cell
            cells[-1][2] = j
            last = j
        else:
            break
        j += 1
    n = header_size or len(cells)
    texts = [("\n".join(parts), a, b) for parts, a, b in cells]
    chunks = [texts[k:k + n] for k in range(0, len(texts), n)]
    return _build(lines, i, last, chunks)


def _row_per_line(lines, i) -> Table:
    rows, j, last = [], i, i
    width = lines[i].raw.count("\t")
    while j < len(lines):
        ln = lines[j]
        if ln.is_table and ln.raw.count("\t") == width:
            rows.append([(c.strip(" \u3000"), j, j) for c in ln.raw.split("\t")])
            last = j
            j += 1
        elif ln.blank and j + 1 < len(lines) and lines[j + 1].is_table \
                and lines[j + 1].raw.count("\t") == width and j == last + 1:
            j += 1      # page break inside the table
        elif ln.furniture and j == last + 1 and (k := _after_page_break(lines, j)) is not None \
                and lines[k].is_table and lines[k].raw.count("\t") == width:
            j = k       # a page's foot and the next page's head inside the table (a PDF's lines)
        else:
            break
    return _build(lines, i, last, rows)


def _after_page_break(lines, j: int, most: int = 6) -> int | None:
    """The first line after a run of furniture (and blank) lines starting at j."""
    k = j
    while k < len(lines) and k - j < most and (lines[k].furniture or lines[k].blank):
        k += 1
    return k if k < len(lines) and k - j < most else None


def _pipe_rows(lines, i) -> Table:
    """Rows printed `序号 | 任务 | 责任单位 |`, one a line (blank lines between allowed)."""
    rows, j, last = [], i, i
    while j < len(lines):
        ln = lines[j]
        if ln.pipe_cells:
            rows.append([(c, j, j) for c in ln.pipe_cells])
            last = j
        elif not ln.blank:
            break
        j += 1
    width = max(len(r) for r in rows)
    return _build(lines, i, last, [_aligned(r, rows[0], width) for r in rows])


def _aligned(row: list, header: list, width: int) -> list:
    """A short row filled out to the header's width: on the left when a merged leading cell
    was printed once (一、… | 1 | … then 2 | …: its number lines up under 序号), else on the right."""
    blank = ("", row[0][1], row[0][2])
    number_at = next((k for k, c in enumerate(header) if compact(c[0]) in ("序号", "编号")), None)
    at = next((k for k, c in enumerate(row) if re.fullmatch(r"\d{1,3}", compact(c[0]))), None)
    shift = number_at - at if number_at is not None and at is not None and 0 < number_at - at <= width - len(row) else 0
    return [blank] * shift + row + [blank] * (width - len(row) - shift)


def _build(lines, first, last, chunks) -> Table:
    header = [c[0] for c in chunks[0]]
    key = [compact(h) for h in header]
    t = Table(first, last, header, [])
    for chunk in chunks[1:]:
        cells = [c[0] for c in chunk]
        span = (lines[chunk[0][1]].no, lines[chunk[-1][2]].no)
        if [compact(c) for c in cells] == key:
            t.repeated_headers.append(span)
            continue
        t.rows.append(cells + [""] * (len(header) - len(cells)))
        t.row_lines.append(span)
    return t
