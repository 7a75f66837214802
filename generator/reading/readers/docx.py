"""Word .docx: the body in order, read with python-docx (its package and parts) and
the WordprocessingML underneath (lxml).

* a paragraph is a line; a line break inside it (Shift+Enter) starts another;
  a tab is a space (a TAB would make the line a table row);
* Word's automatic numbering is not in the text: the label a paragraph shows
  (一、 （一） 1. （1） ① a. …) is computed from numbering.xml — the level's format
  and text, its start, overrides, and counters that go on across the list and
  restart below a higher level — and put before the paragraph's text, whether the
  paragraph names its list itself or through its style;
* a table is one line per row, cells TAB-separated; a merged cell (gridSpan,
  vMerge) gives its text to its first column and row, the rest stay blank so every
  row has the table's width; a one-column table (a frame) gives plain lines;
* a footnote's reference stays in the text as [n], but not at a paragraph's end,
  where the pipeline reads how the paragraph ends (a title's last word, a
  sentence's 。); the notes follow the body, each a line `注：[n] …`, as Word sets
  them apart at the page's foot: a note between a paragraph and the next would
  part an item from its 责任单位 line, or a notice's 印发 sentence from what it issues;
* tracked deletions, field codes and drawings are left out; text boxes are read
  where they stand.

Refused: a file that is no readable ZIP, a ZIP with no Word document, XML that
does not parse.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from generator.errors import PolicyError
from generator.reading import readers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_XML = 256 * 2**20        # the uncompressed document part (a ZIP bomb is refused)


def read(path: Path) -> readers.Reading:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise PolicyError("a ZIP archive, not a Word document (it holds no word/document.xml)",
                                  file=str(path))
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise PolicyError(f"too large: its document part is {info.file_size / 2**20:.0f} MB unpacked",
                                  file=str(path))
            bad = z.testzip()
            if bad:
                raise PolicyError(f"corrupt .docx: {bad} in it is damaged (CRC mismatch)", file=str(path))
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise PolicyError(f"corrupt .docx: not a readable ZIP archive ({exc})", file=str(path)) from None
    try:
        import docx
        from lxml import etree
        document = docx.Document(str(path))
        lines = _Reader(document, etree).lines()
    except PolicyError:
        raise
    except Exception as exc:      # python-docx and lxml raise many kinds on a damaged package
        raise PolicyError(f"corrupt .docx: {type(exc).__name__}: {str(exc)[:120]}", file=str(path)) from None
    text = "\n".join(lines) + "\n"
    if not "".join(lines).strip():
        raise PolicyError("the Word document holds no text", file=str(path))
    readers.check_size(path, len(text))
    return readers.Reading(text, "docx", suffix=".docx")


class _Reader:
    def __init__(self, document, etree):
        self.doc = document
        self.etree = etree
        part = document.part
        self.numbering = _Numbering(_related_xml(part, "numbering", etree))
        self.styles = _Styles(_related_xml(part, "styles", etree))
        self.footnotes = _notes(_related_xml(part, "footnotes", etree))
        self.note_order: dict[str, int] = {}
        self.notes: list[str] = []

    def lines(self) -> list[str]:
        out: list[str] = []
        self._block(self.doc.element.body, out)
        return out + self.notes

    def _block(self, parent, out: list[str]) -> None:
        for el in parent:
            tag = el.tag
            if tag == W + "p":
                self._paragraph(el, out)
            elif tag == W + "tbl":
                self._table(el, out)
            elif tag in (W + "sdt", W + "customXml"):
                content = el.find(W + "sdtContent") if tag == W + "sdt" else el
                if content is not None:
                    self._block(content, out)

    # ---------------------------------------------------------------- paragraphs
    def _paragraph(self, p, out: list[str]) -> None:
        notes: list[str] = []
        boxes: list[str] = []
        parts = [self._label(p)]
        self._runs(p, parts, notes, boxes)
        out.extend(boxes)
        text = "".join(parts)
        text = _without_closing_marks(text, notes)
        for piece in text.split("\n"):
            out.append(piece.rstrip())
        self.notes.extend(f"注：[{n}] {t}" for n, t in notes)

    def _runs(self, el, parts: list[str], notes: list, boxes: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag in (W + "del", W + "moveFrom", W + "pPr", W + "rPr"):
                continue
            if tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self._runs(choice, parts, notes, boxes)
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                code = child.get(W + "char")
                if code:
                    try:
                        parts.append(chr(int(code, 16)))
                    except ValueError:
                        pass
            elif tag == W + "footnoteReference":
                n = child.get(W + "id")
                text = self.footnotes.get(n)
                if text is not None:
                    mark = str(self._note_number(n))
                    parts.append(f"[{mark}]")
                    notes.append((mark, text))
            elif tag == W + "txbxContent":
                for q in child.iter(W + "p"):
                    inner: list[str] = []
                    self._runs(q, inner, notes, boxes)
                    line = "".join(inner).strip()
                    if line:
                        boxes.append(line)
            elif tag in (W + "instrText", W + "delText", W + "fldChar"):
                continue
            else:
                self._runs(child, parts, notes, boxes)

    def _note_number(self, note_id: str) -> int:
        """Footnotes numbered in the order the text refers to them, as Word prints them."""
        return self.note_order.setdefault(note_id, len(self.note_order) + 1)

    def _label(self, p) -> str:
        ppr = p.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        style = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style.get(W + "val") if style is not None else None
        num_id = ilvl = None
        if num is not None:
            num_id = _val(num.find(W + "numId"))
            ilvl = _val(num.find(W + "ilvl"))
        if num_id is None and style_id:
            num_id, style_ilvl = self.styles.numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id)
        label = self.numbering.next(num_id, int(ilvl or 0))
        if label and label[-1:].isascii() and label[-1:].isalnum():
            label += " "
        return label

    # ---------------------------------------------------------------- tables
    def _table(self, tbl, out: list[str]) -> None:
        grid = tbl.find(W + "tblGrid")
        width = len(grid.findall(W + "gridCol")) if grid is not None else 0
        rows: list[list[str]] = []
        for tr in tbl.findall(W + "tr"):
            row: list[str] = []
            trpr = tr.find(W + "trPr")
            before = _val(trpr.find(W + "gridBefore")) if trpr is not None and trpr.find(W + "gridBefore") is not None \
                else None
            row += [""] * int(before or 0)
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = int(_val(tcpr.find(W + "gridSpan")) or 1) if tcpr is not None and \
                    tcpr.find(W + "gridSpan") is not None else 1
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                continued = vmerge is not None and vmerge.get(W + "val") in (None, "continue")
                text = "" if continued else self._cell_text(tc)
                row.append(text)
                row += [""] * (span - 1)
            rows.append(row)
        width = max([width] + [len(r) for r in rows]) if rows else width
        if width <= 1:                     # a frame around text, not a table
            for r in rows:
                out.extend(x for x in r if x)
            return
        for r in rows:
            r += [""] * (width - len(r))
            if any(c.strip() for c in r):
                out.append("\t".join(c.replace("\t", " ") for c in r))

    def _cell_text(self, tc) -> str:
        lines: list[str] = []
        for el in tc:
            if el.tag == W + "p":
                self._paragraph(el, lines)
            elif el.tag == W + "tbl":
                inner: list[str] = []
                self._table(el, inner)
                lines.extend(x.replace("\t", " ") for x in inner)
        return readers.run_together(x.strip() for x in lines if x.strip())


def _val(el) -> str | None:
    return el.get(W + "val") if el is not None else None


def _related_xml(part, kind: str, etree):
    """The XML root of the document part's related part of `kind` (numbering, styles,
    footnotes), or None."""
    for rel in part.rels.values():
        if rel.reltype.endswith("/" + kind) and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is None:
                element = getattr(target, "_element", None)
            if element is not None:
                return element
            return etree.fromstring(target.blob)
    return None


def _without_closing_marks(text: str, notes: list[tuple[str, str]]) -> str:
    """The paragraph without the note references it ends with."""
    marks = [f"[{mark}]" for mark, _ in notes]
    while (end := next((m for m in marks if text.rstrip().endswith(m)), None)):
        text = text.rstrip()[:-len(end)]
    return text


def _notes(root) -> dict[str, str]:
    out: dict[str, str] = {}
    if root is None:
        return out
    for fn in root.findall(W + "footnote"):
        if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = []
        for p in fn.iter(W + "p"):
            texts.append("".join(t.text or "" for t in p.iter(W + "t")).strip())
        out[fn.get(W + "id")] = readers.run_together(t for t in texts if t)
    return out


class _Styles:
    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        if root is not None:
            for s in root.findall(W + "style"):
                self.by_id[s.get(W + "styleId")] = s

    def numbering(self, style_id: str, depth: int = 0) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs, through basedOn."""
        s = self.by_id.get(style_id)
        if s is None or depth > 10:
            return None, None
        ppr = s.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None and num.find(W + "numId") is not None:
            return _val(num.find(W + "numId")), _val(num.find(W + "ilvl"))
        based = s.find(W + "basedOn")
        return self.numbering(_val(based), depth + 1) if based is not None else (None, None)


