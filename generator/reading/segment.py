"""Stage 4: document boundaries, read from the genre's head and end.

A document opens with a head: some of a letterhead (…文件), a 文号, the issuer
and a title (one to three lines that end in a document type or name one:
关于…的通知), usually followed by the addressees (主送, ending in ：). It ends
at the next head or at an imprint (…印发). A head is taken where the genre puts
one, never by its position in a file:
* addressees below a title or a 文号 (a notice), or opening the text (a notice
  whose copy lost its title);
* a title with a 文号, a letterhead or an issuer line beside it;
* a title opening the text, or standing right after the end of a document (a
  signature, 此件公开发布, an imprint), unless it is a policy the notice before
  it issues or an annex (附件1 above it).
Titles printed in a run of three or more with nothing between them are a
contents list, not heads. A paragraph that prints a 文号 glued to a title or to
the addressees (web copies lose line breaks) is cut in two first.

A notice that 印发s policies names them (《…》 in its sentence with 印发, else
in its title, else in its 附件 list, else the words between 印发 and 的通知);
after its signature each named policy starts at its title line; a policy whose
title line is missing starts right after the signature and takes the name.
An order (令: a number with no year, no addressees, 《X》已经…通过，现予(以)公布/发布 or
现发布《X》, the head of government's signature) is untitled, of type 令, and issues X the
same way; its number alone, above that sentence, heads it.
Text before the first head is a document without a title when it holds
numbered parts or a table (a copy that starts inside a document), else unplaced;
so is a news piece that reports the document below it (近日，X发布《T》).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.reading import genre
from generator.reading.lines import Para
from generator.reading.text import compact

HEAD_ROLES = ("letterhead", "doc_number", "issuer", "title", "part")
MAX_HEAD = 8


@dataclass
class Segment:
    kind: str                         # notice | order | policy | orphan
    paras: list[Para]                 # the body, head excluded
    head: list[tuple[str, Para]] = field(default_factory=list)   # (role, para) in order
    title: str | None = None
    issuer: str | None = None
    children: list["Segment"] = field(default_factory=list)
    meta: dict = field(default_factory=dict)   # values of the web page's metadata table

    @property
    def first(self) -> int:
        ps = [p for _, p in self.head] + self.paras
        return min(p.first for p in ps)

    @property
    def last(self) -> int:
        ps = [p for _, p in self.head] + self.paras
        return max(p.last for p in ps)


# --- paragraphs: glued heads cut, roles ------------------------------------------------

def _cut_at(p: Para, offsets: list[int]) -> list[Para]:
    bounds = [0, *offsets, len(p.text)]
    return [Para(p.text[a:b].strip(), p.first, p.last) for a, b in zip(bounds, bounds[1:])]


def _offset(text: str, compact_len: int) -> int:
    """Offset in `text` after its first `compact_len` non-space characters."""
    n = 0
    for i, c in enumerate(text):
        if not c.isspace():
            n += 1
            if n == compact_len:
                return i + 1
    return len(text)


def unglue(paras: list[Para]) -> list[Para]:
    """`鞍立政发〔2023〕2号立山区人民政府关于…的通知`, `…的通知 潭县发〔2025〕1 号`,
    `淮政办发〔2020〕1号各县区人民政府，…：现将…`, `（某政发〔1994〕3号）各州人民政府：`, a whole
    notice on one line with its parts set off by spaces, a signature run on into the title of what
    the notice issues: each part a paragraph of its own."""
    out: list[Para] = []
    todo = list(paras)
    while todo:
        p = todo.pop(0)
        parts = None if p.table or p.boundary else (_spaced(p) or _glued(p) or _signed_on(p, out))
        if parts:
            todo[:0] = parts
        else:
            out.append(p)
    return out


def _doubled(t: str) -> int | None:
    """Where the second copy starts of a title printed twice with no break between
    (a web page's heading, 《T》 or T, joined to the document's own T as one wrap)."""
    if len(t) > 320 or not genre.doc_type(t):
        return None
    return next((c for c in range(4, len(t) - 3) if same_title(t[:c], t[c:]) and _title_text(t[:c])), None)


def _glued(p: Para) -> list[Para] | None:
    t = compact(p.text)
    c = _doubled(t)
    if c:
        return _cut_at(p, [_offset(p.text, c)])
    for start, end in genre.doc_number_spans(t, _title_text):
        after = t[end:]
        if after and not (_title_text(after) or _addressee_head(after) or after.startswith("《")
                          or t[start] in "（(" and genre.is_addressee(after)):     # （某政发〔1994〕3号）各州人民政府：
            continue
        cuts = [c for c in (start, end) if 0 < c < len(t)]
        if cuts:
            return _cut_at(p, [_offset(p.text, c) for c in cuts])
    a = _addressee_head(t)
    if a and a < len(t) and not genre.is_addressee(t):
        return _cut_at(p, [_offset(p.text, a)])
    m = _LETTERHEAD_FIRST.match(t)
    if m and _TITLE_START.match(t[m.end():]):      # 某某省政府文件某某省人民政府关于…: the letterhead, then the title
        return _cut_at(p, [_offset(p.text, m.end())])
    a = _addressed_title(t)
    if a:                                         # 关于…的通知各乡镇人民政府：: the title, then the addressees
        return _cut_at(p, [_offset(p.text, a)])
    m = _TRAILING_NUMBER.search(t)
    if m and m.start() and _caption(t[:m.start()]):         # a page heading: 2021年…任务(华政发〔2021〕2号)
        return _cut_at(p, [_offset(p.text, m.start())])
    m = _SIGNED.search(t)
    if m:           # …庄严承诺。淮安市人民政府办公室 2020年1月23日(此件公开发布)附件…
        cuts = [m.start("issuer"), m.end("issuer"), m.start("date"), m.end("date")]
        parts = _cut_at(p, [_offset(p.text, c) for c in cuts if c < len(t)])
        return [x for x in parts if re.search(r"\w", x.text)]      # not the ? a copy printed for a space
    m = genre.ORDER_NUMBER.match(t)
    if m and _title_text(t[m.end():]):        # 政府令【第135号】X办法: the order's number, then what it promulgates
        return _cut_at(p, [_offset(p.text, m.end())])
    cut = next((c for c in range(4, len(t) - 4) if genre.ORDER_NUMBER.fullmatch(t[c:]) and _title_text(t[:c])), None)
    if cut:                                   # X办法 某某人民政府令 第116号: what it promulgates, then the number
        return _cut_at(p, [_offset(p.text, cut)])
    m = _SIGNED_BY_HEAD.match(t)
    if m:                                     # an order's signature on one line: 自治区主席 陈 武 2016年12月6日
        return _cut_at(p, [_offset(p.text, m.start("date"))])
    words = p.text.split()
    if len(words) > 1 and (genre.is_date_line(words[-1]) or genre.is_garbled_date(words[-1])) \
            and all(genre.is_issuer(w) for w in words[:-1]):     # 某某县人民政府  2022年5月1日, a 督查通报's masthead
        return _cut_at(p, [_offset(p.text, len(t) - len(words[-1]))])      # line 某某督查室  2022年8月19 too
    m = _NOTE_OR_ANNEX.match(t)
    if m and m.end() < len(t) and (m.group("note") or _title_text(t[m.end():])):
        return _cut_at(p, [_offset(p.text, m.end())])
    cuts = _title_run_on(t)
    if cuts:
        return [x for x in _cut_at(p, [_offset(p.text, c) for c in cuts]) if not _PAGE_NUMBER.fullmatch(compact(x.text))]
    return None


# A page or chunk number a document site's text layer prints before the first line (1、, 1).
_PAGE_NUMBER = re.compile(r"\d{1,3}[、.．]?")


def _title_run_on(t: str) -> list[int] | None:
    """Where a title ends that runs straight into the document's own opening words (X实施方案为深入
    贯彻…, X办法第一章总则…: a text layer that lost its line breaks), after a page number the layer
    may print before it: the shortest title, with no punctuation, followed by such an opening."""
    m = _PAGE_NUMBER.match(t)
    start = m.end() if m and not re.match(r"\d", t[m.end():m.end() + 1]) else 0
    for c in range(start + 6, min(len(t) - 20, start + 80)):
        head = t[start:c]
        if re.search(r"[，,、：:《》“”]", head):
            return None
        if _OPENS_TEXT.match(t[c:]) and _title_text(head):
            return [x for x in (start, c) if x]
    return None


_LETTERHEAD_FIRST = re.compile(r"^\S{2,30}?(?:人民政府|政府|委员会|办公室|办公厅|委|公署|行署)文件")
# The kinds of document sent to addressees (主送): the title such a head ends in.
_ADDRESSED = ("通知", "通报", "意见", "决定", "批复", "函")


def _addressed_title(t: str) -> int | None:
    """Where a title ends that addressees follow on the same line (the copy lost the break):
    the longest title of an addressed kind before a list of addressees, each naming a body or
    a collective (not 根据…的通知要求，…，现就有关事项通知如下：, a sentence)."""
    if not genre.is_addressee(t) or t.startswith("各"):
        return None
    return next((c for c in range(len(t) - 6, 3, -1) if genre.doc_type(t[:c]) in _ADDRESSED
                 and _title_text(t[:c]) and genre.is_addressee(t[c:])
                 and all(genre.ADDRESSEE_WORDS.search(x) for x in re.split(r"[，,；;]", t[c:]))), None)


# A signature's issuer and date, written together: 某市人民政府2015年8月10日
_SIGNER = r"(?P<issuer>(?:中共)?[\u4e00-\u9fff]{2,30}?(?:人民政府|政府|办公室|办公厅|委员会|局|委))"
_SIGNED_DATE = r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)"
# A signature opening a paragraph and running on.
_SIGNED_FIRST = re.compile(rf"^{_SIGNER}{_SIGNED_DATE}(?=\S)")


def _signed_on(p: Para, before: list[Para]) -> list[Para] | None:
    """A notice's signature run on into the title of the policy it issues and into that policy's
    text (某市人民政府2015年8月10日X实施方案2015年是…), X a name the notice gave above (现将《X》
    印发给你们, 关于印发X的通知): issuer, date, title and text apart. Only such a name tells where the
    title ends; a sentence that opens with a body and a date (市政府2023年3月1日召开…) is left whole."""
    t = compact(p.text)
    m = _SIGNED_FIRST.match(t)
    if not m or not genre.is_issuer(m.group("issuer")):
        return None
    rest = t[m.end():]
    name = next((n for q in reversed(before) for names in [_quoted(q.text), *_candidate_names(compact(q.text), [])]
                 for n in names if rest.startswith(n)), None)
    if not name:
        return None
    cuts = [m.end("issuer"), m.end(), m.end() + len(name)]
    return _cut_at(p, [_offset(p.text, c) for c in cuts if c < len(t)])


_TRAILING_NUMBER = re.compile(rf"[（(]{genre.DOC_NUMBER_BODY}[)）]$")
# A signature glued to the end of the text before it: an issuer and a date after a full stop.
_SIGNED = re.compile(rf"(?<=[。！]){_SIGNER}[?？]?{_SIGNED_DATE}")
# The head of government who signs an order (令), the name, and the date, on one line.
_SIGNED_BY_HEAD = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:主席|省长|市长|州长|县长|区长|旗长|盟长|专员)[\u4e00-\u9fff]{0,4}"
                             rf"{_SIGNED_DATE}$")
# (此件公开发布) or 附件 glued to what follows it.
_NOTE_OR_ANNEX = re.compile(r"(?P<note>[（(]此件[^（()）]{1,10}[)）])|附件(?:\d{1,2}(?![\d年]))?(?![：:])")


_HEAD_PART = ("doc_number", "title", "addressee", "issuer", "date", "note")


def _spaced(p: Para) -> list[Para] | None:
    """A copy that printed a document's parts on one line, set off by spaces: cut where a
    head part, a signature or a sentence ends, or where one begins — only when two or
    more such parts are there (words set apart by spaces alone are cut nowhere)."""
    words = list(re.finditer(r"(?:\S|(?<=\d)\s+(?=号)|(?<=令)\s+(?=第))+", p.text))     # 〔2009〕47 号, 某令 第3号: one 文号
    if len(words) < 3 or "。" not in p.text:
        return None
    kinds = [role(Para(w.group(), p.first, p.last)) for w in words]
    if sum(k in _HEAD_PART for k in kinds) < 2:
        return None
    cuts = [words[k + 1].start() for k in range(len(words) - 1)
            if kinds[k] in _HEAD_PART or kinds[k + 1] in _HEAD_PART or words[k].group()[-1] in "。：:"
            or _opens_part(words[k + 1].group())]
    return _cut_at(p, cuts) if cuts else None


def _opens_part(word: str) -> bool:
    """A word that starts a paragraph of its own wherever it stands: a numbered part (2.落实…,
    二、…) or a responsibility label (责任单位：…) — in a one-line copy, after a unit list."""
    t = compact(word)
    return bool(genre.heading(t) or genre.LABEL_LINE.match(t))


def _addressee_head(t: str) -> int | None:
    """Length of addressees that open `t` and end in ：, when text follows them."""
    m = re.search(r"[：:]", t)
    return m.end() if m and m.end() < len(t) and genre.is_addressee(t[:m.end()]) else None


def _title_text(t: str) -> bool:
    """A document's title: short, no sentence in it, ending in a document type (or
    in a type and （试行）), or naming one (关于…的…); 《title》 as a copy may print it."""
    t = clean_title(compact(t))
    if not (4 <= len(t) <= 160) or re.search(r"[。；;！？]", t) or genre.heading(t) or genre.is_closing(t) \
            or re.match(r"\d{1,2}[.．、]", t) \
            or genre.is_date_line(t) or genre.bracket_balance(t) != 0 or genre.is_addressee(t):
        return False
    if len(re.findall(r"[，,]", t)) > 2:
        return False
    return genre.doc_type(t) is not None


def _part_text(t: str) -> bool:
    """A line that may be part of a title printed over several lines."""
    t = compact(t)
    return (0 < len(t) <= 60 and not re.search(r"[。；;：:！？!?]", t) and not genre.heading(t)
            and not genre.is_date_line(t) and not genre.is_closing(t) and not re.fullmatch(r"[\d.%]+", t)
            and not _DAY_FIRST.match(t))


_CONTENTS = "目录"
# 2019年4月21日卫生城市检查(…): a caption that opens with a day; a title names a year, not a day.
_DAY_FIRST = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def role(p: Para) -> str:
    if p.table:
        return "table"
    if p.boundary:
        return "boundary"
    t = compact(p.text)
    if genre.is_doc_number(t, lost=True):
        return "doc_number"
    if genre.LETTERHEAD.match(t):
        return "letterhead"
    if genre.is_date_line(t) or genre.is_garbled_date(t):
        return "date"
    if genre.PUBLIC_NOTE.match(t):
        return "note"
    if genre.is_issuer(t):
        return "issuer"
    if t == _CONTENTS or genre.ADOPTED.match(t):
        return "body"       # a table of contents' heading (目  录), a 题注: never part of the title above
    if genre.is_addressee(t):
        return "addressee"
    if _title_text(t):
        return "title"
    if _part_text(t):
        return "part"
    return "body"


# --- titles ---------------------------------------------------------------------------

# How a title opens: 关于/印发/转发, or its issuer and then 关于/印发.
_TITLE_START = re.compile(r"^(?:\S{2,40}?(?:人民政府|政府|办公室|办公厅|委员会|局|委))?(?:关于|印发|转发)")


# A title that opens with the year it is for (2023年重点工作任务分解): a line before it that
# leads into no title (关于…, 印发, an issuer) is no part of it.
_YEAR_TITLE = re.compile(r"^\d{4}年")


def title_groups(paras: list[Para], roles: list[str]) -> list[list[int]]:
    """Indexes of each title in a run of head paragraphs: parts joined until they
    make a title; a line that opens a title (关于…, X人民政府关于…) or prints the
    same title again starts the next."""
    groups: list[list[int]] = []
    current: list[int] = []
    for k, (p, r) in enumerate(zip(paras, roles)):
        if r not in ("title", "part"):
            continue
        t = compact(p.text)
        joined = "".join(compact(paras[i].text) for i in current)
        lead_in = joined.endswith(("印发", "转发", "关于", "《")) or all(genre.is_issuer(w) for w in
                                                                 " ".join(paras[i].text for i in current).split())
        starts_new = current and (_TITLE_START.match(t) and not lead_in or t in joined or _title_text(joined) and (
            same_title(joined, t) or not _title_text(joined + t)
            or re.search(r"(?:通知|通报|决定|批复|函)$", joined) and _title_text(t))      # …的通知 / …分解表
            or _YEAR_TITLE.match(t) and _title_text(t) and not lead_in and not _TITLE_START.match(joined))
        if starts_new or (current and current[-1] != k - 1):
            groups.append(current)
            current = []
        current.append(k)
    if current:
        groups.append(current)
    return [g for g in groups if _title_text(joined := "".join(compact(paras[i].text) for i in g))
            or _LOST_TYPE.match(joined)]


# A title that lost its last word, the document type (关于印发某某预案的): the 事由 complete, still the title.
_LOST_TYPE = re.compile(r"^(?:\S{2,40}?(?:人民政府|政府|办公室|办公厅|委员会|局|委))?关于[^。；;，,：:]{4,80}的$")


def same_title(a: str, b: str) -> bool:
    """One title printed twice (a web page's heading and the document's own), with or
    without its issuer in front or 《》 around it."""
    x, y = (re.sub(r"[《》〈〉“”\"]", "", compact(s)) for s in (a, b))
    short, long_ = sorted((x, y), key=len)
    return bool(short) and long_.endswith(short) and len(short) >= 0.5 * len(long_)


# --- heads ----------------------------------------------------------------------------

@dataclass
class _Head:
    start: int            # first head paragraph
    body: int             # first body paragraph (after the addressees, if any)
    addressed: bool
    titled: bool


def _contents(roles: list[str], k: int) -> bool:
    """Three titles in a row with nothing between them: a contents list."""
    run = k
    while run > 0 and roles[run - 1] == "title":
        run -= 1
    end = k
    while end < len(roles) and roles[end] == "title":
        end += 1
    return end - run >= 3


def _ended(paras: list[Para], roles: list[str], k: int) -> bool:
    """Paragraph k follows the end of a document: a signature's date, 此件公开发布,
    an imprint, or nothing but the page's chrome."""
    j = k - 1
    if j < 0:
        return True
    return roles[j] in ("date", "note", "boundary")


