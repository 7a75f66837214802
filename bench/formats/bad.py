"""The bad files people have, made as they come about: a PDF saved with a password, a
scan (pages that are only pictures), a .docx cut short in a download, an empty file,
bytes in no text encoding, and a file far too large to be a gazette.

Each maker writes `path` and returns it; `text` is a short passage set in the file.
"""

from __future__ import annotations

import random
from pathlib import Path

TEXT = "淄川区人民政府关于印发《淄川区“十四五”妇女发展规划》的通知\n\n各镇人民政府，各街道办事处：\n\n" \
       "　　现将《淄川区“十四五”妇女发展规划》印发给你们，请认真组织实施。\n\n淄川区人民政府\n2022年8月14日\n"


def encrypted(path: Path) -> Path:
    """A PDF that opens only with its password (reportlab's standard encryption)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from bench.formats import pdf
    pdf.render(TEXT, path, "淄川区人民政府公报", "2022年第1期",
               encrypt=StandardEncryption("secret", ownerPassword="owner", canPrint=0))
    return path


def scanned(path: Path, pages: int = 3) -> Path:
    """A scan: the pages of a gazette PDF as pictures, with no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from bench.formats import pdf
    printed = path.with_suffix(".printed.pdf")
    pdf.render((TEXT + "\n") * 12 * pages, printed, "淄川区人民政府公报", "2022年第1期")
    source = pdfium.PdfDocument(printed)
    c = canvas.Canvas(str(path), pagesize=(pdf.W_PAGE, pdf.H_PAGE))
    for k in range(min(pages, len(source))):
        image = source[k].render(scale=100 / 72).to_pil().convert("L")     # 100 dpi, grey, as office scanners
        c.drawImage(ImageReader(image), 0, 0, pdf.W_PAGE, pdf.H_PAGE)
        c.showPage()
    c.save()
    source.close()
    printed.unlink()
    return path


def corrupt_docx(path: Path) -> Path:
    """A Word file whose download stopped half way."""
    from bench.formats import word
    word.render(TEXT, path, footnote=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def unknown_encoding(path: Path) -> Path:
    """Bytes no text encoding reads (a binary file given a .txt name)."""
    path.write_bytes(random.Random(20).randbytes(64 * 1024))
    return path


def huge(path: Path, mb: int = 100) -> Path:
    """`mb` megabytes of gazette text, written a chunk at a time."""
    chunk = (TEXT * 200).encode("utf-8")
    with path.open("wb") as f:
        for _ in range(mb * 2**20 // len(chunk) + 1):
            f.write(chunk)
    return path


MAKERS = {"encrypted.pdf": encrypted, "scanned.pdf": scanned, "corrupt.docx": corrupt_docx, "empty.txt": empty,
          "unknown-encoding.txt": unknown_encoding, "huge.txt": huge}
