"""The open-data JSON: units, documents, items, indicators (also on the site as data.json)."""

from __future__ import annotations

import json
from pathlib import Path

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
        "type": doc.type,
        "parent": doc.parent_id,
        "children": [c.id for c in doc.children],
        "status": doc.status,
        "trial": v.trial,
        "valid_from": v.valid_from.isoformat() if v.valid_from else None,
        "valid_until": v.valid_until.isoformat() if v.valid_until else None,
        "source": {"file": doc.source.file, "line_start": doc.source.line_start,
                   "line_end": doc.source.line_end},
    }


def export_data(corpus: Corpus) -> dict:
    """Plain JSON-ready data; units, items and indicators come from later stages."""
    return {
        "jurisdictions": [{"id": j.id, "name": j.name, "short_name": j.short_name, "level": j.level,
                           "parent": j.parent} for j in corpus.jurisdictions.values()],
        "units": list(corpus.units),
        "documents": [_document(d) for d in corpus.documents.values()],
        "items": list(corpus.items),
        "indicators": list(corpus.indicators),
    }


def write_json(data: dict, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_export(corpus: Corpus, path: Path) -> None:
    write_json(export_data(corpus), path)