class _Numbering:
    """Word's list counters, kept as Word keeps them: per abstract list, a w:num with
    overrides restarting them where it first numbers a paragraph."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for a in root.findall(W + "abstractNum"):
            levels = {}
            for lvl in a.findall(W + "lvl"):
                levels[int(lvl.get(W + "ilvl") or 0)] = _level(lvl)
            link = a.find(W + "numStyleLink")
            self.levels[a.get(W + "abstractNumId")] = levels if levels or link is None else {}
        for n in root.findall(W + "num"):
            abstract = _val(n.find(W + "abstractNumId"))
            overrides = {}
            for o in n.findall(W + "lvlOverride"):
                k = int(o.get(W + "ilvl") or 0)
                start = o.find(W + "startOverride")
                lvl = o.find(W + "lvl")
                if lvl is not None:
                    self.levels.setdefault(f"{abstract}/{n.get(W + 'numId')}", {})[k] = _level(lvl)
                if start is not None:
                    overrides[k] = int(_val(start) or 1)
            self.nums[n.get(W + "numId")] = (abstract, overrides)

    def _level(self, num_id: str, abstract: str, k: int) -> dict | None:
        own = self.levels.get(f"{abstract}/{num_id}", {})
        return own.get(k) or self.levels.get(abstract, {}).get(k)

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        abstract = self.nums.get(num_id, (None, {}))[0]
        for k, lvl in self.levels.get(abstract, {}).items():
            if style_id and lvl.get("style") == style_id:
                return k
        return 0

    def next(self, num_id: str, k: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        lvl = self._level(num_id, abstract, k)
        if lvl is None:
            return ""
        counters[k] = counters.get(k, lvl["start"] - 1) + 1
        for deeper in [d for d in counters if d > k]:
            del counters[deeper]
        if lvl["format"] in ("bullet", "none"):
            return ""

        def number(m):
            level = int(m.group(1)) - 1
            spec = self._level(num_id, abstract, level) or lvl
            value = counters.get(level, spec["start"])
            fmt = "decimal" if lvl["legal"] and level < k else spec["format"]
            return format_number(value, fmt)
        return re.sub(r"%(\d)", number, lvl["text"])


def _level(lvl) -> dict:
    start = lvl.find(W + "start")
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    style = lvl.find(W + "pStyle")
    return {"start": int(_val(start) or 0) if start is not None else 0,
            "format": _val(fmt) or "decimal" if fmt is not None else "decimal",
            "text": _val(text) or "" if text is not None else "",
            "legal": lvl.find(W + "isLgl") is not None,
            "style": _val(style)}


_CN = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN, ten: str = "十", hundred: str = "百", thousand: str = "千") -> str:
    """Chinese counting (一, 十一, 二十, 一百零五 …) up to 9999."""
    if n <= 0:
        return "零"
    if n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += ("" if d == 1 and unit == ten and not out else digits[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "arabicAbjad", "hindiNumbers"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "koreanCounting", "taiwaneseCountingThousand", "ideographLegalTraditional"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾", "佰", "仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return _STEMS[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n)) if fmt != "decimalHalfWidth" else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out