def _annexed(paras: list[Para], k: int) -> bool:
    return k > 0 and bool(genre.ANNEX.match(compact(paras[k - 1].text))) and "：" not in paras[k - 1].text


def _substantive(paras: list[Para], roles: list[str]) -> bool:
    return any(r == "table" or (r == "body" and (genre.heading(p.text) or len(compact(p.text)) > 40))
               for p, r in zip(paras, roles))


def find_heads(paras: list[Para], roles: list[str]) -> list[_Head]:
    heads: list[_Head] = []
    issued: list[str] = []        # names the last notice issues: their titles start no document
    issuing = False               # the last notice 印发s a policy whose title has not come yet
    k = 0
    in_head = [r in HEAD_ROLES or _dated(p, r) or _masthead_date(roles, k) for k, (p, r) in enumerate(zip(paras, roles))]
    while k < len(paras):
        if not (in_head[k] and (roles[k] != "date" or k + 1 < len(roles) and roles[k + 1] in HEAD_ROLES)) \
                and not (roles[k] == "addressee" and not _substantive(paras[:k], roles)):
            if heads and roles[k] == "body" and _issues(paras[k].text):
                issued += [n for names in _candidate_names("", [paras[k]]) for n in names]
                issuing = issuing or _issues(paras[k].text)
            k += 1
            continue
        j = k
        while j < len(paras) and in_head[j] and j - k < MAX_HEAD:
            j += 1
        addressed = j < len(paras) and roles[j] == "addressee"
        groups = [g for g in title_groups(paras[k:j], roles[k:j]) if not _contents(roles, k + g[0])]
        title = "".join(compact(paras[k + i].text) for i in groups[0]) if groups else None
        others = set(roles[k:j]) & {"doc_number", "letterhead", "issuer"}
        start = k
        if addressed:
            ok = bool(groups and _names_a_document(title)) or "doc_number" in others or not heads and \
                not _substantive(paras[:k], roles)
        elif groups:
            first_title = k + groups[0][0]
            named = any(_matches(title, n) for n in issued)     # a policy the notice before issues
            ok = bool(others - {"issuer"}) or others and not named or \
                not heads and (not _substantive(paras[:first_title], roles) or _opens_outline(paras, j)) or (
                    _ended(paras, roles, k) and not _annexed(paras, k) and not issuing and not named)
            if ok and not others and heads:
                start = first_title       # a signature's issuer line above belongs to the document before
        else:               # an order's number (no title: an order is known by it) above 《X》已经…现予公布,
            # or a copy that lost its title line and opens with the 文号 alone (某府通告〔2021〕1号)
            ok = "doc_number" in others and j < len(paras) and (
                bool(_PROMULGATION.match(compact(paras[j].text))) or not heads and not _substantive(paras[:k], roles))
        if ok and heads and _reprinted(paras, roles, heads[-1], start, title):
            start = heads.pop().start    # a web page's heading above the document's own head
        if ok:
            heads.append(_Head(start, j + 1 if addressed else j, addressed, bool(groups)))
            issued = [n for names in _candidate_names(title or "", []) for n in names]
            issuing = _issues(title or "")
            k = j + 1 if addressed else j
        else:
            issuing = issuing and not groups    # the policy's own title: the next may start a document
            k = max(j, k + 1)
    return heads


