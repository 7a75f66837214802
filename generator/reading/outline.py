"""Stage 5: a document's paragraphs -> blocks (the heading outline).

Levels follow the order in which numbering families first appear in a
document (一、 before （一） before 1. …), like reStructuredText section
adornments: a family seen before closes the deeper ones, a new family nests.
A heading's title runs to its first 。 or ：; a longer first sentence is body.
"""

from __future__ import annotations

import re

from generator.reading import genre
from generator.reading.lines import Para
from generator.reading.responsibility import MARKS, UNMARKED_SUBJECT
from generator.reading.text import compact

MAX_TITLE = 40


def blocks(paras: list[Para]) -> list[dict]:
    bare = any(_family(p) and _family(p).startswith("decimal") and _family(p) != "decimal1"
               for p in paras)
    paras = [q for p in paras for q in _unpunctuated_pieces(p)]
    stack: list[str] = []
    out: list[dict] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if p.boundary:
            k += 1
            continue
        if p.table:
            out.append(_table(p, out))
            k += 1
            continue
        n = _signature_length(paras, k)
        if n:
            group = paras[k:k + n]
            out.append({"kind": "signature", "text": "\n".join(q.text for q in group),
                        "lines": [group[0].first, group[-1].last]})
            k += n
            continue
        if genre.is_closing(p.text):
            if genre.ANNEX.match(compact(p.text)) and not re.search(r"[：:]", p.text):
                stack.clear()       # an annex (附件1) numbers its parts afresh
            k = _closing(paras, k, out)
            continue
        h = genre.heading(p.text, bare=bare)
        cut = _next_sibling_at(p.text, h) if h else None
        if cut:
            p, paras[k + 1:k + 1] = Para(p.text[:cut].rstrip(), p.first, p.last), [Para(p.text[cut:], p.first, p.last)]
            h = genre.heading(p.text, bare=bare)
        if h:
            out.append(_section(h, p, stack))
        else:
            out.append({"kind": "paragraph", "text": p.text, "lines": p.lines})
        k += 1
    return out


_UNPUNCTUATED = 80       # a long paragraph without one mark (。，；): a text layer that lost them all
_ARTICLE = re.compile(rf"第[{genre.CN_NUM}\d]+条")


def _unpunctuated_pieces(p: Para) -> list[Para]:
    """A paragraph whose text layer lost every sentence mark, cut where the genre still shows a
    boundary: before each article in sequence (第一条, 第二条 … inside the run), and, inside an
    article, before each subject of a duty, so that each statement stands apart."""
    t = p.text
    if p.table or p.boundary or len(compact(t)) < _UNPUNCTUATED or MARKS.search(t):
        return [p]
    cuts, want = [], 1
    for m in _ARTICLE.finditer(t):
        if genre.number_key(m.group()) == f"a{want}":
            cuts.append(m.start())
            want += 1
    numbered = {a + len(_ARTICLE.match(t, a).group()) for a in cuts}     # a subject right after 第X条 opens it
    cuts += [m.start() for m in UNMARKED_SUBJECT.finditer(t) if cuts and m.start() > cuts[0]]
    cuts = sorted({c for c in cuts if c > 0} - numbered)
    bounds = [0, *cuts, len(t)]
    return [Para(t[a:b], p.first, p.last) for a, b in zip(bounds, bounds[1:]) if t[a:b].strip()]


def _next_sibling_at(text: str, h: tuple[str, str, str]) -> int | None:
    """Where the next part of the same numbering (（一）… → （二）, 1. → 2.) starts inside this
    paragraph, right after a sentence or a parenthetical closes: a copy that ran two parts
    into one line. The number that follows in sequence is the evidence."""
    family, number, _ = h
    key = genre.number_key(number)
    if not key.isdigit() or family not in ("cn", "pcn", "num", "pnum"):
        return None
    for m in re.finditer(r"(?<=[。；;)）])\s*(?=\S)", text):
        nxt = genre.heading(text[m.end():])
        if nxt and nxt[0] == family and genre.number_key(nxt[1]) == str(int(key) + 1):
            return m.end()
    return None


def _family(p: Para) -> str | None:
    if p.table or p.boundary:
        return None
    h = genre.heading(p.text)
    return h[0] if h else None


