"""Helpers shared by the importer tests: the text a set of documents holds."""

from __future__ import annotations

import re

INLINE_KINDS = ("bookmark", "markup")


def block_text(block: dict) -> str:
    kind = block["kind"]
    if kind == "section":
        parts = [block.get("number"), block.get("title"), block.get("text")]
    elif kind == "table":
        parts = [block.get("caption")] + list(block.get("header") or []) + \
                [c for row in block.get("rows", []) for c in row]
    else:
        parts = [block.get("text")]
    return "".join(p for p in parts if p)


def held_text(documents: list[dict]) -> str:
    """All blocks of all documents of one source, in source-line order."""
    blocks = [b for d in documents for b in d["blocks"]]
    blocks.sort(key=lambda b: (b["lines"][0], b["lines"][1]))
    return strip("".join(block_text(b) for b in blocks))


def expected_text(raw: str, manifest: dict) -> str:
    """The source minus furniture lines and inline furniture."""
    lines = raw.split("\n")
    dropped = set()
    inline: dict[int, list[str]] = {}
    for f in manifest["furniture"]:
        a, b = f["lines"]
        if f["kind"] in INLINE_KINDS:
            inline.setdefault(a, []).append(f["text"])
        else:
            dropped.update(range(a, b + 1))
    out = []
    for no, line in enumerate(lines, 1):
        if no in dropped:
            continue
        for piece in inline.get(no, []):
            line = line.replace(piece, "", 1)
        out.append(line)
    return strip("".join(out))


def strip(s: str) -> str:
    return re.sub(r"\s+", "", s)


def first_difference(a: str, b: str) -> int | None:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))
