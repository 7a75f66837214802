"""The one schema of content/: every YAML file is checked here, and every error
names the file, the line and the field (like MkDocs' config validation).

Content layout
--------------
content/jurisdictions.yml          list of jurisdictions (id, name, short_name, level, parent)
content/sources/<src>.txt          gazettes, byte for byte as published (or the UTF-8 text read from
                                   the file beside it: <src>.pdf, .docx, .html, .gb18030 …)
content/sources/<src>.yml          import manifest: furniture removed, documents found, pages
content/documents/<jur>/<id>.yml   one document (notice or issued policy) per file
content/units/<jur>.yml            unit registry of one jurisdiction (issue: responsibilities)

A document's `blocks` hold all of its text in source order; metadata fields
(title, doc_number, issuer, date) are values read from those blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field as dc_field
from typing import Any, Callable

from generator.errors import PolicyError, PolicyErrors
from generator.model.yamlio import Lines

ID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]*$")

# 文件类型 the importer assigns; editors may use others.
BLOCK_KINDS = ("header", "addressee", "paragraph", "section", "table", "signature", "closing")
HEADER_ROLES = ("letterhead", "issuer", "title", "doc_number", "date", "note")


@dataclass
class Field:
    name: str
    check: Callable[[Any], str | None]  # returns an error message or None
    required: bool = True
    nullable: bool = False


@dataclass
class Record:
    """A mapping with known fields; unknown fields are errors (typos show up)."""
    fields: list[Field]
    extra_ok: bool = False
    by_name: dict = dc_field(init=False)

    def __post_init__(self):
        self.by_name = {f.name: f for f in self.fields}


# --- scalar checks --------------------------------------------------------------

def is_str(v):
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


def is_id(v):
    if not isinstance(v, str) or not ID_RE.match(v):
        return "must be an id of lowercase letters, digits, '.' and '-'"
    return None


# Names the site gives pages of its own, beside those of documents, units and jurisdictions.
RESERVED_IDS = {"index", "404", "search", "assets", "sitemap"}


def is_page_id(v):
    """An id that names a page of its own (documents/<id>/, units/<id>/, jurisdictions/<id>/)."""
    msg = is_id(v)
    if msg is None and v in RESERVED_IDS:
        return f"'{v}' is reserved: the site names a page of its own so (reserved: {', '.join(sorted(RESERVED_IDS))})"
    return msg


def is_bool(v):
    return None if isinstance(v, bool) else "must be true or false"


def is_date(v):
    if not (isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)):
        return "must be a date written YYYY-MM-DD"
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return f"{v} is not a day of the calendar"
    return None


def is_line_range(v):
    ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and x >= 1 for x in v)
          and v[0] <= v[1])
    return None if ok else "must be [first_line, last_line] with 1 <= first <= last"


def list_of_line_ranges(v):
    if isinstance(v, list) and all(is_line_range(x) is None for x in v):
        return None
    return "must be a list of [first_line, last_line]"


def is_str_list(v):
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return None
    return "must be a list of strings"


def is_table_rows(v):
    if isinstance(v, list) and all(isinstance(r, list) and all(isinstance(c, str) for c in r) for r in v):
        return None
    return "must be a list of rows, each a list of cell strings"


def one_of(*choices):
    def check(v):
        return None if v in choices else f"must be one of: {', '.join(choices)}"
    return check


def record(rec: Record):
    """Marks a nested record; validated recursively (see _validate)."""
    return ("record", rec)


def list_of(rec: Record):
    return ("list", rec)


# --- the records ------------------------------------------------------------------

SOURCE_REF = Record([
    Field("file", is_str),
    Field("line_start", lambda v: None if isinstance(v, int) and v >= 1 else "must be a line number >= 1"),
    Field("line_end", lambda v: None if isinstance(v, int) and v >= 1 else "must be a line number >= 1"),
    # the publication a reader cites (淄川区人民政府公报 2022年第3期, a web site): the gazette's
    # running header or the page's 来源
    Field("publication", is_str, required=False),
])

REPEAL = Record([
    Field("title", is_str, nullable=True),
    Field("doc_number", is_str, required=False, nullable=True),
])

VALIDITY = Record([
    Field("trial", is_bool),
    Field("valid_from", is_date, required=False, nullable=True),
    Field("valid_until", is_date, required=False, nullable=True),
    Field("repeals", list_of(REPEAL), required=False),
    Field("clause", is_str, required=False, nullable=True),
    Field("lines", is_line_range, required=False, nullable=True),
])

def is_number(v):
    ok = isinstance(v, (int, float)) and not isinstance(v, bool)
    return None if ok else "must be a number"


def is_year(v):
    ok = isinstance(v, int) and not isinstance(v, bool) and 1900 <= v <= 2200
    return None if ok else "must be a year such as 2025"


def is_count(v):
    return None if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else "must be a whole number >= 0"


# Items (issue: responsibilities): goals, measures, tasks, articles, annex rows.
ITEM_KINDS = ("goal", "measure", "task", "article", "annex_row")
COMPARATORS = ("<=", "<", ">=", ">", "=", "~", "decrease_by", "increase_by", "decrease_to", "increase_to",
               "annual_decrease", "annual_increase")

DEADLINE = Record([
    Field("text", is_str),
    Field("date", is_date, nullable=True),            # ISO, the end of the period named
    Field("period", one_of("day", "month", "quarter", "year"), nullable=True),
    Field("recurring", is_bool),                      # 每年8月底前
    Field("kind", one_of("deadline", "ongoing", "relative", "unknown")),
])

INDICATOR = Record([
    Field("metric", is_str),
    Field("comparator", one_of(*COMPARATORS)),
    Field("value", is_number),
    Field("unit", is_str, nullable=True),
    Field("target_year", is_year, nullable=True),
    Field("base_year", is_year, nullable=True),
    Field("base_value", is_number, required=False, nullable=True),   # 由50%提高到65%: 50
    Field("raw", is_str),
])

_RESPONSIBILITY_FIELDS = [
    Field("lead", is_str_list),                       # 牵头单位, as written
    Field("participants", is_str_list),               # 责任单位 / 配合 / 参与, as written
    Field("generic", is_str_list),                    # collectives: 各镇办, …有关成员单位
    Field("lead_labelled", is_bool),                  # the text itself says who leads
    Field("form", is_str, nullable=True),             # how the source wrote it (parser forms)
    Field("raw", is_str, nullable=True),              # the responsibility text(s) as printed
    Field("deadline", record(DEADLINE), nullable=True),
    Field("indicators", list_of(INDICATOR)),
]
_ITEM_HEAD = [
    Field("id", is_id),
    Field("kind", one_of(*ITEM_KINDS)),
    Field("path", is_str_list),                       # enclosing headings, then the item's number
    Field("lines", is_line_range),                    # the item's source lines, body included
    Field("continued", is_count),                     # the next n paragraph blocks are its body
]
# One of several duties in an item, each sentence group closed by its own
# parenthetical (槐荫 污染防治): its own text, units, deadline and targets.
STATEMENT = Record([
    Field("id", is_id),
    Field("kind", one_of(*ITEM_KINDS)),
    Field("text", is_str),
    Field("lines", is_line_range),
] + _RESPONSIBILITY_FIELDS)
ITEM = Record(_ITEM_HEAD + _RESPONSIBILITY_FIELDS + [
    Field("statements", list_of(STATEMENT), required=False),   # then the item holds their union
])
TABLE_ITEM = Record([Field("row", is_count),                       # index into the table's rows
                    Field("text", is_str, required=False),           # its task cells (not 序号 or units)
                    Field("number", is_str, required=False, nullable=True)]   # its 序号
                   + _ITEM_HEAD + _RESPONSIBILITY_FIELDS)

# A block's item (section, paragraph) or items (table rows): responsibility stage.
BLOCK_ITEM_FIELDS = [
    Field("item", record(ITEM), required=False),
    Field("items", list_of(TABLE_ITEM), required=False),
]
BLOCK = Record([
    Field("kind", one_of(*BLOCK_KINDS)),
    Field("lines", is_line_range),
    Field("role", one_of(*HEADER_ROLES), required=False),
    Field("level", lambda v: None if isinstance(v, int) and 1 <= v <= 9 else "must be 1..9", required=False),
    Field("number", is_str, required=False, nullable=True),
    Field("title", is_str, required=False, nullable=True),
    Field("text", is_str, required=False, nullable=True),
    Field("caption", is_str, required=False, nullable=True),
    Field("header", is_str_list, required=False, nullable=True),
    Field("rows", is_table_rows, required=False),
    Field("row_lines", list_of_line_ranges, required=False),       # each row's own source lines
] + BLOCK_ITEM_FIELDS)
BLOCK_ITEMS = Record(BLOCK_ITEM_FIELDS, extra_ok=True)

DOCUMENT = Record([
    Field("id", is_page_id),
    Field("jurisdiction", is_id),
    Field("title", is_str),
    Field("doc_number", is_str, nullable=True),
    Field("issuer", is_str, nullable=True),
    Field("date", is_date, nullable=True),
    Field("published", is_date, required=False, nullable=True),   # 发布日期 of a web copy
    Field("type", is_str),
    Field("parent", is_id, nullable=True),
    Field("validity", record(VALIDITY)),
    Field("source", record(SOURCE_REF)),
    Field("blocks", list_of(BLOCK)),
])

JURISDICTION = Record([
    Field("id", is_page_id),
    Field("name", is_str),
    Field("short_name", is_str),
    Field("level", is_str),
    Field("parent", is_str, required=False, nullable=True),
    Field("review", is_bool, required=False),      # added by an import from the text: an editor confirms it
])

FURNITURE = Record([
    Field("kind", is_str),
    Field("lines", is_line_range),
    Field("text", is_str, required=False, nullable=True),
])

def _unique_names(v):
    msg = is_str_list(v)
    return msg or (None if all(x.strip() for x in v) else "must not hold empty names")


# content/units/<jurisdiction>.yml: a list of these (generator.model.units reads and writes it).
UNIT = Record([
    Field("id", is_page_id),
    Field("name", is_str),                            # canonical name
    Field("aliases", _unique_names, required=False),  # other spellings seen in the sources
    Field("kind", one_of("unit", "generic")),
])

def _page_starts(v):
    ok = isinstance(v, list) and v and all(isinstance(x, int) and not isinstance(x, bool) and x >= 1 for x in v) \
        and all(a <= b for a, b in zip(v, v[1:]))
    return None if ok else "must be the first text line of each page: whole numbers >= 1, never decreasing"


MANIFEST = Record([
    Field("source", is_str),
    Field("jurisdiction", is_id),
    Field("sha256", is_str),
    Field("documents", is_str_list),
    Field("furniture", list_of(FURNITURE)),
    Field("unplaced", list_of(FURNITURE), required=False),
    Field("script", one_of("traditional"), required=False),   # a traditional copy, read in simplified characters
    # the file the text was read from, when it is not the text itself (issue: formats)
    Field("format", one_of("text", "pdf", "docx", "html"), required=False),
    Field("original", is_str, required=False),                # sources/<stem>.pdf …, kept beside the text
    Field("encoding", is_str, required=False),                # of a text or page not in UTF-8 (gb18030 …)
    Field("pages", _page_starts, required=False),             # a PDF: the text line each page starts on
])


# --- validation ---------------------------------------------------------------------

def validate(data: Any, rec: Record, file: str, lines: Lines, path: tuple = ()) -> None:
    """Raise PolicyErrors listing every problem of `data` against `rec`."""
    errors: list[PolicyError] = []
    _validate(data, rec, file, lines, path, errors)
    if errors:
        raise errors[0] if len(errors) == 1 else PolicyErrors(errors)


def _dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _line(lines: Lines, path: tuple) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def _validate(data, rec: Record, file, lines, path, errors):
    if not isinstance(data, dict):
        errors.append(PolicyError("must be a mapping of fields", file, _line(lines, path),
                                  _dotted(path) or None))
        return
    for name, f in rec.by_name.items():
        fpath = path + (name,)
        if name not in data:
            if f.required:
                errors.append(PolicyError("is missing", file, _line(lines, path), _dotted(fpath)))
            continue
        value = data[name]
        if value is None:
            if not f.nullable:
                errors.append(PolicyError("must not be empty", file, _line(lines, fpath), _dotted(fpath)))
            continue
        if isinstance(f.check, tuple):
            how, sub = f.check
            if how == "record":
                _validate(value, sub, file, lines, fpath, errors)
            elif not isinstance(value, list):
                errors.append(PolicyError("must be a list", file, _line(lines, fpath), _dotted(fpath)))
            else:
                for i, item in enumerate(value):
                    _validate(item, sub, file, lines, fpath + (i,), errors)
            continue
        msg = f.check(value)
        if msg:
            errors.append(PolicyError(msg, file, _line(lines, fpath), _dotted(fpath)))
    if not rec.extra_ok:
        for name in data:
            if name not in rec.by_name:
                errors.append(PolicyError(
                    f"unknown field (known: {', '.join(rec.by_name)})", file,
                    _line(lines, path + (name,)), _dotted(path + (name,))))
