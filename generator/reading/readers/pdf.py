"""PDF: the text layer, read with PDFium (pypdfium2).

Each page's characters (with their baselines, boxes and sizes) are grouped into
lines; each line becomes one text line, so the pipeline re-joins paragraphs as
it does for any wrapped text (lines.py), helped by what the page shows:

* a paragraph's first line, indented by one to four characters of body type,
  starts with that many ideographic spaces (the pipeline's sign of a paragraph);
* lines set in display type (a title wrapped over two or three lines, larger than
  the body) become one line;
* a table with ruling lines becomes one line per row, its cells separated by TABs;
  a merged cell's text stands in its first row and column, the rest blank; a row
  spanning the whole table (a caption inside it) is a line of its own;
* page furniture (running heads, page numbers, issue lines) is whatever stands
  first or last on a page and recurs, digits aside, at the same edge of several
  pages; it stays in the text and is marked, so the manifest lists it.

Page provenance: `pages` holds the first text line of each page.

Refused: a PDF that opens only with a password, one that is damaged, one with no
text layer (a scan: its page count is given), one whose text layer has no
character map.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import PolicyError
from generator.reading import readers

MAX_PAGES = 5000
MAX_SEGMENTS = 20_000          # path segments read per page (a vector map is no table)
_PAGE_NUMBER = re.compile(r"^[-—－–~·\s]*(?:第?#页?|#/#|第#页共#页|共#页第#页|[Pp]age#|#of#)[-—－–~·\s]*$")
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\uffef]")


@dataclass(slots=True)
class Char:
    c: str
    x0: float
    x1: float
    y: float           # baseline
    size: float


@dataclass
class Line:
    chars: list[Char]
    y: float = 0.0
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    text: str = ""

    def __post_init__(self):
        self.chars.sort(key=lambda c: c.x0)
        self.y = max(c.y for c in self.chars)
        self.size = Counter(round(c.size * 2) / 2 for c in self.chars).most_common(1)[0][0]
        self.x0 = self.chars[0].x0
        self.x1 = max(c.x1 for c in self.chars)
        self.text = _text(self.chars)


@dataclass
class Entry:
    """One text line of a page: a printed line, or a table row (its cells TAB-separated)."""
    top: float
    text: str
    line: Line | None = None     # None: a table row


@dataclass
class Page:
    entries: list[Entry] = field(default_factory=list)
    chars: int = 0
    cells: Counter = field(default_factory=Counter)      # table characters by size
    frames: list[tuple[float, float]] = field(default_factory=list)     # each table's top and bottom


# ------------------------------------------------------------------ reading

def read(path: Path) -> readers.Reading:
    import pypdfium2 as pdfium
    import pypdfium2.raw as C
    try:
        pdf = pdfium.PdfDocument(Path(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == C.FPDF_ERR_PASSWORD:
            raise PolicyError("encrypted PDF: it opens only with a password; save a copy without the password "
                              "(e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and import that",
                              file=str(path)) from None
        if code == C.FPDF_ERR_SECURITY:
            raise PolicyError("encrypted PDF with a security handler PDFium does not support", file=str(path)) from None
        raise PolicyError("damaged PDF: PDFium cannot open it (truncated or not a PDF inside)", file=str(path)) from None
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            raise PolicyError(f"too many pages for one import ({n}; the limit is {MAX_PAGES}): split the PDF",
                              file=str(path))
        pages, total, unmapped = [], 0, 0
        for i in range(n):
            page = pdf[i]
            try:
                got, bad = _read_page(page, C)
            finally:
                page.close()
            pages.append(got)
            total += got.chars
            unmapped += bad
            readers.check_size(path, total)
            readers.progress(path, i + 1, n, "page")
    finally:
        pdf.close()
    empty = sum(1 for p in pages if not p.chars)
    if empty == n:
        raise PolicyError(f"has no text layer ({n} page{'s' if n > 1 else ''}, images only: a scan); "
                          "run OCR on it first (e.g. tesseract with chi_sim) and import the text", file=str(path))
    if empty * 2 > n:
        raise PolicyError(f"only {n - empty} of {n} pages have a text layer (the others are scanned images); "
                          "run OCR on it first (e.g. tesseract with chi_sim) and import the text", file=str(path))
    if unmapped * 3 > total:
        raise PolicyError("its text layer has no character map (the text extracts as unreadable codes); "
                          "run OCR on it instead", file=str(path))
    return _assemble(pages)


def _read_page(page, C) -> tuple[Page, int]:
    tp = page.get_textpage()
    try:
        chars, unmapped = _chars(tp, C)
    finally:
        tp.close()
    hs, vs = _rules(page, C) if chars else ([], [])
    grids = _grids(hs, vs)
    loose: list[Char] = []
    for ch in chars:
        g = next((g for g in grids if g.holds(ch)), None)
        if g is None:
            loose.append(ch)
        else:
            g.chars.append(ch)
    entries = [Entry(ln.y + ln.size, ln.text, ln) for ln in _lines(loose)]
    for g in grids:
        entries += g.entries()
    entries.sort(key=lambda e: -e.top)
    cells = Counter(round(ch.size * 2) / 2 for g in grids for ch in g.chars)
    return Page(entries, len(chars), cells, [(g.ys[0], g.ys[-1]) for g in grids]), unmapped


def _chars(tp, C) -> tuple[list[Char], int]:
    n = C.FPDFText_CountChars(tp)
    out: list[Char] = []
    unmapped = 0
    x, y = ctypes.c_double(), ctypes.c_double()
    rect = C.FS_RECTF()
    for i in range(max(n, 0)):
        u = C.FPDFText_GetUnicode(tp, i)
        if u in (0, 10, 13, 0xFFFE, 0xFFFF) or C.FPDFText_IsGenerated(tp, i) == 1:
            continue
        if u == 0xFFFD or 0xE000 <= u <= 0xF8FF or u < 32 and u != 9:
            unmapped += 1
            continue
        C.FPDFText_GetCharOrigin(tp, i, x, y)
        C.FPDFText_GetLooseCharBox(tp, i, rect)
        height = abs(rect.top - rect.bottom)
        size = C.FPDFText_GetFontSize(tp, i)
        if not (0.3 * height <= size <= 3 * height) and height > 0:
            size = height / 1.2
        out.append(Char(chr(u), min(rect.left, rect.right), max(rect.left, rect.right), y.value, size or 1.0))
    return out, unmapped


# ------------------------------------------------------------------ lines

def _lines(chars: list[Char]) -> list[Line]:
    """Characters on one baseline (within a third of their size) are a line."""
    rows: list[list[Char]] = []
    base = None
    for ch in sorted(chars, key=lambda c: -c.y):
        if rows and base - ch.y <= 0.35 * max(ch.size, rows[-1][0].size):
            rows[-1].append(ch)
        else:
            rows.append([ch])
            base = ch.y
    return [Line(r) for r in rows if any(not c.c.isspace() for c in r)]


def _text(chars: list[Char]) -> str:
    """A line's characters, a space where a gap as wide as a half character stands (words,
    a title printed with a space), overprinted duplicates (fake bold) dropped."""
    out: list[str] = []
    prev = None
    for ch in chars:
        if prev is not None:
            if ch.c == prev.c and abs(ch.x0 - prev.x0) < 0.15 * ch.size:
                continue
            gap = ch.x0 - prev.x1
            if gap > 0.5 * max(ch.size, prev.size) and not ch.c.isspace() and not prev.c.isspace():
                out.append(" ")
        out.append(" " if ch.c.isspace() else ch.c)
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


# ------------------------------------------------------------------ ruled tables

@dataclass
class Rule:
    at: float          # y of a horizontal rule, x of a vertical one
    lo: float
    hi: float


def _rules(page, C) -> tuple[list[Rule], list[Rule]]:
    hs: list[Rule] = []
    vs: list[Rule] = []
    budget = [MAX_SEGMENTS]

    def add(p, q):
        (x0, y0), (x1, y1) = p, q
        if abs(y0 - y1) < 1.0 and abs(x1 - x0) > 4:
            hs.append(Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) < 1.0 and abs(y1 - y0) > 4:
            vs.append(Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def walk(count, get, parent, outer):
        for k in range(count(parent)):
            if budget[0] <= 0:
                return
            obj = get(parent, k)
            kind = C.FPDFPageObj_GetType(obj)
            if kind == C.FPDF_PAGEOBJ_FORM:
                walk(C.FPDFFormObj_CountObjects, C.FPDFFormObj_GetObject, obj, _compose(outer, _matrix(obj, C)))
            elif kind == C.FPDF_PAGEOBJ_PATH:
                _path(obj, C, outer, add, budget)

    walk(C.FPDFPage_CountObjects, C.FPDFPage_GetObject, page.raw, (1, 0, 0, 1, 0, 0))
    return hs, vs


def _matrix(obj, C) -> tuple:
    m = C.FS_MATRIX()
    if not C.FPDFPageObj_GetMatrix(obj, m):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(outer: tuple, inner: tuple) -> tuple:
    """The matrix applying `inner`, then `outer`."""
    a, b, c, d, e, f = inner
    A, B, Cc, D, E, F = outer
    return (a * A + b * Cc, a * B + b * D, c * A + d * Cc, c * B + d * D, e * A + f * Cc + E, e * B + f * D + F)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _path(obj, C, outer, add, budget) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if C.FPDFPath_GetDrawMode(obj, fill, stroke) and not fill.value and not stroke.value:
        return                                  # a clipping path draws nothing
    if _thin_box(obj, C, outer, add):
        return
    m = _compose(outer, _matrix(obj, C))
    n = C.FPDFPath_CountSegments(obj)
    budget[0] -= max(n, 0)
    fx, fy = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for k in range(max(n, 0)):
        seg = C.FPDFPath_GetPathSegment(obj, k)
        if not C.FPDFPathSegment_GetPoint(seg, fx, fy):
            continue
        p = _apply(m, fx.value, fy.value)
        kind = C.FPDFPathSegment_GetType(seg)
        if kind == C.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = p
            continue
        if kind == C.FPDF_SEGMENT_LINETO:
            add(prev, p)
        prev = p
        if C.FPDFPathSegment_GetClose(seg) and start is not None:
            add(prev, start)
            prev = start


def _thin_box(obj, C, outer, add) -> bool:
    """A path whose bounds are thin is one rule, however drawn (a stroked line, or a
    filled thin rectangle, as Word draws cell borders): its long side. True if so."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not C.FPDFPageObj_GetBounds(obj, l, b, r, t):
        return False
    (x0, y0), (x1, y1) = _apply(outer, l.value, b.value), _apply(outer, r.value, t.value)
    w, h = abs(x1 - x0), abs(y1 - y0)
    if h <= 2.5 < w:
        add((x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2))
    elif w <= 2.5 < h:
        add(((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1))
    else:
        return False
    return True


def _merge(rules: list[Rule]) -> list[Rule]:
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (round(r.at), r.lo)):
        last = next((o for o in reversed(out[-4:]) if abs(o.at - r.at) <= 1.5 and r.lo <= o.hi + 2), None)
        if last is not None:
            last.hi = max(last.hi, r.hi)
        else:
            out.append(Rule(r.at, r.lo, r.hi))
    return out


