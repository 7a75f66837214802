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

The model
---------
Each record is declared once, below: a dataclass whose fields carry their
check, `f(check, doc, default=…, nullable=…, export=…)`. A field without a
default is required; null only where `nullable`. From these come

* `validate`: every problem of a YAML mapping, each naming file, line and
  dotted field; unknown fields refused (the importer checks what it writes);
* `build`: the objects, dates parsed and nested records built; the corpus
  classes (model.Document, Jurisdiction; corpus_items.Item, Unit, Indicator)
  are these records with their links added;
* `dump`: a record as YAML holds it (units.py writes registries so);
* generator.model.export: data.json (the fields marked `export`, then a class's
  EXPORT names) and its JSON Schema.

So a new field is one declaration here, then the code that fills or shows it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any, Callable

from generator.errors import PolicyError, PolicyErrors
from generator.model.node import Node
from generator.model.yamlio import Lines

if TYPE_CHECKING:
    from generator.model.items import Unit
    from generator.model import Jurisdiction

SCHEMA_VERSION = "1.0"   # of data.json (generator.model.export): raise it when an exported field changes

ID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]*$")

# 文件类型 the importer assigns; editors may use others.
BLOCK_KINDS = ("header", "addressee", "paragraph", "section", "table", "signature", "closing")
HEADER_ROLES = ("letterhead", "issuer", "title", "doc_number", "date", "note")


# --- scalar checks: each returns an error message or None, and says in `json` what
# it accepts as JSON Schema (the schema of data.json is made from these) ---------------

def _json(**schema):
    def mark(check):
        check.json = schema
        return check
    return mark


@_json(type="string")
def is_str(v):
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


@_json(type="string", pattern=ID_RE.pattern)
def is_id(v):
    if not isinstance(v, str) or not ID_RE.match(v):
        return "must be an id of lowercase letters, digits, '.' and '-'"
    return None


# Names the site gives pages of its own, beside those of documents, units and jurisdictions.
RESERVED_IDS = {"index", "404", "search", "assets", "sitemap"}


@_json(type="string", pattern=ID_RE.pattern)
def is_page_id(v):
    """An id that names a page of its own (documents/<id>/, units/<id>/, jurisdictions/<id>/)."""
    msg = is_id(v)
    if msg is None and v in RESERVED_IDS:
        return f"'{v}' is reserved: the site names a page of its own so (reserved: {', '.join(sorted(RESERVED_IDS))})"
    return msg


@_json(type="boolean")
def is_bool(v):
    return None if isinstance(v, bool) else "must be true or false"


@_json(type="string", format="date")
def is_date(v):
    if not (isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)):
        return "must be a date written YYYY-MM-DD"
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return f"{v} is not a day of the calendar"
    return None


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


@_json(type="integer", minimum=1)
def is_line(v):
    return None if _whole(v) and v >= 1 else "must be a line number >= 1"


@_json(type="array", items=is_line.json, minItems=2, maxItems=2)
def is_line_range(v):
    ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and x >= 1 for x in v)
          and v[0] <= v[1])
    return None if ok else "must be [first_line, last_line] with 1 <= first <= last"


@_json(type="array", items=is_line_range.json)
def list_of_line_ranges(v):
    if isinstance(v, list) and all(is_line_range(x) is None for x in v):
        return None
    return "must be a list of [first_line, last_line]"


@_json(type="array", items={"type": "string"})
def is_str_list(v):
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return None
    return "must be a list of strings"


@_json(type="array", items={"type": "array", "items": {"type": "string"}})
def is_table_rows(v):
    if isinstance(v, list) and all(isinstance(r, list) and all(isinstance(c, str) for c in r) for r in v):
        return None
    return "must be a list of rows, each a list of cell strings"


def one_of(*choices):
    @_json(enum=list(choices))
    def check(v):
        return None if v in choices else f"must be one of: {', '.join(choices)}"
    return check


@_json(type="number")
def is_number(v):
    ok = isinstance(v, (int, float)) and not isinstance(v, bool)
    return None if ok else "must be a number"


@_json(type="integer", minimum=1900, maximum=2200)
def is_year(v):
    return None if _whole(v) and 1900 <= v <= 2200 else "must be a year such as 2025"


@_json(type="integer", minimum=0)
def is_count(v):
    return None if _whole(v) and v >= 0 else "must be a whole number >= 0"


@_json(type="integer", minimum=1, maximum=9)
def is_level(v):
    return None if isinstance(v, int) and 1 <= v <= 9 else "must be 1..9"


@_json(type="array", items={"type": "string", "minLength": 1})
def unique_names(v):
    msg = is_str_list(v)
    return msg or (None if all(x.strip() for x in v) else "must not hold empty names")


