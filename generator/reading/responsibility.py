"""Who leads what: responsibility statements in a re-joined block text.

The genre writes responsibility in a few shapes, all handled by one reader:

* a bracketed parenthetical after a goal, task or sentence —
  （牵头单位：A，责任单位：B、C） with any of ， ； 。 , ; between the parts,
  （牵头部门：A；参与部门：B）, （责任单位：A牵头，B配合；完成时间：2021年12月）,
  （责任单位：A、B，各镇政府、街道办事处） (no lead named), （A、B按职责分工负责）,
  （区人社局负责）, （区生态环境分局）; brackets may be （ ） ( ) [ ] 〔 〕, mixed;
* an unbracketed paragraph 责任单位：A、B，各镇（街道、开发区）。;
* a table cell (parse_responsibility_cell);
* prose: 由X牵头, X负责牵头, X牵头组织, 由X负责 (find_prose_assignments).

A lead is reported only when the text labels it (牵头单位/牵头部门 or …牵头);
otherwise every unit is a participant and `lead_labelled` is False. Unit names
are kept as written (whitespace removed); collectives go to `generic`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from generator.reading.deadlines import find_deadlines
from generator.model.units import fold, is_generic, is_unit_like, names_an_office
from generator.reading.unit_lists import CLOSE, OPEN, close_of, split_top, split_units


@dataclass
class Responsibility:
    span: tuple[int, int]           # offsets into the text given
    raw: str
    lead: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    lead_labelled: bool = False
    deadline_text: str | None = None
    form: str = ""                  # labelled-lead | labelled | by-duty | bare-units | paragraph | cell | prose

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


def _spaced(word: str) -> str:
    return r"\s*".join(word)


LEAD_LABELS = ("牵头单位", "牵头部门", "牵头责任单位", "牵头责任部门", "责任牵头单位", "主责单位", "主责部门",
               "主办单位", "主要责任单位", "主要责任部门")
ROLE_LABELS = ("责任单位", "责任部门", "参与部门", "参与单位", "配合单位", "配合部门", "协办单位", "协办部门",
               "协同责任单位", "协同单位", "协同部门", "配合责任单位", "协作单位", "共同责任单位", "数据提供单位",
               "主要协作单位", "主要配合单位", "主要参与单位")      # 主要 here qualifies the helpers, not a lead
DEADLINE_LABELS = ("完成时间", "完成时限", "时间节点", "时限要求", "办结时限", "完成期限")
# People are not units: 责任领导：张三, 牵头领导：常务副区长, 分管县领导, 责任人 — read to bound the parts, then dropped.
PERSON_LABELS = ("责任领导", "牵头领导", "分管领导", "牵头负责领导", "包保领导", "联系领导", "牵头县领导", "分管县领导",
                 "分管区领导", "分管市领导", "牵头市领导", "牵头区领导", "责任人", "联系人", "负责人")
_LABEL = re.compile("(?P<label>" + "|".join(map(_spaced, sorted(LEAD_LABELS + ROLE_LABELS + DEADLINE_LABELS
                                                                  + PERSON_LABELS, key=len, reverse=True)))
                    + r")\s*(?P<colon>:)?")
# What ends a clause of units: its role (…牵头, …配合, …按职责分工负责).
_SUFFIX = re.compile(r"(?P<suf>(?:等)?(?:(?:部门)?按职责分工负责|按职责负责|分工负责|共同负责|分别负责|具体负责|负责落实|负责实施"
                     r"|牵头(?!单位|部门|领导)[\u4e00-\u9fff]{2}|配合落实|协助配合|参与配合|负责|配合|协助|协办|参与|主办|牵头))\s*$")


def _leads(suffix: str | None) -> bool:
    """A role that labels its units the leads: 牵头, 主办, 牵头负责 (牵头 and its verb: 牵头抓总, 牵头落实)."""
    return bool(suffix) and ("牵头" in suffix or suffix.endswith("主办"))
_ETC = re.compile(r"(?<![平同对均])等(?!级)")   # X等Y: named units, then a collective


# What a list of units may carry besides units: 下同, a stated convention (排在首位的为牵头单位).
_NOT_A_UNIT = re.compile(r"^(?:下同|同上|以下同|下略)$|的为牵头|为牵头单位|^排在|^排名")


@dataclass
class _Roles:
    lead: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    lead_labelled: bool = False

    def put(self, names: list[tuple[str, bool]], lead: bool) -> None:
        for name, collective in names:
            if _NOT_A_UNIT.search(name):
                continue
            bucket = self.generic if collective or is_generic(name) else (
                self.lead if lead else self.participants)
            if name not in bucket:
                bucket.append(name)

    def empty(self) -> bool:
        return not (self.lead or self.participants or self.generic)


# A name's abbreviation given in passing: 县森林防火指挥部（以下简称县指挥部）, （下简称…）, （简称…）.
_SHORT_NAME = re.compile(r"[（(](?:(?:以下|下文|下)?简称|(?:以下|下文|下)称)[^（()）]{1,20}[)）]")

# A note on the list inside it: 县发改局（首位单位为牵头单位，下同）、县财政局 (the convention is read
# from the document's text; here it only hides the unit).
_LIST_NOTE = re.compile(r"[（(][^（()）]{0,20}(?:为牵头|下同)[^（()）]{0,10}[)）]")


# 州委编办及州直相关单位: an office, then a collective, joined by 及/和/与 instead of 、.
_JOINED = re.compile(r"(?<=[局委办部院会联心队站社所室组府门构司团处科])(?:及|和|与)(?=[区县市州省旗盟]|各|有关|相关)")


def _pieces(s: str) -> list[str]:
    """The names of a unit list, a name joined to the next by 及 split off when both parts
    are offices or collectives."""
    out = []
    for piece in split_units(_LIST_NOTE.sub("", _SHORT_NAME.sub("", s))):
        parts = _JOINED.split(piece)
        ok = len(parts) > 1 and all(is_generic(p) or is_unit_like(p, prefixed=True) for p in parts)
        out += parts if ok else [piece]
    return out


def _names(s: str) -> list[tuple[str, bool]]:
    """(name, is_collective) of a unit list; `X等Y` gives X and the collective Y."""
    out = []
    for piece in _pieces(s):
        if _NOT_A_UNIT.search(piece):       # (A，B，排名第一位为牵头单位，下同): the list's convention
            continue
        m = _ETC.search(piece)
        if m:
            if m.start():
                out.append((piece[:m.start()], False))
            if piece[m.end():] and piece[m.end():] not in ("部门", "单位", "机构", "部门单位"):   # 等部门: no one else
                out.append((piece[m.end():], True))
        else:
            out.append((piece, False))
    return out


def _strip_suffix(s: str) -> tuple[str, str | None]:
    m = _SUFFIX.search(fold(s))
    return (s[:m.start()], m.group("suf")) if m else (s, None)


# A time limit closing a unit list with no label of its own: （责任单位：A、B，6月底完成）.
_TIME_CLAUSE = re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|底|末|中旬|上旬|下旬)?前?(?:完成|办结)?$")


def _clause_roles(s: str, roles: _Roles) -> str | None:
    """`A、B牵头，C、D配合` / `A、B，各镇办` : clauses ending in 牵头 are leads. Returns the
    time limit a clause of its own gives (…，6月底完成)."""
    deadline = None
    for a, b in split_top(s, ",;"):
        clause = s[a:b].strip()
        if re.search(r"\d", clause) and _TIME_CLAUSE.match(fold(clause)):
            deadline = deadline or clause
            continue
        body, suffix = _strip_suffix(s[a:b])
        lead = _leads(suffix)
        roles.lead_labelled |= lead
        roles.put(_names(body), lead)
    return deadline


def _canonical_label(m: re.Match) -> str:
    return re.sub(r"\s+", "", m.group("label"))


def _labels(t: str, a: int, b: int) -> list[re.Match]:
    """Labels of t[a:b] standing outside nested brackets; 完成时间 may lack its colon."""
    depth, depths = 0, []
    for c in t[a:b]:
        depths.append(depth)
        depth += (c in OPEN) - (c in CLOSE)
    out = []
    for m in _LABEL.finditer(t, a, b):
        if depths[m.start() - a] != 0:
            continue
        before = t[a:m.start()].rstrip()
        starts_part = not before or before[-1] in ",;。."
        if m.group("colon") or (_canonical_label(m) in DEADLINE_LABELS and starts_part):
            out.append(m)
    return out


def _value_end(t: str, start: int, end: int, next_label: str | None) -> int:
    """End of a part's value: trailing separators dropped, and a page-joint
    stutter such as `，责` before `责任单位` (the label's head printed twice)."""
    v = t[start:end]
    if next_label:
        m = re.search(r"[,;。.]\s*(\S{1,3})\s*$", v)
        if m and next_label.startswith(m.group(1)) and m.group(1) != next_label:
            v = v[:m.start()]
    return start + len(v.rstrip(" ,;。."))


def _read_labelled(text: str, t: str, a: int, b: int) -> tuple[_Roles, str | None, bool] | None:
    """Parts `label：value` of text[a:b]; None unless it opens with a unit (or a leader's) label
    and names some unit."""
    labels = _labels(t, a, b)
    if not labels or t[a:labels[0].start()].strip() or _canonical_label(labels[0]) in DEADLINE_LABELS \
            or all(_canonical_label(m) in DEADLINE_LABELS + PERSON_LABELS for m in labels):
        return None
    roles, deadline, has_lead = _Roles(), None, False
    for k, m in enumerate(labels):
        label = _canonical_label(m)
        nxt = labels[k + 1] if k + 1 < len(labels) else None
        end = _value_end(t, m.end(), nxt.start() if nxt else b, _canonical_label(nxt) if nxt else None)
        value = text[m.end():end]
        if label in DEADLINE_LABELS:
            deadline = value.strip() or None
        elif label in PERSON_LABELS:
            continue
        elif label in LEAD_LABELS:
            has_lead = roles.lead_labelled = True
            roles.put(_names(_strip_suffix(value)[0]), lead=True)
        else:
            deadline = _clause_roles(value, roles) or deadline
    return roles, deadline, has_lead


_BY_DUTY = re.compile(r"(?P<units>[^:]+?)(?:等)?(?:按职责分工负责|按职责负责|分工负责|共同负责|分别负责|负责)(?P<rest>[,;。].*)?$", re.S)
_DUTY_CLAUSE = re.compile(r"(?P<units>.+?)(?:按职责分工负责|分工负责|分别负责|负责落实|负责)$")


def _office_list(names: list[tuple[str, bool]], prefixed: bool = True) -> bool:
    """Every name is an office — prefixed (区X局, 团区委) unless the wording already says it
    assigns a role — or a collective."""
    return bool(names) and all(c or is_generic(n) or is_unit_like(n, prefixed=prefixed) for n, c in names)


def _read_by_duty(text: str, t: str, a: int, b: int) -> _Roles | None:
    """（A、B按职责分工负责[，各街道负责落实。…]） and （区人社局负责）."""
    m = _BY_DUTY.match(t, a, b)
    if not m:
        return None
    names = _names(text[m.start("units"):m.end("units")])
    if not _office_list(names, prefixed=not re.search(r"分工|职责|分别", t[m.end("units"):b])):
        return None
    roles = _Roles()
    roles.put(names, lead=False)
    if m.group("rest"):
        rest = text[m.start("rest"):m.end("rest")]
        for x, y in split_top(rest, ",;。"):
            piece = rest[x:y].strip()
            d = _DUTY_CLAUSE.match(fold(piece))
            if d and _office_list(_names(piece[:d.end("units")])):
                roles.put(_names(piece[:d.end("units")]), lead=False)
    return roles


def _read_clauses(text: str, t: str, a: int, b: int) -> _Roles | None:
    """（A、B牵头，C、D配合） / (A牵头,B等部门,C、各街道配合) / （A、B牵头）: every clause
    a list of offices; a clause without its own role word takes the next one's, and a last
    clause of collectives may have none."""
    clauses = [(a + x, a + y) for x, y in split_top(t[a:b], ",;")]
    if ":" in t[a:b] or (len(clauses) < 2 and not _leads(_strip_suffix(text[a:b])[1])):
        return None
    parts, role = [], None
    for k, (x, y) in reversed(list(enumerate(clauses))):
        body, suffix = _strip_suffix(text[x:y])
        names = _names(body)
        role = suffix or role
        last_generic = k == len(clauses) - 1 and all(c or is_generic(n) for n, c in names)
        if not _office_list(names, prefixed=False) or not (role or last_generic):
            return None
        parts.append((names, bool(suffix or (role and not last_generic)) and _leads(role)))
    if not any(_strip_suffix(text[x:y])[1] for x, y in clauses):
        return None
    roles = _Roles()
    for names, lead in reversed(parts):
        roles.lead_labelled |= lead
        roles.put(names, lead)
    return roles if roles.lead or roles.participants else None


def _read_bare_units(text: str, t: str, a: int, b: int, i: int) -> _Roles | None:
    """（区生态环境分局） or （市发展改革委，各县〔市、区〕政府） after a sentence: a
    prefixed office first, then offices or collectives, and the bracket opens a
    sentence (so 区委宣传部（区网信办） is not one)."""
    before = t[:i].rstrip()
    if before and before[-1] not in "。;!?)":
        return None
    names = _names(text[a:b])
    if ":" in t[a:b] or not names or names[0][1] or not is_unit_like(names[0][0], prefixed=True) \
            or not all(c or is_generic(n) or is_unit_like(n) for n, c in names[1:]):
        return None
    roles = _Roles()
    roles.put(names, lead=False)
    return roles


_ROLE_BEFORE = re.compile("(?:" + "|".join(sorted(LEAD_LABELS + ROLE_LABELS, key=len, reverse=True)) + r")$")


def _read_role_members(text: str, t: str, a: int, b: int, i: int) -> _Roles | None:
    """九个责任区牵头单位（县委办、政府办、…）: the bracket lists who holds the role named before it."""
    role = _ROLE_BEFORE.search(t[:i].rstrip())
    names = role and _names(text[a:b])
    # the role says they are offices: most need only look like one (贝江河林场 among 县委办、国税局);
    # 牵头部门（单位） names the role twice
    if not names or ":" in t[a:b] or any(len(n) > 20 or re.search(r"\d", n) for n, _ in names) \
            or 2 * sum(len(n) > 2 and (c or is_generic(n) or is_unit_like(n)) for n, c in names) < len(names):
        return None
    roles = _Roles(lead_labelled=role.group() in LEAD_LABELS)
    roles.put(names, lead=roles.lead_labelled)
    return roles


def _result(text: str, span: tuple[int, int], roles: _Roles, form: str,
            deadline: str | None = None) -> Responsibility:
    return Responsibility(span, text[span[0]:span[1]], roles.lead, roles.participants, roles.generic,
                          roles.lead_labelled, deadline, form)


def _trim(t: str, a: int, b: int) -> tuple[int, int]:
    """t[a:b] without outer whitespace, as offsets."""
    while a < b and t[a].isspace():
        a += 1
    while b > a and t[b - 1].isspace():
        b -= 1
    return a, b


# A convention stated once, in a task's note: 以下各项工作均需各县区政府落实，不再列出 — the
# collective takes part in this task and in every later one (items.apply_conventions).
LATER_TOO = re.compile(r"以下(?:各项)?(?:工作|任务)?(?:均|都)(?:需|须|由)(?P<x>[^,;。:]{2,40}?)(?:负责)?落实"
                       r"\s*[,;]?\s*不再(?:一一)?列出\s*[。.;]?")


def later_collectives(text: str) -> list[str]:
    """The collectives a 以下均需X落实，不再列出 in `text` makes part of every later task."""
    return [n for m in LATER_TOO.finditer(fold(text)) for n, _ in _names(text[m.start("x"):m.end("x")])]


def _blank(s: str, spans: list[tuple[int, int]]) -> str:
    for x, y in spans:
        s = s[:x] + " " * (y - x) + s[y:]
    return s


def _read_group(text: str, t: str, i: int, j: int) -> Responsibility | None:
    """The bracket group t[i..j] as a responsibility, or None; a convention sentence in it
    (LATER_TOO) is read apart, its collective a generic of this group's."""
    stated = [m.span() for m in LATER_TOO.finditer(t, i + 1, j)]
    if not stated:
        return _read_units_group(text, t, i, j)
    r = _read_units_group(_blank(text, stated), _blank(t, stated), i, j)
    if r:
        r.raw = text[r.span[0]:r.span[1]]
        r.generic += [n for n in later_collectives(text[i:j]) if n not in r.generic]
    return r


def _read_units_group(text: str, t: str, i: int, j: int) -> Responsibility | None:
    a, b = _trim(t, i + 1, j)
    while b > a and t[b - 1] in "。.":      # 〔A牵头，B参与，C负责落实。〕: a sentence's stop
        b -= 1
    end = j + 1
    if end < len(t) and t[end] in CLOSE:   # [ …（…）…）] : a stray closer belongs here
        end += 1
    lab = _read_labelled(text, t, a, b)
    if lab:
        roles, deadline, has_lead = lab
        return _result(text, (i, end), roles, "labelled-lead" if has_lead else "labelled", deadline)
    roles = _read_role_members(text, t, a, b, i)
    if roles:
        return _result(text, (i, j + 1), roles, "role-members")
    roles = _read_by_duty(text, t, a, b)
    if roles:
        return _result(text, (i, j + 1), roles, "by-duty")
    roles = _read_clauses(text, t, a, b)
    if roles:
        return _result(text, (i, j + 1), roles, "clauses")
    roles = _read_bare_units(text, t, a, b, i)
    return _result(text, (i, j + 1), roles, "bare-units") if roles else None


_PARAGRAPH_LABEL = re.compile("(?:" + "|".join(map(_spaced, sorted(ROLE_LABELS + LEAD_LABELS + PERSON_LABELS, key=len,
                                                                    reverse=True))) + r")\s*:")


# 县城园林路绿化点补充责任单位：财政局。: a short title that the label follows.
_TITLE_BEFORE = re.compile(r"[^,;:、。!?()\[\]]{2,20}")


def _paragraphs(text: str, t: str, groups: list[tuple[int, int]]) -> list[Responsibility]:
    """Unbracketed `责任单位：…。` opening a paragraph, following a full stop or a short title."""
    out = []
    for m in _PARAGRAPH_LABEL.finditer(t):
        if any(g0 <= m.start() < g1 for g0, g1 in groups):
            continue
        before = t[:m.start()].rstrip()
        if before and before[-1] not in "。;!?" and not _TITLE_BEFORE.fullmatch(before):
            continue
        stops = [a for a, _ in split_top(t[m.start():], "。")[1:]]
        end = m.start() + stops[0] - 1 if stops else len(t)
        lab = _read_labelled(text, t, m.start(), end)
        if lab and not lab[0].empty():
            span_end = end + 1 if end < len(t) else end
            out.append(_result(text, (m.start(), span_end), lab[0], "paragraph", lab[1]))
    return out


_TAIL = re.compile(r"[^()\[\]〔〕【】。;:]{1,300}?[)\]〕】]")


def _absorb_tail(text: str, t: str, r: Responsibility) -> None:
    """`…区农业农村局）村局、区科协、区妇联)`: the list went on after its closer."""
    m = _TAIL.match(t, r.span[1])
    units = _tail_units(text[m.start():m.end()], r.lead + r.participants) if m else None
    if units:
        roles = _Roles(r.lead, r.participants, r.generic)
        roles.put(_names("、".join(units)), lead=False)
        r.span = (r.span[0], m.end())
        r.raw = text[r.span[0]:r.span[1]]


_DUTY_LINE = re.compile(r"^\s*由(?P<units>[^。;]+?)(?:共同|具体|分别)?负责(?:落实|实施|推进|组织实施|办理)?\s*[。.;]?\s*$")


def _duty_line(text: str, t: str) -> Responsibility | None:
    """A paragraph that is only `由A、B，各县人民政府负责落实`: each named office takes part."""
    m = _DUTY_LINE.match(t)
    if not m:
        return None
    names = _names(text[m.start("units"):m.end("units")])
    if not _office_list(names, prefixed=False):
        return None
    roles = _Roles()
    roles.put(names, lead=False)
    return _result(text, (0, len(text)), roles, "duty-line")


_LABEL_BRACKET = re.compile("(?P<label>" + "|".join(map(_spaced, sorted(LEAD_LABELS + ROLE_LABELS, key=len, reverse=True)))
                            + r")\s*\(")


def _label_brackets(text: str, t: str) -> list[Responsibility]:
    """九个责任区牵头单位(县委办、政府办、…): a label, then its units in brackets."""
    out = []
    for m in _LABEL_BRACKET.finditer(t):
        j = close_of(t, m.end() - 1)
        names = _names(text[m.end():j]) if j > 0 else []
        if names and _office_list(names, prefixed=False) and (
                len(names) >= 2 or is_unit_like(names[0][0], prefixed=True)):     # not 牵头部门（单位）
            roles = _Roles()
            lead = _canonical_label(m) in LEAD_LABELS
            roles.lead_labelled = lead
            roles.put(names, lead)
            out.append(_result(text, (m.start(), j + 1), roles, "label-brackets"))
    return out


def find_responsibilities(text: str) -> list[Responsibility]:
    """Every responsibility parenthetical and unbracketed 责任单位 paragraph of a
    re-joined block text, in text order (prose assignments: find_prose_assignments)."""
    t = fold(text)
    line = _duty_line(text, t)
    if line:
        return [line]
    out, groups, i = [], [], 0
    while i < len(t):
        j = close_of(t, i) if t[i] in OPEN else -1
        if j < 0:
            i += 1
            continue
        groups.append((i, j + 1))
        r = _read_group(text, t, i, j)
        if r and not (r.lead or r.participants or r.generic):
            r = None
        if r:
            _absorb_tail(text, t, r)
            out.append(r)
        i = (r.span[1] if r else j + 1)
    out += _paragraphs(text, t, groups)
    taken = [r.span for r in out]
    out += [r for r in _label_brackets(text, t) if not any(a < r.span[1] and r.span[0] < b for a, b in taken)]
    return sorted(out, key=lambda r: r.span)


# 现印发给你们，请认真贯彻执行: a request opening a clause (not 请示, a document's type).
_REQUEST = re.compile(r"(?:^|(?<=[,;。:!]))\s*请(?!示)")


def addressee_request(text: str, addressees: str) -> Responsibility | None:
    """A notice's request that names no one (现印发给你们，请认真贯彻执行) is made of its addressees
    (主送机关, GB/T 9704: 各镇人民政府，县直各部门：), a collective of recipients: each part of that
    line as written, when every part names offices or collectives. Read only where the text
    names no one else."""
    m = _REQUEST.search(fold(text))
    line = addressees.strip().rstrip(":：").strip()
    names = [line[a:b].strip() for a, b in split_top(fold(line), ",;")]
    if not m or not names or not all(is_unit_like(n) and _ADDRESSEE.fullmatch(n) for n in names):
        return None
    found = _result(text, m.span(), _Roles(generic=list(dict.fromkeys(names))), "addressees")
    # the original wording of who is asked: the addressee line, then the request as far as its stop
    request = re.match(r"[^。;；!！]*", text[m.start():]).group(0).strip()
    return replace(found, raw=f"{addressees.strip()}……{request}")


_ADDRESSEE = re.compile(r"[\u4e00-\u9fff、()（）]+")


# A heading that is only a unit list and a colon: `14.市卫生局：` heads that unit's duties (职责分工).
_UNIT_HEADING = re.compile(r"^\s*(?P<units>[^:,;。]{2,60}?)\s*:\s*$")
# 各级党委和政府乡村振兴责任主要包括：: whose duties follow, then what they concern.
_DUTIES_OF = re.compile(r"^\s*(?P<units>[^:,;。]{2,60}?)(?:职责|责任|职能)(?:主要)?(?:包括|有|是|为|如下)?\s*:\s*$")
# How a collective's name ends when no office's ending does: 各乡镇, 各地, 各级, 各村（社区）.
_COLLECTIVE_END = re.compile(r"(?:[地镇乡村县区市州级]|街道|社区|[)）])$")


def named_as_one(name: str) -> bool:
    """A name that ends as an office's or a collective's does (各乡镇, 县直各部门), not a clause
    that opens with one (各单位接到通知后, 各级党委和政府乡村振兴责任主要包括)."""
    return names_an_office(name) or bool(_COLLECTIVE_END.search(fold(name)))


def _heading_names(title: str, a: int, b: int) -> list[tuple[str, bool]]:
    names = _names(title[a:b])
    ok = names and all(c or is_unit_like(n, prefixed=True) or is_generic(n) and named_as_one(n) for n, c in names)
    return names if ok else []


def unit_heading(title: str) -> Responsibility | None:
    """The units of a duty list's heading `区财政局：` / `各镇（街道）：`, or None: every name
    a prefixed office or a collective, so a topic heading (工作目标：) is none, nor a label
    (绿化点责任单位：, whose units follow). Unlabelled, so they take part; none leads. A heading
    announcing whose duties follow (各级党委和政府乡村振兴责任主要包括：) names the longest
    such list it opens with."""
    t = fold(title)
    m = _UNIT_HEADING.match(t)
    if not m or _LABEL.search(m.group("units")):
        return None
    names, span = _heading_names(title, *m.span("units")), m.span("units")
    duties = not names and _DUTIES_OF.match(t)
    if duties:      # the longest list ending in an office's name (…政府, not …政府乡村), else a collective's
        a, b = duties.span("units")
        lists = [(names, (a, end)) for end in range(b, a + 1, -1) for names in [_heading_names(title, a, end)] if names]
        names, span = next((x for x in lists if names_an_office(x[0][-1][0])), lists[0] if lists else ([], span))
    if not names:
        return None
    roles = _Roles()
    roles.put(names, lead=False)
    return _result(title, span, roles, "unit-heading")


def parse_responsibility_cell(text: str) -> Responsibility | None:
    """A table cell of a 责任单位 column: `A`, `A、B`, `A牵头，B配合`, `A、B牵头`,
    a collective. None for an empty (merged) cell."""
    if not text.strip():
        return None
    words = text.split()
    if len(words) > 1 and any(is_unit_like(w) for w in words):     # 市民政局 伍泽国: an office and its head
        text = " ".join(w for w in words if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", w) or is_unit_like(w))
    roles = _Roles()
    lab = _read_labelled(text, fold(text), *_trim(text, 0, len(text)))
    if lab:
        roles = lab[0]
    else:
        _clause_roles(text, roles)
    return None if roles.empty() else _result(text, (0, len(text)), roles, "cell", lab[1] if lab else None)


# --- dangling tails ------------------------------------------------------------------------

def _excess_closers(t: str) -> int:
    return sum(c in CLOSE for c in t) - sum(c in OPEN for c in t)


def _tail_units(text: str, last: list[str] | None) -> list[str] | None:
    """Units of `村局、区科协、区妇联、区残联)`, the stub dropped; `last` (units of
    the list before it, when known) must end with the stub."""
    t = fold(text).strip()
    if not t or t[-1] not in CLOSE or _excess_closers(t) <= 0 or _LABEL.search(t) or "。" in t:
        return None
    names = _names(_strip_suffix(text.strip()[:-1])[0])
    if len(names) < 2 or not _office_list(names[1:]):
        return None
    first, collective = names[0]
    if collective or is_generic(first) or is_unit_like(first, prefixed=True):
        return [n for n, _ in names]
    if len(first) > 6 or not is_unit_like("区" + first):   # a stub such as 局 or 村局
        return None
    if last is not None and not any(u.endswith(first) for u in last):
        return None
    return [n for n, _ in names[1:]]


def dangling_tail_units(text: str, previous: str | None = None) -> list[str] | None:
    """Units of a block that is only the tail of the previous block's unit list
    (`村局、区科协、区妇联、区残联)`: a page joint printed the end of the list
    twice and closed it early). The leading stub (村局, 局) is dropped. None if
    it is no such tail. Pass the previous block's text when known: a tail
    follows a list that is already closed (otherwise it is an ordinary wrap).
    find_responsibilities already absorbs a tail that follows in the same text."""
    if previous is None:
        return _tail_units(text, None)
    before = find_responsibilities(previous)
    if not before or before[-1].span[1] < len(previous.rstrip()) or _excess_closers(fold(previous)) < 0:
        return None
    return _tail_units(text, before[-1].lead + before[-1].participants)


def is_dangling_tail(text: str, previous: str | None = None) -> bool:
    return dangling_tail_units(text, previous) is not None


# --- prose -----------------------------------------------------------------------------------

_NUMBERING = r"(?:\(\s*[一二三四五六七八九十\d]+\s*\)|\d+[.、]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百零〇\d]+条)"
_ENUM = re.compile(rf"\s*{_NUMBERING}\s*")
# 牵头 before 单位/部门 names the lead offices as a class (省政府各牵头部门要…): no one leads there.
_BY_LEAD = re.compile(r"由(?P<x>[^由,;。]{2,40}?)(?:负责)?牵头(?!单位|部门)")
_SUBJECT_LEAD = re.compile(r"^(?P<x>[^由,;。]{2,40}?)(?:负责牵头|牵头负责|牵头组织|牵头(?!单位|部门))")
_MANNER = r"(?:依职权|依法|按职责|按照职责(?:分工)?|主要|具体|共同|分别|自行|统筹)?"      # 行政审批部门依职权负责…
# 负责人, 负责同志 are people (各单位主要负责人要…); 负责人工影响天气, 负责人口普查 are duties.
_IN_CHARGE = r"同志|人(?![工口才事防])"
_BY_DUTY_PROSE = re.compile(rf"由(?P<x>[^由,;。]{{2,40}}?){_MANNER}(?<!所)负责(?!牵头|制|{_IN_CHARGE})")
# What a body is given to do besides 负责 (由市人民政府公布, 由县市场监管局督促…); none of them
# opens the rest of an office's name (审批 would: 行政审批局).
# A 通告's penalty clause names the enforcer the same way: …的，由公安机关责令改正/予以制止/给予警告/依法处理.
_ACT_VERB = (r"(?:批准|审核|审定|核准|核定|颁发|核发|办理|受理|督促|查处|公布|确定|发布|印制|认定|协调|编制|决定|划定"
             r"|提出|明确|处理|处罚|责令|予以|给予|处以|没收|酌情|指挥(?![部所长]))")
# 编制委员会, 协调办公室: a verb opening the rest of an office's name, not what the office does.
_OFFICE_AFTER = r"委员会|委|办公室|办|中心|局|小组"
# 由X在…划定, 由X对…审核, 由X组织实施, 由X公布, 由X或Y提出申请 (who applies): the agent of a passive duty,
# named before what it does.
# 所需经费由县财政承担: who pays answers for it too.
_BY_ACT = re.compile(rf"由(?P<x>[^由,;。]{{2,60}}?){_MANNER}"
                     rf"(?=在|对|将|按|依|根据|统一|会同|组织|统筹|承担|负担|分担|解决|列支|{_ACT_VERB}(?!{_OFFICE_AFTER}))")
# A 办法's procedure, step by step: 报县级人民政府批准，县级宗教事务部门办理登记手续 — who approves and
# who then registers or issues act too.
_APPROVED_BY = re.compile(r"^报(?:经|请)?(?P<x>[^由,;。]{2,20}?)(?:批准|审批|核准)$")
_THEN_BY = re.compile(r"^(?P<x>[^由,;。]{3,20}?)(?=办理|登记|核发|颁发|发给)")
_WITH_DUTY = re.compile(r"^(?P<x>[^由,;。]{2,40}?)(?:协同|配合|会同)(?P<y>[^由,;。]{2,30}?)(?:共同)?负责")
# 所负责的工作 is what one is in charge of (a noun phrase), not a duty given; 主管 (in 办法 and 规定:
# 市建设委员会主管本市…工作) gives one, 主管部门 names an office; so does 领导 before what is led
# (县级以上人民政府领导本行政区域内的…工作), not 领导小组 or 在区委领导下; 负责制 names a system.
_DUTY_VERB = (rf"(?:(?<!所)负责(?!牵头|制|{_IN_CHARGE})|主管(?!部门|单位|机关|机构|领导|副)"
              r"|(?:统一)?领导(?=本|全[省市区县]|辖区))")
# X对本行政区域内的…工作实施统一监督管理: the stock phrase of a 办法 giving a body its remit.
_REMIT = r"对[^,;。]{1,40}?(?:实施|进行|行使)(?:统一)?(?:监督管理|监督|管理)"
# A 通告's penalty clause: 生态环境部门对当事人处以罚款 — the department that punishes acts.
# …的，公安机关将依据《治安管理处罚法》进行处罚: the law it punishes by, then the penalty.
_PENALTY = r"对[^,;。]{1,30}?(?:处以|给予|予以)|将?依(?:据|照)[^,;。]{1,80}?(?:处罚|查处)"
_SUBJECT_DUTY = re.compile(rf"^(?P<x>[^由本,;。]{{3,30}}?(?:{_SHORT_NAME.pattern})?){_MANNER}"
                           rf"(?:{_DUTY_VERB}|{_REMIT}|{_PENALTY})")
# A subject holding these is a clause, not a list of offices (按照职责分工, 请求, 的).
_NOT_SUBJECT = re.compile(r"按|请|明确|或|的|、$|^[(\[〔]")
_WITH = re.compile(r"^会同(?P<y>[^,;。]+?)" + _ETC.pattern)
_AND = re.compile(r"(?<=[局委办部院会联协心关队站社所室组府门构位司团处科厅])(?:和|及|与)(?=[区县市])")
# 办公室设在X, 将…职责划归X: the office that is to hold a body or a duty, closing the clause.
# 指挥部下设办公室在县林草局: 在 alone says the same.
_HELD_BY = re.compile(r"(?:(?:办公室|秘书处)(?:设在|设于|在)|划归|划入|交由)(?P<x>[^由,;。]{2,30})$")
# 联席会议由A、B、C组成，负责…: the members of a body that is given a duty share it.
_MADE_OF = re.compile(r"由(?P<x>[^由,;。]{2,80}?)(?:等(?:部门|单位)?)?(?:共同)?组成$")
# 成立X领导小组，统一领导…: the body set up does what the next clause says.
_SET_UP = re.compile(r"^(?:成立|组建|设立)(?P<x>[^,;。]{2,40}?(?:领导小组|工作小组|指挥部|委员会))$")
_SET_UP_DUTY = re.compile(r"\s*(?:统一|负责|统筹|全面)")
# 实行各级人民政府行政领导负责制: the government whose head answers for the work answers for it.
_ANSWERS = re.compile(r"实行(?P<x>[^,;。]{2,20}?)(?:行政(?:领导|首长)|主要领导|党政(?:主要)?领导)负责制")
# X为该项工作的牵头单位, A、B为协办单位: a role given by naming it; in a 办法, X是本市公园行政主管部门,
# X是…的监督管理机关 and X为…的责任主体 (whatever qualifies the role).
_ROLE_IS = re.compile(r"^(?P<x>[^由,;。]{2,80}?)(?:为|是)[^,;。]{0,24}?(?P<role>"
                      + "|".join(sorted(LEAD_LABELS + ROLE_LABELS + ("主管部门", "主管机关", "监督管理机关", "监督管理部门", "责任主体"), key=len,
                                        reverse=True))
                      + r")$")


# 由包片单位县文广局督促…: the role a unit holds, set before its name, is no part of it.
_ROLE_APPOSITION = re.compile(r"^(?:包[片村点户保联]|牵头|责任|主责|配合|帮扶|结对)(?:单位|部门)(?=[省市县区乡镇州旗])")


def _prose_names(x: str, short: bool = False) -> list[tuple[str, bool]] | None:
    """Units of a prose subject (`A、B和C`), or None unless all look like offices. `short`: a
    subject with no 由 before it must be short or prefixed, unless it defines its abbreviation
    (国土资源与房产行政主管部门（以下简称国土房产部门）负责…: a name, however long)."""
    x = _ROLE_APPOSITION.sub("", x)
    f = fold(x)
    short = short and not _SHORT_NAME.search(f)
    if _level_body(f):
        return [(x, True)]
    if _NOT_SUBJECT.search(f) or sum(c in OPEN for c in f) != sum(c in CLOSE for c in f):
        return None
    names = []
    for part in _AND.split(x):     # 市人民政府办公厅和县（市）、区人民政府办公室: an office, then a level body
        names += [(part, True)] if _level_body(fold(part)) else _names(part)
    # 所在地乡(镇)人民政府: a collective by role, however long, is no clause either
    ok = names and all(c or ((len(n) >= 3 or is_generic(n)) and is_unit_like(n) and (not short or len(n) <= 8
                                                                   or is_unit_like(n, prefixed=True) or is_generic(n)))
                       for n, c in names)
    return names if ok else None


# What ends the subject of a duty: a modal (要, 应当, 须 …), 负责 or 将 (will); after 请, also a
# time or an object (请各单位于3月9日前报送, 请各事涉部门对问题进行整改).
# 应 only before what a duty opens with: 应急管理局, 相应, 适应 hold no modal.
_SHOULD = (r"(?<![相响适供反对呼效理感顺报回答])应(?=于|在|按|及时|严格|认真|组织|加强|建立|做好|制定|依法|根据|结合"
           r"|积极|切实|主动|采取|配合|会同|对照|确保|落实|指定|定期|向)")
_MODAL = (rf"(?<![主重需简只必概纲摘提])要(?!求|点|素|件)|应当|{_SHOULD}|须|务必|必须"
          rf"|{_MANNER}(?<!所)负责(?!{_IN_CHARGE})|将(?![来近其之要会以被])")
_PEOPLE = re.compile(r"(?:领导|负责人|责任人|同志|人员|个人)$")       # 各责任领导, 工作人员: people, not offices
_ACTS = re.compile(r"推动|推进|督促|指导|支持|鼓励|引导|要求|组织|协调|加强|建立|完善|落实|确保")
# 各乡镇在节假日来临前，要…; 县发改局等牵头部门，要…: the subject may be set off by a comma or a time,
# or by whose lead it works under (X在同级人民政府领导下，负责…).
# …的乡镇原则上到2021年底要…: a hedge and a year's time limit too.
_PAUSE = (r"(?:\s*,\s*(?=要|应|须|务必|必须|在)|\s*)(?:在[^,;。]{1,20}?(?:前|后|中|下|期间|时)\s*,?\s*)?"
          r"(?:原则上)?(?:(?:到|在|于)\d{4}年[^,;。]{0,4}?(?:底|前|内)\s*)?")
_FORMULA = "贯彻执行|遵照执行|贯彻落实|组织实施"      # a request's closing words: its sentence ends there
_COLLECTIVE_SUBJECT = re.compile(rf"(?:^|(?<=[。;!,])|(?P<formula>(?<={_FORMULA})))\s*(?:{_NUMBERING}\s*)?(?P<asked>请)?"
                                 rf"(?P<x>(?:本[市区县旗](?=各))?(?:(?!{_FORMULA})[^由本,;。:]){{2,60}}?)"
                                 rf"[既也都还均]?{_PAUSE}(?:{_MODAL}|按照?职责分工"
                                 r"|(?(asked)(?:于|对|在|按|认真|立即|尽快|及时|抓紧|精心|高度重视|切实|严格|积极)|(?P<dated>于)(?=\d{4}年|\d{1,2}月|每))"
                                 r"|对(?=[^。;]{1,40}?负(?:总)?责)"      # X对…负总责: X answers for it
                                 # X适时听取…, X定期调度…: a standing duty, its timing word before the act
                                 r"|(?:适时|定期|不定期)(?=[\u4e00-\u9fff])"
                                 # X每季度对…进行一次督查: a standing duty, its recurrence before it
                                 r"|每(?:年|半年|季度|月|周)(?=对[^。;]{1,60}?(?:进行|开展|实施))"
                                 r"|按(?:照)?(?:各自)?(?:职责|职能)"      # X按照职责分工…: X acts by its remit
                                 # X按照属地管理的原则，制定…: the principle it acts on, then the act (not a
                                 # quoted slogan: 按照“谁主管谁负责”原则 stays a clause, _CLAUSE_WORDS)
                                 r"|按照?(?=[^,;。“”\"《]{1,30}?(?:原则|要求|部署)\s*,)"
                                 r"|结合(?:本地|当地|各自|自身)?实际"      # X结合实际制定…: X acts
                                 # X根据本行政区域内…，划定…: what it goes by, then the act
                                 r"|根据(?=[^,;。“”\"《]{2,40}?\s*,)"
                                 # 乡镇人民政府设立森林防火指挥所: who sets a body up acts
                                 r"|(?:设立|成立|组建)(?=[^,;。]{2,20}?(?:指挥所|指挥部|领导小组|工作组|办公室)\s*[,;。]))")


# `民政、卫生健康、教育等部门要…`: a subject naming departments by their functions; 等部门 says
# they are offices, so each takes part, named as written (等行政部门 too), and a collective may
# join them (…等部门和有关军事机关应当…).
# 财政、农业农村主管部门分别…: the same, the last function carrying the shared head (split as written).
# 县发改、住建等相关职能部门要…: 职能部门 says so in words.
_FUNCTION_SUBJECT = re.compile(
    rf"(?:^|(?<=[。;!,:]))\s*(?:{_NUMBERING}\s*)?(?:(?P<x>[\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}})+)等(?:[^,;。、]{{0,16}}的|相关|有关)?"
    r"(?:行政|主管|行政主管|职能)?(?:部门|单位)(?:、单位)?(?:(?:和|及|以及)(?P<also>(?:有关|相关|各)[\u4e00-\u9fff]{2,10}?))?"
    r"|(?P<shared>(?![有相各其本该])(?:[\u4e00-\u9fff]{2,8}、)*[\u4e00-\u9fff]{2,6}?(?:主管|行政|管理)部门))"
    rf"\s*,?\s*(?={_MODAL}|按|依照|依据|分别|共同|互相|相互|(?P<lead>牵头(?!单位|部门)))")


# 机关、学校、幼儿园等要…, 广播、电视、网络等媒体要…: kinds of bodies listed and closed by 等 (and
# the kind they share), no 部门 or 单位 after it: each kind is a collective, named as written.
_KINDS_SUBJECT = re.compile(
    rf"(?:^|(?<=[。;!,:]))\s*(?:{_NUMBERING}\s*)?(?P<x>[\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}})+)"
    r"等(?:新闻)?(?:媒体|企业|机构|场所)?\s*,?\s*(?=要(?!求)|应当|必须|须)")


def find_listed_kinds(text: str) -> list[Responsibility]:
    """Subjects `A、B等要…`, A and B kinds of bodies (学校, 媒体): collectives."""
    out = []
    for m in _KINDS_SUBJECT.finditer(fold(text)):
        names = text[m.start("x"):m.end("x")].split("、")
        if not any(_ACTS.match(n) or _PEOPLE.search(n) for n in names):
            roles = _Roles()
            roles.put([(n, True) for n in names], lead=False)
            out.append(_result(text, (m.start("x"), m.end()), roles, "kinds"))
    return out


def find_function_duties(text: str) -> list[Responsibility]:
    """Subjects `A、B等[相关]部门` of a duty, A and B functions (财政, 劳动保障) rather than offices;
    `A、B等部门牵头…` labels them the leads."""
    out = []
    for m in _FUNCTION_SUBJECT.finditer(fold(text)):
        group = "x" if m.group("x") else "shared"
        names = [(n, False) for n in text[m.start(group):m.end(group)].split("、")]
        # 推动各地… opens a clause; 组织 standing alone in the list names a function (组织、人事等部门)
        if not any(_ACTS.match(n) and _ACTS.match(n).end() < len(n) or _PEOPLE.search(n) for n, _ in names):
            roles = _Roles(lead_labelled=bool(m.group("lead")))
            if group == "x":
                also = [(text[m.start("also"):m.end("also")], True)] if m.group("also") else []
                roles.put(names + also, lead=roles.lead_labelled)
            else:       # 农业农村主管部门 here is one function's office, not 主管部门 at large
                bucket = roles.lead if roles.lead_labelled else roles.participants
                bucket += list(dict.fromkeys(n for n, _ in names))
            out.append(_result(text, (m.start(group), m.end()), roles, "functions"))
    return out


# A text layer that lost every mark (。，；, the 、 of a list too).
MARKS = re.compile(r"[。，,；;：:！？!?、]")
# Where the lost 。 would stand before a duty's subject: a body named with its level (区X委员会, 各镇人民政府,
# 区X等部门) and then its duty (负责, 应当, 是…). Not a name an abbreviation defines (以下简称X负责…: the
# sentence goes on), nor a level within a word or a name (本区X, 区市X委: the name opens at 区), nor 各自.
UNMARKED_SUBJECT = re.compile(r"(?<![本全该我称区县市省州旗])(?P<x>(?:[区县市省州旗]|各(?!自))(?:(?!以下|简称)[\u4e00-\u9fff]){1,20}?"
                              r"(?:委员会|委|局|人民政府|政府|办公室|部门|中心|办事处))(?=负责|应当|应|是|要|必须)")


def _unmarked_subject(text: str) -> re.Match | None:
    """The body a statement of a text that lost every mark opens with (区X委是…, 第五条区X局负责…), as
    the cut before it found it."""
    if MARKS.search(text):
        return None
    e = _ENUM.match(text)
    return UNMARKED_SUBJECT.match(text, e.end() if e else len(text) - len(text.lstrip()))


def unmarked_subject(text: str) -> Responsibility | None:
    """That body, as a participant (a collective if it is one); None where there is none, or the
    name runs several together (区A B C等部门: the 、 between them lost, no reader can part them)."""
    m = _unmarked_subject(text)
    if not m or "等" in m.group("x"):
        return None
    roles = _Roles()
    roles.put([(m.group("x"), is_generic(m.group("x")))], lead=False)
    return _result(text, m.span("x"), roles, "prose")


def unmarked_run_of_names(text: str) -> bool:
    """A statement of a text that lost every mark whose subject runs names together (区A B C等部门应…):
    who is meant cannot be read, so it is reported, not dropped."""
    m = _unmarked_subject(text)
    return bool(m) and "等" in m.group("x")


# A kind of body (运输企业, 临街单位, 个体工商户, 经营者): a class the rules bind, named by its trade; not a
# clause (事发后…单位, …的单位, A与B, X等单位: other readers' or no one's), save one that says it names a
# class (各类提供…服务的经营者).
_TRADE = r"(?:(?![的等后与时各其])[\u4e00-\u9fff])"
_KIND_OF_BODY = re.compile(rf"^(?:{_TRADE}{{2,10}}(?:企业|单位|委员会)|{_TRADE}{{0,10}}(?:经营者|个体工商户)"
                           r"|各类[^,;。]{1,20}的(?:经营者|企业|单位))$")
# 机关、团体、社区…: a kind named by its bare noun, which says it is a kind only among others listed.
_BARE_KIND = re.compile(r"^(?:机关|团体|社区|宾馆|饭店)$")
# One name of the list: 各类…的X whole (its clause may list things itself: 提供喜庆、丧葬活动的), or the
# words up to the next 、/和/及.
_LISTED_NAME = re.compile(r"各类[^,;。]{1,20}?的(?:经营者|企业|单位)|(?:(?!以及)[^、和及])+")
# People listed with them (车属单位负责人, 车辆所有者, 驾驶员): not units, left out.
_PERSON_END = re.compile(r"(?:人|员|者)$")
# 县域内各机关、团体…, 县城范围内的宾馆、饭店…: where the kinds are, shared by the list, is no part of its first name.
_KIND_SUBJECT = re.compile(r"(?:^|(?<=[。;!:]))\s*(?:{n}\s*)?(?:[\u4e00-\u9fff]{{1,6}}?(?:范围内|域内|辖区内|境内)的?各?)?"
                           r"(?P<x>[^由本,;。:“”《》]{{2,40}}?)"
                           r"(?:是[^,;。]{{0,24}}?责任主体|\s*,?\s*(?:必须|应当|要(?!求)|须))".format(n=_NUMBERING))


def _kinds(names: list[str]) -> list[str]:
    """The kinds of body a subject's list names, bare nouns only where it lists several."""
    return [n for n in names if _KIND_OF_BODY.match(n) or len(names) > 1 and _BARE_KIND.match(n)]


def find_kind_duties(text: str) -> list[Responsibility]:
    """`运输企业是道路交通安全的责任主体`, `客运企业必须…`, `临街单位和个体工商户，要…`,
    `县域内各机关、团体、物业服务企业，要…`: rules binding kinds of body; each kind is a collective
    (people listed with them are left out)."""
    out = []
    for m in _KIND_SUBJECT.finditer(fold(text)):
        names = _LISTED_NAME.findall(text[m.start("x"):m.end("x")])
        kinds = _kinds(names)
        if kinds and all(n in kinds or _PERSON_END.search(n) and len(n) <= 8 for n in names):
            roles = _Roles()
            roles.put([(n, True) for n in kinds], lead=False)
            out.append(_result(text, m.span("x"), roles, "collective"))
    return out


# A place's own name before its level: 兴庆区, 紫阳县 (区政府办公室 is then named in full).
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?=[区县市旗州盟])")


def _in_full(name: str) -> bool:
    """An office named with its level (区政府督查室), or its place too (兴庆区政府办公室)."""
    return is_unit_like(name, prefixed=True) or is_unit_like(_PLACE_NAME.sub("", name), prefixed=True)


def _listed_in_full(names: list[tuple[str, bool]]) -> list[bool]:
    """Which offices of a subject's list are named in full: a later one may drop the level the
    first gives (县农业局、财政局将…: the county's 财政局)."""
    first = bool(names) and not names[0][1] and _in_full(names[0][0])
    return [_in_full(n) or (first and k > 0 and not c and names_an_office(n)) for k, (n, c) in enumerate(names)]


# Levels that share one body's name: 市、县(区)…, 市、区县…, 县、乡镇两级….
_LEVELS = re.compile(r"^(?:[省市县区乡镇旗]{1,2}(?:\([省市县区乡镇旗]{1,2}\))?、)+[省市县区乡镇旗]{1,2}(?:\([省市县区乡镇旗]{1,2}\))?"
                     r"(?:[两三四五]级|各级)?")


def _level_body(x: str) -> bool:
    """市、县(区)人民政府法制机构, 省、市、县三级财政: the body of each level named (a collective), not
    市 and an office."""
    m = _LEVELS.match(x)
    return bool(m) and m.end() < len(x) and names_an_office(x)


def _collective(name: str) -> bool:
    """各镇, 各有关部门, 牵头单位: a collective, not a clause the generic words end (…工作日内)."""
    return is_generic(name) and (name.startswith("各") or names_an_office(name))


# 重点区域所涉及的乡镇, 有任务的单位: collectives a relative clause defines.
_DEFINED_COLLECTIVE = re.compile(r"^[^,;。]{2,20}的各?(?:乡镇|乡|镇|街道|村|社区|单位|部门)(?:[(（][^()（）]{1,6}[)）])?$")
# 将约束性指标分解落实到各区县: who a target is handed down to answers for it.
_HANDED_TO = re.compile(r"分解(?:落实)?(?:到|至|给)(?P<y>[^,;。]{2,20}?)(?=[,;。]|$)")
_LEAD_ROLE = re.compile(r"等(?:牵头|主责)(?:责任)?(?:单位|部门)$")
# X要会同Y对…, X将组织Y对…, X应组织A、B等部门，协调C等单位…: who the subject brings in act with it.
_PARTNER = re.compile(r"\s*,?\s*(?:会同|组织|协调)(?P<y>[^,;。]{2,60}?)(?:等(?P<etc>部门|单位)?)?"
                      r"(?=针对|对|在|就|按|共同|研究|做好|开展|制定|进行|加强|[,;。]|$)")


def _partners(text: str, t: str, pos: int) -> tuple[list[tuple[str, bool]], int]:
    """(names, end) of the partners a subject brings in from t[pos] on, clause after clause: offices
    and collectives, or any name of a list closed by 等部门 (functions named as departments)."""
    names, end = [], pos
    while p := _PARTNER.match(t, end):
        found = [(n, c) for n, c in _names(text[p.start("y"):p.end("y")])
                 if p.group("etc") or names_an_office(n) or is_generic(n)]
        if not found:
            break
        names, end = names + found, p.end()
    return names, end


# What no name of a subject holds: 按照, a quotation (各行业主管部门按照“三管三必须”…).
_CLAUSE_WORDS = re.compile(r"按照|[“”\"《]")
# 本市各级行政执法机关（包括…，…）应当…: a note in brackets, commas inside, is no part of the name.
_NOTE_IN_SUBJECT = re.compile(r"\([^()]*[,;。][^()]*\)")


# 项目实施结束后各镇（街）要…: when the duty falls, set before its subject, is no part of it;
_WHEN_BEFORE = re.compile(r"^[^、,，]{2,20}?(?:之后|以后|后|之前|以前|前|期间|时)(?=各)"
                          r"|^除(?=[^,;。]{2,20}?以外的)")      # 除城区以外的乡镇: 除 is no part of the name


# 包村领导、包村干部组成的督导组要…: a body its text sets up by its members, named as the members
# make it (a unit, not the people in it).
_FORMED_OF = re.compile(r"^[^,;。的]{2,30}?(?:组成|构成)的(?=[^的、]{2,20}$)")


# 督查室要…, 考核办要…: an office inside the issuing government, named bare as a sentence's subject
# (a bare bureau, 水务局, may be any level's: a kind of office).
_OWN_OFFICE = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:室|办)$")