def _clusters(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


@dataclass
class Grid:
    xs: list[float]                  # column boundaries, left to right
    ys: list[float]                  # row boundaries, top to bottom
    hs: list[Rule]
    vs: list[Rule]
    chars: list[Char] = field(default_factory=list)

    def holds(self, ch: Char) -> bool:
        cx, cy = (ch.x0 + ch.x1) / 2, ch.y + 0.3 * ch.size
        return self.xs[0] - 1 <= cx <= self.xs[-1] + 1 and self.ys[-1] - 1 <= cy <= self.ys[0] + 1

    def _v(self, x: float, y: float) -> bool:
        return any(abs(v.at - x) <= 2 and v.lo - 2 <= y <= v.hi + 2 for v in self.vs)

    def _h(self, y: float, x: float) -> bool:
        return any(abs(h.at - y) <= 2 and h.lo - 2 <= x <= h.hi + 2 for h in self.hs)

    def entries(self) -> list[Entry]:
        rows, cols = len(self.ys) - 1, len(self.xs) - 1
        parent = {(i, j): (i, j) for i in range(rows) for j in range(cols)}

        def find(a):
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)      # the top-left cell names the span
        for i in range(rows):
            ymid = (self.ys[i] + self.ys[i + 1]) / 2
            for j in range(cols):
                xmid = (self.xs[j] + self.xs[j + 1]) / 2
                if j + 1 < cols and not self._v(self.xs[j + 1], ymid):
                    union((i, j), (i, j + 1))
                if i + 1 < rows and not self._h(self.ys[i + 1], xmid):
                    union((i, j), (i + 1, j))
        cells: dict[tuple, list[Char]] = {}
        for ch in self.chars:
            cx, cy = (ch.x0 + ch.x1) / 2, ch.y + 0.3 * ch.size
            j = min(max(bisect_right(self.xs, cx) - 1, 0), cols - 1)
            i = min(max(sum(1 for y in self.ys[1:-1] if cy < y), 0), rows - 1)
            cells.setdefault(find((i, j)), []).append(ch)
        text = {k: readers.run_together([ln.text for ln in _lines(v)]) for k, v in cells.items()}
        out = []
        for i in range(rows):
            spans = {find((i, j)) for j in range(cols)}
            row = [text.get((i, j), "") if find((i, j)) == (i, j) else "" for j in range(cols)]
            if not any(row):
                continue
            top = self.ys[i]
            if len(spans) == 1:                     # a caption or a note across the whole table
                out.append(Entry(top, row[0]))
            else:
                out.append(Entry(top, "\t".join(c.replace("\t", " ") for c in row)))
        return out


