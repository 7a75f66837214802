"""The open-data JSON: units, documents, items, indicators (also on the site as data.json)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.model.items import Item
from generator.model import Corpus, Document


def _document(doc: Document) -> dict:
    v = doc.validity
    return {
        "id": doc.id,
        "jurisdiction": doc.jurisdiction.id,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "date": doc.date.isoformat() if doc.date else None,
        "published": doc.published.isoformat() if doc.published else None,
        "type": doc.type,
        "parent": doc.parent_id,
        "children": [c.id for c in doc.children],
        "status": doc.status,
        "trial": v.trial,
        "valid_from": v.valid_from.isoformat() if v.valid_from else None,
        "valid_until": v.valid_until.isoformat() if v.valid_until else None,
        "source": {"file": doc.source.file, "line_start": doc.source.line_start,
                   "line_end": doc.source.line_end},
        "cites": [{"title": c.title, "doc_number": c.doc_number, "document": c.target.id if c.target else None}
                  for c in doc.citations],
    }


def _item(it: Item) -> dict:
    d = it.deadline
    return {
        "id": it.id, "document": it.document.id, "kind": it.kind, "number": it.number,
        "path": list(it.path), "text": it.text,
        "lead": [u.id for u in it.lead], "participants": [u.id for u in it.participants],
        "generic": list(it.generic), "lead_labelled": it.lead_labelled,
        "deadline": {"text": d["text"], "date": d.get("date")} if d else None,
        "parent": it.parent.id if it.parent else None,
        "source": {"file": it.document.source.file, "line_start": it.lines[0], "line_end": it.lines[1]},
    }


def _items(corpus: Corpus):
    """Each item, its statements first: a statement is the narrower reading of its lines."""
    for it in corpus.items.values():
        yield from it.statements
        yield it


def export_data(corpus: Corpus) -> dict:
    """Plain JSON-ready data."""
    return {
        "jurisdictions": [{"id": j.id, "name": j.name, "short_name": j.short_name, "level": j.level,
                           "parent": j.parent} for j in corpus.jurisdictions.values()],
        "units": [{"id": u.id, "jurisdiction": u.jurisdiction.id, "name": u.name, "aliases": list(u.aliases),
                   "kind": u.kind} for u in corpus.units.values()],
        "documents": [_document(d) for d in corpus.documents.values()],
        "items": [_item(it) for it in _items(corpus)],
        "indicators": [{"item": i.item.id, "metric": i.metric, "comparator": i.comparator, "value": i.value,
                        "unit": i.unit, "target_year": i.target_year, "base_year": i.base_year}
                       for i in corpus.indicators],
    }


def write_json(data: dict, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_export(corpus: Corpus, path: Path) -> None:
    write_json(export_data(corpus), path)
