"""policykb import: gazette text -> one YAML file per document.

Pipeline (one module per stage):
  text      physical lines; inline and whole-line page furniture removed
  tables    TAB-flattened tables rebuilt
  lines     logical lines: paragraphs re-joined across wraps and page breaks
  segment   notices, the policies they issue, stand-alone tables
  outline   blocks: headings with levels, paragraphs, signatures, closings
  metadata  title, 文号, issuer, date, type, validity
  items     goals, measures, tasks … with responsibility, deadline, targets
  registry  content/units/<jurisdiction>.yml from the units the items name
  writer    YAML with a checksum line; edited files are kept
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from generator import schema, yamlio
from generator.errors import PolicyError
from generator.importer import (columns, genre, items, lines as lines_stage, metadata, registry, segment, tables,
                                text, webpage, writer)


@dataclass
class Imported:
    documents: list[dict]
    manifest: dict
    unplaced: list[dict] = field(default_factory=list)


def import_text(raw: str, stem: str, jurisdiction: str) -> Imported:
    """Import one gazette's text (pure: no files touched)."""
    source = f"sources/{stem}.txt"
    lines, inline = text.read_lines(raw)
    text.mark_furniture(lines)
    pages = webpage.mark(lines)
    furniture = text.records(lines)
    found = tables.find_tables(lines, lines_stage.hard_start)
    taken = {k for t in found for k in range(t.first, t.last + 1)}
    found = sorted(found + columns.find_column_tables(lines, taken), key=lambda t: t.first)
    paras = lines_stage.join(lines, found)
    paras, toc = _drop_contents_lists(paras)
    segments, loose = segment.split(paras)
    _attach_metadata(segments, pages)
    documents: list[dict] = []
    for n, seg in enumerate(segments, 1):
        doc_id = f"{stem}-{n:02d}"
        parent = metadata.document(seg, doc_id, jurisdiction, source, None)
        documents.append(parent)
        for m, child in enumerate(seg.children, 1):
            documents.append(metadata.document(child, f"{doc_id}-{m}", jurisdiction, source, parent))
    for t in found:
        furniture += [{"kind": "table-header-repeat", "lines": list(r), "text": " | ".join(t.header).strip(" |") or None}
                      for r in t.repeated_headers]
    furniture = sorted(furniture + inline + toc, key=lambda f: f["lines"])
    unplaced = [{"kind": "text", "lines": p.lines, "text": p.text} for p in loose]
    unattached = [u for d in documents for u in items.attach(d)]
    manifest = {
        "source": source,
        "jurisdiction": jurisdiction,
        "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "documents": [d["id"] for d in documents],
        "furniture": furniture,
        "unplaced": sorted(unplaced + unattached, key=lambda u: u["lines"]),
    }
    return Imported(documents, manifest, unplaced)


def _attach_metadata(segments: list, pages: list) -> None:
    """A web page's metadata table belongs to the document it stands above (or in)."""
    for page in pages:
        seg = next((s for s in segments if s.last >= page.last), None)
        if seg is not None:
            for key, value in page.values.items():
                seg.meta.setdefault(key, value)


def _drop_contents_lists(paras):
    """A 目录: a run of short heading lines whose first entry recurs right after
    the run, where the text really starts (an optional 目录 line leads it)."""
    out, removed, k = [], [], 0
    while k < len(paras):
        end = _contents_end(paras, k)
        if end:
            removed.append({"kind": "table-of-contents", "lines": [paras[k].first, paras[end - 1].last],
                            "text": "\n".join(p.text for p in paras[k:end])})
            k = end
            continue
        out.append(paras[k])
        k += 1
    return out, removed


def _contents_end(paras, k: int) -> int | None:
    start = k + 1 if text.compact(paras[k].text) == "目录" else k
    if start >= len(paras) or not _entry(paras[start]):
        return None
    first = text.compact(paras[start].text)
    j = start + 1
    while j < len(paras) and _entry(paras[j]):
        if text.compact(paras[j].text) == first:
            return j if j - start >= 3 else None
        j += 1
    return None


