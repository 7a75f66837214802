"""A text set as a gazette PDF, the way a gazette's printer sets it (GB/T 9704 in spirit).

A4, body in 12 pt serif (仿宋's place) with the first line of a paragraph indented two
characters, justified, closing punctuation hanging in the margin and Latin words kept
whole; titles in 18 pt bold serif and a letterhead in 26 pt red sans, centred; headings
in bold sans; signatures and dates set right; tables ruled, in 10 pt, their header row
repeated on every page they run onto and a leading cell left blank under a filled one
merged with it (a rowspan); running heads alternating between even pages (the
gazette's name, left) and odd pages (the issue, right) over a rule; page numbers
`— N —` on the outer side of the foot. Nothing here prints a line the importer's text
rules would know as furniture: it has to be found by its repetition.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.formats import fonts
from bench.formats.layout import Block, blocks, merges

W_PAGE, H_PAGE = 595.28, 841.89
LEFT = RIGHT = 79.0            # 28 mm
TOP, BOTTOM = 104.0, 82.0      # where the text block starts and ends (from top and bottom)
WIDTH = W_PAGE - LEFT - RIGHT
BODY, LEAD = 12.0, 21.0
TITLE, LETTERHEAD = 18.0, 26.0
CELL, CELL_LEAD, PAD = 10.0, 13.0, 3.0
HANG = "，。、；：？！）》」』”’〕】,.;:?!)"
NO_END = "（《「『“‘〔【(["
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%\-/:_]*|.", re.S)


class Gazette:
    def __init__(self, path: Path, name: str, issue: str, chars: str, encrypt=None):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
        chars += name + issue + "—0123456789"
        self.fonts = {}
        for face in fonts.FACES:
            file = fonts.truetype(face, chars)
            alias = file.stem                   # one per set of characters
            if alias not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(alias, str(file)))
            self.fonts[face] = alias
        self.width = pdfmetrics.stringWidth
        self.c = canvas.Canvas(str(path), pagesize=(W_PAGE, H_PAGE), pageCompression=1,
                                 encrypt=encrypt)
        self.c.setTitle(name + " " + issue)
        self.name, self.issue = name, issue
        self.page = 0
        self.y = 0.0
        self._new_page()

    # ---------------------------------------------------------------- pages
    def _new_page(self) -> None:
        if self.page:
            self._foot()
            self.c.showPage()
        self.page += 1
        c = self.c
        c.setFont(self.fonts["sans"], 9)
        head_y = H_PAGE - 62
        if self.page % 2 == 0:
            c.drawString(LEFT, head_y, self.name)
        else:
            c.drawRightString(W_PAGE - RIGHT, head_y, self.issue)
        c.setLineWidth(0.6)
        c.line(LEFT, head_y - 5, W_PAGE - RIGHT, head_y - 5)
        self.y = H_PAGE - TOP

    def _foot(self) -> None:
        c = self.c
        c.setFont(self.fonts["serif"], 10.5)
        label = f"— {self.page} —"
        if self.page % 2:
            c.drawRightString(W_PAGE - RIGHT - 10.5, 48, label)
        else:
            c.drawString(LEFT + 10.5, 48, label)

    def finish(self) -> int:
        self._foot()
        self.c.save()
        return self.page

    def _room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self._new_page()

    # ---------------------------------------------------------------- text
    def wrap(self, s: str, font: str, size: float, first: float, rest: float) -> list[str]:
        out, line, room = [], "", first
        for tok in _TOKEN.findall(s):
            if tok == "\n":
                continue
            if not line or self.width(line + tok, font, size) <= room or (tok in HANG and len(tok) == 1):
                line += tok
                continue
            carry = ""
            while line and line[-1] in NO_END:
                carry, line = line[-1] + carry, line[:-1]
            out.append(line)
            line, room = carry + tok, rest
        if line:
            out.append(line)
        return out or [""]

    def _draw(self, s: str, x: float, font: str, size: float, spread_to: float | None = None) -> None:
        t = self.c.beginText()
        t.setTextOrigin(x, self.y - size * 0.88)
        t.setFont(font, size)
        if spread_to is not None and len(s) > 1:
            extra = spread_to - self.width(s, font, size)
            if 0 < extra < size * 1.5:
                t.setCharSpace(extra / (len(s) - 1))
        t.textOut(s)
        self.c.drawText(t)

    def paragraph(self, s: str, face: str, size: float, lead: float, indent: float, align: str = "justify",
                  margin: float = 0.0) -> None:
        font = self.fonts[face]
        width = WIDTH - 2 * margin
        lines = self.wrap(s, font, size, width - indent, width)
        for k, ln in enumerate(lines):
            self._room(lead)
            w = self.width(ln, font, size)
            if align == "center":
                x = LEFT + (WIDTH - w) / 2
            elif align == "right":
                x = W_PAGE - RIGHT - margin - w
            else:
                x = LEFT + margin + (indent if k == 0 else 0)
            last = k == len(lines) - 1
            spread = None if align != "justify" or last else width - (indent if k == 0 else 0)
            self._draw(ln, x, font, size, spread)
            self.y -= lead

    def block(self, b: Block) -> None:
        if b.kind == "letterhead":
            self.y -= 10
            self.c.setFillColorRGB(0.8, 0, 0)
            self.paragraph(b.text, "sans-bold", LETTERHEAD, LETTERHEAD * 1.4, 0, "center")
            self.c.setFillColorRGB(0, 0, 0)
            self.y -= 6
        elif b.kind == "title":
            self.y -= 8
            self.paragraph(b.text, "serif-bold", TITLE, TITLE * 1.45, 0, "center", margin=2 * TITLE)
            self.y -= 8
        elif b.kind == "number":
            self.paragraph(b.text, "serif", BODY, LEAD, 0, "center")
        elif b.kind == "heading":
            self.paragraph(b.text, "sans-bold", BODY, LEAD, 2 * BODY)
        elif b.kind == "right":
            self.paragraph(b.text, "serif", BODY, LEAD, 0, "right", margin=2 * BODY)
        elif b.kind in ("plain", "addressee", "entry"):
            self.paragraph(b.text, "serif", BODY, LEAD, 0, "left")
        elif b.kind == "table":
            self.table(b.header, b.rows)
        else:
            self.paragraph(b.text, "serif", BODY, LEAD, 2 * BODY)

    # ---------------------------------------------------------------- tables
    def _widths(self, grid: list[list[str]]) -> list[float]:
        font, n = self.fonts["serif"], len(grid[0])
        want = [max(min(self.width(r[k], font, CELL), WIDTH * 0.6) for r in grid) + 2 * PAD + 2 for k in range(n)]
        want = [max(w, 2.5 * CELL + 2 * PAD) for w in want]
        if sum(want) <= WIDTH:
            return [w * WIDTH / sum(want) for w in want]
        fair = WIDTH / n
        base = [min(w, fair) for w in want]
        spare, extra = WIDTH - sum(base), [w - b for w, b in zip(want, base)]
        return [b + spare * e / sum(extra) for b, e in zip(base, extra)]

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        font = self.fonts["serif"]
        bold = self.fonts["sans-bold"]
        widths = self._widths([header] + rows)
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        merged = merges(rows)
        wrapped_header = [self.wrap(h, bold, CELL, w - 2 * PAD, w - 2 * PAD) for h, w in zip(header, widths)]
        self.y -= 4
        self._room(self._height(wrapped_header) + 2 * CELL_LEAD)
        top = self._row(wrapped_header, xs, bold, [False] * len(header), rule_top=True)
        for r, row in enumerate(rows):
            cells = [[] if merged[r][k] else self.wrap(c, font, CELL, w - 2 * PAD, w - 2 * PAD)
                     for k, (c, w) in enumerate(zip(row, widths))]
            h = self._height(cells)
            if self.y - h < BOTTOM:
                self._close(xs, top)
                self._new_page()
                top = self._row(wrapped_header, xs, bold, [False] * len(header), rule_top=True)
                self._row(cells, xs, font, [False] * len(row), rule_top=True)
            else:
                self._row(cells, xs, font, merged[r], rule_top=True)
        self._close(xs, top)
        self.y -= 8

    def _height(self, cells: list[list[str]]) -> float:
        return max(1, max(len(c) for c in cells)) * CELL_LEAD + 2 * PAD

    def _row(self, cells: list[list[str]], xs: list[float], font: str, merged: list[bool], rule_top: bool) -> float:
        c, top = self.c, self.y
        h = self._height(cells)
        c.setLineWidth(0.5)
        for k, lines in enumerate(cells):
            if rule_top and not merged[k]:
                c.line(xs[k], top, xs[k + 1], top)
            for n, ln in enumerate(lines):
                t = c.beginText()
                t.setTextOrigin(xs[k] + PAD, top - PAD - CELL * 0.9 - n * CELL_LEAD)
                t.setFont(font, CELL)
                t.textOut(ln)
                c.drawText(t)
        for x in xs:
            c.line(x, top, x, top - h)
        self.y = top - h
        return top

    def _close(self, xs: list[float], top: float) -> None:
        self.c.setLineWidth(0.5)
        self.c.line(xs[0], self.y, xs[-1], self.y)


def render(raw: str, out: Path, name: str, issue: str, encrypt=None) -> int:
    """Set `raw` (a gazette's text) as a PDF (with a password: `encrypt`, reportlab's); the number of pages."""
    gazette = Gazette(out, name, issue, raw, encrypt)
    for b in blocks(raw):
        gazette.block(b)
    return gazette.finish()
