"""Stage 1: a gazette's physical lines, cleaned of page furniture.

A line a PDF transcription printed with a space after every character is read
without those spaces first. Inline furniture (Word bookmarks, stray markup, a
签发人) is cut out of a line; whole furniture lines (page numbers, running headers, the 版记 with its 抄送 and 印发
lines, registration numbers) are marked so that later stages skip them. Every
removal is recorded with its line numbers for the manifest.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Word bookmarks and HTML tags left over from conversion, and markdown emphasis.
_INLINE = [
    ("bookmark", re.compile(r"\[bookmark:[^\]]*\]")),
    # pinyin a mirror site prints after characters: 負(fù)責(zé)
    ("annotation", re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")),
    ("markup", re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")),
    ("markup", re.compile(r"\*\*")),
    # 签发人 (GB/T 9704: who signed an upward document off, a person), on the 文号's line or its own
    ("signer", re.compile(r"(?<![^\s号])签发人\s*[:：][\u4e00-\u9fff·、，,\s]{2,30}$")),
]
# Marks a PDF's fonts map to other code points, read as the marks they print: 《》 as « », and 。，
# as the Yi syllables ꎮ ꎬ (a Founder font's private mapping, seen in transcribed gazettes).
_GLYPHS = str.maketrans({"«": "《", "»": "》", "\ua3ae": "。", "\ua3ac": "，"})
_BULLET = re.compile(r"^(\s*)([-•·]\s+)")   # markdown list bullet at line start

DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PAGE_NUMBER = re.compile(r"^[—－\-–][—－\-–\s]*\d{1,4}\s*[—－\-–]$")     # — 2 —, or after a rule: — — — 2 —
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
# A gazette's running header: 某区人民政府公报 2022年第3期, …公报2019年1-3期(总第52期).
_RUNNING_HEADER = re.compile(r"^\S.{0,30}公报\s*\d{4}\s*年\s*(?:第\s*)?\d+(?:\s*[-—至]\s*\d+)?\s*期"
                             r"(?:\s*[（(]\s*总第?\s*\d+\s*期\s*[)）])?$")
_REGISTRATION = re.compile(r"^[A-Z]{2,8}-\d{4}-\d{5,}$")   # e.g. ZDDR-2021-0010008
_IMPRINT = re.compile(r"^(?:\S.{0,40}?\s*)?" + DATE + r"\s*印发$")   # 印发机关 + 印发日期
_IMPRINT_MARK = re.compile(r"^[（(]\s*" + DATE + r"\s*印发\s*[)）]$")
_COPY_TO = re.compile(r"^(抄送|抄报)\s*[：:]")
_PRINTER = re.compile(r"^\S{2,30}(办公室|办公厅|政府|委员会)$")


@dataclass
class Line:
    no: int                 # 1-based physical line number
    raw: str                # as in the file
    text: str               # inline furniture cut, outer whitespace stripped
    furniture: str | None = None   # kind, when the whole line is furniture
    boundary: bool = False  # an end-of-document mark (印发 line)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def is_table(self) -> bool:
        return "\t" in self.raw and self.furniture is None

    @property
    def pipe_cells(self) -> list[str] | None:
        """The cells of a row printed `a | b | c |` (a web table copied as text), else None."""
        if self.furniture or self.text.count("|") < 2:
            return None
        cells = [c.strip(" \u3000") for c in self.text.strip().strip("|").split("|")]
        return cells if len(cells) >= 3 and sum(bool(c) for c in cells) >= 2 else None


def width(s: str) -> int:
    """Display width: CJK, full-width and (in CJK fonts) ambiguous-width
    characters such as “ ” × take two columns."""
    return sum(1 if c.isascii() or unicodedata.east_asian_width(c) not in "WFA" else 2 for c in s)


def compact(s: str) -> str:
    """Text without any whitespace (titles print spaces where they wrapped)."""
    return re.sub(r"\s+", "", s)


def read_lines(text: str) -> tuple[list[Line], list[dict]]:
    """Split and clean; return lines and the inline furniture removed."""
    lines, removed = [], []
    for no, raw in enumerate(text.split("\n"), 1):
        raw = raw.rstrip("\r")
        clean = unspaced(raw).translate(_GLYPHS)
        for kind, rx in _INLINE:
            for found in rx.findall(clean):
                removed.append({"kind": kind, "lines": [no, no], "text": found})
            clean = rx.sub("", clean)
        m = _BULLET.match(clean)
        if m:
            removed.append({"kind": "markup", "lines": [no, no], "text": m.group(2).strip()})
            clean = clean[m.end():]
        lines.append(Line(no, raw, clean.replace("\xa0", " ").strip(" \t\u3000\ufeff")))
    removed += _cut_chunk_numbers(lines)
    return lines, removed


# A document site's text layer in chunks, each a long line opening with its number (1、 2、 or 2-2、).
_CHUNK_NUMBER = re.compile(r"^(\d{1,3})(?:-\d{1,3})?、")
_CHUNK = 200        # characters: a chunk is a page's worth, far longer than any numbered item's line


def _cut_chunk_numbers(lines: list[Line]) -> list[dict]:
    """The chunk numbers of a text layer cut in long numbered chunks: every line but the last is
    long, the first opens with 1、 and each next with the same number or the one after (a chunk
    may cut a word in two, so the number is no part of the text); cut as inline furniture."""
    content = [ln for ln in lines if ln.text]
    found = [_CHUNK_NUMBER.match(ln.text) for ln in content]
    if len(content) < 2 or not all(found) or found[0].group(1) != "1" or any(
            len(ln.text) < _CHUNK for ln in content[:-1]):
        return []
    if any(int(b.group(1)) - int(a.group(1)) not in (0, 1) for a, b in zip(found, found[1:])):
        return []
    removed = []
    for ln, m in zip(content, found):
        removed.append({"kind": "chunk-number", "lines": [ln.no, ln.no], "text": m.group()})
        ln.text = ln.text[m.end():]
    return removed


def unspaced(line: str) -> str:
    """A line that prints a space after (almost) every character — a PDF's text transcribed
    glyph by glyph (青 海 省 人 民 政 府 关 于 …) — read without those single spaces; a run
    of two or more stays. Other lines as they are (市 长, 王  东: a few spaced words)."""
    chars = [m.end() for m in re.finditer(r"[\u4e00-\u9fff]", line)]
    spaced = sum(1 for e in chars if line[e:e + 1] == " " and line[e + 1:e + 2] not in " \t")
    if len(chars) < 10 or spaced < 0.9 * len(chars) - 1:
        return line
    return re.sub(r"(?<=\S) (?=\S)", "", line)


def to_simplified(lines: list[Line]) -> bool:
    """A copy in traditional characters (a mirror converted the page): its lines read in
    simplified ones, character for character so nothing moves; True when converted."""
    chars = {c for ln in lines for c in ln.text if "\u4e00" <= c <= "\u9fff"}
    table = {ord(c): s for c in chars for s in [_t2s(c)] if len(s) == 1 and s != c}
    used = sum(1 for ln in lines for c in ln.text if ord(c) in table)
    total = sum(1 for ln in lines for c in ln.text if "\u4e00" <= c <= "\u9fff")
    if not total or used < 0.03 * total:
        return False
    for ln in lines:
        ln.text = ln.text.translate(table)
    return True


@functools.lru_cache(maxsize=None)
def _converter():
    import opencc
    return opencc.OpenCC("t2s")


def _t2s(c: str) -> str:
    return _converter().convert(c)


def mark_furniture(lines: list[Line]) -> None:
    """Mark whole-line furniture (records() lists it)."""
    content = [ln for ln in lines if not ln.blank]
    for i, ln in enumerate(content):
        t = ln.text
        if _PAGE_NUMBER.match(t):
            ln.furniture = "page-number"
        elif _RUNNING_HEADER.match(t):
            ln.furniture = "running-header"
            nxt = content[i + 1] if i + 1 < len(content) else None
            if nxt and _BARE_NUMBER.match(nxt.text):
                nxt.furniture = "page-number"
        elif _REGISTRATION.match(t):
            ln.furniture = "registration-number"
        elif _IMPRINT_MARK.match(t) or _IMPRINT.match(t):
            ln.furniture, ln.boundary = "imprint", True
        elif _COPY_TO.match(t):
            _mark_imprint_block(content, i)


def _mark_imprint_block(content: list[Line], i: int) -> None:
    """版记: 抄报/抄送 lines (wrapped), the printing office and the 印发 date."""
    j = i
    while j < len(content) and j - i < 8:
        t = content[j].text
        printer = (_PRINTER.match(t) and j + 1 < len(content)
                   and _IMPRINT.match(content[j + 1].text))
        if j > i and not (_COPY_TO.match(t) or printer or _IMPRINT.match(t)
                          or _is_list_tail(content[j - 1].text)):
            break
        content[j].furniture = "imprint"
        if _IMPRINT.match(t):
            content[j].boundary = True
            return
        j += 1


def _is_list_tail(prev: str) -> bool:
    """A 抄送 list wraps until it ends with 。 (or the office line follows)."""
    return not prev.endswith("。")


def records(lines: list[Line]) -> list[dict]:
    """Runs of consecutive furniture lines of one kind (blank lines inside a run join it)."""
    out: list[dict] = []
    for ln in lines:
        if not ln.furniture:
            continue
        last = out[-1] if out else None
        if last and last["kind"] == ln.furniture and _only_blank_between(lines, last["lines"][1], ln.no):
            last["lines"][1] = ln.no
            last["text"] = "\n".join(x for x in (last["text"], ln.text) if x) or None
        else:
            out.append({"kind": ln.furniture, "lines": [ln.no, ln.no], "text": ln.text or None})
    return out


def _only_blank_between(lines: list[Line], a: int, b: int) -> bool:
    return all(lines[n - 1].blank for n in range(a + 1, b))