def _masthead_date(roles: list[str], k: int) -> bool:
    """The date of a masthead at the top of a copy (某县政务督查 / 20期 / 某县人民政府督查室  2022年8月19,
    then the title): the issuer's line dates the issue; the head runs on through it to the title. Only
    the masthead's name and issue stand above it (after a notice's last words it is the notice's signature)."""
    return roles[k] == "date" and roles[k - 1:k] == ["issuer"] and roles[k + 1:k + 2] in (["title"], ["part"]) \
        and all(r in ("title", "part") for r in roles[:k - 1])


def _opens_outline(paras: list[Para], j: int) -> bool:
    """The title's first part follows it (一、…, 1.…): a document printed after text of
    another kind (a news piece that wraps it) starts here."""
    return j < len(paras) and not paras[j].table and genre.heading(compact(paras[j].text)) is not None


def _dated(p: Para, role_: str) -> bool:
    """（2008年2月26日） under a title: a gazette prints the date in the head, in brackets."""
    return role_ == "date" and compact(p.text)[:1] in "（("


def _reprinted(paras: list[Para], roles: list[str], previous: _Head, start: int, title: str | None) -> bool:
    """The head before has no addressees and nothing of substance follows it before this
    one: it was the page's heading (the same title, or the title of what it issues)."""
    return not previous.addressed and not _substantive(paras[previous.body:start], roles[previous.body:start])