def _grids(hs: list[Rule], vs: list[Rule]) -> list[Grid]:
    hs, vs = _merge(hs), _merge(vs)
    if not hs or not vs:
        return []
    n = len(hs)
    parent = list(range(n + len(vs)))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a
    for a, h in enumerate(hs):
        for b, v in enumerate(vs):
            if v.lo - 2 <= h.at <= v.hi + 2 and h.lo - 2 <= v.at <= h.hi + 2:
                parent[find(a)] = find(n + b)
    groups: dict[int, list[int]] = {}
    for k in range(n + len(vs)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for members in groups.values():
        gh = [hs[k] for k in members if k < n]
        gv = [vs[k - n] for k in members if k >= n]
        if not gh or not gv:
            continue
        xs = _clusters([v.at for v in gv] + [min(h.lo for h in gh), max(h.hi for h in gh)])
        ys = _clusters([h.at for h in gh] + [min(v.lo for v in gv), max(v.hi for v in gv)])[::-1]
        if len(xs) >= 3 and len(ys) >= 2 and xs[-1] - xs[0] > 30 and ys[0] - ys[-1] > 8:
            out.append(Grid(xs, ys, gh, gv))
    return out


# ------------------------------------------------------------------ the document

def _assemble(pages: list[Page]) -> readers.Reading:
    body = _body_size(pages)
    lefts = _mirrored({parity: _left_margin([e.line for k, p in enumerate(pages) if k % 2 == parity
                                             for e in p.entries if e.line is not None
                                             and abs(e.line.size - body) < 1], body) for parity in (0, 1)}, min, body)
    rights = _mirrored({parity: _right_margin([e.line for k, p in enumerate(pages) if k % 2 == parity
                                               for e in p.entries if e.line is not None
                                               and abs(e.line.size - body) < 1]) for parity in (0, 1)}, max, body)
    for page in pages:
        page.entries = _join_display(page.entries, body)
    if _headings_indented(pages, lefts, rights, body):
        for k, page in enumerate(pages):
            page.entries = _join_cut_numbers(page.entries, lefts[k % 2], rights[k % 2], body)
    furniture = _furniture(pages, body)
    out: list[str] = []
    starts: list[int] = []
    marks: dict[int, str] = {}
    for k, page in enumerate(pages):
        starts.append(len(out) + 1)
        for e in page.entries:
            out.append(e.text if e.line is None else _indent(e.line, lefts[k % 2], body) + e.text)
            kind = furniture.get((k, id(e)))
            if kind:
                marks[len(out)] = kind
    return readers.Reading("\n".join(out) + "\n", "pdf", pages=starts, marks=marks, suffix=".pdf")


def _body_size(pages: list[Page]) -> float:
    """The type most running text is set in, read between each page's first and last line
    (a head and a page number there may outnumber a short text); a document of tables only,
    nothing between, has its tables' type."""
    sizes = Counter()
    for p in pages:
        for e in p.entries[1:-1]:
            if e.line is not None:
                sizes[e.line.size] += len(e.line.chars)
    if not sizes:
        sizes = sum((p.cells for p in pages), Counter())
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _left_margin(lines: list[Line], body: float) -> float | None:
    """The smallest x at which a good share of body lines start."""
    xs = Counter(round(ln.x0) for ln in lines)
    if not xs:
        return None
    need = max(2, 0.05 * len(lines))
    for x in sorted(xs):
        if sum(c for v, c in xs.items() if abs(v - x) <= 1) >= need:
            return float(x)
    return float(min(xs))


def _mirrored(margins: dict, outer, body: float) -> dict:
    """Odd and even pages' margins differ by the binding's offset, less than a character; more
    means the pages of one parity show no line at their margin (each line an indented
    paragraph or heading, none running full): the outer of the two is the margin of both."""
    a, b = margins[0], margins[1]
    if a is not None and b is not None and abs(a - b) > body:
        return {0: outer(a, b), 1: outer(a, b)}
    return margins


def _right_margin(lines: list[Line]) -> float | None:
    """The largest x at which a good share of body lines end (justified text)."""
    xs = Counter(round(ln.x1) for ln in lines)
    need = max(2, 0.05 * len(lines))
    for x in sorted(xs, reverse=True):
        if sum(c for v, c in xs.items() if abs(v - x) <= 1) >= need:
            return float(x)
    return None


def _full(line: Line | None, right: float | None, body: float) -> bool:
    return line is not None and right is not None and abs(line.size - body) < 1 and line.x1 >= right - 0.8 * body


def _flush(line: Line, left: float | None, body: float) -> bool:
    return left is not None and abs(line.x0 - left) < 0.5 * body


def _headings_indented(pages: list[Page], lefts: dict, rights: dict, body: float) -> bool:
    """The document indents its numbered headings (一、 (一) 1. …) as it indents paragraphs:
    seen where the line before a heading ends short, so no wrap can have put it there."""
    from generator.reading import genre
    indented = flush = 0
    for k, page in enumerate(pages):
        prev = None
        for e in page.entries:
            ln = e.line
            if ln is not None and abs(ln.size - body) < 1 and genre.heading(ln.text) \
                    and not _full(prev, rights[k % 2], body):
                if _flush(ln, lefts[k % 2], body):
                    flush += 1
                else:
                    indented += 1
            prev = ln
    return indented >= 3 and indented >= 4 * flush


def _join_cut_numbers(entries: list[Entry], left, right, body: float) -> list[Entry]:
    """In a document that indents its headings, a line at the left margin that opens with
    a number (…0.50 以内；| 4. 道路交通…) after a line running to the right margin is the
    wrap of a list inside a paragraph, not a heading: it joins the line above."""
    from generator.reading import genre
    out: list[Entry] = []
    for e in entries:
        prev = out[-1] if out else None
        if (prev is not None and prev.line is not None and e.line is not None and genre.heading(e.text)
                and _flush(e.line, left, body) and _full(prev.line, right, body)
                and abs(e.line.size - body) < 1 and 0 < prev.line.y - e.line.y <= 2.5 * body):
            out[-1] = _joined(prev, e, prev.line.x0)
            continue
        out.append(e)
    return out


def _joined(prev: Entry, e: Entry, x0: float) -> Entry:
    """Two printed lines as one entry at the first's place, left edge `x0`; its baseline and
    right edge are the second's, so a third line is measured from the line just above it."""
    merged = Line(prev.line.chars + [])
    merged.text = readers.run_together([prev.text, e.text])
    merged.x0, merged.x1, merged.y = x0, e.line.x1, e.line.y
    return Entry(prev.top, merged.text, merged)


def _indent(line: Line, left: float | None, body: float) -> str:
    """A paragraph's first line, indented one to four characters, opens with as many
    ideographic spaces (the pipeline's sign of a paragraph); so does a line in display type
    (a title, centred: a paragraph of its own, never the wrap of a short line above it)."""
    if line.size >= 1.15 * body:
        return "\u3000\u3000"
    if left is None:
        return ""
    k = round((line.x0 - left) / body)
    return "\u3000" * k if 1 <= k <= 4 and line.x0 - left >= 0.7 * body else ""


def _join_display(entries: list[Entry], body: float) -> list[Entry]:
    """A title in display type wrapped over several lines: one line."""
    out: list[Entry] = []
    for e in entries:
        prev = out[-1] if out else None
        if (prev is not None and prev.line is not None and e.line is not None
                and e.line.size >= 1.15 * body and abs(prev.line.size - e.line.size) <= 0.08 * e.line.size
                and 0 < prev.line.y - e.line.y <= 2.2 * e.line.size):
            out[-1] = _joined(prev, e, min(prev.line.x0, e.line.x0))
            continue
        out.append(e)
    return out


def _key(text: str) -> str:
    """A line as it recurs across pages: digits (page numbers, dates) aside."""
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def _furniture(pages: list[Page], body: float) -> dict[tuple[int, int], str]:
    """(page index, id(entry)) -> kind, for the lines first or last on their page that recur
    at the same edge of several pages: by their text, digits aside, or, set smaller than the
    body and outside its block (its lines and tables: a page of a table alone has no body
    line), by their height on the page (running heads that alternate between the gazette's
    name and its issue repeat only there); a PDF of fewer pages than that needs such a line
    on each of its pages (a one-page extract keeps its head)."""
    n = len(pages)
    need = max(2, min(5, round(0.3 * n)))
    block = [(ln.y + ln.size, ln.y) for p in pages for e in p.entries
             if (ln := e.line) is not None and abs(ln.size - body) < 1] + [f for p in pages for f in p.frames]
    top = max((t for t, _ in block), default=float("inf"))
    bottom = min((b for _, b in block), default=float("-inf"))
    seen: dict[tuple[str, str], set[int]] = {}
    candidates: list[tuple[int, Entry, str, list[tuple[str, int]]]] = []
    for k, page in enumerate(pages):
        lines = [e for e in page.entries if e.line is not None]
        for edge, chosen in (("top", lines[:2]), ("bottom", lines[-2:])):
            for e in chosen:
                keys = [(_key(e.text), need)]
                outside = e.line.y > top if edge == "top" else e.line.y + e.line.size < bottom
                if e.line.size < body - 0.5 and outside:
                    keys.append((f"@{round(e.line.y)}", min(need, n)))
                for key, _ in keys:
                    seen.setdefault((edge, key), set()).add(k)
                candidates.append((k, e, edge, keys))
    out = {}
    for k, e, edge, keys in candidates:
        if any(len(seen[(edge, key)]) >= least for key, least in keys):
            kind = "page-number" if _PAGE_NUMBER.match(keys[0][0]) else ("running-header" if edge == "top"
                                                                          else "running-footer")
            out[(k, id(e))] = kind
    return out


def page_of(pages: list[int], line: int) -> int:
    """The page (1-based) a text line stands on, from a manifest's `pages`."""
    return max(1, bisect_right(pages, line))
