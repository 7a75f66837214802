"""The importer never crashes on damaged gazettes: only PolicyError may escape,
and what it returns is valid against the schema and holds the text it kept."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from generator.model import schema
from generator.errors import PolicyError
from generator.reading import import_text
from importer_support import expected_text, held_text

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"
GAZETTES = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in sorted(SOURCES.glob("*.txt"))}


def rewrap(lines: list[str], columns: int) -> list[str]:
    out = []
    for line in lines:
        while len(line) > columns:
            out += [line[:columns], ""]
            line = line[columns:]
        out.append(line)
    return out


@st.composite
def damaged(draw):
    stem = draw(st.sampled_from(sorted(GAZETTES)))
    lines = GAZETTES[stem]
    start = draw(st.integers(0, len(lines) - 1))
    size = draw(st.integers(1, 400))
    part = list(lines[start:start + size])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "blank", "county", "truncate"]))
        k = draw(st.integers(0, max(0, len(part) - 1)))
        if not part:
            break
        if op == "delete":
            del part[k]
        elif op == "duplicate":
            part.insert(k, part[k])
        elif op == "blank":
            part.insert(k, "")
        elif op == "county":
            part = [ln.replace("区", "县") for ln in part]
        else:
            part[k] = part[k][:draw(st.integers(0, len(part[k])))]
    if draw(st.booleans()):
        part = rewrap(part, draw(st.integers(8, 40)))
    return stem, "\n".join(part)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_importer_never_crashes_on_damaged_excerpts(case):
    stem, raw = case
    try:
        result = import_text(raw, stem, stem.split("-")[0])
    except PolicyError:
        return
    for doc in result.documents:
        schema.validate(doc, schema.DocumentRecord, doc["id"], {})
    schema.validate(result.manifest, schema.Manifest, stem, {})
    # every character is held by a block or listed as unplaced, in order
    loose = {"blocks": [{"kind": "paragraph", "text": u["text"], "lines": u["lines"]}
                        for u in result.unplaced]}
    assert held_text(result.documents + [loose]) == expected_text(raw, result.manifest)