def _issues(text: str) -> bool:
    """A notice that 印发s (转发s, 现将s) something: the first title after its signature is that."""
    return bool(_HANDS_OVER.search(text))


_NOW_HANDS = r"现将《|现将[^，。；]{0,40}(?:分解|下达|下发|公布)"     # not 现将有关事项通知如下
# How an order (令) promulgates: 《X》已经…通过，现予公布 (现予以公布, 现予发布, 现予颁布), or a sentence
# that opens with the verb: 现发布《X》，自发布之日起施行 (现公布《X》, 现将《X》予以公布).
_PROMULGATES = r"现予以?(?:公布|发布|颁布)|^现(?:公布|发布|颁布)(?=《)"
_ISSUING = re.compile(rf"印发|{_PROMULGATES}")
_HANDS_OVER = re.compile(rf"印发|转发|{_PROMULGATES}|{_NOW_HANDS}")
_PROMULGATION = re.compile(r"^《[^《》]+》(?:已经|业经|经|已于).{0,60}?现予以?(?:公布|发布|颁布)"
                           r"|^现(?:公布|发布|颁布)《[^《》]+》|^现将《[^《》]+》予以(?:公布|发布|颁布)")


def _names_a_document(text: str) -> bool:
    return bool(re.search(r"关于|印发|通知|批复|意见|决定|办法|方案|规划|计划|要点|清单|预案", compact(text)))


