"""Readers: the file a user has -> the text the importer reads.

    reading = readers.read(path)      # a Reading, or a one-line PolicyError

The format is taken from the file's content (its first bytes), not its name:

  text   UTF-8 (with or without BOM), UTF-16/32, GB18030/GBK/GB2312, Big5:
         a BOM or strict UTF-8 decides, else charset-normalizer (encoding.py)
  pdf    the text layer, line by line, with page furniture found by its
         repetition across pages and ruled tables as TAB rows (pdf.py, PDFium)
  docx   paragraphs with Word's automatic numbering, tables (merged cells
         blank), footnotes (docx.py, python-docx)
  html   a saved page: its metadata table as `label：value` lines, its title,
         its article body without menus and footers (html.py, lxml)

Each gives lines the existing pipeline reads (one line per printed line; TAB
between table cells), and what it knows beyond the text: the text-line range
of each PDF page, and lines it found to be page furniture. The text it gives
is stored as content/sources/<stem>.txt (UTF-8), the file itself beside it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import PolicyError

# Larger text than this is no gazette: refused before it is read (a 200-page gazette is about 1 MB).
MAX_TEXT_BYTES = 32 * 2**20
# Characters an import may read from any file (about 2,500 dense gazette pages).
MAX_CHARS = 4_000_000
SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")


@dataclass
class Reading:
    text: str                             # the lines the importer reads, "\n" between them
    format: str                           # text | pdf | docx | html
    encoding: str = "utf-8"               # of the file as given (text and html)
    pages: list[list[int]] | None = None  # pdf: [first, last] text line of each page
    marks: dict[int, str] = field(default_factory=dict)   # text line -> furniture kind the reader found
    suffix: str | None = None             # the original's suffix in content/sources, None: the text is the file

    def manifest(self, stem: str) -> dict:
        """What the source manifest records of the original."""
        if self.suffix is None:
            return {}
        out = {"format": self.format, "original": f"sources/{stem}{self.suffix}"}
        if self.format in ("text", "html") and self.encoding != "utf-8":
            out["encoding"] = self.encoding
        if self.pages is not None:
            out["pages"] = self.pages
        return out


def read(path: Path) -> Reading:
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise PolicyError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        if size <= len(head):
            raise PolicyError("file is empty", file=str(path), line=1)
    kind = sniff(head)
    named = path.suffix.lower()
    if kind == "pdf":
        from generator.reading.readers import pdf
        return pdf.read(path)
    if named == ".pdf":
        raise PolicyError(f"named .pdf but is no PDF (it starts with {_show(head)})", file=str(path))
    if kind == "zip":
        from generator.reading.readers import docx
        return docx.read(path)
    if named == ".docx":
        raise PolicyError(f"not a Word .docx (a .docx is a ZIP archive; this starts with {_show(head)})",
                          file=str(path))
    if kind == "ole":
        raise PolicyError("a Word 97-2003 .doc (or another OLE file): save it as .docx or PDF and import that",
                          file=str(path))
    if size > MAX_TEXT_BYTES:
        raise PolicyError(f"too large for a gazette's text ({size / 2**20:.1f} MB; the limit is "
                          f"{MAX_TEXT_BYTES // 2**20} MB): split it", file=str(path))
    data = path.read_bytes()
    from generator.reading.readers import encoding
    if kind == "html" or named in (".html", ".htm") and encoding.looks_like_html(data):
        from generator.reading.readers import html
        return html.read(path, data)
    text, enc = encoding.decode(data, path)
    if not text.strip():
        raise PolicyError("file is empty", file=str(path), line=1)
    check_size(path, len(text))
    return Reading(text, "text", enc, suffix=None if enc in ("utf-8", "utf-8-sig") else f".{enc}")


def sniff(head: bytes) -> str:
    """pdf, zip, ole, html or text, from a file's first bytes."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    from generator.reading.readers import encoding
    return "html" if encoding.looks_like_html(head) else "text"


def check_size(path: Path, chars: int) -> None:
    if chars > MAX_CHARS:
        raise PolicyError(f"too much text for one import ({chars:,} characters; the limit is {MAX_CHARS:,}): "
                          "split the file", file=str(path))


def _show(head: bytes) -> str:
    return repr(head[:8])[1:]


def progress(path: Path, done: int, total: int, unit: str) -> None:
    """A progress line on stderr for long reads: redrawn in place on a terminal, else a
    line every 50 units and at the end (a log stays short)."""
    if total < 20:
        return
    if sys.stderr.isatty():
        print(f"\rreading {path.name}: {unit} {done}/{total}", end="\n" if done == total else "",
              file=sys.stderr, flush=True)
    elif done % 50 == 0 or done == total:
        print(f"reading {path.name}: {unit} {done}/{total}", file=sys.stderr, flush=True)


def run_together(parts) -> str:
    """Pieces of one text (a cell's lines, a title's lines) as one: nothing between CJK,
    a space between two Latin words."""
    out = ""
    for p in parts:
        p = p.strip()
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out
