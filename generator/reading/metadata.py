"""Stage 6: a segment's blocks -> a document record with its metadata
(title, 文号, issuer, date, type, parent, validity), all read from the text."""

from __future__ import annotations

import re
from collections import Counter

from generator.reading import genre, outline
from generator.reading.lines import Para
from generator.reading.segment import Segment
from generator.reading.text import compact

# Validity clauses of the genre: 自…起施行/试行/实施, 有效期至…, …同时废止.
_CLAUSE = re.compile(r"[^。；]*?(?:起(?:施行|试行|实施|执行)|有效期|同时废止|予以废止|停止执行)[^。]*[。]?")
_FROM = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|试行|实施|执行)")
_ON_ISSUE = re.compile(r"自(?:印发|发布|发文|公布)之日起(?:施行|试行|实施|执行|使用)")
_UNTIL = re.compile(r"有效期至(\d{4})年(\d{1,2})月(\d{1,2})日")
_REPEAL = re.compile(r"《([^《》]+)》\s*[（(]([^（()）]*〔\d{4}〕[^（()）]*号)[)）]\s*同时废止")


def document(seg: Segment, doc_id: str, jurisdiction: str, source: str, parent: dict | None,
             gazette: str | None = None) -> dict:
    blocks = _head_blocks(seg) + outline.blocks(seg.paras)
    head_texts = {role: genre.doc_number_text(p.text) if role == "doc_number" else compact(p.text)
                  for role, p in reversed(seg.head)}
    meta = seg.meta
    published = genre.iso_date(meta.get("published") or "")
    signed_issuer, signed_date = _signature(blocks, published)
    title = _fuller_title(seg.title, _meta_title(meta)) if parent is None else seg.title
    body = [b for b in blocks if b["kind"] not in ("header", "closing", "signature")]
    if seg.kind == "orphan" and body and all(b["kind"] == "table" for b in body):
        doc_type = "统计表"
    elif seg.kind == "order":
        doc_type = "令"
    elif not title and parent is None:
        doc_type = _untitled_type(head_texts.get("doc_number"), seg.paras) or "其他"
    elif parent is None and seg.kind == "notice":
        doc_type = _notice_type(title)
    else:
        doc_type = genre.doc_type(title or "") or "其他"
    if parent is None:
        adopted_by, adopted_on = _adoption([p for _, p in seg.head] + seg.paras[:2])
        head_date = head_texts.get("date") or ""
        page_date = _page_date(meta)
        if adopted_on and page_date == published:
            page_date = None        # a 成文日期 field that repeats the 发布日期 dates the posting, not the adoption
        date = signed_date or genre.iso_date(head_date) or genre.garbled_date(head_date, published) \
            or page_date or adopted_on
        doc_number = _fuller_number(head_texts.get("doc_number"), _meta_number(meta))
        issuer = _issuer(seg.issuer or _ordering(doc_number), signed_issuer, _title_issuer(title), meta,
                         doc_number) or _deciding(seg.paras) or adopted_by
    else:
        date, issuer, doc_number = parent["date"], parent["issuer"], None
    return {
        "id": doc_id,
        "jurisdiction": jurisdiction,
        "title": title or "（无标题）",
        "doc_number": doc_number,
        "issuer": issuer,
        "date": date,
        **({"published": published} if published and parent is None else {}),
        "type": doc_type,
        "parent": parent["id"] if parent else None,
        "validity": validity(blocks, title or "", date),
        "source": _source(source, seg, gazette or _web_source(meta)),
        "blocks": blocks,
    }


def _page_date(meta: dict) -> str | None:
    """The page's 成文日期 field (发文日期, 印发日期 …), else the 版记's 印发 date, else its 生成日期: when
    the site generated the record, a weaker witness that only a copy giving no other date falls back on."""
    return next((d for key in ("date", "imprinted", "generated") for d in [genre.iso_date(meta.get(key) or "")] if d),
                None)


def _source(file: str, seg: Segment, publication: str | None) -> dict:
    out = {"file": file, "line_start": seg.first, "line_end": seg.last}
    return out | {"publication": publication} if publication else out


def gazette(furniture: list[dict]) -> str | None:
    """The gazette a file was printed in, by its running header (淄川区人民政府公报 2022年第3期)."""
    heads = Counter(compact(f["text"]) for f in furniture if f["kind"] == "running-header" and f.get("text"))
    return re.sub(r"公报(?=\d{4}年)", "公报 ", heads.most_common(1)[0][0]) if heads else None


def _web_source(meta: dict) -> str | None:
    """A web page's 来源 (海连江微信, 华容县政府), without the time the page printed beside it."""
    value = re.split(r"\s+\d{4}[-/.年]", (meta.get("source") or "").strip())[0].strip()
    return value or None


def _meta_title(meta: dict) -> str | None:
    from generator.reading.segment import clean_title
    t = genre.DOC_NUMBER_AT_START.sub("", compact(meta.get("title") or ""))    # 名称: 靖政发〔2025〕17号 某县人民政府关于…
    return clean_title(t) if t and genre.doc_type(t) else None