# --- segments -------------------------------------------------------------------------

def split(paras: list[Para]) -> tuple[list[Segment], list[Para]]:
    """Top-level segments (documents with the policies they issue, untitled text,
    stand-alone tables) and the paragraphs that fit nowhere."""
    paras = unglue(paras)
    roles = [role(p) for p in paras]
    heads = find_heads(paras, roles)
    segments: list[Segment] = []
    unplaced: list[Para] = []
    bounds = [h.start for h in heads] + [len(paras)]
    tail = _notice_tail(paras[:bounds[0]], roles[:bounds[0]], heads)
    stops = [next((k for k in range(h.body, end) if paras[k].boundary), end) for h, end in zip(heads, bounds[1:])]
    docs = [_document(paras[h.start:h.body], roles[h.start:h.body], paras[h.body:stop], h)
            for h, stop in zip(heads, stops)]
    if tail:
        segments.append(tail)
    elif docs and _citing_issuer(paras[:bounds[0]], docs[0].title):
        unplaced.extend(paras[:bounds[0]])     # a news piece about the document below (X发布《T》), not one
    else:
        _orphans(paras[:bounds[0]], roles[:bounds[0]], segments, unplaced)
    for h, end, stop, seg in zip(heads, bounds[1:], stops, docs):
        if tail and h is heads[0]:          # the policy the notice's tail signed
            seg.kind = "policy"
            tail.children.append(seg)
            continue
        if h is heads[0] and h.start:       # the text above the first head is no document's own
            seg.issuer = seg.issuer or _announcer(paras[h.start - 1].text) or _citing_issuer(paras[:h.start], seg.title)
        if _caption_again(seg, segments):
            unplaced.extend(paras[h.start:stop])
        else:
            segments.append(seg)
        _orphans(paras[stop:end], roles[stop:end], segments, unplaced)
    return segments, unplaced


def _caption_again(seg: Segment, segments: list[Segment]) -> bool:
    """A title printed again after the document it names, with no text of its own under it: the
    page's caption of a re-post (a forum's title, then its 来源), not a second document."""
    previous = segments[-1] if segments else None
    return bool(previous and previous.title and seg.title and not seg.children and same_title(seg.title, previous.title)
                and not _substantive(seg.paras, [role(p) for p in seg.paras]))


def _notice_tail(paras: list[Para], roles: list[str], heads: list[_Head]) -> Segment | None:
    """A copy that starts inside a notice: its last words, then its signature (issuer, date),
    then the title of a policy with no addressees — the untitled notice that issues it."""
    if not paras or not heads or heads[0].addressed or _substantive(paras, roles):
        return None
    end = signature_end(paras)
    if end != len(paras) - 1 or roles[end - 1] != "issuer":
        return None
    return Segment("notice", paras)


def _announcer(text: str) -> str | None:
    """Who a news lead-in above a copy says issued it: 天津市人民政府印发通知，…"""
    for clause in re.split(r"[，,。；;：:]", compact(text)):
        head = clause.partition("印发")[0] if "印发" in clause else ""
        name = next((head[i:] for i in range(len(head)) if genre.is_issuer(head[i:])), None)
        if name:
            return name
    return None


_CITED = re.compile(r"(?P<x>[\u4e00-\u9fff、]{2,60}?)(?:印发|发布|出台)(?:了)?《(?P<t>[^《》]{4,80})》")


# A news lead that names the document without 《》, to the sentence's end: 日前，X印发关于…的通知。
_CITED_BARE = re.compile(r"(?P<x>[\u4e00-\u9fff、]{2,60}?)(?:印发|发布|出台)(?:了)?(?P<t>[^《》。；;！!]{4,120}?)(?=[。；;！!]|$)")


