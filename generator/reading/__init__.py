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
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import schema, yamlio
from generator.errors import PolicyError
from generator.reading import (columns, genre, items, lines as lines_stage, metadata, origin, readers, registry,
                                segment, tables, text, webpage, writer)


@dataclass
class Imported:
    documents: list[dict]
    manifest: dict
    unplaced: list[dict] = field(default_factory=list)


def import_text(raw: str, stem: str, jurisdiction: str, reading: readers.Reading | None = None) -> Imported:
    """Import one gazette's text (pure: no files touched). `reading`: what the reader of
    its file found besides the text (furniture lines, pages, the original)."""
    source = f"sources/{stem}.txt"
    lines, inline = text.read_lines(raw)
    converted = text.to_simplified(lines)
    text.mark_furniture(lines)
    for ln in lines:
        if reading is not None and ln.no in reading.marks and not ln.furniture:
            ln.furniture = reading.marks[ln.no]
    pages = webpage.mark(lines)
    inline += [page.cut for page in pages if page.cut]
    furniture = text.records(lines)
    found = tables.find_tables(lines, lines_stage.hard_start)
    taken = {k for t in found for k in range(t.first, t.last + 1)}
    found = sorted(found + columns.find_column_tables(lines, taken), key=lambda t: t.first)
    paras = lines_stage.join(lines, found)
    paras, toc = _drop_contents_lists(paras)
    segments, loose = segment.split(paras)
    _attach_metadata(segments, pages)
    _attach_imprints(segments, furniture)
    documents: list[dict] = []
    gazette = metadata.gazette(furniture)
    for n, seg in enumerate(segments, 1):
        doc_id = f"{stem}-{n:02d}"
        parent = metadata.document(seg, doc_id, jurisdiction, source, None, gazette)
        documents.append(parent)
        for m, child in enumerate(seg.children, 1):
            documents.append(metadata.document(child, f"{doc_id}-{m}", jurisdiction, source, parent, gazette))
    for t in found:
        furniture += [{"kind": "table-header-repeat", "lines": list(r), "text": " | ".join(t.header).strip(" |") or None}
                      for r in t.repeated_headers]
    furniture = sorted(furniture + inline + toc, key=lambda f: f["lines"])
    unplaced = [{"kind": "text", "lines": p.lines, "text": p.text} for p in loose]
    unattached = [u for d in documents for u in items.attach(d)]
    items.apply_conventions(documents)
    manifest = {
        "source": source,
        "jurisdiction": jurisdiction,
        "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "documents": [d["id"] for d in documents],
        "furniture": furniture,
        "unplaced": sorted(unplaced + unattached, key=lambda u: u["lines"]),
    }
    if converted:
        manifest["script"] = "traditional"       # read in simplified characters
    if reading is not None:
        manifest.update(reading.manifest(stem))
    return Imported(documents, manifest, unplaced)


_IMPRINTED = re.compile(text.DATE + r"(?=\s*印发$)", re.M)


def _attach_imprints(segments: list, furniture: list[dict]) -> None:
    """A 版记's 印发 date (某县人民政府办公室2017年5月27日印发) belongs to the document it closes: the
    date a copy without a dated signature has."""
    for f in furniture:
        m = _IMPRINTED.search(f["text"] or "") if f["kind"] == "imprint" else None
        seg = next((s for s in reversed(segments) if s.first <= f["lines"][0]), None) if m else None
        if seg is not None:
            seg.meta.setdefault("imprinted", m.group(0))


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
    first = _entry_key(paras[start].text)
    j = start + 1
    while j < len(paras) and _entry(paras[j]):
        if _entry_key(paras[j].text) == first:
            return j if j - start >= 3 else None
        j += 1
    return None


def _entry_key(t: str) -> str:
    """An entry as its heading recurs in the text: no leader dots, no page number."""
    return re.sub(r"[.．…·]*\d{0,4}$", "", text.compact(t))


def _entry(p) -> bool:
    t = text.compact(p.text)
    return bool(not p.table and not p.boundary and genre.heading(t) and len(t) <= 40
                and not any(c in t for c in "。；，,"))


@dataclass
class _Planned:
    path: Path              # the file as given
    stem: str               # its name in content/sources
    jurisdiction: str
    result: Imported
    reading: readers.Reading     # the file's text, and what its reader found besides


def _registry(path: Path) -> list[dict]:
    if not path.exists():
        return []
    data, _ = yamlio.load(path)
    return [j for j in data or [] if isinstance(j, dict) and j.get("id")]


def _plan(path: Path, reading: readers.Reading, given: str | None, jurs: list[dict], added: list[dict],
          taken: set[str]) -> _Planned:
    """Which jurisdiction, which source name: given, or by the file's name, or read
    from the issuer of its first document (then added to the registry for review)."""
    raw = reading.text
    jid = given or origin.by_file_name(path, jurs + added)
    probe = import_text(raw, "probe", jid or "probe", reading)
    top = [d for d in probe.documents if d["parent"] is None]
    year = next((d["date"][:4] for d in top if d.get("date")), None)
    if jid is None or all(j["id"] != jid for j in jurs + added):
        place = next((p for d in top for p in [origin.place_of(d.get("issuer"))] if p), None)
        found = origin.known(jurs + added, place) if place else None
        if found and not given:
            jid = found
        elif place:
            jid = jid or origin.new_id(place, {j["id"] for j in jurs + added})
            added.append(place.record(jid))
        else:
            raise origin.unknown_jurisdiction(path, given, [j["id"] for j in jurs])
    stem = origin.stem_for(path, jid, year, taken)
    taken.add(stem)
    return _Planned(path, stem, jid, import_text(raw, stem, jid, reading) if stem != "probe" else probe, reading)


