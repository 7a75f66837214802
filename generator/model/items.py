"""Contents, second half: units, items, indicators and citations on top of the
loaded documents, with the cross indexes every page generator reads (built once).

* units: content/units/<jurisdiction>.yml, one registry per jurisdiction; an
  item's unit names resolve in its own jurisdiction only (淄川's 区财政局 is not
  东昌府's);
* items: the `item` / `items` mappings the importer wrote on blocks; an item's
  `statements` become child items (the item keeps their union);
* indicators: numeric targets of items, grouped by metric across jurisdictions,
  metrics merged only where content/metrics.yml declares them the same;
* citations: 《title》 in any block, linked to the corpus document of that title
  or 文号; the rest listed as external;
* twins: the same goal in other jurisdictions (a shared metric, or the same
  wording once numbers and units are set aside).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.model import schema, yamlio
from generator.errors import PolicyError
from generator.model.node import Node
from generator.model.schema import IndicatorRecord, ItemHead, Responsibility, Source, UnitRecord, linked
from generator.model.units import UnitRegistry, load_registry, places_of

if TYPE_CHECKING:
    from generator.model import Corpus, Document, Jurisdiction
    from generator.model.schema import Block


@linked
class Unit(Node, UnitRecord):
    jurisdiction: Jurisdiction
    led: list[Item] = field(default_factory=list)      # items it leads (牵头), corpus order
    joined: list[Item] = field(default_factory=list)   # items it takes part in (责任/配合)

    EXPORT = ("jurisdiction",)    # data.json, besides the record's exported fields

    @property
    def real(self) -> bool:
        """A real office, not a collective such as 各镇办."""
        return self.kind == "unit"

    @property
    def has_page(self) -> bool:
        """A real office with something to do: a registry entry no item names
        (left by an edit) would make a page nothing links to."""
        return self.real and bool(self.led or self.joined)


@linked
class Indicator(Node, IndicatorRecord):
    item: Item
    group: str = ""            # the metric it is compared under (metrics.yml synonyms)

    EXPORT = ("item",)


@linked
class Item(Node, Responsibility, ItemHead):
    """A goal, measure, task, article or annex row (schema.ItemRecord, TableItemRecord),
    or a statement of one (schema.StatementRecord), its unit names resolved."""
    document: Document
    text: str
    block: int                 # index of its block in document.blocks
    row: int | None = None     # table row, for annex rows and task tables
    parent: Item | None = None  # the item a statement belongs to
    statements: list[Item] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    domain: str | None = None

    EXPORT = ("document", "number", "text", "parent", "source")

    @property
    def number(self) -> str | None:
        return self.path[-1] if self.path else None

    @property
    def generic_lead(self) -> list[str]:
        """Collectives the text makes the lead where no office leads (a 牵头 column holding
        突发事件主要牵头部门, 由各级统计部门牵头): readers see them as the lead, not as nobody."""
        if self.lead or not self.lead_labelled or not self.raw:
            return []
        return [g for g in self.generic if "牵头" in g or re.search(re.escape(g) + r"[^，,；;。\n]{0,6}牵头", self.raw)]

    @property
    def other_generic(self) -> list[str]:
        """Collectives that take part (各镇街, 有关部门): the generic names that do not lead."""
        lead = self.generic_lead
        return [g for g in self.generic if g not in lead]

    @property
    def responsible(self) -> bool:
        return bool(self.lead or self.participants or self.generic)

    @property
    def page(self) -> Item:
        """The item whose page shows this one (a statement is shown on its item's)."""
        return self.parent or self

    @property
    def has_page(self) -> bool:
        """Items with a responsibility or a target get a page of their own."""
        return self.parent is None and (self.responsible or bool(self.indicators))

    @property
    def due(self) -> dt.date | None:
        """The deadline's date (None when it names no date)."""
        return self.deadline.date if self.deadline else None

    @property
    def source(self) -> Source:
        """Its lines in the source the document was read from."""
        return Source(file=self.document.source.file, line_start=self.lines[0], line_end=self.lines[1])


@dataclass(repr=False)
class Domain(Node):
    """A field of a plan (妇女与健康) with its goals and measures in source order."""
    name: str
    items: list[Item]

    @property
    def goals(self) -> list[Item]:
        return [i for i in self.items if i.kind == "goal"]

    @property
    def measures(self) -> list[Item]:
        return [i for i in self.items if i.kind != "goal"]


@dataclass
class Citation:
    title: str                 # as written between 《》
    doc_number: str | None     # 文号 given after it, if any
    target: Document | None    # the cited corpus document, None when external

    EXPORT = ("title", "doc_number", "document=target")


# --- units --------------------------------------------------------------------------------

def load_units(corpus: Corpus, errors: list[PolicyError]) -> dict[str, UnitRegistry]:
    """One registry per jurisdiction (an absent file is an empty registry);
    Corpus.units gets every unit, ids unique across the corpus."""
    registries = {}
    seen: dict[str, str] = {}
    for jur in corpus.jurisdictions.values():
        path = corpus.content_dir / "units" / f"{jur.id}.yml"
        places = places_of({"name": jur.name, "short_name": jur.short_name, "level": jur.level})
        if not path.is_file():
            registries[jur.id] = UnitRegistry(jur.id, places)
            continue
        try:
            reg = load_registry(path, jur.id, places)
        except PolicyError as exc:
            errors.extend(getattr(exc, "errors", [exc]))
            continue
        registries[jur.id] = reg
        for u in reg.units:
            if u.id in seen:
                errors.append(PolicyError(f"duplicate unit id {u.id!r}, also in {seen[u.id]}", str(path),
                                          None, "id"))
                continue
            seen[u.id] = str(path)
            unit = schema.build(Unit, schema.dump(u), jurisdiction=jur)
            corpus.units[u.id] = unit
            jur.units.append(unit)
    return registries


# --- items ----------------------------------------------------------------------------------

def _block_text(b: Block) -> str:
    return "".join(x for x in (b.number, b.title, b.text) if x)


def _field(where: tuple) -> str:
    return schema._dotted(where)


class _ItemReader:
    """Builds the Items of one document, resolving unit names in its jurisdiction."""

    def __init__(self, corpus: Corpus, doc: Document, lines: yamlio.Lines, registry: UnitRegistry | None,
                 errors: list[PolicyError]):
        self.corpus, self.doc, self.lines, self.registry, self.errors = corpus, doc, lines, registry, errors

    def units(self, names: list[str], where: tuple, exclude: list[str] = ()) -> list[Unit]:
        """The units behind `names`, once each; those of `exclude` (an item's leads, which
        take no part beside themselves, whatever spelling names them) left out."""
        skip = {u.id for n in exclude for u in [self.registry.resolve(n) if self.registry else None] if u}
        out = []
        for k, name in enumerate(names):
            found = self.registry.resolve(name) if self.registry else None
            unit = self.corpus.units.get(found.id) if found else None
            if unit is None:
                jur = self.doc.jurisdiction.id
                self.errors.append(PolicyError(
                    f"unknown unit {name} in {jur} (add it to content/units/{jur}.yml)",
                    str(self.doc.file), schema._line(self.lines, where + (k,)), _field(where + (k,))))
            elif unit not in out and unit.id not in skip:
                out.append(unit)
        return out

    def item(self, data: dict, where: tuple, text: str, block: int, row: int | None = None,
             parent: Item | None = None) -> Item:
        it = schema.build(
            Item, data, document=self.doc, text=text, block=block, row=row, parent=parent,
            # a statement: its item's path, and no body of its own
            path=list(data.get("path") or (parent.path if parent else [])), continued=data.get("continued", 0),
            lead=self.units(data["lead"], where + ("lead",)),
            participants=self.units(data["participants"], where + ("participants",), exclude=data["lead"]),
            indicators=[])
        it.indicators = [schema.build(Indicator, ind, item=it) for ind in data["indicators"]]
        it.statements = [self.item(s, where + ("statements", k), s["text"], block, row, it)
                         for k, s in enumerate(data.get("statements") or [])]
        return it

    def read(self) -> list[Item]:
        blocks = self.doc.blocks
        out = []
        for i, b in enumerate(blocks):
            where = ("blocks", i)
            if b.item is not None:
                data = b.item
                body = [_block_text(x) for x in blocks[i + 1:i + 1 + data.get("continued", 0)]]
                out.append(self.item(data, where + ("item",), "\n".join([_block_text(b), *body]), i))
            for k, data in enumerate(b.items):
                row = data["row"]
                cells = b.rows[row] if row < len(b.rows) else []
                text = data.get("text") or " ".join(c for c in cells if c)
                out.append(self.item(data, where + ("items", k), text, i, row))
        return out


# Headings that name a part's kind (主要目标, 策略措施 …), not a field of work.
_PART_LABEL = re.compile(r"^(?:主要|总体|发展|工作|创建|具体|预期|规划|策略|任务|重点|政策)?(?:目标|措施|任务|举措)$")
_UMBRELLA = re.compile(r"领域|任务|措施|目标|要求")


def domain_of(path: list[str]) -> str:
    """The field an item belongs to: the heading under an umbrella part
    (发展领域、主要目标和策略措施 > 妇女与健康; 主要任务 > 完善安全生产责任体系),
    else its top-level part."""
    heads = [h for h in path[:-1] if not re.fullmatch(r"[\d.（）()一二三四五六七八九十、]+", h)]
    if not heads:
        return "总体"
    if len(heads) >= 2 and _UMBRELLA.search(heads[0]) and not _PART_LABEL.match(heads[1]):
        return heads[1]
    return heads[0]


def build_items(corpus: Corpus, lines_of: dict[str, yamlio.Lines], registries: dict[str, UnitRegistry],
                errors: list[PolicyError]) -> None:
    seen: dict[str, Item] = {}
    for doc in corpus.documents.values():
        reader = _ItemReader(corpus, doc, lines_of[doc.id], registries.get(doc.jurisdiction.id), errors)
        for it in reader.read():
            for x in (it, *it.statements):
                if x.id in seen:
                    errors.append(PolicyError(f"duplicate item id {x.id!r}, also in {seen[x.id].document.file}",
                                              str(doc.file), schema._line(lines_of[doc.id], ("blocks", x.block)),
                                              "item.id"))
                seen[x.id] = x
            it.domain = domain_of(it.path)
            doc.items.append(it)
            corpus.items[it.id] = it
            for unit in it.lead:
                unit.led.append(it)
            for unit in it.participants:
                if unit not in it.lead:   # a lead named among participants too is shown as lead
                    unit.joined.append(it)
            corpus.indicators += [ind for x in (it, *it.statements) for ind in x.indicators]


def domains(doc: Document) -> list[Domain]:
    """A document's items by field, in source order."""
    by: dict[str, list[Item]] = {}
    for it in doc.items:
        by.setdefault(it.domain, []).append(it)
    return [Domain(name, items) for name, items in by.items()]


# --- metrics ---------------------------------------------------------------------------------

def load_metric_synonyms(content_dir: Path, errors: list[PolicyError]) -> dict[str, str]:
    """content/metrics.yml: [{metric, same: [names]}] -> name -> the metric it counts as."""
    path = content_dir / "metrics.yml"
    if not path.is_file():
        return {}
    try:
        data, lines = yamlio.load(path)
        if data is None:
            return {}
        if not isinstance(data, list):
            raise PolicyError("must be a list of {metric, same}", str(path), 1)
        out = {}
        for i, entry in enumerate(data):
            schema.validate(entry, schema.Metric, str(path), lines, (i,))
            for name in entry["same"]:
                out[_metric_key(name)] = entry["metric"]
        return out
    except PolicyError as exc:
        errors.extend(getattr(exc, "errors", [exc]))
        return {}


def _metric_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def group_metrics(corpus: Corpus, synonyms: dict[str, str]) -> None:
    """Corpus.metrics: metric -> its indicators across jurisdictions; only names
    spelled alike (whitespace aside) or declared synonyms share a metric."""
    groups: dict[str, list[Indicator]] = defaultdict(list)
    for ind in corpus.indicators:
        key = _metric_key(ind.metric)
        ind.group = synonyms.get(key, key)
        groups[ind.group].append(ind)
    corpus.metrics = dict(sorted(groups.items(), key=lambda kv: (-_spread(kv[1]), -len(kv[1]), kv[0])))


def _spread(inds: list[Indicator]) -> int:
    return len({i.item.document.jurisdiction.id for i in inds})


# --- citations ------------------------------------------------------------------------------

_CITE = re.compile(r"《([^《》\n]{2,80})》(?:[（(]([^（）()]*?〔\d{4}〕\s*\d+\s*号)[）)])?")


def title_key(title: str) -> str:
    t = re.sub(r"\s+", "", title)
    return t.translate(str.maketrans("“”\"'‘’（）()", "''''''［］［］"))


def cite_index(corpus: Corpus) -> dict[str, Document]:
    """Normalised title and 文号 -> document."""
    index = {}
    for doc in corpus.documents.values():
        jur = doc.jurisdiction
        index.setdefault(title_key(doc.title), doc)
        if doc.title.startswith(jur.short_name) and jur.name != jur.short_name:  # 济南市槐荫区… for 槐荫区…
            index.setdefault(title_key(jur.name + doc.title[len(jur.short_name):]), doc)
        if doc.doc_number:
            index.setdefault(title_key(doc.doc_number), doc)
    return index


def find_citations(text: str, index: dict[str, Document]) -> list[tuple[re.Match, Document | None]]:
    out = []
    for m in _CITE.finditer(text or ""):
        target = index.get(title_key(m.group(1)))
        if target is None and m.group(2):
            target = index.get(title_key(m.group(2)))
        out.append((m, target))
    return out


def _texts(doc: Document):
    for b in doc.blocks:
        yield from (x for x in (b.title, b.text, b.caption) if x)
        for row in b.rows:
            yield from (c for c in row if c)


def link_citations(corpus: Corpus) -> None:
    index = cite_index(corpus)
    corpus.cite_index = index
    for doc in corpus.documents.values():
        seen = set()
        for text in _texts(doc):
            for m, target in find_citations(text, index):
                if target is doc:
                    continue
                key = target.id if target else title_key(m.group(1))
                if key in seen:
                    continue
                seen.add(key)
                doc.citations.append(Citation(m.group(1), m.group(2), target))
                if target is not None and doc not in target.cited_by:
                    target.cited_by.append(doc)


# --- twins -------------------------------------------------------------------------------

def wording_key(text: str) -> str:
    """An item's wording without its number, its responsibility parenthetical,
    digits, punctuation and spaces: the same goal copied into another
    jurisdiction's plan (区卫健局 / 市卫健委) compares equal."""
    t = re.sub(r"[（(\[［【][^（）()\[\]［］【】]*(?:牵头|责任|负责|配合|参与)[^（）()\[\]［］【】]*[）)\]］】]", "", text)
    t = re.sub(r"^\s*[（(]?[\d一二三四五六七八九十]+[）)、.．]?", "", t)
    return re.sub(r"[\W\d_]+", "", t)


class Twins:
    """Items with a page, by metric and by wording_key (keys of six characters
    or more: a shorter wording says too little to be the same goal)."""

    def __init__(self, corpus: Corpus):
        self.order = {j: i for i, j in enumerate(corpus.jurisdictions)}
        self.by_metric: dict[str, list[Item]] = defaultdict(list)
        self.by_wording: dict[str, list[Item]] = defaultdict(list)
        for it in corpus.items.values():
            if not it.has_page:
                continue
            for group in {i.group for i in it.indicators}:
                self.by_metric[group].append(it)
            key = wording_key(it.text)
            if len(key) >= 6:
                self.by_wording[key].append(it)

    def of(self, it: Item) -> list[Item]:
        """The twins of `it` in other jurisdictions, in registry order."""
        jur = it.document.jurisdiction
        found = [o for g in dict.fromkeys(i.group for i in it.indicators) for o in self.by_metric[g]]
        found += self.by_wording.get(wording_key(it.text), [])
        out = [o for o in dict.fromkeys(found) if o.document.jurisdiction is not jur]
        return sorted(out, key=lambda o: self.order[o.document.jurisdiction.id])


def link_contents(corpus: Corpus, lines_of: dict[str, Any], errors: list[PolicyError]) -> None:
    """Units, items, indicators, citations and their indexes (errors collected)."""
    registries = load_units(corpus, errors)
    synonyms = load_metric_synonyms(corpus.content_dir, errors)
    if errors:
        return
    build_items(corpus, lines_of, registries, errors)
    group_metrics(corpus, synonyms)
    link_citations(corpus)
    corpus.twins = Twins(corpus)