@_json(type="array", items={"type": "integer", "minimum": 1})
def page_starts(v):
    ok = isinstance(v, list) and v and all(_whole(x) and x >= 1 for x in v) and all(a <= b for a, b in zip(v, v[1:]))
    return None if ok else "must be the first text line of each page: whole numbers >= 1, never decreasing"


@dataclass(frozen=True)
class Nested:
    """The check of a field holding a record (`many`: a list of them), validated field by field."""
    cls: type
    many: bool = False


def one(cls: type) -> Nested:
    return Nested(cls)


def many(cls: type) -> Nested:
    return Nested(cls, many=True)


# --- declaring a field -------------------------------------------------------------------

def f(check: Callable[[Any], str | None] | Nested, doc: str = "", *, default: Any = MISSING,
      nullable: bool = False, key: str | None = None, export: bool = False, raw: bool = False):
    """A field of a record, read from YAML. Required unless it has a `default`;
    null allowed only when `nullable`. `key`: its name in YAML when the model
    names it otherwise; `export`: written to data.json (generator.model.export);
    `raw`: a nested record kept as the validated YAML (a later stage builds it)."""
    meta = {"check": check, "doc": doc, "nullable": nullable, "key": key, "export": export, "raw": raw}
    if default is MISSING:
        return field(metadata=meta)
    if default == []:
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


# Every record, and the classes of the corpus made from them: fields by keyword
# only (a subclass adds required fields after the defaults of its record).
record = dataclass(kw_only=True)
# The corpus graph: identity for equality (generator.model.node), its own repr.
linked = dataclass(kw_only=True, eq=False, repr=False)


@dataclass(frozen=True)
class Spec:
    """A record field as validation, construction and export see it."""
    name: str
    key: str
    check: Callable | Nested
    required: bool
    nullable: bool
    export: bool
    doc: str
    load: Callable | None      # YAML value -> model value


_SPECS: dict[type, tuple[Spec, ...]] = {}


def specs(cls: type) -> tuple[Spec, ...]:
    """The fields of `cls` read from YAML (those declared with `f`), in order."""
    try:
        return _SPECS[cls]
    except KeyError:
        _SPECS[cls] = out = tuple(_spec(x) for x in fields(cls) if "check" in x.metadata)
        return out


def _spec(x) -> Spec:
    m = x.metadata
    required = x.default is MISSING and x.default_factory is MISSING
    return Spec(x.name, m["key"] or x.name, m["check"], required, m["nullable"], m["export"], m["doc"],
                None if m["raw"] else _loader(m["check"]))


def _loader(check) -> Callable | None:
    if isinstance(check, Nested):
        return (lambda v: [build(check.cls, x) for x in v]) if check.many else (lambda v: build(check.cls, v))
    return _LOADERS.get(check)


_LOADERS = {is_date: dt.date.fromisoformat, is_line_range: tuple}


# --- the records --------------------------------------------------------------------------

@record
class Source:
    file: str = f(is_str, export=True)
    line_start: int = f(is_line, export=True)
    line_end: int = f(is_line, export=True)
    # the publication a reader cites (淄川区人民政府公报 2022年第3期, a web site): the gazette's
    # running header or the page's 来源
    publication: str | None = f(is_str, default=None)


@record
class Repeal:
    title: str | None = f(is_str, nullable=True)
    doc_number: str | None = f(is_str, default=None, nullable=True)


@record
class Validity:
    trial: bool = f(is_bool, "a trial (试行) policy")
    valid_from: dt.date | None = f(is_date, default=None, nullable=True)
    valid_until: dt.date | None = f(is_date, default=None, nullable=True)
    repeals: list[Repeal] = f(many(Repeal), default=[])
    clause: str | None = f(is_str, default=None, nullable=True)
    lines: tuple[int, int] | None = f(is_line_range, default=None, nullable=True)


# Items (issue: responsibilities): goals, measures, tasks, articles, annex rows.
ITEM_KINDS = ("goal", "measure", "task", "article", "annex_row")
COMPARATORS = ("<=", "<", ">=", ">", "=", "~", "decrease_by", "increase_by", "decrease_to", "increase_to",
               "annual_decrease", "annual_increase")


@record
class Deadline:
    text: str = f(is_str, "as written", export=True)
    date: dt.date | None = f(is_date, "the end of the period named", nullable=True, export=True)
    period: str | None = f(one_of("day", "month", "quarter", "year"), nullable=True)
    recurring: bool = f(is_bool)                      # 每年8月底前
    kind: str = f(one_of("deadline", "ongoing", "relative", "unknown"))


