"""Stage 4: document boundaries.

A notice (通知, 批复, 意见 …) is recognised by its head: the addressee line
(主送, ending in ：) preceded by a few head lines — letterhead (…文件), 文号,
issuer and title, in any order. It ends at the next head or at an imprint
(…印发). A notice that 印发s policies names them (《…》 in its sentence with
印发, else in its title, else the words between 印发 and 的通知); after its
signature each named policy starts at its bare title line. A policy whose
title line is missing starts right after the signature and takes the name.
What follows an imprint and precedes the next head stands alone (a table
becomes a 统计表; anything else is unplaced).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer import genre
from generator.importer.lines import Para
from generator.importer.text import compact


@dataclass
class Segment:
    kind: str                         # notice | policy | orphan
    paras: list[Para]                 # the body, head excluded
    head: list[tuple[str, Para]] = field(default_factory=list)   # (role, para) in order
    title: str | None = None
    issuer: str | None = None
    children: list["Segment"] = field(default_factory=list)

    @property
    def first(self) -> int:
        ps = [p for _, p in self.head] + self.paras
        return min(p.first for p in ps)

    @property
    def last(self) -> int:
        ps = [p for _, p in self.head] + self.paras
        return max(p.last for p in ps)


def split(paras: list[Para]) -> tuple[list[Segment], list[Para]]:
    """Top-level segments (notices with their policies, stand-alone tables) and
    the paragraphs that fit nowhere."""
    heads = _heads(paras)
    segments, unplaced = [], []
    bounds = [h[0] for h in heads] + [len(paras)]
    _orphans(paras[:bounds[0]], segments, unplaced)
    for (start, body_start), end in zip(heads, bounds[1:]):
        stop = next((k for k in range(body_start, end) if paras[k].boundary), end)
        notice = _notice(paras[start:body_start], paras[body_start:stop])
        segments.append(notice)
        _orphans(paras[stop:end], segments, unplaced)
    return segments, unplaced


def _orphans(paras: list[Para], segments: list[Segment], unplaced: list[Para]) -> None:
    content = [p for p in paras if not p.boundary]
    if not content:
        return
    if any(p.table for p in content):
        first = content[0]
        title = first.text if not first.table and _title_like(first.text) else None
        seg = Segment("orphan", content[1:] if title else content, title=title)
        if title:
            seg.head = [("title", first)]
        segments.append(seg)
    else:
        unplaced.extend(content)


def _title_like(text: str) -> bool:
    t = compact(text)
    return (0 < len(t) <= 150 and "。" not in t and not genre.heading(t) and not genre.is_date_line(t)
            and not genre.is_closing(t) and not genre.is_addressee(t))


def _heads(paras: list[Para]) -> list[tuple[int, int]]:
    """(first head paragraph, first body paragraph) of every notice."""
    heads = []
    for i, p in enumerate(paras):
        if p.table or p.boundary or not genre.is_addressee(p.text):
            continue
        j = i
        while j > 0 and i - j < 6 and not (heads and j - 1 < heads[-1][1]):
            q = paras[j - 1]
            if q.table or q.boundary or not (genre.is_doc_number(q.text) or _title_like(q.text)):
                break
            j -= 1
        if any(_role(paras[k].text) == "title" and _names_a_document(paras[k].text)
               for k in range(j, i)):
            heads.append((j, i))
    return heads


def _names_a_document(text: str) -> bool:
    t = compact(text)
    return bool(re.search(r"关于|印发|通知|通知$|批复|意见|决定|办法|方案", t))


def _role(text: str) -> str:
    t = compact(text)
    if genre.is_doc_number(t):
        return "doc_number"
    if genre.LETTERHEAD.match(t):
        return "letterhead"
    if genre.is_issuer(t):
        return "issuer"
    return "title"


def _notice(head_paras: list[Para], body: list[Para]) -> Segment:
    addressee = body[0]
    seg = Segment("notice", body[1:])
    seg.head = [(_role(p.text), p) for p in head_paras] + [("addressee", addressee)]
    title_parts = [p.text for role, p in seg.head if role == "title"]
    issuers = [compact(p.text) for role, p in seg.head if role == "issuer"]
    seg.issuer, seg.title = _issuer_and_title(issuers, "".join(title_parts))
    _split_policies(seg)
    return seg


def _issuer_and_title(issuers: list[str], title: str) -> tuple[str | None, str]:
    """Titles may carry their issuer(s) in front (`X人民政府 关于…`)."""
    m = re.match(r"^(.*?)(关于|印发)", title)
    prefix = m.group(1).split() if m else []
    if prefix and all(genre.is_issuer(x) for x in prefix):
        issuers = issuers or [compact(x) for x in prefix]
        title = title[m.start(2):]
    title = compact(title)
    if issuers and title.startswith(("关于", "印发")):
        title = "".join(issuers) + title     # the full title names its issuer
    return "、".join(issuers) or None, title


def signature_end(paras: list[Para]) -> int | None:
    """Index of the date line closing the first signature (issuer lines + date)."""
    for k, p in enumerate(paras):
        if not p.table and genre.is_date_line(p.text) and k > 0 and genre.is_issuer(paras[k - 1].text):
            return k
    return None


def _split_policies(seg: Segment) -> None:
    if "印发" not in seg.title:
        return
    body = seg.paras
    end = signature_end(body)
    if end is None:
        return
    end += 1
    while end < len(body) and genre.PUBLIC_NOTE.match(compact(body[end].text)):
        end += 1
    rest = body[end:]
    if not rest:
        return
    names = _issued_names(seg.title, body[:end])
    starts = _find_titles(rest, names)
    if not starts:
        first_is_title = _title_like(rest[0].text) and genre.doc_type(rest[0].text)
        if first_is_title or not names:
            starts = [(0, 1, None)] if first_is_title else []
        else:
            starts = [(0, 0, names[0])]
    if not starts:
        return
    seg.paras = body[:end] + rest[:starts[0][0]]
    bounds = [s[0] for s in starts[1:]] + [len(rest)]
    for (k, n, name), stop in zip(starts, bounds):
        title_paras = rest[k:k + n]
        child = Segment("policy", rest[k + n:stop], head=[("title", p) for p in title_paras])
        child.title = compact("".join(p.text for p in title_paras)) if title_paras else name
        child.issuer = seg.issuer
        seg.children.append(child)


def _issued_names(title: str, notice_body: list[Para]) -> list[str]:
    for p in notice_body:
        for sentence in re.split(r"。", p.text):
            if "印发" in sentence:
                names = _quoted(sentence)
                if names:
                    return names
    names = _quoted(title)
    if names:
        return names
    m = re.search(r"印发(.+?)的?(通知|通\s*知)$", title)
    return [re.sub(r"^关于(印发)?", "", m.group(1))] if m else []


def _quoted(text: str) -> list[str]:
    return [compact(x) for x in re.findall(r"《([^《》]+)》", text)]


def _norm(text: str) -> str:
    t = compact(text)
    t = re.sub(r"[“”\"'‘’《》]", "", t)
    return t.replace("（", "(").replace("）", ")")


def _matches(candidate: str, name: str) -> bool:
    a, b = _norm(candidate), _norm(name)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and long_.endswith(short) and len(short) >= 0.6 * len(long_)


def _find_titles(paras: list[Para], names: list[str]) -> list[tuple[int, int, str]]:
    """(index, number of title paragraphs, name) of each named policy, in order."""
    found, cursor = [], 0
    for name in names:
        for k in range(cursor, len(paras)):
            n = _title_at(paras, k, name)
            if n:
                found.append((k, n, name))
                cursor = k + n
                break
    return found


def _title_at(paras: list[Para], k: int, name: str) -> int:
    text = ""
    for n in range(1, 4):
        if k + n > len(paras):
            return 0
        p = paras[k + n - 1]
        if p.table or p.boundary or not _title_like(p.text) or len(compact(p.text)) > 80:
            return 0
        text += p.text
        if _matches(text, name):
            return n
    return 0
