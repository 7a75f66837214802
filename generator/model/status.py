"""状态 of a document: one computation, run once the corpus is linked, so that
a notice and the policy it issues never contradict each other.

A document's own validity decides, in this order:
1. 已废止   a document of the corpus says it repeals this one (废止《…》);
2. 已失效   its 有效期至 date has passed;
3. 尚未生效 its 施行 date is still to come;
4. 试行     it is issued on trial (试行), within its dates;
5. 现行有效 otherwise.
A covering notice (印发通知) that states no dates of its own is as valid as
what it issues: it takes the status of the most current of its documents, with
their reason. Every status carries the reason a reader is shown beside it.
"""
from __future__ import annotations

import datetime as dt

from generator.model.items import title_key

IN_FORCE, TRIAL, NOT_YET, EXPIRED, REPEALED = "现行有效", "试行", "尚未生效", "已失效", "已废止"
# Most current first: which of a notice's documents it takes its status from.
CURRENCY = (IN_FORCE, TRIAL, NOT_YET, EXPIRED, REPEALED)


def set_statuses(corpus) -> None:
    """Fill doc.status and doc.status_reason for every document of `corpus`."""
    repealed_by = _repeals(corpus)
    for doc in corpus.documents.values():
        doc.status, doc.status_reason = own_status(doc, corpus.today, repealed_by.get(doc.id))
    for doc in corpus.documents.values():
        if doc.children and not _states_dates(doc) and doc.id not in repealed_by:
            doc.status, doc.status_reason = _conveyed(doc)


def own_status(doc, today: dt.date, repealer=None) -> tuple[str, str]:
    v = doc.validity
    since = f"自 {v.valid_from.isoformat()} 起施行" if v.valid_from else ""
    until = f"有效期至 {v.valid_until.isoformat()}" if v.valid_until else ""
    if repealer is not None:
        return REPEALED, f"被《{repealer.title}》废止"
    if v.valid_until and v.valid_until < today:
        return EXPIRED, until
    if v.valid_from and v.valid_from > today:
        return NOT_YET, since
    dates = "，".join(x for x in (since, until) if x)
    if v.trial:
        return TRIAL, "，".join(x for x in ("试行", dates) if x)
    return IN_FORCE, dates or "未载明有效期"


def _states_dates(doc) -> bool:
    return bool(doc.validity.valid_from or doc.validity.valid_until)


def _conveyed(notice) -> tuple[str, str]:
    """The status of the most current document the notice issues, and why."""
    child = min(notice.children, key=lambda c: CURRENCY.index(c.status))
    return child.status, f"所印发的《{child.title}》{child.status_reason}"


def _repeals(corpus) -> dict:
    """Document id -> the document of the corpus that repeals it."""
    found = {}
    for doc in corpus.documents.values():
        for ref in doc.validity.repeals:
            keys = [k for k in (ref.title, ref.doc_number) if k]
            target = next((corpus.cite_index[title_key(k)] for k in keys if title_key(k) in corpus.cite_index), None)
            if target is not None and target is not doc:
                found.setdefault(target.id, doc)
    return found