def _fuller_title(printed: str | None, field: str | None) -> str | None:
    """The copy's title, or the page's 标题 field when it is that title in full (the copy lost the
    title's first words into the metadata line above it: 时效性:某市国民经济和社会发展 / 第十四个五年规划纲要)."""
    if printed and field and len(field) > len(printed) and field.endswith(compact(printed)):
        return field
    return printed or field


def _title_issuer(title: str | None) -> str | None:
    """The issuer a title opens with: GB/T 9704's 某县人民政府办公室关于…的通知 (a township's
    too: 某某乡关于…), or a policy's 镇巴县人民政府工作规则."""
    t = compact(title or "")
    m = re.match(r"^(\S{2,30}?)《?(?:关于|转发|印发|批转)", t) or re.match(
        r"^(\S{2,20}?(?:人民政府|政府办公室|人民政府办公室|办公室|办公厅|委员会|管委会))\S{2,}", t)
    name = m.group(1) if m else ""
    return name if genre.is_issuer(name) or re.fullmatch(r"\S{1,8}[乡镇]", name) else None


# What a page's 发文机关 field may name, however short (区政府, 地区行署: the page says whose it is), the
# common short forms of an office's name too: 政府办 / 府办 for 政府办公室, 县委办 for 县委办公室.
_BODY = re.compile(r"^[\u4e00-\u9fff]{1,30}(?:政府|办公室|办公厅|委员会|管委会|行署|局|委|厅|府办|委办)$")
# A bulletin's serial in the 文号 field: 督查通报第十七期.
_SERIAL = re.compile(r"^[\u4e00-\u9fff]{2,14}第[\d一二三四五六七八九十百〇零]{1,6}[期号]$")


def _ordering(number: str | None) -> str | None:
    """The government an order's number names: 某某市人民政府令第3号 (not 某府令第3号, an agency code)."""
    t = compact(number or "")
    name = t.partition("令")[0]
    return name if genre.ORDER_NUMBER.match(t) and genre.is_issuer(name) else None


def _fuller_number(head: str | None, page: str | None) -> str | None:
    """The head's 文号, or the page's when it is the same number printed with its year (an
    order's head prints 某政府令 第116号, a law database's field 某政府令2016年第116号)."""
    if head and page and re.sub(r"\d{4}年", "", page) == compact(head):
        return page
    return head or page


# A 文号 field that kept only its bracketed year (〔 2023〕): the page's 文号 as printed, characters lost.
_YEAR_ONLY = re.compile(r"^[〔\[［【(（]\d{4}[〕\]］】)）]$")


def _meta_number(meta: dict) -> str | None:
    t = compact(meta.get("doc_number") or "")
    return t if genre.is_doc_number(t, lost=True) or _SERIAL.match(t) or _YEAR_ONLY.match(t) else None


def _issuer(head: str | None, signed: str | None, titled: str | None, meta: dict,
            number: str | None = None) -> str | None:
    """The first of the head's, the signature's, the title's, the web page's 发文机关 and 来源
    (the page's publisher, which may be the issuer's office) that names an issuer — in the
    fullest form any of them gives it (淄博市张店区人民政府 for 张店区人民政府, 淮安市人民政府办公室
    for 市政府办公室). A publisher the page alone names is read against the 文号: a government's
    own 文号 (某政发) published by its office makes the government the issuer."""
    labelled, source = compact(meta.get("issuer") or ""), _source_body(meta)
    printed = (head, signed, titled)
    # a page's own field may give the body short, as its staff call it (来源：政府办)
    # a signature's name is an organ's whatever words it holds (新型冠状病毒感染的肺炎疫情…办公室)
    named = [n for n in (*printed, labelled, source)
             if n and (genre.is_issuer(n.split("、")[0]) or n == titled or n in (labelled, source) and _BODY.match(n)
                       or n == signed and genre.ISSUER.match(n.split("、")[0]))]
    if not named:
        return None
    first = named[0]
    if first not in printed and genre.is_government_number(number):
        first = _government_of(first, number)
    return _fullest([n for n in named if same_body(n, first)] + [first])


# A government's general office: 县人民政府办公室, 某市政府办公厅, 区政府办.
_GOVERNMENT_OFFICE = re.compile(r"^(?P<government>[\u4e00-\u9fff]*?政府)(?:办公室|办公厅|办)$")


def _government_of(name: str, number: str | None) -> str:
    """The government whose office `name` is, when the 文号's code may be that place's (华政 and
    华容县…, or a name that gives no place: 县人民政府办公室); else `name`."""
    m = _GOVERNMENT_OFFICE.match(name)
    if not m:
        return name
    place = m.group("government").removesuffix("政府").removesuffix("人民")
    return m.group("government") if len(place) <= 1 or genre.agency_code(number)[0] in place else name