# …、森林经营单位及个人要…: people the rule binds with the bodies are no units.
_PEOPLE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff)])(?:及|和|以及)(?:其他)?(?:个人|群众|居民|村民|农户)$")


# A role or qualifier that a head noun after 和 completes (各牵头和责任部门: 牵头部门 and 责任部门).
_QUALIFIER_END = re.compile(r"(?:牵头|责任|配合|协办|参与|相关|有关|主管|成员)$")


def _and_as_list(x: str) -> str:
    """A subject's 和 as a list mark where it joins names (各镇和各部门), not where it joins two
    qualifiers of one head (各牵头和责任部门: the lead and the responsible departments, one collective)."""
    parts = x.split("和")
    out = parts[0]
    for part in parts[1:]:
        out += ("和" if _QUALIFIER_END.search(out) else "、") + part
    return out


# 三、各村增派专员…: a part opening with collectives and their act, no modal (the imperative of a
# notice's numbered points).
_PART_SUBJECT = re.compile(rf"^\s*(?:{_NUMBERING}\s*)?(?P<x>各[\u4e00-\u9fff]{{0,4}}?(?:村|社区|乡镇|镇|乡|街道|部门|单位))"
                           r"(?=增派|加强|做好|开展|组织|落实|建立|安排|实行|严格|加大)")