def _level(family: str, stack: list[str]) -> int:
    if family in stack:
        del stack[stack.index(family) + 1:]
    else:
        stack.append(family)
    return min(len(stack), 9)


def _section(h: tuple[str, str, str], p: Para, stack: list[str]) -> dict:
    family, number, rest = h
    title, text = split_title(rest)
    return {"kind": "section", "level": _level(family, stack), "number": number.strip(),
            "title": title, "text": text, "lines": p.lines}


# A heading set letter-spaced (总 则, 附　则): one character, a space, one character…
_LETTER_SPACED = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff])+$")


def split_title(rest: str) -> tuple[str | None, str | None]:
    """Run-in heading: title up to the first 。/：, the rest is its text."""
    rest = rest.strip()
    if _LETTER_SPACED.match(rest):
        rest = re.sub(r"\s+", "", rest)
    if not rest:
        return None, None
    m = re.search(r"[。：:？！]", rest)
    if m:
        head = rest[:m.end()]
        if len(head) <= MAX_TITLE and not re.search(r"[，,；;]", head[:-1]):
            return head, (rest[m.end():].strip() or None)
        return None, rest
    if len(rest) <= MAX_TITLE and rest[-1] not in "）)；;，,":
        return rest, None
    return None, rest


# Joint issuers sign two or three to a line, over as many lines as they need (GB/T 9704 7.3.5.2);
# among them may stand a body whose name ends in no organ's word (县融媒体中心, 某某站).
_JOINT_SIGNER = re.compile(r"^[\u4e00-\u9fff]{4,30}(?:中心|站|所|院|会|社|台|队)$")


def _signature_length(paras: list[Para], k: int) -> int:
    """Issuer line(s) followed by a date line, or a date line alone: the signature."""
    n, joint = 0, False
    while k + n < len(paras) and (n < 3 or joint) and not paras[k + n].table \
            and (genre.is_issuer(paras[k + n].text) or joint and _JOINT_SIGNER.match(compact(paras[k + n].text))):
        joint = joint or len(genre.issuers(paras[k + n].text)) > 1
        n += 1
    if not n and k + 2 < len(paras) and genre.wrapped_signer([q.text for q in paras[k:k + 2]]):
        n = 2
    if k + n < len(paras) and not paras[k + n].table and _date_line(paras[k + n].text):
        return n + 1
    return 0


def _date_line(text: str) -> bool:
    return genre.is_date_line(text) or genre.is_garbled_date(text)


def _closing(paras: list[Para], k: int, out: list[dict]) -> int:
    """A closing; an 附件 list takes the numbered lines that follow it."""
    p = paras[k]
    text, last = p.text, p.last
    k += 1
    if genre.ANNEX.match(compact(p.text)) and re.search(r"[：:]", p.text):
        while k < len(paras) and not paras[k].table and not paras[k].boundary:
            t = paras[k].text
            h = genre.heading(t)
            if h and h[0] in ("num", "pnum") and "。" not in t and len(compact(t)) <= 60:
                text += "\n" + t           # the next annex of the list
            elif not h and _wrapped_tail(t):
                text += t                   # an annex name wrapped onto a line of its own
            else:
                break
            last = paras[k].last
            k += 1
    out.append({"kind": "closing", "text": text, "lines": [p.first, last]})
    return k


def _wrapped_tail(text: str) -> bool:
    t = compact(text)
    return (len(t) <= 20 and not re.search(r"[。，,；;：:]", t) and not genre.is_issuer(t)
            and not genre.is_date_line(t) and not genre.is_closing(t))


def _table(p: Para, out: list[dict]) -> dict:
    """A table takes the short title line just before it as its caption."""
    t = p.table
    first, caption = p.first, None
    prev = out[-1] if out else None
    if (prev and prev["kind"] == "paragraph" and len(compact(prev["text"])) <= 60
            and not prev["text"].endswith("。")):
        caption, first = prev["text"], prev["lines"][0]
        out.pop()
    return {"kind": "table", "caption": caption, "header": t.header, "rows": t.rows,
            "row_lines": [list(r) for r in t.row_lines], "lines": [first, p.last]}