def _fullest(names: list[str]) -> str:
    """The fullest of one body's names: the one that names the most of its place, with 人民政府 in
    full where another name spells it so (华容县政府 and 县人民政府: 华容县人民政府)."""
    best = max(names, key=lambda n: len(n.replace("人民政府", "政府")))
    if "人民政府" not in best and any("人民政府" in n for n in names):
        best = best.replace("政府", "人民政府", 1)
    return best


# A notice's opening in its own voice: …，X决定…。现将（就）有关事项通知如下：
_DECIDES = re.compile(r"(?:^|(?<=[。，；,;]))([\u4e00-\u9fff]{2,30}?)决定")
_NOTIFIES = re.compile(r"现[将就]有关(?:事项|问题|工作)?通知如下")


def _deciding(paras: list[Para]) -> str | None:
    """The issuer a notice's opening names when nothing else does (a copy without head or
    signature): the body that 决定s in the sentences before 现将有关事项通知如下 — the notice's
    own voice. Not a body that approved it (经X同意, X批准), nor the one a 办法 says 负责解释."""
    for p in paras[:3]:
        t = compact(p.text)
        m = _NOTIFIES.search(t)
        name = next((d.group(1) for d in _DECIDES.finditer(t[:m.start()]) if genre.is_issuer(d.group(1))),
                    None) if m else None
        if name:
            return name
    return None


def _adoption(paras: list[Para]) -> tuple[str | None, str | None]:
    """The body whose meeting adopted a regulation and the day, from its 题注: what a regulation
    without signature or 文号 has for its issuer and date."""
    for p in paras:
        m = genre.ADOPTED.match(compact(p.text))
        if m:
            return m.group("body"), genre.iso_date(m.group("date"))
    return None, None


# An organ's name opening a value: a copy on one line runs 来源 on into the text (X区人民政府办公室2023年是…).
_LEADING_BODY = re.compile(r"^[\u4e00-\u9fff]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会)")


def _source_body(meta: dict) -> str:
    """The page's 来源 without the time printed beside it, cut to the organ it opens with when
    the text runs on after it."""
    t = compact(_web_source(meta) or "")
    m = _LEADING_BODY.match(t)
    return m.group(0) if m and re.search(r"[，。；,;]", t) else t


def same_body(a: str, b: str) -> bool:
    """Two names of one body: 淄博市张店区人民政府 / 张店区人民政府, 淮安市人民政府办公室 /
    市政府办公室 — one ends as the other does once 人民政府 is read as 政府, or abbreviates it."""
    x, y = (s.replace("人民政府", "政府").replace("、", "") for s in (a, b))     # joint issuers, set apart or not
    short, long_ = sorted((x, y), key=len)
    return long_.endswith(short) or _abbreviates(short, long_)


def _abbreviates(short: str, full: str) -> bool:
    """A short form that keeps some of the full name's characters in order, from the same place to
    the same organ (某县新冠肺炎疫情联防联控领导小组办公室 for 某县新型冠状病毒感染的肺炎疫情…办公室)."""
    rest = iter(full)
    return len(short) >= 8 and short[:2] == full[:2] and short[-4:] == full[-4:] and all(c in rest for c in short)


def _signature(blocks: list[dict], published: str | None) -> tuple[str | None, str | None]:
    """Issuer(s) and 成文日期 of the first signature."""
    for b in blocks:
        if b["kind"] == "signature":
            lines = b["text"].split("\n")
            date = genre.iso_date(lines[-1]) or genre.garbled_date(lines[-1], published)
            wrapped = genre.wrapped_signer(lines[:-1])
            issuers = [wrapped] if wrapped else [name for x in lines[:-1] for name in genre.issuers(x)]
            return "、".join(issuers) or None, date
    return None, None


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


# The kinds of document an addressed head may end in besides 通知: the title's last word says it.
_ADDRESSED_KIND = re.compile(r"(?:通报|通告|公告|决定|批复)$")


def _notice_type(title: str) -> str:
    """A notice that 印发s a policy is a 通知 whatever the policy is — unless its title ends in
    another addressed kind (关于印发…落实情况的通报 is a 通报)."""
    t = compact(title)
    if _ADDRESSED_KIND.search(t):
        return genre.doc_type(t) or "通知"
    if "印发" in t or re.search(r"(通知|通知)$", t):
        return "通知"
    return genre.doc_type(t) or "通知"


# A notice's opening that says what it is: …，现就有关事项通告如下：
_ANNOUNCES = re.compile(r"(通告|公告|通报|通知)如下")
_CLOSES_AS = re.compile(r"^特此(通告|公告|通报|通知)。?$")


def _untitled_type(number: str | None, paras: list[Para]) -> str | None:
    """The kind of a copy without its title line: the one its 文号 names (某府通告〔2021〕1号),
    else the one its opening announces (现就…通告如下) or its closing names (特此通知)."""
    m = re.search(r"(?:通告|公告|通报)$", genre.agency_code(number))
    if m:
        return m.group(0)
    return next((m.group(1) for p in paras[:3] for m in [_ANNOUNCES.search(compact(p.text))] if m), None) \
        or next((m.group(1) for p in paras for m in [_CLOSES_AS.match(compact(p.text))] if m), None)


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
