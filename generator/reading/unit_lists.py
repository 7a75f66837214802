"""How the genre writes a list of units: `A、B，C` split outside brackets and
outside collective phrases (各镇、街道), names a table sets apart by spaces, two
offices' names run together; and the bracket helpers the parsers share
(`close_of`, `split_top`: any bracket kind closes any, as the gazettes mix them)."""

from __future__ import annotations

import re

from generator.model.units import fold, is_generic, is_unit_like

OPEN = "([〔【"
CLOSE = ")]〕】"


def close_of(t: str, i: int) -> int:
    """Index of the bracket closing the one opened at t[i] (any bracket kind
    closes any: the gazettes mix （…) and [...）]); -1 when it never closes."""
    depth = 0
    for j in range(i, len(t)):
        if t[j] in OPEN:
            depth += 1
        elif t[j] in CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return -1


def split_top(s: str, seps: str, protect: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans of the pieces of `s` between separators that stand outside brackets
    (and outside matches of `protect`). Empty pieces are kept as empty spans."""
    t = fold(s)
    guarded = set()
    if protect is not None:
        for m in protect.finditer(t):
            guarded.update(range(m.start(), m.end()))
    spans, depth, start = [], 0, 0
    for j, c in enumerate(t):
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth = max(0, depth - 1)
        elif c in seps and depth == 0 and j not in guarded:
            spans.append((start, j))
            start = j + 1
    spans.append((start, len(t)))
    return spans


# Collectives whose own wording holds a list separator: one generic unit each.
_LEVEL = r"(?:省|市|区|县|乡|镇|街道|县级市|县区|县市|市区|自治县|旗|开发区|园区|场|片区|管委会)"
_COLLECTIVES = re.compile(
    r"各(?:乡)?镇(?:人民)?政府、(?:各)?街道办事处"
    r"|各(?:乡)?镇、(?:各)?街道、(?:各)?开发区"
    rf"|各{_LEVEL}(?:[、,]{_LEVEL}){{1,4}}(?:人民)?(?:政府|党委|党委和政府|管委会)?"   # 各县、市、区政府, 各区、县级市
    # 各县<市、区>人民政府: angle brackets for the parentheses of a name already in parentheses
    rf"|各{_LEVEL}[<〈]{_LEVEL}(?:[、,]{_LEVEL}){{0,4}}[>〉](?:人民)?(?:政府|党委|党委和政府|管委会)?"
    r"|全[区县市]有[^,;。]*?的单位"
    r"|(?:国有)?[农林牧渔](?:、[农林牧渔]){1,3}场")      # 国有农、林、牧、渔场: the state farms of each kind


# A bureau's name run into the next office's with the 、 lost (区发改局区交通运输局).
_RUN_ON = re.compile(r"(?<=局)(?=[区县市][\u4e00-\u9fff])")


def split_units(s: str) -> list[str]:
    """Unit names of a list written `A、B，C`: split on 、 ， ； outside brackets and
    outside collective phrases; whitespace removed; empty pieces (、、) skipped;
    two office names run together split where both halves are office-shaped."""
    out = []
    for a, b in split_top(s, "、,;", _COLLECTIVES):
        for piece in _spaced_names(s[a:b]):
            name = _MARKS.sub("", re.sub(r"\s+", "", piece))
            if name:
                out += _run_on(name)
    return out


# Marks a table puts before a name (★区发改委: the lead, in some tables' own key).
_MARKS = re.compile(r"^[★☆●○◆◇■□▲△※*＊]+")


def _spaced_names(s: str) -> list[str]:
    """`县教体局 各相关乡镇政府`: names a table cell sets apart by spaces, when every
    piece is one; `伏羲 山管委 会` (spaces inside a name) stays whole."""
    pieces = s.split()
    if len(pieces) > 1 and all(is_unit_like(p) or is_generic(p) for p in pieces):
        return pieces
    return [s]


def _run_on(name: str) -> list[str]:
    for m in _RUN_ON.finditer(name):
        head, tail = name[:m.start()], name[m.start():]
        if is_unit_like(head, prefixed=True) and is_unit_like(tail, prefixed=True) and not is_generic(tail):
            return [head, *_run_on(tail)]
    return [name]
