"""Which encoding a text is in: detected, not guessed.

A byte-order mark decides (UTF-8, UTF-16, UTF-32); then a strict UTF-8 decode;
then charset-normalizer (MIT; it decodes with each candidate and keeps the one
whose text is least chaotic and most coherent). Only the encodings Chinese text
comes in are accepted: UTF-8/16/32, GB18030 (and its subsets GBK, GB2312, HZ),
Big5. Anything else, or bytes no encoding reads, is refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.errors import PolicyError

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")]
# charset-normalizer's name -> the codec we decode with, and the name we record.
CHINESE = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "hz": "hz",
           "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "cp950",
           "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
           "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be", "utf_8": "utf-8",
           "ascii": "utf-8"}
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s[^>]*charset", re.I)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding name). The text keeps a UTF-8 BOM (the importer strips it), so
    a UTF-8 file reads as it always did."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8":
                return _checked(_strict(data, "utf-8", path), path), "utf-8-sig"
            return _checked(_strict(data[len(bom):], codec, path), path), name
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    where = data[: first_bad.start].count(b"\n") + 1
    if best is None:
        raise PolicyError(f"unknown encoding: no character set reads it (byte 0x{data[first_bad.start]:02x} "
                          "is no UTF-8; is it text?)", file=str(path), line=where) from None
    codec = CHINESE.get(best.encoding)
    if codec is None:
        raise PolicyError(f"unknown encoding: it reads only as {best.encoding}, not as text in UTF-8, UTF-16, "
                          "GB18030/GBK or Big5", file=str(path), line=where) from None
    name = "gb18030" if codec == "gb18030" else codec
    return _checked(_strict(data, codec, path), path), name


def _strict(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PolicyError(f"not valid {codec} (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                          file=str(path), line=line) from None


def _checked(text: str, path: Path) -> str:
    bad = _BINARY.findall(text[:200_000])
    if len(bad) > max(2, len(text[:200_000]) // 1000):
        line = text[: _BINARY.search(text).start()].count("\n") + 1
        raise PolicyError("binary data, not text (control characters such as NUL)", file=str(path), line=line)
    return text


def looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        head = head.replace(b"\x00", b"")
    return bool(_HTML.search(head))
