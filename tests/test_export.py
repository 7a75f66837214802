"""`policykb export`: the open-data JSON, through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import schema
from generator.errors import PolicyError
from generator.model.export import described, exported, json_schema
from generator.model.schema import SCHEMA_VERSION, UnitRecord, f, is_str, record

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
DOCUMENT_FIELDS = {"id", "title", "doc_number", "issuer", "date", "type", "parent", "status",
                   "valid_from", "valid_until", "source"}


def export(content: Path, out: Path) -> dict:
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "export",
                          "--output", str(out)], capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_lists_every_document_with_its_metadata(tmp_path):
    data = export(FIXTURE, tmp_path / "data.json")
    assert {"units", "documents", "items", "indicators"} <= set(data)
    docs = {d["id"]: d for d in data["documents"]}
    assert len(docs) == 5
    assert all(DOCUMENT_FIELDS <= set(d) for d in docs.values())
    plan = docs["zichuan-2022-01-1"]
    assert plan["parent"] == "zichuan-2022-01"
    assert plan["source"] == {"file": "sources/zichuan-2022.txt", "line_start": 31, "line_end": 90}
    assert docs["zichuan-2022-01"]["children"] == ["zichuan-2022-01-1", "zichuan-2022-01-2"]
    assert docs["zichuan-2022-01"]["doc_number"] == "川政发〔2022〕7号"
    assert docs["yantai-2021-01"]["status"] == "已失效"
    assert docs["yantai-2021-01"]["valid_until"] == "2023-03-31"
    assert docs["yantai-2021-02"]["date"] is None
    assert docs["yantai-2021-01"]["title"].startswith("<script>alert(1)</script>")  # data, not HTML


def test_export_of_bad_content_fails_cleanly(tmp_path):
    content = tmp_path / "content"
    (content / "documents" / "zichuan").mkdir(parents=True)
    (content / "jurisdictions.yml").write_bytes((FIXTURE / "jurisdictions.yml").read_bytes())
    (content / "documents" / "zichuan" / "x.yml").write_text("id: x\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "export",
                          "--output", str(tmp_path / "d.json")], capture_output=True, text=True)
    assert run.returncode == 1 and "x.yml:1: title: is missing" in run.stderr
    assert not (tmp_path / "d.json").exists()


def test_data_json_is_valid_against_its_schema(tmp_path):
    data = export(ROOT / "content", tmp_path / "data.json")   # items, indicators, statements, citations
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["items"] and data["indicators"] and any(d["cites"] for d in data["documents"])
    assert problems(data, json_schema()) == []


def test_the_schema_check_finds_what_it_should():
    described = json_schema()
    good = {"schema_version": SCHEMA_VERSION, "jurisdictions": [], "units": [], "documents": [], "items": [],
            "indicators": []}
    assert problems(good, described) == []
    unit = {"id": "u-1", "jurisdiction": "zichuan", "name": "区财政局", "aliases": [], "kind": "unit"}
    assert problems({**good, "units": [unit]}, described) == []
    assert problems({**good, "units": [{**unit, "kind": "office"}]}, described) == ["units[0].kind: not one of"]
    assert problems({**good, "units": [{**unit, "new": 1}]}, described) == ["units[0].new: not described"]
    assert problems({**good, "units": [{**unit, "aliases": None}]}, described) == ["units[0].aliases: not array"]


def test_a_new_field_is_one_declaration():
    """Declared on its record, a field is checked, read, exported and described."""
    @record
    class Noted(UnitRecord):
        note: str | None = f(is_str, "an editor's note", default=None, nullable=True, export=True)

    entry = {"id": "u-1", "name": "区财政局", "kind": "unit", "note": "新设"}
    schema.validate(entry, Noted, "units.yml", {})
    with pytest.raises(PolicyError, match="must be a non-empty string"):
        schema.validate({**entry, "note": 3}, Noted, "units.yml", {})
    assert exported(schema.build(Noted, entry))["note"] == "新设"
    assert described(Noted)["properties"]["note"] == {
        "anyOf": [{"type": "string", "description": "an editor's note"}, {"type": "null"}]}


# The part of JSON Schema (draft 2020-12) that json_schema() writes: the venv has no
# validator of its own, and this one is small enough to read.
_TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
          "boolean": bool, "null": type(None)}


def problems(value, s: dict, where: str = "") -> list[str]:
    if "anyOf" in s:
        return [] if any(not problems(value, alt, where) for alt in s["anyOf"]) else [f"{where}: no alternative fits"]
    if "const" in s:
        return [] if value == s["const"] else [f"{where}: not {s['const']!r}"]
    if "enum" in s:
        return [] if value in s["enum"] else [f"{where}: not one of"]
    kind = s["type"]
    if not isinstance(value, _TYPES[kind]) or (isinstance(value, bool) and kind in ("integer", "number")):
        return [f"{where}: not {kind}"]
    out = []
    if kind == "object":
        out += [f"{where}.{k}".lstrip(".") + ": missing" for k in s.get("required", []) if k not in value]
        for k, v in value.items():
            if k not in s["properties"]:
                out.append(f"{where}.{k}".lstrip(".") + ": not described")
            else:
                out += problems(v, s["properties"][k], f"{where}.{k}".lstrip("."))
    elif kind == "array":
        if not s.get("minItems", 0) <= len(value) <= s.get("maxItems", len(value)):
            out.append(f"{where}: length")
        for i, x in enumerate(value):
            out += problems(x, s["items"], f"{where}[{i}]")
    elif kind == "string":
        if "pattern" in s and not re.search(s["pattern"], value):
            out.append(f"{where}: pattern")
        if s.get("format") == "date":
            dt.date.fromisoformat(value)
    elif kind in ("integer", "number") and not s.get("minimum", value) <= value <= s.get("maximum", value):
        out.append(f"{where}: range")
    return out
