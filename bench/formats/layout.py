"""A text's blocks as a typesetter sees them: the importer's own paragraphs
(its wraps and page furniture gone), each with the style a gazette gives it. The
parts of a document head that a web copy ran into one line (文号, addressees,
signature, 附件 and a title) are set apart, each as its own line, as every publisher
prints them; a copy in traditional characters is set in the simplified ones its
publisher printed.

kinds: letterhead (某某人民政府文件, large type), title (large type, centred),
number (a 文号, centred), heading (一、 …: bold), right (a signature or its date:
set right), addressee (主送, flush left), entry (a 目录's title, flush left), plain (metadata
and 版记 lines, as printed), body (a paragraph, first line indented two characters), table
(header and rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reading import columns, genre, lines as lines_stage, segment, tables, text, webpage


@dataclass
class Block:
    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    line: int = 0                 # its first line in the text


def blocks(raw: str) -> list[Block]:
    lines, _ = text.read_lines(raw)
    text.to_simplified(lines)        # a traditional copy is a mirror's; the publisher printed simplified
    text.mark_furniture(lines)
    webpage.mark(lines)
    found = tables.find_tables(lines, lines_stage.hard_start)
    taken = {k for t in found for k in range(t.first, t.last + 1)}
    found = sorted(found + columns.find_column_tables(lines, taken), key=lambda t: t.first)
    placed: list[tuple[int, Block]] = []
    for p in segment.unglue(lines_stage.join(lines, found)):
        if p.table is not None:
            t = p.table
            width = max([len(t.header)] + [len(r) for r in t.rows])
            placed.append((p.first, Block("table", header=_cells(t.header, width),
                                          rows=[_cells(r, width) for r in t.rows], line=p.first)))
        elif not p.boundary:
            placed.append((p.first, Block(style(p.text), p.text, line=p.first)))
    for ln in lines:                 # what a page printed besides the text: kept as printed
        if ln.furniture in ("web-metadata", "web-chrome", "imprint") and ln.text:
            placed.append((ln.no, Block("plain", ln.text, line=ln.no)))
    placed.sort(key=lambda x: x[0])
    return _contents([b for _, b in placed])


def _contents(blocks: list[Block]) -> list[Block]:
    """A gazette's 目录 lists titles in body type (entry), not each as a display title: the
    titles after a 目录 line and the labels between them (市政府文件), up to the first other
    block or the first title printed again (where its document starts)."""
    listing, seen = False, set()
    for b in blocks:
        c = text.compact(b.text)
        if listing and (b.kind == "title" and c not in seen or b.kind == "body" and len(c) <= 12):
            seen.add(c)
            b.kind = "entry"
        else:
            listing = c == "目录"
    return blocks


def _cells(row: list[str], width: int) -> list[str]:
    return [re.sub(r"\s*\n\s*", "", c).strip() for c in row] + [""] * (width - len(row))


def style(t: str) -> str:
    c = text.compact(t)
    if genre.LETTERHEAD.match(c):
        return "letterhead"
    if genre.heading(c):
        return "heading" if len(c) <= 40 and not re.search(r"[。；]", c[:-1]) else "body"
    if genre.is_addressee(c):
        return "addressee"
    if genre.is_doc_number(c, lost=True) and len(c) <= 30:
        return "number"
    if (genre.is_date_line(c) or genre.is_issuer(c)) and len(c) <= 30:
        return "right"
    if lines_stage._titled(c) and len(c) <= 80:
        return "title"
    return "body"


def merges(rows: list[list[str]]) -> list[list[bool]]:
    """A leading cell left blank under a filled one (and before the row's first filled cell)
    is printed merged with the cell above, as a rowspan."""
    out = []
    for r, row in enumerate(rows):
        first = next((k for k, c in enumerate(row) if c.strip()), len(row))
        out.append([r > 0 and k < first and first < len(row) and (bool(rows[r - 1][k].strip()) or out[r - 1][k])
                    for k in range(len(row))])
    return out
