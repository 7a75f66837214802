"""Stage 6b: items — goals, measures, tasks, articles and annex rows — with who
is responsible, by when, and the numeric targets they set.

An item is a block: a numbered section with the unnumbered paragraphs that
follow it (its body: a goal's parenthetical printed on the next line, a task's
`责任单位：…` paragraph, a list tail a page joint closed early), or a paragraph
standing alone. It gets an `item` mapping; a table gets `items`, one per row that
names a responsible unit or a target. An item whose sentence groups each close
with their own parenthetical also lists them as `statements`. Unit names stay
as written; the jurisdiction's unit registry (content/units/) maps them.

Ids come from the numbering (三、 （一） 1. （2） -> 3.1.1.2), never from line
numbers, so a re-typeset gazette keeps them. What looks like a responsibility
but cannot be read or attached is returned for the source manifest's `unplaced`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reading.deadlines import find_deadlines, first_of_each_sentence, parse_deadline, principal
from generator.reading import genre
from generator.reading.text import compact
from generator.reading.indicators import find_indicators, reports
from generator.reading.responsibility import (addressee_request, dangling_tail_units, find_collective_duties,
                                      find_function_duties, find_kind_duties, find_listed_kinds, find_prose_assignments,
                                      find_responsibilities, later_collectives, parse_responsibility_cell,
                                      unit_heading, unmarked_run_of_names, unmarked_subject)
from generator.model.units import fold, is_unit_like, normalise_unit_name
from generator.reading.unit_lists import CLOSE, OPEN, close_of, split_top, split_units

PLAN_TYPES = ("规划", "纲要", "规划纲要")
MEASURE_TYPES = ("措施", "若干措施")
EMERGENCY_TYPES = ("应急预案", "预案")

# Headings that say what their numbered parts are: 主要目标, 策略措施, 重点任务 …;
# 重点任务和主要措施 names two; 发展领域、主要目标和策略措施 names no single one,
# 明确责任目标, 保障措施 and 预警措施 name no part of the kind.
_CONTEXT = [("goal", re.compile(r"^(?:主要|总体|发展|工作|创建|具体|预期)?目标(?:要求)?$")),
            ("measure", re.compile(r"^(?:策略|主要|任务|工作|具体|政策|重点)?措施$")),
            ("task", re.compile(r"^(?:重点|主要|工作|具体)?任务$"))]
_LABELS = re.compile("|".join(r"\s*".join(w) for w in (
    "牵头单位", "牵头部门", "责任单位", "责任部门", "参与部门", "参与单位", "配合单位", "配合部门",
    "按职责分工负责", "按职责负责")))

def _id_segments(numbers: list[str]) -> list[str]:
    """Segments of a numbering path: a decimal number (4.2.1) carries its
    parents, an article (第三条) is numbered through its chapters."""
    segs: list[str] = []
    for number in numbers:
        seg = genre.number_key(number)
        if seg.startswith("a"):
            segs = [s for s in segs if s.startswith("x")]   # keep the annex prefix only
        while segs and seg.startswith(segs[-1] + "."):
            segs.pop()
        segs.append(seg)
    return segs


# --- anchors: an item's blocks ----------------------------------------------------------

@dataclass
class _Anchor:
    index: int                        # the block that carries the item
    members: list[int]                # its blocks (the anchor first)
    ancestors: list[dict]             # enclosing sections, outermost first
    annex: str | None                 # x1 inside 附件1 …
    tails: list[str] = field(default_factory=list)


def block_text(b: dict) -> str:
    return "".join(x for x in (b.get("title"), b.get("text")) if x)


def _annex_start(b: dict) -> str | None:
    """附件2 standing alone opens an annex (its outline starts afresh)."""
    m = genre.ANNEX.match(compact(b.get("text") or ""))
    if b["kind"] == "closing" and m and not m.group(2):
        return f"x{m.group(1) or 1}"
    return None


def _only_responsibility(text: str, previous: str | None) -> bool:
    """A paragraph that is nothing but a responsibility note, a label line (责任领导：…,
    完成时限：…) or a list tail."""
    if dangling_tail_units(text, previous) is not None or genre.LABEL_LINE.match(compact(text)):
        return True
    found = find_responsibilities(text)
    rest = "".join(text[a:b] for a, b in _gaps(len(text), [r.span for r in found]))
    return bool(found) and not re.sub(r"[\s。.;；，,]", "", rest)


def _gaps(n: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


def _anchors(blocks: list[dict]) -> tuple[list[_Anchor], dict[int, tuple[list[dict], str | None]]]:
    """Anchors in order, and each table's (ancestors, annex)."""
    stack: list[dict] = []
    annex = None
    anchors: list[_Anchor] = []
    tables: dict[int, tuple[list[dict], str | None]] = {}
    current: _Anchor | None = None
    for i, b in enumerate(blocks):
        kind = b["kind"]
        if kind == "section":
            while stack and stack[-1]["level"] >= b["level"]:
                stack.pop()
            current = _Anchor(i, [i], list(stack), annex)
            anchors.append(current)
            stack.append(b)
        elif kind == "paragraph":
            previous = block_text(blocks[i - 1]) if i else None
            if current and (blocks[current.index]["kind"] == "section"
                            or _only_responsibility(b["text"], previous)):
                current.members.append(i)
            else:
                current = _Anchor(i, [i], list(stack), annex)
                anchors.append(current)
        else:
            current = None
            if kind == "table":
                tables[i] = (list(stack), annex)
            start = _annex_start(b)
            if start:
                stack.clear()
                annex = start
    return anchors, tables


# --- reading an anchor ------------------------------------------------------------------