def run_import(content_dir: Path, sources: list[Path] | None = None, force: bool = False,
               jurisdiction: str | None = None, allow_unplaced: bool = False) -> int:
    """Import gazettes into content/; 0 when done, 1 when text or responsibility was left
    unplaced (unless allowed). Every file is read and checked before anything is written."""
    content_dir = Path(content_dir)
    paths = [_original(Path(s)) for s in sources] if sources else _default_sources(content_dir / "sources")
    if not paths:
        raise PolicyError("no gazette found (put .txt, .pdf, .docx or .html files in sources/)",
                          file=str(content_dir / "sources"))
    registry_file = content_dir / "jurisdictions.yml"
    jurs, added = _registry(registry_file), []
    taken = {p.stem for p in (content_dir / "sources").glob("*.txt")} - {p.stem for p in paths}
    planned = []
    for path in paths:
        if not path.is_file():
            raise PolicyError("no such file", file=str(path))
        planned.append(_plan(path, readers.read(path), jurisdiction, jurs, added, taken))
    for plan in planned:
        _validate(content_dir, plan)
    kept: list[Path] = []
    imported: dict[str, list[_Planned]] = {}
    with writer.Journal():           # all of its files or none
        if added:
            _add_jurisdictions(registry_file, added)
        for plan in planned:
            kept += _write(content_dir, plan, force)
            imported.setdefault(plan.jurisdiction, []).append(plan)
        for jid, plans in imported.items():
            registry.update(content_dir, jid, [content_dir / "sources" / f"{p.stem}.txt" for p in plans],
                            [d for p in plans for d in p.result.documents])
    for plan in planned:
        _summary(plan)
    for j in added:
        print(f"added jurisdiction {j['id']} ({j['name']}) to {registry_file}, marked review: true — check it")
    if kept:
        print("kept (edited by hand since import; use --force to overwrite):")
        for p in kept:
            print(f"  {p}")
    left = sum(len(p.result.manifest["unplaced"]) for p in planned)
    if left and not allow_unplaced:
        print(f"{left} unplaced (listed above): correct the text or the YAML, or accept them with --allow-unplaced")
        return 1
    return 0


def _original(path: Path) -> Path:
    """A text the importer wrote beside the file it read (content/sources/<stem>.txt,
    its manifest naming the original) is read again from that file."""
    manifest = path.with_suffix(".yml")
    if path.suffix != ".txt" or path.parent.name != "sources" or not manifest.is_file():
        return path
    try:
        data, _ = yamlio.load(manifest)
    except PolicyError:
        return path
    original = data.get("original") if isinstance(data, dict) else None
    if isinstance(original, str) and (path.parent.parent / original).is_file():
        return path.parent.parent / original
    return path


def _default_sources(folder: Path) -> list[Path]:
    """Every gazette in content/sources: each text (or the original it was read from),
    and each file of another format not imported yet."""
    out = [_original(p) for p in sorted(folder.glob("*.txt"))]
    out += [p for p in sorted(folder.glob("*")) if p.suffix.lower() in readers.SUFFIXES and p.suffix != ".txt"
            and p not in out and not p.with_suffix(".txt").exists()]
    return out


def _add_jurisdictions(path: Path, added: list[dict]) -> None:
    """Append to the editors' registry, leaving what they wrote byte for byte."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    sep = "" if not old or old.endswith("\n") else "\n"
    writer.replace_text(path, old + sep + yamlio.dump(added))


def _validate(content_dir: Path, plan: _Planned) -> None:
    folder = content_dir / "documents" / plan.jurisdiction
    for doc in plan.result.documents:
        file = str(folder / f"{doc['id']}.yml")
        schema.validate(doc, schema.DocumentRecord, file, {})
    schema.validate(plan.result.manifest, schema.Manifest, str(content_dir / "sources" / f"{plan.stem}.yml"), {})


def _write(content_dir: Path, plan: _Planned, force: bool) -> list[Path]:
    folder = content_dir / "documents" / plan.jurisdiction
    source = content_dir / "sources" / f"{plan.stem}.txt"
    suffix = plan.reading.suffix
    if suffix is None:                            # UTF-8 text: the file itself is the source
        if not source.exists() or source.resolve() != plan.path.resolve():
            writer.copy(plan.path, source)        # every fact links back to a source in content/
    else:                                         # the text read from it, and the file beside it
        original = source.with_name(plan.stem + suffix)
        if not original.exists() or original.resolve() != plan.path.resolve():
            writer.copy(plan.path, original)
        if not source.exists() or source.read_text(encoding="utf-8", errors="replace") != plan.reading.text:
            writer.replace_text(source, plan.reading.text)
    manifest_path = source.with_suffix(".yml")
    result = plan.result
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


def _summary(plan: _Planned) -> None:
    result, name = plan.result, f"{plan.stem}.txt"
    read_from = ""
    if plan.reading.suffix is not None:
        pages = plan.reading.pages
        read_from = f" read from {plan.path.name}" + (f" ({len(pages)} pages)" if pages else "")
    docs = result.documents
    embedded = sum(1 for d in docs if d["parent"])
    found = [i for d in docs for b in d["blocks"] for i in ([b["item"]] if "item" in b else []) + b.get("items", [])]
    responsible = sum(1 for i in found if i["lead"] or i["participants"] or i["generic"])
    print(f"{name}{read_from} ({plan.jurisdiction}): {len(docs) - embedded} documents + {embedded} issued policies, "
          f"{len(result.manifest['furniture'])} furniture records, {len(found)} items "
          f"({responsible} with responsibility), {len(result.manifest['unplaced'])} unplaced")
    for u in result.manifest["unplaced"]:
        print(f"  unplaced {u['kind']} {name}:{u['lines'][0]}-{u['lines'][1]}: {u['text'][:60]}")
