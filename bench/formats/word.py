"""A text as a Word file made the way an office makes one (python-docx, plus the
WordprocessingML python-docx has no API for).

* numbered headings and paragraphs (一、 （一） 1. （1） ①, 第一条, 第一章) carry Word's
  automatic numbering, not the number as text: a multilevel list in numbering.xml,
  level 一、 reached through the paragraph style (Heading 1, as outline numbering is
  set up), the others through the paragraph's own numPr; where the text's number
  is not the one Word's counter would show next (numbering that restarts or runs
  on across sections), a new list instance restarts it there (startOverride), as
  "Restart at" does in Word;
* tables as Word tables; a leading cell left blank under a filled one is merged
  with it (vertical merge), as such tables are drawn;
* a footnote on a notice's last body paragraph (footnotes.xml), when `footnote`;
* titles centred in large type, signatures and dates set right.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from bench.formats.layout import Block, blocks
from generator.reading import genre

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# heading family -> (level, Word number format, level text, how the text prints the number)
LEVELS = {
    "cn": (0, "chineseCounting", "%1、", lambda n: f"{_cn(n)}、"),
    "pcn": (1, "chineseCounting", "（%2）", lambda n: f"（{_cn(n)}）"),
    "num": (2, "decimal", "%3.", lambda n: f"{n}."),
    "pnum": (3, "decimal", "（%4）", lambda n: f"（{n}）"),
    "circled": (4, "decimalEnclosedCircle", "%5", lambda n: chr(0x2460 + n - 1)),
}
ARTICLES = {"chapter": (0, "chineseCounting", "第%1章", lambda n: f"第{_cn(n)}章"),
            "article": (1, "chineseCounting", "第%2条", lambda n: f"第{_cn(n)}条")}
NOTE = "本文件所称“十四五”，指2021年至2025年。"


def _cn(n: int) -> str:
    from generator.reading.readers.docx import format_number
    return format_number(n, "chineseCounting")


def _q(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


class _Lists:
    """The two multilevel lists (outline, articles) and their instances."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.next_abstract = 900
        self.next_num = 900
        self.lists = {}
        for name, levels in (("outline", LEVELS), ("articles", ARTICLES)):
            abstract = self._abstract(levels)
            self.lists[name] = {"abstract": abstract, "num": self._num(abstract, {}), "counters": {},
                                "levels": levels}

    def _abstract(self, levels) -> int:
        aid = self.next_abstract
        self.next_abstract += 1
        a = _el("w:abstractNum", abstractNumId=aid)
        a.append(_el("w:multiLevelType", val="multilevel"))
        by_level = {lv: (fmt, text) for lv, fmt, text, _ in levels.values()}
        for k in range(9):
            fmt, text = by_level.get(k, ("decimal", f"%{k + 1}."))
            lvl = _el("w:lvl", ilvl=k)
            lvl.append(_el("w:start", val=1))
            lvl.append(_el("w:numFmt", val=fmt))
            lvl.append(_el("w:lvlText", val=text))
            lvl.append(_el("w:suff", val="nothing"))
            lvl.append(_el("w:lvlJc", val="left"))
            a.append(lvl)
        first_num = self.root.find(_q("num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            self.root.append(a)
        return aid

    def _num(self, abstract: int, starts: dict[int, int]) -> int:
        nid = self.next_num
        self.next_num += 1
        n = _el("w:num", numId=nid)
        n.append(_el("w:abstractNumId", val=abstract))
        for level, start in starts.items():
            o = _el("w:lvlOverride", ilvl=level)
            o.append(_el("w:startOverride", val=start))
            n.append(o)
        self.root.append(n)
        return nid

    def number(self, family: str, value: int) -> tuple[int, int]:
        """(numId, level) that shows `value` for a paragraph of `family`, restarting where needed."""
        name = "articles" if family in ARTICLES else "outline"
        lst = self.lists[name]
        level = lst["levels"][family][0]
        counters = lst["counters"]
        shown = counters.get(level, 0) + 1
        if shown != value:
            lst["num"] = self._num(lst["abstract"], {level: value})
        counters[level] = value
        for deeper in [d for d in counters if d > level]:
            del counters[deeper]
        return lst["num"], level


def _numbered(text: str):
    """(family, value, rest) when the text opens with a number Word's list would print
    exactly so, else None."""
    h = genre.heading(text)
    if not h:
        return None
    family, number, rest = h
    for fam, table in (("cn", LEVELS), ("pcn", LEVELS), ("num", LEVELS), ("pnum", LEVELS),
                       ("circled", LEVELS), ("chapter", ARTICLES), ("article", ARTICLES)):
        if fam != family:
            continue
        value = _value(number)
        if value is None or value > 99 or table[fam][3](value) != number.replace(" ", ""):
            return None
        return family, value, text[text.index(number) + len(number):].lstrip()
    return None


def _value(number: str) -> int | None:
    digits = re.sub(r"\D", "", number)
    if digits:
        return int(digits)
    if re.search(r"[\u2460-\u2473]", number):
        return ord(re.search(r"[\u2460-\u2473]", number).group()) - 0x2460 + 1
    cn = re.sub(r"[^一二三四五六七八九十百零〇两]", "", number)
    return genre.cn_int(cn) if cn else None


def render(raw: str, out: Path, footnote: bool = True) -> dict:
    """Write `raw` as a .docx; what was made (numbered paragraphs, merged cells, footnotes)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    styles = document.styles
    styles["Normal"].font.size = Pt(12)
    lists = _Lists(document)
    style_num = lists.lists["outline"]["num"]          # 一、 headings numbered through their style
    ppr = styles["Heading 1"].element.get_or_add_pPr()
    num_pr = _el("w:numPr")
    num_pr.append(_el("w:ilvl", val=0))
    num_pr.append(_el("w:numId", val=style_num))
    ppr.append(num_pr)
    made = {"numbered": 0, "merged": 0, "footnotes": 0, "tables": 0}
    laid = blocks(raw)
    note_at = _footnote_place(laid) if footnote else None
    for k, b in enumerate(laid):
        if b.kind == "table":
            made["merged"] += _table(document, b)
            made["tables"] += 1
            continue
        numbered = _numbered(b.text) if b.kind in ("heading", "body") else None
        if numbered:
            family, value, rest = numbered
            num_id, level = lists.number(family, value)
            via_style = family == "cn" and num_id == style_num
            p = document.add_paragraph(style="Heading 1" if via_style else None)
            p.add_run(rest)
            if not via_style:
                pp = p._p.get_or_add_pPr()
                npr = _el("w:numPr")
                npr.append(_el("w:ilvl", val=level))
                npr.append(_el("w:numId", val=num_id))
                pp.append(npr)
            made["numbered"] += 1
        else:
            p = document.add_paragraph()
            run = p.add_run(b.text)
            if b.kind in ("title", "letterhead"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
                run.font.size = Pt(18 if b.kind == "title" else 24)
            elif b.kind == "number":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif b.kind == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if k == note_at:
            _add_footnote(document, p, NOTE)
            made["footnotes"] += 1
    document.save(str(out))
    return made


def _footnote_place(laid: list[Block]) -> int | None:
    """The first notice's 印发 paragraph (现将…印发给你们…), or the first body paragraph
    with a sentence (a note follows a sentence, never a title's line or a 文号)."""
    for k, b in enumerate(laid):
        if b.kind == "body" and "印发给你们" in b.text:
            return k
    return next((k for k, b in enumerate(laid) if b.kind == "body" and "。" in b.text), None)


def _table(document, b: Block) -> int:
    from docx.shared import Pt
    grid = [b.header] + b.rows
    width = max(len(r) for r in grid)
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(grid):
        for j in range(width):
            cell = table.cell(i, j)
            cell.text = row[j] if j < len(row) else ""
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(10)
    merged = 0
    for j in range(width):
        i = 1
        while i < len(grid):
            first = next((k for k, c in enumerate(grid[i]) if c.strip()), width)
            if grid[i][j].strip() or j >= first or not grid[i - 1][j].strip():
                i += 1
                continue
            end = i
            while end + 1 < len(grid) and not grid[end + 1][j].strip() and j < next(
                    (k for k, c in enumerate(grid[end + 1]) if c.strip()), width) < width:
                end += 1
            top = table.cell(i - 1, j)
            text = top.text
            top.merge(table.cell(end, j))
            for p in top.paragraphs[1:]:          # merge() joins the cells' (empty) paragraphs
                p._p.getparent().remove(p._p)
            top.paragraphs[0].text = text
            merged += 1
            i = end + 1
    return merged


def _add_footnote(document, paragraph, text: str) -> None:
    """A footnote (footnotes.xml, its part related to the document, its reference in the run)."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml
    part = document.part
    notes = next((r.target_part for r in part.rels.values() if r.reltype == RT.FOOTNOTES), None)
    if notes is None:
        xml = (f'<w:footnotes xmlns:w="{W_NS}">'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
               '</w:p></w:footnote></w:footnotes>')
        notes = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), part.package)
        part.relate_to(notes, RT.FOOTNOTES)
    root = notes.element
    nid = 1 + max([int(f.get(_q("id"))) for f in root.findall(_q("footnote"))] + [0])
    note = parse_xml(f'<w:footnote xmlns:w="{W_NS}" w:id="{nid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
                     f'</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    root.append(note)
    ref = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{nid}"/></w:r>')
    paragraph._p.append(copy.deepcopy(ref))