def _citing_issuer(paras: list[Para], title: str | None) -> str | None:
    """Who the text above a copy (a news piece) says issued it by its title: 近日，X发布《T》
    (or X印发T。, the title bare)."""
    for p in paras:
        t = compact(p.text)
        for m in [*_CITED.finditer(t), *_CITED_BARE.finditer(t)]:
            name = _cited_issuer(m.group("x"))
            if name and title and same_title(m.group("t"), title):
                return name
    return None


def _cited_issuer(x: str) -> str | None:
    """The issuer(s) a lead-in's words before 发布《T》 end with: X, or joint ones A、B."""
    return next((x[i:] for i in range(len(x)) if all(genre.is_issuer(w) for w in x[i:].split("、"))), None)


def _orphans(paras: list[Para], roles: list[str], segments: list[Segment], unplaced: list[Para]) -> None:
    """Text outside any head: a stand-alone table (统计表), the inside of a document
    whose head the copy lost, or loose lines."""
    content = [(p, r) for p, r in zip(paras, roles) if not p.boundary]
    if not content:
        return
    ps = [p for p, _ in content]
    if not _substantive(ps, [r for _, r in content]):
        unplaced.extend(ps)
        return
    first = ps[0]
    title = first.text if not first.table and len(ps) > 1 and _caption(first.text) else None
    seg = Segment("orphan", ps[1:] if title else ps, title=title and compact(title))
    if title:
        seg.head = [("title", first)]
    else:
        seg.issuer, seg.title = _cited_document(first.text)
    segments.append(seg)


def _cited_document(text: str) -> tuple[str | None, str | None]:
    """Issuer and title of the copy a news lead-in above it names (X发布《T》, 发布了《Y关于印发T的通知》):
    the copy lost its own head."""
    for m in _CITED.finditer(compact(text)):
        x, t = m.group("x"), m.group("t")
        if not genre.doc_type(t):
            continue
        notice = re.match(r"^(\S+?)关于(?:印发|转发)(\S+)的通知$", t)       # the copy is what the notice issues
        name = _cited_issuer(x)
        if notice:
            return (notice.group(1) if genre.is_issuer(notice.group(1)) else name), notice.group(2)
        return name, t
    return None, None


def _caption(text: str) -> bool:
    t = compact(text)
    # a sentence is no caption: one that leads into the text (…通告如下：) or runs on clause after clause
    return (0 < len(t) <= 150 and "。" not in t and not t.endswith(("：", ":")) and len(re.findall(r"[，,]", t)) <= 2
            and not genre.heading(t)
            and not genre.is_date_line(t)
            and not genre.is_closing(t) and not genre.is_addressee(t))


def _document(head: list[Para], roles: list[str], body: list[Para], h: _Head) -> Segment:
    groups = title_groups(head, roles)
    titles = ["".join(compact(head[i].text) for i in g) for g in groups]
    if len(groups) > 1 and not h.addressed and _issues(titles[0]) and not same_title(titles[0], titles[-1]):
        cut = groups[-1][0]          # …印发《X》的通知, then straight on to X's own title: X opens the body
        head, roles, body = head[:cut], roles[:cut], head[cut:] + body
    seg = Segment("notice" if h.addressed or "doc_number" in roles else "policy", body)
    seg.head = [({"part": "title"}.get(r, r) if r in HEAD_ROLES + ("part", "date", "note") else "note", p)
                for p, r in zip(head, roles)]
    if h.addressed:
        seg.head[-1] = ("addressee", seg.head[-1][1])
    titles = [" ".join(head[i].text for i in g) for g in title_groups(head, roles)]   # spaces part joint issuers
    issuers = [name for p, r in zip(head, roles) if r == "issuer" for name in genre.issuers(p.text)]
    if not titles and roles[:1] == ["part"] and "doc_number" in roles:
        titles = [head[0].text]     # a heading above the 文号 names the document, whatever its ending
    # A masthead's issuer, dated on its line (某县人民政府督查室  2022年8月19 above a 督查通报), is no part of the title.
    titled = [] if any(r == "issuer" and roles[k + 1:k + 2] == ["date"] for k, r in enumerate(roles)) else issuers
    if titled:        # the head's own issuer line (X人民政府 / 关于…): its title is X关于…, whatever a page's heading says
        titles = [issuer_and_title(titled, t)[1] for t in titles]
    title = _best_title(titles)
    seg.issuer, seg.title = issuer_and_title(titled, title) if title else (None, None)
    seg.issuer = seg.issuer or "、".join(issuers) or None
    order = not h.addressed and bool(body) and bool(_PROMULGATION.match(compact(body[0].text)))
    if order:
        seg.kind = "order"
        seg.title = None      # an order (no addressees) is known by its number; a title above it names what it promulgates
    _split_policies(seg, order)
    return seg


def _best_title(titles: list[str]) -> str | None:
    """Of one title printed twice, the fuller (a web copy may lose characters of one: 2023年10月
    as 202310月); of two different ones, the document's own (the last)."""
    if not titles:
        return None
    last = titles[-1]
    same = [t for t in titles if same_title(t, last) or _lost_from(compact(last), compact(t))]
    return max(same, key=lambda t: len(compact(t)))


def _lost_from(short: str, full: str) -> bool:
    """`short` is `full` with a few characters dropped (its characters in order, at most 3 gone)."""
    rest = iter(full)
    return 0 < len(full) - len(short) <= 3 and all(c in rest for c in short)


def issuer_and_title(issuers: list[str], title: str) -> tuple[str | None, str]:
    """Titles may carry their issuer(s) in front (`X人民政府 关于…`); a title set off by
    《》 or a category label (【…】) loses them."""
    title = clean_title(title)
    m = re.match(r"^(.*?)(关于|印发)", title)
    prefix = re.split(r"\s+", m.group(1).strip()) if m and m.group(1).strip() else []
    if prefix and all(genre.is_issuer(x) for x in prefix):
        issuers = issuers or [compact(x) for x in prefix]
    title = compact(title)
    if issuers and title.startswith(("关于", "印发")):
        title = "".join(issuers) + title     # the full title names its issuer
    return "、".join(issuers) or None, title


