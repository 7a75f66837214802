"""Stage 6: a segment's blocks -> a document record with its metadata
(title, 文号, issuer, date, type, parent, validity), all read from the text."""

from __future__ import annotations

import re

from generator.importer import genre, outline
from generator.importer.segment import Segment
from generator.importer.text import compact

# Validity clauses of the genre: 自…起施行/试行/实施, 有效期至…, …同时废止.
_CLAUSE = re.compile(r"[^。；]*?(?:起(?:施行|试行|实施|执行)|有效期|同时废止|予以废止|停止执行)[^。]*[。]?")
_FROM = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|试行|实施|执行)")
_ON_ISSUE = re.compile(r"自(?:印发|发布|发文|公布)之日起(?:施行|试行|实施|执行|使用)")
_UNTIL = re.compile(r"有效期至(\d{4})年(\d{1,2})月(\d{1,2})日")
_REPEAL = re.compile(r"《([^《》]+)》\s*[（(]([^（()）]*〔\d{4}〕[^（()）]*号)[)）]\s*同时废止")


def document(seg: Segment, doc_id: str, jurisdiction: str, source: str, parent: dict | None) -> dict:
    blocks = _head_blocks(seg) + outline.blocks(seg.paras)
    head_texts = {role: compact(p.text) for role, p in seg.head}
    date = _date(blocks) if parent is None else parent["date"]
    if seg.kind == "orphan":
        doc_type = "统计表"
    elif parent is None and seg.kind == "notice":
        doc_type = _notice_type(seg.title)
    else:
        doc_type = genre.doc_type(seg.title or "") or "其他"
    return {
        "id": doc_id,
        "jurisdiction": jurisdiction,
        "title": seg.title or "（无标题）",
        "doc_number": head_texts.get("doc_number"),
        "issuer": seg.issuer,
        "date": date,
        "type": doc_type,
        "parent": parent["id"] if parent else None,
        "validity": validity(blocks, seg.title or "", date),
        "source": {"file": source, "line_start": seg.first, "line_end": seg.last},
        "blocks": blocks,
    }


def _head_blocks(seg: Segment) -> list[dict]:
    out: list[dict] = []
    for role, p in seg.head:
        if role == "addressee":
            out.append({"kind": "addressee", "text": p.text, "lines": p.lines})
        elif out and out[-1].get("role") == role == "title":
            out[-1]["text"] += "\n" + p.text
            out[-1]["lines"][1] = p.last
        else:
            out.append({"kind": "header", "role": role, "text": p.text, "lines": list(p.lines)})
    return out


def _notice_type(title: str) -> str:
    """A notice that 印发s a policy is a 通知 whatever the policy is."""
    t = compact(title)
    if "印发" in t or re.search(r"(通知|通知)$", t):
        return "通知"
    return genre.doc_type(t) or "通知"


def _date(blocks: list[dict]) -> str | None:
    """成文日期: the date of the first signature (else the first date line)."""
    for b in blocks:
        if b["kind"] == "signature":
            d = genre.iso_date(b["text"].split("\n")[-1])
            if d:
                return d
    return None


def validity(blocks: list[dict], title: str, date: str | None) -> dict:
    out = {"trial": "试行" in compact(title), "valid_from": None, "valid_until": None,
           "repeals": [], "clause": None, "lines": None}
    clauses, first, last = [], None, None
    for b in blocks:
        if b["kind"] not in ("paragraph", "section"):
            continue
        text = compact(" ".join(x for x in (b.get("title"), b.get("text")) if x))
        found = [m.group(0) for m in _CLAUSE.finditer(text) if _is_validity(m.group(0))]
        if not found:
            continue
        clauses += found
        first = first or b["lines"][0]
        last = b["lines"][1]
    if not clauses:
        return out
    text = "".join(clauses)
    out["clause"] = text
    out["lines"] = [first, last]
    if re.search(r"起试行|试行期", text):
        out["trial"] = True
    m = _FROM.search(text)
    if m:
        out["valid_from"] = _iso(m.groups())
    elif _ON_ISSUE.search(text):
        out["valid_from"] = date
    m = _UNTIL.search(text)
    if m:
        out["valid_until"] = _iso(m.groups())
    out["repeals"] = [{"title": t, "doc_number": compact(n)} for t, n in _REPEAL.findall(text)]
    return out


def _is_validity(clause: str) -> bool:
    """Exclude ordinary prose such as 对制度进行调整、修订或废止."""
    return bool(re.search(r"^本|自\d{4}年|自(?:印发|发布|发文|公布)之日|有效期至|同时废止", clause))


def _iso(groups) -> str | None:
    y, m, d = (int(g) for g in groups)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None