# A collective's name never holds a clause: a copula or preposition (部门应急预案是有关部门…,
# 区政府向市有关方面), a modal or a verb cut off at its end (各镇办响应等级可, 各类突发事件应对主),
# or events rather than bodies (各类突发事件): a subject reader that took one overreached.
_CLAUSE_SPILL = re.compile(r"(?<![其即])是|向|根据|[应可主简作]$|具体$|应急$|协调$|衔接$|分级$|事件$|情况$")


@dataclass
class _Reading:
    lead: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    lead_labelled: bool = False
    forms: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    stray: list[tuple[int, str]] = field(default_factory=list)   # (block index, text)

    def add(self, r, lead_override: bool = False) -> None:
        for bucket, names in ((self.lead, r.lead + (r.participants if lead_override else [])),
                              (self.participants, [] if lead_override else r.participants),
                              (self.generic, [n for n in r.generic if not _CLAUSE_SPILL.search(n)])):
            # spelt as the registry spells them (a rule may hand on 村(居) as written)
            bucket += [n for n in map(normalise_unit_name, names) if n not in bucket]
        self.lead_labelled |= r.lead_labelled or lead_override
        if r.form not in self.forms:
            self.forms.append(r.form)
        self.raws.append(r.raw.strip())
        self.deadline_text = self.deadline_text or r.deadline_text

    def absorb(self, other: _Reading) -> None:
        for bucket in ("lead", "participants", "generic", "forms", "raws"):
            mine = getattr(self, bucket)
            mine += [n for n in getattr(other, bucket) if n not in mine]
        self.lead_labelled |= other.lead_labelled
        self.deadline_text = self.deadline_text or other.deadline_text

    def found(self) -> bool:
        return bool(self.lead or self.participants or self.generic)


def _read(blocks: list[dict], anchor: _Anchor) -> _Reading:
    reading = _Reading()
    head = unit_heading(blocks[anchor.index].get("title") or "")
    if head:        # 14.市卫生局：负责… — the unit heading its duties does them
        reading.add(head)
    previous = None
    for i in anchor.members:
        text = block_text(blocks[i])
        tail = dangling_tail_units(text, previous) if i != anchor.index else None
        if tail is not None:
            reading.participants += [n for n in tail if n not in reading.participants]
            reading.raws.append(text.strip())
            previous = text
            continue
        found = find_responsibilities(text)
        for r in found:
            reading.add(r)
        reading.stray += [(i, s) for s in stray_responsibilities(text, [r.span for r in found])]
        if unmarked_run_of_names(text):
            reading.stray.append((i, text.strip()))
        previous = text
    texts = [block_text(blocks[i]) for i in anchor.members]
    if not reading.found():     # prose and the subjects of duties only where no label speaks
        _read_prose(reading, texts, [block_text(blocks[i]) for i in _collective_members(blocks, anchor)])
        if not reading.found():
            note = _shared_note(blocks, anchor)
            if note:
                reading.add(note)
    else:                       # …but 由X牵头 in the prose names a lead whatever the labels say
        for p in (p for t in texts for p in find_prose_assignments(t) if p.lead_labelled):
            p.participants = []
            reading.add(p)
    return reading


def _read_prose(reading: _Reading, texts: list[str], subject_texts: list[str]) -> None:
    """Who prose assigns a duty to (由X牵头, X负责…), and the collectives or offices named in
    full that are the subject of a requirement in `subject_texts`: each reader reads every
    sentence (a 办法's paragraph names one body by 是…主管部门, the next by …负责, the third by
    …等部门应当…), the subject reader yielding to prose only where it names someone (_spoken)."""
    spoken: dict[str, list[tuple[int, int]]] = {}
    for t in texts:
        for p in find_prose_assignments(t):
            if _interprets(t, p.span):
                continue
            # 会同区发展改革、科技…等部门 names functions, not offices: keep the offices
            p.lead = [n for n in p.lead if is_unit_like(n)]
            p.participants = [n for n in p.participants if is_unit_like(n)]
            if p.lead or p.participants or p.generic:
                reading.add(p)
                spoken.setdefault(t, []).append(p.span)
    for t in subject_texts:
        for r in find_collective_duties(t):
            if not _spoken(t, r, spoken.get(t, [])):
                reading.add(r)
    for t in texts:     # …but a subject 民政、卫生等部门要… (or 学校、幼儿园等要…) is named so on purpose
        for p in find_function_duties(t) + find_listed_kinds(t):
            reading.add(p)
    for t in texts:     # a text layer that lost its marks: the body each statement opens with
        r = unmarked_subject(t)
        if r and not any(n in reading.participants + reading.generic for n in r.participants + r.generic):
            reading.add(r)
    if not reading.found():     # rules that bind kinds of body (运输企业必须…) where no body is named
        for t in texts:
            for p in find_kind_duties(t):
                reading.add(p)


def _spoken(text: str, r, spans: list[tuple[int, int]]) -> bool:
    """A subject prose has read already (its words), or an office whose sentence prose gives its
    duty to another (市政府将对…实施动态管理，具体工作由市发改委牵头负责): collectives there still act
    (各地、各部门应于年中自查…，由市发改委汇总)."""
    if any(a < r.span[1] and r.span[0] < b for a, b in spans):
        return True
    sentences = [(a, e + 1) for a, e in split_top(text, "。;!?")]
    return bool(r.lead or r.participants) and any(
        a <= r.span[0] < e and any(a <= x < e for x, _ in spans) for a, e in sentences)


def _collective_members(blocks: list[dict], anchor: _Anchor) -> list[int]:
    """Where a requirement's subject speaks for the item (各牵头单位要…, 区政府办公室将…): its own
    text or the paragraph under its title (一、落实责任 / 各责任单位要…; （一）主要目标 / 各区县要确保
    完成, though numbered parts follow: the heading carries that duty as an item of its own). An
    article's paragraphs (款) are all its own text: each may give a body its duty."""
    return anchor.members if _is_article(blocks[anchor.index]) else anchor.members[:2]