def clean_title(title: str) -> str:
    t = title.strip().strip("|").strip()             # a web table's cell bar: 清单 |
    t = re.sub(r"^(?:【[^】]{1,20}】|「[^」]{1,20}」)", "", t)     # a site's category label (【公告】, 「通告」)
    m = re.fullmatch(r"(?:《([^《》]+)》)+", compact(t))
    if m:
        t = m.group(1)                                # 《title》《title》: printed as a citation
    m = re.search(r"(\d{4}(?:[-—至]\d{4})?年?)([)）])$", t)
    if m and genre.bracket_balance(t) < 0:           # 实施方案2023年): the copy lost the opening bracket
        t = t[:m.start()] + {")": "(", "）": "（"}[m.group(2)] + m.group(1) + m.group(2)
    return t


# --- issued policies ------------------------------------------------------------------

def signature_end(paras: list[Para]) -> int | None:
    """Index of the date line closing the first signature (issuer lines + date, or a
    date line alone after the text)."""
    for k, p in enumerate(paras):
        if not p.table and (genre.is_date_line(p.text) or genre.is_garbled_date(p.text)) and k > 0:
            return k
    return None


_PASSES_ON = re.compile(rf"(?:印发|转发)给你们|现予以?(?:印发|转发)|{_NOW_HANDS}")


def _passes_on(title: str, body: list[Para]) -> bool:
    """The notice passes documents on: 印发 in its title, 印发给你们 or 现将《X》… in its text."""
    return "印发" in title or any(_PASSES_ON.search(p.text) for p in body[:6])


def _split_policies(seg: Segment, order: bool = False) -> None:
    body = seg.paras
    end = signature_end(body)
    passes_on = order or _passes_on(seg.title or "", body)
    # a notice's 附件：X, then X printed after the signature, or X printed there under a bare 附件
    # (an 意见's annex is its own part)
    conveys = end is not None and genre.doc_type(seg.title or "通知") in ("通知", "通报") and (
        _annex_names(body[:end]) or _bare_annex(body[end + 1:end + 2]))
    if not passes_on and not conveys:
        return
    names_all = _candidate_names(seg.title or "", body[:end + 1] if end is not None else body[:6])
    if end is None:
        found = [(names, _find_titles(body, names)) for names in names_all]
        names, starts = next(((n, s) for n, s in found if s), (None, None))
        if not starts:
            _untitled_policy(seg, names_all)
            return
        end = starts[0][0]
    else:
        end += 1
        while end < len(body) and _attached_note(body[end].text):
            end += 1
    rest = body[end:]
    if not rest:
        return
    starts, names = [], []
    for candidate in names_all:
        starts = _find_titles(rest, candidate)
        if starts:
            names = candidate
            break
    if not starts:
        bare = genre.ANNEX.match(compact(rest[0].text).strip("|"))      # 附件1 | (a web table's stray bar)
        lead = 1 if len(rest) > 1 and bare and not bare.group(2) else 0        # 附件 / its title
        # 附件: whose name went to the next line: a title there is the annex's (an unnamed part is not)
        shift = 1 if len(rest) > 1 and _bare_annex(rest[:1]) else 0
        roles = [role(p) for p in rest[shift:shift + 3]]
        groups = title_groups(rest[shift:shift + 3], roles)
        first_is_title = bool(groups) and groups[0][0] == 0
        names = names_all[0] if names_all else []
        if first_is_title or not names or not (passes_on or lead):    # an annex named but not printed is no document
            starts = [(shift, len(groups[0]), None)] if first_is_title else []
        else:
            starts = [(0, 0, names[0])]
    if not starts:
        return
    seg.paras = body[:end] + rest[:starts[0][0]]
    bounds = [s[0] for s in starts[1:]] + [len(rest)]
    for (k, n, name), stop in zip(starts, bounds):
        title_paras = rest[k:k + n]
        child = Segment("policy", rest[k + n:stop], head=[("title", p) for p in title_paras])
        child.title = clean_title(compact("".join(p.text for p in title_paras))) if title_paras else name
        child.issuer = seg.issuer
        seg.children.append(child)


def _bare_annex(paras: list[Para]) -> bool:
    """附件, 附件1, 附件: (1 | a web table's stray bar) on a line of its own, its title below."""
    m = paras and genre.ANNEX.match(compact(paras[0].text).strip("|"))
    return bool(m) and not (m.group(2) or "").strip("：: ")


def _attached_note(text: str) -> bool:
    """附注 under a signature's date: （此件公开发布）, （联系人：…，联系电话：…）, a line in brackets."""
    t = compact(text)
    return bool(genre.PUBLIC_NOTE.match(t) or re.fullmatch(r"[（(][^（()）]+[)）]", t))


_OWN_PREAMBLE = re.compile(r"(?:制定|制订|特制定|特制订)本(?:" + "|".join(("方案", "办法", "规划", "意见", "细则", "措施", "计划",
                                                                      "预案", "规定", "要点", "清单")) + ")")


# A title cited in 《》: its 印发 (《某办公厅关于印发…的通知》) hands nothing over.
_CITED_TITLE = re.compile(r"《[^《》]*》")