@record
class IndicatorRecord:
    """A numeric target of an item (generator.reading.indicators finds them)."""
    metric: str = f(is_str, export=True)
    comparator: str = f(one_of(*COMPARATORS), export=True)
    value: float = f(is_number, export=True)
    unit: str | None = f(is_str, nullable=True, export=True)
    target_year: int | None = f(is_year, nullable=True, export=True)
    base_year: int | None = f(is_year, nullable=True, export=True)
    base_value: float | None = f(is_number, "由50%提高到65%: 50", default=None, nullable=True)
    raw: str = f(is_str)


@record
class Responsibility:
    """Who does an item, by when, to what target."""
    lead: list[Unit] = f(is_str_list, "牵头单位 (unit ids; in YAML the names as written)", export=True)
    participants: list[Unit] = f(is_str_list, "责任单位 / 配合 / 参与", export=True)
    generic: list[str] = f(is_str_list, "collectives: 各镇办, …有关成员单位", export=True)
    lead_labelled: bool = f(is_bool, "the text itself says who leads", export=True)
    form: str | None = f(is_str, nullable=True)       # how the source wrote it (parser forms)
    raw: str | None = f(is_str, nullable=True)        # the responsibility text(s) as printed
    deadline: Deadline | None = f(one(Deadline), nullable=True, export=True)
    indicators: list[IndicatorRecord] = f(many(IndicatorRecord))


@record
class ItemHead:
    id: str = f(is_id, export=True)
    kind: str = f(one_of(*ITEM_KINDS), export=True)
    path: list[str] = f(is_str_list, "enclosing headings, then the item's number", export=True)
    lines: tuple[int, int] = f(is_line_range)         # the item's source lines, body included
    continued: int = f(is_count)                      # the next n paragraph blocks are its body


# One of several duties in an item, each sentence group closed by its own
# parenthetical (槐荫 污染防治): its own text, units, deadline and targets.
@record
class StatementRecord(Responsibility):
    id: str = f(is_id)
    kind: str = f(one_of(*ITEM_KINDS))
    text: str = f(is_str)
    lines: tuple[int, int] = f(is_line_range)


# (Responsibility, ItemHead): the head's fields first, as the importer writes them.
@record
class ItemRecord(Responsibility, ItemHead):
    """The item of a section or paragraph block."""
    statements: list[StatementRecord] = f(many(StatementRecord), default=[])   # the item holds their union


@record
class TableRow:
    row: int = f(is_count)                            # index into the table's rows
    text: str | None = f(is_str, default=None)        # its task cells (not 序号 or units)
    number: str | None = f(is_str, default=None, nullable=True)   # its 序号


@record
class TableItemRecord(Responsibility, ItemHead, TableRow):
    """An item of a table block: one row."""


@record
class Block:
    kind: str = f(one_of(*BLOCK_KINDS))
    lines: tuple[int, int] = f(is_line_range)
    role: str | None = f(one_of(*HEADER_ROLES), default=None)
    level: int | None = f(is_level, default=None)
    number: str | None = f(is_str, default=None, nullable=True)
    title: str | None = f(is_str, default=None, nullable=True)
    text: str | None = f(is_str, default=None, nullable=True)
    caption: str | None = f(is_str, default=None, nullable=True)
    header: list[str] | None = f(is_str_list, default=None, nullable=True)
    rows: list[list[str]] = f(is_table_rows, default=[])
    row_lines: list | None = f(list_of_line_ranges, default=None)   # each row's own source lines
    # its item (section, paragraph) or items (table rows): generator.model.items builds them
    item: dict | None = f(one(ItemRecord), default=None, raw=True)
    items: list[dict] = f(many(TableItemRecord), default=[], raw=True)


@record
class DocumentRecord:
    id: str = f(is_page_id, export=True)
    jurisdiction: Jurisdiction = f(is_id, "the jurisdiction's id", export=True)
    title: str = f(is_str, export=True)
    doc_number: str | None = f(is_str, "文号", nullable=True, export=True)
    issuer: str | None = f(is_str, nullable=True, export=True)
    date: dt.date | None = f(is_date, nullable=True, export=True)
    published: dt.date | None = f(is_date, "发布日期 of a web copy", default=None, nullable=True, export=True)
    type: str = f(is_str, "文件类型", export=True)
    parent_id: str | None = f(is_id, "the document that issues it", nullable=True, key="parent", export=True)
    validity: Validity = f(one(Validity))
    source: Source = f(one(Source), export=True)
    blocks: list[Block] = f(many(Block))