def _entry(p) -> bool:
    t = text.compact(p.text)
    return bool(not p.table and not p.boundary and genre.heading(t) and len(t) <= 40
                and not any(c in t for c in "。；，,"))


def jurisdiction_of(path: Path, content_dir: Path) -> str:
    registry = content_dir / "jurisdictions.yml"
    data, _ = yamlio.load(registry)
    ids = sorted((j.get("id") for j in data or [] if isinstance(j, dict) and j.get("id")),
                 key=len, reverse=True)
    for jid in ids:
        if path.stem == jid or path.stem.startswith(jid + "-"):
            return jid
    raise PolicyError(f"file name must start with a jurisdiction id of {registry} "
                      f"(known: {', '.join(sorted(ids))})", file=str(path), line=None, field="jurisdiction")


def run_import(content_dir: Path, sources: list[Path] | None = None, force: bool = False) -> int:
    content_dir = Path(content_dir)
    paths = [Path(s) for s in sources] if sources else sorted((content_dir / "sources").glob("*.txt"))
    if not paths:
        raise PolicyError("no gazette found (put *.txt files in sources/)", file=str(content_dir / "sources"))
    kept: list[Path] = []
    imported: dict[str, list[tuple[Path, Imported]]] = {}
    for path in paths:
        if not path.is_file():
            raise PolicyError("no such file", file=str(path))
        jurisdiction = jurisdiction_of(path, content_dir)
        result = import_text(yamlio.read_text(path), path.stem, jurisdiction)
        kept += _write(content_dir, path, jurisdiction, result, force)
        _summary(path, result)
        imported.setdefault(jurisdiction, []).append((path, result))
    for jurisdiction, results in imported.items():
        registry.update(content_dir, jurisdiction, [p for p, _ in results],
                        [d for _, r in results for d in r.documents])
    if kept:
        print("kept (edited by hand since import; use --force to overwrite):")
        for p in kept:
            print(f"  {p}")
        return 1
    return 0


def _write(content_dir: Path, path: Path, jurisdiction: str, result: Imported, force: bool) -> list[Path]:
    folder = content_dir / "documents" / jurisdiction
    manifest_path = content_dir / "sources" / f"{path.stem}.yml"
    for doc in result.documents:
        file = str(folder / f"{doc['id']}.yml")
        schema.validate(doc, schema.DOCUMENT, file, {})
        for i, block in enumerate(doc["blocks"]):
            schema.validate(block, schema.BLOCK_ITEMS, file, {}, ("blocks", i))
    schema.validate(result.manifest, schema.MANIFEST, str(manifest_path), {})
    kept = []
    for doc in result.documents:
        target = folder / f"{doc['id']}.yml"
        if writer.write(target, writer.render(doc), force) == "kept":
            kept.append(target)
    for old_id in _previous_documents(manifest_path):
        if old_id not in result.manifest["documents"]:
            target = folder / f"{old_id}.yml"
            if target.exists() and writer.remove(target, force) == "kept":
                kept.append(target)
    if writer.write(manifest_path, writer.render(result.manifest), force) == "kept":
        kept.append(manifest_path)
    return kept


def _previous_documents(manifest_path: Path) -> list[str]:
    if not manifest_path.exists():
        return []
    try:
        data, _ = yamlio.load(manifest_path)
    except PolicyError:
        return []
    docs = data.get("documents") if isinstance(data, dict) else None
    return [d for d in docs or [] if isinstance(d, str)]


def _summary(path: Path, result: Imported) -> None:
    docs = result.documents
    embedded = sum(1 for d in docs if d["parent"])
    found = [i for d in docs for b in d["blocks"] for i in ([b["item"]] if "item" in b else []) + b.get("items", [])]
    responsible = sum(1 for i in found if i["lead"] or i["participants"] or i["generic"])
    print(f"{path.name}: {len(docs) - embedded} documents + {embedded} issued policies, "
          f"{len(result.manifest['furniture'])} furniture records, {len(found)} items "
          f"({responsible} with responsibility), {len(result.manifest['unplaced'])} unplaced")
    for u in result.manifest["unplaced"]:
        print(f"  unplaced {u['kind']} {path.name}:{u['lines'][0]}-{u['lines'][1]}: {u['text'][:60]}")
