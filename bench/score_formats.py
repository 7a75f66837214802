"""Score the importer on the files people have: each text set as a gazette PDF, a Word
file, saved web pages (one per document), GB18030 and UTF-16 text, imported from that
file and compared with the import of the text itself; and a 200-page gazette PDF
imported by the real `policykb import`, timed.

    .venv/bin/python -m bench.score_formats [--real N] [--pages 200] [--skip-gazette]

Per format: documents (title, 文号, issuer, date, type, issuing notice) found as the
text import found them, items (document, outline place, kind) found, and leads
identical on the items found. Targets: documents 100%, items >= 99%, leads 100%.
The files are written under build/formats/ (kept for a look); figures also go to
build/score_formats.json. Exit status 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "formats"
SEEDS = sorted((ROOT / "content" / "sources").glob("*.txt"))
REAL = sorted((ROOT / "tests" / "realtexts").glob("*.txt"))
FORMATS = ("pdf", "docx", "html", "gb18030", "utf-16")
TARGETS = {"documents": 1.0, "items": 0.99, "leads": 1.0}


def make(fmt: str, raw: str, documents: list[dict], folder: Path, stem: str) -> list[Path]:
    """The files of one text in one format (web pages: one per document)."""
    from bench.formats import pdf, web, word
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        return web.render(raw, documents, folder, stem)
    path = folder / f"{stem}.{ {'pdf': 'pdf', 'docx': 'docx'}.get(fmt, 'txt') }"
    if fmt == "pdf":
        pdf.render(raw, path, f"{stem}公报", "2022年第1期")
    elif fmt == "docx":
        word.render(raw, path)
    else:
        path.write_bytes(raw.encode(fmt))       # utf-16: with its BOM, as Windows' Notepad writes it
    return [path]


def signature(documents: list[dict]) -> tuple[set, dict]:
    """Documents and items of an import, keyed by what they are, not by file-made ids:
    a document by its metadata and its notice's title; an item by its document's title,
    its place in the outline and its kind; -> its lead."""
    titles = {d["id"]: d["title"] for d in documents}
    docs = {(d["title"], d["doc_number"], d["issuer"], d["date"], d["type"], titles.get(d["parent"]))
            for d in documents}
    items = {}
    for d in documents:
        for b in d["blocks"]:
            for it in ([b["item"]] if "item" in b else []) + b.get("items", []):
                items[(d["title"], it["id"][len(d["id"]):], it["kind"])] = tuple(it["lead"])
    return docs, items


def imported(paths: list[Path]) -> list[dict]:
    from generator.reading import import_text, readers
    out = []
    for path in paths:
        reading = readers.read(path)
        out += import_text(reading.text, path.stem, "x", reading).documents
    return out


def score_text(source: Path) -> dict[str, dict]:
    from generator.reading import import_text
    raw = source.read_text(encoding="utf-8")
    base = import_text(raw, source.stem, "x").documents
    rows = {}
    for fmt in FORMATS:
        started = time.perf_counter()
        paths = make(fmt, raw, base, OUT / fmt, source.stem)
        made = time.perf_counter() - started
        got = imported(paths)
        if fmt == "html":                 # pages hold the documents, not what stands between them
            covered = {d["title"] for d in got}
            want = [d for d in base if d["title"] in covered or _top_title(d, base) in covered]
        else:
            want = base
        rows[fmt] = compare(signature(want), signature(got))
        rows[fmt]["seconds"] = round(time.perf_counter() - started - made, 2)
    return rows


def _top_title(doc: dict, documents: list[dict]) -> str:
    parent = next((d for d in documents if d["id"] == doc["parent"]), None)
    return parent["title"] if parent else doc["title"]


def compare(text: tuple[set, dict], fmt: tuple[set, dict]) -> dict:
    docs, items = text
    got_docs, got_items = fmt
    found = [k for k in items if k in got_items]
    return {"documents": len(docs), "documents_same": len(docs & got_docs), "items": len(items),
            "items_found": len(found), "leads_same": sum(items[k] == got_items[k] for k in found),
            "extra_documents": len(got_docs - docs), "extra_items": len(set(got_items) - set(items)),
            "documents_differ": sorted(map(str, docs ^ got_docs))[:6],
            "items_missing": sorted(map(str, set(items) - set(got_items)))[:6]}


def totals(per_text: dict[str, dict[str, dict]]) -> dict[str, dict]:
    out = {}
    for fmt in FORMATS:
        rows = [r[fmt] for r in per_text.values()]
        s = {k: sum(r[k] for r in rows) for k in ("documents", "documents_same", "items", "items_found",
                                                  "leads_same", "extra_documents", "extra_items", "seconds")}
        s["documents_pct"] = s["documents_same"] / s["documents"] if s["documents"] else 1.0
        s["items_pct"] = s["items_found"] / s["items"] if s["items"] else 1.0
        s["leads_pct"] = s["leads_same"] / s["items_found"] if s["items_found"] else 1.0
        out[fmt] = s
    return out


# ------------------------------------------------------------------ a 200-page gazette

def gazette_pdf(pages: int) -> Path:
    """The seeds set one after another as one gazette, cut at `pages` pages."""
    import pypdfium2 as pdfium
    from bench.formats import pdf
    folder = OUT / "gazette"
    folder.mkdir(parents=True, exist_ok=True)
    raw, whole = "", folder / "whole.pdf"
    for source in sorted(SEEDS, key=lambda p: -p.stat().st_size):
        raw += source.read_text(encoding="utf-8") + "\n"
        if pdf.render(raw, whole, "淄博市人民政府公报", "2022年第1期") >= pages:
            break
    src, cut = pdfium.PdfDocument(whole), pdfium.PdfDocument.new()
    cut.import_pages(src, list(range(min(pages, len(src)))))
    out = folder / f"gazette-{pages}.pdf"
    cut.save(out)
    return out


def time_gazette(path: Path) -> dict:
    """`policykb import` of the PDF into a fresh content folder: wall time, peak RSS."""
    with tempfile.TemporaryDirectory(prefix="policykb-gazette-") as tmp:
        content = Path(tmp) / "content"
        (content / "sources").mkdir(parents=True)
        shutil.copy(ROOT / "content" / "jurisdictions.yml", content / "jurisdictions.yml")
        args = [sys.executable, "-m", "generator", "import", "--content", str(content), "--jurisdiction", "zichuan",
                "--allow-unplaced", str(path)]
        log = Path(tmp) / "log"
        started = time.perf_counter()
        with log.open("w") as out:
            proc = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        lines = log.read_text(encoding="utf-8").strip().splitlines()
    import pypdfium2 as pdfium
    return {"pages": len(pdfium.PdfDocument(path)), "seconds": round(seconds, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "exit": os.waitstatus_to_exitcode(status),
            "summary": next((ln for ln in lines if ln.startswith(path.stem)), lines[-1] if lines else "")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real", type=int, default=8, help="real texts too: every k-th of tests/realtexts, N of them")
    ap.add_argument("--pages", type=int, default=200, help="pages of the timed gazette PDF")
    ap.add_argument("--skip-gazette", action="store_true", help="no timed gazette import")
    args = ap.parse_args(argv)
    sources = SEEDS + (REAL[:: max(1, len(REAL) // args.real)][:args.real] if args.real else [])
    per_text = {}
    for source in sources:
        per_text[source.stem] = score_text(source)
        row = per_text[source.stem]
        print(f"{source.stem:34}" + "  ".join(
            f"{fmt} {r['documents_same']}/{r['documents']} {r['items_found']}/{r['items']} "
            f"{r['leads_same']}/{r['items_found']}" for fmt, r in row.items()), flush=True)
    result = {"texts": list(per_text), "per_text": per_text, "formats": totals(per_text)}
    print(f"\n{len(per_text)} texts ({len(SEEDS)} seeds, {len(per_text) - len(SEEDS)} real texts); "
          f"vs the import of the text itself")
    print(f"{'format':10}{'documents':>16}{'items':>18}{'leads':>18}{'extra d/i':>11}{'import s':>10}")
    for fmt, s in result["formats"].items():
        ok = all(s[f"{k}_pct"] >= t for k, t in TARGETS.items())
        print(f"{fmt:10}{s['documents_pct']:>9.1%} {s['documents_same']:>6}{s['items_pct']:>9.1%} {s['items_found']:>8}"
              f"{s['leads_pct']:>9.1%} {s['leads_same']:>8}{s['extra_documents']:>5}/{s['extra_items']:<5}"
              f"{s['seconds']:>10.1f}  {'ok' if ok else 'BELOW TARGET'}")
    for stem, row in per_text.items():
        for fmt, r in row.items():
            for d in r["documents_differ"]:
                print(f"  {stem} {fmt} document differs: {d[:150]}")
            for i in r["items_missing"]:
                print(f"  {stem} {fmt} item missing: {i[:150]}")
    if not args.skip_gazette:
        pdf = gazette_pdf(args.pages)
        g = time_gazette(pdf)
        result["gazette"] = g
        print(f"\ngazette PDF {pdf.relative_to(ROOT)} ({g['pages']} pages): policykb import {g['seconds']} s "
              f"(target < 60 s), peak RSS {g['peak_rss_mb']:.0f} MB, exit {g['exit']}: {g['summary'][:120]}")
    (ROOT / "build" / "score_formats.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
