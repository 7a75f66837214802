"""The Noto CJK faces Debian ships (fonts-noto-cjk), made usable by reportlab.

reportlab embeds TrueType outlines only, and Noto CJK has PostScript (CFF)
ones: a face is cut down to the characters a fixture needs (fontTools' subsetter)
and its outlines converted to quadratic TrueType ones (fontTools' cu2qu), once,
cached under build/formats/fonts/ by the hash of the characters.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

NOTO = Path("/usr/share/fonts/opentype/noto")
FACES = {"serif": "NotoSerifCJK-Regular.ttc", "serif-bold": "NotoSerifCJK-Bold.ttc",
         "sans": "NotoSansCJK-Regular.ttc", "sans-bold": "NotoSansCJK-Bold.ttc"}
SC = 2          # the face of each collection with simplified-Chinese glyphs (JP, KR, SC, TC, HK)
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "formats" / "fonts"
# Always present: ASCII, CJK punctuation, full-width forms, the digits of page numbers.
BASE = "".join(map(chr, range(0x20, 0x7F))) + "—–－·•…、。，；：？！“”‘’（）《》〈〉【】〔〕［］｛｝「」『』—〇" \
       + "".join(map(chr, range(0xFF01, 0xFF5F))) + "\u3000"


def _gb2312() -> str:
    """Every character of GB2312 (its 6,763 hanzi and its symbols): one cut serves most texts."""
    out = []
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(out)


COMMON = _gb2312()


def available() -> bool:
    return all((NOTO / f).exists() for f in FACES.values())


def truetype(face: str, chars: str) -> Path:
    """A TrueType file of `face` holding `chars` (and BASE and GB2312)."""
    wanted = sorted(set(chars + BASE + COMMON) - {"\n", "\r", "\t"})
    key = hashlib.sha256(("".join(wanted) + face).encode("utf-8")).hexdigest()[:16]
    out = CACHE / f"{face}-{key}.ttf"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(f".{__import__('os').getpid()}.tmp")
        _convert(NOTO / FACES[face], wanted, tmp, f"Noto{face.title().replace('-', '')}SC-{key}")
        tmp.replace(out)
    return out


def _convert(ttc: Path, chars: list[str], out: Path, name: str) -> None:
    """`name` is the face's own name: reportlab tells faces apart by it, so each cut needs its own."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(ttc, fontNumber=SC, lazy=False)
    options = subset.Options()
    options.layout_features = []          # no GSUB/GPOS: reportlab sets glyphs one by one
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(font)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for glyph in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[glyph].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[glyph] = pen.glyph()
    for tag in ("CFF ", "VORG", "GSUB", "GPOS", "GDEF", "BASE"):
        if tag in font:
            del font[tag]
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    glyf.compile(font)
    for glyph, (advance, _) in font["hmtx"].metrics.items():
        font["hmtx"].metrics[glyph] = (advance, getattr(glyf.glyphs[glyph], "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    table = font["name"]
    table.names = []
    for name_id, value in ((1, name), (2, "Regular"), (3, name), (4, name), (6, name)):
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(out)