def find_collective_duties(text: str) -> list[Responsibility]:
    """`各牵头单位要…`, `各级政府及其工作部门、法院要…`, `旗政府督查室要…`: a sentence
    (or, for collectives, a clause) whose subject is collectives or offices named in full
    (区X局) names who must act; so does 分解落实到各区县 (who work is handed down to)."""
    t = fold(text)
    masked = _NOTE_IN_SUBJECT.sub(lambda g: "#" * len(g.group()), t)
    out = []
    for m in _COLLECTIVE_SUBJECT.finditer(masked):
        x = "".join(c for c, k in zip(text[m.start("x"):m.end("x")], m.group("x")) if k != "#")
        role = _LEAD_ROLE.search(x)     # A、B等牵头部门: A and B lead
        x = _PEOPLE_AFTER.sub("", _WHEN_BEFORE.sub("", x[:role.start()] if role else x))
        formed = _FORMED_OF.match(x)
        x = x[formed.end():] if formed else x
        names = [(x, True)] if _level_body(t[m.start("x"):m.end("x")]) else \
            _names(_and_as_list(x.replace("及其", "、")))
        if not names or _PEOPLE.search(names[-1][0]) or _ACTS.match(names[0][0]):
            continue        # …主要负责同志要: people; 推动各级政府将…: a clause, no subject
        # 相关部门和单位: a bare 单位 shares the qualifier before it; 各行业主管部门按照“…”: a clause
        if any(_CLAUSE_WORDS.search(n) for n, _ in names):
            continue
        names = [(n, c or bool(_DEFINED_COLLECTIVE.search(n))) for n, c in names
                 if not _PEOPLE.search(n) and n not in ("单位", "部门")]
        # 各乡镇、旅游景区要…: 各 distributes over the list; a later place or kind of body with no
        # level is each one's (a named body, 青松岭林场, is one)
        if names and names[0][0].startswith("各"):
            names = names[:1] + [(n, c or not _in_full(n) and (not names_an_office(n) or bool(_KIND_OF_BODY.match(n))))
                                 for n, c in names[1:]]
        if m.group("formula") is not None and not all(named_as_one(n) for n, _ in names):
            continue        # after a request's closing formula whose stop the copy lost: collectives named as one
        start = m.start("x")
        head = _collective_head(text, t, start)
        if head:        # 各市政府，X示范区、Y管委会要…: one subject listed across a comma
            start, names = head[0], head[1] + names
        offices = all(c or (names_an_office(n) or is_generic(n) or head and is_unit_like(n)) and len(n) <= 24
                      and "的" not in n for n, c in names)
        # After a comma, collectives or offices named in full (…，县政府督查室将…) open a subject; an
        # office with a date alone only when it is a deadline (…报送区X中心，区X中心于7月份前确定…):
        # the date it acts on or from reports what it did (根据…安排，县专项办于2023年7月26日起对…督查).
        full = _listed_in_full(names)
        after_comma = t[:start].rstrip().endswith(",")
        if after_comma and not all(
                _collective(n) or c and _collective(names[0][0]) or _DEFINED_COLLECTIVE.search(n)
                or not c and names_an_office(n) and in_full
                and (m.group("dated") is None or _time_limit_at(t, m.end("dated"))) for (n, c), in_full in zip(names, full)):
            continue
        if names and offices and (role or formed or any(c or is_generic(n) for n, c in names) or all(full)
                                  or not after_comma and all(_OWN_OFFICE.search(n) for n, _ in names)):
            roles = _Roles(lead_labelled=bool(role))
            roles.put(names, lead=bool(role))
            partners, end = _partners(text, t, m.end())
            roles.put(partners, lead=False)
            out.append(_result(text, (start, end), roles, "collective"))
    p = _PART_SUBJECT.match(t)
    if p and not any(r.span[0] <= p.start("x") < r.span[1] for r in out) and _collective(p.group("x")):
        roles = _Roles()
        roles.put([(text[p.start("x"):p.end("x")], True)], lead=False)
        out.append(_result(text, p.span("x"), roles, "collective"))
    for m in _HANDED_TO.finditer(t):
        names = _names(text[m.start("y"):m.end("y")])
        if all(_collective(n) or is_unit_like(n, prefixed=True) for n, _ in names):
            roles = _Roles()
            roles.put(names, lead=False)
            out.append(_result(text, m.span(), roles, "collective"))
    return sorted(out, key=lambda r: r.span)