def _shared_note(blocks: list[dict], anchor: _Anchor):
    """（1）…（2）…（3）…（责任单位：…）: a labelled note closing the last of a run of sibling parts,
    none of which names its own, covers the run (the genre prints it once, under the group)."""
    b = blocks[anchor.index]
    if b["kind"] != "section" or _earlier_part_names_units(blocks, anchor.index):
        return None
    for k in range(anchor.index + 1, len(blocks)):
        nb = blocks[k]
        if nb["kind"] != "section" or nb["level"] != b["level"]:
            return None
        text = block_text(nb)
        found = find_responsibilities(text)
        if found or find_prose_assignments(text):
            last = k + 1 == len(blocks) or blocks[k + 1]["kind"] != "section" or blocks[k + 1]["level"] < b["level"]
            r = found[-1] if len(found) == 1 else None
            closes = r and r.form in ("labelled", "labelled-lead") and not text[r.span[1]:].strip(" 。.;；")
            return r if closes and last else None
    return None


def _earlier_part_names_units(blocks: list[dict], i: int) -> bool:
    """A part of the same run before block i names its own units: each part carries its own."""
    k = i - 1
    while k >= 0 and blocks[k]["kind"] == "section" and blocks[k]["level"] == blocks[i]["level"]:
        text = block_text(blocks[k])
        if find_responsibilities(text) or find_prose_assignments(text):
            return True
        k -= 1
    return False


def _interprets(text: str, span: tuple[int, int]) -> bool:
    """本规划由X负责解释: the right to interpret, not a task."""
    return text[span[1]:span[1] + 2] == "解释"