def _untitled_policy(seg: Segment, names_all: list[list[str]]) -> None:
    """A notice with no signature, whose copy runs on into what it issues: a title first
    (the notice's own text was left out), or `现将《X》印发给你们…。` and X itself, whose
    next paragraph says 特制定本方案 (a notice's own demands after that sentence would not)
    or which that sentence's paragraph prints again bare (…执行。X为…: the breaks were lost),
    or X's own preamble (…制定本方案) straight under the notice's title (the copy kept only
    that title, as a page heading)."""
    body = seg.paras
    groups = title_groups(body[:3], [role(p) for p in body[:3]])
    if groups and groups[0][0] == 0 and len(body) > len(groups[0]):
        n = len(groups[0])
        child = Segment("policy", body[n:], head=[("title", p) for p in body[:n]])
        child.title = clean_title(compact("".join(p.text for p in body[:n])))
        child.issuer, seg.paras = seg.issuer, []
        seg.children.append(child)
        return
    k = next((i for i, p in enumerate(body[:4]) if _issues(_CITED_TITLE.sub("《》", p.text)) and _quoted(p.text)), None)
    if k is None:       # no such sentence: the copy lost the notice's own text; its title names X
        names_all = _candidate_names(seg.title or "", [])
    if not names_all:
        return
    start = 0 if k is None else k + 1
    parts = None if k is None else _runs_on_into(body[k], names_all[0][0])
    if parts:           # …请认真贯彻执行。X为深入贯彻…: the copy lost the breaks around X's title
        notice, title, text = parts
        child = Segment("policy", [text] + body[k + 1:], head=[("title", title)])
        seg.paras = body[:k] + [notice]
    elif start < len(body) and _OWN_PREAMBLE.search(compact(body[start].text)):
        child = Segment("policy", body[start:])
        seg.paras = body[:start]
    else:
        return
    child.title, child.issuer = names_all[0][0], seg.issuer
    seg.children.append(child)


# How a policy's own text opens: its purpose (为…, 根据…) or its first part.
_OPENS_TEXT = re.compile(r"^(?:为了?|根据|按照|依据|第一章|第一条|一、|（一）)")


def _runs_on_into(p: Para, name: str) -> list[Para] | None:
    """The notice's paragraph, the policy's title and its text, where the name the notice
    quotes (《X》) is printed again, bare, after a sentence's or a signature's end (。, 日)
    and before the policy's opening words (为…, 一、…) — not where a sentence names it."""
    t = compact(p.text)
    quoted = t.find(f"《{name}》")
    at = t.find(name, quoted + len(name) + 2) if quoted >= 0 else -1
    if at < 0 or t[at - 1] not in "。！日" or not _OPENS_TEXT.match(t[at + len(name):]):
        return None
    return _cut_at(p, [_offset(p.text, at), _offset(p.text, at + len(name))])


def _candidate_names(title: str, notice_body: list[Para]) -> list[list[str]]:
    """Lists of the names a notice may give its policies, most explicit first."""
    out = []
    sentence = issued_names("", notice_body)
    if sentence:
        out.append(sentence)
    quoted = _quoted(title)
    if quoted:
        out.append(quoted)
    annexes = _annex_names(notice_body)
    if annexes:
        out.append(annexes)
    m = re.search(r"印发(.+?)的?(通知|通\s*知)$", title)
    if m:
        out.append([re.sub(r"^关于(印发)?", "", m.group(1))])
    return out


def issued_names(title: str, notice_body: list[Para]) -> list[str]:
    """《…》 in the notice's sentence with 印发 (else in its paragraph, else in its title)."""
    for p in notice_body:
        if not _ISSUING.search(p.text):
            continue
        for sentence in re.split(r"。", p.text):
            if _ISSUING.search(sentence) and _quoted(sentence):
                return _issued_in(sentence)
        if _quoted(p.text):
            return _quoted(p.text)
    return _quoted(title)


def _issued_in(sentence: str) -> list[str]:
    """The names the clause with 印发 quotes (现将《A》《B》印发给你们), or the clause before it
    (制定了《A》，现印发给你们), not what the sentence cites on its way (按照《B》规定)."""
    clauses = re.split(r"[，,；;]", sentence)
    k = next(i for i, c in enumerate(clauses) if _ISSUING.search(c))
    return _quoted(clauses[k]) or (k and _quoted(clauses[k - 1])) or _quoted(sentence)


def _annex_names(paras: list[Para]) -> list[str]:
    """附件：1. X  2. Y — the names of a notice's annexes."""
    out = []
    for p in paras:
        t = compact(p.text)
        m = re.match(r"^附件\d?[：:](.*)$", t)
        if m or (out and re.match(r"^\d{1,2}[.．、]", t)):
            name = re.sub(r"^\d{1,2}[.．、]", "", m.group(1) if m else t)
            if name:
                out.append(name)
        elif out:
            break
    return out


def _quoted(text: str) -> list[str]:
    return [compact(x) for x in re.findall(r"《([^《》]+)》", text)]


def _norm(text: str) -> str:
    """A title as compared: no quotes, no trailing note in brackets ((试行), (共计121项)), no brackets."""
    t = compact(text)
    t = re.sub(r"[“”\"'‘’《》〈〉<>|]", "", t)
    t = re.sub(r"[（(][^（()）]*[)）]$", "", t)
    return re.sub(r"[（()）]", "", t)


def _matches(candidate: str, name: str) -> bool:
    a, b = (_norm(x) for x in (candidate, name))
    if "关于" in a and "关于" in b:
        a, b = a[a.index("关于"):], b[b.index("关于"):]     # with or without its issuers in front
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and re.fullmatch(r"[\d年—\-至]{1,12}", long_[len(short):]):
        return True       # a period printed after the name: 实施方案（2023年）
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
        if p.table or p.boundary or not _caption(p.text) or len(compact(p.text)) > 80:
            return 0
        text += p.text
        if _matches(text, name):
            after = compact(paras[k + n].text) if k + n < len(paras) else ""
            # the period or 试行 a wrap pushed onto a line of its own is the title's too
            return n + 1 if re.fullmatch(r"[（(][^（()）]{1,20}[)）]", after) and _matches(text + after, name) else n
    return 0