def _time_limit_at(t: str, i: int) -> bool:
    """A time limit opens t[i:] (6月底前, 每年第1季度), not a date it starts on (2023年7月26日起)."""
    return any(d.span[0] == 0 for d in find_deadlines(t[i:i + 20]))


def _collective_head(text: str, t: str, i: int) -> tuple[int, list[tuple[str, bool]]] | None:
    """(start, names) of a clause of collectives alone opening the sentence before the comma
    before t[i] (各省辖市政府，…): the first part of a subject listed across the comma."""
    before = t[:i].rstrip()
    if not before.endswith(","):
        return None
    comma = len(before) - 1
    start = max(t.rfind(c, 0, comma) for c in "。;!?") + 1
    while start < comma and t[start].isspace():
        start += 1
    names = _names(text[start:comma])
    # name-shaped collectives only: 请各单位于3月9日前报送… is a clause, though it names 各单位, and so
    # is 各申报主体要对材料负责 (a duty of its own)
    if "," in t[start:comma] or re.search(_MODAL, t[start:comma]) or not names or not all(_collective(n) and is_unit_like(n) and len(n) <= 16
                                                     for n, _ in names):
        return None
    return start, names


def find_prose_assignments(text: str) -> list[Responsibility]:
    """Assignments in running text: 由X牵头[，会同Y等…], X负责牵头, X牵头组织 (X
    leads); 由X负责, clause-initial X负责, 由X在/对/组织/公布…, 报X批准[，Y办理…] (X participates). Not: 社会同步 (会同 is read
    only right after a lead), 由相关部门负责…组成 (a composition), 责任单位每年向…."""
    t = fold(text)
    clauses = split_top(text, ",;。!?:")
    depth, inside = 0, []
    for c in t:
        inside.append(depth > 0 or c in OPEN)
        depth = max(0, depth + (c in OPEN) - (c in CLOSE))
    out, approved = [], False
    for k, (a, b) in enumerate(clauses):
        if a < len(t) and inside[a]:   # parentheticals are find_responsibilities' business
            continue
        after_approval, approved = approved, False
        e = _ENUM.match(t, a, b)
        a = e.end() if e else a
        clause = t[a:b]
        w = _WITH_DUTY.search(clause)
        names = w and _prose_names(text[a + w.start("x"):a + w.end("x")] + "、" + text[a + w.start("y"):a + w.end("y")])
        if names:       # A、B协同C负责: all of them take part
            roles = _Roles()
            roles.put(names, lead=False)
            out.append(_result(text, (a + w.start(), a + w.end()), roles, "prose"))
            continue
        r = _ROLE_IS.match(clause.rstrip())
        names = r and _prose_names(text[a + r.start("x"):a + r.end("x")])
        if names:
            roles = _Roles(lead_labelled=r.group("role") in LEAD_LABELS)
            roles.put(names, roles.lead_labelled)
            out.append(_result(text, (a, a + r.end()), roles, "role"))
            continue
        made = _MADE_OF.search(clause.rstrip())
        duty = made and k + 1 < len(clauses) and t[clauses[k + 1][0]:clauses[k + 1][1]].lstrip().startswith("负责")
        names = duty and _prose_names(text[a + made.start("x"):a + made.end("x")])
        if names and not any(_PEOPLE.search(n) for n, _ in names):     # 由有关部门负责人组成: people
            roles = _Roles()      # members named without a level (监察部门, 政府办公厅) are kinds of office
            roles.put([(n, c or not is_unit_like(n, prefixed=True)) for n, c in names], lead=False)
            out.append(_result(text, (a + made.start(), a + made.end()), roles, "members"))
            continue
        up = _SET_UP.match(clause.strip())
        names = up and k + 1 < len(clauses) and _SET_UP_DUTY.match(t, clauses[k + 1][0]) \
            and _prose_names(text[a + up.start("x") + len(clause) - len(clause.lstrip()):
                                  a + up.end("x") + len(clause) - len(clause.lstrip())])
        if names:
            roles = _Roles()
            roles.put(names, lead=False)
            out.append(_result(text, (a, clauses[k + 1][1]), roles, "prose"))
            continue
        hit = None
        for pattern, lead, short in ((_BY_LEAD, True, False), (_SUBJECT_LEAD, True, True),
                                     (_BY_DUTY_PROSE, False, False), (_SUBJECT_DUTY, False, True),
                                     (_BY_ACT, False, True), (_HELD_BY, False, True), (_APPROVED_BY, False, True),
                                     (_ANSWERS, False, False),
                                     *([(_THEN_BY, False, True)] if after_approval else [])):
            m = pattern.search(clause)
            if not m or (not lead and clause.rstrip().endswith("组成")):
                continue
            x = text[a + m.start("x"):a + m.end("x")]
            # 由县直部门或乡镇提出申请: whichever of them acts, each answers for it
            names = _prose_names(x.replace("或", "、") if m.group().startswith("由") else x, short)
            if names:
                hit = (m, lead, names)
                break
        if not hit:
            continue
        m, lead, names = hit
        approved = m.re is _APPROVED_BY
        roles = _Roles(lead_labelled=lead)
        roles.put(names, lead)
        end = a + m.end()
        if m.re is _BY_ACT:     # 由X会同Y进行解释: whom the agent brings in acts with it
            partners, end = _partners(text, t, end)
            roles.put(partners, lead=False)
        if lead and k + 1 < len(clauses) and m.end() == len(clause.rstrip()):
            c0, c1 = clauses[k + 1]
            w = _WITH.match(t[c0:c1].lstrip())
            if w:
                off = c0 + len(t[c0:c1]) - len(t[c0:c1].lstrip())
                roles.put(_names(text[off + w.start("y"):off + w.end("y")]), lead=False)
                end = off + w.end()
        out.append(_result(text, (a + m.start(), end), roles, "prose"))
    return out