def stray_responsibilities(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Parts of `text` worded like a responsibility (a label, 按职责分工负责) that
    no parsed responsibility covers: an unreadable parenthetical, an unclosed
    bracket, a list tail, a bare 责任单位： the parser did not take."""
    t = fold(text)
    covered = [False] * (len(t) + 1)
    for a, b in spans:
        for k in range(a, min(b, len(t))):
            covered[k] = True
    out, i, start = [], 0, 0
    while i < len(t):
        if t[i] in OPEN:
            j = close_of(t, i)
            end = len(t) if j < 0 else j + 1
            if not covered[i] and _LABELS.search(t, i, end):
                out.append(text[i:end].strip())
            i, start = end, end
        elif t[i] in CLOSE:
            if not covered[i] and (_LABELS.search(t, start, i + 1) or _unit_list(text[start:i])):
                out.append(text[start:i + 1].strip())
            i += 1
            start = i
        else:
            if t[i] in "。;":
                start = i + 1
            i += 1
    for m in _LABELS.finditer(t):
        if not covered[m.start()] and not any(m.group() in s for s in out) and ":" in t[m.end():m.end() + 2]:
            out.append(text[m.start():].split("。")[0].strip())
    return out


def _unit_list(s: str) -> bool:
    """`区科协、区妇联、区残联`: the tail of a list whose opening bracket is lost."""
    names = split_units(s)
    return len(names) >= 2 and sum(is_unit_like(n, prefixed=True) for n in names) >= 2


# --- kinds, paths, ids --------------------------------------------------------------------

def _context(blocks: list[dict]) -> str | None:
    """goal / measure / task from the nearest heading that names one."""
    for b in blocks:
        parts = re.split(r"[、和与及]", re.sub(r"[。：:\s]", "", b.get("title") or ""))
        kinds = [next((k for k, rx in _CONTEXT if rx.search(p)), None) for p in parts]
        if kinds[0] and all(kinds):
            return kinds[0]
    return None


def _is_article(block: dict) -> bool:
    """A block numbered as an article (第四条)."""
    return genre.number_key(block.get("number") or "").startswith("a")


def _kind(block: dict, ancestors: list[dict], doc_type: str, responsible: bool, indicators: list) -> str:
    if _is_article(block):
        return "article"
    ctx = _context([block] + ancestors[::-1])
    if ctx == "task":
        ctx = "measure" if doc_type in PLAN_TYPES else "task"
    if ctx:
        return ctx
    if doc_type in MEASURE_TYPES:
        return "measure"
    return "goal" if indicators and not responsible else "task"


def _label(b: dict) -> str:
    return re.sub(r"[。：:]$", "", _heading(b).strip()) or compact(b.get("number") or "")


def _grouping(blocks: list[dict], anchor: _Anchor) -> bool:
    """A heading with nothing but deeper headings below it (（一）妇女与健康)."""
    b = blocks[anchor.index]
    if b["kind"] != "section" or b.get("text") or len(anchor.members) > 1:
        return False
    nxt = anchor.index + 1
    return nxt < len(blocks) and blocks[nxt]["kind"] == "section" and blocks[nxt]["level"] > b["level"]


class _Ids:
    """Item ids of one document, collisions (a printed （6） twice) made unique
    in document order."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.used: set[str] = set()
        self.paragraphs: dict[str, int] = {}

    def take(self, segs: list[str]) -> str:
        base = ".".join([self.doc_id] + segs)
        uid, n = base, 2
        while uid in self.used:
            uid, n = f"{base}-{n}", n + 1
        self.used.add(uid)
        return uid

    def paragraph(self, segs: list[str]) -> str:
        key = ".".join(segs)
        self.paragraphs[key] = self.paragraphs.get(key, 0) + 1
        return self.take(segs + [f"p{self.paragraphs[key]}"])


# --- deadlines and targets ----------------------------------------------------------------

def _deadline_dict(d) -> dict | None:
    if d is None or not d.text:
        return None
    return {"text": d.text, "date": d.date, "period": d.period, "recurring": d.recurring, "kind": d.kind}


_TIME = re.compile(r"\d\s*[年月]|季度|年底|年末|年内|每月[\d底末]")


def _item_deadline(reading: _Reading, texts: list[str], headings: list[dict], year: int | None):
    """完成时间 of the parenthetical, else the time limit that stands for the item's own text
    (deadlines.principal), else one in an enclosing heading's title (（一）全面排查摸底（2023年6月底前））."""
    if reading.deadline_text:
        return parse_deadline(reading.deadline_text, year)
    own = [d for text in texts for d in first_of_each_sentence(text, _limits(text, year))]
    if own:
        return principal(own)
    return next((d for h in headings for d in _limits(_heading(h), year)), None)


def _limits(text: str, year: int | None) -> list:
    """The time limits of `text` that give a date, recur, or name a period of an unknown year."""
    if not _TIME.search(fold(text)):
        return []
    return [d for d in find_deadlines(text, year) if (d.date or d.recurring or year is None and d.period)
            and not _validity(text, d.span)]


_VALIDITY = re.compile(r"(?:有效期|执行|施行|实施|延续|延长|期限)\s*$")


def _validity(text: str, span: tuple[int, int]) -> bool:
    """政策执行至2023年4月30日, 有效期至…: how long a rule applies, not a time limit."""
    return bool(_VALIDITY.search(text[max(0, span[0] - 6):span[0]]))


def indicator_dict(ind) -> dict:
    d = {"metric": ind.metric, "comparator": ind.comparator, "value": ind.value, "unit": ind.unit,
         "target_year": ind.target_year, "base_year": ind.base_year, "raw": ind.raw}
    if ind.base_value is not None:
        d["base_value"] = ind.base_value
    return d


# --- documents ---------------------------------------------------------------------------------

def _year(doc: dict) -> int | None:
    """The year a 6月底前 falls in: the document's date, else the year its title names
    (2023年重点工作任务分解, with no signature date; 三年行动方案（2022—2024年） opens in 2022)."""
    if doc.get("date"):
        return int(doc["date"][:4])
    m = re.search(r"(?<!\d)(\d{4})\s*(?:年|[—–\-~至到]\s*\d{4}\s*年)", doc.get("title") or "")
    return int(m.group(1)) if m else None


def attach(doc: dict) -> list[dict]:
    """Add `item` / `items` to the blocks of `doc`; return the responsibility
    statements that could not be read or attached (manifest `unplaced`)."""
    blocks = doc["blocks"]
    year = _year(doc)
    anchors, tables = _anchors(blocks)
    ids = _Ids(doc["id"])
    unplaced: list[dict] = []
    for anchor in anchors:
        item, stray = _block_item(doc, blocks, anchor, ids, year)
        if item:
            blocks[anchor.index]["item"] = item
        unplaced += [{"kind": "responsibility", "lines": list(blocks[i]["lines"]), "text": s}
                     for i, s in stray]
    for k, (i, (ancestors, _)) in enumerate(sorted(tables.items()), 1):
        rows = table_items(doc, blocks[i], k, ancestors, year)
        if rows:
            blocks[i]["items"] = rows
    _lower_levels_are_collectives(doc)
    return unplaced + unattached(blocks, {tuple(u["lines"]) for u in unplaced})


# Levels of government, highest first; a name opens with one (区人民政府…) unless it is a word's
# first character (市场监管局, 区域, 县城, 镇江市).
_RANK = {"自治区": 0, "省": 0, "市": 1, "州": 1, "盟": 1, "区": 2, "县": 2, "旗": 2, "乡": 3, "镇": 3}
_ISSUER_LEVEL = re.compile(r"(自治区|[省市州盟区县旗乡镇])(?:人民)?政府")
_NAME_LEVEL = re.compile(r"^([省市州盟区县旗乡镇])(?!场|域|城|江)")


def _lower_levels_are_collectives(doc: dict) -> None:
    """区人民政府公园行政主管部门 in a city government's 办法 is every district's: a body named by a
    level below the issuing government's is that body of each government of the level, a collective
    (its own level's, 市城乡建设行政主管部门, is one office)."""
    m = _ISSUER_LEVEL.search(doc.get("issuer") or "")
    if not m:
        return
    for b in doc["blocks"]:
        for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
            for x in [it, *it.get("statements", [])]:
                lower = [n for n in x["lead"] + x["participants"] if (level := _NAME_LEVEL.match(n))
                         and _RANK[level.group(1)] > _RANK[m.group(1)]]
                x["lead"] = [n for n in x["lead"] if n not in lower]
                x["participants"] = [n for n in x["participants"] if n not in lower]
                x["generic"] += [n for n in lower if n not in x["generic"]]


# Conventions a document states for its lists of units.
_FIRST_LEADS = re.compile(r"(?:排在|列在|排名|排)?(?:第一位|首位|第一)(?:的|个)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)")
_ALL_LEAD = re.compile(r"(?:无|没有|未明确)牵头单位的[,，]?(?:责任单位|所列单位)(?:即|均)?为牵头单位")


def apply_conventions(documents: list[dict]) -> None:
    """A notice (or its policy) that says the unit listed first leads, or that where no
    lead is named the 责任单位 lead: the items of it and of what it issues follow that."""
    family: dict[str, list[dict]] = {}
    for d in documents:
        family.setdefault(d["parent"] or d["id"], []).append(d)
    for docs in family.values():
        said = " ".join(block_text(b) for d in docs for b in d["blocks"] if b["kind"] in ("paragraph", "section"))
        rule = "first" if _FIRST_LEADS.search(fold(said)) else "all" if _ALL_LEAD.search(fold(said)) else None
        if rule:
            for d in docs:
                for b in d["blocks"]:
                    for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
                        for x in [it, *it.get("statements", [])]:
                            _lead_by(x, rule)
    for d in documents:
        _later_too(d)


def _later_too(doc: dict) -> None:
    """以下各项工作均需X落实，不再列出 (LATER_TOO): X takes part in every later task of the
    document that names units of its own (a heading grouping tasks is no task)."""
    said: list[str] = []
    for b in doc["blocks"]:
        for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
            for x in [it, *it.get("statements", [])]:     # the item, then its statements in order
                if said and (x["lead"] or x["participants"]):
                    x["generic"] += [n for n in said if n not in x["generic"]]
                said += [n for n in map(normalise_unit_name, later_collectives(x.get("raw") or "")) if n not in said]


def _lead_by(item: dict, rule: str) -> None:
    if item["lead"] or not item["participants"]:
        return
    cut = 1 if rule == "first" else len(item["participants"])
    item["lead"], item["participants"] = item["participants"][:cut], item["participants"][cut:]
    item["lead_labelled"] = True
    item["form"] = ",".join(x for x in (item.get("form"), "convention") if x)


def unattached(blocks: list[dict], reported: set[tuple]) -> list[dict]:
    """Responsibility written in a paragraph or heading that no item with units holds
    (由区财政局负责…, （牵头单位：…） in a notice, 区民政局牵头… in prose): reported,
    never dropped in silence."""
    held: set[int] = set()
    for i, b in enumerate(blocks):
        it = b.get("item")
        if it and (it["lead"] or it["participants"] or it["generic"]):
            held.update(range(i, i + 1 + it["continued"]))
    out = []
    for i, b in enumerate(blocks):
        if i in held or b["kind"] not in ("paragraph", "section") or tuple(b["lines"]) in reported:
            continue
        text = block_text(b)
        if find_responsibilities(text) or any(p.lead or p.participants for p in find_prose_assignments(text)
                                               if not _interprets(text, p.span)):
            out.append({"kind": "responsibility", "lines": list(b["lines"]), "text": text.strip()})
    return out


def _inherit(reading: _Reading, block: dict, anchor: _Anchor) -> None:
    """A numbered part that names no unit takes those its nearest heading names in the
    heading line itself (二、加快产业升级（区发改局牵头）, 一、县示范区管委会牵头工作) —
    not those of a heading's own text, which are its own, unless that text ends by
    announcing its subject's duties (…主管部门，其主要职责是：)."""
    if reading.found() or block["kind"] != "section" or genre.number_key(block.get("number") or "").startswith("b"):
        return
    for heading in reversed(anchor.ancestors):
        line = _heading(heading)
        found = find_responsibilities(line) or [p for p in find_prose_assignments(line) if p.lead] \
            or [r for r in [unit_heading(line)] if r]
        if found:
            for r in found:
                reading.add(r)
            reading.forms.append("heading")
            return
        text = block_text(heading)
        if _DUTIES_FOLLOW.search(text):     # …是主管部门，其主要职责是： the parts are its duties
            subject = _Reading()
            _read_prose(subject, [text], [text])
            if subject.found():
                reading.absorb(subject)
                reading.forms.append("heading")
                return


def _asked(reading: _Reading, blocks: list[dict], anchor: _Anchor, texts: list[str]) -> None:
    """A request in a notice's body that names no one is made of the notice's addressees."""
    addressees = next((b["text"] for b in blocks[:anchor.index] if b["kind"] == "addressee"), None)
    request = addressees and next((r for t in texts for r in [addressee_request(t, addressees)] if r), None)
    if request:
        reading.add(request)


_DUTIES_FOLLOW = re.compile(r"(?:职责|职能)(?:是|为|如下)?\s*[:：]\s*$|履行下列[^。，,]{0,10}职责\s*[:：]?\s*$")


def _block_item(doc, blocks, anchor: _Anchor, ids: _Ids, year):
    block = blocks[anchor.index]
    reading = _read(blocks, anchor)
    _inherit(reading, block, anchor)
    texts = [block_text(blocks[i]) for i in anchor.members]
    if not reading.found():
        _asked(reading, blocks, anchor, texts)
    is_section = block["kind"] == "section"
    title_deadline = is_section and _deadline_in(_heading(block), year)
    record = any(reports(b.get("title") or "") for b in [block, *anchor.ancestors])   # 一、总体情况: what was done
    indicators = [] if record else [indicator_dict(x) for t in texts for x in find_indicators(t)]
    context = _context(anchor.ancestors[::-1])
    article = is_section and _is_article(block)
    if not (reading.found() or indicators or article or title_deadline or _goals_lead_in(block, texts, year)
            or (is_section and context and not _grouping(blocks, anchor))):
        return None, reading.stray
    numbers = [b["number"] for b in anchor.ancestors if b.get("number")]
    prefix = [anchor.annex] if anchor.annex else []
    if is_section:
        uid = ids.take(prefix + _id_segments(numbers + [block["number"] or ""]))
        path = [_label(b) for b in anchor.ancestors] + [compact(block.get("number") or "")]
    else:
        uid = ids.paragraph(prefix + _id_segments(numbers))
        path = [_label(b) for b in anchor.ancestors]
    headings = ([block] if is_section else []) + anchor.ancestors[::-1]
    kind = _kind(block, anchor.ancestors, doc.get("type") or "", reading.found(), indicators)
    item = {"id": uid, "kind": kind, "path": path,
            "lines": [block["lines"][0], blocks[anchor.members[-1]]["lines"][1]],
            "continued": len(anchor.members) - 1}
    item.update(_fields(reading, _item_deadline(reading, texts, headings, year), indicators))
    statements = _statements(blocks, anchor) or _sentence_statements(blocks, anchor) \
        or _dated_statements(blocks, anchor, reading, year)
    if statements:
        item["indicators"] = []
        item["statements"] = [_statement(s, f"{uid}.s{k}", kind, year, record)
                              for k, s in enumerate(statements, 1)]
    return item, reading.stray


def _goals_lead_in(block: dict, texts: list[str], year: int | None) -> bool:
    """一、目标要求 / 坚持…，到2023年，基本建成…: a goals heading whose opening words, run in or a
    paragraph of their own before the numbered goals, set the time limit of them all is a goal."""
    return (block["kind"] == "section" and _context([block]) == "goal"
            and _item_deadline(_Reading(), texts, [], year) is not None)


def _fields(reading: _Reading, deadline, indicators: list[dict]) -> dict:
    return {"lead": reading.lead, "participants": [p for p in reading.participants if p not in reading.lead],
            "generic": reading.generic,
            "lead_labelled": reading.lead_labelled, "form": ",".join(reading.forms) or None,
            "raw": "\n".join(reading.raws) or None, "deadline": _deadline_dict(deadline),
            "indicators": indicators}


def _heading(b: dict) -> str:
    """A section's heading: its title, or a short run-in text that wraps one
    (（一）全面排查摸底（2023年6月底前） has no 。 to end a title at)."""
    text = b.get("text") or ""
    return b.get("title") or (text if len(compact(text)) <= 40 and "。" not in text else "")


def _deadline_in(title: str, year: int | None) -> bool:
    """（一）全面排查摸底（2023年6月底前）: a heading that sets its own time limit."""
    return bool(_TIME.search(fold(title)) and any(d.date for d in find_deadlines(title, year)))


# --- statements: several responsibilities in one item ------------------------------------

@dataclass
class _Statement:
    text: str
    lines: list[int]
    reading: _Reading


def _statements(blocks: list[dict], anchor: _Anchor) -> list[_Statement]:
    """Sentence groups each closed by its own responsibility (`…达到市定标准。
    （区发展改革委）到2025年，…（区发展改革委、区供电中心按职责分工负责）`):
    the numbered part holds several duties with different units. A heading's
    title opens none; a parenthetical with no text of its own joins the last one."""
    out: list[_Statement] = []
    pending, first = "", None
    for i in anchor.members:
        b = blocks[i]
        t = b.get("text") or "" if b["kind"] == "section" else block_text(b)
        pos = 0
        for r in find_responsibilities(t):
            own = pending + t[pos:r.span[0]]
            if not re.sub(r"[\s。.;；，,]", "", own) and out:
                out[-1].reading.add(r)
                out[-1].text += t[pos:r.span[1]]
                out[-1].lines[1] = b["lines"][1]
            else:
                out.append(_Statement(pending + t[pos:r.span[1]], [first or b["lines"][0], b["lines"][1]],
                                      _Reading()))
                out[-1].reading.add(r)
            pending, first, pos = "", None, r.span[1]
        rest = t[pos:]
        if re.sub(r"[\s。.;；，,]", "", rest):
            pending, first = pending + rest, first or b["lines"][0]
    return out if len(out) >= 2 else []


def _sentence_statements(blocks: list[dict], anchor: _Anchor) -> list[_Statement]:
    """Prose whose sentences give duties to different units (区委办公室负责…；区统计局负责…。
    各部门要…): one statement per sentence that names its own; a sentence naming none continues
    the statement before it, or opens the first, and so does one that goes on dividing the same
    work (_same_division). In an article (第四条) the sentence is the statement (its ;-clauses
    divide one remit: X负责…；区X部门负责区属…), and a sentence naming its own opens one whoever
    it names: a 办法 gives each body its duties sentence by sentence (A是…机关，负责…。B负责…).
    Not where a label or parenthetical speaks."""
    article = _is_article(blocks[anchor.index])
    out: list[_Statement] = []
    pending, first = "", None
    for i in anchor.members:
        b = blocks[i]
        # an article's run-in first sentence may stand as its title (第三条 市X局负责…。)
        t = b.get("text") or "" if b["kind"] == "section" and not article else block_text(b)
        if find_responsibilities(t):
            return []
        for sentence in (c for a, e in split_top(t, "。!?" if article else "。;!?")
                         for c in ([t[a:e + 1]] if article else _subject_clauses(t[a:e + 1]))):
            reading = _Reading()
            _read_prose(reading, [sentence], [sentence])
            if reading.found() and not (out and not article and _same_division(out[-1].reading, reading)):
                out.append(_Statement(pending + sentence, [first or b["lines"][0], b["lines"][1]], reading))
                pending, first = "", None
            elif out:
                out[-1].text += sentence
                out[-1].lines[1] = b["lines"][1]
                out[-1].reading.absorb(reading)
            else:
                pending, first = pending + sentence, first or b["lines"][0]
    owners = {(tuple(s.reading.lead), tuple(s.reading.participants), tuple(s.reading.generic)) for s in out}
    return out if len(owners) >= 2 else []


# What may stand before a clause's subject: 并由公安部门…
_CLAUSE_OPENING = re.compile(r"\s*(?:并|另|同时\s*,?)?\s*")


def _handed_on(before: str, clause: str) -> bool:
    """报送市政府督查室，市政府督查室将…: the clause opens with whom the one before reports to, one
    step of the same procedure."""
    return any(before.rstrip().endswith(clause[:k]) for k in range(3, min(len(clause), 20) + 1))


def _subject_clauses(sentence: str) -> list[str]:
    """A sentence cut before each comma clause that opens with a subject of its own (督查室要…，
    县政府适时听取…): each is a duty of its own. A clause naming no one stays with the one before
    it; so does one opening with whom that one reports to (_handed_on); so does an office's clause
    after collectives' (各申报主体要对材料负责，县农业局将组织评审: what the office does with their
    work, one procedure; not after a role given by naming it, 各乡镇是责任主体，公安等部门要配合: two
    duties); and so does 由X…, the agent of what the clause before it names (…等项经费，
    由省财政解决), unless that clause had an agent of its own (由A予以制止，并由B处以…)."""
    found = {r.span[0]: r for find in (find_prose_assignments, find_collective_duties, find_function_duties,
                                       find_listed_kinds) for r in find(sentence)}
    t = fold(sentence)
    clauses = split_top(sentence, ",")
    opens = [_CLAUSE_OPENING.match(t, a).end() for a, _ in clauses]
    cuts, opener = [], found.get(opens[0])
    for (a, _), (_, e), o, before in zip(clauses[1:], clauses, opens[1:], opens):
        if o not in found or _handed_on(t[:e], t[o:]):
            continue
        if t[o] == "由" and before not in found:
            continue
        if t[o] != "由" and opener and opener.form != "role" and not (opener.lead or opener.participants):
            continue
        cuts.append(a)
        opener = found[o]
    return [sentence[a:b] for a, b in zip([0] + cuts, cuts + [len(sentence)])]


def _dated_statements(blocks: list[dict], anchor: _Anchor, whole: _Reading, year: int | None) -> list[_Statement]:
    """The sentences of a paragraph that set time limits of their own (一、主要目标 / 2022年，…。
    到2024年，…): one statement per sentence with a limit, a sentence with none continuing the one
    before it (or opening the first), so that each keeps its own date. A numbered part's own text
    (（二）发展目标。到2022年，…。到2025年，…) stays whole: the part is one goal or task; and a
    recurring limit (每月10日前报送…) opens none: it is the standing rule of the whole. Only where
    the limits differ, not in an article, nor where a 完成时限 label dates the whole. A statement's
    units are those its own prose names, else (and wherever a label or parenthetical speaks for
    the whole) the item's."""
    if whole.deadline_text or _is_article(blocks[anchor.index]):
        return []
    out: list[_Statement] = []
    pending, first, labelled = "", None, False
    for i in anchor.members:
        b = blocks[i]
        t = b.get("text") or "" if b["kind"] == "section" else block_text(b)
        labelled |= bool(find_responsibilities(t))
        for a, e in [(0, len(t))] if b["kind"] == "section" else split_top(t, "。;!?"):
            sentence = t[a:e + 1]
            if any(not d.recurring for d in _limits(sentence, year)):
                out.append(_Statement(pending + sentence, [first or b["lines"][0], b["lines"][1]], _Reading()))
                pending, first = "", None
            elif out:
                out[-1].text += sentence
                out[-1].lines[1] = b["lines"][1]
            else:
                pending, first = pending + sentence, first or b["lines"][0]
    if len({(d.text, d.date) for d in (_item_deadline(_Reading(), [st.text], [], year) for st in out)}) < 2:
        return []
    for st in out:
        if not labelled:
            _read_prose(st.reading, [st.text], [st.text])
        if not st.reading.found():
            st.reading.absorb(whole)
    return out


def _collectives_only(reading: _Reading) -> bool:
    """Roles (各牵头单位), no office: offices named by their function (县发改、住建等部门) are
    offices too, and a sentence giving them a duty is one of its own."""
    return not reading.lead and not reading.participants


def _same_division(before: _Reading, reading: _Reading) -> bool:
    """A sentence that goes on dividing the same work: roles after roles (牵头单位要…；责任单位要…),
    or offices given a role by name (X为牵头单位…。A、B为协办单位)."""
    return (_collectives_only(before) and _collectives_only(reading) and "kinds" not in reading.forms) \
        or "role" in reading.forms


def _statement(st: _Statement, uid: str, kind: str, year: int | None, record: bool) -> dict:
    indicators = [] if record else [indicator_dict(x) for x in find_indicators(st.text)]
    d = {"id": uid, "kind": kind, "text": st.text.strip(), "lines": st.lines}
    d.update(_fields(st.reading, _item_deadline(st.reading, [st.text], [], year), indicators))
    return d


# --- tables -------------------------------------------------------------------------------------

_LEAD_COLUMN = re.compile(r"牵头|主办|主责|主要责任")
_ROLE_COLUMN = re.compile(r"责任单位|责任部门|配合|参与|协办|协同|承办|责任主体")
_PERSON_COLUMN = re.compile(r"领导|责任人|负责人|联系人")
# 建设时间 of a project list: the year the project is to be built in is its time limit
_DEADLINE_COLUMN = re.compile(r"完成时限|完成时间|时限|^建设(?:时间|年限|期限)$")
# 落实情况, 完成进展情况: a report on what was done, not the task, and its numbers no targets.
_PROGRESS_COLUMN = re.compile(r"(?:落实|完成|进展|推进|办理|进度)情况$|进展$")
# 年度投资金额（万元）: a budget, and its figures no targets.
_BUDGET_COLUMN = re.compile(r"投资|金额|资金")
_YEAR_COLUMN = re.compile(r"^(\d{4})年$")
_TABLE_VALUE = re.compile(r"^(?P<cmp>[>≥<≤])?(?P<n>\d+(?:\.\d+)?)(?P<wan>万)?$")
_METRIC_UNIT = re.compile(r"[（(]([^（()）]+)[)）]$")


def table_items(doc: dict, table: dict, k: int, ancestors: list[dict], year: int | None) -> list[dict]:
    """Rows of a task or annex table that name responsible units, or rows of
    a 主要指标 table (指标 | 2020年 | 2025年 | 属性)."""
    header = [compact(h) for h in table.get("header") or []]
    # 分管领导 holds people; 牵头单位及主要负责人 holds an office, then its head's name
    people = {j for j, h in enumerate(header) if _PERSON_COLUMN.search(h) and not re.search(r"单位|部门", h)}
    lead_cols = [j for j, h in enumerate(header) if _LEAD_COLUMN.search(h) and j not in people]
    role_cols = [j for j, h in enumerate(header) if _ROLE_COLUMN.search(h) and j not in lead_cols + list(people)]
    number_cols = [j for j, h in enumerate(header) if h in ("序号", "编号")]
    other = set(lead_cols + role_cols + number_cols) | people
    text_cols = [j for j, h in enumerate(header)
                 if j not in other and not any(rx.search(h) for rx in (_DEADLINE_COLUMN, _PROGRESS_COLUMN, _BUDGET_COLUMN))]
    years = [(j, int(m.group(1))) for j, h in enumerate(header) for m in [_YEAR_COLUMN.match(h)] if m]
    rows = table.get("rows") or []
    row_lines = table.get("row_lines") or []
    filled = _forward_filled(header, rows)
    base = [_label(b) for b in ancestors] + ([compact(table["caption"])] if table.get("caption") else [])
    out = []
    for n, row in enumerate(rows, 1):
        lines = list(row_lines[n - 1]) if n - 1 < len(row_lines) else list(table["lines"])
        item = {"row": n - 1, "id": f"{doc['id']}.t{k}.r{n}", "kind": None,
                "path": base + filled[n - 1], "lines": lines, "continued": 0}
        if lead_cols or role_cols:
            text = "\n".join(row[j] for j in text_cols if j < len(row) and row[j].strip())
            item.update(_row_responsibility(row, lead_cols, role_cols, header, year, text))
            if not (item["lead"] or item["participants"] or item["generic"]):
                continue
            item["kind"] = "annex_row" if doc.get("type") in EMERGENCY_TYPES else "task"
            if text:
                item["text"] = text
            number = compact(row[number_cols[0]]) if number_cols and number_cols[0] < len(row) else ""
            if number:
                item["number"] = number
        elif years and header and "指标" in header[0]:
            indicators = _row_indicators(row, years)
            if not indicators:
                continue
            item.update(lead=[], participants=[], generic=[], lead_labelled=False, form=None, raw=None,
                        deadline=None, indicators=indicators, kind="goal")
        else:
            continue
        out.append(item)
    return out


def _forward_filled(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """The 序号 column (and a merged column right after it) with merged, empty
    cells taking the value above: for the rows' paths only."""
    cols = [0] if header and header[0] == "序号" else []
    if cols and len(header) > 1 and any(not r[1].strip() for r in rows if len(r) > 1):
        cols.append(1)
    out, last = [], {}
    for r in rows:
        vals = []
        for j in cols:
            v = compact(r[j]) if j < len(r) else ""
            last[j] = v or last.get(j, "")
            vals.append(last[j])
        out.append([v for v in vals if v])
    return out


def _row_responsibility(row, lead_cols, role_cols, header, year, text: str) -> dict:
    """Units of the 牵头 columns lead (the header labels them); the cells of a
    责任单位 / 配合 column are read like a parenthetical (A牵头，B配合); the task
    cells give the targets, and a time limit when no column does."""
    reading = _Reading()
    for j in lead_cols + role_cols:
        r = parse_responsibility_cell(row[j]) if j < len(row) else None
        if r:
            reading.add(r, lead_override=j in lead_cols)
    deadline = next((parse_deadline(compact(row[j]), year) for j, h in enumerate(header)
                     if _DEADLINE_COLUMN.search(h) and j < len(row) and row[j].strip()), None)
    if deadline is None and text:
        deadline = _item_deadline(_Reading(), [text], [], year)
    return _fields(reading, deadline, [indicator_dict(x) for x in find_indicators(text)] if text else [])


def _row_indicators(row: list[str], years: list[tuple[int, int]]) -> list[dict]:
    name = re.sub(r"^\d+[.．、]\s*", "", row[0].strip()) if row else ""
    m = _METRIC_UNIT.search(compact(name))
    metric = compact(name)[:m.start()] if m else compact(name)
    unit = m.group(1) if m else None
    values = []
    for j, y in years:
        v = _TABLE_VALUE.match(compact(row[j])) if j < len(row) else None
        values.append((y, v))
    target_year, target = values[-1]
    if not target or not metric:
        return []
    base_year, base = values[0] if len(values) > 1 else (None, None)
    comparator = {">": ">", "≥": ">=", "<": "<", "≤": "<="}.get(target.group("cmp"), "=")
    value = float(target.group("n")) * (10_000 if target.group("wan") else 1)
    d = {"metric": metric, "comparator": comparator, "value": value, "unit": unit,
         "target_year": target_year, "base_year": base_year if base else None,
         "raw": " | ".join(c.strip() for c in row)}
    if base:
        d["base_value"] = float(base.group("n")) * (10_000 if base.group("wan") else 1)
    return [d]


def observed_units(documents: list[dict]) -> tuple[list[str], set[str]]:
    """Every unit name of every item (one per mention) and the names written as
    collectives (…等区妇儿工委有关成员单位)."""
    names, generic = [], set()
    for doc in documents:
        for b in doc["blocks"]:
            for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
                for item in [it, *it.get("statements", [])]:
                    names += item["lead"] + item["participants"] + item["generic"]
                    generic.update(item["generic"])
    return names, generic