@record
class JurisdictionRecord:
    id: str = f(is_page_id, export=True)
    name: str = f(is_str, export=True)
    short_name: str = f(is_str, export=True)
    level: str = f(is_str, export=True)
    parent: str | None = f(is_str, default=None, nullable=True, export=True)
    review: bool = f(is_bool, default=False)      # added by an import from the text: an editor confirms it


@record
class Furniture:
    kind: str = f(is_str)
    lines: tuple[int, int] = f(is_line_range)
    text: str | None = f(is_str, default=None, nullable=True)


# content/units/<jurisdiction>.yml: a list of these (generator.model.units reads and writes it).
@record
class UnitRecord:
    id: str = f(is_page_id, export=True)
    name: str = f(is_str, "canonical name", export=True)
    aliases: list[str] = f(unique_names, "other spellings seen in the sources", default=[], export=True)
    kind: str = f(one_of("unit", "generic"), "generic: a collective such as 各镇办", export=True)


@record
class Manifest:
    source: str = f(is_str)
    jurisdiction: str = f(is_id)
    sha256: str = f(is_str)
    documents: list[str] = f(is_str_list)
    furniture: list[Furniture] = f(many(Furniture))
    unplaced: list[Furniture] = f(many(Furniture), default=[])
    script: str | None = f(one_of("traditional"), default=None)   # a traditional copy, read in simplified characters
    # the file the text was read from, when it is not the text itself (issue: formats)
    format: str | None = f(one_of("text", "pdf", "docx", "html"), default=None)
    original: str | None = f(is_str, default=None)               # sources/<stem>.pdf …, kept beside the text
    encoding: str | None = f(is_str, default=None)               # of a text or page not in UTF-8 (gb18030 …)
    pages: list[int] | None = f(page_starts, default=None)       # a PDF: the text line each page starts on


# content/metrics.yml: metrics declared the same (generator.model.items).
@record
class Metric:
    metric: str = f(is_str)
    same: list[str] = f(is_str_list)


# --- construction and validation ------------------------------------------------------------

_PLANS: dict[type, dict[str, tuple[str, Callable | None]]] = {}


def build(cls: type, data: dict, **values):
    """An object of `cls` from validated YAML: each field from its key (a date
    parsed, a nested record built); `values` (links, fields the YAML does not
    hold) given. Keys `cls` does not declare are left out."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = {s.key: (s.name, s.load) for s in specs(cls)}
    for key, v in data.items():
        step = plan.get(key)
        if step is not None and step[0] not in values:
            name, load = step
            values[name] = v if load is None or v is None else load(v)
    return cls(**values)


def plain(value, how: Callable | None = None):
    """A model value as YAML and JSON hold it: dates ISO, linked records by id,
    other records as `how` (default: dump) writes them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Node):
        return value.id
    if isinstance(value, (list, tuple)):
        return [plain(x, how) for x in value]
    if is_dataclass(value):
        return (how or dump)(value)
    return value


def dump(obj) -> dict:
    """The record fields of `obj` under their YAML keys."""
    return {s.key: plain(getattr(obj, s.name)) for s in specs(type(obj))}


def validate(data: Any, cls: type, file: str, lines: Lines, path: tuple = ()) -> None:
    """Raise PolicyErrors listing every problem of `data` against the record `cls`."""
    errors: list[PolicyError] = []
    _validate(data, cls, file, lines, path, errors)
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


def _validate(data, cls: type, file, lines, path, errors):
    if not isinstance(data, dict):
        errors.append(PolicyError("must be a mapping of fields", file, _line(lines, path),
                                  _dotted(path) or None))
        return
    known = specs(cls)
    for s in known:
        fpath = path + (s.key,)
        if s.key not in data:
            if s.required:
                errors.append(PolicyError("is missing", file, _line(lines, path), _dotted(fpath)))
            continue
        value = data[s.key]
        if value is None:
            if not s.nullable:
                errors.append(PolicyError("must not be empty", file, _line(lines, fpath), _dotted(fpath)))
        elif not isinstance(s.check, Nested):
            msg = s.check(value)
            if msg:
                errors.append(PolicyError(msg, file, _line(lines, fpath), _dotted(fpath)))
        elif not s.check.many:
            _validate(value, s.check.cls, file, lines, fpath, errors)
        elif not isinstance(value, list):
            errors.append(PolicyError("must be a list", file, _line(lines, fpath), _dotted(fpath)))
        else:
            for i, item in enumerate(value):
                _validate(item, s.check.cls, file, lines, fpath + (i,), errors)
    keys = {s.key for s in known}
    for name in data:
        if name not in keys:
            errors.append(PolicyError(
                f"unknown field (known: {', '.join(s.key for s in known)})", file,
                _line(lines, path + (name,)), _dotted(path + (name,))))
