"""The open-data JSON: units, documents, items, indicators (also on the site as
data.json), and its JSON Schema (data.schema.json), both made from the model.

What a record exports is declared on it: its fields marked `export=True`
(generator.model.schema), then the names in its class's EXPORT: links and computed
values (`key=dotted.path` where the key differs). Values are written as YAML
holds them: dates ISO, linked records (documents, items, units) by id.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from generator.model import corpus as corpus_module, items as items_module, schema
from generator.model.items import Indicator, Item, Unit
from generator.model import Corpus, Document, Jurisdiction
from generator.model.node import Node
from generator.model.schema import SCHEMA_VERSION, Nested, Spec, specs

# data.json's lists: name -> the record of each entry
TABLES = {"jurisdictions": Jurisdiction, "units": Unit, "documents": Document, "items": Item,
          "indicators": Indicator}


def _items(corpus: Corpus):
    """Each item, its statements first: a statement is the narrower reading of its lines."""
    for it in corpus.items.values():
        yield from it.statements
        yield it


def _rows(corpus: Corpus, table: str):
    if table == "items":
        return _items(corpus)
    found = getattr(corpus, table)
    return found.values() if isinstance(found, dict) else found


def export_data(corpus: Corpus) -> dict:
    """Plain JSON-ready data."""
    return {"schema_version": SCHEMA_VERSION,
            **{table: [exported(x) for x in _rows(corpus, table)] for table in TABLES}}


def _extras(cls: type) -> list[tuple[str, list[str]]]:
    """The EXPORT names of `cls` as (key, attribute path)."""
    out = []
    for entry in getattr(cls, "EXPORT", ()):
        key, _, path = entry.partition("=")
        out.append((key, (path or key).split(".")))
    return out


def _get(obj, path: list[str]):
    for name in path:
        obj = getattr(obj, name)
    return obj


def exported(obj) -> dict:
    """What data.json says of one record."""
    out = {s.key: schema.plain(getattr(obj, s.name), exported) for s in specs(type(obj)) if s.export}
    out.update((key, schema.plain(_get(obj, path), exported)) for key, path in _extras(type(obj)))
    return out


def write_json(data: dict, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_export(corpus: Corpus, path: Path) -> None:
    write_json(export_data(corpus), path)


# --- the JSON Schema of data.json --------------------------------------------------------------

def json_schema() -> dict:
    """data.json described (JSON Schema draft 2020-12), from the same declarations."""
    tables = {table: {"type": "array", "items": described(cls)} for table, cls in TABLES.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "data.schema.json",
        "title": "policykb open data",
        "type": "object",
        "properties": {"schema_version": {"const": SCHEMA_VERSION}, **tables},
        "required": ["schema_version", *tables],
        "additionalProperties": False,
    }


def described(cls: type) -> dict:
    """The JSON Schema of what data.json says of a `cls` record."""
    props = {s.key: _field(s) for s in specs(cls) if s.export}
    props.update((key, _path(cls, path)) for key, path in _extras(cls))
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def _nullable(described: dict) -> dict:
    return {"anyOf": [described, {"type": "null"}]}


def _field(s: Spec) -> dict:
    if isinstance(s.check, Nested):
        out = described(s.check.cls)
        out = {"type": "array", "items": out} if s.check.many else out
    else:
        out = dict(s.check.json)
    if s.doc:
        out["description"] = s.doc
    return _nullable(out) if s.nullable else out


def _path(cls: type, path: list[str]) -> dict:
    """The schema of the value at `path` from a `cls` record."""
    name, rest = path[0], path[1:]
    spec = next((s for s in specs(cls) if s.name == name), None)
    if spec is not None and rest:
        return _path(spec.check.cls, rest)
    if spec is not None:
        return _field(spec)
    declared = {x.name: x.type for x in fields(cls)}
    return _annotation(declared[name] if name in declared else getattr(cls, name).fget.__annotations__["return"])


_SIMPLE = {"str": {"type": "string"}, "int": {"type": "integer"}, "float": {"type": "number"},
           "bool": {"type": "boolean"}, "dt.date": schema.is_date.json}


def _annotation(text: str) -> dict:
    """The schema of a value of the annotated type (annotations are strings here)."""
    if text.endswith(" | None"):
        return _nullable(_annotation(text[:-len(" | None")]))
    if text.startswith("list["):
        return {"type": "array", "items": _annotation(text[len("list["):-1])}
    if text in _SIMPLE:
        return dict(_SIMPLE[text])
    cls = next(getattr(m, text) for m in (corpus_module, items_module, schema) if hasattr(m, text))
    if issubclass(cls, Node):
        return {"type": "string", "description": f"{text} id"}
    return described(cls)
